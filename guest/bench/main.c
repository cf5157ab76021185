/* What each SBI path costs, in instructions retired (deterministic under
 * `qemu -icount shift=0`, docs/design.md "How to measure"). One "bench: KEY VALUE" line
 * per path for scripts/bench.sh, or "bench: KEY n/a (why)" where the SBI
 * implementation lacks the function. Calls are timed by the instret counter
 * (smallest of ROUNDS, minus the cost of reading it); whole-machine spans (boot,
 * a VM's teardown and re-creation across an SRST reboot) by the time CSR, which
 * icount advances one nanosecond per instruction.
 * "reboot" in the bootargs: the first boot ends in an SRST reboot and the second
 * reports the span from the reboot call to its own first instruction. */
#include <stdio.h>
#include <string.h>
#include "csr.h"
#include "runtime.h"
#include "sbi.h"

#define ROUNDS 16
#define NS_PER_TICK (1000000000UL / env.timebase_hz)

static unsigned long boot_time;	/* the time CSR at the first instruction of guest_main */

static inline unsigned long rdinstret(void)
{
	return csr_read(instret);
}

/* Smallest cost of body over ROUNDS, minus the cost of the two reads themselves;
 * setup and teardown run around each round, untimed. */
#define MEASURE(result, setup, body, teardown) do {                             \
	unsigned long best = ~0UL, empty = ~0UL;                                \
	for (int i = 0; i < ROUNDS; i++) {                                      \
		setup;                                                          \
		unsigned long t0 = rdinstret();                                 \
		unsigned long t1 = rdinstret();                                 \
		if (t1 - t0 < empty) empty = t1 - t0;                           \
		t0 = rdinstret();                                               \
		body;                                                           \
		t1 = rdinstret();                                               \
		if (t1 - t0 < best) best = t1 - t0;                             \
		teardown;                                                       \
	}                                                                       \
	(result) = best - empty;                                                \
} while (0)

static void report(const char *key, unsigned long value)
{
	printf("bench: %s %lu\n", key, value);
}

static void unavailable(const char *key, const char *why)
{
	printf("bench: %s n/a (%s)\n", key, why);
}

void bench_trap_entry(void);  /* below: skips the ebreak, returns */
__asm__(".balign 4\n"
	"bench_trap_entry:\n"
	"  csrw sscratch, t0\n"
	"  csrr t0, sepc\n"
	"  addi t0, t0, 4\n"
	"  csrw sepc, t0\n"
	"  csrr t0, sscratch\n"
	"  sret\n");

static long null_call(void)
{
	register unsigned long a0 __asm__("a0");
	register unsigned long a6 __asm__("a6") = SBI_BASE_GET_SPEC_VERSION;
	register unsigned long a7 __asm__("a7") = SBI_EXT_BASE;
	__asm__ volatile("ecall" : "=r"(a0) : "r"(a6), "r"(a7) : "a1", "memory");
	return (long)a0;
}

static void bench_trap_floor(void)
{
	unsigned long cost, saved = csr_read(stvec);

	csr_write(stvec, (unsigned long)bench_trap_entry);
	MEASURE(cost, , __asm__ volatile(".option push\n.option norvc\nebreak\n.option pop" ::: "memory"), );
	csr_write(stvec, saved);
	report("trap_floor", cost);
}

static void bench_base_time_ipi_rfence(void)
{
	unsigned long cost, self = 1UL << env.hartid;

	MEASURE(cost, , null_call(), );
	report("null_call", cost);
	MEASURE(cost, , sbi_set_timer(~0UL), );
	report("set_timer", cost);
	/* SIE is off: the self-IPI stays pending and is cleared untimed. */
	MEASURE(cost, , sbi_ecall(SBI_EXT_IPI, SBI_IPI_SEND_IPI, self, 0, 0, 0, 0, 0),
		csr_clear(sip, SIP_SSIP));
	report("ipi_self", cost);
	MEASURE(cost, , sbi_ecall(SBI_EXT_RFENCE, SBI_RFENCE_REMOTE_FENCE_I, self, 0, 0, 0, 0, 0), );
	report("rfence_i_self", cost);
}

static void bench_dbcn(void)
{
	static const char line[64] = "bench: a 64-byte DBCN write, timed ............................\n";
	unsigned long cost;

	if (!sbi_probe(SBI_EXT_DBCN)) {
		unavailable("dbcn_write64", "no DBCN");
		return;
	}
	MEASURE(cost, , sbi_ecall(SBI_EXT_DBCN, SBI_DBCN_WRITE, sizeof(line), (unsigned long)line, 0, 0, 0, 0), );
	report("dbcn_write64", cost);
}

/* The firmware counters: those counter_get_info marks with bit 63. */
static unsigned long fw_counter_mask(unsigned long all)
{
	unsigned long mask = 0;

	for (unsigned i = 0; i < 64; i++) {
		if (!(all >> i & 1))
			continue;
		struct sbiret r = sbi_ecall(SBI_EXT_PMU, SBI_PMU_COUNTER_GET_INFO, i, 0, 0, 0, 0, 0);
		if (!r.error && ((unsigned long)r.value & PMU_INFO_FW))
			mask |= 1UL << i;
	}
	return mask;
}

/* A hardware counter (cycles on counter 0) through config, start and stop, and
 * a firmware counter (SET_TIMER) configured, read, started and stopped. */
static void bench_pmu_counters(unsigned long all)
{
	unsigned long cost, fw = fw_counter_mask(all);
	struct sbiret r;

	MEASURE(cost, , sbi_ecall(SBI_EXT_PMU, SBI_PMU_NUM_COUNTERS, 0, 0, 0, 0, 0, 0), );
	report("pmu_num_counters", cost);
	MEASURE(cost, , r = sbi_pmu_cfg_match(0, 1, 0, PMU_EV_CYCLES, 0), sbi_pmu_stop(r.value, 1, SBI_PMU_STOP_FLAG_RESET));
	report("pmu_hw_config", cost);
	MEASURE(cost, r = sbi_pmu_cfg_match(0, 1, 0, PMU_EV_CYCLES, 0), sbi_pmu_start(r.value, 1, 0, 0),
		sbi_pmu_stop(r.value, 1, SBI_PMU_STOP_FLAG_RESET));
	report("pmu_hw_start", cost);
	MEASURE(cost, r = sbi_pmu_cfg_match(0, 1, SBI_PMU_CFG_FLAG_AUTO_START, PMU_EV_CYCLES, 0),
		sbi_pmu_stop(r.value, 1, 0), sbi_pmu_stop(r.value, 1, SBI_PMU_STOP_FLAG_RESET));
	report("pmu_hw_stop", cost);
	if (!fw) {
		unavailable("pmu_fw_read", "no firmware counters");
		unavailable("pmu_fw_cycle", "no firmware counters");
		return;
	}
	r = sbi_pmu_cfg_match(0, fw, SBI_PMU_CFG_FLAG_AUTO_START, PMU_EV_FW_SET_TIMER, 0);
	MEASURE(cost, , sbi_pmu_fw_read(r.value), );
	sbi_pmu_stop(r.value, 1, SBI_PMU_STOP_FLAG_RESET);
	report("pmu_fw_read", cost);
	MEASURE(cost, , r = sbi_pmu_cfg_match(0, fw, 0, PMU_EV_FW_SET_TIMER, 0);
		sbi_pmu_start(r.value, 1, 0, 0); sbi_pmu_stop(r.value, 1, SBI_PMU_STOP_FLAG_RESET), );
	report("pmu_fw_cycle", cost);
}

static unsigned char shmem[4096] __attribute__((aligned(4096)));

/* The snapshot area (SBI 2.0): set, and a counter started from it and stopped
 * into it. */
static void bench_pmu_snapshot(void)
{
	unsigned long cost, area = (unsigned long)shmem;
	struct sbiret r;

	if (!sbi_spec_at_least(2, 0) || sbi_pmu_set_shmem(area, 0, 0).error) {
		unavailable("pmu_snapshot_set", "no snapshot before SBI 2.0");
		unavailable("pmu_snapshot_start", "no snapshot before SBI 2.0");
		unavailable("pmu_snapshot_stop", "no snapshot before SBI 2.0");
		return;
	}
	MEASURE(cost, , sbi_pmu_set_shmem(area, 0, 0), );
	report("pmu_snapshot_set", cost);
	MEASURE(cost, r = sbi_pmu_cfg_match(0, 1, 0, PMU_EV_CYCLES, 0),
		sbi_pmu_start(r.value, 1, SBI_PMU_START_FLAG_INIT_SNAPSHOT, 0),
		sbi_pmu_stop(r.value, 1, SBI_PMU_STOP_FLAG_RESET));
	report("pmu_snapshot_start", cost);
	MEASURE(cost, r = sbi_pmu_cfg_match(0, 1, SBI_PMU_CFG_FLAG_AUTO_START, PMU_EV_CYCLES, 0),
		sbi_pmu_stop(r.value, 1, SBI_PMU_STOP_FLAG_TAKE_SNAPSHOT),
		sbi_pmu_stop(r.value, 1, SBI_PMU_STOP_FLAG_RESET));
	report("pmu_snapshot_stop", cost);
	sbi_pmu_set_shmem(~0UL, ~0UL, 0);
}

/* event_get_info (SBI 3.0) for the hardware general events 1..10, over and over. */
struct event_info_entry {
	unsigned event_idx, output;
	unsigned long event_data;
};

static void ask_events(struct event_info_entry *e, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		e[i] = (struct event_info_entry){ .event_idx = PMU_EVENT(SBI_PMU_EVENT_TYPE_HW, i % 10 + 1) };
}

static void bench_pmu_event_info(void)
{
	struct event_info_entry *e = (struct event_info_entry *)shmem;
	unsigned long cost;

	if (!sbi_spec_at_least(3, 0)) {
		unavailable("pmu_event_info10", "no event_get_info before SBI 3.0");
		unavailable("pmu_event_info50", "no event_get_info before SBI 3.0");
		return;
	}
	/* 10 and 50 entries: scripts/bench.sh derives the cost of each further entry. */
	MEASURE(cost, ask_events(e, 10),
		sbi_ecall(SBI_EXT_PMU, SBI_PMU_EVENT_GET_INFO, (unsigned long)e, 0, 10, 0, 0, 0), );
	report("pmu_event_info10", cost);
	MEASURE(cost, ask_events(e, 50),
		sbi_ecall(SBI_EXT_PMU, SBI_PMU_EVENT_GET_INFO, (unsigned long)e, 0, 50, 0, 0, 0), );
	report("pmu_event_info50", cost);
}

/* The second boot of "reboot": what the reboot cost, from the reboot call to
 * this boot's first instruction (the first boot printed where it started). */
static int report_reboot(void)
{
	printf("bench: reboot_done %lu\n", boot_time * NS_PER_TICK);
	return 0;
}

int guest_main(void)
{
	boot_time = csr_read(time);
	if (boot_count() > 0)
		return report_reboot();
	report("boot_to_guest", boot_time * NS_PER_TICK);
	/* instret must be a running counter the guest may read: ask the PMU for it. */
	struct sbiret r = sbi_pmu_cfg_match(0, 1UL << 2, SBI_PMU_CFG_FLAG_AUTO_START, PMU_EV_INSTRET, 0);
	if (r.error || r.value != 2) {
		printf("bench: cannot measure: PMU gave no instret counter (error %ld, counter %ld)\n",
		       r.error, r.value);
		return 1;
	}
	bench_trap_floor();
	bench_base_time_ipi_rfence();
	bench_dbcn();
	bench_pmu_counters(sbi_pmu_counter_mask() & ~(1UL << 2));
	bench_pmu_snapshot();
	bench_pmu_event_info();
	if (bootarg("reboot")) {
		printf("bench: reboot_start %lu\n", csr_read(time) * NS_PER_TICK);
		sbi_ecall(SBI_EXT_SRST, SBI_SRST_RESET, SBI_SRST_TYPE_COLD_REBOOT, 0, 0, 0, 0, 0);
		printf("bench: cannot measure: SRST reboot returned\n");
		return 1;
	}
	return 0;
}
