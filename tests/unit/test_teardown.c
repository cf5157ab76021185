/* The teardown rule, proved on the host: vcpu and VM teardown never touch guest
 * memory. The guest-memory gate (tests/unit/fake_guest_mem.c) fails the test on
 * any call, and guest RAM is read-only while teardown runs, so even a write that
 * bypassed the gate would crash. Also with the G-stage and the RAM already gone
 * (the KVM crash). Guest RAM comes from the allocator in several pieces, as
 * when the initrd splits free memory. The firmware PMU is the fake of
 * tests/unit/fake_pmu_hw.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "hyp/teardown.h"
#include "hyp/vcpu_hw.h"
#include "boot/sbi_abi.h"
#include "mm/guest_ram.h"
#include "fake_guest_mem.h"
#include "pmu_fixture.h"

#define RAM_SIZE (4u << 20)
#define ARENA    (8u << 20)
#define MiB      (1u << 20)

static char steps[64];     /* order of the steps, e.g. "S1R1Q1Q0" */

/* ---- hardware steps, recorded */
static void step(char what, const struct vcpu *v)
{
	char s[3] = { what, (char)('0' + v->id), '\0' };
	strcat(steps, s);
}
void vcpu_hw_quiesce(struct vcpu *v)
{
	step('Q', v);
}
/* The other hart does it at once, as the real one does when asked. */
void vcpu_stop_remote(struct vcpu *self, struct vcpu *v)
{
	step('S', v);
	vcpu_stop(&v->vm->life, &v->state);
	vcpu_retire(&v->state);
}
void vcpu_teardown_remote(struct vcpu *self, struct vcpu *v)
{
	step('R', v);
	vcpu_teardown(v);
}

struct world {
	struct palloc pa;
	struct vmid_pool vmids;
	struct pmu_host host;
	struct vm vm;
	uint8_t *arena;
	unsigned hw_counter;   /* the guest's running hardware counter */
};

/* Every piece of guest RAM: protection prot, and filled with fill unless it is 0. */
static void set_ram(const struct guest_mem *m, int prot, uint8_t fill)
{
	for (unsigned i = 0; i < m->n_pieces; i++) {
		assert_int_equal(mprotect(m->piece[i].hva, m->piece[i].size, prot), 0);
		if (fill)
			memset(m->piece[i].hva, fill, m->piece[i].size);
	}
}

/* A VM as the guest would leave it: snapshot area registered, a hardware and a
 * firmware counter running, RAM full of a pattern. */
static void build_world(struct world *w)
{
	memset(w, 0, sizeof(*w));
	w->arena = mmap(NULL, ARENA, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(w->arena != MAP_FAILED);
	palloc_init(&w->pa);
	assert_int_equal(palloc_add(&w->pa, (uintptr_t)w->arena, ARENA), 0);
	/* Holes every 3 MiB: no free run holds the RAM whole. */
	for (unsigned hole = 3 * MiB; hole < ARENA; hole += 3 * MiB)
		assert_int_equal(palloc_reserve(&w->pa, (uintptr_t)w->arena + hole, 4096), 0);
	vmid_init(&w->vmids, 14);
	fake_gmem_reset();
	/* the fixture's host and RAM halves only: this vcpu lives in w->vm */
	pmu_fixture_host(&w->host, false, false);

	struct vm *vm = &w->vm;
	assert_int_equal(gstage_init(&vm->gstage, 3, &w->pa), 0);
	assert_int_equal(guest_ram_take(&vm->mem, &w->pa, RAM_GPA, RAM_SIZE), 0);
	assert_true(vm->mem.n_pieces >= 2);
	set_ram(&vm->mem, PROT_READ | PROT_WRITE, 0x5a);
	assert_int_equal(guest_ram_map(&vm->mem, &vm->gstage, GSTAGE_RWX), 0);
	vm->vmid = vmid_alloc(&w->vmids);
	vm->n_vcpus = 2;
	for (unsigned i = 0; i < vm->n_vcpus; i++) {
		vm->vcpus[i].vm = vm;
		vm->vcpus[i].id = i;
		vm->vcpus[i].state = VCPU_RUNNING;
		pmu_vcpu_init(&vm->vcpus[i].pmu, &w->host, &vm->mem);
	}
	/* vcpu 1: a snapshot area of its own */
	struct sbiret r1 = pmu_call(&vm->vcpus[1].pmu, SBI_PMU_SNAPSHOT_SET_SHMEM, RAM_GPA + 0x200000, 0, 0, 0, 0);
	assert_int_equal(r1.error, SBI_SUCCESS);

	struct vcpu_pmu *p = &vm->vcpus[0].pmu;
	struct sbiret r = pmu_call(p, SBI_PMU_NUM_COUNTERS, 0, 0, 0, 0, 0);
	unsigned long all = ((1UL << r.value) - 1) & ~2UL; /* counter 1 (time) is no counter */
	r = pmu_call(p, SBI_PMU_SNAPSHOT_SET_SHMEM, 0x80100000, 0, 0, 0, 0);
	assert_int_equal(r.error, SBI_SUCCESS);
	r = pmu_call(p, SBI_PMU_COUNTER_CFG_MATCH, 0, all, SBI_PMU_CFG_FLAG_AUTO_START,
		     (SBI_PMU_EVENT_TYPE_HW << 16) | SBI_PMU_HW_INSTRUCTIONS, 0);
	assert_int_equal(r.error, SBI_SUCCESS);
	w->hw_counter = (unsigned)r.value;
	r = pmu_call(p, SBI_PMU_COUNTER_CFG_MATCH, 0, all, SBI_PMU_CFG_FLAG_AUTO_START,
		     (SBI_PMU_EVENT_TYPE_FW << 16) | SBI_PMU_FW_SET_TIMER, 0);
	assert_int_equal(r.error, SBI_SUCCESS);
	pmu_fw_count(p, SBI_PMU_FW_SET_TIMER);
	assert_true(fake_running(w->hw_counter) && fake_mapped(w->hw_counter));
	steps[0] = '\0';
}

static void vm_teardown_touches_no_guest_memory(void **s)
{
	struct world w;
	build_world(&w);
	uint64_t free_before_vm = palloc_free_bytes(&w.pa) + RAM_SIZE + w.vm.gstage.table_pages * 4096;
	struct guest_mem ram = w.vm.mem; /* teardown forgets the pieces as it gives them back */
	set_ram(&ram, PROT_READ, 0);
	fake_gmem.forbid = true;
	struct teardown_report rep;
	vm_teardown(&w.vm, &w.vm.vcpus[0], &w.pa, &w.vmids, true, &rep);
	fake_gmem.forbid = false;
	assert_int_equal(rep.ram_sum_before, rep.ram_sum_after);
	/* every vcpu out of guest mode first, then each torn down on its hart, self last */
	assert_string_equal(steps, "S1R1Q1Q0");
	assert_true(w.vm.mem.closed);
	assert_int_equal(w.vm.gstage.root, 0);
	assert_int_equal(palloc_free_bytes(&w.pa), free_before_vm); /* RAM and tables returned */
	assert_int_equal(vmid_alloc(&w.vmids), w.vm.vmid);         /* VMID released */
	assert_int_equal(w.vm.mem.n_pieces, 0);
	munmap(w.arena, ARENA);
}

/* The default teardown does the same steps without the two passes over RAM,
 * which is unreadable here: a checksum would fault. */
static void vm_teardown_unchecked_reads_no_ram(void **s)
{
	struct world w;
	build_world(&w);
	struct guest_mem ram = w.vm.mem;
	set_ram(&ram, PROT_NONE, 0);
	fake_gmem.forbid = true;
	struct teardown_report rep;
	vm_teardown(&w.vm, &w.vm.vcpus[0], &w.pa, &w.vmids, false, &rep);
	fake_gmem.forbid = false;
	assert_false(rep.checked);
	assert_string_equal(steps, "S1R1Q1Q0");
	assert_int_equal(w.vm.gstage.root, 0);
	munmap(w.arena, ARENA);
}

static void vcpu_teardown_after_gstage_and_ram_are_gone(void **s)
{
	struct world w;
	build_world(&w);
	/* The KVM crash: the guest's memory disappears before the vcpu is destroyed. */
	gstage_destroy(&w.vm.gstage);
	gmem_close(&w.vm.mem);
	set_ram(&w.vm.mem, PROT_NONE, 0);
	fake_gmem.forbid = true;
	vcpu_teardown(&w.vm.vcpus[0]);
	fake_gmem.forbid = false;
	assert_string_equal(steps, "Q0");
	assert_int_equal(w.vm.vcpus[0].state, VCPU_GONE);
	assert_int_equal(w.vm.vcpus[0].pmu.started, 0);
	munmap(w.arena, ARENA);
}

static void teardown_releases_the_host_counters(void **s)
{
	struct world w;
	build_world(&w);
	unsigned hw = w.hw_counter;
	set_ram(&w.vm.mem, PROT_READ, 0);
	fake_gmem.forbid = true;
	vcpu_teardown(&w.vm.vcpus[0]);
	fake_gmem.forbid = false;
	/* Step 2 stopped the firmware's counter with RESET: stopped and unmapped. */
	assert_false(fake_running(hw));
	assert_false(fake_mapped(hw));
	assert_true(fake_pmu.reset_done & (1ull << hw));
	assert_int_equal(fake_gmem.n_read + fake_gmem.n_write, 0);
	munmap(w.arena, ARENA);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(vm_teardown_touches_no_guest_memory),
		cmocka_unit_test(vm_teardown_unchecked_reads_no_ram),
		cmocka_unit_test(vcpu_teardown_after_gstage_and_ram_are_gone),
		cmocka_unit_test(teardown_releases_the_host_counters),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
