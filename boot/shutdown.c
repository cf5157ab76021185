#include "boot/shutdown.h"
#include "boot/sbi_call.h"

#define FINISHER_FAIL(code) (((uint32_t)(code) << 16) | 0x3333)

static volatile uint32_t *finisher;

void shutdown_use_finisher(uint64_t base)
{
	finisher = (volatile uint32_t *)(uintptr_t)base;
}

void machine_shutdown(bool failure)
{
	if (failure && finisher)
		*finisher = FINISHER_FAIL(1);
	sbi_ecall(SBI_EXT_SRST, SBI_SRST_RESET, SBI_SRST_TYPE_SHUTDOWN,
		  failure ? SBI_SRST_REASON_FAILURE : SBI_SRST_REASON_NONE, 0, 0, 0, 0);
	sbi_ecall(SBI_EXT_0_1_SHUTDOWN, 0, 0, 0, 0, 0, 0, 0);
	for (;;)
		asm volatile("wfi");
}
