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

/* An integer load or store, what emulating it needs (not its address: the
 * trap gives that). */
struct mem_access {
	bool store;
	bool sign_extend;  /* loads: lb, lh, lw (and their compressed forms) */
	unsigned size;     /* bytes: 1, 2, 4 or 8 */
	unsigned reg;      /* rd of a load, rs2 of a store */
	unsigned len;      /* the instruction's length: 2 (compressed) or 4 */
};

/* The instruction as it is in memory: a 32-bit load/store (LB..LD, LBU..LWU,
 * SB..SD), or, when its low two bits are not 11, a 16-bit compressed one in the
 * low half (C.LW, C.LD, C.SW, C.SD, their SP-relative forms, Zcb's C.LBU, C.LH,
 * C.LHU, C.SB, C.SH). False for anything else (floating point, AMOs, ...). */
bool insn_decode_mem(uint32_t insn, struct mem_access *a);
/* htinst/mtinst after a load or store fault: a transformed instruction
 * (privileged spec, H extension, "Transformed Instruction or Pseudoinstruction
 * for mtinst or htinst": the 32-bit form with its offset fields replaced, bit 1
 * cleared when the instruction was compressed). False for 0 (the hart gave no
 * instruction), a pseudoinstruction (a VS-stage page-table access) or anything
 * that is not an integer load or store. */
bool insn_decode_transformed(uint32_t tinst, struct mem_access *a);
/* A load's result as the register gets it: size bytes of raw, sign- or
 * zero-extended to 64 bits. */
uint64_t insn_load_result(const struct mem_access *a, uint64_t raw);

#endif
