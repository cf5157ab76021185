# Four harts: the hypervisor runs on whichever hart the firmware boots.
SMP=4 boot $B/selfcheck.bin ""
expect_status zero
expect_selfcheck_pass
