/* The PMU snapshot area: registration checks, and byte-exact guest access -
 * only counter_stop with TAKE_SNAPSHOT writes, and only the stopped counters'
 * entries and the overflow bitmap; only counter_start with INIT_SNAPSHOT reads.
 * Guest RAM is filled with a sentinel and compared byte for byte. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "pmu_fixture.h"

#define RAM_SIZE (64 * 1024 + 2048)   /* the last page straddles the end */
#define AREA     (RAM_GPA + 0x3000)
#define AREA2    (RAM_GPA + 0x5000)
#define SENTINEL 0xa5

/* host, gm, p, CALL, assert_err and cfg come from pmu_fixture.h */
static uint8_t ram[RAM_SIZE];
static uint8_t expect[RAM_SIZE];

static void boot(bool sscof, bool lcofi)
{
	pmu_fixture_boot(sscof, lcofi, ram, sizeof(ram), SENTINEL);
	memcpy(expect, ram, sizeof(ram));
}

static int setup(void **state)
{
	boot(false, false);
	return 0;
}

static int setup_lcofi(void **state)
{
	boot(true, true);
	return 0;
}

#define assert_ram_as_expected() assert_memory_equal(expect, ram, sizeof(ram))

static void put64(uint8_t *b, uint64_t gpa, uint64_t v)
{
	memcpy(b + (gpa - RAM_GPA), &v, 8);
}

static uint64_t entry_gpa(uint64_t area, unsigned i)
{
	return area + 8 + 8ull * i;
}

static void set_shmem_matrix(void **state)
{
	static const struct { unsigned long lo, hi, flags; long err; } t[] = {
		{ AREA, 0, 1, SBI_ERR_INVALID_PARAM },               /* flags reserved */
		{ AREA, 0, 1UL << 63, SBI_ERR_INVALID_PARAM },
		{ ~0UL, ~0UL, 1, SBI_ERR_INVALID_PARAM },            /* even to disable */
		{ AREA + 8, 0, 0, SBI_ERR_INVALID_PARAM },           /* alignment */
		{ AREA + 0x800, 0, 0, SBI_ERR_INVALID_PARAM },
		{ ~0UL, 0, 0, SBI_ERR_INVALID_PARAM },               /* only lo all-ones */
		{ AREA, 1, 0, SBI_ERR_INVALID_ADDRESS },             /* hi != 0: above 2^64 */
		{ AREA, ~0UL, 0, SBI_ERR_INVALID_ADDRESS },
		{ 0, 1, 0, SBI_ERR_INVALID_ADDRESS },
		{ 0, 0, 0, SBI_ERR_INVALID_ADDRESS },                /* below RAM */
		{ RAM_GPA - 0x1000, 0, 0, SBI_ERR_INVALID_ADDRESS }, /* just below */
		{ 0x10000000, 0, 0, SBI_ERR_INVALID_ADDRESS },       /* MMIO */
		{ RAM_GPA + 0x10000, 0, 0, SBI_ERR_INVALID_ADDRESS },/* straddles the end */
		{ RAM_GPA + 0x11000, 0, 0, SBI_ERR_INVALID_ADDRESS },/* past the end */
		{ 0xfffffffffffff000UL, 0, 0, SBI_ERR_INVALID_ADDRESS },
		{ RAM_GPA, 0, 0, SBI_SUCCESS },                      /* first page */
		{ RAM_GPA + 0xf000, 0, 0, SBI_SUCCESS },             /* last whole page */
		{ ~0UL, ~0UL, 0, SBI_SUCCESS },                      /* disable */
		{ ~0UL, ~0UL, 0, SBI_SUCCESS },                      /* disable again */
	};
	for (unsigned i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct sbiret r = CALL(SNAPSHOT_SET_SHMEM, t[i].lo, t[i].hi, t[i].flags, 0, 0);
		assert_err(r, t[i].err);
		if (t[i].err == SBI_SUCCESS && t[i].lo != ~0UL)
			assert_int_equal(p->snap.gpa, t[i].lo);
	}
	assert_int_equal(p->snap.gpa, PMU_SHMEM_NONE);
	assert_ram_as_expected();
	/* a failed attempt keeps the area that was registered */
	assert_err(CALL(SNAPSHOT_SET_SHMEM, AREA, 0, 0, 0, 0), SBI_SUCCESS);
	assert_err(CALL(SNAPSHOT_SET_SHMEM, AREA + 8, 0, 0, 0, 0), SBI_ERR_INVALID_PARAM);
	assert_err(CALL(SNAPSHOT_SET_SHMEM, 0, 0, 0, 0, 0), SBI_ERR_INVALID_ADDRESS);
	assert_int_equal(p->snap.gpa, AREA);
	assert_ram_as_expected();
}

/* Counters FW0..FW0+2 (fw) and 3, 4 (hw) configured and started. */
static void start_some(void)
{
	assert_int_equal(cfg(FW0, 0xffff, 0, EV_FW(SBI_PMU_FW_SET_TIMER)), FW0);
	assert_int_equal(cfg(FW0, 0xffff, 0, EV_FW(SBI_PMU_FW_IPI_SENT)), FW0 + 1);
	assert_int_equal(cfg(FW0, 0xffff, 0, EV_FW(SBI_PMU_FW_SET_TIMER)), FW0 + 2);
	assert_int_equal(cfg(3, 1, 0, EV_DTLB_RD_MISS), 3);
	assert_int_equal(cfg(4, 1, 0, EV_DTLB_RD_MISS), 4);
	assert_err(CALL(COUNTER_START, FW0, 0x7, SBI_PMU_START_FLAG_SET_INIT_VALUE, 10, 0), SBI_SUCCESS);
	assert_err(CALL(COUNTER_START, 3, 0x3, SBI_PMU_START_FLAG_SET_INIT_VALUE, 1000, 0), SBI_SUCCESS);
	pmu_fw_count(p, SBI_PMU_FW_SET_TIMER);
	pmu_fw_count(p, SBI_PMU_FW_IPI_SENT);
	pmu_fw_count(p, SBI_PMU_FW_IPI_SENT);
	fake_pmu_tick(5);
}

static void take_snapshot_writes_only_stopped_entries(void **state)
{
	assert_err(CALL(SNAPSHOT_SET_SHMEM, AREA, 0, 0, 0, 0), SBI_SUCCESS);
	start_some();
	assert_ram_as_expected();  /* set, configure, start: nothing written */

	/* stop 3 and FW0+1 (base 0): entries 3 and 20 and the bitmap only */
	unsigned long mask = (1UL << 3) | (1UL << (FW0 + 1));
	assert_err(CALL(COUNTER_STOP, 0, mask, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT, 0, 0), SBI_SUCCESS);
	put64(expect, AREA, 0);                      /* no Sscofpmf: bitmap zero */
	put64(expect, entry_gpa(AREA, 3), 1005);
	put64(expect, entry_gpa(AREA, FW0 + 1), 12);
	assert_ram_as_expected();

	/* relative to counter_idx_base: stop FW0 and FW0+2 with base FW0 */
	assert_err(CALL(COUNTER_STOP, FW0, 0x5, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT, 0, 0), SBI_SUCCESS);
	put64(expect, entry_gpa(AREA, 0), 11);
	put64(expect, entry_gpa(AREA, 2), 11);
	assert_ram_as_expected();

	/* a stopped counter in the set: its saved value is written, error reported */
	fake_pmu_tick(100);
	assert_err(CALL(COUNTER_STOP, 3, 0x3, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT, 0, 0),
		   SBI_ERR_ALREADY_STOPPED);
	put64(expect, entry_gpa(AREA, 0), 1005);
	put64(expect, entry_gpa(AREA, 1), 1105);
	assert_ram_as_expected();

	/* an unconfigured counter in the set has no value: its entry stays */
	assert_err(CALL(COUNTER_STOP, FW0 + 4, 0x1, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT, 0, 0),
		   SBI_ERR_ALREADY_STOPPED);
	put64(expect, AREA, 0);
	assert_ram_as_expected();

	/* RESET with TAKE_SNAPSHOT: value written, then the mapping dropped */
	assert_err(CALL(COUNTER_START, FW0, 1, 0, 0, 0), SBI_SUCCESS);
	pmu_fw_count(p, SBI_PMU_FW_SET_TIMER);
	assert_err(CALL(COUNTER_STOP, FW0, 1, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT |
			SBI_PMU_STOP_FLAG_RESET, 0, 0), SBI_SUCCESS);
	put64(expect, entry_gpa(AREA, 0), 12);
	assert_ram_as_expected();
	assert_false(p->configured & (1ull << FW0));
}

static void init_snapshot_reads_values(void **state)
{
	assert_err(CALL(SNAPSHOT_SET_SHMEM, AREA, 0, 0, 0, 0), SBI_SUCCESS);
	assert_int_equal(cfg(FW0, 0xffff, 0, EV_FW(SBI_PMU_FW_SET_TIMER)), FW0);
	assert_int_equal(cfg(FW0, 0xffff, 0, EV_FW(SBI_PMU_FW_SET_TIMER)), FW0 + 1);
	assert_int_equal(cfg(3, 1, 0, EV_DTLB_RD_MISS), 3);
	/* entries relative to base FW0: 0 and 1; base 3: entry 0 */
	put64(ram, entry_gpa(AREA, 0), 500);
	put64(ram, entry_gpa(AREA, 1), 600);
	memcpy(expect, ram, sizeof(ram));
	assert_err(CALL(COUNTER_START, FW0, 0x3, SBI_PMU_START_FLAG_INIT_SNAPSHOT, 7, 0), SBI_SUCCESS);
	pmu_fw_count(p, SBI_PMU_FW_SET_TIMER);
	assert_int_equal(CALL(COUNTER_FW_READ, FW0, 0, 0, 0, 0).value, 501);
	assert_int_equal(CALL(COUNTER_FW_READ, FW0 + 1, 0, 0, 0, 0).value, 601);
	put64(ram, entry_gpa(AREA, 0), 4242);
	memcpy(expect, ram, sizeof(ram));
	assert_err(CALL(COUNTER_START, 3, 1, SBI_PMU_START_FLAG_INIT_SNAPSHOT, 7, 0), SBI_SUCCESS);
	assert_int_equal(fake_pmu.csr[3], 4242);
	assert_ram_as_expected();  /* read only */

	/* already started: not re-initialised from the area */
	put64(ram, entry_gpa(AREA, 0), 1);
	memcpy(expect, ram, sizeof(ram));
	assert_err(CALL(COUNTER_START, FW0, 1, SBI_PMU_START_FLAG_INIT_SNAPSHOT, 0, 0),
		   SBI_ERR_ALREADY_STARTED);
	assert_int_equal(CALL(COUNTER_FW_READ, FW0, 0, 0, 0, 0).value, 501);
	assert_ram_as_expected();
}

static void no_shmem(void **state)
{
	assert_int_equal(cfg(FW0, 1, 0, EV_FW(5)), FW0);
	assert_err(CALL(COUNTER_START, FW0, 1, SBI_PMU_START_FLAG_INIT_SNAPSHOT, 0, 0), SBI_ERR_NO_SHMEM);
	assert_err(CALL(COUNTER_START, FW0, 1, 0, 0, 0), SBI_SUCCESS);
	assert_err(CALL(COUNTER_STOP, FW0, 1, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT, 0, 0), SBI_ERR_NO_SHMEM);
	assert_true(p->started & (1ull << FW0));  /* nothing happened */
	/* registered, then disabled: no area again */
	assert_err(CALL(SNAPSHOT_SET_SHMEM, AREA, 0, 0, 0, 0), SBI_SUCCESS);
	assert_err(CALL(SNAPSHOT_SET_SHMEM, ~0UL, ~0UL, 0, 0, 0), SBI_SUCCESS);
	assert_err(CALL(COUNTER_STOP, FW0, 1, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT, 0, 0), SBI_ERR_NO_SHMEM);
	assert_err(CALL(COUNTER_STOP, FW0, 1, 0, 0, 0), SBI_SUCCESS);
	assert_err(CALL(COUNTER_START, FW0, 1, SBI_PMU_START_FLAG_INIT_SNAPSHOT, 0, 0), SBI_ERR_NO_SHMEM);
	assert_ram_as_expected();
}

static void reregister_moves_writes(void **state)
{
	assert_err(CALL(SNAPSHOT_SET_SHMEM, AREA, 0, 0, 0, 0), SBI_SUCCESS);
	start_some();
	assert_err(CALL(SNAPSHOT_SET_SHMEM, AREA2, 0, 0, 0, 0), SBI_SUCCESS);
	assert_err(CALL(SNAPSHOT_SET_SHMEM, AREA2, 0, 0, 0, 0), SBI_SUCCESS);
	assert_ram_as_expected();  /* neither area touched */
	assert_err(CALL(COUNTER_STOP, FW0, 1, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT, 0, 0), SBI_SUCCESS);
	put64(expect, AREA2, 0);
	put64(expect, entry_gpa(AREA2, 0), 11);
	assert_ram_as_expected();  /* only the new one */
}

static void overflow_bitmap(void **state)
{
	assert_err(CALL(SNAPSHOT_SET_SHMEM, AREA, 0, 0, 0, 0), SBI_SUCCESS);
	start_some();
	assert_int_equal(cfg(5, 1, SBI_PMU_CFG_FLAG_AUTO_START, EV_DTLB_RD_MISS), 5);
	fake_pmu.scountovf = 1u << 4;
	assert_true(pmu_overflow_irq(p));
	/* stop 3 only: the bitmap still shows every overflown counter of the
	 * window (4, relative to base 3 -> bit 1) */
	assert_err(CALL(COUNTER_STOP, 3, 1, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT, 0, 0), SBI_SUCCESS);
	put64(expect, AREA, 1u << 1);
	put64(expect, entry_gpa(AREA, 0), 1005);
	assert_ram_as_expected();
	/* an overflow not yet signalled is seen at stop time */
	fake_pmu.scountovf |= 1u << 5;
	fake_pmu_tick(1);
	assert_err(CALL(COUNTER_STOP, 4, 0x3, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT, 0, 0), SBI_SUCCESS);
	put64(expect, AREA, 0x3);
	put64(expect, entry_gpa(AREA, 0), 1006);
	put64(expect, entry_gpa(AREA, 1), 1);
	assert_ram_as_expected();
	/* restart clears the counter's overflow */
	fake_pmu.scountovf = 0;
	assert_err(CALL(COUNTER_START, 4, 1, 0, 0, 0), SBI_SUCCESS);
	assert_err(CALL(COUNTER_STOP, 4, 1, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT, 0, 0), SBI_SUCCESS);
	put64(expect, AREA, 0x2);  /* 5 still overflown, 4 not */
	assert_ram_as_expected();
}

static void overflow_bitmap_zero_without_sscofpmf(void **state)
{
	assert_err(CALL(SNAPSHOT_SET_SHMEM, AREA, 0, 0, 0, 0), SBI_SUCCESS);
	start_some();
	p->overflowed = 1u << 3;  /* however it got there */
	assert_err(CALL(COUNTER_STOP, 3, 1, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT, 0, 0), SBI_SUCCESS);
	put64(expect, AREA, 0);
	put64(expect, entry_gpa(AREA, 0), 1005);
	assert_ram_as_expected();
}

static void closed_gate_refuses(void **state)
{
	assert_err(CALL(SNAPSHOT_SET_SHMEM, AREA, 0, 0, 0, 0), SBI_SUCCESS);
	start_some();
	gmem_close(&gm);
	assert_err(CALL(COUNTER_STOP, FW0, 1, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT, 0, 0), SBI_ERR_FAILED);
	assert_err(CALL(COUNTER_START, FW0, 1, SBI_PMU_START_FLAG_INIT_SNAPSHOT, 0, 0), SBI_ERR_FAILED);
	assert_false(p->started & (1ull << FW0));
	assert_ram_as_expected();
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(set_shmem_matrix),
		T(take_snapshot_writes_only_stopped_entries),
		T(init_snapshot_reads_values),
		T(no_shmem),
		T(reregister_moves_writes),
		cmocka_unit_test_setup(overflow_bitmap, setup_lcofi),
		T(overflow_bitmap_zero_without_sscofpmf),
		T(closed_gate_refuses),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
