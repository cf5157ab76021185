#!/usr/bin/env bash
# Boots an hpmvisor image under QEMU virt with a guest as the initrd.
# usage: scripts/qemu.sh IMAGE GUEST "ARGS" [extra qemu options...]
# PLATFORM picks the emulator (scripts/platform.sh; default: system). SMP and MEM
# choose the harts and RAM (default 1 and 256M; MEM=default leaves QEMU's own).
# Exit status is QEMU's: 0 when every guest succeeded, non-zero when one failed or
# the boot was refused.
set -euo pipefail
source "$(dirname "$0")/platform.sh"
platform_use "${PLATFORM:-system}"
image=$1 guest=$2 args=$3
shift 3
opts=(-smp "${SMP:-1}")
[[ ${MEM:-256M} == default ]] || opts+=(-m "${MEM:-256M}")
[[ -n $guest ]] && opts+=(-initrd "$guest")
exec "${QEMU[@]}" -M virt -nographic -bios default "${opts[@]}" \
	-kernel "$image" -append "$args" "$@"
