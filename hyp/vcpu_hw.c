/* The hart's CSRs for running a vcpu, and the hardware steps of teardown. */
#include "boot/csr.h"
#include "boot/isa.h"
#include "hyp/hyp.h"
#include "hyp/vcpu_hw.h"
#include "hyp/vm.h"
#include "hyp/vtimer.h"

/* Exceptions the guest handles itself, as on bare hardware: its own bad
 * accesses inside its RAM (misaligned AMO or LR/SC, access faults) included.
 * The firmware's redirect honours hedeleg too. Everything else comes to the
 * hypervisor: ecalls from VS, guest-page faults, virtual instructions. */
#define HEDELEG_GUEST ((1UL << EXC_INSN_MISALIGNED) | (1UL << EXC_INSN_ACCESS) | \
		       (1UL << EXC_ILLEGAL_INSN) | (1UL << EXC_BREAKPOINT) | \
		       (1UL << EXC_LOAD_MISALIGNED) | (1UL << EXC_LOAD_ACCESS) | \
		       (1UL << EXC_STORE_MISALIGNED) | (1UL << EXC_STORE_ACCESS) | \
		       (1UL << EXC_ECALL_U) | (1UL << EXC_INSN_PAGE_FAULT) | \
		       (1UL << EXC_LOAD_PAGE_FAULT) | (1UL << EXC_STORE_PAGE_FAULT))
/* LCOFI is not delegated: the hypervisor takes it, records the overflow for the
 * snapshot bitmap and raises it for the guest through hvip. */

/* A fresh start must not show the guest what an earlier VM left in the FPU. */
static void clear_fpu(void)
{
	csr_set(sstatus, SSTATUS_FS_INITIAL);
	fpu_clear();
	/* HS-level FS stays on (Initial): with V=1 it gates the guest's FPU too. */
}

static void load_guest_csrs(void)
{
	csr_write(vsstatus, 0);
	csr_write(vsie, 0);
	csr_write(vstvec, 0);
	csr_write(vsscratch, 0);
	csr_write(vsepc, 0);
	csr_write(vscause, 0);
	csr_write(vstval, 0);
	csr_write(vsatp, 0);
	csr_write(scounteren, 0);  /* not VS-duplicated: the guest's U-mode counter access */
	/* Nothing cached from before this start: translations of this VMID (hgatp
	 * is loaded already) and instructions (a reboot rewrites the image). */
	hfence_vvma_all();
	fence_i();
	if (isa_has(hyp.host_isa, "d"))
		clear_fpu();
}

static void load_hypervisor_csrs(const struct vcpu *v, uint64_t hgatp, int vmid)
{
	csr_write(hgatp, hgatp);
	hfence_gvma_vmid((unsigned long)vmid);
	csr_write(hedeleg, HEDELEG_GUEST);
	csr_write(hideleg, VS_INTERRUPTS);
	csr_write(hvip, 0);
	pmu_host_vcpu_load(&hyp.pmu);
	csr_write(hcounteren, HCOUNTEREN_TM | pmu_hcounteren(&v->pmu));
	csr_write(htimedelta, 0);
	/* Only what the guest's ISA string offers: Sstc's vstimecmp. */
	csr_write(henvcfg, hyp.sstc ? HENVCFG_STCE : 0);
	if (hyp.sstc)
		csr_write(vstimecmp, UINT64_MAX);
	/* sret lands in VS-mode, a 64-bit one, with no trapping of WFI, SRET or
	 * satp and no guest external interrupt selected. */
	unsigned long hstatus = csr_read(hstatus);
	hstatus &= ~(HSTATUS_VSBE | HSTATUS_GVA | HSTATUS_HU | HSTATUS_VGEIN | HSTATUS_VTVM |
		     HSTATUS_VTW | HSTATUS_VTSR | HSTATUS_VSXL);
	csr_write(hstatus, hstatus | HSTATUS_SPV | HSTATUS_SPVP | HSTATUS_VSXL_64);
	csr_set(sstatus, SSTATUS_SPP);
	csr_clear(sstatus, SSTATUS_SPIE);
	/* Host interrupts the hypervisor handles while the guest runs: requests
	 * from other harts, the host timer standing in for Sstc, counter overflow. */
	csr_write(sie, MIP_BIT(IRQ_S_SOFT) | (hyp.sstc ? 0 : MIP_BIT(IRQ_S_TIMER)) |
		       (pmu_host_lcofi_to_vs(&hyp.pmu) ? MIP_BIT(IRQ_LCOFI) : 0));
}

void vcpu_hw_load(const struct vcpu *v, uint64_t hgatp, int vmid)
{
	load_hypervisor_csrs(v, hgatp, vmid);
	load_guest_csrs();
}

void vcpu_hw_quiesce(struct vcpu *v)
{
	vtimer_cancel(v);
	csr_write(hvip, 0);
	csr_write(hgatp, 0);
	hfence_gvma_vmid((unsigned long)v->vm->vmid);
}
