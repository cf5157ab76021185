# A hart without Sstc: the guest timer goes through the host SBI timer and hvip.VSTIP.
boot $B/selfcheck.bin "" -cpu rv64,sstc=false
expect_status zero
expect_line '^hpmvisor: hpmvisor .*, H, G-stage'
expect_selfcheck_pass
