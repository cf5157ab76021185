/* The hgatp CSR's fields (privileged spec, H extension). Constants only, so the
 * pure G-stage code, the hardware probes and host tests share one copy. */
#ifndef MM_HGATP_H
#define MM_HGATP_H

#define HGATP_MODE_SHIFT  60
#define HGATP_MODE_SV39X4 8ULL
#define HGATP_MODE_SV48X4 9ULL
#define HGATP_MODE_SV57X4 10ULL
#define HGATP_VMID_SHIFT  44
#define HGATP_VMID_MASK   0x3FFFULL

#endif
