# hyp_main from QEMU's virt DTB to the first guest instruction, and every boot
# refusal (the hyp/ link of sbi.mk; the fixture DTBs of fdt.mk)
UNIT_TESTS += boot
UNIT_SRCS_boot = $(HYP_UNIT_SRCS)
$(B)/host/test_boot: $(B)/gen/guest.dtb $(B)/host/fixtures/qemu_virt.dtb
$(B)/host/test_boot: HOST_CFLAGS += $(HYP_UNIT_FLAGS) -DFIXTURES='"$(B)/host/fixtures"'
