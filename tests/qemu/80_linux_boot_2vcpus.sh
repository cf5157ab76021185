# Debian stable's kernel with two vcpus on two harts: the second cpu comes up
# through SBI HSM, both reach userspace, poweroff ends the VM.
source tests/qemu/linux_lib.sh
linux_boot 2 hpmtest=poweroff
expect_status zero
expect_line 'smp: Brought up 1 node, 2 CPUs'
expect_linux_userspace 2
expect_line '^hpmvisor: vm0: torn down; guest RAM untouched by teardown'
expect_no_line 'Kernel panic|Oops|BUG:'
