#include "boot/uart.h"

#define UART_RBR 0 /* receive buffer */
#define UART_THR 0 /* transmit holding */
#define UART_LSR 5 /* line status */
#define LSR_DR   0x01
#define LSR_THRE 0x20

static uint32_t uart_in(const struct uart *u, unsigned reg)
{
	uintptr_t a = u->base + ((uintptr_t)reg << u->reg_shift);
	if (u->reg_io_width == 4)
		return *(volatile uint32_t *)a;
	return *(volatile uint8_t *)a;
}

static void uart_out(const struct uart *u, unsigned reg, uint32_t v)
{
	uintptr_t a = u->base + ((uintptr_t)reg << u->reg_shift);
	if (u->reg_io_width == 4)
		*(volatile uint32_t *)a = v;
	else
		*(volatile uint8_t *)a = (uint8_t)v;
}

void uart_putc(const struct uart *u, char c)
{
	while (!(uart_in(u, UART_LSR) & LSR_THRE))
		;
	uart_out(u, UART_THR, (uint8_t)c);
}

int uart_getc(const struct uart *u)
{
	if (!(uart_in(u, UART_LSR) & LSR_DR))
		return -1;
	return (int)(uart_in(u, UART_RBR) & 0xff);
}
