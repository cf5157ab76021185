#include "hyp/teardown.h"
#include <string.h>
#include "hyp/vcpu_hw.h"
#include "mm/guest_ram.h"

void vcpu_teardown(struct vcpu *v)
{
	/* 1. Done: it is retired (vm_teardown) and we are on its hart, so it is
	 *    not in guest mode. */
	/* 2. PMU: host counters stopped and reset, shadow dropped, snapshot GPA forgotten. */
	pmu_vcpu_deinit(&v->pmu);
	/* 3. Timer and interrupt state; this hart forgets the G-stage. */
	vcpu_hw_quiesce(v);
	/* 4. Free the vcpu: zeroed, its state is VCPU_GONE. */
	memset(v, 0, sizeof(*v));
}

uint64_t vm_ram_checksum(const struct vm *vm)
{
	/* FNV-1a over 64-bit words in GPA order: order sensitive, cheap under emulation. */
	uint64_t h = 0xcbf29ce484222325ULL;
	for (unsigned p = 0; p < gmem_pieces(&vm->mem); p++) {
		struct gmem_piece piece = gmem_piece(&vm->mem, p);
		const uint64_t *w = (const uint64_t *)piece.hva;
		for (uint64_t i = 0; i < piece.size / sizeof(*w); i++)
			h = (h ^ w[i]) * 0x100000001b3ULL;
	}
	return h;
}

void vm_teardown(struct vm *vm, struct vcpu *self, struct palloc *mem, struct vmid_pool *vmids,
		 bool check, struct teardown_report *rep)
{
	*rep = (struct teardown_report){ .checked = check };
	gmem_close(&vm->mem);
	/* 1. Every vcpu out of guest mode; only then is guest RAM still. */
	vcpu_stop(&vm->life, &self->state);
	/* A start another vcpu claimed meanwhile is undone by that vcpu itself
	 * (the end is claimed): wait for it. */
	while (!vcpu_retire(&self->state))
		;
	for (unsigned i = 0; i < vm->n_vcpus; i++)
		if (&vm->vcpus[i] != self)
			vcpu_stop_remote(self, &vm->vcpus[i]);
	if (check)
		rep->ram_sum_before = vm_ram_checksum(vm);
	/* 2-4 on each vcpu's own hart, this one last. */
	for (unsigned i = 0; i < vm->n_vcpus; i++)
		if (&vm->vcpus[i] != self)
			vcpu_teardown_remote(self, &vm->vcpus[i]);
	vcpu_teardown(self);
	/* 5. No hart uses the G-stage any more and each fenced the VMID (step 3):
	 *    free the tables, release the VMID. */
	gstage_destroy(&vm->gstage);
	vmid_free(vmids, vm->vmid);
	if (check)
		rep->ram_sum_after = vm_ram_checksum(vm);
	/* 6. RAM goes back as it is; it is scrubbed when next handed to a VM. */
	guest_ram_give_back(&vm->mem, mem);
}
