/* VMIDs tag G-stage translations so VMs need not flush each other's TLB entries.
 * The hart implements some number of VMID bits (probed from hgatp, 0 to 14);
 * with 0 bits only VMID 0 exists. Allocation and release take the pool's lock. */
#ifndef MM_VMID_H
#define MM_VMID_H
#include <stdint.h>
#include "boot/spinlock.h"

#define VMID_MAX_BITS 14

struct vmid_pool {
	unsigned bits;                                 /* VMIDs are 0 .. 2^bits - 1 */
	uint64_t used[(1u << VMID_MAX_BITS) / 64];     /* bit n set: VMID n is taken */
	struct spinlock lock;
};

/* All VMIDs free; bits above VMID_MAX_BITS are clamped. */
void vmid_init(struct vmid_pool *p, unsigned bits);
/* The lowest free VMID, or -1 when all are taken. */
int vmid_alloc(struct vmid_pool *p);
/* Out-of-range and already-free VMIDs are ignored. */
void vmid_free(struct vmid_pool *p, int vmid);

#endif
