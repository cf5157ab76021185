# Debian stable's kernel with two vcpus on two harts: the second cpu comes up
# through SBI HSM, both reach userspace, poweroff ends the VM. With
# hpmvisor.htinst=off: every UART access is decoded from the instruction read
# through the guest's own page tables (HLVX), as on a hart that leaves htinst 0.
source tests/qemu/linux_lib.sh
HYP_ARGS=hpmvisor.htinst=off linux_boot 2 hpmtest=poweroff
expect_status zero
expect_line 'smp: Brought up 1 node, 2 CPUs'
expect_linux_userspace 2
expect_line '^hpmvisor: vm0: torn down; guest RAM untouched by teardown'
expect_no_line 'Kernel panic|Oops|BUG:'
