/* The hardware layer: the firmware's SBI PMU and the counter CSRs as HS-mode
 * sees them, one raw call each, no policy. pmu/pmu_hw_sbi.c implements it with
 * ecalls and CSR instructions; host tests link tests/unit/fake_pmu_hw.c, which
 * behaves like OpenSBI 1.1 on QEMU 7.2, quirks included. Everything that does
 * not trust the answers lives in pmu_host.c, where it can be tested. */
#ifndef PMU_PMU_HW_H
#define PMU_PMU_HW_H
#include <stdbool.h>
#include <stdint.h>
#include "boot/sbi_call.h"

/* BASE probe_extension(PMU) != 0. */
bool pmu_hw_present(void);
struct sbiret pmu_hw_num_counters(void);
struct sbiret pmu_hw_get_info(unsigned long idx);
struct sbiret pmu_hw_config_matching(unsigned long base, unsigned long mask,
				     unsigned long flags, unsigned long event_idx,
				     uint64_t event_data);
/* counter_start of one counter with SET_INIT_VALUE. */
struct sbiret pmu_hw_start(unsigned idx, uint64_t value);
/* counter_stop of one counter, with RESET when reset. */
struct sbiret pmu_hw_stop(unsigned idx, bool reset);
/* CSR cycle+idx as HS-mode reads it. */
uint64_t pmu_hw_read(unsigned idx);

/* Sscofpmf: scountovf (counters with their overflow bit set); 0 without it. */
unsigned long pmu_hw_overflow_bits(void);
/* Clears sip.LCOFIP after a host LCOFI. */
void pmu_hw_lcofi_clear(void);

struct pmu_hw_irq_probe {
	bool lcofi_to_hs;  /* sie bit 13 sticks: LCOFI is delegated to S and can be enabled */
	bool hvien13;      /* hvien bit 13 sticks (AIA: HS may raise LCOFI in VS) */
	bool hvip13;       /* hvip bit 13 sticks while hvien bit 13 is set */
};
/* Sets, reads back and restores the bits; leaves everything as it found it.
 * hvien exists only with Ssaia (an access traps otherwise): without ssaia it
 * is not touched and hvien13/hvip13 are false. */
void pmu_hw_probe_irq(struct pmu_hw_irq_probe *r, bool ssaia);
/* Sets hvien bit 13 on this hart, so that hvip bit 13 raises LCOFI in VS (and
 * the guest's sip.LCOFIP is that bit). Only where the probe saw it stick. */
void pmu_hw_lcofi_vs_enable(void);

#endif
