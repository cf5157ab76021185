#!/usr/bin/env bash
# `make run`: hpmvisor with a guest (the self-check ROM by default), output live.
# `make run-bare`: the guest straight on the firmware, no hypervisor, to compare.
set -euo pipefail
mode=$1 guest=$2 args=$3
shift 3
if [[ ! -f $guest ]]; then
	echo "run: guest image '$guest' not found; build it or pass GUEST=path/to/image.bin" >&2
	exit 2
fi
if [[ $mode == bare ]]; then
	echo "run: booting $guest directly on OpenSBI, no hypervisor (quit QEMU: Ctrl-A x)"
	exec bash scripts/qemu.sh "$guest" "" "$args" "$@"
fi
echo "run: booting ${B:-build}/hpmvisor.bin with guest $guest (quit QEMU: Ctrl-A x)"
exec bash scripts/qemu.sh ${B:-build}/hpmvisor.bin "$guest" "$args" "$@"
