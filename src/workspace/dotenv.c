/* dotenv.c - parse .env files the way the Prisma CLI's dotenv does */
#include "workspace/dotenv.h"

#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/strbuf.h"
#include "base/xalloc.h"

/*
 * Owns the .env syntax only: no file search (url.c), no setenv (the
 * library never changes the process environment).
 */

void dotenv_init(struct dotenv *e)
{
	memset(e, 0, sizeof(*e));
}

void dotenv_release(struct dotenv *e)
{
	for (size_t i = 0; i < e->nr; i++) {
		free(e->items[i].key);
		free(e->items[i].value);
	}
	free(e->items);
	dotenv_init(e);
}

const char *dotenv_get(const struct dotenv *e, const char *key)
{
	for (size_t i = e->nr; i > 0; i--)
		if (!strcmp(e->items[i - 1].key, key))
			return e->items[i - 1].value;
	return NULL;
}

static bool is_key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '.' || c == '-';
}

static bool is_name_char(char c, bool first)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
	       (!first && c >= '0' && c <= '9');
}

static const char *lookup(const struct dotenv *e, const char *name)
{
	const char *v = getenv(name);
	return v ? v : dotenv_get(e, name);
}

/* ${VAR}, ${VAR:-default}, $VAR and \$ in raw[0..len) into out. */
static void expand(const struct dotenv *e, const char *raw, size_t len, struct strbuf *out)
{
	struct strbuf name = STRBUF_INIT;
	size_t i = 0;

	while (i < len) {
		char c = raw[i];
		if (c == '\\' && i + 1 < len && raw[i + 1] == '$') {
			strbuf_addch(out, '$');
			i += 2;
		} else if (c == '$' && i + 1 < len && raw[i + 1] == '{') {
			const char *close = memchr(raw + i + 2, '}', len - i - 2);
			const char *inner = raw + i + 2, *dflt = NULL, *v;
			size_t n, dlen = 0;
			if (!close) {
				strbuf_add(out, raw + i, len - i);
				break;
			}
			n = (size_t)(close - inner);
			for (size_t k = 0; k + 1 < n; k++) {
				if (inner[k] == ':' && inner[k + 1] == '-') {
					dflt = inner + k + 2;
					dlen = n - k - 2;
					n = k;
					break;
				}
			}
			strbuf_reset(&name);
			strbuf_add(&name, inner, n);
			v = lookup(e, name.buf);
			if (v && *v)
				strbuf_addstr(out, v);
			else if (dflt)
				strbuf_add(out, dflt, dlen);
			i = (size_t)(close - raw) + 1;
		} else if (c == '$' && i + 1 < len && is_name_char(raw[i + 1], true)) {
			size_t s = ++i;
			const char *v;
			while (i < len && is_name_char(raw[i], false))
				i++;
			strbuf_reset(&name);
			strbuf_add(&name, raw + s, i - s);
			v = lookup(e, name.buf);
			if (v)
				strbuf_addstr(out, v);
		} else {
			strbuf_addch(out, c);
			i++;
		}
	}
	strbuf_release(&name);
}

static void add_entry(struct dotenv *e, const char *key, size_t klen, char *value, uint32_t line)
{
	struct dotenv_entry *d;
	ALLOC_GROW(e->items, e->nr + 1, e->alloc);
	d = &e->items[e->nr++];
	d->key = xstrndup(key, klen);
	d->value = value;
	d->line = line;
}

void dotenv_parse(struct dotenv *e, const char *text, size_t len)
{
	size_t p = 0;
	uint32_t line = 1;
	struct strbuf val = STRBUF_INIT, raw = STRBUF_INIT;

	while (p < len) {
		size_t key, klen, eol;
		uint32_t key_line;

		/* blank lines and white space */
		while (p < len && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r' ||
				   text[p] == '\n')) {
			if (text[p] == '\n')
				line++;
			p++;
		}
		if (p >= len)
			break;
		key_line = line;
		eol = p;
		while (eol < len && text[eol] != '\n')
			eol++;
		if (text[p] == '#')
			goto next_line;
		if (eol - p > 7 && !strncmp(text + p, "export", 6) &&
		    (text[p + 6] == ' ' || text[p + 6] == '\t')) {
			p += 7;
			while (p < eol && (text[p] == ' ' || text[p] == '\t'))
				p++;
		}
		key = p;
		while (p < eol && is_key_char(text[p]))
			p++;
		klen = p - key;
		while (p < eol && (text[p] == ' ' || text[p] == '\t'))
			p++;
		if (!klen || p >= len || (text[p] != '=' && text[p] != ':'))
			goto next_line;
		p++;
		while (p < eol && (text[p] == ' ' || text[p] == '\t'))
			p++;

		strbuf_reset(&val);
		if (p < eol && (text[p] == '\'' || text[p] == '"' || text[p] == '`')) {
			char q = text[p];
			size_t close = p + 1;
			while (close < len && text[close] != q) {
				if (text[close] == '\\' && close + 1 < len && text[close + 1] == q)
					close++;
				close++;
			}
			if (close < len) {
				const char *v = text + p + 1;
				size_t n = close - p - 1;
				strbuf_reset(&raw);
				if (q == '"') {
					for (size_t k = 0; k < n; k++) {
						if (v[k] == '\\' && k + 1 < n && v[k + 1] == 'n') {
							strbuf_addch(&raw, '\n');
							k++;
						} else if (v[k] == '\\' && k + 1 < n && v[k + 1] == 'r') {
							strbuf_addch(&raw, '\r');
							k++;
						} else {
							strbuf_addch(&raw, v[k]);
						}
					}
					expand(e, raw.buf, raw.len, &val);
				} else {
					strbuf_add(&val, v, n);
				}
				for (size_t k = p; k < close; k++)
					if (text[k] == '\n')
						line++;
				add_entry(e, text + key, klen, strbuf_detach(&val, NULL), key_line);
				p = close + 1;
				eol = p;
				while (eol < len && text[eol] != '\n')
					eol++;
				goto next_line;
			}
			/* no closing quote: the rest of the line, as written */
		}
		{
			size_t end = p;
			while (end < eol && text[end] != '#' && text[end] != '\r')
				end++;
			while (end > p && (text[end - 1] == ' ' || text[end - 1] == '\t'))
				end--;
			expand(e, text + p, end - p, &val);
			add_entry(e, text + key, klen, strbuf_detach(&val, NULL), key_line);
		}
next_line:
		p = eol;
	}
	strbuf_release(&val);
	strbuf_release(&raw);
}

int dotenv_load(struct dotenv *e, const char *path, bool *found, struct mesdb_err *err)
{
	struct strbuf text = STRBUF_INIT;

	*found = fs_is_file(path);
	if (!*found)
		return 0;
	if (fs_read_file(path, &text, err) < 0) {
		strbuf_release(&text);
		return -1;
	}
	dotenv_parse(e, text.buf, text.len);
	strbuf_release(&text);
	return 0;
}
