#ifndef HYP_VCPU_HW_H
#define HYP_VCPU_HW_H
#include <stdint.h>
#include "hyp/vcpu.h"

/* Point the hart at v's VM and reset the guest-visible CSRs for a fresh start. */
void vcpu_hw_load(const struct vcpu *v, uint64_t hgatp, int vmid);

#endif
