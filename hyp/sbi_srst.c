/* SRST (EID 0x53525354): shutdown destroys the VM, reboot recreates it. */
#include "hyp/sbi.h"
#include "hyp/vm.h"

static bool reason_valid(unsigned long reason)
{
	/* 0 none, 1 failure; 2..0xDFFFFFFF reserved; higher ones implementation/vendor specific. */
	return reason <= SBI_SRST_REASON_FAILURE || (reason >= 0xE0000000UL && reason <= 0xFFFFFFFFUL);
}

static struct sbiret srst_call(struct vcpu *v, unsigned long fid, const unsigned long *a)
{
	unsigned long type = a[0], reason = a[1];
	if (fid != SBI_SRST_RESET)
		return sbi_err(SBI_ERR_NOT_SUPPORTED);
	if (!reason_valid(reason))
		return sbi_err(SBI_ERR_INVALID_PARAM);
	switch (type) {
	case SBI_SRST_TYPE_SHUTDOWN:
		vm_shutdown(v->vm, reason == SBI_SRST_REASON_FAILURE);
	case SBI_SRST_TYPE_COLD_REBOOT:
	case SBI_SRST_TYPE_WARM_REBOOT:
		vm_reboot(v->vm);
	default:
		/* 0xF0000000 and up: vendor types, none implemented; the rest reserved. */
		return sbi_err(type >= 0xF0000000UL && type <= 0xFFFFFFFFUL ? SBI_ERR_NOT_SUPPORTED
									    : SBI_ERR_INVALID_PARAM);
	}
}

const struct sbi_ext sbi_ext_srst = { .eid = SBI_EXT_SRST, .call = srst_call };
