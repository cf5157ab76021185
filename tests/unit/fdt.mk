UNIT_TESTS += fdt
UNIT_SRCS_fdt := boot/fdt.c boot/fdt_patch.c boot/isa.c

# The test .incbin's fixture DTBs compiled from tests/unit/fixtures/*.dts.
FDT_FIXTURES := $(patsubst tests/unit/fixtures/%.dts,$(B)/host/fixtures/%.dtb,$(wildcard tests/unit/fixtures/*.dts))
$(B)/host/test_fdt: $(FDT_FIXTURES)
$(B)/host/fixtures/%.dtb: tests/unit/fixtures/%.dts | deps
	@mkdir -p $(dir $@)
	dtc -q -I dts -O dtb -o $@ $<
# The fixtures of this build folder, not of another one's (.incbin looks in the
# current directory first).
$(B)/host/test_fdt: HOST_CFLAGS += -DFIXTURES='"$(B)/host/fixtures"'
