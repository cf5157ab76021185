/* What the hypervisor learned at boot and owns for its lifetime. */
#ifndef HYP_HYP_H
#define HYP_HYP_H
#include <stdbool.h>
#include <stdint.h>
#include "boot/options.h"
#include "hyp/guest_image.h"
#include "mm/palloc.h"
#include "mm/vmid.h"
#include "pmu/pmu.h"

struct hyp {
	unsigned boot_hart;
	uint32_t timebase;
	char host_isa[128];
	bool sstc;                /* vstimecmp usable: guests get Sstc and the fast timer */
	int gstage_levels;        /* 3 = Sv39x4, 4 = Sv48x4 */
	struct palloc mem;
	uint64_t free_before_vms; /* free bytes of mem before the first VM: each VM's end gives all back */
	struct vmid_pool vmids;
	struct pmu_host pmu;
	struct hyp_options opt;
	unsigned long mvendorid, marchid, mimpid; /* the firmware's, passed to guests */
	struct guest_image image;  /* the kernel (and ramdisk) every VM is created from */
	bool any_guest_failed;
};

extern struct hyp hyp;  /* filled by hyp_main (hyp/hyp.c) */

/* Called by boot/entry.S on the boot hart, relocated, on the boot stack:
 * a0 = hart id, a1 = DTB, load_base = where the image runs, bad_relocs =
 * relocations entry.S could not apply. Never returns. */
void hyp_main(unsigned long hartid, const void *dtb, uintptr_t load_base, unsigned long bad_relocs)
	__attribute__((noreturn));
/* Called by hyp/trap.S for a trap taken in HS-mode: a hypervisor bug. */
void hyp_fatal_trap(unsigned long scause, unsigned long sepc, unsigned long stval) __attribute__((noreturn));

#endif
