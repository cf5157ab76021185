UNIT_TESTS += memcheck
UNIT_SRCS_memcheck := boot/memcheck.c
