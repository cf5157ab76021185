# The machine where LCOFI could reach a guest: Sscofpmf and AIA (Ssaia gives
# hvien). hpmvisor probes hvien only there, boots, and tells why LCOFI still
# cannot reach VS on this QEMU; the guest gets no Sscofpmf and passes.
boot $B/selfcheck.bin "" -M virt,aia=aplic-imsic -cpu rv64,sscofpmf=true
expect_status zero
case $PLATFORM in
system) # QEMU 7.2: hvien exists, its bit 13 does not stick
	expect_line '^hpmvisor: hpmvisor .* H Sstc Sscofpmf Ssaia, .*lcofi to VS: no \(hvien\.LCOFI not writable\)$' ;;
stable) # QEMU 10.0.13: mie.LCOFIE cannot be set at all (scenario 62)
	expect_line '^hpmvisor: hpmvisor .* H Sstc Sscofpmf Ssaia, .*lcofi to VS: no \(sie\.LCOFIE not writable: no LCOFI reaches HS\)$' ;;
*) fail "no expected banner written for PLATFORM=$PLATFORM" ;;
esac
expect_line "^skip - pmu: overflow \(the hart's riscv,isa offers no Sscofpmf\)$"
expect_selfcheck_pass
