# QEMU's own defaults (no -m: 128 MiB) run the guest. The initrd sits in the middle
# of RAM, so no free block holds the default 64 MiB: guest RAM comes in pieces.
MEM=default boot $B/selfcheck.bin ""
expect_status zero
expect_line '^hpmvisor: vm0: 64 MiB RAM at GPA 0x80000000 in [2-9] host blocks, 1 vcpu, '
expect_selfcheck_pass
expect_line '^hpmvisor: vm0: torn down; guest RAM untouched by teardown \(checksum 0x[0-9a-f]+ before and after\)$'

# More than either half: 96 MiB fits only in pieces; the pattern guest fills all of it.
MEM=default boot $B/guest-pattern.bin "hpmvisor.mem=96M"
expect_status zero
expect_line '^hpmvisor: vm0: 96 MiB RAM at GPA 0x80000000 in [2-9] host blocks, '
expect_line '^hpmvisor: vm0: torn down; guest RAM untouched by teardown \(checksum 0x[0-9a-f]+ before and after\)$'
expect_no_line 'CHANGED'
