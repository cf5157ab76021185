#!/usr/bin/env bash
# `make bench`: what each path costs, in instructions under `qemu -icount shift=0,sleep=off`
# (deterministic), through hpmvisor and, in the same run, through the firmware
# alone (the same bench guest, no hypervisor). One table; the values also go to
# $B/bench-$PLATFORM.txt as "key value" lines.
#   scripts/bench.sh            print the table
#   scripts/bench.sh --check    ... and fail if a row exceeds bench/baseline-$PLATFORM by > 5%
#   scripts/bench.sh --save     ... and write the values as the new baseline
# PLATFORM= picks the emulator and firmware (scripts/platform.sh; default system).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/platform.sh
platform_use "${PLATFORM:-system}"
export PLATFORM
B=${B:-build}
mode=${1:-}
guest=$B/guest-bench.bin
out=$B/bench-$PLATFORM.txt
baseline=bench/baseline-$PLATFORM
# One hart: cross-hart spin-waits starve under icount. sleep=off: an idle hart
# (wfi) advances the clock to the next deadline at once, not by the host's real
# time, so the boot rows do not depend on how busy the host is (they varied by
# millions of instructions with sleep on).
icount=(-icount shift=0,sleep=off)

declare -A hyp fw

# run ARRAY LABEL MEM qemu.sh-arguments...: the guest's "bench: KEY VALUE" lines into ARRAY.
run() {
	local -n into=$1
	local label=$2 mem=$3 log
	shift 3
	log=$(SMP=1 MEM=$mem timeout 300 bash scripts/qemu.sh "$@" "${icount[@]}" </dev/null 2>&1 | tr -d "\r" || true)
	if grep -q '^bench: cannot measure' <<<"$log" || ! grep -q '^bench: null_call ' <<<"$log"; then
		echo "bench: $label gave no measurement:" >&2
		grep -aE '^(bench|hpmvisor):' <<<"$log" >&2 || tail -5 <<<"$log" >&2
		exit 1
	fi
	while read -r _ key value _; do
		into[$key]=$value
	done < <(grep -a '^bench: [a-z_0-9]* [0-9n]' <<<"$log")
	# hpmvisor's own line for the reboot's teardown (the time CSR: instructions under icount)
	value=$(sed -n 's/^hpmvisor: vm0: torn down in \([0-9]*\) ns$/\1/p' <<<"$log" | head -1)
	[[ -n $value ]] && into[teardown]=$value
	return 0
}

# hpmvisor with a 16 MiB and a 1 GiB guest, each booted, measured and rebooted once.
declare -A small large
run small "hpmvisor, 16 MiB guest" 256M "$B/hpmvisor.bin" "$guest" 'hpmvisor.mem=16M hpmvisor.guest_args=reboot'
run large "hpmvisor, 1 GiB guest" 2G "$B/hpmvisor.bin" "$guest" 'hpmvisor.mem=1G hpmvisor.guest_args=reboot'
run fw "the firmware alone" 256M "$guest" "" ""
[[ -n ${small[reboot_done]:-} && -n ${large[reboot_done]:-} ]] ||
	{ echo "bench: a rebooted VM never reported its first instruction" >&2; exit 1; }
for key in "${!small[@]}"; do hyp[$key]=${small[$key]}; done
hyp[boot_to_guest_16m]=${small[boot_to_guest]}
hyp[boot_to_guest_1g]=${large[boot_to_guest]}
hyp[vm_reboot_16m]=$((small[reboot_done] - small[reboot_start]))
hyp[vm_reboot_1g]=$((large[reboot_done] - large[reboot_start]))
hyp[image_bytes]=$(stat -c %s "$B/hpmvisor.bin")
[[ ${hyp[pmu_event_info50]:-} =~ ^[0-9]+$ ]] &&
	hyp[pmu_event_info_entry]=$(((hyp[pmu_event_info50] - hyp[pmu_event_info10]) / 40))
fw[boot_to_guest_16m]=${fw[boot_to_guest]}
fw[boot_to_guest_1g]=${fw[boot_to_guest]}
# What each MiB more of guest RAM adds to the boot (scrub, G-stage map).
hyp[ram_setup_per_mib]=$(((hyp[boot_to_guest_1g] - hyp[boot_to_guest_16m]) / 1008))
hyp[teardown_16m]=${small[teardown]:-n/a}
hyp[teardown_1g]=${large[teardown]:-n/a}

# The targets of the paths that have one (instructions; fw = the firmware's own cost).
declare -A limit=(
	[null_call]=80
	[ipi_self]=300
	[pmu_hw_config]=$((${fw[pmu_hw_config]:-0} + 100))
	[pmu_hw_start]=$((${fw[pmu_hw_start]:-0} + 100))
	[pmu_hw_stop]=$((${fw[pmu_hw_stop]:-0} + 100))
	[pmu_snapshot_set]=300
	[pmu_event_info10]=1500
	[pmu_event_info_entry]=50
	[boot_to_guest_16m]=$((fw[boot_to_guest] + 1000000 + 16 * 1048576 / 4))
	[boot_to_guest_1g]=$((fw[boot_to_guest] + 1000000 + 1024 * 1048576 / 4))
	[ram_setup_per_mib]=$((1048576 / 4))
	[teardown_1g]=$((${small[teardown]:-0} * 105 / 100))  # the same as at 16 MiB
)

rows=(
	"null_call|null SBI call (BASE get_spec_version)"
	"trap_floor|minimal trap handler in the guest (floor)"
	"set_timer|TIME set_timer"
	"ipi_self|IPI send_ipi to self"
	"rfence_i_self|RFENCE remote_fence_i to self"
	"dbcn_write64|DBCN write, 64 bytes"
	"pmu_num_counters|PMU num_counters"
	"pmu_hw_config|PMU config_matching, hardware counter"
	"pmu_hw_start|PMU counter_start, hardware counter"
	"pmu_hw_stop|PMU counter_stop, hardware counter"
	"pmu_fw_read|PMU counter_fw_read"
	"pmu_fw_cycle|PMU firmware counter config + start + stop"
	"pmu_snapshot_set|PMU snapshot_set_shmem"
	"pmu_snapshot_start|PMU counter_start with INIT_SNAPSHOT"
	"pmu_snapshot_stop|PMU counter_stop with TAKE_SNAPSHOT"
	"pmu_event_info10|PMU event_get_info, 10 events"
	"pmu_event_info50|PMU event_get_info, 50 events"
	"pmu_event_info_entry|PMU event_get_info, each entry past 10"
	"boot_to_guest_16m|boot to the first guest instruction, 16 MiB"
	"boot_to_guest_1g|boot to the first guest instruction, 1 GiB"
	"ram_setup_per_mib|guest RAM set up at boot, per MiB"
	"vm_reboot_16m|VM teardown + creation (SRST reboot), 16 MiB"
	"vm_reboot_1g|VM teardown + creation (SRST reboot), 1 GiB"
	"teardown_16m|VM teardown alone, 16 MiB (no checksum)"
	"teardown_1g|VM teardown alone, 1 GiB (no checksum)"
	"image_bytes|hpmvisor.bin size in bytes"
)

echo "bench: instructions per path, qemu -icount shift=0,sleep=off, one hart, on $(platform_describe) ($PLATFORM)"
printf '  %-48s %12s %12s %7s  %s\n' "path" "hpmvisor" "firmware" "ratio" "target"
: >"$out"
for row in "${rows[@]}"; do
	key=${row%%|*} label=${row#*|}
	h=${hyp[$key]:-n/a} f=${fw[$key]:-—}
	ratio=— target=
	[[ $h =~ ^[0-9]+$ && $f =~ ^[1-9][0-9]*$ ]] && ratio=$(awk -v a="$h" -v b="$f" 'BEGIN { printf "%.2f", a / b }')
	if [[ -n ${limit[$key]:-} && $h =~ ^[0-9]+$ ]]; then
		target="<= ${limit[$key]}: missed"
		((h <= limit[$key])) && target="<= ${limit[$key]}: met"
	fi
	printf '  %-48s %12s %12s %7s  %s\n' "$label" "$h" "$f" "$ratio" "$target"
	[[ $h =~ ^[0-9]+$ ]] && echo "$key $h" >>"$out"
done

case $mode in
--save)
	cp "$out" "$baseline"
	echo "bench: wrote $baseline"
	;;
--check)
	[[ -f $baseline ]] || { echo "bench: no $baseline; make one with: scripts/bench.sh --save" >&2; exit 1; }
	worse=0
	while read -r key base; do
		now=$(awk -v k="$key" '$1 == k { print $2 }' "$out")
		if [[ -z $now ]]; then
			echo "bench: $key measured no value (baseline $base)"
			worse=1
		elif ((now * 100 > base * 105)); then
			echo "bench: $key regressed: $now instructions, baseline $base (+$(((now - base) * 100 / base))%)"
			worse=1
		fi
	done <"$baseline"
	((worse == 0)) && echo "bench: every row within 5% of $baseline"
	exit $worse
	;;
esac
