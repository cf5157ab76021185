/* Reading a guest instruction as the guest sees it (hyp/guest_fetch.S). */
#ifndef HYP_GUEST_FETCH_H
#define HYP_GUEST_FETCH_H

/* The 16-bit parcel at guest virtual address guest_va, through VS-stage and
 * G-stage with execute permission (HLVX), or -1 if that access faults. */
long guest_fetch_parcel(unsigned long guest_va);

#endif
