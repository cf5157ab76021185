/* A hart's ISA: read from the device tree in either form the binding allows, and the
 * one a guest is offered, written back in all three forms a guest DT carries. */
#ifndef BOOT_ISA_H
#define BOOT_ISA_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The extensions of one hart that the hypervisor knows (isa.c's table): single
 * letters and the multi-letter names it uses or may pass on. Anything else in a DT
 * string (vendor extensions, names a guest is never given) is left out. */
struct isa_set {
	unsigned xlen;     /* 32 or 64 */
	uint32_t letters;  /* bit c - 'a' for the single-letter extension c */
	uint64_t named;    /* bit i: the i-th name of isa.c's table */
};

/* From riscv,isa ("rv64imafdch_zicsr_..._sstc"), of any length, in any case, with
 * or without version numbers; "g" counts as imafd_zicsr_zifencei.
 * 0, or -1 when it does not start rv32/rv64. */
int isa_from_string(struct isa_set *s, const char *isa);
/* From riscv,isa-base ("rv64i") and riscv,isa-extensions (a string list of len
 * bytes, each entry NUL-terminated: "i", "m", ..., "sstc"). 0, or -1 when the base
 * is not rv32/rv64 or the list is not a string list. */
int isa_from_list(struct isa_set *s, const char *base, const char *list, size_t len);

/* ext is a single letter ("h") or one of isa.c's names ("sstc"); any case. */
bool isa_set_has(const struct isa_set *s, const char *ext);

struct isa_offer {
	bool sstc;      /* the guest may use vstimecmp (henvcfg.STCE set) */
	bool sscofpmf;  /* counter-overflow interrupts reach the guest */
};
/* What a guest gets of host: the base letters but H (no nested virtualization) and
 * V (the hypervisor keeps no vector state), the unprivileged extensions that need
 * no hypervisor help (see isa.c), Sstc and Sscofpmf when offered. */
void isa_guest(const struct isa_set *host, const struct isa_offer *offer, struct isa_set *guest);

/* riscv,isa: "rv64" + letters + "_name" each, in canonical order. Returns the
 * length, or -1 when it does not fit out (with its NUL). */
int isa_to_string(const struct isa_set *s, char *out, size_t out_len);
/* riscv,isa-extensions: every letter, then every name, each NUL-terminated.
 * Returns the bytes written, or -1 when they do not fit. */
int isa_to_list(const struct isa_set *s, char *out, size_t out_len);
/* riscv,isa-base: "rv64i" or "rv32i" ("e" for an RV32E/RV64E base). */
const char *isa_base(const struct isa_set *s);

/* The same on a riscv,isa string, for code that keeps the string. */
bool isa_has(const char *isa, const char *ext);
/* The guest's riscv,isa from the host's. Returns 0, or -1 when out is too small or
 * the host string is not rv32/rv64. */
int isa_guest_string(const char *host_isa, const struct isa_offer *offer, char *out, size_t out_len);

#endif
