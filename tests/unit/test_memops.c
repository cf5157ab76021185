#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "mm/memops.h"

#define AREA 600   /* > 4 blocks of 128 bytes, so every loop of memops.c runs */
#define GUARD 0xa5

static uint8_t buf[AREA + 16], src[AREA + 16], want[AREA + 16];

static void fill(uint8_t *b, uint8_t seed)
{
	for (unsigned i = 0; i < sizeof(buf); i++)
		b[i] = (uint8_t)(seed + i * 7);
}

/* Only [off, off+n) changes: the bytes around it are checked too. */
static void zero_every_alignment_and_length(void **s)
{
	for (unsigned off = 0; off < 8; off++)
		for (unsigned n = 0; n + off <= AREA; n++) {
			fill(buf, GUARD);
			fill(want, GUARD);
			for (unsigned i = 0; i < n; i++)
				want[off + i] = 0;
			mem_zero(buf + off, n);
			assert_memory_equal(buf, want, sizeof(buf));
		}
}

static void copy_every_alignment_and_length(void **s)
{
	fill(src, 3);
	for (unsigned doff = 0; doff < 8; doff++)
		for (unsigned soff = 0; soff < 8; soff++)  /* same and different alignment */
			for (unsigned n = 0; n + 8 <= AREA; n += (n < 300 ? 1 : 37)) {
				fill(buf, GUARD);
				fill(want, GUARD);
				for (unsigned i = 0; i < n; i++)
					want[doff + i] = src[soff + i];
				mem_copy(buf + doff, src + soff, n);
				assert_memory_equal(buf, want, sizeof(buf));
			}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(zero_every_alignment_and_length),
		cmocka_unit_test(copy_every_alignment_and_length),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
