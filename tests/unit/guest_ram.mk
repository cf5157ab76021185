# Guest RAM gathered in pieces, mapped, accessed through the real gate across piece boundaries.
UNIT_TESTS += guest_ram
UNIT_SRCS_guest_ram := mm/guest_ram.c mm/guest_mem.c mm/gstage.c mm/palloc.c mm/memops.c tests/unit/gstage_walk.c
