# Asking for more guest RAM than the machine has: one line saying how much is free
# and what to pass; and what it suggests really boots.
MEM=256M boot $B/selfcheck.bin "hpmvisor.mem=1G"
expect_status nonzero
expect_line '^hpmvisor: vm0: cannot allocate 1024 MiB of guest RAM: [0-9]+ MiB free; pass hpmvisor.mem=[0-9]+M or less$'
expect_no_line '^selfcheck:'
free=$(sed -nE 's/^hpmvisor: vm0: cannot allocate .*: ([0-9]+) MiB free; pass hpmvisor.mem=\1M or less$/\1/p' "$LOG")
[[ $free -gt 200 ]] || fail "free RAM ${free:-missing} MiB, or the suggestion differs from it, on a 256 MiB machine"
MEM=256M boot $B/guest-pattern.bin "hpmvisor.mem=${free}M"
expect_status zero
expect_line "^hpmvisor: vm0: $free MiB RAM at GPA 0x80000000 in [0-9]+ host blocks, "
expect_line '^hpmvisor: vm0: torn down; guest RAM untouched by teardown \(checksum 0x[0-9a-f]+ before and after\)$'
