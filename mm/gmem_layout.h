/* Guest RAM as the hypervisor sees it: GPAs from gpa_base on, backed by one or
 * more host blocks (pieces) that follow each other in GPA order, so RAM need not
 * be one contiguous host block. Pure address work with no gate: mm/guest_mem.h
 * is the gate every access to a live VM goes through. Inline, so the real gate
 * and the tests' fake one (tests/unit/fake_guest_mem.c) share it without
 * another file to link. */
#ifndef MM_GMEM_LAYOUT_H
#define MM_GMEM_LAYOUT_H
#include <stdbool.h>
#include <stdint.h>
#include "mm/memops.h"

#define GMEM_MAX_PIECES 16

struct gmem_piece {
	uint64_t size;  /* bytes, a multiple of 4 KiB */
	uint8_t *hva;   /* where it sits for the hypervisor (MMU off: host physical) */
};

struct guest_mem {
	uint64_t gpa_base;  /* first guest-physical address of RAM */
	uint64_t size;      /* bytes of RAM, every piece together */
	unsigned n_pieces;  /* piece[0..n_pieces); 0: RAM is one block at hva */
	struct gmem_piece piece[GMEM_MAX_PIECES];
	uint8_t *hva;       /* the one block when n_pieces is 0 (a test's single buffer) */
	bool closed;        /* teardown started: the gate refuses everything */
};

/* The pieces one by one (i < gmem_pieces(m)), whichever way RAM was described. */
static inline unsigned gmem_pieces(const struct guest_mem *m)
{
	return m->n_pieces ? m->n_pieces : 1;
}

static inline struct gmem_piece gmem_piece(const struct guest_mem *m, unsigned i)
{
	return m->n_pieces ? m->piece[i] : (struct gmem_piece){ m->size, m->hva };
}

/* True when [gpa, gpa+len) lies wholly inside RAM (len > 0, no wrap). */
static inline bool gmem_within(const struct guest_mem *m, uint64_t gpa, uint64_t len)
{
	if (len == 0 || gpa < m->gpa_base)
		return false;
	uint64_t off = gpa - m->gpa_base;
	return off < m->size && len <= m->size - off;
}

enum gmem_dir { GMEM_FROM_GUEST, GMEM_TO_GUEST };

/* Copies len bytes between buf and RAM at gpa, piece by piece (GPA to host
 * address per piece, never one base for all); the range must be gmem_within. */
static inline void gmem_copy(const struct guest_mem *m, uint64_t gpa, void *buf, uint64_t len,
			     enum gmem_dir dir)
{
	uint8_t *b = buf;
	uint64_t off = gpa - m->gpa_base;  /* into the piece at hand */
	for (unsigned i = 0; len; i++) {
		struct gmem_piece p = gmem_piece(m, i);
		if (off >= p.size) {
			off -= p.size;
			continue;
		}
		uint64_t n = p.size - off < len ? p.size - off : len;
		if (dir == GMEM_TO_GUEST)
			mem_copy(p.hva + off, b, n);
		else
			mem_copy(b, p.hva + off, n);
		b += n;
		len -= n;
		off = 0;
	}
}

/* Stores vals[i] as a 32-bit word at gpa + i * stride, i < n; gpa and stride
 * multiples of 4 (a word then never straddles two pieces, which are 4 KiB
 * multiples) and the whole span gmem_within. One piece lookup for all: the
 * scattered output words of event_get_info cost a store each. */
static inline void gmem_store32s(const struct guest_mem *m, uint64_t gpa, uint64_t stride,
				 const uint32_t *vals, unsigned n)
{
	uint64_t off = gpa - m->gpa_base;
	unsigned pi = 0;
	struct gmem_piece p = gmem_piece(m, 0);
	for (unsigned i = 0; i < n; i++, off += stride) {
		while (off >= p.size) {
			off -= p.size;
			p = gmem_piece(m, ++pi);
		}
		*(uint32_t *)(void *)(p.hva + off) = vals[i];
	}
}

/* The span gmem_store32s writes, from gpa to the end of the last word; 0
 * (which no range check accepts) when the arguments break its rules or the
 * span does not fit 64 bits. */
static inline uint64_t gmem_span32s(uint64_t gpa, uint64_t stride, unsigned n)
{
	if (!n || (gpa & 3) || (stride & 3) || stride < 4 || stride > (UINT64_MAX - 4) / n)
		return 0;
	return (uint64_t)(n - 1) * stride + 4;
}

#endif
