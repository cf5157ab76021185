# Speed is guarded, not guessed: every `make bench` row on this platform stays
# within 5% of the committed bench/baseline-$PLATFORM (instruction counts under
# -icount, deterministic). After a deliberate change: scripts/bench.sh --save.
LOG=$LOGDIR/$SCENARIO.log
set +e
bash scripts/bench.sh --check >"$LOG" 2>&1
STATUS=$?
set -e
[[ $STATUS -eq 0 ]] || fail "$(grep -E '^bench: .*(regressed|no value|no measurement|no bench/)' "$LOG" | head -3 | tr '\n' ';')"
expect_line '^bench: every row within 5% of bench/baseline-'
