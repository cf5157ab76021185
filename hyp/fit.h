/* A guest image packaged as a FIT (U-Boot's Flattened Image Tree: a DTB with
 * /images and /configurations, built by `mkimage -f x.its` or dtc with /incbin/).
 * The default configuration names the kernel and an optional ramdisk; every image
 * is found (embedded `data`, or external `data-position` / `data-offset` +
 * `data-size`) inside the blob, its properties checked and each of its hash-N
 * nodes (sha256, sha1, crc32) recomputed before anything is loaded. The blob is
 * untrusted: it is read only through boot/fdt.c's bounds-checked reader. */
#ifndef HYP_FIT_H
#define HYP_FIT_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct fit_part {
	const char *name;       /* the image node's name under /images (points into the blob) */
	const uint8_t *data;    /* inside the blob; NULL: the configuration has none */
	uint64_t size;
	char hashes[40];        /* the algos checked, e.g. "sha256 crc32"; "" when it has none */
};

struct fit_guest {
	const char *config;     /* the default configuration's name */
	struct fit_part kernel, ramdisk;
};

/* The blob starts with the FDT magic: it is a FIT, to be opened with fit_open. */
bool fit_is_fit(const void *blob, uint64_t size);

/* Reads the default configuration of the FIT of `size` bytes at blob. kernel_gpa is
 * where the kernel will run: a kernel `load` or `entry` elsewhere is refused.
 * 0, or -1 with one line in why: what is wrong, with which image, what to do. */
int fit_open(const void *blob, uint64_t size, uint64_t kernel_gpa, struct fit_guest *g,
	     char *why, size_t why_len);

#endif
