# A VM's creation and every end, hart requests, teardown across harts
# (the hyp/ link of sbi.mk)
UNIT_TESTS += vm
UNIT_SRCS_vm = $(HYP_UNIT_SRCS)
$(B)/host/test_vm: $(B)/gen/guest.dtb
$(B)/host/test_vm: HOST_CFLAGS += $(HYP_UNIT_FLAGS)
