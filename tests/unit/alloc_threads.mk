# The allocators shared by harts: palloc and the VMID pool from several threads under ThreadSanitizer
UNIT_TESTS += alloc_threads
UNIT_SRCS_alloc_threads := mm/palloc.c mm/vmid.c
UNIT_SANITIZE_alloc_threads := -fsanitize=thread -pthread
