/* Entry of a hart started by smp_hart_start(), as SBI HSM enters it: S-mode,
 * a0 = hart id, a1 = opaque = its struct smp_slot, satp = 0, sstatus.SIE = 0.
 * Stack and tp come from the slot before any C runs (C may touch TLS). */
#include "smp.h"

	.text
	.balign 4
	.globl smp_entry
smp_entry:
	csrw	sie, zero		/* what the firmware left enabled is not ours */
	ld	sp, SMP_SLOT_SP(a1)
	ld	tp, SMP_SLOT_TP(a1)
	call	smp_hart_main		/* (hartid, slot); returns if hart_stop failed */
	.globl smp_park
smp_park:
	wfi
	j	smp_park
