#include "boot/uart.h"

#define UART_RBR 0 /* receive buffer */
#define UART_THR 0 /* transmit holding */
#define UART_LSR 5 /* line status */
#define LSR_DR   0x01
#define LSR_THRE 0x20

static inline __attribute__((always_inline)) uint32_t io_in(uintptr_t a, unsigned width)
{
	if (width == 4)
		return *(volatile uint32_t *)a;
	return *(volatile uint8_t *)a;
}

static inline __attribute__((always_inline)) void io_out(uintptr_t a, unsigned width, uint32_t v)
{
	if (width == 4)
		*(volatile uint32_t *)a = v;
	else
		*(volatile uint8_t *)a = (uint8_t)v;
}

static uintptr_t reg_addr(const struct uart *u, unsigned reg)
{
	return u->base + ((uintptr_t)reg << u->reg_shift);
}

static uint32_t uart_in(const struct uart *u, unsigned reg)
{
	return io_in(reg_addr(u, reg), u->reg_io_width);
}

static inline __attribute__((always_inline)) void put_raw(uintptr_t lsr, uintptr_t thr, unsigned width,
							   char c)
{
	while (!(io_in(lsr, width) & LSR_THRE))
		;
	io_out(thr, width, (uint8_t)c);
}

/* Inlined once per register width, so the loop tests the width no more. */
static inline __attribute__((always_inline)) void put_text(const struct uart *u, const char *s,
							   size_t n, unsigned width)
{
	uintptr_t lsr = reg_addr(u, UART_LSR), thr = reg_addr(u, UART_THR);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			put_raw(lsr, thr, width, '\r');
		put_raw(lsr, thr, width, s[i]);
	}
}

void uart_write(const struct uart *u, const char *s, size_t n)
{
	if (u->reg_io_width == 4)
		put_text(u, s, n, 4);
	else
		put_text(u, s, n, 1);
}

void uart_putc_raw(const struct uart *u, char c)
{
	put_raw(reg_addr(u, UART_LSR), reg_addr(u, UART_THR), u->reg_io_width, c);
}

int uart_getc(const struct uart *u)
{
	if (!(uart_in(u, UART_LSR) & LSR_DR))
		return -1;
	return (int)(uart_in(u, UART_RBR) & 0xff);
}
