UNIT_TESTS += vmid
UNIT_SRCS_vmid := mm/vmid.c
