UNIT_TESTS += vuart
UNIT_SRCS_vuart := hyp/vuart.c
