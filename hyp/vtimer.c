#include "hyp/vtimer.h"
#include "boot/csr.h"
#include "boot/sbi_call.h"
#include "hyp/hyp.h"

static void host_timer(uint64_t when)
{
	sbi_ecall(SBI_EXT_TIME, SBI_TIME_SET_TIMER, when, 0, 0, 0, 0, 0);
}

void vtimer_set(struct vcpu *v, uint64_t when)
{
	pmu_fw_count(&v->pmu, SBI_PMU_FW_SET_TIMER);
	if (hyp.sstc) {
		/* VSTIP follows time >= vstimecmp by itself: a later time clears it. */
		csr_write(vstimecmp, when);
		return;
	}
	csr_clear(hvip, MIP_BIT(IRQ_VS_TIMER));
	host_timer(when);
	v->timer_armed = (when != UINT64_MAX);
}

void vtimer_host_irq(struct vcpu *v)
{
	host_timer(UINT64_MAX); /* clears the host STIP */
	v->timer_armed = false;
	csr_set(hvip, MIP_BIT(IRQ_VS_TIMER));
}

void vtimer_cancel(struct vcpu *v)
{
	if (hyp.sstc)
		csr_write(vstimecmp, UINT64_MAX);
	else if (v->timer_armed)
		host_timer(UINT64_MAX);
	v->timer_armed = false;
	csr_clear(hvip, MIP_BIT(IRQ_VS_TIMER));
}
