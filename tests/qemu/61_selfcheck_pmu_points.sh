# Under hpmvisor the ROM's PMU points that the spec leaves open or that a skip
# could hide must really pass: an unconfigured counter read traps (the SBI spec
# leaves that to the platform, so the ROM only skips where it does not), a
# firmware counter with no event is an invalid counter for fw_read, and
# event_get_info answers an undefined code of a defined type with output 0; and
# DBCN refuses a buffer past RAM, both ways. (The whole ROM passing is 10_'s job.)
boot $B/selfcheck.bin ""
expect_line '^selfcheck: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$'
expect_no_line '^not ok - (pmu|console)'
expect_line '^ok - pmu: reading an unconfigured hpmcounter traps \(illegal instruction\)$'
expect_line '^ok - pmu: firmware counter ILLEGAL_INSN counts the 3 trapped counter reads$'
expect_line '^ok - pmu: counter_fw_read of firmware counter [0-9]+ with no event \(never configured\) -> INVALID_PARAM$'
expect_line '^ok - pmu: counter_fw_read of firmware counter [0-9]+ with no event \(after a RESET stop\) -> INVALID_PARAM$'
expect_line '^ok - pmu: event_get_info of type 0 code 0x1234 \(no such event\) succeeds, output 0$'
expect_line '^ok - pmu: event_get_info with event_idx bit 20 \(reserved\) set -> INVALID_PARAM$'
expect_line '^ok - pmu: event_get_info of event type 9 \(undefined\) -> INVALID_PARAM$'
expect_line '^ok - console: dbcn read across the end of RAM -> INVALID_PARAM$'
expect_line '^ok - console: dbcn write across the end of RAM -> INVALID_PARAM$'
