/* riscv,isa strings: which extensions a hart has, and the string a guest is offered. */
#ifndef BOOT_ISA_H
#define BOOT_ISA_H
#include <stdbool.h>
#include <stddef.h>

/* ext is a single letter ("h") or a multi-letter name ("sstc"); case-insensitive. */
bool isa_has(const char *isa, const char *ext);

struct isa_offer {
	bool sstc;      /* the guest may use vstimecmp (henvcfg.STCE set) */
	bool sscofpmf;  /* counter-overflow interrupts reach the guest */
};
/* The host string minus what the guest is not given: H (no nested virtualization),
 * supervisor extensions the hypervisor does not virtualize, unprivileged ones
 * that would need hypervisor support (see isa.c), vendor extensions.
 * Returns 0, or -1 when out is too small or the host string is not rv32/rv64. */
int isa_guest_string(const char *host_isa, const struct isa_offer *offer, char *out, size_t out_len);

#endif
