/* Events: which event_idx/event_data pairs the spec defines, and
 * event_get_info (SBI 3.0), which answers for many events at once through a
 * guest buffer. */
#include "pmu/pmu_internal.h"

#define EV_TYPE(e)   (((e) >> 16) & 0xfUL)
#define EV_CODE(e)   ((e) & 0xffffUL)
#define EV_RESERVED  (~0xfffffUL)   /* event_idx is 20 bits */

#define HW_GENERAL_LAST  10         /* SBI_PMU_HW_REF_CPU_CYCLES */
#define CACHE_ID_LAST     6         /* SBI_PMU_HW_CACHE_NODE */
#define CACHE_OP_LAST     2         /* SBI_PMU_HW_CACHE_OP_PREFETCH */
#define RAW_DATA_BITS    48         /* type 2: mhpmevent[47:0] */
#define RAW_V2_DATA_BITS 56         /* type 3: mhpmevent[55:0] */

enum pmu_event_kind pmu_event_kind(unsigned long event_idx, uint64_t data)
{
	if (event_idx & EV_RESERVED)
		return PMU_EVENT_BAD;
	unsigned long code = EV_CODE(event_idx);
	switch (EV_TYPE(event_idx)) {
	case SBI_PMU_EVENT_TYPE_HW:
		/* code 0 is SBI_PMU_HW_NO_EVENT; event_data is reserved (0). */
		return code >= 1 && code <= HW_GENERAL_LAST && !data ? PMU_EVENT_HW : PMU_EVENT_BAD;
	case SBI_PMU_EVENT_TYPE_HW_CACHE:
		/* code = cache_id[15:3] op_id[2:1] result_id[0]; op 3 is undefined. */
		return (code >> 3) <= CACHE_ID_LAST && ((code >> 1) & 3) <= CACHE_OP_LAST && !data
		       ? PMU_EVENT_HW : PMU_EVENT_BAD;
	case SBI_PMU_EVENT_TYPE_HW_RAW:
		return !code && !(data >> RAW_DATA_BITS) ? PMU_EVENT_HW : PMU_EVENT_BAD;
	case SBI_PMU_EVENT_TYPE_HW_RAW_V2:
		return !code && !(data >> RAW_V2_DATA_BITS) ? PMU_EVENT_HW : PMU_EVENT_BAD;
	case SBI_PMU_EVENT_TYPE_FW:
		/* Only the standard events 0..21 are counted; 256..65534 would be
		 * ours to define (none) and 65535 is platform specific (none). */
		return code < SBI_PMU_FW_MAX && !data ? PMU_EVENT_FW : PMU_EVENT_BAD;
	default:
		return PMU_EVENT_BAD;
	}
}

/* Whether event_idx is well formed for event_get_info: no reserved bit and a
 * type the spec defines. An undefined code of a defined type (hardware code
 * 0x1234, a raw event with a code) is no reason to refuse the call: its
 * output is 0, as for any event nobody can count. */
static bool event_idx_conforms(unsigned long event_idx)
{
	if (event_idx & EV_RESERVED)
		return false;
	switch (EV_TYPE(event_idx)) {
	case SBI_PMU_EVENT_TYPE_HW:
	case SBI_PMU_EVENT_TYPE_HW_CACHE:
	case SBI_PMU_EVENT_TYPE_HW_RAW:
	case SBI_PMU_EVENT_TYPE_HW_RAW_V2:
	case SBI_PMU_EVENT_TYPE_FW:
		return true;
	default:
		return false;
	}
}

/* One event_get_info entry: word 0 event_idx, word 1 output, words 2-3 event_data. */
#define ENTRY_SIZE   16u
#define ENTRY_OUTPUT 4u

static uint32_t le32(const uint8_t *b)
{
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static uint64_t le64(const uint8_t *b)
{
	return (uint64_t)le32(b) | (uint64_t)le32(b + 4) << 32;
}

static bool supported(struct vcpu_pmu *p, unsigned long event_idx, uint64_t data)
{
	switch (pmu_event_kind(event_idx, data)) {
	case PMU_EVENT_FW:
		return true;
	case PMU_EVENT_HW:
		/* The firmware is SBI 1.0 here, without event_get_info: ask it to
		 * match the event on a counter the guest does not hold, and let go. */
		return pmu_host_event_supported(p->host, p->configured & p->hw_mask, event_idx, data);
	default:
		return false;
	}
}

struct sbiret pmu_event_get_info(struct vcpu_pmu *p, unsigned long lo, unsigned long hi,
				 unsigned long num_entries, unsigned long flags)
{
	if (flags || (lo & (ENTRY_SIZE - 1)))
		return pmu_ret(SBI_ERR_INVALID_PARAM, 0);
	if (!num_entries)
		return pmu_ret(SBI_SUCCESS, 0);
	/* hi != 0 is an address at or above 2^64 (rv64): no guest RAM there. */
	if (hi || num_entries > UINT64_MAX / ENTRY_SIZE ||
	    !gmem_range_ok(p->gm, lo, (uint64_t)num_entries * ENTRY_SIZE))
		return pmu_ret(SBI_ERR_INVALID_ADDRESS, 0);

	/* First every event_idx word: a reserved bit or an undefined type fails
	 * the whole call before any output word is written. */
	uint8_t e[ENTRY_SIZE];
	for (unsigned long i = 0; i < num_entries; i++) {
		if (gmem_read(p->gm, lo + i * ENTRY_SIZE, e, sizeof(e)))
			return pmu_ret(SBI_ERR_FAILED, 0);
		if (!event_idx_conforms(le32(e)))
			return pmu_ret(SBI_ERR_INVALID_PARAM, 0);
	}
	/* Then the whole output word of each entry (bit 0: supported). An entry
	 * whose code or event_data is not defined for its type gets 0. */
	for (unsigned long i = 0; i < num_entries; i++) {
		uint64_t at = lo + i * ENTRY_SIZE;
		if (gmem_read(p->gm, at, e, sizeof(e)))
			return pmu_ret(SBI_ERR_FAILED, 0);
		uint32_t evidx = le32(e);
		if (!event_idx_conforms(evidx))  /* changed under our feet */
			continue;
		uint8_t out[4] = { supported(p, evidx, le64(e + 8)) ? 1 : 0, 0, 0, 0 };
		if (gmem_write(p->gm, at + ENTRY_OUTPUT, out, sizeof(out)))
			return pmu_ret(SBI_ERR_FAILED, 0);
	}
	return pmu_ret(SBI_SUCCESS, 0);
}
