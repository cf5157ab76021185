# A command typed into the busybox shell reaches the guest through the emulated
# UART (QEMU's stdin -> host UART -> hpmvisor console -> vuart RBR, which Linux's
# 8250 driver polls from a timer) and its output comes back: $((6*7)) only
# becomes 42 if the shell really ran it. Then poweroff from the shell.
source tests/qemu/linux_lib.sh
TYPE=('^init: busybox shell' $'echo typed-$((6*7))\n'
      '^typed-42' $'poweroff -f\n')
linux_boot 1 ""
expect_status zero
expect_line '^typed-42$'
expect_line '^hpmvisor: vm0: torn down; guest RAM untouched by teardown'
