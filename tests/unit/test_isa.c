/* boot/isa.c: both DT forms of a hart's ISA, of any length, and the guest's ISA. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "boot/isa.h"

#define QEMU_ISA "rv64imafdch_zicsr_zifencei_zihintpause_zba_zbb_zbc_zbs_sstc"
static const char *qemu = QEMU_ISA;
/* QEMU 10.0 virt, -cpu rv64,sscofpmf=true (tests/unit/fixtures/qemu10_virt.dts). */
static const char qemu10[] =
	"rv64imafdch_zic64b_zicbom_zicbop_zicboz_ziccamoa_ziccif_zicclsm_ziccrse_zicntr_"
	"zicsr_zifencei_zihintntl_zihintpause_zihpm_zmmul_za64rs_zaamo_zalrsc_zawrs_zfa_zca_"
	"zcd_zba_zbb_zbc_zbs_shcounterenw_shgatpa_shtvala_shvsatpa_shvstvala_shvstvecd_"
	"ssccptr_sscofpmf_sscounterenw_sstc_sstvala_sstvecd_ssu64xl_svadu_svvptc";
static const char qemu10_list[] =
	"i\0m\0a\0f\0d\0c\0h\0zic64b\0zicbom\0zicbop\0zicboz\0ziccamoa\0ziccif\0zicclsm\0ziccrse\0"
	"zicntr\0zicsr\0zifencei\0zihintntl\0zihintpause\0zihpm\0zmmul\0za64rs\0zaamo\0zalrsc\0"
	"zawrs\0zfa\0zca\0zcd\0zba\0zbb\0zbc\0zbs\0shcounterenw\0shgatpa\0shtvala\0shvsatpa\0"
	"shvstvala\0shvstvecd\0ssccptr\0sscofpmf\0sscounterenw\0sstc\0sstvala\0sstvecd\0ssu64xl\0"
	"svadu\0svvptc";
/* A SpacemiT K1 (X60 cores) list, with H added (tests/unit/fixtures/k1_board.dts). */
static const char k1[] =
	"rv64imafdcvh_zicbom_zicboz_zicntr_zicond_zicsr_zifencei_zihintpause_zihpm_zfh_zfhmin_"
	"zca_zcd_zba_zbb_zbc_zbs_zkt_zve32f_zve32x_zve64d_zve64f_zve64x_zvfh_zvfhmin_zvkt_"
	"sscofpmf_sstc_svinval_svnapot_svpbmt";

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
	assert_true(isa_has("rv64gc", "zifencei")); /* g includes it */
	assert_false(isa_has("x86", "h"));
	assert_false(isa_has("", "h"));
}

/* Everything is found however far along the string it stands. */
static void long_strings_whole(void **s)
{
	struct isa_set a, b;

	assert_true(strlen(qemu10) > 300);
	assert_int_equal(isa_from_string(&a, qemu10), 0);
	assert_int_equal(isa_from_list(&b, "rv64i", qemu10_list, sizeof(qemu10_list)), 0);
	assert_memory_equal(&a, &b, sizeof(a)); /* the two forms agree */
	assert_int_equal(a.xlen, 64);
	assert_true(isa_set_has(&a, "h") && isa_set_has(&a, "sstc") && isa_set_has(&a, "sscofpmf"));
	assert_true(isa_set_has(&a, "zicboz") && isa_set_has(&a, "svadu") && isa_set_has(&a, "zbs"));
	assert_false(isa_set_has(&a, "svpbmt"));
	assert_int_equal(isa_from_string(&a, k1), 0);
	assert_true(isa_set_has(&a, "svpbmt") && isa_set_has(&a, "v") && isa_set_has(&a, "zkt"));
}

static void spellings(void **s)
{
	struct isa_set a;

	/* versions, upper case, a multi-letter name right after the letters */
	assert_int_equal(isa_from_string(&a, "RV64I2p1M2A_Zicsr2p0_SSTC"), 0);
	assert_true(isa_set_has(&a, "m") && isa_set_has(&a, "a") && isa_set_has(&a, "zicsr"));
	assert_true(isa_set_has(&a, "sstc"));
	assert_int_equal(isa_from_string(&a, "rv64imazicsr_zba"), 0);
	assert_true(isa_set_has(&a, "zicsr") && isa_set_has(&a, "zba") && !isa_set_has(&a, "z"));
	assert_int_equal(isa_from_string(&a, "rv32imac"), 0);
	assert_int_equal(a.xlen, 32);
	assert_int_equal(isa_from_string(&a, "rv128i"), -1);
	assert_int_equal(isa_from_list(&a, "rv64i", "i\0m", 3), -1); /* not a string list */
	assert_int_equal(isa_from_list(&a, "arm", "i", 2), -1);
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
	assert_string_equal(out, "rv64imafdc_zicsr_zifencei_zihintpause_zba_zbb_zbc_zbs_sscofpmf_sstc");
}

/* The guest of QEMU 10 and of the board: whole, and in the three DT forms. */
static void guest_of_long_hosts(void **s)
{
	struct isa_offer o = { .sstc = true, .sscofpmf = true };
	struct isa_set host, guest, back;
	char str[256], list[256];
	int n;

	assert_int_equal(isa_from_string(&host, qemu10), 0);
	isa_guest(&host, &o, &guest);
	assert_true(isa_to_string(&guest, str, sizeof(str)) > 0);
	assert_string_equal(str, "rv64imafdc_zicbop_zicntr_zicsr_zifencei_zihintntl_zihintpause_zihpm_"
				 "zmmul_zfa_zca_zcd_zba_zbb_zbc_zbs_sscofpmf_sstc");
	n = isa_to_list(&guest, list, sizeof(list));
	assert_true(n > 0 && list[n - 1] == '\0');
	assert_int_equal(isa_from_list(&back, isa_base(&guest), list, (size_t)n), 0);
	assert_memory_equal(&back, &guest, sizeof(back));
	assert_string_equal(isa_base(&guest), "rv64i");
	assert_string_equal(list, "i");
	assert_string_equal(list + n - 5, "sstc");
	/* the board: no V (no vector state is kept), no Svpbmt or Zicboz */
	assert_int_equal(isa_from_string(&host, k1), 0);
	o.sscofpmf = false;
	isa_guest(&host, &o, &guest);
	assert_true(isa_to_string(&guest, str, sizeof(str)) > 0);
	assert_string_equal(str, "rv64imafdc_zicntr_zicond_zicsr_zifencei_zihintpause_zihpm_zfh_"
				 "zfhmin_zca_zcd_zba_zbb_zbc_zbs_zkt_sstc");
}

static void guest_string_refuses_small_buffer_and_junk(void **s)
{
	char out[16];
	struct isa_offer o = { 0 };
	struct isa_set a;
	assert_int_equal(isa_guest_string(qemu, &o, out, sizeof(out)), -1);
	assert_int_equal(isa_guest_string("arm64", &o, out, sizeof(out)), -1);
	assert_int_equal(isa_guest_string(qemu, &o, out, 0), -1);
	assert_int_equal(isa_from_string(&a, qemu), 0);
	for (size_t n = 0; n <= strlen("rv64imafdch"); n++)
		assert_int_equal(isa_to_list(&a, out, n), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(has_single_and_multi_letter),
		cmocka_unit_test(no_h_board),
		cmocka_unit_test(long_strings_whole),
		cmocka_unit_test(spellings),
		cmocka_unit_test(guest_string_drops_h_and_unoffered),
		cmocka_unit_test(guest_of_long_hosts),
		cmocka_unit_test(guest_string_refuses_small_buffer_and_junk),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
