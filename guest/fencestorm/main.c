/* Fence-storm guest: many remote fences, then SRST shutdown, so that the
 * hypervisor's cross-hart waits (hart start, remote fences, teardown) are
 * driven hard; meant for several vcpus, also under `qemu -icount`.
 * Hart 0 makes FENCES_TO_SELF remote_fence_i calls naming only itself. With
 * the bootarg word "helpers" it first starts every other hart of the DTB,
 * each idling in wfi as an operating system's idle loop does, waits until all
 * of them say they run, and then makes FENCES_TO_ALL remote fences (fence.i
 * and sfence.vma in turn) naming every hart. Without "helpers" the other vcpus
 * are never started, so teardown finds them parked.
 * Waits sleep (set_timer and wfi) instead of spinning: under QEMU 7.2's
 * -icount a spinning hart leaves the harts after it no time to run. */
#include <stdio.h>

#include "console.h"
#include "csr.h"
#include "fdt.h"
#include "runtime.h"
#include "sbi.h"
#include "smp.h"

#define FENCES_TO_SELF 2000
#define FENCES_TO_ALL  200
#define START_WAIT_MS  1000

static struct fdt_range cpus[SMP_MAX_HARTS];
static volatile unsigned long running;	/* bit i: hart i is in idle() */

static void idle(unsigned long hartid, void *arg __attribute__((unused)))
{
	__atomic_fetch_or(&running, 1UL << hartid, __ATOMIC_RELEASE);
	for (;;)
		__asm__ volatile("wfi");
}

/* Sleep until the time CSR reaches `until`, woken by the supervisor timer
 * (SIE stays off: the interrupt only ends the wfi). */
static void sleep_until(unsigned long until)
{
	sbi_set_timer(until);
	csr_set(sie, SIE_STIE);
	while (rdtime() < until)
		__asm__ volatile("wfi");
	csr_clear(sie, SIE_STIE);
	sbi_set_timer(~0UL);
}

/* Start every hart but this one; 0 once all run, else what failed is said. */
static int start_helpers(int n, unsigned long all)
{
	int failed = 0;

	for (int i = 0; i < n; i++) {
		if (cpus[i].base == env.hartid)
			continue;
		struct sbiret r = smp_hart_start(cpus[i].base, idle, NULL);
		if (r.error) {
			printf("guest-fencestorm: FAILED: hart_start(%lu): %s\n", cpus[i].base, sbi_err_name(r.error));
			failed++;
		}
	}
	unsigned long want = all & ~(1UL << env.hartid), deadline = rdtime() + START_WAIT_MS * (env.timebase_hz / 1000);
	while (__atomic_load_n(&running, __ATOMIC_ACQUIRE) != want && rdtime() < deadline)
		sleep_until(rdtime() + env.timebase_hz / 1000);
	unsigned long got = __atomic_load_n(&running, __ATOMIC_ACQUIRE);
	if (got != want) {
		printf("guest-fencestorm: FAILED: after %d ms harts 0x%lx run, expected 0x%lx\n", START_WAIT_MS, got, want);
		return failed + 1;
	}
	printf("guest-fencestorm: %d helper harts run (mask 0x%lx)\n", n - 1, got);
	return failed;
}

/* count remote fences naming mask, fence.i and sfence.vma (all addresses) in
 * turn, or fence.i only; the number that did not answer SUCCESS. */
static int fences(unsigned long mask, int count, bool both)
{
	int failed = 0;

	for (int i = 0; i < count; i++) {
		unsigned long fid = both && (i & 1) ? SBI_RFENCE_REMOTE_SFENCE_VMA : SBI_RFENCE_REMOTE_FENCE_I;
		struct sbiret r = sbi_ecall(SBI_EXT_RFENCE, fid, mask, 0, 0, ~0UL, 0, 0);
		if (r.error && failed++ == 0)
			printf("guest-fencestorm: FAILED: fence %d (fid %lu, mask 0x%lx): %s\n", i, fid, mask,
			       sbi_err_name(r.error));
	}
	return failed;
}

int guest_main(void)
{
	int n = env.dtb ? fdt_child_regs(env.dtb, "/cpus", "cpu", cpus, SMP_MAX_HARTS) : 0;
	unsigned long all = 0;
	int failed;

	if (n <= 0) {
		printf("guest-fencestorm: FAILED: no cpu in the DTB's /cpus\n");
		return 1;
	}
	for (int i = 0; i < n; i++)
		all |= 1UL << cpus[i].base;
	printf("guest-fencestorm: hart %lu of %d\n", env.hartid, n);
	failed = fences(1UL << env.hartid, FENCES_TO_SELF, false);
	printf("guest-fencestorm: %d remote fences to itself, %d failed\n", FENCES_TO_SELF, failed);
	if (bootarg("helpers") && n > 1) {
		int bad = start_helpers(n, all);
		if (!bad) {
			unsigned long t0 = rdtime();
			bad = fences(all, FENCES_TO_ALL, true);
			printf("guest-fencestorm: %d remote fences to all %d harts, %d failed, %lu us\n", FENCES_TO_ALL, n,
			       bad, (rdtime() - t0) / (env.timebase_hz / 1000000));
		}
		failed += bad;
	}
	printf("guest-fencestorm: shutting down via SRST (%s)\n", failed ? "failure" : "success");
	console_flush();
	return failed;
}
