/* The hart's CSRs for running a vcpu, and the hardware steps of teardown. */
#include "boot/csr.h"
#include "hyp/hyp.h"
#include "hyp/teardown.h"
#include "hyp/vcpu_hw.h"
#include "hyp/vtimer.h"

/* Exceptions the guest handles itself; everything else comes to the hypervisor. */
#define HEDELEG_GUEST ((1UL << EXC_INSN_MISALIGNED) | (1UL << EXC_ILLEGAL_INSN) | \
		       (1UL << EXC_BREAKPOINT) | (1UL << EXC_ECALL_U) | \
		       (1UL << EXC_INSN_PAGE_FAULT) | (1UL << EXC_LOAD_PAGE_FAULT) | \
		       (1UL << EXC_STORE_PAGE_FAULT))
#define HIDELEG_GUEST (MIP_BIT(IRQ_VS_SOFT) | MIP_BIT(IRQ_VS_TIMER) | MIP_BIT(IRQ_VS_EXT))

void vcpu_hw_load(const struct vcpu *v, uint64_t hgatp, int vmid)
{
	csr_write(hgatp, hgatp);
	hfence_gvma_vmid((unsigned long)vmid);
	csr_write(hedeleg, HEDELEG_GUEST);
	csr_write(hideleg, HIDELEG_GUEST | (pmu_host_lcofi_to_vs(&hyp.pmu) ? MIP_BIT(IRQ_LCOFI) : 0));
	csr_write(hvip, 0);
	csr_write(hcounteren, HCOUNTEREN_TM | pmu_hcounteren(&v->pmu));
	csr_write(htimedelta, 0);
	if (hyp.sstc) {
		csr_write(henvcfg, HENVCFG_STCE);
		csr_write(vstimecmp, UINT64_MAX);
	}
	csr_write(vsstatus, 0);
	csr_write(vsie, 0);
	csr_write(vstvec, 0);
	csr_write(vsscratch, 0);
	csr_write(vsatp, 0);
	hfence_vvma_all();
	/* sret lands in VS-mode. */
	csr_write(hstatus, HSTATUS_SPV | HSTATUS_SPVP);
	csr_set(sstatus, SSTATUS_SPP);
	csr_clear(sstatus, SSTATUS_SPIE);
	/* Host interrupts the hypervisor handles while the guest runs. */
	csr_write(sie, (hyp.sstc ? 0 : MIP_BIT(IRQ_S_TIMER)) |
		       (pmu_host_lcofi_to_vs(&hyp.pmu) ? MIP_BIT(IRQ_LCOFI) : 0));
}

void vcpu_hw_quiesce(struct vcpu *v)
{
	vtimer_cancel(v);
	csr_write(hvip, 0);
}

void vm_hw_forget(const struct vm *vm)
{
	csr_write(hgatp, 0);
	hfence_gvma_vmid((unsigned long)vm->vmid);
}
