#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "boot/isa.h"

#define QEMU_ISA "rv64imafdch_zicsr_zifencei_zihintpause_zba_zbb_zbc_zbs_sstc"
static const char *qemu = QEMU_ISA;

static void has_single_and_multi_letter(void **s)
{
	assert_true(isa_has(qemu, "h"));
	assert_true(isa_has(qemu, "c"));
	assert_true(isa_has(qemu, "sstc"));
	assert_true(isa_has(qemu, "Zifencei"));
	assert_false(isa_has(qemu, "sscofpmf"));
	assert_false(isa_has(qemu, "v"));
	assert_false(isa_has(qemu, "zb")); /* a prefix is not a match */
}

static void no_h_board(void **s)
{
	/* a VisionFive 2 U74 string */
	assert_false(isa_has("rv64imafdc_zicsr_zifencei_zba_zbb", "h"));
	assert_true(isa_has("rv64gc", "d"));
	assert_false(isa_has("x86", "h"));
	assert_false(isa_has("", "h"));
}

static void guest_string_drops_h_and_unoffered(void **s)
{
	char out[128];
	struct isa_offer o = { .sstc = false, .sscofpmf = false };
	assert_int_equal(isa_guest_string(QEMU_ISA "_sscofpmf_xtheadba_svpbmt_zicbom_zicboz_zkr_zicfilp",
					  &o, out, sizeof(out)), 0);
	assert_string_equal(out, "rv64imafdc_zicsr_zifencei_zihintpause_zba_zbb_zbc_zbs");
	o.sstc = o.sscofpmf = true;
	assert_int_equal(isa_guest_string(QEMU_ISA "_sscofpmf", &o, out, sizeof(out)), 0);
	assert_string_equal(out, "rv64imafdc_zicsr_zifencei_zihintpause_zba_zbb_zbc_zbs_sstc_sscofpmf");
}

static void guest_string_refuses_small_buffer_and_junk(void **s)
{
	char out[16];
	struct isa_offer o = { 0 };
	assert_int_equal(isa_guest_string(qemu, &o, out, sizeof(out)), -1);
	assert_int_equal(isa_guest_string("arm64", &o, out, sizeof(out)), -1);
	assert_int_equal(isa_guest_string(qemu, &o, out, 0), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(has_single_and_multi_letter),
		cmocka_unit_test(no_h_board),
		cmocka_unit_test(guest_string_drops_h_and_unoffered),
		cmocka_unit_test(guest_string_refuses_small_buffer_and_junk),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
