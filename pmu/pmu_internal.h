/* Shared by the files of pmu/ only; the lead uses pmu/pmu.h. */
#ifndef PMU_PMU_INTERNAL_H
#define PMU_PMU_INTERNAL_H
#include "pmu/pmu.h"

#define BIT64(n) ((uint64_t)1 << (n))

static inline struct sbiret pmu_ret(long error, long value)
{
	return (struct sbiret){ .error = error, .value = value };
}

/* What an event_idx/event_data pair is. */
#define PMU_EV_TYPE(e)        (((e) >> 16) & 0xfUL)
#define PMU_EV_CODE(e)        ((e) & 0xffffUL)
#define PMU_HW_GENERAL_LAST   10   /* SBI_PMU_HW_REF_CPU_CYCLES */
#define PMU_HW_CACHE_CODE_END 56   /* cache_id 6 (NODE), op 2, result 1, plus one */
#define PMU_EV_RESERVED       (~0xfffffUL) /* event_idx is 20 bits */
#define PMU_CACHE_ID_LAST     6    /* SBI_PMU_HW_CACHE_NODE */
#define PMU_CACHE_OP_LAST     2    /* SBI_PMU_HW_CACHE_OP_PREFETCH */
#define PMU_RAW_DATA_BITS     48   /* type 2: mhpmevent[47:0] */
#define PMU_RAW_V2_DATA_BITS  56   /* type 3: mhpmevent[55:0] */
enum pmu_event_kind { PMU_EVENT_BAD, PMU_EVENT_HW, PMU_EVENT_FW };

/* Which event_idx/event_data pairs the spec defines. Inline: config_matching
 * asks it on every call. */
static inline enum pmu_event_kind pmu_event_kind(unsigned long event_idx, uint64_t data)
{
	if (event_idx & PMU_EV_RESERVED)
		return PMU_EVENT_BAD;
	unsigned long code = PMU_EV_CODE(event_idx);
	switch (PMU_EV_TYPE(event_idx)) {
	case SBI_PMU_EVENT_TYPE_HW:
		/* code 0 is SBI_PMU_HW_NO_EVENT; event_data is reserved (0). */
		return code >= 1 && code <= PMU_HW_GENERAL_LAST && !data ? PMU_EVENT_HW : PMU_EVENT_BAD;
	case SBI_PMU_EVENT_TYPE_HW_CACHE:
		/* code = cache_id[15:3] op_id[2:1] result_id[0]; op 3 is undefined. */
		return (code >> 3) <= PMU_CACHE_ID_LAST && ((code >> 1) & 3) <= PMU_CACHE_OP_LAST && !data
		       ? PMU_EVENT_HW : PMU_EVENT_BAD;
	case SBI_PMU_EVENT_TYPE_HW_RAW:
		return !code && !(data >> PMU_RAW_DATA_BITS) ? PMU_EVENT_HW : PMU_EVENT_BAD;
	case SBI_PMU_EVENT_TYPE_HW_RAW_V2:
		return !code && !(data >> PMU_RAW_V2_DATA_BITS) ? PMU_EVENT_HW : PMU_EVENT_BAD;
	case SBI_PMU_EVENT_TYPE_FW:
		/* Only the standard events 0..21 are counted; 256..65534 would be
		 * ours to define (none) and 65535 is platform specific (none). */
		return code < SBI_PMU_FW_MAX && !data ? PMU_EVENT_FW : PMU_EVENT_BAD;
	default:
		return PMU_EVENT_BAD;
	}
}

/* pmu_event.c */
struct sbiret pmu_event_get_info(struct vcpu_pmu *p, unsigned long lo, unsigned long hi,
				 unsigned long num_entries, unsigned long flags);

/* pmu_ctr.c: the counter state machine. */
struct sbiret pmu_config_matching(struct vcpu_pmu *p, unsigned long base, unsigned long mask,
				  unsigned long flags, unsigned long event_idx, uint64_t data);
struct sbiret pmu_counter_start(struct vcpu_pmu *p, unsigned long base, unsigned long mask,
				unsigned long flags, uint64_t initial);
struct sbiret pmu_counter_stop(struct vcpu_pmu *p, unsigned long base, unsigned long mask,
			       unsigned long flags);
/* The absolute counter set base+mask, or 0 when it is empty or holds an invalid counter. */
uint64_t pmu_counter_set(const struct vcpu_pmu *p, unsigned long base, unsigned long mask);

/* pmu_fw.c */
void pmu_fw_clear(struct vcpu_pmu *p);

/* pmu_snapshot.c: the area registration and the only guest accesses to it. */
struct sbiret pmu_snapshot_set_shmem(struct vcpu_pmu *p, unsigned long lo, unsigned long hi,
				     unsigned long flags);
static inline bool pmu_snapshot_active(const struct vcpu_pmu *p)
{
	return p->snap.gpa != PMU_SHMEM_NONE;
}
/* Reads counter_values[i] for each bit i of rel into the shadow. 0 or -1. */
int  pmu_snapshot_load(struct vcpu_pmu *p, uint64_t rel);
/* Writes counter_values[i] = vals (from the shadow) for each bit i of rel,
 * then the overflow bitmap. 0 or -1. */
int  pmu_snapshot_store(struct vcpu_pmu *p, uint64_t rel, uint64_t overflow);
/* Forgets the area and drops the shadow: no guest access. */
void pmu_snapshot_forget(struct vcpu_pmu *p);

/* pmu_host.c: host counters through a firmware that is not trusted. */
/* Configures a host counter inside want (host indexes) for the event; returns
 * its index or -1. owned: host counters this vcpu holds, never released here. */
int  pmu_host_claim(const struct pmu_host *h, uint64_t want, uint64_t owned,
		    unsigned long guest_flags, unsigned long event_idx, uint64_t data);
/* Starts host counter idx at value. 0 or -1. */
int  pmu_host_start(unsigned idx, uint64_t value);
/* Stops host counter idx (and drops its event mapping when reset). When it was
 * running, *final gets its count (read once: QEMU 7.2 reads stopped counters
 * right only the first time). */
void pmu_host_stop(unsigned idx, bool reset, bool running, uint64_t *final);
/* pmu_overflow.c */
/* Whether and how LCOFI can reach guests; sets filters, lcofi_to_vs, lcofi_why. */
void pmu_overflow_probe(struct pmu_host *h, struct pmu_host_isa isa);
/* Host counters with their overflow bit set (scountovf); 0 without Sscofpmf. */
uint64_t pmu_host_overflow_bits(const struct pmu_host *h);
/* Can the firmware count the raw event? It is asked to match it on a host
 * counter this vcpu does not hold (owned), and lets go. General and cache
 * events need no asking: struct pmu_host says what the probe learned. */
bool pmu_host_raw_supported(const struct pmu_host *h, uint64_t owned,
			    unsigned long event_idx, uint64_t data);

#endif
