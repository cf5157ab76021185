# A guest with two vcpus on two harts: HSM start/stop/restart of vcpu 1, IPIs both
# ways and remote fences all go through the hypervisor and pass the self-check.
SMP=2 boot $B/selfcheck.bin "hpmvisor.vcpus=2"
expect_status zero
expect_line '^hpmvisor: vm0: 64 MiB RAM at GPA 0x80000000, 2 vcpus,'
expect_selfcheck_pass
expect_line '^ok - hsm: restart hart 1'
expect_line '^ok - ipi: send_ipi from hart 1 raises SSIP here'
expect_line '^ok - rfence: remote_fence_i to hart 1 succeeds'
expect_line 'vm0: torn down; guest RAM untouched by teardown'
