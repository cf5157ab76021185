/* The hyp/ tests' shared fixture: see hyp_fixture.h. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include <sys/mman.h>
#include "hyp_fixture.h"

/* The guest DTB template, linked as the image links it. */
__asm__(".include \"hyp/guest_dtb_blob.S\"");

uint8_t fix_image[1u << 20];
static uint8_t *arena;

uint8_t *fix_arena(void)
{
	if (!arena) {
		arena = mmap(NULL, FIX_ARENA, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		assert_true(arena != MAP_FAILED);
	}
	return arena;
}

void fix_image_fill(void)
{
	for (unsigned i = 0; i < sizeof(fix_image); i++)
		fix_image[i] = (uint8_t)(i * 7 + 1);
}

void fix_hyp(const struct fix_cfg *c)
{
	fake_hart_reset();
	memset(&hyp, 0, sizeof(hyp));
	char why[160];
	assert_int_equal(options_parse("", &hyp.opt, why, sizeof(why)), 0);
	hyp.opt.vcpus = c->vcpus ? c->vcpus : 1;
	hyp.opt.guest_mem = c->guest_mem ? c->guest_mem : 8 * MiB;
	hyp.timebase = 10000000;
	hyp.sstc = c->sstc;
	strcpy(hyp.host_isa, c->host_isa ? c->host_isa
		: c->sstc ? "rv64imafdc_zicsr_zifencei_sstc" : "rv64imafdc_zicsr_zifencei");
	hyp.gstage_levels = 3;
	palloc_init(&hyp.mem);
	assert_int_equal(palloc_add(&hyp.mem, (uintptr_t)fix_arena(), FIX_ARENA), 0);
	vmid_init(&hyp.vmids, c->vmid_bits ? c->vmid_bits : 14);
	fake_pmu_boot(c->lcofi);
	fake_pmu.hvien13 = fake_pmu.hvip13 = c->lcofi;
	assert_int_equal(pmu_host_probe(&hyp.pmu, (struct pmu_host_isa){ .sscofpmf = c->lcofi, .ssaia = c->lcofi }), 0);
	hyp.mvendorid = 0x489;
	hyp.marchid = 0x8000000000000007UL;
	hyp.mimpid = 0x20181004;
	fix_image_fill();
	hyp.image = (struct guest_image){ .kernel = fix_image,
					  .kernel_size = c->image_size ? c->image_size : FIX_IMAGE_SIZE };
	hyp.image.kernel_span = hyp.image.kernel_size;
	memset(harts, 0, sizeof(harts));
	n_harts = hyp.opt.vcpus;
	for (unsigned i = 0; i < n_harts; i++) {
		harts[i].index = i;
		harts[i].hartid = FIX_HARTID(i);
		harts[i].stack_top = 0x1000 * (i + 1);
		harts[i].online = true;
	}
	hyp.free_before_vms = palloc_free_bytes(&hyp.mem);
}

struct vm *fix_boot(const struct fix_cfg *c)
{
	fix_hyp(c);
	assert_int_equal(FAKE_RUN(vm_boot_first()), FAKE_ENTERED);
	struct vcpu *v = fake_hart.entered;
	assert_non_null(v);
	assert_int_equal(v->id, 0);
	/* the log starts after the boot */
	fake_hart.n_ecall = fake_hart.n_out = 0;
	fake_hart.n_fence_i = fake_hart.n_hfence_vvma = fake_hart.n_hfence_gvma = 0;
	fake_hart.n_wfi = fake_hart.n_parks = fake_hart.n_fpu_clear = 0;
	memset(fake_hart.fence_i_on, 0, sizeof(fake_hart.fence_i_on));
	fake_hart.out[0] = '\0';
	return v->vm;
}

struct sbiret fix_ecall(struct vcpu *v, unsigned long eid, unsigned long fid, unsigned long a0,
			unsigned long a1, unsigned long a2)
{
	v->x[17] = eid;
	v->x[16] = fid;
	v->x[10] = a0;
	v->x[11] = a1;
	v->x[12] = a2;
	v->x[13] = v->x[14] = v->x[15] = 0;
	return sbi_handle_ecall(v);
}

void fix_run_vcpu(struct vm *vm, unsigned i)
{
	struct vcpu *v = &vm->vcpus[i];
	assert_int_equal(vcpu_claim_start(&vm->life, &v->state), START_CLAIMED);
	assert_true(vcpu_begin_run(&vm->life, &v->state));
}

bool fix_said(const char *text)
{
	fake_hart.out[fake_hart.n_out] = '\0';
	if (strstr(fake_hart.out, text))
		return true;
	print_message("console output, without \"%s\":\n%s", text, fake_hart.out);
	return false;
}

unsigned fix_fw_counter(struct vcpu *v, unsigned code)
{
	struct sbiret r = fix_ecall(v, SBI_EXT_PMU, SBI_PMU_NUM_COUNTERS, 0, 0, 0);
	assert_int_equal(r.error, 0);
	unsigned long all = ((1UL << r.value) - 1) & ~2UL; /* counter 1 (time) is no counter */
	/* config_matching takes event_idx in a3, which fix_ecall leaves 0 */
	v->x[16] = SBI_PMU_COUNTER_CFG_MATCH;
	v->x[10] = 0;
	v->x[11] = all;
	v->x[12] = SBI_PMU_CFG_FLAG_AUTO_START;
	v->x[13] = (SBI_PMU_EVENT_TYPE_FW << 16) | code;
	r = sbi_handle_ecall(v);
	assert_int_equal(r.error, 0);
	return (unsigned)r.value;
}

unsigned long fix_fw_read(struct vcpu *v, unsigned idx)
{
	struct sbiret r = fix_ecall(v, SBI_EXT_PMU, SBI_PMU_COUNTER_FW_READ, idx, 0, 0);
	assert_int_equal(r.error, 0);
	return (unsigned long)r.value;
}
