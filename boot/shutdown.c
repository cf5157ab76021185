#include "boot/shutdown.h"
#include "boot/sbi_call.h"

#define FINISHER_FAIL(code) (((uint32_t)(code) << 16) | 0x3333)

static volatile uint32_t *finisher;

void shutdown_use_finisher(uint64_t base)
{
	finisher = (volatile uint32_t *)(uintptr_t)base;
}

/* QEMU ends the machine a moment after the finisher is written, and the last
 * request wins: an SRST in that window (OpenSBI writes the finisher's "pass")
 * would turn the failure into exit status 0. So give QEMU that moment first;
 * the SRST below is for a finisher that did nothing. */
#define FINISHER_GRACE_SPINS (1u << 24)

void machine_shutdown(bool failure)
{
	if (failure && finisher) {
		*finisher = FINISHER_FAIL(1);
		for (volatile unsigned i = 0; i < FINISHER_GRACE_SPINS; i++)
			;
	}
	sbi_ecall(SBI_EXT_SRST, SBI_SRST_RESET, SBI_SRST_TYPE_SHUTDOWN,
		  failure ? SBI_SRST_REASON_FAILURE : SBI_SRST_REASON_NONE, 0, 0, 0, 0);
	sbi_ecall(SBI_EXT_0_1_SHUTDOWN, 0, 0, 0, 0, 0, 0, 0);
	for (;;)
		asm volatile("wfi");
}
