/* CRC-32 of IEEE 802.3 / zlib / gzip (reflected polynomial 0xedb88320, initial and
 * final value all ones): FIT's algo = "crc32", stored as one big-endian cell. */
#ifndef HYP_CRC32_H
#define HYP_CRC32_H
#include <stddef.h>
#include <stdint.h>

uint32_t crc32(const void *data, size_t len);

#endif
