/* The counter state machine: config_matching, counter_start, counter_stop.
 * Each call checks all of its arguments before it changes anything; state
 * errors (ALREADY_STARTED/STOPPED) are reported after the other counters of
 * the set were handled, as OpenSBI and KVM do, so that e.g. a guest's "stop
 * everything with RESET" at boot really resets what was running.
 *
 * A hardware counter's value while stopped is ctr.value, and the host counter
 * is always started at exactly that value (SET_INIT_VALUE): the guest sees one
 * consistent count whatever the firmware left in the CSR. */
#include "pmu/pmu_internal.h"

#define CFG_FLAGS_DEFINED   0xffUL  /* SKIP_MATCH .. SET_MINH */
#define START_FLAGS_DEFINED (SBI_PMU_START_FLAG_SET_INIT_VALUE | SBI_PMU_START_FLAG_INIT_SNAPSHOT)
#define STOP_FLAGS_DEFINED  (SBI_PMU_STOP_FLAG_RESET | SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT)

/* The lowest set bit of x != 0. Without Zbb, __builtin_ctzll is a libgcc
 * call of some 50 instructions; a de Bruijn multiply and a table is 5. */
static unsigned lowest_bit(uint64_t x)
{
	static const uint8_t debruijn_pos[64] = {
		0, 1, 48, 2, 57, 49, 28, 3, 61, 58, 50, 42, 38, 29, 17, 4,
		62, 55, 59, 36, 53, 51, 43, 22, 45, 39, 33, 30, 24, 18, 12, 5,
		63, 47, 56, 27, 60, 41, 37, 16, 54, 35, 52, 21, 44, 32, 23, 11,
		46, 26, 40, 15, 34, 20, 31, 10, 25, 14, 19, 9, 13, 8, 7, 6,
	};
	return debruijn_pos[((x & -x) * 0x03f79d71b4cb0a89ULL) >> 58];
}

#define for_each_bit(i, set) \
	for (uint64_t __s = (set); __s && ((i) = lowest_bit(__s), 1); __s &= __s - 1)

uint64_t pmu_counter_set(const struct vcpu_pmu *p, unsigned long base, unsigned long mask)
{
	/* An empty set counts as invalid (OpenSBI and KVM say INVALID_PARAM too). */
	if (!mask || base >= p->num_ctrs)
		return 0;
	/* Every counter base+i must exist: no bit at or above num_ctrs - base. */
	unsigned room = p->num_ctrs - (unsigned)base;
	if (room < sizeof(mask) * 8 && (mask >> room))
		return 0;
	uint64_t set = (uint64_t)mask << base;
	/* A hole (counter 1, time) is an invalid counter: get_info says so too. */
	return (set & ~p->valid) ? 0 : set;
}

static bool is_hw(const struct vcpu_pmu *p, unsigned c)
{
	return (p->hw_mask & BIT64(c)) != 0;
}

static int start_one(struct vcpu_pmu *p, unsigned c, uint64_t value)
{
	if (is_hw(p, c) && pmu_host_start(c, value))
		return -1;
	p->ctr[c].value = value;
	p->started |= BIT64(c);
	/* A fresh start re-arms overflow (the firmware clears mhpmevent.OF). */
	p->overflowed &= ~BIT64(c);
	return 0;
}

/* Stops c if running (a hardware counter's final count becomes its value) and
 * with reset drops its event mapping, on the host too. */
static void stop_one(struct vcpu_pmu *p, unsigned c, bool reset)
{
	bool running = (p->started & BIT64(c)) != 0;
	if (is_hw(p, c) && (running || reset))
		pmu_host_stop(c, reset, running, &p->ctr[c].value);
	p->started &= ~BIT64(c);
	if (reset) {
		p->configured &= ~BIT64(c);
		p->overflowed &= ~BIT64(c);
		p->ctr[c].event_idx = 0;
		p->ctr[c].event_data = 0;
	}
}

struct sbiret pmu_config_matching(struct vcpu_pmu *p, unsigned long base, unsigned long mask,
				  unsigned long flags, unsigned long event_idx, uint64_t data)
{
	if (flags & ~CFG_FLAGS_DEFINED)
		return pmu_ret(SBI_ERR_INVALID_PARAM, 0);
	uint64_t set = pmu_counter_set(p, base, mask);
	if (!set)
		return pmu_ret(SBI_ERR_INVALID_PARAM, 0);

	enum pmu_event_kind kind = pmu_event_kind(event_idx, data);
	uint64_t can = kind == PMU_EVENT_HW ? p->hw_mask : kind == PMU_EVENT_FW ? p->fw_mask : 0;
	uint64_t cand;
	if (flags & SBI_PMU_CFG_FLAG_SKIP_MATCH) {
		/* "Unconditionally the first counter of the set" - if it can count
		 * this kind of event and is not started. A configured one is
		 * remapped: its old mapping is dropped first. */
		unsigned first = lowest_bit(set);
		if (!(can & BIT64(first)) || (p->started & BIT64(first)))
			return pmu_ret(SBI_ERR_NOT_SUPPORTED, 0);
		if (p->configured & BIT64(first))
			stop_one(p, first, true);
		cand = BIT64(first);
	} else {
		/* Like OpenSBI and KVM, only counters without a mapping are searched:
		 * taking a configured one would silently steal it from its event. */
		cand = set & can & ~p->configured;
	}
	if (!cand)
		return pmu_ret(SBI_ERR_NOT_SUPPORTED, 0);

	int c;
	if (kind == PMU_EVENT_HW)
		c = pmu_host_claim(p->host, cand, p->configured & p->hw_mask, flags, event_idx, data);
	else
		c = (int)lowest_bit(cand);
	if (c < 0)
		return pmu_ret(SBI_ERR_NOT_SUPPORTED, 0);

	struct pmu_ctr *ctr = &p->ctr[c];
	ctr->event_idx = (uint32_t)event_idx;
	ctr->event_data = data;
	if (flags & SBI_PMU_CFG_FLAG_CLEAR_VALUE)
		ctr->value = 0;
	p->configured |= BIT64(c);
	p->overflowed &= ~BIT64(c);
	/* AUTO_START leaves the value alone: counting resumes from it. */
	if ((flags & SBI_PMU_CFG_FLAG_AUTO_START) && start_one(p, (unsigned)c, ctr->value)) {
		stop_one(p, (unsigned)c, true);
		return pmu_ret(SBI_ERR_FAILED, 0);
	}
	return pmu_ret(SBI_SUCCESS, c);
}

struct sbiret pmu_counter_start(struct vcpu_pmu *p, unsigned long base, unsigned long mask,
				unsigned long flags, uint64_t initial)
{
	bool set_value = flags & SBI_PMU_START_FLAG_SET_INIT_VALUE;
	bool from_snap = flags & SBI_PMU_START_FLAG_INIT_SNAPSHOT;
	/* The two ways of giving initial values exclude each other. */
	if ((flags & ~START_FLAGS_DEFINED) || (set_value && from_snap))
		return pmu_ret(SBI_ERR_INVALID_PARAM, 0);
	uint64_t set = pmu_counter_set(p, base, mask);
	/* A counter without an event cannot be started: invalid for this call. */
	if (!set || (set & ~p->configured))
		return pmu_ret(SBI_ERR_INVALID_PARAM, 0);
	if (from_snap && !pmu_snapshot_active(p))
		return pmu_ret(SBI_ERR_NO_SHMEM, 0);

	uint64_t todo = set & ~p->started;
	/* Read access to the area only now, and only the entries we start. */
	if (from_snap && pmu_snapshot_load(p, todo >> base))
		return pmu_ret(SBI_ERR_FAILED, 0);

	long err = (set & p->started) ? SBI_ERR_ALREADY_STARTED : SBI_SUCCESS;
	unsigned c;
	for_each_bit(c, todo) {
		uint64_t v = set_value ? initial : from_snap ? p->snap.values[c - base] : p->ctr[c].value;
		if (start_one(p, c, v))
			err = SBI_ERR_FAILED;
	}
	return pmu_ret(err, 0);
}

struct sbiret pmu_counter_stop(struct vcpu_pmu *p, unsigned long base, unsigned long mask,
			       unsigned long flags)
{
	bool reset = flags & SBI_PMU_STOP_FLAG_RESET;
	bool take = flags & SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT;
	if (flags & ~STOP_FLAGS_DEFINED)
		return pmu_ret(SBI_ERR_INVALID_PARAM, 0);
	uint64_t set = pmu_counter_set(p, base, mask);
	if (!set)
		return pmu_ret(SBI_ERR_INVALID_PARAM, 0);
	if (take && !pmu_snapshot_active(p))
		return pmu_ret(SBI_ERR_NO_SHMEM, 0);

	/* An overflow the LCOFI has not reported yet still counts. */
	p->overflowed |= pmu_host_overflow_bits(p->host) & set & p->started & p->hw_mask;
	/* The bitmap covers every overflown counter of the window, and is only
	 * meaningful with Sscofpmf: otherwise it must read zero. Taken before
	 * RESET forgets the overflows of the counters it resets. */
	uint64_t ovf = p->host->lcofi_to_vs ? p->overflowed >> base : 0;

	long err = (set & ~p->started) ? SBI_ERR_ALREADY_STOPPED : SBI_SUCCESS;
	uint64_t mapped = set & p->configured;
	unsigned c;
	for_each_bit(c, mapped)
		stop_one(p, c, reset);

	if (take) {
		/* Only the entries of counters that have a value (mapped ones, all
		 * stopped now) and the bitmap; the rest of the area is not touched. */
		for_each_bit(c, mapped)
			p->snap.values[c - base] = p->ctr[c].value;
		if (pmu_snapshot_store(p, mapped >> base, ovf))
			err = SBI_ERR_FAILED;
	}
	return pmu_ret(err, 0);
}
