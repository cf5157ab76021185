UNIT_TESTS += options
UNIT_SRCS_options := boot/options.c
