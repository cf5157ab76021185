/* PMU, everything but the snapshot area and event_get_info: counter
 * discovery, config_matching, start/stop state errors, reserved flags,
 * counter ranges, hardware counters that really count, firmware counters
 * that count exactly, and the traps for counters nobody configured. */
#include <stdio.h>

#include "checks.h"
#include "csr.h"
#include "harness.h"
#include "pmu.h"
#include "runtime.h"
#include "sbi.h"
#include "trap.h"

#define FW_CALLS 5
#define CSR_HPMCOUNTER3 0xc03
#define CSR_HPMCOUNTER31 0xc1f

static bool check_num_counters(void)
{
	struct sbiret r = sbi_ecall(SBI_EXT_PMU, SBI_PMU_NUM_COUNTERS, 0, 0, 0, 0, 0, 0);

	if (!check(!r.error && r.value > 0, "pmu: num_counters > 0",
		   "got: %s value %ld expected: SBI_SUCCESS value > 0", sbi_err_name(r.error), r.value))
		return false;
	pmu.num = r.value;
	if (pmu.num > PMU_MAX_COUNTERS)
		printf("# pmu: %lu counters, only the first %d are checked\n", pmu.num, PMU_MAX_COUNTERS);
	return true;
}

/* A hardware counter is one of cycle, instret, hpmcounter3..31, and the
 * reserved bits XLEN-2:18 are clear. */
static bool hw_info_sane(unsigned long info)
{
	unsigned long csr = PMU_INFO_CSR(info);

	return (csr == 0xc00 || (csr >= 0xc02 && csr <= CSR_HPMCOUNTER31)) && !(info >> 18);
}

/* Holes are allowed: INVALID_PARAM means "no counter at this index" (the
 * `time` slot, idx 1, is one on OpenSBI and KVM). Anything else must be a
 * sane description. */
static void check_counter_info(void)
{
	const char *what = "pmu: counter_get_info describes every counter below num_counters";
	unsigned long n = pmu.num < PMU_MAX_COUNTERS ? pmu.num : PMU_MAX_COUNTERS;
	unsigned long holes = 0;

	for (unsigned long i = 0; i < n; i++) {
		struct sbiret r = sbi_ecall(SBI_EXT_PMU, SBI_PMU_COUNTER_GET_INFO, i, 0, 0, 0, 0, 0);
		unsigned long info = r.value;

		if (r.error == SBI_ERR_INVALID_PARAM) {
			holes |= 1UL << i;
			continue;
		}
		if (r.error || (!(info & PMU_INFO_FW) && !hw_info_sane(info))) {
			check(false, what, "got: idx %lu: %s info 0x%lx expected: SBI_SUCCESS, firmware or "
			      "a counter CSR and reserved bits clear", i, sbi_err_name(r.error), info);
			return;
		}
		pmu.info[i] = info;
		if (info & PMU_INFO_FW)
			pmu.fw_mask |= 1UL << i;
		else
			pmu.hw_mask |= 1UL << i;
	}
	printf("# pmu: %lu counters: hardware %s", pmu.num, pmu_mask_str(pmu.hw_mask));
	printf(", firmware %s", pmu_mask_str(pmu.fw_mask));
	printf(", INVALID_PARAM for %s\n", pmu_mask_str(holes));
	check(pmu.hw_mask || pmu.fw_mask, what, "got: no valid counter expected: at least one");
}

/* The last hardware counter read through an hpmcounter CSR: the one least
 * likely to be configured by anyone; -1 if there is none. */
static long spare_hpm_counter(void)
{
	for (long i = PMU_MAX_COUNTERS - 1; i >= 0; i--)
		if ((pmu.hw_mask >> i & 1) && PMU_INFO_CSR(pmu.info[i]) >= CSR_HPMCOUNTER3)
			return i;
	return -1;
}

/* Under a PMU that decides which counters S-mode may read (hpmvisor: only
 * configured ones), an unconfigured hpmcounter read is an illegal
 * instruction. The SBI spec (up to 3.0) leaves S-mode access to counters to
 * the platform, so a read that succeeds is reported as a skip, not failed:
 * tests/qemu/61_selfcheck_pmu_points.sh holds hpmvisor to its trap. */
static void check_unconfigured_read(long idx)
{
	const char *what = "pmu: reading an unconfigured hpmcounter traps (illegal instruction)";
	unsigned long csr = PMU_INFO_CSR(pmu.info[idx]), val;
	unsigned traps;

	trap_catch(EXC_ILLEGAL_INSN);
	val = pmu_csr_read(csr);
	traps = trap_caught();
	if (traps)
		check(traps == 1, what, "got: %u traps expected: 1", traps);
	else
		skip(what, "hpmcounter%lu (counter %ld) read 0x%lx without a trap; the SBI spec leaves "
		     "counter access to the platform", csr - 0xc00, idx, val);
}

/* The SBI implementation counts the illegal instructions it handled for us:
 * each trapped read of an unconfigured counter is one. */
static void check_fw_illegal_insn(long idx)
{
	const char *what = "pmu: firmware counter ILLEGAL_INSN counts the 3 trapped counter reads";
	unsigned long csr = PMU_INFO_CSR(pmu.info[idx]);
	struct sbiret r = pmu_config(pmu.fw_mask, SBI_PMU_CFG_FLAG_AUTO_START | SBI_PMU_CFG_FLAG_CLEAR_VALUE,
				     PMU_EV_FW_ILLEGAL_INSN);
	unsigned traps;

	if (r.error) {
		skip(what, "config_matching(FW ILLEGAL_INSN): %s", sbi_err_name(r.error));
		return;
	}
	trap_catch(EXC_ILLEGAL_INSN);
	for (int i = 0; i < 3; i++)
		pmu_csr_read(csr);
	traps = trap_caught();
	if (traps == 3)
		check_ret(what, sbi_pmu_fw_read(r.value), 3);
	else
		skip(what, "%u of 3 reads trapped", traps);
	pmu_release(r.value);
}

/* fw_read refuses hardware counters, configured or not. */
static void check_fw_read_of_hw(long idx, const char *state)
{
	char what[112];

	snprintf(what, sizeof(what), "pmu: counter_fw_read of %s hardware counter %ld -> INVALID_PARAM",
		 state, idx);
	check_err(what, sbi_pmu_fw_read(idx), SBI_ERR_INVALID_PARAM);
}

/* config_matching(AUTO_START) picks a hardware counter in the mask and it counts. */
static long check_hw_counts(unsigned long event, const char *name, bool *found)
{
	char what[96];
	struct sbiret r = pmu_config(pmu.hw_mask, SBI_PMU_CFG_FLAG_AUTO_START, event);
	unsigned long v1, v2;

	snprintf(what, sizeof(what), "pmu: config_matching(%s, AUTO_START) picks a counter in the mask", name);
	if (r.error == SBI_ERR_NOT_SUPPORTED) {
		skip(what, "no counter can count %s (SBI_ERR_NOT_SUPPORTED)", name);
		return -1;
	}
	if (!check(!r.error && r.value >= 0 && r.value < PMU_MAX_COUNTERS && (pmu.hw_mask >> r.value & 1),
		   what, "got: %s idx %ld expected: SBI_SUCCESS idx in %s", sbi_err_name(r.error), r.value,
		   pmu_mask_str(pmu.hw_mask)))
		return -1;
	*found = true;
	v1 = pmu_value(r.value);
	pmu_busy();
	v2 = pmu_value(r.value);
	snprintf(what, sizeof(what), "pmu: %s counter %ld counts", name, r.value);
	check(v2 > v1, what, "got: 0x%lx then 0x%lx expected: growing", v1, v2);
	return r.value;
}

/* The counter set passed to config_matching is binding: a counter outside
 * it must not be chosen even when it is the natural one for the event. */
static void check_match_respects_mask(long idx, unsigned long event, const char *name)
{
	char what[112];
	unsigned long mask = pmu.hw_mask & ~(1UL << idx);
	struct sbiret r = pmu_config(mask, 0, event);

	snprintf(what, sizeof(what), "pmu: config_matching(%s) with counter %ld left out of the mask "
		 "picks inside the mask or NOT_SUPPORTED", name, idx);
	if (!r.error)
		pmu_release(r.value);
	check(r.error == SBI_ERR_NOT_SUPPORTED ||
	      (!r.error && r.value >= 0 && r.value < PMU_MAX_COUNTERS && (mask >> r.value & 1)), what,
	      "got: %s idx %ld expected: SBI_ERR_NOT_SUPPORTED or idx in %s", sbi_err_name(r.error),
	      r.value, pmu_mask_str(mask));
}

/* A stopped counter keeps the count it stopped at, however often it is read
 * (QEMU 7.2 on its own returns the count once, then a stale value). */
static void check_stopped_holds(long idx)
{
	unsigned long first = pmu_value(idx), second;

	pmu_busy();
	second = pmu_value(idx);
	pmu_busy();
	check(first != 0 && second == first && pmu_value(idx) == first,
	      "pmu: a stopped hardware counter keeps its value across reads",
	      "got: 0x%lx then 0x%lx expected: the same non-zero count", first, second);
}

/* On a running counter idx. */
static void check_start_stop(long idx)
{
	unsigned long width = PMU_INFO_WIDTH(pmu.info[idx]);	/* bits - 1 */
	unsigned long init = width ? 1UL << (width - 1) : 0;
	unsigned long v;
	struct sbiret r;

	check_err("pmu: counter_start of a started counter -> ALREADY_STARTED",
		  sbi_pmu_start(idx, 1, 0, 0), SBI_ERR_ALREADY_STARTED);
	check_err("pmu: counter_stop of a started counter succeeds", sbi_pmu_stop(idx, 1, 0), SBI_SUCCESS);
	check_err("pmu: counter_stop of a stopped counter -> ALREADY_STOPPED",
		  sbi_pmu_stop(idx, 1, 0), SBI_ERR_ALREADY_STOPPED);
	check_stopped_holds(idx);
	r = sbi_pmu_start(idx, 1, SBI_PMU_START_FLAG_SET_INIT_VALUE, init);
	if (!check_err("pmu: counter_start(SET_INIT_VALUE) of a stopped counter succeeds", r, SBI_SUCCESS))
		return;
	v = pmu_value(idx);
	check(v >= init && v - init < (1UL << 32), "pmu: SET_INIT_VALUE sets the hardware counter",
	      "got: 0x%lx expected: a little above 0x%lx", v, init);
}

/* Reserved flag bits are refused; if a call takes them anyway, undo it. */
static void check_reserved_flags(long running)
{
	struct sbiret r;

	r = sbi_pmu_stop(running, 1, 1UL << 2);
	check_err("pmu: counter_stop with reserved flag bit 2 -> INVALID_PARAM", r, SBI_ERR_INVALID_PARAM);
	if (r.error)
		sbi_pmu_stop(running, 1, 0);
	r = sbi_pmu_start(running, 1, 1UL << 2, 0);
	check_err("pmu: counter_start with reserved flag bit 2 -> INVALID_PARAM", r, SBI_ERR_INVALID_PARAM);
	if (!r.error)
		sbi_pmu_stop(running, 1, 0);
	r = pmu_config(pmu.hw_mask, 1UL << 8, PMU_EV_CYCLES);
	check_err("pmu: config_matching with reserved flag bit 8 -> INVALID_PARAM", r, SBI_ERR_INVALID_PARAM);
	if (!r.error)
		pmu_release(r.value);
}

static void check_counter_range(void)
{
	unsigned long base = pmu.num;

	check_err("pmu: config_matching with counter_idx_base = num_counters -> INVALID_PARAM",
		  sbi_pmu_cfg_match(base, 1, 0, PMU_EV_CYCLES, 0), SBI_ERR_INVALID_PARAM);
	check_err("pmu: counter_start with counter_idx_base = num_counters -> INVALID_PARAM",
		  sbi_pmu_start(base, 1, 0, 0), SBI_ERR_INVALID_PARAM);
	check_err("pmu: counter_stop with counter_idx_base = num_counters -> INVALID_PARAM",
		  sbi_pmu_stop(base, 1, 0), SBI_ERR_INVALID_PARAM);
	check_err("pmu: counter_get_info(num_counters) -> INVALID_PARAM",
		  sbi_ecall(SBI_EXT_PMU, SBI_PMU_COUNTER_GET_INFO, base, 0, 0, 0, 0, 0), SBI_ERR_INVALID_PARAM);
	check_err("pmu: counter_fw_read(num_counters) -> INVALID_PARAM",
		  sbi_pmu_fw_read(base), SBI_ERR_INVALID_PARAM);
}

static void check_unknown_event(void)
{
	struct sbiret r = pmu_config(pmu.hw_mask | pmu.fw_mask, 0, PMU_EVENT(SBI_PMU_EVENT_TYPE_HW, 0xffff));

	if (!r.error)
		pmu_release(r.value);
	check_err("pmu: config_matching(type 0 code 0xffff, no such event) -> NOT_SUPPORTED", r,
		  SBI_ERR_NOT_SUPPORTED);
}

/* A firmware counter with no event mapped is an invalid counter for fw_read. */
static void check_fw_read_unmapped(long idx, const char *when)
{
	char what[112];

	snprintf(what, sizeof(what), "pmu: counter_fw_read of firmware counter %ld with no event (%s) "
		 "-> INVALID_PARAM", idx, when);
	check_err(what, sbi_pmu_fw_read(idx), SBI_ERR_INVALID_PARAM);
}

static void set_timer_calls(unsigned n)
{
	while (n--)
		sbi_set_timer(~0UL);
}

/* A firmware counter on SET_TIMER counts exactly the calls made. */
static void check_fw_counter(void)
{
	const char *what = "pmu: config_matching(FW SET_TIMER) picks a firmware counter";
	struct sbiret r;
	long idx;

	if (!pmu.fw_mask) {
		skip("pmu: firmware counters", "counter_get_info describes no firmware counter");
		return;
	}
	/* config_matching picks from the bottom: the last one was never used. */
	check_fw_read_unmapped(63 - __builtin_clzl(pmu.fw_mask), "never configured");
	r = pmu_config(pmu.fw_mask, 0, PMU_EV_FW_SET_TIMER);
	if (!check(!r.error && r.value >= 0 && r.value < PMU_MAX_COUNTERS && (pmu.fw_mask >> r.value & 1),
		   what, "got: %s idx %ld expected: SBI_SUCCESS idx in %s", sbi_err_name(r.error), r.value,
		   pmu_mask_str(pmu.fw_mask)))
		return;
	idx = r.value;
	pmu.fw_set_timer_ok = true;

	if (check_err("pmu: counter_start(SET_INIT_VALUE 0) of the firmware counter succeeds",
		      sbi_pmu_start(idx, 1, SBI_PMU_START_FLAG_SET_INIT_VALUE, 0), SBI_SUCCESS)) {
		set_timer_calls(FW_CALLS);
		check_ret("pmu: firmware counter counts exactly the 5 set_timer calls", sbi_pmu_fw_read(idx),
			  FW_CALLS);
		sbi_pmu_stop(idx, 1, 0);
	}
	if (check_err("pmu: counter_start(SET_INIT_VALUE 1000) of the firmware counter succeeds",
		      sbi_pmu_start(idx, 1, SBI_PMU_START_FLAG_SET_INIT_VALUE, 1000), SBI_SUCCESS)) {
		set_timer_calls(1);
		check_ret("pmu: firmware counter counts on from its initial value", sbi_pmu_fw_read(idx), 1001);
		sbi_pmu_stop(idx, 1, 0);
	}
	check_ret("pmu: a stopped firmware counter keeps its value", sbi_pmu_fw_read(idx), 1001);

	if (sbi_spec_at_least(2, 0))
		check_ret("pmu: counter_fw_read_hi is 0 on RV64",
			  sbi_ecall(SBI_EXT_PMU, SBI_PMU_COUNTER_FW_READ_HI, idx, 0, 0, 0, 0, 0), 0);
	else
		skip("pmu: counter_fw_read_hi is 0 on RV64", "SBI %lu.%lu < 2.0 has no fw_read_hi",
		     SBI_SPEC_MAJOR(sbi_spec_version()), SBI_SPEC_MINOR(sbi_spec_version()));
	pmu_release(idx);
	check_fw_read_unmapped(idx, "after a RESET stop");
}

void check_pmu(void)
{
	long spare, cycles, instret;

	if (!sbi_probe(SBI_EXT_PMU)) {
		skip("pmu: all checks", "PMU not offered (probe = 0)");
		return;
	}
	if (!check_num_counters())
		return;
	pmu.present = true;
	check_counter_info();

	spare = spare_hpm_counter();	/* checked before anything is configured */
	if (spare >= 0) {
		check_unconfigured_read(spare);
		check_fw_read_of_hw(spare, "unconfigured");
		if (pmu.fw_mask)
			check_fw_illegal_insn(spare);
	} else {
		skip("pmu: unconfigured hpmcounter checks", "no hpmcounter among the hardware counters");
	}

	cycles = check_hw_counts(PMU_EV_CYCLES, "cycles", &pmu.cycles_ok);
	instret = check_hw_counts(PMU_EV_INSTRET, "instructions", &pmu.instret_ok);
	if (cycles >= 0) {
		check_fw_read_of_hw(cycles, "running");
		check_start_stop(cycles);
		check_reserved_flags(cycles);
		pmu_release(cycles);
		check_match_respects_mask(cycles, PMU_EV_CYCLES, "cycles");
	}
	if (instret >= 0)
		pmu_release(instret);
	check_counter_range();
	check_unknown_event();
	check_fw_counter();
}
