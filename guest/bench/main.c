/* Cost of one trip through the SBI implementation, in instructions retired
 * (deterministic under `qemu -icount shift=0`, DESIGN.md "Measuring"):
 *   - a null SBI call (BASE get_spec_version), ecall to return;
 *   - the reference: an ebreak taken by a minimal S-mode handler of our own.
 * Prints one "bench:" line per measurement for scripts/bench.sh. */
#include <stdio.h>
#include "csr.h"
#include "runtime.h"
#include "sbi.h"

#define ROUNDS 64

void bench_trap_entry(void);  /* below: skips the ebreak, returns */
__asm__(".balign 4\n"
	"bench_trap_entry:\n"
	"  csrw sscratch, t0\n"
	"  csrr t0, sepc\n"
	"  addi t0, t0, 4\n"
	"  csrw sepc, t0\n"
	"  csrr t0, sscratch\n"
	"  sret\n");

static inline unsigned long rdinstret(void)
{
	return csr_read(instret);
}

/* Smallest cost over ROUNDS, minus the cost of the two reads themselves. */
#define MEASURE(result, body) do {                                              \
	unsigned long best = ~0UL, empty = ~0UL;                                \
	for (int i = 0; i < ROUNDS; i++) {                                      \
		unsigned long t0 = rdinstret();                                 \
		unsigned long t1 = rdinstret();                                 \
		if (t1 - t0 < empty) empty = t1 - t0;                           \
		t0 = rdinstret();                                               \
		body;                                                           \
		t1 = rdinstret();                                               \
		if (t1 - t0 < best) best = t1 - t0;                             \
	}                                                                       \
	(result) = best - empty;                                                \
} while (0)

static long null_call(void)
{
	register unsigned long a0 __asm__("a0");
	register unsigned long a6 __asm__("a6") = SBI_BASE_GET_SPEC_VERSION;
	register unsigned long a7 __asm__("a7") = SBI_EXT_BASE;
	__asm__ volatile("ecall" : "=r"(a0) : "r"(a6), "r"(a7) : "a1", "memory");
	return (long)a0;
}

int guest_main(void)
{
	/* instret must be a running counter the guest may read: ask the PMU for it. */
	struct sbiret r = sbi_pmu_cfg_match(0, 1UL << 2, SBI_PMU_CFG_FLAG_AUTO_START, PMU_EV_INSTRET, 0);
	if (r.error || r.value != 2) {
		printf("bench: cannot measure: PMU gave no instret counter (error %ld, counter %ld)\n",
		       r.error, r.value);
		return 1;
	}
	unsigned long ecall_cost, trap_cost;
	MEASURE(ecall_cost, null_call());

	unsigned long saved = csr_read(stvec);
	csr_write(stvec, (unsigned long)bench_trap_entry);
	MEASURE(trap_cost, __asm__ volatile(".option push\n.option norvc\nebreak\n.option pop" ::: "memory"));
	csr_write(stvec, saved);

	printf("bench: null SBI call round trip: %lu instructions\n", ecall_cost);
	printf("bench: minimal S-mode trap handler round trip: %lu instructions\n", trap_cost);
	return 0;
}
