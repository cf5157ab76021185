/* A guest load or store at a device address: which device, which register,
 * what width is taken, what the register gets. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "hyp/mmio.h"

static char last_sent;
static void put(char c) { last_sent = c; }
static int get(void) { return 0x80; }  /* a byte with its top bit set */

static struct mmio_devices dev;

static int setup(void **s)
{
	last_sent = 0;
	mmio_init(&dev, put, get);
	return 0;
}

static const struct mem_access sb = { .store = true, .size = 1 };
static const struct mem_access lbu = { .size = 1 };
static const struct mem_access lb = { .size = 1, .sign_extend = true };

static void uart_window(void **s)
{
	assert_false(mmio_is_device(MMIO_UART_GPA - 1));
	assert_true(mmio_is_device(MMIO_UART_GPA));
	assert_true(mmio_is_device(MMIO_UART_GPA + 7));
	assert_false(mmio_is_device(MMIO_UART_GPA + 8));
	assert_false(mmio_is_device(0x80000000));
	uint64_t v = 0;
	assert_int_equal(mmio_access(&dev, MMIO_UART_GPA + 8, &lbu, &v), MMIO_NO_DEVICE);
	assert_int_equal(mmio_access(&dev, 0, &lbu, &v), MMIO_NO_DEVICE);
}

static void store_and_load_bytes(void **s)
{
	uint64_t v = 0x41;
	assert_int_equal(mmio_access(&dev, MMIO_UART_GPA + VUART_THR, &sb, &v), MMIO_DONE);
	assert_int_equal(last_sent, 'A');
	v = 0x1234567877;  /* only the low byte is stored */
	assert_int_equal(mmio_access(&dev, MMIO_UART_GPA + VUART_SCR, &sb, &v), MMIO_DONE);
	assert_int_equal(mmio_access(&dev, MMIO_UART_GPA + VUART_SCR, &lbu, &v), MMIO_DONE);
	assert_int_equal(v, 0x77);
	assert_int_equal(mmio_access(&dev, MMIO_UART_GPA + VUART_RBR, &lb, &v), MMIO_DONE);
	assert_int_equal(v, 0xffffffffffffff80ULL);  /* lb sign-extends the register */
	assert_int_equal(mmio_access(&dev, MMIO_UART_GPA + VUART_RBR, &lbu, &v), MMIO_DONE);
	assert_int_equal(v, 0x80);
}

static void wider_accesses_refused(void **s)
{
	uint64_t v = 'x';
	for (unsigned size = 2; size <= 8; size *= 2) {
		struct mem_access st = { .store = true, .size = size }, ld = { .size = size };
		assert_int_equal(mmio_access(&dev, MMIO_UART_GPA, &st, &v), MMIO_BAD_WIDTH);
		assert_int_equal(mmio_access(&dev, MMIO_UART_GPA + 4, &ld, &v), MMIO_BAD_WIDTH);
	}
	assert_int_equal(last_sent, 0);  /* nothing reached the UART */
	assert_int_equal(v, 'x');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(uart_window, setup),
		cmocka_unit_test_setup(store_and_load_bytes, setup),
		cmocka_unit_test_setup(wider_accesses_refused, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
