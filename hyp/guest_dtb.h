/* The device tree each guest boots with: guest/guest.dts with this VM's values. */
#ifndef HYP_GUEST_DTB_H
#define HYP_GUEST_DTB_H
#include <stddef.h>
#include <stdint.h>

struct guest_dtb_params {
	uint64_t ram_base, ram_size;   /* /memory reg */
	uint32_t timebase;             /* /cpus timebase-frequency */
	const char *isa;               /* riscv,isa: what the guest is really offered (rv64);
	                                * riscv,isa-base and -extensions say the same */
	const char *bootargs;          /* /chosen bootargs; NULL means "" */
	uint32_t boot_count;           /* /chosen hpmvisor,boot-count: 0, then +1 per SRST reboot */
	unsigned n_vcpus;              /* cpu@0 .. cpu@(n_vcpus-1), 1..GUEST_DTB_MAX_VCPUS */
	uint64_t initrd_start, initrd_end; /* /chosen linux,initrd-start/-end (64-bit, as the
	                                    * root's #address-cells = 2); none when equal */
};

#define GUEST_DTB_MAX_VCPUS 8  /* cpu nodes in guest/guest.dts */

/* Writes the guest DTB to out (place it 8-byte aligned in guest RAM, as Linux expects).
 * With more than 2 vcpus (or 2 and a ramdisk) it is built in two rounds through the halves of out, which
 * then needs twice the DTB's size (about 3 KiB with 8 vcpus).
 * Returns its size, or a negative FDT_ERR_* (FDT_ERR_NOSPACE when out_cap is too small,
 * FDT_ERR_BADARG without an isa string or with a vcpu count out of range). */
int guest_dtb_build(void *out, size_t out_cap, const struct guest_dtb_params *p);

#endif
