/* Counter overflow (Sscofpmf) for guests: whether the hart can deliver it,
 * and the host LCOFI taken in HS while a guest runs.
 *
 * The path: a guest counter is the host counter of the same index; when it
 * wraps the hart sets its mhpmevent.OF and raises LCOFI (13), which the
 * firmware delegates to HS. hideleg cannot hand LCOFI to VS (QEMU's
 * VS-delegable mask leaves it out, and HS must see it anyway to keep the
 * snapshot's overflow bitmap), so HS takes it, records which of this vcpu's
 * started counters overflowed, and raises it for the guest in hvip bit 13 -
 * which exists only where hvien bit 13 can be set (AIA, Ssaia). The guest's
 * sip.LCOFIP is then that hvip bit: its own clear withdraws it; hpmvisor
 * withdraws it too on the guest's next counter_start or counter_stop. */
#include "pmu/pmu_internal.h"
#include "pmu/pmu_hw.h"

void pmu_overflow_probe(struct pmu_host *h, struct pmu_host_isa isa)
{
	struct pmu_hw_irq_probe irq;
	pmu_hw_probe_irq(&irq, isa.ssaia);
	/* With Sscofpmf the firmware writes the inhibit bits to mhpmevent;
	 * without, it would take them for event bits. */
	h->filters = isa.sscofpmf;
	/* The first link of the chain that is missing, in the order a counter
	 * overflow travels: hart, HS, hvien, hvip. */
	if (!isa.sscofpmf)
		h->lcofi_why = "no Sscofpmf";
	else if (!irq.lcofi_to_hs)
		h->lcofi_why = "sie.LCOFIE not writable: no LCOFI reaches HS";
	else if (!isa.ssaia)
		h->lcofi_why = "hvien.LCOFI not writable: needs Ssaia";
	else if (!irq.hvien13)
		h->lcofi_why = "hvien.LCOFI not writable";
	else if (!irq.hvip13)
		h->lcofi_why = "hvip.LCOFI not writable with hvien.LCOFI set";
	else
		h->lcofi_why = NULL;
	h->lcofi_to_vs = h->lcofi_why == NULL;
}

bool pmu_host_lcofi_to_vs(const struct pmu_host *h)
{
	return h->lcofi_to_vs;
}

void pmu_host_vcpu_load(const struct pmu_host *h)
{
	if (h->lcofi_to_vs)
		pmu_hw_lcofi_vs_enable();
}

uint64_t pmu_host_overflow_bits(const struct pmu_host *h)
{
	/* scountovf exists only with Sscofpmf; reading it otherwise would trap. */
	return h->filters ? pmu_hw_overflow_bits() : 0;
}

bool pmu_overflow_irq(struct vcpu_pmu *p)
{
	/* Clear, then look: a counter overflowing in between raises LCOFI
	 * again instead of being lost. Only this vcpu's started hardware
	 * counters: a stopped or foreign counter's OF bit is not news for the guest. */
	pmu_hw_lcofi_clear();
	uint64_t ovf = pmu_host_overflow_bits(p->host) & p->started & p->hw_mask;
	p->overflowed |= ovf;
	if (p->host->lcofi_to_vs && ovf)
		p->lcofi_pending = true;
	return p->lcofi_pending;
}

bool pmu_lcofi_pending(const struct vcpu_pmu *p)
{
	return p->lcofi_pending;
}
