#include "hyp/hart.h"
#include <string.h>
#include "boot/console.h"
#include "boot/csr.h"
#include "boot/entry.h"
#include "boot/fdt.h"
#include "boot/isa.h"
#include "boot/sbi_call.h"
#include "hyp/hyp.h"
#include "hyp/teardown.h"
#include "hyp/vcpu.h"

struct hart harts[MAX_HARTS];
unsigned n_harts;

/* harts[0] keeps the stack and TLS block boot/entry.S gave it; these are the
 * other harts'. */
static uint8_t hart_stacks[MAX_HARTS - 1][HART_STACK_SIZE] __attribute__((aligned(16)));
#define TLS_MAX 64
static uint8_t hart_tls[MAX_HARTS - 1][TLS_MAX] __attribute__((aligned(16)));

/* Bytes of thread-local data; with none at all the linker leaves the two
 * symbols in either order. */
static size_t tls_size(void)
{
	uintptr_t base = (uintptr_t)__tls_base, end = (uintptr_t)__tls_end;
	return end > base ? end - base : 0;
}

static void host_ipi(const struct hart *h)
{
	sbi_ecall(SBI_EXT_IPI, SBI_IPI_SEND_IPI, 1, h->hartid, 0, 0, 0, 0);
}

void hart_post(struct hart *h, unsigned long requests)
{
	__atomic_fetch_or(&h->requests, requests, __ATOMIC_SEQ_CST);
	host_ipi(h);
}

static void count_received_fences(struct vcpu *v, unsigned long kinds)
{
	if (!v)
		return;
	if (kinds & REQ_FENCE_I)
		pmu_fw_count(&v->pmu, SBI_PMU_FW_FENCE_I_RCVD);
	if (kinds & REQ_SFENCE)
		pmu_fw_count(&v->pmu, SBI_PMU_FW_SFENCE_VMA_RCVD);
	if (kinds & REQ_SFENCE_ASID)
		pmu_fw_count(&v->pmu, SBI_PMU_FW_SFENCE_VMA_ASID_RCVD);
}

/* Fences asked by any hart: do them all (a superset is correct), then say so. */
static void serve_fences(struct hart *h, unsigned long kinds)
{
	unsigned long asked[MAX_HARTS];
	for (unsigned i = 0; i < n_harts; i++)
		asked[i] = __atomic_load_n(&h->fence_asked[i], __ATOMIC_ACQUIRE);
	fence_i();
	hfence_vvma_all();
	count_received_fences(h->vcpu, kinds);
	for (unsigned i = 0; i < n_harts; i++)
		__atomic_store_n(&h->fence_done[i], asked[i], __ATOMIC_RELEASE);
}

void hart_serve(struct hart *h)
{
	csr_clear(sip, MIP_BIT(IRQ_S_SOFT));
	unsigned long req = __atomic_exchange_n(&h->requests, 0, __ATOMIC_ACQ_REL);
	struct vcpu *v = __atomic_load_n(&h->vcpu, __ATOMIC_ACQUIRE);
	if (req & (REQ_FENCE_I | REQ_SFENCE | REQ_SFENCE_ASID))
		serve_fences(h, req);
	if ((req & REQ_VSSIP) && v) {
		pmu_fw_count(&v->pmu, SBI_PMU_FW_IPI_RCVD);
		csr_set(hvip, MIP_BIT(IRQ_VS_SOFT));
	}
	/* Both may come in one exchange (the vcpu was parked already when the
	 * stop was acknowledged): the teardown includes the stop. */
	if ((req & REQ_TEARDOWN) && v) {
		vcpu_teardown(v);
		__atomic_store_n(&h->vcpu, NULL, __ATOMIC_RELEASE);
		hart_park(h);
	}
	if ((req & REQ_STOP) && v) {
		vcpu_stop(&v->vm->life, &v->state);
		hart_park(h);
	}
	/* A start that a stop overtook (the VM is ending) does not run. */
	if ((req & REQ_RUN) && v && vcpu_begin_run(&v->vm->life, &v->state))
		vcpu_run(v);
}

/* How long a wait for another hart spins before it sleeps, and then each
 * sleep: 10 us. Most answers come within the spin. */
#define WAIT_SPIN_TICKS (hyp.timebase / 100000 + 1)

/* Between two looks at another hart's progress, after the first spin: sleep
 * in wfi until the host timer a moment later, or a request to this hart. Under
 * QEMU 7.2's -icount all harts run on one thread, in hart order, each up to
 * the next timer deadline (QEMU 10 gives each its share): a hart that spins
 * takes all of it and the harts after it run nothing, so the one it waits for
 * never answers. The sleep hands that time over. The host timer is this
 * hypervisor's only with Sstc (else it is the vcpu's, hyp/vtimer.c): without
 * it, spin. */
static void let_others_run(struct hart *self, unsigned long since)
{
	if (!hyp.sstc || csr_read(time) - since < WAIT_SPIN_TICKS)
		return;
	unsigned long enabled = csr_read(sie), guest_enabled = csr_read(hie);
	/* As hart_park_loop: clear, then look. A late IPI of a request already
	 * served must not keep wfi awake; one posted after the look wakes it. */
	csr_clear(sip, MIP_BIT(IRQ_S_SOFT));
	if (__atomic_load_n(&self->requests, __ATOMIC_ACQUIRE))
		return;
	csr_write(stimecmp, csr_read(time) + WAIT_SPIN_TICKS);
	/* wfi wakes on the guest's own pending interrupts too (hie is its vsie):
	 * a guest IPI or timer pending during the wait would make it a spin. */
	csr_write(hie, 0);
	csr_write(sie, MIP_BIT(IRQ_S_SOFT) | MIP_BIT(IRQ_S_TIMER));
	wfi();
	csr_write(stimecmp, UINT64_MAX);
	csr_write(sie, enabled);
	csr_write(hie, guest_enabled);
}

/* Wait for `done`, serving requests to `me` meanwhile (a hart may be asking it
 * for a fence before it sees our request). */
static void wait_serving(struct hart *me, bool (*done)(const struct hart *, const void *),
			 const struct hart *h, const void *what)
{
	unsigned long since = csr_read(time);
	while (!done(h, what))
		if (__atomic_load_n(&me->requests, __ATOMIC_ACQUIRE))
			hart_serve(me);
		else
			let_others_run(me, since);
}

struct fence_wait {
	unsigned index;         /* of the asking hart */
	unsigned long seq;      /* its fence to be carried out */
};

static bool fence_done(const struct hart *to, const void *what)
{
	const struct fence_wait *w = what;
	return __atomic_load_n(&to->fence_done[w->index], __ATOMIC_ACQUIRE) >= w->seq;
}

void hart_fence(struct hart *self, struct hart *to, unsigned long kinds)
{
	struct fence_wait w = { self->index,
				__atomic_add_fetch(&to->fence_asked[self->index], 1, __ATOMIC_ACQ_REL) };
	hart_post(to, kinds);
	wait_serving(self, fence_done, to, &w);
}

static void __attribute__((noreturn)) hart_park_loop(void *hart)
{
	struct hart *h = hart;
	/* Woken by the software interrupt alone; HS never takes it (SIE = 0). Not
	 * by the stopped guest's interrupts (hie is its vsie): a start reloads it. */
	csr_write(sie, MIP_BIT(IRQ_S_SOFT));
	csr_write(hie, 0);
	for (;;) {
		/* Clear first, then look: a request posted after the look has its IPI
		 * pending, and a late IPI of one already served does not keep wfi awake. */
		csr_clear(sip, MIP_BIT(IRQ_S_SOFT));
		if (__atomic_load_n(&h->requests, __ATOMIC_ACQUIRE))
			hart_serve(h);
		else
			wfi();
	}
}

void hart_park(struct hart *h)
{
	/* Whatever called us is over: start the wait on an empty stack. */
	run_on_stack(h->stack_top, hart_park_loop, h);
}

void hart_secondary_main(struct hart *h)
{
	__atomic_store_n(&h->online, true, __ATOMIC_RELEASE);
	hart_park(h);
}

static void hart_setup(struct hart *h, unsigned index, unsigned long hartid)
{
	h->index = index;
	h->hartid = hartid;
	if (index == 0) {
		/* The boot hart, already running on them: tp = __tls_base. */
		h->stack_top = (uintptr_t)boot_stack + BOOT_STACK_SIZE;
		h->tls = (uintptr_t)__tls_base;
		return;
	}
	h->stack_top = (uintptr_t)hart_stacks[index - 1] + HART_STACK_SIZE;
	/* Each other hart its own copy of the TLS block as it is at boot. */
	memcpy(hart_tls[index - 1], __tls_base, tls_size());
	h->tls = (uintptr_t)hart_tls[index - 1];
}

static bool wait_online(struct hart *self, const struct hart *h, unsigned long ticks)
{
	unsigned long start = csr_read(time);
	while (csr_read(time) - start < ticks) {
		if (__atomic_load_n(&h->online, __ATOMIC_ACQUIRE))
			return true;
		let_others_run(self, start);
	}
	return false;
}

/* hart_start, retried: a hart the firmware wrongly sent to the image entry
 * is on its way to hart_stop (boot/entry.S) and answers a start meanwhile with
 * ALREADY_AVAILABLE, INVALID_PARAM (OpenSBI: stop pending) or a SUCCESS that
 * never arrives. Ten tries over about two seconds. */
static struct sbiret start_hart(struct hart *self, const struct hart *h, unsigned long timebase)
{
	struct sbiret r = { SBI_ERR_FAILED, 0 };
	for (unsigned tries = 0; tries < 10; tries++) {
		r = sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_START, h->hartid, (uintptr_t)secondary_entry,
			      (uintptr_t)h, 0, 0, 0);
		if (wait_online(self, h, r.error == SBI_SUCCESS ? timebase / 5 : timebase / 100))
			return (struct sbiret){ SBI_SUCCESS, 0 };
	}
	return r;
}

int harts_start(const struct fdt_info *fdt, unsigned long boot_hartid, unsigned n, unsigned long timebase)
{
	if (tls_size() > TLS_MAX) {
		hyp_log("thread-local data of %zu bytes exceeds %d; raise TLS_MAX in hyp/hart.c",
			tls_size(), TLS_MAX);
		return -1;
	}
	hart_setup(&harts[0], 0, boot_hartid);
	harts[0].online = true;
	n_harts = 1;
	for (int i = 0; i < fdt->n_cpu && n_harts < n; i++) {
		const struct fdt_cpu *c = &fdt->cpu[i];
		if (c->hartid == boot_hartid || !c->okay || c->isa.xlen != 64 || !isa_set_has(&c->isa, "h"))
			continue;
		struct hart *h = &harts[n_harts];
		hart_setup(h, n_harts, c->hartid);
		struct sbiret r = start_hart(&harts[0], h, timebase);
		if (r.error) {
			hyp_log("hart %u did not start (SBI error %ld); cannot give the guest %u vcpus",
				c->hartid, r.error, n);
			return -1;
		}
		n_harts++;
	}
	if (n_harts < n) {
		hyp_log("hpmvisor.vcpus=%u needs %u harts with the H extension; this machine has %u",
			n, n, n_harts);
		return -1;
	}
	return 0;
}

/* Its hart stores STOPPED only in the hypervisor, after leaving the guest. */
static bool stopped(const struct hart *h, const void *what)
{
	const struct vcpu *v = what;
	return vcpu_state_now(&v->state) == VCPU_STOPPED;
}

/* vcpu_teardown clears *v, hart pointer included: ask h, not v. */
static bool torn_down(const struct hart *h, const void *v)
{
	return __atomic_load_n(&h->vcpu, __ATOMIC_ACQUIRE) != v;
}

void vcpu_stop_remote(struct vcpu *self, struct vcpu *v)
{
	/* Retired only from STOPPED: a start on its way to it is stopped again. */
	while (!vcpu_retire(&v->state)) {
		hart_post(v->hart, REQ_STOP);
		wait_serving(self->hart, stopped, v->hart, v);
	}
}

void vcpu_teardown_remote(struct vcpu *self, struct vcpu *v)
{
	struct hart *h = v->hart;
	hart_post(h, REQ_TEARDOWN);
	wait_serving(self->hart, torn_down, h, v);
}
