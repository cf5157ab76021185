/* Wraps build/hpmvisor.bin in an ELF whose only segment starts at LOAD_ADDR, so
 * QEMU's -kernel puts the unchanged image there: proof it relocates itself. */
	.section .text
	.incbin IMAGE_BIN
