/* SRST (EID 0x53525354): shutdown destroys the VM, reboot recreates it. */
#include "hyp/sbi.h"
#include "hyp/vm.h"

static struct sbiret srst_call(struct vcpu *v, unsigned long fid, const unsigned long *a)
{
	/* 32-bit arguments: the RV64 calling convention may sign-extend them. */
	uint32_t type = (uint32_t)a[0], reason = (uint32_t)a[1];
	if (fid != SBI_SRST_RESET)
		return sbi_err(SBI_ERR_NOT_SUPPORTED);
	/* Reasons past "system failure" are reserved, or implementation or vendor
	 * specific ones this implementation does not define. */
	if (reason > SBI_SRST_REASON_FAILURE)
		return sbi_err(SBI_ERR_INVALID_PARAM);
	switch (type) {
	case SBI_SRST_TYPE_SHUTDOWN:
		vm_shutdown(v, reason == SBI_SRST_REASON_FAILURE);
	case SBI_SRST_TYPE_COLD_REBOOT:
	case SBI_SRST_TYPE_WARM_REBOOT:
		vm_reboot(v);
	default:
		/* reserved, or a vendor type none of which is implemented */
		return sbi_err(SBI_ERR_INVALID_PARAM);
	}
}

const struct sbi_ext sbi_ext_srst = { .eid = SBI_EXT_SRST, .call = srst_call };
