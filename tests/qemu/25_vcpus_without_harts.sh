# More vcpus than harts: one line saying what is needed, no guest started.
SMP=1 boot $B/selfcheck.bin "hpmvisor.vcpus=2"
expect_status nonzero
expect_line '^hpmvisor: hpmvisor.vcpus=2 needs 2 harts with the H extension; this machine has 1$'
expect_no_line '^selfcheck:'
