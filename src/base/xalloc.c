/* xalloc.c - allocation wrappers that abort through a replaceable out-of-memory handler */
#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void default_oom(size_t size)
{
	/* The library never prints; abort() leaves a core with the size on the stack. */
	(void)size;
	abort();
}

static xalloc_oom_fn oom_handler = default_oom;

void xalloc_set_oom_handler(xalloc_oom_fn fn)
{
	oom_handler = fn ? fn : default_oom;
}

static void oom(size_t size)
{
	oom_handler(size);
	abort(); /* a handler must not return */
}

size_t xmul(size_t nmemb, size_t size)
{
	if (size && nmemb > SIZE_MAX / size)
		oom(SIZE_MAX);
	return nmemb * size;
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		oom(size);
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
	if (!p)
		oom(xmul(nmemb, size));
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		oom(size);
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void mesdb_bug(const char *file, int line, const char *msg)
{
	/* A broken invariant is a programming error: say where, then abort. */
	fprintf(stderr, "mesdb: BUG: %s:%d: %s\n", file, line, msg);
	abort();
}
