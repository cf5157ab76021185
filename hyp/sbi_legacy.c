/* SBI 0.1 console putchar/getchar, still used by early boot code. */
#include "hyp/sbi.h"
#include "boot/console.h"

static struct sbiret legacy_putchar(struct vcpu *v, unsigned long fid, const unsigned long *a)
{
	console_putc((char)a[0]);
	return sbi_ok(0);
}

static struct sbiret legacy_getchar(struct vcpu *v, unsigned long fid, const unsigned long *a)
{
	return (struct sbiret){ console_getc(), 0 };
}

const struct sbi_ext sbi_ext_legacy_putchar = {
	.eid = SBI_EXT_0_1_CONSOLE_PUTCHAR, .call = legacy_putchar, .legacy = true };
const struct sbi_ext sbi_ext_legacy_getchar = {
	.eid = SBI_EXT_0_1_CONSOLE_GETCHAR, .call = legacy_getchar, .legacy = true };
