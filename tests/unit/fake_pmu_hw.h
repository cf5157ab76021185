/* A fake firmware PMU behind pmu/pmu_hw.h, behaving like OpenSBI 1.1 on QEMU
 * 7.2 as measured: counters 0 cycle, 1 (none), 2 instret, 3..18 hpmcounters,
 * 19..34 firmware; cycle/instret configured and running from boot;
 * config_matching answers 0/2 for cycles/instructions whatever the mask
 * (without Sscofpmf); start of a running counter fails ALREADY_STARTED and
 * ignores the value; stop of an unmapped counter fails INVALID_PARAM; a
 * stopped counter's CSR reads right once, then returns the last written value.
 * Plus helpers shared by the pmu tests. */
#ifndef FAKE_PMU_HW_H
#define FAKE_PMU_HW_H
#include <stdbool.h>
#include <stdint.h>
#include "pmu/pmu.h"
#include "pmu/pmu_hw.h"

#define FAKE_HW   19
#define FAKE_FW   16
#define FAKE_ALL  (FAKE_HW + FAKE_FW)
#define FAKE_MAX_EVENTS 8

struct fake_pmu {
	/* configuration, set before pmu_host_probe */
	bool present;
	bool sscofpmf, hvien13, hvip13;
	bool lcofi_to_hs;            /* sie.LCOFIE writable (false: QEMU 10.0.13) */
	unsigned n_hvien_probe;      /* probes that touched hvien */
	unsigned n_lcofi_vs_enable;  /* hvien bit 13 set for a vcpu */
	unsigned long info_override[FAKE_ALL]; /* non-zero: get_info answers this */
	struct { unsigned long event_idx; uint32_t counters; } ev[FAKE_MAX_EVENTS];
	/* counter state */
	uint32_t active[FAKE_ALL];   /* mapped event, 0 = none */
	uint64_t inhibit;            /* mcountinhibit: bit set = stopped */
	uint64_t csr[FAKE_HW];       /* the live count */
	uint64_t last_written[FAKE_HW];
	bool first_read_after_stop[FAKE_HW];
	unsigned long scountovf;     /* the OF bits */
	bool lcofip;                 /* the host's sip.LCOFIP */
	/* what the hypervisor did */
	unsigned n_config, n_start, n_stop, n_read, n_lcofi_clear, n_calls;
	unsigned long last_cfg_flags;
	uint64_t reset_done;         /* counters stopped with RESET (bitmap) */
	uint32_t answer_override;    /* index + 1 config_matching answers for sets of
	                               * more than one counter (0: off) */
};
extern struct fake_pmu fake_pmu;

/* OpenSBI boot state with QEMU's event map; sscof selects the variant. */
void fake_pmu_boot(bool sscofpmf);
/* Running hardware counters advance by n; with Sscofpmf a programmable one
 * that wraps sets its OF bit (scountovf) and raises lcofip. */
void fake_pmu_tick(uint64_t n);
static inline bool fake_running(unsigned i) { return !(fake_pmu.inhibit & (1ull << i)); }
static inline bool fake_mapped(unsigned i) { return fake_pmu.active[i] != 0; }

/* SBI call helper for tests. */
static inline struct sbiret pmu_call(struct vcpu_pmu *p, unsigned long fid, unsigned long a0,
				     unsigned long a1, unsigned long a2, unsigned long a3,
				     unsigned long a4)
{
	const unsigned long a[6] = { a0, a1, a2, a3, a4, 0 };
	return pmu_sbi_call(p, fid, a);
}

#define EV_HW(code)     ((unsigned long)(code))
#define EV_CACHE(code)  ((1UL << 16) | (code))
#define EV_FW(code)     ((15UL << 16) | (code))
#define EV_CYCLES       EV_HW(SBI_PMU_HW_CPU_CYCLES)
#define EV_INSTR        EV_HW(SBI_PMU_HW_INSTRUCTIONS)
#define EV_DTLB_RD_MISS EV_CACHE(0x19)  /* QEMU maps it to hpmcounter3..18 */
#define HPM_MASK        0x7fff8UL       /* counters 3..18 */
#define FW0             FAKE_HW         /* the guest's first firmware counter */

#endif
