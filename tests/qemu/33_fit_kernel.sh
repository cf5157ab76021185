# The self-check ROM packed as the kernel of a FIT (scripts/fit.sh: sha256 and
# crc32 hashes, data inside the tree) boots and passes; no ramdisk is announced.
bash scripts/fit.sh "$LOGDIR/$SCENARIO.itb" "$B/selfcheck.bin"
boot "$LOGDIR/$SCENARIO.itb" ""
expect_status zero
size=$(stat -c %s "$B/selfcheck.bin")
expect_line "^hpmvisor: guest image: FIT configuration \"conf-1\": kernel \"kernel-1\" $size bytes \(sha256 crc32 checked\)$"
expect_line "^hpmvisor: vm0: .* image $size bytes at 0x80200000, DTB at"
expect_line '^# no ramdisk in /chosen'
expect_selfcheck_pass
