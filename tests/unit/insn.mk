UNIT_TESTS += insn
UNIT_SRCS_insn := hyp/insn.c
