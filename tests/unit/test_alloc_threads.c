/* palloc and the VMID pool used by several harts at once, as VMs are created
 * and destroyed side by side: threads take and give back memory and VMIDs in
 * a loop. No two ever hold the same granule or VMID, and at the end the
 * allocators are exactly as they started. Runs under ThreadSanitizer, which
 * also fails it on any access the locks do not cover. */
#include <pthread.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "mm/palloc.h"
#include "mm/vmid.h"

#define THREADS 4
#define CYCLES 1000
#define BASE 0x80000000ull
#define GRANULES 4096           /* 16 MiB managed */

static struct palloc pa;
static struct vmid_pool vmids;
static unsigned owner[GRANULES];     /* thread id + 1 holding each granule */
static unsigned vmid_owner[1 << 6];
static unsigned clashes;

static void claim(uint64_t base, uint64_t size, unsigned me)
{
	for (uint64_t g = (base - BASE) / PALLOC_GRANULE; g < (base - BASE + size) / PALLOC_GRANULE; g++) {
		unsigned none = 0;
		if (!__atomic_compare_exchange_n(&owner[g], &none, me, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
			__atomic_add_fetch(&clashes, 1, __ATOMIC_SEQ_CST);
	}
}

static void unclaim(uint64_t base, uint64_t size, unsigned me)
{
	for (uint64_t g = (base - BASE) / PALLOC_GRANULE; g < (base - BASE + size) / PALLOC_GRANULE; g++)
		if (__atomic_exchange_n(&owner[g], 0, __ATOMIC_SEQ_CST) != me)
			__atomic_add_fetch(&clashes, 1, __ATOMIC_SEQ_CST);
}

static void *vm_churn(void *arg)
{
	unsigned me = (unsigned)(uintptr_t)arg;
	for (unsigned i = 0; i < CYCLES; i++) {
		/* A VM: its VMID, a table page, its RAM in pieces. */
		int vmid = vmid_alloc(&vmids);
		if (vmid >= 0 && __atomic_exchange_n(&vmid_owner[vmid], me, __ATOMIC_SEQ_CST))
			__atomic_add_fetch(&clashes, 1, __ATOMIC_SEQ_CST);
		uint64_t table = palloc_alloc(&pa, 16384, 16384);
		if (table)
			claim(table, 16384, me);
		struct palloc_extent piece[8];
		uint64_t size = (uint64_t)(1 + (i + me) % 4) << 20;
		int n = palloc_gather(&pa, size, 2 << 20, piece, 8);
		for (int k = 0; k < n; k++)
			claim(piece[k].base, piece[k].size, me);
		for (int k = n - 1; k >= 0; k--) {
			unclaim(piece[k].base, piece[k].size, me);
			palloc_free(&pa, piece[k].base, piece[k].size);
		}
		if (table) {
			unclaim(table, 16384, me);
			palloc_free(&pa, table, 16384);
		}
		if (vmid >= 0) {
			__atomic_store_n(&vmid_owner[vmid], 0, __ATOMIC_SEQ_CST);
			vmid_free(&vmids, vmid);
		}
	}
	return NULL;
}

static void test_vms_side_by_side(void **unused)
{
	palloc_init(&pa);
	assert_int_equal(palloc_add(&pa, BASE, (uint64_t)GRANULES * PALLOC_GRANULE), 0);
	vmid_init(&vmids, 6);
	pthread_t t[THREADS];
	for (unsigned i = 0; i < THREADS; i++)
		pthread_create(&t[i], NULL, vm_churn, (void *)(uintptr_t)(i + 1));
	for (unsigned i = 0; i < THREADS; i++)
		pthread_join(t[i], NULL);
	assert_int_equal(clashes, 0);
	assert_int_equal(palloc_free_bytes(&pa), (uint64_t)GRANULES * PALLOC_GRANULE);
	assert_int_equal(pa.n, 1);
	assert_int_equal(pa.lost, 0);
	for (int v = 0; v < 64; v++)  /* every VMID free again: the lowest comes first */
		assert_int_equal(vmid_alloc(&vmids), v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vms_side_by_side),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
