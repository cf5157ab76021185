# The boot hart may stand anywhere in /cpus (boards pick it at random, and so does
# OpenSBI's boot lottery under load): QEMU's own tree for 20 harts with cpu@0, the
# hart that usually boots, moved behind cpu@19; whichever hart wins, it boots a
# two-vcpu guest on harts as the DT lists them.
source scripts/platform.sh
platform_use "$PLATFORM"
"${QEMU[@]}" -M virt,dumpdtb="$LOGDIR/$SCENARIO.orig.dtb" -m 256M -smp 20 -nographic >/dev/null 2>&1 ||
	fail "qemu could not dump its device tree"
dtc -q -I dtb -O dts "$LOGDIR/$SCENARIO.orig.dtb" | awk '
	/^\t\tcpu@0 \{/ { held = 1 }
	held { block = block $0 "\n"; if ($0 ~ /^\t\t\};/) held = 0; next }
	/^\t\tcpu-map \{/ && block != "" { printf "%s", block; block = "" }
	{ print }' >"$LOGDIR/$SCENARIO.dts"
grep -n 'cpu@' "$LOGDIR/$SCENARIO.dts" | tail -1 | grep -q 'cpu@0 ' || fail "cpu@0 was not moved last in $LOGDIR/$SCENARIO.dts"
dtc -q -I dts -O dtb -o "$LOGDIR/$SCENARIO.dtb" "$LOGDIR/$SCENARIO.dts" || fail "dtc refused $LOGDIR/$SCENARIO.dts"
SMP=20 boot $B/selfcheck.bin "hpmvisor.vcpus=2" -dtb "$LOGDIR/$SCENARIO.dtb"
expect_status zero
expect_line '^hpmvisor: hpmvisor .* on hart ([0-9]|1[0-9]), '
expect_selfcheck_pass
