#include <string.h>

#include "fdt.h"

#define FDT_MAGIC      0xd00dfeed
#define FDT_BEGIN_NODE 1
#define FDT_END_NODE   2
#define FDT_PROP       3
#define FDT_NOP        4
#define FDT_END        9
#define MAX_DEPTH      8

struct fdt_header {
	uint32_t magic, totalsize, off_dt_struct, off_dt_strings, off_mem_rsvmap,
		 version, last_comp_version, boot_cpuid_phys, size_dt_strings,
		 size_dt_struct;
};

static uint32_t be32(const void *p)
{
	const uint8_t *b = p;
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

bool fdt_valid(const void *fdt)
{
	return fdt && be32(&((const struct fdt_header *)fdt)->magic) == FDT_MAGIC;
}

unsigned long fdt_totalsize(const void *fdt)
{
	return be32(&((const struct fdt_header *)fdt)->totalsize);
}

unsigned long fdt_cells(const void *p, unsigned ncells)
{
	const uint8_t *b = p;
	unsigned long v = 0;

	while (ncells--) {
		v = v << 32 | be32(b);
		b += 4;
	}
	return v;
}

/* Walks the structure block one property at a time, keeping the names of the
 * enclosing nodes: names[0] is the root, names[depth] the property's node. */
struct walker {
	const uint8_t *p, *end;
	const char *strings;
	int depth;
	const char *names[MAX_DEPTH];
};

static void walker_init(struct walker *w, const void *fdt)
{
	const struct fdt_header *h = fdt;
	const uint8_t *base = fdt;

	w->p = base + be32(&h->off_dt_struct);
	w->end = w->p + be32(&h->size_dt_struct);
	w->strings = (const char *)base + be32(&h->off_dt_strings);
	w->depth = -1;
}

static bool next_prop(struct walker *w, const char **name, const void **val, unsigned *len)
{
	while (w->p + 4 <= w->end) {
		uint32_t tok = be32(w->p);

		w->p += 4;
		switch (tok) {
		case FDT_BEGIN_NODE: {
			const char *n = (const char *)w->p;
			w->p += (strlen(n) + 4) & ~3UL;
			if (++w->depth < MAX_DEPTH)
				w->names[w->depth] = n;
			break;
		}
		case FDT_END_NODE:
			w->depth--;
			break;
		case FDT_PROP:
			*len = be32(w->p);
			*name = w->strings + be32(w->p + 4);
			*val = w->p + 8;
			w->p += 8 + ((*len + 3) & ~3U);
			if (w->depth < MAX_DEPTH)
				return true;
			break;
		case FDT_NOP:
			break;
		default:	/* FDT_END or garbage */
			return false;
		}
	}
	return false;
}

static bool name_matches(const char *node, const char *want, size_t want_len)
{
	return !strncmp(node, want, want_len) &&
	       (node[want_len] == '\0' || node[want_len] == '@');
}

/* Is the node at depth the one at path ("/", "/cpus", "/a/b")? */
static bool at_path(const struct walker *w, int depth, const char *path)
{
	int d = 0;

	while (*path == '/')
		path++;
	while (*path) {
		size_t n = strcspn(path, "/");
		if (++d > depth || !name_matches(w->names[d], path, n))
			return false;
		path += n;
		while (*path == '/')
			path++;
	}
	return d == depth;
}

const void *fdt_prop(const void *fdt, const char *path, const char *prop, unsigned *len)
{
	struct walker w;
	const char *name;
	const void *val;

	if (!fdt_valid(fdt))
		return NULL;
	walker_init(&w, fdt);
	while (next_prop(&w, &name, &val, len))
		if (!strcmp(name, prop) && at_path(&w, w.depth, path))
			return val;
	return NULL;
}

int fdt_child_regs(const void *fdt, const char *parent, const char *prefix,
		   struct fdt_range *out, int max)
{
	unsigned acells = 2, scells = 1, len;	/* devicetree spec defaults */
	struct walker w;
	const char *name;
	const void *val;
	int found = 0;

	if (!fdt_valid(fdt))
		return 0;
	walker_init(&w, fdt);
	/* A node's properties come before its children, so the parent's cell
	 * counts are known by the time its children's reg show up. */
	while (next_prop(&w, &name, &val, &len)) {
		if (at_path(&w, w.depth, parent)) {
			if (!strcmp(name, "#address-cells"))
				acells = be32(val);
			else if (!strcmp(name, "#size-cells"))
				scells = be32(val);
		} else if (w.depth >= 1 && !strcmp(name, "reg") &&
			   at_path(&w, w.depth - 1, parent) &&
			   (!*prefix || name_matches(w.names[w.depth], prefix, strlen(prefix)))) {
			unsigned entry = (acells + scells) * 4;
			for (unsigned off = 0; entry && off + entry <= len; off += entry) {
				if (found < max) {
					out[found].base = fdt_cells((const uint8_t *)val + off, acells);
					out[found].size = fdt_cells((const uint8_t *)val + off + acells * 4, scells);
				}
				found++;
			}
		}
	}
	return found;
}
