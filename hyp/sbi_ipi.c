/* IPI (EID 0x735049): a software interrupt to the named vcpus via hvip.VSSIP,
 * set by each vcpu's own hart (hvip is per hart); a stopped vcpu gets none. */
#include "hyp/sbi.h"
#include "boot/csr.h"
#include "hyp/hartmask.h"
#include "hyp/vm.h"

static struct sbiret ipi_call(struct vcpu *v, unsigned long fid, const unsigned long *a)
{
	if (fid != SBI_IPI_SEND_IPI)
		return sbi_err(SBI_ERR_NOT_SUPPORTED);
	uint64_t targets;
	long err = hartmask_targets(a[0], a[1], v->vm->n_vcpus, &targets);
	if (err)
		return sbi_err(err);
	for (unsigned i = 0; i < v->vm->n_vcpus; i++) {
		struct vcpu *t = &v->vm->vcpus[i];
		if (!(targets & (1ULL << i)) || !vcpu_is_live(&t->state))
			continue;
		pmu_fw_count(&v->pmu, SBI_PMU_FW_IPI_SENT);
		if (t == v) {
			pmu_fw_count(&v->pmu, SBI_PMU_FW_IPI_RCVD);
			csr_set(hvip, MIP_BIT(IRQ_VS_SOFT));
		} else {
			hart_post(t->hart, REQ_VSSIP);
		}
	}
	return sbi_ok(0);
}

const struct sbi_ext sbi_ext_ipi = { .eid = SBI_EXT_IPI, .call = ipi_call };
