/* What boot/entry.S and linker.ld hand to the layers above: the image's
 * bounds, its thread-local block and the boot hart's stack. The boot hart
 * keeps both for the hypervisor's lifetime; other harts get copies of their
 * own (hyp/hart.c). entry.S then calls hyp_main (hyp/hyp.h). */
#ifndef BOOT_ENTRY_H
#define BOOT_ENTRY_H

#define BOOT_STACK_SIZE (16 * 1024)

#ifndef __ASSEMBLER__
#include <stdint.h>

#ifdef HOST_TEST
/* The host's C runtime has its own _start and _end: host unit tests name the
 * image's bounds apart (tests/unit/fake_hart.c). */
#define _start host_image_start
#define _end   host_image_end
#endif
extern char _start[], _end[];             /* the loaded image (linker.ld) */
extern char __tls_base[], __tls_end[];    /* the TLS block, used in place by the boot hart */
extern uint8_t boot_stack[BOOT_STACK_SIZE]; /* the boot hart's stack, grows down from its end */

#endif /* __ASSEMBLER__ */
#endif
