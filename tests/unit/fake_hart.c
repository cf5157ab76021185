/* The fake hart of fake_hart.h, and the boot/ pieces hyp/ links against that
 * are hardware or assembly on the target: console, shutdown, image symbols. */
#include "fake_hart.h"
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "boot/console.h"
#include "boot/csr.h"
#include "boot/entry.h"
#include "boot/shutdown.h"
#include "hyp/guest_fetch.h"
#include "hyp/hart.h"
#include "hyp/trap.h"
#include "hyp/vcpu.h"

struct fake_hart fake_hart;
_Thread_local unsigned fake_this_hart;
_Thread_local jmp_buf fake_exit_point;
_Thread_local enum fake_exit fake_how;
static _Thread_local bool remote; /* a thread of run_remote: its wfi waits for good */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_t threads[64];
static unsigned n_threads;

/* ---- the image's symbols (linker.ld, boot/entry.S): one block, so _end - _start is its size */
asm(".data\n.balign 64\n"
    ".globl host_image_start\nhost_image_start:\n.skip 8192\n.globl host_image_end\nhost_image_end:\n"
    ".globl __tls_base\n__tls_base:\n.skip 48\n.globl __tls_end\n__tls_end:\n.text\n");
uint8_t boot_stack[BOOT_STACK_SIZE];
void hyp_trap_entry(void) {}
void secondary_entry(void) {}

void fake_exit(enum fake_exit how)
{
	fake_how = how;
	longjmp(fake_exit_point, 1);
}

void fake_harts_join(void)
{
	for (;;) {
		pthread_mutex_lock(&lock);
		if (!n_threads) {
			pthread_mutex_unlock(&lock);
			return;
		}
		pthread_t t = threads[--n_threads];
		pthread_mutex_unlock(&lock);
		pthread_join(t, NULL);
	}
}

void fake_hart_reset(void)
{
	fake_harts_join();
	memset(&fake_hart, 0, sizeof(fake_hart));
	fake_this_hart = 0;
}

void fake_be_hart(unsigned i)
{
	fake_this_hart = fake_hart.test_hart = i;
}

/* ---- CSRs */
static unsigned long *csr_slot(const char *name, unsigned long **warl)
{
	unsigned i;
	for (i = 0; i < fake_hart.n_csr; i++)
		if (!strcmp(fake_hart.csr[i].name, name))
			break;
	if (i == fake_hart.n_csr) {
		if (i == FAKE_CSRS) {
			fprintf(stderr, "fake_hart: more than %d CSRs; raise FAKE_CSRS\n", FAKE_CSRS);
			abort();
		}
		fake_hart.csr[i].name = name;
		fake_hart.n_csr++;
	}
	if (warl)
		*warl = fake_hart.csr[i].has_warl ? &fake_hart.csr[i].warl : NULL;
	return &fake_hart.csr[i].val;
}

unsigned long *fake_csr(const char *name)
{
	pthread_mutex_lock(&lock);
	unsigned long *v = csr_slot(name, NULL);
	pthread_mutex_unlock(&lock);
	return v;
}

void fake_csr_warl(const char *name, unsigned long mask)
{
	pthread_mutex_lock(&lock);
	unsigned long *v = csr_slot(name, NULL);
	unsigned i = (unsigned)(((char *)v - (char *)&fake_hart.csr[0].val) / sizeof(fake_hart.csr[0]));
	fake_hart.csr[i].warl = mask;
	fake_hart.csr[i].has_warl = true;
	*v &= mask;
	pthread_mutex_unlock(&lock);
}

unsigned long host_csr_read(const char *csr)
{
	pthread_mutex_lock(&lock);
	unsigned long *v = csr_slot(csr, NULL), r = *v;
	if (!strcmp(csr, "time"))
		*v += fake_hart.time_step;
	pthread_mutex_unlock(&lock);
	return r;
}

static void csr_update(const char *csr, unsigned long keep, unsigned long set)
{
	pthread_mutex_lock(&lock);
	unsigned long *warl, *v = csr_slot(csr, &warl);
	unsigned long mask = warl ? *warl : ~0UL;
	*v = (*v & keep & mask) | (set & mask) | (*v & ~mask);
	pthread_mutex_unlock(&lock);
}

void host_csr_write(const char *csr, unsigned long val) { csr_update(csr, 0, val); }
void host_csr_set(const char *csr, unsigned long val)   { csr_update(csr, ~0UL, val); }
void host_csr_clear(const char *csr, unsigned long val) { csr_update(csr, ~val, 0); }

/* ---- instructions */
void hfence_gvma_vmid(unsigned long vmid)
{
	__atomic_add_fetch(&fake_hart.n_hfence_gvma, 1, __ATOMIC_SEQ_CST);
	fake_hart.last_gvma_vmid = vmid;
}
void hfence_vvma_all(void) { __atomic_add_fetch(&fake_hart.n_hfence_vvma, 1, __ATOMIC_SEQ_CST); }
void fence_i(void)
{
	__atomic_add_fetch(&fake_hart.n_fence_i, 1, __ATOMIC_SEQ_CST);
	__atomic_add_fetch(&fake_hart.fence_i_on[fake_this_hart], 1, __ATOMIC_SEQ_CST);
}
void fpu_clear(void) { fake_hart.n_fpu_clear++; }

void wfi(void)
{
	__atomic_add_fetch(&fake_hart.n_wfi, 1, __ATOMIC_SEQ_CST);
	if (remote || !fake_hart.on_wfi)
		fake_exit(FAKE_WAITING);
	fake_hart.on_wfi();
}

void run_on_stack(unsigned long sp, void (*fn)(void *), void *arg)
{
	__atomic_add_fetch(&fake_hart.n_parks, 1, __ATOMIC_SEQ_CST);
	fake_hart.last_park_sp = sp;
	fn(arg);
	abort(); /* fn never returns */
}

/* ---- the assembly of hyp/ */
void vcpu_enter(struct vcpu *v)
{
	fake_hart.entered = v;
	fake_exit(FAKE_ENTERED);
}

long guest_fetch_parcel(unsigned long guest_va)
{
	for (unsigned i = 0; i < FAKE_CODE; i++)
		if (fake_hart.code[i].va == guest_va && fake_hart.code[i].parcel)
			return fake_hart.code[i].parcel;
	return -1;
}

/* ---- the firmware */
static void *remote_hart(void *arg)
{
	struct hart *h = arg;
	fake_this_hart = h->index;
	remote = true;
	if (fake_hart.on_remote)
		fake_hart.on_remote(h);
	FAKE_RUN(hart_serve(h));
	return NULL;
}

static void run_remote(unsigned long hartid)
{
	for (unsigned i = 0; i < n_harts; i++) {
		if (harts[i].hartid != hartid || i == fake_hart.test_hart)
			continue;
		pthread_mutex_lock(&lock);
		if (n_threads == sizeof(threads) / sizeof(threads[0])) {
			fprintf(stderr, "fake_hart: too many remote-hart threads\n");
			abort();
		}
		if (pthread_create(&threads[n_threads], NULL, remote_hart, &harts[i]))
			abort();
		n_threads++;
		pthread_mutex_unlock(&lock);
	}
}

struct sbiret sbi_ecall(unsigned long eid, unsigned long fid, unsigned long arg0, unsigned long arg1,
			unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5)
{
	struct fake_ecall c = { eid, fid, { arg0, arg1, arg2, arg3, arg4, arg5 }, fake_this_hart };
	pthread_mutex_lock(&lock);
	if (fake_hart.n_ecall < FAKE_ECALLS)
		fake_hart.ecall[fake_hart.n_ecall++] = c;
	pthread_mutex_unlock(&lock);
	struct sbiret r = fake_hart.firmware ? fake_hart.firmware(&c) : (struct sbiret){ 0, 0 };
	/* hart_post's IPI names one hart: mask 1 at its id. */
	if (eid == SBI_EXT_IPI && fake_hart.remote_harts && arg0 == 1)
		run_remote(arg1);
	return r;
}

unsigned fake_ecalls(unsigned long eid, unsigned long fid)
{
	unsigned n = 0;
	for (unsigned i = 0; i < fake_hart.n_ecall; i++)
		n += fake_hart.ecall[i].eid == eid && (fid == ~0UL || fake_hart.ecall[i].fid == fid);
	return n;
}

const struct fake_ecall *fake_last_ecall(unsigned long eid, unsigned long fid)
{
	for (unsigned i = fake_hart.n_ecall; i-- > 0;)
		if (fake_hart.ecall[i].eid == eid && (fid == ~0UL || fake_hart.ecall[i].fid == fid))
			return &fake_hart.ecall[i];
	return NULL;
}

/* ---- console and shutdown (boot/console.c, boot/shutdown.c drive devices) */
void console_use_uart(const struct uart *u) {}
void console_break_lock(void) {}

void console_write(const char *s, size_t len)
{
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < len && fake_hart.n_out < FAKE_OUT - 1; i++)
		fake_hart.out[fake_hart.n_out++] = s[i];
	pthread_mutex_unlock(&lock);
}

void console_putc(char c)
{
	console_write(&c, 1);
}

void console_putc_raw(char c)
{
	console_write(&c, 1);
}

int console_getc(void)
{
	if (!fake_hart.in || !*fake_hart.in)
		return -1;
	return (unsigned char)*fake_hart.in++;
}

void hyp_log(const char *fmt, ...)
{
	char line[512];
	va_list ap;
	va_start(ap, fmt);
	int n = snprintf(line, sizeof(line), "hpmvisor: ");
	n += vsnprintf(line + n, sizeof(line) - (size_t)n - 1, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(line) - 2)
		n = (int)sizeof(line) - 2;
	line[n++] = '\n';
	console_write(line, (size_t)n);
}

void shutdown_use_finisher(uint64_t base)
{
	fake_hart.finisher = base;
}

void machine_shutdown(bool failure)
{
	fake_hart.shutdown_failure = failure;
	fake_exit(FAKE_SHUTDOWN);
}
