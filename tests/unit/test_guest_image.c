/* hyp/guest_image.c: a non-FIT image is the kernel, byte for byte as before; a Linux
 * image header's image_size is what the kernel occupies; the ramdisk goes on the
 * first 2 MiB boundary past it and must end before the DTB. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "hyp/guest_image.h"

#define BASE 0x80000000ULL
#define MiB (1ULL << 20)
#define KERNEL_GPA (BASE + GUEST_KERNEL_OFFSET)

static uint8_t blob[4096];
static char why[256];

/* A Linux RISC-V image header (boot-image-header.rst) claiming image_size. */
static void linux_header(uint8_t *b, uint64_t image_size, bool magic2)
{
	memset(b, 0, 64);
	for (int i = 0; i < 8; i++)
		b[16 + i] = (uint8_t)(image_size >> (8 * i));
	if (magic2)
		memcpy(b + 56, "RSC\x05", 4);
	else
		memcpy(b + 48, "RISCV\0\0\0", 8);
}

static void plain_image_is_the_kernel(void **s)
{
	struct guest_image img;
	memset(blob, 0x13, sizeof(blob));
	assert_int_equal(guest_image_open(&img, blob, 1000, KERNEL_GPA, why, sizeof(why)), 0);
	assert_false(img.fit);
	assert_ptr_equal(img.kernel, blob);
	assert_int_equal(img.kernel_size, 1000);
	assert_int_equal(img.kernel_span, 1000);
	assert_null(img.ramdisk);
	/* Shorter than a header: still a kernel. */
	assert_int_equal(guest_image_open(&img, blob, 3, KERNEL_GPA, why, sizeof(why)), 0);
	assert_int_equal(img.kernel_span, 3);
}

static void linux_header_image_size_counts(void **s)
{
	struct guest_image img;
	linux_header(blob, 30 * MiB, true);
	assert_int_equal(guest_image_open(&img, blob, sizeof(blob), KERNEL_GPA, why, sizeof(why)), 0);
	assert_int_equal(img.kernel_span, 30 * MiB);
	linux_header(blob, 7 * MiB + 5, false);  /* header 0.1: only the old magic */
	assert_int_equal(guest_image_open(&img, blob, sizeof(blob), KERNEL_GPA, why, sizeof(why)), 0);
	assert_int_equal(img.kernel_span, 7 * MiB + 5);
	linux_header(blob, 100, true);           /* smaller than the file: the file counts */
	assert_int_equal(guest_image_open(&img, blob, sizeof(blob), KERNEL_GPA, why, sizeof(why)), 0);
	assert_int_equal(img.kernel_span, sizeof(blob));
}

static struct guest_image with_ramdisk(uint64_t span, uint64_t rd_size)
{
	static const uint8_t rd[1];
	return (struct guest_image){ .kernel = blob, .kernel_size = 64, .kernel_span = span,
				     .ramdisk = rd, .ramdisk_size = rd_size };
}

static void layout_without_ramdisk(void **s)
{
	struct guest_layout l;
	struct guest_image img = with_ramdisk(5000, 0);
	img.ramdisk = NULL;
	assert_int_equal(guest_image_place(&img, BASE, 64 * MiB, &l, why, sizeof(why)), 0);
	assert_int_equal(l.kernel, 0x80200000);
	assert_int_equal(l.dtb, BASE + 64 * MiB - GUEST_DTB_SPACE);
	assert_int_equal(l.ramdisk, 0);
	assert_int_equal(l.ramdisk_end, 0);
}

static void ramdisk_past_the_kernel_span_2mib_aligned(void **s)
{
	struct guest_layout l;
	struct guest_image img = with_ramdisk(5000, 123457);
	assert_int_equal(guest_image_place(&img, BASE, 64 * MiB, &l, why, sizeof(why)), 0);
	assert_int_equal(l.ramdisk, 0x80400000);
	assert_int_equal(l.ramdisk_end, 0x80400000 + 123457);
	/* A span of exactly 2 MiB ends on a boundary: the ramdisk starts right there. */
	img = with_ramdisk(2 * MiB, 1);
	assert_int_equal(guest_image_place(&img, BASE, 64 * MiB, &l, why, sizeof(why)), 0);
	assert_int_equal(l.ramdisk, 0x80400000);
	/* Linux's image_size, not its file size, decides (30 MiB of bss past a 64-byte file). */
	img = with_ramdisk(30 * MiB + 1, 4096);
	assert_int_equal(guest_image_place(&img, BASE, 64 * MiB, &l, why, sizeof(why)), 0);
	assert_int_equal(l.ramdisk, BASE + 2 * MiB + 32 * MiB);
}

static void ramdisk_must_end_before_the_dtb(void **s)
{
	struct guest_layout l;
	uint64_t ram = 16 * MiB, dtb = BASE + ram - GUEST_DTB_SPACE;
	struct guest_image img = with_ramdisk(5000, dtb - 0x80400000);  /* ends right at the DTB */
	assert_int_equal(guest_image_place(&img, BASE, ram, &l, why, sizeof(why)), 0);
	assert_int_equal(l.ramdisk_end, l.dtb);
	img.ramdisk_size++;
	assert_int_equal(guest_image_place(&img, BASE, ram, &l, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "guest ramdisk of 12517377 bytes does not fit in 16 MiB of guest RAM"));
	assert_non_null(strstr(why, "raise hpmvisor.mem="));
	/* Huge sizes do not wrap. */
	img.ramdisk_size = UINT64_MAX;
	assert_int_equal(guest_image_place(&img, BASE, ram, &l, why, sizeof(why)), -1);
	/* A kernel span that leaves no 2 MiB boundary before the DTB. */
	img = with_ramdisk(ram - GUEST_KERNEL_OFFSET - GUEST_DTB_SPACE, 1);
	assert_int_equal(guest_image_place(&img, BASE, ram, &l, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "guest ramdisk of 1 bytes"));
}

static void kernel_must_fit(void **s)
{
	struct guest_layout l;
	uint64_t ram = 4 * MiB;
	struct guest_image img = with_ramdisk(ram - GUEST_KERNEL_OFFSET - GUEST_DTB_SPACE, 0);
	img.ramdisk = NULL;
	assert_int_equal(guest_image_place(&img, BASE, ram, &l, why, sizeof(why)), 0);
	img.kernel_span++;
	assert_int_equal(guest_image_place(&img, BASE, ram, &l, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "guest kernel of 64 bytes needs 2031617 bytes past GPA 0x80200000 (its image_size counts its bss), more than 4 MiB of guest RAM leaves"));
	/* RAM too small for even the kernel offset and the DTB. */
	assert_int_equal(guest_image_place(&img, BASE, MiB, &l, why, sizeof(why)), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_image_is_the_kernel),
		cmocka_unit_test(linux_header_image_size_counts),
		cmocka_unit_test(layout_without_ramdisk),
		cmocka_unit_test(ramdisk_past_the_kernel_span_2mib_aligned),
		cmocka_unit_test(ramdisk_must_end_before_the_dtb),
		cmocka_unit_test(kernel_must_fit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
