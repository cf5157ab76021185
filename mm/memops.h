/* Zeroing and copying large areas (guest RAM scrub, the guest image, table
 * pages, shadows) with 8-byte stores: picolibc's memset/memcpy as linked here
 * move one byte per iteration, four instructions per byte. Small fixed-size
 * copies can keep using memcpy. */
#ifndef MM_MEMOPS_H
#define MM_MEMOPS_H
#include <stddef.h>

void mem_zero(void *dst, size_t n);
/* dst and src must not overlap. Word speed when both share their alignment
 * modulo 8 (the usual case: page-aligned images), byte speed otherwise. */
void mem_copy(void *dst, const void *src, size_t n);

#endif
