/* The UART driver honours reg-shift and reg-io-width: registers as plain
 * memory, laid out like an ns16550a (bytes) and a snps,dw-apb-uart (words). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdint.h>
#include <string.h>
#include "boot/uart.h"

#define LSR 5
static uint32_t regs[64];

static uint8_t *reg8(unsigned shift, unsigned i)
{
	return (uint8_t *)regs + (i << shift);
}

static void ns16550_bytes(void **s)
{
	struct uart u = { .base = (uintptr_t)regs, .reg_shift = 0, .reg_io_width = 1 };
	memset(regs, 0, sizeof(regs));
	*reg8(0, LSR) = 0x20; /* transmitter empty */
	uart_write(&u, "A", 1);
	assert_int_equal(*reg8(0, 0), 'A');
	assert_int_equal(uart_getc(&u), -1); /* no data ready */
	*reg8(0, LSR) |= 0x01;
	*reg8(0, 0) = 'z';
	assert_int_equal(uart_getc(&u), 'z');
}

static void dw_apb_words(void **s)
{
	struct uart u = { .base = (uintptr_t)regs, .reg_shift = 2, .reg_io_width = 4 };
	memset(regs, 0xff, sizeof(regs));
	regs[LSR] = 0x20;
	uart_write(&u, "B", 1);
	assert_int_equal(regs[0], 'B'); /* a full 32-bit write: the upper bytes cleared */
	regs[LSR] = 0x21;
	regs[0] = 0xabcd0000 | 'q';
	assert_int_equal(uart_getc(&u), 'q');
}

/* A run of bytes: each goes to THR in turn (the last stays there), in the
 * register's width; a '\n' goes last, after its '\r'. */
static void write_runs(void **s)
{
	struct uart b = { .base = (uintptr_t)regs, .reg_shift = 0, .reg_io_width = 1 };
	memset(regs, 0, sizeof(regs));
	*reg8(0, LSR) = 0x20;
	uart_write(&b, "xyz", 3);
	assert_int_equal(*reg8(0, 0), 'z');
	assert_int_equal(*reg8(0, 1), 0); /* byte registers: nothing beside THR written */
	uart_write(&b, "q", 0);
	assert_int_equal(*reg8(0, 0), 'z');
	uart_write(&b, "a\n", 2);
	assert_int_equal(*reg8(0, 0), '\n');

	struct uart w = { .base = (uintptr_t)regs, .reg_shift = 2, .reg_io_width = 4 };
	memset(regs, 0xff, sizeof(regs));
	regs[LSR] = 0x20;
	uart_write(&w, "ab", 2);
	assert_int_equal(regs[0], 'b');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ns16550_bytes),
		cmocka_unit_test(dw_apb_words),
		cmocka_unit_test(write_runs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
