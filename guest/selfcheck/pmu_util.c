#include <stdio.h>

#include "csr.h"
#include "pmu.h"

#define CSR_CYCLE 0xc00

struct pmu_state pmu;

unsigned long pmu_csr_read(unsigned long csr)
{
	/* csrr takes the CSR number as an immediate: one case per counter CSR. */
#define C(n) case CSR_CYCLE + (n): return csr_read_num(CSR_CYCLE + (n));
#define C4(n) C(n) C(n + 1) C(n + 2) C(n + 3)
	switch (csr) {
	C4(0) C4(4) C4(8) C4(12) C4(16) C4(20) C4(24) C4(28)
	}
#undef C4
#undef C
	return 0;
}

unsigned long pmu_value(unsigned long idx)
{
	if (pmu.info[idx] & PMU_INFO_FW)
		return sbi_pmu_fw_read(idx).value;
	return pmu_csr_read(PMU_INFO_CSR(pmu.info[idx]));
}

struct sbiret pmu_config(unsigned long mask, unsigned long extra_flags, unsigned long event)
{
	return sbi_pmu_cfg_match(0, mask, extra_flags, event, 0);
}

/* A stopped counter may refuse a RESET stop as ALREADY_STOPPED without
 * resetting: start it first (ALREADY_STARTED is fine too). */
void pmu_release(unsigned long idx)
{
	sbi_pmu_start(idx, 1, 0, 0);
	sbi_pmu_stop(idx, 1, SBI_PMU_STOP_FLAG_RESET);
}

const char *pmu_mask_str(unsigned long mask)
{
	static char buf[128];
	unsigned len = 0;

	buf[0] = '\0';
	for (unsigned i = 0; i < PMU_MAX_COUNTERS && len < sizeof(buf); i++) {
		unsigned j = i;

		if (!(mask >> i & 1))
			continue;
		while (j + 1 < PMU_MAX_COUNTERS && (mask >> (j + 1) & 1))
			j++;
		if (j > i)
			len += snprintf(buf + len, sizeof(buf) - len, "%s%u-%u", len ? "," : "", i, j);
		else
			len += snprintf(buf + len, sizeof(buf) - len, "%s%u", len ? "," : "", i);
		i = j;
	}
	return len ? buf : "none";
}

void pmu_busy(void)
{
	for (volatile unsigned i = 0; i < 1000; i++)
		;
}
