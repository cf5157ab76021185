/* HSM: this hart is STARTED, a hart that does not exist is rejected, the
 * other harts the DTB lists have a defined state, and another hart starts,
 * stops and starts again. */
#include <stdio.h>

#include "checks.h"
#include "fdt.h"
#include "harness.h"
#include "other_hart.h"
#include "runtime.h"
#include "sbi.h"
#include "smp.h"

#define HSM_STATE_LAST 6	/* RESUME_PENDING */

extern char _start[];

static struct sbiret hart_start(unsigned long hart)
{
	return sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_START, hart, (unsigned long)_start, 0, 0, 0, 0);
}

static void check_other_harts(void)
{
	const char *what = "hsm: hart_get_status of every other hart in the DTB gives a state";
	struct fdt_range cpus[MAX_HARTS];
	int n = fdt_child_regs(env.dtb, "/cpus", "cpu", cpus, MAX_HARTS);
	unsigned others = 0;
	bool failed = false;
	unsigned long hart = 0;
	struct sbiret r = { 0, 0 };

	for (int i = 0; i < n && i < MAX_HARTS && !failed; i++) {
		hart = cpus[i].base;
		if (hart == env.hartid)
			continue;
		others++;
		r = sbi_hart_get_status(hart);
		failed = r.error || (unsigned long)r.value > HSM_STATE_LAST;
		if (!failed)
			printf("# hsm: hart %lu is in state %ld\n", hart, r.value);
	}
	if (!others)
		skip(what, "the DTB lists no other hart");
	else
		check(!failed, what, "got: hart %lu: %s value %ld expected: SBI_SUCCESS, state 0..6",
		      hart, sbi_err_name(r.error), r.value);
}

static void check_start_stop(void)
{
	unsigned long other;
	char what[96];

	if (!other_hart_pick("hsm: start, stop and restart another hart", &other))
		return;
	if (!other_hart_start("hsm", "start", other, NULL))
		return;
	/* smp_park: should it start after all, the hart only waits in wfi. */
	snprintf(what, sizeof(what), "hsm: hart_start(hart %lu, already STARTED) -> ALREADY_AVAILABLE", other);
	check_err(what, sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_START, other, (unsigned long)smp_park,
				  0, 0, 0, 0), SBI_ERR_ALREADY_AVAILABLE);
	if (other_hart_stop("hsm", other) && other_hart_start("hsm", "restart", other, NULL))
		other_hart_stop("hsm", other);
}

void check_hsm(void)
{
	if (!sbi_probe(SBI_EXT_HSM)) {
		skip("hsm: all checks", "HSM not offered (probe = 0)");
		return;
	}
	check_ret("hsm: hart_get_status(own hart) = STARTED", sbi_hart_get_status(env.hartid),
		  SBI_HSM_STATE_STARTED);
	check_err("hsm: hart_get_status(0x7fff, no such hart) -> INVALID_PARAM",
		  sbi_hart_get_status(INVALID_HART), SBI_ERR_INVALID_PARAM);
	check_err("hsm: hart_start(own hart) -> ALREADY_AVAILABLE", hart_start(env.hartid),
		  SBI_ERR_ALREADY_AVAILABLE);
	check_err("hsm: hart_start(0x7fff, no such hart) -> INVALID_PARAM",
		  hart_start(INVALID_HART), SBI_ERR_INVALID_PARAM);
	/* suspend_type 1 is reserved */
	check_err("hsm: hart_suspend(reserved type 1) -> INVALID_PARAM",
		  sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_SUSPEND, 1, 0, 0, 0, 0, 0), SBI_ERR_INVALID_PARAM);
	check_other_harts();
	check_start_stop();
}
