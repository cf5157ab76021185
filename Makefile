# hpmvisor — one hypervisor image, one self-check guest, host unit tests.
# `make` builds; `make run` boots it under QEMU; `make test` runs every test;
# `make coverage` says how much of hyp/ the host unit tests execute.
# PLATFORM=system|stable picks the emulator for run, run-bare, bench (test: both).

CROSS   ?= riscv64-unknown-elf-
CC_T    := $(CROSS)gcc
OBJCOPY := $(CROSS)objcopy
B       ?= build

ARCH_FLAGS := -misa-spec=2.2 -march=rv64imac -mabi=lp64 -mcmodel=medany
WARN       := -Wall -Wextra -Werror -Wno-unused-parameter
# The hypervisor is position independent: linked static-pie, relocated by boot/entry.S.
HYP_CFLAGS := $(ARCH_FLAGS) $(WARN) -O2 -g -ffreestanding -fno-common -fPIE -mno-relax \
              -fno-stack-protector --specs=picolibc.specs -I. -I$(B)/gen
# riscv64-unknown-elf-ld cannot make a PIE; the Linux-targeted ld of the same binutils can.
LD_PIE      := riscv64-linux-gnu-ld
PICOLIBC    := /usr/lib/picolibc/riscv64-unknown-elf/lib/rv64imac/lp64/libc.a
LIBGCC       = $(shell $(CC_T) $(ARCH_FLAGS) -print-libgcc-file-name)
HYP_LDFLAGS := -static -pie --no-dynamic-linker -z norelro -z noexecstack --gc-sections \
               -z max-page-size=4096 -T linker.ld

HYP_SRCS := $(wildcard boot/*.c boot/*.S hyp/*.c hyp/*.S mm/*.c pmu/*.c)
HYP_SRCS := $(filter-out hyp/asm_offsets.c,$(HYP_SRCS))
HYP_OBJS := $(patsubst %,$(B)/hyp-obj/%.o,$(HYP_SRCS))

.PHONY: all run run-bare run-linux linux test test-images bench coverage deps clean
all: $(B)/hpmvisor.bin guests

deps:
	@bash scripts/deps.sh

# Header dependencies come from the compiler (-MMD, the .d files included
# below), never from lists written here; only generated files and .incbin'd
# blobs, which it cannot see before they exist, are named.

# Struct offsets for assembly, generated from C (never hand-counted).
$(B)/gen/asm_offsets.h: hyp/asm_offsets.c | deps
	@mkdir -p $(dir $@)
	$(CC_T) $(HYP_CFLAGS) -MMD -MP -MT $@ -MF $(B)/gen/asm_offsets.d -S $< -o $(B)/gen/asm_offsets.s
	sed -n 's/.*@@OFFSET \([A-Z0-9_]*\) \$$\{0,1\}\(-\{0,1\}[0-9]*\).*/#define \1 \2/p' $(B)/gen/asm_offsets.s > $@.tmp
	mv $@.tmp $@

# The guest DTB template, compiled by dtc and linked into the image.
$(B)/gen/guest.dtb: guest/guest.dts | deps
	@mkdir -p $(dir $@)
	dtc -q -I dts -O dtb -o $@ $<

$(B)/hyp-obj/%.c.o: %.c | deps
	@mkdir -p $(dir $@)
	$(CC_T) $(HYP_CFLAGS) -MMD -MP -c $< -o $@

$(B)/hyp-obj/%.S.o: %.S | $(B)/gen/asm_offsets.h deps
	@mkdir -p $(dir $@)
	$(CC_T) $(HYP_CFLAGS) -Wa,-I$(B)/gen -MMD -MP -c $< -o $@
# .incbin is the assembler's: the compiler's dependency list does not have it.
$(B)/hyp-obj/hyp/guest_dtb_blob.S.o: $(B)/gen/guest.dtb

$(B)/hpmvisor.elf: $(HYP_OBJS) linker.ld
	$(LD_PIE) $(HYP_LDFLAGS) $(HYP_OBJS) --start-group $(PICOLIBC) $(LIBGCC) --end-group -o $@

$(B)/hpmvisor.bin: $(B)/hpmvisor.elf
	$(OBJCOPY) -O binary $< $@

# The same image loaded 2 MiB higher than usual, for the relocation scenario.
MOVED_ADDR := 0x80400000
$(B)/hpmvisor-moved.elf: $(B)/hpmvisor.bin tests/qemu/load_at.S
	$(CC_T) $(ARCH_FLAGS) -nostdlib -DIMAGE_BIN='"$<"' -Wl,-Ttext=$(MOVED_ADDR) \
		-Wl,-e,$(MOVED_ADDR) -Wl,--nmagic tests/qemu/load_at.S -o $@
# An M-mode probe run as the firmware: can mie.LCOFIE be set (scenario 62)?
$(B)/lcofie-probe.elf: tests/qemu/lcofie_probe.S
	$(CC_T) $(ARCH_FLAGS) -nostdlib -Wl,-Ttext=0x80000000 -Wl,--nmagic $< -o $@
test-images: all $(B)/hpmvisor-moved.elf $(B)/lcofie-probe.elf

-include guest/guest.mk
-include tests/unit.mk
-include $(shell find $(B) -name '*.d' 2>/dev/null)

QEMU_ARGS ?=
GUEST ?= $(B)/selfcheck.bin
ARGS  ?=
run: all
	@bash scripts/run.sh hpmvisor $(GUEST) "$(ARGS)" $(QEMU_ARGS)

run-bare: all
	@bash scripts/run.sh bare $(GUEST) "$(ARGS)" $(QEMU_ARGS)

# Debian stable's kernel with a busybox initramfs as the guest (scripts/linux.sh):
# `make run-linux` boots it to a shell on the emulated UART; VCPUS=N for N vcpus,
# LINUX_ARGS= adds to the kernel's command line.
linux: deps
	@bash scripts/linux.sh $(B)

VCPUS ?= 1
LINUX_ARGS ?=
run-linux: all linux
	@SMP=$${SMP:-$(VCPUS)} MEM=$${MEM:-512M} bash scripts/run.sh hpmvisor $(B)/linux/guest.img \
		"hpmvisor.mem=256M hpmvisor.vcpus=$(VCPUS) hpmvisor.guest_args=\"$$(cat $(B)/linux/bootargs) $(LINUX_ARGS)\"" $(QEMU_ARGS)

test: deps
	@bash scripts/test.sh

bench: all
	@bash scripts/bench.sh

# Lines of hyp/ the host unit tests execute (gcov), per file and in total.
coverage: deps
	@bash scripts/coverage.sh

clean:
	rm -rf $(B)
