/* The self-check sections, run in this order by main.c. Each decides what to
 * check by probing (spec version, probe_extension), never by implementation
 * id, and reports skip with the reason for what the SBI lacks. */
#ifndef SELFCHECK_CHECKS_H
#define SELFCHECK_CHECKS_H

/* A hart id no platform here has: must be rejected wherever a hart is named. */
#define INVALID_HART 0x7fffUL
/* How many harts of the DTB's /cpus the checks look at. */
#define MAX_HARTS 64
/* A time span in ticks of the time CSR. */
#define MS(n) ((n) * (env.timebase_hz / 1000))

void check_base(void);
void check_console(void);
void check_uart(void);		/* the /chosen/stdout-path ns16550a */
void check_time(void);
void check_hsm(void);
void check_suspend(void);		/* HSM hart_suspend and SUSP */
void check_ipi(void);
void check_rfence(void);
void check_pmu(void);		/* also fills struct pmu (pmu.h) for the next two */
void check_pmu_snapshot(void);
void check_pmu_event_info(void);
void check_pmu_overflow(void);
void check_faults(void);
void check_ramdisk(void);		/* only when /chosen names one */

#endif
