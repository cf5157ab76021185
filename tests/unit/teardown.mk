# vcpu and VM teardown with a guest-memory gate that fails on any access
UNIT_TESTS += teardown
UNIT_SRCS_teardown := hyp/teardown.c hyp/vcpu_state.c $(PMU_CORE) tests/unit/pmu_fixture.c mm/gstage.c mm/guest_ram.c mm/palloc.c mm/vmid.c \
                      tests/unit/fake_guest_mem.c
