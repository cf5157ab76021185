/* The host side of hardware counters: what the firmware PMU offers (probed once
 * at boot) and the few operations guests need, written so that a firmware
 * answer is checked before it is believed. Known lies (OpenSBI 1.1, QEMU 7.2):
 * config_matching answers counter 0/2 for cycles/instructions whatever the
 * mask; counter_start of a counter the firmware left running fails with
 * ALREADY_STARTED and ignores the initial value; a stopped counter's CSR reads
 * right only once. */
#include "pmu/pmu_internal.h"
#include "pmu/pmu_hw.h"
#include <string.h>

#define INFO_TYPE_FW  (1UL << (sizeof(unsigned long) * 8 - 1))
#define INFO_CSR(i)   ((i) & 0xfffUL)
#define CSR_CYCLE     0xc00UL
#define TIME_IDX      1
#define FIXED_CTRS    (BIT64(0) | BIT64(2))  /* mcycle, minstret */
#define EV(type, code) ((unsigned long)(type) << 16 | (code))

static void probe_events(struct pmu_host *h);

int pmu_host_probe(struct pmu_host *h, struct pmu_host_isa isa)
{
	memset(h, 0, sizeof(*h));
	h->lcofi_why = "no usable firmware PMU";
	if (!pmu_hw_present())
		return -1;
	struct sbiret r = pmu_hw_num_counters();
	if (r.error || r.value <= 0)
		return -1;
	h->host_counters = (unsigned)r.value;

	unsigned n = h->host_counters < PMU_MAX_HW ? h->host_counters : PMU_MAX_HW;
	for (unsigned i = 0; i < n; i++) {
		/* time is not a PMU counter: nothing can configure or stop it, and
		 * hcounteren.TM belongs to the TIME code, not to us. */
		if (i == TIME_IDX)
			continue;
		r = pmu_hw_get_info(i);
		if (r.error)
			continue;
		unsigned long info = (unsigned long)r.value;
		/* Guest counter i is host counter i and is read from CSR cycle+i
		 * directly, so the firmware must say exactly that. */
		if ((info & INFO_TYPE_FW) || INFO_CSR(info) != CSR_CYCLE + i)
			continue;
		h->hw_valid |= 1u << i;
		h->hw_info[i] = info;
		h->num_hw = i + 1;
	}
	if (!h->hw_valid)
		return -1;
	probe_events(h);
	pmu_overflow_probe(h, isa);
	return 0;
}

/* Tiny appenders: the banner line needs no printf. */
static size_t put_str(char *buf, size_t len, size_t at, const char *s)
{
	while (*s) {
		if (at + 1 < len)
			buf[at] = *s;
		at++, s++;
	}
	return at;
}

static size_t put_uint(char *buf, size_t len, size_t at, unsigned v)
{
	char s[12];
	char *d = s + sizeof(s) - 1;
	*d = 0;
	do
		*--d = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	return put_str(buf, len, at, d);
}

void pmu_host_describe(const struct pmu_host *h, char *buf, size_t len)
{
	if (!len)
		return;
	size_t at = put_str(buf, len, 0, "pmu ");
	at = put_uint(buf, len, at, (unsigned)__builtin_popcount(h->hw_valid));
	at = put_str(buf, len, at, " hw + ");
	at = put_uint(buf, len, at, PMU_NUM_FW);
	at = put_str(buf, len, at, " fw counters, lcofi to VS: ");
	at = put_str(buf, len, at, h->lcofi_to_vs ? "yes" : "no (");
	if (!h->lcofi_to_vs) {
		at = put_str(buf, len, at, h->lcofi_why);
		at = put_str(buf, len, at, ")");
	}
	buf[at < len ? at : len - 1] = 0;
}

/* The guest's mode-inhibit hints seen from the host: the guest's S and U are
 * VS and VU; its "M" (whatever runs above it) is HS and M. Its VS/VU hints
 * mean nothing (no nested virtualization). Without Sscofpmf the firmware
 * cannot filter and would write the bits into mhpmevent as event bits. */
static unsigned long host_flags(const struct pmu_host *h, unsigned long g)
{
	unsigned long f = 0;
	if (!h->filters)
		return 0;
	if (g & SBI_PMU_CFG_FLAG_SET_SINH)
		f |= SBI_PMU_CFG_FLAG_SET_VSINH;
	if (g & SBI_PMU_CFG_FLAG_SET_UINH)
		f |= SBI_PMU_CFG_FLAG_SET_VUINH;
	if (g & SBI_PMU_CFG_FLAG_SET_MINH)
		f |= SBI_PMU_CFG_FLAG_SET_SINH | SBI_PMU_CFG_FLAG_SET_MINH;
	return f;
}

static long try_config(unsigned long base, unsigned long mask, unsigned long flags,
		       unsigned long event_idx, uint64_t data)
{
	struct sbiret r = pmu_hw_config_matching(base, mask, flags, event_idx, data);
	return r.error || r.value < 0 ? -1 : r.value;
}

static bool owned_by(uint64_t owned, long c)
{
	return c < 64 && (owned & BIT64(c));
}

/* Takes back a configuration the firmware made on a counter nobody asked for.
 * A counter the vcpu already holds keeps its mapping: we never pass CLEAR_VALUE
 * or AUTO_START down, so a stray configuration did not change it. */
static void undo(const struct pmu_host *h, uint64_t owned, long c)
{
	if (c >= 0 && (unsigned long)c < h->host_counters && !owned_by(owned, c))
		pmu_hw_stop((unsigned)c, true);
}

/* The firmware answered c, outside want. Undo, then ask for each counter of
 * the set alone, in case it only got the search wrong; give up when it
 * repeats a wrong answer (a fixed counter it will always return). Out of line:
 * the usual first answer is right, and this loop's registers would otherwise
 * be saved on every claim. */
static __attribute__((noinline)) int claim_one_by_one(const struct pmu_host *h, uint64_t want,
							uint64_t owned, long c, unsigned long hf,
							unsigned long event_idx, uint64_t data)
{
	undo(h, owned, c);
	long wrong = c;
	for (unsigned k = 0; k < PMU_MAX_HW; k++) {
		if (!(want & BIT64(k)))
			continue;
		long r = try_config(k, 1, hf, event_idx, data);
		if (r == (long)k)
			return (int)k;
		if (r < 0)
			continue;
		undo(h, owned, r);
		if (r == wrong)
			break;
		wrong = r;
	}
	return -1;
}

int pmu_host_claim(const struct pmu_host *h, uint64_t want, uint64_t owned,
		   unsigned long guest_flags, unsigned long event_idx, uint64_t data)
{
	unsigned long hf = host_flags(h, guest_flags);
	want &= h->hw_valid;
	if (!want)
		return -1;
	long c = try_config(0, want, hf, event_idx, data);
	if (c < 0)
		return -1;
	if (c < PMU_MAX_HW && (want & BIT64(c)))
		return (int)c;
	return claim_one_by_one(h, want, owned, c, hf, event_idx, data);
}

int pmu_host_start(unsigned idx, uint64_t value)
{
	struct sbiret r = pmu_hw_start(idx, value);
	if (r.error == SBI_ERR_ALREADY_STARTED) {
		/* Left running by the firmware (OpenSBI runs cycle/instret from
		 * boot); the initial value was ignored. Stop, then start again. */
		pmu_hw_stop(idx, false);
		r = pmu_hw_start(idx, value);
	}
	return r.error ? -1 : 0;
}

void pmu_host_stop(unsigned idx, bool reset, bool running, uint64_t *final)
{
	/* Errors do not matter here: ALREADY_STOPPED still applies RESET, and
	 * INVALID_PARAM means the firmware holds no mapping to drop. */
	pmu_hw_stop(idx, reset);
	if (running && final)
		*final = pmu_hw_read(idx);
}

/* Asks the firmware to match the event on a counter outside keep, and lets go. */
static bool firmware_matches(const struct pmu_host *h, uint64_t keep, unsigned long event_idx,
			     uint64_t data)
{
	uint64_t free = h->hw_valid & ~keep;
	if (!free)
		return false;
	long c = try_config(0, free, 0, event_idx, data);
	if (c < 0)
		return false;
	undo(h, keep, c);
	return true;
}

/* Which general and cache events the firmware can count, asked once at boot:
 * the answers cannot change, and event_get_info then costs no firmware call.
 * Cycles and instructions are what mcycle and minstret count by definition
 * (OpenSBI answers counter 0/2 for them whatever the mask); the other events
 * are asked of the programmable counters only, so the cycle and instret
 * counters the firmware runs from boot are left alone. */
static void probe_events(struct pmu_host *h)
{
	if (h->hw_valid & BIT64(0))
		h->hw_general_ok |= 1u << SBI_PMU_HW_CPU_CYCLES;
	if (h->hw_valid & BIT64(2))
		h->hw_general_ok |= 1u << SBI_PMU_HW_INSTRUCTIONS;
	for (unsigned c = 1; c <= PMU_HW_GENERAL_LAST; c++)
		if (!(h->hw_general_ok & (1u << c)) &&
		    firmware_matches(h, FIXED_CTRS, EV(SBI_PMU_EVENT_TYPE_HW, c), 0))
			h->hw_general_ok |= 1u << c;
	for (unsigned c = 0; c < PMU_HW_CACHE_CODE_END; c++) {
		unsigned long ev = EV(SBI_PMU_EVENT_TYPE_HW_CACHE, c);
		if (pmu_event_kind(ev, 0) == PMU_EVENT_HW && firmware_matches(h, FIXED_CTRS, ev, 0))
			h->hw_cache_ok |= BIT64(c);
	}
}

bool pmu_host_raw_supported(const struct pmu_host *h, uint64_t owned,
			    unsigned long event_idx, uint64_t data)
{
	return firmware_matches(h, owned, event_idx, data);
}
