/* A fake mm/guest_mem.c for the PMU teardown tests: counts every call, and
 * with `forbid` set any read or write fails the running test on the spot. */
#ifndef FAKE_GUEST_MEM_H
#define FAKE_GUEST_MEM_H
#include <stdbool.h>
#include <stdint.h>
#include "mm/guest_mem.h"

#define FAKE_GMEM_LOG 64

struct fake_gmem {
	bool forbid;
	unsigned n_range_ok, n_read, n_write, n_close;
	struct { uint64_t gpa, len; } reads[FAKE_GMEM_LOG], writes[FAKE_GMEM_LOG];
};
extern struct fake_gmem fake_gmem;
void fake_gmem_reset(void);

#endif
