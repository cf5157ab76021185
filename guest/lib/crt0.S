/* Guest entry: S-mode (or VS-mode), MMU off, a0 = hart id, a1 = DTB address.
 * Sets up stack, TLS and zeroed memory, then hands over to runtime_start(). */
	.section .text.start, "ax"
	.globl _start
_start:
	.option push
	.option norelax
	la	sp, __stack_top
	.option pop
	csrw	sie, zero		/* no interrupt until a test asks for one */
	csrci	sstatus, 2		/* sstatus.SIE */

	la	t0, __zero_start
	la	t1, __zero_end
1:	bgeu	t0, t1, 2f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	1b
2:
	la	tp, __tls_base
	call	runtime_start		/* (hartid, dtb); never returns */
3:	wfi
	j	3b
