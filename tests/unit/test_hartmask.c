#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "hyp/hartmask.h"
#include "boot/sbi_abi.h"

static void valid_masks(void **s)
{
	uint64_t t;
	assert_int_equal(hartmask_targets(1, 0, 1, &t), SBI_SUCCESS);
	assert_int_equal(t, 1);
	assert_int_equal(hartmask_targets(0, 0, 1, &t), SBI_SUCCESS);
	assert_int_equal(t, 0);
	assert_int_equal(hartmask_targets(0x5, 1, 4, &t), SBI_SUCCESS); /* harts 1 and 3 */
	assert_int_equal(t, 0xa);
	assert_int_equal(hartmask_targets(0, ~0UL, 3, &t), SBI_SUCCESS); /* all harts */
	assert_int_equal(t, 0x7);
	assert_int_equal(hartmask_targets(0x80, 0, 8, &t), SBI_SUCCESS);  /* the last hart */
	assert_int_equal(t, 0x80);
	assert_int_equal(hartmask_targets(1, 7, 8, &t), SBI_SUCCESS);
	assert_int_equal(t, 0x80);
	assert_int_equal(hartmask_targets(0, 1000, 2, &t), SBI_SUCCESS);  /* empty: any base */
	assert_int_equal(t, 0);
	assert_int_equal(hartmask_targets(~0UL, 0, 64, &t), SBI_SUCCESS);
	assert_int_equal(t, ~0ULL);
	assert_int_equal(hartmask_targets(1UL << 63, 0, 64, &t), SBI_SUCCESS);
	assert_int_equal(t, 1ULL << 63);
}

/* Every mask of 8 bits at every base against the definition, bit by bit. */
static void agrees_with_bit_by_bit(void **s)
{
	for (unsigned n = 1; n <= 8; n++)
		for (unsigned long base = 0; base < 12; base++)
			for (unsigned long mask = 0; mask < 256; mask++) {
				uint64_t want = 0, t;
				long err = SBI_SUCCESS;
				for (unsigned i = 0; i < 8; i++)
					if (mask & (1UL << i)) {
						if (base + i >= n)
							err = SBI_ERR_INVALID_PARAM;
						else
							want |= 1ULL << (base + i);
					}
				assert_int_equal(hartmask_targets(mask, base, n, &t), err);
				if (!err)
					assert_int_equal(t, want);
			}
}

static void missing_harts_are_invalid(void **s)
{
	uint64_t t;
	assert_int_equal(hartmask_targets(2, 0, 1, &t), SBI_ERR_INVALID_PARAM);
	assert_int_equal(hartmask_targets(1, 0x7fff, 1, &t), SBI_ERR_INVALID_PARAM);
	assert_int_equal(hartmask_targets(1UL << 63, ~0UL - 1, 1, &t), SBI_ERR_INVALID_PARAM); /* wraps */
	assert_int_equal(hartmask_targets(2, 63, 64, &t), SBI_ERR_INVALID_PARAM);
	assert_int_equal(hartmask_targets(1, 64, 64, &t), SBI_ERR_INVALID_PARAM);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_masks),
		cmocka_unit_test(missing_harts_are_invalid),
		cmocka_unit_test(agrees_with_bit_by_bit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
