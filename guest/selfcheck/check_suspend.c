/* HSM hart_suspend and SUSP system_suspend: a retentive suspend returns only
 * once the interrupt it enabled is pending; a non-retentive one and a system
 * suspend resume at resume_addr in the spec's register state; another hart
 * sees a suspended hart as SUSPENDED; the entry criteria are checked. The wake
 * source is always this hart's timer, a few ms ahead, with sie.STIE on and
 * sstatus.SIE off, so the interrupt wakes the hart but is never taken. */
#include <setjmp.h>
#include <stdio.h>

#include "checks.h"
#include "csr.h"
#include "fdt.h"
#include "harness.h"
#include "other_hart.h"
#include "runtime.h"
#include "sbi.h"
#include "trap.h"
#include "wait.h"

#define WAKE_MS 5

void suspend_resume_entry(void);		/* resume_entry.S */
void suspend_resumed(unsigned long a0, unsigned long a1) __attribute__((noreturn));

static jmp_buf resume_point;
static volatile unsigned long resumed_a0, resumed_a1, resumed_satp, resumed_sstatus;
/* The CSRs a non-retentive suspend may lose (the spec leaves them undefined),
 * put back on resume as the caller had them. */
static unsigned long saved_stvec, saved_sscratch, saved_sie;

void suspend_resumed(unsigned long a0, unsigned long a1)
{
	resumed_a0 = a0;
	resumed_a1 = a1;
	resumed_satp = csr_read(satp);
	resumed_sstatus = csr_read(sstatus);
	csr_write(stvec, saved_stvec);
	csr_write(sscratch, saved_sscratch);
	csr_write(sie, saved_sie);
	longjmp(resume_point, 1);
}

/* This hart's timer fires WAKE_MS from now; the interrupt is enabled but not
 * taken. Returns the deadline. */
static unsigned long arm_wakeup(void)
{
	unsigned long deadline = rdtime() + MS(WAKE_MS);
	sbi_set_timer(deadline);
	csr_set(sie, SIE_STIE);
	return deadline;
}

static void disarm_wakeup(void)
{
	csr_clear(sie, SIE_STIE);
	sbi_set_timer(~0UL);
}

static void check_retentive(void)
{
	const char *what = "suspend: hart_suspend(retentive) returns SUCCESS once the enabled timer is pending";
	unsigned long deadline = arm_wakeup();
	struct sbiret r = sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_SUSPEND, SBI_HSM_SUSPEND_RETENTIVE, 0, 0, 0, 0, 0);
	unsigned long now = rdtime();
	disarm_wakeup();
	check(!r.error && now >= deadline, what, "got: %s after %ld ticks expected: SBI_SUCCESS after %lu ticks or more",
	      sbi_err_name(r.error), (long)(now - deadline + MS(WAKE_MS)), MS(WAKE_MS));
}

/* A suspend that resumes at suspend_resume_entry: eid/fid/type, opaque. */
static struct sbiret suspend_to_resume(unsigned long eid, unsigned long fid, unsigned long type,
				       unsigned long opaque, bool *resumed)
{
	struct sbiret r = { SBI_SUCCESS, 0 };
	resumed_a0 = resumed_a1 = ~0UL;
	arm_wakeup();
	saved_stvec = csr_read(stvec);
	saved_sscratch = csr_read(sscratch);
	saved_sie = csr_read(sie);
	*resumed = setjmp(resume_point) != 0;
	if (!*resumed)
		r = sbi_ecall(eid, fid, type, (unsigned long)suspend_resume_entry, opaque, 0, 0, 0);
	disarm_wakeup();
	return r;
}

static void check_resume_state(const char *what, struct sbiret r, bool resumed, unsigned long opaque)
{
	check(resumed && resumed_a0 == env.hartid && resumed_a1 == opaque && resumed_satp == 0 &&
	      !(resumed_sstatus & SSTATUS_SIE), what,
	      "got: %s, a0 %#lx a1 %#lx satp %#lx sstatus.SIE %lu expected: resumed with a0 %#lx a1 %#lx satp 0 SIE 0",
	      resumed ? "resumed" : sbi_err_name(r.error), resumed_a0, resumed_a1, resumed_satp,
	      (resumed_sstatus & SSTATUS_SIE) >> 1, env.hartid, opaque);
}

static void check_non_retentive(void)
{
	const char *what = "suspend: hart_suspend(non-retentive) resumes at resume_addr: a0 = hart id, a1 = opaque, satp = 0, SIE = 0";
	bool resumed;
	struct sbiret r = suspend_to_resume(SBI_EXT_HSM, SBI_HSM_HART_SUSPEND, SBI_HSM_SUSPEND_NON_RETENTIVE,
					    0x5eed0001, &resumed);
	if (!resumed && r.error == SBI_ERR_NOT_SUPPORTED) {
		skip(what, "NOT_SUPPORTED: the platform has no non-retentive suspend");
		skip("suspend: hart_suspend(non-retentive, resume_addr S-mode may not use) -> INVALID_ADDRESS",
		     "no non-retentive suspend");
		return;
	}
	check_resume_state(what, r, resumed, 0x5eed0001);
	/* Checked only where the call is known to work, and with an address the
	 * DTB keeps from S-mode (a firmware's reserved region, else past RAM): a
	 * suspend that took it would resume there. */
	struct fdt_range resv;
	unsigned long bad = fdt_child_regs(env.dtb, "/reserved-memory", "", &resv, 1) > 0
				    ? resv.base : (env.ram_end + 0xfff) & ~0xfffUL;
	char what2[112];
	snprintf(what2, sizeof(what2), "suspend: hart_suspend(non-retentive, resume_addr %#lx S-mode may not use) -> INVALID_ADDRESS", bad);
	check_err(what2, sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_SUSPEND, SBI_HSM_SUSPEND_NON_RETENTIVE, bad, 0, 0, 0, 0),
		  SBI_ERR_INVALID_ADDRESS);
}

/* The other hart suspends, once told to (other_hart_start must first see it
 * STARTED), until an IPI from this hart wakes it. */
static volatile unsigned other_go, other_suspending, other_woke;
static volatile long other_error;

static void suspend_until_ipi(void)
{
	irq_wait(&other_go, MS(OTHER_WAIT_MS));
	csr_clear(sip, SIP_SSIP);
	csr_set(sie, SIE_SSIE);
	other_suspending = 1;
	other_error = sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_SUSPEND, SBI_HSM_SUSPEND_RETENTIVE, 0, 0, 0, 0, 0).error;
	csr_clear(sie, SIE_SSIE);
	csr_clear(sip, SIP_SSIP);
	other_woke = 1;
}

static bool wait_status(unsigned long hart, long state)
{
	struct wait w;
	wait_begin(&w, MS(OTHER_WAIT_MS));
	while (wait_more(&w))
		if (sbi_hart_get_status(hart).value == state)
			return true;
	return false;
}

static void check_other_suspended(void)
{
	unsigned long other;
	char what[112];
	if (!other_hart_pick("suspend: another hart's state while it is suspended", &other))
		return;
	other_go = other_suspending = other_woke = 0;
	if (!other_hart_start("suspend", "start", other, suspend_until_ipi))
		return;
	other_go = 1;
	irq_wait(&other_suspending, MS(OTHER_WAIT_MS));
	bool suspended = wait_status(other, SBI_HSM_STATE_SUSPENDED);
	snprintf(what, sizeof(what), "suspend: hart_get_status(hart %lu in retentive suspend) = SUSPENDED", other);
	check(suspended, what, "got: state %ld expected: SUSPENDED (4)", sbi_hart_get_status(other).value);
	struct sbiret r = sbi_ecall(SBI_EXT_IPI, SBI_IPI_SEND_IPI, 1, other, 0, 0, 0, 0);
	bool woke = irq_wait(&other_woke, MS(OTHER_WAIT_MS));
	snprintf(what, sizeof(what), "suspend: an IPI wakes hart %lu: SUCCESS, STARTED again", other);
	check(!r.error && woke && !other_error && sbi_hart_get_status(other).value == SBI_HSM_STATE_STARTED,
	      what, "got: send_ipi %s, %s, suspend %s expected: woken within %u ms, SUCCESS, STARTED",
	      sbi_err_name(r.error), woke ? "woke" : "still suspended", sbi_err_name(other_error), OTHER_WAIT_MS);
	if (woke)
		other_hart_stop("suspend", other);
}

static void check_system_suspend(void)
{
	if (!sbi_probe(SBI_EXT_SUSP)) {
		skip("susp: all checks", "SUSP not offered (probe = 0)");
		return;
	}
	check_err("susp: system_suspend(reserved sleep type 1) -> INVALID_PARAM",
		  sbi_ecall(SBI_EXT_SUSP, SBI_SUSP_SYSTEM_SUSPEND, 1, (unsigned long)suspend_resume_entry, 0, 0, 0, 0),
		  SBI_ERR_INVALID_PARAM);
	unsigned long other;
	if (other_hart_pick("susp: system_suspend with another hart STARTED -> DENIED", &other) &&
	    other_hart_start("susp", "start", other, NULL)) {
		check_err("susp: system_suspend with another hart STARTED -> DENIED",
			  sbi_ecall(SBI_EXT_SUSP, SBI_SUSP_SYSTEM_SUSPEND, SBI_SUSP_SLEEP_TYPE_SUSPEND_TO_RAM,
				    (unsigned long)suspend_resume_entry, 0, 0, 0, 0), SBI_ERR_DENIED);
		other_hart_stop("susp", other);
	}
	bool resumed;
	struct sbiret r = suspend_to_resume(SBI_EXT_SUSP, SBI_SUSP_SYSTEM_SUSPEND, SBI_SUSP_SLEEP_TYPE_SUSPEND_TO_RAM,
					    0x5eed0002, &resumed);
	check_resume_state("susp: system_suspend(SUSPEND_TO_RAM) resumes at resume_addr: a0 = hart id, a1 = opaque, satp = 0, SIE = 0",
			   r, resumed, 0x5eed0002);
}

void check_suspend(void)
{
	if (!sbi_probe(SBI_EXT_HSM)) {
		skip("suspend: all checks", "HSM not offered (probe = 0)");
		return;
	}
	check_err("suspend: hart_suspend(reserved type 0x80000001) -> INVALID_PARAM",
		  sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_SUSPEND, 0x80000001UL, 0, 0, 0, 0, 0), SBI_ERR_INVALID_PARAM);
	check_retentive();
	check_non_retentive();
	check_other_suspended();
	check_system_suspend();
}
