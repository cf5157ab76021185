# A FIT whose kernel data was changed after mkimage hashed it: refused with one
# line naming the image, the algo, what was expected and what came; no guest runs.
fit=$LOGDIR/$SCENARIO.itb
bash scripts/fit.sh "$fit" "$B/selfcheck.bin"
# A byte in the middle of the file is inside the kernel's data (the tree is small):
# its bits inverted.
at=$(($(stat -c %s "$fit") / 2))
byte=$(od -An -tu1 -j $at -N 1 "$fit")
printf "\\$(printf %03o $((255 - byte)))" | dd of="$fit" bs=1 seek=$at conv=notrunc status=none
boot "$fit" ""
expect_status nonzero
expect_count 1 '^hpmvisor: FIT image "kernel-1": sha256 mismatch: expected [0-9a-f]{64}, got [0-9a-f]{64}; the data is damaged: rebuild the FIT$'
want=$(mkimage -l "$fit" | awk '/Hash algo: *sha256/ { getline; print $3; exit }')
expect_line "expected $want, got "
expect_no_line '^hpmvisor: vm0:'
expect_no_line '^selfcheck:'
