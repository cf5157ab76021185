# The hypervisor's harts come up under -icount (shift=0, as `make bench` runs).
# QEMU 7.2 runs all harts on one thread, each in turn up to the next timer
# deadline: while hart 0 spun waiting for hart 1 to come online, hart 1 ran no
# instruction (it sat in OpenSBI's wfi with its start IPI pending) and boot
# failed with "hart 1 did not start (SBI error -3)". Two and four vcpus; the
# guest then starts every vcpu and each must run.
SCENARIO_TIMEOUT=40
for n in 2 4; do
	SMP=$n boot $B/guest-fencestorm.bin "hpmvisor.vcpus=$n hpmvisor.guest_args=helpers" -icount shift=0
	expect_no_line 'did not start'
	expect_status zero
	expect_line ", $n vcpus,"
	expect_line "^guest-fencestorm: $((n - 1)) helper harts run"
	expect_line '^hpmvisor: vm0: torn down; guest RAM untouched by teardown'
done
