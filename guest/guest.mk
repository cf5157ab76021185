# Guest images, included by the top Makefile (which defines B, CC_T, OBJCOPY,
# ARCH_FLAGS): the self-check ROM and the test guests. All link the shared
# runtime in guest/lib (crt0, trap entry, SBI calls, console, FDT, harness)
# at 0x80200000 with guest/lib/guest.ld.
#   $(B)/selfcheck.bin      guest/selfcheck  SBI conformance self-check
#   $(B)/guest-fault.bin    guest/fault      loads from an unmapped GPA
#   $(B)/guest-pattern.bin  guest/pattern    fills its RAM for the teardown test
#   $(B)/guest-bench.bin    guest/bench      instruction counts of an SBI round trip
#   $(B)/guest-hostile.bin  guest/hostile    random hostile ecalls: SBI error codes, no panic
#   $(B)/guest-fencestorm.bin guest/fencestorm thousands of remote fences, helper harts idling in wfi

# Integer-only printf: the guests print no floating point.
GUEST_CFLAGS  := $(ARCH_FLAGS) -Wall -Wextra -Werror -O2 -g --specs=picolibc.specs \
                 -nostartfiles -ffreestanding -fno-common -DPICOLIBC_INTEGER_PRINTF_SCANF \
                 -I. -Iguest/lib
# One flat RAM image entered with the MMU off: its single RWX segment is intended.
GUEST_LDFLAGS := $(ARCH_FLAGS) --specs=picolibc.specs -nostartfiles -DPICOLIBC_INTEGER_PRINTF_SCANF \
                 -T guest/lib/guest.ld -Wl,--gc-sections -Wl,-z,max-page-size=4096 \
                 -Wl,--no-warn-rwx-segments
GUEST_LIB_SRCS := $(wildcard guest/lib/*.c guest/lib/*.S)

$(B)/guest-obj/%.c.o: %.c | deps
	@mkdir -p $(dir $@)
	$(CC_T) $(GUEST_CFLAGS) -MMD -MP -c $< -o $@

$(B)/guest-obj/%.S.o: %.S | deps
	@mkdir -p $(dir $@)
	$(CC_T) $(GUEST_CFLAGS) -MMD -MP -c $< -o $@

# $(1): image name in $(B), $(2): its source folder under guest/.
define guest_image
GUEST_OBJS_$(1) := $$(patsubst %,$(B)/guest-obj/%.o,$$(wildcard guest/$(2)/*.c guest/$(2)/*.S) $$(GUEST_LIB_SRCS))
$(B)/$(1).elf: $$(GUEST_OBJS_$(1)) guest/lib/guest.ld
	$$(CC_T) $$(GUEST_LDFLAGS) $$(GUEST_OBJS_$(1)) -o $$@
$(B)/$(1).bin: $(B)/$(1).elf
	$$(OBJCOPY) -O binary $$< $$@
endef

$(eval $(call guest_image,selfcheck,selfcheck))
# The ramdisk check uses the hypervisor's own pure CRC-32.
GUEST_OBJS_selfcheck += $(B)/guest-obj/hyp/crc32.c.o
$(B)/selfcheck.elf: $(B)/guest-obj/hyp/crc32.c.o
$(eval $(call guest_image,guest-fault,fault))
$(eval $(call guest_image,guest-pattern,pattern))
$(eval $(call guest_image,guest-bench,bench))
$(eval $(call guest_image,guest-hostile,hostile))
$(eval $(call guest_image,guest-fencestorm,fencestorm))

.PHONY: guests
guests: $(B)/selfcheck.bin $(B)/guest-fault.bin $(B)/guest-pattern.bin $(B)/guest-bench.bin $(B)/guest-hostile.bin $(B)/guest-fencestorm.bin
