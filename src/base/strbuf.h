/* strbuf.h - growable NUL-terminated byte strings (git's strbuf invariants) */
#ifndef MESDB_STRBUF_H
#define MESDB_STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/*
 * buf is never NULL: it points at a static "" until something is added, and
 * is always NUL-terminated at buf[len]. strbuf_detach() hands the buffer to
 * the caller (who frees it) and leaves the strbuf empty.
 */
struct strbuf {
	size_t alloc;
	size_t len;
	char *buf;
};

extern char strbuf_slopbuf[];
#define STRBUF_INIT { 0, 0, strbuf_slopbuf }

void strbuf_init(struct strbuf *sb, size_t hint);
void strbuf_release(struct strbuf *sb);
char *strbuf_detach(struct strbuf *sb, size_t *len);
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_setlen(struct strbuf *sb, size_t len);
static inline void strbuf_reset(struct strbuf *sb) { strbuf_setlen(sb, 0); }

void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, int c);
void strbuf_addchars(struct strbuf *sb, int c, size_t n);
void strbuf_addbuf(struct strbuf *sb, const struct strbuf *other);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 0)))
#endif
	;
void strbuf_insert(struct strbuf *sb, size_t pos, const void *data, size_t len);
void strbuf_remove(struct strbuf *sb, size_t pos, size_t len);
/* Remove trailing / leading ASCII white space. */
void strbuf_rtrim(struct strbuf *sb);
void strbuf_ltrim(struct strbuf *sb);
void strbuf_trim(struct strbuf *sb);
bool strbuf_ends_with(const struct strbuf *sb, const char *suffix);

#endif
