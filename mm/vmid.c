#include "mm/vmid.h"
#include <string.h>

static unsigned vmid_count(const struct vmid_pool *p)
{
	return 1u << p->bits;
}

void vmid_init(struct vmid_pool *p, unsigned bits)
{
	memset(p, 0, sizeof *p);
	p->bits = bits < VMID_MAX_BITS ? bits : VMID_MAX_BITS;
}

static int take_lowest(struct vmid_pool *p)
{
	unsigned count = vmid_count(p);
	for (unsigned first = 0; first < count; first += 64) {
		uint64_t free = ~p->used[first / 64];
		if (count - first < 64) /* the pool ends inside this word */
			free &= (1ull << (count - first)) - 1;
		if (free) {
			unsigned bit = (unsigned)__builtin_ctzll(free);
			p->used[first / 64] |= 1ull << bit;
			return (int)(first + bit);
		}
	}
	return -1;
}

int vmid_alloc(struct vmid_pool *p)
{
	spin_lock(&p->lock);
	int vmid = take_lowest(p);
	spin_unlock(&p->lock);
	return vmid;
}

void vmid_free(struct vmid_pool *p, int vmid)
{
	if (vmid < 0 || (unsigned)vmid >= vmid_count(p))
		return;
	spin_lock(&p->lock);
	p->used[vmid / 64] &= ~(1ull << (vmid % 64));
	spin_unlock(&p->lock);
}
