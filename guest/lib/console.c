#include <stdio.h>

#include "console.h"
#include "sbi.h"

static char line[256];
static unsigned line_len;
static bool use_dbcn;

void console_init(void)
{
	use_dbcn = sbi_probe(SBI_EXT_DBCN) != 0;
}

bool console_uses_dbcn(void)
{
	return use_dbcn;
}

/* DBCN write is non-blocking and may write part of the buffer; a zero-byte
 * or failed write falls back to the legacy console for the rest. */
static void dbcn_write_all(const char *buf, unsigned len)
{
	while (len) {
		struct sbiret r = sbi_ecall(SBI_EXT_DBCN, SBI_DBCN_WRITE, len,
					    (unsigned long)buf, 0, 0, 0, 0);
		if (r.error || r.value <= 0 || (unsigned long)r.value > len)
			break;
		buf += r.value;
		len -= r.value;
	}
	while (len--)
		sbi_legacy(SBI_EXT_0_1_CONSOLE_PUTCHAR, (unsigned char)*buf++);
}

void console_flush(void)
{
	if (use_dbcn) {
		dbcn_write_all(line, line_len);
	} else {
		for (unsigned i = 0; i < line_len; i++)
			sbi_legacy(SBI_EXT_0_1_CONSOLE_PUTCHAR, (unsigned char)line[i]);
	}
	line_len = 0;
}

static int console_putc(char c, FILE *f)
{
	(void)f;
	line[line_len++] = c;
	if (c == '\n' || line_len == sizeof(line))
		console_flush();
	return (unsigned char)c;
}

static int console_fflush(FILE *f)
{
	(void)f;
	console_flush();
	return 0;
}

static FILE console_stdout = FDEV_SETUP_STREAM(console_putc, NULL, console_fflush,
					       _FDEV_SETUP_WRITE);
FILE *const stdout = &console_stdout;
