#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "boot/options.h"

static struct hyp_options o;
static char err[160];

static void defaults_when_empty(void **s)
{
	assert_int_equal(options_parse("", &o, err, sizeof(err)), 0);
	assert_int_equal(o.guest_mem, OPT_GUEST_MEM_DEFAULT);
	assert_string_equal(o.guest_args, "");
	assert_int_equal(o.vcpus, 1);
	assert_false(o.teardown_check);
	assert_true(o.htinst);
}

static void sizes_and_args(void **s)
{
	assert_int_equal(options_parse("console=ttyS0 hpmvisor.mem=128M  hpmvisor.guest_args=quiet",
				       &o, err, sizeof(err)), 0);
	assert_int_equal(o.guest_mem, 128ULL << 20);
	assert_string_equal(o.guest_args, "quiet");
	assert_int_equal(options_parse("hpmvisor.mem=1G hpmvisor.guest_args=\"a b=c  d\"", &o, err, sizeof(err)), 0);
	assert_int_equal(o.guest_mem, 1ULL << 30);
	assert_string_equal(o.guest_args, "a b=c  d");
	assert_int_equal(options_parse("hpmvisor.mem=8192k", &o, err, sizeof(err)), 0);
	assert_int_equal(o.guest_mem, 8ULL << 20);
	assert_int_equal(options_parse("hpmvisor.vcpus=8", &o, err, sizeof(err)), 0);
	assert_int_equal(o.vcpus, 8);
	assert_int_equal(options_parse("hpmvisor.teardown_check=on", &o, err, sizeof(err)), 0);
	assert_true(o.teardown_check);
	assert_int_equal(options_parse("hpmvisor.teardown_check=on hpmvisor.teardown_check=off", &o, err, sizeof(err)), 0);
	assert_false(o.teardown_check);
	assert_int_equal(options_parse("hpmvisor.htinst=off", &o, err, sizeof(err)), 0);
	assert_false(o.htinst);
	assert_int_equal(options_parse("hpmvisor.htinst=off hpmvisor.htinst=on", &o, err, sizeof(err)), 0);
	assert_true(o.htinst);
}

static void bad_options_are_refused_with_reason(void **s)
{
	assert_int_equal(options_parse("hpmvisor.mem=lots", &o, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "hpmvisor.mem=lots"));
	assert_int_equal(options_parse("hpmvisor.mem=1M", &o, err, sizeof(err)), -1);
	assert_int_equal(options_parse("hpmvisor.mem=99999999999999999999G", &o, err, sizeof(err)), -1);
	assert_int_equal(options_parse("hpmvisor.mem=", &o, err, sizeof(err)), -1);
	/* Sizes near 2^64 would wrap to nothing once rounded to pages: refused, as is
	 * anything the Sv39x4 guest-physical space cannot hold above 2 GiB. */
	assert_int_equal(options_parse("hpmvisor.mem=18446744073709551615", &o, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "from 4M to 2046G"));
	assert_int_equal(options_parse("hpmvisor.mem=17179869183G", &o, err, sizeof(err)), -1);
	assert_int_equal(options_parse("hpmvisor.mem=2047G", &o, err, sizeof(err)), -1);
	assert_int_equal(options_parse("hpmvisor.mem=2046G", &o, err, sizeof(err)), 0);
	assert_int_equal(o.guest_mem, OPT_GUEST_MEM_MAX);
	assert_int_equal(options_parse("hpmvisor.vcpus=0", &o, err, sizeof(err)), -1);
	assert_int_equal(options_parse("hpmvisor.vcpus=9", &o, err, sizeof(err)), -1);
	assert_int_equal(options_parse("hpmvisor.vcpus=2x", &o, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "from 1 to 8"));
	assert_int_equal(options_parse("hpmvisor.frobnicate=1", &o, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "unknown option hpmvisor.frobnicate"));
	assert_non_null(strstr(err, "hpmvisor.teardown_check="));
	assert_non_null(strstr(err, "hpmvisor.htinst="));
	assert_int_equal(options_parse("hpmvisor.htinst=1", &o, err, sizeof(err)), -1);
	assert_string_equal(err, "bad hpmvisor.htinst=1: give on or off");
	assert_int_equal(options_parse("hpmvisor.teardown_check=yes", &o, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "give on or off"));
	assert_int_equal(options_parse("hpmvisor.teardown_check", &o, err, sizeof(err)), -1);
	assert_int_equal(options_parse("hpmvisor.guest_args=\"open", &o, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "unterminated quote"));
	char longarg[400] = "hpmvisor.guest_args=";
	memset(longarg + strlen(longarg), 'x', 300);
	assert_int_equal(options_parse(longarg, &o, err, sizeof(err)), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults_when_empty),
		cmocka_unit_test(sizes_and_args),
		cmocka_unit_test(bad_options_are_refused_with_reason),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
