/* The second hart of the cross-hart checks (hsm, ipi, rfence): picked from
 * the DTB, started through the runtime's smp_hart_start() with a small
 * program, stopped by letting that program end (the runtime then calls
 * hart_stop). The other hart never prints: it sets flags, this hart reports.
 * Each section starts and stops it, so every section finds it STOPPED, as
 * the SBI firmware or the hypervisor hands it over. */
#ifndef SELFCHECK_OTHER_HART_H
#define SELFCHECK_OTHER_HART_H

#include <stdbool.h>

/* Bound of every wait for the other hart. */
#define OTHER_WAIT_MS 1000

/* The first hart in the DTB's /cpus other than this one. False, after a
 * skip line for what, when there is none or HSM is missing. */
bool other_hart_pick(const char *what, unsigned long *hart);
/* One check line "<section>: <verb> hart N": it is STOPPED, hart_start ->
 * SUCCESS, it reaches STARTED and runs. There it runs body (if any) and
 * then waits until other_hart_stop() releases it. */
bool other_hart_start(const char *section, const char *verb, unsigned long hart,
		      void (*body)(void));
/* One check line: released, the hart ends with hart_stop and hart_get_status
 * says STOPPED. */
bool other_hart_stop(const char *section, unsigned long hart);

#endif
