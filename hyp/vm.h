/* A virtual machine: its RAM, G-stage, VMID and vcpu; creation and the fixed
 * teardown order of DESIGN.md. */
#ifndef HYP_VM_H
#define HYP_VM_H
#include <stdbool.h>
#include <stdint.h>
#include "hyp/vcpu.h"
#include "mm/gstage.h"
#include "mm/guest_mem.h"

#define GUEST_RAM_BASE    0x80000000ULL
#define GUEST_IMAGE_GPA   0x80200000ULL
#define GUEST_DTB_SPACE   (64u << 10)  /* the guest DTB sits in the last 64 KiB of RAM */

struct vm {
	unsigned id;
	bool live;
	uint64_t ram_hpa;
	struct guest_mem mem;
	struct gstage gstage;
	int vmid;
	uint64_t hgatp;
	struct vcpu vcpu;      /* one vcpu per VM, on the boot hart */
};

/* Create the first VM from the guest image and run it. */
void vm_boot_first(void) __attribute__((noreturn));
/* A guest misbehaved: report one line, destroy its VM, carry on. */
void vm_stop_faulty(struct vm *vm, const char *fmt, ...) __attribute__((noreturn, format(printf, 2, 3)));
/* SRST from the guest: shut down (failure recorded) or reboot from the image. */
void vm_shutdown(struct vm *vm, bool failure) __attribute__((noreturn));
void vm_reboot(struct vm *vm) __attribute__((noreturn));

#endif
