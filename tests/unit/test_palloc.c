/* palloc only does arithmetic on addresses, so the tests use made-up RAM
 * ranges and never need real memory behind them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "mm/palloc.h"

#define KiB 1024ull
#define MiB (1024 * KiB)
#define RAM 0x80000000ull

/* The table's invariants: sorted, granule aligned, non-empty, never touching, no page 0. */
static void assert_well_formed(const struct palloc *pa)
{
	assert_in_range(pa->n, 0, PALLOC_MAX_EXTENTS);
	for (int i = 0; i < pa->n; i++) {
		const struct palloc_extent *e = &pa->ext[i];
		assert_true(e->base != 0);
		assert_true(e->size != 0);
		assert_int_equal(e->base % PALLOC_GRANULE, 0);
		assert_int_equal(e->size % PALLOC_GRANULE, 0);
		if (i > 0)
			assert_true(pa->ext[i - 1].base + pa->ext[i - 1].size < e->base);
	}
}

static void assert_extent(const struct palloc *pa, int i, uint64_t base, uint64_t size)
{
	assert_true(i < pa->n);
	assert_int_equal(pa->ext[i].base, base);
	assert_int_equal(pa->ext[i].size, size);
}

/* A pool with one extent [RAM, RAM + size). */
static void init_with(struct palloc *pa, uint64_t size)
{
	palloc_init(pa);
	assert_int_equal(palloc_add(pa, RAM, size), 0);
}

/* Fills the table with PALLOC_MAX_EXTENTS 64 KiB extents, 64 KiB apart. */
static void fill_table(struct palloc *pa)
{
	palloc_init(pa);
	for (int i = 0; i < PALLOC_MAX_EXTENTS; i++)
		assert_int_equal(palloc_add(pa, RAM + (uint64_t)i * 128 * KiB, 64 * KiB), 0);
	assert_int_equal(pa->n, PALLOC_MAX_EXTENTS);
}

static void add_rounds_inward(void **state)
{
	struct palloc pa;
	palloc_init(&pa);
	assert_int_equal(palloc_add(&pa, RAM + 0x123, 64 * KiB), 0);
	assert_int_equal(pa.n, 1);
	assert_extent(&pa, 0, RAM + 4 * KiB, 60 * KiB);
	assert_int_equal(palloc_add(&pa, RAM + 1 * MiB, 100), 0); /* less than a granule: nothing */
	assert_int_equal(pa.n, 1);
}

static void add_never_manages_page_zero(void **state)
{
	struct palloc pa;
	palloc_init(&pa);
	assert_int_equal(palloc_add(&pa, 0, 64 * KiB), 0);
	assert_extent(&pa, 0, 4 * KiB, 60 * KiB);
	assert_int_equal(palloc_alloc(&pa, 4 * KiB, 0), 4 * KiB);
}

static void add_coalesces_and_refuses_overlap(void **state)
{
	struct palloc pa;
	init_with(&pa, 1 * MiB);
	assert_int_equal(palloc_add(&pa, RAM + 2 * MiB, 1 * MiB), 0);
	assert_int_equal(palloc_add(&pa, RAM + 1 * MiB, 1 * MiB), 0); /* fills the gap */
	assert_int_equal(pa.n, 1);
	assert_extent(&pa, 0, RAM, 3 * MiB);
	assert_int_equal(palloc_add(&pa, RAM + 2 * MiB, 2 * MiB), -1);
	assert_int_equal(palloc_add(&pa, RAM - 4 * KiB, 8 * KiB), -1);
	assert_int_equal(palloc_add(&pa, UINT64_MAX - 8 * KiB, 64 * KiB), -1); /* wraps */
	assert_extent(&pa, 0, RAM, 3 * MiB);
	assert_int_equal(pa.n, 1);
}

static void reserve_in_the_middle_splits_rounding_outward(void **state)
{
	struct palloc pa;
	init_with(&pa, 1 * MiB);
	assert_int_equal(palloc_reserve(&pa, RAM + 16 * KiB + 10, 10), 0);
	assert_int_equal(pa.n, 2);
	assert_extent(&pa, 0, RAM, 16 * KiB);
	assert_extent(&pa, 1, RAM + 20 * KiB, 1 * MiB - 20 * KiB);
	assert_int_equal(palloc_free_bytes(&pa), 1 * MiB - 4 * KiB);
	assert_well_formed(&pa);
}

static void reserve_at_the_edges_trims(void **state)
{
	struct palloc pa;
	init_with(&pa, 1 * MiB);
	assert_int_equal(palloc_reserve(&pa, RAM - 64 * KiB, 72 * KiB), 0);
	assert_int_equal(palloc_reserve(&pa, RAM + 1 * MiB - 4 * KiB, 1 * MiB), 0);
	assert_int_equal(pa.n, 1);
	assert_extent(&pa, 0, RAM + 8 * KiB, 1 * MiB - 12 * KiB);
	assert_int_equal(palloc_reserve(&pa, RAM, 2 * MiB), 0); /* the whole thing */
	assert_int_equal(pa.n, 0);
	assert_int_equal(palloc_free_bytes(&pa), 0);
}

static void reserve_across_several_extents(void **state)
{
	struct palloc pa;
	palloc_init(&pa);
	assert_int_equal(palloc_add(&pa, RAM, 1 * MiB), 0);
	assert_int_equal(palloc_add(&pa, RAM + 2 * MiB, 1 * MiB), 0);
	assert_int_equal(palloc_add(&pa, RAM + 4 * MiB, 1 * MiB), 0);
	assert_int_equal(palloc_add(&pa, RAM + 6 * MiB, 1 * MiB), 0);
	/* Tail of the first, all of the second and third, head of the fourth. */
	assert_int_equal(palloc_reserve(&pa, RAM + 512 * KiB, 6 * MiB), 0);
	assert_int_equal(pa.n, 2);
	assert_extent(&pa, 0, RAM, 512 * KiB);
	assert_extent(&pa, 1, RAM + 6 * MiB + 512 * KiB, 512 * KiB);
	assert_well_formed(&pa);
}

static void reserve_outside_any_extent_changes_nothing(void **state)
{
	struct palloc pa;
	init_with(&pa, 1 * MiB);
	assert_int_equal(palloc_reserve(&pa, 0x1000, 0x1000), 0);
	assert_int_equal(palloc_reserve(&pa, RAM + 1 * MiB, 1 * MiB), 0);
	assert_int_equal(palloc_reserve(&pa, RAM + 64 * KiB, 0), 0); /* empty */
	assert_int_equal(pa.n, 1);
	assert_extent(&pa, 0, RAM, 1 * MiB);
	assert_int_equal(palloc_reserve(&pa, UINT64_MAX - 100, 200), -1); /* wraps */
}

static void alloc_honours_alignment(void **state)
{
	struct palloc pa;
	palloc_init(&pa);
	assert_int_equal(palloc_add(&pa, RAM + 4 * KiB, 8 * MiB), 0);
	uint64_t big = palloc_alloc(&pa, 2 * MiB, 2 * MiB);
	assert_int_equal(big, RAM + 2 * MiB);
	uint64_t small = palloc_alloc(&pa, 16 * KiB, 16 * KiB);
	assert_int_equal(small, RAM + 16 * KiB);
	uint64_t page = palloc_alloc(&pa, 4 * KiB, 4 * KiB);
	assert_int_equal(page, RAM + 4 * KiB); /* first fit: the gap below the 16 KiB block */
	assert_int_equal(palloc_free_bytes(&pa), 8 * MiB - 2 * MiB - 20 * KiB);
	assert_well_formed(&pa);
}

static void alloc_rounds_size_up_and_rejects_bad_requests(void **state)
{
	struct palloc pa;
	init_with(&pa, 1 * MiB);
	assert_int_equal(palloc_alloc(&pa, 1, 0), RAM);
	assert_int_equal(palloc_free_bytes(&pa), 1 * MiB - 4 * KiB);
	assert_int_equal(palloc_alloc(&pa, 0, 0), 0);
	assert_int_equal(palloc_alloc(&pa, 4 * KiB, 12 * KiB), 0); /* not a power of two */
	assert_int_equal(palloc_alloc(&pa, UINT64_MAX, 0), 0);
	assert_int_equal(palloc_alloc(&pa, 4 * KiB, 1ull << 63), 0);
	assert_int_equal(palloc_free_bytes(&pa), 1 * MiB - 4 * KiB);
}

static void alloc_exhausts_within_given_memory(void **state)
{
	struct palloc pa;
	palloc_init(&pa);
	assert_int_equal(palloc_add(&pa, RAM, 64 * KiB), 0);
	assert_int_equal(palloc_add(&pa, RAM + 1 * MiB, 64 * KiB), 0);
	assert_int_equal(palloc_reserve(&pa, RAM + 1 * MiB + 8 * KiB, 4 * KiB), 0);
	unsigned count = 0;
	for (uint64_t a; (a = palloc_alloc(&pa, 4 * KiB, 0)) != 0; count++) {
		bool in_first = a >= RAM && a < RAM + 64 * KiB;
		bool in_second = a >= RAM + 1 * MiB && a < RAM + 1 * MiB + 64 * KiB &&
				 a != RAM + 1 * MiB + 8 * KiB;
		assert_true(in_first || in_second);
	}
	assert_int_equal(count, 31);
	assert_int_equal(pa.n, 0);
	assert_int_equal(palloc_free_bytes(&pa), 0);
	assert_int_equal(palloc_alloc(&pa, 4 * KiB, 0), 0);
}

static void free_coalesces_back_to_one_extent(void **state)
{
	struct palloc pa;
	init_with(&pa, 8 * MiB);
	uint64_t a = palloc_alloc(&pa, 1 * MiB, 0);
	uint64_t b = palloc_alloc(&pa, 5000, 0); /* freed below with the same unrounded size */
	uint64_t c = palloc_alloc(&pa, 1 * MiB, 0);
	assert_int_equal(palloc_alloc(&pa, 8 * MiB, 0), 0);
	palloc_free(&pa, b, 5000);
	assert_int_equal(pa.n, 2);
	palloc_free(&pa, a, 1 * MiB);
	palloc_free(&pa, c, 1 * MiB);
	assert_int_equal(pa.n, 1);
	assert_extent(&pa, 0, RAM, 8 * MiB);
	assert_int_equal(palloc_alloc(&pa, 8 * MiB, 0), RAM);
}

static void double_free_is_ignored(void **state)
{
	struct palloc pa;
	init_with(&pa, 1 * MiB);
	uint64_t a = palloc_alloc(&pa, 64 * KiB, 0);
	palloc_free(&pa, a, 64 * KiB);
	palloc_free(&pa, a, 64 * KiB);
	palloc_free(&pa, a + 4 * KiB, 4 * KiB);
	assert_int_equal(pa.n, 1);
	assert_extent(&pa, 0, RAM, 1 * MiB);
	assert_int_equal(pa.lost, 0);
}

/* What one VM takes: RAM, a 16 KiB root table and a handful of table pages. */
struct vm_memory {
	uint64_t ram, root, tables[8];
};

static void take_vm(struct palloc *pa, struct vm_memory *vm)
{
	vm->root = palloc_alloc(pa, 16 * KiB, 16 * KiB);
	assert_true(vm->root != 0);
	vm->ram = palloc_alloc(pa, 64 * MiB, 2 * MiB);
	assert_true(vm->ram != 0);
	for (int i = 0; i < 8; i++) {
		vm->tables[i] = palloc_alloc(pa, 4 * KiB, 0);
		assert_true(vm->tables[i] != 0);
	}
}

static void give_back_vm(struct palloc *pa, const struct vm_memory *vm, int round)
{
	if (round % 2) /* alternate the order so coalescing sees both directions */
		palloc_free(pa, vm->ram, 64 * MiB);
	for (int i = 0; i < 8; i++)
		palloc_free(pa, vm->tables[(i + round) % 8], 4 * KiB);
	palloc_free(pa, vm->root, 16 * KiB);
	if (round % 2 == 0)
		palloc_free(pa, vm->ram, 64 * MiB);
}

static void vm_churn_does_not_leak(void **state)
{
	struct palloc pa;
	init_with(&pa, 256 * MiB);
	assert_int_equal(palloc_reserve(&pa, RAM + 3 * MiB, 100 * KiB), 0); /* awkward hole */
	uint64_t before = palloc_free_bytes(&pa);
	int extents_before = pa.n;
	for (int round = 0; round < 100; round++) {
		struct vm_memory a, b;
		take_vm(&pa, &a);
		take_vm(&pa, &b);
		give_back_vm(&pa, &a, round);
		give_back_vm(&pa, &b, round + 1);
		assert_int_equal(palloc_free_bytes(&pa), before);
	}
	assert_int_equal(pa.n, extents_before);
	assert_true(palloc_alloc(&pa, 128 * MiB, 2 * MiB) != 0);
	assert_well_formed(&pa);
}

static void full_table_add_and_reserve_fail_cleanly(void **state)
{
	struct palloc pa, before;
	fill_table(&pa);
	before = pa;
	assert_int_equal(palloc_add(&pa, RAM + 64 * MiB, 64 * KiB), -1);
	assert_int_equal(palloc_reserve(&pa, RAM + 16 * KiB, 4 * KiB), -1); /* would split */
	assert_memory_equal(&pa, &before, sizeof pa);
	/* Trimming and coalescing need no new slot, so they still work. */
	assert_int_equal(palloc_reserve(&pa, RAM, 4 * KiB), 0);
	assert_int_equal(palloc_add(&pa, RAM + 64 * KiB, 64 * KiB), 0);
	assert_int_equal(pa.n, PALLOC_MAX_EXTENTS - 1);
	assert_well_formed(&pa);
}

static void full_table_alloc_skips_extents_it_would_split(void **state)
{
	struct palloc pa;
	fill_table(&pa);
	/* Extent 0 now starts at RAM + 4 KiB, so a 32 KiB-aligned block from it
	 * (RAM + 32 KiB) would split it; extent 1 starts aligned and needs no split. */
	assert_int_equal(palloc_reserve(&pa, RAM, 4 * KiB), 0);
	assert_int_equal(pa.n, PALLOC_MAX_EXTENTS);
	assert_int_equal(palloc_alloc(&pa, 4 * KiB, 32 * KiB), RAM + 128 * KiB);
	assert_well_formed(&pa);
}

static void full_table_free_counts_what_it_loses(void **state)
{
	struct palloc pa;
	fill_table(&pa);
	uint64_t before = palloc_free_bytes(&pa);
	palloc_free(&pa, RAM + 64 * MiB, 8 * KiB); /* isolated: needs a slot it cannot get */
	assert_int_equal(pa.lost, 8 * KiB);
	assert_int_equal(palloc_free_bytes(&pa), before);
	palloc_free(&pa, RAM + 64 * KiB, 4 * KiB); /* touches extent 0: coalesces fine */
	assert_int_equal(pa.lost, 8 * KiB);
	assert_int_equal(palloc_free_bytes(&pa), before + 4 * KiB);
	assert_well_formed(&pa);
}

static void free_bytes_sums_every_extent(void **state)
{
	struct palloc pa;
	palloc_init(&pa);
	assert_int_equal(palloc_free_bytes(&pa), 0);
	assert_int_equal(palloc_add(&pa, RAM, 1 * MiB), 0);
	assert_int_equal(palloc_add(&pa, RAM + 4 * MiB, 3 * MiB), 0);
	assert_int_equal(palloc_add(&pa, RAM + 16 * MiB, 2 * MiB), 0);
	assert_int_equal(palloc_free_bytes(&pa), 6 * MiB);
}

/* QEMU virt with 128 MiB and no -m: firmware at the bottom, the hypervisor at
 * +2 MiB, the initrd in the middle, the DTB at the top. */
/* Same free memory, same table (entries past n are stale and do not count). */
static void assert_same_table(const struct palloc *a, const struct palloc *b)
{
	assert_int_equal(a->n, b->n);
	assert_int_equal(a->lost, b->lost);
	assert_memory_equal(a->ext, b->ext, (size_t)a->n * sizeof a->ext[0]);
}

static void init_like_qemu_default(struct palloc *pa)
{
	init_with(pa, 128 * MiB);
	assert_int_equal(palloc_reserve(pa, RAM, 512 * KiB), 0);
	assert_int_equal(palloc_reserve(pa, RAM + 2 * MiB, 200 * KiB), 0);
	assert_int_equal(palloc_reserve(pa, RAM + 64 * MiB, 32 * KiB), 0);
	assert_int_equal(palloc_reserve(pa, RAM + 128 * MiB - 64 * KiB, 64 * KiB), 0);
}

static uint64_t sum(const struct palloc_extent *piece, int n)
{
	uint64_t total = 0;
	for (int i = 0; i < n; i++)
		total += piece[i].size;
	return total;
}

/* No piece overlaps another or anything that is still free. */
static void assert_taken(const struct palloc *pa, const struct palloc_extent *piece, int n)
{
	for (int i = 0; i < n; i++) {
		uint64_t end = piece[i].base + piece[i].size;
		for (int j = 0; j < pa->n; j++)
			assert_true(end <= pa->ext[j].base || pa->ext[j].base + pa->ext[j].size <= piece[i].base);
		for (int j = 0; j < i; j++)
			assert_true(end <= piece[j].base || piece[j].base + piece[j].size <= piece[i].base);
	}
}

static void gather_gives_one_block_when_one_fits(void **state)
{
	struct palloc pa;
	struct palloc_extent piece[4];
	init_like_qemu_default(&pa);
	assert_int_equal(palloc_gather(&pa, 32 * MiB, 2 * MiB, piece, 4), 1);
	assert_int_equal(piece[0].size, 32 * MiB);
	assert_int_equal(piece[0].base % (2 * MiB), 0);
	assert_taken(&pa, piece, 1);
	assert_well_formed(&pa);
}

static void gather_takes_the_largest_aligned_runs_first(void **state)
{
	struct palloc pa;
	struct palloc_extent piece[4];
	init_like_qemu_default(&pa);
	uint64_t before = palloc_free_bytes(&pa);
	/* 64 MiB fits in no free extent: the two halves around the initrd. */
	assert_int_equal(palloc_gather(&pa, 64 * MiB, 2 * MiB, piece, 4), 2);
	assert_int_equal(sum(piece, 2), 64 * MiB);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(piece[i].base % (2 * MiB), 0);
		assert_int_equal(piece[i].size % (2 * MiB), 0);
	}
	/* 60 MiB aligned on each side: the lower first, the rest above the initrd. */
	assert_int_equal(piece[0].base, RAM + 4 * MiB);
	assert_int_equal(piece[0].size, 60 * MiB);
	assert_int_equal(piece[1].base, RAM + 66 * MiB);
	assert_int_equal(palloc_free_bytes(&pa), before - 64 * MiB);
	assert_taken(&pa, piece, 2);
	assert_well_formed(&pa);
}

static void gather_falls_back_to_granules(void **state)
{
	struct palloc pa;
	struct palloc_extent piece[8];
	palloc_init(&pa);
	/* Three 2 MiB extents, none holding an aligned 2 MiB run. */
	for (int i = 0; i < 3; i++)
		assert_int_equal(palloc_add(&pa, RAM + (uint64_t)i * 8 * MiB + 1 * MiB, 2 * MiB), 0);
	int n = palloc_gather(&pa, 5 * MiB + 4 * KiB, 2 * MiB, piece, 8);
	assert_int_equal(n, 3);
	assert_int_equal(sum(piece, n), 5 * MiB + 4 * KiB);
	assert_int_equal(palloc_free_bytes(&pa), 1 * MiB - 4 * KiB);
	assert_taken(&pa, piece, n);
	assert_well_formed(&pa);
}

static void gather_refuses_without_changing_anything(void **state)
{
	struct palloc pa, before;
	struct palloc_extent piece[4];
	init_like_qemu_default(&pa);
	before = pa;
	assert_int_equal(palloc_gather(&pa, 128 * MiB, 2 * MiB, piece, 4), 0); /* too much */
	assert_same_table(&pa, &before);
	assert_int_equal(palloc_gather(&pa, 100 * MiB, 2 * MiB, piece, 1), 0); /* too few pieces */
	assert_same_table(&pa, &before);
	assert_int_equal(palloc_gather(&pa, 0, 2 * MiB, piece, 4), 0);
	assert_int_equal(palloc_gather(&pa, 4 * MiB, 3 * MiB, piece, 4), 0); /* not a power of two */
	assert_same_table(&pa, &before);
}

static void gatherable_is_what_gather_can_take(void **state)
{
	struct palloc pa;
	struct palloc_extent piece[8];
	init_like_qemu_default(&pa);
	/* Two aligned 60 MiB runs, then the four leftovers around them. */
	uint64_t most = palloc_gatherable(&pa, 2 * MiB, 8);
	assert_int_equal(most, palloc_free_bytes(&pa));
	assert_int_equal(palloc_gatherable(&pa, 2 * MiB, 2), 120 * MiB);
	struct palloc copy = pa;
	assert_int_equal(palloc_gather(&copy, most, 2 * MiB, piece, 8), 6);
	assert_int_equal(palloc_free_bytes(&copy), 0);
	uint64_t two = palloc_gatherable(&pa, 2 * MiB, 2);
	assert_int_equal(palloc_gather(&pa, two, 2 * MiB, piece, 2), 2);
	assert_int_equal(palloc_gather(&pa, 4 * KiB, 0, piece, 4), 1); /* what is left still serves */
}

static void gathered_pieces_given_back_restore_the_table(void **state)
{
	struct palloc pa, before;
	struct palloc_extent piece[8];
	init_like_qemu_default(&pa);
	before = pa;
	for (int round = 0; round < 50; round++) {
		int n = palloc_gather(&pa, (uint64_t)(round % 5 + 1) * 24 * MiB, 2 * MiB, piece, 8);
		assert_true(n > 0);
		uint64_t table = palloc_alloc(&pa, 4 * KiB, 0); /* a G-stage page in between */
		for (int i = 0; i < n; i++)
			palloc_free(&pa, piece[(i + round) % n].base, piece[(i + round) % n].size);
		palloc_free(&pa, table, 4 * KiB);
		assert_same_table(&pa, &before);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(add_rounds_inward),
		cmocka_unit_test(add_never_manages_page_zero),
		cmocka_unit_test(add_coalesces_and_refuses_overlap),
		cmocka_unit_test(reserve_in_the_middle_splits_rounding_outward),
		cmocka_unit_test(reserve_at_the_edges_trims),
		cmocka_unit_test(reserve_across_several_extents),
		cmocka_unit_test(reserve_outside_any_extent_changes_nothing),
		cmocka_unit_test(alloc_honours_alignment),
		cmocka_unit_test(alloc_rounds_size_up_and_rejects_bad_requests),
		cmocka_unit_test(alloc_exhausts_within_given_memory),
		cmocka_unit_test(free_coalesces_back_to_one_extent),
		cmocka_unit_test(double_free_is_ignored),
		cmocka_unit_test(vm_churn_does_not_leak),
		cmocka_unit_test(full_table_add_and_reserve_fail_cleanly),
		cmocka_unit_test(full_table_alloc_skips_extents_it_would_split),
		cmocka_unit_test(full_table_free_counts_what_it_loses),
		cmocka_unit_test(free_bytes_sums_every_extent),
		cmocka_unit_test(gather_gives_one_block_when_one_fits),
		cmocka_unit_test(gather_takes_the_largest_aligned_runs_first),
		cmocka_unit_test(gather_falls_back_to_granules),
		cmocka_unit_test(gather_refuses_without_changing_anything),
		cmocka_unit_test(gatherable_is_what_gather_can_take),
		cmocka_unit_test(gathered_pieces_given_back_restore_the_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
