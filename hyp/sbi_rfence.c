/* RFENCE (EID 0x52464E43): fences on the named vcpus. The guest has no H
 * extension, so the HFENCE functions are not supported. */
#include "hyp/sbi.h"
#include "boot/csr.h"
#include "hyp/hartmask.h"

struct rfence_kind {
	unsigned sent, rcvd;   /* firmware event codes */
};

static const struct rfence_kind rfence_kinds[] = {
	[SBI_RFENCE_REMOTE_FENCE_I] = { SBI_PMU_FW_FENCE_I_SENT, SBI_PMU_FW_FENCE_I_RCVD },
	[SBI_RFENCE_REMOTE_SFENCE_VMA] = { SBI_PMU_FW_SFENCE_VMA_SENT, SBI_PMU_FW_SFENCE_VMA_RCVD },
	[SBI_RFENCE_REMOTE_SFENCE_VMA_ASID] = { SBI_PMU_FW_SFENCE_VMA_ASID_SENT,
						SBI_PMU_FW_SFENCE_VMA_ASID_RCVD },
};

static struct sbiret rfence_call(struct vcpu *v, unsigned long fid, const unsigned long *a)
{
	if (fid > SBI_RFENCE_REMOTE_SFENCE_VMA_ASID)
		return sbi_err(SBI_ERR_NOT_SUPPORTED);
	uint64_t targets;
	long err = hartmask_targets(a[0], a[1], 1, &targets);
	if (err)
		return sbi_err(err);
	if (!(targets & (1ULL << v->id)))
		return sbi_ok(0);
	pmu_fw_count(&v->pmu, rfence_kinds[fid].sent);
	pmu_fw_count(&v->pmu, rfence_kinds[fid].rcvd);
	if (fid == SBI_RFENCE_REMOTE_FENCE_I)
		asm volatile("fence.i" ::: "memory");
	else
		hfence_vvma_all(); /* a superset of any address/ASID range, for this VMID */
	return sbi_ok(0);
}

const struct sbi_ext sbi_ext_rfence = { .eid = SBI_EXT_RFENCE, .call = rfence_call };
