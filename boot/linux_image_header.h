/* The 64-byte Linux RISC-V image header (Documentation/arch/riscv/boot-image-header.rst)
 * that U-Boot `booti` requires and that tells any loader, hpmvisor included
 * (hyp/guest_image.c), how much RAM the image needs past its load address:
 * image_size = end - start, .bss and stack included. For assembly only. */
#ifndef BOOT_LINUX_IMAGE_HEADER_H
#define BOOT_LINUX_IMAGE_HEADER_H
#ifdef __ASSEMBLER__
/* Place at the image's first byte, `start`; code0 jumps to `entry`. */
.macro linux_image_header start, entry, end
	.option push
	.option norvc
	j	\entry			/* code0 */
	.word	0			/* code1 */
	.dword	0x200000		/* text_offset: load 2 MiB into RAM */
	.dword	\end - \start		/* image_size */
	.dword	0			/* flags: little endian */
	.word	0x2			/* header version 0.2 */
	.word	0
	.dword	0
	.ascii	"RISCV\0\0\0"		/* magic (deprecated) */
	.ascii	"RSC\x05"		/* magic2 */
	.word	0
	.option pop
.endm
#endif
#endif
