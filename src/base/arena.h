/* arena.h - bump allocator: a phase's nodes live in one arena and are freed together */
#ifndef MESDB_ARENA_H
#define MESDB_ARENA_H

#include <stddef.h>

#include "xalloc.h"

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t total;           /* bytes handed out, for statistics */
};

#define ARENA_INIT { NULL, 0 }

/* arena_init allocates nothing. */
void arena_init(struct arena *a);
/* Zeroed memory aligned for any type, valid until arena_release(). */
void *arena_alloc(struct arena *a, size_t size);
/* Copy of n elements of size each (zeroed when src is NULL). */
void *arena_memdup(struct arena *a, const void *src, size_t size);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/* Free every block; the arena is empty and reusable afterwards. */
void arena_release(struct arena *a);

#define ARENA_NEW(a, type) ((type *)arena_alloc((a), sizeof(type)))
#define ARENA_NEW_ARRAY(a, type, n) ((type *)arena_alloc((a), xmul((n), sizeof(type))))

#endif
