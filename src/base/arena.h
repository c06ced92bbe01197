/* arena.h - bump allocator: a phase's nodes live in one arena and are freed together */
#ifndef MESDB_ARENA_H
#define MESDB_ARENA_H

#include <stdalign.h>
#include <stddef.h>

#include "xalloc.h"

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t total;           /* bytes handed out, for statistics */
	/*
	 * Free space of the current block: cur .. end. Aligned allocations are
	 * taken from its bottom (cur goes up), strings from its top (end goes
	 * down), so strings need no padding and nodes no realignment.
	 */
	unsigned char *cur;
	unsigned char *end;
	/*
	 * cur .. end has never been written since it came zeroed from the
	 * system (fresh pages): arena_alloc() need not clear it.
	 */
	int clean;
};

#define ARENA_INIT { NULL, 0, NULL, NULL, 0 }

/* arena_init allocates nothing. */
void arena_init(struct arena *a);
/* Zeroed memory aligned for any type, valid until arena_release(). */
void *arena_alloc(struct arena *a, size_t size);
/*
 * Like arena_alloc, but the memory is NOT zeroed: for arrays and strings the
 * caller writes completely before reading.
 */
static inline void *arena_alloc_uninit(struct arena *a, size_t size);
/*
 * size bytes with no alignment (for characters), not zeroed: strings are
 * packed without padding.
 */
static inline char *arena_alloc_bytes(struct arena *a, size_t size);
/* Copy of n elements of size each (zeroed when src is NULL). */
void *arena_memdup(struct arena *a, const void *src, size_t size);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/*
 * Expect about `bytes` more allocations: when they do not fit in the current
 * block, start a block of at least that size now. One big block (of huge
 * pages, see xzalloc()) instead of a chain of growing ones touches fewer
 * pages; a rough estimate is enough, what does not fit goes on as usual.
 */
void arena_expect(struct arena *a, size_t bytes);
/* Free every block; the arena is empty and reusable afterwards. */
void arena_release(struct arena *a);

#define ARENA_NEW(a, type) ((type *)arena_alloc((a), sizeof(type)))
#define ARENA_NEW_ARRAY(a, type, n) ((type *)arena_alloc((a), xmul((n), sizeof(type))))
#define ARENA_NEW_ARRAY_UNINIT(a, type, n) ((type *)arena_alloc_uninit((a), xmul((n), sizeof(type))))

/* ---- the inline fast path (internals) ---- */

#define ARENA_ALIGN (alignof(max_align_t))

/* size rounded up to ARENA_ALIGN (at least ARENA_ALIGN) */
static inline size_t arena_round(size_t size)
{
	size_t need = (size + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
	return need ? need : ARENA_ALIGN;
}

/* need bytes from a new block; zeroed when zero is set; from its top when bytes is set */
void *arena_alloc_slow(struct arena *a, size_t need, int zero, int bytes);

static inline void *arena_alloc_uninit(struct arena *a, size_t size)
{
	size_t need = arena_round(size);

	if ((size_t)(a->end - a->cur) >= need) {
		void *p = a->cur;
		a->cur += need;
		a->total += need;
		return p;
	}
	return arena_alloc_slow(a, need, 0, 0);
}

static inline char *arena_alloc_bytes(struct arena *a, size_t size)
{
	if ((size_t)(a->end - a->cur) >= size) {
		a->end -= size;
		a->total += size;
		return (char *)a->end;
	}
	return arena_alloc_slow(a, size ? size : 1, 0, 1);
}

#endif
