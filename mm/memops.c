#include "mm/memops.h"
#include <stdint.h>

/* GCC would turn these loops back into calls of the very memset/memcpy they replace. */
#define NO_LIBCALL __attribute__((optimize("no-tree-loop-distribute-patterns")))

#define WORD        sizeof(uint64_t)
#define BLOCK       (16 * WORD)   /* per iteration: 16 stores and 2-3 loop instructions */
#define MISALIGN(p) ((uintptr_t)(p) & (WORD - 1))

NO_LIBCALL void mem_zero(void *dst, size_t n)
{
	uint8_t *d = dst;
	for (; n && MISALIGN(d); n--)
		*d++ = 0;
	uint64_t *w = (uint64_t *)d;
	for (; n >= BLOCK; n -= BLOCK, w += BLOCK / WORD)
#pragma GCC unroll 16
		for (unsigned i = 0; i < BLOCK / WORD; i++)
			w[i] = 0;
	for (; n >= WORD; n -= WORD)
		*w++ = 0;
	for (d = (uint8_t *)w; n; n--)
		*d++ = 0;
}

NO_LIBCALL void mem_copy(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;
	if (MISALIGN(d) == MISALIGN(s)) {
		for (; n && MISALIGN(d); n--)
			*d++ = *s++;
		uint64_t *wd = (uint64_t *)d;
		const uint64_t *ws = (const uint64_t *)s;
		for (; n >= BLOCK; n -= BLOCK, wd += BLOCK / WORD, ws += BLOCK / WORD)
#pragma GCC unroll 16
			for (unsigned i = 0; i < BLOCK / WORD; i++)
				wd[i] = ws[i];
		for (; n >= WORD; n -= WORD)
			*wd++ = *ws++;
		d = (uint8_t *)wd;
		s = (const uint8_t *)ws;
	}
	for (; n; n--)
		*d++ = *s++;
}
