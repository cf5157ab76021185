/* IPI: an IPI to this hart arrives as a supervisor software interrupt, with
 * either way of naming the hart; an invalid hart mask base is rejected; an
 * IPI reaches another hart, and one from there reaches this hart. */
#include <stdio.h>

#include "checks.h"
#include "csr.h"
#include "harness.h"
#include "other_hart.h"
#include "runtime.h"
#include "sbi.h"
#include "trap.h"

static volatile unsigned soft_irqs;	/* taken on this hart */
/* Of the other hart: ready for an IPI, IPIs it took, the answer to its
 * send_ipi back. */
static volatile unsigned other_ready, other_soft_irqs, other_sent;
static volatile long other_send_error;

/* SSIP is software-owned: the handler acknowledges it. */
static void on_soft(void)
{
	csr_clear(sip, SIP_SSIP);
	soft_irqs++;
}

static void on_other_soft(void)
{
	csr_clear(sip, SIP_SSIP);
	other_soft_irqs++;
}

/* The mask form for harts 0..63, the base form above. */
static struct sbiret send_ipi_to(unsigned long hart)
{
	return hart < 64 ? sbi_ecall(SBI_EXT_IPI, SBI_IPI_SEND_IPI, 1UL << hart, 0, 0, 0, 0, 0)
			 : sbi_ecall(SBI_EXT_IPI, SBI_IPI_SEND_IPI, 1, hart, 0, 0, 0, 0);
}

/* Runs on the other hart: take one IPI (SSIE and, while polling, SIE on),
 * answer it with one to this hart. A software interrupt left pending from
 * before its start is dropped, so only this hart's IPI can count. */
static void ipi_ping_pong(void)
{
	trap_set_irq_handler(IRQ_S_SOFT, on_other_soft);
	csr_clear(sip, SIP_SSIP);
	csr_set(sie, SIE_SSIE);
	other_ready = 1;
	if (irq_wait(&other_soft_irqs, MS(OTHER_WAIT_MS))) {
		other_send_error = send_ipi_to(env.hartid).error;
		other_sent = 1;
	}
	csr_clear(sie, SIE_SSIE);
}

static void check_cross_ipi(void)
{
	unsigned long other;
	char what[96];
	struct sbiret r;
	bool ready, there, here;

	if (!other_hart_pick("ipi: IPIs between this hart and another", &other))
		return;
	other_ready = other_soft_irqs = other_sent = soft_irqs = 0;
	if (!other_hart_start("ipi", "start", other, ipi_ping_pong))
		return;
	csr_set(sie, SIE_SSIE);
	ready = irq_wait(&other_ready, MS(OTHER_WAIT_MS));
	r = send_ipi_to(other);
	there = irq_wait(&other_soft_irqs, MS(OTHER_WAIT_MS));
	snprintf(what, sizeof(what), "ipi: send_ipi to hart %lu raises SSIP there", other);
	check(!r.error && there, what, "got: %s, %s expected: SBI_SUCCESS and an interrupt there within %u ms",
	      sbi_err_name(r.error), there ? "interrupt" : ready ? "no interrupt" : "it never enabled SSIE",
	      OTHER_WAIT_MS);
	/* Its send_ipi may return only after this hart took the interrupt. */
	here = irq_wait(&other_sent, MS(OTHER_WAIT_MS)) && irq_wait(&soft_irqs, MS(OTHER_WAIT_MS));
	snprintf(what, sizeof(what), "ipi: send_ipi from hart %lu raises SSIP here", other);
	check(here && !other_send_error, what,
	      "got: %s, %s expected: SBI_SUCCESS and an interrupt here within %u ms",
	      other_sent ? sbi_err_name(other_send_error) : "no send_ipi (it took no IPI)",
	      soft_irqs ? "interrupt" : "no interrupt", OTHER_WAIT_MS);
	csr_clear(sie, SIE_SSIE);
	other_hart_stop("ipi", other);
}

static void check_self_ipi(unsigned long mask, unsigned long base)
{
	char what[96];
	struct sbiret r;
	bool arrived;

	soft_irqs = 0;
	r = sbi_ecall(SBI_EXT_IPI, SBI_IPI_SEND_IPI, mask, base, 0, 0, 0, 0);
	arrived = irq_wait(&soft_irqs, MS(100)); /* generous: QEMU time is wall-clock time */
	snprintf(what, sizeof(what), "ipi: send_ipi(mask 0x%lx, base %lu) to self raises SSIP", mask, base);
	check(!r.error && arrived, what, "got: %s, %s expected: SBI_SUCCESS and an interrupt within 100 ms",
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
	check_cross_ipi();
}
