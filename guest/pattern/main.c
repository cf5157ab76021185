/* Teardown-test guest: fills all of its RAM it does not live in with a known
 * pattern, then leaves PMU state behind that teardown must undo without
 * writing guest memory: a registered snapshot area (inside the pattern) and
 * running hardware and firmware counters. Then SRST shutdown. The
 * hypervisor's test checksums the guest RAM before and after teardown.
 * Bootargs words: "reregister" disables and registers the area again before
 * leaving; "reboot" makes the first boot (/chosen/hpmvisor,boot-count 0) end in
 * an SRST reboot instead, so the teardown of a reboot is checked too; "busy-hart"
 * leaves hart 1 spinning in the guest, so teardown must stop a running vcpu on
 * another hart; "end-on-hart1" has hart 1 do the SRST shutdown while hart 0 spins;
 * "start-race" has harts 2 and 3 start and restart hart 1 without end while the VM ends. */
#include <stdio.h>
#include <string.h>

#include "console.h"
#include "fdt.h"
#include "runtime.h"
#include "sbi.h"
#include "smp.h"
#include "wait.h"

#define PATTERN   0xa5a5a5a5a5a5a5a5UL	/* word at address a holds a ^ PATTERN */
#define PAGE      4096UL
#define MAX_HOLES 16
#define FW_EVENTS 3

static struct fdt_range holes[MAX_HOLES];
static unsigned nholes;

static void add_hole(unsigned long base, unsigned long end, const char *what)
{
	if (nholes == MAX_HOLES || end <= base)
		return;
	printf("guest-pattern: leaving out %s 0x%lx..0x%lx\n", what, base, end);
	/* Whole pages, kept sorted by base. */
	base &= ~(PAGE - 1);
	end = (end + PAGE - 1) & ~(PAGE - 1);
	unsigned i = nholes++;
	for (; i > 0 && holes[i - 1].base > base; i--)
		holes[i] = holes[i - 1];
	holes[i] = (struct fdt_range){ .base = base, .size = end - base };
}

/* The image, the DTB and whatever /reserved-memory names (firmware). */
static void find_holes(void)
{
	struct fdt_range resv[MAX_HOLES];
	int n = fdt_child_regs(env.dtb, "/reserved-memory", "", resv, MAX_HOLES);

	add_hole((unsigned long)__image_start, (unsigned long)__image_end, "the image");
	add_hole((unsigned long)env.dtb, (unsigned long)env.dtb + fdt_totalsize(env.dtb), "the DTB");
	for (int i = 0; i < n && i < MAX_HOLES; i++)
		add_hole(resv[i].base, resv[i].base + resv[i].size, "reserved memory");
}

static unsigned long fill(unsigned long base, unsigned long end)
{
	if (end <= base)
		return 0;
	for (volatile unsigned long *p = (unsigned long *)base; (unsigned long)p < end; p++)
		*p = (unsigned long)p ^ PATTERN;
	printf("guest-pattern: filled 0x%lx..0x%lx\n", base, end);
	return end - base;
}

/* Fills RAM around the holes; returns the first filled page (0 if none). */
static unsigned long fill_ram(unsigned long *bytes)
{
	unsigned long cursor = env.ram_base, first = 0;

	*bytes = 0;
	for (unsigned i = 0; i <= nholes; i++) {
		unsigned long hole = i < nholes ? holes[i].base : env.ram_end;
		unsigned long end = hole < env.ram_end ? hole : env.ram_end;

		if (end > cursor) {
			if (!first)
				first = cursor;
			*bytes += fill(cursor, end);
		}
		if (i < nholes && holes[i].base + holes[i].size > cursor)
			cursor = holes[i].base + holes[i].size;
	}
	return first;
}

/* A registered snapshot area inside the pattern. Only SBI >= 2.0 has one,
 * and it is optional there: NOT_SUPPORTED is no failure. */
static int register_snapshot(unsigned long area)
{
	struct sbiret r;

	if (!sbi_probe(SBI_EXT_PMU) || !sbi_spec_at_least(2, 0)) {
		printf("guest-pattern: no PMU snapshot (PMU probe %ld, SBI %lu.%lu)\n", sbi_probe(SBI_EXT_PMU),
		       SBI_SPEC_MAJOR(sbi_spec_version()), SBI_SPEC_MINOR(sbi_spec_version()));
		return 0;
	}
	r = sbi_pmu_set_shmem(area, 0, 0);
	printf("guest-pattern: PMU snapshot area at 0x%lx: %s\n", area, sbi_err_name(r.error));
	return r.error != SBI_SUCCESS && r.error != SBI_ERR_NOT_SUPPORTED;
}

/* One hardware and one firmware counter left running. */
static int start_counters(void)
{
	unsigned long mask = sbi_probe(SBI_EXT_PMU) ? sbi_pmu_counter_mask() : 0;
	struct sbiret hw, fw;

	if (!mask) {
		printf("guest-pattern: no PMU counters\n");
		return 0;
	}
	hw = sbi_pmu_cfg_match(0, mask, SBI_PMU_CFG_FLAG_AUTO_START, PMU_EV_CYCLES, 0);
	fw = sbi_pmu_cfg_match(0, mask, SBI_PMU_CFG_FLAG_AUTO_START, PMU_EV_FW_SET_TIMER, 0);
	for (int i = 0; i < FW_EVENTS; i++)
		sbi_set_timer(~0UL);
	printf("guest-pattern: cycles on counter %ld (%s), FW SET_TIMER on counter %ld (%s, reads %ld)\n",
	       hw.value, sbi_err_name(hw.error), fw.value, sbi_err_name(fw.error),
	       fw.error ? 0 : sbi_pmu_fw_read(fw.value).value);
	return hw.error != SBI_SUCCESS || fw.error != SBI_SUCCESS;
}

/* Disable, then register the same area again: neither may write it. */
static int reregister_snapshot(unsigned long area)
{
	struct sbiret off = sbi_pmu_set_shmem(~0UL, ~0UL, 0);
	struct sbiret on = sbi_pmu_set_shmem(area, 0, 0);

	printf("guest-pattern: snapshot area disabled (%s) and registered again (%s)\n", sbi_err_name(off.error),
	       sbi_err_name(on.error));
	return off.error != SBI_SUCCESS || on.error != SBI_SUCCESS;
}

#define OTHER_HART 1

/* Guest work on another hart that only teardown ends. */
static void spin(unsigned long hartid __attribute__((unused)), void *arg __attribute__((unused)))
{
	for (volatile unsigned long n = 0;; n++)
		;
}

/* hart_start(1) over and over: once hart 1 runs (parked in the guest) every
 * start is refused, until the end of the VM stops hart 1 - then one races it.
 * Harts 2 and 3 both ask: the teardown stops vcpus in order, so hart 3 keeps
 * asking, hart 1 already stopped, for the whole time it takes to stop hart 2. */
#define RACE_FIRST    2
#define RACE_LAST     3
#define RACE_UNDERWAY 100
static volatile unsigned long race_refused[RACE_LAST + 1];  /* per asking hart: hart 1 ran */

static void start_hart1_forever(unsigned long hartid, void *arg __attribute__((unused)))
{
	for (;;)
		if (sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_START, OTHER_HART, (unsigned long)smp_park, 0, 0, 0,
			      0).error == SBI_ERR_ALREADY_AVAILABLE)
			race_refused[hartid]++;
}

/* The VM may end only once hart 1 runs and both harts keep asking: ended
 * sooner, no start might race the teardown. */
static int start_race(void)
{
	printf("guest-pattern: starting harts %d and %d to start hart 1 over and over\n", RACE_FIRST, RACE_LAST);
	console_flush();
	for (unsigned long h = RACE_FIRST; h <= RACE_LAST; h++)
		if (smp_hart_start(h, start_hart1_forever, NULL).error != SBI_SUCCESS) {
			printf("guest-pattern: FAILED: hart_start(%lu)\n", h);
			return 1;
		}
	for (unsigned long h = RACE_FIRST; h <= RACE_LAST; h++) {
		struct wait w;
		wait_begin(&w, 2 * env.timebase_hz);
		while (race_refused[h] < RACE_UNDERWAY && wait_more(&w))
			;
		if (race_refused[h] < RACE_UNDERWAY) {
			printf("guest-pattern: FAILED: hart %lu saw hart 1 running %lu times in 2 s, not %d\n",
			       h, race_refused[h], RACE_UNDERWAY);
			return 1;
		}
	}
	return 0;
}

static void shut_down_here(unsigned long hartid __attribute__((unused)), void *arg __attribute__((unused)))
{
	sbi_ecall(SBI_EXT_SRST, SBI_SRST_RESET, SBI_SRST_TYPE_SHUTDOWN, 0, 0, 0, 0, 0);
}

/* Said before the start: hart 1 may end the VM before this hart prints again. */
static int start_other_hart(hart_fn_t fn, const char *what)
{
	printf("guest-pattern: starting hart %d to %s\n", OTHER_HART, what);
	console_flush();
	struct sbiret r = smp_hart_start(OTHER_HART, fn, NULL);

	if (r.error)
		printf("guest-pattern: FAILED: hart_start(%d): %s\n", OTHER_HART, sbi_err_name(r.error));
	return r.error != SBI_SUCCESS;
}

/* Hart 1 ends the VM; this hart just waits, in the guest, to be stopped. */
static int end_on_other_hart(void)
{
	if (start_other_hart(shut_down_here, "shut the VM down"))
		return 1;
	struct wait w;
	wait_begin(&w, 2 * env.timebase_hz);
	while (wait_more(&w))
		;
	printf("guest-pattern: FAILED: still running 2 s after hart %d's SRST shutdown\n", OTHER_HART);
	return 1;
}

int guest_main(void)
{
	unsigned long bytes, area;
	int failed = 0;
	unsigned long boots = boot_count();

	if (!env.dtb || !env.ram_end) {
		printf("guest-pattern: FAILED: no DTB memory node holding the image\n");
		return 1;
	}
	printf("guest-pattern: hart %lu, RAM 0x%lx..0x%lx from the DTB, boot %lu\n", env.hartid, env.ram_base,
	       env.ram_end, boots);
	find_holes();
	area = fill_ram(&bytes);
	printf("guest-pattern: %lu KiB filled, each 64-bit word = its address ^ 0x%lx\n", bytes / 1024,
	       PATTERN);
	if (area)
		failed += register_snapshot(area);
	failed += start_counters();
	if (area && bootarg("reregister"))
		failed += reregister_snapshot(area);
	if (bootarg("busy-hart"))
		failed += start_other_hart(spin, "spin");
	if (bootarg("start-race"))
		failed += start_race();
	if (!failed && bootarg("end-on-hart1"))
		return end_on_other_hart();
	if (!failed && boots == 0 && bootarg("reboot")) {
		printf("guest-pattern: rebooting via SRST\n");
		console_flush();
		sbi_ecall(SBI_EXT_SRST, SBI_SRST_RESET, SBI_SRST_TYPE_COLD_REBOOT, 0, 0, 0, 0, 0);
		printf("guest-pattern: FAILED: SRST reboot returned\n");
		return 1;
	}
	printf("guest-pattern: shutting down via SRST (%s)\n", failed ? "failure" : "success");
	return failed;
}
