/* A fake hart and firmware behind boot/csr.h and boot/sbi_call.h for the hyp/
 * host tests: a CSR file keyed by name (WARL masks where a test sets them),
 * a log of fences, wfi and firmware calls, scripted firmware answers, and the
 * assembly pieces (vcpu_enter, guest_fetch_parcel, hart_entry, trap entry) as
 * C. Paths that never return on a hart (entering a guest, waiting in wfi with
 * nothing to wake it, shutting the machine down) longjmp back into the test:
 * FAKE_RUN(stmt) runs stmt and says how it ended.
 *
 * Each thread is a hart of its own for that: a test whose hypervisor code
 * posts a request to another hart (a remote fence, a stop, a teardown) sets
 * remote_harts, and the IPI then runs hart_serve for the target hart on a new
 * thread, as that hart would. The CSR file is shared by all of them. */
#ifndef FAKE_HART_H
#define FAKE_HART_H
#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include "boot/sbi_call.h"

struct vcpu;
struct hart;

enum fake_exit {
	FAKE_RETURNED = 1,  /* the statement returned */
	FAKE_ENTERED,       /* vcpu_enter: the hart went into the guest */
	FAKE_WAITING,       /* wfi with nothing set up to wake it */
	FAKE_SHUTDOWN,      /* machine_shutdown */
};

#define FAKE_CSRS   48
#define FAKE_ECALLS 256
#define FAKE_OUT    8192
#define FAKE_CODE   8

struct fake_ecall {
	unsigned long eid, fid, a[6];
	unsigned hart;      /* harts[] index of the caller */
};

struct fake_hart {
	struct { const char *name; unsigned long val, warl; bool has_warl; } csr[FAKE_CSRS];
	unsigned n_csr;
	unsigned long time_step;   /* `time` advances by this at every read */
	/* the log */
	unsigned n_fence_i, n_hfence_vvma, n_hfence_gvma, n_wfi, n_fpu_clear, n_parks;
	unsigned long last_gvma_vmid, last_park_sp;
	unsigned fence_i_on[8];    /* fence.i per harts[] index */
	struct fake_ecall ecall[FAKE_ECALLS];
	unsigned n_ecall;
	char out[FAKE_OUT];        /* console output, log lines included */
	unsigned n_out;
	const char *in;            /* console input, consumed by console_getc */
	/* scripted behaviour */
	struct sbiret (*firmware)(const struct fake_ecall *c); /* NULL: SUCCESS, 0 */
	void (*on_wfi)(void);      /* the test's hart only; NULL: it waits for good (FAKE_WAITING) */
	bool remote_harts;         /* IPIs run the target hart's hart_serve on a thread */
	void (*on_remote)(struct hart *h); /* run on that thread before it serves */
	unsigned test_hart;        /* the harts[] index the test's thread plays (fake_be_hart):
	                            * IPIs to it start no thread, it serves itself */
	struct { unsigned long va; long parcel; } code[FAKE_CODE]; /* guest_fetch_parcel; else -1 */
	/* how the last FAKE_RUN ended */
	struct vcpu *entered;      /* vcpu_enter's argument */
	bool shutdown_failure;
	uint64_t finisher;
};
extern struct fake_hart fake_hart;

/* Everything zero again, every CSR 0, threads of the last test joined. */
void fake_hart_reset(void);
/* The CSR's storage (created 0 on first use). */
unsigned long *fake_csr(const char *name);
#define CSR(name) (*fake_csr(#name))
/* Only the bits of mask stick in writes to name (WARL). */
void fake_csr_warl(const char *name, unsigned long mask);
/* Firmware calls with this eid (and fid, unless ~0UL) since the reset. */
unsigned fake_ecalls(unsigned long eid, unsigned long fid);
/* The last such call, NULL when there is none. */
const struct fake_ecall *fake_last_ecall(unsigned long eid, unsigned long fid);
/* The test's thread plays harts[i] from now on. */
void fake_be_hart(unsigned i);
/* Wait for every remote-hart thread to end. */
void fake_harts_join(void);

/* The harts[] index of the running thread (0 for the test's own thread). */
extern _Thread_local unsigned fake_this_hart;
extern _Thread_local jmp_buf fake_exit_point;
extern _Thread_local enum fake_exit fake_how;
#define FAKE_RUN(stmt) ({ \
	if (setjmp(fake_exit_point) == 0) { stmt; fake_how = FAKE_RETURNED; } \
	fake_how; })
void fake_exit(enum fake_exit how) __attribute__((noreturn));

#endif
