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

/* One access: the tripwire, the log, then the real gate's rules. The host
 * address of the bytes, or NULL when the gate refuses. */
static uint8_t *access_at(const struct guest_mem *m, const char *what, unsigned *n,
			  typeof(fake_gmem.reads[0]) *log, uint64_t gpa, uint64_t len)
{
	if (fake_gmem.forbid)
		fail_msg("guest memory %s at %#llx (%llu bytes) where none is allowed", what,
			 (unsigned long long)gpa, (unsigned long long)len);
	if (*n < FAKE_GMEM_LOG) {
		log[*n].gpa = gpa;
		log[*n].len = len;
	}
	(*n)++;
	if (m->closed || !gmem_range_ok(m, gpa, len))
		return NULL;
	return m->hva + (gpa - m->gpa_base);
}

int gmem_read(const struct guest_mem *m, uint64_t gpa, void *dst, uint64_t len)
{
	uint8_t *at = access_at(m, "read", &fake_gmem.n_read, fake_gmem.reads, gpa, len);
	if (!at)
		return -1;
	memcpy(dst, at, len);
	return 0;
}

int gmem_write(struct guest_mem *m, uint64_t gpa, const void *src, uint64_t len)
{
	uint8_t *at = access_at(m, "write", &fake_gmem.n_write, fake_gmem.writes, gpa, len);
	if (!at)
		return -1;
	memcpy(at, src, len);
	return 0;
}

void gmem_close(struct guest_mem *m)
{
	fake_gmem.n_close++;
	m->closed = true;
}
