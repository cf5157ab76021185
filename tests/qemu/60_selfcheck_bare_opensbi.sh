# The self-check ROM on the firmware alone (no hypervisor): it runs to its summary,
# and what SBI 1.0 lacks (snapshot, event_get_info, DBCN) is reported as skip, never
# as a failure. OpenSBI's own deviations from the spec may show as "not ok".
IMAGE=$B/selfcheck.bin boot "" ""
expect_line '^selfcheck: hpmvisor SBI self-check \(impl OpenSBI'
expect_line '^selfcheck: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$'
expect_line '^skip - pmu: snapshot \(SBI 1.0 has no snapshot'
expect_line '^skip - pmu: event_get_info'
expect_no_line '^not ok - pmu: snapshot'
expect_no_line '^not ok - (base|time|hsm|ipi|rfence)'
