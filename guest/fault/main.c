/* A guest that touches memory it was never given: the hypervisor must stop
 * it and say so. If the load returns, or the fault comes back to the guest
 * as a trap (the runtime reports that), nothing stopped it: exit failing. */
#include <stdio.h>

#include "runtime.h"

/* Nothing is ever mapped at guest physical address 0. */
#define UNMAPPED_GPA 0x0UL

int guest_main(void)
{
	unsigned long val;

	printf("guest-fault: loading from unmapped GPA 0x%lx; the hypervisor must stop this guest\n",
	       UNMAPPED_GPA);
	__asm__ volatile("ld %0, 0(%1)" : "=r"(val) : "r"(UNMAPPED_GPA) : "memory");
	printf("guest-fault: FAILED: the load returned 0x%lx and the guest kept running\n", val);
	return 1;
}
