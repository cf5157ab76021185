/* The SMP model: the life of a vcpu and of a VM, as named transitions on
 * atomic words. Pure C, so the host tests drive it from several threads.
 *
 * Ownership (who may touch what):
 * - A vcpu's registers, its CSRs and its PMU state belong to the hart it is
 *   pinned to (harts[i] runs vcpu i); other harts reach them only through hart
 *   requests (hyp/hart.h), served on that hart.
 * - A vcpu's state word is the one thing other harts change directly, and only
 *   through these functions: each is one compare-and-swap from an expected
 *   state, so two harts never both win. START_PENDING and RUNNING/SUSPENDED are
 *   left only by the vcpu's own hart (its start, its stop, a served REQ_STOP);
 *   STOPPED -> START_PENDING (hart_start) and STOPPED -> GONE (teardown) are
 *   the two transitions another hart makes, and they exclude each other by the
 *   CAS itself: once a teardown retired a vcpu no start can succeed.
 * - The VM's `ending` word is claimed once, by the vcpu that ends the VM. A
 *   start looks at it after its CAS, the teardown at the states after its
 *   claim: a store-buffer (Dekker) pattern, correct only because both sides
 *   are sequentially consistent (with acquire/release, as an earlier model
 *   had, each side could miss the other). So once the end is claimed, starts
 *   fail and the teardown's stops are not undone by a vcpu still running.
 * - The `running` count (vcpus not STOPPED) ends the VM when it drops to 0.
 * - The allocators (mm/palloc, mm/vmid) are used by the hart that creates or
 *   ends a VM while every other hart of that VM is parked or retired.
 * All operations are sequentially consistent: they are rare (start, stop,
 * suspend, teardown), never on the ecall fast path. */
#ifndef HYP_VCPU_STATE_H
#define HYP_VCPU_STATE_H
#include <stdbool.h>

enum vcpu_state {
	VCPU_GONE,           /* retired by the VM's teardown (or freed: zeroed): never starts again */
	VCPU_STOPPED,        /* HSM STOPPED: may be started */
	VCPU_START_PENDING,  /* a start is posted to its hart */
	VCPU_RUNNING,        /* in the guest, or in the hypervisor on its behalf */
	VCPU_SUSPENDED,      /* HSM hart_suspend: waiting on its hart for an interrupt */
};

struct vm_life {
	unsigned ending;     /* 1 once a vcpu claimed the end of the VM */
	unsigned running;    /* vcpus not STOPPED or GONE */
	unsigned late_starts; /* hart_starts refused or dropped because the VM was ending */
};

/* A new VM with `running` vcpus counted (START_PENDING or RUNNING), set by
 * its creator before any other hart sees it. */
void vm_life_init(struct vm_life *vm, unsigned running);

enum vcpu_start { START_CLAIMED, START_BUSY, START_VM_ENDING };
/* Another vcpu's hart_start: STOPPED -> START_PENDING, counted as running.
 * BUSY if it was not STOPPED; VM_ENDING (and left STOPPED) once the end of the
 * VM is claimed or the vcpu retired. */
enum vcpu_start vcpu_claim_start(struct vm_life *vm, enum vcpu_state *s);
/* On its own hart: START_PENDING -> RUNNING; false (and left STOPPED) if the
 * start was undone meanwhile or the VM's end is claimed: a late start. */
bool vcpu_begin_run(struct vm_life *vm, enum vcpu_state *s);
/* On its own hart: RUNNING <-> SUSPENDED. */
bool vcpu_suspend(enum vcpu_state *s);
bool vcpu_resume(enum vcpu_state *s);
/* On its own hart, leaving guest mode for good (HSM hart_stop, a served
 * REQ_STOP): -> STOPPED unless GONE. Returns true when this was the last
 * running vcpu (counted once per vcpu). */
bool vcpu_stop(struct vm_life *vm, enum vcpu_state *s);
/* Teardown, from any hart: STOPPED -> GONE. false if the vcpu is not stopped
 * (ask its hart to stop it and try again). */
bool vcpu_retire(enum vcpu_state *s);
/* The one vcpu that ends the VM: true for exactly one caller. */
bool vm_claim_end(struct vm_life *vm);
/* Is it in a state where requests reach a guest (IPIs, fences)? */
bool vcpu_is_live(const enum vcpu_state *s);
enum vcpu_state vcpu_state_now(const enum vcpu_state *s);

#endif
