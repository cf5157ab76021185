#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "smp.h"
#include "trap.h"

struct smp_slot {
	unsigned long sp, tp;	/* loaded by smp.S */
	hart_fn_t fn;
	void *arg;
	unsigned long hartid;	/* owner, while used */
	bool used;
};

_Static_assert(offsetof(struct smp_slot, sp) == SMP_SLOT_SP, "smp.S slot");
_Static_assert(offsetof(struct smp_slot, tp) == SMP_SLOT_TP, "smp.S slot");

extern char smp_entry[];
/* guest.ld: the boot hart's TLS block, .tdata then .tbss */
extern char __tls_base[], __tbss_start[], __tls_end[];

/* Only the boot hart starts harts, so the slots need no lock. */
static struct smp_slot slots[SMP_MAX_HARTS];
static unsigned char stacks[SMP_MAX_HARTS][SMP_STACK_SIZE] __attribute__((aligned(16)));

/* The hart's own slot, so a restart reuses it; else a free one. */
static int slot_of(unsigned long hartid)
{
	int free = -1;

	for (int i = 0; i < SMP_MAX_HARTS; i++) {
		if (slots[i].used && slots[i].hartid == hartid)
			return i;
		if (!slots[i].used && free < 0)
			free = i;
	}
	return free;
}

/* The TLS block goes at the top of the stack area, the stack grows down
 * from below it. .tdata is copied from the boot hart's block, which it uses
 * in place (its initial image is not kept); .tbss starts zeroed. */
static unsigned long tls_setup(unsigned char *top)
{
	size_t size = (size_t)(__tls_end - __tls_base);
	size_t data = (size_t)(__tbss_start - __tls_base);
	unsigned char *tls = (unsigned char *)(((unsigned long)top - size) & ~15UL);

	memcpy(tls, __tls_base, data);
	memset(tls + data, 0, size - data);
	return (unsigned long)tls;
}

struct sbiret smp_hart_start(unsigned long hartid, hart_fn_t fn, void *arg)
{
	int i = slot_of(hartid);

	if (i < 0 || (size_t)(__tls_end - __tls_base) > SMP_STACK_SIZE / 2)
		return (struct sbiret){ SBI_ERR_FAILED, 0 };
	struct smp_slot *s = &slots[i];
	s->used = true;
	s->hartid = hartid;
	s->fn = fn;
	s->arg = arg;
	s->tp = tls_setup(stacks[i] + SMP_STACK_SIZE);
	s->sp = s->tp;		/* 16-byte aligned */
	/* The new hart must see the slot, stack and TLS written above. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_START, hartid, (unsigned long)smp_entry,
			 (unsigned long)s, 0, 0, 0);
}

void smp_hart_main(unsigned long hartid, struct smp_slot *s);
void smp_hart_main(unsigned long hartid, struct smp_slot *s)
{
	trap_init();
	s->fn(hartid, s->arg);
	sbi_hart_stop();
}
