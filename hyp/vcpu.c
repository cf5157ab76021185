/* Every trap from a guest lands here (via hyp/trap.S). */
#include "hyp/vcpu.h"
#include "boot/csr.h"
#include "hyp/guest_fetch.h"
#include "hyp/inject.h"
#include "hyp/hart.h"
#include "hyp/insn.h"
#include "hyp/vm.h"
#include "hyp/vtimer.h"

static const char *access_name(unsigned long cause)
{
	switch (cause) {
	case EXC_INSN_GUEST_PAGE_FAULT: return "instruction fetch";
	case EXC_LOAD_GUEST_PAGE_FAULT: return "load";
	default:                        return "store";
	}
}

static void __attribute__((noreturn)) guest_page_fault(struct vcpu *v, unsigned long cause)
{
	/* htval holds GPA >> 2; the low bits come from stval. */
	unsigned long gpa = (csr_read(htval) << 2) | (csr_read(stval) & 3);
	vm_stop_faulty(v, "guest %s at GPA 0x%lx outside its RAM (pc 0x%llx, scause %lu)",
		       access_name(cause), gpa, (unsigned long long)v->sepc, cause);
}

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
	default:
		if (cause & SCAUSE_INTERRUPT) {
			vcpu_host_interrupt(v, cause & ~SCAUSE_INTERRUPT);
			return v;
		}
		vm_stop_faulty(v, "unexpected trap scause %lu (stval %#lx) at pc %#llx",
			       cause, csr_read(stval), (unsigned long long)v->sepc);
	}
}
