/* The one trap entry. sscratch holds the running vcpu while the guest runs and 0
 * while the hypervisor runs, so one swap tells the two apart.
 * VS ecalls (the hot path) save only the registers the C ABI may clobber: the C
 * handler preserves s0-s11 for us, and gp, which the hypervisor never writes
 * (it links without gp relaxation). No SBI call reads those from the vcpu, and
 * one that enters a vcpu afresh (HSM start, reboot) sets them all first. Every
 * other trap saves and restores all. */
#include "asm_offsets.h"
#include "boot/csr.h"

#define X(n) (VCPU_X + 8 * (n))

	.text
	.balign 4
	.globl hyp_trap_entry
hyp_trap_entry:
	csrrw	sp, sscratch, sp
	beqz	sp, hyp_self_trap
	sd	ra, X(1)(sp)
	sd	tp, X(4)(sp)
	sd	t0, X(5)(sp)
	sd	t1, X(6)(sp)
	sd	t2, X(7)(sp)
	sd	a0, X(10)(sp)
	sd	a1, X(11)(sp)
	sd	a2, X(12)(sp)
	sd	a3, X(13)(sp)
	sd	a4, X(14)(sp)
	sd	a5, X(15)(sp)
	sd	a6, X(16)(sp)
	sd	a7, X(17)(sp)
	sd	t3, X(28)(sp)
	sd	t4, X(29)(sp)
	sd	t5, X(30)(sp)
	sd	t6, X(31)(sp)
	csrrw	t0, sscratch, zero      /* guest sp; sscratch = 0: now in the hypervisor */
	sd	t0, X(2)(sp)
	csrr	t0, sepc
	csrr	t1, scause
	li	t2, EXC_ECALL_VS
	mv	a0, sp
	ld	tp, VCPU_HYP_TP(a0)
	ld	sp, VCPU_HYP_SP(a0)
	bne	t1, t2, vcpu_trap
	addi	t0, t0, 4               /* the guest resumes after the ecall, also if the call never returns (SRST) */
	sd	t0, VCPU_SEPC(a0)
	sd	a0, 0(sp)               /* the slot above hyp_sp (hyp/vm.c) keeps v across the call */
	/* jal, not call (two instructions without relaxation): the image is far
	 * inside jal's +-1 MiB. (vcpu) -> sbiret in a0/a1; s0-s11 still the guest's. */
	jal	sbi_handle_ecall
	ld	t0, 0(sp)
	sd	a0, X(10)(t0)
	sd	a1, X(11)(t0)
	/* fall through */

vcpu_resume:                            /* t0 = vcpu; gp and s0-s11 are the guest's already */
	ld	t1, VCPU_SEPC(t0)
	csrw	sepc, t1
	csrw	sscratch, t0
	ld	ra, X(1)(t0)
	ld	sp, X(2)(t0)
	ld	tp, X(4)(t0)
	ld	t1, X(6)(t0)
	ld	t2, X(7)(t0)
	ld	a0, X(10)(t0)
	ld	a1, X(11)(t0)
	ld	a2, X(12)(t0)
	ld	a3, X(13)(t0)
	ld	a4, X(14)(t0)
	ld	a5, X(15)(t0)
	ld	a6, X(16)(t0)
	ld	a7, X(17)(t0)
	ld	t3, X(28)(t0)
	ld	t4, X(29)(t0)
	ld	t5, X(30)(t0)
	ld	t6, X(31)(t0)
	ld	t0, X(5)(t0)
	sret

vcpu_trap:                              /* a0 = vcpu, t0 = sepc: every trap but a VS ecall */
	sd	t0, VCPU_SEPC(a0)
	sd	gp, X(3)(a0)
	sd	s0, X(8)(a0)
	sd	s1, X(9)(a0)
	sd	s2, X(18)(a0)
	sd	s3, X(19)(a0)
	sd	s4, X(20)(a0)
	sd	s5, X(21)(a0)
	sd	s6, X(22)(a0)
	sd	s7, X(23)(a0)
	sd	s8, X(24)(a0)
	sd	s9, X(25)(a0)
	sd	s10, X(26)(a0)
	sd	s11, X(27)(a0)
	call	vcpu_handle_trap
	/* fall through: the handler may have changed any guest register */

	.globl vcpu_enter
vcpu_enter:                             /* a0 = vcpu */
	mv	t0, a0
	ld	s0, X(8)(t0)
	ld	s1, X(9)(t0)
	ld	s2, X(18)(t0)
	ld	s3, X(19)(t0)
	ld	s4, X(20)(t0)
	ld	s5, X(21)(t0)
	ld	s6, X(22)(t0)
	ld	s7, X(23)(t0)
	ld	s8, X(24)(t0)
	ld	s9, X(25)(t0)
	ld	s10, X(26)(t0)
	ld	s11, X(27)(t0)
	ld	gp, X(3)(t0)
	j	vcpu_resume

/* A trap taken in the hypervisor itself is a hypervisor bug: report and stop.
 * The one exception is a guest instruction fetch (hyp/guest_fetch.S) that
 * faulted: it resumes at its fixup, back in the guest's trap context. */
hyp_self_trap:
	csrrw	sp, sscratch, sp        /* back to the hypervisor's sp; sscratch = 0 again */
	addi	sp, sp, -16
	sd	t0, 0(sp)
	sd	t1, 8(sp)
	csrr	t0, sepc
	lla	t1, guest_fetch_access
	bne	t0, t1, 3f
	lla	t0, guest_fetch_fault   /* the caller restores the CSRs this trap changed */
	csrw	sepc, t0
	ld	t0, 0(sp)
	ld	t1, 8(sp)
	addi	sp, sp, 16
	sret
3:	addi	sp, sp, 16
	csrr	a0, scause
	csrr	a1, sepc
	csrr	a2, stval
	call	hyp_fatal_trap
2:	wfi
	j	2b
