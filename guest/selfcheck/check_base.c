/* BASE: version encoding, the always-succeeding calls, probe_extension, and
 * NOT_SUPPORTED for what does not exist. Also: every extension the SBI
 * claims must answer its calls, and every one it denies must refuse them. */
#include <stdio.h>

#include "checks.h"
#include "harness.h"
#include "runtime.h"
#include "sbi.h"

#define UNKNOWN_EID 0x0BADBAD0UL
#define UNKNOWN_BASE_FID 0x7ffUL

static const char dbcn_nothing[1];

/* One call per extension that changes nothing (or nothing visible): its
 * result only has to be something other than NOT_SUPPORTED. */
static struct sbiret call_time(void) { return sbi_set_timer(~0UL); }
static struct sbiret call_ipi(void) { return sbi_ecall(SBI_EXT_IPI, SBI_IPI_SEND_IPI, 0, 0, 0, 0, 0, 0); }
static struct sbiret call_rfence(void)
{
	return sbi_ecall(SBI_EXT_RFENCE, SBI_RFENCE_REMOTE_FENCE_I, 0, 0, 0, 0, 0, 0);
}
static struct sbiret call_hsm(void)
{
	return sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, env.hartid, 0, 0, 0, 0, 0);
}
/* Reset type 3 is reserved: INVALID_PARAM, and certainly no reset. */
static struct sbiret call_srst(void) { return sbi_ecall(SBI_EXT_SRST, SBI_SRST_RESET, 3, 0, 0, 0, 0, 0); }
static struct sbiret call_pmu(void) { return sbi_ecall(SBI_EXT_PMU, SBI_PMU_NUM_COUNTERS, 0, 0, 0, 0, 0, 0); }
static struct sbiret call_dbcn(void)
{
	return sbi_ecall(SBI_EXT_DBCN, SBI_DBCN_WRITE, 0, (unsigned long)dbcn_nothing, 0, 0, 0, 0);
}

static const struct {
	unsigned long eid;
	const char *name;
	struct sbiret (*call)(void);
} extensions[] = {
	{ SBI_EXT_TIME, "TIME", call_time },
	{ SBI_EXT_IPI, "IPI", call_ipi },
	{ SBI_EXT_RFENCE, "RFENCE", call_rfence },
	{ SBI_EXT_HSM, "HSM", call_hsm },
	{ SBI_EXT_SRST, "SRST", call_srst },
	{ SBI_EXT_PMU, "PMU", call_pmu },
	{ SBI_EXT_DBCN, "DBCN", call_dbcn },
};

static struct sbiret base_call(unsigned long fid, unsigned long arg)
{
	return sbi_ecall(SBI_EXT_BASE, fid, arg, 0, 0, 0, 0, 0);
}

static void check_spec_version(void)
{
	struct sbiret r = base_call(SBI_BASE_GET_SPEC_VERSION, 0);
	unsigned long v = (unsigned long)r.value;

	if (!check_err("base: get_spec_version succeeds", r, SBI_SUCCESS))
		return;
	check(!(v & ~0x7fffffffUL), "base: spec version has bit 31 and bits 63:32 clear",
	      "got: 0x%lx expected: bits 63:31 zero", v);
	check(SBI_SPEC_MAJOR(v) > 0 || SBI_SPEC_MINOR(v) >= 2, "base: spec version >= 0.2",
	      "got: %lu.%lu expected: >= 0.2", SBI_SPEC_MAJOR(v), SBI_SPEC_MINOR(v));
}

static void check_infallible_calls(void)
{
	static const struct { unsigned long fid; const char *what; } calls[] = {
		{ SBI_BASE_GET_IMPL_ID, "base: get_impl_id succeeds" },
		{ SBI_BASE_GET_IMPL_VERSION, "base: get_impl_version succeeds" },
		{ SBI_BASE_GET_MVENDORID, "base: get_mvendorid succeeds" },
		{ SBI_BASE_GET_MARCHID, "base: get_marchid succeeds" },
		{ SBI_BASE_GET_MIMPID, "base: get_mimpid succeeds" },
	};

	for (unsigned i = 0; i < sizeof(calls) / sizeof(calls[0]); i++)
		check_err(calls[i].what, base_call(calls[i].fid, 0), SBI_SUCCESS);
}

static void check_probe(void)
{
	struct sbiret r;

	r = base_call(SBI_BASE_PROBE_EXT, SBI_EXT_BASE);
	check(!r.error && r.value != 0, "base: probe_extension(BASE) is non-zero",
	      "got: %s value %ld expected: SBI_SUCCESS value != 0", sbi_err_name(r.error), r.value);
	r = base_call(SBI_BASE_PROBE_EXT, SBI_EXT_TIME);
	check(!r.error && r.value != 0, "base: probe_extension(TIME) is non-zero",
	      "got: %s value %ld expected: SBI_SUCCESS value != 0", sbi_err_name(r.error), r.value);
	check_ret("base: probe_extension(0x0BADBAD0) = 0", base_call(SBI_BASE_PROBE_EXT, UNKNOWN_EID), 0);
	check_err("base: unknown BASE function 0x7ff -> NOT_SUPPORTED",
		  base_call(UNKNOWN_BASE_FID, 0), SBI_ERR_NOT_SUPPORTED);
	check_err("base: call to unknown extension 0x0BADBAD0 -> NOT_SUPPORTED",
		  sbi_ecall(UNKNOWN_EID, 0, 0, 0, 0, 0, 0, 0), SBI_ERR_NOT_SUPPORTED);
}

/* probe_extension must tell the truth both ways. */
static void check_probe_truth(void)
{
	char what[96];

	for (unsigned i = 0; i < sizeof(extensions) / sizeof(extensions[0]); i++) {
		long probed = sbi_probe(extensions[i].eid);
		struct sbiret r = extensions[i].call();

		if (probed) {
			snprintf(what, sizeof(what), "base: %s is offered (probe = %ld) and answers its calls",
				 extensions[i].name, probed);
			check(r.error != SBI_ERR_NOT_SUPPORTED, what,
			      "got: SBI_ERR_NOT_SUPPORTED expected: any other result");
		} else {
			snprintf(what, sizeof(what), "base: %s is not offered (probe = 0) and refuses its calls",
				 extensions[i].name);
			check_err(what, r, SBI_ERR_NOT_SUPPORTED);
		}
	}
}

void check_base(void)
{
	check_spec_version();
	check_infallible_calls();
	check_probe();
	check_probe_truth();
}
