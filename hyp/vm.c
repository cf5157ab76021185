#include "hyp/vm.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "boot/console.h"
#include "boot/csr.h"
#include "boot/isa.h"
#include "boot/shutdown.h"
#include "hyp/guest_dtb.h"
#include "hyp/hyp.h"
#include "hyp/teardown.h"
#include "hyp/vcpu_hw.h"
#include "hyp/vtimer.h"
#include "mm/guest_ram.h"

#define MIB(x) ((unsigned long long)(x) >> 20)

/* One VM at a time; its vcpu i runs on harts[i]. */
static struct vm the_vm;
static unsigned next_vm_id;
static unsigned boot_count;  /* VMs created from the image so far: reboots show as > 0 */
static uint8_t dtb_buf[GUEST_DTB_SPACE];

/* The VMID and the G-stage root first, so the RAM sizing knows what is left. */
static int vm_gstage(struct vm *vm)
{
	vm->vmid = vmid_alloc(&hyp.vmids);
	if (vm->vmid < 0) {
		hyp_log("vm%u: no free VMID", vm->id);
		return -1;
	}
	if (gstage_init(&vm->gstage, hyp.gstage_levels, &hyp.mem)) {
		hyp_log("vm%u: no memory for the G-stage root table", vm->id);
		return -1;
	}
	vm->hgatp = gstage_hgatp(&vm->gstage, (unsigned)vm->vmid);
	return 0;
}

static int vm_ram(struct vm *vm, uint64_t size)
{
	uint64_t avail = guest_ram_available(&hyp.mem, &vm->gstage);
	if (size > avail) {
		if (avail >= OPT_GUEST_MEM_MIN)
			hyp_log("vm%u: cannot allocate %llu MiB of guest RAM: %llu MiB free; pass hpmvisor.mem=%lluM or less",
				vm->id, MIB(size), MIB(avail), MIB(avail));
		else
			hyp_log("vm%u: cannot allocate %llu MiB of guest RAM: %llu MiB free, at least 4 MiB needed; give the machine more RAM",
				vm->id, MIB(size), MIB(avail));
		return -1;
	}
	if (guest_ram_take(&vm->mem, &hyp.mem, GUEST_RAM_BASE, size) ||
	    guest_ram_map(&vm->mem, &vm->gstage, GSTAGE_RWX)) {
		hyp_log("vm%u: cannot take %llu MiB of guest RAM and map it (out of memory)", vm->id, MIB(size));
		return -1;
	}
	return 0;
}

/* The kernel, the ramdisk past it and the DTB announcing the ramdisk (hyp/guest_image.c
 * says where each goes). */
static int vm_load_guest(struct vm *vm, struct guest_layout *l)
{
	char why[200];
	if (guest_image_place(&hyp.image, GUEST_RAM_BASE, vm->mem.size, l, why, sizeof(why))) {
		hyp_log("vm%u: %s", vm->id, why);
		return -1;
	}
	char isa[128];
	struct isa_offer offer = { .sstc = hyp.sstc, .sscofpmf = pmu_host_lcofi_to_vs(&hyp.pmu) };
	if (isa_guest_string(hyp.host_isa, &offer, isa, sizeof(isa))) {
		hyp_log("vm%u: cannot derive the guest's riscv,isa from \"%s\"", vm->id, hyp.host_isa);
		return -1;
	}
	struct guest_dtb_params p = { .ram_base = GUEST_RAM_BASE, .ram_size = vm->mem.size,
				      .timebase = hyp.timebase, .isa = isa, .bootargs = hyp.opt.guest_args,
				      .boot_count = boot_count++, .n_vcpus = hyp.opt.vcpus,
				      .initrd_start = l->ramdisk, .initrd_end = l->ramdisk_end };
	int size = guest_dtb_build(dtb_buf, sizeof(dtb_buf), &p);
	if (size < 0 || gmem_write(&vm->mem, l->dtb, dtb_buf, (uint64_t)size) ||
	    gmem_write(&vm->mem, l->kernel, hyp.image.kernel, hyp.image.kernel_size) ||
	    (hyp.image.ramdisk && gmem_write(&vm->mem, l->ramdisk, hyp.image.ramdisk, hyp.image.ramdisk_size))) {
		hyp_log("vm%u: cannot place the guest image and DTB (error %d)", vm->id, size);
		return -1;
	}
	return 0;
}

/* vcpu 0 starts at the image with a0 = 0, a1 = the DTB; the others wait in
 * the HSM STOPPED state for the guest's hart_start. */
static void vcpus_init(struct vm *vm, const struct guest_layout *l)
{
	vm->n_vcpus = hyp.opt.vcpus;
	vm_life_init(&vm->life, 1);
	for (unsigned i = 0; i < vm->n_vcpus; i++) {
		struct vcpu *v = &vm->vcpus[i];
		memset(v, 0, sizeof(*v));
		v->vm = vm;
		v->id = i;
		v->hart = &harts[i];
		v->hyp_sp = harts[i].stack_top - 16; /* the top slot: v during a VS ecall (trap.S) */
		v->hyp_tp = harts[i].tls;
		v->state = i ? VCPU_STOPPED : VCPU_START_PENDING;
		pmu_vcpu_init(&v->pmu, &hyp.pmu, &vm->mem);
		__atomic_store_n(&harts[i].vcpu, v, __ATOMIC_RELEASE);
	}
	vm->vcpus[0].x[10] = 0;
	vm->vcpus[0].x[11] = l->dtb;
	vm->vcpus[0].sepc = l->kernel;
}

/* Undo a half-built VM; nothing was run, so no teardown order applies. */
static void vm_discard(struct vm *vm)
{
	if (vm->gstage.root)
		gstage_destroy(&vm->gstage);
	if (vm->vmid >= 0)
		vmid_free(&hyp.vmids, vm->vmid);
	guest_ram_give_back(&vm->mem, &hyp.mem);
}

/* Runs with every other hart parked, so the allocators need no lock. */
static struct vm *vm_create(void)
{
	struct vm *vm = &the_vm;
	memset(vm, 0, sizeof(*vm));
	vm->id = next_vm_id++;
	vm->vmid = -1;
	mmio_init(&vm->dev, console_putc_raw, console_getc);
	struct guest_layout l;
	uint64_t size = (hyp.opt.guest_mem + 4095) & ~4095ULL;
	if (vm_gstage(vm) || vm_ram(vm, size) || vm_load_guest(vm, &l)) {
		vm_discard(vm);
		return NULL;
	}
	vcpus_init(vm, &l);
	char blocks[32] = "";
	if (vm->mem.n_pieces > 1)  /* the free RAM was fragmented (QEMU puts the initrd mid-RAM) */
		snprintf(blocks, sizeof(blocks), " in %u host blocks", vm->mem.n_pieces);
	char ramdisk[64] = "";
	if (l.ramdisk)
		snprintf(ramdisk, sizeof(ramdisk), ", ramdisk %llu bytes at %#llx",
			 (unsigned long long)hyp.image.ramdisk_size, (unsigned long long)l.ramdisk);
	hyp_log("vm%u: %llu MiB RAM at GPA %#llx%s, %u vcpu%s, image %llu bytes at %#llx%s, DTB at %#llx, VMID %d",
		vm->id, MIB(size), GUEST_RAM_BASE, blocks, vm->n_vcpus, vm->n_vcpus > 1 ? "s" : "",
		(unsigned long long)hyp.image.kernel_size, (unsigned long long)l.kernel, ramdisk,
		(unsigned long long)l.dtb, vm->vmid);
	return vm;
}

void vcpu_run(struct vcpu *v)
{
	/* The caller made it RUNNING first: a remote fence asked from then on is
	 * not skipped, and its IPI is taken as soon as the guest is entered. */
	vcpu_hw_load(v, v->vm->hgatp, v->vm->vmid);
	vcpu_enter(v);
}

/* Start vcpu 0 on its hart; `from` (the hart that built the VM) parks if it is another. */
static void __attribute__((noreturn)) vm_run(struct vm *vm, struct hart *from)
{
	struct vcpu *boot = &vm->vcpus[0];
	if (boot->hart == from && vcpu_begin_run(&vm->life, &boot->state))
		vcpu_run(boot);
	hart_post(boot->hart, REQ_RUN);
	hart_park(from);
}

void vm_boot_first(void)
{
	struct vm *vm = vm_create();
	if (!vm)
		machine_shutdown(true);
	vm_run(vm, &harts[0]);
}

static void vm_destroy(struct vcpu *self)
{
	struct vm *vm = self->vm;
	struct hart *here = self->hart;
	struct teardown_report rep;
	uint64_t start = csr_read(time);
	vm_teardown(vm, self, &hyp.mem, &hyp.vmids, hyp.opt.teardown_check, &rep);
	/* How long it took (make bench compares sizes); with the checksums that
	 * would be mostly their two passes over guest RAM, so only without them. */
	uint64_t ns = (csr_read(time) - start) * 1000000000ULL / hyp.timebase;
	__atomic_store_n(&here->vcpu, NULL, __ATOMIC_RELEASE);
	unsigned late = __atomic_load_n(&vm->life.late_starts, __ATOMIC_SEQ_CST);
	if (late)
		hyp_log("vm%u: %u hart_start calls came while the VM was ending; none ran", vm->id, late);
	if (!rep.checked)
		hyp_log("vm%u: torn down in %llu ns", vm->id, (unsigned long long)ns);
	else if (rep.ram_sum_before == rep.ram_sum_after)
		hyp_log("vm%u: torn down; guest RAM untouched by teardown (checksum %#llx before and after)",
			vm->id, (unsigned long long)rep.ram_sum_before);
	else
		hyp_log("vm%u: torn down, but guest RAM CHANGED during teardown (checksum %#llx before, %#llx after): hypervisor bug",
			vm->id, (unsigned long long)rep.ram_sum_before, (unsigned long long)rep.ram_sum_after);
	if (rep.checked && rep.ram_sum_before != rep.ram_sum_after)
		hyp.any_guest_failed = true;
}

/* No VM is left: end the machine with the guests' verdict. */
static void __attribute__((noreturn)) hyp_finish(void)
{
	uint64_t now = palloc_free_bytes(&hyp.mem);
	if (now == hyp.free_before_vms && !hyp.mem.lost) {
		hyp_log("memory: all %llu KiB free again, as before the first VM", (unsigned long long)(now >> 10));
	} else {
		hyp_log("memory: %llu KiB free, %llu KiB before the first VM, %llu KiB given back but not recorded (allocator table full): hypervisor bug",
			(unsigned long long)(now >> 10), (unsigned long long)(hyp.free_before_vms >> 10),
			(unsigned long long)(hyp.mem.lost >> 10));
		hyp.any_guest_failed = true;
	}
	hyp_log("no VM left; shutting down (%s)", hyp.any_guest_failed ? "a guest failed" : "all guests succeeded");
	machine_shutdown(hyp.any_guest_failed);
}

/* Every way a VM ends: claim the end (or park and be torn down), say why,
 * tear down, then reboot or finish. */
static void __attribute__((noreturn)) vm_end(struct vcpu *self, bool failure, bool reboot, const char *why)
{
	struct hart *here = self->hart;
	/* Only one vcpu ends a VM; one that races it is torn down like the others. */
	if (!vm_claim_end(&self->vm->life))
		hart_park(here);
	unsigned id = self->vm->id;
	hyp_log("vm%u: %s", id, why);
	hyp.any_guest_failed |= failure;
	vm_destroy(self);
	if (!reboot)
		hyp_finish();
	/* Requests to this hart were about the old VM. */
	__atomic_store_n(&here->requests, 0, __ATOMIC_RELEASE);
	struct vm *vm = vm_create();
	if (!vm) {
		hyp.any_guest_failed = true;
		hyp_finish();
	}
	vm_run(vm, here);
}

void vm_stop_faulty(struct vcpu *self, const char *fmt, ...)
{
	char what[160], line[180];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	snprintf(line, sizeof(line), "vcpu %u: %s; VM stopped", self->id, what);
	vm_end(self, true, false, line);
}

void vm_shutdown(struct vcpu *self, bool failure)
{
	vm_end(self, failure, false, failure ? "guest asked to shut down reporting failure"
					     : "guest asked to shut down");
}

void vm_reboot(struct vcpu *self)
{
	vm_end(self, false, true, "guest asked to reboot; recreating it from the image");
}

void vm_vcpu_stop(struct vcpu *self)
{
	struct vm *vm = self->vm;
	if (vcpu_stop(&vm->life, &self->state))
		vm_end(self, false, false, "its last running vcpu stopped (HSM hart_stop)");
	vtimer_cancel(self);
	hart_park(self->hart);
}
