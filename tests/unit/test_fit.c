/* hyp/fit.c: guest FITs made by mkimage open with the right kernel and ramdisk
 * (embedded, data-offset and data-position data); every truncation, byte flip and
 * hostile edit is refused with one line, or still yields exactly the right data. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "boot/fdt.h"
#include "boot/fdt_patch.h"
#include "hyp/fit.h"

#define KERNEL_GPA 0x80200000ULL

struct file {
	uint8_t *b;
	size_t size;
};

static struct file load(const char *name)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", FIT_DIR, name);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	struct file r = { .size = (size_t)ftell(f) };
	rewind(f);
	r.b = malloc(r.size ? r.size : 1);
	assert_non_null(r.b);
	assert_int_equal(fread(r.b, 1, r.size, f), r.size);
	fclose(f);
	return r;
}

static struct file kernel, ramdisk, fits[3], signed_fit;
static const char *const fit_names[3] = { "guest.itb", "guest-ext.itb", "guest-pos.itb" };
static char why[512];

static int setup(void **s)
{
	kernel = load("kernel.bin");
	ramdisk = load("ramdisk.bin");
	for (int i = 0; i < 3; i++)
		fits[i] = load(fit_names[i]);
	signed_fit = load("signed.itb");
	return 0;
}

/* Opens a copy of exactly size bytes (ASan sees any read past it), kept until the
 * next call so that what g points at stays readable. A refusal is one line. */
static int open_exact(const uint8_t *b, size_t size, struct fit_guest *g)
{
	static uint8_t *copy;
	free(copy);
	copy = malloc(size ? size : 1);
	memcpy(copy, b, size);
	why[0] = 0;
	int r = fit_open(copy, size, KERNEL_GPA, g, why, sizeof(why));
	if (r)
		assert_true(why[0] && !strchr(why, '\n'));
	return r;
}

static void assert_right_data(const struct fit_guest *g, bool with_ramdisk)
{
	assert_int_equal(g->kernel.size, kernel.size);
	assert_memory_equal(g->kernel.data, kernel.b, kernel.size);
	if (!with_ramdisk) {
		assert_null(g->ramdisk.data);
		return;
	}
	assert_non_null(g->ramdisk.data);
	assert_int_equal(g->ramdisk.size, ramdisk.size);
	assert_memory_equal(g->ramdisk.data, ramdisk.b, ramdisk.size);
}

static void every_layout_opens(void **s)
{
	for (int i = 0; i < 3; i++) {
		struct fit_guest g;
		assert_true(fit_is_fit(fits[i].b, fits[i].size));
		uint8_t *b = fits[i].b;
		assert_int_equal(fit_open(b, fits[i].size, KERNEL_GPA, &g, why, sizeof(why)), 0);
		assert_string_equal(g.config, "conf-1");
		assert_string_equal(g.kernel.name, "kernel-1");
		assert_string_equal(g.ramdisk.name, "ramdisk-1");
		assert_string_equal(g.kernel.hashes, "sha256 crc32");
		assert_string_equal(g.ramdisk.hashes, "sha1");
		assert_right_data(&g, true);
		/* Every part lies inside the blob (external data past the FIT itself). */
		assert_true(g.kernel.data >= b && g.kernel.data + g.kernel.size <= b + fits[i].size);
		assert_true(g.ramdisk.data >= b && g.ramdisk.data + g.ramdisk.size <= b + fits[i].size);
	}
	assert_false(fit_is_fit(kernel.b, kernel.size));
}

/* Every offset in the first KiB (the tree with its header and the kernel's node)
 * and the last 64 bytes; every 61st in between (hashed data, kept quick). */
static size_t step(size_t off, size_t size)
{
	return off < 1024 || off + 64 >= size ? 1 : 61;
}

/* Cut anywhere before the end of the FIT or of the last image's data: refused. mkimage pads
 * external data to 4 bytes; a cut in that padding still holds every image. */
static void every_truncation_refused(void **s)
{
	for (int i = 0; i < 3; i++) {
		struct fit_guest g;
		assert_int_equal(fit_open(fits[i].b, fits[i].size, KERNEL_GPA, &g, why, sizeof(why)), 0);
		size_t need = (size_t)(g.ramdisk.data + g.ramdisk.size - fits[i].b);
		size_t kernel_end = (size_t)(g.kernel.data + g.kernel.size - fits[i].b);
		size_t fit_end = fdt_be32(fits[i].b + FDT_HDR_TOTALSIZE);
		if (kernel_end > need)
			need = kernel_end;
		if (fit_end > need)
			need = fit_end;
		for (size_t len = 0; len <= fits[i].size; len += step(len, fits[i].size))
			if (open_exact(fits[i].b, len, &g) != (len < need ? -1 : 0))
				fail_msg("%s cut to %zu of %zu bytes (images end at %zu): %s", fit_names[i], len,
					 fits[i].size, need, why);
	}
}

/* A changed byte anywhere is refused, or harmless: what opens is still exactly
 * the kernel and ramdisk that were packed (the hashes see to it). */
static void every_byte_flip_refused_or_harmless(void **s)
{
	for (int i = 0; i < 3; i++) {
		uint8_t *b = malloc(fits[i].size);
		for (size_t off = 0; off < fits[i].size; off += step(off, fits[i].size)) {
			struct fit_guest g;
			memcpy(b, fits[i].b, fits[i].size);
			b[off] ^= 0x41;
			if (open_exact(b, fits[i].size, &g) == 0) {
				/* The kernel and ramdisk as packed, compared byte by byte with the
				 * payload files (a flipped configuration may drop the ramdisk). */
				assert_int_equal(g.kernel.size, kernel.size);
				assert_memory_equal(g.kernel.data, kernel.b, kernel.size);
				if (g.ramdisk.data)
					assert_memory_equal(g.ramdisk.data, ramdisk.b, ramdisk.size);
			}
		}
		free(b);
	}
}

struct hostile {
	int fit;                 /* index in fits[] */
	struct fdt_patch_op op;
	const char *why;         /* a piece of the refusal line */
};

static const uint8_t bad_sha256[32] = { 1, 2, 3 };
static const uint8_t cell_huge[4] = { 0xff, 0xff, 0xff, 0xff };
static const uint8_t cell_fff0[4] = { 0xff, 0xff, 0xff, 0xf0 };
static const uint8_t cell_16[4] = { 0, 0, 0, 16 };
static const uint8_t cell_load_other[4] = { 0x84, 0, 0, 0 };
static const uint8_t cell_0[4] = { 0 };
static const uint8_t three[3] = { 1, 2, 3 };

#define STR(s) s, sizeof(s)
static const struct hostile hostile[] = {
	{ 0, { "/images/kernel-1/hash-1", "value", bad_sha256, 32 },
	  "FIT image \"kernel-1\": sha256 mismatch: expected 010203000000" },
	{ 0, { "/images/kernel-1/hash-1", "value", three, 3 }, "has a value of 3 bytes, sha256 gives 32" },
	{ 0, { "/images/ramdisk-1/hash-1", "value", bad_sha256, 20 }, "\"ramdisk-1\": sha1 mismatch" },
	{ 0, { "/images/kernel-1/hash-2", "value", cell_0, 4 }, "crc32 mismatch: expected 00000000, got " },
	{ 0, { "/images/kernel-1/hash-1", "algo", STR("md5") }, "has algo \"md5\", which hpmvisor cannot check" },
	{ 0, { "/images/kernel-1/hash-1", "algo", three, 3 }, "hash-1 has no algo string" },
	{ 0, { "/configurations", "default", STR("conf-9") }, "default configuration \"conf-9\" is not under" },
	{ 0, { "/configurations", NULL, NULL, 0 }, "no /configurations node" },
	{ 0, { "/images", NULL, NULL, 0 }, "no /images node" },
	{ 0, { "/configurations/conf-1", "kernel", STR("kernel-9") }, "names kernel \"kernel-9\", which /images does not have" },
	{ 0, { "/configurations/conf-1", "ramdisk", STR("rd") }, "names ramdisk \"rd\", which /images does not have" },
	{ 0, { "/configurations/conf-1", "fdt", STR("fdt-1") }, "has fdt: hpmvisor builds the guest's device tree" },
	{ 0, { "/configurations/conf-1", "loadables", STR("x") }, "has loadables" },
	{ 0, { "/configurations/conf-2", "kernel", STR("") }, "" },  /* not the default: ignored */
	{ 0, { "/images/kernel-1", "compression", STR("gzip") }, "compression is \"gzip\", expected \"none\"" },
	{ 0, { "/images/kernel-1", "arch", STR("arm64") }, "arch is \"arm64\", expected \"riscv\"" },
	{ 0, { "/images/ramdisk-1", "arch", STR("x86") }, "\"ramdisk-1\": arch is \"x86\"" },
	{ 0, { "/images/kernel-1", "os", STR("freebsd") }, "os is \"freebsd\", expected \"linux\"" },
	{ 0, { "/images/kernel-1", "type", STR("ramdisk") }, "type is \"ramdisk\", expected \"kernel\"" },
	{ 0, { "/images/ramdisk-1", "type", STR("kernel") }, "type is \"kernel\", expected \"ramdisk\"" },
	{ 0, { "/images/kernel-1", "load", cell_load_other, 4 }, "load = 0x84000000, but hpmvisor runs the kernel at GPA 0x80200000" },
	{ 0, { "/images/kernel-1", "entry", three, 3 }, "entry is 3 bytes" },
	{ 0, { "/images/kernel-1", "data-offset", cell_0, 4 }, "more than one way" },
	{ 0, { "/images/kernel-1", "data", NULL, 0 }, "\"kernel-1\" is empty" },
	{ 1, { "/images/kernel-1", "data-size", cell_huge, 4 }, "lies outside the external data" },
	{ 1, { "/images/ramdisk-1", "data-offset", cell_fff0, 4 }, "lies outside the external data" },
	{ 1, { "/images/ramdisk-1", "data-size", three, 3 }, "is not one 32-bit cell" },
	{ 2, { "/images/kernel-1", "data-position", cell_16, 4 }, "lies outside the external data" },
	{ 2, { "/images/kernel-1", "data-position", cell_huge, 4 }, "lies outside the external data" },
};

static void hostile_edits_refused(void **s)
{
	static uint8_t out[1 << 16];
	for (unsigned i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
		const struct hostile *h = &hostile[i];
		const struct file *f = &fits[h->fit];
		/* The external data follows the FIT: patch the FIT, keep the data where it was. */
		uint32_t fit_size = fdt_be32(f->b + FDT_HDR_TOTALSIZE);
		int size = fdt_patch(f->b, fit_size, out, sizeof(out), &h->op, 1);
		assert_true(size > 0);
		size_t total = (size_t)size;
		if (f->size > fit_size) {
			/* data-position is absolute: keep the data at the same place. */
			size_t data_at = h->fit == 2 ? 0x1000 : ((size_t)size + 3) & ~(size_t)3;
			size_t from = h->fit == 2 ? 0x1000 : (fit_size + 3) & ~3u;
			assert_true(data_at >= (size_t)size && data_at + (f->size - from) <= sizeof(out));
			memset(out + size, 0, data_at - (size_t)size);
			memcpy(out + data_at, f->b + from, f->size - from);
			total = data_at + (f->size - from);
		}
		struct fit_guest g;
		int r = open_exact(out, total, &g);
		print_message("%s %s: %s\n", h->op.path, h->op.prop ? h->op.prop : "(node dropped)", r ? why : "accepted");
		if (!h->why[0]) {
			assert_int_equal(r, 0);
			continue;
		}
		assert_int_equal(r, -1);
		if (!strstr(why, h->why))
			fail_msg("refusal \"%s\" does not say \"%s\"", why, h->why);
	}
}

static void the_configuration_without_ramdisk(void **s)
{
	static uint8_t out[1 << 16];
	struct fdt_patch_op op = { "/configurations", "default", STR("conf-2") };
	int size = fdt_patch(fits[0].b, fits[0].size, out, sizeof(out), &op, 1);
	struct fit_guest g;
	assert_true(size > 0);
	assert_int_equal(open_exact(out, (size_t)size, &g), 0);
	assert_string_equal(g.config, "conf-2");
	assert_right_data(&g, false);
}

static void a_signature_is_refused(void **s)
{
	struct fit_guest g;
	assert_int_equal(open_exact(signed_fit.b, signed_fit.size, &g), -1);
	assert_non_null(strstr(why, "has a signature-1 node: hpmvisor does not check signatures"));
}

static void not_a_device_tree(void **s)
{
	struct fit_guest g;
	uint8_t bad[64] = { 0xd0, 0x0d, 0xfe, 0xed, 0, 0, 0, 64 };
	assert_true(fit_is_fit(bad, sizeof(bad)));
	assert_int_equal(open_exact(bad, sizeof(bad), &g), -1);
	assert_non_null(strstr(why, "has the FIT (device tree) magic but cannot be read"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_layout_opens),
		cmocka_unit_test(every_truncation_refused),
		cmocka_unit_test(every_byte_flip_refused_or_harmless),
		cmocka_unit_test(hostile_edits_refused),
		cmocka_unit_test(the_configuration_without_ramdisk),
		cmocka_unit_test(a_signature_is_refused),
		cmocka_unit_test(not_a_device_tree),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
