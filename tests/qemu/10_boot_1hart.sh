# The self-check ROM passes under hpmvisor on one hart, and the VM ends cleanly.
boot $B/selfcheck.bin ""
expect_status zero
expect_line '^hpmvisor: hpmvisor [0-9.]+ on hart 0, .*H.*VMID [0-9]+ bits'
expect_selfcheck_pass
expect_line 'vm0: torn down; guest RAM untouched by teardown'
expect_line 'no VM left; shutting down \(all guests succeeded\)'
expect_line '^hpmvisor: memory: all [0-9]+ KiB free again, as before the first VM$'
