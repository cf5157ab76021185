#!/usr/bin/env bash
# Boots an hpmvisor image under QEMU virt with a guest as the initrd.
# usage: scripts/qemu.sh IMAGE GUEST "ARGS" [extra qemu options...]
# SMP and MEM choose the harts and RAM (default 1 and 256M). Exit status is QEMU's:
# 0 when every guest succeeded, non-zero when one failed or the boot was refused.
set -euo pipefail
image=$1 guest=$2 args=$3
shift 3
initrd=()
[[ -n $guest ]] && initrd=(-initrd "$guest")
exec qemu-system-riscv64 -M virt -nographic -bios default \
	-smp "${SMP:-1}" -m "${MEM:-256M}" \
	-kernel "$image" "${initrd[@]}" -append "$args" "$@"
