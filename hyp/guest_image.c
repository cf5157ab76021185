#include "hyp/guest_image.h"
#include <stdio.h>
#include <string.h>

#define MIB(x) ((unsigned long long)(x) >> 20)

/* Linux's RISC-V image header (Documentation/arch/riscv/boot-image-header.rst):
 * little-endian image_size at 16, "RISCV\0\0\0" at 48 (deprecated), "RSC\x05" at 56. */
enum { LINUX_HDR_SIZE = 64, LINUX_HDR_IMAGE_SIZE = 16, LINUX_HDR_MAGIC = 48, LINUX_HDR_MAGIC2 = 56 };

static uint64_t le64(const uint8_t *p)
{
	uint64_t v = 0;
	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/* What the kernel occupies past its load address: image_size counts its bss too. */
static uint64_t kernel_span(const uint8_t *k, uint64_t size)
{
	if (size < LINUX_HDR_SIZE || (memcmp(k + LINUX_HDR_MAGIC2, "RSC\x05", 4) != 0 &&
				      memcmp(k + LINUX_HDR_MAGIC, "RISCV\0\0\0", 8) != 0))
		return size;
	uint64_t image_size = le64(k + LINUX_HDR_IMAGE_SIZE);
	return image_size > size ? image_size : size;
}

int guest_image_open(struct guest_image *img, const uint8_t *blob, uint64_t size, uint64_t kernel_gpa,
		     char *why, size_t why_len)
{
	memset(img, 0, sizeof(*img));
	img->kernel = blob;
	img->kernel_size = size;
	if (fit_is_fit(blob, size)) {
		if (fit_open(blob, size, kernel_gpa, &img->from, why, why_len))
			return -1;
		img->fit = true;
		img->kernel = img->from.kernel.data;
		img->kernel_size = img->from.kernel.size;
		img->ramdisk = img->from.ramdisk.data;
		img->ramdisk_size = img->from.ramdisk.size;
	}
	img->kernel_span = kernel_span(img->kernel, img->kernel_size);
	return 0;
}

static int describe_part(char *out, size_t len, const char *role, const struct fit_part *p)
{
	return snprintf(out, len, "%s \"%s\" %llu bytes (%s%s)", role, p->name, (unsigned long long)p->size,
			p->hashes[0] ? p->hashes : "no hash node", p->hashes[0] ? " checked" : "");
}

void guest_image_describe(const struct guest_image *img, char *out, size_t len)
{
	out[0] = 0;
	if (!img->fit)
		return;
	int n = snprintf(out, len, "guest image: FIT configuration \"%s\": ", img->from.config);
	if (n > 0 && (size_t)n < len)
		n += describe_part(out + n, len - (size_t)n, "kernel", &img->from.kernel);
	if (img->ramdisk && n > 0 && (size_t)n + 2 < len) {
		memcpy(out + n, ", ", 3);
		describe_part(out + n + 2, len - (size_t)n - 2, "ramdisk", &img->from.ramdisk);
	}
}

int guest_image_place(const struct guest_image *img, uint64_t ram_base, uint64_t ram_size,
		      struct guest_layout *l, char *why, size_t why_len)
{
	memset(l, 0, sizeof(*l));
	l->kernel = ram_base + GUEST_KERNEL_OFFSET;
	l->dtb = ram_base + ram_size - GUEST_DTB_SPACE;
	uint64_t room = l->dtb > l->kernel ? l->dtb - l->kernel : 0;
	if (img->kernel_span > room) {
		snprintf(why, why_len, "guest kernel of %llu bytes needs %llu bytes past GPA %#llx (its image_size counts its bss), more than %llu MiB of guest RAM leaves; raise hpmvisor.mem=",
			 (unsigned long long)img->kernel_size, (unsigned long long)img->kernel_span,
			 (unsigned long long)l->kernel, MIB(ram_size));
		return -1;
	}
	if (!img->ramdisk)
		return 0;
	uint64_t start = (l->kernel + img->kernel_span + GUEST_RAMDISK_ALIGN - 1) & ~(GUEST_RAMDISK_ALIGN - 1);
	if (start > l->dtb || img->ramdisk_size > l->dtb - start) {
		snprintf(why, why_len, "guest ramdisk of %llu bytes does not fit in %llu MiB of guest RAM (it would start at GPA %#llx, past the kernel; the DTB is at %#llx); raise hpmvisor.mem=",
			 (unsigned long long)img->ramdisk_size, MIB(ram_size), (unsigned long long)start,
			 (unsigned long long)l->dtb);
		return -1;
	}
	l->ramdisk = start;
	l->ramdisk_end = start + img->ramdisk_size;
	return 0;
}
