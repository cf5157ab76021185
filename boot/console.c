#include "boot/console.h"
#include "boot/sbi_call.h"
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

static struct uart console_uart;
static bool have_uart;
static int console_busy; /* harts write whole chunks in turn */

static void console_lock(void)
{
	while (__atomic_exchange_n(&console_busy, 1, __ATOMIC_ACQUIRE))
		;
}

static void console_unlock(void)
{
	__atomic_store_n(&console_busy, 0, __ATOMIC_RELEASE);
}

void console_break_lock(void)
{
	console_unlock();
}

void console_use_uart(const struct uart *u)
{
	console_uart = *u;
	have_uart = true;
}

static void put_byte(char c)
{
	if (have_uart)
		uart_putc_raw(&console_uart, c);
	else
		sbi_ecall(SBI_EXT_0_1_CONSOLE_PUTCHAR, 0, (unsigned char)c, 0, 0, 0, 0, 0);
}

/* The firmware's console adds its own CR; the UART needs one before LF. */
static void putc_unlocked(char c)
{
	if (have_uart && c == '\n')
		put_byte('\r');
	put_byte(c);
}

void console_putc(char c)
{
	console_lock();
	putc_unlocked(c);
	console_unlock();
}

void console_putc_raw(char c)
{
	console_lock();
	put_byte(c);
	console_unlock();
}

void console_write(const char *s, size_t len)
{
	console_lock();
	if (have_uart) {
		uart_write(&console_uart, s, len); /* a DBCN write: a few instructions a byte */
	} else {
		for (size_t i = 0; i < len; i++)
			putc_unlocked(s[i]);
	}
	console_unlock();
}

int console_getc(void)
{
	if (have_uart)
		return uart_getc(&console_uart);
	return (int)sbi_ecall(SBI_EXT_0_1_CONSOLE_GETCHAR, 0, 0, 0, 0, 0, 0, 0).error;
}

void hyp_log(const char *fmt, ...)
{
	static const char prefix[] = "hpmvisor: ";
	char line[256] = "hpmvisor: ";
	size_t room = sizeof(line) - (sizeof(prefix) - 1) - 1; /* keep one byte for '\n' */
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(line + sizeof(prefix) - 1, room + 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	size_t len = sizeof(prefix) - 1 + ((size_t)n < room ? (size_t)n : room);
	line[len++] = '\n';
	console_write(line, len); /* one piece: lines of different harts do not mix */
}
