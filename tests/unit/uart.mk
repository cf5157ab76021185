UNIT_TESTS += uart
UNIT_SRCS_uart := boot/uart.c
