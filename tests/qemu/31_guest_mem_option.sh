# hpmvisor.mem= sizes guest RAM; the guest boots with what its DTB says; guest_args reach it.
boot $B/selfcheck.bin 'hpmvisor.mem=16M hpmvisor.guest_args="hello guest"'
expect_status zero
expect_line '^hpmvisor: vm0: 16 MiB RAM at GPA 0x80000000'
expect_selfcheck_pass
