/* The devices of a VM: guest-physical addresses that are not RAM but answer
 * loads and stores (pure, host-tested; hyp/vcpu.c traps and decodes the access).
 * For now one: the console UART, an ns16550a with byte registers (reg-shift 0),
 * the serial@10000000 node of guest/guest.dts. */
#ifndef HYP_MMIO_H
#define HYP_MMIO_H
#include <stdbool.h>
#include <stdint.h>
#include "hyp/insn.h"
#include "hyp/vuart.h"

#define MMIO_UART_GPA  0x10000000ULL  /* where QEMU virt has its UART too */
#define MMIO_UART_SIZE VUART_REGS

struct mmio_devices {
	struct vuart uart;
	int lock;  /* the vcpus of a VM share its devices */
};

enum mmio_result {
	MMIO_DONE,       /* emulated; a load's *val is the register's new value */
	MMIO_NO_DEVICE,  /* nothing at that address */
	MMIO_BAD_WIDTH,  /* the UART takes byte accesses only */
};

/* put/get: the outside line of the UART (hyp/vuart.h). */
void mmio_init(struct mmio_devices *d, void (*put)(char c), int (*get)(void));
bool mmio_is_device(uint64_t gpa);
/* A store writes *val's low bytes; a load sets *val as insn_load_result does. */
enum mmio_result mmio_access(struct mmio_devices *d, uint64_t gpa, const struct mem_access *a, uint64_t *val);

#endif
