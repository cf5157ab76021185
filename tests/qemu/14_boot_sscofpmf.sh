# A hart with Sscofpmf: the firmware PMU changes (mask-respecting matching), the
# guest still passes. LCOFI is offered to the guest only if the whole chain works
# (HS receives it, hvien and hvip bit 13 can carry it into VS); on plain -M virt
# neither platform can, and the banner names the first missing link. The guest's
# riscv,isa then offers no Sscofpmf and the ROM's overflow checks skip.
boot $B/selfcheck.bin "" -cpu rv64,sscofpmf=true
expect_status zero
case $PLATFORM in
system) # QEMU 7.2: LCOFI reaches HS, but there is no AIA, so no hvien
	expect_line '^hpmvisor: hpmvisor .* H Sstc Sscofpmf, .*lcofi to VS: no \(hvien\.LCOFI not writable: needs Ssaia\)$' ;;
stable) # QEMU 10.0.13: mie.LCOFIE cannot be set at all (scenario 62)
	expect_line '^hpmvisor: hpmvisor .* H Sstc Sscofpmf, .*lcofi to VS: no \(sie\.LCOFIE not writable: no LCOFI reaches HS\)$' ;;
*) fail "no expected banner written for PLATFORM=$PLATFORM" ;;
esac
expect_line "^skip - pmu: overflow \(the hart's riscv,isa offers no Sscofpmf\)$"
expect_selfcheck_pass
