# Guest traps: counter reads emulated, illegal instructions injected, guest-page
# faults, host interrupts (the hyp/ link of sbi.mk)
UNIT_TESTS += vcpu
UNIT_SRCS_vcpu = $(HYP_UNIT_SRCS)
$(B)/host/test_vcpu: $(B)/gen/guest.dtb
$(B)/host/test_vcpu: HOST_CFLAGS += $(HYP_UNIT_FLAGS)
