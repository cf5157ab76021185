/* Counter overflow and mode filtering (Sscofpmf), checked where the hart's ISA
 * offers Sscofpmf: a hardware counter started just below 2^64 wraps and raises
 * the local counter-overflow interrupt (LCOFI, 13); scountovf shows its bit in
 * the handler; counter_stop with TAKE_SNAPSHOT writes it into the overflow
 * bitmap; and a counter configured with SINH|MINH ("exclude kernel") counts
 * nothing in S-mode. Without Sscofpmf none of this is promised: skip. */
#include <stdint.h>
#include <string.h>

#include "checks.h"
#include "csr.h"
#include "fdt.h"
#include "harness.h"
#include "pmu.h"
#include "runtime.h"
#include "sbi.h"
#include "trap.h"

#define IRQ_LCOFI     13
#define SIP_LCOFIP    (1UL << IRQ_LCOFI)
#define CSR_SCOUNTOVF 0xda0
#define TO_OVERFLOW   20000UL	/* events between the start value and the wrap */
#define PROGRAMMABLE  (~7UL)	/* hpmcounter3..: only they have an overflow bit */

static uint64_t area[512] __attribute__((aligned(4096)));
static volatile unsigned lcofi_count;
static volatile unsigned long ovf_in_handler;

/* The handler does what Linux's does first: read which counters overflowed,
 * then clear the pending bit. The counter stays stopped by its own OF bit. */
static void lcofi_handler(void)
{
	ovf_in_handler = csr_read_num(CSR_SCOUNTOVF);
	csr_clear(sip, SIP_LCOFIP);
	lcofi_count++;
}

/* Whether the first cpu node names Sscofpmf in riscv,isa or riscv,isa-extensions
 * (the string is unique: no other extension name contains it). */
static bool isa_offers_sscofpmf(void)
{
	static const char *const props[] = { "riscv,isa", "riscv,isa-extensions" };
	for (unsigned i = 0; i < 2; i++) {
		unsigned len;
		const char *p = env.dtb ? fdt_prop(env.dtb, "/cpus/cpu", props[i], &len) : NULL;
		for (unsigned at = 0; p && at + 8 <= len; at++)
			if (!memcmp(p + at, "sscofpmf", 8))
				return true;
	}
	return false;
}

/* A programmable hardware counter for cycles, else instructions; -1 if none. */
static long config_programmable(unsigned long flags, unsigned long *event)
{
	static const unsigned long events[] = { PMU_EV_CYCLES, PMU_EV_INSTRET };
	for (unsigned i = 0; i < 2; i++) {
		struct sbiret r = pmu_config(pmu.hw_mask & PROGRAMMABLE, flags, events[i]);
		if (!r.error && r.value >= 3 && r.value < PMU_MAX_COUNTERS) {
			*event = events[i];
			return r.value;
		}
	}
	return -1;
}

static void check_bitmap(long idx)
{
	const char *what = "pmu: overflow: counter_stop(TAKE_SNAPSHOT) sets the counter's bit in the overflow bitmap";
	if (!sbi_spec_at_least(2, 0) || sbi_pmu_set_shmem((unsigned long)area, 0, 0).error) {
		skip(what, "no snapshot area (SBI %lu.%lu, or snapshot_set_shmem refused)",
		     SBI_SPEC_MAJOR(sbi_spec_version()), SBI_SPEC_MINOR(sbi_spec_version()));
		sbi_pmu_stop(idx, 1, 0);
		return;
	}
	area[0] = 0;
	struct sbiret r = sbi_pmu_stop(0, 1UL << idx, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT);
	check(!r.error && (area[0] >> idx & 1), what, "got: %s, bitmap 0x%lx expected: SBI_SUCCESS, bit %ld",
	      sbi_err_name(r.error), (unsigned long)area[0], idx);
	sbi_pmu_set_shmem(~0UL, ~0UL, 0);
}

static void check_overflow(long idx, unsigned long event)
{
	const char *what = "pmu: overflow: a counter started 20000 events below 2^64 raises LCOFI";
	lcofi_count = 0;
	ovf_in_handler = 0;
	trap_set_irq_handler(IRQ_LCOFI, lcofi_handler);
	/* An overflow left pending by earlier checks (counters wrap while
	 * LCOFIE is off) would keep this one quiet: OpenSBI clears the OF bit
	 * on start only while no LCOFI is pending. */
	csr_clear(sip, SIP_LCOFIP);
	csr_set(sie, SIP_LCOFIP);
	struct sbiret r = sbi_pmu_start(idx, 1, SBI_PMU_START_FLAG_SET_INIT_VALUE, -TO_OVERFLOW);
	if (!check_err("pmu: overflow: counter_start(SET_INIT_VALUE = 2^64 - 20000) succeeds", r, SBI_SUCCESS))
		return;
	bool came = irq_wait(&lcofi_count, MS(500));
	csr_clear(sie, SIP_LCOFIP);
	unsigned long now = pmu_value(idx);
	if (!check(came, what, "got: no interrupt in 500 ms, counter %ld (%s) at 0x%lx expected: LCOFI",
		   idx, event == PMU_EV_CYCLES ? "cycles" : "instructions", now)) {
		sbi_pmu_stop(idx, 1, 0);
		return;
	}
	check(!(csr_read(sip) & SIP_LCOFIP), "pmu: overflow: the handler's clear of sip.LCOFIP withdraws it",
	      "got: sip 0x%lx expected: bit 13 clear", csr_read(sip));
	check(ovf_in_handler >> idx & 1, "pmu: overflow: scountovf in the handler shows the counter's bit",
	      "got: 0x%lx expected: bit %ld", ovf_in_handler, idx);
	check(now < (1UL << 63), "pmu: overflow: the counter wrapped past 2^64",
	      "got: 0x%lx expected: a small value", now);
	check_bitmap(idx);
}

/* Counter idx's count over pmu_busy(), started at 0. */
static unsigned long busy_count(long idx)
{
	sbi_pmu_start(idx, 1, SBI_PMU_START_FLAG_SET_INIT_VALUE, 0);
	pmu_busy();
	sbi_pmu_stop(idx, 1, 0);
	return pmu_value(idx);
}

/* "Exclude kernel": SINH|MINH leaves only U-mode counting; this S-mode code
 * must not move the counter, which without the hints does move. */
static void check_sinh(void)
{
	const char *what = "pmu: overflow: config_matching(SINH|MINH) counts nothing in S-mode";
	unsigned long event;
	long idx = config_programmable(0, &event);
	if (idx < 0) {
		skip(what, "no programmable counter for cycles or instructions");
		return;
	}
	unsigned long plain = busy_count(idx);
	pmu_release(idx);
	idx = config_programmable(SBI_PMU_CFG_FLAG_SET_SINH | SBI_PMU_CFG_FLAG_SET_MINH, &event);
	if (idx < 0 || !plain) {
		skip(what, "no programmable counter that counts this loop (without hints: %lu)", plain);
		return;
	}
	unsigned long v = busy_count(idx);
	check(v == 0, what, "got: counter %ld (%s) at %lu (%lu without the hints) expected: 0", idx,
	      event == PMU_EV_CYCLES ? "cycles" : "instructions", v, plain);
	pmu_release(idx);
}

void check_pmu_overflow(void)
{
	const char *all = "pmu: overflow";
	if (!pmu.present) {
		skip(all, "no PMU");
		return;
	}
	if (!isa_offers_sscofpmf()) {
		skip(all, "the hart's riscv,isa offers no Sscofpmf");
		return;
	}
	check_sinh();
	csr_set(sie, SIP_LCOFIP);
	bool sticks = csr_read(sie) & SIP_LCOFIP;
	csr_clear(sie, SIP_LCOFIP);
	if (!check(sticks, "pmu: overflow: sie.LCOFIE is writable (Sscofpmf offered)", "got: reads 0 expected: 1"))
		return;
	unsigned long event;
	long idx = config_programmable(0, &event);
	if (idx < 0) {
		skip(all, "no programmable counter (hpmcounter3..) for cycles or instructions");
		return;
	}
	check_overflow(idx, event);
	pmu_release(idx);
}
