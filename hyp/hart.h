/* The physical harts hpmvisor runs on. vcpu i of the VM is pinned to harts[i]
 * (one vcpu per hart, so a guest counter is the host counter of the same
 * index); a hart without a running vcpu is parked, waiting for requests. */
#ifndef HYP_HART_H
#define HYP_HART_H

#include "boot/entry.h"

#define MAX_HARTS        8
#define HART_STACK_SIZE  BOOT_STACK_SIZE  /* the boot hart's holds the same work */

#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stdint.h>

struct vcpu;

/* Requests one hart posts to another, then wakes it with an IPI. */
enum hart_request {
	REQ_RUN       = 1 << 0,  /* enter the pinned vcpu (HSM hart_start, reboot) */
	REQ_STOP      = 1 << 6,  /* teardown step 1: leave guest mode and park */
	REQ_TEARDOWN  = 1 << 1,  /* teardown steps 2-4 for the pinned vcpu here */
	REQ_VSSIP     = 1 << 2,  /* guest IPI: raise hvip.VSSIP */
	REQ_FENCE_I   = 1 << 3,  /* remote fences, acknowledged through fence_done */
	REQ_SFENCE    = 1 << 4,
	REQ_SFENCE_ASID = 1 << 5,
};

struct hart {
	uint64_t stack_top;           /* read by hyp/hart_entry.S (asm_offsets) */
	uint64_t tls;                 /* its thread pointer (picolibc's errno) */
	unsigned long hartid;
	unsigned index;               /* in harts[]: the vcpu id pinned here */
	struct vcpu *vcpu;            /* that vcpu while its VM lives */
	unsigned long requests;       /* enum hart_request bits, atomic */
	unsigned long fence_asked[MAX_HARTS]; /* from hart i: its latest fence sequence */
	unsigned long fence_done[MAX_HARTS];  /* ... and the latest one carried out */
	bool online;
};

extern struct hart harts[MAX_HARTS];
extern unsigned n_harts;

/* Boot: harts[0] is this hart; bring up n-1 more of the DTB's, running
 * hart_secondary_main parked. 0, or -1 with a line logged. */
struct fdt_info;
int harts_start(const struct fdt_info *fdt, unsigned long boot_hartid, unsigned n, unsigned long timebase);

/* Where harts_start sends a hart (hyp/hart_entry.S): stack and tp from the
 * struct hart in a1, then hart_secondary_main. */
void secondary_entry(void);
/* Its C side: say the hart is online and park it. */
void hart_secondary_main(struct hart *h) __attribute__((noreturn));

/* Post requests to h and wake it. */
void hart_post(struct hart *h, unsigned long requests);
/* Ask `to` for fences (REQ_FENCE_* bits) and wait until it carried them out,
 * serving requests to `self` meanwhile so that two harts fencing each other
 * cannot deadlock. */
void hart_fence(struct hart *self, struct hart *to, unsigned long kinds);
/* Handle what is posted to h (host IPI taken while its vcpu runs, or parked). */
void hart_serve(struct hart *h);
/* Wait for requests with nothing to run, on a fresh stack; never returns. */
void hart_park(struct hart *h) __attribute__((noreturn));

/* Teardown step 1 for a vcpu on another hart (hyp/teardown.c): ask that hart
 * to leave guest mode and wait until it has (IPI and wait). */
void vcpu_stop_remote(struct vcpu *self, struct vcpu *v);
/* Teardown steps 2-4 for a stopped vcpu on another hart: ask that hart to run
 * vcpu_teardown and wait until it has. */
void vcpu_teardown_remote(struct vcpu *self, struct vcpu *v);

#endif /* __ASSEMBLER__ */

#endif
