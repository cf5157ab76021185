/* PMU (EID 0x504D55): pmu/ does the work; afterwards the guest's direct-read
 * window (hcounteren) and its overflow interrupt follow the counters' new state. */
#include "hyp/sbi.h"
#include "boot/csr.h"
#include "hyp/hyp.h"

static struct sbiret pmu_call(struct vcpu *v, unsigned long fid, const unsigned long *a)
{
	struct sbiret r = pmu_sbi_call(&v->pmu, fid, a);
	csr_write(hcounteren, HCOUNTEREN_TM | pmu_hcounteren(&v->pmu));
	if (pmu_host_lcofi_to_vs(&hyp.pmu) && !pmu_lcofi_pending(&v->pmu))
		csr_clear(hvip, MIP_BIT(IRQ_LCOFI)); /* answered by a start or stop */
	return r;
}

const struct sbi_ext sbi_ext_pmu = { .eid = SBI_EXT_PMU, .call = pmu_call };
