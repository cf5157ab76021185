/* A hart started by harts_start (SBI HSM hart_start, hyp/hart.c): a0 = hart id,
 * a1 = its struct hart, MMU off; the image is relocated already (boot/entry.S
 * did it on the boot hart). */
#include "asm_offsets.h"

	.text
	.globl secondary_entry
	.balign 4
secondary_entry:
	csrw	sie, zero
	csrw	sscratch, zero          /* 0 = "trap came from the hypervisor" */
	ld	sp, HART_STACK_TOP(a1)
	ld	tp, HART_TLS(a1)
	lla	t0, hyp_trap_entry
	csrw	stvec, t0
	mv	a0, a1
	call	hart_secondary_main
1:	wfi
	j	1b
