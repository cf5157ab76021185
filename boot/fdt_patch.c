#include "boot/fdt_patch.h"
#include "boot/fdt.h"
#include <string.h>

/* What one op does to the template's structure block. */
struct edit {
	uint32_t node;     /* the node the op targets */
	uint32_t at;       /* offset of the property to replace, or the token to insert before */
	bool replace;
	bool drop_node;    /* leave the node at `node` out */
	uint32_t nameoff;  /* of the property name in the output strings block */
	bool new_name;     /* the name is appended to the output strings block */
};

/* A bounded writer: every emit checks the space left. */
struct out {
	uint8_t *b;
	size_t cap, pos;
};

static bool emit(struct out *o, const void *src, size_t n)
{
	if (n > o->cap - o->pos)
		return false;
	if (n)
		memcpy(o->b + o->pos, src, n);
	o->pos += n;
	return true;
}

static bool emit_be32(struct out *o, uint32_t v)
{
	uint8_t b[4];

	fdt_put_be32(b, v);
	return emit(o, b, sizeof(b));
}

static bool emit_prop(struct out *o, const struct fdt_patch_op *op, uint32_t nameoff)
{
	static const uint8_t pad[3];

	return emit_be32(o, FDT_PROP) && emit_be32(o, op->len) && emit_be32(o, nameoff) &&
	       emit(o, op->val, op->len) && emit(o, pad, (4 - op->len % 4) % 4);
}

/* Any offset of the strings block where `s` (with its NUL) starts; dtc shares suffixes,
 * so that need not be the start of a stored string. */
static bool find_string(const struct fdt *f, const char *s, uint32_t *off)
{
	const uint8_t *tab = f->b + f->off_strings;
	size_t n = strlen(s) + 1;

	for (uint32_t i = 0; n <= f->size_strings && i <= f->size_strings - n; i++) {
		if (memcmp(tab + i, s, n) == 0) {
			*off = i;
			return true;
		}
	}
	return false;
}

/* Where op i's name lives in the output strings block: in the template's strings, or
 * appended after them (once per distinct new name). */
static void plan_name(const struct fdt *f, const struct fdt_patch_op *ops,
		      struct edit *e, int i, uint32_t *appended)
{
	if (find_string(f, ops[i].prop, &e[i].nameoff))
		return;
	for (int j = 0; j < i; j++) {
		if (e[j].new_name && strcmp(ops[j].prop, ops[i].prop) == 0) {
			e[i].nameoff = e[j].nameoff;
			return;
		}
	}
	e[i].new_name = true;
	e[i].nameoff = f->size_strings + *appended;
	*appended += (uint32_t)strlen(ops[i].prop) + 1;
}

static int plan(const struct fdt *f, const struct fdt_patch_op *ops, int n, struct edit *e)
{
	uint32_t appended = 0;

	for (int i = 0; i < n; i++) {
		const struct fdt_patch_op *op = &ops[i];
		struct fdt_token t;
		int node, err;

		if (!op->path || (op->prop && !op->prop[0]) || (op->len && !op->val))
			return FDT_ERR_BADARG;
		node = fdt_path_offset(f, op->path, strlen(op->path));
		if (node < 0)
			return node;
		if (!op->prop) {
			if ((uint32_t)node == f->root)
				return FDT_ERR_BADARG;
			e[i] = (struct edit){ .node = (uint32_t)node, .at = UINT32_MAX, .drop_node = true };
			continue;
		}
		err = fdt_find_prop(f, (uint32_t)node, op->prop, &t);
		if (err && err != FDT_ERR_NOTFOUND)
			return err;
		e[i] = (struct edit){ .node = (uint32_t)node, .at = t.off, .replace = !err };
		/* Two ops on one property (maybe via different paths) would emit it twice. */
		for (int j = 0; j < i; j++)
			if (e[j].node == e[i].node && ops[j].prop && strcmp(ops[j].prop, op->prop) == 0)
				return FDT_ERR_BADARG;
		plan_name(f, ops, e, i, &appended);
	}
	return 0;
}

static bool dropped(const struct edit *e, int n, uint32_t off)
{
	for (int i = 0; i < n; i++)
		if (e[i].drop_node && e[i].node == off)
			return true;
	return false;
}

/* Copies the structure block token by token, splicing in the edits. */
static int emit_struct(const struct fdt *f, const struct fdt_patch_op *ops, int n,
		       const struct edit *e, struct out *o)
{
	struct fdt_token t = { .next = 0 };
	unsigned skip_depth = 0; /* > 0 inside a node left out */

	do {
		bool replaced = false;
		int err = fdt_next_token(f, t.next, &t);

		if (err)
			return err;
		if (skip_depth || (t.tag == FDT_BEGIN_NODE && dropped(e, n, t.off))) {
			skip_depth += t.tag == FDT_BEGIN_NODE;
			skip_depth -= t.tag == FDT_END_NODE;
			continue;
		}
		for (int i = 0; i < n; i++) {
			if (e[i].at != t.off)
				continue;
			if (!emit_prop(o, &ops[i], e[i].nameoff))
				return FDT_ERR_NOSPACE;
			replaced |= e[i].replace;
		}
		if (!replaced && !emit(o, f->b + f->off_struct + t.off, t.next - t.off))
			return FDT_ERR_NOSPACE;
	} while (t.tag != FDT_END);
	return 0;
}

/* The template's strings, then each new name once (plan_name gave later ops with the
 * same name the first one's offset and no new_name). */
static int emit_strings(const struct fdt *f, const struct fdt_patch_op *ops, int n,
			const struct edit *e, struct out *o)
{
	if (!emit(o, f->b + f->off_strings, f->size_strings))
		return FDT_ERR_NOSPACE;
	for (int i = 0; i < n; i++)
		if (e[i].new_name && !emit(o, ops[i].prop, strlen(ops[i].prop) + 1))
			return FDT_ERR_NOSPACE;
	return 0;
}

static bool overlaps(const void *a, size_t an, const void *b, size_t bn)
{
	uintptr_t x = (uintptr_t)a, y = (uintptr_t)b;

	return x < y + bn && y < x + an;
}

int fdt_patch(const void *tmpl, size_t tmpl_size, void *out, size_t out_cap,
	      const struct fdt_patch_op *ops, int n_ops)
{
	struct edit e[FDT_PATCH_MAX_OPS];
	/* The size is returned as an int: never produce more than INT32_MAX bytes. */
	struct out o = { out, out_cap < 0x7fffffff ? out_cap : 0x7fffffff, 0 };
	uint32_t off_struct, off_strings;
	struct fdt f;
	int err;

	if (n_ops < 0 || n_ops > FDT_PATCH_MAX_OPS || (n_ops && !ops) || !out)
		return FDT_ERR_BADARG;
	err = fdt_open(&f, tmpl, tmpl_size);
	if (err)
		return err;
	if (overlaps(tmpl, f.total, out, o.cap))
		return FDT_ERR_BADARG;
	err = plan(&f, ops, n_ops, e);
	if (err)
		return err;
	/* The template's header (magic, boot cpu) stands in until the sizes are known. */
	if (!emit(&o, tmpl, FDT_HEADER_SIZE) || !emit(&o, f.b + f.off_rsvmap, f.size_rsvmap))
		return FDT_ERR_NOSPACE;
	off_struct = (uint32_t)o.pos;
	err = emit_struct(&f, ops, n_ops, e, &o);
	if (err)
		return err;
	off_strings = (uint32_t)o.pos;
	err = emit_strings(&f, ops, n_ops, e, &o);
	if (err)
		return err;
	fdt_put_be32(o.b + FDT_HDR_TOTALSIZE, (uint32_t)o.pos);
	fdt_put_be32(o.b + FDT_HDR_OFF_STRUCT, off_struct);
	fdt_put_be32(o.b + FDT_HDR_OFF_STRINGS, off_strings);
	fdt_put_be32(o.b + FDT_HDR_OFF_RSVMAP, FDT_HEADER_SIZE);
	fdt_put_be32(o.b + FDT_HDR_VERSION, 17);
	fdt_put_be32(o.b + FDT_HDR_LAST_COMP, 16);
	fdt_put_be32(o.b + FDT_HDR_SIZE_STRINGS, (uint32_t)o.pos - off_strings);
	fdt_put_be32(o.b + FDT_HDR_SIZE_STRUCT, off_strings - off_struct);
	return (int)o.pos;
}
