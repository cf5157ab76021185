#!/usr/bin/env bash
# `make bench`: instruction counts of an SBI round trip under `-icount shift=0`
# (deterministic), through hpmvisor and, as the reference, through OpenSBI alone.
# PLATFORM= picks the emulator and firmware (scripts/platform.sh; default system).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/platform.sh
platform_use "${PLATFORM:-system}"
export PLATFORM
guest=${B:-build}/guest-bench.bin
icount=(-icount shift=0)   # one hart: cross-hart spin-waits starve under icount

measure() { # label, then qemu.sh arguments
	local label=$1 out
	shift
	out=$(SMP=1 timeout 60 bash scripts/qemu.sh "$@" "${icount[@]}" </dev/null 2>&1 || true)
	ecall=$(sed -n 's/^bench: null SBI call round trip: \([0-9]*\).*/\1/p' <<<"$out")
	trap=$(sed -n 's/^bench: minimal S-mode trap handler round trip: \([0-9]*\).*/\1/p' <<<"$out")
	if [[ -z $ecall || -z $trap ]]; then
		echo "bench: $label gave no measurement:" >&2
		grep -E '^(bench|hpmvisor):' <<<"$out" >&2 || tail -5 <<<"$out" >&2
		exit 1
	fi
}

measure "hpmvisor" "${B:-build}/hpmvisor.bin" "$guest" ""
hyp_ecall=$ecall hyp_trap=$trap
measure "OpenSBI alone" "$guest" "" ""
sbi_ecall=$ecall

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "bench: instructions per round trip, qemu -icount shift=0, one hart, on $(platform_describe) ($PLATFORM)"
printf '  %-48s %6s\n' "null SBI call through hpmvisor (VS -> HS -> VS)" "$hyp_ecall"
printf '  %-48s %6s\n' "null SBI call through OpenSBI (S -> M -> S)" "$sbi_ecall"
printf '  %-48s %6s\n' "minimal trap handler in the guest (reference)" "$hyp_trap"
echo "bench: hpmvisor costs $(ratio "$hyp_ecall" "$sbi_ecall")x OpenSBI's round trip and $(ratio "$hyp_ecall" "$hyp_trap")x a minimal trap handler"
