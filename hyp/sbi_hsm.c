/* HSM (EID 0x48534D) for a VM whose only vcpu is hart 0. */
#include "hyp/sbi.h"
#include "hyp/vm.h"

#define SUSPEND_RETENTIVE_DEFAULT     0x00000000UL
#define SUSPEND_NONRETENTIVE_DEFAULT  0x80000000UL

static struct sbiret hsm_suspend(uint32_t type)
{
	if (type == SUSPEND_RETENTIVE_DEFAULT)
		return sbi_ok(0); /* resumes at once, as after a wake-up interrupt */
	if (type == SUSPEND_NONRETENTIVE_DEFAULT)
		return sbi_err(SBI_ERR_NOT_SUPPORTED); /* defined, but not offered */
	/* reserved, or platform specific and none implemented */
	return sbi_err(SBI_ERR_INVALID_PARAM);
}

static struct sbiret hsm_call(struct vcpu *v, unsigned long fid, const unsigned long *a)
{
	switch (fid) {
	case SBI_HSM_HART_START:
		return sbi_err(a[0] == v->id ? SBI_ERR_ALREADY_AVAILABLE : SBI_ERR_INVALID_PARAM);
	case SBI_HSM_HART_STOP:
		vm_shutdown(v->vm, false); /* its last running vcpu stopped: the VM is over */
	case SBI_HSM_HART_GET_STATUS:
		if (a[0] != v->id)
			return sbi_err(SBI_ERR_INVALID_PARAM);
		return sbi_ok(SBI_HSM_STATE_STARTED);
	case SBI_HSM_HART_SUSPEND:
		return hsm_suspend((uint32_t)a[0]); /* 32-bit; RV64 may sign-extend it */
	default:
		return sbi_err(SBI_ERR_NOT_SUPPORTED);
	}
}

const struct sbi_ext sbi_ext_hsm = { .eid = SBI_EXT_HSM, .call = hsm_call };
