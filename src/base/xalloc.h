/* xalloc.h - allocation that never returns NULL: out of memory aborts through a handler */
#ifndef MESDB_XALLOC_H
#define MESDB_XALLOC_H

#include <stddef.h>

/* Called when an allocation of `size` bytes fails; must not return. */
typedef void (*xalloc_oom_fn)(size_t size);
void xalloc_set_oom_handler(xalloc_oom_fn fn);

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
/*
 * Zeroed memory for big tables and arena blocks: a large request is fresh
 * pages from the system, so nothing is cleared by hand. Free with xzfree()
 * (NULL is fine), never with free().
 */
void *xzalloc(size_t size);
void xzfree(void *p);
/* xzalloc, telling in *got how many bytes it really provides (at least size: whole huge pages). */
void *xzalloc_got(size_t size, size_t *got);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* nmemb * size, aborting on overflow */
size_t xmul(size_t nmemb, size_t size);

/*
 * ALLOC_GROW(ptr, nr, alloc): make sure ptr has room for nr elements,
 * growing alloc geometrically (git's ALLOC_GROW).
 */
#define ALLOC_GROW(ptr, nr, alloc)                                              \
	do {                                                                    \
		if ((size_t)(nr) > (size_t)(alloc)) {                           \
			size_t alloc_grow_n_ = ((size_t)(alloc) + 16) * 3 / 2;  \
			if (alloc_grow_n_ < (size_t)(nr))                       \
				alloc_grow_n_ = (size_t)(nr);                   \
			(alloc) = alloc_grow_n_;                                \
			(ptr) = xrealloc((ptr), xmul((alloc), sizeof(*(ptr)))); \
		}                                                               \
	} while (0)

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Broken invariant: file:line and abort. Never for bad input. */
void mesdb_bug(const char *file, int line, const char *msg);
#define MESDB_BUG(msg) mesdb_bug(__FILE__, __LINE__, (msg))

#endif
