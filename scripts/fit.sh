#!/usr/bin/env bash
# Packs a guest kernel and an optional ramdisk into a FIT that hpmvisor boots as
# its initrd (README "Guest images"): configuration conf-1, a sha256 and a crc32
# hash on each image, load = entry = GPA 0x80200000, no compression.
# usage: scripts/fit.sh [-E] OUT.itb KERNEL [RAMDISK]
#   -E  external data: the images follow the tree (mkimage -E), not inside it
# Needs mkimage (Debian u-boot-tools; scripts/deps.sh installs it).
set -euo pipefail
external=()
if [[ ${1:-} == -E ]]; then
	external=(-E)
	shift
fi
if [[ $# -lt 2 || $# -gt 3 ]]; then
	echo "usage: scripts/fit.sh [-E] OUT.itb KERNEL [RAMDISK]" >&2
	exit 2
fi
out=$1 kernel=$(realpath "$2") ramdisk=${3:+$(realpath "$3")}
its=$(mktemp --suffix=.its)
trap 'rm -f "$its"' EXIT

image() { # NAME TYPE FILE [extra properties]
	cat <<-ITS
		$1 {
			description = "$(basename "$3")";
			data = /incbin/("$3");
			type = "$2";
			arch = "riscv";
			os = "linux";
			compression = "none";
			$4
			hash-1 { algo = "sha256"; };
			hash-2 { algo = "crc32"; };
		};
	ITS
}

{
	echo '/dts-v1/;'
	echo '/ {'
	echo '	description = "hpmvisor guest";'
	echo '	#address-cells = <1>;'
	echo '	images {'
	image kernel-1 kernel "$kernel" 'load = <0x80200000>; entry = <0x80200000>;'
	[[ -n $ramdisk ]] && image ramdisk-1 ramdisk "$ramdisk" ''
	echo '	};'
	echo '	configurations {'
	echo '		default = "conf-1";'
	echo "		conf-1 { kernel = \"kernel-1\";${ramdisk:+ ramdisk = \"ramdisk-1\";} };"
	echo '	};'
	echo '};'
} >"$its"
mkimage "${external[@]}" -f "$its" "$out" >/dev/null
