UNIT_TESTS += fdt
UNIT_SRCS_fdt := boot/fdt.c boot/fdt_patch.c

# The test .incbin's fixture DTBs compiled from tests/unit/fixtures/*.dts.
FDT_FIXTURES := $(patsubst tests/unit/fixtures/%.dts,$(B)/host/fixtures/%.dtb,$(wildcard tests/unit/fixtures/*.dts))
$(B)/host/test_fdt: $(FDT_FIXTURES)
$(B)/host/fixtures/%.dtb: tests/unit/fixtures/%.dts | deps
	@mkdir -p $(dir $@)
	dtc -q -I dts -O dtb -o $@ $<
