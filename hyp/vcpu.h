/* A virtual hart. Guest registers come first: trap.S saves into them by offset
 * (build/gen/asm_offsets.h, generated from hyp/asm_offsets.c). */
#ifndef HYP_VCPU_H
#define HYP_VCPU_H
#include <stdbool.h>
#include <stdint.h>
#include "pmu/pmu.h"

struct vm;
struct hart;

/* HSM states as the guest sees them through hart_get_status. */
enum vcpu_state { VCPU_STOPPED, VCPU_START_PENDING, VCPU_RUNNING };

struct vcpu {
	uint64_t x[32];        /* guest x0..x31 (x0 unused) */
	uint64_t sepc;         /* guest pc to resume at */
	uint64_t hyp_sp;       /* hypervisor stack for traps from this vcpu, below a slot trap.S uses */
	uint64_t hyp_tp;       /* hypervisor thread pointer (picolibc TLS) */
	struct vm *vm;
	struct hart *hart;     /* the physical hart it is pinned to */
	unsigned id;           /* the guest's hart id */
	enum vcpu_state state; /* written by its own hart, or by hart_start under the CAS */
	bool timer_armed;      /* without Sstc: a host SBI timer is set for this vcpu */
	struct vcpu_pmu pmu;
};

/* Enter or re-enter a vcpu with every register loaded from *v (trap.S). */
void vcpu_enter(struct vcpu *v) __attribute__((noreturn));
/* Called by trap.S for every trap from the guest but VS ecalls (hyp/sbi.c);
 * returns v to resume it. */
struct vcpu *vcpu_handle_trap(struct vcpu *v);
/* On v's own hart: load the CSRs for v's VM and enter it (first entry,
 * HSM start, reboot). */
void vcpu_run(struct vcpu *v) __attribute__((noreturn));

#endif
