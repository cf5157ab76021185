/* Guest entry: S-mode (or VS-mode), MMU off, a0 = hart id, a1 = DTB address.
 * Sets up stack, TLS and zeroed memory, then hands over to runtime_start().
 * Only the first hart to come in here is the boot hart; other harts run
 * where smp_hart_start() sends them (smp.S). */
#include "boot/linux_image_header.h"
#include "boot/sbi_abi.h"

	.section .text.start, "ax"
	.globl _start
_start:
	/* The Linux image header: its image_size (bss and stack included) tells
	 * hpmvisor where a ramdisk may go. */
	linux_image_header _start, entry, __image_end
entry:
	la	t0, boot_taken
	li	t1, 1
	amoswap.w t1, t1, (t0)
	bnez	t1, stray
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

/* A later hart here was started at a stale address. Seen with OpenSBI 1.1
 * under QEMU, about once in a few hundred first starts of a hart: it went
 * to the firmware's boot-time next address (this entry, a1 = the DTB), not
 * to the address hart_start gave. It must not zero the boot hart's memory
 * or share its stack: it leaves its id for the checks to report and stops,
 * using no memory beyond that word. */
stray:
	la	t0, smp_stray_hart
	addi	t1, a0, 1
	sd	t1, 0(t0)
	fence	rw, rw
	li	a7, SBI_EXT_HSM
	li	a6, SBI_HSM_HART_STOP
	ecall
4:	wfi				/* hart_stop failed */
	j	4b

	/* In .data, not .bss: loaded as 0 with the image, never zeroed. */
	.data
	.balign 8
boot_taken:
	.dword	0
	.globl	smp_stray_hart
smp_stray_hart:
	.dword	0			/* hart id + 1 of the last stray hart, 0: none */
