/* PMU event_get_info (SBI >= 3.0): entries of 16 bytes in a 16-byte aligned
 * buffer; the SBI sets output bit 0 for each event it supports. */
#include <stdint.h>
#include <stdio.h>

#include "checks.h"
#include "harness.h"
#include "pmu.h"
#include "runtime.h"
#include "sbi.h"

struct event_info {
	uint32_t event_idx;
	uint32_t output;	/* bit 0: supported; bits 31:1 reserved, zero */
	uint64_t event_data;
};

enum { EV_CYCLES, EV_INSTRET, EV_FW_SET_TIMER, EV_COUNT };

static struct event_info events[EV_COUNT] __attribute__((aligned(16)));

static struct sbiret event_get_info(unsigned long lo, unsigned long hi, unsigned long n,
				    unsigned long flags)
{
	return sbi_ecall(SBI_EXT_PMU, SBI_PMU_EVENT_GET_INFO, lo, hi, n, flags, 0, 0);
}

/* An event config_matching could place must be reported supported. */
static void check_output(unsigned e, const char *name, bool configurable)
{
	char what[96];

	snprintf(what, sizeof(what), "pmu: event_get_info reports %s %s", name,
		 configurable ? "supported" : "with reserved output bits clear");
	if (configurable)
		check(events[e].output == 1, what, "got: output 0x%x expected: 0x1", events[e].output);
	else
		check(!(events[e].output & ~1U), what, "got: output 0x%x expected: bits 31:1 clear",
		      events[e].output);
}

/* One entry: the answer, and its output word in *output (-1 if unchanged). */
static struct sbiret get_info_of(uint32_t event_idx, long *output)
{
	static struct event_info one __attribute__((aligned(16)));
	struct sbiret r;

	one = (struct event_info){ .event_idx = event_idx, .output = ~0U };
	r = event_get_info((unsigned long)&one, 0, 1, 0);
	*output = one.output == ~0U ? -1 : (long)one.output;
	return r;
}

/* A well-formed event_idx (defined type, reserved bits clear) is answered
 * even when its code names no event: output 0. Only a reserved bit or an
 * undefined type makes the event_idx non-conforming (INVALID_PARAM). */
static void check_encodings(void)
{
	const char *what = "pmu: event_get_info of type 0 code 0x1234 (no such event) succeeds, output 0";
	long out;
	struct sbiret r = get_info_of(PMU_EVENT(SBI_PMU_EVENT_TYPE_HW, 0x1234), &out);

	if (r.error)
		check_err(what, r, SBI_SUCCESS);
	else
		check(out == 0, what, "got: output %ld expected: 0", out);
	check_err("pmu: event_get_info with event_idx bit 20 (reserved) set -> INVALID_PARAM",
		  get_info_of(PMU_EV_CYCLES | 1U << 20, &out), SBI_ERR_INVALID_PARAM);
	check_err("pmu: event_get_info of event type 9 (undefined) -> INVALID_PARAM",
		  get_info_of(PMU_EVENT(9, 0), &out), SBI_ERR_INVALID_PARAM);
}

void check_pmu_event_info(void)
{
	const char *all = "pmu: event_get_info";
	unsigned long buf = (unsigned long)events;
	struct sbiret r;

	if (!pmu.present) {
		skip(all, "no PMU");
		return;
	}
	if (!sbi_spec_at_least(3, 0)) {
		skip(all, "SBI %lu.%lu has no event_get_info (added in 3.0)", SBI_SPEC_MAJOR(sbi_spec_version()),
		     SBI_SPEC_MINOR(sbi_spec_version()));
		return;
	}
	events[EV_CYCLES] = (struct event_info){ .event_idx = PMU_EV_CYCLES };
	events[EV_INSTRET] = (struct event_info){ .event_idx = PMU_EV_INSTRET };
	events[EV_FW_SET_TIMER] = (struct event_info){ .event_idx = PMU_EV_FW_SET_TIMER };
	r = event_get_info(buf, 0, EV_COUNT, 0);
	if (r.error == SBI_ERR_NOT_SUPPORTED) {
		skip(all, "event_get_info returns SBI_ERR_NOT_SUPPORTED (it is optional)");
		return;
	}
	if (check_err("pmu: event_get_info of cycles, instructions, FW SET_TIMER succeeds", r, SBI_SUCCESS)) {
		check_output(EV_CYCLES, "cycles", pmu.cycles_ok);
		check_output(EV_INSTRET, "instructions", pmu.instret_ok);
		check_output(EV_FW_SET_TIMER, "FW SET_TIMER", pmu.fw_set_timer_ok);
	}
	check_encodings();
	check_err("pmu: event_get_info with flags != 0 -> INVALID_PARAM", event_get_info(buf, 0, 1, 1),
		  SBI_ERR_INVALID_PARAM);
	check_err("pmu: event_get_info at an address not 16-byte aligned -> INVALID_PARAM",
		  event_get_info(buf + 8, 0, 1, 0), SBI_ERR_INVALID_PARAM);
	check_err("pmu: event_get_info with shmem_phys_hi = 1 (beyond RAM) -> INVALID_ADDRESS",
		  event_get_info(buf, 1, 1, 0), SBI_ERR_INVALID_ADDRESS);
	if (env.ram_end)
		check_err("pmu: event_get_info across the end of RAM -> INVALID_ADDRESS",
			  event_get_info(env.ram_end - 16, 0, 2, 0), SBI_ERR_INVALID_ADDRESS);
}
