/* Shared by the files of pmu/ only; the lead uses pmu/pmu.h. */
#ifndef PMU_PMU_INTERNAL_H
#define PMU_PMU_INTERNAL_H
#include "pmu/pmu.h"

#define BIT64(n) ((uint64_t)1 << (n))

static inline struct sbiret pmu_ret(long error, long value)
{
	return (struct sbiret){ .error = error, .value = value };
}

/* pmu_event.c: what an event_idx/event_data pair is. */
#define PMU_EV_TYPE(e)        (((e) >> 16) & 0xfUL)
#define PMU_EV_CODE(e)        ((e) & 0xffffUL)
#define PMU_HW_GENERAL_LAST   10   /* SBI_PMU_HW_REF_CPU_CYCLES */
#define PMU_HW_CACHE_CODE_END 56   /* cache_id 6 (NODE), op 2, result 1, plus one */
enum pmu_event_kind { PMU_EVENT_BAD, PMU_EVENT_HW, PMU_EVENT_FW };
enum pmu_event_kind pmu_event_kind(unsigned long event_idx, uint64_t event_data);
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
/* Can the firmware count the hardware event? General and cache events are
 * answered from what the probe learned; raw ones ask the firmware to match
 * the event on a host counter this vcpu does not hold. */
bool pmu_host_event_supported(const struct pmu_host *h, uint64_t owned,
			      unsigned long event_idx, uint64_t data);

#endif
