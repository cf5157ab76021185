# A reboot from Linux (SBI SRST) recreates the VM from the image: the kernel boots a
# second time (boot count 1 in its DT) and powers off; two teardowns, each clean.
source tests/qemu/linux_lib.sh
linux_boot 1 hpmtest=reboot
expect_status zero
expect_line '^init: rebooting$'
expect_line '^hpmvisor: vm0: guest asked to reboot; recreating it from the image$'
expect_line '^init: userspace up on 1 cpus, boot 1, Linux'
expect_count 2 '^hpmvisor: vm[01]: torn down; guest RAM untouched by teardown'
