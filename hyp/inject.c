#include "hyp/inject.h"
#include "boot/csr.h"

void vcpu_inject_exception(struct vcpu *v, unsigned long cause, unsigned long tval)
{
	unsigned long vsstatus = csr_read(vsstatus);
	/* sstatus.SPP says whether the trap came from VS (1) or VU (0). */
	bool from_vs = csr_read(sstatus) & SSTATUS_SPP;
	bool sie = vsstatus & SSTATUS_SIE;
	vsstatus &= ~(SSTATUS_SPP | SSTATUS_SPIE | SSTATUS_SIE);
	vsstatus |= (from_vs ? SSTATUS_SPP : 0) | (sie ? SSTATUS_SPIE : 0);
	csr_write(vsstatus, vsstatus);
	csr_write(vscause, cause);
	csr_write(vstval, tval);
	csr_write(vsepc, v->sepc);
	v->sepc = csr_read(vstvec) & ~3UL; /* exceptions use the base even when vectored */
	csr_set(sstatus, SSTATUS_SPP);     /* the handler runs in VS-mode */
}
