/* G-stage (second-stage) page tables of the RISC-V H extension, Sv39x4 and
 * Sv48x4 (privileged spec, "Two-Stage Address Translation"). Pure table work:
 * table pages come from palloc and are written through their physical address
 * (MMU off). Writing hgatp and fencing (hfence.gvma after changes to a live
 * VMID's tables) are the caller's job. */
#ifndef MM_GSTAGE_H
#define MM_GSTAGE_H
#include <stdint.h>
#include "mm/palloc.h"

/* Guest access permissions of a mapping. W needs R (W alone is a reserved encoding). */
#define GSTAGE_R   1u
#define GSTAGE_W   2u
#define GSTAGE_X   4u
#define GSTAGE_RWX (GSTAGE_R | GSTAGE_W | GSTAGE_X)

#define GSTAGE_SV39X4 3 /* levels: GPAs below 2^41 */
#define GSTAGE_SV48X4 4 /* levels: GPAs below 2^50 */

struct gstage {
	uint64_t root;         /* 16 KiB root table, 16 KiB aligned; 0 = none */
	int levels;            /* GSTAGE_SV39X4 or GSTAGE_SV48X4 */
	struct palloc *pa;     /* where table pages come from and go back to */
	uint64_t table_pages;  /* 4 KiB pages held by tables, the root's four included */
};

/* Allocates and zeroes the root. 0, or -1 (bad levels, no memory). */
int gstage_init(struct gstage *g, int levels, struct palloc *pa);
/* Maps [gpa, gpa+size) to [hpa, hpa+size), 4 KiB aligned, using 1 GiB and 2 MiB
 * leaves wherever gpa, hpa and the remaining size allow. Leaves get U (guest
 * accesses count as U-mode), A and D (no A/D faults). -1 without changing
 * anything when the arguments are invalid, the GPA range is beyond the mode or
 * overlaps an existing mapping, or table pages run out. */
int gstage_map(struct gstage *g, uint64_t gpa, uint64_t hpa, uint64_t size, unsigned perm);
/* The most table memory mapping `size` bytes of GPA can add (4 KiB leaves
 * throughout, any alignment), the root not counted: what to leave free for
 * gstage_map when sizing guest RAM to the memory there is. */
uint64_t gstage_tables_max(const struct gstage *g, uint64_t size);
/* Forgets every mapping and frees every table page, root last; g->root = 0.
 * Safe to call again. */
void gstage_destroy(struct gstage *g);
/* The hgatp value: MODE (8 Sv39x4, 9 Sv48x4) << 60 | VMID (14 bits) << 44 | root PPN. */
uint64_t gstage_hgatp(const struct gstage *g, unsigned vmid);

#endif
