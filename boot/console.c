#include "boot/console.h"
#include "boot/sbi_call.h"
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

static struct uart console_uart;
static bool have_uart;

void console_use_uart(const struct uart *u)
{
	console_uart = *u;
	have_uart = true;
}

void console_putc(char c)
{
	if (have_uart) {
		if (c == '\n')
			uart_putc(&console_uart, '\r');
		uart_putc(&console_uart, c);
	} else {
		sbi_ecall(SBI_EXT_0_1_CONSOLE_PUTCHAR, 0, (unsigned char)c, 0, 0, 0, 0, 0);
	}
}

void console_write(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		console_putc(s[i]);
}

int console_getc(void)
{
	if (have_uart)
		return uart_getc(&console_uart);
	return (int)sbi_ecall(SBI_EXT_0_1_CONSOLE_GETCHAR, 0, 0, 0, 0, 0, 0, 0).error;
}

void hyp_log(const char *fmt, ...)
{
	char line[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(line))
		n = sizeof(line) - 1;
	console_write("hpmvisor: ", 10);
	console_write(line, (size_t)n);
	console_putc('\n');
}
