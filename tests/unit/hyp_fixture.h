/* The hyp/ tests' shared fixture: the hypervisor's boot-time state (struct hyp)
 * over a host memory arena, the fake firmware PMU (fake_pmu_hw.c) and the fake
 * hart (fake_hart.c), harts[0..n) with hart ids FIX_HARTID(i), and a VM created
 * by the real vm_boot_first, its vcpu 0 entered. Link with HYP_UNIT_SRCS
 * (tests/unit/hyp.mk). */
#ifndef HYP_FIXTURE_H
#define HYP_FIXTURE_H
#include <stdbool.h>
#include <stdint.h>
#include "fake_hart.h"
#include "fake_pmu_hw.h"
#include "hyp/hyp.h"
#include "hyp/sbi.h"
#include "hyp/vm.h"

#define FIX_HARTID(i)   (40UL + (i))      /* host hart ids differ from vcpu ids */
#define FIX_ARENA       (40ULL << 20)     /* host RAM handed to palloc */
#define FIX_IMAGE_SIZE  4096              /* the default guest image */
#define MiB             (1ULL << 20)

struct fix_cfg {
	unsigned vcpus;        /* default 1 */
	bool sstc;
	bool lcofi;            /* the fake firmware lets LCOFI reach VS */
	uint64_t guest_mem;    /* default 8 MiB */
	uint64_t image_size;   /* default FIX_IMAGE_SIZE */
	unsigned vmid_bits;    /* default 14 */
	const char *host_isa;  /* default rv64imafdc_zicsr_zifencei (plus _sstc with sstc) */
};

extern uint8_t fix_image[];  /* the guest image: a pattern */
void fix_image_fill(void);
/* FIX_ARENA bytes of host memory, the same on every call. */
uint8_t *fix_arena(void);

/* struct hyp, harts and the fakes as hyp_main would leave them, no VM yet. */
void fix_hyp(const struct fix_cfg *c);
/* fix_hyp, then vm_boot_first: the VM whose vcpu 0 it entered. */
struct vm *fix_boot(const struct fix_cfg *c);
/* A guest ecall on v (trap.S's fast path: the dispatch). */
struct sbiret fix_ecall(struct vcpu *v, unsigned long eid, unsigned long fid, unsigned long a0,
			unsigned long a1, unsigned long a2);
/* Make vcpu i of vm RUNNING as if the guest had started it. */
void fix_run_vcpu(struct vm *vm, unsigned i);
/* Did the console get this text (log lines included)? */
bool fix_said(const char *text);
/* A firmware counter on v counting fw event code, started: its index. */
unsigned fix_fw_counter(struct vcpu *v, unsigned code);
/* Its count (fw_read). */
unsigned long fix_fw_read(struct vcpu *v, unsigned idx);

#endif
