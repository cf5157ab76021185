#!/usr/bin/env bash
# `make test`: build, host unit tests (cmocka), then QEMU scenarios (tests/qemu/*.sh).
# Ends with one line "N passed, M failed"; exit status non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh || exit 1
# B names the build folder (default build); another one keeps parallel work apart.
export B=${B:-build}

LOGDIR=$B/test-logs
rm -rf "$LOGDIR"
mkdir -p "$LOGDIR"
passed=0 failed=0
pass() { passed=$((passed + 1)); echo "ok - $1"; }
flunk() { failed=$((failed + 1)); echo "not ok - $1"; }

echo "test: building the hypervisor, guests and unit tests"
if make -s B="$B" test-images unit-build >"$LOGDIR/build.log" 2>&1; then
	pass "build"
else
	flunk "build (see $LOGDIR/build.log)"
	tail -20 "$LOGDIR/build.log"
	echo "$passed passed, $failed failed"
	exit 1
fi

echo "test: host unit tests"
for bin in $(make -s --no-print-directory B="$B" unit-list); do
	name=${bin#$B/host/}
	log=$LOGDIR/unit-$name.log
	# Without address randomisation: ThreadSanitizer needs its fixed layout.
	setarch "$(uname -m)" -R "$bin" >"$log" 2>&1
	rc=$?
	ok=$(grep -c '^\[       OK \]' "$log")
	bad=$(grep -c '^\[  FAILED  \] [a-z_]' "$log")
	passed=$((passed + ok))
	failed=$((failed + bad))
	if [[ $rc -ne 0 && $bad -eq 0 ]]; then
		flunk "$name crashed (exit $rc, see $log)"
	elif [[ $bad -ne 0 ]]; then
		grep '^\[  FAILED  \] [a-z_]' "$log" | sed "s/^/not ok - $name: /"
	else
		echo "ok - $name: $ok tests"
	fi
done

echo "test: layers"
if bash scripts/check_layers.sh >"$LOGDIR/layers.log" 2>&1; then
	pass "layers: no include reaches up (boot < mm < pmu < hyp)"
else
	flunk "layers: upward includes (see $LOGDIR/layers.log)"
	sed 's/^/  /' "$LOGDIR/layers.log"
fi

# PLATFORM picks one platform (scripts/platform.sh); by default every one runs.
# ONLY=PREFIX runs only the scenarios whose file name starts with it.
source scripts/platform.sh
source tests/qemu/lib.sh
for platform in ${PLATFORM:-${PLATFORMS[*]}}; do
	if ! platform_use "$platform"; then
		flunk "$platform: platform could not be set up"
		continue
	fi
	export PLATFORM
	echo "test: QEMU scenarios on $(platform_describe) ($PLATFORM)"
	LOGDIR=$B/test-logs/$PLATFORM
	mkdir -p "$LOGDIR"
	scenarios=(tests/qemu/${ONLY:-[0-9]}*.sh)
	[[ -e ${scenarios[0]} ]] || flunk "$PLATFORM: no scenario file matches tests/qemu/${ONLY:-}*.sh"
	for file in "${scenarios[@]}"; do
		[[ -e $file ]] || continue
		SCENARIO=$(basename "$file" .sh)
		(unset IMAGE SMP MEM; source "$file")
		if [[ $? -eq 0 ]]; then
			pass "$PLATFORM: $SCENARIO"
		else
			flunk "$PLATFORM: $SCENARIO: $(cat "$LOGDIR/$SCENARIO.why" 2>/dev/null || echo 'scenario script error') (log: $LOGDIR/$SCENARIO.log)"
		fi
	done
done

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
