/* SUSP (EID 0x53555350): SUSPEND_TO_RAM of the VM. Entered with every other
 * vcpu STOPPED, it is a non-retentive suspend of the caller: it resumes at
 * resume_addr when an interrupt it enabled is pending (its timer: the VM has
 * no other wake-up device), as the spec's resume register state. */
#include "hyp/sbi.h"
#include "hyp/vcpu_suspend.h"
#include "hyp/vm.h"

static bool others_stopped(const struct vcpu *self)
{
	const struct vm *vm = self->vm;
	for (unsigned i = 0; i < vm->n_vcpus; i++)
		if (&vm->vcpus[i] != self && vcpu_state_now(&vm->vcpus[i].state) != VCPU_STOPPED)
			return false;
	return true;
}

static struct sbiret susp_call(struct vcpu *v, unsigned long fid, const unsigned long *a)
{
	if (fid != SBI_SUSP_SYSTEM_SUSPEND)
		return sbi_err(SBI_ERR_NOT_SUPPORTED);
	/* 32-bit; reserved or platform specific types are not implemented. */
	if ((uint32_t)a[0] != SBI_SUSP_SLEEP_TYPE_SUSPEND_TO_RAM)
		return sbi_err(SBI_ERR_INVALID_PARAM);
	if (!gmem_range_ok(&v->vm->mem, a[1], 2))
		return sbi_err(SBI_ERR_INVALID_ADDRESS);
	/* Only running vcpus start others, and the caller is the one running:
	 * nothing can change this after the check. */
	if (!others_stopped(v))
		return sbi_err(SBI_ERR_DENIED);
	vcpu_suspend_wait(v);
	vcpu_resume_at(v, a[1], a[2]);
}

const struct sbi_ext sbi_ext_susp = { .eid = SBI_EXT_SUSP, .call = susp_call };
