#include "sbi.h"

long sbi_legacy(unsigned long eid, unsigned long arg0)
{
	return sbi_ecall(eid, 0, arg0, 0, 0, 0, 0, 0).error;
}

const char *sbi_err_name(long error)
{
	static const char *const names[] = {
		"SBI_SUCCESS", "SBI_ERR_FAILED", "SBI_ERR_NOT_SUPPORTED",
		"SBI_ERR_INVALID_PARAM", "SBI_ERR_DENIED", "SBI_ERR_INVALID_ADDRESS",
		"SBI_ERR_ALREADY_AVAILABLE", "SBI_ERR_ALREADY_STARTED",
		"SBI_ERR_ALREADY_STOPPED", "SBI_ERR_NO_SHMEM", "SBI_ERR_INVALID_STATE",
		"SBI_ERR_BAD_RANGE", "SBI_ERR_TIMEOUT", "SBI_ERR_IO",
	};
	if (error <= 0 && -error < (long)(sizeof(names) / sizeof(names[0])))
		return names[-error];
	return "unknown error";
}

unsigned long sbi_spec_version(void)
{
	static unsigned long version;
	static bool known;

	if (!known) {
		struct sbiret r = sbi_ecall(SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION,
					    0, 0, 0, 0, 0, 0);
		version = r.error ? 0 : (unsigned long)r.value;
		known = true;
	}
	return version;
}

bool sbi_spec_at_least(unsigned major, unsigned minor)
{
	unsigned long v = sbi_spec_version();

	return SBI_SPEC_MAJOR(v) > major ||
	       (SBI_SPEC_MAJOR(v) == major && SBI_SPEC_MINOR(v) >= minor);
}

long sbi_probe(unsigned long eid)
{
	struct sbiret r = sbi_ecall(SBI_EXT_BASE, SBI_BASE_PROBE_EXT, eid, 0, 0, 0, 0, 0);

	return r.error ? 0 : r.value;
}

void sbi_shutdown(bool failure)
{
	sbi_ecall(SBI_EXT_SRST, SBI_SRST_RESET, SBI_SRST_TYPE_SHUTDOWN,
		  failure ? SBI_SRST_REASON_FAILURE : SBI_SRST_REASON_NONE, 0, 0, 0, 0);
	sbi_legacy(SBI_EXT_0_1_SHUTDOWN, 0);
	for (;;)
		__asm__ volatile("wfi");
}

unsigned long sbi_pmu_counter_mask(void)
{
	struct sbiret num = sbi_ecall(SBI_EXT_PMU, SBI_PMU_NUM_COUNTERS, 0, 0, 0, 0, 0, 0);
	unsigned long mask = 0;

	for (long i = 0; !num.error && i < num.value && i < 64; i++)
		if (!sbi_ecall(SBI_EXT_PMU, SBI_PMU_COUNTER_GET_INFO, (unsigned long)i, 0, 0, 0, 0, 0).error)
			mask |= 1UL << i;
	return mask;
}
