#include <stdio.h>

#include "checks.h"
#include "fdt.h"
#include "harness.h"
#include "other_hart.h"
#include "runtime.h"
#include "sbi.h"
#include "smp.h"
#include "trap.h"
#include "wait.h"

/* The other hart's own bound for being released: longer than all the checks
 * this hart makes meanwhile, so that it only ends early if this hart is lost. */
#define RELEASE_WAIT_MS (5 * OTHER_WAIT_MS)

/* Shared with the other hart, reset before each start: one other hart at a time. */
static volatile unsigned entered, released, finished;
static void (*body_fn)(void);

/* Runs on the other hart; when it returns the runtime calls hart_stop. */
static void other_main(unsigned long hartid, void *arg)
{
	(void)hartid;
	(void)arg;
	entered = 1;
	if (body_fn)
		body_fn();
	irq_wait(&released, MS(RELEASE_WAIT_MS));
	finished = 1;
}

static const char *state_name(struct sbiret r)
{
	static const char *const names[] = {
		"STARTED", "STOPPED", "START_PENDING", "STOP_PENDING",
		"SUSPENDED", "SUSPEND_PENDING", "RESUME_PENDING",
	};

	if (r.error)
		return sbi_err_name(r.error);
	if (r.value < 0 || r.value >= (long)(sizeof(names) / sizeof(names[0])))
		return "a state out of range";
	return names[r.value];
}

/* Polls hart_get_status until it says want, fails, or OTHER_WAIT_MS pass;
 * whatever it says in between (the pending states) is accepted. */
static bool wait_status(unsigned long hart, long want, struct sbiret *last)
{
	struct wait w;

	wait_begin(&w, MS(OTHER_WAIT_MS));
	do {
		*last = sbi_hart_get_status(hart);
		if (!last->error && last->value == want)
			return true;
	} while (!last->error && wait_more(&w));
	return false;
}

bool other_hart_pick(const char *what, unsigned long *hart)
{
	struct fdt_range cpus[MAX_HARTS];
	int n = fdt_child_regs(env.dtb, "/cpus", "cpu", cpus, MAX_HARTS);

	if (!sbi_probe(SBI_EXT_HSM)) {
		skip(what, "HSM not offered (probe = 0)");
		return false;
	}
	for (int i = 0; i < n && i < MAX_HARTS; i++) {
		if (cpus[i].base != env.hartid) {
			*hart = cpus[i].base;
			return true;
		}
	}
	skip(what, "the DTB lists no other hart");
	return false;
}

bool other_hart_start(const char *section, const char *verb, unsigned long hart,
		      void (*body)(void))
{
	char what[112], why[96];
	struct sbiret r = sbi_hart_get_status(hart);
	bool started, ran;

	snprintf(what, sizeof(what), "%s: %s hart %lu (STOPPED, hart_start -> SUCCESS, STARTED, it runs)",
		 section, verb, hart);
	if (r.error || r.value != SBI_HSM_STATE_STOPPED)
		return check(false, what, "got: %s before hart_start expected: STOPPED", state_name(r));
	entered = released = finished = 0;
	body_fn = body;
	smp_stray_hart = 0;
	r = smp_hart_start(hart, other_main, NULL);
	if (r.error)
		return check(false, what, "got: hart_start %s (%ld) expected: SBI_SUCCESS",
			     sbi_err_name(r.error), r.error);
	started = wait_status(hart, SBI_HSM_STATE_STARTED, &r);
	ran = started && irq_wait(&entered, MS(OTHER_WAIT_MS));
	if (!ran)
		released = 1;	/* if it runs after all, it stops at once */
	if (smp_stray_hart == hart + 1)
		snprintf(why, sizeof(why), "it came in at the image entry instead (crt0 stopped it)");
	else if (!started)
		snprintf(why, sizeof(why), "%s %u ms after hart_start", state_name(r), OTHER_WAIT_MS);
	else
		snprintf(why, sizeof(why), "STARTED but no sign of its code within %u ms", OTHER_WAIT_MS);
	return check(ran, what, "got: %s expected: STARTED and running from the start address given", why);
}

bool other_hart_stop(const char *section, unsigned long hart)
{
	char what[96];
	struct sbiret r;
	bool stopped;

	snprintf(what, sizeof(what), "%s: hart %lu ends with hart_stop -> STOPPED", section, hart);
	released = 1;
	stopped = wait_status(hart, SBI_HSM_STATE_STOPPED, &r);
	return check(stopped, what, "got: %s %u ms after its release (%s) expected: STOPPED",
		     state_name(r), OTHER_WAIT_MS,
		     finished ? "it went on to hart_stop" : "it did not get to hart_stop");
}
