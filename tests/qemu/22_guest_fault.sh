# A guest loading from unmapped guest-physical memory is stopped with one report
# line (GPA, PC, cause); the hypervisor survives to tear the VM down and report.
boot $B/guest-fault.bin ""
expect_status nonzero
expect_line '^hpmvisor: vm0: vcpu 0: guest load at GPA 0x[0-9a-f]+ outside its RAM \(pc 0x8020[0-9a-f]+, scause 21\); VM stopped$'
expect_line 'vm0: torn down; guest RAM untouched by teardown'
expect_line 'no VM left; shutting down \(a guest failed\)'
expect_line '^hpmvisor: memory: all [0-9]+ KiB free again, as before the first VM$'
