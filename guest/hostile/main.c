/* Hostile guest: "every guest input is hostile until checked". About 20000
 * ecalls with a fixed-seed PRNG: random EIDs (the implemented extensions,
 * legacy ones, unknown 32- and 64-bit values), random FIDs (mostly 0..12,
 * sometimes huge) and arguments drawn from values that hurt (0, -1, sign
 * bits, RAM base and end, MMIO, addresses past RAM, unaligned ones). Every
 * answer must be an SBI error code; an unknown EID, or a FID past what an
 * extension defines, must get SBI_ERR_NOT_SUPPORTED. The hypervisor must
 * survive all of it and still answer as before.
 *
 * So that the guest does not hurt itself: no SRST, no HSM hart_stop, no
 * legacy shutdown, no hart_start of another hart, no suspend that would
 * succeed (nothing would wake it); an address argument
 * inside guest RAM of a call that accesses memory (DBCN write/read, PMU
 * snapshot set_shmem, event_get_info) is always inside the scratch buffer
 * below, with a length that fits it (or one far past the end of RAM, which
 * must be refused); console output is capped to a few bytes per call and
 * made printable. */
#include <stdint.h>
#include <stdio.h>

#include "console.h"
#include "csr.h"
#include "fdt.h"
#include "harness.h"
#include "runtime.h"
#include "sbi.h"

#define CALLS      20000
#define SEED       0x6e6f7374696c6521UL	/* fixed: every run is the same run */
#define SCRATCH    8192UL
#define DBCN_MAX   8UL			/* bytes one valid DBCN write may print */
#define NOISE      '.'			/* the byte any console call prints */
#define MAX_REPORT 8			/* violations printed in detail */

static unsigned char scratch[SCRATCH] __attribute__((aligned(4096)));

static uint64_t rng = SEED;

static uint64_t rnd(void)	/* xorshift64 */
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static unsigned long below(unsigned long n)
{
	return n ? rnd() % n : 0;
}

#define PICK(arr) ((arr)[below(sizeof(arr) / sizeof((arr)[0]))])

/* --- what is implemented, and how far each extension's FIDs go ---------- */

enum cls { C_BASE, C_TIME, C_IPI, C_RFENCE, C_HSM, C_SUSP, C_DBCN, C_PMU, C_LEGACY, C_UNKNOWN, C_N };
static const char *const cls_name[C_N] = {
	"base", "time", "ipi", "rfence", "hsm", "susp", "dbcn", "pmu", "legacy", "unknown",
};

static const struct known {
	unsigned long eid;
	enum cls cls;
	unsigned long last_fid;	/* FIDs above are undefined: NOT_SUPPORTED */
} known[] = {
	{ SBI_EXT_BASE, C_BASE, SBI_BASE_GET_MIMPID },
	{ SBI_EXT_TIME, C_TIME, SBI_TIME_SET_TIMER },
	{ SBI_EXT_IPI, C_IPI, SBI_IPI_SEND_IPI },
	{ SBI_EXT_RFENCE, C_RFENCE, SBI_RFENCE_REMOTE_HFENCE_VVMA },
	{ SBI_EXT_HSM, C_HSM, SBI_HSM_HART_SUSPEND },
	{ SBI_EXT_SUSP, C_SUSP, SBI_SUSP_SYSTEM_SUSPEND },
	{ SBI_EXT_DBCN, C_DBCN, SBI_DBCN_WRITE_BYTE },
	{ SBI_EXT_PMU, C_PMU, SBI_PMU_EVENT_GET_INFO },
	{ SBI_EXT_0_1_CONSOLE_PUTCHAR, C_LEGACY, ~0UL },	/* FID ignored */
	{ SBI_EXT_0_1_CONSOLE_GETCHAR, C_LEGACY, ~0UL },
};

static const struct known *find_known(unsigned long eid)
{
	for (unsigned i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (known[i].eid == eid)
			return &known[i];
	return NULL;
}

/* Standard extensions hpmvisor does not offer (CPPC, NACL, STA, SSE, FWFT,
 * DBTR, MPXY), and the start of the experimental, vendor and firmware
 * ranges. */
static const unsigned long unoffered[] = {
	0x43505043, 0x4E41434C, 0x535441, 0x535345, 0x46574654,
	0x44425452, 0x4D505859, 0x08000000, 0x08FFFFFF, 0x09000000, 0x09FFFFFF,
	0x0A000000, 0x0AFFFFFF, 0x11, 0x0F,
};

/* A hart of this machine other than ours (the DTB's /cpus): hart_start
 * there would run hostile addresses on it. */
static bool other_hart(unsigned long id)
{
	struct fdt_range cpu[64];
	int n = fdt_child_regs(env.dtb, "/cpus", "cpu", cpu, 64);

	for (int i = 0; i < n && i < 64; i++)
		if (cpu[i].base == id && id != env.hartid)
			return true;
	return false;
}

/* Calls that would end this guest: never made, whatever the upper bits say. */
static bool deadly(unsigned long eid, unsigned long fid)
{
	uint32_t e = (uint32_t)eid, f = (uint32_t)fid;

	return e == SBI_EXT_SRST || e == SBI_EXT_0_1_SHUTDOWN ||
	       (e == SBI_EXT_HSM && f == SBI_HSM_HART_STOP);
}

static unsigned long pick_eid(void)
{
	unsigned long r = below(100);

	if (r < 8)  return SBI_EXT_BASE;
	if (r < 14) return SBI_EXT_TIME;
	if (r < 20) return SBI_EXT_IPI;
	if (r < 28) return SBI_EXT_RFENCE;
	if (r < 34) return SBI_EXT_HSM;
	if (r < 42) return SBI_EXT_DBCN;
	if (r < 64) return SBI_EXT_PMU;
	if (r < 65) return SBI_EXT_0_1_CONSOLE_PUTCHAR;
	if (r < 67) return SBI_EXT_0_1_CONSOLE_GETCHAR;
	if (r < 68) return SBI_EXT_SUSP;
	if (r < 71) return below(16);				/* other legacy */
	if (r < 80) return (uint32_t)rnd();			/* random 32-bit */
	if (r < 89) return rnd();				/* random 64-bit */
	if (r < 95) return PICK(known).eid | (rnd() << 32 | 1UL << 32);	/* upper bits */
	return PICK(unoffered);
}

static unsigned long pick_fid(void)
{
	static const unsigned long huge[] = {
		~0UL, 0x80000000UL, 0xffffffffUL, 0x7fffffffUL, 1UL << 32,
		0x8000000000000000UL, 0x100000000UL | SBI_BASE_GET_SPEC_VERSION,
	};

	if (below(100) < 85)
		return below(13);
	return below(2) ? PICK(huge) : rnd();
}

/* --- argument values ------------------------------------------------------ */

static unsigned long scr(unsigned long off)
{
	return (unsigned long)scratch + off;
}

static bool in_ram(unsigned long a)
{
	return a >= env.ram_base && a < env.ram_end;
}

static bool in_scratch(unsigned long a)
{
	return a >= scr(0) && a < scr(SCRATCH);
}

static unsigned long pick_addr(void)
{
	switch (below(20)) {
	case 0:  return env.ram_base;
	case 1:  return env.ram_end - 1;
	case 2:  return env.ram_end;
	case 3:  return env.ram_end - 4096;
	case 4:  return 0;
	case 5:  return 0x10000000UL;		/* the UART */
	case 6:  return 0x1000000000UL;		/* far past RAM */
	case 7:  return 0x1000UL;
	case 8:  return ~0UL;
	case 9:  return ~0UL - 4095;
	case 10: return env.ram_base + 1;	/* unaligned */
	case 11: return scr(1);
	case 12: return scr(8);
	case 13: return scr(16);
	case 14: return scr(4095);
	case 15: return scr(4096);
	case 16: return scr(SCRATCH - 16);
	case 17: return (unsigned long)__image_start;
	default: return scr(0);
	}
}

static unsigned long pick_val(void)
{
	static const unsigned long v[] = {
		0, 1, 2, 3, ~0UL, ~1UL, 0x7fffffffffffffffUL, 0x8000000000000000UL,
		0x80000000UL, 0x7fffffffUL, 0xffffffffUL, 0x100000000UL, 0xffffffff80000000UL,
		63, 64, 0x7fff,
	};

	switch (below(8)) {
	case 0: case 1: case 2: return PICK(v);
	case 3: return pick_addr();
	case 4: return below(65);
	case 5: return 1UL << below(64);
	case 6: return (uint32_t)rnd();
	default: return rnd();
	}
}

/* PMU events: the defined encodings and their near misses. */
static unsigned long pick_event(void)
{
	switch (below(10)) {
	case 0: return PMU_EVENT(SBI_PMU_EVENT_TYPE_HW, below(12));
	case 1: return PMU_EVENT(SBI_PMU_EVENT_TYPE_HW_CACHE, below(64));
	case 2: return PMU_EVENT(SBI_PMU_EVENT_TYPE_HW_RAW, below(2));
	case 3: return PMU_EVENT(SBI_PMU_EVENT_TYPE_HW_RAW_V2, below(2));
	case 4: case 5: return PMU_EVENT(SBI_PMU_EVENT_TYPE_FW, below(24));
	case 6: return PMU_EVENT(SBI_PMU_EVENT_TYPE_FW, below(2) ? 256 : 0xffff);
	case 7: return below(1UL << 20);
	default: return pick_val();
	}
}

static unsigned long pick_data(void)
{
	return below(4) ? 0 : pick_val();
}

static unsigned long pick_flags(unsigned long defined_bits)
{
	return below(8) ? below(1UL << defined_bits) : pick_val();
}

/* What the PMU offers (counter_get_info), and the counters config_matching
 * gave this guest that no RESET took back since (a guess: only to aim). */
static unsigned long nctr, valid_ctrs, ours;

static unsigned long random_bit(unsigned long set)
{
	unsigned n = (unsigned)__builtin_popcountl(set), k = (unsigned)below(n);

	for (unsigned i = 0; i < 64; i++)
		if ((set & (1UL << i)) && k-- == 0)
			return i;
	return 0;
}

/* A counter set: mostly valid counters, mostly ones this guest holds. */
static void pmu_set(unsigned long *base, unsigned long *mask)
{
	if (ours && below(3)) {
		unsigned long c = random_bit(ours);
		unsigned long back = below(4) ? 0 : below(c + 1);
		*base = c - back;
		*mask = 1UL << back;
		if (below(3) == 0)
			*mask |= ours >> *base;				/* more of ours */
		if (below(8) == 0)
			*mask |= (valid_ctrs >> *base) & rnd();		/* and others */
		return;
	}
	switch (below(4)) {
	case 0:
		*base = below(nctr + 2);
		*mask = below(2) ? 1UL << below(8) : below(1UL << 12);
		return;
	case 1:
		*base = pick_val();
		*mask = pick_val();
		return;
	default:
		*base = below(nctr ? nctr : 1);
		*mask = (valid_ctrs >> *base) & (below(2) ? rnd() : ~0UL);
		if (!*mask)
			*mask = 1;
		return;
	}
}

/* PMU calls built to get past the first checks as often as they fail them. */
static void pmu_args(unsigned long fid, unsigned long a[6])
{
	if (below(4) == 0)
		return;	/* keep the plain random ones */
	switch (fid) {
	case SBI_PMU_COUNTER_GET_INFO:
	case SBI_PMU_COUNTER_FW_READ:
	case SBI_PMU_COUNTER_FW_READ_HI:
		a[0] = below(nctr + 4);
		break;
	case SBI_PMU_COUNTER_CFG_MATCH:
		if (below(2)) {	/* one that works, so start and stop have counters */
			a[0] = 0;
			a[1] = valid_ctrs;
			a[2] = below(2) ? SBI_PMU_CFG_FLAG_AUTO_START : below(2) ? 0 : SBI_PMU_CFG_FLAG_CLEAR_VALUE;
			a[3] = below(3) ? PMU_EVENT(SBI_PMU_EVENT_TYPE_FW, below(SBI_PMU_FW_MAX))
					: below(2) ? PMU_EV_CYCLES : PMU_EV_INSTRET;
			a[4] = 0;
			break;
		}
		pmu_set(&a[0], &a[1]);
		a[2] = pick_flags(8);
		a[3] = pick_event();
		a[4] = pick_data();
		break;
	case SBI_PMU_COUNTER_START:
	case SBI_PMU_COUNTER_STOP:
		pmu_set(&a[0], &a[1]);
		a[2] = pick_flags(2);
		a[3] = pick_val();
		break;
	case SBI_PMU_SNAPSHOT_SET_SHMEM:
		if (below(4) == 0) {
			a[0] = a[1] = ~0UL;	/* disable */
		} else {
			a[0] = pick_addr();
			a[1] = below(8) ? 0 : pick_val();
		}
		a[2] = below(8) ? 0 : pick_val();
		break;
	case SBI_PMU_EVENT_GET_INFO:
		a[0] = pick_addr();
		a[1] = below(8) ? 0 : pick_val();
		a[2] = below(4) ? below(8) : pick_val();
		a[3] = below(8) ? 0 : pick_val();
		break;
	}
}

/* An address argument of a memory-accessing call: inside RAM only in the
 * scratch buffer, and count units of size bytes either fit from there to its
 * end (at most cap units) or reach far past the end of RAM. */
static void confine(unsigned long *addr, unsigned long *count, unsigned long size, unsigned long cap)
{
	unsigned long ram = env.ram_end - env.ram_base;

	if (!in_ram(*addr))
		return;
	if (!in_scratch(*addr))
		*addr = scr(PICK(((const unsigned long[]){ 0, 1, 16, 4096 })));
	unsigned long room = (scr(SCRATCH) - *addr) / size;
	if (room > cap)
		room = cap;
	if (*count <= room || *count > ram / size + 1)
		return;
	*count = below(room + 1);
}

static unsigned long noise_bytes;

static void noise_byte(unsigned long *a0)
{
	*a0 = (*a0 & ~0xffUL) | NOISE;
	noise_bytes++;
}

/* Makes the random call safe for this guest (not for the hypervisor).
 * Returns false to skip it. */
static bool tame(unsigned long eid, unsigned long *fid, unsigned long a[6])
{
	uint32_t e = (uint32_t)eid;

	if (deadly(eid, *fid))
		return false;
	switch (e) {
	case SBI_EXT_0_1_CONSOLE_PUTCHAR:
		noise_byte(&a[0]);
		break;
	case SBI_EXT_DBCN:
		if ((uint32_t)*fid == SBI_DBCN_WRITE_BYTE) {
			if (below(16))
				*fid = 3 + below(10);	/* mostly not */
			else
				noise_byte(&a[0]);
		}
		if ((uint32_t)*fid == SBI_DBCN_WRITE || (uint32_t)*fid == SBI_DBCN_READ) {
			confine(&a[1], &a[0], 1, DBCN_MAX);
			if (in_scratch(a[1]) && a[0] <= DBCN_MAX) {
				/* what it may print: printable bytes */
				for (unsigned long i = 0; i < a[0] && in_scratch(a[1] + i); i++)
					((volatile char *)a[1])[i] = NOISE;
				if ((uint32_t)*fid == SBI_DBCN_WRITE && !a[2])
					noise_bytes += a[0];
			}
		}
		break;
	case SBI_EXT_HSM:
		if ((uint32_t)*fid == SBI_HSM_HART_START && other_hart(a[0]))
			a[0] = env.hartid;
		/* Retentive: a reserved type instead; non-retentive: a resume
		 * address that must be refused. */
		if ((uint32_t)*fid == SBI_HSM_HART_SUSPEND && (uint32_t)a[0] == SBI_HSM_SUSPEND_RETENTIVE)
			a[0] |= 1;
		if ((uint32_t)*fid == SBI_HSM_HART_SUSPEND && (uint32_t)a[0] == SBI_HSM_SUSPEND_NON_RETENTIVE &&
		    in_ram(a[1]))
			a[1] = env.ram_end;
		break;
	case SBI_EXT_SUSP:
		/* A suspend to RAM that would succeed has nothing to wake it. */
		if ((uint32_t)a[0] == SBI_SUSP_SLEEP_TYPE_SUSPEND_TO_RAM && in_ram(a[1]))
			a[1] = env.ram_end;
		break;
	case SBI_EXT_PMU:
		if ((uint32_t)*fid == SBI_PMU_SNAPSHOT_SET_SHMEM) {
			unsigned long one = 1;
			confine(&a[0], &one, 4096, 1);
			/* the whole 4 KiB area inside scratch, aligned or not */
			if (in_scratch(a[0]) && a[0] + 4096 > scr(SCRATCH))
				a[0] = scr(below(2) ? 0 : 1);
		}
		if ((uint32_t)*fid == SBI_PMU_EVENT_GET_INFO) {
			confine(&a[0], &a[2], 16, SCRATCH / 16);
			/* give the hypervisor event_idx words worth looking at */
			if (in_scratch(a[0]) && below(2))
				for (unsigned long i = 0; i < a[2] && in_scratch(a[0] + 16 * i + 15); i++) {
					volatile uint32_t *w = (volatile uint32_t *)(a[0] + 16 * i);
					w[0] = (uint32_t)pick_event();
					w[2] = (uint32_t)pick_data();
					w[3] = 0;
				}
		}
		break;
	}
	return true;
}

/* --- the storm ------------------------------------------------------------ */

static unsigned long calls[C_N], bad_codes, unknown_ns, fid_undef, fid_undef_ns, reported;
static unsigned long answers[-SBI_ERR_IO + 1];	/* by -error, known EIDs but legacy */

static void report(const char *why, unsigned long eid, unsigned long fid, const unsigned long a[6],
		   struct sbiret r)
{
	if (reported++ >= MAX_REPORT)
		return;
	printf("\nhostile: %s: eid 0x%lx fid 0x%lx args 0x%lx 0x%lx 0x%lx 0x%lx 0x%lx 0x%lx -> error %ld value 0x%lx\n",
	       why, eid, fid, a[0], a[1], a[2], a[3], a[4], a[5], r.error, (unsigned long)r.value);
}

static void one_call(void)
{
	unsigned long eid, fid, a[6];

	do {
		eid = pick_eid();
		fid = pick_fid();
		for (int i = 0; i < 6; i++)
			a[i] = pick_val();
		if ((uint32_t)eid == SBI_EXT_PMU) {
			if (below(5))
				fid = below(SBI_PMU_EVENT_GET_INFO + 1);	/* mostly defined ones */
			pmu_args(fid, a);
		}
	} while (!tame(eid, &fid, a));

	struct sbiret r = sbi_ecall(eid, fid, a[0], a[1], a[2], a[3], a[4], a[5]);
	const struct known *k = find_known(eid);
	enum cls c = k ? k->cls : C_UNKNOWN;

	calls[c]++;
	if (eid == SBI_EXT_PMU && fid == SBI_PMU_COUNTER_CFG_MATCH && !r.error && (unsigned long)r.value < 64)
		ours |= 1UL << r.value;
	if (eid == SBI_EXT_PMU && fid == SBI_PMU_COUNTER_STOP && (a[2] & SBI_PMU_STOP_FLAG_RESET) &&
	    (r.error == SBI_SUCCESS || r.error == SBI_ERR_ALREADY_STOPPED) && a[0] < 64)
		ours &= ~(a[1] << a[0]);
	if (eid == SBI_EXT_0_1_CONSOLE_PUTCHAR) {
		if (r.error != 0)
			bad_codes++, report("legacy putchar did not return 0", eid, fid, a, r);
		return;
	}
	if (eid == SBI_EXT_0_1_CONSOLE_GETCHAR) {
		if (r.error < -1 || r.error > 255)
			bad_codes++, report("legacy getchar returned no byte and not -1", eid, fid, a, r);
		return;
	}
	if (r.error > SBI_SUCCESS || r.error < SBI_ERR_IO)
		bad_codes++, report("not an SBI error code", eid, fid, a, r);
	else if (k)
		answers[-r.error]++;
	if (!k) {
		if (r.error == SBI_ERR_NOT_SUPPORTED)
			unknown_ns++;
		else
			report("unknown EID not answered NOT_SUPPORTED", eid, fid, a, r);
	} else if (fid > k->last_fid) {
		fid_undef++;
		if (r.error == SBI_ERR_NOT_SUPPORTED)
			fid_undef_ns++;
		else
			report("undefined FID not answered NOT_SUPPORTED", eid, fid, a, r);
	}
}

/* What the SBI says about itself, before and after. */
struct face {
	long spec, impl;
	long probe[sizeof(known) / sizeof(known[0])];
};

static void face(struct face *f)
{
	f->spec = sbi_ecall(SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION, 0, 0, 0, 0, 0, 0).value;
	f->impl = sbi_ecall(SBI_EXT_BASE, SBI_BASE_GET_IMPL_ID, 0, 0, 0, 0, 0, 0).value;
	for (unsigned i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		f->probe[i] = sbi_probe(known[i].eid);
}

static bool same_face(const struct face *a, const struct face *b)
{
	if (a->spec != b->spec || a->impl != b->impl)
		return false;
	for (unsigned i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (a->probe[i] != b->probe[i])
			return false;
	return true;
}

/* Leaves the PMU as a well-behaved guest would: every counter stopped and
 * reset, no snapshot area. Returns how many calls failed. */
static unsigned pmu_tidy(unsigned long mask)
{
	unsigned bad = 0;

	for (unsigned i = 0; i < 64; i++) {
		if (!(mask & (1UL << i)))
			continue;
		struct sbiret r = sbi_pmu_stop(i, 1, SBI_PMU_STOP_FLAG_RESET);
		if (r.error != SBI_SUCCESS && r.error != SBI_ERR_ALREADY_STOPPED) {
			printf("hostile: PMU counter %u stop+reset: %s\n", i, sbi_err_name(r.error));
			bad++;
		}
	}
	if (sbi_pmu_set_shmem(~0UL, ~0UL, 0).error != SBI_SUCCESS)
		bad++;
	return bad;
}

int guest_main(void)
{
	struct face before, after;

	if (!env.dtb || !env.ram_end) {
		printf("hostile: FAILED: no DTB memory node holding the image\n");
		return 1;
	}
	bool pmu = sbi_probe(SBI_EXT_PMU) != 0;
	nctr = pmu ? (unsigned long)sbi_ecall(SBI_EXT_PMU, SBI_PMU_NUM_COUNTERS, 0, 0, 0, 0, 0, 0).value : 0;
	valid_ctrs = pmu ? sbi_pmu_counter_mask() : 0;

	face(&before);
	printf("hostile: RAM 0x%lx..0x%lx, scratch 0x%lx, seed 0x%lx, %d calls\n", env.ram_base, env.ram_end,
	       scr(0), SEED, CALLS);
	printf("hostile: console bytes of the calls: ");
	console_flush();
	unsigned long t0 = rdtime();
	for (int i = 0; i < CALLS; i++)
		one_call();
	unsigned long ms = (rdtime() - t0) / (env.timebase_hz / 1000);
	sbi_set_timer(~0UL);
	printf("\n");

	unsigned long unknown = calls[C_UNKNOWN];
	printf("hostile: %d calls, %lu bad error codes, per extension:", CALLS, bad_codes);
	for (int c = 0; c < C_N; c++)
		printf(" %s %lu", cls_name[c], calls[c]);
	printf("; %lu/%lu unknown EIDs and %lu/%lu undefined FIDs NOT_SUPPORTED; %lu console bytes; %lu ms\n",
	       unknown_ns, unknown, fid_undef_ns, fid_undef, noise_bytes, ms);

	printf("hostile: answers of the implemented extensions:");
	for (int e = 0; e <= -SBI_ERR_IO; e++)
		if (answers[e])
			printf(" %s %lu", sbi_err_name(-e) + 4, answers[e]);
	printf("\n");

	unsigned tidy = pmu ? pmu_tidy(valid_ctrs) : 0;
	face(&after);

	check(bad_codes == 0, "hostile: every answer is an SBI error code",
	      "got: %lu answers outside SBI_SUCCESS..SBI_ERR_IO", bad_codes);
	check(unknown_ns == unknown && fid_undef_ns == fid_undef,
	      "hostile: unknown EIDs and undefined FIDs answer SBI_ERR_NOT_SUPPORTED",
	      "got: %lu of %lu EIDs, %lu of %lu FIDs", unknown_ns, unknown, fid_undef_ns, fid_undef);
	check(same_face(&before, &after), "hostile: the SBI answers as before the storm",
	      "got: spec 0x%lx impl 0x%lx expected: spec 0x%lx impl 0x%lx, same probes", after.spec,
	      after.impl, before.spec, before.impl);
	check(tidy == 0, "hostile: PMU counters stop and reset, snapshot area disabled",
	      "got: %u failed calls", tidy);
	return harness_summary("hostile");
}
