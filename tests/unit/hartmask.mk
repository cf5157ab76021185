UNIT_TESTS += hartmask
UNIT_SRCS_hartmask := hyp/hartmask.c
