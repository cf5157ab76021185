/* Entry from SBI firmware or U-Boot `booti`: a0 = hart id, a1 = DTB, MMU off.
 * The image is linked at 0 and relocates itself, so it runs at any load address. */
#include "boot/entry.h"
#include "boot/sbi_abi.h"

#define R_RISCV_RELATIVE 3
#include "boot/linux_image_header.h"

	.section .text.head, "ax"
	.globl _start
_start:
	linux_image_header _start, boot_entry, _end

	.text
boot_entry:
	.option push
	.option norelax
	/* Only the first hart boots. Under load QEMU's OpenSBI 1.1 has been seen to
	 * send a second hart to the image entry; it stops itself, so that
	 * harts_start can start it properly later. */
	lla	t0, boot_claimed
	li	t1, 1
	amoswap.w t1, t1, (t0)
	bnez	t1, stray_hart
	csrw	sie, zero
	csrw	sscratch, zero          /* 0 = "trap came from the hypervisor" */
	mv	s0, a0
	mv	s1, a1
	lla	s2, _start              /* load address = relocation bias (linked at 0) */

	/* Apply R_RISCV_RELATIVE relocations; count anything else for main to report. */
	li	s3, 0
	lla	t0, __rela_dyn_start
	lla	t1, __rela_dyn_end
	li	t5, R_RISCV_RELATIVE
1:	bgeu	t0, t1, 3f
	ld	t2, 0(t0)               /* r_offset */
	ld	t3, 8(t0)               /* r_info */
	ld	t4, 16(t0)              /* r_addend */
	beq	t3, t5, 2f
	addi	s3, s3, 1
	j	4f
2:	add	t2, t2, s2
	add	t4, t4, s2
	sd	t4, 0(t2)
4:	addi	t0, t0, 24
	j	1b
3:	fence.i

	/* Zero .tbss and .bss. */
	lla	t0, __bss_start
	lla	t1, __bss_end
5:	bgeu	t0, t1, 6f
	sd	zero, 0(t0)
	addi	t0, t0, 8
	j	5b
6:
	/* The boot hart keeps this stack and uses the TLS block in place; the
	 * trap vector is the hypervisor's business (hyp_main sets it first). */
	lla	sp, boot_stack + BOOT_STACK_SIZE
	lla	tp, __tls_base
	mv	a0, s0
	mv	a1, s1
	mv	a2, s2
	mv	a3, s3
	call	hyp_main               /* never returns */
	.option pop

stray_hart:
	li	a7, SBI_EXT_HSM
	li	a6, SBI_HSM_HART_STOP
	ecall
9:	wfi
	j	9b

	.data
	.balign 4
boot_claimed:
	.word	0

	.bss
	.balign 16
	.globl boot_stack
boot_stack:
	.space	BOOT_STACK_SIZE
