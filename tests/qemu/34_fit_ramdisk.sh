# A FIT with the ROM and a ramdisk (external data, mkimage -E): the ramdisk lands on
# the first 2 MiB boundary past the ROM's image_size, /chosen names it, and the ROM
# finds it whole (its CRC-32). Then 3 MiB of ramdisk with hpmvisor.mem=4M: refused.
make_ramdisk "$LOGDIR/$SCENARIO.rd" 1234567
bash scripts/fit.sh -E "$LOGDIR/$SCENARIO.itb" "$B/selfcheck.bin" "$LOGDIR/$SCENARIO.rd"
boot "$LOGDIR/$SCENARIO.itb" ""
expect_status zero
rd=$(stat -c %s "$LOGDIR/$SCENARIO.rd")
expect_line "^hpmvisor: guest image: FIT configuration \"conf-1\": kernel \"kernel-1\" [0-9]+ bytes \(sha256 crc32 checked\), ramdisk \"ramdisk-1\" $rd bytes \(sha256 crc32 checked\)$"
expect_line "^hpmvisor: vm0: .* image [0-9]+ bytes at 0x80200000, ramdisk $rd bytes at 0x80400000, DTB at"
expect_line "^# ramdisk at 0x80400000\.\.0x[0-9a-f]+ \($rd bytes\)"
expect_line '^ok - ramdisk: linux,initrd-start and -end are two cells each'
expect_line '^ok - ramdisk: inside RAM, past this image and its bss'
expect_line '^ok - ramdisk: content whole \(CRC-32\)'
expect_selfcheck_pass

make_ramdisk "$LOGDIR/$SCENARIO-big.rd" $((3 << 20))
bash scripts/fit.sh "$LOGDIR/$SCENARIO-big.itb" "$B/selfcheck.bin" "$LOGDIR/$SCENARIO-big.rd"
boot "$LOGDIR/$SCENARIO-big.itb" "hpmvisor.mem=4M"
expect_status nonzero
expect_line '^hpmvisor: vm0: guest ramdisk of 3145736 bytes does not fit in 4 MiB of guest RAM .*raise hpmvisor.mem=$'
expect_no_line '^selfcheck:'
