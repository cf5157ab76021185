/* Physical memory allocator: a sorted table of free extents, coalesced on free,
 * everything in 4 KiB granules. It only does arithmetic and never touches the
 * memory it manages. The MMU is off, so an address it hands out is directly a
 * pointer. Address 0 means "no memory", so page 0 is never managed.
 * Every function takes the allocator's lock: harts creating and destroying VMs
 * at the same time share one allocator. */
#ifndef MM_PALLOC_H
#define MM_PALLOC_H
#include <stdint.h>
#include "boot/spinlock.h"

#define PALLOC_GRANULE     4096ull
#define PALLOC_MAX_EXTENTS 64

struct palloc {
	struct palloc_extent {
		uint64_t base, size;
	} ext[PALLOC_MAX_EXTENTS]; /* sorted by base, never overlapping or touching */
	int n;                     /* extents in use */
	uint64_t lost;             /* bytes palloc_free could not record (table full) */
	struct spinlock lock;
};

void palloc_init(struct palloc *pa);
/* Adds RAM, rounded inward to granules. 0, or -1 when the range wraps, overlaps
 * free memory already known, or the extent table is full (nothing changed). */
int palloc_add(struct palloc *pa, uint64_t base, uint64_t size);
/* Carves a range out of free memory (firmware, image, DTB, initrd), rounded
 * outward. Parts outside any free extent are ignored. 0, or -1 when the range
 * wraps or splitting an extent would overflow the table (nothing changed). */
int palloc_reserve(struct palloc *pa, uint64_t base, uint64_t size);
/* First fit; size rounded up to granules; align a power of two (below 4 KiB
 * means 4 KiB). Returns the base, or 0 when nothing fits. Does not zero. */
uint64_t palloc_alloc(struct palloc *pa, uint64_t size, uint64_t align);
/* Gives back what palloc_alloc returned (same base and size), coalescing with
 * neighbours. A range that overlaps free memory (double free) is ignored; one
 * the full table cannot record is counted in pa->lost. */
void palloc_free(struct palloc *pa, uint64_t base, uint64_t size);
/* Takes size bytes (rounded up to granules) as at most max pieces, for memory
 * that need not be one block (guest RAM: the G-stage maps page by page). Largest
 * align-aligned runs first, so what fits in one block comes as one and pieces keep
 * the alignment (big G-stage leaves) while they can; then any granules left.
 * piece[] gets the pieces in the order taken. Their number, or 0 when that is not
 * enough or align is not a power of two (nothing changed). Does not zero. */
int palloc_gather(struct palloc *pa, uint64_t size, uint64_t align, struct palloc_extent *piece,
		  int max);
/* The most palloc_gather could take with this align and max: a dry run. */
uint64_t palloc_gatherable(struct palloc *pa, uint64_t align, int max);
uint64_t palloc_free_bytes(struct palloc *pa);

#endif
