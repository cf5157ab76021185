/* The SBI the guests see (hyp/sbi*.c, hyp/vtimer.c), called as a guest calls
 * it, on a VM made by the real vm_boot_first over the fake hart: each answer
 * and side effect as the SBI spec (riscv-non-isa/riscv-sbi-doc) says. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "hyp_fixture.h"
#include "boot/csr.h"
#include "hyp/vcpu_suspend.h"
#include "hyp/vtimer.h"

#define VSSIP MIP_BIT(IRQ_VS_SOFT)
#define VSTIP MIP_BIT(IRQ_VS_TIMER)
#define GPA(off) (GUEST_RAM_BASE + (off))

static struct sbiret ecall(struct vcpu *v, unsigned long eid, unsigned long fid, unsigned long a0,
			   unsigned long a1, unsigned long a2)
{
	return fix_ecall(v, eid, fid, a0, a1, a2);
}
#define assert_sbi(r, err, val) do { struct sbiret _r = (r); \
	assert_int_equal(_r.error, (err)); assert_int_equal(_r.value, (val)); } while (0)

/* ---- dispatch and BASE */

static void unknown_extension_is_not_supported(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ 0 });
	struct vcpu *v = &vm->vcpus[0];
	assert_int_equal(ecall(v, 0x0A000000, 0, 0, 0, 0).error, SBI_ERR_NOT_SUPPORTED);
	/* SBI 0.1 set_timer and shutdown are not offered, nor the HFENCE-needing ones */
	assert_int_equal(ecall(v, SBI_EXT_0_1_SET_TIMER, 0, 0, 0, 0).error, SBI_ERR_NOT_SUPPORTED);
	assert_int_equal(ecall(v, SBI_EXT_0_1_SHUTDOWN, 0, 0, 0, 0).error, SBI_ERR_NOT_SUPPORTED);
	assert_int_equal(ecall(v, SBI_EXT_BASE, 7, 0, 0, 0).error, SBI_ERR_NOT_SUPPORTED);
	assert_int_equal(fake_hart.n_ecall, 0); /* nothing reached the firmware */
}

static void base_versions_and_ids(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ 0 });
	struct vcpu *v = &vm->vcpus[0];
	/* spec version: major in bits 30:24, minor in 23:0; 3.0 */
	assert_sbi(ecall(v, SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION, 0, 0, 0), 0, 3L << 24);
	assert_sbi(ecall(v, SBI_EXT_BASE, SBI_BASE_GET_IMPL_ID, 0, 0, 0), 0, 0x48504D56);
	assert_sbi(ecall(v, SBI_EXT_BASE, SBI_BASE_GET_IMPL_VERSION, 0, 0, 0), 0, SBI_IMPL_VERSION);
	assert_sbi(ecall(v, SBI_EXT_BASE, SBI_BASE_GET_MVENDORID, 0, 0, 0), 0, 0x489);
	assert_sbi(ecall(v, SBI_EXT_BASE, SBI_BASE_GET_MARCHID, 0, 0, 0), 0, (long)0x8000000000000007UL);
	assert_sbi(ecall(v, SBI_EXT_BASE, SBI_BASE_GET_MIMPID, 0, 0, 0), 0, 0x20181004);
}

/* probe_extension answers 1 for what is dispatched and 0 for the rest, and
 * everything the design offers is there. */
static void base_probe_matches_dispatch(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ 0 });
	struct vcpu *v = &vm->vcpus[0];
	static const unsigned long offered[] = {
		SBI_EXT_BASE, SBI_EXT_TIME, SBI_EXT_IPI, SBI_EXT_RFENCE, SBI_EXT_HSM, SBI_EXT_SRST,
		SBI_EXT_PMU, SBI_EXT_DBCN, SBI_EXT_SUSP, SBI_EXT_0_1_CONSOLE_PUTCHAR,
		SBI_EXT_0_1_CONSOLE_GETCHAR,
	};
	for (unsigned i = 0; i < sizeof(offered) / sizeof(offered[0]); i++) {
		assert_sbi(ecall(v, SBI_EXT_BASE, SBI_BASE_PROBE_EXT, offered[i], 0, 0), 0, 1);
	}
	static const unsigned long absent[] = {
		SBI_EXT_0_1_SET_TIMER, 0x03, 0x04, 0x05, 0x06, 0x07, SBI_EXT_0_1_SHUTDOWN,
		0x43505043 /* CPPC */, 0x535441 /* STA */, 0x46574654 /* FWFT */, 0x535345 /* SSE */,
		~0UL,
	};
	for (unsigned i = 0; i < sizeof(absent) / sizeof(absent[0]); i++) {
		assert_sbi(ecall(v, SBI_EXT_BASE, SBI_BASE_PROBE_EXT, absent[i], 0, 0), 0, 0);
		assert_int_equal(ecall(v, absent[i], 0, 0, 0, 0).error, SBI_ERR_NOT_SUPPORTED);
	}
}

/* ---- TIME and the virtual timer */

static void set_timer_without_sstc_uses_the_host_timer(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ 0 });
	struct vcpu *v = &vm->vcpus[0];
	unsigned ctr = fix_fw_counter(v, SBI_PMU_FW_SET_TIMER);
	CSR(hvip) = VSTIP | VSSIP;
	/* set_timer clears the pending timer interrupt and arms the host timer */
	assert_sbi(ecall(v, SBI_EXT_TIME, SBI_TIME_SET_TIMER, 12345, 0, 0), 0, 0);
	assert_int_equal(CSR(hvip), VSSIP);
	const struct fake_ecall *c = fake_last_ecall(SBI_EXT_TIME, SBI_TIME_SET_TIMER);
	assert_non_null(c);
	assert_int_equal(c->a[0], 12345);
	assert_true(v->timer_armed);
	/* the host timer fires (a time in the past fires at once, by the firmware):
	 * the guest sees VSTIP, the host timer is put off for ever */
	vcpu_host_interrupt(v, IRQ_S_TIMER);
	assert_true(CSR(hvip) & VSTIP);
	assert_int_equal(fake_last_ecall(SBI_EXT_TIME, SBI_TIME_SET_TIMER)->a[0], ~0UL);
	assert_false(v->timer_armed);
	/* all-ones: never; the pending interrupt is cleared again */
	assert_sbi(ecall(v, SBI_EXT_TIME, SBI_TIME_SET_TIMER, ~0UL, 0, 0), 0, 0);
	assert_false(CSR(hvip) & VSTIP);
	assert_false(v->timer_armed);
	assert_int_equal(fix_fw_read(v, ctr), 2);
	assert_int_equal(ecall(v, SBI_EXT_TIME, 1, 0, 0, 0).error, SBI_ERR_NOT_SUPPORTED);
}

static void set_timer_with_sstc_writes_vstimecmp(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ .sstc = true });
	struct vcpu *v = &vm->vcpus[0];
	/* the vcpu starts with no timer: vstimecmp all-ones, Sstc enabled for VS */
	assert_int_equal(CSR(vstimecmp), ~0UL);
	assert_true(CSR(henvcfg) & HENVCFG_STCE);
	CSR(hvip) = 0;
	assert_sbi(ecall(v, SBI_EXT_TIME, SBI_TIME_SET_TIMER, 777, 0, 0), 0, 0);
	assert_int_equal(CSR(vstimecmp), 777);
	assert_int_equal(fake_ecalls(SBI_EXT_TIME, ~0UL), 0); /* the host timer is not involved */
	assert_int_equal(CSR(hvip), 0);
	assert_false(v->timer_armed);
	vtimer_cancel(v);
	assert_int_equal(CSR(vstimecmp), ~0UL);
}

static void timer_cancel_disarms_the_host_timer(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ 0 });
	struct vcpu *v = &vm->vcpus[0];
	vtimer_cancel(v);  /* nothing armed: nothing asked of the firmware */
	assert_int_equal(fake_ecalls(SBI_EXT_TIME, ~0UL), 0);
	ecall(v, SBI_EXT_TIME, SBI_TIME_SET_TIMER, 100, 0, 0);
	CSR(hvip) = VSTIP;
	vtimer_cancel(v);
	assert_int_equal(fake_ecalls(SBI_EXT_TIME, ~0UL), 2);
	assert_int_equal(fake_last_ecall(SBI_EXT_TIME, 0)->a[0], ~0UL);
	assert_int_equal(CSR(hvip), 0);
	assert_false(v->timer_armed);
}

/* ---- IPI */

static void ipi_to_self_and_others(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ .vcpus = 3 });
	struct vcpu *v = &vm->vcpus[0];
	fix_run_vcpu(vm, 2);
	unsigned sent = fix_fw_counter(v, SBI_PMU_FW_IPI_SENT);
	unsigned rcvd = fix_fw_counter(v, SBI_PMU_FW_IPI_RCVD);
	CSR(hvip) = 0;
	/* every hart: vcpu 1 is STOPPED and gets none */
	assert_sbi(ecall(v, SBI_EXT_IPI, SBI_IPI_SEND_IPI, 0, ~0UL, 0), 0, 0);
	assert_int_equal(CSR(hvip), VSSIP);
	assert_int_equal(harts[1].requests, 0);
	assert_int_equal(harts[2].requests, REQ_VSSIP);
	assert_int_equal(fake_ecalls(SBI_EXT_IPI, SBI_IPI_SEND_IPI), 1);
	const struct fake_ecall *c = fake_last_ecall(SBI_EXT_IPI, SBI_IPI_SEND_IPI);
	assert_int_equal(c->a[0], 1);               /* hart_mask: one hart ... */
	assert_int_equal(c->a[1], FIX_HARTID(2));   /* ... the host hart of vcpu 2 */
	assert_int_equal(fix_fw_read(v, sent), 2);
	assert_int_equal(fix_fw_read(v, rcvd), 1);
	/* vcpu 2's hart takes it: VSSIP there, counted as received by vcpu 2 */
	unsigned rcvd2 = fix_fw_counter(&vm->vcpus[2], SBI_PMU_FW_IPI_RCVD);
	CSR(hvip) = 0;
	hart_serve(&harts[2]);
	assert_int_equal(CSR(hvip), VSSIP);
	assert_int_equal(harts[2].requests, 0);
	assert_int_equal(fix_fw_read(&vm->vcpus[2], rcvd2), 1);
	/* mask 0b10 from base 1: vcpu 2 only */
	CSR(hvip) = 0;
	assert_sbi(ecall(v, SBI_EXT_IPI, SBI_IPI_SEND_IPI, 2, 1, 0), 0, 0);
	assert_int_equal(CSR(hvip), 0);
	assert_int_equal(harts[2].requests, REQ_VSSIP);
}

static void ipi_to_a_hart_that_does_not_exist(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ .vcpus = 2 });
	struct vcpu *v = &vm->vcpus[0];
	CSR(hvip) = 0;
	assert_int_equal(ecall(v, SBI_EXT_IPI, SBI_IPI_SEND_IPI, 0x5, 0, 0).error, SBI_ERR_INVALID_PARAM);
	assert_int_equal(ecall(v, SBI_EXT_IPI, SBI_IPI_SEND_IPI, 1, 2, 0).error, SBI_ERR_INVALID_PARAM);
	assert_int_equal(CSR(hvip), 0);  /* nothing sent, not even to the harts that exist */
	assert_int_equal(fake_hart.n_ecall, 0);
	assert_int_equal(ecall(v, SBI_EXT_IPI, 1, 1, 0, 0).error, SBI_ERR_NOT_SUPPORTED);
}

/* ---- RFENCE */

static void rfence_local_and_remote(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ .vcpus = 3 });
	struct vcpu *v = &vm->vcpus[0];
	fix_run_vcpu(vm, 1);
	fake_hart.remote_harts = true;
	unsigned sent = fix_fw_counter(v, SBI_PMU_FW_FENCE_I_SENT);
	unsigned rcvd1 = fix_fw_counter(&vm->vcpus[1], SBI_PMU_FW_FENCE_I_RCVD);
	/* fence.i on all: vcpu 0 here, vcpu 1 on its hart, vcpu 2 is STOPPED */
	assert_sbi(ecall(v, SBI_EXT_RFENCE, SBI_RFENCE_REMOTE_FENCE_I, 0, ~0UL, 0), 0, 0);
	fake_harts_join();
	assert_int_equal(fake_hart.fence_i_on[0], 1);
	assert_int_equal(fake_hart.fence_i_on[1], 1);
	assert_int_equal(fake_hart.fence_i_on[2], 0);
	/* the call returned only once hart 1 said it was done */
	assert_int_equal(harts[1].fence_done[0], harts[1].fence_asked[0]);
	assert_int_equal(harts[1].fence_asked[0], 1);
	assert_int_equal(fix_fw_read(v, sent), 2);
	assert_int_equal(fix_fw_read(&vm->vcpus[1], rcvd1), 1);
	/* sfence.vma (with or without ASID) on vcpu 0: hfence.vvma of the VM */
	unsigned before = fake_hart.n_hfence_vvma;
	assert_sbi(ecall(v, SBI_EXT_RFENCE, SBI_RFENCE_REMOTE_SFENCE_VMA, 1, 0, 0), 0, 0);
	assert_sbi(ecall(v, SBI_EXT_RFENCE, SBI_RFENCE_REMOTE_SFENCE_VMA_ASID, 1, 0, 0), 0, 0);
	assert_int_equal(fake_hart.n_hfence_vvma, before + 2);
	/* remote sfence.vma.asid to vcpu 1 */
	assert_sbi(ecall(v, SBI_EXT_RFENCE, SBI_RFENCE_REMOTE_SFENCE_VMA_ASID, 1, 1, 0), 0, 0);
	fake_harts_join();
	assert_int_equal(harts[1].fence_asked[0], 2);
	assert_int_equal(harts[1].fence_done[0], 2);
	/* vcpu 2 is stopped: nothing asked of its hart */
	assert_sbi(ecall(v, SBI_EXT_RFENCE, SBI_RFENCE_REMOTE_FENCE_I, 1, 2, 0), 0, 0);
	assert_int_equal(harts[2].fence_asked[0], 0);
}

static void rfence_hfence_and_bad_masks(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ .vcpus = 2 });
	struct vcpu *v = &vm->vcpus[0];
	/* the guest has no H extension: the HFENCE functions are not there */
	for (unsigned long fid = SBI_RFENCE_REMOTE_HFENCE_GVMA_VMID; fid <= 7; fid++)
		assert_int_equal(ecall(v, SBI_EXT_RFENCE, fid, 1, 0, 0).error, SBI_ERR_NOT_SUPPORTED);
	assert_int_equal(ecall(v, SBI_EXT_RFENCE, SBI_RFENCE_REMOTE_FENCE_I, 4, 0, 0).error,
			 SBI_ERR_INVALID_PARAM);
	assert_int_equal(fake_hart.n_fence_i, 0);
}

/* ---- HSM */

static void hsm_start_and_status(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ .vcpus = 2 });
	struct vcpu *v = &vm->vcpus[0], *t = &vm->vcpus[1];
	assert_sbi(ecall(v, SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, 0, 0, 0), 0, SBI_HSM_STATE_STARTED);
	assert_sbi(ecall(v, SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, 1, 0, 0), 0, SBI_HSM_STATE_STOPPED);
	assert_int_equal(ecall(v, SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, 2, 0, 0).error, SBI_ERR_INVALID_PARAM);
	/* bad hart, bad address: refused, nothing changes */
	assert_int_equal(ecall(v, SBI_EXT_HSM, SBI_HSM_HART_START, 2, GPA(0x1000), 0).error,
			 SBI_ERR_INVALID_PARAM);
	assert_int_equal(ecall(v, SBI_EXT_HSM, SBI_HSM_HART_START, 1, 0x1000, 0).error,
			 SBI_ERR_INVALID_ADDRESS);
	assert_int_equal(ecall(v, SBI_EXT_HSM, SBI_HSM_HART_START, 1, GPA(8 * MiB), 0).error,
			 SBI_ERR_INVALID_ADDRESS);
	assert_int_equal(harts[1].requests, 0);
	t->x[5] = 99;
	assert_sbi(ecall(v, SBI_EXT_HSM, SBI_HSM_HART_START, 1, GPA(0x4000), 0xabc), 0, 0);
	/* START_PENDING until its hart runs it; registers as the spec's start state */
	assert_sbi(ecall(v, SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, 1, 0, 0), 0, SBI_HSM_STATE_START_PENDING);
	assert_int_equal(t->x[10], 1);
	assert_int_equal(t->x[11], 0xabc);
	assert_int_equal(t->x[5], 0);
	assert_int_equal(t->sepc, GPA(0x4000));
	assert_int_equal(harts[1].requests, REQ_RUN);
	assert_int_equal(fake_last_ecall(SBI_EXT_IPI, 0)->a[1], FIX_HARTID(1));
	/* a second start before it ran: already available */
	assert_int_equal(ecall(v, SBI_EXT_HSM, SBI_HSM_HART_START, 1, GPA(0x4000), 0).error,
			 SBI_ERR_ALREADY_AVAILABLE);
	/* its hart serves REQ_RUN: enters the guest at the start address */
	fake_hart.entered = NULL;
	assert_int_equal(FAKE_RUN(hart_serve(&harts[1])), FAKE_ENTERED);
	assert_ptr_equal(fake_hart.entered, t);
	assert_sbi(ecall(v, SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, 1, 0, 0), 0, SBI_HSM_STATE_STARTED);
	assert_int_equal(ecall(v, SBI_EXT_HSM, SBI_HSM_HART_START, 0, GPA(0), 0).error,
			 SBI_ERR_ALREADY_AVAILABLE);
	assert_int_equal(ecall(v, SBI_EXT_HSM, 4, 0, 0, 0).error, SBI_ERR_NOT_SUPPORTED);
}

static void hsm_stop_parks_the_hart(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ .vcpus = 2 });
	struct vcpu *v = &vm->vcpus[0], *t = &vm->vcpus[1];
	fix_run_vcpu(vm, 1);
	ecall(t, SBI_EXT_TIME, SBI_TIME_SET_TIMER, 5000, 0, 0);
	assert_true(t->timer_armed);
	/* vcpu 1 stops: STOPPED, its timer cancelled, its hart parked on its own stack */
	assert_int_equal(FAKE_RUN(ecall(t, SBI_EXT_HSM, SBI_HSM_HART_STOP, 0, 0, 0)), FAKE_WAITING);
	assert_false(t->timer_armed);
	assert_int_equal(fake_last_ecall(SBI_EXT_TIME, 0)->a[0], ~0UL);
	assert_int_equal(fake_hart.n_parks, 1);
	assert_int_equal(fake_hart.last_park_sp, harts[1].stack_top);
	assert_sbi(ecall(v, SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, 1, 0, 0), 0, SBI_HSM_STATE_STOPPED);
	assert_int_equal(vm->life.running, 1);
	/* and can be started again */
	assert_sbi(ecall(v, SBI_EXT_HSM, SBI_HSM_HART_START, 1, GPA(0x2000), 7), 0, 0);
	assert_int_equal(vm->life.running, 2);
}

/* A retentive suspend returns 0 once an interrupt the guest enabled is pending. */
static struct vm *susp_vm;
static void wake_by_ipi(void)
{
	/* while it waits: SUSPENDED as seen by another vcpu */
	struct sbiret r = fix_ecall(&susp_vm->vcpus[1], SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, 0, 0, 0);
	assert_int_equal(r.value, SBI_HSM_STATE_SUSPENDED);
	CSR(hvip) |= VSSIP;
}

static void hsm_retentive_suspend(void **s)
{
	struct vm *vm = susp_vm = fix_boot(&(struct fix_cfg){ .vcpus = 2 });
	struct vcpu *v = &vm->vcpus[0];
	fix_run_vcpu(vm, 1);
	CSR(vsie) = MIP_BIT(IRQ_S_SOFT); /* the guest enabled its software interrupt */
	CSR(hvip) = 0;
	CSR(sip) = 0;
	fake_hart.on_wfi = wake_by_ipi;
	v->x[20] = 0x1234;
	/* the type is 32 bits: sign-extended 0 is retentive too */
	struct sbiret r;
	assert_int_equal(FAKE_RUN(r = ecall(v, SBI_EXT_HSM, SBI_HSM_HART_SUSPEND, 0xffffffff00000000UL, 0, 0)),
			 FAKE_RETURNED);
	assert_sbi(r, 0, 0);
	assert_int_equal(fake_hart.n_wfi, 1);
	assert_int_equal(v->x[20], 0x1234);
	assert_int_equal(vcpu_state_now(&v->state), VCPU_RUNNING);
	/* a pending interrupt the guest did not enable does not wake it */
	fake_hart.on_wfi = NULL;
	CSR(hvip) = VSTIP;
	assert_int_equal(FAKE_RUN(ecall(v, SBI_EXT_HSM, SBI_HSM_HART_SUSPEND, 0, 0, 0)), FAKE_WAITING);
}

static void hsm_suspend_types(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ .sstc = true });
	struct vcpu *v = &vm->vcpus[0];
	/* reserved and platform-specific types (none implemented) */
	static const unsigned long bad[] = { 1, 0x0fffffff, 0x10000000, 0x7fffffff, 0x80000001,
					     0x90000000, 0xffffffff };
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(ecall(v, SBI_EXT_HSM, SBI_HSM_HART_SUSPEND, bad[i], GPA(0), 0).error,
				 SBI_ERR_INVALID_PARAM);
	assert_int_equal(ecall(v, SBI_EXT_HSM, SBI_HSM_HART_SUSPEND, SBI_HSM_SUSPEND_NON_RETENTIVE,
			       0x1000, 0).error, SBI_ERR_INVALID_ADDRESS);
	assert_int_equal(fake_hart.n_wfi, 0);
	/* non-retentive: woken by its timer (Sstc: time >= vstimecmp), resumes at
	 * resume_addr with a0 = hart id, a1 = opaque, satp 0, SIE 0 */
	CSR(vsie) = MIP_BIT(IRQ_S_TIMER);
	CSR(vsstatus) = SSTATUS_SIE;
	CSR(vsatp) = 0x8000000000001234UL;
	CSR(time) = 500;
	CSR(vstimecmp) = 400;
	CSR(sip) = 0;
	v->x[7] = 3;
	assert_int_equal(FAKE_RUN(ecall(v, SBI_EXT_HSM, SBI_HSM_HART_SUSPEND, SBI_HSM_SUSPEND_NON_RETENTIVE,
					GPA(0x3000), 0x55)), FAKE_ENTERED);
	assert_ptr_equal(fake_hart.entered, v);
	assert_int_equal(v->sepc, GPA(0x3000));
	assert_int_equal(v->x[10], 0);
	assert_int_equal(v->x[11], 0x55);
	assert_int_equal(v->x[7], 0);
	assert_int_equal(CSR(vsatp), 0);
	assert_int_equal(CSR(vsstatus) & SSTATUS_SIE, 0);
	assert_int_equal(vcpu_state_now(&v->state), VCPU_RUNNING);
}

/* ---- SUSP */

static void system_suspend(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ .vcpus = 2, .sstc = true });
	struct vcpu *v = &vm->vcpus[0];
	assert_int_equal(ecall(v, SBI_EXT_SUSP, 1, 0, GPA(0), 0).error, SBI_ERR_NOT_SUPPORTED);
	assert_int_equal(ecall(v, SBI_EXT_SUSP, SBI_SUSP_SYSTEM_SUSPEND, 1, GPA(0), 0).error,
			 SBI_ERR_INVALID_PARAM);
	assert_int_equal(ecall(v, SBI_EXT_SUSP, SBI_SUSP_SYSTEM_SUSPEND, 0x80000000, GPA(0), 0).error,
			 SBI_ERR_INVALID_PARAM);
	assert_int_equal(ecall(v, SBI_EXT_SUSP, SBI_SUSP_SYSTEM_SUSPEND, 0, GPA(8 * MiB), 0).error,
			 SBI_ERR_INVALID_ADDRESS);
	fix_run_vcpu(vm, 1);
	/* another vcpu is not STOPPED: denied */
	assert_int_equal(ecall(v, SBI_EXT_SUSP, SBI_SUSP_SYSTEM_SUSPEND, 0, GPA(0), 0).error, SBI_ERR_DENIED);
	assert_int_equal(fake_hart.n_wfi, 0);
	vcpu_stop(&vm->life, &vm->vcpus[1].state);
	CSR(vsie) = MIP_BIT(IRQ_S_TIMER);
	CSR(time) = 10;
	CSR(vstimecmp) = 5;
	CSR(sip) = 0;
	assert_int_equal(FAKE_RUN(ecall(v, SBI_EXT_SUSP, SBI_SUSP_SYSTEM_SUSPEND, 0xffffffff00000000UL,
					GPA(0x100), 0x77)), FAKE_ENTERED);
	assert_int_equal(v->sepc, GPA(0x100));
	assert_int_equal(v->x[10], 0);
	assert_int_equal(v->x[11], 0x77);
}

/* ---- SRST */

static void srst_arguments(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ 0 });
	struct vcpu *v = &vm->vcpus[0];
	assert_int_equal(ecall(v, SBI_EXT_SRST, 1, 0, 0, 0).error, SBI_ERR_NOT_SUPPORTED);
	assert_int_equal(ecall(v, SBI_EXT_SRST, SBI_SRST_RESET, 0, 2, 0).error, SBI_ERR_INVALID_PARAM);
	assert_int_equal(ecall(v, SBI_EXT_SRST, SBI_SRST_RESET, 0, 0xF0000000, 0).error, SBI_ERR_INVALID_PARAM);
	assert_int_equal(ecall(v, SBI_EXT_SRST, SBI_SRST_RESET, 3, 0, 0).error, SBI_ERR_INVALID_PARAM);
	assert_int_equal(ecall(v, SBI_EXT_SRST, SBI_SRST_RESET, 0xF0000000, 0, 0).error, SBI_ERR_INVALID_PARAM);
	assert_int_equal(vcpu_state_now(&v->state), VCPU_RUNNING);
}

static void srst_shutdown(unsigned long reason)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ 0 });
	struct vcpu *v = &vm->vcpus[0];
	/* sign-extended 32-bit arguments */
	assert_int_equal(FAKE_RUN(ecall(v, SBI_EXT_SRST, SBI_SRST_RESET, 0xffffffff00000000UL,
					reason | 0xffffffff00000000UL, 0)), FAKE_SHUTDOWN);
	assert_int_equal(fake_hart.shutdown_failure, reason);
	assert_true(fix_said(reason ? "guest asked to shut down reporting failure"
				    : "guest asked to shut down"));
	assert_true(fix_said("memory: all"));
	assert_int_equal(palloc_free_bytes(&hyp.mem), hyp.free_before_vms);
}

static void srst_shutdown_ends_the_machine(void **s)
{
	srst_shutdown(SBI_SRST_REASON_NONE);
	srst_shutdown(SBI_SRST_REASON_FAILURE);
}

static void srst_reboot(unsigned long type)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ 0 });
	struct vcpu *v = &vm->vcpus[0];
	unsigned id = vm->id;
	gmem_write(&vm->mem, GPA(0x10000), "dirty", 5);
	assert_int_equal(FAKE_RUN(ecall(v, SBI_EXT_SRST, SBI_SRST_RESET, type, 0, 0)), FAKE_ENTERED);
	struct vcpu *nv = fake_hart.entered;
	assert_int_equal(nv->vm->id, id + 1);
	assert_int_equal(nv->sepc, GUEST_IMAGE_GPA);
	assert_int_equal(nv->x[10], 0);
	assert_true(fix_said("guest asked to reboot"));
	char buf[8] = "";
	/* scrubbed RAM, a fresh image */
	assert_int_equal(gmem_read(&nv->vm->mem, GPA(0x10000), buf, 5), 0);
	assert_memory_equal(buf, "\0\0\0\0\0", 5);
	assert_int_equal(gmem_read(&nv->vm->mem, GUEST_IMAGE_GPA, buf, 8), 0);
	assert_memory_equal(buf, fix_image, 8);
}

static void srst_reboot_recreates_the_vm(void **s)
{
	srst_reboot(SBI_SRST_TYPE_COLD_REBOOT);
	srst_reboot(SBI_SRST_TYPE_WARM_REBOOT);
}

/* ---- DBCN and the legacy console */

static void dbcn_write_and_read(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ 0 });
	struct vcpu *v = &vm->vcpus[0];
	char text[300];
	for (unsigned i = 0; i < sizeof(text); i++)
		text[i] = (char)('a' + i % 26);
	assert_int_equal(gmem_write(&vm->mem, GPA(0x20000), text, sizeof(text)), 0);
	/* longer than one chunk: all of it, in order */
	assert_sbi(ecall(v, SBI_EXT_DBCN, SBI_DBCN_WRITE, sizeof(text), GPA(0x20000), 0), 0, sizeof(text));
	assert_int_equal(fake_hart.n_out, sizeof(text));
	assert_memory_equal(fake_hart.out, text, sizeof(text));
	/* outside its RAM, high address bits, wrapping: INVALID_PARAM, nothing printed */
	assert_int_equal(ecall(v, SBI_EXT_DBCN, SBI_DBCN_WRITE, 16, GPA(8 * MiB - 8), 0).error,
			 SBI_ERR_INVALID_PARAM);
	assert_int_equal(ecall(v, SBI_EXT_DBCN, SBI_DBCN_WRITE, 1, GPA(0), 1).error, SBI_ERR_INVALID_PARAM);
	assert_int_equal(ecall(v, SBI_EXT_DBCN, SBI_DBCN_WRITE, ~0UL, GPA(0), 0).error, SBI_ERR_INVALID_PARAM);
	assert_int_equal(ecall(v, SBI_EXT_DBCN, SBI_DBCN_READ, 1, 0x1000, 0).error, SBI_ERR_INVALID_PARAM);
	assert_int_equal(fake_hart.n_out, sizeof(text));
	/* zero bytes at a valid address */
	assert_sbi(ecall(v, SBI_EXT_DBCN, SBI_DBCN_WRITE, 0, GPA(0), 0), 0, 0);
	/* read: what is waiting, at most len */
	fake_hart.in = "hello";
	assert_sbi(ecall(v, SBI_EXT_DBCN, SBI_DBCN_READ, 3, GPA(0x30000), 0), 0, 3);
	char got[8] = "";
	gmem_read(&vm->mem, GPA(0x30000), got, 3);
	assert_memory_equal(got, "hel", 3);
	assert_sbi(ecall(v, SBI_EXT_DBCN, SBI_DBCN_READ, 8, GPA(0x30000), 0), 0, 2);
	assert_sbi(ecall(v, SBI_EXT_DBCN, SBI_DBCN_READ, 8, GPA(0x30000), 0), 0, 0);
	/* write_byte: the low byte of a0 */
	assert_sbi(ecall(v, SBI_EXT_DBCN, SBI_DBCN_WRITE_BYTE, 0x1241, 0, 0), 0, 0);
	assert_int_equal(fake_hart.out[fake_hart.n_out - 1], 'A');
	assert_int_equal(ecall(v, SBI_EXT_DBCN, 3, 0, 0, 0).error, SBI_ERR_NOT_SUPPORTED);
}

static void dbcn_read_into_a_closed_gate(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ 0 });
	struct vcpu *v = &vm->vcpus[0];
	gmem_close(&vm->mem);  /* the VM is being torn down: no access at all */
	fake_hart.in = "x";
	assert_int_equal(ecall(v, SBI_EXT_DBCN, SBI_DBCN_READ, 1, GPA(0), 0).error, SBI_ERR_INVALID_PARAM);
	assert_int_equal(ecall(v, SBI_EXT_DBCN, SBI_DBCN_WRITE, 1, GPA(0), 0).error, SBI_ERR_INVALID_PARAM);
	assert_int_equal(fake_hart.n_out, 0);
}

static void legacy_console_returns_a0_only(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ 0 });
	struct vcpu *v = &vm->vcpus[0];
	/* SBI 0.1: a0 is the result, a1 keeps its value */
	assert_sbi(ecall(v, SBI_EXT_0_1_CONSOLE_PUTCHAR, 0, 'z', 0xbeef, 0), 0, 0xbeef);
	assert_int_equal(fake_hart.out[0], 'z');
	fake_hart.in = "q";
	assert_sbi(ecall(v, SBI_EXT_0_1_CONSOLE_GETCHAR, 0, 0, 0x77, 0), 'q', 0x77);
	assert_sbi(ecall(v, SBI_EXT_0_1_CONSOLE_GETCHAR, 0, 0, 0x77, 0), -1, 0x77);
}

/* ---- PMU glue: the direct-read window follows the counters */

static void pmu_glue_opens_and_closes_hcounteren(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ .lcofi = true });
	struct vcpu *v = &vm->vcpus[0];
	assert_int_equal(CSR(hcounteren), HCOUNTEREN_TM);
	struct sbiret r = ecall(v, SBI_EXT_PMU, SBI_PMU_NUM_COUNTERS, 0, 0, 0);
	assert_int_equal(r.error, 0);
	assert_int_equal(r.value, FAKE_ALL);
	/* instructions on counter 2, auto-started: its bit opens */
	v->x[13] = (SBI_PMU_EVENT_TYPE_HW << 16) | SBI_PMU_HW_INSTRUCTIONS;
	v->x[17] = SBI_EXT_PMU;
	v->x[16] = SBI_PMU_COUNTER_CFG_MATCH;
	v->x[10] = 2;
	v->x[11] = 1;
	v->x[12] = SBI_PMU_CFG_FLAG_AUTO_START;
	v->x[14] = v->x[15] = 0;
	r = sbi_handle_ecall(v);
	assert_int_equal(r.error, 0);
	assert_int_equal(r.value, 2);
	assert_int_equal(CSR(hcounteren), HCOUNTEREN_TM | (1UL << 2));
	/* stopped: closed again (reads trap and are emulated), hvip.LCOFI cleared */
	CSR(hvip) = MIP_BIT(IRQ_LCOFI);
	r = ecall(v, SBI_EXT_PMU, SBI_PMU_COUNTER_STOP, 2, 1, 0);
	assert_int_equal(r.error, 0);
	assert_int_equal(CSR(hcounteren), HCOUNTEREN_TM);
	assert_int_equal(CSR(hvip), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(unknown_extension_is_not_supported),
		cmocka_unit_test(base_versions_and_ids),
		cmocka_unit_test(base_probe_matches_dispatch),
		cmocka_unit_test(set_timer_without_sstc_uses_the_host_timer),
		cmocka_unit_test(set_timer_with_sstc_writes_vstimecmp),
		cmocka_unit_test(timer_cancel_disarms_the_host_timer),
		cmocka_unit_test(ipi_to_self_and_others),
		cmocka_unit_test(ipi_to_a_hart_that_does_not_exist),
		cmocka_unit_test(rfence_local_and_remote),
		cmocka_unit_test(rfence_hfence_and_bad_masks),
		cmocka_unit_test(hsm_start_and_status),
		cmocka_unit_test(hsm_stop_parks_the_hart),
		cmocka_unit_test(hsm_retentive_suspend),
		cmocka_unit_test(hsm_suspend_types),
		cmocka_unit_test(system_suspend),
		cmocka_unit_test(srst_arguments),
		cmocka_unit_test(srst_shutdown_ends_the_machine),
		cmocka_unit_test(srst_reboot_recreates_the_vm),
		cmocka_unit_test(dbcn_write_and_read),
		cmocka_unit_test(dbcn_read_into_a_closed_gate),
		cmocka_unit_test(legacy_console_returns_a0_only),
		cmocka_unit_test(pmu_glue_opens_and_closes_hcounteren),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
