# Debian stable's kernel boots to userspace with one vcpu: its console is the
# emulated UART (8250 driver, no IRQ: polled), the SBI PMU driver finds the
# snapshot, and poweroff ends the VM cleanly with the teardown checksum.
source tests/qemu/linux_lib.sh
linux_boot 1 hpmtest=poweroff
expect_status zero
expect_line 'ttyS0 at MMIO 0x10000000 \(irq = 0, base_baud = 115200\) is a 16550A'
expect_line 'riscv-pmu-sbi: SBI PMU snapshot detected'
expect_linux_userspace 1
expect_line '^init: powering off$'
expect_line '^hpmvisor: vm0: guest asked to shut down$'
expect_line '^hpmvisor: vm0: torn down; guest RAM untouched by teardown \(checksum 0x[0-9a-f]+ before and after\)$'
expect_no_line 'Kernel panic|Oops|BUG:'
