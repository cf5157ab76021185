/* Fake firmware PMU for host tests: see fake_pmu_hw.h. Models OpenSBI 1.1's
 * sbi_pmu.c rules closely enough that the hypervisor's distrust is exercised. */
#include "fake_pmu_hw.h"
#include <string.h>

struct fake_pmu fake_pmu;

#define BIT(i) (1ull << (i))

void fake_pmu_boot(bool sscofpmf)
{
	memset(&fake_pmu, 0, sizeof(fake_pmu));
	fake_pmu.present = true;
	fake_pmu.sscofpmf = sscofpmf;
	fake_pmu.lcofi_to_hs = sscofpmf;  /* QEMU 7.2: OpenSBI delegates it, sie.13 sticks */
	/* QEMU 7.2 virt: cycles/instructions also on hpmcounters with Sscofpmf. */
	fake_pmu.ev[0].event_idx = EV_CYCLES;
	fake_pmu.ev[0].counters = sscofpmf ? 0x7fff9 : 0x1;
	fake_pmu.ev[1].event_idx = EV_INSTR;
	fake_pmu.ev[1].counters = sscofpmf ? 0x7fffc : 0x4;
	fake_pmu.ev[2].event_idx = EV_DTLB_RD_MISS;
	fake_pmu.ev[2].counters = HPM_MASK;
	/* OpenSBI: cycle and instret mapped and counting, the rest inhibited. */
	fake_pmu.active[0] = EV_CYCLES;
	fake_pmu.active[2] = EV_INSTR;
	fake_pmu.inhibit = ~(BIT(0) | BIT(2));
	fake_pmu.csr[0] = 640195550699985ull;  /* host ticks since boot */
	fake_pmu.csr[2] = 123456789ull;
}

void fake_pmu_tick(uint64_t n)
{
	for (unsigned i = 0; i < FAKE_HW; i++) {
		if (i == 1 || !fake_running(i))
			continue;
		uint64_t before = fake_pmu.csr[i];
		fake_pmu.csr[i] += n;
		/* Sscofpmf: a programmable counter that wraps sets its OF bit and,
		 * if OF was clear, raises LCOFI; a set OF keeps it quiet. */
		if (fake_pmu.sscofpmf && i >= 3 && fake_pmu.csr[i] < before &&
		    !(fake_pmu.scountovf & BIT(i))) {
			fake_pmu.scountovf |= BIT(i);
			fake_pmu.lcofip = true;
		}
	}
}

bool pmu_hw_present(void)
{
	return fake_pmu.present;
}

struct sbiret pmu_hw_num_counters(void)
{
	fake_pmu.n_calls++;
	return (struct sbiret){ 0, FAKE_ALL };
}

struct sbiret pmu_hw_get_info(unsigned long idx)
{
	fake_pmu.n_calls++;
	if (idx >= FAKE_ALL || idx == 1)
		return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
	if (fake_pmu.info_override[idx])
		return (struct sbiret){ 0, (long)fake_pmu.info_override[idx] };
	if (idx < FAKE_HW)
		return (struct sbiret){ 0, (long)((63UL << 12) | (0xc00 + idx)) };
	return (struct sbiret){ 0, (long)((1UL << 63) | (63UL << 12)) };
}

static int fls_ul(unsigned long m)
{
	return m ? 64 - __builtin_clzl(m) - 1 : 0;
}

static void write_ctr(unsigned i, uint64_t v)
{
	fake_pmu.csr[i] = v;
	fake_pmu.last_written[i] = v;
	fake_pmu.first_read_after_stop[i] = false;
}

static long start_hw(unsigned i, uint64_t v, bool update)
{
	if (fake_running(i))
		return SBI_ERR_ALREADY_STARTED;   /* value not written */
	fake_pmu.inhibit &= ~BIT(i);
	/* OpenSBI clears OF on start unless an LCOFI is still pending */
	if (!fake_pmu.lcofip)
		fake_pmu.scountovf &= ~BIT(i);
	if (update)
		write_ctr(i, v);
	return 0;
}

static long find_hw(unsigned long base, unsigned long mask, unsigned long ev)
{
	if (base >= FAKE_HW)
		return SBI_ERR_INVALID_PARAM;
	long fixed = ev == EV_CYCLES ? 0 : ev == EV_INSTR ? 2 : -1;
	if (fixed >= 0 && !fake_pmu.sscofpmf)
		return fixed;                     /* whatever the mask says */
	long found = -1;
	for (int e = 0; e < FAKE_MAX_EVENTS; e++) {
		if (!fake_pmu.ev[e].counters || fake_pmu.ev[e].event_idx != ev)
			continue;
		uint64_t m = fake_pmu.ev[e].counters & ((uint64_t)mask << base) & ~7ull;
		for (unsigned i = 0; i < FAKE_HW; i++)
			if ((m & BIT(i)) && !fake_mapped(i) && !fake_running(i))
				found = i;        /* OpenSBI keeps the last one */
	}
	if (found < 0)
		return fixed >= 0 ? fixed : SBI_ERR_NOT_SUPPORTED;
	return found;
}

struct sbiret pmu_hw_config_matching(unsigned long base, unsigned long mask,
				     unsigned long flags, unsigned long ev, uint64_t data)
{
	fake_pmu.n_calls++;
	fake_pmu.n_config++;
	fake_pmu.last_cfg_flags = flags;
	if (base + fls_ul(mask) >= FAKE_ALL)
		return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
	long idx;
	if (flags & SBI_PMU_CFG_FLAG_SKIP_MATCH) {
		if (!fake_mapped(base))
			return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
		idx = (long)base;
	} else if (fake_pmu.answer_override && (mask & (mask - 1))) {
		idx = fake_pmu.answer_override - 1;
	} else if ((ev >> 16) == 15) {
		idx = SBI_ERR_NOT_SUPPORTED;
		for (unsigned i = 0; i < 64; i++)
			if ((mask & BIT(i)) && base + i >= FAKE_HW && base + i < FAKE_ALL &&
			    !fake_mapped(base + i)) {
				idx = (long)(base + i);
				break;
			}
	} else {
		idx = find_hw(base, mask, ev);
	}
	if (idx < 0)
		return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
	fake_pmu.active[idx] = (uint32_t)ev;
	if (idx < FAKE_HW) {
		if (flags & SBI_PMU_CFG_FLAG_CLEAR_VALUE)
			write_ctr((unsigned)idx, 0);
		if (flags & SBI_PMU_CFG_FLAG_AUTO_START)
			start_hw((unsigned)idx, 0, false);
	}
	return (struct sbiret){ 0, idx };
}

struct sbiret pmu_hw_start(unsigned idx, uint64_t value)
{
	fake_pmu.n_calls++;
	fake_pmu.n_start++;
	if (idx >= FAKE_ALL || !fake_mapped(idx))
		return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
	if (idx >= FAKE_HW || idx == 1)
		return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
	return (struct sbiret){ start_hw(idx, value, true), 0 };
}

struct sbiret pmu_hw_stop(unsigned idx, bool reset)
{
	fake_pmu.n_calls++;
	fake_pmu.n_stop++;
	if (idx >= FAKE_ALL || !fake_mapped(idx))
		return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
	long err = 0;
	if (idx < FAKE_HW) {
		if (fake_running(idx)) {
			fake_pmu.inhibit |= BIT(idx);
			fake_pmu.first_read_after_stop[idx] = true;
		} else {
			err = SBI_ERR_ALREADY_STOPPED;
		}
	}
	if (reset) {
		fake_pmu.active[idx] = 0;
		fake_pmu.scountovf &= ~BIT(idx);  /* mhpmevent written 0 */
		fake_pmu.reset_done |= BIT(idx);
	}
	return (struct sbiret){ err, 0 };
}

uint64_t pmu_hw_read(unsigned idx)
{
	fake_pmu.n_read++;
	if (idx >= FAKE_HW)
		return 0;
	if (fake_running(idx))
		return fake_pmu.csr[idx];
	/* QEMU 7.2: the first read after stop is the count, then stale. */
	if (fake_pmu.first_read_after_stop[idx]) {
		fake_pmu.first_read_after_stop[idx] = false;
		return fake_pmu.csr[idx];
	}
	return fake_pmu.last_written[idx];
}

unsigned long pmu_hw_overflow_bits(void)
{
	return fake_pmu.scountovf;
}

void pmu_hw_lcofi_clear(void)
{
	fake_pmu.n_lcofi_clear++;
	fake_pmu.lcofip = false;
}

void pmu_hw_probe_irq(struct pmu_hw_irq_probe *r, bool ssaia)
{
	r->lcofi_to_hs = fake_pmu.lcofi_to_hs;
	r->hvien13 = r->hvip13 = false;
	if (!ssaia)
		return;  /* hvien would trap */
	fake_pmu.n_hvien_probe++;
	r->hvien13 = fake_pmu.hvien13;
	r->hvip13 = fake_pmu.hvien13 && fake_pmu.hvip13;
}

void pmu_hw_lcofi_vs_enable(void)
{
	fake_pmu.n_lcofi_vs_enable++;
}
