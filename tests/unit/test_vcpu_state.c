/* The SMP model (hyp/vcpu_state.c): each transition alone, then the races
 * that matter driven from real threads (this binary runs under
 * ThreadSanitizer, which also fails it on any plain access racing an atomic). */
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "hyp/vcpu_state.h"

static void test_start_run_stop(void **unused)
{
	struct vm_life vm;
	enum vcpu_state s = VCPU_STOPPED;
	vm_life_init(&vm, 1);
	assert_int_equal(vcpu_claim_start(&vm, &s), START_CLAIMED);
	assert_int_equal(s, VCPU_START_PENDING);
	assert_int_equal(vm.running, 2);
	assert_int_equal(vcpu_claim_start(&vm, &s), START_BUSY);
	assert_int_equal(vm.running, 2);
	assert_true(vcpu_begin_run(&vm, &s));
	assert_false(vcpu_begin_run(&vm, &s));
	assert_false(vcpu_stop(&vm, &s));          /* another vcpu still runs */
	assert_int_equal(s, VCPU_STOPPED);
	assert_false(vcpu_stop(&vm, &s));          /* counted once */
	assert_int_equal(vm.running, 1);
}

static void test_last_stop_ends(void **unused)
{
	struct vm_life vm;
	enum vcpu_state s = VCPU_RUNNING;
	vm_life_init(&vm, 1);
	assert_true(vcpu_stop(&vm, &s));
	assert_true(vm_claim_end(&vm));
	assert_false(vm_claim_end(&vm));
}

static void test_suspend_resume(void **unused)
{
	struct vm_life vm;
	enum vcpu_state s = VCPU_RUNNING;
	vm_life_init(&vm, 1);
	assert_true(vcpu_suspend(&s));
	assert_false(vcpu_suspend(&s));
	assert_true(vcpu_is_live(&s));
	assert_true(vcpu_resume(&s));
	assert_false(vcpu_resume(&s));
	/* A suspended vcpu stopped by a teardown is stopped and counted down. */
	assert_true(vcpu_suspend(&s));
	assert_true(vcpu_stop(&vm, &s));
	assert_false(vcpu_is_live(&s));
}

static void test_retired_never_starts(void **unused)
{
	struct vm_life vm;
	enum vcpu_state s = VCPU_STOPPED;
	vm_life_init(&vm, 1);
	assert_true(vcpu_retire(&s));
	assert_int_equal(vcpu_claim_start(&vm, &s), START_VM_ENDING);
	assert_int_equal(vm.running, 1);
	assert_false(vcpu_begin_run(&vm, &s));
	assert_false(vcpu_stop(&vm, &s));
	assert_int_equal(s, VCPU_GONE);
}

/* Once the end is claimed a stopped vcpu stays stopped: the teardown's
 * stops are not undone by vcpus that still run. */
static void test_no_start_once_ending(void **unused)
{
	struct vm_life vm;
	enum vcpu_state s = VCPU_STOPPED;
	vm_life_init(&vm, 1);
	assert_true(vm_claim_end(&vm));
	assert_int_equal(vcpu_claim_start(&vm, &s), START_VM_ENDING);
	assert_int_equal(s, VCPU_STOPPED);
	assert_int_equal(vm.running, 1);
}

/* A start claimed before the end, whose REQ_RUN is served after it (a stale
 * one: another start may have been claimed and undone meanwhile), does not
 * enter the guest: the teardown may already count the vcpu as stopped. */
static void test_no_run_once_ending(void **unused)
{
	struct vm_life vm;
	enum vcpu_state s = VCPU_STOPPED;
	vm_life_init(&vm, 1);
	assert_int_equal(vcpu_claim_start(&vm, &s), START_CLAIMED);
	assert_true(vm_claim_end(&vm));
	assert_false(vcpu_begin_run(&vm, &s));
	assert_int_equal(s, VCPU_STOPPED);
	assert_int_equal(vm.running, 1);
	assert_int_equal(vm.late_starts, 1);
	assert_true(vcpu_retire(&s));
}

static void test_retire_needs_stopped(void **unused)
{
	struct vm_life vm;
	vm_life_init(&vm, 1);
	for (enum vcpu_state from = VCPU_START_PENDING; from <= VCPU_SUSPENDED; from++) {
		enum vcpu_state s = from;
		assert_false(vcpu_retire(&s));
		assert_int_equal(s, from);
	}
}

/* The race of the old bug: vcpus 0 and 2 keep starting vcpu 1 while a teardown
 * on a fourth hart ends the VM. Vcpu 1's hart serves start and stop requests as
 * hyp/hart.c does; a starter posts its REQ_RUN a little after its claim, so a
 * REQ_RUN can arrive stale, after its start was undone and another one claimed.
 * Whatever the interleaving, vcpu 1 is never in the guest when the teardown
 * retires it, never enters it after that, and the teardown finishes. */
struct race {
	struct vm_life vm;
	enum vcpu_state v1;
	unsigned run_asked;    /* the starter's REQ_RUN, posted after a claimed start */
	unsigned stop_asked;   /* the teardown's REQ_STOP to vcpu 1's hart */
	unsigned retired;      /* set by the teardown once vcpu 1 is GONE */
	unsigned done;
	unsigned entered_after_retire;
	unsigned in_guest;              /* vcpu 1 between begin_run and its own stop */
	unsigned retired_in_guest;
	unsigned runs, starts;
};

static void *vcpu1_hart(void *arg)
{
	struct race *r = arg;
	while (!__atomic_load_n(&r->done, __ATOMIC_SEQ_CST)) {
		if (__atomic_exchange_n(&r->stop_asked, 0, __ATOMIC_SEQ_CST))
			vcpu_stop(&r->vm, &r->v1);
		if (__atomic_exchange_n(&r->run_asked, 0, __ATOMIC_SEQ_CST) && vcpu_begin_run(&r->vm, &r->v1)) {
			/* In the guest now: the teardown must not have passed us. */
			if (__atomic_load_n(&r->retired, __ATOMIC_SEQ_CST))
				__atomic_add_fetch(&r->entered_after_retire, 1, __ATOMIC_SEQ_CST);
			__atomic_store_n(&r->in_guest, 1, __ATOMIC_SEQ_CST);
			__atomic_add_fetch(&r->runs, 1, __ATOMIC_SEQ_CST);
			sched_yield();
			__atomic_store_n(&r->in_guest, 0, __ATOMIC_SEQ_CST);
			vcpu_stop(&r->vm, &r->v1);  /* the guest's hart_stop */
		}
	}
	return NULL;
}

static void *vcpu0_starter(void *arg)
{
	struct race *r = arg;
	while (!__atomic_load_n(&r->done, __ATOMIC_SEQ_CST))
		if (vcpu_claim_start(&r->vm, &r->v1) == START_CLAIMED) {
			__atomic_add_fetch(&r->starts, 1, __ATOMIC_SEQ_CST);
			sched_yield();  /* writing the start registers */
			__atomic_store_n(&r->run_asked, 1, __ATOMIC_SEQ_CST);
		}
	return NULL;
}

static void *teardown(void *arg)
{
	struct race *r = arg;
	for (int i = 0; i < 2000; i++)
		sched_yield();
	assert_true(vm_claim_end(&r->vm));
	while (!vcpu_retire(&r->v1))
		__atomic_store_n(&r->stop_asked, 1, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&r->in_guest, __ATOMIC_SEQ_CST))
		__atomic_add_fetch(&r->retired_in_guest, 1, __ATOMIC_SEQ_CST);
	__atomic_store_n(&r->retired, 1, __ATOMIC_SEQ_CST);
	for (int i = 0; i < 2000; i++)  /* give a wrong model the chance to misbehave */
		sched_yield();
	__atomic_store_n(&r->done, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static void test_start_races_teardown(void **unused)
{
	unsigned total_runs = 0;
	for (int round = 0; round < 20; round++) {
		struct race r = { .v1 = VCPU_STOPPED };
		vm_life_init(&r.vm, 2);  /* vcpus 0 and 2 */
		pthread_t t[4];
		pthread_create(&t[0], NULL, vcpu1_hart, &r);
		pthread_create(&t[1], NULL, vcpu0_starter, &r);
		pthread_create(&t[2], NULL, vcpu0_starter, &r);
		pthread_create(&t[3], NULL, teardown, &r);
		for (int i = 0; i < 4; i++)
			pthread_join(t[i], NULL);
		assert_int_equal(r.entered_after_retire, 0);
		assert_int_equal(r.retired_in_guest, 0);
		assert_int_equal(r.v1, VCPU_GONE);
		assert_int_equal(r.vm.running, 2);  /* the starters only: every start counted down */
		assert_true(r.runs <= r.starts);
		total_runs += r.runs;
	}
	assert_true(total_runs > 0);  /* the race was really run */
}

/* Several vcpus stopping at once: exactly one sees itself last, once. */
struct stoppers {
	struct vm_life vm;
	enum vcpu_state s[8];
	unsigned lasts;
};

static void *stop_one(void *arg)
{
	struct stoppers *st = ((void **)arg)[0];
	enum vcpu_state *s = ((void **)arg)[1];
	if (vcpu_stop(&st->vm, s))
		__atomic_add_fetch(&st->lasts, 1, __ATOMIC_SEQ_CST);
	vcpu_stop(&st->vm, s);
	return NULL;
}

static void test_one_last_stop(void **unused)
{
	for (int round = 0; round < 50; round++) {
		struct stoppers st = { .lasts = 0 };
		vm_life_init(&st.vm, 8);
		pthread_t t[8];
		void *args[8][2];
		for (int i = 0; i < 8; i++) {
			st.s[i] = VCPU_RUNNING;
			args[i][0] = &st;
			args[i][1] = &st.s[i];
			pthread_create(&t[i], NULL, stop_one, args[i]);
		}
		for (int i = 0; i < 8; i++)
			pthread_join(t[i], NULL);
		assert_int_equal(st.lasts, 1);
		assert_int_equal(st.vm.running, 0);
	}
}

/* Several vcpus claiming the end of the VM at once: one wins. */
static void *claim(void *arg)
{
	struct stoppers *st = arg;
	if (vm_claim_end(&st->vm))
		__atomic_add_fetch(&st->lasts, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static void test_one_claims_end(void **unused)
{
	for (int round = 0; round < 50; round++) {
		struct stoppers st = { .lasts = 0 };
		vm_life_init(&st.vm, 4);
		pthread_t t[4];
		for (int i = 0; i < 4; i++)
			pthread_create(&t[i], NULL, claim, &st);
		for (int i = 0; i < 4; i++)
			pthread_join(t[i], NULL);
		assert_int_equal(st.lasts, 1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_start_run_stop),
		cmocka_unit_test(test_last_stop_ends),
		cmocka_unit_test(test_suspend_resume),
		cmocka_unit_test(test_retired_never_starts),
		cmocka_unit_test(test_no_start_once_ending),
		cmocka_unit_test(test_no_run_once_ending),
		cmocka_unit_test(test_retire_needs_stopped),
		cmocka_unit_test(test_start_races_teardown),
		cmocka_unit_test(test_one_last_stop),
		cmocka_unit_test(test_one_claims_end),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
