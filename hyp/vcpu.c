/* Every trap from a guest lands here (via hyp/trap.S). */
#include "hyp/vcpu.h"
#include "boot/csr.h"
#include "hyp/guest_fetch.h"
#include "hyp/inject.h"
#include "hyp/hart.h"
#include "hyp/hyp.h"
#include "hyp/insn.h"
#include "hyp/mmio.h"
#include "hyp/vm.h"
#include "hyp/vtimer.h"

/* An instruction the guest may not execute: its own handler sees an illegal
 * instruction, and the firmware counter ILLEGAL_INSN counts one we handled. */
static void illegal_instruction(struct vcpu *v, uint32_t insn)
{
	pmu_fw_count(&v->pmu, SBI_PMU_FW_ILLEGAL_INSN);
	vcpu_inject_exception(v, EXC_ILLEGAL_INSN, insn);
}

/* The guest read a counter CSR while its hcounteren bit was clear. */
static void emulate_counter_read(struct vcpu *v, const struct csr_access *a, uint32_t insn)
{
	uint64_t val;
	if (a->writes || pmu_counter_csr_read(&v->pmu, a->csr - CSR_CYCLE, &val)) {
		illegal_instruction(v, insn);
		return;
	}
	if (a->rd)
		v->x[a->rd] = val;
	v->sepc += 4;
}

/* The instruction at the guest's pc, read as the guest sees it; 0 if that
 * faults. A fault is a trap in HS that rewrites sstatus.SPP and hstatus.SPV,
 * which the return to the guest needs as the guest's trap left them. */
static uint32_t fetch_guest_instruction(const struct vcpu *v)
{
	unsigned long sstatus = csr_read(sstatus), hstatus = csr_read(hstatus);
	long lo = guest_fetch_parcel(v->sepc), hi = 0;
	if (lo >= 0 && (lo & 3) == 3)  /* not compressed: a second parcel */
		hi = guest_fetch_parcel(v->sepc + 2);
	csr_write(sstatus, sstatus);
	csr_write(hstatus, hstatus);
	return lo < 0 || hi < 0 ? 0 : (uint32_t)lo | (uint32_t)hi << 16;
}

/* The instruction that trapped: stval has it, unless the hart writes 0 there
 * (the spec allows that). */
static uint32_t trapped_instruction(const struct vcpu *v)
{
	uint32_t insn = (uint32_t)csr_read(stval);
	return insn ? insn : fetch_guest_instruction(v);
}

static const char *access_name(unsigned long cause)
{
	switch (cause) {
	case EXC_INSN_GUEST_PAGE_FAULT: return "instruction fetch";
	case EXC_LOAD_GUEST_PAGE_FAULT: return "load";
	default:                        return "store";
	}
}

/* The load or store that faulted: from htinst when the hart gave its transformed
 * form, else decoded from the instruction at the guest's pc. A pseudoinstruction
 * in htinst means the fault came from the guest's page-table walk, not from the
 * instruction: nothing to emulate. */
static bool faulting_access(const struct vcpu *v, unsigned long htinst, struct mem_access *a, uint32_t *insn)
{
	if (htinst)
		return insn_decode_transformed((uint32_t)htinst, a);
	*insn = fetch_guest_instruction(v);
	return insn_decode_mem(*insn, a);
}

/* A load or store at one of the VM's devices (hyp/mmio.c): emulated, and the
 * guest continues after it. */
static void emulate_mmio(struct vcpu *v, unsigned long gpa, unsigned long htinst)
{
	struct mem_access a;
	uint32_t insn = (uint32_t)htinst;
	if (htinst && !(htinst & 3))
		vm_stop_faulty(v, "guest page-table walk (htinst %#lx) at pc %#llx reads or writes the UART at GPA %#lx",
			       htinst, (unsigned long long)v->sepc, gpa);
	if (!faulting_access(v, htinst, &a, &insn))
		vm_stop_faulty(v, "guest instruction %#x at pc %#llx touches the UART at GPA %#lx but is no integer load or store",
			       insn, (unsigned long long)v->sepc, gpa);
	uint64_t val = a.store && a.reg ? v->x[a.reg] : 0;
	if (mmio_access(&v->vm->dev, gpa, &a, &val) != MMIO_DONE)
		vm_stop_faulty(v, "guest %u-byte %s at UART register GPA %#lx (pc %#llx): its registers are bytes (reg-shift 0)",
			       a.size, a.store ? "store" : "load", gpa, (unsigned long long)v->sepc);
	if (!a.store && a.reg)
		v->x[a.reg] = val;
	v->sepc += a.len;
}

static void guest_page_fault(struct vcpu *v, unsigned long cause)
{
	/* htval holds GPA >> 2; the low bits come from stval. Read every trap CSR
	 * before fetching the instruction: a fault there would overwrite them. */
	unsigned long gpa = (csr_read(htval) << 2) | (csr_read(stval) & 3);
	unsigned long htinst = hyp.opt.htinst ? csr_read(htinst) : 0;
	if (cause != EXC_INSN_GUEST_PAGE_FAULT && mmio_is_device(gpa)) {
		emulate_mmio(v, gpa, htinst);
		return;
	}
	vm_stop_faulty(v, "guest %s at GPA 0x%lx outside its RAM (pc 0x%llx, scause %lu)",
		       access_name(cause), gpa, (unsigned long long)v->sepc, cause);
}

static void virtual_instruction(struct vcpu *v)
{
	uint32_t insn = trapped_instruction(v);
	struct csr_access a;
	if (insn_decode_csr(insn, &a) && a.csr >= CSR_CYCLE && a.csr <= CSR_HPMCOUNTER31) {
		emulate_counter_read(v, &a, insn);
		return;
	}
	/* Legal in HS but not for a guest. */
	illegal_instruction(v, insn);
}

void vcpu_host_interrupt(struct vcpu *v, unsigned long irq)
{
	switch (irq) {
	case IRQ_S_SOFT:
		hart_serve(v->hart);
		return;
	case IRQ_S_TIMER:
		vtimer_host_irq(v);
		return;
	case IRQ_LCOFI:
		if (pmu_overflow_irq(&v->pmu))
			csr_set(hvip, MIP_BIT(IRQ_LCOFI));
		return;
	default:
		vm_stop_faulty(v, "unexpected host interrupt %lu while the guest ran", irq);
	}
}

struct vcpu *vcpu_handle_trap(struct vcpu *v)
{
	unsigned long cause = csr_read(scause);
	switch (cause) {
	case EXC_VIRTUAL_INSN:
		virtual_instruction(v);
		return v;
	case EXC_INSN_GUEST_PAGE_FAULT:
	case EXC_LOAD_GUEST_PAGE_FAULT:
	case EXC_STORE_GUEST_PAGE_FAULT:
		guest_page_fault(v, cause);
		return v;
	default:
		if (cause & SCAUSE_INTERRUPT) {
			vcpu_host_interrupt(v, cause & ~SCAUSE_INTERRUPT);
			return v;
		}
		vm_stop_faulty(v, "unexpected trap scause %lu (stval %#lx) at pc %#llx",
			       cause, csr_read(stval), (unsigned long long)v->sepc);
	}
}
