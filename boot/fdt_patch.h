/* Rewrites a DTB: copies a template, replacing or adding properties. Used to build the
 * device tree a guest boots with from guest/guest.dts. */
#ifndef BOOT_FDT_PATCH_H
#define BOOT_FDT_PATCH_H
#include <stddef.h>
#include <stdint.h>

struct fdt_patch_op {
	const char *path;  /* node, e.g. "/memory@80000000" (or "/memory") */
	const char *prop;  /* property name; added to the node when it has none;
	                    * NULL: the node and everything below it are left out */
	const void *val;   /* new value, any length (NULL when len is 0) */
	uint32_t len;
};

#define FDT_PATCH_MAX_OPS 16

/* Copies the template (checked with fdt_open, so never read past tmpl_size) into out,
 * which must not overlap it, applying ops. Each op names a distinct property or node;
 * a node left out takes the ops on its properties with it. The
 * output is a compact DTB (header, memreserve block, structure, strings; version 17,
 * last compatible 16). Returns its size, or FDT_ERR_NOSPACE when out_cap is too small,
 * FDT_ERR_NOTFOUND for a missing node, FDT_ERR_BADARG for bad ops, or the template's
 * fdt_open error. */
int fdt_patch(const void *tmpl, size_t tmpl_size, void *out, size_t out_cap,
	      const struct fdt_patch_op *ops, int n_ops);

#endif
