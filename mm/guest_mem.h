/* The one gate to guest RAM. Every hypervisor read or write of guest memory goes
 * through here; once teardown has closed the gate every access is refused, so a
 * dying VM can never be written (the KVM snapshot crash this project grew from). */
#ifndef MM_GUEST_MEM_H
#define MM_GUEST_MEM_H
#include <stdbool.h>
#include <stdint.h>
#include "mm/gmem_layout.h"

/* True when [gpa, gpa+len) lies wholly inside this guest's RAM (len > 0, no wrap). */
bool gmem_range_ok(const struct guest_mem *m, uint64_t gpa, uint64_t len);
/* 0 on success; -1 when the gate is closed or the range is not this guest's RAM. */
int gmem_read(const struct guest_mem *m, uint64_t gpa, void *dst, uint64_t len);
int gmem_write(struct guest_mem *m, uint64_t gpa, const void *src, uint64_t len);
/* Writes vals[i] (32 bits, little endian) at gpa + i * stride for i < n, n > 0;
 * gpa and stride multiples of 4, stride >= 4. 0, or -1 (nothing written) as
 * gmem_write. */
int gmem_write32s(struct guest_mem *m, uint64_t gpa, uint64_t stride, const uint32_t *vals, unsigned n);
/* Teardown step 1: from now on the VM's memory is off limits. */
void gmem_close(struct guest_mem *m);

#endif
