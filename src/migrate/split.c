/* split.c - statement splitter for migration scripts and the "needs autocommit" check */
#include "migrate/sqlsplit.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

/*
 * Owns the lexer of sqlsplit.h. It knows quotes, comments and dollar
 * bodies, nothing of SQL's grammar beyond the few leading keywords the
 * transaction check needs.
 */

static bool is_ident_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* Identifier characters after the first ('$' is one, as in PostgreSQL). */
static bool is_ident_cont(unsigned char c)
{
	return is_ident_start(c) || is_digit(c) || c == '$';
}

void sql_lexer_init(struct sql_lexer *lx, const char *text, size_t len)
{
	lx->s = text;
	lx->len = len;
	lx->pos = 0;
	lx->line = 1;
}

static unsigned char at(const struct sql_lexer *lx, size_t i)
{
	return i < lx->len ? (unsigned char)lx->s[i] : 0;
}

/* White space, -- comments and nested block comments. */
static void skip_blank(struct sql_lexer *lx)
{
	while (lx->pos < lx->len) {
		unsigned char c = at(lx, lx->pos);
		if (c == '\n') {
			lx->line++;
			lx->pos++;
		} else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
			lx->pos++;
		} else if (c == '-' && at(lx, lx->pos + 1) == '-') {
			while (lx->pos < lx->len && lx->s[lx->pos] != '\n')
				lx->pos++;
		} else if (c == '/' && at(lx, lx->pos + 1) == '*') {
			int depth = 1;
			lx->pos += 2;
			while (lx->pos < lx->len && depth > 0) {
				if (at(lx, lx->pos) == '/' && at(lx, lx->pos + 1) == '*') {
					depth++;
					lx->pos += 2;
				} else if (at(lx, lx->pos) == '*' && at(lx, lx->pos + 1) == '/') {
					depth--;
					lx->pos += 2;
				} else {
					if (lx->s[lx->pos] == '\n')
						lx->line++;
					lx->pos++;
				}
			}
		} else {
			break;
		}
	}
}

/* From the opening quote q through the closing one; q doubled is a q. */
static void lex_quoted(struct sql_lexer *lx, char q, bool backslash_escapes)
{
	lx->pos++;
	while (lx->pos < lx->len) {
		char c = lx->s[lx->pos];
		if (c == '\n')
			lx->line++;
		if (backslash_escapes && c == '\\') {
			if (at(lx, lx->pos + 1) == '\n')
				lx->line++;
			lx->pos += 2;
			continue;
		}
		if (c == q) {
			if (at(lx, lx->pos + 1) == (unsigned char)q) {
				lx->pos += 2;
				continue;
			}
			lx->pos++;
			return;
		}
		lx->pos++;
	}
	lx->pos = lx->len;   /* unterminated: the rest of the text */
}

/*
 * At a '$': the length of a dollar-quote opening tag ($$ or $name$), or 0
 * when this '$' does not open one (a parameter $1, an operator).
 */
static size_t dollar_tag_len(const struct sql_lexer *lx)
{
	size_t p = lx->pos + 1;
	if (at(lx, p) == '$')
		return 2;
	if (!is_ident_start(at(lx, p)))
		return 0;
	while (p < lx->len && (is_ident_start(at(lx, p)) || is_digit(at(lx, p))))
		p++;
	if (at(lx, p) != '$')
		return 0;
	return p + 1 - lx->pos;
}

static void lex_dollar(struct sql_lexer *lx, size_t taglen)
{
	const char *tag = lx->s + lx->pos;
	size_t p = lx->pos + taglen;

	for (; p < lx->len; p++) {
		if (lx->s[p] == '$' && p + taglen <= lx->len && !memcmp(lx->s + p, tag, taglen)) {
			lx->pos = p + taglen;
			return;
		}
		if (lx->s[p] == '\n')
			lx->line++;
	}
	lx->pos = lx->len;   /* unterminated: the rest of the text */
}

void sql_lex(struct sql_lexer *lx, struct sql_token *tok)
{
	unsigned char c, c1;
	size_t taglen;

	skip_blank(lx);
	tok->start = lx->pos;
	tok->line = lx->line;
	if (lx->pos >= lx->len) {
		tok->kind = SQL_TOK_END;
		tok->len = 0;
		return;
	}
	c = at(lx, lx->pos);
	c1 = at(lx, lx->pos + 1);
	if (c == ';') {
		tok->kind = SQL_TOK_SEMICOLON;
		lx->pos++;
	} else if ((c == 'E' || c == 'e') && c1 == '\'') {
		lx->pos++;
		lex_quoted(lx, '\'', true);
		tok->kind = SQL_TOK_STRING;
	} else if ((c == 'U' || c == 'u') && c1 == '&' &&
		   (at(lx, lx->pos + 2) == '\'' || at(lx, lx->pos + 2) == '"')) {
		char q = (char)at(lx, lx->pos + 2);
		lx->pos += 2;
		lex_quoted(lx, q, false);
		tok->kind = q == '"' ? SQL_TOK_IDENT : SQL_TOK_STRING;
	} else if (c == '\'') {
		lex_quoted(lx, '\'', false);
		tok->kind = SQL_TOK_STRING;
	} else if (c == '"') {
		lex_quoted(lx, '"', false);
		tok->kind = SQL_TOK_IDENT;
	} else if (c == '$' && (taglen = dollar_tag_len(lx)) > 0) {
		lex_dollar(lx, taglen);
		tok->kind = SQL_TOK_DOLLAR;
	} else if (is_ident_start(c)) {
		while (lx->pos < lx->len && is_ident_cont(at(lx, lx->pos)))
			lx->pos++;
		tok->kind = SQL_TOK_WORD;
	} else if (is_digit(c)) {
		while (lx->pos < lx->len && (is_ident_cont(at(lx, lx->pos)) || at(lx, lx->pos) == '.'))
			lx->pos++;
		tok->kind = SQL_TOK_OTHER;
	} else {
		lx->pos++;
		tok->kind = SQL_TOK_OTHER;
	}
	tok->len = lx->pos - tok->start;
}

/* ---- splitting ---- */

void sql_script_release(struct sql_script *s)
{
	free(s->stmts);
	s->stmts = NULL;
	s->nr = s->alloc = 0;
}

static bool is_routine_word(const char *w)
{
	return !strcmp(w, "FUNCTION") || !strcmp(w, "PROCEDURE");
}

/* psql's rule: BEGIN opens a body only in CREATE [OR REPLACE] FUNCTION/PROCEDURE. */
static bool creates_routine(const struct sql_stmt *st)
{
	if (st->nwords < 2 || strcmp(st->words[0], "CREATE"))
		return false;
	if (is_routine_word(st->words[1]))
		return true;
	return st->nwords >= 4 && !strcmp(st->words[1], "OR") && !strcmp(st->words[2], "REPLACE") &&
	       is_routine_word(st->words[3]);
}

struct split_state {
	struct sql_stmt cur;
	bool open;           /* cur has a token */
	int begin_depth;     /* BEGIN ATOMIC ... END nesting */
	size_t ntokens;
	int add_value;       /* 0 no, 1 saw ADD, 2 saw ADD VALUE, 3 have the literal */
};

static void stmt_word(struct split_state *st, const char *text, const struct sql_token *t)
{
	struct sql_stmt *s = &st->cur;
	char w[SQL_WORD_MAX];
	size_t i;

	if (t->len < SQL_WORD_MAX) {
		for (i = 0; i < t->len; i++) {
			char c = text[t->start + i];
			w[i] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
		}
		w[t->len] = '\0';
	} else {
		w[0] = '\0';
	}
	if (s->nwords < SQL_STMT_WORDS)
		memcpy(s->words[s->nwords++], w, sizeof(w));

	if (!strcmp(w, "CONCURRENTLY"))
		s->concurrently = true;
	if (!strcmp(w, "BEGIN") && creates_routine(s))
		st->begin_depth++;
	else if (st->begin_depth > 0 && !strcmp(w, "CASE"))
		st->begin_depth++;
	else if (st->begin_depth > 0 && !strcmp(w, "END"))
		st->begin_depth--;

	/* ALTER TYPE x ADD VALUE [IF NOT EXISTS] 'literal' */
	if (s->nwords >= 2 && !strcmp(s->words[0], "ALTER") && !strcmp(s->words[1], "TYPE")) {
		if (st->add_value == 0 && !strcmp(w, "ADD"))
			st->add_value = 1;
		else if (st->add_value == 1)
			st->add_value = !strcmp(w, "VALUE") ? 2 : 0;
	}
}

static void stmt_end(struct split_state *st, struct sql_script *out, size_t end)
{
	if (st->open) {
		st->cur.len = end - st->cur.start;
		ALLOC_GROW(out->stmts, out->nr + 1, out->alloc);
		out->stmts[out->nr++] = st->cur;
	}
	memset(&st->cur, 0, sizeof(st->cur));
	st->open = false;
	st->begin_depth = 0;
	st->ntokens = 0;
	st->add_value = 0;
}

void sql_split(const char *text, size_t len, struct sql_script *out)
{
	struct sql_lexer lx;
	struct sql_token t;
	struct split_state st;
	size_t last_end = 0;

	memset(&st, 0, sizeof(st));
	sql_lexer_init(&lx, text, len);
	for (;;) {
		sql_lex(&lx, &t);
		if (t.kind == SQL_TOK_END)
			break;
		if (t.kind == SQL_TOK_SEMICOLON && st.begin_depth == 0) {
			stmt_end(&st, out, t.start + 1);
			continue;
		}
		if (!st.open) {
			st.open = true;
			st.cur.start = t.start;
			st.cur.line = t.line;
		}
		st.ntokens++;
		last_end = t.start + t.len;
		if (t.kind == SQL_TOK_WORD) {
			stmt_word(&st, text, &t);
		} else if (t.kind == SQL_TOK_STRING && st.add_value == 2) {
			st.cur.add_value_start = t.start;
			st.cur.add_value_len = t.len;
			st.add_value = 3;
		}
	}
	stmt_end(&st, out, last_end);
}

/* ---- what cannot run in a transaction block ---- */

static bool w(const struct sql_stmt *s, uint32_t i, const char *kw)
{
	return i < s->nwords && !strcmp(s->words[i], kw);
}

bool sql_stmt_is_tx_boundary(const struct sql_stmt *s)
{
	return w(s, 0, "BEGIN") || w(s, 0, "COMMIT") || w(s, 0, "END") ||
	       (w(s, 0, "START") && w(s, 1, "TRANSACTION"));
}

/* The statement has only words (no names in quotes, no punctuation). */
static bool only_words(const struct sql_stmt *s, const char *text)
{
	struct sql_lexer lx;
	struct sql_token t;
	uint32_t n = 0;

	sql_lexer_init(&lx, text + s->start, s->len);
	for (sql_lex(&lx, &t); t.kind != SQL_TOK_END; sql_lex(&lx, &t)) {
		if (t.kind == SQL_TOK_SEMICOLON)
			continue;
		if (t.kind != SQL_TOK_WORD)
			return false;
		n++;
	}
	return n == s->nwords;
}

/* Reason for one statement alone, or NULL. */
static const char *stmt_reason(const struct sql_stmt *s, const char *text, struct strbuf *why)
{
	static const char *const tx_control[] = {
		"BEGIN", "COMMIT", "END", "ROLLBACK", "ABORT",
	};
	static const char *const two_word[][2] = {
		{ "START", "TRANSACTION" }, { "PREPARE", "TRANSACTION" },
		{ "CREATE", "DATABASE" },   { "DROP", "DATABASE" },
		{ "CREATE", "TABLESPACE" }, { "DROP", "TABLESPACE" },
		{ "ALTER", "SYSTEM" },      { "CREATE", "SUBSCRIPTION" },
		{ "DROP", "SUBSCRIPTION" }, { "ALTER", "SUBSCRIPTION" },
		{ "REINDEX", "SYSTEM" },    { "REINDEX", "DATABASE" },
		{ "DISCARD", "ALL" },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(tx_control); i++) {
		if (w(s, 0, tx_control[i])) {
			strbuf_addf(why, "%s (explicit transaction control)", tx_control[i]);
			return why->buf;
		}
	}
	for (i = 0; i < ARRAY_SIZE(two_word); i++) {
		if (w(s, 0, two_word[i][0]) && w(s, 1, two_word[i][1])) {
			strbuf_addf(why, "%s %s", two_word[i][0], two_word[i][1]);
			return why->buf;
		}
	}
	if (w(s, 0, "VACUUM")) {
		strbuf_addstr(why, "VACUUM");
		return why->buf;
	}
	if (w(s, 0, "CLUSTER") && s->nwords <= 2 && only_words(s, text)) {
		strbuf_addstr(why, "CLUSTER of the whole database");
		return why->buf;
	}
	if (s->concurrently && (w(s, 0, "CREATE") || w(s, 0, "DROP") || w(s, 0, "REINDEX") ||
				w(s, 0, "ALTER"))) {
		uint32_t k;
		for (k = 0; k < s->nwords; k++) {
			if (k)
				strbuf_addch(why, ' ');
			strbuf_addstr(why, s->words[k]);
			if (!strcmp(s->words[k], "CONCURRENTLY"))
				break;
		}
		if (k == s->nwords) {
			strbuf_reset(why);
			strbuf_addf(why, "%s ... CONCURRENTLY", s->words[0]);
		}
		return why->buf;
	}
	return NULL;
}

/* Does a string literal equal to lit (same spelling) appear in text[from, len)? */
static bool literal_used_after(const char *text, size_t len, size_t from, const char *lit,
			       size_t litlen)
{
	struct sql_lexer lx;
	struct sql_token t;

	sql_lexer_init(&lx, text + from, len - from);
	for (sql_lex(&lx, &t); t.kind != SQL_TOK_END; sql_lex(&lx, &t))
		if (t.kind == SQL_TOK_STRING && t.len == litlen && !memcmp(text + from + t.start, lit, litlen))
			return true;
	return false;
}

bool sql_script_transactional(const struct sql_script *sc, const char *text, size_t len,
			      int server_version, struct strbuf *why, uint32_t *line)
{
	size_t i;

	for (i = 0; i < sc->nr; i++) {
		const struct sql_stmt *s = &sc->stmts[i];
		if (stmt_reason(s, text, why)) {
			*line = s->line;
			return false;
		}
		if (s->add_value_len) {
			const char *lit = text + s->add_value_start;
			if (server_version > 0 && server_version < 120000) {
				strbuf_addstr(why, "ALTER TYPE ... ADD VALUE (PostgreSQL before 12)");
				*line = s->line;
				return false;
			}
			if (literal_used_after(text, len, s->start + s->len, lit, s->add_value_len)) {
				strbuf_addf(why, "ALTER TYPE ... ADD VALUE %.*s, used later in the same file",
					    (int)s->add_value_len, lit);
				*line = s->line;
				return false;
			}
		}
	}
	return true;
}
