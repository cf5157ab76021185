#!/usr/bin/env bash
# `make run`: hpmvisor with a guest (the self-check ROM by default), output live.
# `make run-bare`: the guest straight on the firmware, no hypervisor, to compare.
# PLATFORM= picks the emulator and firmware (scripts/platform.sh; default system).
set -euo pipefail
source "$(dirname "$0")/platform.sh"
mode=$1 guest=$2 args=$3
shift 3
if [[ ! -f $guest ]]; then
	echo "run: guest image '$guest' not found; build it or pass GUEST=path/to/image.bin" >&2
	exit 2
fi
platform_use "${PLATFORM:-system}" || exit 2
on="$(platform_describe) ($PLATFORM)"
export PLATFORM
if [[ $mode == bare ]]; then
	echo "run: booting $guest directly on the firmware, no hypervisor, on $on (quit QEMU: Ctrl-A x)"
	exec bash scripts/qemu.sh "$guest" "" "$args" "$@"
fi
image=${B:-build}/hpmvisor.bin
echo "run: booting $image with guest $guest on $on (quit QEMU: Ctrl-A x)"
exec bash scripts/qemu.sh "$image" "$guest" "$args" "$@"
