# Four vcpus on an eight-hart machine: the spare harts stay out of the way.
SMP=8 boot $B/selfcheck.bin "hpmvisor.vcpus=4"
expect_status zero
expect_line ', 4 vcpus,'
expect_selfcheck_pass
expect_no_line '^skip - hsm'
