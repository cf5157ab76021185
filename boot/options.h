/* hpmvisor.<key>=<value> options from the kernel command line (/chosen/bootargs). */
#ifndef BOOT_OPTIONS_H
#define BOOT_OPTIONS_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define OPT_GUEST_ARGS_MAX 256
#define OPT_GUEST_MEM_DEFAULT (64ULL << 20)
#define OPT_GUEST_MEM_MIN     (4ULL << 20)
/* Guest RAM starts at GPA 2 GiB and must fit the smallest G-stage, Sv39x4 (2^41). */
#define OPT_GUEST_MEM_MAX     ((1ULL << 41) - (2ULL << 30))
#define OPT_VCPUS_MAX         8

struct hyp_options {
	uint64_t guest_mem;                   /* hpmvisor.mem=   bytes of guest RAM (K/M/G suffix) */
	char guest_args[OPT_GUEST_ARGS_MAX];  /* hpmvisor.guest_args=  the guest's bootargs; "..." quotes allowed */
	unsigned vcpus;                       /* hpmvisor.vcpus=  vcpus of the guest, each on its own hart */
	bool teardown_check;                  /* hpmvisor.teardown_check=on|off  checksum guest RAM around
	                                       * teardown to prove it wrote nothing (two passes over RAM) */
	bool htinst;                          /* hpmvisor.htinst=on|off  decode trapped device accesses from
	                                       * htinst (on, the default) or always from the guest's
	                                       * instruction, as on a hart that leaves htinst 0 */
};

/* 0 on success; -1 with a one-line reason in err. Words not starting "hpmvisor."
 * belong to someone else and are ignored. */
int options_parse(const char *cmdline, struct hyp_options *o, char *err, size_t err_len);

#endif
