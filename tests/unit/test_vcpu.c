/* Guest traps that reach the hypervisor (hyp/vcpu.c, hyp/inject.c): virtual
 * instructions (a counter read emulated, anything else an illegal instruction
 * delivered to the guest's handler as the privileged spec's trap would),
 * guest-page faults (the VM is stopped), host interrupts while the guest runs. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "hyp_fixture.h"
#include "boot/csr.h"
#include "hyp/inject.h"

/* csrrs rd, csr, rs1 and friends */
#define CSRRS(rd, csr, rs1) (((uint32_t)(csr) << 20) | ((rs1) << 15) | (2u << 12) | ((rd) << 7) | 0x73)
#define CSRRW(rd, csr, rs1) (((uint32_t)(csr) << 20) | ((rs1) << 15) | (1u << 12) | ((rd) << 7) | 0x73)
#define CSR_INSTRET 0xC02
#define WFI_INSN 0x10500073u
#define PC 0x80201000UL
#define VSTVEC 0x80300000UL

static struct vcpu *boot_vcpu(const struct fix_cfg *c)
{
	struct vm *vm = fix_boot(c);
	struct vcpu *v = &vm->vcpus[0];
	v->sepc = PC;
	CSR(vstvec) = VSTVEC | 1;   /* vectored: exceptions still go to the base */
	return v;
}

static struct vcpu *trap(struct vcpu *v, unsigned long cause, unsigned long stval)
{
	CSR(scause) = cause;
	CSR(stval) = stval;
	return vcpu_handle_trap(v);
}

/* The guest's handler got an illegal instruction with tval = insn. */
static void assert_illegal(struct vcpu *v, uint32_t insn)
{
	assert_int_equal(CSR(vscause), EXC_ILLEGAL_INSN);
	assert_int_equal(CSR(vstval), insn);
	assert_int_equal(CSR(vsepc), PC);
	assert_int_equal(v->sepc, VSTVEC);
	assert_true(CSR(sstatus) & SSTATUS_SPP);  /* its handler runs in VS-mode */
}

static void unconfigured_counter_read_is_illegal(void **s)
{
	struct vcpu *v = boot_vcpu(&(struct fix_cfg){ 0 });
	unsigned ill = fix_fw_counter(v, SBI_PMU_FW_ILLEGAL_INSN);
	uint32_t insn = CSRRS(10, 0xC03, 0);  /* csrr a0, hpmcounter3 */
	v->x[10] = 0x1111;
	assert_ptr_equal(trap(v, EXC_VIRTUAL_INSN, insn), v);
	assert_illegal(v, insn);
	assert_int_equal(v->x[10], 0x1111);
	assert_int_equal(fix_fw_read(v, ill), 1);
}

static void stopped_counter_read_is_emulated(void **s)
{
	struct vcpu *v = boot_vcpu(&(struct fix_cfg){ 0 });
	/* instructions on counter 2, started, counting, stopped: reads trap */
	v->x[17] = SBI_EXT_PMU; v->x[16] = SBI_PMU_COUNTER_CFG_MATCH;
	v->x[10] = 2; v->x[11] = 1; v->x[12] = SBI_PMU_CFG_FLAG_AUTO_START | SBI_PMU_CFG_FLAG_CLEAR_VALUE;
	v->x[13] = (SBI_PMU_EVENT_TYPE_HW << 16) | SBI_PMU_HW_INSTRUCTIONS; v->x[14] = v->x[15] = 0;
	assert_int_equal(sbi_handle_ecall(v).error, 0);
	fake_pmu_tick(1000);
	assert_int_equal(fix_ecall(v, SBI_EXT_PMU, SBI_PMU_COUNTER_STOP, 2, 1, 0).error, 0);
	assert_false(CSR(hcounteren) & (1UL << 2));
	v->sepc = PC;
	CSR(vscause) = 0;
	trap(v, EXC_VIRTUAL_INSN, CSRRS(11, CSR_INSTRET, 0));  /* rdinstret a1 */
	assert_int_equal(v->x[11], 1000);
	assert_int_equal(v->sepc, PC + 4);
	assert_int_equal(CSR(vscause), 0);  /* nothing injected */
	/* to x0: nothing written, still stepped over */
	trap(v, EXC_VIRTUAL_INSN, CSRRS(0, CSR_INSTRET, 0));
	assert_int_equal(v->x[0], 0);
	assert_int_equal(v->sepc, PC + 8);
	/* a write to a counter is illegal */
	v->sepc = PC;
	uint32_t w = CSRRW(0, CSR_INSTRET, 5);
	trap(v, EXC_VIRTUAL_INSN, w);
	assert_illegal(v, w);
}

static void other_virtual_instructions_are_illegal(void **s)
{
	struct vcpu *v = boot_vcpu(&(struct fix_cfg){ 0 });
	trap(v, EXC_VIRTUAL_INSN, WFI_INSN);
	assert_illegal(v, WFI_INSN);
	/* a CSR outside the counters (hgatp from VS) */
	v->sepc = PC;
	uint32_t insn = CSRRS(10, 0x680, 0);
	trap(v, EXC_VIRTUAL_INSN, insn);
	assert_illegal(v, insn);
}

/* stval 0 (allowed by the spec): the instruction is read from the guest. */
static void instruction_fetched_when_stval_is_zero(void **s)
{
	struct vcpu *v = boot_vcpu(&(struct fix_cfg){ 0 });
	uint32_t insn = CSRRS(10, 0xC04, 0);
	fake_hart.code[0].va = PC;
	fake_hart.code[0].parcel = insn & 0xffff;
	fake_hart.code[1].va = PC + 2;
	fake_hart.code[1].parcel = insn >> 16;
	CSR(sstatus) = SSTATUS_SPP | SSTATUS_SPIE;
	CSR(hstatus) = HSTATUS_SPV | HSTATUS_SPVP;
	trap(v, EXC_VIRTUAL_INSN, 0);
	assert_illegal(v, insn);  /* hpmcounter4 is not configured */
	assert_int_equal(CSR(hstatus), HSTATUS_SPV | HSTATUS_SPVP);
	/* the fetch faults: tval 0 */
	v->sepc = PC + 0x100;
	trap(v, EXC_VIRTUAL_INSN, 0);
	assert_int_equal(CSR(vscause), EXC_ILLEGAL_INSN);
	assert_int_equal(CSR(vstval), 0);
	assert_int_equal(CSR(vsepc), PC + 0x100);
	/* second parcel faults */
	fake_hart.code[1].parcel = 0;
	v->sepc = PC;
	trap(v, EXC_VIRTUAL_INSN, 0);
	assert_int_equal(CSR(vstval), 0);
}

/* The injected trap's vsstatus: SPP from where the guest was, SPIE = old SIE, SIE = 0. */
static void inject_sets_vsstatus_like_a_trap(void **s)
{
	struct vcpu *v = boot_vcpu(&(struct fix_cfg){ 0 });
	CSR(vsstatus) = SSTATUS_SIE | SSTATUS_SPP | (1UL << 18);  /* SUM kept */
	CSR(sstatus) = 0;  /* from VU */
	vcpu_inject_exception(v, EXC_BREAKPOINT, 0x42);
	assert_int_equal(CSR(vsstatus), SSTATUS_SPIE | (1UL << 18));
	assert_int_equal(CSR(vscause), EXC_BREAKPOINT);
	assert_int_equal(CSR(vstval), 0x42);
	assert_int_equal(CSR(vsepc), PC);
	assert_int_equal(v->sepc, VSTVEC);
	assert_true(CSR(sstatus) & SSTATUS_SPP);
	/* from VS with SIE off */
	v->sepc = PC;
	CSR(vsstatus) = SSTATUS_SPIE;
	CSR(sstatus) = SSTATUS_SPP;
	vcpu_inject_exception(v, EXC_ILLEGAL_INSN, 0);
	assert_int_equal(CSR(vsstatus), SSTATUS_SPP);
}

static void guest_page_fault(unsigned long cause, const char *what)
{
	struct vcpu *v = boot_vcpu(&(struct fix_cfg){ 0 });
	CSR(htval) = 0x20000000UL >> 2;  /* GPA 0x20000000: neither RAM nor a device */
	assert_int_equal(FAKE_RUN(trap(v, cause, 0x20000003)), FAKE_SHUTDOWN);
	assert_true(fake_hart.shutdown_failure);
	char line[160];
	snprintf(line, sizeof(line), "vcpu 0: guest %s at GPA 0x20000003 outside its RAM (pc 0x%lx, scause %lu); VM stopped",
		 what, PC, cause);
	assert_true(fix_said(line));
}

static void guest_page_faults_stop_the_vm(void **s)
{
	guest_page_fault(EXC_INSN_GUEST_PAGE_FAULT, "instruction fetch");
	guest_page_fault(EXC_LOAD_GUEST_PAGE_FAULT, "load");
	guest_page_fault(EXC_STORE_GUEST_PAGE_FAULT, "store");
}

static void unexpected_traps_stop_the_vm(void **s)
{
	struct vcpu *v = boot_vcpu(&(struct fix_cfg){ 0 });
	assert_int_equal(FAKE_RUN(trap(v, EXC_ECALL_U, 0x5)), FAKE_SHUTDOWN);
	assert_true(fix_said("unexpected trap scause 8 (stval 0x5)"));
	v = boot_vcpu(&(struct fix_cfg){ 0 });
	assert_int_equal(FAKE_RUN(trap(v, SCAUSE_INTERRUPT | IRQ_S_EXT, 0)), FAKE_SHUTDOWN);
	assert_true(fix_said("unexpected host interrupt 9 while the guest ran"));
}

static void host_interrupts_while_the_guest_runs(void **s)
{
	struct vcpu *v = boot_vcpu(&(struct fix_cfg){ .lcofi = true });
	/* software: this hart's requests (a guest IPI from another vcpu) */
	CSR(hvip) = 0;
	CSR(sip) = MIP_BIT(IRQ_S_SOFT);
	harts[0].requests = REQ_VSSIP;
	assert_ptr_equal(trap(v, SCAUSE_INTERRUPT | IRQ_S_SOFT, 0), v);
	assert_int_equal(CSR(hvip), MIP_BIT(IRQ_VS_SOFT));
	assert_int_equal(CSR(sip), 0);
	assert_int_equal(harts[0].requests, 0);
	/* the host timer standing in for Sstc */
	CSR(hvip) = 0;
	trap(v, SCAUSE_INTERRUPT | IRQ_S_TIMER, 0);
	assert_int_equal(CSR(hvip), MIP_BIT(IRQ_VS_TIMER));
	/* overflow with no counter overflowed: nothing for the guest */
	CSR(hvip) = 0;
	trap(v, SCAUSE_INTERRUPT | IRQ_LCOFI, 0);
	assert_int_equal(CSR(hvip), 0);
	assert_int_equal(v->sepc, PC);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(unconfigured_counter_read_is_illegal),
		cmocka_unit_test(stopped_counter_read_is_emulated),
		cmocka_unit_test(other_virtual_instructions_are_illegal),
		cmocka_unit_test(instruction_fetched_when_stval_is_zero),
		cmocka_unit_test(inject_sets_vsstatus_like_a_trap),
		cmocka_unit_test(guest_page_faults_stop_the_vm),
		cmocka_unit_test(unexpected_traps_stop_the_vm),
		cmocka_unit_test(host_interrupts_while_the_guest_runs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
