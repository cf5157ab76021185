/* PMU (EID 0x504D55): pmu/ does the work; afterwards the guest's direct-read
 * window (hcounteren) follows the counters' new state. */
#include "hyp/sbi.h"
#include "boot/csr.h"

static struct sbiret pmu_call(struct vcpu *v, unsigned long fid, const unsigned long *a)
{
	struct sbiret r = pmu_sbi_call(&v->pmu, fid, a);
	csr_write(hcounteren, HCOUNTEREN_TM | pmu_hcounteren(&v->pmu));
	return r;
}

const struct sbi_ext sbi_ext_pmu = { .eid = SBI_EXT_PMU, .call = pmu_call };
