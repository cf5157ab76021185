/* BASE (EID 0x10): versions, ids, and probe_extension answering what each
 * extension of hyp/sbi.c's table says of itself (its probe hook). */
#include "hyp/sbi.h"
#include "hyp/hyp.h"

static struct sbiret base_call(struct vcpu *v, unsigned long fid, const unsigned long *a)
{
	/* Before the switch and its jump table (nine instructions): what guests ask first. */
	if (fid == SBI_BASE_GET_SPEC_VERSION)
		return sbi_ok(SBI_SPEC_VERSION);
	switch (fid) {
	case SBI_BASE_GET_IMPL_ID:      return sbi_ok(SBI_IMPL_ID_HPMVISOR);
	case SBI_BASE_GET_IMPL_VERSION: return sbi_ok(SBI_IMPL_VERSION);
	case SBI_BASE_PROBE_EXT:        return sbi_ok(sbi_probe_ext(a[0]));
	case SBI_BASE_GET_MVENDORID:    return sbi_ok((long)hyp.mvendorid);
	case SBI_BASE_GET_MARCHID:      return sbi_ok((long)hyp.marchid);
	case SBI_BASE_GET_MIMPID:       return sbi_ok((long)hyp.mimpid);
	default:                        return sbi_err(SBI_ERR_NOT_SUPPORTED);
	}
}

const struct sbi_ext sbi_ext_base = { .eid = SBI_EXT_BASE, .call = base_call };
