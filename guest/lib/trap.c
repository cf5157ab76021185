#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "csr.h"
#include "runtime.h"
#include "trap.h"
#include "wait.h"

_Static_assert(offsetof(struct trap_frame, sepc) == TF_SEPC * 8, "trap.S frame");
_Static_assert(offsetof(struct trap_frame, scause) == TF_SCAUSE * 8, "trap.S frame");
_Static_assert(offsetof(struct trap_frame, stval) == TF_STVAL * 8, "trap.S frame");
_Static_assert(sizeof(struct trap_frame) == TF_SLOTS * 8, "trap.S frame");

extern char trap_entry[];

/* Per hart (TLS, zeroed .tbss for a new hart): each hart started through
 * smp.h has its own interrupt handlers and its own exception window. */
static __thread irq_handler_t irq_handlers[16];
static __thread volatile bool catching;
static __thread volatile unsigned long catch_mask, catch_last;
static __thread volatile unsigned catch_count;

void trap_init(void)
{
	csr_write(stvec, (unsigned long)trap_entry);	/* direct mode */
}

void trap_set_irq_handler(unsigned irq, irq_handler_t handler)
{
	irq_handlers[irq] = handler;
}

void trap_catch_any(unsigned long cause_mask)
{
	catch_count = 0;
	catch_mask = cause_mask;
	catching = true;
}

void trap_catch(unsigned long cause)
{
	trap_catch_any(1UL << cause);
}

unsigned long trap_caught_cause(void)
{
	return catch_last;
}

unsigned trap_caught(void)
{
	catching = false;
	return catch_count;
}

bool irq_wait(volatile unsigned *count, unsigned long ticks)
{
	struct wait w;

	wait_begin(&w, ticks);
	while (!*count && wait_more(&w)) {
		csr_set(sstatus, SSTATUS_SIE);
		__asm__ volatile("nop");
		csr_clear(sstatus, SSTATUS_SIE);
	}
	return *count != 0;
}

/* Compressed instructions have low bits != 0b11. */
static unsigned long insn_length(unsigned long pc)
{
	return (*(volatile uint16_t *)pc & 3) == 3 ? 4 : 2;
}

void trap_dispatch(struct trap_frame *tf);
void trap_dispatch(struct trap_frame *tf)
{
	unsigned long cause = tf->scause;

	if (cause & SCAUSE_IRQ) {
		unsigned long irq = cause & ~SCAUSE_IRQ;
		if (irq < 16 && irq_handlers[irq]) {
			irq_handlers[irq]();
			return;
		}
	} else if (catching && cause < 64 && (catch_mask >> cause & 1)) {
		catch_count++;
		catch_last = cause;
		tf->sepc += insn_length(tf->sepc);
		return;
	}
	printf("not ok - unexpected trap scause=0x%lx sepc=0x%lx stval=0x%lx\n",
	       cause, tf->sepc, tf->stval);
	guest_exit(1);
}
