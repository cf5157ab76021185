# Asking for more guest RAM than the machine has: one line saying so and what to do.
MEM=256M boot $B/selfcheck.bin "hpmvisor.mem=1G"
expect_status nonzero
expect_line '^hpmvisor: vm0: cannot allocate 1024 MiB of guest RAM \(largest free block [0-9]+ MiB\); lower hpmvisor.mem=$'
expect_no_line '^selfcheck:'
