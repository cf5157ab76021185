/* An M-mode probe run instead of the firmware (-bios): whether the hart can
 * enable the local counter-overflow interrupt at all. It writes all ones to
 * mie and mideleg and prints what stuck, as "lcofie-probe: mie 0x... mideleg
 * 0x...", on the virt UART, then ends QEMU through the sifive,test finisher.
 * With Sscofpmf, mie bit 13 (LCOFIE) must stick (privileged spec, Sscofpmf
 * chapter); scenario 62 pins what each platform's QEMU does. */
#define UART     0x10000000
#define FINISHER 0x100000
#define PASS     0x5555

	.option norvc
	.globl _start
_start:
	la	a0, msg_mie
	call	puts
	li	t0, -1
	csrw	mie, t0
	csrr	a0, mie
	call	puthex
	la	a0, msg_mideleg
	call	puts
	li	t0, -1
	csrw	mideleg, t0
	csrr	a0, mideleg
	call	puthex
	li	a0, '\n'
	call	putc
	li	t0, FINISHER
	li	t1, PASS
	sw	t1, 0(t0)
1:	wfi
	j	1b

putc:	li	t0, UART
	sb	a0, 0(t0)
	ret

puts:	mv	t2, a0
	mv	t3, ra
2:	lbu	a0, 0(t2)
	beqz	a0, 3f
	call	putc
	addi	t2, t2, 1
	j	2b
3:	mv	ra, t3
	ret

/* a0 as 0x and 16 hex digits */
puthex:	mv	t2, a0
	mv	t3, ra
	li	a0, '0'
	call	putc
	li	a0, 'x'
	call	putc
	li	t4, 60
4:	srl	a0, t2, t4
	andi	a0, a0, 15
	addi	a0, a0, '0'
	li	t5, '9'
	ble	a0, t5, 5f
	addi	a0, a0, 'a' - '9' - 1
5:	call	putc
	addi	t4, t4, -4
	bgez	t4, 4b
	mv	ra, t3
	ret

	.section .rodata
msg_mie:	.asciz "lcofie-probe: mie "
msg_mideleg:	.asciz " mideleg "
