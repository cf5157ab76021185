/* Guest RAM from a fragmented allocator: gathered in pieces, scrubbed, mapped
 * piece by piece, read and written through the real gate (mm/guest_mem.c) across
 * a piece boundary, given back whole. The arena is real memory handed to palloc,
 * so an address is a pointer, as on the hypervisor with the MMU off. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "mm/guest_mem.h"
#include "mm/guest_ram.h"
#include "gstage_walk.h"

#define KiB 1024ull
#define MiB (1024 * KiB)
#define GPA 0x80000000ull
#define ARENA_SIZE (16 * MiB)

struct fixture {
	uint8_t *arena;
	struct palloc pa;
	struct gstage g;
	struct guest_mem m;
};

static uintptr_t at(const struct fixture *f, uint64_t off)
{
	return (uintptr_t)f->arena + off;
}

/* The arena with a 4 KiB hole at 6 MiB, then the G-stage root (16 KiB at the bottom). */
static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	f->arena = aligned_alloc(2 * MiB, ARENA_SIZE);
	if (!f->arena)
		return -1;
	memset(f->arena, 0xa5, ARENA_SIZE); /* an earlier VM's data, so a missing scrub shows */
	palloc_init(&f->pa);
	assert_int_equal(palloc_add(&f->pa, at(f, 0), ARENA_SIZE), 0);
	assert_int_equal(palloc_reserve(&f->pa, at(f, 6 * MiB), 4 * KiB), 0);
	assert_int_equal(gstage_init(&f->g, GSTAGE_SV39X4, &f->pa), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	free(f->arena);
	free(f);
	return 0;
}

/* 12 MiB: no free run holds it; the aligned 8 MiB above the hole, then 4 MiB below. */
static struct fixture *take_12m(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(guest_ram_take(&f->m, &f->pa, GPA, 12 * MiB), 0);
	return f;
}

static void take_gathers_scrubbed_pieces(void **state)
{
	struct fixture *f = take_12m(state);
	assert_int_equal(f->m.n_pieces, 2);
	assert_int_equal(f->m.size, 12 * MiB);
	assert_int_equal(f->m.gpa_base, GPA);
	assert_ptr_equal(f->m.piece[0].hva, f->arena + 8 * MiB);
	assert_int_equal(f->m.piece[0].size, 8 * MiB);
	assert_ptr_equal(f->m.piece[1].hva, f->arena + 2 * MiB);
	assert_int_equal(f->m.piece[1].size, 4 * MiB);
	for (unsigned i = 0; i < 2; i++)
		for (uint64_t b = 0; b < f->m.piece[i].size; b++)
			assert_int_equal(f->m.piece[i].hva[b], 0);
	assert_int_equal(f->arena[2 * MiB - 1], 0xa5); /* nothing outside the pieces */
}

static void map_puts_each_piece_at_its_gpa(void **state)
{
	struct fixture *f = take_12m(state);
	assert_int_equal(guest_ram_map(&f->m, &f->g, GSTAGE_RWX), 0);
	assert_int_equal(f->g.table_pages, 4 + 1); /* 2 MiB leaves only */
	const struct { uint64_t gpa; uintptr_t hpa; } want[] = {
		{ GPA, at(f, 8 * MiB) },
		{ GPA + 8 * MiB - 1, at(f, 16 * MiB - 1) },
		{ GPA + 8 * MiB, at(f, 2 * MiB) },
		{ GPA + 12 * MiB - 1, at(f, 6 * MiB - 1) },
	};
	for (unsigned i = 0; i < sizeof want / sizeof want[0]; i++) {
		uint64_t hpa;
		assert_int_equal(gstage_walk(&f->g, want[i].gpa, &hpa, NULL), 0);
		assert_int_equal(hpa, want[i].hpa);
	}
	assert_int_equal(gstage_walk(&f->g, GPA + 12 * MiB, NULL, NULL), -1);
}

static void gate_reads_and_writes_across_a_piece_boundary(void **state)
{
	struct fixture *f = take_12m(state);
	uint8_t out[16], in[16];
	for (unsigned i = 0; i < sizeof out; i++)
		out[i] = (uint8_t)(0x10 + i);
	uint64_t boundary = GPA + 8 * MiB;
	assert_int_equal(gmem_write(&f->m, boundary - 8, out, sizeof out), 0);
	assert_memory_equal(f->m.piece[0].hva + 8 * MiB - 8, out, 8);
	assert_memory_equal(f->m.piece[1].hva, out + 8, 8);
	assert_int_equal(gmem_read(&f->m, boundary - 8, in, sizeof in), 0);
	assert_memory_equal(in, out, sizeof in);
	/* in the second piece, past the first one's size */
	assert_int_equal(gmem_read(&f->m, GPA + 12 * MiB - 16, in, sizeof in), 0);
	/* past the end, also when it starts inside; and once closed, nothing */
	assert_int_equal(gmem_read(&f->m, GPA + 12 * MiB - 8, in, sizeof in), -1);
	assert_false(gmem_range_ok(&f->m, GPA + 12 * MiB, 1));
	gmem_close(&f->m);
	assert_int_equal(gmem_read(&f->m, boundary - 8, in, sizeof in), -1);
	assert_int_equal(gmem_write(&f->m, boundary - 8, out, sizeof out), -1);
}

/* Scattered 32-bit words (event_get_info's output words) across the boundary. */
static void gate_writes_strided_words_across_a_piece_boundary(void **state)
{
	struct fixture *f = take_12m(state);
	const uint32_t vals[4] = { 0x11111111, 0x22222222, 0x33333333, 0x44444444 };
	uint64_t boundary = GPA + 8 * MiB, start = boundary - 32 + 4;
	uint8_t before[64];
	memcpy(before, f->m.piece[0].hva + 8 * MiB - 32, 32);
	memcpy(before + 32, f->m.piece[1].hva, 32);
	assert_int_equal(gmem_write32s(&f->m, start, 16, vals, 4), 0);
	memcpy(before + 4, &vals[0], 4);
	memcpy(before + 20, &vals[1], 4);
	memcpy(before + 36, &vals[2], 4);
	memcpy(before + 52, &vals[3], 4);
	assert_memory_equal(f->m.piece[0].hva + 8 * MiB - 32, before, 32);
	assert_memory_equal(f->m.piece[1].hva, before + 32, 32);
	/* misaligned, no words, past the end, a span that wraps: refused */
	assert_int_equal(gmem_write32s(&f->m, start + 1, 16, vals, 4), -1);
	assert_int_equal(gmem_write32s(&f->m, start, 2, vals, 4), -1);
	assert_int_equal(gmem_write32s(&f->m, start, 16, vals, 0), -1);
	assert_int_equal(gmem_write32s(&f->m, GPA + 12 * MiB - 4, 16, vals, 2), -1);
	assert_int_equal(gmem_write32s(&f->m, GPA, 1ull << 62, vals, 4), -1);
	assert_int_equal(gmem_write32s(&f->m, GPA + 12 * MiB - 4, 16, vals, 1), 0);
	gmem_close(&f->m);
	assert_int_equal(gmem_write32s(&f->m, start, 16, vals, 4), -1);
}

static void give_back_returns_every_piece(void **state)
{
	struct fixture *f = *state;
	uint64_t before = palloc_free_bytes(&f->pa);
	int extents_before = f->pa.n;
	take_12m(state);
	assert_int_equal(guest_ram_map(&f->m, &f->g, GSTAGE_RWX), 0);
	gstage_destroy(&f->g); /* teardown step 5 before 6, as in hyp/teardown.c */
	guest_ram_give_back(&f->m, &f->pa);
	assert_int_equal(f->m.n_pieces, 0);
	assert_int_equal(palloc_free_bytes(&f->pa), before + 16 * KiB); /* and the root */
	assert_int_equal(f->pa.n, extents_before);
}

static void take_refuses_more_than_there_is(void **state)
{
	struct fixture *f = *state;
	uint64_t before = palloc_free_bytes(&f->pa);
	assert_int_equal(guest_ram_take(&f->m, &f->pa, GPA, ARENA_SIZE), -1);
	assert_int_equal(palloc_free_bytes(&f->pa), before);
}

/* Badly fragmented memory, pieces off 2 MiB alignment: what guest_ram_available
 * offers can still be taken and mapped, 4 KiB leaves and all. */
static void available_ram_can_be_taken_and_mapped(void **state)
{
	struct fixture *f = *state;
	for (uint64_t hole = 1 * MiB + 12 * KiB; hole < ARENA_SIZE; hole += 1 * MiB + 20 * KiB)
		assert_int_equal(palloc_reserve(&f->pa, at(f, hole), 4 * KiB), 0);
	uint64_t avail = guest_ram_available(&f->pa, &f->g);
	assert_int_equal(avail % MiB, 0);
	assert_true(avail >= 8 * MiB);
	assert_true(avail < palloc_free_bytes(&f->pa));
	assert_int_equal(guest_ram_take(&f->m, &f->pa, GPA, avail), 0);
	assert_true(f->m.n_pieces > 2);
	assert_int_equal(guest_ram_map(&f->m, &f->g, GSTAGE_RWX), 0);
	assert_true(f->g.table_pages > 4 + 1 + 1); /* some 4 KiB-leaf tables were needed */
	uint64_t gpa = GPA;
	for (unsigned i = 0; i < f->m.n_pieces; i++) {
		uint64_t hpa;
		assert_int_equal(gstage_walk(&f->g, gpa, &hpa, NULL), 0);
		assert_int_equal(hpa, (uintptr_t)f->m.piece[i].hva);
		gpa += f->m.piece[i].size;
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(take_gathers_scrubbed_pieces, setup, teardown),
		cmocka_unit_test_setup_teardown(map_puts_each_piece_at_its_gpa, setup, teardown),
		cmocka_unit_test_setup_teardown(gate_reads_and_writes_across_a_piece_boundary, setup, teardown),
		cmocka_unit_test_setup_teardown(gate_writes_strided_words_across_a_piece_boundary, setup, teardown),
		cmocka_unit_test_setup_teardown(give_back_returns_every_piece, setup, teardown),
		cmocka_unit_test_setup_teardown(take_refuses_more_than_there_is, setup, teardown),
		cmocka_unit_test_setup_teardown(available_ram_can_be_taken_and_mapped, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
