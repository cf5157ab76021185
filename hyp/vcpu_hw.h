#ifndef HYP_VCPU_HW_H
#define HYP_VCPU_HW_H
#include <stdint.h>
#include "boot/csr.h"
#include "hyp/vcpu.h"

/* The guest's own interrupts, delegated to it with hideleg. */
#define VS_INTERRUPTS (MIP_BIT(IRQ_VS_SOFT) | MIP_BIT(IRQ_VS_TIMER) | MIP_BIT(IRQ_VS_EXT))

/* Point the hart at v's VM and reset the guest-visible CSRs for a fresh start. */
void vcpu_hw_load(const struct vcpu *v, uint64_t hgatp, int vmid);

#endif
