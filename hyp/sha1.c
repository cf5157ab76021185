#include "hyp/sha1.h"
#include "hyp/md_hash.h"

#define ROL(x, n) ((x) << (n) | (x) >> (32 - (n)))

/* FIPS 180-4 6.1.2, with the 16-word circular schedule of 6.1.3. */
static void block(uint32_t *h, const uint8_t *p)
{
	uint32_t w[16], a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];

	for (int t = 0; t < 80; t++) {
		uint32_t f, k;
		if (t < 16)
			w[t] = md_be32(p + 4 * t);
		else
			w[t & 15] = ROL(w[(t - 3) & 15] ^ w[(t - 8) & 15] ^ w[(t - 14) & 15] ^ w[t & 15], 1);
		if (t < 20) {
			f = (b & c) | (~b & d);
			k = 0x5a827999;
		} else if (t < 40) {
			f = b ^ c ^ d;
			k = 0x6ed9eba1;
		} else if (t < 60) {
			f = (b & c) | (b & d) | (c & d);
			k = 0x8f1bbcdc;
		} else {
			f = b ^ c ^ d;
			k = 0xca62c1d6;
		}
		uint32_t tmp = ROL(a, 5) + f + e + k + w[t & 15];
		e = d; d = c; c = ROL(b, 30); b = a; a = tmp;
	}
	h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
}

void sha1(const void *data, size_t len, uint8_t digest[SHA1_DIGEST_SIZE])
{
	uint32_t h[5] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0 };
	md_hash(h, block, data, len);
	md_digest(h, 5, digest);
}
