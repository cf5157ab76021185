/* Ending the machine: SBI SRST, and QEMU's sifive,test finisher for a failure
 * status (OpenSBI 1.1 on QEMU ignores the SRST reason). */
#ifndef BOOT_SHUTDOWN_H
#define BOOT_SHUTDOWN_H
#include <stdbool.h>
#include <stdint.h>

void shutdown_use_finisher(uint64_t base);
void machine_shutdown(bool failure) __attribute__((noreturn));

#endif
