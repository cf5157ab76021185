/* boot/memcheck.c: memory ranges that wrap or overlap are refused with a line; ranges
 * past the physical address space are cut to it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "boot/memcheck.h"

static char why[200];

static void test_good_ranges_unchanged(void **state)
{
	struct fdt_range m[] = { { 0x80000000, 0x10000000 }, { 0x100000000, 0x40000000 } };
	int n = 2;

	assert_int_equal(memcheck_ranges(m, &n, MEMCHECK_PA_END, why, sizeof(why)), 0);
	assert_int_equal(n, 2);
	assert_true(m[1].base == 0x100000000 && m[1].size == 0x40000000);
}

static void test_wrap_refused(void **state)
{
	struct fdt_range m[] = { { 0x80000000, 0x10000000 }, { 0xfffffffff0000000, 0x20000000 } };
	int n = 2;

	assert_int_equal(memcheck_ranges(m, &n, MEMCHECK_PA_END, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "0xfffffffff0000000+0x20000000 wraps"));
	m[1] = (struct fdt_range){ 0xfffffffffffff000, 0x1000 }; /* ends at 2^64: no end address */
	assert_int_equal(memcheck_ranges(m, &n, MEMCHECK_PA_END, why, sizeof(why)), -1);
}

static void test_overlap_refused(void **state)
{
	struct fdt_range m[] = { { 0x80000000, 0x10000000 }, { 0x8ffff000, 0x2000 } };
	int n = 2;

	assert_int_equal(memcheck_ranges(m, &n, MEMCHECK_PA_END, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "0x80000000+0x10000000 and 0x8ffff000+0x2000 overlap"));
	m[1].base = 0x90000000; /* touching is fine */
	assert_int_equal(memcheck_ranges(m, &n, MEMCHECK_PA_END, why, sizeof(why)), 0);
}

static void test_past_pa_end_cut(void **state)
{
	struct fdt_range m[] = { { 0x80000000, 0x10000000 },
				 { MEMCHECK_PA_END - 0x1000, 0x3000 },
				 { MEMCHECK_PA_END + 0x10000, 0x1000 } };
	int n = 3;

	assert_int_equal(memcheck_ranges(m, &n, MEMCHECK_PA_END, why, sizeof(why)), 1);
	assert_int_equal(n, 2); /* the one wholly above is dropped */
	assert_true(m[1].base == MEMCHECK_PA_END - 0x1000 && m[1].size == 0x1000);
	assert_non_null(strstr(why, "reaches past"));
}

static void test_overlaps(void **state)
{
	struct fdt_range ram = { 0x80000000, 0x10000000 };

	assert_true(range_overlaps(ram, (struct fdt_range){ 0x8fffffff, 1 }));
	assert_false(range_overlaps(ram, (struct fdt_range){ 0x90000000, 0x100 }));
	assert_false(range_overlaps(ram, (struct fdt_range){ 0x10000000, 0x100 }));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_ranges_unchanged),
		cmocka_unit_test(test_wrap_refused),
		cmocka_unit_test(test_overlap_refused),
		cmocka_unit_test(test_past_pa_end_cut),
		cmocka_unit_test(test_overlaps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
