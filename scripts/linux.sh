#!/usr/bin/env bash
# `make linux`: a Linux guest image for hpmvisor from Debian stable's own packages.
#   1. once: linux-image-riscv64 + busybox-static unpacked into $HPMVISOR_CACHE/linux-stable
#      (mmdebstrap --variant=extract, from the machine's mirror; ~12 s, ~210 MB)
#   2. guest/linux/perftest.c built static with riscv64-linux-gnu-gcc
#   3. an initramfs (cpio newc): busybox, guest/linux/init, perftest
#   4. the guest image: a FIT of the kernel Image and the initramfs (guest_image below)
# Writes $B/linux/guest.img and $B/linux/bootargs: the kernel command line it needs
# (console on the emulated UART, early console over SBI DBCN); and, to boot the same
# kernel on the firmware alone, $B/linux/Image and $B/linux/initramfs.cpio.
# usage: scripts/linux.sh [B]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/platform.sh
B=${1:-${B:-build}}
OUT=$B/linux
LINUX_DIR=$HPMVISOR_CACHE/linux-stable

# Debian packages of the build machine this script needs: command or file -> package.
need_tools() {
	local missing=() entry what
	for entry in riscv64-linux-gnu-gcc:gcc-riscv64-linux-gnu \
		/usr/riscv64-linux-gnu/lib/libc.a:libc6-dev-riscv64-cross cpio:cpio mmdebstrap:mmdebstrap; do
		what=${entry%%:*}
		if [[ $what == /* ]]; then [[ -e $what ]] && continue
		else command -v "$what" >/dev/null 2>&1 && continue; fi
		missing+=("${entry##*:}")
	done
	[[ ${#missing[@]} -eq 0 ]] && return 0
	echo "linux: installing missing Debian packages: ${missing[*]}" >&2
	if [[ $(id -u) -ne 0 ]]; then
		echo "linux: need root for apt-get; run: sudo apt-get install ${missing[*]}" >&2
		return 1
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
		{ echo "linux: apt-get install ${missing[*]} failed" >&2; return 1; }
}

# Debian stable's kernel and busybox, unpacked once (the marker says it finished).
fetch_debian() {
	[[ -f $LINUX_DIR/.complete ]] && return 0
	local mirror
	mirror=$(platform_mirror)
	[[ -n $mirror ]] || { echo "linux: no Debian mirror in /etc/apt sources; cannot fetch the kernel" >&2; return 1; }
	echo "linux: fetching Debian stable's linux-image-riscv64 and busybox-static into $LINUX_DIR (once, ~15 s)" >&2
	rm -rf "$LINUX_DIR" && mkdir -p "$HPMVISOR_CACHE"
	mmdebstrap --quiet --variant=extract --architectures=riscv64 \
		--include=linux-image-riscv64,busybox-static stable "$LINUX_DIR" "$mirror" \
		>"$HPMVISOR_CACHE/linux-stable.log" 2>&1 ||
		{ echo "linux: mmdebstrap failed (see $HPMVISOR_CACHE/linux-stable.log)" >&2; return 1; }
	touch "$LINUX_DIR/.complete"
}

kernel_image() {
	local k
	k=$(ls "$LINUX_DIR"/boot/vmlinux-* 2>/dev/null | sort -V | tail -1)
	[[ -n $k ]] || { echo "linux: no boot/vmlinux-* in $LINUX_DIR; delete it to fetch again" >&2; return 1; }
	echo "$k"
}

build_initramfs() {
	local root=$OUT/initramfs
	rm -rf "$root" && mkdir -p "$root"/{bin,dev,proc,sys,tmp}
	riscv64-linux-gnu-gcc -static -O2 -Wall -Wextra -Werror -o "$OUT/perftest" guest/linux/perftest.c
	cp "$LINUX_DIR/usr/bin/busybox" "$root/bin/busybox"
	cp "$OUT/perftest" "$root/bin/perftest"
	cp guest/linux/init "$root/init"
	chmod 755 "$root/init" "$root/bin/"*
	(cd "$root" && find . | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0) >"$OUT/initramfs.cpio"
}

# The one place the guest image is put together: a FIT (scripts/fit.sh) of the
# kernel and the initramfs, hashes checked by hpmvisor, which places the ramdisk
# past the kernel's image_size and names it in /chosen (README "Guest images").
guest_image() { # KERNEL INITRAMFS OUT_IMAGE OUT_BOOTARGS
	local kernel=$1 initrd=$2 image=$3 bootargs=$4
	bash scripts/fit.sh -E "$image" "$kernel" "$initrd"
	echo 'console=ttyS0 earlycon=sbi' >"$bootargs"
}

need_tools
fetch_debian
mkdir -p "$OUT"
kernel=$(kernel_image)
# Up to date: nothing it is made of is newer, nor the fetch (each Linux scenario asks).
if [[ -f $OUT/guest.img && -f $OUT/bootargs &&
	-z $(find guest/linux scripts/linux.sh scripts/fit.sh "$LINUX_DIR/.complete" -newer "$OUT/guest.img") ]]; then
	echo "linux: $OUT/guest.img is up to date" >&2
	exit 0
fi
build_initramfs
guest_image "$kernel" "$OUT/initramfs.cpio" "$OUT/guest.img" "$OUT/bootargs"
ln -sf "$kernel" "$OUT/Image"   # the kernel alone, for the firmware without hpmvisor
echo "linux: $OUT/guest.img ($(basename "$kernel"), $(($(stat -c %s "$OUT/guest.img") >> 20)) MiB), bootargs $(cat "$OUT/bootargs")" >&2
