/* hpmvisor SBI self-check ROM: runs in VS-mode under hpmvisor or in S-mode on
 * any SBI firmware and tells in seconds whether its SBI follows the spec. */
#include <stdio.h>

#include "checks.h"
#include "console.h"
#include "harness.h"
#include "runtime.h"
#include "sbi.h"

/* SBI implementation ids, from the BASE chapter of the SBI spec. */
static const char *const impl_names[] = {
	"BBL", "OpenSBI", "Xvisor", "KVM", "RustSBI", "Diosix", "Coffer",
	"Xen Project", "PolarFire HSS", "coreboot", "oreboot", "bhyve",
};

static void print_header(void)
{
	unsigned long spec = sbi_spec_version();
	struct sbiret id = sbi_ecall(SBI_EXT_BASE, SBI_BASE_GET_IMPL_ID, 0, 0, 0, 0, 0, 0);
	struct sbiret ver = sbi_ecall(SBI_EXT_BASE, SBI_BASE_GET_IMPL_VERSION, 0, 0, 0, 0, 0, 0);
	char name[24];

	if (id.value >= 0 && id.value < (long)(sizeof(impl_names) / sizeof(impl_names[0])))
		snprintf(name, sizeof(name), "%s", impl_names[id.value]);
	else if ((unsigned long)id.value == SBI_IMPL_ID_HPMVISOR)
		snprintf(name, sizeof(name), "hpmvisor");
	else
		snprintf(name, sizeof(name), "id %ld", id.value);
	printf("selfcheck: hpmvisor SBI self-check (impl %s v0x%lx, spec %lu.%lu)\n",
	       name, ver.value, SBI_SPEC_MAJOR(spec), SBI_SPEC_MINOR(spec));
	printf("# hart %lu, timebase %lu Hz (%s), RAM 0x%lx..0x%lx, console %s\n",
	       env.hartid, env.timebase_hz, env.timebase_from_dtb ? "DTB" : "default",
	       env.ram_base, env.ram_end, console_uses_dbcn() ? "DBCN" : "legacy putchar");
}

int guest_main(void)
{
	print_header();
	check_ramdisk();
	check_base();
	check_console();
	check_uart();
	check_time();
	check_hsm();
	check_suspend();
	check_ipi();
	check_rfence();
	check_faults();
	check_pmu();
	check_pmu_snapshot();
	check_pmu_event_info();
	check_pmu_overflow();
	return harness_summary("selfcheck");
}
