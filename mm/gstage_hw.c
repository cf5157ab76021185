#include "mm/gstage_hw.h"
#include "boot/csr.h"

unsigned gstage_probe_modes(void)
{
	unsigned modes = 0;
	for (unsigned long m = HGATP_MODE_SV39X4; m <= HGATP_MODE_SV57X4; m++) {
		csr_write(hgatp, m << HGATP_MODE_SHIFT);
		if ((csr_read(hgatp) >> HGATP_MODE_SHIFT) == m)
			modes |= 1u << m;
	}
	csr_write(hgatp, 0);
	return modes;
}

unsigned gstage_probe_vmid_bits(unsigned long mode)
{
	csr_write(hgatp, (mode << HGATP_MODE_SHIFT) | (HGATP_VMID_MASK << HGATP_VMID_SHIFT));
	unsigned long vmid = (csr_read(hgatp) >> HGATP_VMID_SHIFT) & HGATP_VMID_MASK;
	csr_write(hgatp, 0);
	unsigned bits = 0;
	while (vmid & (1UL << bits))
		bits++;
	return bits;
}
