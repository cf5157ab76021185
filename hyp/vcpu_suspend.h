/* A vcpu waiting for an interrupt on its own hart: HSM hart_suspend and SUSP
 * system suspend. */
#ifndef HYP_VCPU_SUSPEND_H
#define HYP_VCPU_SUSPEND_H
#include "hyp/vcpu.h"

/* SUSPENDED until an interrupt the guest enabled (vsie) is pending, serving
 * this hart's requests meanwhile; a teardown's stop ends the wait for good.
 * Returns RUNNING again, registers as they were (retentive). */
void vcpu_suspend_wait(struct vcpu *v);
/* After a non-retentive wait: enter the guest at resume_addr as the spec
 * says (a0 = hart id, a1 = opaque, satp = 0, sstatus.SIE = 0). */
void vcpu_resume_at(struct vcpu *v, unsigned long resume_addr, unsigned long opaque)
	__attribute__((noreturn));

#endif
