#include "hyp/hartmask.h"
#include "hyp/sbi_defs.h"

long hartmask_targets(unsigned long mask, unsigned long base, unsigned n_vcpus, uint64_t *targets)
{
	uint64_t all = n_vcpus >= 64 ? ~0ULL : (1ULL << n_vcpus) - 1;
	if (base == ~0UL) {
		*targets = all;
		return SBI_SUCCESS;
	}
	*targets = 0;
	for (unsigned i = 0; i < 64; i++) {
		if (!(mask & (1UL << i)))
			continue;
		unsigned long hart = base + i;
		if (hart < base || hart >= n_vcpus)
			return SBI_ERR_INVALID_PARAM;
		*targets |= 1ULL << hart;
	}
	return SBI_SUCCESS;
}
