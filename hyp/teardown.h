/* The fixed teardown order (docs/design.md "Teardown order"), one function per level.
 * Nothing here writes guest memory: the gate closes before anything else runs. */
#ifndef HYP_TEARDOWN_H
#define HYP_TEARDOWN_H
#include <stdbool.h>
#include <stdint.h>
#include "hyp/vm.h"
#include "mm/palloc.h"
#include "mm/vmid.h"

/* The checksums cost two passes over guest RAM: taken only when asked
 * (hpmvisor.teardown_check=on, which the tests pass), so that teardown
 * otherwise costs the same for any RAM size. */
struct teardown_report {
	bool checked;             /* the checksums below were taken */
	uint64_t ram_sum_before;  /* guest RAM checksum once no vcpu runs (after step 1) */
	uint64_t ram_sum_after;   /* ... and after the G-stage is gone (step 5) */
};

/* Steps 1-4 for one vcpu, on the hart it is pinned to (its PMU counters, timer
 * and TLB are that hart's). */
void vcpu_teardown(struct vcpu *v);
/* Steps 1-6 for the VM, on the hart of `self`: every other vcpu is torn down
 * on its own hart first, then self; RAM, tables and VMID go back to mem and
 * vmids. With check, rep gets the RAM checksums around steps 2-5. */
void vm_teardown(struct vm *vm, struct vcpu *self, struct palloc *mem, struct vmid_pool *vmids,
		 bool check, struct teardown_report *rep);
/* A read-only checksum of guest RAM, for proving teardown wrote nothing. */
uint64_t vm_ram_checksum(const struct vm *vm);
/* The hardware steps are vcpu_hw_quiesce (hyp/vcpu_hw.h), vcpu_stop_remote
 * and vcpu_teardown_remote (hyp/hart.h); the host tests stub them. */

#endif
