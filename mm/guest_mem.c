#include "mm/guest_mem.h"

/* Closed by the teardown on one hart, looked at by the vcpus' harts. */
static bool gmem_is_closed(const struct guest_mem *m)
{
	return __atomic_load_n(&m->closed, __ATOMIC_SEQ_CST);
}

bool gmem_range_ok(const struct guest_mem *m, uint64_t gpa, uint64_t len)
{
	return gmem_within(m, gpa, len);
}

int gmem_read(const struct guest_mem *m, uint64_t gpa, void *dst, uint64_t len)
{
	if (gmem_is_closed(m) || !gmem_range_ok(m, gpa, len))
		return -1;
	gmem_copy(m, gpa, dst, len, GMEM_FROM_GUEST);
	return 0;
}

int gmem_write(struct guest_mem *m, uint64_t gpa, const void *src, uint64_t len)
{
	if (gmem_is_closed(m) || !gmem_range_ok(m, gpa, len))
		return -1;
	/* gmem_copy only reads buf in this direction. */
	gmem_copy(m, gpa, (void *)src, len, GMEM_TO_GUEST);
	return 0;
}

int gmem_write32s(struct guest_mem *m, uint64_t gpa, uint64_t stride, const uint32_t *vals, unsigned n)
{
	if (gmem_is_closed(m) || !gmem_range_ok(m, gpa, gmem_span32s(gpa, stride, n)))
		return -1;
	gmem_store32s(m, gpa, stride, vals, n);
	return 0;
}

void gmem_close(struct guest_mem *m)
{
	__atomic_store_n(&m->closed, true, __ATOMIC_SEQ_CST);
}
