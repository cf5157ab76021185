#include "hyp/guest_dtb.h"
#include "boot/fdt.h"
#include "boot/fdt_patch.h"
#include "boot/isa.h"
#include <string.h>

/* hyp/guest_dtb_blob.S */
extern const uint8_t guest_dtb_template[] __attribute__((visibility("hidden")));
extern const uint8_t guest_dtb_template_end[] __attribute__((visibility("hidden")));

/* The longest riscv,isa and riscv,isa-extensions isa.c can write (every letter and
 * name of its table), with room to spare. */
#define ISA_TEXT_MAX 512

/* fdt_patch takes FDT_PATCH_MAX_OPS at a time: more are applied in rounds, copying
 * between the two halves of out, so that the last round lands at out. */
static int patch(void *out, size_t out_cap, const struct fdt_patch_op *ops, int n)
{
	int rounds = (n + FDT_PATCH_MAX_OPS - 1) / FDT_PATCH_MAX_OPS;
	size_t cap = rounds > 1 ? out_cap / 2 : out_cap;
	uint8_t *half[2] = { out, (uint8_t *)out + cap };
	const uint8_t *src = guest_dtb_template;
	int size = (int)(guest_dtb_template_end - guest_dtb_template);

	for (int r = 0; r < rounds; r++) {
		int first = r * FDT_PATCH_MAX_OPS, k = n - first;
		uint8_t *dst = half[(rounds - 1 - r) % 2];

		size = fdt_patch(src, (size_t)size, dst, cap, ops + first,
				 k < FDT_PATCH_MAX_OPS ? k : FDT_PATCH_MAX_OPS);
		if (size < 0)
			return size;
		src = dst;
	}
	return size;
}

int guest_dtb_build(void *out, size_t out_cap, const struct guest_dtb_params *p)
{
	const char *bootargs = p && p->bootargs ? p->bootargs : "";
	uint8_t reg[16], tb[4], boots[4], initrd[2][8];
	char isa[ISA_TEXT_MAX], list[ISA_TEXT_MAX];
	struct isa_set set;
	int isa_len, list_len;

	if (!p || !p->isa || p->n_vcpus < 1 || p->n_vcpus > GUEST_DTB_MAX_VCPUS ||
	    isa_from_string(&set, p->isa) || set.xlen != 64)
		return FDT_ERR_BADARG;
	/* All three ISA properties from one set, so they cannot disagree. */
	isa_len = isa_to_string(&set, isa, sizeof(isa));
	list_len = isa_to_list(&set, list, sizeof(list));
	if (isa_len < 0 || list_len < 0)
		return FDT_ERR_NOSPACE;
	const char *base = isa_base(&set);
	fdt_put_be64(reg, p->ram_base);
	fdt_put_be64(reg + 8, p->ram_size);
	fdt_put_be32(tb, p->timebase);
	fdt_put_be32(boots, p->boot_count);
	/* "/memory" matches memory@<anything>: the template's unit address may differ. */
	static const char *const cpu_paths[GUEST_DTB_MAX_VCPUS] = {
		"/cpus/cpu@0", "/cpus/cpu@1", "/cpus/cpu@2", "/cpus/cpu@3",
		"/cpus/cpu@4", "/cpus/cpu@5", "/cpus/cpu@6", "/cpus/cpu@7",
	};
	struct fdt_patch_op ops[6 + 3 * GUEST_DTB_MAX_VCPUS] = {
		{ "/memory", "reg", reg, sizeof(reg) },
		{ "/cpus", "timebase-frequency", tb, sizeof(tb) },
		{ "/chosen", "bootargs", bootargs, (uint32_t)strlen(bootargs) + 1 },
		/* Lets a guest tell a reboot from its first boot (its RAM does not survive). */
		{ "/chosen", "hpmvisor,boot-count", boots, sizeof(boots) },
	};
	int n = 4;
	/* The ramdisk, where Linux looks for it. */
	if (p->initrd_end > p->initrd_start) {
		fdt_put_be64(initrd[0], p->initrd_start);
		fdt_put_be64(initrd[1], p->initrd_end);
		ops[n++] = (struct fdt_patch_op){ "/chosen", "linux,initrd-start", initrd[0], 8 };
		ops[n++] = (struct fdt_patch_op){ "/chosen", "linux,initrd-end", initrd[1], 8 };
	}
	/* Every vcpu's ISA; the cpus the VM does not have are left out. */
	for (unsigned i = 0; i < GUEST_DTB_MAX_VCPUS; i++) {
		if (i >= p->n_vcpus) {
			ops[n++] = (struct fdt_patch_op){ cpu_paths[i], NULL, NULL, 0 };
			continue;
		}
		ops[n++] = (struct fdt_patch_op){ cpu_paths[i], "riscv,isa", isa, (uint32_t)isa_len + 1 };
		ops[n++] = (struct fdt_patch_op){ cpu_paths[i], "riscv,isa-base", base, (uint32_t)strlen(base) + 1 };
		ops[n++] = (struct fdt_patch_op){ cpu_paths[i], "riscv,isa-extensions", list, (uint32_t)list_len };
	}
	return patch(out, out_cap, ops, n);
}
