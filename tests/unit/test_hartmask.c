#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "hyp/hartmask.h"
#include "hyp/sbi_defs.h"

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
}

static void missing_harts_are_invalid(void **s)
{
	uint64_t t;
	assert_int_equal(hartmask_targets(2, 0, 1, &t), SBI_ERR_INVALID_PARAM);
	assert_int_equal(hartmask_targets(1, 0x7fff, 1, &t), SBI_ERR_INVALID_PARAM);
	assert_int_equal(hartmask_targets(1UL << 63, ~0UL - 1, 1, &t), SBI_ERR_INVALID_PARAM); /* wraps */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_masks),
		cmocka_unit_test(missing_harts_are_invalid),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
