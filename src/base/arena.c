/* arena.c - bump allocator in chained blocks; never frees a single node */
#include "arena.h"
#include "bytes.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Blocks grow geometrically from ARENA_BLOCK_MIN to ARENA_BLOCK_MAX, so a
 * big schema needs a few dozen mallocs, not thousands. From ARENA_BLOCK_HUGE
 * on, a block is whole 2 MiB huge pages from xzalloc() (it rounds the size
 * up; the block uses all of it): one page fault per 2 MiB instead of one per
 * 4 KiB, which is most of what a big schema costs beyond the parsing itself.
 * An allocation larger than a quarter of the next block size gets a block
 * of its own (behind the current one, which stays in use); when it must be
 * zeroed, or is big, it comes from xzalloc() too.
 *
 * arena_alloc_uninit()'s fast path (arena.h) bumps a->cur up, and
 * arena_alloc_bytes()'s a->end down; the current block is always a->head.
 */
#define ARENA_BLOCK_MIN (64 * 1024)
#define ARENA_BLOCK_HUGE (1024 * 1024)
/* one huge page, less the block's and xzalloc()'s headers */
#define ARENA_BLOCK_MAX (2 * 1024 * 1024 - 256)

struct arena_block {
	struct arena_block *next;
	size_t size;
	int zalloc;                 /* from xzalloc() (free with xzfree()), else xmalloc() */
	alignas(max_align_t) unsigned char data[];
};

void arena_init(struct arena *a)
{
	a->head = NULL;
	a->total = 0;
	a->cur = NULL;
	a->end = NULL;
	a->clean = 0;
}

/* A new current block of at least bsize bytes. */
static struct arena_block *new_block(struct arena *a, size_t bsize)
{
	struct arena_block *nb;

	if (bsize >= ARENA_BLOCK_HUGE) {
		size_t got;
		nb = xzalloc_got(sizeof(*nb) + bsize, &got);
		nb->size = got - sizeof(*nb);
		nb->zalloc = 1;
	} else {
		nb = xmalloc(sizeof(*nb) + bsize);
		nb->size = bsize;
		nb->zalloc = 0;
	}
	nb->next = a->head;
	a->head = nb;
	a->cur = nb->data;
	a->end = nb->data + nb->size;
	a->clean = nb->zalloc;
	return nb;
}

void *arena_alloc_slow(struct arena *a, size_t need, int zero, int bytes)
{
	struct arena_block *b = a->head, *nb;
	size_t bsize = ARENA_BLOCK_MIN;

	a->total += need;
	if (b && b->size >= ARENA_BLOCK_MIN)
		bsize = b->size < ARENA_BLOCK_MAX / 2 ? b->size * 2 : ARENA_BLOCK_MAX;
	if (need > bsize / 4) {
		/* a big one-off: its own block, the current block stays in front */
		int z = zero || need >= ARENA_BLOCK_HUGE;
		nb = z ? xzalloc(sizeof(*nb) + need) : xmalloc(sizeof(*nb) + need);
		nb->size = need;
		nb->zalloc = z;
		if (b) {
			nb->next = b->next;
			b->next = nb;
		} else {
			nb->next = NULL;
			a->head = nb;
		}
		return nb->data;
	}
	nb = new_block(a, bsize);
	if (bytes) {
		a->end -= need;
		return a->end;
	}
	a->cur += need;
	if (zero && !a->clean)
		memset(nb->data, 0, need);
	return nb->data;
}

void arena_expect(struct arena *a, size_t bytes)
{
	if ((size_t)(a->end - a->cur) >= bytes || bytes < ARENA_BLOCK_MIN)
		return;
	new_block(a, bytes);
}

void *arena_alloc(struct arena *a, size_t size)
{
	size_t need = arena_round(size);

	if ((size_t)(a->end - a->cur) >= need) {
		void *p = a->cur;
		a->cur += need;
		a->total += need;
		if (!a->clean)
			memset(p, 0, size);
		return p;
	}
	return arena_alloc_slow(a, need, 1, 0);
}

void *arena_memdup(struct arena *a, const void *src, size_t size)
{
	if (!src)
		return arena_alloc(a, size);
	void *p = arena_alloc_uninit(a, size);
	if (size)
		memcpy(p, src, size);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc_bytes(a, n + 1);
	bytes_copy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		MESDB_BUG("vsnprintf failed");
	p = arena_alloc_bytes(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void arena_release(struct arena *a)
{
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		if (b->zalloc)
			xzfree(b);
		else
			free(b);
		b = next;
	}
	arena_init(a);
}
