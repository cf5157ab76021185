/* A small read-only flattened device tree (DTB) reader.
 *
 * The hypervisor learns every hardware fact from the DTB the firmware hands over, so
 * this code must treat the blob as untrusted: every read is bounds-checked, a blob
 * that is truncated or inconsistent is refused as a whole (negative FDT_ERR_*), never
 * half-parsed. It compiles freestanding (no allocation, no libc beyond string.h) and
 * on the host for the unit tests. All multi-byte values are big-endian, read bytewise,
 * so the blob needs no particular alignment. */
#ifndef BOOT_FDT_H
#define BOOT_FDT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "boot/isa.h"

#define FDT_ERR_TRUNCATED  (-1)  /* blob smaller than its header claims, or than a header */
#define FDT_ERR_BADMAGIC   (-2)
#define FDT_ERR_BADVERSION (-3)
#define FDT_ERR_BADLAYOUT  (-4)  /* header offsets/sizes inconsistent, memreserve unterminated */
#define FDT_ERR_BADSTRUCT  (-5)  /* bad token, length, name or nesting; missing FDT_END */
#define FDT_ERR_BADSTRING  (-6)  /* property name offset outside the strings block */
#define FDT_ERR_DEPTH      (-7)  /* nodes nested deeper than FDT_MAX_DEPTH */
#define FDT_ERR_BADVALUE   (-8)  /* a property this code uses is malformed or missing */
#define FDT_ERR_NOSPACE    (-9)  /* output buffer or a fixed-size table is too small */
#define FDT_ERR_NOTFOUND   (-10) /* no such node or property */
#define FDT_ERR_BADARG     (-12) /* caller error: bad or duplicate patch operation */

#define FDT_MAX_DEPTH 16

/* Header layout (DT spec v0.4, chapter 5.2): byte offsets of the big-endian fields. */
enum {
	FDT_HDR_MAGIC = 0,
	FDT_HDR_TOTALSIZE = 4,
	FDT_HDR_OFF_STRUCT = 8,
	FDT_HDR_OFF_STRINGS = 12,
	FDT_HDR_OFF_RSVMAP = 16,
	FDT_HDR_VERSION = 20,
	FDT_HDR_LAST_COMP = 24,
	FDT_HDR_BOOT_CPUID = 28,
	FDT_HDR_SIZE_STRINGS = 32,
	FDT_HDR_SIZE_STRUCT = 36,
	FDT_HEADER_SIZE = 40,
};
#define FDT_MAGIC 0xd00dfeedu

enum fdt_tag {
	FDT_BEGIN_NODE = 1,
	FDT_END_NODE = 2,
	FDT_PROP = 3,
	FDT_NOP = 4,
	FDT_END = 9,
};

static inline uint32_t fdt_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static inline uint64_t fdt_be64(const uint8_t *p)
{
	return (uint64_t)fdt_be32(p) << 32 | fdt_be32(p + 4);
}

static inline void fdt_put_be32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static inline void fdt_put_be64(uint8_t *p, uint64_t v)
{
	fdt_put_be32(p, (uint32_t)(v >> 32));
	fdt_put_be32(p + 4, (uint32_t)v);
}

/* ---- Low level: a checked view of one blob. Offsets of nodes and tokens are byte
 * offsets inside the structure block. */
struct fdt {
	const uint8_t *b;
	uint32_t total;
	uint32_t off_rsvmap, size_rsvmap;   /* size includes the terminating entry */
	uint32_t off_struct, size_struct;
	uint32_t off_strings, size_strings;
	uint32_t root;                      /* offset of the root FDT_BEGIN_NODE */
};

struct fdt_token {
	uint32_t tag;          /* enum fdt_tag */
	uint32_t off, next;    /* this token, and the one after it (4-aligned) */
	const char *name;      /* BEGIN_NODE: node name; PROP: property name */
	const uint8_t *val;    /* PROP: value bytes */
	uint32_t len;          /* PROP: value length */
	uint32_t nameoff;      /* PROP: offset of the name in the strings block */
};

/* Validates the header and the whole structure block (every token, length, name and
 * string offset; nesting; a single root; FDT_END). 0 or FDT_ERR_*. */
int fdt_open(struct fdt *f, const void *blob, size_t max_size);
/* Decodes the token at `off`; every read is bounds-checked. 0 or FDT_ERR_*. */
int fdt_next_token(const struct fdt *f, uint32_t off, struct fdt_token *t);
/* Node offset for an absolute path ("/soc/serial@10000000"); a component without a
 * unit address also matches "name@addr". Only the first `len` bytes of path are used. */
int fdt_path_offset(const struct fdt *f, const char *path, size_t len);
/* The child node of `node` after the child at `prev` (prev = node: the first
 * child): its offset, FDT_ERR_NOTFOUND after the last one, or FDT_ERR_*. */
int fdt_next_child(const struct fdt *f, uint32_t node, uint32_t prev);
/* The child of `node` named by the first n bytes of `name`, matched as a path
 * component of fdt_path_offset is: its offset, or FDT_ERR_NOTFOUND. */
int fdt_subnode_offset(const struct fdt *f, uint32_t node, const char *name, size_t n);
/* Finds property `name` of the node at `node`: 0 and *t filled, or FDT_ERR_NOTFOUND with
 * t->off = where such a property would be inserted (after the node's last property). */
int fdt_find_prop(const struct fdt *f, uint32_t node, const char *name, struct fdt_token *t);
/* Property value or NULL when absent. */
const uint8_t *fdt_getprop(const struct fdt *f, uint32_t node, const char *name, uint32_t *len);

/* ---- High level: the hardware facts the hypervisor boots from. Strings point into
 * the blob, which must outlive the fdt_info (the hypervisor keeps its DTB reserved). */

struct fdt_range {
	uint64_t base, size;
};

struct fdt_cpu {
	uint32_t hartid;
	bool okay;            /* status absent or "okay" */
	struct isa_set isa;   /* riscv,isa-base + riscv,isa-extensions, else riscv,isa;
	                       * xlen 0 when neither says rv32/rv64 */
	const char *isa_string; /* riscv,isa as the DT spells it, for messages; or NULL */
};

struct fdt_uart {
	struct fdt_range reg;
	uint32_t reg_shift, reg_io_width;
};

/* QEMU virt takes up to 512 harts; boards pick the boot hart at random among them. */
#define FDT_MAX_CPUS 512

struct fdt_info {
	struct fdt_range mem[8]; int n_mem;   /* device_type "memory" nodes under /, all reg entries */
	struct fdt_range rsv[16]; int n_rsv;  /* memreserve block + /reserved-memory children reg */
	struct fdt_cpu cpu[FDT_MAX_CPUS]; int n_cpu; /* /cpus children with device_type "cpu" */
	uint32_t timebase;                    /* /cpus timebase-frequency, else the first cpu's */
	const char *bootargs;                 /* /chosen bootargs, "" if none */
	uint64_t initrd_start, initrd_end; bool has_initrd;
	bool has_uart; struct fdt_uart uart;  /* node named by /chosen stdout-path */
	bool has_test_finisher; struct fdt_range test_finisher; /* "sifive,test0"/"sifive,test1" */
	const char *err_node;                 /* after fdt_parse failed: the node it was reading */
};

/* Fills *out from the blob (at most max_size bytes are ever read). 0 or FDT_ERR_*.
 * Policy on limits, chosen for safety:
 *  - more reserved regions than rsv[] holds: FDT_ERR_NOSPACE. Dropping one would let
 *    the hypervisor hand out firmware memory, so refusing to boot is the safe answer.
 *  - more memory ranges or cpus than the tables hold: the first ones are kept; the
 *    rest is simply not used, which is safe.
 *  - a property this parser relies on (reg, #address-cells, cells of timebase or
 *    initrd, strings, the ISA) that is malformed: FDT_ERR_BADVALUE.
 * reg addresses are used as they are: bus `ranges` are assumed to be identity maps
 * (true of QEMU virt and the usual SoC DTs, whose /soc has an empty `ranges`). */
int fdt_parse(const void *blob, size_t max_size, struct fdt_info *out);

/* The first, tolerant pass: only the console UART and the test finisher, skipping
 * whatever else is malformed, so that a device tree fdt_parse then refuses can
 * still be reported on the console and fail the run. Fills has_uart, uart,
 * has_test_finisher and test_finisher of *out (zeroing the rest). 0, or the
 * fdt_open error when the blob cannot be read at all. */
int fdt_parse_devices(const void *blob, size_t max_size, struct fdt_info *out);

/* A one-line description of an FDT_ERR_* code. */
const char *fdt_strerror(int err);

#endif
