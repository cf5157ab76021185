# HSM hart_suspend and SUSP under hpmvisor, with and without Sstc (the wake-up
# timer is vstimecmp, or the host SBI timer passed on through hvip): retentive
# suspend waits for the enabled interrupt, non-retentive and system suspend
# resume at resume_addr, another vcpu reads SUSPENDED and an IPI wakes it.
for cpu in rv64 rv64,sstc=false; do
	SMP=2 boot $B/selfcheck.bin "hpmvisor.vcpus=2" -cpu $cpu
	expect_status zero
	expect_selfcheck_pass
	expect_line '^ok - suspend: hart_suspend\(retentive\) returns SUCCESS once the enabled timer is pending'
	expect_line '^ok - suspend: hart_suspend\(non-retentive\) resumes at resume_addr'
	expect_line '^ok - suspend: hart_suspend\(non-retentive, resume_addr 0x[0-9a-f]+ S-mode may not use\) -> INVALID_ADDRESS'
	expect_line '^ok - suspend: hart_get_status\(hart 1 in retentive suspend\) = SUSPENDED'
	expect_line '^ok - suspend: an IPI wakes hart 1'
	expect_line '^ok - susp: system_suspend with another hart STARTED -> DENIED'
	expect_line '^ok - susp: system_suspend\(SUSPEND_TO_RAM\) resumes at resume_addr'
done
