/* sha256.h - SHA-256 digests (OpenSSL) as lowercase hex */
#ifndef MESDB_SHA256_H
#define MESDB_SHA256_H

#include <stddef.h>

#define SHA256_HEX_LEN 64

/* Write the 64-char lowercase hex digest of data plus a NUL into out[65]. */
void sha256_hex(const void *data, size_t len, char out[SHA256_HEX_LEN + 1]);

/* Incremental form, for files read in pieces. */
struct sha256_ctx;
struct sha256_ctx *sha256_begin(void);
void sha256_update(struct sha256_ctx *ctx, const void *data, size_t len);
/* Finish, write the hex digest and free ctx. */
void sha256_finish(struct sha256_ctx *ctx, char out[SHA256_HEX_LEN + 1]);

#endif
