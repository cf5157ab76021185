# A hart with Sscofpmf: the firmware PMU changes (mask-respecting matching), the
# guest still passes. LCOFI is offered to the guest only if hvip can carry it, and
# on plain -M virt it cannot on either platform (hvip bit 13 needs hvien, i.e. AIA).
boot $B/selfcheck.bin "" -cpu rv64,sscofpmf=true
expect_status zero
expect_line '^hpmvisor: hpmvisor .* Sscofpmf.*lcofi to VS: no'
expect_selfcheck_pass
