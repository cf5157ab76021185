/* RFENCE (EID 0x52464E43): fences on the named vcpus, each done by the vcpu's
 * own hart before the call returns. The guest has no H extension, so the
 * HFENCE functions are not supported. */
#include "hyp/sbi.h"
#include "boot/csr.h"
#include "hyp/hartmask.h"
#include "hyp/vm.h"

struct rfence_kind {
	unsigned sent, rcvd;   /* firmware event codes */
	unsigned long request; /* the hart request asking another hart for it */
};

static const struct rfence_kind rfence_kinds[] = {
	[SBI_RFENCE_REMOTE_FENCE_I] = { SBI_PMU_FW_FENCE_I_SENT, SBI_PMU_FW_FENCE_I_RCVD, REQ_FENCE_I },
	[SBI_RFENCE_REMOTE_SFENCE_VMA] = { SBI_PMU_FW_SFENCE_VMA_SENT, SBI_PMU_FW_SFENCE_VMA_RCVD,
					   REQ_SFENCE },
	[SBI_RFENCE_REMOTE_SFENCE_VMA_ASID] = { SBI_PMU_FW_SFENCE_VMA_ASID_SENT,
						SBI_PMU_FW_SFENCE_VMA_ASID_RCVD, REQ_SFENCE_ASID },
};

static void local_fence(unsigned long fid)
{
	if (fid == SBI_RFENCE_REMOTE_FENCE_I)
		fence_i();
	else
		hfence_vvma_all(); /* a superset of any address/ASID range, for this VMID */
}

static struct sbiret rfence_call(struct vcpu *v, unsigned long fid, const unsigned long *a)
{
	if (fid > SBI_RFENCE_REMOTE_SFENCE_VMA_ASID)
		return sbi_err(SBI_ERR_NOT_SUPPORTED);
	uint64_t targets;
	long err = hartmask_targets(a[0], a[1], v->vm->n_vcpus, &targets);
	if (err)
		return sbi_err(err);
	const struct rfence_kind *k = &rfence_kinds[fid];
	for (unsigned i = 0; i < v->vm->n_vcpus; i++) {
		struct vcpu *t = &v->vm->vcpus[i];
		/* A stopped vcpu's hart fences everything when it starts it. */
		if (!(targets & (1ULL << i)) || !vcpu_is_live(&t->state))
			continue;
		pmu_fw_count(&v->pmu, k->sent);
		if (t == v) {
			pmu_fw_count(&v->pmu, k->rcvd);
			local_fence(fid);
		} else {
			hart_fence(v->hart, t->hart, k->request);
		}
	}
	return sbi_ok(0);
}

const struct sbi_ext sbi_ext_rfence = { .eid = SBI_EXT_RFENCE, .call = rfence_call };
