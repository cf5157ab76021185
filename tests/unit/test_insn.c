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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counter_reads),
		cmocka_unit_test(writes_are_flagged),
		cmocka_unit_test(non_csr_instructions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
