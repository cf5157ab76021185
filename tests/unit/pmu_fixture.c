/* The PMU tests' shared fixture: see pmu_fixture.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>
#include "pmu_fixture.h"

struct pmu_host host;
struct guest_mem gm;
static struct vcpu_pmu vp;
struct vcpu_pmu *const p = &vp;

void pmu_fixture_host(struct pmu_host *h, bool sscof, bool lcofi)
{
	fake_pmu_boot(sscof);
	/* lcofi: a hart with Ssaia where hvien.13 and hvip.13 stick */
	fake_pmu.hvien13 = fake_pmu.hvip13 = lcofi;
	struct pmu_host_isa isa = { .sscofpmf = sscof, .ssaia = lcofi };
	assert_int_equal(pmu_host_probe(h, isa), 0);
	/* the tests count what the calls after the probe ask of the firmware */
	fake_pmu.n_calls = fake_pmu.n_config = 0;
	fake_pmu.reset_done = 0;
}

struct guest_mem pmu_fixture_ram(uint8_t *ram, size_t size, uint8_t fill)
{
	memset(ram, fill, size);
	return (struct guest_mem){ .gpa_base = RAM_GPA, .size = size, .hva = ram };
}

void pmu_fixture_boot(bool sscof, bool lcofi, uint8_t *ram, size_t size, uint8_t fill)
{
	pmu_fixture_host(&host, sscof, lcofi);
	gm = pmu_fixture_ram(ram, size, fill);
	pmu_vcpu_init(p, &host, &gm);
}

long cfg(unsigned long base, unsigned long mask, unsigned long flags, unsigned long ev)
{
	struct sbiret r = CALL(COUNTER_CFG_MATCH, base, mask, flags, ev, 0);
	return r.error ? r.error : r.value;
}
