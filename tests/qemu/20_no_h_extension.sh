# A hart without H (like a VisionFive 2): one clear line, then a failing shutdown, no trap loop.
boot $B/selfcheck.bin "" -cpu rv64,h=false
expect_status nonzero
expect_line '^hpmvisor: hart 0 has riscv,isa "rv64[a-z]*[^h_]*_.*" without the H extension: this board cannot host a hypervisor$'
expect_count 1 '^hpmvisor:'
