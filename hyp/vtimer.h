/* The guest's supervisor timer: vstimecmp with Sstc, else the host SBI timer
 * forwarded as hvip.VSTIP. */
#ifndef HYP_VTIMER_H
#define HYP_VTIMER_H
#include <stdint.h>
#include "hyp/vcpu.h"

/* SBI set_timer: clears a pending timer interrupt; a past time fires at once;
 * all-ones means never. */
void vtimer_set(struct vcpu *v, uint64_t when);
/* The host timer fired while v ran (no Sstc): pass it to the guest. */
void vtimer_host_irq(struct vcpu *v);
/* Teardown/reset: nothing pending, nothing armed. */
void vtimer_cancel(struct vcpu *v);

#endif
