# The board path: S-mode U-Boot loads hpmvisor.bin with `booti` (the image header
# must satisfy it) and the guest as the initrd; the self-check ROM then passes.
KERNEL_ADDR=0x84000000 INITRD_ADDR=0x88000000
size=$(printf '%x' "$(stat -c %s $B/selfcheck.bin)")
LOG=$LOGDIR/$SCENARIO.log
fifo=$LOGDIR/$SCENARIO.in
rm -f "$fifo" && mkfifo "$fifo"

# Answer U-Boot's prompts as a person would: stop autoboot, then type booti.
type_at_prompts() {
	local deadline=$((SECONDS + 30))
	until grep -q 'Hit any key to stop autoboot' "$LOG" 2>/dev/null; do
		((SECONDS < deadline)) || return 0
		sleep 0.2
	done
	printf '\n'
	until grep -q '^=> ' "$LOG" 2>/dev/null; do
		((SECONDS < deadline)) || return 0
		sleep 0.2
	done
	printf 'booti %s %s:%s ${fdtcontroladdr}\n' "$KERNEL_ADDR" "$INITRD_ADDR" "$size"
	# Keep U-Boot's stdin open until the run is over.
	until grep -q '^hpmvisor: no VM left' "$LOG" 2>/dev/null; do
		((SECONDS < deadline)) || return 0
		sleep 0.2
	done
}

set +e
type_at_prompts >"$fifo" &
timeout "$SCENARIO_TIMEOUT" "${QEMU[@]}" -M virt -nographic -bios default -m 256M -nic none \
	-kernel "$UBOOT_SMODE" -device loader,file=$B/hpmvisor.bin,addr=$KERNEL_ADDR \
	-device loader,file=$B/selfcheck.bin,addr=$INITRD_ADDR <"$fifo" >"$LOG" 2>&1
STATUS=$?
wait
set -e
sed -i 's/\r$//' "$LOG"
[[ $STATUS -ne 124 ]] || fail "timed out after ${SCENARIO_TIMEOUT}s"
expect_line '^## Flattened Device Tree blob|^Starting kernel'
expect_line '^hpmvisor: hpmvisor .* on hart [0-9]+, loaded at 0x[0-9a-f]+'
expect_selfcheck_pass
expect_line 'no VM left; shutting down \(all guests succeeded\)'
