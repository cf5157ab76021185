#include "hyp/vcpu_state.h"

static bool cas(enum vcpu_state *s, enum vcpu_state from, enum vcpu_state to)
{
	return __atomic_compare_exchange_n(s, &from, to, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

void vm_life_init(struct vm_life *vm, unsigned running)
{
	vm->ending = 0;
	vm->running = running;
	vm->late_starts = 0;
}

enum vcpu_start vcpu_claim_start(struct vm_life *vm, enum vcpu_state *s)
{
	/* Counted before the CAS publishes the start: the started vcpu may stop
	 * (and count down) before this hart runs another instruction. */
	__atomic_add_fetch(&vm->running, 1, __ATOMIC_SEQ_CST);
	if (!cas(s, VCPU_STOPPED, VCPU_START_PENDING)) {
		__atomic_sub_fetch(&vm->running, 1, __ATOMIC_SEQ_CST);
		if (vcpu_state_now(s) != VCPU_GONE)
			return START_BUSY;
		__atomic_add_fetch(&vm->late_starts, 1, __ATOMIC_SEQ_CST);
		return START_VM_ENDING;
	}
	if (__atomic_load_n(&vm->ending, __ATOMIC_SEQ_CST)) {
		/* Only our own start, while it is still pending: from another hart a
		 * vcpu may never be moved out of RUNNING (a stale REQ_RUN of an earlier
		 * start may have run it meanwhile; its own hart stops it). */
		if (cas(s, VCPU_START_PENDING, VCPU_STOPPED))
			__atomic_sub_fetch(&vm->running, 1, __ATOMIC_SEQ_CST);
		__atomic_add_fetch(&vm->late_starts, 1, __ATOMIC_SEQ_CST);
		return START_VM_ENDING;
	}
	return START_CLAIMED;
}

bool vcpu_begin_run(struct vm_life *vm, enum vcpu_state *s)
{
	if (cas(s, VCPU_START_PENDING, VCPU_RUNNING)) {
		/* The same store-buffer check as a start's, on the starting side: a
		 * VM whose end is claimed is not entered (we are not in the guest yet). */
		if (!__atomic_load_n(&vm->ending, __ATOMIC_SEQ_CST))
			return true;
		vcpu_stop(vm, s);
	}
	__atomic_add_fetch(&vm->late_starts, 1, __ATOMIC_SEQ_CST);
	return false;
}

bool vcpu_suspend(enum vcpu_state *s)
{
	return cas(s, VCPU_RUNNING, VCPU_SUSPENDED);
}

bool vcpu_resume(enum vcpu_state *s)
{
	return cas(s, VCPU_SUSPENDED, VCPU_RUNNING);
}

bool vcpu_stop(struct vm_life *vm, enum vcpu_state *s)
{
	enum vcpu_state now = __atomic_load_n(s, __ATOMIC_SEQ_CST);
	while (now != VCPU_STOPPED && now != VCPU_GONE)
		if (__atomic_compare_exchange_n(s, &now, VCPU_STOPPED, false, __ATOMIC_SEQ_CST,
						__ATOMIC_SEQ_CST))
			return __atomic_sub_fetch(&vm->running, 1, __ATOMIC_SEQ_CST) == 0;
	return false;
}

bool vcpu_retire(enum vcpu_state *s)
{
	return cas(s, VCPU_STOPPED, VCPU_GONE);
}

bool vm_claim_end(struct vm_life *vm)
{
	unsigned unclaimed = 0;
	return __atomic_compare_exchange_n(&vm->ending, &unclaimed, 1, false, __ATOMIC_SEQ_CST,
					   __ATOMIC_SEQ_CST);
}

enum vcpu_state vcpu_state_now(const enum vcpu_state *s)
{
	return __atomic_load_n(s, __ATOMIC_SEQ_CST);
}

bool vcpu_is_live(const enum vcpu_state *s)
{
	enum vcpu_state now = vcpu_state_now(s);
	return now == VCPU_RUNNING || now == VCPU_SUSPENDED;
}
