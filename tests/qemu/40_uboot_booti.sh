# The board path: S-mode U-Boot loads hpmvisor.bin with `booti` (the image header
# must satisfy it) and the guest as the initrd; the self-check ROM then passes.
boot_uboot "$B/selfcheck.bin"
expect_line '^## Flattened Device Tree blob|^Starting kernel'
expect_line '^hpmvisor: hpmvisor .* on hart [0-9]+, loaded at 0x[0-9a-f]+'
expect_selfcheck_pass
expect_line 'no VM left; shutting down \(all guests succeeded\)'
