#include "hyp/insn.h"

#define OPCODE_SYSTEM 0x73

bool insn_decode_csr(uint32_t insn, struct csr_access *a)
{
	unsigned funct3 = (insn >> 12) & 7;
	if ((insn & 0x7f) != OPCODE_SYSTEM || funct3 == 0 || funct3 == 4)
		return false;
	a->csr = insn >> 20;
	a->rd = (insn >> 7) & 31;
	a->rs1 = (insn >> 15) & 31; /* a register, or the 5-bit immediate for csrr*i */
	/* csrrw/csrrwi always write; csrrs/csrrc(i) write unless rs1/uimm is 0. */
	a->writes = (funct3 & 3) == 1 || a->rs1 != 0;
	return true;
}

#define OPCODE_LOAD  0x03
#define OPCODE_STORE 0x23

static bool decode_32(uint32_t insn, struct mem_access *a)
{
	unsigned funct3 = (insn >> 12) & 7;
	switch (insn & 0x7f) {
	case OPCODE_LOAD:
		if (funct3 == 7)
			return false;
		*a = (struct mem_access){ .store = false, .sign_extend = funct3 < 3, .size = 1u << (funct3 & 3),
					  .reg = (insn >> 7) & 31, .len = 4 };
		return true;
	case OPCODE_STORE:
		if (funct3 > 3)
			return false;
		*a = (struct mem_access){ .store = true, .size = 1u << funct3, .reg = (insn >> 20) & 31, .len = 4 };
		return true;
	default:
		return false;
	}
}

static bool mem16(struct mem_access *a, bool store, bool sign_extend, unsigned size, unsigned reg)
{
	*a = (struct mem_access){ .store = store, .sign_extend = sign_extend, .size = size, .reg = reg, .len = 2 };
	return true;
}

/* Quadrant 0 names x8..x15 in three bits (rd'/rs2' at 4:2); quadrant 2 names
 * any register (rd at 11:7, rs2 at 6:2; c.lwsp/c.ldsp with rd 0 are reserved). */
static bool decode_compressed(uint16_t c, struct mem_access *a)
{
	unsigned funct3 = c >> 13, reg_q0 = 8 + ((c >> 2) & 7);
	switch (c & 3) {
	case 0:
		switch (funct3) {
		case 2: return mem16(a, false, true, 4, reg_q0);   /* c.lw */
		case 3: return mem16(a, false, false, 8, reg_q0);  /* c.ld */
		case 6: return mem16(a, true, false, 4, reg_q0);   /* c.sw */
		case 7: return mem16(a, true, false, 8, reg_q0);   /* c.sd */
		case 4: /* Zcb: funct6 100000 c.lbu, 100001 c.lhu/c.lh, 100010 c.sb, 100011 c.sh */
			switch ((c >> 10) & 7) {
			case 0: return mem16(a, false, false, 1, reg_q0);
			case 1: return mem16(a, false, (c >> 6) & 1, 2, reg_q0);
			case 2: return mem16(a, true, false, 1, reg_q0);
			case 3: return !((c >> 6) & 1) && mem16(a, true, false, 2, reg_q0);
			}
		}
		return false;
	case 2:
		switch (funct3) {
		case 2: return ((c >> 7) & 31) && mem16(a, false, true, 4, (c >> 7) & 31);   /* c.lwsp */
		case 3: return ((c >> 7) & 31) && mem16(a, false, false, 8, (c >> 7) & 31);  /* c.ldsp */
		case 6: return mem16(a, true, false, 4, (c >> 2) & 31);  /* c.swsp */
		case 7: return mem16(a, true, false, 8, (c >> 2) & 31);  /* c.sdsp */
		}
		return false;
	default:
		return false;
	}
}

bool insn_decode_mem(uint32_t insn, struct mem_access *a)
{
	if ((insn & 3) == 3)
		return decode_32(insn, a);
	return decode_compressed((uint16_t)insn, a);
}

bool insn_decode_transformed(uint32_t tinst, struct mem_access *a)
{
	/* Bits 1:0 are 11 for a 32-bit instruction, 01 for a compressed one
	 * (its 32-bit form with bit 1 cleared), 00 for 0 and the pseudoinstructions. */
	if (!(tinst & 1) || !decode_32(tinst | 2, a))
		return false;
	a->len = tinst & 2 ? 4 : 2;
	return true;
}

uint64_t insn_load_result(const struct mem_access *a, uint64_t raw)
{
	unsigned shift = 64 - 8 * a->size;
	if (shift == 0)
		return raw;
	if (a->sign_extend)
		return (uint64_t)((int64_t)(raw << shift) >> shift);
	return raw & (~0ULL >> shift);
}
