/* The SBI the guests see: one file per extension, each a descriptor in the
 * dispatch table of hyp/sbi.c. */
#ifndef HYP_SBI_H
#define HYP_SBI_H
#include <stdbool.h>
#include "boot/sbi_call.h"
#include "hyp/vcpu.h"

#define SBI_SPEC_VERSION      ((3UL << 24) | 0)   /* 3.0: PMU snapshot and event_get_info */
#define SBI_IMPL_VERSION      ((0UL << 16) | 1)

/* a = the guest's a0..a5 (v->x + 10). */
typedef struct sbiret (*sbi_call_fn)(struct vcpu *v, unsigned long fid, const unsigned long *a);

struct sbi_ext {
	unsigned long eid;
	sbi_call_fn call;      /* SBI 0.1 calls return a0 alone: they pass a1 back as value */
	/* Whether this machine can offer it: BASE probe_extension's answer (0: not
	 * offered, and then not dispatched either). NULL: always offered, 1. */
	long (*probe)(void);
};

/* Hidden: hyp/sbi.c's table of them then needs only relative relocations,
 * the one kind boot/entry.S applies. */
extern const struct sbi_ext __attribute__((visibility("hidden"))) sbi_ext_base, sbi_ext_time, sbi_ext_ipi, sbi_ext_rfence,
	sbi_ext_hsm, sbi_ext_srst, sbi_ext_susp, sbi_ext_dbcn, sbi_ext_pmu,
	sbi_ext_legacy_putchar, sbi_ext_legacy_getchar;

/* BASE probe_extension(eid): the extension's own answer, 0 when there is none. */
long sbi_probe_ext(unsigned long eid);
/* The VS ecall fast path, called straight from trap.S with sepc already past
 * the ecall; returns the answer for the guest's a0/a1. */
struct sbiret sbi_handle_ecall(struct vcpu *v);

static inline struct sbiret sbi_ok(long value)
{
	return (struct sbiret){ SBI_SUCCESS, value };
}
static inline struct sbiret sbi_err(long error)
{
	return (struct sbiret){ error, 0 };
}

#endif
