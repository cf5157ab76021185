# The largest supported machine shape with the smallest RAM: 8 harts, 256 MiB.
SMP=8 MEM=256M boot $B/selfcheck.bin ""
expect_status zero
expect_selfcheck_pass
