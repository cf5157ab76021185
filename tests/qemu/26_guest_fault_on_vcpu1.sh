# vcpu 1 touches unmapped memory while vcpu 0 runs on: the whole VM is stopped from
# hart 1, vcpu 0 is stopped on hart 0, one report line names the vcpu.
SMP=2 boot $B/guest-fault.bin 'hpmvisor.vcpus=2 hpmvisor.guest_args=on-hart1'
expect_status nonzero
expect_line '^hpmvisor: vm0: vcpu 1: guest load at GPA 0x0 outside its RAM \(pc 0x8020[0-9a-f]+, scause 21\); VM stopped$'
expect_line 'vm0: torn down; guest RAM untouched by teardown'
expect_no_line 'FAILED|hypervisor bug'
