/* xalloc.c - allocation wrappers that abort through a replaceable out-of-memory handler */
#include "xalloc.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#if defined(__SANITIZE_ADDRESS__)
#define XZ_NO_MMAP 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define XZ_NO_MMAP 1
#endif
#endif

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

/*
 * xzalloc: below XZ_MMAP_MIN from calloc; above it, fresh anonymous pages,
 * which are zero without being written (calloc would clear memory it
 * recycles, and its mmap threshold moves). A header keeps size and origin.
 * From XZ_HUGE_MIN on, the mapping is rounded up to whole 2 MiB pages,
 * aligned to them and offered to the kernel as transparent huge pages
 * (MADV_HUGEPAGE): one page fault then maps 2 MiB instead of 4 KiB, and a
 * big schema's arenas and tables cost a handful of faults instead of
 * thousands. Where the kernel has no huge page at hand it maps small ones,
 * as for any mapping. Sanitizer builds always use calloc, so the checks
 * cover these blocks too.
 */
#define XZ_MMAP_MIN (128 * 1024)
#define XZ_HUGE (2 * 1024 * 1024)
#define XZ_HUGE_MIN (XZ_HUGE / 2)

union xz_head {
	struct {
		size_t size;        /* total, header included */
		size_t mapped;      /* bytes mapped (munmap), 0 from calloc */
	} h;
	max_align_t align;
};

#ifndef XZ_NO_MMAP
/* total bytes (a multiple of XZ_HUGE), aligned to XZ_HUGE, as huge pages when possible */
static void *huge_map(size_t total)
{
	size_t span = total + XZ_HUGE;
	unsigned char *p, *a;

	if (span < total)
		return NULL;
	p = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	a = (unsigned char *)(((uintptr_t)p + XZ_HUGE - 1) & ~(uintptr_t)(XZ_HUGE - 1));
	if (a > p)
		munmap(p, (size_t)(a - p));
	if (a + total < p + span)
		munmap(a + total, (size_t)(p + span - (a + total)));
#ifdef MADV_HUGEPAGE
	/* advice only: without THP (or with it off) these are ordinary pages */
	madvise(a, total, MADV_HUGEPAGE);
#endif
	return a;
}
#endif

void *xzalloc_got(size_t size, size_t *got)
{
	size_t total = size + sizeof(union xz_head);
	union xz_head *hd = NULL;

	if (total < size)
		oom(SIZE_MAX);
#ifndef XZ_NO_MMAP
	if (total >= XZ_HUGE_MIN) {
		size_t mapped = (total + XZ_HUGE - 1) & ~(size_t)(XZ_HUGE - 1);
		if (mapped >= total && (hd = huge_map(mapped)) != NULL) {
			hd->h.mapped = mapped;
			total = mapped;
		}
	} else if (total >= XZ_MMAP_MIN) {
		void *p = mmap(NULL, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p != MAP_FAILED) {
			hd = p;
			hd->h.mapped = total;
		}
	}
#endif
	if (!hd) {
		hd = xcalloc(1, total);
		hd->h.mapped = 0;
	}
	hd->h.size = total;
	if (got)
		*got = total - sizeof(union xz_head);
	return hd + 1;
}

void *xzalloc(size_t size)
{
	return xzalloc_got(size, NULL);
}

void xzfree(void *p)
{
	union xz_head *hd;

	if (!p)
		return;
	hd = (union xz_head *)p - 1;
	if (hd->h.mapped)
		munmap(hd, hd->h.mapped);
	else
		free(hd);
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
