# The board path with a FIT: U-Boot hands hpmvisor a FIT (the ROM and a ramdisk)
# as the initrd (`fdt chosen`, then `booti kernel - fdt`); hpmvisor checks it,
# places the ramdisk, the ROM finds it whole.
make_ramdisk "$LOGDIR/$SCENARIO.rd" 300001
bash scripts/fit.sh "$LOGDIR/$SCENARIO.itb" "$B/selfcheck.bin" "$LOGDIR/$SCENARIO.rd"
boot_uboot "$LOGDIR/$SCENARIO.itb" fit
expect_line '^## Flattened Device Tree blob|^Starting kernel'
expect_line '^hpmvisor: guest image: FIT configuration "conf-1": kernel "kernel-1" [0-9]+ bytes \(sha256 crc32 checked\), ramdisk "ramdisk-1" 300009 bytes'
expect_line '^hpmvisor: vm0: .*, ramdisk 300009 bytes at 0x80400000, DTB at'
expect_line '^ok - ramdisk: content whole \(CRC-32\)'
expect_selfcheck_pass
expect_line 'no VM left; shutting down \(all guests succeeded\)'
