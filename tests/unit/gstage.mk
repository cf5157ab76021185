UNIT_TESTS += gstage
UNIT_SRCS_gstage := mm/gstage.c mm/palloc.c mm/memops.c tests/unit/gstage_walk.c
