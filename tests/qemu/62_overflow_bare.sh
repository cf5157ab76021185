# Counter overflow on each platform without hpmvisor, pinned line by line so that
# a change of the emulator shows here first:
# - the ROM on the firmware alone with Sscofpmf: does a counter started near 2^64
#   raise LCOFI, does scountovf show it, does SINH|MINH stop S-mode counting;
# - an M-mode probe run as the firmware (tests/qemu/lcofie_probe.S): which mie
#   and mideleg bits stick when all ones are written.
# QEMU 7.2 raises LCOFI but does not filter by mode; QEMU 10.0.13 filters but
# never lets mie.LCOFIE (bit 13) be set, not even from M-mode, so no hart takes
# LCOFI there - why bare Linux got 0 perf samples on it. Neither is the spec.
IMAGE=$B/selfcheck.bin boot "" "" -cpu rv64,sscofpmf=true
expect_line '^selfcheck: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$'
expect_no_line '^not ok - unexpected trap'
case $PLATFORM in
system)
	expect_line '^ok - pmu: overflow: a counter started 20000 events below 2\^64 raises LCOFI$'
	expect_line '^ok - pmu: overflow: the handler.s clear of sip\.LCOFIP withdraws it$'
	expect_line '^ok - pmu: overflow: scountovf in the handler shows the counter.s bit$'
	expect_line '^ok - pmu: overflow: the counter wrapped past 2\^64$'
	expect_line '^skip - pmu: overflow: counter_stop\(TAKE_SNAPSHOT\) sets the counter.s bit in the overflow bitmap \(no snapshot area'
	expect_line '^not ok - pmu: overflow: config_matching\(SINH\|MINH\) counts nothing in S-mode \(got: counter [0-9]+ \(cycles\) at [1-9][0-9]* \([1-9][0-9]* without the hints\)'
	mie='0x0000000000003eee'
	;;
stable)
	expect_line '^ok - pmu: overflow: config_matching\(SINH\|MINH\) counts nothing in S-mode$'
	expect_line '^not ok - pmu: overflow: sie\.LCOFIE is writable \(Sscofpmf offered\) \(got: reads 0 expected: 1\)$'
	mie='0xffffffffffff1eee'  # bits 14..63 stick, 13 does not
	;;
*) fail "no expected overflow results written for PLATFORM=$PLATFORM" ;;
esac

source scripts/platform.sh
platform_use "$PLATFORM"
LOG=$LOGDIR/$SCENARIO.probe.log
timeout "$SCENARIO_TIMEOUT" "${QEMU[@]}" -M virt -nographic -bios $B/lcofie-probe.elf -cpu rv64,sscofpmf=true \
	</dev/null >"$LOG" 2>&1 || fail "the M-mode probe did not end cleanly (log: $LOG)"
expect_line "^lcofie-probe: mie $mie mideleg 0x0000000000003666"
