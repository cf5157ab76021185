# "Every guest input is hostile until checked": a guest makes 20000 ecalls with
# random EIDs, FIDs and arguments (bad addresses, MMIO, huge lengths, reserved
# flags). Each answer must be an SBI error code, unknown EIDs and undefined FIDs
# NOT_SUPPORTED; the hypervisor never panics and tears the VM down as usual.
boot $B/guest-hostile.bin ""
expect_status zero
expect_line '^hostile: 20000 calls, 0 bad error codes, '
expect_line '^hostile: [1-9][0-9]* passed, 0 failed'
expect_no_line '^not ok'
expect_no_line 'hypervisor bug'
expect_line 'vm0: torn down; guest RAM untouched by teardown'
