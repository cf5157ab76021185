/* The fixture the PMU unit tests share: a fake firmware PMU (fake_pmu_hw.c)
 * booted and probed into `host`, and one vcpu PMU `p` over guest RAM `gm` at
 * RAM_GPA. Used whole by test_pmu.c, test_pmu_snapshot.c and
 * test_pmu_teardown.c; test_teardown.c uses only the host and RAM halves, as
 * its vcpu lives inside a whole VM.
 *
 * The RAM buffer stays in each test: the sizes differ on purpose (the
 * snapshot tests want a last page that straddles the end of RAM, the
 * teardown tests mmap theirs to make it read-only), and the tests take
 * sizeof() of it. So does the fill byte: tests that compare RAM byte for byte
 * pick a sentinel that no write of the PMU would produce by accident.
 *
 * Link pmu_fixture.c with the PMU core and one guest-memory gate
 * (mm/guest_mem.c or the fake of fake_guest_mem.c): the fixture itself never
 * touches guest memory, so it works with both. */
#ifndef PMU_FIXTURE_H
#define PMU_FIXTURE_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "fake_pmu_hw.h"
#include "mm/guest_mem.h"

#define RAM_GPA  0x80000000ull

extern struct pmu_host host;
extern struct guest_mem gm;
extern struct vcpu_pmu *const p;

/* Boot the fake firmware (sscof: Sscofpmf present; lcofi: the hart has Ssaia
 * and hvien.13 and hvip.13 stick, so the overflow interrupt can reach VS) and probe it into
 * h; the probe must succeed. The firmware call count starts at zero after
 * the probe, so tests count only the calls a guest call causes. */
void pmu_fixture_host(struct pmu_host *h, bool sscof, bool lcofi);

/* ram[0..size) filled with fill, as guest memory at RAM_GPA. */
struct guest_mem pmu_fixture_ram(uint8_t *ram, size_t size, uint8_t fill);

/* Both of the above into host and gm, then a fresh vcpu PMU p over them. */
void pmu_fixture_boot(bool sscof, bool lcofi, uint8_t *ram, size_t size, uint8_t fill);

/* A guest SBI PMU call on p, e.g. CALL(COUNTER_START, base, mask, flags, v, 0). */
#define CALL(fid, ...) pmu_call(p, SBI_PMU_##fid, __VA_ARGS__)
#define assert_err(r, e) assert_int_equal((r).error, (e))

/* counter_config_matching on p: the counter picked, or the (negative) error. */
long cfg(unsigned long base, unsigned long mask, unsigned long flags, unsigned long ev);

#endif
