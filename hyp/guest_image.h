/* The guest image hpmvisor was given (the initrd of QEMU -initrd or U-Boot booti):
 * a plain kernel image, or a FIT with a kernel and an optional ramdisk (hyp/fit.c);
 * and where its parts go in a VM's RAM. Pure: no hardware, unit-tested. */
#ifndef HYP_GUEST_IMAGE_H
#define HYP_GUEST_IMAGE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hyp/fit.h"

#define GUEST_KERNEL_OFFSET  0x200000ULL   /* the kernel runs 2 MiB into guest RAM (Linux's text_offset) */
#define GUEST_RAMDISK_ALIGN  0x200000ULL   /* the ramdisk starts on the next 2 MiB boundary past the kernel */
#define GUEST_DTB_SPACE      (64u << 10)   /* the guest DTB sits in the last 64 KiB of RAM */

struct guest_image {
	bool fit;                 /* from a FIT: fit.* says which configuration and images */
	struct fit_guest from;
	const uint8_t *kernel;
	uint64_t kernel_size;
	uint64_t kernel_span;     /* RAM the kernel needs past its load address: its Linux image
	                           * header's image_size (which counts its bss) when larger */
	const uint8_t *ramdisk;   /* NULL: none */
	uint64_t ramdisk_size;
};

struct guest_layout {
	uint64_t kernel;                    /* GPA of the kernel, its entry point */
	uint64_t ramdisk, ramdisk_end;      /* [ramdisk, ramdisk_end), both 0 without one */
	uint64_t dtb;                       /* GPA of the guest DTB */
};

/* From the `size` bytes at blob: a FIT is opened and checked (hashes included),
 * anything else is the kernel as it is. 0, or -1 with one line in why. */
int guest_image_open(struct guest_image *img, const uint8_t *blob, uint64_t size, uint64_t kernel_gpa,
		     char *why, size_t why_len);

/* One line on what a FIT gave, e.g. `guest image: FIT configuration "conf-1": kernel
 * "kernel-1" 36256 bytes (sha256 crc32 checked)`; "" for a plain image. */
void guest_image_describe(const struct guest_image *img, char *out, size_t len);

/* Where the image goes in guest RAM [ram_base, ram_base + ram_size): the kernel at
 * ram_base + GUEST_KERNEL_OFFSET, the ramdisk on the first GUEST_RAMDISK_ALIGN
 * boundary past the kernel's span, the DTB in the last GUEST_DTB_SPACE. 0, or -1
 * with one line in why when a part does not fit. */
int guest_image_place(const struct guest_image *img, uint64_t ram_base, uint64_t ram_size,
		      struct guest_layout *l, char *why, size_t why_len);

#endif
