/* boot/fdt.c and boot/fdt_patch.c: parse real-shaped trees to exact values, refuse
 * every truncation and corruption without reading out of bounds (every blob handed to
 * the code under test sits in a malloc'd buffer of exactly the size passed, so ASan
 * flags any overread), and rewrite trees into valid ones. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "boot/fdt.h"
#include "boot/fdt_patch.h"

/* Fixture DTBs compiled by dtc at build time into FIXTURES (tests/unit/fdt.mk). */
#define FIXTURE(sym, file)                                                          \
	__asm__(".pushsection .rodata\n.balign 8\n" #sym ":\n.incbin \"" FIXTURES "/" file "\"\n" \
		#sym "_end:\n.popsection\n");                                          \
	extern const uint8_t sym[], sym##_end[]
FIXTURE(fx_qemu, "qemu_virt.dtb");
FIXTURE(fx_dw_apb, "dw_apb.dtb");
FIXTURE(fx_many_cpus, "many_cpus.dtb");
FIXTURE(fx_qemu10, "qemu10_virt.dtb");
FIXTURE(fx_k1, "k1_board.dtb");
#define FX(sym) sym, (size_t)(sym##_end - sym)

/* ---- helpers */

static uint8_t *dup_exact(const uint8_t *src, size_t n)
{
	uint8_t *p = malloc(n ? n : 1);

	assert_non_null(p);
	memcpy(p, src, n);
	return p;
}

/* Parses an exact-size copy, kept until the next call: fdt_info's strings point
 * into it. */
static int parse_copy(const uint8_t *blob, size_t n, struct fdt_info *info)
{
	static uint8_t *kept;

	free(kept);
	kept = dup_exact(blob, n);
	return fdt_parse(kept, n, info);
}

/* Absolute blob offset of property `prop` of node `path` (its FDT_PROP token). */
static size_t prop_token_at(const uint8_t *blob, size_t n, const char *path, const char *prop)
{
	struct fdt f;
	struct fdt_token t;
	int node;

	assert_int_equal(fdt_open(&f, blob, n), 0);
	node = fdt_path_offset(&f, path, strlen(path));
	assert_true(node >= 0);
	assert_int_equal(fdt_find_prop(&f, (uint32_t)node, prop, &t), 0);
	return f.off_struct + t.off;
}

/* The fixture with one property replaced (or added); returns a malloc'd blob. */
static uint8_t *with_prop(const uint8_t *blob, size_t n, const char *path, const char *prop,
			  const void *val, uint32_t len, size_t *out_n)
{
	struct fdt_patch_op op = { path, prop, val, len };
	size_t cap = n + len + 64;
	uint8_t *out = malloc(cap);
	int r;

	assert_non_null(out);
	r = fdt_patch(blob, n, out, cap, &op, 1);
	assert_true(r > 0);
	*out_n = (size_t)r;
	return out;
}

static int parse_with_prop(const char *path, const char *prop, const void *val, uint32_t len,
			   struct fdt_info *info)
{
	size_t n;
	uint8_t *b = with_prop(FX(fx_qemu), path, prop, val, len, &n);
	int err = parse_copy(b, n, info);

	free(b);
	return err;
}

static void be32_at(uint8_t *b, size_t off, uint32_t v)
{
	fdt_put_be32(b + off, v);
}

/* Parses the qemu fixture with one header field (or struct word) overwritten. */
static int parse_qemu_poked(size_t off, uint32_t v)
{
	size_t n = (size_t)(fx_qemu_end - fx_qemu);
	uint8_t *b = dup_exact(fx_qemu, n);
	struct fdt_info info;
	int err;

	be32_at(b, off, v);
	err = fdt_parse(b, n, &info);
	free(b);
	return err;
}

/* ---- a tiny tree builder for shapes dtc refuses to produce */

struct bb {
	uint8_t st[4096];
	uint32_t ns;
	uint8_t strs[512];
	uint32_t nstr;
};

static void bb_u32(struct bb *b, uint32_t v)
{
	fdt_put_be32(b->st + b->ns, v);
	b->ns += 4;
}

static void bb_bytes(struct bb *b, const void *p, size_t n)
{
	memcpy(b->st + b->ns, p, n);
	b->ns += (uint32_t)n;
	while (b->ns % 4)
		b->st[b->ns++] = 0;
}

static void bb_begin(struct bb *b, const char *name)
{
	bb_u32(b, FDT_BEGIN_NODE);
	bb_bytes(b, name, strlen(name) + 1);
}

static void bb_prop(struct bb *b, const char *name, const void *val, uint32_t len)
{
	bb_u32(b, FDT_PROP);
	bb_u32(b, len);
	bb_u32(b, b->nstr);
	memcpy(b->strs + b->nstr, name, strlen(name) + 1);
	b->nstr += (uint32_t)strlen(name) + 1;
	bb_bytes(b, val, len);
}

/* Header, an empty memreserve block, the structure block, the strings. */
static size_t bb_finish(const struct bb *b, uint8_t *out)
{
	uint32_t off_struct = FDT_HEADER_SIZE + 16, off_strings = off_struct + b->ns;
	uint32_t total = off_strings + b->nstr;

	memset(out, 0, off_struct);
	be32_at(out, FDT_HDR_MAGIC, FDT_MAGIC);
	be32_at(out, FDT_HDR_TOTALSIZE, total);
	be32_at(out, FDT_HDR_OFF_STRUCT, off_struct);
	be32_at(out, FDT_HDR_OFF_STRINGS, off_strings);
	be32_at(out, FDT_HDR_OFF_RSVMAP, FDT_HEADER_SIZE);
	be32_at(out, FDT_HDR_VERSION, 17);
	be32_at(out, FDT_HDR_LAST_COMP, 16);
	be32_at(out, FDT_HDR_SIZE_STRINGS, b->nstr);
	be32_at(out, FDT_HDR_SIZE_STRUCT, b->ns);
	memcpy(out + off_struct, b->st, b->ns);
	memcpy(out + off_strings, b->strs, b->nstr);
	return total;
}

static int bb_parse(const struct bb *b)
{
	static uint8_t blob[8192];
	struct fdt_info info;

	return parse_copy(blob, bb_finish(b, blob), &info);
}

/* ---- the fixtures parse to exactly these values */

static void test_qemu_virt(void **state)
{
	struct fdt_info in;

	assert_int_equal(parse_copy(FX(fx_qemu), &in), 0);
	assert_int_equal(in.n_mem, 1);
	assert_true(in.mem[0].base == 0x80000000 && in.mem[0].size == 0x10000000);
	assert_int_equal(in.n_rsv, 2);
	assert_true(in.rsv[0].base == 0x87f00000 && in.rsv[0].size == 0x100000); /* memreserve */
	assert_true(in.rsv[1].base == 0x80000000 && in.rsv[1].size == 0x40000);
	assert_int_equal(in.n_cpu, 2);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(in.cpu[i].hartid, i);
		assert_string_equal(in.cpu[i].isa_string,
				    "rv64imafdch_zicsr_zifencei_zihintpause_zba_zbb_zbc_zbs_sstc");
		assert_int_equal(in.cpu[i].isa.xlen, 64);
		assert_true(isa_set_has(&in.cpu[i].isa, "h") && isa_set_has(&in.cpu[i].isa, "sstc"));
		assert_true(in.cpu[i].okay);
	}
	assert_int_equal(in.timebase, 10000000);
	assert_string_equal(in.bootargs, "console=hvc0 hpmvisor.mem=64M");
	assert_true(in.has_initrd);
	assert_true(in.initrd_start == 0x88200000 && in.initrd_end == 0x882003e8);
	assert_true(in.has_uart);
	assert_true(in.uart.reg.base == 0x10000000 && in.uart.reg.size == 0x100);
	assert_int_equal(in.uart.reg_shift, 0);
	assert_int_equal(in.uart.reg_io_width, 1);
	assert_true(in.has_test_finisher);
	assert_true(in.test_finisher.base == 0x100000 && in.test_finisher.size == 0x1000);
}

static void test_dw_apb_alias(void **state)
{
	struct fdt_info in;

	assert_int_equal(parse_copy(FX(fx_dw_apb), &in), 0);
	assert_int_equal(in.n_mem, 2);
	assert_true(in.mem[0].base == 0x40000000 && in.mem[0].size == 0x100000000);
	assert_true(in.mem[1].base == 0x200000000 && in.mem[1].size == 0x10000000);
	assert_int_equal(in.n_rsv, 2); /* linux,cma has only a size: not reserved yet */
	assert_true(in.rsv[0].base == 0x40000000 && in.rsv[0].size == 0x80000);
	assert_true(in.rsv[1].base == 0x6ce00000 && in.rsv[1].size == 0x1600000);
	assert_int_equal(in.n_cpu, 3);
	assert_int_equal(in.cpu[0].hartid, 0);
	assert_string_equal(in.cpu[0].isa_string, "rv64imac_zba_zbb");
	assert_false(in.cpu[0].okay);
	assert_int_equal(in.cpu[1].hartid, 1);
	assert_string_equal(in.cpu[1].isa_string, "rv64imafdc_zba_zbb");
	assert_false(isa_set_has(&in.cpu[1].isa, "h"));
	assert_true(isa_set_has(&in.cpu[1].isa, "zbb"));
	assert_true(in.cpu[1].okay);
	assert_true(in.cpu[2].okay); /* no status */
	assert_int_equal(in.timebase, 4000000); /* from the first cpu that has it */
	assert_string_equal(in.bootargs, "");
	assert_true(in.has_initrd);
	assert_true(in.initrd_start == 0x46100000 && in.initrd_end == 0x146200000);
	assert_true(in.has_uart);
	assert_true(in.uart.reg.base == 0x10000000 && in.uart.reg.size == 0x10000);
	assert_int_equal(in.uart.reg_shift, 2);
	assert_int_equal(in.uart.reg_io_width, 4);
	assert_true(in.has_test_finisher); /* 2/1 default cells */
	assert_true(in.test_finisher.base == 0x100000 && in.test_finisher.size == 0x1000);
}

static void test_many_cpus_keeps_first(void **state)
{
	struct fdt_info in;

	assert_int_equal(parse_copy(FX(fx_many_cpus), &in), 0);
	assert_int_equal(in.n_cpu, FDT_MAX_CPUS);
	assert_int_equal(in.cpu[FDT_MAX_CPUS - 1].hartid, FDT_MAX_CPUS - 1);
	assert_int_equal(in.timebase, 1000000);
	assert_false(in.has_uart);
	assert_false(in.has_initrd);
	assert_int_equal(in.n_mem, 0);
}

/* ---- limits and semantic checks (variants of the qemu fixture made with fdt_patch) */

static void test_reserved_overflow_is_an_error(void **state)
{
	uint8_t reg[17 * 16] = { 0 };
	struct fdt_info in;

	/* 15 regions + the memreserve entry fit exactly; one more must not be dropped */
	for (int i = 0; i < 17; i++) {
		fdt_put_be64(reg + i * 16, 0x80000000u + (uint64_t)i * 0x1000);
		fdt_put_be64(reg + i * 16 + 8, 0x1000);
	}
	assert_int_equal(parse_with_prop("/reserved-memory/mmode_resv0@80000000", "reg", reg,
					 15 * 16, &in), 0);
	assert_int_equal(in.n_rsv, 16);
	assert_int_equal(parse_with_prop("/reserved-memory/mmode_resv0@80000000", "reg", reg,
					 16 * 16, &in), FDT_ERR_NOSPACE);
	assert_int_equal(in.n_rsv, 0); /* nothing half-parsed is left behind */
}

static void test_memory_overflow_keeps_first(void **state)
{
	uint8_t reg[9 * 16];
	struct fdt_info in;

	for (int i = 0; i < 9; i++) {
		fdt_put_be64(reg + i * 16, 0x80000000u + (uint64_t)i * 0x10000000);
		fdt_put_be64(reg + i * 16 + 8, 0x10000000);
	}
	assert_int_equal(parse_with_prop("/memory", "reg", reg, sizeof(reg), &in), 0);
	assert_int_equal(in.n_mem, 8);
	assert_true(in.mem[7].base == 0x80000000u + 7ull * 0x10000000);
}

static void test_malformed_values_refused(void **state)
{
	static char long_args[4000];
	uint8_t three[3] = { 0 }, cells[4];
	struct fdt_info in;

	assert_int_equal(parse_with_prop("/memory", "reg", three, 3, &in), FDT_ERR_BADVALUE);
	assert_int_equal(parse_with_prop("/soc/serial@10000000", "reg", three, 0, &in),
			 FDT_ERR_BADVALUE);
	assert_int_equal(parse_with_prop("/chosen", "bootargs", "abc", 3, &in),
			 FDT_ERR_BADVALUE); /* no NUL */
	memset(long_args, 'x', sizeof(long_args) - 1);
	/* Any length is read (Linux takes 1024 bytes, some boards more). */
	assert_int_equal(parse_with_prop("/chosen", "bootargs", long_args, sizeof(long_args), &in), 0);
	assert_string_equal(in.bootargs, long_args);
	assert_int_equal(parse_with_prop("/chosen", "linux,initrd-end", three, 3, &in),
			 FDT_ERR_BADVALUE);
	fdt_put_be32(cells, 0x88100000); /* end before start */
	assert_int_equal(parse_with_prop("/chosen", "linux,initrd-end", cells, 4, &in),
			 FDT_ERR_BADVALUE);
	fdt_put_be32(cells, 3); /* 3 address cells do not fit 64 bits */
	assert_int_equal(parse_with_prop("/soc", "#address-cells", cells, 4, &in),
			 FDT_ERR_BADVALUE);
	fdt_put_be32(cells, 3); /* io width 3 does not exist */
	assert_int_equal(parse_with_prop("/soc/serial@10000000", "reg-io-width", cells, 4, &in),
			 FDT_ERR_BADVALUE);
	/* a malformed #address-cells on a node whose children nobody reads is harmless */
	assert_int_equal(parse_with_prop("/pmu", "#address-cells", three, 3, &in), 0);
}

static void test_only_initrd_start_refused(void **state)
{
	uint8_t start[4] = { 0, 0, 0x10, 0 };
	struct bb b = { 0 };

	bb_begin(&b, "");
	bb_begin(&b, "chosen");
	bb_prop(&b, "linux,initrd-start", start, 4);
	bb_u32(&b, FDT_END_NODE);
	bb_u32(&b, FDT_END_NODE);
	bb_u32(&b, FDT_END);
	assert_int_equal(bb_parse(&b), FDT_ERR_BADVALUE);
}

/* QEMU 10's real tree: riscv,isa is ~400 characters, and the list form wins. */
static void test_qemu10_isa_whole(void **state)
{
	struct fdt_info in;

	assert_int_equal(parse_copy(FX(fx_qemu10), &in), 0);
	assert_int_equal(in.n_cpu, 2);
	assert_true(strlen(in.cpu[1].isa_string) > 300);
	for (int i = 0; i < 2; i++) {
		const struct isa_set *s = &in.cpu[i].isa;

		assert_int_equal(s->xlen, 64);
		assert_true(isa_set_has(s, "h") && isa_set_has(s, "sstc") && isa_set_has(s, "sscofpmf"));
		assert_true(isa_set_has(s, "zicboz") && isa_set_has(s, "svadu") && isa_set_has(s, "zba"));
		assert_false(isa_set_has(s, "svpbmt"));
	}
	assert_true(in.has_test_finisher && in.test_finisher.base == 0x100000);
	assert_string_equal(in.bootargs, "");
}

/* A board-style list past the 64th cpu: every cpu kept, each ISA whole. */
static void test_board_cpus_and_lists(void **state)
{
	struct fdt_info in;

	assert_int_equal(parse_copy(FX(fx_k1), &in), 0);
	assert_int_equal(in.n_cpu, 72);
	assert_int_equal(in.cpu[71].hartid, 71);
	assert_false(isa_set_has(&in.cpu[0].isa, "h"));
	assert_true(isa_set_has(&in.cpu[71].isa, "h"));
	assert_true(isa_set_has(&in.cpu[71].isa, "svpbmt") && isa_set_has(&in.cpu[71].isa, "sstc"));
	assert_true(isa_set_has(&in.cpu[71].isa, "v"));
	assert_int_equal(in.timebase, 24000000);
}

/* The list form is preferred; a malformed one is refused; without any, xlen 0. */
static void test_isa_forms(void **state)
{
	static const char list[] = "i\0m\0a\0h\0sstc";
	static uint8_t out[8192];
	const struct fdt_patch_op ops[] = {
		{ "/cpus/cpu@0", "riscv,isa-base", "rv64i", 6 },
		{ "/cpus/cpu@0", "riscv,isa-extensions", list, sizeof(list) },
	};
	int r = fdt_patch(FX(fx_qemu), out, sizeof(out), ops, 2);
	struct fdt_info in;

	assert_true(r > 0);
	assert_int_equal(parse_copy(out, (size_t)r, &in), 0);
	assert_true(isa_set_has(&in.cpu[0].isa, "h") && isa_set_has(&in.cpu[0].isa, "sstc"));
	assert_false(isa_set_has(&in.cpu[0].isa, "zba")); /* riscv,isa is not read then */
	assert_true(isa_set_has(&in.cpu[1].isa, "zba"));
	/* Only the list, without the base: riscv,isa is read. */
	assert_int_equal(parse_with_prop("/cpus/cpu@0", "riscv,isa-extensions", "i\0m", 3, &in), 0);
	assert_true(isa_set_has(&in.cpu[0].isa, "zba"));
	assert_int_equal(parse_with_prop("/cpus/cpu@0", "riscv,isa-base", "rv64", 4, &in),
			 FDT_ERR_BADVALUE); /* no NUL */
	assert_int_equal(strcmp(in.err_node, "cpu@0"), 0);
	assert_int_equal(parse_with_prop("/cpus/cpu@0", "riscv,isa", "rv32imac", 9, &in), 0);
	assert_int_equal(in.cpu[0].isa.xlen, 32);
	assert_int_equal(parse_with_prop("/cpus/cpu@0", "riscv,isa", "risc", 5, &in), 0);
	assert_int_equal(in.cpu[0].isa.xlen, 0);
}

/* The tolerant first pass finds the console and the finisher in a tree the strict
 * parse refuses, and says where the strict one stopped. */
static void test_devices_pass_survives_bad_tree(void **state)
{
	struct fdt_info in;
	size_t n;
	uint8_t *b = with_prop(FX(fx_qemu), "/chosen", "bootargs", "abc", 3, &n); /* no NUL */

	assert_int_equal(fdt_parse(b, n, &in), FDT_ERR_BADVALUE);
	assert_string_equal(in.err_node, "chosen");
	assert_false(in.has_test_finisher);
	assert_int_equal(fdt_parse_devices(b, n, &in), 0);
	assert_true(in.has_uart && in.uart.reg.base == 0x10000000);
	assert_true(in.has_test_finisher && in.test_finisher.base == 0x100000);
	free(b);
	b = with_prop(FX(fx_qemu), "/soc/test@100000", "reg", "ab", 2, &n);
	assert_int_equal(fdt_parse_devices(b, n, &in), 0);
	assert_false(in.has_test_finisher); /* a malformed finisher is not used */
	assert_true(in.has_uart);
	free(b);
	assert_int_equal(fdt_parse_devices(fx_qemu, 10, &in), FDT_ERR_TRUNCATED);
}

static void test_stdout_variants(void **state)
{
	struct fdt_info in;
	const char *no_unit = "/soc/serial:115200";
	const char *missing = "/soc/serial@20000000";
	const char *no_alias = "serial1";

	assert_int_equal(parse_with_prop("/chosen", "stdout-path", no_unit, strlen(no_unit) + 1,
					 &in), 0);
	assert_true(in.has_uart && in.uart.reg.base == 0x10000000);
	/* an unusable stdout-path is not fatal: the console stays on SBI */
	assert_int_equal(parse_with_prop("/chosen", "stdout-path", missing, strlen(missing) + 1,
					 &in), 0);
	assert_false(in.has_uart);
	assert_int_equal(parse_with_prop("/chosen", "stdout-path", no_alias, strlen(no_alias) + 1,
					 &in), 0);
	assert_false(in.has_uart);
	/* a node that is not a UART this code drives */
	assert_int_equal(parse_with_prop("/soc/serial@10000000", "compatible", "acme,uart", 10,
					 &in), 0);
	assert_false(in.has_uart);
}

/* ---- truncation and corruption */

static void test_every_truncation_refused(void **state)
{
	size_t total = (size_t)(fx_qemu_end - fx_qemu);
	struct fdt_info in;

	assert_int_equal(parse_copy(fx_qemu, total, &in), 0);
	for (size_t n = 0; n < total; n++) {
		uint8_t *b = dup_exact(fx_qemu, n);

		assert_true(fdt_parse(b, n, &in) < 0);
		/* and with a header that agrees with the cut, so the block checks run */
		if (n >= FDT_HEADER_SIZE) {
			be32_at(b, FDT_HDR_TOTALSIZE, (uint32_t)n);
			assert_true(fdt_parse(b, n, &in) < 0);
		}
		free(b);
	}
}

/* Every single-byte corruption: parse and patch may succeed or fail, but never read or
 * write out of bounds (ASan), and answer with a known code. A corrupt magic is always
 * refused; a blob the reader accepts patches into one it accepts again, with the
 * patch in it; and both outcomes happen (a run where every flip failed, or none did,
 * would have tested nothing). */
static void test_byte_flips_stay_in_bounds(void **state)
{
	static const uint8_t masks[] = { 0x01, 0x80, 0xff };
	static uint8_t out[16384];
	size_t total = (size_t)(fx_qemu_end - fx_qemu);
	struct fdt_patch_op op = { "/chosen", "bootargs", "x", 2 };
	struct fdt_info in, again;
	unsigned refused = 0, accepted = 0, repatched = 0;

	for (size_t i = 0; i < total; i++) {
		for (size_t m = 0; m < sizeof(masks); m++) {
			uint8_t *b = dup_exact(fx_qemu, total);

			b[i] ^= masks[m];
			int parsed = fdt_parse(b, total, &in);
			int patched = fdt_patch(b, total, out, sizeof(out), &op, 1);
			/* An answer the callers know, and nothing that points outside the blob. */
			assert_true(parsed <= 0 && parsed >= FDT_ERR_BADARG);
			assert_true(patched >= FDT_ERR_BADARG && patched <= (int)sizeof(out));
			if (i < 4)
				assert_int_equal(parsed, FDT_ERR_BADMAGIC);
			if (parsed < 0) {
				refused++;
			} else {
				accepted++;
				size_t n = strlen(in.bootargs);
				assert_true(in.bootargs[0] == '\0' ||
					    (in.bootargs >= (const char *)b && in.bootargs + n < (const char *)b + total));
				assert_true(in.n_cpu >= 0 && in.n_cpu <= FDT_MAX_CPUS);
				assert_true(in.n_mem >= 0 && in.n_mem <= 8 && in.n_rsv >= 0 && in.n_rsv <= 16);
				if (patched > 0) {
					assert_int_equal(fdt_parse(out, (size_t)patched, &again), 0);
					assert_string_equal(again.bootargs, "x");
					repatched++;
				}
			}
			free(b);
		}
	}
	assert_true(refused > 0 && accepted > 0 && repatched > 0);
}

static void test_bad_headers(void **state)
{
	size_t total = (size_t)(fx_qemu_end - fx_qemu);
	struct fdt_info in;

	assert_int_equal(parse_qemu_poked(FDT_HDR_MAGIC, 0xedfe0dd0), FDT_ERR_BADMAGIC);
	assert_int_equal(parse_qemu_poked(FDT_HDR_OFF_STRUCT, (uint32_t)total + 4),
			 FDT_ERR_BADLAYOUT);
	assert_int_equal(parse_qemu_poked(FDT_HDR_OFF_STRUCT, 2), FDT_ERR_BADLAYOUT);
	assert_int_equal(parse_qemu_poked(FDT_HDR_SIZE_STRINGS, 0xffffffff), FDT_ERR_BADLAYOUT);
	assert_int_equal(parse_qemu_poked(FDT_HDR_SIZE_STRUCT, 0xfffffff0), FDT_ERR_BADLAYOUT);
	assert_int_equal(parse_qemu_poked(FDT_HDR_OFF_STRINGS, 0xfffffff0), FDT_ERR_BADLAYOUT);
	assert_int_equal(parse_qemu_poked(FDT_HDR_OFF_RSVMAP, 0x44), FDT_ERR_BADLAYOUT);
	assert_int_equal(parse_qemu_poked(FDT_HDR_TOTALSIZE, 0xffffffff), FDT_ERR_BADLAYOUT);
	assert_int_equal(parse_qemu_poked(FDT_HDR_TOTALSIZE, (uint32_t)total + 1),
			 FDT_ERR_TRUNCATED);
	assert_int_equal(parse_qemu_poked(FDT_HDR_VERSION, 15), FDT_ERR_BADVERSION);
	assert_int_equal(parse_qemu_poked(FDT_HDR_LAST_COMP, 18), FDT_ERR_BADVERSION);
	assert_int_equal(fdt_parse(NULL, 100, &in), FDT_ERR_TRUNCATED);
}

static void test_version16_reads_without_struct_size(void **state)
{
	size_t total = (size_t)(fx_qemu_end - fx_qemu);
	uint8_t *b = dup_exact(fx_qemu, total);
	struct fdt_info in;

	be32_at(b, FDT_HDR_VERSION, 16);
	be32_at(b, FDT_HDR_SIZE_STRUCT, 0xdeadbeef); /* not a v16 field: ignored */
	assert_int_equal(fdt_parse(b, total, &in), 0);
	assert_int_equal(in.n_cpu, 2);
	free(b);
}

static void test_prop_len_past_block(void **state)
{
	size_t total = (size_t)(fx_qemu_end - fx_qemu);
	size_t at = prop_token_at(FX(fx_qemu), "/chosen", "bootargs");

	assert_int_equal(parse_qemu_poked(at + 4, 0x10000), FDT_ERR_BADSTRUCT);
	assert_int_equal(parse_qemu_poked(at + 4, 0xfffffffc), FDT_ERR_BADSTRUCT);
	assert_int_equal(parse_qemu_poked(at + 4, (uint32_t)total), FDT_ERR_BADSTRUCT);
	/* a length that, wrapped to 32 bits, would lead back to the same token */
	assert_int_equal(parse_qemu_poked(at + 4, 0xfffffff4), FDT_ERR_BADSTRUCT);
}

static void test_string_offset_past_block(void **state)
{
	size_t at = prop_token_at(FX(fx_qemu), "/chosen", "bootargs");
	struct fdt f;

	assert_int_equal(fdt_open(&f, FX(fx_qemu)), 0);
	assert_int_equal(parse_qemu_poked(at + 8, f.size_strings), FDT_ERR_BADSTRING);
	assert_int_equal(parse_qemu_poked(at + 8, 0xffffffff), FDT_ERR_BADSTRING);
	/* the last byte of the block is a NUL, so only the end itself is out */
	assert_int_equal(parse_qemu_poked(at + 8, f.size_strings - 1), 0);
	/* a block cut before its last NUL leaves the last name unterminated */
	assert_int_equal(parse_qemu_poked(FDT_HDR_SIZE_STRINGS, f.size_strings - 1),
			 FDT_ERR_BADSTRING);
}

static void test_missing_end(void **state)
{
	struct fdt f;

	assert_int_equal(fdt_open(&f, FX(fx_qemu)), 0);
	/* FDT_END turned into a NOP, and the block cut just before FDT_END */
	assert_int_equal(parse_qemu_poked(f.off_struct + f.size_struct - 4, FDT_NOP),
			 FDT_ERR_BADSTRUCT);
	assert_int_equal(parse_qemu_poked(FDT_HDR_SIZE_STRUCT, f.size_struct - 4),
			 FDT_ERR_BADSTRUCT);
}

static void test_unterminated_node_name(void **state)
{
	struct bb b = { 0 };

	bb_begin(&b, "");
	bb_begin(&b, "abcdefg"); /* 8 bytes with the NUL */
	b.ns -= 4;               /* the block now ends after "abcd" */
	assert_int_equal(bb_parse(&b), FDT_ERR_BADSTRUCT);
}

static void test_bad_structures(void **state)
{
	uint8_t four[4] = { 0 };
	struct bb ok = { 0 }, b;

	bb_begin(&ok, "");
	bb_prop(&ok, "model", "m", 2);
	bb_begin(&ok, "chosen");
	bb_u32(&ok, FDT_NOP);
	bb_u32(&ok, FDT_END_NODE);
	bb_u32(&ok, FDT_END_NODE);
	bb_u32(&ok, FDT_END);
	assert_int_equal(bb_parse(&ok), 0);

	b = (struct bb){ 0 }; /* property outside any node */
	bb_prop(&b, "x", four, 4);
	bb_begin(&b, "");
	bb_u32(&b, FDT_END_NODE);
	bb_u32(&b, FDT_END);
	assert_int_equal(bb_parse(&b), FDT_ERR_BADSTRUCT);

	b = (struct bb){ 0 }; /* two roots */
	bb_begin(&b, "");
	bb_u32(&b, FDT_END_NODE);
	bb_begin(&b, "");
	bb_u32(&b, FDT_END_NODE);
	bb_u32(&b, FDT_END);
	assert_int_equal(bb_parse(&b), FDT_ERR_BADSTRUCT);

	b = (struct bb){ 0 }; /* more END_NODEs than nodes */
	bb_begin(&b, "");
	bb_u32(&b, FDT_END_NODE);
	bb_u32(&b, FDT_END_NODE);
	bb_u32(&b, FDT_END);
	assert_int_equal(bb_parse(&b), FDT_ERR_BADSTRUCT);

	b = (struct bb){ 0 }; /* FDT_END inside a node */
	bb_begin(&b, "");
	bb_u32(&b, FDT_END);
	assert_int_equal(bb_parse(&b), FDT_ERR_BADSTRUCT);

	b = (struct bb){ 0 }; /* property after a subnode */
	bb_begin(&b, "");
	bb_begin(&b, "a");
	bb_u32(&b, FDT_END_NODE);
	bb_prop(&b, "x", four, 4);
	bb_u32(&b, FDT_END_NODE);
	bb_u32(&b, FDT_END);
	assert_int_equal(bb_parse(&b), FDT_ERR_BADSTRUCT);

	b = (struct bb){ 0 }; /* unknown token */
	bb_begin(&b, "");
	bb_u32(&b, 7);
	bb_u32(&b, FDT_END_NODE);
	bb_u32(&b, FDT_END);
	assert_int_equal(bb_parse(&b), FDT_ERR_BADSTRUCT);

	b = (struct bb){ 0 }; /* no tree at all */
	bb_u32(&b, FDT_END);
	assert_int_equal(bb_parse(&b), FDT_ERR_BADSTRUCT);
}

static void test_nesting_depth(void **state)
{
	struct bb b = { 0 };

	for (int i = 0; i < FDT_MAX_DEPTH; i++)
		bb_begin(&b, "n");
	for (int i = 0; i < FDT_MAX_DEPTH; i++)
		bb_u32(&b, FDT_END_NODE);
	bb_u32(&b, FDT_END);
	assert_int_equal(bb_parse(&b), 0);

	b = (struct bb){ 0 };
	for (int i = 0; i <= FDT_MAX_DEPTH; i++)
		bb_begin(&b, "n");
	for (int i = 0; i <= FDT_MAX_DEPTH; i++)
		bb_u32(&b, FDT_END_NODE);
	bb_u32(&b, FDT_END);
	assert_int_equal(bb_parse(&b), FDT_ERR_DEPTH);
	{
		static uint8_t blob[8192];
		struct fdt f;

		assert_int_equal(fdt_open(&f, blob, bb_finish(&b, blob)), FDT_ERR_DEPTH);
	}
}

static void test_memreserve_unterminated(void **state)
{
	struct bb b = { 0 };
	uint8_t blob[256];
	size_t n;
	struct fdt_info in;

	bb_begin(&b, "");
	bb_u32(&b, FDT_END_NODE);
	bb_u32(&b, FDT_END);
	n = bb_finish(&b, blob);
	/* the memreserve block moved to the last 8-aligned spot: no room for a terminator */
	be32_at(blob, FDT_HDR_OFF_RSVMAP, (uint32_t)(n - 8) & ~7u);
	assert_int_equal(parse_copy(blob, n, &in), FDT_ERR_BADLAYOUT);
}

static void test_path_lookup(void **state)
{
	struct fdt f;
	struct fdt_token t;
	int cpu0;

#define P(s) fdt_path_offset(&f, s, strlen(s))
	assert_int_equal(fdt_open(&f, FX(fx_qemu)), 0);
	assert_int_equal(P("/"), (int)f.root);
	cpu0 = P("/cpus/cpu@0");
	assert_true(cpu0 > 0);
	assert_int_equal(P("/cpus/cpu"), cpu0); /* no unit address: the first cpu@ */
	assert_true(P("/cpus/cpu@1") > cpu0);
	assert_int_equal(P("//soc//serial@10000000/"), P("/soc/serial@10000000"));
	assert_true(P("/soc/serial@10000000") > 0);
	assert_int_equal(P("/cpu"), FDT_ERR_NOTFOUND);        /* not a prefix match */
	assert_int_equal(P("/memory@8"), FDT_ERR_NOTFOUND);
	assert_int_equal(P("/cpus/cpu@0@0"), FDT_ERR_NOTFOUND);
	assert_int_equal(P("chosen"), FDT_ERR_NOTFOUND);      /* not absolute */
	assert_int_equal(P("/soc/nope"), FDT_ERR_NOTFOUND);
	assert_int_equal(P("/pmu/x"), FDT_ERR_NOTFOUND);      /* a leaf has no children */
	assert_int_equal(fdt_path_offset(&f, "/chosenXYZ", 7), P("/chosen")); /* len honoured */
#undef P
	/* not found: t.off is where the property would go, before the first subnode */
	assert_int_equal(fdt_find_prop(&f, (uint32_t)cpu0, "nope", &t), FDT_ERR_NOTFOUND);
	assert_int_equal(t.tag, FDT_BEGIN_NODE);
	assert_string_equal(t.name, "interrupt-controller");
	/* a property token is not a node */
	assert_int_equal(fdt_next_token(&f, (uint32_t)cpu0, &t), 0);
	assert_int_equal(fdt_find_prop(&f, t.next, "reg", &t), FDT_ERR_BADARG);
}

static void test_strerror(void **state)
{
	for (int e = 0; e >= FDT_ERR_BADARG; e--)
		assert_true(strlen(fdt_strerror(e)) > 0);
	assert_string_equal(fdt_strerror(-1000), "unknown device tree error");
	assert_string_not_equal(fdt_strerror(FDT_ERR_BADMAGIC), fdt_strerror(FDT_ERR_TRUNCATED));
}

/* ---- fdt_patch */

static void assert_header_sane(const uint8_t *b, int size)
{
	assert_int_equal(fdt_be32(b + FDT_HDR_MAGIC), FDT_MAGIC);
	assert_int_equal(fdt_be32(b + FDT_HDR_TOTALSIZE), size);
	assert_int_equal(fdt_be32(b + FDT_HDR_VERSION), 17);
	assert_int_equal(fdt_be32(b + FDT_HDR_LAST_COMP), 16);
}

/* Every property of a node appears once: a replaced one left behind would shadow or
 * duplicate the new value. */
static void assert_props_unique(const struct fdt *f, const char *path)
{
	struct fdt_token t, u;
	int node = fdt_path_offset(f, path, strlen(path));

	assert_true(node >= 0);
	assert_int_equal(fdt_next_token(f, (uint32_t)node, &t), 0);
	for (;;) {
		assert_int_equal(fdt_next_token(f, t.next, &t), 0);
		if (t.tag != FDT_PROP)
			break;
		u = t;
		for (;;) {
			assert_int_equal(fdt_next_token(f, u.next, &u), 0);
			if (u.tag != FDT_PROP)
				break;
			assert_string_not_equal(t.name, u.name);
		}
	}
}

static void test_patch_replace_and_add(void **state)
{
	static uint8_t out[8192];
	const char *args = "a much longer command line than the fixture had, to grow the value";
	uint8_t reg[32], tb[4];
	struct fdt_patch_op ops[] = {
		{ "/chosen", "bootargs", args, (uint32_t)strlen(args) + 1 },
		{ "/cpus/cpu@1", "riscv,isa", "rv64ima", 8 },           /* shorter */
		{ "/memory@80000000", "reg", reg, sizeof(reg) },         /* two entries */
		{ "/cpus/cpu@1", "timebase-frequency", tb, 4 },          /* added, known name */
		{ "/chosen", "hpmvisor,new", "v", 2 },                   /* added, new name */
		{ "/soc", "hpmvisor,new", NULL, 0 },                     /* same new name, empty */
	};
	struct fdt_info before, after;
	struct fdt f;
	uint32_t len;
	int node, r;

	fdt_put_be64(reg, 0x80000000);
	fdt_put_be64(reg + 8, 0x1000000);
	fdt_put_be64(reg + 16, 0x90000000);
	fdt_put_be64(reg + 24, 0x2000000);
	fdt_put_be32(tb, 12345);
	r = fdt_patch(FX(fx_qemu), out, sizeof(out), ops, 6);
	assert_true(r > 0);
	assert_header_sane(out, r);
	assert_int_equal(fdt_parse(FX(fx_qemu), &before), 0);
	assert_int_equal(fdt_parse(out, (size_t)r, &after), 0);

	assert_string_equal(after.bootargs, args);
	assert_string_equal(after.cpu[1].isa_string, "rv64ima");
	assert_int_equal(after.n_mem, 2);
	assert_true(after.mem[1].base == 0x90000000 && after.mem[1].size == 0x2000000);
	/* everything else is unchanged (strings compared by value: they point into
	 * different blobs) */
	assert_string_equal(after.cpu[0].isa_string, before.cpu[0].isa_string);
	assert_memory_equal(&after.cpu[0].isa, &before.cpu[0].isa, sizeof(before.cpu[0].isa));
	assert_int_equal(after.cpu[1].hartid, before.cpu[1].hartid);
	assert_int_equal(after.n_cpu, before.n_cpu);
	assert_memory_equal(after.rsv, before.rsv, sizeof(before.rsv));
	assert_int_equal(after.timebase, before.timebase);
	assert_memory_equal(&after.uart, &before.uart, sizeof(before.uart));
	assert_memory_equal(&after.test_finisher, &before.test_finisher, sizeof(before.test_finisher));
	assert_true(after.initrd_start == before.initrd_start && after.initrd_end == before.initrd_end);

	/* the added properties are there, and the new name was stored once */
	assert_int_equal(fdt_open(&f, out, (size_t)r), 0);
	node = fdt_path_offset(&f, "/cpus/cpu@1", 11);
	assert_true(node >= 0);
	assert_non_null(fdt_getprop(&f, (uint32_t)node, "timebase-frequency", &len));
	assert_int_equal(len, 4);
	node = fdt_path_offset(&f, "/chosen", 7);
	assert_string_equal((const char *)fdt_getprop(&f, (uint32_t)node, "hpmvisor,new", &len),
			    "v");
	node = fdt_path_offset(&f, "/soc", 4);
	assert_non_null(fdt_getprop(&f, (uint32_t)node, "hpmvisor,new", &len));
	assert_int_equal(len, 0);
	assert_int_equal(f.size_strings,
			 fdt_be32(fx_qemu + FDT_HDR_SIZE_STRINGS) + sizeof("hpmvisor,new"));
	assert_props_unique(&f, "/chosen");
	assert_props_unique(&f, "/cpus/cpu@1");
	assert_props_unique(&f, "/memory");
	/* the memreserve block came along */
	assert_int_equal(after.n_rsv, 2);
}

static void test_patch_no_ops_is_a_compact_copy(void **state)
{
	static uint8_t out[8192], again[8192];
	int r = fdt_patch(FX(fx_qemu), out, sizeof(out), NULL, 0);

	assert_true(r > 0);
	assert_header_sane(out, r);
	/* a second pass reproduces the first byte for byte */
	assert_int_equal(fdt_patch(out, (size_t)r, again, sizeof(again), NULL, 0), r);
	assert_memory_equal(out, again, (size_t)r);
}

static void test_patch_every_short_buffer_refused(void **state)
{
	struct fdt_patch_op op = { "/chosen", "hpmvisor,added", "12345", 6 };
	static uint8_t full[8192];
	int need = fdt_patch(FX(fx_qemu), full, sizeof(full), &op, 1);

	assert_true(need > 0);
	for (int cap = 0; cap < need; cap++) {
		uint8_t *out = malloc(cap ? (size_t)cap : 1);

		assert_int_equal(fdt_patch(FX(fx_qemu), out, (size_t)cap, &op, 1), FDT_ERR_NOSPACE);
		free(out);
	}
}

/* A node left out goes with its children and with the ops on its properties. */
static void test_patch_drops_nodes(void **state)
{
	static uint8_t out[8192];
	const struct fdt_patch_op ops[] = {
		{ "/cpus/cpu@1", NULL, NULL, 0 },
		{ "/cpus/cpu@1", "riscv,isa", "rv64i", 6 },
		{ "/chosen", "bootargs", "kept", 5 },
	};
	struct fdt_info in;
	struct fdt f;
	int r = fdt_patch(FX(fx_qemu), out, sizeof(out), ops, 3);

	assert_true(r > 0);
	assert_header_sane(out, r);
	assert_int_equal(fdt_parse(out, (size_t)r, &in), 0);
	assert_int_equal(in.n_cpu, 1);
	assert_int_equal(in.cpu[0].hartid, 0);
	assert_string_equal(in.bootargs, "kept");
	assert_int_equal(fdt_open(&f, out, (size_t)r), 0);
	assert_true(fdt_path_offset(&f, "/cpus/cpu@1", 11) < 0);
	assert_true(fdt_path_offset(&f, "/cpus/cpu@0/interrupt-controller", 32) >= 0);
	/* the root cannot go */
	const struct fdt_patch_op root = { "/", NULL, NULL, 0 };
	assert_int_equal(fdt_patch(FX(fx_qemu), out, sizeof(out), &root, 1), FDT_ERR_BADARG);
}

static void test_patch_bad_ops(void **state)
{
	static uint8_t out[8192];
	struct fdt_patch_op missing = { "/nope", "x", "", 1 };
	struct fdt_patch_op dup[] = { { "/memory", "reg", "", 1 },
				      { "/memory@80000000", "reg", "", 1 } };
	struct fdt_patch_op dup_add[] = { { "/chosen", "new", "", 1 }, { "/chosen", "new", "", 1 } };
	struct fdt_patch_op no_val = { "/chosen", "x", NULL, 4 };
	struct fdt_patch_op no_name = { "/chosen", "", "", 1 };
	struct fdt_patch_op many[FDT_PATCH_MAX_OPS + 1];
	uint8_t *tmpl = dup_exact(FX(fx_qemu));
	size_t n = (size_t)(fx_qemu_end - fx_qemu);

	for (int i = 0; i <= FDT_PATCH_MAX_OPS; i++)
		many[i] = (struct fdt_patch_op){ "/chosen", "bootargs", "", 1 };
	assert_int_equal(fdt_patch(tmpl, n, out, sizeof(out), &missing, 1), FDT_ERR_NOTFOUND);
	assert_int_equal(fdt_patch(tmpl, n, out, sizeof(out), dup, 2), FDT_ERR_BADARG);
	assert_int_equal(fdt_patch(tmpl, n, out, sizeof(out), dup_add, 2), FDT_ERR_BADARG);
	assert_int_equal(fdt_patch(tmpl, n, out, sizeof(out), &no_val, 1), FDT_ERR_BADARG);
	assert_int_equal(fdt_patch(tmpl, n, out, sizeof(out), &no_name, 1), FDT_ERR_BADARG);
	assert_int_equal(fdt_patch(tmpl, n, out, sizeof(out), many, FDT_PATCH_MAX_OPS + 1),
			 FDT_ERR_BADARG);
	assert_int_equal(fdt_patch(tmpl, n, out, sizeof(out), NULL, 1), FDT_ERR_BADARG);
	assert_int_equal(fdt_patch(tmpl, n, tmpl + 8, n - 8, NULL, 0), FDT_ERR_BADARG); /* overlap */
	assert_int_equal(fdt_patch(tmpl, n - 1, out, sizeof(out), NULL, 0), FDT_ERR_TRUNCATED);
	free(tmpl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_qemu_virt),
		cmocka_unit_test(test_dw_apb_alias),
		cmocka_unit_test(test_many_cpus_keeps_first),
		cmocka_unit_test(test_reserved_overflow_is_an_error),
		cmocka_unit_test(test_memory_overflow_keeps_first),
		cmocka_unit_test(test_malformed_values_refused),
		cmocka_unit_test(test_only_initrd_start_refused),
		cmocka_unit_test(test_qemu10_isa_whole),
		cmocka_unit_test(test_board_cpus_and_lists),
		cmocka_unit_test(test_isa_forms),
		cmocka_unit_test(test_devices_pass_survives_bad_tree),
		cmocka_unit_test(test_stdout_variants),
		cmocka_unit_test(test_every_truncation_refused),
		cmocka_unit_test(test_byte_flips_stay_in_bounds),
		cmocka_unit_test(test_bad_headers),
		cmocka_unit_test(test_version16_reads_without_struct_size),
		cmocka_unit_test(test_prop_len_past_block),
		cmocka_unit_test(test_string_offset_past_block),
		cmocka_unit_test(test_missing_end),
		cmocka_unit_test(test_unterminated_node_name),
		cmocka_unit_test(test_bad_structures),
		cmocka_unit_test(test_nesting_depth),
		cmocka_unit_test(test_memreserve_unterminated),
		cmocka_unit_test(test_path_lookup),
		cmocka_unit_test(test_strerror),
		cmocka_unit_test(test_patch_replace_and_add),
		cmocka_unit_test(test_patch_no_ops_is_a_compact_copy),
		cmocka_unit_test(test_patch_every_short_buffer_refused),
		cmocka_unit_test(test_patch_drops_nodes),
		cmocka_unit_test(test_patch_bad_ops),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
