# The same image loaded at another 2 MiB boundary relocates itself and runs the guest.
IMAGE=$B/hpmvisor-moved.elf boot $B/selfcheck.bin ""
expect_status zero
expect_line '^hpmvisor: hpmvisor .* loaded at 0x80400000'
expect_selfcheck_pass
