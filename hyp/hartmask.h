/* SBI hart masks (hart_mask, hart_mask_base) → the set of target vcpus (pure). */
#ifndef HYP_HARTMASK_H
#define HYP_HARTMASK_H
#include <stdint.h>

/* Sets *targets (bit i = vcpu i) for a VM with n_vcpus vcpus whose hart ids are
 * 0..n_vcpus-1. Returns SBI_SUCCESS or SBI_ERR_INVALID_PARAM when a named hart
 * does not exist. base == all-ones means every hart. */
long hartmask_targets(unsigned long mask, unsigned long base, unsigned n_vcpus, uint64_t *targets);

#endif
