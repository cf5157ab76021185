# The VM ends (by reboot, then shutdown) while vcpus 2 and 3 keep calling hart_start(1):
# a start racing the teardown is refused or dropped, never leaves a vcpu half
# started, and the teardown completes with guest RAM untouched.
SMP=4 boot $B/guest-pattern.bin 'hpmvisor.vcpus=4 hpmvisor.guest_args="start-race reboot"'
expect_status zero
expect_count 2 '^guest-pattern: starting harts 2 and 3 to start hart 1 over and over$'
expect_count 2 '^hpmvisor: vm[01]: torn down; guest RAM untouched by teardown'
expect_line 'no VM left; shutting down \(all guests succeeded\)'
# The race happened: in each VM some start came while it was ending (else this
# scenario proved nothing).
expect_count 2 '^hpmvisor: vm[01]: [1-9][0-9]* hart_start calls came while the VM was ending; none ran$'
