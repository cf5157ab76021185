#include "hyp/sbi.h"

/* Most frequent first, ended by 0: the lookup is a short linear scan. */
static const struct sbi_ext *const sbi_exts[] = {
	&sbi_ext_base, &sbi_ext_time, &sbi_ext_pmu, &sbi_ext_ipi, &sbi_ext_rfence,
	&sbi_ext_dbcn, &sbi_ext_hsm, &sbi_ext_srst, &sbi_ext_susp,
	&sbi_ext_legacy_putchar, &sbi_ext_legacy_getchar, 0,
};

const struct sbi_ext *sbi_find_ext(unsigned long eid)
{
	const struct sbi_ext *const *e = sbi_exts;

	while (*e && (*e)->eid != eid)
		e++;
	return *e;
}

struct sbiret sbi_handle_ecall(struct vcpu *v)
{
	const struct sbi_ext *e = sbi_find_ext(v->x[17]);

	if (!e)
		return sbi_err(SBI_ERR_NOT_SUPPORTED);
	/* A tail call: trap.S puts the answer into the guest's a0/a1. */
	return e->call(v, v->x[16], &v->x[10]);
}
