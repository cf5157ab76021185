/* TAP-like result lines the test runner greps:
 *   ok - <what>
 *   not ok - <what> (got: ... expected: ...)
 *   skip - <what> (<reason>)
 * <what> is "section: property". */
#ifndef GUEST_HARNESS_H
#define GUEST_HARNESS_H

#include <stdbool.h>

#include "sbi.h"

/* One result; on failure detail_fmt says what came and what was expected. */
__attribute__((format(printf, 3, 4)))
bool check(bool pass, const char *what, const char *detail_fmt, ...);
/* The SBI error code must be want. */
bool check_err(const char *what, struct sbiret got, long want);
/* Error SBI_SUCCESS and value want. */
bool check_ret(const char *what, struct sbiret got, long want_value);
__attribute__((format(printf, 2, 3)))
void skip(const char *what, const char *reason_fmt, ...);
/* Prints "<who>: N passed, M failed, K skipped"; returns M. */
int harness_summary(const char *who);

#endif
