/* Firmware counters: the vcpu's own, counting the SBI_PMU_FW_* events the
 * hypervisor really handles for it (timer, IPIs, fences, emulated traps). */
#include "pmu/pmu_internal.h"

void pmu_fw_count(struct vcpu_pmu *p, unsigned code)
{
	/* Called on hot paths (SET_TIMER, IPIs): nothing running, nothing to do. */
	uint64_t running = p->started & p->fw_mask;
	if (!running || code >= SBI_PMU_FW_MAX)
		return;
	/* Every started counter mapped to the event counts it (OpenSBI counts
	 * only the first; two perf events on one event should both see it). */
	for (unsigned i = 0; i < p->num_ctrs; i++)
		if ((running & BIT64(i)) && (p->ctr[i].event_idx & 0xffffu) == code)
			p->ctr[i].value++;
}

void pmu_fw_clear(struct vcpu_pmu *p)
{
	for (unsigned i = 0; i < p->num_ctrs; i++)
		if (p->fw_mask & BIT64(i))
			p->ctr[i] = (struct pmu_ctr){ 0 };
}
