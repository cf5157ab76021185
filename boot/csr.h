/* CSR access and the bits hpmvisor uses (privileged spec, H extension), and
 * the few other instructions C needs (fences, wfi, the FPU clear, a stack
 * switch): the hardware layer of hyp/. Host unit tests (HOST_TEST) get the
 * same names as calls into a fake hart, tests/unit/fake_hart.c. */
#ifndef BOOT_CSR_H
#define BOOT_CSR_H

/* Constants usable from C and assembly alike. */
#ifdef __ASSEMBLER__
#define _UL(x) x
#else
#define _UL(x) x##UL
#endif

#if !defined(__ASSEMBLER__) && !defined(HOST_TEST)
#define csr_read(csr) ({ unsigned long __v; \
	asm volatile("csrr %0, " #csr : "=r"(__v) :: "memory"); __v; })
#define csr_write(csr, val) ({ unsigned long __v = (unsigned long)(val); \
	asm volatile("csrw " #csr ", %0" :: "rK"(__v) : "memory"); })
#define csr_set(csr, val) ({ unsigned long __v = (unsigned long)(val); \
	asm volatile("csrs " #csr ", %0" :: "rK"(__v) : "memory"); })
#define csr_clear(csr, val) ({ unsigned long __v = (unsigned long)(val); \
	asm volatile("csrc " #csr ", %0" :: "rK"(__v) : "memory"); })
#endif

#define SSTATUS_SIE   (_UL(1) << 1)
#define SSTATUS_SPIE  (_UL(1) << 5)
#define SSTATUS_SPP   (_UL(1) << 8)
#define SSTATUS_FS    (_UL(3) << 13)
#define SSTATUS_FS_INITIAL (_UL(1) << 13)

#define HSTATUS_VSBE  (_UL(1) << 5)
#define HSTATUS_GVA   (_UL(1) << 6)
#define HSTATUS_SPV   (_UL(1) << 7)
#define HSTATUS_SPVP  (_UL(1) << 8)
#define HSTATUS_VTVM  (_UL(1) << 20)
#define HSTATUS_VTW   (_UL(1) << 21)
#define HSTATUS_HU    (_UL(1) << 9)
#define HSTATUS_VGEIN (_UL(0x3f) << 12)
#define HSTATUS_VTSR  (_UL(1) << 22)
#define HSTATUS_VSXL  (_UL(3) << 32)
#define HSTATUS_VSXL_64 (_UL(2) << 32)

#define HENVCFG_STCE  (_UL(1) << 63)

#define IRQ_S_SOFT    1
#define IRQ_VS_SOFT   2
#define IRQ_S_TIMER   5
#define IRQ_VS_TIMER  6
#define IRQ_S_EXT     9
#define IRQ_VS_EXT    10
#define IRQ_LCOFI     13
#define MIP_BIT(irq)  (_UL(1) << (irq))

#define SCAUSE_INTERRUPT          (_UL(1) << 63)
#define EXC_INSN_MISALIGNED        0
#define EXC_INSN_ACCESS            1
#define EXC_ILLEGAL_INSN           2
#define EXC_BREAKPOINT             3
#define EXC_LOAD_MISALIGNED        4
#define EXC_LOAD_ACCESS            5
#define EXC_STORE_MISALIGNED       6
#define EXC_STORE_ACCESS           7
#define EXC_ECALL_U                8
#define EXC_ECALL_VS              10
#define EXC_INSN_PAGE_FAULT       12
#define EXC_LOAD_PAGE_FAULT       13
#define EXC_STORE_PAGE_FAULT      15
#define EXC_INSN_GUEST_PAGE_FAULT 20
#define EXC_LOAD_GUEST_PAGE_FAULT 21
#define EXC_VIRTUAL_INSN          22
#define EXC_STORE_GUEST_PAGE_FAULT 23

#define HCOUNTEREN_TM (_UL(1) << 1)


#if !defined(__ASSEMBLER__) && !defined(HOST_TEST)
/* H-extension instructions GCC 12's -march cannot name. */
static inline void hfence_gvma_vmid(unsigned long vmid)
{
	asm volatile(".option push\n.option arch, +h\nhfence.gvma zero, %0\n.option pop"
		     :: "r"(vmid) : "memory");
}
static inline void hfence_vvma_all(void)
{
	asm volatile(".option push\n.option arch, +h\nhfence.vvma zero, zero\n.option pop" ::: "memory");
}
static inline void fence_i(void)
{
	asm volatile("fence.i" ::: "memory");
}
static inline void wfi(void)
{
	asm volatile("wfi");
}
/* f0..f31 and fcsr zeroed (sstatus.FS must be on). */
static inline void fpu_clear(void)
{
	asm volatile(".option push\n.option arch, +d\n"
		     "fmv.d.x f0, zero\n fmv.d.x f1, zero\n fmv.d.x f2, zero\n fmv.d.x f3, zero\n"
		     "fmv.d.x f4, zero\n fmv.d.x f5, zero\n fmv.d.x f6, zero\n fmv.d.x f7, zero\n"
		     "fmv.d.x f8, zero\n fmv.d.x f9, zero\n fmv.d.x f10, zero\n fmv.d.x f11, zero\n"
		     "fmv.d.x f12, zero\n fmv.d.x f13, zero\n fmv.d.x f14, zero\n fmv.d.x f15, zero\n"
		     "fmv.d.x f16, zero\n fmv.d.x f17, zero\n fmv.d.x f18, zero\n fmv.d.x f19, zero\n"
		     "fmv.d.x f20, zero\n fmv.d.x f21, zero\n fmv.d.x f22, zero\n fmv.d.x f23, zero\n"
		     "fmv.d.x f24, zero\n fmv.d.x f25, zero\n fmv.d.x f26, zero\n fmv.d.x f27, zero\n"
		     "fmv.d.x f28, zero\n fmv.d.x f29, zero\n fmv.d.x f30, zero\n fmv.d.x f31, zero\n"
		     "csrw fcsr, zero\n.option pop" ::: "memory");
}
/* fn(arg) on the stack whose top is sp; whatever ran before is abandoned. */
static inline void __attribute__((noreturn)) run_on_stack(unsigned long sp, void (*fn)(void *), void *arg)
{
	register void *a0 asm("a0") = arg;
	asm volatile("mv sp, %0\n jr %1" :: "r"(sp), "r"(fn), "r"(a0) : "memory");
	__builtin_unreachable();
}
#endif

#if !defined(__ASSEMBLER__) && defined(HOST_TEST)
/* The same names on the host: tests/unit/fake_hart.c holds a CSR file keyed
 * by name, logs fences and wfi, and lets a test leave noreturn paths. */
unsigned long host_csr_read(const char *csr);
void host_csr_write(const char *csr, unsigned long val);
void host_csr_set(const char *csr, unsigned long val);
void host_csr_clear(const char *csr, unsigned long val);
#define csr_read(csr)       host_csr_read(#csr)
#define csr_write(csr, val) host_csr_write(#csr, (unsigned long)(val))
#define csr_set(csr, val)   host_csr_set(#csr, (unsigned long)(val))
#define csr_clear(csr, val) host_csr_clear(#csr, (unsigned long)(val))
void hfence_gvma_vmid(unsigned long vmid);
void hfence_vvma_all(void);
void fence_i(void);
void wfi(void);
void fpu_clear(void);
void run_on_stack(unsigned long sp, void (*fn)(void *), void *arg) __attribute__((noreturn));
#endif
#endif
