/* PMU snapshot shared memory (SBI >= 2.0), to the letter of the spec: the
 * area is read only by counter_start(INIT_SNAPSHOT) and written only by
 * counter_stop(TAKE_SNAPSHOT), then only the stopped counters' entries
 * (indexed relative to counter_idx_base) and the overflow bitmap. Every
 * check fills the area with a sentinel first and looks for stray writes. */
#include <stdint.h>

#include "checks.h"
#include "harness.h"
#include "pmu.h"
#include "runtime.h"
#include "sbi.h"

#define SENTINEL  0xa5a5a5a5a5a5a5a5UL
#define AREA_WORDS 512			/* 4 KiB */
#define BITMAP    0			/* word 0: counter_overflow_bitmap */
#define ENTRY(i)  (1 + (i))		/* words 1..64: counter_values */
#define INIT_FROM_AREA 1000

static uint64_t area[AREA_WORDS] __attribute__((aligned(4096)));

static void area_fill(void)
{
	for (unsigned i = 0; i < AREA_WORDS; i++)
		((volatile uint64_t *)area)[i] = SENTINEL;
}

/* First word that left the sentinel, other than the bitmap if bitmap_ok and
 * the counter entries in entries_ok; -1 if none did. */
static int stray_write(bool bitmap_ok, uint64_t entries_ok)
{
	for (unsigned i = 0; i < AREA_WORDS; i++) {
		if (((volatile uint64_t *)area)[i] == SENTINEL || (i == BITMAP && bitmap_ok) ||
		    (i >= ENTRY(0) && i <= ENTRY(63) && (entries_ok >> (i - ENTRY(0)) & 1)))
			continue;
		return (int)i;
	}
	return -1;
}

static bool check_untouched(const char *what, bool bitmap_ok, uint64_t entries_ok)
{
	int w = stray_write(bitmap_ok, entries_ok);

	return check(w < 0, what, "got: word at offset 0x%x = 0x%lx expected: sentinel 0x%lx",
		     w * 8, w < 0 ? 0 : (unsigned long)area[w], SENTINEL);
}

static struct sbiret set_area(void)
{
	return sbi_pmu_set_shmem((unsigned long)area, 0, 0);
}

static struct sbiret clear_area(void)
{
	return sbi_pmu_set_shmem(~0UL, ~0UL, 0);
}

static void set_timer_calls(unsigned n)
{
	while (n--)
		sbi_set_timer(~0UL);
}

static void check_no_shmem(long fw)
{
	struct sbiret r;

	sbi_pmu_start(fw, 1, 0, 0);
	r = sbi_pmu_stop(0, 1UL << fw, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT);
	check_err("pmu: snapshot: counter_stop(TAKE_SNAPSHOT) with no area -> NO_SHMEM", r, SBI_ERR_NO_SHMEM);
	sbi_pmu_stop(fw, 1, 0);
	r = sbi_pmu_start(0, 1UL << fw, SBI_PMU_START_FLAG_INIT_SNAPSHOT, 0);
	check_err("pmu: snapshot: counter_start(INIT_SNAPSHOT) with no area -> NO_SHMEM", r, SBI_ERR_NO_SHMEM);
	sbi_pmu_stop(fw, 1, 0);
}

static void check_bad_areas(void)
{
	unsigned long page = (unsigned long)area;

	check_err("pmu: snapshot: set_shmem with flags != 0 -> INVALID_PARAM",
		  sbi_pmu_set_shmem(page, 0, 1), SBI_ERR_INVALID_PARAM);
	check_err("pmu: snapshot: set_shmem not 4 KiB aligned -> INVALID_PARAM",
		  sbi_pmu_set_shmem(page + 8, 0, 0), SBI_ERR_INVALID_PARAM);
	if (env.ram_end)
		check_err("pmu: snapshot: set_shmem at the end of RAM -> INVALID_ADDRESS",
			  sbi_pmu_set_shmem((env.ram_end + 4095) & ~4095UL, 0, 0), SBI_ERR_INVALID_ADDRESS);
	else
		skip("pmu: snapshot: set_shmem at the end of RAM -> INVALID_ADDRESS",
		     "no memory node for this image in the DTB");
	check_err("pmu: snapshot: set_shmem with shmem_phys_hi = 1 (beyond RAM) -> INVALID_ADDRESS",
		  sbi_pmu_set_shmem(page, 1, 0), SBI_ERR_INVALID_ADDRESS);
}

static void check_register(void)
{
	area_fill();
	if (check_err("pmu: snapshot: set_shmem of a RAM page succeeds", set_area(), SBI_SUCCESS))
		check_untouched("pmu: snapshot: registering the area writes nothing to it", false, 0);
	area_fill();
	if (check_err("pmu: snapshot: registering the area again succeeds", set_area(), SBI_SUCCESS))
		check_untouched("pmu: snapshot: re-registering the area writes nothing to it", false, 0);
}

/* Firmware counter fw counts 3 SET_TIMER calls from 0, then stops with TAKE_SNAPSHOT. */
static void check_take_one(long fw)
{
	struct sbiret r;

	area_fill();
	sbi_pmu_start(fw, 1, SBI_PMU_START_FLAG_SET_INIT_VALUE, 0);
	set_timer_calls(3);
	r = sbi_pmu_stop(0, 1UL << fw, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT);
	if (!check_err("pmu: snapshot: counter_stop(TAKE_SNAPSHOT) succeeds", r, SBI_SUCCESS))
		return;
	check(area[ENTRY(fw)] == 3, "pmu: snapshot: TAKE_SNAPSHOT stores the firmware counter in its entry",
	      "got: entry %ld = 0x%lx expected: 3", fw, (unsigned long)area[ENTRY(fw)]);
	check(area[BITMAP] == 0, "pmu: snapshot: TAKE_SNAPSHOT writes the overflow bitmap (0: no overflow)",
	      "got: 0x%lx expected: 0", (unsigned long)area[BITMAP]);
	check_untouched("pmu: snapshot: TAKE_SNAPSHOT writes only the stopped counter's entry and the bitmap",
			true, 1UL << fw);
}

/* Two counters, firmware counter fw (at 3 from check_take_one) and a hardware
 * one configured here, inside the sentinel window: configuring and starting
 * must not write the area either. Returns the hardware counter or -1. */
static long check_take_two(long fw)
{
	unsigned long before;
	struct sbiret r;
	long hw;

	area_fill();
	r = pmu_config(pmu.hw_mask, SBI_PMU_CFG_FLAG_AUTO_START, PMU_EV_CYCLES);
	if (r.error || r.value < 0 || r.value >= PMU_MAX_COUNTERS) {
		skip("pmu: snapshot: TAKE_SNAPSHOT of a hardware counter", "no counter for cycles (%s)",
		     sbi_err_name(r.error));
		return -1;
	}
	hw = r.value;
	sbi_pmu_start(fw, 1, 0, 0);
	set_timer_calls(2);
	before = pmu_value(hw);
	r = sbi_pmu_stop(0, 1UL << fw | 1UL << hw, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT);
	if (!check_err("pmu: snapshot: counter_stop(TAKE_SNAPSHOT) of a firmware and a hardware counter",
		       r, SBI_SUCCESS))
		return hw;
	check(area[ENTRY(fw)] == 5 && area[ENTRY(hw)] != SENTINEL && area[ENTRY(hw)] >= before,
	      "pmu: snapshot: TAKE_SNAPSHOT stores both counters",
	      "got: entry %ld = 0x%lx, entry %ld = 0x%lx expected: 5 and >= 0x%lx", fw,
	      (unsigned long)area[ENTRY(fw)], hw, (unsigned long)area[ENTRY(hw)], before);
	check_untouched("pmu: snapshot: configuring, starting and TAKE_SNAPSHOT of two counters leave "
			"every other word alone", true, 1UL << fw | 1UL << hw);
	return hw;
}

/* counter_values are indexed from counter_idx_base: base fw, mask 1 -> entry 0. */
static void check_relative_index(long fw)
{
	struct sbiret r;

	area_fill();
	sbi_pmu_start(fw, 1, SBI_PMU_START_FLAG_SET_INIT_VALUE, 7);
	r = sbi_pmu_stop(fw, 1, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT);
	if (!check_err("pmu: snapshot: counter_stop(base = counter, TAKE_SNAPSHOT) succeeds", r, SBI_SUCCESS))
		return;
	check(area[ENTRY(0)] == 7, "pmu: snapshot: entries are relative to counter_idx_base",
	      "got: entry 0 = 0x%lx (entry %ld = 0x%lx) expected: entry 0 = 7", (unsigned long)area[ENTRY(0)],
	      fw, (unsigned long)area[ENTRY(fw)]);
	check_untouched("pmu: snapshot: relative TAKE_SNAPSHOT writes only entry 0 and the bitmap", true, 1);
}

static void check_init_snapshot(long fw)
{
	struct sbiret r;

	area_fill();
	area[ENTRY(fw)] = INIT_FROM_AREA;
	r = sbi_pmu_start(0, 1UL << fw, SBI_PMU_START_FLAG_INIT_SNAPSHOT, 0);
	if (!check_err("pmu: snapshot: counter_start(INIT_SNAPSHOT) succeeds", r, SBI_SUCCESS))
		return;
	check_ret("pmu: snapshot: INIT_SNAPSHOT starts the counter from its entry", sbi_pmu_fw_read(fw),
		  INIT_FROM_AREA);
	check(area[ENTRY(fw)] == INIT_FROM_AREA && stray_write(false, 1UL << fw) < 0,
	      "pmu: snapshot: INIT_SNAPSHOT only reads the area",
	      "got: entry %ld = 0x%lx, first other change at word %d expected: unchanged", fw,
	      (unsigned long)area[ENTRY(fw)], stray_write(false, 1UL << fw));
	check_err("pmu: snapshot: counter_stop without TAKE_SNAPSHOT succeeds", sbi_pmu_stop(fw, 1, 0),
		  SBI_SUCCESS);
	check(area[ENTRY(fw)] == INIT_FROM_AREA && stray_write(false, 1UL << fw) < 0,
	      "pmu: snapshot: counter_stop without TAKE_SNAPSHOT writes nothing",
	      "got: entry %ld = 0x%lx, first other change at word %d expected: unchanged", fw,
	      (unsigned long)area[ENTRY(fw)], stray_write(false, 1UL << fw));
}

static void check_disable(long fw)
{
	area_fill();
	if (check_err("pmu: snapshot: set_shmem(-1, -1) disables the area", clear_area(), SBI_SUCCESS))
		check_untouched("pmu: snapshot: disabling the area writes nothing to it", false, 0);
	sbi_pmu_start(fw, 1, 0, 0);
	check_err("pmu: snapshot: TAKE_SNAPSHOT after disabling -> NO_SHMEM",
		  sbi_pmu_stop(0, 1UL << fw, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT), SBI_ERR_NO_SHMEM);
	sbi_pmu_stop(fw, 1, 0);
	check_untouched("pmu: snapshot: nothing is written once disabled", false, 0);
}

void check_pmu_snapshot(void)
{
	const char *all = "pmu: snapshot";
	struct sbiret r;
	long fw, hw;

	if (!pmu.present) {
		skip(all, "no PMU");
		return;
	}
	if (!sbi_spec_at_least(2, 0)) {
		skip(all, "SBI %lu.%lu has no snapshot (added in 2.0)", SBI_SPEC_MAJOR(sbi_spec_version()),
		     SBI_SPEC_MINOR(sbi_spec_version()));
		return;
	}
	r = clear_area();
	if (r.error == SBI_ERR_NOT_SUPPORTED) {
		skip(all, "snapshot_set_shmem is optional and returns SBI_ERR_NOT_SUPPORTED");
		return;
	}
	check_err("pmu: snapshot: set_shmem(-1, -1) with no area registered succeeds", r, SBI_SUCCESS);

	r = pmu_config(pmu.fw_mask, 0, PMU_EV_FW_SET_TIMER);
	if (r.error || r.value < 0 || r.value >= PMU_MAX_COUNTERS) {
		skip(all, "no firmware counter for SET_TIMER (config_matching: %s)", sbi_err_name(r.error));
		return;
	}
	fw = r.value;

	check_no_shmem(fw);
	check_bad_areas();
	check_register();
	check_take_one(fw);
	hw = check_take_two(fw);
	check_relative_index(fw);
	check_init_snapshot(fw);
	check_disable(fw);

	pmu_release(fw);
	if (hw >= 0)
		pmu_release(hw);
}
