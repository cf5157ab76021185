/* A virtual machine: its RAM, G-stage, VMID and vcpus; creation and the fixed
 * teardown order of docs/design.md. */
#ifndef HYP_VM_H
#define HYP_VM_H
#include <stdbool.h>
#include <stdint.h>
#include "hyp/guest_image.h"
#include "hyp/hart.h"
#include "hyp/mmio.h"
#include "hyp/vcpu.h"
#include "mm/gstage.h"
#include "mm/guest_mem.h"

#define GUEST_RAM_BASE    0x80000000ULL
#define GUEST_IMAGE_GPA   (GUEST_RAM_BASE + GUEST_KERNEL_OFFSET)

struct vm {
	unsigned id;
	struct vm_life life;   /* who ends it, how many vcpus run (hyp/vcpu_state.h) */
	struct guest_mem mem;
	struct gstage gstage;
	int vmid;
	uint64_t hgatp;
	unsigned n_vcpus;
	struct mmio_devices dev;  /* its UART, on the hypervisor's console */
	struct vcpu vcpus[MAX_HARTS];  /* vcpu i runs on harts[i] */
};

/* On v's own hart: load the CSRs for v's VM and enter it (first entry,
 * HSM start, reboot). */
void vcpu_run(struct vcpu *v) __attribute__((noreturn));
/* Create the first VM from the guest image and run it. */
void vm_boot_first(void) __attribute__((noreturn));
/* Called on the hart of vcpu `self`, which ends the VM:
 * a guest misbehaved: report one line, destroy its VM, carry on; */
void vm_stop_faulty(struct vcpu *self, const char *fmt, ...) __attribute__((noreturn, format(printf, 2, 3)));
/* SRST from the guest: shut down (failure recorded) or reboot from the image; */
void vm_shutdown(struct vcpu *self, bool failure) __attribute__((noreturn));
void vm_reboot(struct vcpu *self) __attribute__((noreturn));
/* HSM hart_stop: self stops; the last running vcpu to stop ends the VM. */
void vm_vcpu_stop(struct vcpu *self) __attribute__((noreturn));

#endif
