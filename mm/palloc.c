#include "mm/palloc.h"
#include <stdbool.h>
#include <string.h>

#define GRANULE_MASK (PALLOC_GRANULE - 1)

enum insert_result { INSERTED, OVERLAPS, TABLE_FULL };

static uint64_t ext_end(const struct palloc_extent *e)
{
	return e->base + e->size;
}

/* [base, base+size) as granule bounds [*start, *end), rounded outward or inward,
 * without page 0 (0 is the "no memory" answer, so it can never be handed out).
 * The result may be empty. False when the range, rounded, would wrap past the
 * top of the address space. */
static bool managed_range(uint64_t base, uint64_t size, bool outward,
			  uint64_t *start, uint64_t *end)
{
	if (base > UINT64_MAX - GRANULE_MASK || size > UINT64_MAX - GRANULE_MASK - base)
		return false;
	if (outward) {
		*start = base & ~GRANULE_MASK;
		*end = (base + size + GRANULE_MASK) & ~GRANULE_MASK;
	} else {
		*start = (base + GRANULE_MASK) & ~GRANULE_MASK;
		*end = (base + size) & ~GRANULE_MASK;
	}
	if (*start == 0)
		*start = PALLOC_GRANULE;
	if (*end < *start)
		*end = *start;
	return true;
}

static void open_slot(struct palloc *pa, int i, uint64_t start, uint64_t end)
{
	memmove(&pa->ext[i + 1], &pa->ext[i], (size_t)(pa->n - i) * sizeof pa->ext[0]);
	pa->ext[i] = (struct palloc_extent){ start, end - start };
	pa->n++;
}

static void close_slot(struct palloc *pa, int i)
{
	pa->n--;
	memmove(&pa->ext[i], &pa->ext[i + 1], (size_t)(pa->n - i) * sizeof pa->ext[0]);
}

/* Index of the first extent starting at or after addr. */
static int first_at_or_after(const struct palloc *pa, uint64_t addr)
{
	int i = 0;
	while (i < pa->n && pa->ext[i].base < addr)
		i++;
	return i;
}

/* Adds the free range [start, end), merging it with the extents it touches. */
static enum insert_result insert_range(struct palloc *pa, uint64_t start, uint64_t end)
{
	int i = first_at_or_after(pa, start);
	struct palloc_extent *prev = i > 0 ? &pa->ext[i - 1] : NULL;
	struct palloc_extent *next = i < pa->n ? &pa->ext[i] : NULL;

	if ((prev && ext_end(prev) > start) || (next && next->base < end))
		return OVERLAPS;
	bool joins_prev = prev && ext_end(prev) == start;
	bool joins_next = next && next->base == end;
	if (joins_prev && joins_next) {
		prev->size += (end - start) + next->size;
		close_slot(pa, i);
	} else if (joins_prev) {
		prev->size += end - start;
	} else if (joins_next) {
		next->size += end - start;
		next->base = start;
	} else {
		if (pa->n == PALLOC_MAX_EXTENTS)
			return TABLE_FULL;
		open_slot(pa, i, start, end);
	}
	return INSERTED;
}

/* Removes [start, end) from the free extents. Only a range strictly inside one
 * extent needs a new slot (the split), so that is the one case that can fail. */
static int remove_range(struct palloc *pa, uint64_t start, uint64_t end)
{
	if (start == end) /* an empty range would "split" an extent into two touching ones */
		return 0;
	for (int i = 0; i < pa->n; i++) {
		struct palloc_extent *e = &pa->ext[i];
		if (e->base < start && ext_end(e) > end) {
			if (pa->n == PALLOC_MAX_EXTENTS)
				return -1;
			open_slot(pa, i + 1, end, ext_end(e));
			e->size = start - e->base;
			return 0;
		}
	}
	for (int i = 0; i < pa->n;) {
		struct palloc_extent *e = &pa->ext[i];
		uint64_t e_end = ext_end(e);
		if (e_end <= start || e->base >= end) {
			i++;
		} else if (e->base < start) { /* keep the part below the range */
			e->size = start - e->base;
			i++;
		} else if (e_end > end) {     /* keep the part above the range */
			e->base = end;
			e->size = e_end - end;
			i++;
		} else {                      /* wholly inside: gone */
			close_slot(pa, i);
		}
	}
	return 0;
}

/* An alignment below a granule means a granule; false when not a power of two. */
static bool granule_align(uint64_t *align)
{
	if (*align < PALLOC_GRANULE)
		*align = PALLOC_GRANULE;
	return (*align & (*align - 1)) == 0;
}

/* The first align-aligned address of e; its end when there is none below 2^64. */
static uint64_t aligned_start(const struct palloc_extent *e, uint64_t align)
{
	if (e->base > UINT64_MAX - (align - 1))
		return ext_end(e);
	return (e->base + align - 1) & ~(align - 1);
}

void palloc_init(struct palloc *pa)
{
	memset(pa, 0, sizeof *pa);
}

static int add(struct palloc *pa, uint64_t base, uint64_t size)
{
	uint64_t start, end;
	if (!managed_range(base, size, false, &start, &end))
		return -1;
	if (start == end)
		return 0;
	return insert_range(pa, start, end) == INSERTED ? 0 : -1;
}

static int reserve(struct palloc *pa, uint64_t base, uint64_t size)
{
	uint64_t start, end;
	if (!managed_range(base, size, true, &start, &end))
		return -1;
	return remove_range(pa, start, end);
}

static uint64_t alloc(struct palloc *pa, uint64_t size, uint64_t align)
{
	if (size == 0 || size > UINT64_MAX - GRANULE_MASK)
		return 0;
	size = (size + GRANULE_MASK) & ~GRANULE_MASK;
	if (!granule_align(&align))
		return 0;
	for (int i = 0; i < pa->n; i++) {
		const struct palloc_extent *e = &pa->ext[i];
		uint64_t start = aligned_start(e, align);
		if (start >= ext_end(e) || size > ext_end(e) - start)
			continue;
		/* Fails only when the table is too full to split this extent: try the next. */
		if (remove_range(pa, start, start + size) == 0)
			return start;
	}
	return 0;
}

/* Moves the largest free run that starts and ends on align (a power of two),
 * cut to at most `left` bytes from its start, into *piece. False when there is
 * none, or the table is too full to split the extent it lies in. */
static bool take_largest(struct palloc *pa, uint64_t align, uint64_t left, struct palloc_extent *piece)
{
	uint64_t best = 0, best_size = 0;
	for (int i = 0; i < pa->n; i++) {
		const struct palloc_extent *e = &pa->ext[i];
		uint64_t start = aligned_start(e, align);
		uint64_t end = ext_end(e) & ~(align - 1);
		if (start < end && end - start > best_size) {
			best = start;
			best_size = end - start;
		}
	}
	uint64_t size = best_size < left ? best_size : left;
	if (size == 0 || remove_range(pa, best, best + size))
		return false;
	*piece = (struct palloc_extent){ best, size };
	return true;
}

/* Takes up to size bytes in at most max pieces: aligned runs, then granules.
 * Stores the pieces in piece[] unless it is NULL; returns the bytes taken. */
static uint64_t gather(struct palloc *pa, uint64_t size, uint64_t align, struct palloc_extent *piece,
		       int max, int *n)
{
	const uint64_t pass_align[] = { align, PALLOC_GRANULE };
	uint64_t got = 0;
	struct palloc_extent p;
	*n = 0;
	for (unsigned pass = 0; pass < 2; pass++) {
		while (got < size && *n < max && take_largest(pa, pass_align[pass], size - got, &p)) {
			if (piece)
				piece[*n] = p;
			(*n)++;
			got += p.size;
		}
	}
	return got;
}

static void release(struct palloc *pa, uint64_t base, uint64_t size);

static int gather_all(struct palloc *pa, uint64_t size, uint64_t align, struct palloc_extent *piece,
		      int max)
{
	if (size == 0 || size > UINT64_MAX - GRANULE_MASK || !granule_align(&align))
		return 0;
	size = (size + GRANULE_MASK) & ~GRANULE_MASK;
	int n;
	if (gather(pa, size, align, piece, max, &n) == size)
		return n;
	/* Not enough: undo newest first, which restores the table exactly (each
	 * free closes the split its removal opened), so no slot is ever lost. */
	while (n > 0) {
		n--;
		release(pa, piece[n].base, piece[n].size);
	}
	return 0;
}

uint64_t palloc_gatherable(struct palloc *pa, uint64_t align, int max)
{
	spin_lock(&pa->lock);
	struct palloc scratch = *pa;
	spin_unlock(&pa->lock);
	int n;
	if (!granule_align(&align))
		return 0;
	return gather(&scratch, UINT64_MAX, align, NULL, max, &n);
}

static void release(struct palloc *pa, uint64_t base, uint64_t size)
{
	/* Outward, like palloc_alloc rounded the size up: every granule the range
	 * touches belonged to that one allocation. */
	uint64_t start, end;
	if (!managed_range(base, size, true, &start, &end) || start == end)
		return;
	if (insert_range(pa, start, end) == TABLE_FULL)
		pa->lost += end - start;
}

uint64_t palloc_free_bytes(struct palloc *pa)
{
	uint64_t total = 0;
	spin_lock(&pa->lock);
	for (int i = 0; i < pa->n; i++)
		total += pa->ext[i].size;
	spin_unlock(&pa->lock);
	return total;
}

/* The public calls: the same under the lock. */
#define LOCKED(pa, call) ({ spin_lock(&(pa)->lock); __typeof__(call) r_ = (call); spin_unlock(&(pa)->lock); r_; })

int palloc_add(struct palloc *pa, uint64_t base, uint64_t size)
{
	return LOCKED(pa, add(pa, base, size));
}

int palloc_reserve(struct palloc *pa, uint64_t base, uint64_t size)
{
	return LOCKED(pa, reserve(pa, base, size));
}

uint64_t palloc_alloc(struct palloc *pa, uint64_t size, uint64_t align)
{
	return LOCKED(pa, alloc(pa, size, align));
}

int palloc_gather(struct palloc *pa, uint64_t size, uint64_t align, struct palloc_extent *piece, int max)
{
	return LOCKED(pa, gather_all(pa, size, align, piece, max));
}

void palloc_free(struct palloc *pa, uint64_t base, uint64_t size)
{
	spin_lock(&pa->lock);
	release(pa, base, size);
	spin_unlock(&pa->lock);
}
