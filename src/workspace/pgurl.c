/* pgurl.c - split and rebuild postgresql:// URLs */
#include "base/bytes.h"
#include "workspace/pgurl.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

void pg_url_parts_release(struct pg_url_parts *p)
{
	free(p->user);
	free(p->password);
	free(p->host);
	free(p->port);
	free(p->database);
	free(p->query);
	memset(p, 0, sizeof(*p));
}

static char *decode(const char *s, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n && hex_digit_value((unsigned char)s[i + 1]) >= 0 &&
		    hex_digit_value((unsigned char)s[i + 2]) >= 0) {
			strbuf_addch(&sb, hex_digit_value((unsigned char)s[i + 1]) * 16 +
					  hex_digit_value((unsigned char)s[i + 2]));
			i += 2;
		} else {
			strbuf_addch(&sb, s[i]);
		}
	}
	strbuf_addstr(&sb, "");
	return strbuf_detach(&sb, NULL);
}

int pg_url_split(const char *url, struct pg_url_parts *out, struct mesdb_err *err)
{
	const char *p, *end, *at, *slash, *q, *colon;

	memset(out, 0, sizeof(*out));
	if (!strncmp(url, "postgresql://", 13))
		p = url + 13;
	else if (!strncmp(url, "postgres://", 11))
		p = url + 11;
	else
		return mesdb_error(err, MESDB_E_CONFIG,
				   "the URL must start with postgresql:// or postgres://");
	q = strchr(p, '?');
	end = q ? q : p + strlen(p);
	slash = memchr(p, '/', (size_t)(end - p));
	if (!slash)
		slash = end;
	/* the last '@' before the path separates the userinfo */
	at = NULL;
	for (const char *c = p; c < slash; c++)
		if (*c == '@')
			at = c;
	if (at) {
		colon = memchr(p, ':', (size_t)(at - p));
		if (colon) {
			out->user = decode(p, (size_t)(colon - p));
			out->password = decode(colon + 1, (size_t)(at - colon - 1));
		} else {
			out->user = decode(p, (size_t)(at - p));
			out->password = xstrdup("");
		}
		p = at + 1;
	} else {
		out->user = xstrdup("");
		out->password = xstrdup("");
	}
	/* host[:port]; [v6]:port */
	if (*p == '[') {
		const char *rb = memchr(p, ']', (size_t)(slash - p));
		colon = rb && rb + 1 < slash && rb[1] == ':' ? rb + 1 : NULL;
	} else {
		colon = memchr(p, ':', (size_t)(slash - p));
	}
	if (colon) {
		out->host = decode(p, (size_t)(colon - p));
		out->port = decode(colon + 1, (size_t)(slash - colon - 1));
	} else {
		out->host = decode(p, (size_t)(slash - p));
		out->port = xstrdup("");
	}
	out->database = slash < end ? decode(slash + 1, (size_t)(end - slash - 1)) : xstrdup("");
	out->query = xstrdup(q ? q + 1 : "");
	return 0;
}

static void encode(struct strbuf *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (isalnum(c) || strchr("-._~", c))
			strbuf_addch(out, c);
		else
			strbuf_addf(out, "%%%02X", c);
	}
}

void pg_url_join(struct strbuf *out, const struct pg_url_parts *p)
{
	strbuf_addstr(out, "postgresql://");
	if (p->user && *p->user) {
		encode(out, p->user);
		if (p->password && *p->password) {
			strbuf_addch(out, ':');
			encode(out, p->password);
		}
		strbuf_addch(out, '@');
	}
	if (p->host && strchr(p->host, '/'))
		encode(out, p->host);
	else
		strbuf_addstr(out, p->host ? p->host : "");
	if (p->port && *p->port)
		strbuf_addf(out, ":%s", p->port);
	strbuf_addch(out, '/');
	if (p->database)
		encode(out, p->database);
	if (p->query && *p->query)
		strbuf_addf(out, "?%s", p->query);
}

/* A query's key or value: as encode(), but '/' stays (socket folders read as paths). */
static void encode_query(struct strbuf *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (isalnum(c) || strchr("-._~/", c))
			strbuf_addch(out, c);
		else
			strbuf_addf(out, "%%%02X", c);
	}
}

/* Is the parameter p (n bytes, "k=v" or "k") named key? */
static bool param_is(const char *p, size_t n, const char *key)
{
	size_t klen = strcspn(p, "=&");
	char *k;
	bool same;

	if (klen > n)
		klen = n;
	k = decode(p, klen);
	same = !strcmp(k, key);
	free(k);
	return same;
}

char *pg_url_query_get(const char *query, const char *key)
{
	const char *p = query;
	char *found = NULL;

	while (*p) {
		size_t n = strcspn(p, "&");
		if (param_is(p, n, key)) {
			size_t klen = strcspn(p, "=&");
			free(found);
			found = klen < n ? decode(p + klen + 1, n - klen - 1) : xstrdup("");
		}
		p += n;
		if (*p)
			p++;
	}
	return found;
}

void pg_url_query_set(struct strbuf *out, const char *query, const char *key, const char *value)
{
	const char *p = query;
	size_t start = out->len;
	bool done = false;

	while (*p) {
		size_t n = strcspn(p, "&");
		if (n && !param_is(p, n, key)) {
			if (out->len > start)
				strbuf_addch(out, '&');
			strbuf_add(out, p, n);
		} else if (n && value && !done) {
			if (out->len > start)
				strbuf_addch(out, '&');
			encode_query(out, key);
			strbuf_addch(out, '=');
			encode_query(out, value);
			done = true;
		}
		p += n;
		if (*p)
			p++;
	}
	if (value && !done) {
		if (out->len > start)
			strbuf_addch(out, '&');
		encode_query(out, key);
		strbuf_addch(out, '=');
		encode_query(out, value);
	}
}
