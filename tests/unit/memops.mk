# word-at-a-time zeroing and copying: every alignment and length against a byte loop
UNIT_TESTS += memops
UNIT_SRCS_memops := mm/memops.c
