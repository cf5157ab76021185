/* The guest SBI PMU: every function, every error the spec names, and the
 * firmware's known lies, against the fake OpenSBI 1.1 of fake_pmu_hw.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "pmu_fixture.h"

#define RAM_SIZE (64 * 1024)

/* host, gm, p, CALL, assert_err and cfg come from pmu_fixture.h */
static uint8_t ram[RAM_SIZE];

static int setup(void **state)
{
	pmu_fixture_boot(false, false, ram, sizeof(ram), 0);
	return 0;
}

static int setup_sscof_lcofi(void **state)
{
	pmu_fixture_boot(true, true, ram, sizeof(ram), 0);
	return 0;
}

/* ---- probe ---- */

static void probe_qemu_opensbi(void **state)
{
	assert_int_equal(host.num_hw, 19);
	assert_int_equal(host.hw_valid, 0x7fffd);  /* no counter 1 */
	assert_int_equal(host.host_counters, 35);
	assert_false(host.filters);
	assert_false(pmu_host_lcofi_to_vs(&host));
	char b[80];
	pmu_host_describe(&host, b, sizeof(b));
	assert_string_equal(b, "pmu 18 hw + 16 fw counters, lcofi to VS: no (no Sscofpmf)");
	char small[8];
	pmu_host_describe(&host, small, sizeof(small));
	assert_string_equal(small, "pmu 18 ");
}

static void probe_distrusts_info(void **state)
{
	fake_pmu_boot(false);
	fake_pmu.info_override[4] = (63UL << 12) | 0xc05;     /* wrong CSR */
	fake_pmu.info_override[5] = (1UL << 63) | 0xc05;      /* firmware type */
	fake_pmu.info_override[18] = (63UL << 12) | 0xc12;    /* fine */
	assert_int_equal(pmu_host_probe(&host, (struct pmu_host_isa){ 0 }), 0);
	assert_int_equal(host.hw_valid, 0x7ffcd);
	pmu_vcpu_init(p, &host, &gm);
	assert_err(CALL(COUNTER_GET_INFO, 4, 0, 0, 0, 0), SBI_ERR_INVALID_PARAM);
	assert_err(CALL(COUNTER_CFG_MATCH, 4, 1, 0, EV_DTLB_RD_MISS, 0), SBI_ERR_INVALID_PARAM);
}

static void probe_no_pmu_gives_fw_only(void **state)
{
	fake_pmu_boot(false);
	fake_pmu.present = false;
	assert_true(pmu_host_probe(&host, (struct pmu_host_isa){ 0 }) < 0);
	assert_int_equal(host.num_hw, 0);
	pmu_vcpu_init(p, &host, &gm);
	struct sbiret r = CALL(NUM_COUNTERS, 0, 0, 0, 0, 0);
	assert_int_equal(r.value, PMU_NUM_FW);
	assert_int_equal(cfg(0, 0xffff, 0, EV_FW(5)), 0);
	assert_int_equal(cfg(0, 0xffff, 0, EV_CYCLES), SBI_ERR_NOT_SUPPORTED);
	assert_int_equal(fake_pmu.n_config, 0);
}

/* ---- num_counters, get_info, unknown fid ---- */

static void num_counters_and_info(void **state)
{
	struct sbiret r = CALL(NUM_COUNTERS, 0, 0, 0, 0, 0);
	assert_err(r, SBI_SUCCESS);
	assert_int_equal(r.value, 35);

	r = CALL(COUNTER_GET_INFO, 0, 0, 0, 0, 0);
	assert_err(r, SBI_SUCCESS);
	assert_int_equal(r.value, (63 << 12) | 0xc00);
	r = CALL(COUNTER_GET_INFO, 18, 0, 0, 0, 0);
	assert_int_equal(r.value, (63 << 12) | 0xc12);
	r = CALL(COUNTER_GET_INFO, FW0, 0, 0, 0, 0);
	assert_err(r, SBI_SUCCESS);
	assert_true(r.value < 0);                       /* type bit XLEN-1 */
	assert_int_equal((r.value >> 12) & 0x3f, 63);
	r = CALL(COUNTER_GET_INFO, 34, 0, 0, 0, 0);
	assert_err(r, SBI_SUCCESS);

	assert_err(CALL(COUNTER_GET_INFO, 1, 0, 0, 0, 0), SBI_ERR_INVALID_PARAM);
	assert_err(CALL(COUNTER_GET_INFO, 35, 0, 0, 0, 0), SBI_ERR_INVALID_PARAM);
	assert_err(CALL(COUNTER_GET_INFO, ~0UL, 0, 0, 0, 0), SBI_ERR_INVALID_PARAM);
	assert_err(pmu_call(p, 9, 0, 0, 0, 0, 0), SBI_ERR_NOT_SUPPORTED);
	assert_err(pmu_call(p, ~0UL, 0, 0, 0, 0, 0), SBI_ERR_NOT_SUPPORTED);
}

/* ---- config_matching ---- */

static void cfg_reserved_flags(void **state)
{
	assert_int_equal(cfg(FW0, 1, 1UL << 8, EV_FW(5)), SBI_ERR_INVALID_PARAM);
	assert_int_equal(cfg(FW0, 1, 1UL << 63, EV_FW(5)), SBI_ERR_INVALID_PARAM);
	assert_int_equal(p->configured, 0);
	/* every defined flag together is fine */
	assert_int_equal(cfg(FW0, 1, 0xff, EV_FW(5)), FW0);
}

static void bad_counter_sets(void **state)
{
	/* the same checks serve config_matching, start and stop */
	static const struct { unsigned long base, mask; } bad[] = {
		{ 0, 0 },              /* empty */
		{ 35, 1 },             /* base past the end */
		{ 34, 2 },             /* base+1 = 35 */
		{ 30, 0x80 },          /* 37 */
		{ 0, 1UL << 63 },
		{ ~0UL, 1 },           /* wraps */
		{ 1UL << 40, 1 },
		{ 0, 0x2 },            /* counter 1 is a hole */
		{ 0, 0x7 },
		{ 1, 1 },
	};
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(cfg(bad[i].base, bad[i].mask, 0, EV_FW(5)), SBI_ERR_INVALID_PARAM);
		assert_err(CALL(COUNTER_START, bad[i].base, bad[i].mask, 0, 0, 0), SBI_ERR_INVALID_PARAM);
		assert_err(CALL(COUNTER_STOP, bad[i].base, bad[i].mask, 0, 0, 0), SBI_ERR_INVALID_PARAM);
	}
	assert_int_equal(fake_pmu.n_calls, 0);
	/* the last counter itself is fine */
	assert_int_equal(cfg(34, 1, 0, EV_FW(5)), 34);
}

static void cfg_unknown_events(void **state)
{
	static const struct { unsigned long ev; uint64_t data; } bad[] = {
		{ EV_HW(0), 0 },                 /* SBI_PMU_HW_NO_EVENT */
		{ EV_HW(11), 0 },
		{ EV_HW(1), 1 },                 /* event_data reserved */
		{ EV_CACHE(7 << 3), 0 },         /* cache id 7 */
		{ EV_CACHE(3 << 1), 0 },         /* op 3 */
		{ EV_CACHE(0x19), 5 },
		{ (2UL << 16) | 1, 0 },          /* raw with code */
		{ 2UL << 16, 1ull << 48 },       /* raw data too wide */
		{ 3UL << 16, 1ull << 56 },
		{ 4UL << 16 | 1, 0 },            /* no type 4..14 */
		{ 14UL << 16 | 1, 0 },
		{ EV_FW(22), 0 },                /* reserved fw codes */
		{ EV_FW(255), 0 },
		{ EV_FW(256), 0 },               /* implementation specific: none */
		{ EV_FW(0xffff), 0 },            /* platform: none */
		{ EV_FW(5), 1 },                 /* event_data reserved */
		{ EV_FW(5) | 1UL << 20, 0 },     /* beyond 20 bits */
		{ EV_CYCLES | 1UL << 40, 0 },
	};
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct sbiret r = CALL(COUNTER_CFG_MATCH, 0, 0x7fffd, 0, bad[i].ev, bad[i].data);
		assert_err(r, SBI_ERR_NOT_SUPPORTED);
		r = CALL(COUNTER_CFG_MATCH, 0, 0x7fffd, SBI_PMU_CFG_FLAG_SKIP_MATCH, bad[i].ev, bad[i].data);
		assert_err(r, SBI_ERR_NOT_SUPPORTED);
	}
	assert_int_equal(p->configured, 0);
	assert_int_equal(fake_pmu.n_config, 0);
}

static void cfg_wrong_counter_type(void **state)
{
	assert_int_equal(cfg(0, HPM_MASK | 5, 0, EV_FW(5)), SBI_ERR_NOT_SUPPORTED);
	assert_int_equal(cfg(FW0, 0xffff, 0, EV_DTLB_RD_MISS), SBI_ERR_NOT_SUPPORTED);
	assert_int_equal(fake_pmu.n_config, 0);
	/* a mixed set picks the right kind */
	assert_int_equal(cfg(16, 0x3c, 0, EV_FW(5)), FW0);             /* 18..21 */
	assert_int_equal(cfg(16, 0x3c, 0, EV_DTLB_RD_MISS), 18);
}

static void cfg_fw_picks_free_counters(void **state)
{
	assert_int_equal(cfg(FW0, 0xffff, 0, EV_FW(SBI_PMU_FW_SET_TIMER)), FW0);
	assert_int_equal(cfg(FW0, 0xffff, 0, EV_FW(SBI_PMU_FW_SET_TIMER)), FW0 + 1);
	assert_int_equal(cfg(FW0, 0x3, 0, EV_FW(SBI_PMU_FW_IPI_SENT)), SBI_ERR_NOT_SUPPORTED);
	for (unsigned i = 2; i < PMU_NUM_FW; i++)
		assert_int_equal(cfg(FW0, 0xffff, 0, EV_FW(i)), FW0 + i);
	assert_int_equal(cfg(FW0, 0xffff, 0, EV_FW(0)), SBI_ERR_NOT_SUPPORTED);
	assert_int_equal(fake_pmu.n_calls, 0);  /* firmware counters are ours */
}

static void cfg_hw_cycles_and_events(void **state)
{
	assert_int_equal(cfg(0, 0x7fffd, 0, EV_CYCLES), 0);
	assert_true(fake_mapped(0));
	assert_int_equal(cfg(0, 0x7fffd, 0, EV_INSTR), 2);
	assert_int_equal(cfg(3, HPM_MASK >> 3, 0, EV_DTLB_RD_MISS), 18);
	assert_int_equal(cfg(3, HPM_MASK >> 3, 0, EV_DTLB_RD_MISS), 17);
	assert_int_equal(p->configured, 0x60005);
	/* configured, not started: nothing readable directly yet */
	assert_int_equal(pmu_hcounteren(p), 0);
	/* nothing the firmware maps on hpmcounters: not supported */
	assert_int_equal(cfg(0, 0x7fffd, 0, EV_HW(5)), SBI_ERR_NOT_SUPPORTED);
}

/* OpenSBI 1.1 without Sscofpmf answers counter 0 for cycles even when the mask
 * excludes it: the guest must never get it, and the stray config is undone. */
static void cfg_firmware_answer_outside_mask(void **state)
{
	assert_int_equal(cfg(3, HPM_MASK >> 3, 0, EV_CYCLES), SBI_ERR_NOT_SUPPORTED);
	assert_false(fake_mapped(0));           /* undone (stop + RESET) */
	assert_true(fake_pmu.reset_done & 1);
	assert_int_equal(p->configured, 0);
	/* one try with the set, one alone, then it insists: give up */
	assert_int_equal(fake_pmu.n_config, 2);
	assert_int_equal(cfg(0, 1, 0, EV_CYCLES), 0);  /* honest when asked right */
	assert_int_equal(cfg(3, HPM_MASK >> 3, 0, EV_INSTR), SBI_ERR_NOT_SUPPORTED);
	assert_false(fake_mapped(2));
}

static void cfg_outside_answer_never_touches_held_counter(void **state)
{
	assert_int_equal(cfg(2, 1, SBI_PMU_CFG_FLAG_AUTO_START, EV_INSTR), 2);
	assert_true(fake_running(2));
	fake_pmu.reset_done = 0;
	assert_int_equal(cfg(3, HPM_MASK >> 3, 0, EV_INSTR), SBI_ERR_NOT_SUPPORTED);
	assert_true(fake_mapped(2));
	assert_true(fake_running(2));
	assert_int_equal(fake_pmu.reset_done, 0);
	assert_true(p->started & 4);
}

static void cfg_outside_answer_then_honest_retry(void **state)
{
	/* a firmware that gets the search of a set wrong but answers single
	 * counters right: the stray counter 4 is undone, 7 asked alone */
	fake_pmu.answer_override = 4 + 1;
	assert_int_equal(cfg(7, 0x3, 0, EV_DTLB_RD_MISS), 7);
	assert_false(fake_mapped(4));
	assert_true(fake_mapped(7));
	assert_int_equal(fake_pmu.n_config, 2);
}

static void cfg_with_sscof_uses_hpm_counters(void **state)
{
	/* with Sscofpmf the firmware searches the programmable counters */
	assert_int_equal(cfg(3, HPM_MASK >> 3, 0, EV_CYCLES), 18);
	assert_int_equal(cfg(3, HPM_MASK >> 3, 0, EV_INSTR), 17);
	assert_true(fake_mapped(0));  /* boot mapping untouched */
}

static void cfg_filter_hints(void **state)
{
	/* no Sscofpmf: hints are dropped, the firmware cannot filter */
	assert_int_equal(cfg(3, 1, SBI_PMU_CFG_FLAG_SET_SINH | SBI_PMU_CFG_FLAG_SET_MINH,
			     EV_DTLB_RD_MISS), 3);
	assert_int_equal(fake_pmu.last_cfg_flags, 0);
}

static void cfg_filter_hints_sscof(void **state)
{
	assert_int_equal(cfg(3, 1, SBI_PMU_CFG_FLAG_SET_SINH, EV_DTLB_RD_MISS), 3);
	assert_int_equal(fake_pmu.last_cfg_flags, SBI_PMU_CFG_FLAG_SET_VSINH);
	assert_int_equal(cfg(4, 1, SBI_PMU_CFG_FLAG_SET_UINH, EV_DTLB_RD_MISS), 4);
	assert_int_equal(fake_pmu.last_cfg_flags, SBI_PMU_CFG_FLAG_SET_VUINH);
	assert_int_equal(cfg(5, 1, SBI_PMU_CFG_FLAG_SET_MINH | SBI_PMU_CFG_FLAG_SET_VSINH |
			     SBI_PMU_CFG_FLAG_SET_VUINH, EV_DTLB_RD_MISS), 5);
	assert_int_equal(fake_pmu.last_cfg_flags, SBI_PMU_CFG_FLAG_SET_SINH | SBI_PMU_CFG_FLAG_SET_MINH);
	/* CLEAR_VALUE / AUTO_START / SKIP_MATCH never go down */
	assert_int_equal(cfg(6, 1, SBI_PMU_CFG_FLAG_CLEAR_VALUE | SBI_PMU_CFG_FLAG_AUTO_START |
			     SBI_PMU_CFG_FLAG_SKIP_MATCH, EV_DTLB_RD_MISS), 6);
	assert_int_equal(fake_pmu.last_cfg_flags, 0);
}

static void cfg_skip_match(void **state)
{
	/* first counter of the set, unconditionally - even unmapped on the host */
	assert_int_equal(cfg(0, 1, SBI_PMU_CFG_FLAG_SKIP_MATCH, EV_CYCLES), 0);
	assert_int_equal(cfg(FW0 + 3, 0xff, SBI_PMU_CFG_FLAG_SKIP_MATCH, EV_FW(5)), FW0 + 3);
	/* first counter of the set is of the wrong kind */
	assert_int_equal(cfg(18, 0x3, SBI_PMU_CFG_FLAG_SKIP_MATCH, EV_FW(5)), SBI_ERR_NOT_SUPPORTED);
	/* remap a configured, stopped counter to another event */
	assert_int_equal(cfg(FW0 + 3, 1, SBI_PMU_CFG_FLAG_SKIP_MATCH, EV_FW(6)), FW0 + 3);
	assert_int_equal(p->ctr[FW0 + 3].event_idx, EV_FW(6));
	/* a started counter cannot be reconfigured */
	assert_err(CALL(COUNTER_START, FW0 + 3, 1, 0, 0, 0), SBI_SUCCESS);
	assert_int_equal(cfg(FW0 + 3, 1, SBI_PMU_CFG_FLAG_SKIP_MATCH, EV_FW(5)), SBI_ERR_NOT_SUPPORTED);
	assert_int_equal(p->ctr[FW0 + 3].event_idx, EV_FW(6));
	/* hw counter 0 remapped to instructions: the firmware answers 2 - refused */
	assert_int_equal(cfg(0, 1, SBI_PMU_CFG_FLAG_SKIP_MATCH, EV_INSTR), SBI_ERR_NOT_SUPPORTED);
	assert_false(p->configured & 1);
	assert_false(fake_mapped(2));
}

static void cfg_clear_value_and_auto_start(void **state)
{
	assert_int_equal(cfg(FW0, 1, 0, EV_FW(5)), FW0);
	assert_err(CALL(COUNTER_START, FW0, 1, SBI_PMU_START_FLAG_SET_INIT_VALUE, 40, 0), SBI_SUCCESS);
	pmu_fw_count(p, 5);
	assert_err(CALL(COUNTER_STOP, FW0, 1, SBI_PMU_STOP_FLAG_RESET, 0, 0), SBI_SUCCESS);
	/* without CLEAR_VALUE the value stays; AUTO_START does not change it */
	assert_int_equal(cfg(FW0, 1, SBI_PMU_CFG_FLAG_AUTO_START, EV_FW(5)), FW0);
	assert_int_equal(CALL(COUNTER_FW_READ, FW0, 0, 0, 0, 0).value, 41);
	pmu_fw_count(p, 5);
	assert_int_equal(CALL(COUNTER_FW_READ, FW0, 0, 0, 0, 0).value, 42);
	assert_err(CALL(COUNTER_STOP, FW0, 1, SBI_PMU_STOP_FLAG_RESET, 0, 0), SBI_SUCCESS);
	assert_int_equal(cfg(FW0, 1, SBI_PMU_CFG_FLAG_CLEAR_VALUE, EV_FW(5)), FW0);
	assert_int_equal(CALL(COUNTER_FW_READ, FW0, 0, 0, 0, 0).value, 0);
	assert_false(p->started & (1ull << FW0));

	/* hardware: AUTO_START starts the host counter at the guest's value */
	assert_int_equal(cfg(0, 1, SBI_PMU_CFG_FLAG_AUTO_START | SBI_PMU_CFG_FLAG_CLEAR_VALUE,
			     EV_CYCLES), 0);
	assert_true(fake_running(0));
	assert_int_equal(fake_pmu.csr[0], 0);  /* not the boot ticks */
	assert_int_equal(pmu_hcounteren(p), 1);
}

/* ---- counter_start / counter_stop ---- */

static void start_errors(void **state)
{
	assert_int_equal(cfg(FW0, 0x3, 0, EV_FW(5)), FW0);
	assert_int_equal(cfg(FW0, 0x3, 0, EV_FW(6)), FW0 + 1);
	assert_err(CALL(COUNTER_START, FW0, 1, 1UL << 2, 0, 0), SBI_ERR_INVALID_PARAM);
	assert_err(CALL(COUNTER_START, FW0, 1, 1UL << 63, 0, 0), SBI_ERR_INVALID_PARAM);
	assert_err(CALL(COUNTER_START, FW0, 1, SBI_PMU_START_FLAG_SET_INIT_VALUE |
			SBI_PMU_START_FLAG_INIT_SNAPSHOT, 0, 0), SBI_ERR_INVALID_PARAM);
	/* a counter without an event in the set: nothing started */
	assert_err(CALL(COUNTER_START, FW0, 0x7, 0, 0, 0), SBI_ERR_INVALID_PARAM);
	assert_int_equal(p->started, 0);
	assert_err(CALL(COUNTER_START, FW0, 1, SBI_PMU_START_FLAG_INIT_SNAPSHOT, 0, 0), SBI_ERR_NO_SHMEM);
	assert_int_equal(p->started, 0);
	assert_err(CALL(COUNTER_START, FW0, 1, 0, 0, 0), SBI_SUCCESS);
	/* already started: reported, the other one still starts */
	assert_err(CALL(COUNTER_START, FW0, 0x3, 0, 0, 0), SBI_ERR_ALREADY_STARTED);
	assert_int_equal(p->started, 3ull << FW0);
}

static void start_hw_sets_value_despite_firmware(void **state)
{
	/* counter 0 runs from boot; OpenSBI would ignore the initial value */
	assert_int_equal(cfg(0, 1, 0, EV_CYCLES), 0);
	assert_true(fake_running(0));
	struct sbiret r = CALL(COUNTER_START, 0, 1, SBI_PMU_START_FLAG_SET_INIT_VALUE, 1000, 0);
	assert_err(r, SBI_SUCCESS);
	assert_int_equal(fake_pmu.csr[0], 1000);
	assert_int_equal(pmu_hcounteren(p), 1);
	/* without SET_INIT_VALUE counting resumes from the saved value */
	fake_pmu_tick(5);
	assert_err(CALL(COUNTER_STOP, 0, 1, 0, 0, 0), SBI_SUCCESS);
	fake_pmu.csr[0] = 77;  /* the host counter drifts while stopped */
	assert_err(CALL(COUNTER_START, 0, 1, 0, 0, 0), SBI_SUCCESS);
	assert_int_equal(fake_pmu.csr[0], 1005);
}

static void stop_errors(void **state)
{
	assert_int_equal(cfg(FW0, 0x3, 0, EV_FW(5)), FW0);
	assert_int_equal(cfg(FW0, 0x3, 0, EV_FW(6)), FW0 + 1);
	assert_err(CALL(COUNTER_START, FW0, 0x3, 0, 0, 0), SBI_SUCCESS);
	assert_err(CALL(COUNTER_STOP, FW0, 1, 1UL << 2, 0, 0), SBI_ERR_INVALID_PARAM);
	assert_err(CALL(COUNTER_STOP, FW0, 1, ~0UL, 0, 0), SBI_ERR_INVALID_PARAM);
	assert_err(CALL(COUNTER_STOP, FW0, 1, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT, 0, 0), SBI_ERR_NO_SHMEM);
	assert_int_equal(p->started, 3ull << FW0);
	assert_err(CALL(COUNTER_STOP, FW0, 1, 0, 0, 0), SBI_SUCCESS);
	/* already stopped (and never configured): reported, the rest stops */
	assert_err(CALL(COUNTER_STOP, FW0, 0x7, 0, 0, 0), SBI_ERR_ALREADY_STOPPED);
	assert_int_equal(p->started, 0);
	assert_err(CALL(COUNTER_STOP, FW0 + 5, 1, 0, 0, 0), SBI_ERR_ALREADY_STOPPED);
}

static void stop_reset_even_if_stopped(void **state)
{
	/* Linux stops every counter with RESET at boot: it must reset them all */
	assert_int_equal(cfg(FW0, 1, 0, EV_FW(5)), FW0);
	assert_int_equal(cfg(3, 1, 0, EV_DTLB_RD_MISS), 3);
	assert_int_equal(cfg(4, 1, SBI_PMU_CFG_FLAG_AUTO_START, EV_DTLB_RD_MISS), 4);
	struct sbiret r = CALL(COUNTER_STOP, 0, 0x7fffffffdUL, SBI_PMU_STOP_FLAG_RESET, 0, 0);
	assert_err(r, SBI_ERR_ALREADY_STOPPED);
	assert_int_equal(p->configured, 0);
	assert_int_equal(p->started, 0);
	assert_false(fake_mapped(3));
	assert_false(fake_mapped(4));
	assert_false(fake_running(4));
	uint64_t v = 0;
	assert_int_equal(pmu_counter_csr_read(p, 3, &v), -1);
}

static void stop_hw_reads_once_and_keeps_value(void **state)
{
	assert_int_equal(cfg(3, 1, 0, EV_DTLB_RD_MISS), 3);
	assert_err(CALL(COUNTER_START, 3, 1, SBI_PMU_START_FLAG_SET_INIT_VALUE, 100, 0), SBI_SUCCESS);
	assert_int_equal(pmu_hcounteren(p), 1u << 3);
	fake_pmu_tick(23);
	unsigned reads = fake_pmu.n_read;
	assert_err(CALL(COUNTER_STOP, 3, 1, 0, 0, 0), SBI_SUCCESS);
	assert_int_equal(fake_pmu.n_read, reads + 1);
	assert_int_equal(pmu_hcounteren(p), 0);
	/* the CSR is stale now (QEMU): a trapped read gets the saved count */
	assert_int_equal(pmu_hw_read(3), 100);
	uint64_t v = 0;
	assert_int_equal(pmu_counter_csr_read(p, 3, &v), 0);
	assert_int_equal(v, 123);
	assert_int_equal(pmu_counter_csr_read(p, 3, &v), 0);
	assert_int_equal(v, 123);
	assert_int_equal(fake_pmu.n_read, reads + 2);  /* only our one read + the test's */
}

/* ---- fw_read, fw_read_hi, firmware counting ---- */

static void fw_read_errors(void **state)
{
	assert_int_equal(cfg(0, 1, 0, EV_CYCLES), 0);
	for (unsigned fid = SBI_PMU_COUNTER_FW_READ; fid <= SBI_PMU_COUNTER_FW_READ_HI; fid++) {
		assert_err(pmu_call(p, fid, 0, 0, 0, 0, 0), SBI_ERR_INVALID_PARAM);  /* hw, configured */
		assert_err(pmu_call(p, fid, 3, 0, 0, 0, 0), SBI_ERR_INVALID_PARAM);
		assert_err(pmu_call(p, fid, 1, 0, 0, 0, 0), SBI_ERR_INVALID_PARAM);  /* hole */
		assert_err(pmu_call(p, fid, 35, 0, 0, 0, 0), SBI_ERR_INVALID_PARAM);
		assert_err(pmu_call(p, fid, ~0UL, 0, 0, 0, 0), SBI_ERR_INVALID_PARAM);
		/* firmware counters with no event mapped are invalid counters */
		assert_err(pmu_call(p, fid, FW0, 0, 0, 0, 0), SBI_ERR_INVALID_PARAM);
		assert_err(pmu_call(p, fid, 34, 0, 0, 0, 0), SBI_ERR_INVALID_PARAM);
	}
}

/* A firmware counter is readable from config_matching (started or not) until
 * a RESET stop drops its event, and no longer after an SRST reset. */
static void fw_read_needs_an_event(void **state)
{
	assert_int_equal(cfg(34, 1, 0, EV_FW(SBI_PMU_FW_SET_TIMER)), 34);
	assert_err(CALL(COUNTER_FW_READ, 34, 0, 0, 0, 0), SBI_SUCCESS);
	assert_err(CALL(COUNTER_FW_READ_HI, 34, 0, 0, 0, 0), SBI_SUCCESS);
	assert_err(CALL(COUNTER_START, 34, 1, 0, 0, 0), SBI_SUCCESS);
	pmu_fw_count(p, SBI_PMU_FW_SET_TIMER);
	assert_err(CALL(COUNTER_STOP, 34, 1, 0, 0, 0), SBI_SUCCESS);
	assert_int_equal(CALL(COUNTER_FW_READ, 34, 0, 0, 0, 0).value, 1);  /* stopped, still mapped */
	assert_err(CALL(COUNTER_FW_READ, FW0, 0, 0, 0, 0), SBI_ERR_INVALID_PARAM);  /* others still not */
	assert_err(CALL(COUNTER_START, 34, 1, 0, 0, 0), SBI_SUCCESS);
	assert_err(CALL(COUNTER_STOP, 34, 1, SBI_PMU_STOP_FLAG_RESET, 0, 0), SBI_SUCCESS);
	assert_err(CALL(COUNTER_FW_READ, 34, 0, 0, 0, 0), SBI_ERR_INVALID_PARAM);
	assert_err(CALL(COUNTER_FW_READ_HI, 34, 0, 0, 0, 0), SBI_ERR_INVALID_PARAM);
	assert_int_equal(cfg(34, 1, 0, EV_FW(SBI_PMU_FW_SET_TIMER)), 34);
	pmu_vcpu_deinit(p);   /* what a reboot does: teardown, then a fresh vcpu PMU */
	pmu_vcpu_init(p, &host, &gm);
	assert_err(CALL(COUNTER_FW_READ, 34, 0, 0, 0, 0), SBI_ERR_INVALID_PARAM);
}

static void fw_counters_count_started_only(void **state)
{
	assert_int_equal(cfg(FW0, 0xffff, 0, EV_FW(SBI_PMU_FW_SET_TIMER)), FW0);
	assert_int_equal(cfg(FW0, 0xffff, 0, EV_FW(SBI_PMU_FW_SET_TIMER)), FW0 + 1);
	assert_int_equal(cfg(FW0, 0xffff, 0, EV_FW(SBI_PMU_FW_IPI_SENT)), FW0 + 2);
	pmu_fw_count(p, SBI_PMU_FW_SET_TIMER);  /* nothing started */
	assert_err(CALL(COUNTER_START, FW0, 0x7, 0, 0, 0), SBI_SUCCESS);
	for (int i = 0; i < 3; i++)
		pmu_fw_count(p, SBI_PMU_FW_SET_TIMER);
	pmu_fw_count(p, SBI_PMU_FW_IPI_SENT);
	pmu_fw_count(p, SBI_PMU_FW_IPI_RCVD);
	pmu_fw_count(p, 22);
	pmu_fw_count(p, 1000);
	assert_int_equal(CALL(COUNTER_FW_READ, FW0, 0, 0, 0, 0).value, 3);
	assert_int_equal(CALL(COUNTER_FW_READ, FW0 + 1, 0, 0, 0, 0).value, 3);
	assert_int_equal(CALL(COUNTER_FW_READ, FW0 + 2, 0, 0, 0, 0).value, 1);
	assert_err(CALL(COUNTER_STOP, FW0 + 1, 1, 0, 0, 0), SBI_SUCCESS);
	pmu_fw_count(p, SBI_PMU_FW_SET_TIMER);
	assert_int_equal(CALL(COUNTER_FW_READ, FW0, 0, 0, 0, 0).value, 4);
	assert_int_equal(CALL(COUNTER_FW_READ, FW0 + 1, 0, 0, 0, 0).value, 3);
	/* restart resumes; SET_INIT_VALUE replaces */
	assert_err(CALL(COUNTER_START, FW0 + 1, 1, 0, 0, 0), SBI_SUCCESS);
	pmu_fw_count(p, SBI_PMU_FW_SET_TIMER);
	assert_int_equal(CALL(COUNTER_FW_READ, FW0 + 1, 0, 0, 0, 0).value, 4);
	assert_err(CALL(COUNTER_STOP, FW0 + 2, 1, 0, 0, 0), SBI_SUCCESS);
	assert_err(CALL(COUNTER_START, FW0 + 2, 1, SBI_PMU_START_FLAG_SET_INIT_VALUE,
			0xfffffffffffffffful, 0), SBI_SUCCESS);
	pmu_fw_count(p, SBI_PMU_FW_IPI_SENT);
	struct sbiret r = CALL(COUNTER_FW_READ, FW0 + 2, 0, 0, 0, 0);
	assert_int_equal(r.value, 0);  /* 64-bit wrap */
	assert_int_equal(CALL(COUNTER_FW_READ_HI, FW0, 0, 0, 0, 0).value, 0);  /* rv64 */
	/* all 22 standard events can be counted */
	assert_err(CALL(COUNTER_STOP, FW0, 0x7, SBI_PMU_STOP_FLAG_RESET, 0, 0), SBI_SUCCESS);
	for (unsigned code = 0; code < SBI_PMU_FW_MAX; code++) {
		long c = cfg(FW0, 0xffff, SBI_PMU_CFG_FLAG_AUTO_START | SBI_PMU_CFG_FLAG_CLEAR_VALUE,
			     EV_FW(code));
		assert_int_equal(c, FW0);
		pmu_fw_count(p, code);
		assert_int_equal(CALL(COUNTER_FW_READ, FW0, 0, 0, 0, 0).value, 1);
		assert_err(CALL(COUNTER_STOP, FW0, 1, SBI_PMU_STOP_FLAG_RESET, 0, 0), SBI_SUCCESS);
	}
}

/* ---- hcounteren and trapped counter reads ---- */

static void hcounteren_and_csr_reads(void **state)
{
	uint64_t v;
	assert_int_equal(pmu_counter_csr_read(p, 0, &v), -1);   /* unconfigured */
	assert_int_equal(pmu_counter_csr_read(p, 1, &v), -1);   /* time: not ours */
	assert_int_equal(pmu_counter_csr_read(p, 19, &v), -1);  /* no hpmcounter19 */
	assert_int_equal(pmu_counter_csr_read(p, 32, &v), -1);
	assert_int_equal(cfg(0, 1, 0, EV_CYCLES), 0);
	assert_int_equal(cfg(FW0, 1, SBI_PMU_CFG_FLAG_AUTO_START, EV_FW(5)), FW0);
	assert_int_equal(pmu_hcounteren(p), 0);  /* fw counters are no CSRs */
	assert_int_equal(pmu_counter_csr_read(p, 0, &v), 0);
	assert_int_equal(v, 0);
	assert_err(CALL(COUNTER_START, 0, 1, SBI_PMU_START_FLAG_SET_INIT_VALUE, 50, 0), SBI_SUCCESS);
	assert_int_equal(cfg(3, 1, SBI_PMU_CFG_FLAG_AUTO_START, EV_DTLB_RD_MISS), 3);
	assert_int_equal(pmu_hcounteren(p), 0x9);
	fake_pmu_tick(7);
	assert_int_equal(pmu_counter_csr_read(p, 0, &v), 0);  /* trapped anyway: live */
	assert_int_equal(v, 57);
	assert_err(CALL(COUNTER_STOP, 0, 1, SBI_PMU_STOP_FLAG_RESET, 0, 0), SBI_SUCCESS);
	assert_int_equal(pmu_hcounteren(p), 0x8);
	assert_int_equal(pmu_counter_csr_read(p, 0, &v), -1);
}

/* ---- event_get_info ---- */

static void put_entry(uint64_t gpa, uint32_t evidx, uint32_t out, uint64_t data)
{
	uint8_t *e = ram + (gpa - RAM_GPA);
	memcpy(e, &evidx, 4);
	memcpy(e + 4, &out, 4);
	memcpy(e + 8, &data, 8);
}

static uint32_t get_out(uint64_t gpa)
{
	uint32_t v;
	memcpy(&v, ram + (gpa - RAM_GPA) + 4, 4);
	return v;
}

static void event_get_info_errors(void **state)
{
	uint64_t at = RAM_GPA + 0x100;
	put_entry(at, EV_FW(5), 0xdeadbeef, 0);
	uint8_t before[RAM_SIZE];
	memcpy(before, ram, sizeof(ram));
	assert_err(CALL(EVENT_GET_INFO, at, 0, 1, 1, 0), SBI_ERR_INVALID_PARAM);
	assert_err(CALL(EVENT_GET_INFO, at + 8, 0, 1, 0, 0), SBI_ERR_INVALID_PARAM);
	assert_err(CALL(EVENT_GET_INFO, at + 1, 0, 1, 0, 0), SBI_ERR_INVALID_PARAM);
	assert_err(CALL(EVENT_GET_INFO, at, 1, 1, 0, 0), SBI_ERR_INVALID_ADDRESS);
	assert_err(CALL(EVENT_GET_INFO, RAM_GPA - 16, 0, 1, 0, 0), SBI_ERR_INVALID_ADDRESS);
	assert_err(CALL(EVENT_GET_INFO, RAM_GPA - 16, 0, 2, 0, 0), SBI_ERR_INVALID_ADDRESS);
	assert_err(CALL(EVENT_GET_INFO, RAM_GPA + RAM_SIZE - 16, 0, 2, 0, 0), SBI_ERR_INVALID_ADDRESS);
	assert_err(CALL(EVENT_GET_INFO, RAM_GPA + RAM_SIZE, 0, 1, 0, 0), SBI_ERR_INVALID_ADDRESS);
	assert_err(CALL(EVENT_GET_INFO, 0, 0, 1, 0, 0), SBI_ERR_INVALID_ADDRESS);
	assert_err(CALL(EVENT_GET_INFO, at, 0, 1UL << 60, 0, 0), SBI_ERR_INVALID_ADDRESS);
	assert_err(CALL(EVENT_GET_INFO, at, 0, ~0UL, 0, 0), SBI_ERR_INVALID_ADDRESS);
	/* a reserved bit in any event_idx word: nothing written at all */
	put_entry(at + 16, EV_FW(6) | 1u << 20, 0xdeadbeef, 0);
	memcpy(before, ram, sizeof(ram));
	assert_err(CALL(EVENT_GET_INFO, at, 0, 2, 0, 0), SBI_ERR_INVALID_PARAM);
	assert_memory_equal(before, ram, sizeof(ram));
	put_entry(at + 16, EV_FW(6) | 1u << 31, 0xdeadbeef, 0);
	memcpy(before, ram, sizeof(ram));
	assert_err(CALL(EVENT_GET_INFO, at, 0, 2, 0, 0), SBI_ERR_INVALID_PARAM);
	assert_memory_equal(before, ram, sizeof(ram));
	/* a type no encoding defines (4..14): refused, nothing written */
	for (uint32_t type = 4; type <= 14; type++) {
		put_entry(at + 16, type << 16, 0xdeadbeef, 0);
		memcpy(before, ram, sizeof(ram));
		assert_err(CALL(EVENT_GET_INFO, at, 0, 2, 0, 0), SBI_ERR_INVALID_PARAM);
		assert_memory_equal(before, ram, sizeof(ram));
	}
	/* no entries: nothing to do */
	assert_err(CALL(EVENT_GET_INFO, at, 0, 0, 0, 0), SBI_SUCCESS);
	assert_memory_equal(before, ram, sizeof(ram));
	/* the gate closed: refused, nothing written */
	gmem_close(&gm);
	assert_err(CALL(EVENT_GET_INFO, at, 0, 1, 0, 0), SBI_ERR_FAILED);
	assert_memory_equal(before, ram, sizeof(ram));
}

static const struct { uint32_t ev; uint64_t data; uint32_t out; } answers[] = {
		{ EV_FW(SBI_PMU_FW_SET_TIMER), 0, 1 },
		{ EV_FW(0), 0, 1 },
		{ EV_FW(21), 0, 1 },
		{ EV_FW(22), 0, 0 },
		{ EV_FW(0xffff), 7, 0 },
		{ EV_FW(5), 1, 0 },
		{ EV_CYCLES, 0, 1 },
		{ EV_INSTR, 0, 1 },
		{ EV_DTLB_RD_MISS, 0, 1 },
		{ EV_HW(5), 0, 0 },              /* QEMU maps no branch event */
		{ EV_HW(1), 9, 0 },              /* event_data must be 0 here */
		{ EV_FW(256), 0, 0 },            /* implementation events: none */
		{ 3u << 16, 0x1234, 0 },         /* raw v2: firmware has no raw map */
		/* well formed, but no event the spec defines: answered, not refused */
		{ EV_HW(0), 0, 0 },              /* SBI_PMU_HW_NO_EVENT */
		{ EV_HW(11), 0, 0 },
		{ EV_HW(0x1234), 0, 0 },
		{ EV_CACHE(3u << 1), 0, 0 },     /* cache op 3 */
		{ 2u << 16 | 1, 0, 0 },          /* raw with a code */
		{ 3u << 16 | 0xffff, 0, 0 },
};
#define N_ANSWERS (sizeof(answers) / sizeof(answers[0]))

static void event_get_info_answers(void **state)
{
	const unsigned n = N_ANSWERS;
	uint64_t at = RAM_GPA + 0x1000;
	memset(ram, 0x5a, sizeof(ram));
	for (unsigned i = 0; i < n; i++)
		put_entry(at + 16 * i, answers[i].ev, 0xa5a5a5a5, answers[i].data);
	uint8_t before[RAM_SIZE];
	memcpy(before, ram, sizeof(ram));
	/* the guest holds counter 3: the probe must not take it from it */
	assert_int_equal(cfg(3, 1, SBI_PMU_CFG_FLAG_AUTO_START, EV_DTLB_RD_MISS), 3);

	assert_err(CALL(EVENT_GET_INFO, at, 0, n, 0, 0), SBI_SUCCESS);
	for (unsigned i = 0; i < n; i++) {
		assert_int_equal(get_out(at + 16 * i), answers[i].out);
		memcpy(before + (at - RAM_GPA) + 16 * i + 4, &answers[i].out, 4);
	}
	assert_memory_equal(before, ram, sizeof(ram));  /* only output words changed */
	/* answered without the firmware (the boot probe knows these events), and
	 * no host counter changed: the guest's own and cycle and instret as the
	 * firmware booted them, mapped and running */
	assert_int_equal(fake_pmu.n_config, 2);  /* only the raw v2 entry was asked */
	for (unsigned i = 0; i < FAKE_HW; i++)
		assert_int_equal(fake_mapped(i), i == 0 || i == 2 || i == 3);
	assert_true(fake_running(0) && fake_running(2) && fake_running(3));
}

/* Many entries (the hypervisor reads them in chunks): every one answered as
 * alone, and nothing else written. */
static void event_get_info_answers_many(void **state)
{
	const unsigned n = 5 * N_ANSWERS;
	uint64_t at = RAM_GPA + 0x1000;
	memset(ram, 0x5a, sizeof(ram));
	for (unsigned i = 0; i < n; i++)
		put_entry(at + 16 * i, answers[i % N_ANSWERS].ev, 0xa5a5a5a5, answers[i % N_ANSWERS].data);
	uint8_t before[RAM_SIZE];
	memcpy(before, ram, sizeof(ram));
	assert_err(CALL(EVENT_GET_INFO, at, 0, n, 0, 0), SBI_SUCCESS);
	for (unsigned i = 0; i < n; i++) {
		assert_int_equal(get_out(at + 16 * i), answers[i % N_ANSWERS].out);
		memcpy(before + (at - RAM_GPA) + 16 * i + 4, &answers[i % N_ANSWERS].out, 4);
	}
	assert_memory_equal(before, ram, sizeof(ram));
}

/* Raw events are the only entries that cost firmware calls: at most 64 a call. */
static void event_get_info_bounds_raw_events(void **state)
{
	uint64_t at = RAM_GPA + 0x1000;
	for (unsigned i = 0; i < 65; i++)
		put_entry(at + 16 * i, 2u << 16, 0xa5a5a5a5, 0x42);
	put_entry(at + 16 * 65, EV_CYCLES, 0xa5a5a5a5, 0);
	uint8_t before[RAM_SIZE];
	memcpy(before, ram, sizeof(ram));
	assert_err(CALL(EVENT_GET_INFO, at, 0, 66, 0, 0), SBI_ERR_FAILED);
	assert_memory_equal(before, ram, sizeof(ram));
	assert_int_equal(fake_pmu.n_config, 0);
	assert_err(CALL(EVENT_GET_INFO, at + 16, 0, 65, 0, 0), SBI_SUCCESS);
	assert_int_equal(fake_pmu.n_config, 64);
	assert_int_equal(get_out(at + 16), 0);
	assert_int_equal(get_out(at + 16 * 65), 1);
}

/* The boot probe's answers: cycles and instructions by definition, the
 * rest as the firmware matched them on the programmable counters. */
static void probe_learns_events(void **state)
{
	assert_int_equal(host.hw_general_ok, (1u << 1) | (1u << 2));
	assert_int_equal(host.hw_cache_ok, 1ull << (EV_DTLB_RD_MISS & 0xffff));
	/* and left the firmware's running cycle and instret alone */
	assert_true(fake_mapped(0) && fake_running(0) && fake_mapped(2) && fake_running(2));
	for (unsigned i = 3; i < FAKE_HW; i++)
		assert_false(fake_mapped(i));
}

static void dead_after_deinit(void **state)
{
	pmu_vcpu_deinit(p);
	for (unsigned long fid = 0; fid <= 9; fid++)
		assert_err(pmu_call(p, fid, 0, 0, 0, 0, 0), SBI_ERR_FAILED);
	uint64_t v;
	assert_int_equal(pmu_counter_csr_read(p, 0, &v), -1);
	assert_int_equal(pmu_hcounteren(p), 0);
	pmu_fw_count(p, 5);
}

#define T(f) cmocka_unit_test_setup(f, setup)
#define TS(f) cmocka_unit_test_setup(f, setup_sscof_lcofi)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(probe_qemu_opensbi),
		T(probe_distrusts_info),
		T(probe_no_pmu_gives_fw_only),
		T(num_counters_and_info),
		T(cfg_reserved_flags),
		T(bad_counter_sets),
		T(cfg_unknown_events),
		T(cfg_wrong_counter_type),
		T(cfg_fw_picks_free_counters),
		T(cfg_hw_cycles_and_events),
		T(cfg_firmware_answer_outside_mask),
		T(cfg_outside_answer_never_touches_held_counter),
		T(cfg_outside_answer_then_honest_retry),
		TS(cfg_with_sscof_uses_hpm_counters),
		T(cfg_filter_hints),
		TS(cfg_filter_hints_sscof),
		T(cfg_skip_match),
		T(cfg_clear_value_and_auto_start),
		T(start_errors),
		T(start_hw_sets_value_despite_firmware),
		T(stop_errors),
		T(stop_reset_even_if_stopped),
		T(stop_hw_reads_once_and_keeps_value),
		T(fw_read_errors),
		T(fw_read_needs_an_event),
		T(fw_counters_count_started_only),
		T(hcounteren_and_csr_reads),
		T(event_get_info_errors),
		T(event_get_info_answers),
		T(event_get_info_answers_many),
		T(event_get_info_bounds_raw_events),
		T(probe_learns_events),
		T(dead_after_deinit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
