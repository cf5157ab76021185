/* SBI 0.1 console putchar/getchar, still used by early boot code. */
#include "hyp/sbi.h"
#include "boot/console.h"

/* An SBI 0.1 result: a0 only, every other register (a1 too) as it was. */
static struct sbiret legacy_ret(long a0, const unsigned long *a)
{
	return (struct sbiret){ a0, (long)a[1] };
}

static struct sbiret legacy_putchar(struct vcpu *v, unsigned long fid, const unsigned long *a)
{
	console_putc((char)a[0]);
	return legacy_ret(0, a);
}

static struct sbiret legacy_getchar(struct vcpu *v, unsigned long fid, const unsigned long *a)
{
	return legacy_ret(console_getc(), a);
}

const struct sbi_ext sbi_ext_legacy_putchar = { .eid = SBI_EXT_0_1_CONSOLE_PUTCHAR, .call = legacy_putchar };
const struct sbi_ext sbi_ext_legacy_getchar = { .eid = SBI_EXT_0_1_CONSOLE_GETCHAR, .call = legacy_getchar };
