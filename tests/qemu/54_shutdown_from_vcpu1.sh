# The VM is ended by vcpu 1 (SRST on hart 1) while vcpu 0 spins on hart 0.
SMP=2 boot $B/guest-pattern.bin 'hpmvisor.vcpus=2 hpmvisor.guest_args="end-on-hart1"'
expect_status zero
expect_line '^guest-pattern: starting hart 1 to shut the VM down$'
expect_line '^hpmvisor: vm0: guest asked to shut down$'
expect_line '^hpmvisor: vm0: torn down; guest RAM untouched by teardown'
expect_no_line 'FAILED|CHANGED|hypervisor bug'
