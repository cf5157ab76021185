#include "hyp/sbi.h"

/* Most frequent first, ended by 0: the lookup is a short linear scan. */
static const struct sbi_ext *const sbi_exts[] = {
	&sbi_ext_base, &sbi_ext_time, &sbi_ext_pmu, &sbi_ext_ipi, &sbi_ext_rfence,
	&sbi_ext_dbcn, &sbi_ext_hsm, &sbi_ext_srst, &sbi_ext_susp,
	&sbi_ext_legacy_putchar, &sbi_ext_legacy_getchar, 0,
};

static const struct sbi_ext *table_ext(unsigned long eid)
{
	const struct sbi_ext *const *e = sbi_exts;

	while (*e && (*e)->eid != eid)
		e++;
	return *e;
}

long sbi_probe_ext(unsigned long eid)
{
	const struct sbi_ext *e = table_ext(eid);
	return !e ? 0 : e->probe ? e->probe() : 1;
}

/* An extension with a probe hook: asked first, apart from the common path
 * (no hook: one load and branch more than a plain lookup). */
static struct sbiret __attribute__((noinline)) probed_call(const struct sbi_ext *e, struct vcpu *v)
{
	if (!e->probe())
		return sbi_err(SBI_ERR_NOT_SUPPORTED);
	return e->call(v, v->x[16], &v->x[10]);
}

struct sbiret sbi_handle_ecall(struct vcpu *v)
{
	const struct sbi_ext *e = table_ext(v->x[17]);
	if (!e)
		return sbi_err(SBI_ERR_NOT_SUPPORTED);
	/* Dispatched exactly when probe_extension says it is there. */
	if (e->probe)
		return probed_call(e, v);
	/* A tail call: trap.S puts the answer into the guest's a0/a1. */
	return e->call(v, v->x[16], &v->x[10]);
}
