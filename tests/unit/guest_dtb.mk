UNIT_TESTS += guest_dtb
UNIT_SRCS_guest_dtb := hyp/guest_dtb.c boot/fdt.c boot/fdt_patch.c boot/isa.c

# The test links the template through hyp/guest_dtb_blob.S, as the image does.
$(B)/host/test_guest_dtb: $(B)/gen/guest.dtb hyp/guest_dtb_blob.S
$(B)/host/test_guest_dtb: HOST_CFLAGS += -Wa,-I$(B)/gen
