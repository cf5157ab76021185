/* The device tree's memory ranges, vetted before any becomes free RAM (hyp/hyp.c):
 * the hypervisor scrubs what it hands out, so a wrong range would be written over. */
#ifndef BOOT_MEMCHECK_H
#define BOOT_MEMCHECK_H
#include <stdbool.h>
#include <stddef.h>
#include "boot/fdt.h"

/* RV64 physical addresses have at most 56 bits (the PPN of Sv39x4..Sv57x4 PTEs):
 * RAM above cannot be mapped for a guest, nor reached by the hart. */
#define MEMCHECK_PA_END (1ull << 56)

bool range_overlaps(struct fdt_range a, struct fdt_range b);

/* -1 with a one-line reason in why when a range wraps past the end of the address space or two ranges
 * overlap (RAM described twice: which one is right cannot be told). Otherwise
 * ranges reaching past pa_end are cut at it (dropped when wholly above) and the
 * result is 1 with a note in why naming the first, or 0 when all was well. */
int memcheck_ranges(struct fdt_range *mem, int *n, uint64_t pa_end, char *why, size_t why_len);

#endif
