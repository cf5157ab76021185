#include "hyp/vuart.h"
#include <string.h>

/* MSR bits 7:4 (DCD, RI, DSR, CTS): a modem always ready, or in loopback the
 * MCR outputs wired back (OUT2 -> DCD, OUT1 -> RI, RTS -> CTS, DTR -> DSR). */
static uint8_t modem_lines(const struct vuart *u)
{
	if (!(u->mcr & VUART_MCR_LOOP))
		return 0xb0;
	return (uint8_t)(((u->mcr & 0x08) << 4) | ((u->mcr & 0x04) << 4) |
			 ((u->mcr & 0x01) << 5) | ((u->mcr & 0x02) << 3));
}

static unsigned rx_capacity(const struct vuart *u)
{
	return u->fifo ? VUART_FIFO_SIZE : 1;
}

static void rx_push(struct vuart *u, uint8_t c)
{
	if (u->rx_count == rx_capacity(u)) {
		u->overrun = true;
		return;
	}
	u->rx[(u->rx_head + u->rx_count++) % VUART_FIFO_SIZE] = c;
}

static uint8_t rx_pop(struct vuart *u)
{
	if (!u->rx_count)
		return 0;
	uint8_t c = u->rx[u->rx_head];
	u->rx_head = (u->rx_head + 1) % VUART_FIFO_SIZE;
	u->rx_count--;
	return c;
}

/* Bytes from the outside, as many as fit (in loopback the line is the UART's own). */
static void poll_input(struct vuart *u)
{
	if (u->mcr & VUART_MCR_LOOP)
		return;
	for (int c; u->rx_count < rx_capacity(u) && (c = u->get()) >= 0;)
		rx_push(u, (uint8_t)c);
}

static uint8_t line_status(const struct vuart *u)
{
	return VUART_LSR_THRE | VUART_LSR_TEMT | (u->overrun ? VUART_LSR_OE : 0) |
	       (u->rx_count ? VUART_LSR_DR : 0);
}

/* The highest-priority interrupt the guest enabled and that is pending. */
static uint8_t interrupt_id(const struct vuart *u)
{
	if ((u->ier & VUART_IER_RLSI) && u->overrun)
		return VUART_IIR_RLSI;
	if ((u->ier & VUART_IER_RDI) && u->rx_count)
		return VUART_IIR_RDI;
	if ((u->ier & VUART_IER_THRI) && u->thr_pending)
		return VUART_IIR_THRI;
	if ((u->ier & VUART_IER_MSI) && u->msr_delta)
		return VUART_IIR_MSI;
	return VUART_IIR_NONE;
}

void vuart_init(struct vuart *u, void (*put)(char c), int (*get)(void))
{
	memset(u, 0, sizeof(*u));
	u->put = put;
	u->get = get;
	u->dll = 1;
}

uint8_t vuart_read(struct vuart *u, unsigned reg)
{
	bool dlab = u->lcr & VUART_LCR_DLAB;
	uint8_t v;
	poll_input(u);
	switch (reg) {
	case VUART_RBR:
		return dlab ? u->dll : rx_pop(u);
	case VUART_IER:
		return dlab ? u->dlm : u->ier;
	case VUART_IIR:
		v = interrupt_id(u);
		if (v == VUART_IIR_THRI)  /* reading IIR is what acknowledges it */
			u->thr_pending = false;
		return v | (u->fifo ? VUART_IIR_FIFO : 0);
	case VUART_LCR:
		return u->lcr;
	case VUART_MCR:
		return u->mcr;
	case VUART_LSR:
		v = line_status(u);
		u->overrun = false;
		return v;
	case VUART_MSR:
		v = modem_lines(u) | u->msr_delta;
		u->msr_delta = 0;
		return v;
	default:
		return u->scr;
	}
}

static void write_mcr(struct vuart *u, uint8_t val)
{
	uint8_t before = modem_lines(u), after, changed;
	u->mcr = val & 0x1f;
	after = modem_lines(u);
	changed = before ^ after;
	/* DCTS, DDSR, DDCD on any change; TERI when RI falls. */
	u->msr_delta |= ((changed >> 4) & 0x0b) | ((before & ~after & 0x40) >> 4);
}

void vuart_write(struct vuart *u, unsigned reg, uint8_t val)
{
	bool dlab = u->lcr & VUART_LCR_DLAB;
	poll_input(u);
	switch (reg) {
	case VUART_THR:
		if (dlab) {
			u->dll = val;
		} else {
			if (u->mcr & VUART_MCR_LOOP)
				rx_push(u, val);
			else
				u->put((char)val);
			u->thr_pending = true;  /* sent at once: THR is empty again */
		}
		return;
	case VUART_IER:
		if (dlab) {
			u->dlm = val;
			return;
		}
		/* Enabling THRI with THR empty raises it at once, as on a 16550. */
		if ((val & VUART_IER_THRI) && !(u->ier & VUART_IER_THRI))
			u->thr_pending = true;
		u->ier = val & 0x0f;
		return;
	case VUART_FCR:
		if ((bool)(val & VUART_FCR_ENABLE) != u->fifo || (val & VUART_FCR_CLEAR_RX))
			u->rx_count = 0;  /* switching the FIFOs on or off empties them */
		u->fifo = val & VUART_FCR_ENABLE;
		return;
	case VUART_LCR:
		u->lcr = val;
		return;
	case VUART_MCR:
		write_mcr(u, val);
		return;
	case VUART_SCR:
		u->scr = val;
		return;
	default:  /* LSR and MSR are read-only */
		return;
	}
}
