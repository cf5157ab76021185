/* Entry from SBI firmware or U-Boot `booti`: a0 = hart id, a1 = DTB, MMU off.
 * The image is linked at 0 and relocates itself, so it runs at any load address. */
#include "asm_offsets.h"

#define R_RISCV_RELATIVE 3
#include "hyp/hart.h"   /* HART_STACK_SIZE (constants only under __ASSEMBLER__) */
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
	lla	sp, hart_stacks + HART_STACK_SIZE  /* harts[0]'s: the boot hart keeps it */
	lla	tp, __tls_base
	lla	t0, hyp_trap_entry
	csrw	stvec, t0
	mv	a0, s0
	mv	a1, s1
	mv	a2, s2
	mv	a3, s3
	call	hyp_main
7:	wfi
	j	7b
	.option pop

stray_hart:
	li	a7, 0x48534D            /* SBI HSM */
	li	a6, 1                   /* hart_stop */
	ecall
9:	wfi
	j	9b

/* A hart started by harts_start (SBI HSM hart_start): a0 = hart id,
 * a1 = its struct hart, MMU off; the image is relocated already. */
	.globl secondary_entry
	.balign 4
secondary_entry:
	csrw	sie, zero
	csrw	sscratch, zero
	ld	sp, HART_STACK_TOP(a1)
	ld	tp, HART_TLS(a1)
	lla	t0, hyp_trap_entry
	csrw	stvec, t0
	mv	a0, a1
	call	hart_secondary_main
8:	wfi
	j	8b

	.data
	.balign 4
boot_claimed:
	.word	0
