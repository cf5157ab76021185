# Remote fences and teardown on four vcpus under -icount, where QEMU runs all
# harts on one thread: before QEMU 8.1 each hart in turn runs up to the next
# timer deadline, so a hart spinning in a cross-hart wait left the harts after
# it no instruction, and the hart it waited for never answered. Seen as a
# teardown that never ends ("guest asked to shut down", then no "torn down"):
# hart 0 spun in vcpu_teardown_remote while parked hart 1 had the request's IPI
# pending and ran nothing. First the other vcpus are never started (teardown
# finds them parked), then they idle in wfi and take 200 fences from hart 0.
SCENARIO_TIMEOUT=40
for helpers in "" helpers; do
	SMP=4 boot $B/guest-fencestorm.bin "hpmvisor.vcpus=4 hpmvisor.guest_args=\"$helpers\"" -icount shift=4
	expect_status zero
	expect_line '^guest-fencestorm: 2000 remote fences to itself, 0 failed$'
	if [[ -n $helpers ]]; then
		expect_line '^guest-fencestorm: 3 helper harts run \(mask 0xe\)$'
		expect_line '^guest-fencestorm: 200 remote fences to all 4 harts, 0 failed, [0-9]+ us$'
	fi
	expect_line '^hpmvisor: vm0: torn down; guest RAM untouched by teardown'
	expect_line 'no VM left; shutting down \(all guests succeeded\)'
done
