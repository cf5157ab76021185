/* The guests' single S-mode trap entry: interrupts go to registered handlers,
 * an exception a test is waiting for is counted and skipped, anything else
 * ends the guest with a failure line. */
#ifndef GUEST_TRAP_H
#define GUEST_TRAP_H

/* Frame layout in 8-byte slots, shared by trap.S and trap.c (which checks it). */
#define TF_SEPC     32
#define TF_SCAUSE   33
#define TF_STVAL    34
#define TF_SLOTS    36		/* keeps sp 16-byte aligned */

#ifndef __ASSEMBLER__
#include <stdbool.h>

struct trap_frame {
	unsigned long x[32];	/* x[2] holds the interrupted sp */
	unsigned long sepc, scause, stval, pad;
};

typedef void (*irq_handler_t)(void);

void trap_init(void);
/* Handler for S-mode interrupt number irq (IRQ_S_SOFT, IRQ_S_TIMER) on the
 * calling hart; handlers and the catch window below are per hart. */
void trap_set_irq_handler(unsigned irq, irq_handler_t handler);
/* From now on exceptions with this cause are counted and the faulting
 * instruction skipped, until trap_caught() ends the window. */
void trap_catch(unsigned long cause);
unsigned trap_caught(void);
/* The same for any cause in a mask of (1 << cause) bits; the cause of the
 * latest one caught. */
void trap_catch_any(unsigned long cause_mask);
unsigned long trap_caught_cause(void);
/* Poll for up to ticks of the time CSR (a bounded wait of wait.h), letting
 * enabled interrupts in (sstatus.SIE) between polls, until *count is
 * non-zero. Returns whether it became non-zero. Polls instead of wfi, so a
 * missing interrupt cannot hang. */
bool irq_wait(volatile unsigned *count, unsigned long ticks);
#endif

#endif
