#include "hyp/vcpu_suspend.h"
#include <string.h>
#include "boot/csr.h"
#include "hyp/hart.h"
#include "hyp/hyp.h"
#include "hyp/vcpu_hw.h"

/* Its VS-level interrupts, as hip bits, that would wake it. vsie keeps the
 * guest's enables at the supervisor positions (SSIE 1, STIE 5, SEIE 9), one
 * below the VS bits, and counter overflow (injected through hvip) at 13 itself;
 * with Sstc the timer is pending by vstimecmp alone. */
static bool wakeup_pending(void)
{
	unsigned long vsie = csr_read(vsie);
	unsigned long enabled = ((vsie << 1) & VS_INTERRUPTS) | (vsie & MIP_BIT(IRQ_LCOFI));
	unsigned long pending = csr_read(hvip);
	if (hyp.sstc && csr_read(time) >= csr_read(vstimecmp))
		pending |= MIP_BIT(IRQ_VS_TIMER);
	return (pending & enabled) != 0;
}

void vcpu_suspend_wait(struct vcpu *v)
{
	vcpu_suspend(&v->state);
	/* sie is as while the guest runs: requests, the host timer standing in for
	 * Sstc, overflow. wfi wakes on those and on VS interrupts the guest
	 * enabled (its vsie bits are hie's). */
	for (;;) {
		unsigned long host = csr_read(sip) & csr_read(sie);
		for (unsigned long irq = 0; host; irq++, host >>= 1)
			if (host & 1)
				vcpu_host_interrupt(v, irq);  /* a stop does not return */
		if (wakeup_pending())
			break;
		wfi();
	}
	vcpu_resume(&v->state);
}

void vcpu_resume_at(struct vcpu *v, unsigned long resume_addr, unsigned long opaque)
{
	memset(v->x, 0, sizeof(v->x));
	v->x[10] = v->id;
	v->x[11] = opaque;
	v->sepc = resume_addr;
	csr_write(vsatp, 0);
	csr_clear(vsstatus, SSTATUS_SIE);
	vcpu_enter(v);
}
