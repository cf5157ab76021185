/* The guest DTB template: guest/guest.dts compiled by dtc (Makefile rule
 * $(B)/gen/guest.dtb, found through the assembler's -I), read by hyp/guest_dtb.c. Plain directives and C comments only,
 * no preprocessor, so the host unit test can `.include` this very file. The symbols
 * are hidden so PIE code reaches them PC-relative, without a GOT entry. */
	.pushsection .rodata, "a"
	.balign 8
	.globl guest_dtb_template
	.hidden guest_dtb_template
guest_dtb_template:
	.incbin "guest.dtb"
	.globl guest_dtb_template_end
	.hidden guest_dtb_template_end
guest_dtb_template_end:
	.popsection
