/* HSM (EID 0x48534D): the guest's hart ids are its vcpu ids; vcpu i runs on
 * harts[i], started and stopped through hart requests (hyp/hart.c), its state
 * changed only by the transitions of hyp/vcpu_state.h. */
#include "hyp/sbi.h"
#include <string.h>
#include "hyp/vcpu_suspend.h"
#include "hyp/vm.h"

static struct sbiret hsm_suspend(struct vcpu *v, uint32_t type, unsigned long resume_addr,
				 unsigned long opaque)
{
	if (type == SBI_HSM_SUSPEND_RETENTIVE) {
		vcpu_suspend_wait(v);
		return sbi_ok(0);
	}
	/* Reserved, or platform specific and none implemented. */
	if (type != SBI_HSM_SUSPEND_NON_RETENTIVE)
		return sbi_err(SBI_ERR_INVALID_PARAM);
	if (!gmem_range_ok(&v->vm->mem, resume_addr, 2))
		return sbi_err(SBI_ERR_INVALID_ADDRESS);
	vcpu_suspend_wait(v);
	vcpu_resume_at(v, resume_addr, opaque);
}

static struct sbiret hsm_start(struct vcpu *self, unsigned long hartid, unsigned long start,
			       unsigned long opaque)
{
	struct vm *vm = self->vm;
	if (hartid >= vm->n_vcpus)
		return sbi_err(SBI_ERR_INVALID_PARAM);
	if (!gmem_range_ok(&vm->mem, start, 2))
		return sbi_err(SBI_ERR_INVALID_ADDRESS);
	struct vcpu *t = &vm->vcpus[hartid];
	switch (vcpu_claim_start(&vm->life, &t->state)) {
	case START_BUSY:
		return sbi_err(SBI_ERR_ALREADY_AVAILABLE);
	case START_VM_ENDING:  /* and this vcpu with it */
		return sbi_err(SBI_ERR_FAILED);
	case START_CLAIMED:
		break;
	}
	/* The spec's start state: a0 = hart id, a1 = opaque, satp = 0 (vcpu_run).
	 * Its hart reads these only after REQ_RUN. */
	memset(t->x, 0, sizeof(t->x));
	t->x[10] = hartid;
	t->x[11] = opaque;
	t->sepc = start;
	hart_post(t->hart, REQ_RUN);
	return sbi_ok(0);
}

static struct sbiret hsm_status(const struct vcpu *self, unsigned long hartid)
{
	if (hartid >= self->vm->n_vcpus)
		return sbi_err(SBI_ERR_INVALID_PARAM);
	switch (vcpu_state_now(&self->vm->vcpus[hartid].state)) {
	case VCPU_RUNNING:       return sbi_ok(SBI_HSM_STATE_STARTED);
	case VCPU_START_PENDING: return sbi_ok(SBI_HSM_STATE_START_PENDING);
	case VCPU_SUSPENDED:     return sbi_ok(SBI_HSM_STATE_SUSPENDED);
	default:                 return sbi_ok(SBI_HSM_STATE_STOPPED);
	}
}

static struct sbiret hsm_call(struct vcpu *v, unsigned long fid, const unsigned long *a)
{
	switch (fid) {
	case SBI_HSM_HART_START:
		return hsm_start(v, a[0], a[1], a[2]);
	case SBI_HSM_HART_STOP:
		vm_vcpu_stop(v);
	case SBI_HSM_HART_GET_STATUS:
		return hsm_status(v, a[0]);
	case SBI_HSM_HART_SUSPEND:
		return hsm_suspend(v, (uint32_t)a[0], a[1], a[2]); /* 32-bit; RV64 may sign-extend it */
	default:
		return sbi_err(SBI_ERR_NOT_SUPPORTED);
	}
}

const struct sbi_ext sbi_ext_hsm = { .eid = SBI_EXT_HSM, .call = hsm_call };
