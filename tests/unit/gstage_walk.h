/* The tests' own reading of G-stage tables: the walk the privileged spec gives
 * the hardware ("Two-Stage Address Translation", Sv39x4/Sv48x4), written apart
 * from mm/gstage.c so that the tables are checked against the spec, not
 * against the code that wrote them. */
#ifndef GSTAGE_WALK_H
#define GSTAGE_WALK_H
#include <stdint.h>
#include "mm/gstage.h"

/* The host address and GSTAGE_* permissions a guest access to gpa reaches
 * (either pointer may be NULL). 0, or -1 where the hardware would take a
 * guest-page fault: no valid entry, a reserved encoding (W without R, U, A or
 * D on a pointer), a leaf without U or A (or D when writable), a misaligned
 * superpage, a GPA beyond the mode. */
int gstage_walk(const struct gstage *g, uint64_t gpa, uint64_t *hpa, unsigned *perm);

#endif
