/* Guest RAM from the page allocator: gathered from as many free extents as it
 * takes (the G-stage maps page by page, so it need not be one host block),
 * scrubbed on allocation, mapped piece by piece, given back as it is. */
#ifndef MM_GUEST_RAM_H
#define MM_GUEST_RAM_H
#include <stdint.h>
#include "mm/gmem_layout.h"
#include "mm/gstage.h"
#include "mm/palloc.h"

/* Pieces are taken 2 MiB aligned while they can be, so the G-stage uses 2 MiB leaves. */
#define GUEST_RAM_ALIGN (2ull << 20)

/* The most guest RAM (whole MiB) that can be had from pa now, leaving what
 * mapping it into g's tables can need. */
uint64_t guest_ram_available(struct palloc *pa, const struct gstage *g);
/* Fills m with size bytes (4 KiB multiple) of zeroed RAM at gpa_base. 0, or -1
 * when pa does not have that much in GMEM_MAX_PIECES pieces (nothing taken). */
int guest_ram_take(struct guest_mem *m, struct palloc *pa, uint64_t gpa_base, uint64_t size);
/* Maps every piece at its GPA. 0, or -1 when gstage_map refuses (out of table
 * pages): the mappings made stay, gstage_destroy frees them. */
int guest_ram_map(const struct guest_mem *m, struct gstage *g, unsigned perm);
/* Teardown step 6: every piece back to pa, unscrubbed; m then holds none. */
void guest_ram_give_back(struct guest_mem *m, struct palloc *pa);

#endif
