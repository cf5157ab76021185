#include "gstage_walk.h"

#define V (1ull << 0)
#define R (1ull << 1)
#define W (1ull << 2)
#define X (1ull << 3)
#define U (1ull << 4)
#define A (1ull << 6)
#define D (1ull << 7)
#define PPN_MASK ((1ull << 44) - 1)

int gstage_walk(const struct gstage *g, uint64_t gpa, uint64_t *hpa, unsigned *perm)
{
	if (!g->root || (g->levels != GSTAGE_SV39X4 && g->levels != GSTAGE_SV48X4))
		return -1;
	/* The GPA is 2 bits wider than the VA of Sv39/Sv48; the bits above are 0. */
	if (gpa >> (12 + 9 * g->levels + 2))
		return -1;
	uint64_t table = g->root;
	for (int i = g->levels - 1; i >= 0; i--) {
		unsigned shift = 12 + 9 * i;
		unsigned bits = i == g->levels - 1 ? 11 : 9;  /* the x4 root: 2048 entries */
		uint64_t pte = ((const uint64_t *)(uintptr_t)table)[(gpa >> shift) & ((1u << bits) - 1)];
		uint64_t ppn = (pte >> 10) & PPN_MASK;
		if (!(pte & V) || ((pte & W) && !(pte & R)))
			return -1;
		if (!(pte & (R | X))) {
			if (pte & (U | A | D))
				return -1;
			table = ppn << 12;
			continue;
		}
		/* G-stage treats every guest access as U-mode; no A/D updates here. */
		if (!(pte & U) || !(pte & A) || ((pte & W) && !(pte & D)))
			return -1;
		if (ppn & ((1ull << (9 * i)) - 1))
			return -1;
		if (hpa)
			*hpa = ppn << 12 | (gpa & ((1ull << shift) - 1));
		if (perm)
			*perm = (unsigned)((pte >> 1) & 7);
		return 0;
	}
	return -1;
}
