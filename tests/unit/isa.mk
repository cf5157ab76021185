UNIT_TESTS += isa
UNIT_SRCS_isa := boot/isa.c
