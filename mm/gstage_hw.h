/* What the hart's hgatp accepts, found by writing and reading back (never assumed). */
#ifndef MM_GSTAGE_HW_H
#define MM_GSTAGE_HW_H

#define HGATP_MODE_SV39X4 8
#define HGATP_MODE_SV48X4 9
#define HGATP_MODE_SV57X4 10

/* Bit i set: hgatp mode i is accepted. */
unsigned gstage_probe_modes(void);
/* Writable VMID bits (0..14). */
unsigned gstage_probe_vmid_bits(void);

#endif
