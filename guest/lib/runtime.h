/* What every guest gets from the runtime: the boot facts and the exit path.
 * A guest provides guest_main(); crt0 -> runtime_start() calls it. */
#ifndef GUEST_RUNTIME_H
#define GUEST_RUNTIME_H

#include <stdbool.h>

#define DEFAULT_TIMEBASE_HZ 10000000UL	/* QEMU virt, when the DTB has none */

struct guest_env {
	unsigned long hartid;		/* a0 at entry */
	const void *dtb;		/* a1 at entry; NULL if no valid FDT there */
	unsigned long timebase_hz;	/* /cpus timebase-frequency */
	bool timebase_from_dtb;
	unsigned long ram_base, ram_end;	/* the memory range holding the image; 0, 0 if unknown */
};

extern struct guest_env env;
extern char __image_start[], __image_end[];

/* hpmvisor's /chosen/hpmvisor,boot-count: 0 on the first boot, n after n SRST
 * reboots (guest RAM does not survive them); 0 where there is none. */
unsigned long boot_count(void);
/* Whether word is one of the words of /chosen/bootargs. */
bool bootarg(const char *word);

/* The guest's own work; returns how many things failed. */
int guest_main(void);
/* Flush the console and shut down via SBI, reporting failure if failed != 0. */
__attribute__((noreturn)) void guest_exit(int failed);

#endif
