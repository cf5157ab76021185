# Teardown while vcpu 1 still runs guest code on its hart: it is stopped there
# (IPI and wait), torn down there, and guest RAM checksums agree - across a reboot too.
SMP=2 boot $B/guest-pattern.bin 'hpmvisor.vcpus=2 hpmvisor.guest_args="busy-hart reboot"'
expect_status zero
expect_count 2 '^guest-pattern: starting hart 1 to spin$'
expect_count 2 '^hpmvisor: vm[01]: torn down; guest RAM untouched by teardown'
expect_line 'no VM left; shutting down \(all guests succeeded\)'
expect_no_line 'CHANGED|hypervisor bug'
