/* Counter overflow for guests (pmu/pmu_overflow.c), with the hardware layer
 * faked (fake_pmu_hw.c wraps counters and raises LCOFI like Sscofpmf): the
 * probe's verdict and the banner's reason for every missing link, hvien never
 * touched without Ssaia, and the whole chain no packaged emulator can run -
 * a guest counter overflows, HS takes LCOFI and injects it, the guest sees
 * only its own counters' overflow bits, TAKE_SNAPSHOT writes the bitmap,
 * the guest's start/stop withdraws the interrupt - plus the guest's
 * mode-inhibit hints as the host firmware is asked for them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "pmu_fixture.h"

#define RAM_SIZE (64 * 1024)
#define AREA     (RAM_GPA + 0x2000)
#define WRAP_IN(n) ((uint64_t)0 - (n))   /* a start value n events below 2^64 */

/* host, gm, p, CALL, assert_err and cfg come from pmu_fixture.h */
static uint8_t ram[RAM_SIZE];

static int setup_lcofi(void **state)
{
	pmu_fixture_boot(true, true, ram, sizeof(ram), 0);
	return 0;
}

static int setup_no_lcofi(void **state)
{
	pmu_fixture_boot(true, false, ram, sizeof(ram), 0);
	return 0;
}

static int setup_plain(void **state)
{
	pmu_fixture_boot(false, false, ram, sizeof(ram), 0);
	return 0;
}

static uint64_t get64(uint64_t gpa)
{
	uint64_t v;
	memcpy(&v, ram + (gpa - RAM_GPA), sizeof(v));
	return v;
}

/* ---- probe ---- */

static const char *banner(void)
{
	static char b[160];
	pmu_host_describe(&host, b, sizeof(b));
	return b;
}

/* One hart: the fake's knobs, the ISA facts, the banner it must give. */
static void probe_as(bool sscofpmf, bool lcofi_to_hs, bool ssaia, bool hvien13, bool hvip13,
		     const char *want)
{
	fake_pmu_boot(sscofpmf);
	fake_pmu.lcofi_to_hs = lcofi_to_hs;
	fake_pmu.hvien13 = hvien13;
	fake_pmu.hvip13 = hvip13;
	struct pmu_host_isa isa = { .sscofpmf = sscofpmf, .ssaia = ssaia };
	assert_int_equal(pmu_host_probe(&host, isa), 0);
	assert_string_equal(banner(), want);
	assert_int_equal(host.filters, sscofpmf);
	if (!ssaia)
		assert_int_equal(fake_pmu.n_hvien_probe, 0);  /* it would trap */
}

#define PMU_PART "pmu 18 hw + 16 fw counters, lcofi to VS: "

static void probe_names_the_missing_link(void **state)
{
	/* QEMU 7.2 and 10 without sscofpmf=true */
	probe_as(false, false, false, false, false, PMU_PART "no (no Sscofpmf)");
	/* QEMU 10.0.13 with sscofpmf=true, AIA or not: mie.LCOFIE never sticks */
	probe_as(true, false, true, true, true,
		 PMU_PART "no (sie.LCOFIE not writable: no LCOFI reaches HS)");
	/* QEMU 7.2 with sscofpmf=true: no AIA, so no hvien */
	probe_as(true, true, false, true, true, PMU_PART "no (hvien.LCOFI not writable: needs Ssaia)");
	probe_as(true, true, true, false, true, PMU_PART "no (hvien.LCOFI not writable)");
	probe_as(true, true, true, true, false, PMU_PART "no (hvip.LCOFI not writable with hvien.LCOFI set)");
	/* the whole chain */
	probe_as(true, true, true, true, true, PMU_PART "yes");
	assert_true(pmu_host_lcofi_to_vs(&host));
	assert_int_equal(fake_pmu.n_hvien_probe, 1);
}

static void probe_without_pmu_says_so(void **state)
{
	fake_pmu_boot(true);
	fake_pmu.present = false;
	assert_true(pmu_host_probe(&host, (struct pmu_host_isa){ .sscofpmf = true, .ssaia = true }) < 0);
	assert_false(pmu_host_lcofi_to_vs(&host));
	assert_string_equal(banner(), "pmu 0 hw + 16 fw counters, lcofi to VS: no (no usable firmware PMU)");
	assert_int_equal(fake_pmu.n_hvien_probe, 0);
}

static void vcpu_load_routes_lcofi_only_where_it_can(void **state)
{
	pmu_host_vcpu_load(&host);
	assert_int_equal(fake_pmu.n_lcofi_vs_enable, 1);
	pmu_fixture_host(&host, true, false);
	fake_pmu.n_lcofi_vs_enable = 0;
	pmu_host_vcpu_load(&host);
	assert_int_equal(fake_pmu.n_lcofi_vs_enable, 0);
}

/* ---- the overflow chain ---- */

static void overflow_to_guest_to_bitmap(void **state)
{
	assert_err(CALL(SNAPSHOT_SET_SHMEM, AREA, 0, 0, 0, 0), SBI_SUCCESS);
	/* the guest samples on 3 (perf's "exclude kernel": SINH) and counts on 4 */
	assert_int_equal(cfg(3, 1, SBI_PMU_CFG_FLAG_SET_SINH, EV_DTLB_RD_MISS), 3);
	assert_int_equal(fake_pmu.last_cfg_flags, SBI_PMU_CFG_FLAG_SET_VSINH);
	assert_int_equal(cfg(4, 1, 0, EV_DTLB_RD_MISS), 4);
	assert_err(CALL(COUNTER_START, 3, 1, SBI_PMU_START_FLAG_SET_INIT_VALUE, WRAP_IN(10), 0),
		   SBI_SUCCESS);
	assert_err(CALL(COUNTER_START, 4, 1, SBI_PMU_START_FLAG_SET_INIT_VALUE, 0, 0), SBI_SUCCESS);
	/* a counter nobody in this vcpu started has its OF bit set too */
	fake_pmu.scountovf |= 1u << 9;

	fake_pmu_tick(9);
	assert_false(fake_pmu.lcofip);               /* one event short */
	fake_pmu_tick(5);
	assert_true(fake_pmu.lcofip);                /* 3 wrapped */

	/* HS takes it: inject, host pending bit cleared */
	assert_true(pmu_overflow_irq(p));
	assert_false(fake_pmu.lcofip);
	assert_int_equal(p->overflowed, 1u << 3);
	/* the guest's view of scountovf in its handler: the hart masks it with
	 * hcounteren, which opens only its started counters */
	assert_int_equal(fake_pmu.scountovf & pmu_hcounteren(p), 1u << 3);

	/* its handler stops the overflown counter with TAKE_SNAPSHOT */
	assert_err(CALL(COUNTER_STOP, 3, 1, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT, 0, 0), SBI_SUCCESS);
	assert_false(pmu_lcofi_pending(p));          /* answered: hvip.13 comes down */
	assert_int_equal(get64(AREA), 1);            /* bitmap: counter 3 relative to base 3 */
	assert_int_equal(get64(AREA + 8), 4);        /* wrapped past 2^64 by 4 */

	/* restarted for the next sample period: re-armed, OF cleared */
	assert_err(CALL(COUNTER_START, 3, 1, SBI_PMU_START_FLAG_SET_INIT_VALUE, WRAP_IN(3), 0),
		   SBI_SUCCESS);
	assert_int_equal(p->overflowed, 0);
	assert_int_equal(fake_pmu.scountovf & pmu_hcounteren(p), 0);
	fake_pmu_tick(3);
	assert_true(pmu_overflow_irq(p));
	/* a stop of both from base 0: the bitmap in absolute bits */
	assert_err(CALL(COUNTER_STOP, 0, 0x18, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT, 0, 0), SBI_SUCCESS);
	assert_int_equal(get64(AREA), 1u << 3);
}

static void overflow_while_stopped_counter_is_no_news(void **state)
{
	assert_int_equal(cfg(3, 1, 0, EV_DTLB_RD_MISS), 3);
	assert_err(CALL(COUNTER_START, 3, 1, SBI_PMU_START_FLAG_SET_INIT_VALUE, WRAP_IN(1), 0),
		   SBI_SUCCESS);
	assert_err(CALL(COUNTER_STOP, 3, 1, 0, 0, 0), SBI_SUCCESS);
	fake_pmu.scountovf = 1u << 3;  /* however it got there */
	assert_false(pmu_overflow_irq(p));
	assert_int_equal(fake_pmu.n_lcofi_clear, 1);  /* the host bit is cleared anyway */
	assert_int_equal(p->overflowed, 0);
}

static void no_injection_where_lcofi_cannot_reach_vs(void **state)
{
	assert_err(CALL(SNAPSHOT_SET_SHMEM, AREA, 0, 0, 0, 0), SBI_SUCCESS);
	assert_int_equal(cfg(3, 1, SBI_PMU_CFG_FLAG_SET_UINH, EV_DTLB_RD_MISS), 3);
	assert_int_equal(fake_pmu.last_cfg_flags, SBI_PMU_CFG_FLAG_SET_VUINH);  /* filters still work */
	assert_err(CALL(COUNTER_START, 3, 1, SBI_PMU_START_FLAG_SET_INIT_VALUE, WRAP_IN(1), 0),
		   SBI_SUCCESS);
	fake_pmu_tick(2);
	assert_false(pmu_overflow_irq(p));
	assert_false(pmu_lcofi_pending(p));
	assert_err(CALL(COUNTER_STOP, 3, 1, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT, 0, 0), SBI_SUCCESS);
	assert_int_equal(get64(AREA), 0);  /* no Sscofpmf for the guest: the bitmap reads 0 */
}

static void overflow_without_lcofi(void **state)
{
	assert_int_equal(cfg(3, 1, SBI_PMU_CFG_FLAG_AUTO_START, EV_DTLB_RD_MISS), 3);
	fake_pmu.scountovf = 1u << 3;  /* never read without Sscofpmf anyway */
	assert_false(pmu_overflow_irq(p));
	assert_false(pmu_lcofi_pending(p));
	assert_int_equal(fake_pmu.n_lcofi_clear, 1);
	assert_int_equal(p->overflowed, 0);
}

static void overflow_irq_records_started_counters(void **state)
{
	assert_int_equal(cfg(3, 1, SBI_PMU_CFG_FLAG_AUTO_START, EV_DTLB_RD_MISS), 3);
	assert_int_equal(cfg(4, 1, 0, EV_DTLB_RD_MISS), 4);
	fake_pmu.scountovf = 0;
	assert_false(pmu_overflow_irq(p));  /* spurious */
	fake_pmu.scountovf = (1u << 3) | (1u << 4) | (1u << 9);
	assert_false(pmu_lcofi_pending(p));
	assert_true(pmu_overflow_irq(p));
	assert_int_equal(p->overflowed, 1u << 3);  /* only the started guest counter */
	assert_true(pmu_lcofi_pending(p));
	fake_pmu.scountovf = 0;
	assert_true(pmu_overflow_irq(p));          /* still pending: not answered */
	assert_int_equal(CALL(COUNTER_GET_INFO, FW0, 0, 0, 0, 0).error, 0);
	assert_true(pmu_lcofi_pending(p));         /* other calls do not answer it */
	fake_pmu.scountovf = (1u << 3) | (1u << 4) | (1u << 9);
	/* a new start re-arms it */
	assert_err(CALL(COUNTER_STOP, 3, 1, 0, 0, 0), SBI_SUCCESS);
	assert_false(pmu_lcofi_pending(p));        /* the handler's stop answers it */
	assert_int_equal(p->overflowed, 1u << 3);  /* until restarted */
	fake_pmu.scountovf = 0;
	assert_err(CALL(COUNTER_START, 3, 1, 0, 0, 0), SBI_SUCCESS);
	assert_int_equal(p->overflowed, 0);
	/* a reboot (teardown, then a fresh vcpu PMU) forgets a pending one */
	fake_pmu.scountovf = 1u << 3;
	assert_true(pmu_overflow_irq(p));
	pmu_vcpu_deinit(p);
	pmu_vcpu_init(p, &host, &gm);
	assert_false(pmu_lcofi_pending(p));
}

#define TL(f) cmocka_unit_test_setup(f, setup_lcofi)
#define TN(f) cmocka_unit_test_setup(f, setup_no_lcofi)
#define TP(f) cmocka_unit_test_setup(f, setup_plain)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TL(probe_names_the_missing_link),
		TL(probe_without_pmu_says_so),
		TL(vcpu_load_routes_lcofi_only_where_it_can),
		TL(overflow_to_guest_to_bitmap),
		TL(overflow_while_stopped_counter_is_no_news),
		TN(no_injection_where_lcofi_cannot_reach_vs),
		TP(overflow_without_lcofi),
		TL(overflow_irq_records_started_counters),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
