# The teardown rule in QEMU: the guest fills its RAM with a pattern, registers a PMU
# snapshot area inside it and leaves counters running; the hypervisor checksums guest
# RAM before teardown step 1 and after the G-stage is released: both must agree.
boot $B/guest-pattern.bin ""
expect_status zero
expect_line '^guest-pattern: PMU snapshot area at 0x[0-9a-f]+: SBI_SUCCESS$'
expect_line '^guest-pattern: cycles on counter [0-9]+ \(SBI_SUCCESS\), FW SET_TIMER on counter [0-9]+ \(SBI_SUCCESS, reads 3\)$'
expect_line '^hpmvisor: vm0: torn down; guest RAM untouched by teardown \(checksum 0x[0-9a-f]+ before and after\)$'
expect_no_line 'CHANGED'
