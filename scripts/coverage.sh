#!/usr/bin/env bash
# `make coverage`: the host unit tests built again with gcov counters (in
# $B/coverage), run, and the lines of hyp/*.c they executed, per file and in
# total, merged over every test (a line counts once any test ran it). Ends with
# "coverage: hyp/ P% of lines (N of M)"; exit 1 below $COVERAGE_MIN (80) or
# when a test fails. Uses Debian's gcc and its gcov only.
set -uo pipefail
cd "$(dirname "$0")/.."
B=${B:-build}
COV=$B/coverage
MIN=${COVERAGE_MIN:-80}

make -s B="$COV" COVERAGE=1 unit-build >"$B/coverage.log" 2>&1 || {
	echo "coverage: building the unit tests failed (see $B/coverage.log)"
	tail -20 "$B/coverage.log"
	exit 1
}
find "$COV/host" -name '*.gcda' -delete
failed=0
for bin in $(make -s --no-print-directory B="$COV" COVERAGE=1 unit-list); do
	# Without address randomisation, as scripts/test.sh runs them (ThreadSanitizer).
	if ! setarch "$(uname -m)" -R "$bin" >"$bin.log" 2>&1; then
		echo "coverage: ${bin##*/} failed (see $bin.log)"
		failed=1
	fi
done

# gcov -t prints each source annotated: "count:line:text", count "-" for lines
# without code, "#####" (or "=====") for lines never run.
for gcda in "$COV"/host/*.gcda; do
	gcov -t -o "$COV/host" "$gcda" 2>/dev/null
done | awk -v min="$MIN" -v want="$(ls hyp/*.c | grep -v '^hyp/asm_offsets\.c$' | tr '\n' ' ')" '
	/^ *-: *0:Source:/ { file = substr($0, index($0, "Source:") + 7); next }
	file ~ /^hyp\/[^\/]*\.c$/ {
		split($0, fld, ":")
		count = fld[1]; gsub(/ /, "", count)
		line = fld[2] + 0
		if (count == "-" || line == 0)
			next
		code[file, line] = 1
		if (count !~ /^(#####|=====)$/)
			run[file, line] = 1
	}
	END {
		n = split(want, files, " ")
		for (k in code) { split(k, p, SUBSEP); total[p[1]]++ }
		for (k in run) { split(k, p, SUBSEP); hit[p[1]]++ }
		bad = 0
		for (i = 1; i <= n; i++) {
			f = files[i]
			if (!(f in total)) {
				printf "  %-22s no unit test links it\n", f
				bad = 1
				continue
			}
			printf "  %-22s %5.1f%% (%d of %d lines)\n", f, 100 * hit[f] / total[f], hit[f], total[f]
			H += hit[f]; T += total[f]
		}
		pct = T ? 100 * H / T : 0
		printf "coverage: hyp/ %.1f%% of lines (%d of %d)\n", pct, H, T
		if (bad || pct < min) {
			printf "coverage: below %d%% of hyp/ lines, or a file without tests\n", min
			exit 1
		}
	}'
rc=$?
exit $(( rc || failed ))
