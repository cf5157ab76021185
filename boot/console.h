/* The hypervisor's console: the /chosen/stdout-path UART, else the firmware's
 * legacy SBI console. Log lines start "hpmvisor: ". */
#ifndef BOOT_CONSOLE_H
#define BOOT_CONSOLE_H
#include <stddef.h>
#include "boot/uart.h"

void console_use_uart(const struct uart *u);
void console_putc(char c);
/* A byte as it is: a guest's UART output carries its own line ends. */
void console_putc_raw(char c);
void console_write(const char *s, size_t len);
int console_getc(void); /* -1 when nothing is waiting */
/* For the last words of a dying hypervisor: its hart may hold the lock. */
void console_break_lock(void);
/* One log line: "hpmvisor: " + formatted text + newline. */
void hyp_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
