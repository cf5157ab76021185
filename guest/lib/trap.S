/* S-mode trap entry: save every register, call trap_dispatch(frame), restore
 * (with the possibly updated sepc) and sret. No U-mode, so no stack switch. */
#include "trap.h"

	.text
	.balign 4
	.globl trap_entry
trap_entry:
	addi	sp, sp, -(TF_SLOTS * 8)
	.irp n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	sd	x\n, (\n * 8)(sp)
	.endr
	addi	t0, sp, TF_SLOTS * 8
	sd	t0, (2 * 8)(sp)
	csrr	t0, sepc
	sd	t0, (TF_SEPC * 8)(sp)
	csrr	t0, scause
	sd	t0, (TF_SCAUSE * 8)(sp)
	csrr	t0, stval
	sd	t0, (TF_STVAL * 8)(sp)

	mv	a0, sp
	call	trap_dispatch

	ld	t0, (TF_SEPC * 8)(sp)
	csrw	sepc, t0
	.irp n, 1,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	ld	x\n, (\n * 8)(sp)
	.endr
	addi	sp, sp, TF_SLOTS * 8
	sret
