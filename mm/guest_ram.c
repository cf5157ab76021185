#include "mm/guest_ram.h"
#include "mm/memops.h"

#define MIB_MASK ((1ull << 20) - 1)

uint64_t guest_ram_available(struct palloc *pa, const struct gstage *g)
{
	uint64_t free = palloc_gatherable(pa, GUEST_RAM_ALIGN, GMEM_MAX_PIECES);
	uint64_t tables = gstage_tables_max(g, free);
	return free > tables ? (free - tables) & ~MIB_MASK : 0;
}

int guest_ram_take(struct guest_mem *m, struct palloc *pa, uint64_t gpa_base, uint64_t size)
{
	struct palloc_extent got[GMEM_MAX_PIECES];
	int n = palloc_gather(pa, size, GUEST_RAM_ALIGN, got, GMEM_MAX_PIECES);
	if (n == 0)
		return -1;
	*m = (struct guest_mem){ .gpa_base = gpa_base, .n_pieces = (unsigned)n };
	for (int i = 0; i < n; i++) {
		m->piece[i] = (struct gmem_piece){ got[i].size, (uint8_t *)(uintptr_t)got[i].base };
		m->size += got[i].size;
		/* Scrub on allocation: nothing of an earlier VM leaks into this one. */
		mem_zero(m->piece[i].hva, got[i].size);
	}
	return 0;
}

int guest_ram_map(const struct guest_mem *m, struct gstage *g, unsigned perm)
{
	uint64_t gpa = m->gpa_base;
	for (unsigned i = 0; i < gmem_pieces(m); i++) {
		struct gmem_piece p = gmem_piece(m, i);
		if (gstage_map(g, gpa, (uintptr_t)p.hva, p.size, perm))
			return -1;
		gpa += p.size;
	}
	return 0;
}

void guest_ram_give_back(struct guest_mem *m, struct palloc *pa)
{
	for (unsigned i = 0; i < m->n_pieces; i++)
		palloc_free(pa, (uintptr_t)m->piece[i].hva, m->piece[i].size);
	m->n_pieces = 0;
	m->size = 0;
}
