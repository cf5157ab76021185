/* SHA-256 (FIPS 180-4), one call over a whole buffer: FIT images carry it as a
 * hash-N node with algo = "sha256". */
#ifndef HYP_SHA256_H
#define HYP_SHA256_H
#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_SIZE 32

void sha256(const void *data, size_t len, uint8_t digest[SHA256_DIGEST_SIZE]);

#endif
