/* Other harts for the guests: run a C function on a STOPPED hart through SBI
 * HSM hart_start. The started hart gets its own stack and TLS (so errno and
 * the trap handlers of trap.h are its own), stvec = the shared trap entry,
 * and interrupts off. When the function returns the hart calls hart_stop,
 * and parks in wfi if that fails. The console is not locked: a started hart
 * should set flags and leave printing to the boot hart. */
#ifndef GUEST_SMP_H
#define GUEST_SMP_H

#define SMP_MAX_HARTS  8	/* harts started at once; one slot per hart id */
#define SMP_STACK_SIZE 4096	/* per started hart, its TLS block included */

/* struct smp_slot fields smp.S loads (smp.c checks the offsets) */
#define SMP_SLOT_SP 0
#define SMP_SLOT_TP 8

#ifndef __ASSEMBLER__
#include "sbi.h"

typedef void (*hart_fn_t)(unsigned long hartid, void *arg);

/* hart_start(hartid) with fn(hartid, arg) to run there; the SBI's answer.
 * The hart must be STOPPED (never started, or stopped since): its stack and
 * TLS are rebuilt. SBI_ERR_FAILED without a call when the slots are taken
 * (or the TLS block would fill half the stack). */
struct sbiret smp_hart_start(unsigned long hartid, hart_fn_t fn, void *arg);

/* A hart_start address needing no opaque and no stack: the hart waits in wfi
 * for ever. For starts that must be refused: a wrong SUCCESS parks a hart
 * instead of running it on a stack another hart may be using. */
extern char smp_park[];

/* Hart id + 1 of the last hart that came in at the image entry (crt0's
 * _start) after the boot hart, 0 if none: an SBI that started a hart at a
 * stale address instead of the one given. crt0 stops such a hart. */
extern volatile unsigned long smp_stray_hart;
#endif

#endif
