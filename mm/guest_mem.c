#include "mm/guest_mem.h"
#include <string.h>

bool gmem_range_ok(const struct guest_mem *m, uint64_t gpa, uint64_t len)
{
	if (len == 0 || gpa < m->gpa_base)
		return false;
	uint64_t off = gpa - m->gpa_base;
	return off < m->size && len <= m->size - off;
}

int gmem_read(const struct guest_mem *m, uint64_t gpa, void *dst, uint64_t len)
{
	if (m->closed || !gmem_range_ok(m, gpa, len))
		return -1;
	memcpy(dst, m->hva + (gpa - m->gpa_base), len);
	return 0;
}

int gmem_write(struct guest_mem *m, uint64_t gpa, const void *src, uint64_t len)
{
	if (m->closed || !gmem_range_ok(m, gpa, len))
		return -1;
	memcpy(m->hva + (gpa - m->gpa_base), src, len);
	return 0;
}

void gmem_close(struct guest_mem *m)
{
	m->closed = true;
}
