UNIT_TESTS += gstage
UNIT_SRCS_gstage := mm/gstage.c mm/palloc.c mm/memops.c
