#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "hyp/insn.h"

static void counter_reads(void **s)
{
	struct csr_access a;
	assert_true(insn_decode_csr(0xc0302573, &a)); /* csrr a0, hpmcounter3 */
	assert_int_equal(a.csr, 0xc03);
	assert_int_equal(a.rd, 10);
	assert_false(a.writes);
	assert_true(insn_decode_csr(0xc0002473, &a)); /* rdcycle s0 */
	assert_int_equal(a.csr, CSR_CYCLE);
	assert_int_equal(a.rd, 8);
	assert_false(a.writes);
	assert_true(insn_decode_csr(0xc1f03ff3, &a)); /* csrrc t6, hpmcounter31, x0 */
	assert_int_equal(a.csr, CSR_HPMCOUNTER31);
	assert_int_equal(a.rd, 31);
	assert_false(a.writes);
}

static void writes_are_flagged(void **s)
{
	struct csr_access a;
	assert_true(insn_decode_csr(0xc0059073, &a)); /* csrw cycle, a1 */
	assert_true(a.writes);
	assert_true(insn_decode_csr(0xc030e573, &a)); /* csrrsi a0, hpmcounter3, 1 */
	assert_true(a.writes);
	assert_true(insn_decode_csr(0xc0305573, &a)); /* csrrwi a0, hpmcounter3, 0 */
	assert_true(a.writes);
}

static void non_csr_instructions(void **s)
{
	struct csr_access a;
	assert_false(insn_decode_csr(0x10500073, &a)); /* wfi */
	assert_false(insn_decode_csr(0x00000073, &a)); /* ecall */
	assert_false(insn_decode_csr(0x00b50533, &a)); /* add */
	assert_false(insn_decode_csr(0x0000c073, &a)); /* funct3 4 is not Zicsr */
}

/* Encodings from riscv64-linux-gnu-as (Zcb by hand: binutils 2.40 lacks it). */
struct mem_case {
	uint32_t insn;
	bool store, sign_extend;
	unsigned size, reg, len;
};

static const struct mem_case mem_cases[] = {
	{ 0x00558503, false, true, 1, 10, 4 },  /* lb a0, 5(a1) */
	{ 0xfff44283, false, false, 1, 5, 4 },  /* lbu t0, -1(s0) */
	{ 0x00051603, false, true, 2, 12, 4 },  /* lh a2, 0(a0) */
	{ 0x00255683, false, false, 2, 13, 4 }, /* lhu a3, 2(a0) */
	{ 0x0007e703, false, false, 4, 14, 4 }, /* lwu a4, 0(a5) */
	{ 0x008f3f83, false, false, 8, 31, 4 }, /* ld t6, 8(t5) */
	{ 0x00b50023, true, false, 1, 11, 4 },  /* sb a1, 0(a0) */
	{ 0x00c51323, true, false, 2, 12, 4 },  /* sh a2, 6(a0) */
	{ 0xffb53c23, true, false, 8, 27, 4 },  /* sd s11, -8(a0) */
	{ 0x41c8, false, true, 4, 10, 2 },      /* c.lw a0, 4(a1) */
	{ 0x6604, false, false, 8, 9, 2 },      /* c.ld s1, 8(a2) */
	{ 0xc314, true, false, 4, 13, 2 },      /* c.sw a3, 0(a4) */
	{ 0xe81c, true, false, 8, 15, 2 },      /* c.sd a5, 16(s0) */
	{ 0x42b2, false, true, 4, 5, 2 },       /* c.lwsp t0, 12(sp) */
	{ 0x60e2, false, false, 8, 1, 2 },      /* c.ldsp ra, 24(sp) */
	{ 0xc24a, true, false, 4, 18, 2 },      /* c.swsp s2, 4(sp) */
	{ 0xe47e, true, false, 8, 31, 2 },      /* c.sdsp t6, 8(sp) */
	{ 0x81c8, false, false, 1, 10, 2 },     /* c.lbu a0, 1(a1) */
	{ 0x85b0, false, false, 2, 12, 2 },     /* c.lhu a2, 2(a3) */
	{ 0x87d8, false, true, 2, 14, 2 },      /* c.lh a4, 0(a5) */
	{ 0x88e0, true, false, 1, 8, 2 },       /* c.sb s0, 3(s1) */
	{ 0x8da8, true, false, 2, 10, 2 },      /* c.sh a0, 2(a1) */
};

static void check_mem(const struct mem_case *c, const struct mem_access *a)
{
	assert_int_equal(a->store, c->store);
	assert_int_equal(a->sign_extend, c->sign_extend);
	assert_int_equal(a->size, c->size);
	assert_int_equal(a->reg, c->reg);
	assert_int_equal(a->len, c->len);
}

static void loads_and_stores(void **s)
{
	for (size_t i = 0; i < sizeof(mem_cases) / sizeof(mem_cases[0]); i++) {
		struct mem_access a;
		assert_true(insn_decode_mem(mem_cases[i].insn, &a));
		check_mem(&mem_cases[i], &a);
	}
}

static void not_loads_or_stores(void **s)
{
	struct mem_access a;
	assert_false(insn_decode_mem(0x00052507, &a)); /* flw fa0, 0(a0) */
	assert_false(insn_decode_mem(0x08b6252f, &a)); /* amoswap.w a0, a1, (a2) */
	assert_false(insn_decode_mem(0x2588, &a));     /* c.fld fa0, 8(a1) */
	assert_false(insn_decode_mem(0x00c58533, &a)); /* add a0, a1, a2 */
	assert_false(insn_decode_mem(0x00007503, &a)); /* load funct3 7: reserved */
	assert_false(insn_decode_mem(0x00004023, &a)); /* store funct3 4: reserved */
	assert_false(insn_decode_mem(0x4002, &a));     /* c.lwsp x0: reserved */
	assert_false(insn_decode_mem(0x8c40, &a));     /* Zcb funct6 100011 with bit 6: reserved */
	assert_false(insn_decode_mem(0x9000, &a));     /* quadrant 0 funct3 4, 12:10 = 100 */
	assert_false(insn_decode_mem(0, &a));          /* the all-zero parcel: illegal */
}

/* What a hart writes to htinst for the same accesses: offsets zeroed (rs1 is
 * the address offset, 0 here), compressed ones as their 32-bit form with bit 1
 * cleared. */
static void transformed_instructions(void **s)
{
	struct mem_access a;
	assert_true(insn_decode_transformed(0x00000503, &a)); /* lb a0 */
	check_mem(&mem_cases[0], &a);
	assert_true(insn_decode_transformed(0x00b00023, &a)); /* sb a1 */
	check_mem(&mem_cases[6], &a);
	assert_true(insn_decode_transformed(0x00002501, &a)); /* c.lw a0, 4(a1) -> lw a0 */
	check_mem(&mem_cases[9], &a);
	assert_true(insn_decode_transformed(0x00f03021, &a)); /* c.sd a5, 16(s0) -> sd a5 */
	check_mem(&mem_cases[12], &a);
	assert_true(insn_decode_transformed(0x00004501, &a)); /* c.lbu a0 -> lbu a0 */
	check_mem(&mem_cases[17], &a);
}

static void no_transformed_instruction(void **s)
{
	struct mem_access a;
	assert_false(insn_decode_transformed(0, &a));          /* the hart gave none */
	assert_false(insn_decode_transformed(0x00002000, &a)); /* VS-stage walk: 32-bit read */
	assert_false(insn_decode_transformed(0x00003000, &a)); /* 64-bit read */
	assert_false(insn_decode_transformed(0x00002020, &a)); /* 32-bit write (A/D update) */
	assert_false(insn_decode_transformed(0x00003020, &a)); /* 64-bit write */
	assert_false(insn_decode_transformed(0x0800252f, &a)); /* amoswap.w: not emulated */
}

static void load_results(void **s)
{
	struct mem_access lb = { .size = 1, .sign_extend = true }, lbu = { .size = 1 };
	struct mem_access lw = { .size = 4, .sign_extend = true }, lwu = { .size = 4 }, ld = { .size = 8 };
	assert_int_equal(insn_load_result(&lb, 0x80), 0xffffffffffffff80ULL);
	assert_int_equal(insn_load_result(&lbu, 0x1ff), 0xff);
	assert_int_equal(insn_load_result(&lw, 0x80000000), 0xffffffff80000000ULL);
	assert_int_equal(insn_load_result(&lwu, 0x180000000ULL), 0x80000000);
	assert_int_equal(insn_load_result(&ld, 0x8000000000000001ULL), 0x8000000000000001ULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counter_reads),
		cmocka_unit_test(writes_are_flagged),
		cmocka_unit_test(non_csr_instructions),
		cmocka_unit_test(loads_and_stores),
		cmocka_unit_test(not_loads_or_stores),
		cmocka_unit_test(transformed_instructions),
		cmocka_unit_test(no_transformed_instruction),
		cmocka_unit_test(load_results),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
