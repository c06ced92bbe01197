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
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

#include <openssl/evp.h>

static void *crypto_sym(const char *name)
{
	static void *lib;
	void *f;

	if (!lib && !(lib = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL))) {
		fprintf(stderr, "mesdb: error: cannot load the OpenSSL crypto library: %s\n"
				"hint: install it (Debian: apt-get install libssl3)\n", dlerror());
		exit(1);
	}
	if (!(f = dlsym(lib, name))) {
		fprintf(stderr, "mesdb: error: the OpenSSL crypto library has no %s (too old?)\n",
			name);
		exit(1);
	}
	return f;
}

#define CRYPTO_FN(ret, name, params, args)                      \
	ret name params                                         \
	{                                                       \
		static ret(*fn) params;                         \
		if (!fn)                                        \
			*(void **)&fn = crypto_sym(#name);      \
		return fn args;                                 \
	}
#define CRYPTO_VOID(name, params, args)                         \
	void name params                                        \
	{                                                       \
		static void(*fn) params;                        \
		if (!fn)                                        \
			*(void **)&fn = crypto_sym(#name);      \
		fn args;                                        \
	}

CRYPTO_FN(EVP_MD_CTX *, EVP_MD_CTX_new, (void), ())
CRYPTO_VOID(EVP_MD_CTX_free, (EVP_MD_CTX *c), (c))
CRYPTO_FN(const EVP_MD *, EVP_sha256, (void), ())
CRYPTO_FN(EVP_MD *, EVP_MD_fetch, (OSSL_LIB_CTX *x, const char *a, const char *p), (x, a, p))
CRYPTO_FN(int, EVP_DigestInit_ex, (EVP_MD_CTX *c, const EVP_MD *t, ENGINE *e), (c, t, e))
CRYPTO_FN(int, EVP_DigestUpdate, (EVP_MD_CTX *c, const void *d, size_t n), (c, d, n))
CRYPTO_FN(int, EVP_DigestFinal_ex, (EVP_MD_CTX *c, unsigned char *md, unsigned int *n), (c, md, n))
