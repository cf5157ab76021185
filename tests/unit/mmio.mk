UNIT_TESTS += mmio
UNIT_SRCS_mmio := hyp/mmio.c hyp/vuart.c hyp/insn.c
