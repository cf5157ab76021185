#ifndef HYP_VCPU_HW_H
#define HYP_VCPU_HW_H
#include <stdint.h>
#include "hyp/vcpu.h"

/* Point the hart at v's VM and reset the guest-visible CSRs for a fresh start. */
void vcpu_hw_load(const struct vcpu *v, uint64_t hgatp, int vmid);
/* Teardown step 3 and this hart's part of step 5 (hyp/teardown.c): cancel the
 * timer, clear hvip, stop using the G-stage (hgatp off) and hfence.gvma the VMID. */
void vcpu_hw_quiesce(struct vcpu *v);

#endif
