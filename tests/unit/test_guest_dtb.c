/* hyp/guest_dtb.c: the guest DTB carries this VM's values and follows the conventions
 * guests expect (docs/design.md "Guest protocol"). */
#define _GNU_SOURCE  /* memmem */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "boot/fdt.h"
#include "boot/isa.h"
#include "hyp/guest_dtb.h"
#include "hyp/mmio.h"

/* The very template the image links ($(B)/gen/guest.dtb via the same .S file). */
__asm__(".include \"hyp/guest_dtb_blob.S\"");

static const struct guest_dtb_params params = {
	.ram_base = 0x80000000,
	.ram_size = 0x8000000,
	.timebase = 10000000,
	.isa = "rv64imafdc_zicsr_zifencei_sstc",
	.bootargs = "console=hvc0 earlycon=sbi hpmvisor.selfcheck=1",
	.boot_count = 3,
	.n_vcpus = 1,
};

static uint8_t out[16384];

static void test_values_read_back(void **state)
{
	struct fdt_info in;
	int r = guest_dtb_build(out, sizeof(out), &params);

	assert_true(r > 0);
	assert_int_equal(fdt_parse(out, (size_t)r, &in), 0);
	assert_int_equal(in.n_mem, 1);
	assert_true(in.mem[0].base == params.ram_base && in.mem[0].size == params.ram_size);
	assert_int_equal(in.timebase, params.timebase);
	assert_int_equal(in.n_cpu, 1);
	assert_int_equal(in.cpu[0].hartid, 0);
	assert_string_equal(in.cpu[0].isa_string, params.isa);
	assert_true(in.cpu[0].okay);
	assert_string_equal(in.bootargs, params.bootargs);
	assert_int_equal(in.n_rsv, 0);
	/* The console UART hyp/mmio.c emulates, where it emulates it. */
	assert_true(in.has_uart);
	assert_true(in.uart.reg.base == MMIO_UART_GPA && in.uart.reg.size == MMIO_UART_SIZE);
	assert_non_null(memmem(out, (size_t)r, "ns16550a", 9));
	assert_int_equal(in.uart.reg_shift, 0);
	assert_int_equal(in.uart.reg_io_width, 1);
	assert_false(in.has_initrd);
}

/* What fdt_info does not capture: the conventions Linux-style guests rely on. */
static void test_conventions(void **state)
{
	int r = guest_dtb_build(out, sizeof(out), &params);
	struct fdt f;
	uint32_t len;
	int node;
	const uint8_t *v;

	assert_true(r > 0);
	assert_int_equal(fdt_open(&f, out, (size_t)r), 0);
	v = fdt_getprop(&f, f.root, "#address-cells", &len);
	assert_true(v && len == 4 && fdt_be32(v) == 2);
	node = fdt_path_offset(&f, "/chosen", 7);
	assert_true(node >= 0);
	v = fdt_getprop(&f, (uint32_t)node, "hpmvisor,boot-count", &len);
	assert_true(v && len == 4 && fdt_be32(v) == 3);
	v = fdt_getprop(&f, f.root, "#size-cells", &len);
	assert_true(v && len == 4 && fdt_be32(v) == 2);
	assert_non_null(strstr((const char *)fdt_getprop(&f, f.root, "compatible", &len),
			       "hpmvisor"));
	node = fdt_path_offset(&f, "/cpus/cpu@0", 11);
	assert_true(node >= 0);
	assert_string_equal((const char *)fdt_getprop(&f, (uint32_t)node, "compatible", &len),
			    "riscv");
	assert_string_equal((const char *)fdt_getprop(&f, (uint32_t)node, "mmu-type", &len),
			    "riscv,sv39");
	node = fdt_path_offset(&f, "/cpus/cpu@0/interrupt-controller", 32);
	assert_true(node >= 0);
	assert_string_equal((const char *)fdt_getprop(&f, (uint32_t)node, "compatible", &len),
			    "riscv,cpu-intc");
	assert_non_null(fdt_getprop(&f, (uint32_t)node, "interrupt-controller", &len));
	assert_int_equal(len, 0);
	node = fdt_path_offset(&f, "/memory@80000000", 16);
	assert_true(node >= 0);
	assert_string_equal((const char *)fdt_getprop(&f, (uint32_t)node, "device_type", &len),
			    "memory");
}

static void test_no_bootargs_and_other_values(void **state)
{
	struct guest_dtb_params p = params;
	struct fdt_info in;
	int r;

	p.bootargs = NULL;
	p.ram_size = 0x100000000; /* above 4 GiB: both cells used */
	p.timebase = 1000000;
	p.isa = "rv64ima";
	r = guest_dtb_build(out, sizeof(out), &p);
	assert_true(r > 0);
	assert_int_equal(fdt_parse(out, (size_t)r, &in), 0);
	assert_string_equal(in.bootargs, "");
	assert_true(in.mem[0].size == 0x100000000);
	assert_int_equal(in.timebase, 1000000);
	assert_string_equal(in.cpu[0].isa_string, "rv64ima");
}

/* One cpu node per vcpu, hart ids 0..n-1, each with the offered ISA. */
static void test_vcpu_count(void **state)
{
	struct guest_dtb_params p = params;
	struct fdt_info in;

	for (unsigned n = 1; n <= GUEST_DTB_MAX_VCPUS; n++) {
		p.n_vcpus = n;
		int r = guest_dtb_build(out, sizeof(out), &p);
		assert_true(r > 0);
		assert_int_equal(fdt_parse(out, (size_t)r, &in), 0);
		assert_int_equal(in.n_cpu, n);
		for (unsigned i = 0; i < n; i++) {
			assert_int_equal(in.cpu[i].hartid, i);
			assert_string_equal(in.cpu[i].isa_string, p.isa);
			assert_true(in.cpu[i].okay);
		}
	}
}

/* Every cpu carries riscv,isa, riscv,isa-base and riscv,isa-extensions, all saying
 * the same: here QEMU 10's guest string, which has Sstc and Sscofpmf far along. */
static void test_isa_in_all_three_forms(void **state)
{
	static const char isa[] = "rv64imafdc_zicbop_zicntr_zicsr_zifencei_zihintntl_zihintpause_"
				  "zihpm_zmmul_zfa_zca_zcd_zba_zbb_zbc_zbs_sscofpmf_sstc";
	struct guest_dtb_params p = params;
	struct fdt f;
	uint32_t len;

	p.isa = isa;
	p.n_vcpus = GUEST_DTB_MAX_VCPUS;
	int r = guest_dtb_build(out, sizeof(out), &p);
	assert_true(r > 0);
	assert_int_equal(fdt_open(&f, out, (size_t)r), 0);
	for (unsigned i = 0; i < GUEST_DTB_MAX_VCPUS; i++) {
		char path[16];
		struct isa_set from_string, from_list;

		snprintf(path, sizeof(path), "/cpus/cpu@%u", i);
		int node = fdt_path_offset(&f, path, strlen(path));
		assert_true(node >= 0);
		assert_string_equal((const char *)fdt_getprop(&f, (uint32_t)node, "riscv,isa", &len), isa);
		const char *base = (const char *)fdt_getprop(&f, (uint32_t)node, "riscv,isa-base", &len);
		assert_string_equal(base, "rv64i");
		const char *list = (const char *)fdt_getprop(&f, (uint32_t)node, "riscv,isa-extensions", &len);
		assert_non_null(list);
		assert_string_equal(list, "i");
		assert_int_equal(isa_from_list(&from_list, base, list, len), 0);
		assert_int_equal(isa_from_string(&from_string, isa), 0);
		assert_memory_equal(&from_list, &from_string, sizeof(from_list));
		assert_true(isa_set_has(&from_list, "sstc") && isa_set_has(&from_list, "sscofpmf"));
	}
	/* a host string the guest cannot be (not rv64) is refused */
	p.isa = "rv32ima";
	assert_int_equal(guest_dtb_build(out, sizeof(out), &p), FDT_ERR_BADARG);
}

/* A ramdisk is announced where Linux reads it: /chosen linux,initrd-start and
 * -end, two cells each like the root's #address-cells; with 8 vcpus too (the
 * patch then takes two rounds). */
static void test_initrd_in_chosen(void **state)
{
	struct guest_dtb_params p = params;
	struct fdt_info in;
	struct fdt f;
	uint32_t len;

	p.initrd_start = 0x80400000;
	p.initrd_end = 0x80400000 + 12345;
	for (unsigned n = 1; n <= GUEST_DTB_MAX_VCPUS; n += GUEST_DTB_MAX_VCPUS - 1) {
		p.n_vcpus = n;
		int r = guest_dtb_build(out, sizeof(out), &p);
		assert_true(r > 0);
		assert_int_equal(fdt_parse(out, (size_t)r, &in), 0);
		assert_true(in.has_initrd);
		assert_true(in.initrd_start == p.initrd_start && in.initrd_end == p.initrd_end);
		assert_int_equal(in.n_cpu, n);
		assert_int_equal(fdt_open(&f, out, (size_t)r), 0);
		int chosen = fdt_path_offset(&f, "/chosen", 7);
		assert_true(chosen >= 0);
		const uint8_t *v = fdt_getprop(&f, (uint32_t)chosen, "linux,initrd-start", &len);
		assert_non_null(v);
		assert_int_equal(len, 8);
		assert_true(fdt_be64(v) == p.initrd_start);
		v = fdt_getprop(&f, (uint32_t)chosen, "linux,initrd-end", &len);
		assert_non_null(v);
		assert_int_equal(len, 8);
		assert_true(fdt_be64(v) == p.initrd_end);
	}
}

static void test_small_buffer_refused(void **state)
{
	struct guest_dtb_params p = params;
	int need = guest_dtb_build(out, sizeof(out), &params);

	assert_true(need > 0);
	assert_int_equal(guest_dtb_build(out, 0, &params), FDT_ERR_NOSPACE);
	assert_int_equal(guest_dtb_build(out, 64, &params), FDT_ERR_NOSPACE);
	for (int cap = 0; cap < need; cap++) {
		uint8_t *b = malloc(cap ? (size_t)cap : 1); /* exact size: ASan sees overruns */

		assert_int_equal(guest_dtb_build(b, (size_t)cap, &params), FDT_ERR_NOSPACE);
		free(b);
	}
	p.isa = NULL;
	assert_int_equal(guest_dtb_build(out, sizeof(out), &p), FDT_ERR_BADARG);
	p = params;
	p.n_vcpus = 0;
	assert_int_equal(guest_dtb_build(out, sizeof(out), &p), FDT_ERR_BADARG);
	p.n_vcpus = GUEST_DTB_MAX_VCPUS + 1;
	assert_int_equal(guest_dtb_build(out, sizeof(out), &p), FDT_ERR_BADARG);
	assert_int_equal(guest_dtb_build(out, sizeof(out), NULL), FDT_ERR_BADARG);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values_read_back),
		cmocka_unit_test(test_conventions),
		cmocka_unit_test(test_no_bootargs_and_other_values),
		cmocka_unit_test(test_vcpu_count),
		cmocka_unit_test(test_isa_in_all_three_forms),
		cmocka_unit_test(test_initrd_in_chosen),
		cmocka_unit_test(test_small_buffer_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
