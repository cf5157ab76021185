/* Table pages live in an aligned_alloc'ed arena handed to palloc, so an address
 * is a pointer, as on the hypervisor with the MMU off. Host addresses being
 * mapped are just numbers: nothing ever dereferences them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "mm/gstage.h"
#include "gstage_walk.h"

#define KiB 1024ull
#define MiB (1024 * KiB)
#define GiB (1024 * MiB)
#define GUEST_RAM 0x80000000ull
#define ARENA_SIZE (4 * MiB)

/* The PTE format, written out here from the spec rather than taken from the code under test. */
#define V 0x01ull
#define R 0x02ull
#define W 0x04ull
#define X 0x08ull
#define U 0x10ull
#define G 0x20ull
#define A 0x40ull
#define D 0x80ull
#define FLAGS 0x3ffull

struct fixture {
	uint8_t *arena;
	struct palloc pa;
	struct gstage g;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	f->arena = aligned_alloc(2 * MiB, ARENA_SIZE);
	memset(f->arena, 0xa5, ARENA_SIZE); /* garbage, so missing zeroing shows */
	palloc_init(&f->pa);
	*state = f;
	return f->arena ? 0 : -1;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	free(f->arena);
	free(f);
	return 0;
}

/* palloc gets the arena's first `bytes`, then the gstage is created. */
static struct gstage *start(void **state, int levels, uint64_t bytes)
{
	struct fixture *f = *state;
	assert_int_equal(palloc_add(&f->pa, (uintptr_t)f->arena, bytes), 0);
	assert_int_equal(gstage_init(&f->g, levels, &f->pa), 0);
	return &f->g;
}

static uint64_t free_bytes(void **state)
{
	return palloc_free_bytes(&((struct fixture *)*state)->pa);
}

static const uint64_t *table(uint64_t addr)
{
	return (const uint64_t *)(uintptr_t)addr;
}

static uint64_t child_of(uint64_t pte)
{
	return (pte >> 10) << 12;
}

static void assert_table_pte(uint64_t pte)
{
	assert_int_equal(pte & FLAGS, V);
}

static void assert_leaf_pte(uint64_t pte, uint64_t hpa, uint64_t rwx)
{
	assert_int_equal(pte & FLAGS, V | rwx | U | A | D);
	assert_int_equal(child_of(pte), hpa);
}

static void assert_translates(const struct gstage *g, uint64_t gpa, uint64_t hpa)
{
	uint64_t got;
	assert_int_equal(gstage_walk(g, gpa, &got, NULL), 0);
	assert_int_equal(got, hpa);
}

/* Every page boundary of the range, and the last byte of each page, translates. */
static void assert_maps_range(const struct gstage *g, uint64_t gpa, uint64_t hpa, uint64_t size)
{
	for (uint64_t off = 0; off < size; off += 4 * KiB) {
		assert_translates(g, gpa + off, hpa + off);
		assert_translates(g, gpa + off + 4 * KiB - 1, hpa + off + 4 * KiB - 1);
	}
}

static void assert_unmapped(const struct gstage *g, uint64_t gpa)
{
	uint64_t hpa;
	unsigned perm;
	assert_int_equal(gstage_walk(g, gpa, &hpa, &perm), -1);
}

static void init_makes_a_zeroed_16k_aligned_root(void **state)
{
	struct gstage *g = start(state, GSTAGE_SV39X4, ARENA_SIZE);
	assert_int_equal(g->root % (16 * KiB), 0);
	assert_int_equal(g->table_pages, 4);
	assert_int_equal(free_bytes(state), ARENA_SIZE - 16 * KiB);
	for (int i = 0; i < 2048; i++)
		assert_int_equal(table(g->root)[i], 0);
}

static void init_refuses_bad_levels_and_no_memory(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(gstage_init(&f->g, 3, &f->pa), -1); /* empty palloc */
	assert_int_equal(f->g.root, 0);
	assert_int_equal(palloc_add(&f->pa, (uintptr_t)f->arena, ARENA_SIZE), 0);
	assert_int_equal(gstage_init(&f->g, 2, &f->pa), -1);
	assert_int_equal(gstage_init(&f->g, 5, &f->pa), -1);
	assert_int_equal(free_bytes(state), ARENA_SIZE);
}

static void map_64m_aligned_uses_2m_leaves_sv39x4(void **state)
{
	struct gstage *g = start(state, GSTAGE_SV39X4, ARENA_SIZE);
	uint64_t hpa = 0x100200000ull; /* 2 MiB aligned, not 1 GiB aligned */
	assert_int_equal(gstage_map(g, GUEST_RAM, hpa, 64 * MiB, GSTAGE_RWX), 0);
	assert_int_equal(g->table_pages, 4 + 1); /* root and one 2 MiB-leaf table */

	uint64_t root_pte = table(g->root)[2];
	assert_table_pte(root_pte);
	const uint64_t *l1 = table(child_of(root_pte));
	for (int i = 0; i < 32; i++)
		assert_leaf_pte(l1[i], hpa + i * 2 * MiB, R | W | X);
	assert_int_equal(l1[32], 0);
	assert_maps_range(g, GUEST_RAM, hpa, 64 * MiB);
}

static void map_64m_aligned_uses_2m_leaves_sv48x4(void **state)
{
	struct gstage *g = start(state, GSTAGE_SV48X4, ARENA_SIZE);
	uint64_t hpa = 0x100200000ull;
	assert_int_equal(gstage_map(g, GUEST_RAM, hpa, 64 * MiB, GSTAGE_RWX), 0);
	assert_int_equal(g->table_pages, 4 + 1 + 1); /* root, 1 GiB level, 2 MiB level */

	uint64_t root_pte = table(g->root)[0];
	assert_table_pte(root_pte);
	uint64_t l2_pte = table(child_of(root_pte))[2];
	assert_table_pte(l2_pte);
	assert_leaf_pte(table(child_of(l2_pte))[31], hpa + 62 * MiB, R | W | X);
	assert_maps_range(g, GUEST_RAM, hpa, 64 * MiB);
}

static void map_1g_aligned_puts_a_leaf_in_the_root(void **state)
{
	struct gstage *g = start(state, GSTAGE_SV39X4, ARENA_SIZE);
	assert_int_equal(gstage_map(g, GUEST_RAM, 0x140000000ull, 1 * GiB, GSTAGE_R | GSTAGE_W), 0);
	assert_int_equal(g->table_pages, 4);
	assert_leaf_pte(table(g->root)[2], 0x140000000ull, R | W);
	assert_translates(g, GUEST_RAM + 1 * GiB - 1, 0x140000000ull + 1 * GiB - 1);
	assert_unmapped(g, GUEST_RAM + 1 * GiB);
}

static void unaligned_hpa_falls_back_to_4k_leaves(void **state)
{
	struct gstage *g = start(state, GSTAGE_SV39X4, ARENA_SIZE);
	uint64_t hpa = 0x90001000ull;
	assert_int_equal(gstage_map(g, GUEST_RAM, hpa, 4 * MiB, GSTAGE_RWX), 0);
	assert_int_equal(g->table_pages, 4 + 1 + 2);
	const uint64_t *l1 = table(child_of(table(g->root)[2]));
	for (int t = 0; t < 2; t++) {
		assert_table_pte(l1[t]);
		const uint64_t *l0 = table(child_of(l1[t]));
		for (int i = 0; i < 512; i++)
			assert_leaf_pte(l0[i], hpa + (t * 512 + i) * 4 * KiB, R | W | X);
	}
	assert_maps_range(g, GUEST_RAM, hpa, 4 * MiB);
}

static void mixed_alignment_uses_each_leaf_size_where_it_fits(void **state)
{
	struct gstage *g = start(state, GSTAGE_SV39X4, ARENA_SIZE);
	uint64_t gpa = 1 * GiB - 4 * KiB, hpa = 0x13ffff000ull;
	uint64_t size = 4 * KiB + 1 * GiB + 2 * MiB + 4 * KiB;
	assert_int_equal(gstage_map(g, gpa, hpa, size, GSTAGE_RWX), 0);
	/* 4 KiB leaf (1 GiB and 4 KiB tables), 1 GiB leaf in the root, then a 2 MiB
	 * and a 4 KiB leaf (a 2 MiB table and a 4 KiB table). */
	assert_int_equal(g->table_pages, 4 + 2 + 2);
	assert_leaf_pte(table(g->root)[1], 0x140000000ull, R | W | X);
	const uint64_t *l1 = table(child_of(table(g->root)[2]));
	assert_leaf_pte(l1[0], 0x180000000ull, R | W | X);
	assert_leaf_pte(table(child_of(l1[1]))[0], 0x180200000ull, R | W | X);
	assert_translates(g, gpa, hpa);
	assert_translates(g, GUEST_RAM + 2 * MiB + 4 * KiB - 1, 0x180200000ull + 4 * KiB - 1);
	assert_unmapped(g, gpa - 1);
	assert_unmapped(g, gpa + size);
}

/* Guest RAM in host pieces: consecutive GPA ranges, unrelated host blocks, each
 * with the biggest leaves its own alignment allows. */
static void pieces_map_side_by_side_with_their_own_leaves(void **state)
{
	struct gstage *g = start(state, GSTAGE_SV39X4, ARENA_SIZE);
	/* c is 8 KiB past 2 MiB, like its GPA: its tail gets a 2 MiB leaf */
	uint64_t a = 0x104000000ull, b = 0x9a001000ull, c = 0x88202000ull;
	assert_int_equal(gstage_map(g, GUEST_RAM, a, 60 * MiB, GSTAGE_RWX), 0);
	assert_int_equal(gstage_map(g, GUEST_RAM + 60 * MiB, b, 8 * KiB, GSTAGE_RWX), 0);
	assert_int_equal(gstage_map(g, GUEST_RAM + 60 * MiB + 8 * KiB, c, 4 * MiB - 8 * KiB, GSTAGE_RWX), 0);
	const uint64_t *l1 = table(child_of(table(g->root)[2]));
	for (int i = 0; i < 30; i++)
		assert_leaf_pte(l1[i], a + i * 2 * MiB, R | W | X);
	assert_table_pte(l1[30]); /* the 2 MiB where b and c meet: 4 KiB leaves */
	const uint64_t *l0 = table(child_of(l1[30]));
	assert_leaf_pte(l0[0], b, R | W | X);
	assert_leaf_pte(l0[1], b + 4 * KiB, R | W | X);
	assert_leaf_pte(l0[2], c, R | W | X); /* c's head, short of 2 MiB: 4 KiB leaves */
	assert_leaf_pte(l0[511], c + 2 * MiB - 12 * KiB, R | W | X);
	assert_leaf_pte(l1[31], c + 2 * MiB - 8 * KiB, R | W | X);
	assert_int_equal(g->table_pages, 4 + 1 + 1);
	assert_maps_range(g, GUEST_RAM + 58 * MiB, a + 58 * MiB, 2 * MiB);
	assert_maps_range(g, GUEST_RAM + 60 * MiB, b, 8 * KiB);
	assert_maps_range(g, GUEST_RAM + 60 * MiB + 8 * KiB, c, 4 * MiB - 8 * KiB);
	assert_unmapped(g, GUEST_RAM + 64 * MiB);
}

/* Whatever the alignment, mapping never needs more table memory than promised. */
static void tables_max_bounds_every_mapping(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(palloc_add(&f->pa, (uintptr_t)f->arena, ARENA_SIZE), 0);
	const uint64_t gpas[] = { GUEST_RAM, GUEST_RAM + 4 * KiB, GUEST_RAM + 2 * MiB - 4 * KiB,
				  1 * GiB - 4 * KiB, (1ull << 39) - 8 * KiB };
	const uint64_t sizes[] = { 4 * KiB, 2 * MiB, 2 * MiB + 8 * KiB, 64 * MiB };
	for (int levels = GSTAGE_SV39X4; levels <= GSTAGE_SV48X4; levels++)
		for (unsigned i = 0; i < sizeof gpas / sizeof gpas[0]; i++)
			for (unsigned j = 0; j < sizeof sizes / sizeof sizes[0]; j++) {
				struct gstage *g = &f->g;
				assert_int_equal(gstage_init(g, levels, &f->pa), 0);
				/* hpa off 2 MiB alignment: 4 KiB leaves throughout, the worst case */
				assert_int_equal(gstage_map(g, gpas[i], 0x90001000ull, sizes[j], GSTAGE_RWX), 0);
				uint64_t used = (g->table_pages - 4) * 4 * KiB;
				assert_true(used <= gstage_tables_max(g, sizes[j]));
				gstage_destroy(g);
			}
	/* 64 MiB: 32 or 33 4 KiB-leaf tables and a 2 MiB-leaf table or two, no more. */
	assert_int_equal(gstage_init(&f->g, GSTAGE_SV39X4, &f->pa), 0);
	assert_int_equal(gstage_tables_max(&f->g, 64 * MiB), (34 + 2) * 4 * KiB);
}

static void translate_reports_permissions(void **state)
{
	struct gstage *g = start(state, GSTAGE_SV39X4, ARENA_SIZE);
	const unsigned perms[] = { GSTAGE_R, GSTAGE_X, GSTAGE_R | GSTAGE_X, GSTAGE_R | GSTAGE_W,
				   GSTAGE_RWX };
	for (unsigned i = 0; i < sizeof perms / sizeof perms[0]; i++) {
		uint64_t gpa = GUEST_RAM + i * 4 * KiB, hpa;
		unsigned perm;
		assert_int_equal(gstage_map(g, gpa, 0x90000000ull + i * 4 * KiB, 4 * KiB, perms[i]), 0);
		assert_int_equal(gstage_walk(g, gpa, &hpa, &perm), 0);
		assert_int_equal(perm, perms[i]);
	}
}

static void unmapped_gpas_do_not_translate(void **state)
{
	struct gstage *g = start(state, GSTAGE_SV39X4, ARENA_SIZE);
	assert_unmapped(g, GUEST_RAM);
	assert_int_equal(gstage_map(g, GUEST_RAM, 0x90000000ull, 8 * KiB, GSTAGE_RWX), 0);
	assert_unmapped(g, GUEST_RAM - 1);
	assert_unmapped(g, GUEST_RAM + 8 * KiB);
	assert_unmapped(g, GUEST_RAM + 1 * GiB);
	assert_unmapped(g, 1ull << 41);
	assert_unmapped(g, UINT64_MAX);
}

static void root_index_is_the_top_11_bits(void **state)
{
	struct gstage *g = start(state, GSTAGE_SV39X4, ARENA_SIZE);
	const struct { uint64_t gpa; int index; } cases[] = {
		{ GUEST_RAM, 2 },                        /* GPA bits 40:30 */
		{ (1ull << 40) - 4 * KiB, 1023 },
		{ 1ull << 40, 1024 },
		{ (1ull << 41) - 4 * KiB, 2047 },
	};
	for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(gstage_map(g, cases[i].gpa, 0x90000000ull, 4 * KiB, GSTAGE_R), 0);
		assert_table_pte(table(g->root)[cases[i].index]);
		assert_translates(g, cases[i].gpa + 5, 0x90000005ull);
	}
}

static void root_index_is_the_top_11_bits_sv48x4(void **state)
{
	struct gstage *g = start(state, GSTAGE_SV48X4, ARENA_SIZE);
	assert_int_equal(gstage_map(g, (1ull << 50) - 4 * KiB, 0x90000000ull, 4 * KiB, GSTAGE_R), 0);
	assert_table_pte(table(g->root)[2047]); /* GPA bits 49:39 */
	assert_int_equal(gstage_map(g, 1ull << 41, 0x90000000ull, 4 * KiB, GSTAGE_R), 0);
	assert_table_pte(table(g->root)[4]);
}

static void gpas_beyond_the_mode_are_refused(void **state)
{
	struct gstage *g = start(state, GSTAGE_SV39X4, ARENA_SIZE);
	uint64_t before = free_bytes(state);
	assert_int_equal(gstage_map(g, 1ull << 41, 0x90000000ull, 4 * KiB, GSTAGE_RWX), -1);
	assert_int_equal(gstage_map(g, (1ull << 41) - 4 * KiB, 0x90000000ull, 8 * KiB, GSTAGE_RWX), -1);
	assert_int_equal(gstage_map(g, 4 * KiB, 0x90000000ull, UINT64_MAX & ~0xfffull, GSTAGE_RWX), -1);
	assert_int_equal(free_bytes(state), before);
	assert_int_equal(g->table_pages, 4);
}

static void bad_arguments_are_refused(void **state)
{
	struct gstage *g = start(state, GSTAGE_SV39X4, ARENA_SIZE);
	uint64_t before = free_bytes(state);
	assert_int_equal(gstage_map(g, GUEST_RAM + 1, 0x90000000ull, 4 * KiB, GSTAGE_RWX), -1);
	assert_int_equal(gstage_map(g, GUEST_RAM, 0x90000800ull, 4 * KiB, GSTAGE_RWX), -1);
	assert_int_equal(gstage_map(g, GUEST_RAM, 0x90000000ull, 4 * KiB + 1, GSTAGE_RWX), -1);
	assert_int_equal(gstage_map(g, GUEST_RAM, 0x90000000ull, 0, GSTAGE_RWX), -1);
	assert_int_equal(gstage_map(g, GUEST_RAM, 1ull << 56, 4 * KiB, GSTAGE_RWX), -1);
	assert_int_equal(gstage_map(g, GUEST_RAM, (1ull << 56) - 4 * KiB, 8 * KiB, GSTAGE_RWX), -1);
	const unsigned bad_perms[] = { 0, GSTAGE_W, GSTAGE_W | GSTAGE_X, 8 };
	for (unsigned i = 0; i < sizeof bad_perms / sizeof bad_perms[0]; i++)
		assert_int_equal(gstage_map(g, GUEST_RAM, 0x90000000ull, 4 * KiB, bad_perms[i]), -1);
	assert_int_equal(free_bytes(state), before);
	assert_unmapped(g, GUEST_RAM);
}

static void overlaps_are_refused_without_side_effects(void **state)
{
	struct gstage *g = start(state, GSTAGE_SV39X4, ARENA_SIZE);
	assert_int_equal(gstage_map(g, GUEST_RAM + 4 * MiB, 0x90000000ull, 2 * MiB, GSTAGE_RWX), 0);
	assert_int_equal(gstage_map(g, GUEST_RAM + 16 * MiB, 0x90001000ull, 8 * KiB, GSTAGE_RWX), 0);
	uint64_t before = free_bytes(state), pages = g->table_pages;
	const struct { uint64_t gpa, size; } overlapping[] = {
		{ GUEST_RAM, 4 * MiB + 4 * KiB },             /* runs into the 2 MiB leaf */
		{ GUEST_RAM + 5 * MiB, 4 * KiB },             /* inside it */
		{ GUEST_RAM + 6 * MiB - 4 * KiB, 8 * KiB },   /* its last page and beyond */
		{ GUEST_RAM, 1 * GiB },                       /* contains everything */
		{ GUEST_RAM + 16 * MiB + 4 * KiB, 2 * MiB },  /* a 4 KiB leaf at its start */
	};
	for (unsigned i = 0; i < sizeof overlapping / sizeof overlapping[0]; i++)
		assert_int_equal(gstage_map(g, overlapping[i].gpa, 0xa0000000ull, overlapping[i].size,
					    GSTAGE_RWX), -1);
	assert_int_equal(free_bytes(state), before);
	assert_int_equal(g->table_pages, pages);
	assert_unmapped(g, GUEST_RAM);
	assert_maps_range(g, GUEST_RAM + 4 * MiB, 0x90000000ull, 2 * MiB);
	assert_maps_range(g, GUEST_RAM + 16 * MiB, 0x90001000ull, 8 * KiB);
	/* Right next to existing mappings is not an overlap, and shares their tables. */
	assert_int_equal(gstage_map(g, GUEST_RAM + 16 * MiB + 8 * KiB, 0xa0000000ull, 4 * KiB,
				    GSTAGE_R), 0);
	assert_int_equal(g->table_pages, pages);
}

static void running_out_of_table_pages_undoes_the_map(void **state)
{
	/* The root and two table pages: 4 MiB of 4 KiB leaves needs three. */
	struct gstage *g = start(state, GSTAGE_SV39X4, 16 * KiB + 8 * KiB);
	assert_int_equal(gstage_map(g, GUEST_RAM, 0x90001000ull, 4 * MiB, GSTAGE_RWX), -1);
	assert_int_equal(free_bytes(state), 8 * KiB);
	assert_int_equal(g->table_pages, 4);
	for (int i = 0; i < 2048; i++)
		assert_int_equal(table(g->root)[i], 0);
	assert_int_equal(gstage_map(g, GUEST_RAM, 0x90001000ull, 2 * MiB, GSTAGE_RWX), 0);
	assert_maps_range(g, GUEST_RAM, 0x90001000ull, 2 * MiB);
}

static void a_walk_that_fails_halfway_frees_the_tables_it_made(void **state)
{
	/* The root and one page: the 2 MiB-level table fits, the 4 KiB one does not. */
	struct gstage *g = start(state, GSTAGE_SV39X4, 16 * KiB + 4 * KiB);
	assert_int_equal(gstage_map(g, GUEST_RAM, 0x90000000ull, 4 * KiB, GSTAGE_RWX), -1);
	assert_int_equal(free_bytes(state), 4 * KiB);
	assert_int_equal(g->table_pages, 4);
	assert_int_equal(table(g->root)[2], 0);
}

static void undo_keeps_tables_that_older_mappings_use(void **state)
{
	struct gstage *g = start(state, GSTAGE_SV39X4, 16 * KiB + 12 * KiB);
	assert_int_equal(gstage_map(g, GUEST_RAM, 0x90000000ull, 4 * KiB, GSTAGE_R), 0);
	uint64_t before = free_bytes(state); /* one page left */
	/* Fills the existing 4 KiB table, needs two more: gets one, then fails. */
	assert_int_equal(gstage_map(g, GUEST_RAM + 4 * KiB, 0xa0002000ull, 4 * MiB, GSTAGE_RWX), -1);
	assert_int_equal(free_bytes(state), before);
	assert_int_equal(g->table_pages, 4 + 2);
	assert_translates(g, GUEST_RAM, 0x90000000ull);
	assert_unmapped(g, GUEST_RAM + 4 * KiB);
	assert_unmapped(g, GUEST_RAM + 2 * MiB);
}

static void destroy_gives_every_page_back(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(palloc_add(&f->pa, (uintptr_t)f->arena, ARENA_SIZE), 0);
	uint64_t before = free_bytes(state);
	int extents_before = f->pa.n;
	struct gstage *g = &f->g;
	assert_int_equal(gstage_init(g, GSTAGE_SV48X4, &f->pa), 0);
	assert_int_equal(gstage_map(g, GUEST_RAM, 0x100000000ull, 64 * MiB, GSTAGE_RWX), 0);
	assert_int_equal(gstage_map(g, 0x10000000, 0x90001000ull, 3 * MiB, GSTAGE_R), 0);
	assert_int_equal(gstage_map(g, 1ull << 45, 0x40000000ull, 1 * GiB, GSTAGE_X), 0);
	assert_true(free_bytes(state) < before);
	gstage_destroy(g);
	assert_int_equal(g->root, 0);
	assert_int_equal(g->table_pages, 0);
	assert_int_equal(free_bytes(state), before);
	assert_int_equal(f->pa.n, extents_before);
	gstage_destroy(g); /* again: nothing to do */
	assert_int_equal(free_bytes(state), before);
	assert_unmapped(g, GUEST_RAM);
	assert_int_equal(gstage_map(g, GUEST_RAM, 0x90000000ull, 4 * KiB, GSTAGE_R), -1);
}

static void hgatp_encodes_mode_vmid_and_root(void **state)
{
	struct gstage g39 = { .root = 0x80204000ull, .levels = GSTAGE_SV39X4 };
	struct gstage g48 = { .root = 0x1234560000ull, .levels = GSTAGE_SV48X4 };
	assert_int_equal(gstage_hgatp(&g39, 0), 0x8000000000080204ull);
	assert_int_equal(gstage_hgatp(&g39, 5), 0x8000500000080204ull);
	assert_int_equal(gstage_hgatp(&g48, 0x3fff), 0x93fff00001234560ull);
	assert_int_equal(gstage_hgatp(&g48, 0x4001), 0x9000100001234560ull); /* 14 bits only */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(init_makes_a_zeroed_16k_aligned_root, setup, teardown),
		cmocka_unit_test_setup_teardown(init_refuses_bad_levels_and_no_memory, setup, teardown),
		cmocka_unit_test_setup_teardown(map_64m_aligned_uses_2m_leaves_sv39x4, setup, teardown),
		cmocka_unit_test_setup_teardown(map_64m_aligned_uses_2m_leaves_sv48x4, setup, teardown),
		cmocka_unit_test_setup_teardown(map_1g_aligned_puts_a_leaf_in_the_root, setup, teardown),
		cmocka_unit_test_setup_teardown(unaligned_hpa_falls_back_to_4k_leaves, setup, teardown),
		cmocka_unit_test_setup_teardown(mixed_alignment_uses_each_leaf_size_where_it_fits, setup,
						teardown),
		cmocka_unit_test_setup_teardown(pieces_map_side_by_side_with_their_own_leaves, setup,
						teardown),
		cmocka_unit_test_setup_teardown(tables_max_bounds_every_mapping, setup, teardown),
		cmocka_unit_test_setup_teardown(translate_reports_permissions, setup, teardown),
		cmocka_unit_test_setup_teardown(unmapped_gpas_do_not_translate, setup, teardown),
		cmocka_unit_test_setup_teardown(root_index_is_the_top_11_bits, setup, teardown),
		cmocka_unit_test_setup_teardown(root_index_is_the_top_11_bits_sv48x4, setup, teardown),
		cmocka_unit_test_setup_teardown(gpas_beyond_the_mode_are_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_arguments_are_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(overlaps_are_refused_without_side_effects, setup, teardown),
		cmocka_unit_test_setup_teardown(running_out_of_table_pages_undoes_the_map, setup, teardown),
		cmocka_unit_test_setup_teardown(a_walk_that_fails_halfway_frees_the_tables_it_made, setup,
						teardown),
		cmocka_unit_test_setup_teardown(undo_keeps_tables_that_older_mappings_use, setup, teardown),
		cmocka_unit_test_setup_teardown(destroy_gives_every_page_back, setup, teardown),
		cmocka_unit_test(hgatp_encodes_mode_vmid_and_root),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
