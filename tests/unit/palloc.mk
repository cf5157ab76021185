UNIT_TESTS += palloc
UNIT_SRCS_palloc := mm/palloc.c
