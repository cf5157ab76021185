#ifndef HYP_INJECT_H
#define HYP_INJECT_H
#include "hyp/vcpu.h"

/* Deliver a synchronous exception to the guest's own trap handler, as the
 * hardware would have: vsepc/vscause/vstval/vsstatus, then resume at vstvec. */
void vcpu_inject_exception(struct vcpu *v, unsigned long cause, unsigned long tval);

#endif
