/* The guest SBI PMU extension (EID 0x504D55, SBI 3.0): hardware counters backed
 * by the firmware's SBI PMU, firmware counters counting what the hypervisor does
 * for the vcpu, and the snapshot shared memory.
 *
 * Counter numbering for a guest: hardware counters keep the host's indexes
 * (guest counter i is host counter i, one vcpu per hart), so a started counter
 * is read by the guest straight from its CSR; the vcpu's firmware counters
 * follow the hardware ones. Host counter indexes the firmware does not describe
 * as a hardware counter (counter 1, time) are holes: invalid counters.
 *
 * Guest memory is touched only through mm/guest_mem.h and only where the spec
 * allows: counter_start with INIT_SNAPSHOT reads the area, counter_stop with
 * TAKE_SNAPSHOT writes the stopped counters' entries and the overflow bitmap,
 * event_get_info reads its entries and writes their output words. Nothing else
 * (setting, disabling, reset, teardown) reads or writes the guest. */
#ifndef PMU_PMU_H
#define PMU_PMU_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "boot/sbi_call.h"
#include "mm/guest_mem.h"

#define PMU_MAX_HW     32   /* cycle, time, instret, hpmcounter3..31 */
#define PMU_NUM_FW     16   /* firmware counters per vcpu */
#define PMU_MAX_CTRS   (PMU_MAX_HW + PMU_NUM_FW)

#define PMU_SHMEM_SIZE    4096u
#define PMU_SNAP_ENTRIES  64        /* counter_values[] of the snapshot layout */
#define PMU_SHMEM_NONE    UINT64_MAX /* no snapshot area registered */

/* Boot-time facts about the firmware PMU, filled once by pmu_host_probe. */
struct pmu_host {
	unsigned num_hw;        /* guest hardware counter slots: indexes 0..num_hw-1 */
	uint32_t hw_valid;      /* bit i: host counter i is hardware, CSR cycle+i */
	unsigned long hw_info[PMU_MAX_HW]; /* the firmware's counter_get_info word */
	unsigned host_counters; /* the firmware's num_counters (hw + its own fw) */
	uint32_t hw_general_ok; /* bit c: general hardware event c (1..10) can be counted */
	uint64_t hw_cache_ok;   /* bit c: hardware cache event code c (0..55) can be counted */
	bool filters;           /* the hart has Sscofpmf: mode-inhibit hints reach mhpmevent */
	bool lcofi_to_vs;       /* LCOFI (irq 13) reaches HS and can be injected into VS */
	const char *lcofi_why;  /* why not, for the banner (NULL when it can) */
};

/* The hart's ISA facts the probe needs: with Sscofpmf the firmware can filter
 * by mode and scountovf exists; with Ssaia hvien exists (it traps otherwise). */
struct pmu_host_isa {
	bool sscofpmf, ssaia;
};
/* 0: a usable PMU with hardware counters. Negative: the firmware has no usable
 * SBI PMU; h is still valid and gives guests firmware counters only. */
int  pmu_host_probe(struct pmu_host *h, struct pmu_host_isa isa);
/* One phrase for the boot banner: "pmu 18 hw + 16 fw counters, lcofi to VS:
 * no (hvien.LCOFI not writable: needs Ssaia)". */
void pmu_host_describe(const struct pmu_host *h, char *buf, size_t len);
bool pmu_host_lcofi_to_vs(const struct pmu_host *h);
/* On the hart about to run a vcpu: route LCOFI into VS where the probe found
 * it can be (hvien bit 13), so that hvip bit 13 is the guest's sip.LCOFIP. */
void pmu_host_vcpu_load(const struct pmu_host *h);

struct pmu_ctr {
	uint64_t value;      /* fw: the count; hw: the value the guest sees while stopped */
	uint64_t event_data;
	uint32_t event_idx;  /* valid while configured */
};

/* Hypervisor-side copy of the part of the snapshot layout it ever reads or
 * writes (overflow bitmap + counter_values). Never written back wholesale:
 * only single entries are copied to or from the guest. */
struct pmu_snapshot {
	uint64_t gpa;                        /* PMU_SHMEM_NONE when not registered */
	uint64_t overflow;
	uint64_t values[PMU_SNAP_ENTRIES];
};

/* All PMU state of one vcpu (the lead embeds it in struct vcpu). */
struct vcpu_pmu {
	const struct pmu_host *host;
	struct guest_mem *gm;   /* NULL after pmu_vcpu_deinit */
	unsigned num_ctrs;      /* host->num_hw + PMU_NUM_FW */
	uint64_t valid;         /* counters that exist (holes cleared) */
	uint64_t hw_mask;       /* the hardware ones among them */
	uint64_t fw_mask;       /* the firmware ones */
	uint64_t configured;    /* mapped to an event */
	uint64_t started;       /* counting (subset of configured) */
	uint64_t overflowed;    /* overflowed since last started (hw, Sscofpmf only) */
	bool lcofi_pending;     /* LCOFI raised for the guest, not yet answered */
	struct pmu_ctr ctr[PMU_MAX_CTRS];
	struct pmu_snapshot snap;
};

void pmu_vcpu_init(struct vcpu_pmu *p, const struct pmu_host *h, struct guest_mem *gm);
/* Teardown step 2 (also of an SRST reboot, which then inits a fresh vcpu PMU):
 * every counter stopped and unconfigured (host counters released), firmware
 * counts cleared, snapshot area forgotten; then the vcpu PMU is dead (later
 * calls fail). No guest memory access of any kind, also when the memory is
 * already closed. */
void pmu_vcpu_deinit(struct vcpu_pmu *p);

/* A guest ecall with a7 = SBI_EXT_PMU; a[] = a0..a5. */
struct sbiret pmu_sbi_call(struct vcpu_pmu *p, unsigned long fid, const unsigned long a[6]);
/* The hypervisor handled a firmware event (SBI_PMU_FW_*) for this vcpu. */
void pmu_fw_count(struct vcpu_pmu *p, unsigned fw_event_code);

/* hcounteren bits the guest may read directly now: its started hardware
 * counters. The caller ORs in TM. Started hardware counters count on the host
 * counter of the same index: the guest may read the CSR itself. Stopped ones
 * must trap so the saved value is returned (a stopped QEMU counter reads
 * stale). Inline: it follows every PMU call. */
static inline unsigned long pmu_hcounteren(const struct vcpu_pmu *p)
{
	return (unsigned long)(p->started & p->hw_mask);
}
/* A trapped guest read of counter CSR cycle+counter (0..31). 0: *val is the
 * guest's value; -1: not a configured counter, inject illegal instruction. */
int  pmu_counter_csr_read(struct vcpu_pmu *p, unsigned counter, uint64_t *val);
/* Host LCOFI taken in HS: records which started counters of this vcpu
 * overflowed (scountovf) and clears the host's sip.LCOFIP. True: set hvip bit
 * 13 for the guest (only ever when lcofi_to_vs). The guest then reads
 * scountovf itself: in VS the hart shows only the bits hcounteren opens,
 * i.e. its own started counters (pmu_hcounteren). */
bool pmu_overflow_irq(struct vcpu_pmu *p);
/* Whether hvip bit 13 should be set now: from an overflow reported by
 * pmu_overflow_irq until the guest's next counter_start or counter_stop (its
 * overflow handler stops, reads and restarts counters). The caller writes
 * hvip bit 13 from this after every PMU call, like hcounteren. */
bool pmu_lcofi_pending(const struct vcpu_pmu *p);

#endif
