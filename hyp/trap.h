/* The one trap vector of every hart (hyp/trap.S). */
#ifndef HYP_TRAP_H
#define HYP_TRAP_H

/* stvec's target: saves what the C handlers clobber and dispatches guest traps
 * to hyp/sbi.c or vcpu_handle_trap, HS-mode traps to hyp_fatal_trap. */
void hyp_trap_entry(void);

#endif
