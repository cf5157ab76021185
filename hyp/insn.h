/* Decoding the few instructions the hypervisor emulates (pure, host-tested). */
#ifndef HYP_INSN_H
#define HYP_INSN_H
#include <stdbool.h>
#include <stdint.h>

#define CSR_CYCLE        0xC00
#define CSR_HPMCOUNTER31 0xC1F

struct csr_access {
	unsigned csr, rd, rs1;
	bool writes;      /* the instruction would modify the CSR */
};

/* True when insn is a Zicsr instruction; fills *a. */
bool insn_decode_csr(uint32_t insn, struct csr_access *a);

#endif
