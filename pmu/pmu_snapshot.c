/* The snapshot shared memory (SBI 2.0): registration and the only two guest
 * accesses the spec allows, a read of counter_values entries on counter_start
 * with INIT_SNAPSHOT and a write of entries plus the overflow bitmap on
 * counter_stop with TAKE_SNAPSHOT. Entries are copied one by one: the guest's
 * other entries are never rewritten, not even with the values they held. */
#include "pmu/pmu_internal.h"
#include "mm/memops.h"

#define OFF_OVERFLOW 0u
#define OFF_VALUES   8u

static void put_le64(uint8_t *b, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		b[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t get_le64(const uint8_t *b)
{
	uint64_t v = 0;
	for (int i = 7; i >= 0; i--)
		v = v << 8 | b[i];
	return v;
}

struct sbiret pmu_snapshot_set_shmem(struct vcpu_pmu *p, unsigned long lo, unsigned long hi,
				     unsigned long flags)
{
	if (flags)
		return pmu_ret(SBI_ERR_INVALID_PARAM, 0);
	if (lo == ~0UL && hi == ~0UL) {
		pmu_snapshot_forget(p);
		return pmu_ret(SBI_SUCCESS, 0);
	}
	if (lo & (PMU_SHMEM_SIZE - 1))
		return pmu_ret(SBI_ERR_INVALID_PARAM, 0);
	/* hi != 0 puts the area at or above 2^64 (rv64): never guest RAM. Every
	 * byte must be this guest's RAM: not MMIO, not another VM, not past the end. */
	if (hi || !gmem_range_ok(p->gm, lo, PMU_SHMEM_SIZE))
		return pmu_ret(SBI_ERR_INVALID_ADDRESS, 0);
	/* The guest's bytes are not read or written now (KVM zeroed the guest
	 * area here). The shadow's values need no clearing either: an entry is
	 * only ever used right after it was filled, from the guest area by
	 * INIT_SNAPSHOT or from the counter by TAKE_SNAPSHOT. */
	p->snap.gpa = lo;
	p->snap.overflow = 0;
	return pmu_ret(SBI_SUCCESS, 0);
}

int pmu_snapshot_load(struct vcpu_pmu *p, uint64_t rel)
{
	uint8_t b[8];
	for (unsigned i = 0; i < PMU_SNAP_ENTRIES; i++) {
		if (!(rel & BIT64(i)))
			continue;
		if (gmem_read(p->gm, p->snap.gpa + OFF_VALUES + 8u * i, b, sizeof(b)))
			return -1;
		p->snap.values[i] = get_le64(b);
	}
	return 0;
}

int pmu_snapshot_store(struct vcpu_pmu *p, uint64_t rel, uint64_t overflow)
{
	uint8_t b[8];
	for (unsigned i = 0; i < PMU_SNAP_ENTRIES; i++) {
		if (!(rel & BIT64(i)))
			continue;
		put_le64(b, p->snap.values[i]);
		if (gmem_write(p->gm, p->snap.gpa + OFF_VALUES + 8u * i, b, sizeof(b)))
			return -1;
	}
	p->snap.overflow = overflow;
	put_le64(b, overflow);
	return gmem_write(p->gm, p->snap.gpa + OFF_OVERFLOW, b, sizeof(b));
}

void pmu_snapshot_forget(struct vcpu_pmu *p)
{
	/* Dropping the shadow leaves nothing of the old counts behind. */
	mem_zero(&p->snap, sizeof(p->snap));
	p->snap.gpa = PMU_SHMEM_NONE;
}
