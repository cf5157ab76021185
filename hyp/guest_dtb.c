#include "hyp/guest_dtb.h"
#include "boot/fdt.h"
#include "boot/fdt_patch.h"
#include <string.h>

/* hyp/guest_dtb_blob.S */
extern const uint8_t guest_dtb_template[] __attribute__((visibility("hidden")));
extern const uint8_t guest_dtb_template_end[] __attribute__((visibility("hidden")));

int guest_dtb_build(void *out, size_t out_cap, const struct guest_dtb_params *p)
{
	const char *bootargs = p && p->bootargs ? p->bootargs : "";
	uint8_t reg[16], tb[4], boots[4];

	if (!p || !p->isa || p->n_vcpus < 1 || p->n_vcpus > GUEST_DTB_MAX_VCPUS)
		return FDT_ERR_BADARG;
	fdt_put_be64(reg, p->ram_base);
	fdt_put_be64(reg + 8, p->ram_size);
	fdt_put_be32(tb, p->timebase);
	fdt_put_be32(boots, p->boot_count);
	/* "/memory" matches memory@<anything>: the template's unit address may differ. */
	static const char *const cpu_paths[GUEST_DTB_MAX_VCPUS] = {
		"/cpus/cpu@0", "/cpus/cpu@1", "/cpus/cpu@2", "/cpus/cpu@3",
		"/cpus/cpu@4", "/cpus/cpu@5", "/cpus/cpu@6", "/cpus/cpu@7",
	};
	struct fdt_patch_op ops[FDT_PATCH_MAX_OPS] = {
		{ "/memory", "reg", reg, sizeof(reg) },
		{ "/cpus", "timebase-frequency", tb, sizeof(tb) },
		{ "/chosen", "bootargs", bootargs, (uint32_t)strlen(bootargs) + 1 },
		/* Lets a guest tell a reboot from its first boot (its RAM does not survive). */
		{ "/chosen", "hpmvisor,boot-count", boots, sizeof(boots) },
	};
	int n = 4;
	/* Every vcpu's riscv,isa; the cpus the VM does not have are left out. */
	for (unsigned i = 0; i < GUEST_DTB_MAX_VCPUS; i++)
		ops[n++] = i < p->n_vcpus
			   ? (struct fdt_patch_op){ cpu_paths[i], "riscv,isa", p->isa, (uint32_t)strlen(p->isa) + 1 }
			   : (struct fdt_patch_op){ cpu_paths[i], NULL, NULL, 0 };
	return fdt_patch(guest_dtb_template, (size_t)(guest_dtb_template_end - guest_dtb_template),
			 out, out_cap, ops, n);
}
