# The SMP model's transitions, driven from several threads under ThreadSanitizer
UNIT_TESTS += vcpu_state
UNIT_SRCS_vcpu_state := hyp/vcpu_state.c
UNIT_SANITIZE_vcpu_state := -fsanitize=thread -pthread
