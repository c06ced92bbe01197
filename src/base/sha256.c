/* sha256.c - SHA-256 through OpenSSL's EVP interface */
#include "sha256.h"
#include "xalloc.h"

#include <openssl/evp.h>
#include <pthread.h>
#include <stdlib.h>

struct sha256_ctx {
	EVP_MD_CTX *md;
};

/*
 * OpenSSL 3 looks the algorithm up (providers, name maps, a lock) on every
 * EVP_DigestInit_ex() with EVP_sha256(); fetched once, a long migration
 * history's checksums cost the hashing alone.
 */
static const EVP_MD *sha256_md;
static pthread_once_t sha256_once = PTHREAD_ONCE_INIT;

static void sha256_fetch(void)
{
	EVP_MD *md = EVP_MD_fetch(NULL, "SHA256", NULL);
	sha256_md = md ? md : EVP_sha256();
}

struct sha256_ctx *sha256_begin(void)
{
	struct sha256_ctx *ctx = xmalloc(sizeof(*ctx));
	pthread_once(&sha256_once, sha256_fetch);
	ctx->md = EVP_MD_CTX_new();
	if (!ctx->md || EVP_DigestInit_ex(ctx->md, sha256_md, NULL) != 1)
		MESDB_BUG("EVP_DigestInit_ex(sha256) failed");
	return ctx;
}

void sha256_update(struct sha256_ctx *ctx, const void *data, size_t len)
{
	if (len && EVP_DigestUpdate(ctx->md, data, len) != 1)
		MESDB_BUG("EVP_DigestUpdate failed");
}

void sha256_finish(struct sha256_ctx *ctx, char out[SHA256_HEX_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;

	if (EVP_DigestFinal_ex(ctx->md, md, &n) != 1 || n != 32)
		MESDB_BUG("EVP_DigestFinal_ex failed");
	for (i = 0; i < n; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[2 * n] = '\0';
	EVP_MD_CTX_free(ctx->md);
	free(ctx);
}

void sha256_hex(const void *data, size_t len, char out[SHA256_HEX_LEN + 1])
{
	struct sha256_ctx *ctx = sha256_begin();
	sha256_update(ctx, data, len);
	sha256_finish(ctx, out);
}
