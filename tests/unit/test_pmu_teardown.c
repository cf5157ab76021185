/* Teardown step 2 and its relatives (reset, snapshot disable/re-register)
 * never touch guest memory: the fake gate of fake_guest_mem.c fails the test
 * on any read or write, also when the memory was already closed while a
 * snapshot area was registered and counters were running. And the guest
 * accesses that are allowed are exactly the spec's, entry by entry. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "pmu_fixture.h"
#include "fake_guest_mem.h"

#define RAM_SIZE (32 * 1024)
#define AREA     (RAM_GPA + 0x2000)

/* host, gm, p, CALL, assert_err and cfg come from pmu_fixture.h */
static uint8_t ram[RAM_SIZE];

/* A busy vcpu: snapshot area registered, hardware counters 0 and 3 running,
 * 4 configured and stopped, firmware counters running with counts. */
static int setup_busy(void **state)
{
	/* the gate is reset first: booting the fixture touches no guest memory */
	fake_gmem_reset();
	pmu_fixture_boot(false, false, ram, sizeof(ram), 0x3c);
	assert_err(CALL(SNAPSHOT_SET_SHMEM, AREA, 0, 0, 0, 0), SBI_SUCCESS);
	assert_int_equal(cfg(0, 1, SBI_PMU_CFG_FLAG_AUTO_START, EV_CYCLES), 0);
	assert_int_equal(cfg(3, 1, SBI_PMU_CFG_FLAG_AUTO_START, EV_DTLB_RD_MISS), 3);
	assert_int_equal(cfg(4, 1, 0, EV_DTLB_RD_MISS), 4);
	assert_int_equal(cfg(FW0, 0xffff, SBI_PMU_CFG_FLAG_AUTO_START, EV_FW(SBI_PMU_FW_SET_TIMER)), FW0);
	assert_int_equal(cfg(FW0, 0xffff, SBI_PMU_CFG_FLAG_AUTO_START, EV_FW(SBI_PMU_FW_IPI_RCVD)), FW0 + 1);
	pmu_fw_count(p, SBI_PMU_FW_SET_TIMER);
	pmu_fw_count(p, SBI_PMU_FW_IPI_RCVD);
	assert_err(CALL(COUNTER_STOP, FW0, 1, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT, 0, 0), SBI_SUCCESS);
	assert_err(CALL(COUNTER_START, FW0, 1, SBI_PMU_START_FLAG_INIT_SNAPSHOT, 0, 0), SBI_SUCCESS);
	assert_true(fake_running(0) && fake_running(3) && fake_mapped(4));
	assert_int_equal(pmu_hcounteren(p), 0x9);
	fake_gmem_reset();
	fake_pmu.reset_done = 0;
	return 0;
}

static void assert_released(void)
{
	/* every host counter that backed a guest counter: stopped with RESET */
	assert_int_equal(fake_pmu.reset_done, (1u << 0) | (1u << 3) | (1u << 4));
	for (unsigned i = 0; i < FAKE_HW; i++)
		if (i != 2)
			assert_false(fake_mapped(i) || (i != 1 && fake_running(i)));
	assert_true(fake_mapped(2) && fake_running(2));  /* not the guest's: untouched */
	assert_int_equal(p->configured, 0);
	assert_int_equal(p->started, 0);
	assert_int_equal(pmu_hcounteren(p), 0);
	assert_false(pmu_lcofi_pending(p));
	for (unsigned i = 0; i < PMU_MAX_CTRS; i++) {
		assert_int_equal(p->ctr[i].value, 0);
		assert_int_equal(p->ctr[i].event_idx, 0);
	}
	/* snapshot GPA invalid, shadow dropped */
	assert_int_equal(p->snap.gpa, PMU_SHMEM_NONE);
	assert_int_equal(p->snap.overflow, 0);
	static const uint64_t zero[PMU_SNAP_ENTRIES];
	assert_memory_equal(p->snap.values, zero, sizeof(zero));
	assert_int_equal(fake_gmem.n_read + fake_gmem.n_write + fake_gmem.n_range_ok, 0);
}

static void deinit_touches_no_guest_memory(void **state)
{
	fake_gmem.forbid = true;
	pmu_vcpu_deinit(p);
	assert_released();
	/* dead: calls fail, still without touching memory */
	assert_err(CALL(COUNTER_STOP, FW0, 1, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT, 0, 0), SBI_ERR_FAILED);
	assert_err(CALL(SNAPSHOT_SET_SHMEM, AREA, 0, 0, 0, 0), SBI_ERR_FAILED);
	pmu_fw_count(p, SBI_PMU_FW_SET_TIMER);
	pmu_vcpu_deinit(p);  /* twice is harmless */
	assert_int_equal(fake_gmem.n_read + fake_gmem.n_write, 0);
}

static void deinit_after_memory_closed(void **state)
{
	/* teardown step 1 closed the gate while the area was registered and
	 * counters were running */
	gmem_close(&gm);
	fake_gmem.forbid = true;
	pmu_vcpu_deinit(p);
	assert_released();
}

static void deinit_after_memory_destroyed(void **state)
{
	/* the RAM is gone altogether: any access would be a use after free */
	gmem_close(&gm);
	gm.hva = NULL;
	gm.size = 0;
	fake_gmem.forbid = true;
	pmu_vcpu_deinit(p);
	assert_released();
}

/* SRST reboot: the vcpu PMU is torn down and made anew over the same RAM. */
static void reboot_touches_no_guest_memory(void **state)
{
	fake_gmem.forbid = true;
	pmu_vcpu_deinit(p);
	assert_released();
	pmu_vcpu_init(p, &host, &gm);
	/* after the reboot the vcpu PMU works, with no area */
	fake_gmem.forbid = false;
	assert_int_equal(CALL(NUM_COUNTERS, 0, 0, 0, 0, 0).value, 35);
	assert_int_equal(cfg(FW0, 1, SBI_PMU_CFG_FLAG_AUTO_START, EV_FW(5)), FW0);
	assert_err(CALL(COUNTER_STOP, FW0, 1, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT, 0, 0), SBI_ERR_NO_SHMEM);
	assert_int_equal(cfg(3, 1, SBI_PMU_CFG_FLAG_AUTO_START, EV_DTLB_RD_MISS), 3);
	assert_int_equal(fake_gmem.n_read + fake_gmem.n_write, 0);
}

static void shmem_set_disable_reregister_touch_nothing(void **state)
{
	fake_gmem.forbid = true;
	assert_err(CALL(SNAPSHOT_SET_SHMEM, ~0UL, ~0UL, 0, 0, 0), SBI_SUCCESS);
	assert_err(CALL(SNAPSHOT_SET_SHMEM, AREA, 0, 0, 0, 0), SBI_SUCCESS);
	assert_err(CALL(SNAPSHOT_SET_SHMEM, AREA + 0x1000, 0, 0, 0, 0), SBI_SUCCESS);
	assert_err(CALL(SNAPSHOT_SET_SHMEM, AREA + 0x1000, 0, 0, 0, 0), SBI_SUCCESS);
	assert_err(CALL(SNAPSHOT_SET_SHMEM, RAM_GPA + RAM_SIZE, 0, 0, 0, 0), SBI_ERR_INVALID_ADDRESS);
	assert_err(CALL(SNAPSHOT_SET_SHMEM, ~0UL, ~0UL, 0, 0, 0), SBI_SUCCESS);
	/* also with the gate closed */
	gmem_close(&gm);
	assert_err(CALL(SNAPSHOT_SET_SHMEM, AREA, 0, 0, 0, 0), SBI_SUCCESS);
	assert_err(CALL(SNAPSHOT_SET_SHMEM, ~0UL, ~0UL, 0, 0, 0), SBI_SUCCESS);
	/* and the calls that do not name the area */
	assert_err(CALL(COUNTER_STOP, 3, 1, SBI_PMU_STOP_FLAG_RESET, 0, 0), SBI_SUCCESS);
	assert_err(CALL(COUNTER_START, FW0 + 1, 1, SBI_PMU_START_FLAG_SET_INIT_VALUE, 3, 0),
		   SBI_ERR_ALREADY_STARTED);
	assert_int_equal(fake_gmem.n_read + fake_gmem.n_write, 0);
}

static void allowed_accesses_are_entry_exact(void **state)
{
	/* INIT_SNAPSHOT: one 8-byte read per counter started, nothing written */
	assert_err(CALL(COUNTER_STOP, 0, 0x9, 0, 0, 0), SBI_SUCCESS);
	assert_err(CALL(COUNTER_START, 0, 0x19, SBI_PMU_START_FLAG_INIT_SNAPSHOT, 0, 0), SBI_SUCCESS);
	assert_int_equal(fake_gmem.n_write, 0);
	assert_int_equal(fake_gmem.n_read, 3);
	const uint64_t rd[] = { AREA + 8, AREA + 8 + 3 * 8, AREA + 8 + 4 * 8 };
	for (int i = 0; i < 3; i++) {
		assert_int_equal(fake_gmem.reads[i].gpa, rd[i]);
		assert_int_equal(fake_gmem.reads[i].len, 8);
	}
	/* TAKE_SNAPSHOT: one 8-byte write per stopped counter, then the bitmap */
	fake_gmem_reset();
	assert_err(CALL(COUNTER_STOP, 3, 0x3, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT, 0, 0), SBI_SUCCESS);
	assert_int_equal(fake_gmem.n_read, 0);
	assert_int_equal(fake_gmem.n_write, 3);
	const uint64_t wr[] = { AREA + 8, AREA + 16, AREA };
	for (int i = 0; i < 3; i++) {
		assert_int_equal(fake_gmem.writes[i].gpa, wr[i]);
		assert_int_equal(fake_gmem.writes[i].len, 8);
	}
	/* the stops, starts, reads and counts in between: nothing */
	fake_gmem_reset();
	fake_gmem.forbid = true;
	assert_err(CALL(COUNTER_START, 3, 1, 0, 0, 0), SBI_SUCCESS);
	assert_err(CALL(COUNTER_STOP, 3, 1, SBI_PMU_STOP_FLAG_RESET, 0, 0), SBI_SUCCESS);
	assert_int_equal(CALL(COUNTER_FW_READ, FW0, 0, 0, 0, 0).error, 0);
	uint64_t v;
	assert_int_equal(pmu_counter_csr_read(p, 4, &v), 0);
	pmu_fw_count(p, SBI_PMU_FW_IPI_RCVD);
	(void)pmu_overflow_irq(p);
}

#define T(f) cmocka_unit_test_setup(f, setup_busy)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(deinit_touches_no_guest_memory),
		T(deinit_after_memory_closed),
		T(deinit_after_memory_destroyed),
		T(reboot_touches_no_guest_memory),
		T(shmem_set_disable_reregister_touch_nothing),
		T(allowed_accesses_are_entry_exact),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
