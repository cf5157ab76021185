/* IPI: an IPI to this hart arrives as a supervisor software interrupt, with
 * either way of naming the hart; an invalid hart mask base is rejected. */
#include <stdio.h>

#include "checks.h"
#include "csr.h"
#include "harness.h"
#include "runtime.h"
#include "sbi.h"
#include "trap.h"

static volatile unsigned soft_irqs;

/* SSIP is software-owned: the handler acknowledges it. */
static void on_soft(void)
{
	csr_clear(sip, SIP_SSIP);
	soft_irqs++;
}

static void check_self_ipi(unsigned long mask, unsigned long base)
{
	char what[96];
	struct sbiret r;
	bool arrived;

	soft_irqs = 0;
	r = sbi_ecall(SBI_EXT_IPI, SBI_IPI_SEND_IPI, mask, base, 0, 0, 0, 0);
	arrived = irq_wait(&soft_irqs, MS(10));
	snprintf(what, sizeof(what), "ipi: send_ipi(mask 0x%lx, base %lu) to self raises SSIP", mask, base);
	check(!r.error && arrived, what, "got: %s, %s expected: SBI_SUCCESS and an interrupt within 10 ms",
	      sbi_err_name(r.error), arrived ? "interrupt" : "no interrupt");
}

void check_ipi(void)
{
	if (!sbi_probe(SBI_EXT_IPI)) {
		skip("ipi: all checks", "IPI not offered (probe = 0)");
		return;
	}
	trap_set_irq_handler(IRQ_S_SOFT, on_soft);
	csr_set(sie, SIE_SSIE);
	if (env.hartid < 64)
		check_self_ipi(1UL << env.hartid, 0);
	if (env.hartid != 0)	/* the same call as above for hart 0 */
		check_self_ipi(1, env.hartid);
	csr_clear(sie, SIE_SSIE);
	check_err("ipi: send_ipi with hart_mask_base 0x7fff (no such hart) -> INVALID_PARAM",
		  sbi_ecall(SBI_EXT_IPI, SBI_IPI_SEND_IPI, 1, INVALID_HART, 0, 0, 0, 0),
		  SBI_ERR_INVALID_PARAM);
}
