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
