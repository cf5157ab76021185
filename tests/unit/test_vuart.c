/* The emulated 16550: each register as a 16550A datasheet (and Linux's 8250
 * driver) expects, against a fake outside line. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "hyp/vuart.h"

static char sent[64];
static unsigned n_sent;
static const char *incoming;

static void put(char c)
{
	assert_true(n_sent < sizeof(sent));
	sent[n_sent++] = c;
}

static int get(void)
{
	return incoming && *incoming ? (unsigned char)*incoming++ : -1;
}

static struct vuart u;

static int setup(void **s)
{
	n_sent = 0;
	incoming = NULL;
	vuart_init(&u, put, get);
	return 0;
}

static void transmit(void **s)
{
	assert_int_equal(vuart_read(&u, VUART_LSR) & (VUART_LSR_THRE | VUART_LSR_TEMT),
			 VUART_LSR_THRE | VUART_LSR_TEMT);
	vuart_write(&u, VUART_THR, 'h');
	vuart_write(&u, VUART_THR, '\n');
	assert_int_equal(n_sent, 2);
	assert_memory_equal(sent, "h\n", 2);  /* bytes pass unchanged: no CR added */
	assert_true(vuart_read(&u, VUART_LSR) & VUART_LSR_THRE);
}

static void receive_without_fifo(void **s)
{
	assert_false(vuart_read(&u, VUART_LSR) & VUART_LSR_DR);
	incoming = "ab";
	assert_true(vuart_read(&u, VUART_LSR) & VUART_LSR_DR);
	assert_int_equal(vuart_read(&u, VUART_RBR), 'a');  /* one holding register: b waited outside */
	assert_string_equal(incoming, "b");
	assert_int_equal(vuart_read(&u, VUART_RBR), 'b');
	assert_false(vuart_read(&u, VUART_LSR) & VUART_LSR_DR);
	assert_int_equal(vuart_read(&u, VUART_RBR), 0);  /* nothing there */
}

static void receive_fifo_takes_16(void **s)
{
	vuart_write(&u, VUART_FCR, VUART_FCR_ENABLE);
	incoming = "0123456789abcdefXYZ";
	assert_true(vuart_read(&u, VUART_LSR) & VUART_LSR_DR);
	assert_string_equal(incoming, "XYZ");  /* the rest stays outside, not lost */
	char got[20] = "";
	for (int i = 0; vuart_read(&u, VUART_LSR) & VUART_LSR_DR; i++)
		got[i] = (char)vuart_read(&u, VUART_RBR);
	assert_string_equal(got, "0123456789abcdefXYZ");
	assert_false(vuart_read(&u, VUART_LSR) & VUART_LSR_OE);
}

static void fcr_clears_the_receive_fifo(void **s)
{
	vuart_write(&u, VUART_FCR, VUART_FCR_ENABLE);
	incoming = "abc";
	vuart_read(&u, VUART_LSR);
	vuart_write(&u, VUART_FCR, VUART_FCR_ENABLE | VUART_FCR_CLEAR_RX);
	assert_false(vuart_read(&u, VUART_LSR) & VUART_LSR_DR);
}

static void iir_priorities(void **s)
{
	assert_int_equal(vuart_read(&u, VUART_IIR), VUART_IIR_NONE);
	vuart_write(&u, VUART_FCR, VUART_FCR_ENABLE);
	assert_int_equal(vuart_read(&u, VUART_IIR), VUART_IIR_FIFO | VUART_IIR_NONE);
	/* Enabling THRI with THR empty raises it; reading IIR acknowledges it. */
	vuart_write(&u, VUART_IER, VUART_IER_THRI);
	assert_int_equal(vuart_read(&u, VUART_IIR), VUART_IIR_FIFO | VUART_IIR_THRI);
	assert_int_equal(vuart_read(&u, VUART_IIR), VUART_IIR_FIFO | VUART_IIR_NONE);
	vuart_write(&u, VUART_THR, 'x');  /* sent at once: THR empty again */
	assert_int_equal(vuart_read(&u, VUART_IIR), VUART_IIR_FIFO | VUART_IIR_THRI);
	/* Data beats THRI, and only while RDI is enabled. */
	vuart_write(&u, VUART_THR, 'y');
	incoming = "k";
	assert_int_equal(vuart_read(&u, VUART_IIR), VUART_IIR_FIFO | VUART_IIR_THRI);
	vuart_write(&u, VUART_IER, VUART_IER_RDI | VUART_IER_THRI);
	assert_int_equal(vuart_read(&u, VUART_IIR), VUART_IIR_FIFO | VUART_IIR_RDI);
	assert_int_equal(vuart_read(&u, VUART_RBR), 'k');
	assert_int_equal(vuart_read(&u, VUART_IIR), VUART_IIR_FIFO | VUART_IIR_NONE);
	/* IER keeps its four bits only. */
	vuart_write(&u, VUART_IER, 0xff);
	assert_int_equal(vuart_read(&u, VUART_IER), 0x0f);
}

static void divisor_latch(void **s)
{
	assert_int_equal(vuart_read(&u, VUART_LCR), 0);
	vuart_write(&u, VUART_IER, VUART_IER_RDI);
	vuart_write(&u, VUART_LCR, VUART_LCR_DLAB | 0x03);
	assert_int_equal(vuart_read(&u, VUART_DLL), 1);  /* 115200 baud at reset */
	assert_int_equal(vuart_read(&u, VUART_DLM), 0);
	vuart_write(&u, VUART_DLL, 0x34);
	vuart_write(&u, VUART_DLM, 0x12);
	assert_int_equal(vuart_read(&u, VUART_DLL), 0x34);
	assert_int_equal(vuart_read(&u, VUART_DLM), 0x12);
	assert_int_equal(n_sent, 0);  /* the DLL write sent nothing */
	vuart_write(&u, VUART_LCR, 0x03);
	assert_int_equal(vuart_read(&u, VUART_LCR), 0x03);
	assert_int_equal(vuart_read(&u, VUART_IER), VUART_IER_RDI);  /* IER untouched by DLM */
	vuart_write(&u, VUART_LCR, VUART_LCR_DLAB);
	assert_int_equal(vuart_read(&u, VUART_DLL), 0x34);
}

static void scratch_and_modem(void **s)
{
	vuart_write(&u, VUART_SCR, 0x5a);
	assert_int_equal(vuart_read(&u, VUART_SCR), 0x5a);
	assert_int_equal(vuart_read(&u, VUART_MSR), 0xb0);  /* DCD, DSR, CTS: a ready modem */
	vuart_write(&u, VUART_MCR, 0xff);
	assert_int_equal(vuart_read(&u, VUART_MCR), 0x1f);
	vuart_write(&u, VUART_LSR, 0);  /* read-only */
	vuart_write(&u, VUART_MSR, 0);
	assert_true(vuart_read(&u, VUART_LSR) & VUART_LSR_THRE);
}

/* Linux's 8250 autoconfig: MCR loopback with RTS and OUT2 must read CTS and DCD. */
static void loopback(void **s)
{
	vuart_write(&u, VUART_MCR, VUART_MCR_LOOP | 0x0a);
	assert_int_equal(vuart_read(&u, VUART_MSR) & 0xf0, 0x90);
	vuart_write(&u, VUART_MCR, VUART_MCR_LOOP | 0x05);  /* DTR, OUT1 */
	uint8_t msr = vuart_read(&u, VUART_MSR);
	assert_int_equal(msr & 0xf0, 0x60);
	assert_int_equal(msr & 0x0b, 0x0b);  /* CTS and DCD fell, DSR rose */
	vuart_write(&u, VUART_MCR, VUART_MCR_LOOP | 0x01);  /* RI falls */
	assert_int_equal(vuart_read(&u, VUART_MSR) & 0x04, 0x04);
	assert_int_equal(vuart_read(&u, VUART_MSR) & 0x0f, 0);  /* deltas cleared by the read */
	/* Sent bytes come back, not out; the outside line waits. */
	incoming = "z";
	vuart_write(&u, VUART_THR, 'q');
	assert_int_equal(n_sent, 0);
	assert_int_equal(vuart_read(&u, VUART_RBR), 'q');
	vuart_write(&u, VUART_THR, '1');
	vuart_write(&u, VUART_THR, '2');  /* no FIFO: one byte of room */
	assert_int_equal(vuart_read(&u, VUART_LSR) & (VUART_LSR_OE | VUART_LSR_DR), VUART_LSR_OE | VUART_LSR_DR);
	assert_false(vuart_read(&u, VUART_LSR) & VUART_LSR_OE);  /* cleared by reading LSR */
	assert_int_equal(vuart_read(&u, VUART_RBR), '1');
	vuart_write(&u, VUART_MCR, 0);
	assert_int_equal(vuart_read(&u, VUART_RBR), 'z');
}

static void overrun_raises_rlsi(void **s)
{
	vuart_write(&u, VUART_MCR, VUART_MCR_LOOP);
	vuart_write(&u, VUART_IER, VUART_IER_RLSI | VUART_IER_RDI);
	vuart_write(&u, VUART_THR, 'a');
	vuart_write(&u, VUART_THR, 'b');
	assert_int_equal(vuart_read(&u, VUART_IIR), VUART_IIR_RLSI);
	vuart_read(&u, VUART_LSR);
	assert_int_equal(vuart_read(&u, VUART_IIR), VUART_IIR_RDI);
}

static void modem_status_interrupt(void **s)
{
	vuart_write(&u, VUART_IER, VUART_IER_MSI);
	assert_int_equal(vuart_read(&u, VUART_IIR), VUART_IIR_NONE);
	vuart_write(&u, VUART_MCR, VUART_MCR_LOOP | 0x02);
	assert_int_equal(vuart_read(&u, VUART_IIR), VUART_IIR_MSI);
	vuart_read(&u, VUART_MSR);
	assert_int_equal(vuart_read(&u, VUART_IIR), VUART_IIR_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(transmit, setup),
		cmocka_unit_test_setup(receive_without_fifo, setup),
		cmocka_unit_test_setup(receive_fifo_takes_16, setup),
		cmocka_unit_test_setup(fcr_clears_the_receive_fifo, setup),
		cmocka_unit_test_setup(iir_priorities, setup),
		cmocka_unit_test_setup(divisor_latch, setup),
		cmocka_unit_test_setup(scratch_and_modem, setup),
		cmocka_unit_test_setup(loopback, setup),
		cmocka_unit_test_setup(overrun_raises_rlsi, setup),
		cmocka_unit_test_setup(modem_status_interrupt, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
