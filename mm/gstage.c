#include "mm/gstage.h"
#include "mm/hgatp.h"
#include <stdbool.h>
#include "mm/memops.h"

/* PTE layout, the same for G-stage as for Sv39/Sv48. */
#define PTE_V (1ull << 0)
#define PTE_R (1ull << 1)
#define PTE_W (1ull << 2)
#define PTE_X (1ull << 3)
#define PTE_U (1ull << 4)
#define PTE_A (1ull << 6)
#define PTE_D (1ull << 7)
#define PTE_RWX       (PTE_R | PTE_W | PTE_X)
#define PTE_PPN_SHIFT 10
#define PTE_PPN_BITS  44
/* GSTAGE_R/W/X are the PTE's R/W/X bits shifted down by one. */
#define PERM_TO_PTE_SHIFT 1
_Static_assert(GSTAGE_RWX << PERM_TO_PTE_SHIFT == PTE_RWX, "permission bits match the PTE");

#define PAGE_SHIFT      12
#define PAGE_SIZE       (1ull << PAGE_SHIFT)
#define TABLE_BITS      9 /* 512 entries in a non-root table */
#define ROOT_EXTRA_BITS 2 /* the "x4": the root has 2048 entries, 16 KiB */
#define ROOT_SIZE       (PAGE_SIZE << ROOT_EXTRA_BITS)
#define MAX_LEAF_LEVEL  2 /* 1 GiB; bigger leaves would only help beyond 512 GiB */
#define HPA_LIMIT       (1ull << (PTE_PPN_BITS + PAGE_SHIFT))


/* Bytes one entry at this level covers: level 0 maps 4 KiB pages. */
static uint64_t level_size(int level)
{
	return 1ull << (PAGE_SHIFT + TABLE_BITS * level);
}

static uint64_t gpa_limit(const struct gstage *g)
{
	return level_size(g->levels) << ROOT_EXTRA_BITS;
}

static int root_level(const struct gstage *g)
{
	return g->levels - 1;
}

static unsigned pte_index(const struct gstage *g, int level, uint64_t gpa)
{
	unsigned bits = TABLE_BITS + (level == root_level(g) ? ROOT_EXTRA_BITS : 0);
	return (gpa >> (PAGE_SHIFT + TABLE_BITS * level)) & ((1u << bits) - 1);
}

static uint64_t *table_at(uint64_t addr)
{
	return (uint64_t *)(uintptr_t)addr;
}

static uint64_t pte_addr(uint64_t pte)
{
	return ((pte >> PTE_PPN_SHIFT) & ((1ull << PTE_PPN_BITS) - 1)) << PAGE_SHIFT;
}

static bool pte_is_leaf(uint64_t pte)
{
	return pte & PTE_RWX;
}

/* Non-leaf entries carry V only: the spec reserves D, A and U there. */
static uint64_t table_pte(uint64_t table)
{
	return (table >> PAGE_SHIFT) << PTE_PPN_SHIFT | PTE_V;
}

static uint64_t leaf_pte(uint64_t hpa, unsigned perm)
{
	return (hpa >> PAGE_SHIFT) << PTE_PPN_SHIFT | (uint64_t)perm << PERM_TO_PTE_SHIFT |
	       PTE_V | PTE_U | PTE_A | PTE_D;
}

/* Zeroed table memory (size is a power of two, aligned to itself), or 0. */
static uint64_t alloc_table(struct gstage *g, uint64_t size)
{
	uint64_t t = palloc_alloc(g->pa, size, size);
	if (t) {
		mem_zero(table_at(t), size);
		g->table_pages += size / PAGE_SIZE;
	}
	return t;
}

static void free_table(struct gstage *g, uint64_t t, uint64_t size)
{
	palloc_free(g->pa, t, size);
	g->table_pages -= size / PAGE_SIZE;
}

static bool table_is_empty(const uint64_t *table)
{
	for (unsigned i = 0; i < PAGE_SIZE / sizeof *table; i++)
		if (table[i])
			return false;
	return true;
}

/* Walks gpa down to the entry that decides it, a leaf or the first invalid
 * entry, and returns that entry and its level. */
static uint64_t lookup(const struct gstage *g, uint64_t gpa, int *level)
{
	const uint64_t *table = table_at(g->root);
	for (int l = root_level(g);; l--) {
		uint64_t pte = table[pte_index(g, l, gpa)];
		if (l == 0 || !(pte & PTE_V) || pte_is_leaf(pte)) {
			*level = l;
			return pte;
		}
		table = table_at(pte_addr(pte));
	}
}

static bool range_unmapped(const struct gstage *g, uint64_t gpa, uint64_t end)
{
	while (gpa < end) {
		int level;
		if (lookup(g, gpa, &level) & PTE_V)
			return false;
		gpa = (gpa | (level_size(level) - 1)) + 1; /* skip the whole unmapped block */
	}
	return true;
}

/* The entry for gpa at `level`, creating the tables above it; NULL when out of
 * table pages. Only used on ranges known to be unmapped, so no leaf is in the way. */
static uint64_t *walk_create(struct gstage *g, uint64_t gpa, int level)
{
	uint64_t *table = table_at(g->root);
	for (int l = root_level(g); l > level; l--) {
		uint64_t *pte = &table[pte_index(g, l, gpa)];
		if (!(*pte & PTE_V)) {
			uint64_t t = alloc_table(g, PAGE_SIZE);
			if (!t)
				return NULL;
			*pte = table_pte(t);
		}
		table = table_at(pte_addr(*pte));
	}
	return &table[pte_index(g, level, gpa)];
}

/* Clears [gpa, end) in `table` (at `level`) and below, freeing every table it
 * empties. Every leaf met must lie wholly inside the range: true for the whole
 * GPA space and for undoing what gstage_map itself just mapped. */
static void clear_range(struct gstage *g, uint64_t *table, int level, uint64_t gpa, uint64_t end)
{
	while (gpa < end) {
		uint64_t block_end = (gpa | (level_size(level) - 1)) + 1;
		uint64_t stop = block_end < end ? block_end : end;
		uint64_t *pte = &table[pte_index(g, level, gpa)];
		if ((*pte & PTE_V) && !pte_is_leaf(*pte)) {
			uint64_t child = pte_addr(*pte);
			clear_range(g, table_at(child), level - 1, gpa, stop);
			if (table_is_empty(table_at(child))) {
				*pte = 0;
				free_table(g, child, PAGE_SIZE);
			}
		} else {
			*pte = 0;
		}
		gpa = stop;
	}
}

/* The largest leaf level that gpa, hpa and the remaining size all allow. */
static int leaf_level(uint64_t gpa, uint64_t hpa, uint64_t left)
{
	for (int l = MAX_LEAF_LEVEL; l > 0; l--) {
		uint64_t size = level_size(l);
		if (((gpa | hpa) & (size - 1)) == 0 && left >= size)
			return l;
	}
	return 0;
}

static bool perm_ok(unsigned perm)
{
	bool readable_or_executable = perm & (GSTAGE_R | GSTAGE_X);
	bool write_needs_read = !(perm & GSTAGE_W) || (perm & GSTAGE_R);
	return !(perm & ~GSTAGE_RWX) && readable_or_executable && write_needs_read;
}

static bool map_args_ok(const struct gstage *g, uint64_t gpa, uint64_t hpa, uint64_t size,
			unsigned perm)
{
	uint64_t limit = gpa_limit(g);
	bool aligned = ((gpa | hpa | size) & (PAGE_SIZE - 1)) == 0;
	bool gpa_fits = gpa < limit && size <= limit - gpa;
	bool hpa_fits = hpa < HPA_LIMIT && size <= HPA_LIMIT - hpa;
	return g->root && size && aligned && gpa_fits && hpa_fits && perm_ok(perm);
}

int gstage_init(struct gstage *g, int levels, struct palloc *pa)
{
	*g = (struct gstage){ .levels = levels, .pa = pa };
	if (levels != GSTAGE_SV39X4 && levels != GSTAGE_SV48X4)
		return -1;
	g->root = alloc_table(g, ROOT_SIZE);
	return g->root ? 0 : -1;
}

int gstage_map(struct gstage *g, uint64_t gpa, uint64_t hpa, uint64_t size, unsigned perm)
{
	if (!map_args_ok(g, gpa, hpa, size, perm) || !range_unmapped(g, gpa, gpa + size))
		return -1;
	for (uint64_t off = 0; off < size;) {
		int level = leaf_level(gpa + off, hpa + off, size - off);
		uint64_t *pte = walk_create(g, gpa + off, level);
		if (!pte) {
			/* Undo it all, the tables this last walk created included. */
			clear_range(g, table_at(g->root), root_level(g), gpa,
				    gpa + off + level_size(level));
			return -1;
		}
		*pte = leaf_pte(hpa + off, perm);
		off += level_size(level);
	}
	return 0;
}

uint64_t gstage_tables_max(const struct gstage *g, uint64_t size)
{
	/* A GPA range meets at most size / span + 2 tables of a level: one more at
	 * each end when it does not start or end on that level's span. */
	uint64_t bytes = 0;
	for (int l = 0; l < root_level(g); l++)
		bytes += (size / level_size(l + 1) + 2) * PAGE_SIZE;
	return bytes;
}

void gstage_destroy(struct gstage *g)
{
	if (!g->root)
		return;
	clear_range(g, table_at(g->root), root_level(g), 0, gpa_limit(g));
	free_table(g, g->root, ROOT_SIZE);
	g->root = 0;
}

uint64_t gstage_hgatp(const struct gstage *g, unsigned vmid)
{
	uint64_t mode = g->levels == GSTAGE_SV48X4 ? HGATP_MODE_SV48X4 : HGATP_MODE_SV39X4;
	return mode << HGATP_MODE_SHIFT | (vmid & HGATP_VMID_MASK) << HGATP_VMID_SHIFT |
	       g->root >> PAGE_SHIFT;
}
