#include "boot/fdt.h"
#include <string.h>

/* ---- Low level: header, tokens, lookups. */

/* Offsets are returned as int (negative = error), so blobs are capped below 2 GiB. */
#define FDT_MAX_TOTAL 0x7fffffffu

static bool block_inside(uint32_t off, uint32_t size, uint32_t total)
{
	return off >= FDT_HEADER_SIZE && off <= total && size <= total - off;
}

/* The NUL-terminated string at `off` in the strings block, or NULL. */
static const char *string_at(const struct fdt *f, uint32_t off)
{
	const uint8_t *tab = f->b + f->off_strings;

	if (off >= f->size_strings || !memchr(tab + off, 0, f->size_strings - off))
		return NULL;
	return (const char *)(tab + off);
}

/* Bounds a node name or property value, with the padding that 4-aligns the next
 * token: all of it must lie inside the block (in a valid tree another token always
 * follows). Computed in 64 bits, so a huge property length cannot wrap. */
static int set_next(const struct fdt *f, struct fdt_token *t, uint64_t end)
{
	uint64_t next = (end + 3) & ~(uint64_t)3;

	if (next > f->size_struct)
		return FDT_ERR_BADSTRUCT;
	t->next = (uint32_t)next;
	return 0;
}

int fdt_next_token(const struct fdt *f, uint32_t off, struct fdt_token *t)
{
	const uint8_t *s = f->b + f->off_struct;
	const uint8_t *nul;
	uint32_t room;

	if (off > f->size_struct || f->size_struct - off < 4)
		return FDT_ERR_BADSTRUCT;
	room = f->size_struct - off - 4; /* bytes after the tag */
	memset(t, 0, sizeof(*t));
	t->off = off;
	t->tag = fdt_be32(s + off);
	switch (t->tag) {
	case FDT_BEGIN_NODE:
		nul = memchr(s + off + 4, 0, room);
		if (!nul)
			return FDT_ERR_BADSTRUCT;
		t->name = (const char *)(s + off + 4);
		return set_next(f, t, (uint64_t)(nul - s) + 1);
	case FDT_PROP:
		if (room < 8)
			return FDT_ERR_BADSTRUCT;
		t->len = fdt_be32(s + off + 4);
		t->nameoff = fdt_be32(s + off + 8);
		t->val = s + off + 12;
		t->name = string_at(f, t->nameoff);
		if (!t->name)
			return FDT_ERR_BADSTRING;
		return set_next(f, t, (uint64_t)off + 12 + t->len);
	case FDT_END_NODE:
	case FDT_NOP:
	case FDT_END:
		t->next = off + 4;
		return 0;
	default:
		return FDT_ERR_BADSTRUCT;
	}
}

/* The memreserve block has no size field: find its (0, 0) terminator within the blob. */
static int measure_rsvmap(struct fdt *f)
{
	for (uint32_t off = f->off_rsvmap; f->total - off >= 16; off += 16) {
		const uint8_t *e = f->b + off;

		if (fdt_be64(e) == 0 && fdt_be64(e + 8) == 0) {
			f->size_rsvmap = off - f->off_rsvmap + 16;
			return 0;
		}
	}
	return FDT_ERR_BADLAYOUT;
}

/* One pass over every token, so later lookups only ever meet a well-formed tree:
 * one root, balanced nodes, properties before subnodes (DT spec 5.4.1; the property
 * lookups stop at the first subnode), bounded depth, then FDT_END. */
static int check_structure(struct fdt *f)
{
	struct fdt_token t;
	uint32_t off = 0, prev = FDT_END;
	int depth = 0;
	bool seen_root = false;

	for (;; off = t.next) {
		int err = fdt_next_token(f, off, &t);

		if (err)
			return err;
		switch (t.tag) {
		case FDT_BEGIN_NODE:
			if (depth == 0) {
				if (seen_root)
					return FDT_ERR_BADSTRUCT;
				seen_root = true;
				f->root = off;
			}
			if (++depth > FDT_MAX_DEPTH)
				return FDT_ERR_DEPTH;
			break;
		case FDT_PROP:
			if (prev != FDT_BEGIN_NODE && prev != FDT_PROP)
				return FDT_ERR_BADSTRUCT;
			break;
		case FDT_END_NODE:
			if (depth-- == 0)
				return FDT_ERR_BADSTRUCT;
			break;
		case FDT_END:
			return seen_root && depth == 0 ? 0 : FDT_ERR_BADSTRUCT;
		}
		if (t.tag != FDT_NOP)
			prev = t.tag;
	}
}

int fdt_open(struct fdt *f, const void *blob, size_t max_size)
{
	const uint8_t *b = blob;
	uint32_t version;
	int err;

	memset(f, 0, sizeof(*f));
	if (!b || max_size < FDT_HEADER_SIZE)
		return FDT_ERR_TRUNCATED;
	if (fdt_be32(b + FDT_HDR_MAGIC) != FDT_MAGIC)
		return FDT_ERR_BADMAGIC;
	f->b = b;
	f->total = fdt_be32(b + FDT_HDR_TOTALSIZE);
	if (f->total < FDT_HEADER_SIZE || f->total > FDT_MAX_TOTAL)
		return FDT_ERR_BADLAYOUT;
	if (f->total > max_size)
		return FDT_ERR_TRUNCATED;
	/* 16 is the oldest layout read here; a blob readable only by newer code is refused. */
	version = fdt_be32(b + FDT_HDR_VERSION);
	if (version < 16 || fdt_be32(b + FDT_HDR_LAST_COMP) > 17)
		return FDT_ERR_BADVERSION;
	f->off_rsvmap = fdt_be32(b + FDT_HDR_OFF_RSVMAP);
	f->off_struct = fdt_be32(b + FDT_HDR_OFF_STRUCT);
	f->off_strings = fdt_be32(b + FDT_HDR_OFF_STRINGS);
	f->size_strings = fdt_be32(b + FDT_HDR_SIZE_STRINGS);
	if (f->off_struct > f->total)
		return FDT_ERR_BADLAYOUT;
	/* Version 16 has no struct size: the block may extend to the end of the blob. */
	f->size_struct = version >= 17 ? fdt_be32(b + FDT_HDR_SIZE_STRUCT)
				       : f->total - f->off_struct;
	if (!block_inside(f->off_struct, f->size_struct, f->total) ||
	    !block_inside(f->off_strings, f->size_strings, f->total) ||
	    !block_inside(f->off_rsvmap, 0, f->total) ||
	    f->off_struct % 4 || f->off_rsvmap % 8)
		return FDT_ERR_BADLAYOUT;
	err = measure_rsvmap(f);
	return err ? err : check_structure(f);
}

int fdt_find_prop(const struct fdt *f, uint32_t node, const char *name, struct fdt_token *t)
{
	int err = fdt_next_token(f, node, t);

	if (err)
		return err;
	if (t->tag != FDT_BEGIN_NODE)
		return FDT_ERR_BADARG;
	for (;;) {
		err = fdt_next_token(f, t->next, t);
		if (err)
			return err;
		if (t->tag == FDT_PROP && strcmp(t->name, name) == 0)
			return 0;
		if (t->tag != FDT_PROP && t->tag != FDT_NOP)
			return FDT_ERR_NOTFOUND;
	}
}

const uint8_t *fdt_getprop(const struct fdt *f, uint32_t node, const char *name, uint32_t *len)
{
	struct fdt_token t;

	if (fdt_find_prop(f, node, name, &t))
		return NULL;
	*len = t.len;
	return t.val;
}

/* Path component `comp` (n bytes, not NUL-terminated) names `node_name` exactly, or
 * without its unit address ("memory" names "memory@80000000"). */
static bool name_matches(const char *node_name, const char *comp, size_t n)
{
	size_t len = strlen(node_name);

	if (len < n || memcmp(node_name, comp, n) != 0)
		return false;
	return len == n || (node_name[n] == '@' && !memchr(comp, '@', n));
}

int fdt_next_child(const struct fdt *f, uint32_t node, uint32_t prev)
{
	struct fdt_token t;
	/* Nodes open below the children's level: inside prev's subtree, or none. */
	int depth = prev == node ? 0 : 1;
	int err = fdt_next_token(f, prev, &t);

	if (!err && t.tag != FDT_BEGIN_NODE)
		return FDT_ERR_BADARG;
	while (!err) {
		err = fdt_next_token(f, t.next, &t);
		if (err)
			break;
		if (t.tag == FDT_BEGIN_NODE) {
			if (depth == 0)
				return (int)t.off;
			depth++;
		} else if (t.tag == FDT_END_NODE) {
			if (depth-- == 0)
				return FDT_ERR_NOTFOUND;
		} else if (t.tag == FDT_END) {
			return FDT_ERR_NOTFOUND;
		}
	}
	return err;
}

int fdt_subnode_offset(const struct fdt *f, uint32_t node, const char *comp, size_t n)
{
	struct fdt_token t;
	int child = fdt_next_child(f, node, node);

	for (; child >= 0; child = fdt_next_child(f, node, (uint32_t)child)) {
		int err = fdt_next_token(f, (uint32_t)child, &t);
		if (err)
			return err;
		if (name_matches(t.name, comp, n))
			return child;
	}
	return child;
}

int fdt_path_offset(const struct fdt *f, const char *path, size_t len)
{
	uint32_t node = f->root;
	size_t i = 0;

	if (len == 0 || path[0] != '/')
		return FDT_ERR_NOTFOUND;
	while (i < len) {
		size_t start;
		int child;

		while (i < len && path[i] == '/')
			i++;
		start = i;
		while (i < len && path[i] != '/')
			i++;
		if (i == start)
			break;
		child = fdt_subnode_offset(f, node, path + start, i - start);
		if (child < 0)
			return child;
		node = (uint32_t)child;
	}
	return (int)node;
}

/* ---- Typed property reads. A property this parser relies on that is present but
 * malformed makes the whole parse fail with FDT_ERR_BADVALUE. */

/* *s = the string value, or NULL when absent. */
static int get_string(const struct fdt *f, uint32_t node, const char *name, const char **s)
{
	uint32_t len;
	const uint8_t *v = fdt_getprop(f, node, name, &len);

	*s = NULL;
	if (!v)
		return 0;
	if (len == 0 || v[len - 1] != '\0')
		return FDT_ERR_BADVALUE;
	*s = (const char *)v;
	return 0;
}

static bool string_is(const struct fdt *f, uint32_t node, const char *name, const char *want)
{
	const char *s;

	return get_string(f, node, name, &s) == 0 && s && strcmp(s, want) == 0;
}

/* True when the string list property (e.g. compatible) holds `want`. */
static bool list_has(const struct fdt *f, uint32_t node, const char *name, const char *want)
{
	uint32_t len, i = 0;
	const uint8_t *v = fdt_getprop(f, node, name, &len);

	if (!v || len == 0 || v[len - 1] != '\0')
		return false;
	while (i < len) {
		const char *s = (const char *)v + i;

		if (strcmp(s, want) == 0)
			return true;
		i += (uint32_t)strlen(s) + 1;
	}
	return false;
}

/* A one- or two-cell number no larger than `max`: 0, FDT_ERR_NOTFOUND or FDT_ERR_BADVALUE. */
static int get_number(const struct fdt *f, uint32_t node, const char *name, uint64_t max,
		      uint64_t *out)
{
	uint32_t len;
	const uint8_t *v = fdt_getprop(f, node, name, &len);

	if (!v)
		return FDT_ERR_NOTFOUND;
	if (len == 4)
		*out = fdt_be32(v);
	else if (len == 8)
		*out = fdt_be64(v);
	else
		return FDT_ERR_BADVALUE;
	return *out <= max ? 0 : FDT_ERR_BADVALUE;
}

static int get_number_or(const struct fdt *f, uint32_t node, const char *name, uint64_t max,
			 uint64_t dflt, uint64_t *out)
{
	int err = get_number(f, node, name, max, out);

	if (err == FDT_ERR_NOTFOUND) {
		*out = dflt;
		return 0;
	}
	return err;
}

/* ---- The walk: every node in document order, with the cells its parent gives it. */

struct frame {
	uint32_t node;
	const char *name;
	uint32_t ac, sc; /* #address-cells / #size-cells this node gives its children */
};

struct parse {
	const struct fdt *f;
	struct fdt_info *out;
	int uart_node;     /* node named by stdout-path, or negative */
	bool devices_only; /* fdt_parse_devices: UART and finisher, errors skipped */
	const char *at;    /* the node being read, for fdt_info.err_node */
};

/* Spec defaults when a bus does not say: 2 address cells, 1 size cell. A malformed
 * value only matters if a child's reg is read, so it is kept as a value reg_count()
 * refuses rather than failing nodes nobody looks at. */
static uint32_t cells_of(const struct fdt *f, uint32_t node, const char *name, uint32_t dflt)
{
	uint64_t v;
	int err = get_number_or(f, node, name, UINT32_MAX, dflt, &v);

	return err ? UINT32_MAX : (uint32_t)v;
}

static void enter_node(const struct fdt *f, struct frame *fr, const struct fdt_token *t)
{
	fr->node = t->off;
	fr->name = t->name;
	fr->ac = cells_of(f, t->off, "#address-cells", 2);
	fr->sc = cells_of(f, t->off, "#size-cells", 1);
}

/* Number of (address, size) entries in a reg value on `bus`, or FDT_ERR_BADVALUE. Only
 * 1- or 2-cell addresses fit the 64-bit ranges used here. */
static int reg_count(const struct frame *bus, uint32_t len)
{
	uint32_t stride;

	if (bus->ac < 1 || bus->ac > 2 || bus->sc > 2)
		return FDT_ERR_BADVALUE;
	stride = (bus->ac + bus->sc) * 4;
	return len % stride ? FDT_ERR_BADVALUE : (int)(len / stride);
}

static uint64_t read_cells(const uint8_t *p, uint32_t n)
{
	return n == 2 ? fdt_be64(p) : n == 1 ? fdt_be32(p) : 0;
}

static struct fdt_range reg_entry(const uint8_t *v, const struct frame *bus, int i)
{
	const uint8_t *e = v + (size_t)i * (bus->ac + bus->sc) * 4;

	return (struct fdt_range){ .base = read_cells(e, bus->ac),
				   .size = read_cells(e + bus->ac * 4, bus->sc) };
}

/* The first reg entry; a node used here without one is malformed. */
static int first_reg(const struct fdt *f, const struct frame *n, const struct frame *bus,
		     struct fdt_range *r)
{
	uint32_t len;
	const uint8_t *v = fdt_getprop(f, n->node, "reg", &len);
	int cnt;

	if (!v)
		return FDT_ERR_BADVALUE;
	cnt = reg_count(bus, len);
	if (cnt < 0)
		return cnt;
	if (cnt == 0)
		return FDT_ERR_BADVALUE;
	*r = reg_entry(v, bus, 0);
	return 0;
}

#define CAPACITY(tab) ((int)(sizeof(tab) / sizeof((tab)[0])))

/* Appends r, unless empty, to a table of `cap` entries. When the table is full,
 * `must_fit` decides: FDT_ERR_NOSPACE, or drop r and keep the first entries. */
static int table_add(struct fdt_range *tab, int *count, int cap, struct fdt_range r,
		     bool must_fit)
{
	if (r.size == 0)
		return 0;
	if (*count == cap)
		return must_fit ? FDT_ERR_NOSPACE : 0;
	tab[(*count)++] = r;
	return 0;
}

/* Appends every reg entry of the node to the table. */
static int add_reg(const struct fdt *f, const struct frame *n, const struct frame *bus,
		   struct fdt_range *tab, int *count, int cap, bool must_fit)
{
	uint32_t len;
	const uint8_t *v = fdt_getprop(f, n->node, "reg", &len);
	int cnt = v ? reg_count(bus, len) : 0;
	int err = cnt < 0 ? cnt : 0;

	for (int i = 0; !err && i < cnt; i++)
		err = table_add(tab, count, cap, reg_entry(v, bus, i), must_fit);
	return err;
}

static int read_memreserve(const struct fdt *f, struct fdt_info *out)
{
	int err = 0;

	for (uint32_t off = f->off_rsvmap; !err && off - f->off_rsvmap + 16 < f->size_rsvmap;
	     off += 16) {
		struct fdt_range r = { fdt_be64(f->b + off), fdt_be64(f->b + off + 8) };

		err = table_add(out->rsv, &out->n_rsv, CAPACITY(out->rsv), r, true);
	}
	return err;
}

/* The current binding's riscv,isa-base + riscv,isa-extensions when both are there,
 * else the older riscv,isa. A hart with neither keeps xlen 0: it is simply not
 * used, as a hart without H is not. */
static int read_isa(const struct fdt *f, uint32_t node, struct fdt_cpu *c)
{
	const char *base;
	const uint8_t *list;
	uint32_t len;
	int err = get_string(f, node, "riscv,isa", &c->isa_string);

	if (!err)
		err = get_string(f, node, "riscv,isa-base", &base);
	if (err)
		return err;
	list = fdt_getprop(f, node, "riscv,isa-extensions", &len);
	if (base && list)
		return isa_from_list(&c->isa, base, (const char *)list, len) ? FDT_ERR_BADVALUE : 0;
	if (c->isa_string)
		isa_from_string(&c->isa, c->isa_string);
	return 0;
}

static int read_cpu(struct parse *p, const struct frame *n, const struct frame *cpus)
{
	struct fdt_info *out = p->out;
	struct fdt_cpu *c;
	const char *status;
	struct fdt_range reg;
	uint64_t tb;
	int err;

	if (!string_is(p->f, n->node, "device_type", "cpu"))
		return 0; /* e.g. cpu-map */
	if (out->timebase == 0) {
		err = get_number_or(p->f, n->node, "timebase-frequency", UINT32_MAX, 0, &tb);
		if (err)
			return err;
		out->timebase = (uint32_t)tb;
	}
	if (out->n_cpu == CAPACITY(out->cpu))
		return 0;
	c = &out->cpu[out->n_cpu];
	err = first_reg(p->f, n, cpus, &reg);
	if (!err && reg.base > UINT32_MAX)
		err = FDT_ERR_BADVALUE;
	if (!err)
		err = read_isa(p->f, n->node, c);
	if (!err)
		err = get_string(p->f, n->node, "status", &status);
	if (err)
		return err;
	c->hartid = (uint32_t)reg.base;
	c->okay = !status || strcmp(status, "okay") == 0 || strcmp(status, "ok") == 0;
	out->n_cpu++;
	return 0;
}

static int read_uart(struct parse *p, const struct frame *n, const struct frame *bus)
{
	struct fdt_uart *u = &p->out->uart;
	struct fdt_range reg;
	uint64_t shift, width;
	int err;

	/* A DesignWare APB UART is a 16550 with 32-bit registers, which its
	 * reg-shift and reg-io-width say. */
	if (!list_has(p->f, n->node, "compatible", "snps,dw-apb-uart") &&
	    !list_has(p->f, n->node, "compatible", "ns16550a") &&
	    !list_has(p->f, n->node, "compatible", "ns16550"))
		return 0; /* not a UART this hypervisor drives: console stays on SBI */
	err = first_reg(p->f, n, bus, &reg);
	if (!err)
		err = get_number_or(p->f, n->node, "reg-shift", 3, 0, &shift);
	if (!err)
		err = get_number_or(p->f, n->node, "reg-io-width", 4, 1, &width);
	if (!err && (width == 0 || width == 3))
		err = FDT_ERR_BADVALUE;
	if (err)
		return err;
	u->reg = reg;
	u->reg_shift = (uint32_t)shift;
	u->reg_io_width = (uint32_t)width;
	p->out->has_uart = true;
	return 0;
}

static int read_test_finisher(struct parse *p, const struct frame *n, const struct frame *bus)
{
	struct fdt_range reg;
	int err;

	if (!list_has(p->f, n->node, "compatible", "sifive,test0") &&
	    !list_has(p->f, n->node, "compatible", "sifive,test1"))
		return 0;
	err = first_reg(p->f, n, bus, &reg);
	if (err)
		return err;
	p->out->test_finisher = reg;
	p->out->has_test_finisher = true;
	return 0;
}

static int visit(struct parse *p, const struct frame *st, int depth)
{
	const struct frame *n = &st[depth], *parent = depth > 0 ? &st[depth - 1] : NULL;
	struct fdt_info *out = p->out;
	uint64_t tb;
	int err = 0;

	if (!parent)
		return 0;
	p->at = n->name;
	if (p->devices_only) {
		/* A malformed UART or finisher node is one the run cannot use: it is
		 * skipped (each read sets its has_ flag only once all is well). */
		if ((int)n->node == p->uart_node)
			(void)read_uart(p, n, parent);
		if (!out->has_test_finisher)
			(void)read_test_finisher(p, n, parent);
		return 0;
	}
	if (depth == 1 && string_is(p->f, n->node, "device_type", "memory"))
		err = add_reg(p->f, n, parent, out->mem, &out->n_mem, CAPACITY(out->mem), false);
	/* Children with only `size` are allocation requests for the OS, which the
	 * hypervisor is here: nothing sits there yet, so only reg entries count. */
	else if (depth == 2 && strcmp(parent->name, "reserved-memory") == 0)
		err = add_reg(p->f, n, parent, out->rsv, &out->n_rsv, CAPACITY(out->rsv), true);
	else if (depth == 1 && strcmp(n->name, "cpus") == 0) {
		err = get_number_or(p->f, n->node, "timebase-frequency", UINT32_MAX, 0, &tb);
		if (!err)
			out->timebase = (uint32_t)tb;
	} else if (depth == 2 && strcmp(parent->name, "cpus") == 0)
		err = read_cpu(p, n, parent);
	if (!err && (int)n->node == p->uart_node)
		err = read_uart(p, n, parent);
	if (!err && !out->has_test_finisher)
		err = read_test_finisher(p, n, parent);
	return err;
}

/* fdt_open already vouched for depth and structure; the walk checks again anyway
 * because a mistake there would write past st[] on the boot stack. */
static int walk(struct parse *p)
{
	struct frame st[FDT_MAX_DEPTH];
	struct fdt_token t;
	uint32_t off = p->f->root;
	int depth = -1;

	do {
		int err = fdt_next_token(p->f, off, &t);

		if (!err && t.tag == FDT_BEGIN_NODE) {
			if (++depth >= FDT_MAX_DEPTH)
				return FDT_ERR_DEPTH;
			enter_node(p->f, &st[depth], &t);
			err = visit(p, st, depth);
		} else if (!err && t.tag == FDT_END_NODE) {
			depth--;
		} else if (!err && t.tag == FDT_END) {
			err = FDT_ERR_BADSTRUCT;
		}
		if (err)
			return err;
		off = t.next;
	} while (depth >= 0);
	return 0;
}

/* ---- /chosen */

/* stdout-path is "/path[:options]" or "alias[:options]" with the alias in /aliases. */
static int find_stdout(const struct fdt *f, uint32_t chosen, int *node)
{
	char alias[32]; /* property names are at most 31 characters (DT spec 2.2.4) */
	const char *path;
	size_t len;
	int aliases, err;

	*node = FDT_ERR_NOTFOUND;
	err = get_string(f, chosen, "stdout-path", &path);
	if (err || !path)
		return err;
	len = strcspn(path, ":");
	if (path[0] != '/') {
		aliases = fdt_path_offset(f, "/aliases", 8);
		if (aliases < 0 || len >= sizeof(alias))
			return 0;
		memcpy(alias, path, len);
		alias[len] = '\0';
		err = get_string(f, (uint32_t)aliases, alias, &path);
		if (err || !path)
			return err;
		len = strcspn(path, ":");
	}
	*node = fdt_path_offset(f, path, len);
	return 0;
}

static int read_initrd(const struct fdt *f, uint32_t chosen, struct fdt_info *out)
{
	int e1 = get_number(f, chosen, "linux,initrd-start", UINT64_MAX, &out->initrd_start);
	int e2 = get_number(f, chosen, "linux,initrd-end", UINT64_MAX, &out->initrd_end);

	if (e1 == FDT_ERR_NOTFOUND && e2 == FDT_ERR_NOTFOUND) {
		out->initrd_start = out->initrd_end = 0;
		return 0;
	}
	/* Only one of the two, or end before start, cannot be used. */
	if (e1 || e2 || out->initrd_end < out->initrd_start)
		return FDT_ERR_BADVALUE;
	out->has_initrd = true;
	return 0;
}

static int read_chosen(struct parse *p)
{
	int chosen = fdt_path_offset(p->f, "/chosen", 7);
	int err;

	if (chosen == FDT_ERR_NOTFOUND)
		return 0;
	if (chosen < 0)
		return chosen;
	err = get_string(p->f, (uint32_t)chosen, "bootargs", &p->out->bootargs);
	if (!err)
		err = read_initrd(p->f, (uint32_t)chosen, p->out);
	if (!err)
		err = find_stdout(p->f, (uint32_t)chosen, &p->uart_node);
	return err;
}

int fdt_parse(const void *blob, size_t max_size, struct fdt_info *out)
{
	struct fdt f;
	struct parse p = { .f = &f, .out = out, .uart_node = FDT_ERR_NOTFOUND };
	int err;

	memset(out, 0, sizeof(*out));
	err = fdt_open(&f, blob, max_size);
	if (!err) {
		p.at = "/memreserve/";
		err = read_memreserve(&f, out);
	}
	if (!err) {
		p.at = "chosen";
		err = read_chosen(&p);
	}
	if (!err)
		err = walk(&p);
	if (err) {
		memset(out, 0, sizeof(*out)); /* never leave half-parsed facts behind */
		out->err_node = p.at;
	} else if (!out->bootargs)
		out->bootargs = "";
	return err;
}

int fdt_parse_devices(const void *blob, size_t max_size, struct fdt_info *out)
{
	struct fdt f;
	struct parse p = { .f = &f, .out = out, .uart_node = FDT_ERR_NOTFOUND, .devices_only = true };
	int chosen, err;

	memset(out, 0, sizeof(*out));
	err = fdt_open(&f, blob, max_size);
	if (err)
		return err;
	chosen = fdt_path_offset(&f, "/chosen", 7);
	if (chosen >= 0 && find_stdout(&f, (uint32_t)chosen, &p.uart_node))
		p.uart_node = FDT_ERR_NOTFOUND;
	return walk(&p);
}

const char *fdt_strerror(int err)
{
	switch (err) {
	case 0: return "ok";
	case FDT_ERR_TRUNCATED: return "device tree truncated (larger than the space given)";
	case FDT_ERR_BADMAGIC: return "not a device tree (bad magic)";
	case FDT_ERR_BADVERSION: return "unsupported device tree version";
	case FDT_ERR_BADLAYOUT: return "device tree header offsets or sizes inconsistent";
	case FDT_ERR_BADSTRUCT: return "device tree structure block corrupt";
	case FDT_ERR_BADSTRING: return "device tree property name outside the strings block";
	case FDT_ERR_DEPTH: return "device tree nodes nested too deep";
	case FDT_ERR_BADVALUE: return "device tree property malformed or missing";
	case FDT_ERR_NOSPACE: return "device tree does not fit (buffer or table full)";
	case FDT_ERR_NOTFOUND: return "device tree node or property not found";
	case FDT_ERR_BADARG: return "bad device tree operation";
	default: return "unknown device tree error";
	}
}
