/* What the hart's hgatp accepts, found by writing and reading back (never assumed). */
#ifndef MM_GSTAGE_HW_H
#define MM_GSTAGE_HW_H

#include "mm/hgatp.h"

/* Bit i set: hgatp mode i is accepted. */
unsigned gstage_probe_modes(void);
/* Writable VMID bits (0..14), probed with an accepted hgatp mode. */
unsigned gstage_probe_vmid_bits(unsigned long mode);

#endif
