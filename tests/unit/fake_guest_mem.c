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
	return gmem_within(m, gpa, len);
}

/* One access: the tripwire, the log, then the real gate's rules and copy. */
static int logged_access(const struct guest_mem *m, const char *what, unsigned *n,
		  typeof(fake_gmem.reads[0]) *log, uint64_t gpa, void *buf, uint64_t len,
		  enum gmem_dir dir)
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
		return -1;
	gmem_copy(m, gpa, buf, len, dir);
	return 0;
}

int gmem_read(const struct guest_mem *m, uint64_t gpa, void *dst, uint64_t len)
{
	return logged_access(m, "read", &fake_gmem.n_read, fake_gmem.reads, gpa, dst, len, GMEM_FROM_GUEST);
}

int gmem_write(struct guest_mem *m, uint64_t gpa, const void *src, uint64_t len)
{
	/* gmem_copy only reads buf in this direction. */
	return logged_access(m, "write", &fake_gmem.n_write, fake_gmem.writes, gpa, (void *)src, len,
		      GMEM_TO_GUEST);
}

int gmem_write32s(struct guest_mem *m, uint64_t gpa, uint64_t stride, const uint32_t *vals, unsigned n)
{
	if (fake_gmem.forbid)
		fail_msg("guest memory write of %u words at %#llx where none is allowed", n,
			 (unsigned long long)gpa);
	fake_gmem.n_write++;
	if (m->closed || !gmem_range_ok(m, gpa, gmem_span32s(gpa, stride, n)))
		return -1;
	gmem_store32s(m, gpa, stride, vals, n);
	return 0;
}

void gmem_close(struct guest_mem *m)
{
	fake_gmem.n_close++;
	m->closed = true;
}
