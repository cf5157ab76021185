#include "hyp/mmio.h"

void mmio_init(struct mmio_devices *d, void (*put)(char c), int (*get)(void))
{
	vuart_init(&d->uart, put, get);
	d->lock = 0;
}

bool mmio_is_device(uint64_t gpa)
{
	return gpa - MMIO_UART_GPA < MMIO_UART_SIZE;
}

enum mmio_result mmio_access(struct mmio_devices *d, uint64_t gpa, const struct mem_access *a, uint64_t *val)
{
	if (!mmio_is_device(gpa))
		return MMIO_NO_DEVICE;
	/* A 16550's registers are bytes: a wider access would span several, which
	 * no driver does and real parts do not define. */
	if (a->size != 1)
		return MMIO_BAD_WIDTH;
	unsigned reg = (unsigned)(gpa - MMIO_UART_GPA);
	while (__atomic_exchange_n(&d->lock, 1, __ATOMIC_ACQUIRE))
		;
	if (a->store)
		vuart_write(&d->uart, reg, (uint8_t)*val);
	else
		*val = insn_load_result(a, vuart_read(&d->uart, reg));
	__atomic_store_n(&d->lock, 0, __ATOMIC_RELEASE);
	return MMIO_DONE;
}
