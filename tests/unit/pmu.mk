# The guest SBI PMU, against a fake firmware PMU (tests/unit/fake_pmu_hw.c).
PMU_CORE := pmu/pmu.c pmu/pmu_ctr.c pmu/pmu_event.c pmu/pmu_fw.c pmu/pmu_host.c \
            pmu/pmu_overflow.c pmu/pmu_snapshot.c tests/unit/fake_pmu_hw.c mm/memops.c
# tests/unit/pmu_fixture.c: the probed host, vcpu and guest RAM the pmu tests
# share (also used by teardown.mk); it links with either guest-memory gate.

# every function and error, the firmware's lies
UNIT_TESTS += pmu
UNIT_SRCS_pmu := $(PMU_CORE) tests/unit/pmu_fixture.c mm/guest_mem.c

# snapshot area: registration and byte-exact guest access
UNIT_TESTS += pmu_snapshot
UNIT_SRCS_pmu_snapshot := $(PMU_CORE) tests/unit/pmu_fixture.c mm/guest_mem.c

# teardown, reset and snapshot (re)registration never touch guest memory:
# a fake gate that fails the test on any access (tests/unit/fake_guest_mem.c)
UNIT_TESTS += pmu_teardown
UNIT_SRCS_pmu_teardown := $(PMU_CORE) tests/unit/pmu_fixture.c tests/unit/fake_guest_mem.c

# counter overflow: probe verdicts, LCOFI in HS -> hvip -> guest view -> bitmap
UNIT_TESTS += pmu_overflow
UNIT_SRCS_pmu_overflow := $(PMU_CORE) tests/unit/pmu_fixture.c mm/guest_mem.c
