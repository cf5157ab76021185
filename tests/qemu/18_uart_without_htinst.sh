# A hart may write 0 to htinst (the spec allows it): hpmvisor.htinst=off makes
# hpmvisor decode every trapped UART access from the instruction at the guest's
# pc instead (HLVX). The ROM's UART checks pass that way, and a misuse is stopped
# with the same lines.
boot $B/selfcheck.bin "hpmvisor.htinst=off"
expect_status zero
expect_selfcheck_pass
expect_line '^ok - uart: divisor latch \(LCR.DLAB\) reads back what was written$'

boot $B/guest-fault.bin 'hpmvisor.htinst=off hpmvisor.guest_args=uart-word'
expect_status nonzero
expect_line '^hpmvisor: vm0: vcpu 0: guest 4-byte load at UART register GPA 0x10000000 \(pc 0x8020[0-9a-f]+\): its registers are bytes \(reg-shift 0\); VM stopped$'

boot $B/guest-fault.bin 'hpmvisor.htinst=off hpmvisor.guest_args=uart-amo'
expect_status nonzero
expect_line '^hpmvisor: vm0: vcpu 0: guest instruction 0x[0-9a-f]+ at pc 0x8020[0-9a-f]+ touches the UART at GPA 0x10000000 but is no integer load or store; VM stopped$'
