/* strbuf.c - growable strings; all SQL, scripts and messages are built with these */
#include "strbuf.h"
#include "bytes.h"
#include "xalloc.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char strbuf_slopbuf[1];

void strbuf_init(struct strbuf *sb, size_t hint)
{
	sb->alloc = sb->len = 0;
	sb->buf = strbuf_slopbuf;
	if (hint)
		strbuf_grow(sb, hint);
}

void strbuf_release(struct strbuf *sb)
{
	if (sb->alloc)
		free(sb->buf);
	strbuf_init(sb, 0);
}

char *strbuf_detach(struct strbuf *sb, size_t *len)
{
	char *res;
	strbuf_grow(sb, 0);
	res = sb->buf;
	if (len)
		*len = sb->len;
	strbuf_init(sb, 0);
	return res;
}

void strbuf_grow(struct strbuf *sb, size_t extra)
{
	bool fresh = sb->alloc == 0;
	if (sb->len + extra + 1 <= sb->len)
		MESDB_BUG("strbuf size overflow");
	if (fresh)
		sb->buf = NULL;
	ALLOC_GROW(sb->buf, sb->len + extra + 1, sb->alloc);
	if (fresh)
		sb->buf[0] = '\0';
}

void strbuf_setlen(struct strbuf *sb, size_t len)
{
	if (len > (sb->alloc ? sb->alloc - 1 : 0))
		MESDB_BUG("strbuf_setlen beyond buffer");
	sb->len = len;
	if (sb->buf != strbuf_slopbuf)
		sb->buf[len] = '\0';
}

/* Room for extra more bytes and the NUL: no call to strbuf_grow() when there is. */
static inline void strbuf_need(struct strbuf *sb, size_t extra)
{
	if (sb->alloc - sb->len <= extra)
		strbuf_grow(sb, extra);
}

void strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	strbuf_need(sb, len);
	bytes_copy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void strbuf_addstr(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void strbuf_addch(struct strbuf *sb, int c)
{
	strbuf_need(sb, 1);
	sb->buf[sb->len++] = (char)c;
	sb->buf[sb->len] = '\0';
}

void strbuf_addchars(struct strbuf *sb, int c, size_t n)
{
	strbuf_need(sb, n);
	memset(sb->buf + sb->len, c, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void strbuf_addbuf(struct strbuf *sb, const struct strbuf *other)
{
	strbuf_add(sb, other->buf, other->len);
}

void strbuf_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(sb->buf + sb->len, sb->alloc ? sb->alloc - sb->len : 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		MESDB_BUG("vsnprintf failed");
	if ((size_t)n >= (sb->alloc ? sb->alloc - sb->len : 0)) {
		strbuf_grow(sb, (size_t)n);
		n = vsnprintf(sb->buf + sb->len, sb->alloc - sb->len, fmt, ap);
	}
	sb->len += (size_t)n;
}

void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
}

void strbuf_insert(struct strbuf *sb, size_t pos, const void *data, size_t len)
{
	if (pos > sb->len)
		MESDB_BUG("strbuf_insert beyond end");
	strbuf_grow(sb, len);
	memmove(sb->buf + pos + len, sb->buf + pos, sb->len - pos);
	memcpy(sb->buf + pos, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void strbuf_remove(struct strbuf *sb, size_t pos, size_t len)
{
	if (pos + len > sb->len)
		MESDB_BUG("strbuf_remove beyond end");
	memmove(sb->buf + pos, sb->buf + pos + len, sb->len - pos - len);
	strbuf_setlen(sb, sb->len - len);
}

void strbuf_rtrim(struct strbuf *sb)
{
	size_t n = sb->len;
	while (n && isspace((unsigned char)sb->buf[n - 1]))
		n--;
	if (n != sb->len)
		strbuf_setlen(sb, n);
}

void strbuf_ltrim(struct strbuf *sb)
{
	size_t n = 0;
	while (n < sb->len && isspace((unsigned char)sb->buf[n]))
		n++;
	if (n)
		strbuf_remove(sb, 0, n);
}

void strbuf_trim(struct strbuf *sb)
{
	strbuf_rtrim(sb);
	strbuf_ltrim(sb);
}

bool strbuf_ends_with(const struct strbuf *sb, const char *suffix)
{
	size_t n = strlen(suffix);
	return n <= sb->len && memcmp(sb->buf + sb->len - n, suffix, n) == 0;
}
