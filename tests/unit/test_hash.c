/* hyp/sha256.c, hyp/sha1.c, hyp/crc32.c: published test vectors (FIPS 180-4
 * examples, the CRC-32 check value), every length across the padding edges, and
 * prefixes of a real file against sha256sum, sha1sum and gzip (tests/unit/hash.mk). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "hyp/crc32.h"
#include "hyp/sha1.h"
#include "hyp/sha256.h"

static void hex(const uint8_t *d, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", d[i]);
}

static void check_sha256(const void *data, size_t len, const char *want)
{
	uint8_t d[SHA256_DIGEST_SIZE];
	char got[2 * SHA256_DIGEST_SIZE + 1];
	sha256(data, len, d);
	hex(d, sizeof(d), got);
	assert_string_equal(got, want);
}

static void check_sha1(const void *data, size_t len, const char *want)
{
	uint8_t d[SHA1_DIGEST_SIZE];
	char got[2 * SHA1_DIGEST_SIZE + 1];
	sha1(data, len, d);
	hex(d, sizeof(d), got);
	assert_string_equal(got, want);
}

static const char abc448[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";

static char *million_a(void)
{
	char *m = malloc(1000000);
	assert_non_null(m);
	memset(m, 'a', 1000000);
	return m;
}

static void sha256_vectors(void **s)
{
	check_sha256("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	check_sha256("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	check_sha256(abc448, strlen(abc448), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	char *m = million_a();
	check_sha256(m, 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(m);
}

static void sha1_vectors(void **s)
{
	check_sha1("", 0, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
	check_sha1("abc", 3, "a9993e364706816aba3e25717850c26c9cd0d89d");
	check_sha1(abc448, strlen(abc448), "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
	char *m = million_a();
	check_sha1(m, 1000000, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
	free(m);
}

static void crc32_vectors(void **s)
{
	assert_int_equal(crc32("", 0), 0);
	assert_int_equal(crc32("123456789", 9), 0xcbf43926u);  /* the CRC-32 check value */
	assert_int_equal(crc32("The quick brown fox jumps over the lazy dog", 43), 0x414fa339u);
}

/* The nibble table against the bitwise definition, over every length to 300. */
static uint32_t crc32_bitwise(const uint8_t *p, size_t n)
{
	uint32_t c = 0xffffffffu;
	while (n--) {
		c ^= *p++;
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xedb88320u & -(c & 1));
	}
	return ~c;
}

static void crc32_every_length(void **s)
{
	uint8_t buf[300];
	for (unsigned i = 0; i < sizeof(buf); i++)
		buf[i] = (uint8_t)(i * 131 + 7);
	for (size_t n = 0; n <= sizeof(buf); n++)
		assert_int_equal(crc32(buf, n), crc32_bitwise(buf, n));
}

struct file_ref {
	long len;
	const char *sha256, *sha1;
	uint32_t crc32;
};

static const struct file_ref refs[] = {
#include "hash_refs.h"
};

static void real_file_against_tools(void **s)
{
	FILE *f = fopen(HASH_REF_FILE, "rb");
	assert_non_null(f);
	static uint8_t buf[1 << 20];
	size_t size = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	assert_true(size > 1000 && size < sizeof(buf));
	for (size_t i = 0; i < sizeof(refs) / sizeof(refs[0]); i++) {
		assert_true(refs[i].len > 0 && (size_t)refs[i].len <= size);
		check_sha256(buf, (size_t)refs[i].len, refs[i].sha256);
		check_sha1(buf, (size_t)refs[i].len, refs[i].sha1);
		assert_int_equal(crc32(buf, (size_t)refs[i].len), refs[i].crc32);
	}
	assert_int_equal(refs[sizeof(refs) / sizeof(refs[0]) - 1].len, (long)size);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sha256_vectors),
		cmocka_unit_test(sha1_vectors),
		cmocka_unit_test(crc32_vectors),
		cmocka_unit_test(crc32_every_length),
		cmocka_unit_test(real_file_against_tools),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
