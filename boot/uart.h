/* 16550-compatible UART (ns16550a, snps,dw-apb-uart): polled byte I/O. */
#ifndef BOOT_UART_H
#define BOOT_UART_H
#include <stddef.h>
#include <stdint.h>

struct uart {
	uintptr_t base;
	unsigned reg_shift;    /* register i lives at base + (i << reg_shift) */
	unsigned reg_io_width; /* 1 or 4 bytes per access */
};

/* The n bytes of s, each '\n' as "\r\n", each byte when the transmitter is empty. */
void uart_write(const struct uart *u, const char *s, size_t n);
/* One byte as it is (a guest's own output: it sends its own line ends). */
void uart_putc_raw(const struct uart *u, char c);
int uart_getc(const struct uart *u); /* -1 when nothing is waiting */

#endif
