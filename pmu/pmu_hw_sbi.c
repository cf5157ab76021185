/* The hardware layer for real: the firmware's SBI PMU by ecall and the counter
 * CSRs by CSR instructions. One raw operation per function; checking the
 * answers is pmu_host.c's job. */
#include "pmu/pmu_hw.h"
#include "boot/csr.h"

#define CSR_SCOUNTOVF 0xda0 /* Sscofpmf; binutils 2.40 may not know the name */
#define CSR_HVIEN     0x608 /* Ssaia; neither */

static struct sbiret pmu_ecall(unsigned long fid, unsigned long a0, unsigned long a1,
			       unsigned long a2, unsigned long a3, unsigned long a4)
{
	return sbi_ecall(SBI_EXT_PMU, fid, a0, a1, a2, a3, a4, 0);
}

bool pmu_hw_present(void)
{
	struct sbiret r = sbi_ecall(SBI_EXT_BASE, SBI_BASE_PROBE_EXT, SBI_EXT_PMU, 0, 0, 0, 0, 0);
	return !r.error && r.value != 0;
}

struct sbiret pmu_hw_num_counters(void)
{
	return pmu_ecall(SBI_PMU_NUM_COUNTERS, 0, 0, 0, 0, 0);
}

struct sbiret pmu_hw_get_info(unsigned long idx)
{
	return pmu_ecall(SBI_PMU_COUNTER_GET_INFO, idx, 0, 0, 0, 0);
}

struct sbiret pmu_hw_config_matching(unsigned long base, unsigned long mask,
				     unsigned long flags, unsigned long event_idx,
				     uint64_t event_data)
{
	/* rv64: event_data fits a4 whole. */
	return pmu_ecall(SBI_PMU_COUNTER_CFG_MATCH, base, mask, flags, event_idx,
			 (unsigned long)event_data);
}

struct sbiret pmu_hw_start(unsigned idx, uint64_t value)
{
	return pmu_ecall(SBI_PMU_COUNTER_START, idx, 1, SBI_PMU_START_FLAG_SET_INIT_VALUE,
			 (unsigned long)value, 0);
}

struct sbiret pmu_hw_stop(unsigned idx, bool reset)
{
	return pmu_ecall(SBI_PMU_COUNTER_STOP, idx, 1, reset ? SBI_PMU_STOP_FLAG_RESET : 0, 0, 0);
}

/* csrr takes the CSR number as an immediate: one case per counter. */
#define HPM(n) case n: return csr_read(hpmcounter##n)
uint64_t pmu_hw_read(unsigned idx)
{
	switch (idx) {
	case 0: return csr_read(cycle);
	case 1: return csr_read(time);
	case 2: return csr_read(instret);
	HPM(3);  HPM(4);  HPM(5);  HPM(6);  HPM(7);  HPM(8);  HPM(9);  HPM(10);
	HPM(11); HPM(12); HPM(13); HPM(14); HPM(15); HPM(16); HPM(17); HPM(18);
	HPM(19); HPM(20); HPM(21); HPM(22); HPM(23); HPM(24); HPM(25); HPM(26);
	HPM(27); HPM(28); HPM(29); HPM(30); HPM(31);
	default: return 0;
	}
}
#undef HPM

unsigned long pmu_hw_overflow_bits(void)
{
	/* Callers only ask when the probe saw Sscofpmf: without it the CSR
	 * does not exist and the read would trap. */
	unsigned long v;
	asm volatile("csrr %0, %1" : "=r"(v) : "i"(CSR_SCOUNTOVF));
	return v;
}

void pmu_hw_lcofi_clear(void)
{
	csr_clear(sip, MIP_BIT(IRQ_LCOFI));
}

/* Whether bit 13 of a CSR sticks; the CSR is left as it was. */
#define BIT_STICKS(csr, bit) ({ \
	unsigned long __old = csr_read(csr); \
	csr_set(csr, (bit)); \
	bool __ok = (csr_read(csr) & (bit)) != 0; \
	csr_write(csr, __old); \
	__ok; })

void pmu_hw_probe_irq(struct pmu_hw_irq_probe *r, bool ssaia)
{
	unsigned long bit = MIP_BIT(IRQ_LCOFI);
	/* sie.LCOFIE is writable only when the firmware delegates LCOFI (OpenSBI
	 * does when the hart has Sscofpmf) and the hart implements mie.LCOFIE. */
	r->lcofi_to_hs = BIT_STICKS(sie, bit);
	r->hvien13 = r->hvip13 = false;
	if (!ssaia)
		return;
	unsigned long hvien;
	asm volatile("csrr %0, %1" : "=r"(hvien) : "i"(CSR_HVIEN));
	asm volatile("csrs %0, %1" :: "i"(CSR_HVIEN), "r"(bit));
	unsigned long now;
	asm volatile("csrr %0, %1" : "=r"(now) : "i"(CSR_HVIEN));
	r->hvien13 = (now & bit) != 0;
	/* hvip bit 13 is writable only while hvien bit 13 is set (AIA):
	 * probe it then. */
	r->hvip13 = r->hvien13 && BIT_STICKS(hvip, bit);
	asm volatile("csrw %0, %1" :: "i"(CSR_HVIEN), "r"(hvien));
}

void pmu_hw_lcofi_vs_enable(void)
{
	asm volatile("csrs %0, %1" :: "i"(CSR_HVIEN), "r"(MIP_BIT(IRQ_LCOFI)));
}
