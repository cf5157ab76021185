# The emulated platforms hpmvisor is checked on; sourced by the launchers and the
# test runner. PLATFORM picks one:
#   system  this machine's own Debian packages (Debian 12: QEMU 7.2, OpenSBI 1.1)
#   stable  Debian stable's QEMU, OpenSBI and U-Boot (QEMU 10, OpenSBI 1.6), set up
#           once with mmdebstrap in $HPMVISOR_CACHE, never touching the machine's packages
# After `platform_use NAME`: QEMU (command array), QEMU_DATA (firmware folder),
# UBOOT_SMODE (S-mode U-Boot binary).

PLATFORMS=(system stable)
HPMVISOR_CACHE=${HPMVISOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/hpmvisor}

# The machine's own Debian mirror: the first URIs line of its deb822 sources, else
# the first `deb` line of sources.list. No host name is written into the repo.
platform_mirror() {
	local uri
	uri=$(sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null |
		grep -v -- '-security' | head -1)
	[[ -n $uri ]] || uri=$(sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\{0,1\}\([^[:space:]]*\).*/\2/p' \
		/etc/apt/sources.list 2>/dev/null | grep -v -- '-security' | head -1)
	echo "$uri"
}

# Debian stable's emulator in a folder of its own (about 20 s and 420 MB, once).
platform_setup_stable() {
	local dir=$HPMVISOR_CACHE/debian-stable mirror
	[[ -x $dir/usr/bin/qemu-system-riscv64 && -f $dir/.complete ]] && return 0
	if ! command -v mmdebstrap >/dev/null 2>&1; then
		echo "platform: installing mmdebstrap (to set up Debian stable's QEMU in $dir)" >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mmdebstrap >/dev/null ||
			{ echo "platform: could not install mmdebstrap; run: apt-get install mmdebstrap" >&2; return 1; }
	fi
	mirror=$(platform_mirror)
	[[ -n $mirror ]] || { echo "platform: no Debian mirror in /etc/apt sources; cannot set up 'stable'" >&2; return 1; }
	echo "platform: setting up Debian stable's QEMU, OpenSBI and U-Boot in $dir (once, ~20 s)" >&2
	rm -rf "$dir" && mkdir -p "$HPMVISOR_CACHE"
	mmdebstrap --quiet --variant=apt \
		--include=qemu-system-misc,qemu-system-data,opensbi,u-boot-qemu,u-boot-tools \
		stable "$dir" "$mirror" >"$HPMVISOR_CACHE/debian-stable.log" 2>&1 ||
		{ echo "platform: mmdebstrap failed (see $HPMVISOR_CACHE/debian-stable.log)" >&2; return 1; }
	touch "$dir/.complete"
}

platform_use() {
	case $1 in
	system)
		QEMU=(qemu-system-riscv64)
		QEMU_DATA=/usr/share/qemu
		UBOOT_SMODE=/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin
		;;
	stable)
		platform_setup_stable || return 1
		local dir=$HPMVISOR_CACHE/debian-stable
		QEMU=("$dir/lib64/ld-linux-x86-64.so.2"
			--library-path "$dir/lib/x86_64-linux-gnu:$dir/usr/lib/x86_64-linux-gnu"
			"$dir/usr/bin/qemu-system-riscv64" -L "$dir/usr/share/qemu")
		QEMU_DATA=$dir/usr/share/qemu
		UBOOT_SMODE=$dir/usr/lib/u-boot/qemu-riscv64_smode/u-boot.bin
		;;
	*)
		echo "platform: unknown PLATFORM '$1'; choose one of: ${PLATFORMS[*]}" >&2
		return 1
		;;
	esac
	PLATFORM=$1
}

# "QEMU 10.0.13 + OpenSBI v1.6": the emulator's version and the banner of its
# default firmware, booted with nothing to run and stopped once it has spoken.
platform_describe() {
	local qemu sbi out pid i
	qemu=$("${QEMU[@]}" --version | sed -n '1s/^QEMU emulator version \([^ ]*\).*/\1/p')
	out=$(mktemp)
	"${QEMU[@]}" -M virt -nographic -bios default -smp 1 -nic none </dev/null >"$out" 2>&1 &
	pid=$!
	for ((i = 0; i < 100; i++)); do
		sbi=$(grep -a -m1 -o 'OpenSBI v[0-9.]*' "$out") && break
		sleep 0.1
	done
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	rm -f "$out"
	echo "QEMU ${qemu:-?} + ${sbi:-OpenSBI ?}"
}
