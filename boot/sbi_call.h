/* An SBI call: from the hypervisor (HS-mode) down to the firmware, and from the
 * guests up to whatever implements their SBI. "memory": the callee may read or
 * write the caller's buffers (DBCN, PMU shared memory). */
#ifndef BOOT_SBI_CALL_H
#define BOOT_SBI_CALL_H
#include "boot/sbi_abi.h"

/* Two registers, a0/a1, as ever; aligned(16) only because GCC 12 then passes it
 * through a tail call without a stack frame (two instructions on every SBI call). */
struct sbiret {
	long error;
	long value;
} __attribute__((aligned(16)));

#ifndef HOST_TEST
static inline struct sbiret sbi_ecall(unsigned long eid, unsigned long fid,
				      unsigned long arg0, unsigned long arg1,
				      unsigned long arg2, unsigned long arg3,
				      unsigned long arg4, unsigned long arg5)
{
	register unsigned long a0 asm("a0") = arg0;
	register unsigned long a1 asm("a1") = arg1;
	register unsigned long a2 asm("a2") = arg2;
	register unsigned long a3 asm("a3") = arg3;
	register unsigned long a4 asm("a4") = arg4;
	register unsigned long a5 asm("a5") = arg5;
	register unsigned long a6 asm("a6") = fid;
	register unsigned long a7 asm("a7") = eid;
	asm volatile("ecall"
		     : "+r"(a0), "+r"(a1)
		     : "r"(a2), "r"(a3), "r"(a4), "r"(a5), "r"(a6), "r"(a7)
		     : "memory");
	return (struct sbiret){ .error = (long)a0, .value = (long)a1 };
}
#else
/* Host unit tests: the firmware is tests/unit/fake_hart.c's. */
struct sbiret sbi_ecall(unsigned long eid, unsigned long fid, unsigned long arg0, unsigned long arg1,
			unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5);
#endif

#endif
