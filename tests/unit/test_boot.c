/* hyp_main (hyp/hyp.c) and harts_start (hyp/hart.c) on the host: QEMU 7.2's
 * virt DTB (tests/unit/fixtures/qemu_virt.dts) with its memory moved to a host
 * arena and its initrd to the fixture's image, booted up to the first guest
 * instruction; and each refusal of the boot protocol, one line and a failed
 * shutdown. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "hyp_fixture.h"
#include "boot/csr.h"
#include "boot/fdt.h"
#include "boot/fdt_patch.h"
#include "hyp/trap.h"
#include "mm/hgatp.h"

/* Compiled by dtc at build time into FIXTURES (tests/unit/fdt.mk). */
__asm__(".pushsection .rodata\n.balign 8\nvirt_dtb:\n.incbin \"" FIXTURES "/qemu_virt.dtb\"\n"
	"virt_dtb_end:\n.popsection");
extern const uint8_t virt_dtb[], virt_dtb_end[];

static uint8_t dtb[64 << 10] __attribute__((aligned(8)));

static void be64(uint8_t *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (uint8_t)(v >> (56 - 8 * i));
}

struct machine {
	const char *bootargs;
	uint64_t initrd_len;       /* 0: FIX_IMAGE_SIZE */
	const char *isa;           /* cpu@0's riscv,isa, NULL: as QEMU's */
	bool zero_timebase;
	unsigned long hgatp_warl;  /* 0: Sv39x4 and Sv48x4, 14 VMID bits */
};

/* The fakes as a fresh machine, and the patched DTB in dtb[]. */
static void machine(const struct machine *m)
{
	fake_hart_reset();
	memset(&hyp, 0, sizeof(hyp));
	memset(harts, 0, sizeof(harts));
	n_harts = 0;
	fake_pmu_boot(false);
	fix_image_fill();
	/* modes 8 and 9 read back as written, 10 (1010b) as 8 */
	fake_csr_warl("hgatp", m->hgatp_warl ? m->hgatp_warl
			       : (9UL << HGATP_MODE_SHIFT) | (HGATP_VMID_MASK << HGATP_VMID_SHIFT) | 0xfffffffffffUL);
	uint8_t mem[16], start[8], end[8], tb[4] = { 0 };
	be64(mem, (uintptr_t)fix_arena());
	be64(mem + 8, FIX_ARENA);
	be64(start, (uintptr_t)fix_image);
	be64(end, (uintptr_t)fix_image + (m->initrd_len ? m->initrd_len : FIX_IMAGE_SIZE));
	const char *args = m->bootargs ? m->bootargs : "hpmvisor.mem=8M";
	struct fdt_patch_op ops[6] = {
		{ "/memory", "reg", mem, sizeof(mem) },
		{ "/chosen", "linux,initrd-start", start, 8 },
		{ "/chosen", "linux,initrd-end", end, 8 },
		{ "/chosen", "bootargs", args, (uint32_t)strlen(args) + 1 },
	};
	int n = 4;
	if (m->isa)
		ops[n++] = (struct fdt_patch_op){ "/cpus/cpu@0", "riscv,isa", m->isa, (uint32_t)strlen(m->isa) + 1 };
	if (m->zero_timebase)
		ops[n++] = (struct fdt_patch_op){ "/cpus", "timebase-frequency", tb, 4 };
	assert_true(fdt_patch(virt_dtb, (size_t)(virt_dtb_end - virt_dtb), dtb, sizeof(dtb), ops, n) > 0);
}

/* The firmware: BASE ids, and HSM hart_start brings the hart online unless failing. */
static long start_error;
static unsigned starts_lost;  /* SUCCESS answers that never arrive */
static struct sbiret firmware(const struct fake_ecall *c)
{
	if (c->eid == SBI_EXT_BASE)
		return (struct sbiret){ 0, (long)(0x100 + c->fid) };
	if (c->eid == SBI_EXT_HSM && c->fid == SBI_HSM_HART_START) {
		if (start_error)
			return (struct sbiret){ start_error, 0 };
		if (starts_lost) {
			starts_lost--;
			return (struct sbiret){ 0, 0 };
		}
		struct hart *h = (struct hart *)c->a[2];
		assert_int_equal(c->a[0], h->hartid);
		assert_int_equal(c->a[1], (uintptr_t)secondary_entry);
		h->online = true;
	}
	return (struct sbiret){ 0, 0 };
}

/* A wait for a hart that sleeps in wfi (hyp/hart.c let_others_run) wakes by
 * its short host timer: time goes on. */
static void timer_wakes(void)
{
}

static enum fake_exit boot(unsigned long hartid, unsigned long bad_relocs)
{
	fake_hart.firmware = firmware;
	fake_hart.time_step = 100000;  /* wait_online gives up after a few reads */
	fake_hart.on_wfi = timer_wakes;
	return FAKE_RUN(hyp_main(hartid, dtb, 0x80200000, bad_relocs));
}

static void boots_qemu_virt_to_the_guest(void **s)
{
	start_error = 0;
	starts_lost = 1;  /* the first start of hart 1 answers SUCCESS and never arrives: retried */
	machine(&(struct machine){ .bootargs = "console=hvc0 hpmvisor.mem=8M hpmvisor.vcpus=2" });
	assert_int_equal(boot(0, 0), FAKE_ENTERED);
	assert_true(fix_said("hpmvisor 0.1 on hart 0, loaded at 0x80200000, "));
	assert_true(fix_said(", H Sstc, G-stage Sv39x4 Sv48x4, VMID 14 bits, "));
	assert_true(fix_said("8 MiB RAM at GPA 0x80000000, 2 vcpus, image 4096 bytes at 0x80200000"));
	assert_int_equal(CSR(stvec), (uintptr_t)hyp_trap_entry);
	assert_int_equal(fake_hart.finisher, 0x100000);  /* sifive,test */
	/* what guests are told of the firmware */
	assert_int_equal(hyp.mvendorid, 0x104);
	assert_int_equal(hyp.marchid, 0x105);
	assert_int_equal(hyp.mimpid, 0x106);
	assert_true(hyp.sstc);
	assert_int_equal(hyp.timebase, 10000000);
	assert_int_equal(hyp.gstage_levels, 3);
	/* hart 1 started (twice), with its own stack and TLS copy */
	assert_int_equal(fake_ecalls(SBI_EXT_HSM, SBI_HSM_HART_START), 2);
	assert_int_equal(n_harts, 2);
	assert_int_equal(harts[1].hartid, 1);
	assert_true(harts[1].online);
	assert_int_not_equal(harts[1].stack_top, harts[0].stack_top);
	assert_int_not_equal(harts[1].tls, harts[0].tls);
	/* the guest's first instruction, the image in place */
	struct vcpu *v = fake_hart.entered;
	assert_int_equal(v->sepc, GUEST_IMAGE_GPA);
	uint8_t img[64];
	assert_int_equal(gmem_read(&v->vm->mem, GUEST_IMAGE_GPA, img, sizeof(img)), 0);
	assert_memory_equal(img, fix_image, sizeof(img));
	/* guest RAM is not where the guest image (the initrd) lies */
	assert_false(hyp.image.kernel < v->vm->mem.piece[0].hva + v->vm->mem.piece[0].size &&
		     v->vm->mem.piece[0].hva < hyp.image.kernel + hyp.image.kernel_size);
}

static void refused(const struct machine *m, unsigned long hartid, unsigned long bad_relocs, const char *said)
{
	machine(m);
	assert_int_equal(boot(hartid, bad_relocs), FAKE_SHUTDOWN);
	assert_true(fake_hart.shutdown_failure);
	assert_true(fix_said(said));
}

static void boot_refusals(void **s)
{
	start_error = 0;
	starts_lost = 0;
	refused(&(struct machine){ 0 }, 0, 3,
		"image has 3 relocations of an unsupported type; rebuild with the project's Makefile");
	refused(&(struct machine){ 0 }, 5, 0, "boot hart 5 is not among the device tree's cpus (2 read");
	refused(&(struct machine){ .isa = "rv64imafdc_sstc" }, 0, 0,
		"hart 0 has riscv,isa \"rv64imafdc_sstc\" without the H extension: this board cannot host a hypervisor");
	refused(&(struct machine){ .isa = "rv32imach" }, 0, 0, "hart 0 is rv32 (riscv,isa \"rv32imach\")");
	refused(&(struct machine){ .zero_timebase = true }, 0, 0, "gives no timebase-frequency (or 0)");
	refused(&(struct machine){ .bootargs = "hpmvisor.nonsense=1" }, 0, 0, "hpmvisor.nonsense");
	refused(&(struct machine){ .hgatp_warl = 1 }, 0, 0, "hgatp accepts neither Sv39x4 nor Sv48x4");
	refused(&(struct machine){ .bootargs = "hpmvisor.vcpus=3" }, 0, 0,
		"hpmvisor.vcpus=3 needs 3 harts with the H extension; this machine has 2");
	/* not a DTB at all */
	machine(&(struct machine){ 0 });
	memset(dtb, 0x5a, 64);
	assert_int_equal(boot(0, 0), FAKE_SHUTDOWN);
	assert_true(fix_said("cannot read the device tree at "));
}

static void no_guest_image(void **s)
{
	start_error = 0;
	machine(&(struct machine){ 0 });
	/* initrd-end == initrd-start */
	uint8_t end[8];
	be64(end, (uintptr_t)fix_image);
	struct fdt_patch_op op = { "/chosen", "linux,initrd-end", end, 8 };
	static uint8_t again[sizeof(dtb)] __attribute__((aligned(8)));
	memcpy(again, dtb, sizeof(dtb));
	assert_true(fdt_patch(again, sizeof(again), dtb, sizeof(dtb), &op, 1) > 0);
	assert_int_equal(boot(0, 0), FAKE_SHUTDOWN);
	assert_true(fix_said("no guest image: pass one as the initrd"));
}

static void hart_that_never_starts(void **s)
{
	start_error = SBI_ERR_ALREADY_AVAILABLE;
	refused(&(struct machine){ .bootargs = "hpmvisor.vcpus=2" }, 0, 0,
		"hart 1 did not start (SBI error -6); cannot give the guest 2 vcpus");
	assert_int_equal(fake_ecalls(SBI_EXT_HSM, SBI_HSM_HART_START), 10);
	start_error = 0;
}

static void fatal_trap_stops_the_machine(void **s)
{
	fake_hart_reset();
	assert_int_equal(FAKE_RUN(hyp_fatal_trap(13, 0x80201234, 0x10)), FAKE_SHUTDOWN);
	assert_true(fake_hart.shutdown_failure);
	assert_true(fix_said("hypervisor bug: trap in HS-mode, scause 0xd at pc 0x80201234 (stval 0x10); stopping the machine"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(boots_qemu_virt_to_the_guest),
		cmocka_unit_test(boot_refusals),
		cmocka_unit_test(no_guest_image),
		cmocka_unit_test(hart_that_never_starts),
		cmocka_unit_test(fatal_trap_stops_the_machine),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
