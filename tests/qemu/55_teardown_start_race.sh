# The VM ends (by reboot, then shutdown) while vcpu 2 keeps calling hart_start(1):
# a start racing the teardown is refused or dropped, never leaves a vcpu half
# started, and the teardown completes with guest RAM untouched.
SMP=3 boot $B/guest-pattern.bin 'hpmvisor.vcpus=3 hpmvisor.guest_args="start-race reboot"'
expect_status zero
expect_count 2 '^guest-pattern: starting hart 2 to start hart 1 over and over$'
expect_count 2 '^hpmvisor: vm[01]: torn down; guest RAM untouched by teardown'
expect_line 'no VM left; shutting down \(all guests succeeded\)'
