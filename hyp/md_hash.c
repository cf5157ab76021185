#include "hyp/md_hash.h"
#include <string.h>

void md_hash(uint32_t *state, md_block_fn *block, const void *data, size_t len)
{
	const uint8_t *p = data;
	uint8_t tail[128] = { 0 };
	size_t full = len & ~(size_t)63, rest = len - full;

	for (size_t off = 0; off < full; off += 64)
		block(state, p + off);
	memcpy(tail, p + full, rest);
	tail[rest] = 0x80;
	/* The 8 length bytes must fit after the 0x80: else one more block. */
	size_t n = rest < 56 ? 64 : 128;
	uint64_t bits = (uint64_t)len * 8;
	for (int i = 0; i < 8; i++)
		tail[n - 1 - i] = (uint8_t)(bits >> (8 * i));
	for (size_t off = 0; off < n; off += 64)
		block(state, tail + off);
}

void md_digest(const uint32_t *state, unsigned words, uint8_t *digest)
{
	for (unsigned i = 0; i < words; i++)
		for (unsigned j = 0; j < 4; j++)
			digest[4 * i + j] = (uint8_t)(state[i] >> (24 - 8 * j));
}
