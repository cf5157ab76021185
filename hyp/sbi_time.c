/* TIME (EID 0x54494D45). */
#include "hyp/sbi.h"
#include "hyp/vtimer.h"

static struct sbiret time_call(struct vcpu *v, unsigned long fid, const unsigned long *a)
{
	if (fid != SBI_TIME_SET_TIMER)
		return sbi_err(SBI_ERR_NOT_SUPPORTED);
	vtimer_set(v, a[0]);
	return sbi_ok(0);
}

const struct sbi_ext sbi_ext_time = { .eid = SBI_EXT_TIME, .call = time_call };
