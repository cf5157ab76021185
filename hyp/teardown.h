/* The fixed teardown order (DESIGN.md "Teardown"), one function per level.
 * Nothing here writes guest memory: the gate closes before anything else runs. */
#ifndef HYP_TEARDOWN_H
#define HYP_TEARDOWN_H
#include <stdint.h>
#include "hyp/vm.h"
#include "mm/palloc.h"
#include "mm/vmid.h"

struct teardown_report {
	uint64_t ram_sum_before;  /* guest RAM checksum before step 1 */
	uint64_t ram_sum_after;   /* ... and after the G-stage is gone (step 5) */
};

/* Steps 1-4 for one vcpu. */
void vcpu_teardown(struct vcpu *v);
/* Steps 1-6 for the VM: RAM, tables and VMID go back to mem and vmids. */
void vm_teardown(struct vm *vm, struct palloc *mem, struct vmid_pool *vmids, struct teardown_report *rep);
/* A read-only checksum of guest RAM, for proving teardown wrote nothing. */
uint64_t vm_ram_checksum(const struct vm *vm);

/* Hardware steps, in hyp/vcpu_hw.c (stubbed by the host tests). */
void vcpu_hw_quiesce(struct vcpu *v);          /* step 3: cancel the timer, clear hvip */
void vm_hw_forget(const struct vm *vm);        /* step 5: hgatp off, hfence.gvma the VMID */

#endif
