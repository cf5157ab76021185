/* Reading a guest instruction as the guest sees it (VS-stage and G-stage
 * translation, execute permission): HLVX. If the access faults, the trap
 * handler (hyp/trap.S) resumes at guest_fetch_fault instead. */
	.text
	.globl guest_fetch_parcel, guest_fetch_access, guest_fetch_fault

/* long guest_fetch_parcel(unsigned long guest_va): the 16-bit parcel, or -1. */
guest_fetch_parcel:
	.option push
	.option arch, +h
guest_fetch_access:
	hlvx.hu	a0, (a0)
	.option pop
	ret
guest_fetch_fault:
	li	a0, -1
	ret
