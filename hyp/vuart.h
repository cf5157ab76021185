/* An emulated ns16550a, one per VM: the register model only (pure, host-tested).
 * Transmission is instant: THR is always empty (LSR.THRE and TEMT set), each byte
 * goes straight to put(). Received bytes come from get(), polled on every register
 * access while the receive FIFO has room, so none is lost (the host keeps the rest).
 * No interrupt line: IIR shows what is pending, for a guest that polls it (Linux's
 * 8250 driver does, from a timer, when the port has no interrupt). */
#ifndef HYP_VUART_H
#define HYP_VUART_H
#include <stdbool.h>
#include <stdint.h>

/* Register offsets (reg-shift 0: one byte each) and the bits the model keeps. */
enum {
	VUART_RBR = 0, VUART_THR = 0, VUART_DLL = 0,  /* DLL/DLM while LCR.DLAB */
	VUART_IER = 1, VUART_DLM = 1,
	VUART_IIR = 2, VUART_FCR = 2,                 /* IIR read, FCR written */
	VUART_LCR = 3, VUART_MCR = 4, VUART_LSR = 5, VUART_MSR = 6, VUART_SCR = 7,
	VUART_REGS = 8,
};
#define VUART_IER_RDI   0x01  /* received data available */
#define VUART_IER_THRI  0x02  /* THR empty */
#define VUART_IER_RLSI  0x04  /* receiver line status */
#define VUART_IER_MSI   0x08  /* modem status */
#define VUART_IIR_NONE  0x01
#define VUART_IIR_MSI   0x00
#define VUART_IIR_THRI  0x02
#define VUART_IIR_RDI   0x04
#define VUART_IIR_RLSI  0x06
#define VUART_IIR_FIFO  0xc0  /* FIFOs enabled (a 16550A) */
#define VUART_FCR_ENABLE   0x01
#define VUART_FCR_CLEAR_RX 0x02
#define VUART_LCR_DLAB  0x80
#define VUART_MCR_LOOP  0x10
#define VUART_LSR_DR    0x01
#define VUART_LSR_OE    0x02
#define VUART_LSR_THRE  0x20
#define VUART_LSR_TEMT  0x40
#define VUART_FIFO_SIZE 16
#define VUART_CLOCK_HZ  1843200  /* guest/guest.dts clock-frequency: divisor 1 = 115200 baud */

struct vuart {
	void (*put)(char c);  /* a byte the guest sent */
	int (*get)(void);     /* a byte for the guest, -1 if none is waiting */
	uint8_t ier, lcr, mcr, scr, dll, dlm;
	uint8_t msr_delta;    /* MSR bits 3:0, cleared by reading MSR */
	bool fifo;            /* FCR.ENABLE: 16 bytes of receive FIFO, else 1 */
	bool thr_pending;     /* the THR-empty interrupt, until IIR reports it or THR is written */
	bool overrun;         /* LSR.OE, until LSR is read (only loopback can overrun) */
	uint8_t rx[VUART_FIFO_SIZE];
	unsigned rx_head, rx_count;
};

void vuart_init(struct vuart *u, void (*put)(char c), int (*get)(void));
/* reg is 0..VUART_REGS-1. */
uint8_t vuart_read(struct vuart *u, unsigned reg);
void vuart_write(struct vuart *u, unsigned reg, uint8_t val);

#endif
