/* The vcpu PMU: lifetime (init, teardown), the SBI dispatch, the
 * simple calls, and the guest's direct and trapped counter reads. */
#include "pmu/pmu_internal.h"
#include "pmu/pmu_hw.h"
#include <string.h>

#define FW_COUNTER_INFO ((1UL << (sizeof(unsigned long) * 8 - 1)) | (63UL << 12)) /* fw, 64 bits */

void pmu_vcpu_init(struct vcpu_pmu *p, const struct pmu_host *h, struct guest_mem *gm)
{
	memset(p, 0, sizeof(*p));
	p->host = h;
	p->gm = gm;
	p->num_ctrs = h->num_hw + PMU_NUM_FW;
	p->hw_mask = h->hw_valid;
	p->fw_mask = (BIT64(PMU_NUM_FW) - 1) << h->num_hw;
	p->valid = p->hw_mask | p->fw_mask;
	pmu_snapshot_forget(p);
}

/* Everything back to "nothing configured": each host counter backing a guest
 * counter is stopped with RESET, firmware counts cleared, the snapshot area
 * and its shadow forgotten. The guest's memory is not touched - it may be
 * gone already (the KVM crash this project grew from). */
static void release_all(struct vcpu_pmu *p)
{
	uint64_t held = p->configured & p->hw_mask;
	for (unsigned c = 0; c < PMU_MAX_HW; c++)
		if (held & BIT64(c))
			pmu_host_stop(c, true, false, NULL);
	p->configured = p->started = p->overflowed = 0;
	p->lcofi_pending = false;
	memset(p->ctr, 0, sizeof(p->ctr));
	pmu_fw_clear(p);
	pmu_snapshot_forget(p);
}

void pmu_vcpu_deinit(struct vcpu_pmu *p)
{
	release_all(p);
	/* Dead: later calls fail without looking at memory. */
	p->gm = NULL;
}

static struct sbiret get_info(const struct vcpu_pmu *p, unsigned long idx)
{
	if (idx >= p->num_ctrs || !(p->valid & BIT64(idx)))
		return pmu_ret(SBI_ERR_INVALID_PARAM, 0);
	if (p->hw_mask & BIT64(idx))
		return pmu_ret(SBI_SUCCESS, (long)p->host->hw_info[idx]);
	return pmu_ret(SBI_SUCCESS, (long)FW_COUNTER_INFO);
}

static struct sbiret fw_read(const struct vcpu_pmu *p, unsigned long idx, bool hi)
{
	/* Hardware counters, holes and indexes past the end are all invalid here,
	 * and so is a firmware counter with no event mapped: it counts nothing
	 * (OpenSBI reads the spec the same way). */
	if (idx >= p->num_ctrs || !(p->fw_mask & p->configured & BIT64(idx)))
		return pmu_ret(SBI_ERR_INVALID_PARAM, 0);
	uint64_t v = p->ctr[idx].value;
	if (hi) /* the upper half exists only where a long cannot hold it (rv32) */
		v = sizeof(unsigned long) >= 8 ? 0 : v >> 32;
	return pmu_ret(SBI_SUCCESS, (long)v);
}

struct sbiret pmu_sbi_call(struct vcpu_pmu *p, unsigned long fid, const unsigned long a[6])
{
	if (!p->gm)
		return pmu_ret(SBI_ERR_FAILED, 0);
	switch (fid) {
	case SBI_PMU_NUM_COUNTERS:
		return pmu_ret(SBI_SUCCESS, p->num_ctrs);
	case SBI_PMU_COUNTER_GET_INFO:
		return get_info(p, a[0]);
	case SBI_PMU_COUNTER_CFG_MATCH:
		return pmu_config_matching(p, a[0], a[1], a[2], a[3], a[4]);
	case SBI_PMU_COUNTER_START:
		/* The guest reacts to its overflow interrupt: withdraw it. */
		p->lcofi_pending = false;
		return pmu_counter_start(p, a[0], a[1], a[2], a[3]);
	case SBI_PMU_COUNTER_STOP:
		p->lcofi_pending = false;
		return pmu_counter_stop(p, a[0], a[1], a[2]);
	case SBI_PMU_COUNTER_FW_READ:
		return fw_read(p, a[0], false);
	case SBI_PMU_COUNTER_FW_READ_HI:
		return fw_read(p, a[0], true);
	case SBI_PMU_SNAPSHOT_SET_SHMEM:
		return pmu_snapshot_set_shmem(p, a[0], a[1], a[2]);
	case SBI_PMU_EVENT_GET_INFO:
		return pmu_event_get_info(p, a[0], a[1], a[2], a[3]);
	default:
		return pmu_ret(SBI_ERR_NOT_SUPPORTED, 0);
	}
}

int pmu_counter_csr_read(struct vcpu_pmu *p, unsigned counter, uint64_t *val)
{
	if (counter >= PMU_MAX_HW)
		return -1;
	uint64_t bit = BIT64(counter);
	if (!(p->hw_mask & p->configured & bit))
		return -1;
	/* Started: normally read without a trap; here only if hcounteren was
	 * not updated yet. The host CSR is the guest's counter. */
	*val = (p->started & bit) ? pmu_hw_read(counter) : p->ctr[counter].value;
	return 0;
}
