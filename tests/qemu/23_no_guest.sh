# Without an initrd there is nothing to run: say how to pass one.
boot "" ""
expect_status nonzero
expect_line '^hpmvisor: no guest image: pass one as the initrd'
