/* RFENCE: fences aimed at this hart or at another running hart succeed; an
 * invalid hart mask base is rejected. */
#include <stdio.h>

#include "checks.h"
#include "harness.h"
#include "other_hart.h"
#include "runtime.h"
#include "sbi.h"

static struct sbiret rfence(unsigned long fid, unsigned long mask, unsigned long base,
			    unsigned long start, unsigned long size)
{
	return sbi_ecall(SBI_EXT_RFENCE, fid, mask, base, start, size, 0, 0);
}

/* The other hart only waits meanwhile: the fences must reach it even with
 * its interrupts off (the SBI interrupts it below S-mode). */
static void check_other_hart(void)
{
	unsigned long other;
	char what[96];

	if (!other_hart_pick("rfence: fences to another hart", &other))
		return;
	if (!other_hart_start("rfence", "start", other, NULL))
		return;
	snprintf(what, sizeof(what), "rfence: remote_fence_i to hart %lu succeeds", other);
	check_err(what, rfence(SBI_RFENCE_REMOTE_FENCE_I, 1, other, 0, 0), SBI_SUCCESS);
	snprintf(what, sizeof(what), "rfence: remote_sfence_vma (whole address space) to hart %lu succeeds",
		 other);
	check_err(what, rfence(SBI_RFENCE_REMOTE_SFENCE_VMA, 1, other, 0, ~0UL), SBI_SUCCESS);
	other_hart_stop("rfence", other);
}

void check_rfence(void)
{
	if (!sbi_probe(SBI_EXT_RFENCE)) {
		skip("rfence: all checks", "RFENCE not offered (probe = 0)");
		return;
	}
	check_err("rfence: remote_fence_i to self succeeds",
		  rfence(SBI_RFENCE_REMOTE_FENCE_I, 1, env.hartid, 0, 0), SBI_SUCCESS);
	/* size all-ones: the whole address space. */
	check_err("rfence: remote_sfence_vma (whole address space) to self succeeds",
		  rfence(SBI_RFENCE_REMOTE_SFENCE_VMA, 1, env.hartid, 0, ~0UL), SBI_SUCCESS);
	check_err("rfence: remote_fence_i with hart_mask_base 0x7fff (no such hart) -> INVALID_PARAM",
		  rfence(SBI_RFENCE_REMOTE_FENCE_I, 1, INVALID_HART, 0, 0), SBI_ERR_INVALID_PARAM);
	check_other_hart();
}
