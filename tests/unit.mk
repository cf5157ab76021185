# Host unit tests (cmocka). Each tests/unit/NAME.mk declares one test:
#   UNIT_TESTS += NAME
#   UNIT_SRCS_NAME := the project sources it links besides tests/unit/test_NAME.c
#   UNIT_SANITIZE_NAME := sanitizer flags instead of ASan+UBSan (optional)
HOST_CC     ?= cc
HOST_CFLAGS := -std=gnu11 -Wall -Wextra -Werror -Wno-unused-parameter -g -O1 -I. -Itests/unit \
               -DHOST_TEST -fno-omit-frame-pointer
# A test may ask for another sanitizer (UNIT_SANITIZE_NAME): ThreadSanitizer
# for the ones that run threads.
UNIT_SANITIZE_DEFAULT := -fsanitize=address,undefined
# `make coverage` builds them again with gcov counters (atomic: some tests run threads).
ifeq ($(COVERAGE),1)
HOST_CFLAGS += --coverage -fprofile-update=atomic
endif
UNIT_TESTS :=
include $(wildcard tests/unit/*.mk)

UNIT_BINS := $(patsubst %,$(B)/host/test_%,$(UNIT_TESTS))
.SECONDEXPANSION:
# One command compiles and links every source, so -MMD would keep only the last
# one's headers: -MM lists them all, for the same sources and flags.
$(B)/host/test_%: tests/unit/test_%.c $$(UNIT_SRCS_$$*) | deps
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_CFLAGS) -MM -MP -MT $@ $(filter %.c,$^) >$@.d
	$(HOST_CC) $(HOST_CFLAGS) $(or $(UNIT_SANITIZE_$*),$(UNIT_SANITIZE_DEFAULT)) $(filter %.c,$^) -o $@ -lcmocka

unit-build: $(UNIT_BINS)
# The runner asks for exactly these, not whatever test_* a build folder holds.
unit-list:
	@echo $(UNIT_BINS)
.PHONY: unit-build unit-list
