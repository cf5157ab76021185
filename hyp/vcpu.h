/* A virtual hart. Guest registers come first: trap.S saves into them by offset
 * (build/gen/asm_offsets.h, generated from hyp/asm_offsets.c). */
#ifndef HYP_VCPU_H
#define HYP_VCPU_H
#include <stdbool.h>
#include <stdint.h>
#include "hyp/vcpu_state.h"
#include "pmu/pmu.h"

struct vm;
struct hart;

struct vcpu {
	uint64_t x[32];        /* guest x0..x31 (x0 unused) */
	uint64_t sepc;         /* guest pc to resume at */
	uint64_t hyp_sp;       /* hypervisor stack for traps from this vcpu, below a slot trap.S uses */
	uint64_t hyp_tp;       /* hypervisor thread pointer (picolibc TLS) */
	struct vm *vm;
	struct hart *hart;     /* the physical hart it is pinned to */
	unsigned id;           /* the guest's hart id */
	enum vcpu_state state; /* only through hyp/vcpu_state.h */
	bool timer_armed;      /* without Sstc: a host SBI timer is set for this vcpu */
	struct vcpu_pmu pmu;
};

/* Enter or re-enter a vcpu with every register loaded from *v (trap.S). */
void vcpu_enter(struct vcpu *v) __attribute__((noreturn));
/* Called by trap.S for every trap from the guest but VS ecalls (hyp/sbi.c);
 * returns v to resume it. */
struct vcpu *vcpu_handle_trap(struct vcpu *v);
/* A host interrupt taken on v's hart (while it ran, or while it waits
 * suspended): requests, the timer standing in for Sstc, counter overflow. */
void vcpu_host_interrupt(struct vcpu *v, unsigned long irq);

#endif
