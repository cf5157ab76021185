# hyp/guest_image.c: a plain image stays as it is, the Linux header's image_size
# counts, and where kernel, ramdisk and DTB go in guest RAM (or why they do not fit).
UNIT_TESTS += guest_image
UNIT_SRCS_guest_image := hyp/guest_image.c hyp/fit.c hyp/sha256.c hyp/sha1.c hyp/md_hash.c hyp/crc32.c \
                         boot/fdt.c boot/isa.c
