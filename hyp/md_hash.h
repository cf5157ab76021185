/* What SHA-1 and SHA-256 share (FIPS 180-4): 64-byte blocks of big-endian words,
 * padded with 0x80, zeros and the message length in bits (5.1.1), and a digest
 * that is the state words written big-endian. */
#ifndef HYP_MD_HASH_H
#define HYP_MD_HASH_H
#include <stddef.h>
#include <stdint.h>

typedef void md_block_fn(uint32_t *state, const uint8_t block[64]);

/* Runs `block` over data and its padding, updating state. */
void md_hash(uint32_t *state, md_block_fn *block, const void *data, size_t len);
/* The first `words` state words as a big-endian digest. */
void md_digest(const uint32_t *state, unsigned words, uint8_t *digest);

static inline uint32_t md_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

#endif
