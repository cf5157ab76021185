/* The program's top, entered from boot/entry.S: learn the machine from the DTB,
 * check it can host guests, start the harts and the first guest. */
#include <stdio.h>
#include <string.h>
#include "hyp/hyp.h"
#include "boot/console.h"
#include "boot/csr.h"
#include "boot/entry.h"
#include "boot/fdt.h"
#include "boot/isa.h"
#include "boot/memcheck.h"
#include "boot/sbi_call.h"
#include "boot/shutdown.h"
#include "hyp/hart.h"
#include "hyp/trap.h"
#include "hyp/vm.h"
#include "mm/gstage.h"
#include "mm/gstage_hw.h"

#define HPMVISOR_VERSION "0.1"
#define DTB_MAX_SIZE (2u << 20)

struct hyp hyp;
static struct fdt_info fdt;
static struct isa_set host_isa; /* the boot hart's, all that isa.c knows of it */

static void __attribute__((noreturn)) boot_fail(void)
{
	machine_shutdown(true);
}

static void console_from_fdt(void)
{
	if (!fdt.has_uart)
		return;
	struct uart u = { .base = (uintptr_t)fdt.uart.reg.base, .reg_shift = fdt.uart.reg_shift,
			  .reg_io_width = fdt.uart.reg_io_width };
	console_use_uart(&u);
}

static const struct fdt_cpu *boot_cpu(unsigned long hartid)
{
	for (int i = 0; i < fdt.n_cpu; i++)
		if (fdt.cpu[i].hartid == hartid)
			return &fdt.cpu[i];
	return NULL;
}

/* The boot hart must be a 64-bit one with H; what it has is what guests are offered. */
static void check_boot_hart(unsigned long hartid)
{
	const struct fdt_cpu *cpu = boot_cpu(hartid);
	if (!cpu) {
		hyp_log("boot hart %lu is not among the device tree's cpus (%d read, at most %d); cannot continue",
			hartid, fdt.n_cpu, FDT_MAX_CPUS);
		boot_fail();
	}
	/* A console line holds 256 bytes; QEMU 10's riscv,isa alone is 311. */
	const char *isa = cpu->isa_string ? cpu->isa_string : "(none; riscv,isa-extensions only)";
	int shown = 120;
	const char *cut = strlen(isa) > (size_t)shown ? "..." : "";
	if (cpu->isa.xlen != 64) {
		hyp_log("hart %lu is %s (riscv,isa \"%.*s%s\"): hpmvisor runs on rv64 harts only",
			hartid, cpu->isa.xlen ? "rv32" : "of no rv32/rv64 base", shown, isa, cut);
		boot_fail();
	}
	if (!isa_set_has(&cpu->isa, "h")) {
		hyp_log("hart %lu has riscv,isa \"%.*s%s\" without the H extension: this board cannot host a hypervisor",
			hartid, shown, isa, cut);
		boot_fail();
	}
	host_isa = cpu->isa;
	hyp.sstc = isa_set_has(&host_isa, "sstc");
	/* hyp.host_isa is what guests' strings are derived from (hyp/vm.c): the
	 * extensions a guest may get, which fit its 128 bytes where all would not. */
	struct isa_offer all = { .sstc = true, .sscofpmf = true };
	struct isa_set offerable;
	isa_guest(&host_isa, &all, &offerable);
	if (isa_to_string(&offerable, hyp.host_isa, sizeof(hyp.host_isa)) < 0) {
		hyp_log("hart %lu offers guests more extensions than hyp.host_isa holds (%zu bytes); raise it in hyp/hyp.h",
			hartid, sizeof(hyp.host_isa));
		boot_fail();
	}
}

static void check_timebase(void)
{
	if (fdt.timebase == 0) {
		hyp_log("the device tree gives no timebase-frequency (or 0) in /cpus or the cpu nodes: timers cannot be set; fix the device tree");
		boot_fail();
	}
	hyp.timebase = fdt.timebase;
}

/* Devices the hypervisor itself drives: a memory node over one is wrong, and
 * scrubbing that "RAM" would write the device. */
static void reserve_device(const char *what, struct fdt_range dev)
{
	for (int i = 0; i < fdt.n_mem; i++)
		if (range_overlaps(fdt.mem[i], dev))
			hyp_log("memory range %#llx+%#llx covers the %s at %#llx; leaving the device out of RAM",
				(unsigned long long)fdt.mem[i].base, (unsigned long long)fdt.mem[i].size, what,
				(unsigned long long)dev.base);
	if (palloc_reserve(&hyp.mem, dev.base, dev.size)) {
		hyp_log("cannot leave the %s at %#llx out of RAM (too many free fragments); refusing to boot",
			what, (unsigned long long)dev.base);
		boot_fail();
	}
}

static void setup_memory(const void *dtb, uintptr_t load_base)
{
	char why[200];
	int checked = memcheck_ranges(fdt.mem, &fdt.n_mem, MEMCHECK_PA_END, why, sizeof(why));
	if (checked)
		hyp_log("%s", why);
	if (checked < 0)
		boot_fail();
	palloc_init(&hyp.mem);
	for (int i = 0; i < fdt.n_mem; i++)
		if (palloc_add(&hyp.mem, fdt.mem[i].base, fdt.mem[i].size))
			hyp_log("more memory ranges than the allocator holds (%d); ignoring %#llx+%#llx",
				PALLOC_MAX_EXTENTS, (unsigned long long)fdt.mem[i].base,
				(unsigned long long)fdt.mem[i].size);
	if (fdt.has_uart)
		reserve_device("UART", fdt.uart.reg);
	if (fdt.has_test_finisher)
		reserve_device("test finisher", fdt.test_finisher);
	int err = 0;
	for (int i = 0; i < fdt.n_rsv; i++)
		err |= palloc_reserve(&hyp.mem, fdt.rsv[i].base, fdt.rsv[i].size);
	err |= palloc_reserve(&hyp.mem, load_base, (uint64_t)(_end - _start));
	err |= palloc_reserve(&hyp.mem, (uintptr_t)dtb, fdt_be32((const uint8_t *)dtb + FDT_HDR_TOTALSIZE));
	if (fdt.has_initrd)
		err |= palloc_reserve(&hyp.mem, fdt.initrd_start, fdt.initrd_end - fdt.initrd_start);
	if (err) {
		hyp_log("cannot record the reserved memory regions (too many free fragments); refusing to boot");
		boot_fail();
	}
}

static void probe_gstage(unsigned *modes, unsigned *vmid_bits)
{
	*modes = gstage_probe_modes();
	if (*modes & (1u << HGATP_MODE_SV39X4))
		hyp.gstage_levels = GSTAGE_SV39X4;
	else if (*modes & (1u << HGATP_MODE_SV48X4))
		hyp.gstage_levels = GSTAGE_SV48X4;
	else {
		hyp_log("hgatp accepts neither Sv39x4 nor Sv48x4 (modes %#x); cannot build guest page tables", *modes);
		boot_fail();
	}
	*vmid_bits = gstage_probe_vmid_bits(hyp.gstage_levels == GSTAGE_SV39X4 ? HGATP_MODE_SV39X4
									      : HGATP_MODE_SV48X4);
	vmid_init(&hyp.vmids, *vmid_bits);
}

static void print_banner(uintptr_t load_base, unsigned modes, unsigned vmid_bits)
{
	/* The boot hart's extensions that change what the hypervisor does for guests. */
	static const char *const shown[] = { "Sstc", "Sscofpmf", "Ssaia" };
	char exts[64] = "H", pmu[128];
	for (unsigned i = 0; i < sizeof(shown) / sizeof(shown[0]); i++)
		if (isa_set_has(&host_isa, shown[i]))
			snprintf(exts + strlen(exts), sizeof(exts) - strlen(exts), " %s", shown[i]);
	pmu_host_describe(&hyp.pmu, pmu, sizeof(pmu));
	hyp_log("hpmvisor " HPMVISOR_VERSION " on hart %u, loaded at %#lx, %llu MiB free RAM, %s, G-stage%s%s%s, VMID %u bits, %s",
		hyp.boot_hart, (unsigned long)load_base, (unsigned long long)(palloc_free_bytes(&hyp.mem) >> 20),
		exts, (modes & (1u << HGATP_MODE_SV39X4)) ? " Sv39x4" : "",
		(modes & (1u << HGATP_MODE_SV48X4)) ? " Sv48x4" : "",
		(modes & (1u << HGATP_MODE_SV57X4)) ? " Sv57x4" : "", vmid_bits, pmu);
}

static unsigned long firmware_base_value(unsigned long fid)
{
	struct sbiret r = sbi_ecall(SBI_EXT_BASE, fid, 0, 0, 0, 0, 0, 0);
	return r.error ? 0 : (unsigned long)r.value;
}

static void find_guest_image(void)
{
	if (!fdt.has_initrd || fdt.initrd_end <= fdt.initrd_start) {
		hyp_log("no guest image: pass one as the initrd (qemu -initrd GUEST, or booti kernel initrd:size fdt)");
		boot_fail();
	}
	char why[256];
	if (guest_image_open(&hyp.image, (const uint8_t *)(uintptr_t)fdt.initrd_start,
			     fdt.initrd_end - fdt.initrd_start, GUEST_IMAGE_GPA, why, sizeof(why))) {
		hyp_log("%s", why);
		boot_fail();
	}
	guest_image_describe(&hyp.image, why, sizeof(why));
	if (why[0])
		hyp_log("%s", why);
}

void hyp_main(unsigned long hartid, const void *dtb, uintptr_t load_base, unsigned long bad_relocs)
{
	csr_write(stvec, (uintptr_t)hyp_trap_entry);
	hyp.boot_hart = (unsigned)hartid;
	/* The console and the finisher first, so that whatever the strict parse or the
	 * checks after it refuse is said and fails the run. */
	int err = fdt_parse_devices(dtb, DTB_MAX_SIZE, &fdt);
	if (err) {
		hyp_log("cannot read the device tree at %p: %s; the firmware must pass its address in a1",
			dtb, fdt_strerror(err));
		boot_fail();
	}
	console_from_fdt();
	if (fdt.has_test_finisher)
		shutdown_use_finisher(fdt.test_finisher.base);
	err = fdt_parse(dtb, DTB_MAX_SIZE, &fdt);
	if (err) {
		hyp_log("the device tree at %p is refused: %s (in node %s); fix the device tree or the bootargs",
			dtb, fdt_strerror(err), fdt.err_node ? fdt.err_node : "?");
		boot_fail();
	}
	if (bad_relocs) {
		hyp_log("image has %lu relocations of an unsupported type; rebuild with the project's Makefile",
			bad_relocs);
		boot_fail();
	}
	check_boot_hart(hartid);
	check_timebase();
	char why[160];
	if (options_parse(fdt.bootargs, &hyp.opt, why, sizeof(why))) {
		hyp_log("%s", why);
		boot_fail();
	}
	setup_memory(dtb, load_base);
	struct pmu_host_isa pmu_isa = { .sscofpmf = isa_set_has(&host_isa, "sscofpmf"),
					.ssaia = isa_set_has(&host_isa, "ssaia") };
	if (pmu_host_probe(&hyp.pmu, pmu_isa))
		hyp_log("the firmware offers no SBI PMU: guests get firmware counters only");
	unsigned modes, vmid_bits;
	probe_gstage(&modes, &vmid_bits);
	print_banner(load_base, modes, vmid_bits);
	hyp.mvendorid = firmware_base_value(SBI_BASE_GET_MVENDORID);
	hyp.marchid = firmware_base_value(SBI_BASE_GET_MARCHID);
	hyp.mimpid = firmware_base_value(SBI_BASE_GET_MIMPID);
	find_guest_image();
	if (harts_start(&fdt, hartid, hyp.opt.vcpus, hyp.timebase))
		boot_fail();
	hyp.free_before_vms = palloc_free_bytes(&hyp.mem);
	vm_boot_first();
}

void hyp_fatal_trap(unsigned long scause, unsigned long sepc, unsigned long stval)
{
	console_break_lock();
	hyp_log("hypervisor bug: trap in HS-mode, scause %#lx at pc %#lx (stval %#lx); stopping the machine",
		scause, sepc, stval);
	machine_shutdown(true);
}
