/* CSR access and the S-mode CSR bits the guests use. */
#ifndef GUEST_CSR_H
#define GUEST_CSR_H

#define SSTATUS_SIE   (1UL << 1)
#define SIP_SSIP      (1UL << 1)
#define SIP_STIP      (1UL << 5)
#define SIE_SSIE      SIP_SSIP
#define SIE_STIE      SIP_STIP

#define IRQ_S_SOFT    1
#define IRQ_S_TIMER   5
#define EXC_ILLEGAL_INSN 2
#define EXC_LOAD_MISALIGNED  4
#define EXC_STORE_MISALIGNED 6
#define SCAUSE_IRQ    (1UL << 63)

/* "memory" clobbers keep CSR accesses ordered against the trap bookkeeping
 * (a CSR read may be the instruction a test expects to trap). */
#define csr_read(csr) ({ unsigned long __v;                                   \
	__asm__ volatile("csrr %0, " #csr : "=r"(__v) : : "memory"); __v; })
/* By number, for CSRs chosen at run time through a switch of constants. */
#define csr_read_num(num) ({ unsigned long __v;                               \
	__asm__ volatile("csrr %0, %1" : "=r"(__v) : "i"(num) : "memory"); __v; })
#define csr_write(csr, v) __asm__ volatile("csrw " #csr ", %0" : : "rK"(v) : "memory")
#define csr_set(csr, v)   __asm__ volatile("csrs " #csr ", %0" : : "rK"(v) : "memory")
#define csr_clear(csr, v) __asm__ volatile("csrc " #csr ", %0" : : "rK"(v) : "memory")

static inline unsigned long rdtime(void) { return csr_read(time); }

#endif
