/* lazy.h - functions of a shared library resolved on their first call (pq_lazy.c, crypto_lazy.c) */
#ifndef MESDB_CLI_LAZY_H
#define MESDB_CLI_LAZY_H

/*
 * A library the executable does not list as needed: the first call of one
 * of its functions loads it (dlopen) and each function is looked up once.
 * When that fails the command cannot go on: a message naming the library
 * and the Debian package to install, and exit(exit_code).
 */
struct lazy_lib {
	const char *soname;       /* "libpq.so.5" */
	const char *what;         /* "the PostgreSQL client library" */
	const char *package;      /* "libpq5" */
	int exit_code;
	void *handle;             /* dlopen()'s, once loaded */
};

void *lazy_sym(struct lazy_lib *lib, const char *name);

/* Define `ret name params` as a call of the library's own function. */
#define LAZY_FN(lib, ret, name, params, args)                   \
	ret name params                                         \
	{                                                       \
		static ret(*fn) params;                         \
		if (!fn)                                        \
			*(void **)&fn = lazy_sym(&(lib), #name); \
		return fn args;                                 \
	}
#define LAZY_VOID(lib, name, params, args)                      \
	void name params                                        \
	{                                                       \
		static void(*fn) params;                        \
		if (!fn)                                        \
			*(void **)&fn = lazy_sym(&(lib), #name); \
		fn args;                                        \
	}

#endif
