/* Boot: learn the machine from the DTB, check it can host guests, start the guest. */
#include <stdio.h>
#include <string.h>
#include "boot/console.h"
#include "boot/csr.h"
#include "boot/fdt.h"
#include "boot/isa.h"
#include "boot/sbi_call.h"
#include "boot/shutdown.h"
#include "hyp/hart.h"
#include "hyp/hyp.h"
#include "hyp/vm.h"
#include "mm/gstage.h"
#include "mm/gstage_hw.h"

#define HPMVISOR_VERSION "0.1"
#define DTB_MAX_SIZE (2u << 20)

struct hyp hyp;
static struct fdt_info fdt;
extern char _start[], _end[];

void hyp_main(unsigned long hartid, const void *dtb, uintptr_t load_base, unsigned long bad_relocs);
void hyp_fatal_trap(unsigned long scause, unsigned long sepc, unsigned long stval);

static void __attribute__((noreturn)) boot_fail(void)
{
	machine_shutdown(true);
}

static void console_from_fdt(void)
{
	if (!fdt.has_uart)
		return;
	struct uart u = { .base = (uintptr_t)fdt.uart.base, .reg_shift = fdt.uart.reg_shift,
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

static void check_h_extension(unsigned long hartid)
{
	const struct fdt_cpu *cpu = boot_cpu(hartid);
	if (!cpu) {
		hyp_log("boot hart %lu is not among the device tree's cpus; cannot continue", hartid);
		boot_fail();
	}
	if (!isa_has(cpu->isa, "h")) {
		hyp_log("hart %lu has riscv,isa \"%s\" without the H extension: this board cannot host a hypervisor",
			hartid, cpu->isa);
		boot_fail();
	}
	strncpy(hyp.host_isa, cpu->isa, sizeof(hyp.host_isa) - 1);
	hyp.sstc = isa_has(cpu->isa, "sstc");
}

static void setup_memory(const void *dtb, uintptr_t load_base)
{
	palloc_init(&hyp.mem);
	for (int i = 0; i < fdt.n_mem; i++)
		if (palloc_add(&hyp.mem, fdt.mem[i].base, fdt.mem[i].size))
			hyp_log("too many memory ranges; ignoring %#llx+%#llx",
				(unsigned long long)fdt.mem[i].base, (unsigned long long)fdt.mem[i].size);
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
	char pmu[96];
	pmu_host_describe(&hyp.pmu, pmu, sizeof(pmu));
	hyp_log("hpmvisor " HPMVISOR_VERSION " on hart %u, loaded at %#lx, %llu MiB free RAM, H%s%s, G-stage%s%s%s, VMID %u bits, %s",
		hyp.boot_hart, (unsigned long)load_base, (unsigned long long)(palloc_free_bytes(&hyp.mem) >> 20),
		hyp.sstc ? " Sstc" : "", isa_has(hyp.host_isa, "sscofpmf") ? " Sscofpmf" : "",
		(modes & (1u << HGATP_MODE_SV39X4)) ? " Sv39x4" : "",
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
	hyp.guest_image = (const uint8_t *)(uintptr_t)fdt.initrd_start;
	hyp.guest_image_size = fdt.initrd_end - fdt.initrd_start;
}

void hyp_main(unsigned long hartid, const void *dtb, uintptr_t load_base, unsigned long bad_relocs)
{
	hyp.boot_hart = (unsigned)hartid;
	int err = fdt_parse(dtb, DTB_MAX_SIZE, &fdt);
	if (err) {
		hyp_log("cannot read the device tree at %p: %s; the firmware must pass its address in a1",
			dtb, fdt_strerror(err));
		boot_fail();
	}
	console_from_fdt();
	if (fdt.has_test_finisher)
		shutdown_use_finisher(fdt.test_finisher);
	if (bad_relocs) {
		hyp_log("image has %lu relocations of an unsupported type; rebuild with the project's Makefile",
			bad_relocs);
		boot_fail();
	}
	check_h_extension(hartid);
	hyp.timebase = fdt.timebase;
	char why[160];
	if (options_parse(fdt.bootargs, &hyp.opt, why, sizeof(why))) {
		hyp_log("%s", why);
		boot_fail();
	}
	setup_memory(dtb, load_base);
	if (pmu_host_probe(&hyp.pmu))
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
	vm_boot_first();
}

void hyp_fatal_trap(unsigned long scause, unsigned long sepc, unsigned long stval)
{
	console_break_lock();
	hyp_log("hypervisor bug: trap in HS-mode, scause %#lx at pc %#lx (stval %#lx); stopping the machine",
		scause, sepc, stval);
	machine_shutdown(true);
}
