/* event_get_info (SBI 3.0), which answers for many events at once through a
 * guest buffer (what an event is: pmu_event_kind in pmu_internal.h). */
#include "pmu/pmu_internal.h"

/* Whether event_idx is well formed for event_get_info: no reserved bit and a
 * type the spec defines. An undefined code of a defined type (hardware code
 * 0x1234, a raw event with a code) is no reason to refuse the call: its
 * output is 0, as for any event nobody can count. */
#define DEFINED_TYPES (BIT64(SBI_PMU_EVENT_TYPE_HW) | BIT64(SBI_PMU_EVENT_TYPE_HW_CACHE) | \
		       BIT64(SBI_PMU_EVENT_TYPE_HW_RAW) | BIT64(SBI_PMU_EVENT_TYPE_HW_RAW_V2) | \
		       BIT64(SBI_PMU_EVENT_TYPE_FW))
static bool event_idx_conforms(uint32_t event_idx)
{
	return !(event_idx & PMU_EV_RESERVED) && (DEFINED_TYPES & BIT64(PMU_EV_TYPE(event_idx)));
}

/* One event_get_info entry: word 0 event_idx, word 1 output, words 2-3 event_data. */
#define ENTRY_SIZE   16u
#define ENTRY_OUTPUT 4u
#define CHUNK        64u   /* entries read from the guest at once (1 KiB of stack) */
/* Raw events are the only ones that still cost firmware calls (two each):
 * a call may name at most this many, so that no call holds the hart for
 * long. General, cache and firmware events cost tens of instructions each. */
#define RAW_ASKS_MAX 64u

/* Entries are read as 64-bit words: guest memory, the harts and the test hosts
 * are all little endian, so event_idx is the low half of word 0. */
_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "entries are read as LE words");
#define WORDS_PER_ENTRY (ENTRY_SIZE / 8)
#define ENTRY_EVIDX(w)  ((uint32_t)(w)[0])
#define ENTRY_DATA(w)   ((w)[1])

static bool is_raw(uint32_t event_idx)
{
	return PMU_EV_TYPE(event_idx) == SBI_PMU_EVENT_TYPE_HW_RAW ||
	       PMU_EV_TYPE(event_idx) == SBI_PMU_EVENT_TYPE_HW_RAW_V2;
}

static unsigned chunk_len(unsigned long left)
{
	return left < CHUNK ? (unsigned)left : CHUNK;
}

/* A raw event: well formed, and the firmware matches it on a counter the
 * guest does not hold (let go at once; the firmware is SBI 1.0 here, without
 * event_get_info). */
static bool raw_supported(struct vcpu_pmu *p, uint32_t event_idx, uint64_t data)
{
	return pmu_event_kind(event_idx, data) == PMU_EVENT_HW &&
	       pmu_host_raw_supported(p->host, p->configured & p->hw_mask, event_idx, data);
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
	 * the whole call before any output word is written, and so do too many
	 * raw events. */
	uint64_t e[CHUNK * WORDS_PER_ENTRY];
	unsigned long raw = 0;
	for (unsigned long i = 0; i < num_entries; i += CHUNK) {
		unsigned k = chunk_len(num_entries - i);
		if (gmem_read(p->gm, lo + i * ENTRY_SIZE, e, k * ENTRY_SIZE))
			return pmu_ret(SBI_ERR_FAILED, 0);
		for (unsigned j = 0; j < k; j++) {
			uint32_t evidx = ENTRY_EVIDX(e + j * WORDS_PER_ENTRY);
			if (!event_idx_conforms(evidx))
				return pmu_ret(SBI_ERR_INVALID_PARAM, 0);
			raw += is_raw(evidx);
		}
	}
	if (raw > RAW_ASKS_MAX)
		return pmu_ret(SBI_ERR_FAILED, 0);
	/* Bit c of known[type]: event code c of that type can be counted. The
	 * general and cache events as the boot probe found them (only codes
	 * pmu_event_kind defines), the firmware events all that we count. Their
	 * event_data is reserved: it must be 0. Raw events are asked instead. */
	const uint64_t known[16] = {
		[SBI_PMU_EVENT_TYPE_HW] = p->host->hw_general_ok,
		[SBI_PMU_EVENT_TYPE_HW_CACHE] = p->host->hw_cache_ok,
		[SBI_PMU_EVENT_TYPE_FW] = BIT64(SBI_PMU_FW_MAX) - 1,
	};
	/* Then the whole output word of each entry (bit 0: supported), a chunk
	 * at a time. An entry whose code or event_data is not defined for its
	 * type gets 0, and so does one another vcpu changed since the first
	 * pass, past the raw asks it counted. */
	uint32_t out[CHUNK];
	for (unsigned long i = 0; i < num_entries; i += CHUNK) {
		unsigned k = chunk_len(num_entries - i);
		/* One chunk in all: e still holds it from the first pass. */
		if (num_entries > CHUNK && gmem_read(p->gm, lo + i * ENTRY_SIZE, e, k * ENTRY_SIZE))
			return pmu_ret(SBI_ERR_FAILED, 0);
		for (unsigned j = 0; j < k; j++) {
			const uint64_t *en = e + j * WORDS_PER_ENTRY;
			uint32_t evidx = ENTRY_EVIDX(en);
			uint64_t data = ENTRY_DATA(en), code = PMU_EV_CODE(evidx);
			if (is_raw(evidx))
				out[j] = raw && raw-- && raw_supported(p, evidx, data);
			else
				out[j] = !data && code < 64 && (known[PMU_EV_TYPE(evidx)] >> code & 1);
		}
		if (gmem_write32s(p->gm, lo + i * ENTRY_SIZE + ENTRY_OUTPUT, ENTRY_SIZE, out, k))
			return pmu_ret(SBI_ERR_FAILED, 0);
	}
	return pmu_ret(SBI_SUCCESS, 0);
}
