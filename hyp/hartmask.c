#include "hyp/hartmask.h"
#include "boot/sbi_abi.h"

long hartmask_targets(unsigned long mask, unsigned long base, unsigned n_vcpus, uint64_t *targets)
{
	uint64_t all = n_vcpus >= 64 ? ~0ULL : (1ULL << n_vcpus) - 1;
	*targets = 0;
	if (base == ~0UL) {
		*targets = all;
		return SBI_SUCCESS;
	}
	if (!mask)
		return SBI_SUCCESS;
	/* Hart base+i for each bit i: all of them must exist, without looking
	 * at the bits one by one (the IPI path is hot). base < n_vcpus <= 64. */
	if (base >= n_vcpus)
		return SBI_ERR_INVALID_PARAM;
	unsigned room = n_vcpus - (unsigned)base;  /* harts from base on */
	if (room < 64 && (mask >> room))
		return SBI_ERR_INVALID_PARAM;
	*targets = (uint64_t)mask << base;
	return SBI_SUCCESS;
}
