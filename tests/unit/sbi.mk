# The hypervisor's top layer on the host: all of hyp/ with its real boot/, mm/
# and pmu/ below, over the fake hart (tests/unit/fake_hart.c: boot/csr.h and
# boot/sbi_call.h), the fake firmware PMU (PMU_CORE, pmu.mk) and the VM of
# tests/unit/hyp_fixture.c. Shared by sbi.mk, vcpu.mk, vm.mk, hart.mk, boot.mk.
HYP_UNIT_SRCS = $(sort $(filter-out hyp/asm_offsets.c,$(wildcard hyp/*.c)) $(wildcard mm/*.c) \
                boot/fdt.c boot/fdt_patch.c boot/isa.c boot/memcheck.c boot/options.c \
                $(PMU_CORE) tests/unit/fake_hart.c tests/unit/hyp_fixture.c)
# The guest DTB template is .include'd by hyp_fixture.c; remote harts are threads.
HYP_UNIT_FLAGS := -Wa,-I$(B)/gen -pthread

# SBI dispatch and every extension, per the spec
UNIT_TESTS += sbi
UNIT_SRCS_sbi = $(HYP_UNIT_SRCS)
$(B)/host/test_sbi: $(B)/gen/guest.dtb
$(B)/host/test_sbi: HOST_CFLAGS += $(HYP_UNIT_FLAGS)
