#include "boot/memcheck.h"
#include <stdio.h>

bool range_overlaps(struct fdt_range a, struct fdt_range b)
{
	/* Ends are below 2^64 (memcheck_ranges checks that first). */
	return a.base < b.base + b.size && b.base < a.base + a.size;
}

static unsigned long long ull(uint64_t v)
{
	return (unsigned long long)v;
}

int memcheck_ranges(struct fdt_range *mem, int *n, uint64_t pa_end, char *why, size_t why_len)
{
	int clipped = 0, kept = 0;

	for (int i = 0; i < *n; i++) {
		if (mem[i].size > UINT64_MAX - mem[i].base) {
			snprintf(why, why_len, "memory range %#llx+%#llx wraps past the end of the address space: fix its reg in the device tree",
				 ull(mem[i].base), ull(mem[i].size));
			return -1;
		}
		for (int j = 0; j < i; j++) {
			if (range_overlaps(mem[i], mem[j])) {
				snprintf(why, why_len, "memory ranges %#llx+%#llx and %#llx+%#llx overlap: fix the memory nodes of the device tree",
					 ull(mem[j].base), ull(mem[j].size), ull(mem[i].base), ull(mem[i].size));
				return -1;
			}
		}
	}
	for (int i = 0; i < *n; i++) {
		struct fdt_range r = mem[i];

		if (r.base + r.size > pa_end) {
			if (!clipped++)
				snprintf(why, why_len, "memory range %#llx+%#llx reaches past the %#llx bytes of physical address space; using only what lies below",
					 ull(r.base), ull(r.size), ull(pa_end));
			r.size = r.base < pa_end ? pa_end - r.base : 0;
		}
		if (r.size)
			mem[kept++] = r;
	}
	*n = kept;
	return clipped ? 1 : 0;
}
