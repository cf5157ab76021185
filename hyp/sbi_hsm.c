/* HSM (EID 0x48534D): the guest's hart ids are its vcpu ids; vcpu i runs on
 * harts[i], started and stopped through hart requests (hyp/hart.c). */
#include "hyp/sbi.h"
#include <string.h>
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

static struct sbiret hsm_start(struct vcpu *self, unsigned long hartid, unsigned long start,
			       unsigned long opaque)
{
	struct vm *vm = self->vm;
	if (hartid >= vm->n_vcpus)
		return sbi_err(SBI_ERR_INVALID_PARAM);
	if (!gmem_range_ok(&vm->mem, start, 2))
		return sbi_err(SBI_ERR_INVALID_ADDRESS);
	struct vcpu *t = &vm->vcpus[hartid];
	enum vcpu_state stopped = VCPU_STOPPED;
	if (!__atomic_compare_exchange_n(&t->state, &stopped, VCPU_START_PENDING, false,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		return sbi_err(SBI_ERR_ALREADY_AVAILABLE);
	if (__atomic_load_n(&vm->dying, __ATOMIC_ACQUIRE)) {
		/* The VM is ending: its teardown waits for every vcpu to be STOPPED. */
		__atomic_store_n(&t->state, VCPU_STOPPED, __ATOMIC_RELEASE);
		__atomic_add_fetch(&vm->late_starts, 1, __ATOMIC_RELAXED);
		return sbi_err(SBI_ERR_FAILED);
	}
	__atomic_add_fetch(&vm->running, 1, __ATOMIC_ACQ_REL);
	/* The spec's start state: a0 = hart id, a1 = opaque, satp = 0 (vcpu_run). */
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
	switch (__atomic_load_n(&self->vm->vcpus[hartid].state, __ATOMIC_ACQUIRE)) {
	case VCPU_RUNNING:       return sbi_ok(SBI_HSM_STATE_STARTED);
	case VCPU_START_PENDING: return sbi_ok(SBI_HSM_STATE_START_PENDING);
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
		return hsm_suspend((uint32_t)a[0]); /* 32-bit; RV64 may sign-extend it */
	default:
		return sbi_err(SBI_ERR_NOT_SUPPORTED);
	}
}

const struct sbi_ext sbi_ext_hsm = { .eid = SBI_EXT_HSM, .call = hsm_call };
