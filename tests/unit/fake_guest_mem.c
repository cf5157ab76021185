/* Fake guest memory gate: see fake_guest_mem.h. Same rules as mm/guest_mem.c,
 * plus bookkeeping and the tripwire. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>
#include "fake_guest_mem.h"

struct fake_gmem fake_gmem;

void fake_gmem_reset(void)
{
	memset(&fake_gmem, 0, sizeof(fake_gmem));
}

bool gmem_range_ok(const struct guest_mem *m, uint64_t gpa, uint64_t len)
{
	fake_gmem.n_range_ok++;
	if (len == 0 || gpa < m->gpa_base)
		return false;
	uint64_t off = gpa - m->gpa_base;
	return off < m->size && len <= m->size - off;
}

int gmem_read(const struct guest_mem *m, uint64_t gpa, void *dst, uint64_t len)
{
	if (fake_gmem.forbid)
		fail_msg("guest memory read at %#llx (%llu bytes) where none is allowed",
			 (unsigned long long)gpa, (unsigned long long)len);
	if (fake_gmem.n_read < FAKE_GMEM_LOG) {
		fake_gmem.reads[fake_gmem.n_read].gpa = gpa;
		fake_gmem.reads[fake_gmem.n_read].len = len;
	}
	fake_gmem.n_read++;
	if (m->closed || !gmem_range_ok(m, gpa, len))
		return -1;
	memcpy(dst, m->hva + (gpa - m->gpa_base), len);
	return 0;
}

int gmem_write(struct guest_mem *m, uint64_t gpa, const void *src, uint64_t len)
{
	if (fake_gmem.forbid)
		fail_msg("guest memory write at %#llx (%llu bytes) where none is allowed",
			 (unsigned long long)gpa, (unsigned long long)len);
	if (fake_gmem.n_write < FAKE_GMEM_LOG) {
		fake_gmem.writes[fake_gmem.n_write].gpa = gpa;
		fake_gmem.writes[fake_gmem.n_write].len = len;
	}
	fake_gmem.n_write++;
	if (m->closed || !gmem_range_ok(m, gpa, len))
		return -1;
	memcpy(m->hva + (gpa - m->gpa_base), src, len);
	return 0;
}

void gmem_close(struct guest_mem *m)
{
	fake_gmem.n_close++;
	m->closed = true;
}
