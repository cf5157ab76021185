# Helpers for QEMU scenarios; sourced by scripts/test.sh, which runs each scenario
# file in a subshell. A scenario calls `boot` once or more and then `expect_*`; the
# first failed expectation ends the subshell and is the verdict.
# $LOG is the last boot's console output (CR-LF made LF), $STATUS its exit status.

SCENARIO_TIMEOUT=${SCENARIO_TIMEOUT:-60}
TYPE=()

# boot GUEST "ARGS" [qemu options...]   (IMAGE, SMP, MEM may be set before)
# QEMU's stdin (the UART) gets nothing, unless TYPE=(ERE TEXT ERE TEXT ...) is set:
# then each TEXT is typed once a console line matches its ERE.
boot() {
	local guest=$1 args=$2 image=${IMAGE:-$B/hpmvisor.bin} fifo fd pid i waiting=""
	shift 2
	# Every test proves teardown wrote no guest byte (a RAM checksum around it,
	# off by default); not for the firmware alone, where IMAGE is the guest.
	[[ $(basename "$image") == hpmvisor* ]] && args+=" hpmvisor.teardown_check=on"
	LOG=$LOGDIR/$SCENARIO.log
	fifo=$LOGDIR/$SCENARIO.stdin
	rm -f "$fifo" && mkfifo "$fifo"
	timeout "$SCENARIO_TIMEOUT" bash scripts/qemu.sh "$image" "$guest" "$args" "$@" \
		<"$fifo" >"$LOG" 2>&1 &
	pid=$!
	exec {fd}>"$fifo"
	for ((i = 0; i + 1 < ${#TYPE[@]}; i += 2)); do
		waiting=" waiting for a line /${TYPE[i]}/ to type after"
		wait_for_line "${TYPE[i]}" "$pid" || break
		waiting=""
		printf '%s' "${TYPE[i + 1]}" >&"$fd"
	done
	exec {fd}>&-  # end of input
	set +e
	wait "$pid"
	STATUS=$?
	set -e
	rm -f "$fifo"
	sed -i 's/\r$//' "$LOG"
	[[ $STATUS -ne 124 ]] || fail "timed out after ${SCENARIO_TIMEOUT}s$waiting; last line: $(grep -v '^qemu-system' "$LOG" | tail -n1)"
}

# Until a line of the running boot's log matches ERE; false if QEMU ended first.
wait_for_line() { # ERE PID
	until tr -d '\r' <"$LOG" | grep -qE -- "$1"; do
		kill -0 "$2" 2>/dev/null || return 1
		sleep 0.2
	done
}

fail() {
	echo "$*" >"$LOGDIR/$SCENARIO.why"
	exit 1
}

expect_status() { # zero | nonzero
	case $1 in
	zero) [[ $STATUS -eq 0 ]] || fail "exit status $STATUS, expected 0" ;;
	nonzero) [[ $STATUS -ne 0 ]] || fail "exit status 0, expected failure" ;;
	esac
}

expect_line() { # ERE that some console line must match
	grep -qE -- "$1" "$LOG" || fail "no console line matches /$1/"
}

expect_no_line() {
	! grep -qE -- "$1" "$LOG" || fail "unexpected console line: $(grep -m1 -E -- "$1" "$LOG")"
}

expect_count() { # N ERE: exactly N lines match
	local n
	n=$(grep -cE -- "$2" "$LOG" || true)
	[[ $n -eq $1 ]] || fail "$n console lines match /$2/, expected $1"
}

# The self-check ROM's verdict line: "selfcheck: N passed, 0 failed" with N > 0.
# The one skip a platform's own defect may cause is allowed only there: QEMU 7.2
# hides a pending VS timer from VS reads of sip (check_time.c says more).
expect_selfcheck_pass() {
	expect_line '^selfcheck: [1-9][0-9]* passed, 0 failed' || return 1
	expect_no_line '^not ok'
	[[ $PLATFORM == system ]] || expect_no_line '^skip - time: set_timer in the past shows sip'
}

# make_ramdisk OUT BYTES: a test ramdisk the self-check ROM verifies
# (guest/selfcheck/check_ramdisk.c): BYTES of content, then "HPRD" and the CRC-32
# of the content, little endian (gzip's trailer holds exactly that). The content
# is the ROM repeated, cut to BYTES.
make_ramdisk() {
	local out=$1 bytes=$2
	: >"$out.body"
	while (($(stat -c %s "$out.body") < bytes)); do cat "$B/selfcheck.bin" >>"$out.body"; done
	truncate -s "$bytes" "$out.body"
	{ cat "$out.body"; printf HPRD; gzip -c "$out.body" | tail -c 8 | head -c 4; } >"$out"
	rm -f "$out.body"
}

# boot_uboot INITRD [fit]: the board path. S-mode U-Boot, with hpmvisor.bin and
# INITRD put in RAM by QEMU's loader, is answered as a person would: stop autoboot,
# then `booti kernel initrd:size ${fdtcontroladdr}`. A FIT given to booti that way
# would be unpacked by U-Boot itself (addr:name picks a FIT's ramdisk), so with
# `fit` the initrd goes into /chosen by `fdt chosen` and booti gets none (README).
# Sets LOG and STATUS as boot does.
boot_uboot() {
	local initrd=$1 kernel_addr=0x84000000 initrd_addr=0x88000000 bytes cmds fifo
	bytes=$(stat -c %s "$initrd")
	if [[ ${2:-} == fit ]]; then
		cmds=$(printf 'fdt addr ${fdtcontroladdr}\nfdt resize\nfdt chosen %s %#x\nbooti %s - ${fdtcontroladdr}' \
			$initrd_addr $((initrd_addr + bytes)) $kernel_addr)
	else
		cmds=$(printf 'booti %s %s:%x ${fdtcontroladdr}' $kernel_addr $initrd_addr "$bytes")
	fi
	LOG=$LOGDIR/$SCENARIO.log
	fifo=$LOGDIR/$SCENARIO.in
	rm -f "$fifo" && mkfifo "$fifo"
	set +e
	uboot_type_at_prompts "$cmds" >"$fifo" &
	timeout "$SCENARIO_TIMEOUT" "${QEMU[@]}" -M virt -nographic -bios default -m 256M -nic none \
		-kernel "$UBOOT_SMODE" -device loader,file="$B/hpmvisor.bin",addr=$kernel_addr \
		-device loader,file="$initrd",addr=$initrd_addr <"$fifo" >"$LOG" 2>&1
	STATUS=$?
	wait
	set -e
	sed -i 's/\r$//' "$LOG"
	[[ $STATUS -ne 124 ]] || fail "timed out after ${SCENARIO_TIMEOUT}s"
}

uboot_type_at_prompts() { # COMMANDS (lines)
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
	printf '%s\n' "$1"
	# Keep U-Boot's stdin open until the run is over.
	until grep -q '^hpmvisor: no VM left' "$LOG" 2>/dev/null; do
		((SECONDS < deadline)) || return 0
		sleep 0.2
	done
}
