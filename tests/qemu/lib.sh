# Helpers for QEMU scenarios; sourced by scripts/test.sh, which runs each scenario
# file in a subshell. A scenario calls `boot` once or more and then `expect_*`; the
# first failed expectation ends the subshell and is the verdict.
# $LOG is the last boot's console output (CR-LF made LF), $STATUS its exit status.

SCENARIO_TIMEOUT=${SCENARIO_TIMEOUT:-60}

# boot GUEST "ARGS" [qemu options...]   (IMAGE, SMP, MEM may be set before)
boot() {
	local guest=$1 args=$2 image=${IMAGE:-$B/hpmvisor.bin}
	shift 2
	# Every test proves teardown wrote no guest byte (a RAM checksum around it,
	# off by default); not for the firmware alone, where IMAGE is the guest.
	[[ $(basename "$image") == hpmvisor* ]] && args+=" hpmvisor.teardown_check=on"
	LOG=$LOGDIR/$SCENARIO.log
	set +e
	timeout "$SCENARIO_TIMEOUT" bash scripts/qemu.sh "$image" "$guest" "$args" "$@" \
		</dev/null >"$LOG" 2>&1
	STATUS=$?
	set -e
	sed -i 's/\r$//' "$LOG"
	[[ $STATUS -ne 124 ]] || fail "timed out after ${SCENARIO_TIMEOUT}s; last line: $(grep -v '^qemu-system' "$LOG" | tail -n1)"
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
