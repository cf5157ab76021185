/* perf_event_open from a Linux guest, the way perf uses the SBI PMU.
 *   perftest count    counts instructions over a loop of exactly 10^6 of them
 *                     and over an empty region, user-only if the PMU allows it;
 *                     prints each of RUNS measurements and the smallest
 *   perftest sample   samples instructions every SAMPLE_PERIOD over 10^7 and counts
 *                     the PERF_RECORD_SAMPLE records in the ring buffer, or says
 *                     that sampling was refused and why
 * Exit status 0 when the measurement was made (a refused sample is 0 too: the
 * line says so), 1 on any other error. */
#include <errno.h>
#include <linux/perf_event.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define LOOP_INSNS    1000000
#define RUNS          5
#define SAMPLE_PERIOD 100000
#define SAMPLE_LOOPS  10
#define RING_PAGES    16  /* data pages after the header page: a power of two */

/* Exactly LOOP_INSNS retired instructions: lui + addiw set the count, then
 * 499999 rounds of addi + bnez (and a ret, as nothing() has). Neither is
 * inlined, so the code around them is the same and the difference is exact. */
static __attribute__((noinline)) void loop_1m(void)
{
	asm volatile("lui t0, 122\n\t"       /* 122 << 12 = 499712 */
		     "addiw t0, t0, 287\n"   /* 499999 */
		     "1:\taddi t0, t0, -1\n\t"
		     "bnez t0, 1b" ::: "t0");
}

static __attribute__((noinline)) void nothing(void)
{
}

static int open_instructions(struct perf_event_attr *attr, const char **scope)
{
	attr->size = sizeof(*attr);
	attr->type = PERF_TYPE_HARDWARE;
	attr->config = PERF_COUNT_HW_INSTRUCTIONS;
	attr->disabled = 1;
	attr->exclude_kernel = 1;
	attr->exclude_hv = 1;
	*scope = "user only";
	int fd = (int)syscall(SYS_perf_event_open, attr, 0, -1, -1, 0);
	if (fd < 0 && (errno == EOPNOTSUPP || errno == EINVAL)) {
		/* Without Sscofpmf the SBI PMU cannot filter by mode. */
		attr->exclude_kernel = 0;
		attr->exclude_hv = 0;
		*scope = "all modes: the PMU refused user-only";
		fd = (int)syscall(SYS_perf_event_open, attr, 0, -1, -1, 0);
	}
	return fd;
}

static __attribute__((noinline)) int measure(int fd, void (*region)(void), uint64_t *count)
{
	if (ioctl(fd, PERF_EVENT_IOC_RESET, 0) || ioctl(fd, PERF_EVENT_IOC_ENABLE, 0))
		return -1;
	region();
	if (ioctl(fd, PERF_EVENT_IOC_DISABLE, 0))
		return -1;
	return read(fd, count, sizeof(*count)) == sizeof(*count) ? 0 : -1;
}

static uint64_t smallest(const uint64_t *v, int n)
{
	uint64_t m = v[0];
	for (int i = 1; i < n; i++)
		m = v[i] < m ? v[i] : m;
	return m;
}

static int count(void)
{
	struct perf_event_attr attr = { 0 };
	const char *scope;
	uint64_t loop[RUNS], empty[RUNS];
	int fd = open_instructions(&attr, &scope);
	if (fd < 0) {
		printf("perftest: count: perf_event_open(instructions) failed: %s (errno %d)\n", strerror(errno), errno);
		return 1;
	}
	for (int i = 0; i < RUNS; i++) {
		if (measure(fd, loop_1m, &loop[i]) || measure(fd, nothing, &empty[i])) {
			printf("perftest: count: enable/disable/read of the counter failed: %s\n", strerror(errno));
			return 1;
		}
		printf("perftest: count: run %d: loop %llu, empty %llu\n", i,
		       (unsigned long long)loop[i], (unsigned long long)empty[i]);
	}
	uint64_t l = smallest(loop, RUNS), e = smallest(empty, RUNS);
	printf("perftest: count: %d instructions: smallest of %d runs %llu, empty region %llu, difference %lld (%s)\n",
	       LOOP_INSNS, RUNS, (unsigned long long)l, (unsigned long long)e, (long long)(l - e), scope);
	close(fd);
	return 0;
}

/* PERF_RECORD_SAMPLE records in the ring buffer between tail and head. */
static unsigned count_samples(struct perf_event_mmap_page *meta, size_t data_size, unsigned *other)
{
	const uint8_t *data = (const uint8_t *)meta + meta->data_offset;
	uint64_t head = __atomic_load_n(&meta->data_head, __ATOMIC_ACQUIRE);
	unsigned samples = 0;
	*other = 0;
	for (uint64_t pos = meta->data_tail; pos < head;) {
		struct perf_event_header h;
		for (size_t i = 0; i < sizeof(h); i++)  /* a header may wrap */
			((uint8_t *)&h)[i] = data[(pos + i) % data_size];
		if (h.size == 0)
			break;
		if (h.type == PERF_RECORD_SAMPLE)
			samples++;
		else
			(*other)++;
		pos += h.size;
	}
	return samples;
}

static int sample(void)
{
	struct perf_event_attr attr = { 0 };
	attr.sample_period = SAMPLE_PERIOD;
	attr.sample_type = PERF_SAMPLE_IP;
	attr.wakeup_events = 1;
	const char *scope;
	int fd = open_instructions(&attr, &scope);
	if (fd < 0) {
		printf("perftest: sample: sampling refused: perf_event_open(instructions, sample_period %d): %s (errno %d)\n",
		       SAMPLE_PERIOD, strerror(errno), errno);
		return 0;
	}
	long page = sysconf(_SC_PAGESIZE);
	size_t data_size = (size_t)page * RING_PAGES;
	void *ring = mmap(NULL, (size_t)page + data_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (ring == MAP_FAILED) {
		printf("perftest: sample: mmap of the ring buffer failed: %s\n", strerror(errno));
		return 1;
	}
	if (ioctl(fd, PERF_EVENT_IOC_RESET, 0) || ioctl(fd, PERF_EVENT_IOC_ENABLE, 0)) {
		printf("perftest: sample: enable failed: %s\n", strerror(errno));
		return 1;
	}
	for (int i = 0; i < SAMPLE_LOOPS; i++)
		loop_1m();
	ioctl(fd, PERF_EVENT_IOC_DISABLE, 0);
	unsigned other, n = count_samples(ring, data_size, &other);
	printf("perftest: sample: %u samples (and %u other records) over %d instructions, period %d, expected about %d (%s)\n",
	       n, other, SAMPLE_LOOPS * LOOP_INSNS, SAMPLE_PERIOD, SAMPLE_LOOPS * LOOP_INSNS / SAMPLE_PERIOD, scope);
	munmap(ring, (size_t)page + data_size);
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 2 && !strcmp(argv[1], "count"))
		return count();
	if (argc == 2 && !strcmp(argv[1], "sample"))
		return sample();
	fprintf(stderr, "usage: perftest count|sample\n");
	return 2;
}
