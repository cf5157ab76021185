# Bad boot input: each refusal is one line saying what is wrong with what, and the
# run fails (QEMU exits non-zero, also on OpenSBI 1.1, which ignores the SRST reason:
# the finisher is found by a first tolerant pass over the tree). Bad trees are QEMU's
# own, dumped for this machine, edited and recompiled here.
source scripts/platform.sh
platform_use "$PLATFORM"

# edited_dtb NAME SED-SCRIPT: QEMU's tree for `-M virt -m 256M -smp 1`, edited;
# sets DTB to the result.
edited_dtb() {
	"${QEMU[@]}" -M virt,dumpdtb="$LOGDIR/$1.orig.dtb" -m 256M -smp 1 -nographic >/dev/null 2>&1 ||
		fail "qemu could not dump its device tree"
	dtc -q -I dtb -O dts "$LOGDIR/$1.orig.dtb" | sed -e "$2" >"$LOGDIR/$1.dts"
	dtc -q -I dts -O dtb -o "$LOGDIR/$1.dtb" "$LOGDIR/$1.dts" || fail "dtc refused $LOGDIR/$1.dts"
	DTB=$LOGDIR/$1.dtb
}

# One vcpu: the ROM's verdict (its multi-hart checks are skips here).
GUEST_RAN='^selfcheck: [1-9][0-9]* passed, 0 failed'

# A command line as long as Linux allows (1024 bytes with its NUL) is read whole.
pad=$(printf 'x%.0s' $(seq 1 1000))
boot $B/selfcheck.bin "pad=$pad hpmvisor.mem=32M"
expect_status zero
expect_line '^hpmvisor: vm0: 32 MiB RAM at GPA 0x80000000'
expect_line "$GUEST_RAN"

# A guest RAM size near 2^64 is refused, not wrapped to nothing.
boot $B/selfcheck.bin "hpmvisor.mem=18446744073709551615"
expect_status nonzero
expect_line '^hpmvisor: bad hpmvisor.mem=18446744073709551615: give a size from 4M to 2046G'
expect_no_line '^selfcheck:'

# A tree the strict parse refuses (a memory reg of three cells) is named, and fails.
edited_dtb bad_reg 's/reg = <0x00 0x80000000 0x00 0x10000000>;/reg = <0x00 0x80000000 0x00>;/'
boot $B/selfcheck.bin "" -dtb "$DTB"
expect_status nonzero
expect_line '^hpmvisor: the device tree at 0x[0-9a-f]+ is refused: device tree property malformed or missing \(in node memory@80000000\); fix the device tree or the bootargs$'
expect_count 1 '^hpmvisor:'

# No timebase: timers cannot be set.
edited_dtb no_timebase 's/timebase-frequency = <0x[0-9a-f]*>;/timebase-frequency = <0x00>;/'
boot $B/selfcheck.bin "" -dtb "$DTB"
expect_status nonzero
expect_line '^hpmvisor: the device tree gives no timebase-frequency \(or 0\)'
expect_no_line '^selfcheck:'

# Memory nodes that overlap: RAM described twice is refused, with both ranges.
edited_dtb overlap '/^\tmemory@80000000 {/i\	memory@88000000 {\n\t\tdevice_type = "memory";\n\t\treg = <0x00 0x88000000 0x00 0x1000000>;\n\t};\n'
boot $B/selfcheck.bin "" -dtb "$DTB"
expect_status nonzero
expect_line '^hpmvisor: memory ranges 0x[0-9a-f]+\+0x[0-9a-f]+ and 0x[0-9a-f]+\+0x[0-9a-f]+ overlap: fix the memory nodes of the device tree$'
expect_no_line '^selfcheck:'

# A memory node over the UART: the device stays out of RAM and the guest runs.
edited_dtb over_uart '/^\tmemory@80000000 {/i\	memory@10000000 {\n\t\tdevice_type = "memory";\n\t\treg = <0x00 0x10000000 0x00 0x1000>;\n\t};\n'
boot $B/selfcheck.bin "" -dtb "$DTB"
expect_status zero
expect_line '^hpmvisor: memory range 0x10000000\+0x1000 covers the UART at 0x10000000; leaving the device out of RAM$'
expect_line "$GUEST_RAN"

# Many harts (OpenSBI picks the boot hart among them): hart selection still works.
SMP=64 boot $B/selfcheck.bin "hpmvisor.vcpus=8"
expect_status zero
expect_line '^hpmvisor: vm0: 64 MiB RAM at GPA 0x80000000, 8 vcpus'
expect_selfcheck_pass

# A host that says rv32 (riscv,isa, and riscv,isa-base where QEMU writes it).
edited_dtb rv32 's/riscv,isa = "rv64/riscv,isa = "rv32/; s/riscv,isa-base = "rv64i"/riscv,isa-base = "rv32i"/'
boot $B/selfcheck.bin "" -dtb "$DTB"
expect_status nonzero
expect_line '^hpmvisor: hart 0 is rv32 \(riscv,isa "rv32imafdch_[a-z0-9_]*(\.\.\.)?"\): hpmvisor runs on rv64 harts only$'
expect_count 1 '^hpmvisor:'
