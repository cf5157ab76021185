/* Just enough flattened-devicetree reading for the guests: a property by
 * path, and the reg entries of a node's children. */
#ifndef GUEST_FDT_H
#define GUEST_FDT_H

#include <stdbool.h>
#include <stdint.h>

struct fdt_range {
	unsigned long base, size;
};

bool fdt_valid(const void *fdt);
unsigned long fdt_totalsize(const void *fdt);
/* Big-endian number of ncells 32-bit cells (1 or 2). */
unsigned long fdt_cells(const void *p, unsigned ncells);
/* Property prop of the node at path ("/cpus"). A path component also matches
 * a node named "component@unit". NULL if absent. */
const void *fdt_prop(const void *fdt, const char *path, const char *prop, unsigned *len);
/* Every (address, size) of the reg of each child of parent whose name is
 * prefix or prefix@unit (every child if prefix is ""), decoded with the parent's #address-cells and
 * #size-cells. Returns how many, at most max are stored. */
int fdt_child_regs(const void *fdt, const char *parent, const char *prefix,
		   struct fdt_range *out, int max);

#endif
