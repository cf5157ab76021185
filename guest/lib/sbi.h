/* SBI calls from a guest: the raw ecall plus the wrappers several guests use.
 * Constants come from boot/sbi_abi.h, shared with the hypervisor. */
#ifndef GUEST_SBI_H
#define GUEST_SBI_H

#include <stdbool.h>

#include "boot/sbi_call.h"	/* struct sbiret, sbi_ecall(): the hypervisor's own */


/* Legacy (v0.1) call: the EID is the function, a0 the only result. */
long sbi_legacy(unsigned long eid, unsigned long arg0);

/* The error code's name, for result lines ("SBI_ERR_INVALID_PARAM"). */
const char *sbi_err_name(long error);

unsigned long sbi_spec_version(void);	/* cached; 0 if BASE failed */
bool sbi_spec_at_least(unsigned major, unsigned minor);
#define SBI_SPEC_MAJOR(v) (((v) >> 24) & 0x7f)
#define SBI_SPEC_MINOR(v) ((v) & 0xffffff)
/* probe_extension's value, 0 when the call itself fails. */
long sbi_probe(unsigned long eid);

/* SRST shutdown with the reason; legacy shutdown if that returns; then wfi. */
__attribute__((noreturn)) void sbi_shutdown(bool failure);

static inline struct sbiret sbi_set_timer(unsigned long stime)
{
	return sbi_ecall(SBI_EXT_TIME, SBI_TIME_SET_TIMER, stime, 0, 0, 0, 0, 0);
}

/* HSM */
static inline struct sbiret sbi_hart_get_status(unsigned long hartid)
{
	return sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, hartid, 0, 0, 0, 0, 0);
}

/* Returns only on failure: on success the calling hart is STOPPED. */
static inline struct sbiret sbi_hart_stop(void)
{
	return sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_STOP, 0, 0, 0, 0, 0, 0);
}

/* PMU */
#define PMU_EVENT(type, code) (((unsigned long)(type) << 16) | (code))
#define PMU_EV_CYCLES   PMU_EVENT(SBI_PMU_EVENT_TYPE_HW, SBI_PMU_HW_CPU_CYCLES)
#define PMU_EV_INSTRET  PMU_EVENT(SBI_PMU_EVENT_TYPE_HW, SBI_PMU_HW_INSTRUCTIONS)
#define PMU_EV_FW_SET_TIMER PMU_EVENT(SBI_PMU_EVENT_TYPE_FW, SBI_PMU_FW_SET_TIMER)
#define PMU_EV_FW_ILLEGAL_INSN PMU_EVENT(SBI_PMU_EVENT_TYPE_FW, SBI_PMU_FW_ILLEGAL_INSN)
#define PMU_INFO_FW     (1UL << 63)
#define PMU_INFO_CSR(i) ((i) & 0xfff)
#define PMU_INFO_WIDTH(i) (((i) >> 12) & 0x3f)	/* bits - 1 */

/* The counters counter_get_info describes (0..63), as Linux builds its mask:
 * a set naming a hole (e.g. counter 1, time) is invalid. 0 without a PMU. */
unsigned long sbi_pmu_counter_mask(void);

static inline struct sbiret sbi_pmu_cfg_match(unsigned long base, unsigned long mask,
					      unsigned long flags, unsigned long event,
					      unsigned long data)
{
	return sbi_ecall(SBI_EXT_PMU, SBI_PMU_COUNTER_CFG_MATCH, base, mask, flags, event, data, 0);
}

static inline struct sbiret sbi_pmu_start(unsigned long base, unsigned long mask,
					  unsigned long flags, unsigned long init)
{
	return sbi_ecall(SBI_EXT_PMU, SBI_PMU_COUNTER_START, base, mask, flags, init, 0, 0);
}

static inline struct sbiret sbi_pmu_stop(unsigned long base, unsigned long mask,
					 unsigned long flags)
{
	return sbi_ecall(SBI_EXT_PMU, SBI_PMU_COUNTER_STOP, base, mask, flags, 0, 0, 0);
}

static inline struct sbiret sbi_pmu_fw_read(unsigned long idx)
{
	return sbi_ecall(SBI_EXT_PMU, SBI_PMU_COUNTER_FW_READ, idx, 0, 0, 0, 0, 0);
}

static inline struct sbiret sbi_pmu_set_shmem(unsigned long lo, unsigned long hi,
					      unsigned long flags)
{
	return sbi_ecall(SBI_EXT_PMU, SBI_PMU_SNAPSHOT_SET_SHMEM, lo, hi, flags, 0, 0, 0);
}

#endif
