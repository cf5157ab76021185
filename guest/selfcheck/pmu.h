/* What check_pmu() learned about the counters, and helpers the PMU checks
 * share. Masks cover counters 0..63; more are not checked. */
#ifndef SELFCHECK_PMU_H
#define SELFCHECK_PMU_H

#include <stdbool.h>

#include "sbi.h"

#define PMU_MAX_COUNTERS 64

struct pmu_state {
	bool present;			/* PMU probed and num_counters > 0 */
	unsigned long num;		/* num_counters */
	unsigned long info[PMU_MAX_COUNTERS];	/* counter_get_info values */
	unsigned long hw_mask, fw_mask;	/* counters described as hardware / firmware */
	bool cycles_ok, instret_ok, fw_set_timer_ok;	/* config_matching found a counter */
};

extern struct pmu_state pmu;

/* Read the counter CSR (cycle, instret, hpmcounter3..31) by number. */
unsigned long pmu_csr_read(unsigned long csr);
/* Current value of counter idx: its CSR if hardware, fw_read if firmware. */
unsigned long pmu_value(unsigned long idx);
/* config_matching among the counters in mask, no flags besides extra. */
struct sbiret pmu_config(unsigned long mask, unsigned long extra_flags, unsigned long event);
/* Stop counter idx with RESET whatever its state, so it is free again. */
void pmu_release(unsigned long idx);
/* "0,2-18" */
const char *pmu_mask_str(unsigned long mask);
/* Spend some time so running counters move. */
void pmu_busy(void);

#endif
