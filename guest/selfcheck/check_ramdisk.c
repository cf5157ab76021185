/* The ramdisk, when the loader gave one (a FIT's ramdisk under hpmvisor, or the
 * firmware's initrd): /chosen linux,initrd-start/-end as Linux reads them, inside
 * RAM and clear of this image (its header's image_size), and its content whole.
 * The test ramdisks (tests/qemu/lib.sh make_ramdisk) end in "HPRD" and the CRC-32
 * of everything before it, little endian: what gzip's trailer holds. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "fdt.h"
#include "harness.h"
#include "hyp/crc32.h"
#include "runtime.h"

void check_ramdisk(void)
{
	unsigned ls, le;
	const void *ps = env.dtb ? fdt_prop(env.dtb, "/chosen", "linux,initrd-start", &ls) : NULL;
	const void *pe = env.dtb ? fdt_prop(env.dtb, "/chosen", "linux,initrd-end", &le) : NULL;

	if (!ps && !pe) {
		printf("# no ramdisk in /chosen\n");
		return;
	}
	if (!check(ps && pe && ls == 8 && le == 8, "ramdisk: linux,initrd-start and -end are two cells each",
		   "start %s %u bytes, end %s %u bytes", ps ? "is" : "missing,", ps ? ls : 0,
		   pe ? "is" : "missing,", pe ? le : 0))
		return;
	unsigned long start = fdt_cells(ps, 2), end = fdt_cells(pe, 2);
	printf("# ramdisk at 0x%lx..0x%lx (%lu bytes)\n", start, end, end - start);
	if (!check(start < end && start >= (unsigned long)__image_end && end <= env.ram_end,
		   "ramdisk: inside RAM, past this image and its bss",
		   "0x%lx..0x%lx, image ends at 0x%lx, RAM at 0x%lx", start, end,
		   (unsigned long)__image_end, env.ram_end))
		return;
	const uint8_t *rd = (const uint8_t *)start;
	unsigned long len = end - start;
	if (!check(len >= 8 && memcmp(rd + len - 8, "HPRD", 4) == 0, "ramdisk: ends in the test trailer",
		   "%lu bytes, no \"HPRD\" 8 bytes before the end", len))
		return;
	const uint8_t *t = rd + len - 4;
	uint32_t want = (uint32_t)t[0] | (uint32_t)t[1] << 8 | (uint32_t)t[2] << 16 | (uint32_t)t[3] << 24;
	uint32_t got = crc32(rd, len - 8);
	check(got == want, "ramdisk: content whole (CRC-32)", "got 0x%08x, expected 0x%08x", (unsigned)got,
	      (unsigned)want);
}
