# The emulated UART takes byte loads and stores only (16550 registers are bytes,
# reg-shift 0): a wider access, an AMO, or an address past its 8 registers stops
# the VM with one line, like any other access to a GPA that is not RAM.
boot $B/guest-fault.bin 'hpmvisor.guest_args=uart-word'
expect_status nonzero
expect_line '^hpmvisor: vm0: vcpu 0: guest 4-byte load at UART register GPA 0x10000000 \(pc 0x8020[0-9a-f]+\): its registers are bytes \(reg-shift 0\); VM stopped$'
expect_no_line 'FAILED'

boot $B/guest-fault.bin 'hpmvisor.guest_args=uart-amo'
expect_status nonzero
expect_line '^hpmvisor: vm0: vcpu 0: guest instruction 0x[0-9a-f]+ at pc 0x8020[0-9a-f]+ touches the UART at GPA 0x10000000 but is no integer load or store; VM stopped$'
expect_no_line 'FAILED'

boot $B/guest-fault.bin 'hpmvisor.guest_args=past-uart'
expect_status nonzero
expect_line '^hpmvisor: vm0: vcpu 0: guest load at GPA 0x10000008 outside its RAM \(pc 0x8020[0-9a-f]+, scause 21\); VM stopped$'
expect_line 'vm0: torn down; guest RAM untouched by teardown'
expect_no_line 'FAILED'
