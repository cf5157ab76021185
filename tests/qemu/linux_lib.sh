# Helpers for the Linux scenarios (80_linux_*.sh), sourced by them: Debian stable's
# kernel with our initramfs (scripts/linux.sh; fetched once into $HPMVISOR_CACHE,
# and here when missing), booted under hpmvisor with the emulated UART as console.

# A Linux boot takes 10-20 s alone on this QEMU; the machine may be shared.
SCENARIO_TIMEOUT=${LINUX_TIMEOUT:-240}
LINUX_MEM=256M

# Builds $B/linux/guest.img (fetching the kernel first if it is not cached yet);
# what it installs or fetches is said on the terminal as it starts.
linux_image() {
	local log=$LOGDIR/$SCENARIO.linux.log
	bash scripts/linux.sh "$B" >"$log" 2> >(tee -a "$log" | grep --line-buffered -E '^linux: (fetching|installing)' >&2) ||
		fail "scripts/linux.sh failed: $(tail -1 "$log")"
}

# linux_boot VCPUS "GUEST ARGS" [qemu options...]: boots the image with VCPUS vcpus
# on as many harts, console on the UART; GUEST ARGS are added to its command line,
# HYP_ARGS (if set) to hpmvisor's.
linux_boot() {
	local vcpus=$1 extra=$2
	shift 2
	linux_image
	SMP=$vcpus MEM=512M boot "$B/linux/guest.img" \
		"${HYP_ARGS:-} hpmvisor.mem=$LINUX_MEM hpmvisor.vcpus=$vcpus hpmvisor.guest_args=\"$(cat "$B/linux/bootargs") $extra\"" "$@"
}

# The kernel reached /init (guest/linux/init) on N cpus.
expect_linux_userspace() { # N
	expect_line "^init: userspace up on $1 cpus, boot 0, Linux [0-9]"
}
