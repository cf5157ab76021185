/* A VM's life (hyp/vm.c) and the harts' requests (hyp/hart.c): creation and
 * each way it fails, every way a VM ends (shutdown, reboot, the last hart_stop,
 * a race for the end), teardown of vcpus on other harts (threads of the fake
 * hart), parking and serving. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "hyp_fixture.h"
#include "boot/csr.h"

#define GPA(off) (GUEST_RAM_BASE + (off))

/* ---- creation */

static void created_vm_is_as_the_guest_protocol_says(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ .vcpus = 2, .guest_mem = 6 * MiB });
	struct vcpu *v = &vm->vcpus[0];
	assert_int_equal(vm->n_vcpus, 2);
	assert_int_equal(vm->mem.size, 6 * MiB);
	/* vcpu 0 at the image, a0 = 0, a1 = the DTB in the last 64 KiB */
	assert_int_equal(v->sepc, GUEST_IMAGE_GPA);
	assert_int_equal(v->x[10], 0);
	assert_int_equal(v->x[11], GPA(6 * MiB - GUEST_DTB_SPACE));
	uint8_t magic[4], img[FIX_IMAGE_SIZE];
	assert_int_equal(gmem_read(&vm->mem, v->x[11], magic, 4), 0);
	assert_memory_equal(magic, "\xd0\x0d\xfe\xed", 4);
	assert_int_equal(gmem_read(&vm->mem, GUEST_IMAGE_GPA, img, sizeof(img)), 0);
	assert_memory_equal(img, fix_image, sizeof(img));
	/* vcpu 1 waits STOPPED; each vcpu on its hart, with that hart's stack */
	assert_int_equal(vcpu_state_now(&vm->vcpus[1].state), VCPU_STOPPED);
	assert_int_equal(vcpu_state_now(&v->state), VCPU_RUNNING);
	assert_ptr_equal(vm->vcpus[1].hart, &harts[1]);
	assert_ptr_equal(harts[1].vcpu, &vm->vcpus[1]);
	assert_int_equal(vm->vcpus[1].hyp_sp, harts[1].stack_top - 16);  /* the top slot holds v (trap.S) */
	/* the hart's CSRs for it: G-stage, delegation, no timer, 64-bit VS */
	assert_int_equal(CSR(hgatp), vm->hgatp);
	assert_int_equal(CSR(hideleg), MIP_BIT(IRQ_VS_SOFT) | MIP_BIT(IRQ_VS_TIMER) | MIP_BIT(IRQ_VS_EXT));
	assert_int_equal(CSR(hedeleg) & (1UL << EXC_ECALL_VS), 0);
	assert_int_equal(CSR(hedeleg) & (1UL << EXC_VIRTUAL_INSN), 0);
	assert_true(CSR(hedeleg) & (1UL << EXC_ILLEGAL_INSN));
	assert_int_equal(CSR(hstatus) & (HSTATUS_SPV | HSTATUS_VSXL), HSTATUS_SPV | HSTATUS_VSXL_64);
	assert_int_equal(CSR(sie), MIP_BIT(IRQ_S_SOFT) | MIP_BIT(IRQ_S_TIMER)); /* no Sstc, no LCOFI */
	assert_int_equal(CSR(vsatp), 0);
	assert_int_equal(CSR(henvcfg), 0);
}

static void boot_failure(const struct fix_cfg *c, const char *said)
{
	fix_hyp(c);
	assert_int_equal(FAKE_RUN(vm_boot_first()), FAKE_SHUTDOWN);
	assert_true(fake_hart.shutdown_failure);
	assert_true(fix_said(said));
	/* nothing kept of the half-built VM */
	assert_int_equal(palloc_free_bytes(&hyp.mem), hyp.free_before_vms);
}

static void creation_failures(void **s)
{
	boot_failure(&(struct fix_cfg){ .guest_mem = 64 * MiB },
		     "cannot allocate 64 MiB of guest RAM: 39 MiB free; pass hpmvisor.mem=39M or less");
	boot_failure(&(struct fix_cfg){ .image_size = 7 * MiB },
		     "guest kernel of 7340032 bytes needs 7340032 bytes past GPA 0x80200000 (its image_size counts its bss), more than 8 MiB of guest RAM leaves; raise hpmvisor.mem=");
	boot_failure(&(struct fix_cfg){ .host_isa = "rv32imac" }, "cannot place the guest image and DTB (error -12)");
	boot_failure(&(struct fix_cfg){ .host_isa = "bogus" }, "cannot derive the guest's riscv,isa from \"bogus\"");
	/* every VMID taken */
	fix_hyp(&(struct fix_cfg){ .vmid_bits = 1 });
	while (vmid_alloc(&hyp.vmids) >= 0)
		;
	assert_int_equal(FAKE_RUN(vm_boot_first()), FAKE_SHUTDOWN);
	assert_true(fix_said("no free VMID"));
	/* no RAM at all: not even the G-stage root */
	fix_hyp(&(struct fix_cfg){ 0 });
	palloc_init(&hyp.mem);
	assert_int_equal(FAKE_RUN(vm_boot_first()), FAKE_SHUTDOWN);
	assert_true(fix_said("no memory for the G-stage root table"));
	/* less than the minimum left */
	fix_hyp(&(struct fix_cfg){ 0 });
	palloc_alloc(&hyp.mem, 37 * MiB, 4096);
	hyp.free_before_vms = palloc_free_bytes(&hyp.mem);
	assert_int_equal(FAKE_RUN(vm_boot_first()), FAKE_SHUTDOWN);
	assert_true(fix_said("at least 4 MiB needed; give the machine more RAM"));
}

static void guest_ram_in_pieces_is_said(void **s)
{
	fix_hyp(&(struct fix_cfg){ 0 });
	/* a hole every 3 MiB: no free run holds 8 MiB */
	for (uint64_t off = 3 * MiB; off < FIX_ARENA; off += 3 * MiB)
		palloc_reserve(&hyp.mem, hyp.mem.ext[0].base + off, 4096);
	assert_int_equal(FAKE_RUN(vm_boot_first()), FAKE_ENTERED);
	assert_true(fix_said(" host blocks, 1 vcpu, image 4096 bytes at 0x80200000"));
}

/* ---- the end of a VM */

static void last_hart_stop_ends_the_vm(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ 0 });
	hyp.opt.teardown_check = true;
	assert_int_equal(FAKE_RUN(fix_ecall(&vm->vcpus[0], SBI_EXT_HSM, SBI_HSM_HART_STOP, 0, 0, 0)),
			 FAKE_SHUTDOWN);
	assert_false(fake_hart.shutdown_failure);
	assert_true(fix_said(": its last running vcpu stopped (HSM hart_stop)"));
	assert_true(fix_said(": torn down; guest RAM untouched by teardown (checksum"));
	assert_true(fix_said("no VM left; shutting down (all guests succeeded)"));
	/* teardown step 3 on this hart: no G-stage, the VMID fenced */
	assert_int_equal(CSR(hgatp), 0);
	assert_int_equal(fake_hart.last_gvma_vmid, (unsigned long)vm->vmid);
}

/* A vcpu that loses the race for the end parks, to be torn down. */
static void second_end_claim_parks(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ .vcpus = 2 });
	fix_run_vcpu(vm, 1);
	assert_true(vm_claim_end(&vm->life));
	assert_int_equal(FAKE_RUN(vm_shutdown(&vm->vcpus[1], true)), FAKE_WAITING);
	assert_int_equal(fake_hart.last_park_sp, harts[1].stack_top);
	assert_null(strstr(fake_hart.out, "guest asked to shut down"));
}

/* vcpu 1 shuts the VM down while vcpu 0 runs on its own hart (a thread). */
static void shutdown_from_another_vcpu_tears_all_down(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ .vcpus = 2 });
	fix_run_vcpu(vm, 1);
	fake_hart.remote_harts = true;
	hyp.opt.teardown_check = false;
	vm->life.late_starts = 2;
	fake_be_hart(1);
	enum fake_exit how = FAKE_RUN(fix_ecall(&vm->vcpus[1], SBI_EXT_SRST, SBI_SRST_RESET,
						SBI_SRST_TYPE_SHUTDOWN, SBI_SRST_REASON_NONE, 0));
	fake_be_hart(0);
	fake_harts_join();
	assert_int_equal(how, FAKE_SHUTDOWN);
	/* vcpu 0 was asked to stop, then to tear down, on its hart */
	assert_int_equal(fake_ecalls(SBI_EXT_IPI, SBI_IPI_SEND_IPI), 2);
	assert_int_equal(fake_last_ecall(SBI_EXT_IPI, 0)->a[1], FIX_HARTID(0));
	assert_null(harts[0].vcpu);
	assert_null(harts[1].vcpu);
	assert_true(fix_said(": 2 hart_start calls came while the VM was ending; none ran"));
	assert_true(fix_said(": torn down in "));
	assert_true(fix_said("memory: all"));
	assert_int_equal(palloc_free_bytes(&hyp.mem), hyp.free_before_vms);
}

/* A reboot asked on hart 1: the new VM's vcpu 0 runs on hart 0, hart 1 parks. */
static void reboot_from_another_vcpu(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ .vcpus = 2 });
	fix_run_vcpu(vm, 1);
	unsigned id = vm->id;  /* the new VM takes the same struct */
	fake_hart.remote_harts = true;
	fake_be_hart(1);
	enum fake_exit how = FAKE_RUN(fix_ecall(&vm->vcpus[1], SBI_EXT_SRST, SBI_SRST_RESET,
						SBI_SRST_TYPE_COLD_REBOOT, 0, 0));
	fake_be_hart(0);
	fake_harts_join();
	assert_int_equal(how, FAKE_WAITING);
	assert_int_equal(fake_hart.last_park_sp, harts[1].stack_top);
	/* hart 0's thread entered the new VM's vcpu 0 */
	assert_non_null(fake_hart.entered);
	assert_int_equal(fake_hart.entered->id, 0);
	assert_int_equal(fake_hart.entered->vm->id, id + 1);
	assert_int_equal(vcpu_state_now(&fake_hart.entered->state), VCPU_RUNNING);
}

static void reboot_that_cannot_recreate_fails_the_run(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ 0 });
	hyp.opt.guest_mem = 64 * MiB;
	assert_int_equal(FAKE_RUN(vm_reboot(&vm->vcpus[0])), FAKE_SHUTDOWN);
	assert_true(fake_hart.shutdown_failure);
	assert_true(fix_said("cannot allocate 64 MiB"));
}

static void leak_fails_the_run(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ 0 });
	hyp.free_before_vms += 4096;  /* as if the VM kept a page */
	assert_int_equal(FAKE_RUN(vm_shutdown(&vm->vcpus[0], false)), FAKE_SHUTDOWN);
	assert_true(fake_hart.shutdown_failure);
	assert_true(fix_said("KiB given back but not recorded (allocator table full): hypervisor bug"));
	assert_true(fix_said("(a guest failed)"));
}

/* ---- hart requests */

static void parked_hart_serves_then_waits(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ .vcpus = 2 });
	fix_run_vcpu(vm, 1);
	harts[1].requests = REQ_VSSIP | REQ_FENCE_I;
	harts[1].fence_asked[0] = 3;
	CSR(hvip) = 0;
	CSR(sie) = 0;
	fake_be_hart(1);
	assert_int_equal(FAKE_RUN(hart_secondary_main(&harts[1])), FAKE_WAITING);
	fake_be_hart(0);
	assert_true(harts[1].online);
	assert_int_equal(CSR(sie), MIP_BIT(IRQ_S_SOFT));   /* woken by requests alone */
	assert_int_equal(CSR(hvip), MIP_BIT(IRQ_VS_SOFT));
	assert_int_equal(fake_hart.fence_i_on[1], 1);
	assert_int_equal(harts[1].fence_done[0], 3);
	assert_int_equal(harts[1].requests, 0);
	assert_int_equal(fake_hart.n_wfi, 1);
}

/* A stop that arrives with the teardown in one exchange: torn down, parked. */
static void stop_and_teardown_in_one_exchange(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ .vcpus = 2 });
	fix_run_vcpu(vm, 1);
	struct vcpu *t = &vm->vcpus[1];
	vcpu_stop(&vm->life, &t->state);
	vcpu_retire(&t->state);
	harts[1].requests = REQ_TEARDOWN | REQ_STOP;
	assert_int_equal(FAKE_RUN(hart_serve(&harts[1])), FAKE_WAITING);
	assert_null(harts[1].vcpu);
	assert_int_equal(vcpu_state_now(&t->state), VCPU_GONE);
	/* a stop of a running vcpu: STOPPED and parked */
	vm = fix_boot(&(struct fix_cfg){ .vcpus = 2 });
	fix_run_vcpu(vm, 1);
	harts[1].requests = REQ_STOP;
	assert_int_equal(FAKE_RUN(hart_serve(&harts[1])), FAKE_WAITING);
	assert_int_equal(vcpu_state_now(&vm->vcpus[1].state), VCPU_STOPPED);
	/* a start a stop overtook does not run */
	harts[1].requests = REQ_RUN;
	assert_int_equal(FAKE_RUN(hart_serve(&harts[1])), FAKE_RETURNED);
	assert_int_equal(vm->life.late_starts, 1);
}

/* Two harts fencing each other at once cannot deadlock: each serves its own
 * requests while it waits. Hart 1, asked for a fence, first asks hart 0 for
 * one and waits for it; hart 0 is still waiting for hart 1. Whichever serves
 * first, both fences get done. */
static void ask_back(struct hart *h)
{
	if (h->index != 1)
		return;
	hart_fence(h, &harts[0], REQ_SFENCE);
}

static void fence_waiter_serves_its_own_requests(void **s)
{
	struct vm *vm = fix_boot(&(struct fix_cfg){ .vcpus = 2 });
	fix_run_vcpu(vm, 1);
	fake_hart.remote_harts = true;
	fake_hart.on_remote = ask_back;
	unsigned vvma = fake_hart.n_hfence_vvma;
	hart_fence(&harts[0], &harts[1], REQ_FENCE_I);
	/* If hart 1 answered first, hart 0 takes hart 1's request from its IPI
	 * once back (here: the software interrupt), as in the guest. */
	if (__atomic_load_n(&harts[0].requests, __ATOMIC_ACQUIRE))
		vcpu_host_interrupt(&vm->vcpus[0], IRQ_S_SOFT);
	fake_harts_join();
	assert_int_equal(harts[1].fence_done[0], 1);
	assert_int_equal(harts[0].fence_asked[1], 1);
	assert_int_equal(harts[0].fence_done[1], 1);
	assert_int_equal(fake_hart.fence_i_on[0], 1);
	assert_int_equal(fake_hart.fence_i_on[1], 1);
	assert_int_equal(fake_hart.n_hfence_vvma, vvma + 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(created_vm_is_as_the_guest_protocol_says),
		cmocka_unit_test(creation_failures),
		cmocka_unit_test(guest_ram_in_pieces_is_said),
		cmocka_unit_test(last_hart_stop_ends_the_vm),
		cmocka_unit_test(second_end_claim_parks),
		cmocka_unit_test(shutdown_from_another_vcpu_tears_all_down),
		cmocka_unit_test(reboot_from_another_vcpu),
		cmocka_unit_test(reboot_that_cannot_recreate_fails_the_run),
		cmocka_unit_test(leak_fails_the_run),
		cmocka_unit_test(parked_hart_serves_then_waits),
		cmocka_unit_test(stop_and_teardown_in_one_exchange),
		cmocka_unit_test(fence_waiter_serves_its_own_requests),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
