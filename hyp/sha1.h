/* SHA-1 (FIPS 180-4), one call over a whole buffer: FIT images carry it as a
 * hash-N node with algo = "sha1" (older mkimage .its files use it). */
#ifndef HYP_SHA1_H
#define HYP_SHA1_H
#include <stddef.h>
#include <stdint.h>

#define SHA1_DIGEST_SIZE 20

void sha1(const void *data, size_t len, uint8_t digest[SHA1_DIGEST_SIZE]);

#endif
