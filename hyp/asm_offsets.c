/* Emits struct offsets for hyp/trap.S; the Makefile turns the "@@OFFSET" lines of
 * the compiler's assembly output into build/gen/asm_offsets.h. */
#include <stddef.h>
#include "hyp/hart.h"
#include "hyp/vcpu.h"

#define OFFSET(name, type, member) \
	asm volatile("@@OFFSET " #name " %0" :: "i"(offsetof(type, member)))

void asm_offsets(void);
void asm_offsets(void)
{
	OFFSET(VCPU_X, struct vcpu, x);
	OFFSET(VCPU_SEPC, struct vcpu, sepc);
	OFFSET(VCPU_HYP_SP, struct vcpu, hyp_sp);
	OFFSET(VCPU_HYP_TP, struct vcpu, hyp_tp);
	OFFSET(HART_STACK_TOP, struct hart, stack_top);
	OFFSET(HART_TLS, struct hart, tls);
}
