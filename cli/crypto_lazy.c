/* crypto_lazy.c - libcrypto loaded on first use, so commands that hash nothing start without it */
/*
 * The mesdb executable links these definitions of the OpenSSL functions
 * that src/base/sha256.c calls; the linker (--as-needed) then leaves
 * libcrypto out of the start-up of `validate`, `format` and the other
 * commands that never checksum a migration or a backup, and the dynamic
 * loader no longer relocates its thousands of symbols on every run. The
 * first call loads libcrypto.so.3 and resolves each function once.
 * tests/cli/test_schema_cmds.sh checks that the executable does not list
 * libcrypto as needed, so a function missing here cannot go unnoticed.
 */
#include "lazy.h"

#include <openssl/evp.h>

static struct lazy_lib crypto = { "libcrypto.so.3", "the OpenSSL crypto library", "libssl3", 1, NULL };

#define CRYPTO_FN(...) LAZY_FN(crypto, __VA_ARGS__)
#define CRYPTO_VOID(...) LAZY_VOID(crypto, __VA_ARGS__)

CRYPTO_FN(EVP_MD_CTX *, EVP_MD_CTX_new, (void), ())
CRYPTO_VOID(EVP_MD_CTX_free, (EVP_MD_CTX *c), (c))
CRYPTO_FN(const EVP_MD *, EVP_sha256, (void), ())
CRYPTO_FN(EVP_MD *, EVP_MD_fetch, (OSSL_LIB_CTX *x, const char *a, const char *p), (x, a, p))
CRYPTO_FN(int, EVP_DigestInit_ex, (EVP_MD_CTX *c, const EVP_MD *t, ENGINE *e), (c, t, e))
CRYPTO_FN(int, EVP_DigestUpdate, (EVP_MD_CTX *c, const void *d, size_t n), (c, d, n))
CRYPTO_FN(int, EVP_DigestFinal_ex, (EVP_MD_CTX *c, unsigned char *md, unsigned int *n), (c, md, n))
