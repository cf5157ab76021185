#include <stdarg.h>
#include <stdio.h>

#include "harness.h"

static unsigned passed, failed, skipped;

static bool vresult(bool pass, const char *what, const char *fmt, va_list ap)
{
	if (pass) {
		passed++;
		printf("ok - %s\n", what);
	} else {
		failed++;
		printf("not ok - %s (", what);
		vprintf(fmt, ap);
		printf(")\n");
	}
	return pass;
}

bool check(bool pass, const char *what, const char *detail_fmt, ...)
{
	va_list ap;

	va_start(ap, detail_fmt);
	pass = vresult(pass, what, detail_fmt, ap);
	va_end(ap);
	return pass;
}

bool check_err(const char *what, struct sbiret got, long want)
{
	return check(got.error == want, what, "got: %s (%ld) expected: %s (%ld)",
		     sbi_err_name(got.error), got.error, sbi_err_name(want), want);
}

bool check_ret(const char *what, struct sbiret got, long want_value)
{
	if (got.error)
		return check_err(what, got, SBI_SUCCESS);
	return check(got.value == want_value, what, "got: SBI_SUCCESS value %ld expected: value %ld",
		     got.value, want_value);
}

void skip(const char *what, const char *reason_fmt, ...)
{
	va_list ap;

	skipped++;
	printf("skip - %s (", what);
	va_start(ap, reason_fmt);
	vprintf(reason_fmt, ap);
	va_end(ap);
	printf(")\n");
}

int harness_summary(const char *who)
{
	printf("%s: %u passed, %u failed, %u skipped\n", who, passed, failed, skipped);
	return (int)failed;
}
