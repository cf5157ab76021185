/* Where a non-retentive suspend resumes (satp = 0, sstatus.SIE = 0, a0 =
 * hart id, a1 = opaque, every other register undefined): a stack and the boot
 * hart's TLS again, then C, which longjmps back into the check. Only the boot
 * hart suspends this way. */
	.text
	.globl	suspend_resume_entry
	.balign	4
suspend_resume_entry:
	.option push
	.option norelax
	la	sp, resume_stack_top
	.option pop
	la	tp, __tls_base
	j	suspend_resumed		/* (a0, a1); never returns */

	.bss
	.balign	16
resume_stack:
	.space	2048
resume_stack_top:
