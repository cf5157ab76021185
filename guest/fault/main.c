/* A guest that touches memory it was never given: the hypervisor must stop
 * it and say so. If the load returns, or the fault comes back to the guest
 * as a trap (the runtime reports that), nothing stopped it: exit failing.
 * With the bootargs word "on-hart1" hart 1 does the load while this hart
 * runs on, so the whole VM must be stopped from the other hart. With
 * "uart-word", "uart-amo" or "past-uart" it misuses the emulated UART at
 * 0x10000000 instead: a 4-byte load of a byte register, an AMO on it, a load
 * just past its 8 registers. Each must stop the VM just the same. */
#include <stdio.h>

#include "console.h"
#include "runtime.h"
#include "smp.h"
#include "wait.h"

/* Nothing is ever mapped at guest physical address 0. */
#define UNMAPPED_GPA 0x0UL

static unsigned long load_unmapped(void)
{
	unsigned long val;

	__asm__ volatile("ld %0, 0(%1)" : "=r"(val) : "r"(UNMAPPED_GPA) : "memory");
	return val;
}

static void load_on_this_hart(unsigned long hartid __attribute__((unused)), void *arg __attribute__((unused)))
{
	load_unmapped();
}

static int fault_on_hart1(void)
{
	/* Said before the start: hart 1 may stop the VM before this hart prints again. */
	printf("guest-fault: starting hart 1 to load from unmapped GPA 0x%lx\n", UNMAPPED_GPA);
	console_flush();
	struct sbiret r = smp_hart_start(1, load_on_this_hart, NULL);
	struct wait w;

	wait_begin(&w, 2 * env.timebase_hz);
	while (!r.error && wait_more(&w))
		;
	printf("guest-fault: FAILED: hart_start(1): %s, or hart 0 still running 2 s later\n",
	       sbi_err_name(r.error));
	return 1;
}

#define UART_GPA 0x10000000UL  /* hyp/mmio.h MMIO_UART_GPA */

/* Said before the access: the VM stops in it. */
static void announce(const char *what)
{
	printf("guest-fault: %s; the hypervisor must stop this guest\n", what);
	console_flush();
}

static int misuse_uart(void)
{
	unsigned long val = 0, gpa = UART_GPA;
	const char *what;

	if (bootarg("uart-word")) {
		announce(what = "a 4-byte load of UART register 0");
		__asm__ volatile("lw %0, 0(%1)" : "=r"(val) : "r"(gpa) : "memory");
	} else if (bootarg("uart-amo")) {
		announce(what = "an AMO on UART register 0");
		__asm__ volatile("amoor.w %0, %0, (%1)" : "+r"(val) : "r"(gpa) : "memory");
	} else {
		announce(what = "a byte load just past the UART's registers");
		__asm__ volatile("lbu %0, 8(%1)" : "=r"(val) : "r"(gpa) : "memory");
	}
	printf("guest-fault: FAILED: %s returned 0x%lx and the guest kept running\n", what, val);
	return 1;
}

int guest_main(void)
{
	if (bootarg("on-hart1"))
		return fault_on_hart1();
	if (bootarg("uart-word") || bootarg("uart-amo") || bootarg("past-uart"))
		return misuse_uart();
	printf("guest-fault: loading from unmapped GPA 0x%lx; the hypervisor must stop this guest\n",
	       UNMAPPED_GPA);
	unsigned long val = load_unmapped();
	printf("guest-fault: FAILED: the load returned 0x%lx and the guest kept running\n", val);
	return 1;
}
