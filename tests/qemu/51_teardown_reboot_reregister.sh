# The same after an SRST reboot, and after the area was disabled and registered again:
# two teardowns (reboot, then shutdown), each leaving guest RAM as it was.
boot $B/guest-pattern.bin 'hpmvisor.guest_args="reboot reregister"'
expect_status zero
expect_line '^guest-pattern: snapshot area disabled \(SBI_SUCCESS\) and registered again \(SBI_SUCCESS\)$'
expect_line '^hpmvisor: vm0: guest asked to reboot; recreating it from the image$'
expect_line '^guest-pattern: hart 0, RAM .* boot 1$'
expect_count 2 '^hpmvisor: vm[01]: torn down; guest RAM untouched by teardown'
expect_no_line 'CHANGED'
