# hyp/fit.c: guest FITs made by mkimage (embedded data, -E external data-offset,
# -E -p data-position) from tests/unit/fixtures/fit/guest.its, then truncated,
# byte-flipped and patched into every hostile form the reader must refuse.
UNIT_TESTS += fit
UNIT_SRCS_fit := hyp/fit.c hyp/sha256.c hyp/sha1.c hyp/md_hash.c hyp/crc32.c boot/fdt.c boot/fdt_patch.c boot/isa.c

FIT_DIR := $(B)/host/fit
FIT_FIXTURES := $(FIT_DIR)/guest.itb $(FIT_DIR)/guest-ext.itb $(FIT_DIR)/guest-pos.itb $(FIT_DIR)/signed.itb
# Payloads of odd sizes, so data-offset padding and the hash tails are exercised.
$(FIT_DIR)/kernel.bin:
	@mkdir -p $(dir $@)
	yes hpmvisor-test-kernel | head -c 5001 >$@
$(FIT_DIR)/ramdisk.bin:
	@mkdir -p $(dir $@)
	yes hpmvisor-test-ramdisk | head -c 3003 >$@
FIT_PAYLOADS := $(FIT_DIR)/kernel.bin $(FIT_DIR)/ramdisk.bin
# dtc finds /incbin/ files beside the .its, so it is copied beside the payloads.
$(FIT_DIR)/guest.its: tests/unit/fixtures/fit/guest.its $(FIT_PAYLOADS)
	cp $< $@
$(FIT_DIR)/guest.itb: $(FIT_DIR)/guest.its | deps
	cd $(FIT_DIR) && mkimage -f guest.its $(notdir $@) >/dev/null
$(FIT_DIR)/guest-ext.itb: $(FIT_DIR)/guest.its | deps
	cd $(FIT_DIR) && mkimage -E -f guest.its $(notdir $@) >/dev/null
$(FIT_DIR)/guest-pos.itb: $(FIT_DIR)/guest.its | deps
	cd $(FIT_DIR) && mkimage -E -p 0x1000 -f guest.its $(notdir $@) >/dev/null
$(FIT_DIR)/signed.itb: tests/unit/fixtures/fit/signed.its | deps
	@mkdir -p $(dir $@)
	dtc -q -I dts -O dtb -o $@ $<
$(B)/host/test_fit: $(FIT_FIXTURES)
$(B)/host/test_fit: HOST_CFLAGS += -DFIT_DIR='"$(FIT_DIR)"'
