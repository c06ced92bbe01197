/* json.c - semantic comparison of JSON texts (for Json column defaults) */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/bytes.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "diff/diff_internal.h"
#include "model/sqlschema.h"

/*
 * Owns a small JSON reader that writes a canonical form: no white space,
 * object members sorted by key (later duplicates win, as in serde_json),
 * strings re-escaped uniformly, numbers in sql_number_canonical form with a
 * marker telling integers from floats (serde_json keeps them apart). Two
 * JSON texts are equal when their canonical forms are.
 */

struct jr {
	const char *p;
};

static void skip_ws(struct jr *r)
{
	while (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r')
		r->p++;
}

static int read_value(struct jr *r, struct strbuf *out, int depth);

/* A string: its decoded bytes (\uXXXX kept as the code unit number, enough for equality). */
static int read_string(struct jr *r, struct strbuf *out)
{
	if (*r->p != '"')
		return -1;
	r->p++;
	while (*r->p != '"') {
		unsigned char c = (unsigned char)*r->p;
		if (!c || c < 0x20)
			return -1;
		if (c == '\\') {
			r->p++;
			switch (*r->p) {
			case '"': strbuf_addch(out, '"'); break;
			case '\\': strbuf_addch(out, '\\'); break;
			case '/': strbuf_addch(out, '/'); break;
			case 'b': strbuf_addch(out, '\b'); break;
			case 'f': strbuf_addch(out, '\f'); break;
			case 'n': strbuf_addch(out, '\n'); break;
			case 'r': strbuf_addch(out, '\r'); break;
			case 't': strbuf_addch(out, '\t'); break;
			case 'u': {
				int i, v = 0;
				for (i = 1; i <= 4; i++) {
					int h = hex_digit_value((unsigned char)r->p[i]);
					if (h < 0)
						return -1;
					v = v * 16 + h;
				}
				if (v < 0x80)
					strbuf_addch(out, v);
				else
					strbuf_addf(out, "\\u%04x", v);
				r->p += 4;
				break;
			}
			default:
				return -1;
			}
			r->p++;
			continue;
		}
		strbuf_addch(out, c);
		r->p++;
	}
	r->p++;
	return 0;
}

static void emit_string(const char *s, size_t len, struct strbuf *out)
{
	size_t i;
	strbuf_addch(out, '"');
	for (i = 0; i < len; i++) {
		if (s[i] == '"' || s[i] == '\\')
			strbuf_addch(out, '\\');
		strbuf_addch(out, s[i]);
	}
	strbuf_addch(out, '"');
}

struct member {
	char *key;
	size_t keylen;
	char *value;
	size_t order;
};

static int cmp_member(const void *a, const void *b)
{
	const struct member *x = a, *y = b;
	size_t n = x->keylen < y->keylen ? x->keylen : y->keylen;
	int c = memcmp(x->key, y->key, n);
	if (c)
		return c;
	if (x->keylen != y->keylen)
		return x->keylen < y->keylen ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int read_object(struct jr *r, struct strbuf *out, int depth)
{
	struct member *m = NULL;
	size_t n = 0, alloc = 0, i;
	int ret = -1;

	r->p++;
	skip_ws(r);
	if (*r->p != '}') {
		for (;;) {
			struct strbuf key = STRBUF_INIT, val = STRBUF_INIT;
			skip_ws(r);
			if (read_string(r, &key) < 0) {
				strbuf_release(&key);
				goto out;
			}
			skip_ws(r);
			if (*r->p != ':') {
				strbuf_release(&key);
				goto out;
			}
			r->p++;
			if (read_value(r, &val, depth + 1) < 0) {
				strbuf_release(&key);
				strbuf_release(&val);
				goto out;
			}
			ALLOC_GROW(m, n + 1, alloc);
			m[n].keylen = key.len;
			m[n].key = strbuf_detach(&key, NULL);
			m[n].value = strbuf_detach(&val, NULL);
			m[n].order = n;
			n++;
			skip_ws(r);
			if (*r->p == ',') {
				r->p++;
				continue;
			}
			if (*r->p == '}')
				break;
			goto out;
		}
	}
	r->p++;
	if (n)
		qsort(m, n, sizeof(*m), cmp_member);
	strbuf_addch(out, '{');
	for (i = 0; i < n; i++) {
		/* a later duplicate key replaces the earlier one */
		if (i + 1 < n && m[i].keylen == m[i + 1].keylen &&
		    !memcmp(m[i].key, m[i + 1].key, m[i].keylen))
			continue;
		if (out->buf[out->len - 1] != '{')
			strbuf_addch(out, ',');
		emit_string(m[i].key, m[i].keylen, out);
		strbuf_addch(out, ':');
		strbuf_addstr(out, m[i].value);
	}
	strbuf_addch(out, '}');
	ret = 0;
out:
	for (i = 0; i < n; i++) {
		free(m[i].key);
		free(m[i].value);
	}
	free(m);
	return ret;
}

static int read_number(struct jr *r, struct strbuf *out)
{
	const char *start = r->p;
	bool is_float = false;
	struct strbuf num = STRBUF_INIT;
	int ret = 0;

	if (*r->p == '-')
		r->p++;
	if (!isdigit((unsigned char)*r->p))
		return -1;
	while (isdigit((unsigned char)*r->p))
		r->p++;
	if (*r->p == '.') {
		is_float = true;
		r->p++;
		if (!isdigit((unsigned char)*r->p))
			return -1;
		while (isdigit((unsigned char)*r->p))
			r->p++;
	}
	if (*r->p == 'e' || *r->p == 'E') {
		is_float = true;
		r->p++;
		if (*r->p == '+' || *r->p == '-')
			r->p++;
		if (!isdigit((unsigned char)*r->p))
			return -1;
		while (isdigit((unsigned char)*r->p))
			r->p++;
	}
	strbuf_add(&num, start, (size_t)(r->p - start));
	strbuf_addch(out, is_float ? 'f' : 'i');
	if (!sql_number_canonical(out, num.buf))
		ret = -1;
	strbuf_release(&num);
	return ret;
}

static int read_value(struct jr *r, struct strbuf *out, int depth)
{
	if (depth > 128)
		return -1;
	skip_ws(r);
	switch (*r->p) {
	case '{':
		return read_object(r, out, depth);
	case '[':
		r->p++;
		strbuf_addch(out, '[');
		skip_ws(r);
		if (*r->p == ']') {
			r->p++;
			strbuf_addch(out, ']');
			return 0;
		}
		for (;;) {
			if (read_value(r, out, depth + 1) < 0)
				return -1;
			skip_ws(r);
			if (*r->p == ',') {
				r->p++;
				strbuf_addch(out, ',');
				continue;
			}
			if (*r->p == ']') {
				r->p++;
				strbuf_addch(out, ']');
				return 0;
			}
			return -1;
		}
	case '"': {
		struct strbuf s = STRBUF_INIT;
		int ret = read_string(r, &s);
		if (!ret)
			emit_string(s.buf, s.len, out);
		strbuf_release(&s);
		return ret;
	}
	case 't':
		if (strncmp(r->p, "true", 4))
			return -1;
		r->p += 4;
		strbuf_addstr(out, "true");
		return 0;
	case 'f':
		if (strncmp(r->p, "false", 5))
			return -1;
		r->p += 5;
		strbuf_addstr(out, "false");
		return 0;
	case 'n':
		if (strncmp(r->p, "null", 4))
			return -1;
		r->p += 4;
		strbuf_addstr(out, "null");
		return 0;
	default:
		return read_number(r, out);
	}
}

static int canonical(const char *text, struct strbuf *out)
{
	struct jr r = { text };
	if (read_value(&r, out, 0) < 0)
		return -1;
	skip_ws(&r);
	return *r.p ? -1 : 0;
}

bool diff_json_equal(const char *a, const char *b)
{
	struct strbuf ca = STRBUF_INIT, cb = STRBUF_INIT;
	bool eq = true;

	if (!canonical(a, &ca) && !canonical(b, &cb))
		eq = ca.len == cb.len && !memcmp(ca.buf, cb.buf, ca.len);
	strbuf_release(&ca);
	strbuf_release(&cb);
	return eq;
}
