#include "hyp/fit.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "boot/fdt.h"
#include "hyp/crc32.h"
#include "hyp/sha1.h"
#include "hyp/sha256.h"

/* Property names and values follow U-Boot's doc/usage/fit/source_file_format.rst. */

struct fit_ctx {
	struct fdt f;
	const uint8_t *blob;
	uint64_t size;      /* the whole guest image: the FIT and its external data */
	char *why;
	size_t why_len;
};

static int refuse(struct fit_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int refuse(struct fit_ctx *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(c->why, c->why_len, fmt, ap);
	va_end(ap);
	return -1;
}

static void crc32_be(const void *data, size_t len, uint8_t *digest)
{
	fdt_put_be32(digest, crc32(data, len));  /* one big-endian cell, as mkimage writes it */
}

static const struct fit_algo {
	const char *name;
	unsigned size;
	void (*digest)(const void *data, size_t len, uint8_t *digest);
} algos[] = {
	{ "sha256", SHA256_DIGEST_SIZE, sha256 },
	{ "sha1", SHA1_DIGEST_SIZE, sha1 },
	{ "crc32", 4, crc32_be },
};
#define DIGEST_MAX SHA256_DIGEST_SIZE

/* 0 and *s: the property's (first) string; 1: absent; -1: not a non-empty string. */
static int get_string(const struct fdt *f, uint32_t node, const char *name, const char **s)
{
	uint32_t len;
	const uint8_t *v = fdt_getprop(f, node, name, &len);

	if (!v)
		return 1;
	if (len == 0 || v[len - 1] != 0 || v[0] == 0)
		return -1;
	*s = (const char *)v;
	return 0;
}

/* 0 and *v: one cell; 1: absent; -1: another size. */
static int get_u32(const struct fdt *f, uint32_t node, const char *name, uint32_t *v)
{
	uint32_t len;
	const uint8_t *p = fdt_getprop(f, node, name, &len);

	if (!p)
		return 1;
	if (len != 4)
		return -1;
	*v = fdt_be32(p);
	return 0;
}

static int subnode(const struct fdt *f, uint32_t node, const char *name)
{
	return fdt_subnode_offset(f, node, name, strlen(name));
}

static void hex(const uint8_t *d, unsigned n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	for (unsigned i = 0; i < n; i++) {
		out[2 * i] = digits[d[i] >> 4];
		out[2 * i + 1] = digits[d[i] & 15];
	}
	out[2 * n] = 0;
}

/* The string property `prop` of an image must be `want`; absent is fine only
 * when absent_ok. */
static int check_choice(struct fit_ctx *c, uint32_t node, const char *image, const char *prop,
			const char *want, bool absent_ok, const char *what_to_do)
{
	const char *v;
	int r = get_string(&c->f, node, prop, &v);

	if (r == 1 && absent_ok)
		return 0;
	if (r == 1)
		return refuse(c, "FIT image \"%s\" has no %s, expected \"%s\"; %s", image, prop, want, what_to_do);
	if (r < 0)
		return refuse(c, "FIT image \"%s\": %s is not a string; the FIT is damaged", image, prop);
	if (strcmp(v, want) == 0)
		return 0;
	return refuse(c, "FIT image \"%s\": %s is \"%s\", expected \"%s\"; %s", image, prop, v, want, what_to_do);
}

/* A kernel `load` or `entry` (one or two cells) must name where it will run. */
static int check_address(struct fit_ctx *c, uint32_t node, const char *image, const char *prop,
			 uint64_t kernel_gpa)
{
	uint32_t len;
	const uint8_t *v = fdt_getprop(&c->f, node, prop, &len);

	if (!v)
		return 0;
	if (len != 4 && len != 8)
		return refuse(c, "FIT image \"%s\": %s is %u bytes, not one or two cells; the FIT is damaged",
			      image, prop, len);
	uint64_t a = len == 4 ? fdt_be32(v) : fdt_be64(v);
	if (a != kernel_gpa)
		return refuse(c, "FIT image \"%s\": %s = %#llx, but hpmvisor runs the kernel at GPA %#llx (2 MiB into guest RAM, where Linux expects it); set load and entry to %#llx",
			      image, prop, (unsigned long long)a, (unsigned long long)kernel_gpa,
			      (unsigned long long)kernel_gpa);
	return 0;
}

/* Embedded `data`, or external data: `data-position` from the start of the blob,
 * or `data-offset` from the end of the FIT (4-aligned), with `data-size`. */
static int locate_data(struct fit_ctx *c, uint32_t node, const char *image, struct fit_part *p)
{
	uint32_t len, pos = 0, off = 0, size = 0;
	const uint8_t *data = fdt_getprop(&c->f, node, "data", &len);
	int has_pos = get_u32(&c->f, node, "data-position", &pos);
	int has_off = get_u32(&c->f, node, "data-offset", &off);
	int has_size = get_u32(&c->f, node, "data-size", &size);

	if (has_pos < 0 || has_off < 0 || has_size < 0)
		return refuse(c, "FIT image \"%s\": data-position, data-offset or data-size is not one 32-bit cell; the FIT is damaged",
			      image);
	int ways = !!data + (has_pos == 0) + (has_off == 0);
	if (ways == 0)
		return refuse(c, "FIT image \"%s\" has no data (neither data nor data-position/data-offset); fix the .its",
			      image);
	if (ways > 1)
		return refuse(c, "FIT image \"%s\" gives its data more than one way (data, data-position, data-offset); keep one",
			      image);
	if (data) {
		p->data = data;
		p->size = len;
	} else {
		if (has_size)
			return refuse(c, "FIT image \"%s\" has external data but no data-size; the FIT is damaged", image);
		uint64_t fit_end = ((uint64_t)c->f.total + 3) & ~3ull;
		uint64_t start = has_pos == 0 ? pos : fit_end + off;
		if (start < c->f.total || start > c->size || size > c->size - start)
			return refuse(c, "FIT image \"%s\": its data at bytes %#llx..%#llx lies outside the external data (%#x..%#llx); the image is truncated or damaged: rebuild it",
				      image, (unsigned long long)start, (unsigned long long)start + size,
				      c->f.total, (unsigned long long)c->size);
		p->data = c->blob + start;
		p->size = size;
	}
	if (p->size == 0)
		return refuse(c, "FIT image \"%s\" is empty; fix the .its", image);
	return 0;
}

static int check_hash(struct fit_ctx *c, uint32_t node, const char *hash_name, const char *image,
		      struct fit_part *p)
{
	const char *name;
	const struct fit_algo *a = NULL;
	uint32_t len;
	uint8_t got[DIGEST_MAX];
	char want_hex[2 * DIGEST_MAX + 1], got_hex[2 * DIGEST_MAX + 1];

	if (get_string(&c->f, node, "algo", &name))
		return refuse(c, "FIT image \"%s\": %s has no algo string; the FIT is damaged", image, hash_name);
	for (unsigned i = 0; i < sizeof(algos) / sizeof(algos[0]); i++)
		if (strcmp(name, algos[i].name) == 0)
			a = &algos[i];
	if (!a)
		return refuse(c, "FIT image \"%s\": %s has algo \"%s\", which hpmvisor cannot check; rebuild the FIT with sha256, sha1 or crc32",
			      image, hash_name, name);
	const uint8_t *want = fdt_getprop(&c->f, node, "value", &len);
	if (!want || len != a->size)
		return refuse(c, "FIT image \"%s\": %s (%s) has a value of %d bytes, %s gives %u; the FIT is damaged: rebuild it",
			      image, hash_name, a->name, want ? (int)len : 0, a->name, a->size);
	a->digest(p->data, p->size, got);
	if (memcmp(got, want, a->size) != 0) {
		hex(want, a->size, want_hex);
		hex(got, a->size, got_hex);
		return refuse(c, "FIT image \"%s\": %s mismatch: expected %s, got %s; the data is damaged: rebuild the FIT",
			      image, a->name, want_hex, got_hex);
	}
	size_t used = strlen(p->hashes);
	snprintf(p->hashes + used, sizeof(p->hashes) - used, "%s%s", used ? " " : "", a->name);
	return 0;
}

/* Every hash-N child is checked; a signature cannot be, so it is refused rather
 * than taken as checked. */
static int check_hashes(struct fit_ctx *c, uint32_t node, const char *image, struct fit_part *p)
{
	struct fdt_token t;
	int h = fdt_next_child(&c->f, node, node);

	for (; h >= 0; h = fdt_next_child(&c->f, node, (uint32_t)h)) {
		if (fdt_next_token(&c->f, (uint32_t)h, &t))
			break;
		if (strncmp(t.name, "signature", 9) == 0)
			return refuse(c, "FIT image \"%s\" has a %s node: hpmvisor does not check signatures; build the FIT without one",
				      image, t.name);
		if (strncmp(t.name, "hash", 4) == 0 && check_hash(c, (uint32_t)h, t.name, image, p))
			return -1;
	}
	return h == FDT_ERR_NOTFOUND ? 0 : refuse(c, "FIT image \"%s\": cannot read its nodes: %s", image, fdt_strerror(h));
}

/* The image the configuration names as `role` ("kernel" or "ramdisk"). */
static int check_image(struct fit_ctx *c, uint32_t images, const char *config, const char *role,
		       const char *image, uint64_t kernel_gpa, struct fit_part *p)
{
	bool kernel = strcmp(role, "kernel") == 0;
	int node = subnode(&c->f, images, image);

	if (node < 0)
		return refuse(c, "FIT configuration \"%s\" names %s \"%s\", which /images does not have; fix the .its",
			      config, role, image);
	uint32_t n = (uint32_t)node;
	p->name = image;
	if (check_choice(c, n, image, "type", role, false,
			 "fix the .its") ||
	    check_choice(c, n, image, "arch", "riscv", !kernel, "hpmvisor runs riscv guests") ||
	    (kernel && check_choice(c, n, image, "os", "linux", false,
				    "hpmvisor enters the kernel the Linux way (a0 = hart id, a1 = DTB)")) ||
	    check_choice(c, n, image, "compression", "none", true,
			 "hpmvisor loads images as they are: build it uncompressed") ||
	    (kernel && (check_address(c, n, image, "load", kernel_gpa) ||
			check_address(c, n, image, "entry", kernel_gpa))) ||
	    locate_data(c, n, image, p))
		return -1;
	return check_hashes(c, n, image, p);
}

bool fit_is_fit(const void *blob, uint64_t size)
{
	return size >= 4 && fdt_be32(blob) == FDT_MAGIC;
}

/* What a configuration may name beside kernel and ramdisk, and why it is refused. */
static const struct { const char *prop, *why; } refused_props[] = {
	{ "fdt", "hpmvisor builds the guest's device tree itself, from what the VM really has" },
	{ "loadables", "hpmvisor loads only a kernel and a ramdisk" },
	{ "firmware", "hpmvisor itself is the guest's firmware" },
	{ "fpga", "hpmvisor loads only a kernel and a ramdisk" },
};

int fit_open(const void *blob, uint64_t size, uint64_t kernel_gpa, struct fit_guest *g,
	     char *why, size_t why_len)
{
	struct fit_ctx c = { .blob = blob, .size = size, .why = why, .why_len = why_len };
	const char *config, *kernel, *ramdisk, *other;

	memset(g, 0, sizeof(*g));
	int err = fdt_open(&c.f, blob, size);
	if (err)
		return refuse(&c, "the guest image has the FIT (device tree) magic but cannot be read: %s; rebuild it with mkimage -f",
			      fdt_strerror(err));
	int confs = subnode(&c.f, c.f.root, "configurations");
	int images = subnode(&c.f, c.f.root, "images");
	if (confs < 0 || images < 0)
		return refuse(&c, "the FIT has no /%s node; a guest FIT needs /images and /configurations",
			      confs < 0 ? "configurations" : "images");
	if (get_string(&c.f, (uint32_t)confs, "default", &config))
		return refuse(&c, "the FIT's /configurations has no default; set default = \"<configuration>\"");
	int conf = subnode(&c.f, (uint32_t)confs, config);
	if (conf < 0)
		return refuse(&c, "the FIT's default configuration \"%s\" is not under /configurations; fix default",
			      config);
	g->config = config;
	for (unsigned i = 0; i < sizeof(refused_props) / sizeof(refused_props[0]); i++)
		if (get_string(&c.f, (uint32_t)conf, refused_props[i].prop, &other) != 1)
			return refuse(&c, "FIT configuration \"%s\" has %s: %s; remove it from the configuration",
				      config, refused_props[i].prop, refused_props[i].why);
	if (get_string(&c.f, (uint32_t)conf, "kernel", &kernel))
		return refuse(&c, "FIT configuration \"%s\" names no kernel; add kernel = \"<image>\"", config);
	if (check_image(&c, (uint32_t)images, config, "kernel", kernel, kernel_gpa, &g->kernel))
		return -1;
	int r = get_string(&c.f, (uint32_t)conf, "ramdisk", &ramdisk);
	if (r < 0)
		return refuse(&c, "FIT configuration \"%s\": ramdisk is not a string; fix the .its", config);
	if (r == 0 && check_image(&c, (uint32_t)images, config, "ramdisk", ramdisk, kernel_gpa, &g->ramdisk))
		return -1;
	return 0;
}
