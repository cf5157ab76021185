# An unknown option stops the boot with a line that names it and the valid ones.
boot $B/selfcheck.bin "hpmvisor.frobnicate=1"
expect_status nonzero
expect_line '^hpmvisor: unknown option hpmvisor.frobnicate: known are'
expect_no_line '^selfcheck:'
