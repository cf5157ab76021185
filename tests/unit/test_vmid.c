#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "mm/vmid.h"

/* Allocates until the pool is empty, checking VMIDs come out lowest first. */
static void assert_hands_out_all(struct vmid_pool *p, int count)
{
	for (int i = 0; i < count; i++)
		assert_int_equal(vmid_alloc(p), i);
	assert_int_equal(vmid_alloc(p), -1);
}

static void zero_bits_means_only_vmid_0(void **state)
{
	struct vmid_pool p;
	vmid_init(&p, 0);
	assert_hands_out_all(&p, 1);
	vmid_free(&p, 0);
	assert_int_equal(vmid_alloc(&p), 0);
	assert_int_equal(vmid_alloc(&p), -1);
}

static void one_bit_gives_two(void **state)
{
	struct vmid_pool p;
	vmid_init(&p, 1);
	assert_hands_out_all(&p, 2);
	vmid_free(&p, 2); /* out of range for 1 bit */
	assert_int_equal(vmid_alloc(&p), -1);
}

/* 6 bits fill exactly one word of the bitmap, 7 bits end inside the second. */
static void word_boundaries(void **state)
{
	struct vmid_pool p;
	vmid_init(&p, 6);
	assert_hands_out_all(&p, 64);
	vmid_init(&p, 7);
	assert_hands_out_all(&p, 128);
}

static void fourteen_bits_exhaust_then_reuse(void **state)
{
	struct vmid_pool p;
	vmid_init(&p, 14);
	assert_hands_out_all(&p, 16384);
	vmid_free(&p, 16383);
	vmid_free(&p, 700);
	vmid_free(&p, 5);
	assert_int_equal(vmid_alloc(&p), 5);
	assert_int_equal(vmid_alloc(&p), 700);
	assert_int_equal(vmid_alloc(&p), 16383);
	assert_int_equal(vmid_alloc(&p), -1);
}

static void more_than_fourteen_bits_is_clamped(void **state)
{
	struct vmid_pool p;
	vmid_init(&p, 16);
	assert_int_equal(p.bits, VMID_MAX_BITS);
	assert_hands_out_all(&p, 1 << VMID_MAX_BITS);
}

static void double_and_out_of_range_frees_are_harmless(void **state)
{
	struct vmid_pool p;
	vmid_init(&p, 2);
	assert_hands_out_all(&p, 4);
	vmid_free(&p, 1);
	vmid_free(&p, 1);
	vmid_free(&p, -1);
	vmid_free(&p, 4);
	vmid_free(&p, 1 << 20);
	assert_int_equal(vmid_alloc(&p), 1);
	assert_int_equal(vmid_alloc(&p), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(zero_bits_means_only_vmid_0),
		cmocka_unit_test(one_bit_gives_two),
		cmocka_unit_test(word_boundaries),
		cmocka_unit_test(fourteen_bits_exhaust_then_reuse),
		cmocka_unit_test(more_than_fourteen_bits_is_clamped),
		cmocka_unit_test(double_and_out_of_range_frees_are_harmless),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
