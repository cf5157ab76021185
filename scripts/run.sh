#!/usr/bin/env bash
# `make run`: hpmvisor with a guest (the self-check ROM by default), output live.
set -euo pipefail
guest=$1 args=$2
shift 2
if [[ ! -f $guest ]]; then
	echo "run: guest image '$guest' not found; build it or pass GUEST=path/to/image.bin" >&2
	exit 2
fi
echo "run: booting build/hpmvisor.bin with guest $guest (quit QEMU: Ctrl-A x)"
exec bash scripts/qemu.sh build/hpmvisor.bin "$guest" "$args" "$@"
