#ifndef HYP_VCPU_HW_H
#define HYP_VCPU_HW_H
#include <stdint.h>
#include "boot/csr.h"
#include "hyp/vcpu.h"

/* The guest's own interrupts, delegated to it with hideleg. */
#define VS_INTERRUPTS (MIP_BIT(IRQ_VS_SOFT) | MIP_BIT(IRQ_VS_TIMER) | MIP_BIT(IRQ_VS_EXT))

/* Point the hart at v's VM and reset the guest-visible CSRs for a fresh start. */
void vcpu_hw_load(const struct vcpu *v, uint64_t hgatp, int vmid);
/* Teardown step 3 and this hart's part of step 5 (hyp/teardown.c): cancel the
 * timer, clear hvip, stop using the G-stage (hgatp off) and hfence.gvma the VMID. */
void vcpu_hw_quiesce(struct vcpu *v);

#endif
