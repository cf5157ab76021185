# Teardown of a two-vcpu VM, across a reboot: the vcpu on the other hart is torn
# down there, guest RAM is still untouched, and every byte the VMs took is free
# again at the end.
SMP=2 boot $B/guest-pattern.bin 'hpmvisor.vcpus=2 hpmvisor.guest_args="reboot reregister"'
expect_status zero
expect_line '^guest-pattern: hart 0, RAM .* boot 1$'
expect_count 2 '^hpmvisor: vm[01]: torn down; guest RAM untouched by teardown'
expect_no_line 'CHANGED'
expect_line '^hpmvisor: memory: all [0-9]+ KiB free again, as before the first VM$'
