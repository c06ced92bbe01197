/* parser.c - recursive descent over PSL tokens into struct psl_schema, every syntax error collected */

/*
 * Owns: the grammar of the Prisma schema language and Prisma's syntax error
 * messages and spans. Does not own: tokens (lexer.c), the AST's lifetime and
 * diagnostic rendering (ast.c), anything semantic (validate*.c).
 *
 * The grammar is Prisma's (a PEG, schema-ast's datamodel.pest in Prisma 6):
 * top-level items and block members are lines; a line that does not parse
 * as a whole is one "catch-all" error and parsing goes on at the next line.
 * A block is closed by a line that starts with `}`; a block never closed
 * is no block at all: its lines are reported one by one at the top level.
 * So each line construct is parsed speculatively: on failure the position
 * goes back to the line start and the diagnostics it produced (bad escapes)
 * are dropped, as Prisma never builds the node that would report them.
 *
 * Prisma's spans follow its grammar: a field declaration includes its line
 * break, an attribute written without ( ) the white space after it, an @@
 * attribute and a datasource property everything to the end of the line.
 * Those are the decl_span fields; span fields are exact.
 *
 * Memory: nodes go to the schema's arena; lists are collected on reusable
 * stacks in struct parser and copied to the arena once complete, so nothing
 * is malloc'd per token.
 */

#include "base/bytes.h"
#include "psl/ast.h"
#include "psl/lexer.h"

#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MSG_TOP_LINE "Error validating: This line is invalid. It does not start with any known Prisma schema keyword."
#define MSG_ARBITRARY_BLOCK                                                                        \
	"Error validating: This block is invalid. It does not start with any known Prisma schema "  \
	"keyword. Valid keywords include 'model', 'enum', 'type', 'datasource' and 'generator'."
#define MSG_TYPE_ALIAS                                                                             \
	"Error validating: Invalid type definition. Please check the documentation in "             \
	"https://pris.ly/d/composite-types"
#define MSG_MODEL_LINE "Error validating: This line is not a valid field or attribute definition."
#define MSG_ENUM_LINE "Error validating: This line is not an enum value definition."
#define MSG_CONFIG_LINE "Error validating: This line is not a valid definition within a %s."
#define MSG_FIELD_INVALID                                                                          \
	"Error validating %s \"%s\": This field declaration is invalid. It is either missing a name " \
	"or a type."
#define MSG_LEGACY_COLON "Field declarations don't require a `:`."
#define MSG_LEGACY_BANG "Fields are required by default, `!` is no longer required."
#define MSG_LEGACY_LIST "To specify a list, please use `Type[]` instead of `[Type]`."
#define MSG_OPTIONAL_LIST "Optional lists are not supported. Use either `Type[]` or `Type?`."
#define MSG_BAD_ESCAPE                                                                             \
	"Unknown escape sequence. If the value is a windows-style path, `\\` must be escaped as `\\\\`."
#define MSG_BAD_UNICODE "Invalid unicode escape sequence."

enum legacy_type { TYPE_OK, TYPE_BANG, TYPE_LEGACY_LIST, TYPE_OPTIONAL_LIST };

struct parser {
	struct psl_schema *s;
	uint32_t file;
	const char *text;
	uint32_t len;
	uint32_t pos;

	/* the block being parsed */
	struct psl_field *fields;
	uint32_t nfields, afields;
	struct psl_enum_value *values;
	uint32_t nvalues, avalues;
	struct psl_prop *props;
	uint32_t nprops, aprops;
	struct psl_attr *battrs;
	uint32_t nbattrs, abattrs;
	struct psl_member *members;
	uint32_t nmembers, amembers;
	const char *pending_doc;     /* doc of the last comment group, for the next field/value */

	/* stacks for nested lists: a list copies its slice to the arena, then pops it */
	struct psl_attr *fattrs;
	uint32_t nfattrs, afattrs;
	struct psl_arg *args;
	uint32_t nargs, aargs;
	struct psl_expr **items;
	uint32_t nitems, aitems;

	struct lex_token tok;        /* the token at tok_pos, scanned once */
	uint32_t tok_pos;

	struct strbuf sb;            /* scratch: unescaped strings */
	struct strbuf docsb;         /* scratch: doc comments */

	/* the last top-level comment group: its doc goes to a block right after it */
	const char *top_doc;
	uint32_t top_doc_end;

	/* a block body starting at or after this offset reaches the end of file unclosed */
	uint32_t unclosed_from;
	/* offset just after the last `}` of the file (0: none) */
	uint32_t last_rbrace_end;
};

/* ---- small helpers ---- */

static struct psl_span span_of(const struct parser *p, uint32_t start, uint32_t end)
{
	struct psl_span sp;
	sp.file = p->file;
	sp.start = start;
	sp.end = end;
	return sp;
}

static const char *dup_text(struct parser *p, uint32_t start, uint32_t end)
{
	return arena_strndup(&p->s->arena, p->text + start, end - start);
}

static void peek(struct parser *p, struct lex_token *t)
{
	if (p->tok_pos != p->pos) {
		lexer_scan_z(p->text, p->len, p->pos, &p->tok);   /* sources are NUL-terminated */
		p->tok_pos = p->pos;
	}
	*t = p->tok;
}

/* Peek; when the token is of kind k, consume it. */
static bool accept(struct parser *p, enum lex_kind k, struct lex_token *t)
{
	peek(p, t);
	if (t->kind != k)
		return false;
	p->pos = t->end;
	return true;
}

static uint32_t skip_space(const struct parser *p, uint32_t pos)
{
	return lexer_skip_space_z(p->text, p->len, pos);
}

/* A line break at pos (lexer_newline_len() != 0)? */
static bool is_newline_at(const struct parser *p, uint32_t pos)
{
	return pos < p->len && (p->text[pos] == '\n' || p->text[pos] == '\r');
}

static bool at_line_start(const struct parser *p, uint32_t pos)
{
	return pos == 0 || p->text[pos - 1] == '\n' || p->text[pos - 1] == '\r';
}

/* Length of the identifier at pos (0: none). */
static uint32_t ident_len(struct parser *p, uint32_t pos)
{
	return lexer_ident_end_z(p->text, p->len, pos) - pos;
}

/* Unicode white space at pos (Rust's char::is_whitespace), its length or 0. */
static uint32_t uspace_len(const struct parser *p, uint32_t pos, uint32_t end)
{
	uint32_t n, cp;
	unsigned char c = (unsigned char)p->text[pos];

	if (c < 0x80)
		return (c == ' ' || (c >= '\t' && c <= '\r')) ? 1 : 0;
	cp = lexer_decode(p->text, end, pos, &n);
	if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
		return n;
	return lexer_space_len(p->text, end, pos);
}

static uint32_t trim_start(const struct parser *p, uint32_t start, uint32_t end)
{
	uint32_t n;
	while (start < end && (n = uspace_len(p, start, end)) > 0)
		start += n;
	return start;
}

static uint32_t trim_end(const struct parser *p, uint32_t start, uint32_t end)
{
	/* back up over ASCII white space and the UTF-8 tails of Unicode spaces */
	while (end > start) {
		uint32_t q = end - 1, n;
		while (q > start && ((unsigned char)p->text[q] & 0xc0) == 0x80)
			q--;
		n = uspace_len(p, q, end);
		if (!n || q + n != end)
			break;
		end = q;
	}
	return end;
}

/* Copy n elements from index base of a stack to the arena (NULL when n is 0). */
static void *copy_out(struct parser *p, const void *stack, uint32_t base, uint32_t n, size_t size)
{
	if (!n)
		return NULL;
	return arena_memdup(&p->s->arena, (const char *)stack + (size_t)base * size, xmul(n, size));
}

static void diags_truncate(struct parser *p, uint32_t mark)
{
	struct psl_schema *s = p->s;

	while (s->ndiags > mark) {
		s->ndiags--;
		if (s->diags[s->ndiags].severity == PSL_ERROR)
			s->nerrors--;
		else
			s->nwarnings--;
	}
}

static void error_at(struct parser *p, uint32_t start, uint32_t end, const char *msg)
{
	psl_diag_add(p->s, PSL_ERROR, span_of(p, start, end), "%s", msg);
}

static void add_member(struct parser *p, enum psl_member_kind kind, uint32_t index, const char *text,
		       uint32_t start, uint32_t end)
{
	struct psl_member *m;

	if (p->s->skip_layout)
		return;
	ALLOC_GROW(p->members, p->nmembers + 1, p->amembers);
	m = &p->members[p->nmembers++];
	m->kind = kind;
	m->index = index;
	m->text = text;
	m->span = span_of(p, start, end);
}

static void add_top(struct parser *p, enum psl_top_kind kind, uint32_t index, const char *text,
		    uint32_t start, uint32_t end)
{
	struct psl_schema *s = p->s;
	struct psl_top *t;

	if (s->skip_layout)
		return;
	ALLOC_GROW(s->tops, s->ntops + 1, s->atops);
	t = &s->tops[s->ntops++];
	t->kind = kind;
	t->index = index;
	t->text = text;
	t->span = span_of(p, start, end);
}

/* ---- comments ---- */

/*
 * The text a trailing comment keeps: after the `//` for line comments, between
 * the delimiters for block comments; trailing white space dropped.
 */
static const char *comment_text(struct parser *p, const struct lex_token *t)
{
	uint32_t start = t->start + 2, end = t->end;

	if (t->kind == LEX_BLOCK_COMMENT)
		end -= 2;
	return dup_text(p, start, trim_end(p, start, end));
}

/*
 * The documentation a comment contributes, appended to p->docsb: a `///`
 * line without the slashes and leading white space; a block comment's
 * inside, trimmed. Plain `//` comments document nothing.
 */
static void comment_doc(struct parser *p, const struct lex_token *t)
{
	uint32_t start, end;

	if (t->kind == LEX_DOC_COMMENT) {
		start = trim_start(p, t->start + 3, t->end);
		end = t->end;
	} else if (t->kind == LEX_BLOCK_COMMENT) {
		start = trim_start(p, t->start + 2, t->end - 2);
		end = trim_end(p, start, t->end - 2);
	} else {
		return;
	}
	/* each line is led by "\n"; doc_finish() drops the first one */
	strbuf_addch(&p->docsb, '\n');
	strbuf_add(&p->docsb, p->text + start, end - start);
}

/* The doc collected in p->docsb (each line led by "\n"), or NULL. */
static const char *doc_finish(struct parser *p)
{
	if (!p->docsb.len)
		return NULL;
	return arena_strndup(&p->s->arena, p->docsb.buf + 1, p->docsb.len - 1);
}

static bool is_comment(enum lex_kind k)
{
	return k == LEX_COMMENT || k == LEX_DOC_COMMENT || k == LEX_BLOCK_COMMENT;
}

/*
 * comment_group := { (doc_comment | comment | block_comment) [NEWLINE] }+
 *
 * Consecutive comment lines (a blank line ends the group). Each comment is
 * a member (in_block) or a top; returns the group's documentation or NULL.
 */
static const char *parse_comment_group(struct parser *p, bool in_block)
{
	struct lex_token t, nl;

	strbuf_reset(&p->docsb);
	while (peek(p, &t), is_comment(t.kind)) {
		uint32_t end = trim_end(p, t.start, t.end);
		const char *text = p->s->skip_layout ? NULL : dup_text(p, t.start, end);

		p->pos = t.end;
		if (in_block)
			add_member(p, PSL_MEMBER_COMMENT, 0, text, t.start, end);
		else
			add_top(p, PSL_TOP_COMMENT, 0, text, t.start, end);
		comment_doc(p, &t);
		accept(p, LEX_NEWLINE, &nl);
	}
	return doc_finish(p);
}

/* trailing_comment := doc_comment | comment | block_comment */
static bool parse_trailing_comment(struct parser *p, struct lex_token *t)
{
	peek(p, t);
	if (!is_comment(t->kind))
		return false;
	p->pos = t->end;
	return true;
}

/* Join two doc texts with "\n" (either may be NULL). */
static const char *doc_join(struct parser *p, const char *a, const char *b)
{
	if (!a)
		return b;
	if (!b)
		return a;
	return arena_printf(&p->s->arena, "%s\n%s", a, b);
}

/* ---- strings ---- */

static void add_utf8(struct strbuf *sb, uint32_t cp)
{
	if (cp < 0x80) {
		strbuf_addch(sb, (int)cp);
	} else if (cp < 0x800) {
		strbuf_addch(sb, (int)(0xc0 | (cp >> 6)));
		strbuf_addch(sb, (int)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		strbuf_addch(sb, (int)(0xe0 | (cp >> 12)));
		strbuf_addch(sb, (int)(0x80 | ((cp >> 6) & 0x3f)));
		strbuf_addch(sb, (int)(0x80 | (cp & 0x3f)));
	} else {
		strbuf_addch(sb, (int)(0xf0 | (cp >> 18)));
		strbuf_addch(sb, (int)(0x80 | ((cp >> 12) & 0x3f)));
		strbuf_addch(sb, (int)(0x80 | ((cp >> 6) & 0x3f)));
		strbuf_addch(sb, (int)(0x80 | (cp & 0x3f)));
	}
}

/*
 * `\uXXXX` at pos (the backslash) within [pos, end): how many bytes it
 * takes, the code unit in *unit when all four digits are there. When the
 * sequence is cut short, the bytes up to the first non-digit.
 */
static uint32_t unicode_unit(const struct parser *p, uint32_t pos, uint32_t end, uint32_t *unit, bool *ok)
{
	uint32_t i, v = 0;

	*ok = false;
	if (end - pos < 4 || p->text[pos] != '\\' || p->text[pos + 1] != 'u')
		return 0;
	for (i = 0; i < 4; i++) {
		int h = pos + 2 + i < end ? hex_digit_value(p->text[pos + 2 + i]) : -1;
		if (h < 0)
			return 2 + i;
		v = (v << 4) | (uint32_t)h;
	}
	*unit = v;
	*ok = true;
	return 6;
}

/*
 * The value of the string literal [start, end) (quotes included), JSON
 * escapes resolved; bad escapes are diagnostics with Prisma's spans, and
 * contribute nothing to the value.
 */
static const char *string_value(struct parser *p, uint32_t start, uint32_t end)
{
	uint32_t i = start + 1, cend = end - 1, n;
	struct strbuf *sb = &p->sb;

	if (!memchr(p->text + i, '\\', cend - i))
		return dup_text(p, i, cend);
	strbuf_reset(sb);
	while (i < cend) {
		char c = p->text[i];
		if (c != '\\') {
			strbuf_addch(sb, c);
			i++;
			continue;
		}
		c = p->text[i + 1];
		switch (c) {
		case '"': case '\\': case '/':
			strbuf_addch(sb, c);
			i += 2;
			continue;
		case 'b': strbuf_addch(sb, '\b'); i += 2; continue;
		case 'f': strbuf_addch(sb, '\f'); i += 2; continue;
		case 'n': strbuf_addch(sb, '\n'); i += 2; continue;
		case 'r': strbuf_addch(sb, '\r'); i += 2; continue;
		case 't': strbuf_addch(sb, '\t'); i += 2; continue;
		case 'u': {
			uint32_t first, second, used, used2, rest = cend - i;
			bool ok, ok2;

			used = unicode_unit(p, i, cend, &first, &ok);
			if (!ok) {
				uint32_t mark = used > 2 ? used : 2;
				error_at(p, i, i + (rest < mark ? rest : mark), MSG_BAD_UNICODE);
				i += mark;
				continue;
			}
			if (first < 0xd800 || first > 0xdfff) {
				add_utf8(sb, first);
				i += 6;
				continue;
			}
			used2 = unicode_unit(p, i + 6, cend, &second, &ok2);
			if (!ok2) {
				error_at(p, i, i + (rest < 6 ? rest : 6), MSG_BAD_UNICODE);
				i += 6;
				continue;
			}
			if (first <= 0xdbff && second >= 0xdc00 && second <= 0xdfff) {
				add_utf8(sb, 0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00));
			} else {
				uint32_t mark = 6 + used2;
				error_at(p, i, i + (rest < mark ? rest : mark), MSG_BAD_UNICODE);
			}
			i += 12;
			continue;
		}
		default:
			lexer_decode(p->text, cend, i + 1, &n);
			error_at(p, i, i + 1 + n, MSG_BAD_ESCAPE);
			i += 1 + n;
			continue;
		}
	}
	return arena_strndup(&p->s->arena, sb->buf, sb->len);
}

/* ---- expressions ---- */

static struct psl_expr *parse_expr(struct parser *p);
static bool parse_args(struct parser *p, struct psl_arg **args, uint32_t *nargs, struct psl_span *span,
		       bool *trailing, struct psl_span *trailing_span);

/*
 * path := identifier { "." [identifier] }       (no white space inside)
 *
 * At pos (already past white space); returns the end, or pos when there is
 * no identifier there.
 */
static uint32_t scan_path_rest(struct parser *p, uint32_t q)
{
	while (q < p->len && p->text[q] == '.') {
		q++;
		q += ident_len(p, q);
	}
	return q;
}

static uint32_t scan_path(struct parser *p, uint32_t pos)
{
	uint32_t q = pos + ident_len(p, pos);

	if (q == pos)
		return pos;
	while (q < p->len && p->text[q] == '.') {
		q++;
		q += ident_len(p, q);
	}
	return q;
}

/* Is [start, end) a whole numeric literal, digits ["." digits]? */
static bool is_number_text(const struct parser *p, uint32_t start, uint32_t end)
{
	uint32_t q = start;

	while (q < end && p->text[q] >= '0' && p->text[q] <= '9')
		q++;
	if (q == start)
		return false;
	if (q < end && p->text[q] == '.' && q + 1 < end && p->text[q + 1] >= '0' && p->text[q + 1] <= '9') {
		q++;
		while (q < end && p->text[q] >= '0' && p->text[q] <= '9')
			q++;
	}
	return q == end;
}

static struct psl_expr *new_expr(struct parser *p, enum psl_expr_kind kind, uint32_t start, uint32_t end)
{
	struct psl_expr *e = ARENA_NEW(&p->s->arena, struct psl_expr);
	e->kind = kind;
	e->span = span_of(p, start, end);
	return e;
}

/* array := "[" [expr {"," expr}] "]" */
static struct psl_expr *parse_array(struct parser *p, const struct lex_token *open)
{
	uint32_t base = p->nitems;
	struct lex_token t;
	struct psl_expr *e;

	p->pos = open->end;
	if (!accept(p, LEX_RBRACKET, &t)) {
		for (;;) {
			struct psl_expr *item = parse_expr(p);
			if (!item)
				goto fail;
			ALLOC_GROW(p->items, p->nitems + 1, p->aitems);
			p->items[p->nitems++] = item;
			if (accept(p, LEX_COMMA, &t))
				continue;
			if (accept(p, LEX_RBRACKET, &t))
				break;
			goto fail;
		}
	}
	e = new_expr(p, PSL_EXPR_ARRAY, open->start, t.end);
	e->nitems = p->nitems - base;
	e->items = copy_out(p, p->items, base, e->nitems, sizeof(*e->items));
	p->nitems = base;
	return e;
fail:
	p->nitems = base;
	return NULL;
}

/*
 * expr := func_call | array | number | string | path
 * func_call := path args_list
 * number := ["-"] digits ["." digits]
 *
 * NULL when there is no expression here (or a broken one: what Prisma's
 * grammar would leave unconsumed can never continue the enclosing rule).
 */
static struct psl_expr *parse_expr(struct parser *p)
{
	struct lex_token t;
	struct psl_expr *e;
	uint32_t end, after;

	peek(p, &t);
	switch (t.kind) {
	case LEX_STRING:
		p->pos = t.end;
		e = new_expr(p, PSL_EXPR_STRING, t.start, t.end);
		e->str = string_value(p, t.start, t.end);
		return e;
	case LEX_NUMBER:
		p->pos = t.end;
		e = new_expr(p, PSL_EXPR_NUMBER, t.start, t.end);
		e->str = dup_text(p, t.start, t.end);
		return e;
	case LEX_LBRACKET:
		return parse_array(p, &t);
	case LEX_IDENT:
		break;
	default:
		return NULL;
	}
	end = scan_path_rest(p, t.end);   /* the token is the path's first identifier */
	after = skip_space(p, end);
	if (after < p->len && p->text[after] == '(') {
		uint32_t save = p->pos, mark = p->s->ndiags;
		e = new_expr(p, PSL_EXPR_FUNC, t.start, end);
		p->pos = after;
		if (!parse_args(p, &e->args, &e->nargs, &e->span, &e->trailing_comma, &e->trailing_comma_span)) {
			diags_truncate(p, mark);
			p->pos = save;
			return NULL;
		}
		e->span.start = t.start;
		e->str = dup_text(p, t.start, end);
		return e;
	}
	p->pos = end;
	if (p->text[t.start] >= '0' && p->text[t.start] <= '9') {
		if (!is_number_text(p, t.start, end))
			return NULL;
		e = new_expr(p, PSL_EXPR_NUMBER, t.start, end);
	} else {
		e = new_expr(p, PSL_EXPR_CONST, t.start, end);
	}
	e->str = dup_text(p, t.start, end);
	return e;
}

/* arg := identifier ":" expr | identifier ":" | expr */
static bool parse_arg(struct parser *p, struct psl_arg *a)
{
	struct lex_token t, colon;

	memset(a, 0, sizeof(*a));
	peek(p, &t);
	if (t.kind == LEX_IDENT) {
		/* the token after the identifier: only a `:` matters here */
		colon.start = skip_space(p, t.end);
		colon.end = colon.start + 1;
		if (colon.start < p->len && p->text[colon.start] == ':') {
			uint32_t mark = p->s->ndiags;
			a->name = dup_text(p, t.start, t.end);
			a->name_span = span_of(p, t.start, t.end);
			p->pos = colon.end;
			a->value = parse_expr(p);
			if (!a->value) {
				/* `name:` alone: Prisma parses it to report it when validating */
				diags_truncate(p, mark);
				p->pos = colon.end;
				a->span = span_of(p, t.start, colon.end);
				return true;
			}
			a->span = span_of(p, t.start, a->value->span.end);
			return true;
		}
	}
	a->value = parse_expr(p);
	if (!a->value)
		return false;
	a->span = a->value->span;
	return true;
}

/* args_list := "(" [arg {"," arg}] [","] ")" */
static bool parse_args(struct parser *p, struct psl_arg **args, uint32_t *nargs, struct psl_span *span,
		       bool *trailing, struct psl_span *trailing_span)
{
	uint32_t base = p->nargs;
	struct lex_token open, t;
	struct psl_arg a;

	if (!accept(p, LEX_LPAREN, &open))
		return false;
	if (accept(p, LEX_COMMA, &t)) {
		*trailing = true;
		*trailing_span = span_of(p, t.start, t.end);
		if (!accept(p, LEX_RPAREN, &t))
			goto fail;
	} else if (!accept(p, LEX_RPAREN, &t)) {
		for (;;) {
			struct lex_token comma;

			if (!parse_arg(p, &a))
				goto fail;
			ALLOC_GROW(p->args, p->nargs + 1, p->aargs);
			p->args[p->nargs++] = a;
			if (accept(p, LEX_RPAREN, &t))
				break;
			if (!accept(p, LEX_COMMA, &comma))
				goto fail;
			if (accept(p, LEX_RPAREN, &t)) {
				*trailing = true;
				*trailing_span = span_of(p, comma.start, comma.end);
				break;
			}
		}
	}
	*span = span_of(p, open.start, t.end);
	*nargs = p->nargs - base;
	*args = copy_out(p, p->args, base, *nargs, sizeof(**args));
	p->nargs = base;
	return true;
fail:
	p->nargs = base;
	return false;
}

/* ---- attributes ---- */

/*
 * field_attr := "@" path [args_list]
 * block_attr := "@@" path [args_list] [trailing_comment]
 *
 * Arguments that do not parse are left unconsumed (the enclosing line then
 * fails, as in Prisma's grammar).
 */
static bool parse_attr(struct parser *p, bool block, struct psl_attr *a)
{
	struct lex_token t;
	struct psl_span args_span;
	uint32_t name_start, name_end, after;

	memset(a, 0, sizeof(*a));
	if (!accept(p, block ? LEX_ATAT : LEX_AT, &t))
		return false;
	name_start = skip_space(p, t.end);
	name_end = scan_path(p, name_start);
	if (name_end == name_start)
		return false;
	a->block = block;
	a->name = dup_text(p, name_start, name_end);
	a->name_span = span_of(p, name_start, name_end);
	a->span = span_of(p, t.start, name_end);
	p->pos = name_end;
	after = skip_space(p, name_end);
	a->decl_span = span_of(p, t.start, after);
	if (after < p->len && p->text[after] == '(') {
		uint32_t mark = p->s->ndiags;
		p->pos = after;
		if (parse_args(p, &a->args, &a->nargs, &args_span, &a->trailing_comma,
			       &a->trailing_comma_span)) {
			a->has_parens = true;
			a->span.end = args_span.end;
			a->decl_span.end = args_span.end;
		} else {
			diags_truncate(p, mark);
			p->pos = name_end;
		}
	}
	return true;
}

/* ---- field types ---- */

/* base_type := "Unsupported(" string ")" | identifier */
static bool parse_base_type(struct parser *p, struct psl_field_type *ty)
{
	struct lex_token t, str, close;
	uint32_t n;

	peek(p, &t);
	if (t.kind != LEX_IDENT)
		return false;
	n = t.end - t.start;
	if (n == 11 && memcmp(p->text + t.start, "Unsupported", 11) == 0 && t.end < p->len &&
	    p->text[t.end] == '(') {
		uint32_t save = p->pos, mark = p->s->ndiags;
		p->pos = t.end + 1;
		if (accept(p, LEX_STRING, &str) && accept(p, LEX_RPAREN, &close)) {
			ty->name = "Unsupported";
			ty->name_span = span_of(p, t.start, t.end);
			ty->span = span_of(p, t.start, close.end);
			ty->unsupported = string_value(p, str.start, str.end);
			return true;
		}
		diags_truncate(p, mark);
		p->pos = save;
	}
	p->pos = t.end;
	ty->name = dup_text(p, t.start, t.end);
	ty->name_span = span_of(p, t.start, t.end);
	ty->span = ty->name_span;
	return true;
}

/*
 * field_type := base_type "[]" "?" | base_type "[]" | base_type "?"
 *             | base_type "!" | "[" base_type "]" | base_type
 *
 * The legacy and optional-list forms parse (and are reported by the caller,
 * span in *legacy_span).
 */
static bool parse_field_type(struct parser *p, struct psl_field_type *ty, enum legacy_type *legacy,
			     struct psl_span *legacy_span)
{
	struct lex_token t, t2;
	uint32_t start;

	*legacy = TYPE_OK;
	peek(p, &t);
	start = t.start;
	if (t.kind == LEX_LBRACKET) {
		p->pos = t.end;
		if (!parse_base_type(p, ty) || !accept(p, LEX_RBRACKET, &t2))
			return false;
		ty->list = true;
		ty->span = span_of(p, start, t2.end);
		*legacy = TYPE_LEGACY_LIST;
		*legacy_span = ty->span;
		return true;
	}
	if (!parse_base_type(p, ty))
		return false;
	peek(p, &t);
	if (t.kind == LEX_LBRACKET && t.end < p->len && p->text[t.end] == ']') {
		p->pos = t.end + 1;
		ty->list = true;
		ty->span.end = p->pos;
		if (accept(p, LEX_QUESTION, &t2)) {
			ty->optional = true;
			ty->optional_list = true;
			ty->span.end = t2.end;
			*legacy = TYPE_OPTIONAL_LIST;
			*legacy_span = ty->span;
		}
	} else if (accept(p, LEX_QUESTION, &t)) {
		ty->optional = true;
		ty->span.end = t.end;
	} else if (accept(p, LEX_BANG, &t)) {
		ty->span.end = t.end;
		*legacy = TYPE_BANG;
		*legacy_span = ty->span;
	}
	return true;
}

/* ---- block members ---- */

static const char *container_name(enum psl_block_kind kind)
{
	switch (kind) {
	case PSL_BLOCK_VIEW: return "view";
	case PSL_BLOCK_TYPE: return "type";
	case PSL_BLOCK_DATASOURCE: return "datasource";
	case PSL_BLOCK_GENERATOR: return "generator";
	case PSL_BLOCK_ENUM: return "enum";
	case PSL_BLOCK_MODEL: break;
	}
	return "model";
}

/* Collect field/value attributes onto p->fattrs; false when one is broken. */
static bool parse_field_attrs(struct parser *p)
{
	struct lex_token t;

	while (peek(p, &t), t.kind == LEX_AT) {
		/* parsed in place (nothing in parse_attr() grows p->fattrs) */
		ALLOC_GROW(p->fattrs, p->nfattrs + 1, p->afattrs);
		if (!parse_attr(p, false, &p->fattrs[p->nfattrs]))
			return false;
		p->nfattrs++;
	}
	return true;
}

static void pop_field_attrs(struct parser *p, uint32_t base, struct psl_attr **attrs, uint32_t *nattrs)
{
	*nattrs = p->nfattrs - base;
	*attrs = copy_out(p, p->fattrs, base, *nattrs, sizeof(**attrs));
	p->nfattrs = base;
}

/* Trailing comment then NEWLINE; the end of the line break, or 0 when the line does not end here. */
static uint32_t parse_line_end(struct parser *p, struct lex_token *comment, bool *has_comment)
{
	struct lex_token nl;

	*has_comment = parse_trailing_comment(p, comment);
	if (!accept(p, LEX_NEWLINE, &nl))
		return 0;
	return nl.end;
}

/* The documentation a trailing comment adds (`///` or block comment), or NULL. */
static const char *trailing_doc(struct parser *p, const struct lex_token *c)
{
	strbuf_reset(&p->docsb);
	comment_doc(p, c);
	return doc_finish(p);
}

/* Composite types reject some field attributes while parsing (Prisma's parser does). */
static void check_composite_field(struct parser *p, const struct psl_field *f)
{
	for (uint32_t i = 0; i < f->nattrs; i++) {
		const char *n = f->attrs[i].name;
		if (!strcmp(n, "relation") || !strcmp(n, "unique") || !strcmp(n, "id"))
			psl_diag_add(p->s, PSL_ERROR, f->decl_span,
				     "Error validating: Defining `@%s` attribute for a field in a composite type is not allowed.",
				     n);
	}
}

/* field_decl := identifier [":"] [field_type] {field_attr} [trailing_comment] NEWLINE */
static bool parse_field(struct parser *p, enum psl_block_kind kind, const char *block_name)
{
	struct psl_field *f;
	struct lex_token t, colon, comment;
	uint32_t mark = p->s->ndiags, attr_base = p->nfattrs, save, end, last;
	enum legacy_type legacy = TYPE_OK;
	struct psl_span legacy_span = {0, 0, 0};
	bool has_colon, has_comment;

	if (!accept(p, LEX_IDENT, &t))
		return false;
	/* built in place: committed by counting it, when the line parses */
	ALLOC_GROW(p->fields, p->nfields + 1, p->afields);
	f = &p->fields[p->nfields];
	memset(f, 0, sizeof(*f));
	f->name = dup_text(p, t.start, t.end);
	f->name_span = span_of(p, t.start, t.end);
	last = t.end;
	has_colon = accept(p, LEX_COLON, &colon);
	if (has_colon)
		last = colon.end;
	save = p->pos;
	if (parse_field_type(p, &f->type, &legacy, &legacy_span)) {
		f->has_type = true;
		last = f->type.span.end;
	} else {
		memset(&f->type, 0, sizeof(f->type));
		p->pos = save;
	}
	if (!parse_field_attrs(p))
		goto fail;
	if (p->nfattrs > attr_base)
		last = p->fattrs[p->nfattrs - 1].span.end;
	end = parse_line_end(p, &comment, &has_comment);
	if (!end)
		goto fail;

	f->span = span_of(p, t.start, last);
	f->decl_span = span_of(p, t.start, end);
	pop_field_attrs(p, attr_base, &f->attrs, &f->nattrs);
	f->doc = p->pending_doc;
	p->pending_doc = NULL;
	if (has_comment) {
		f->comment = comment_text(p, &comment);
		f->doc = doc_join(p, f->doc, trailing_doc(p, &comment));
	}
	if (has_colon) {
		diags_truncate(p, mark);
		error_at(p, colon.start, colon.end, MSG_LEGACY_COLON);
		p->s->diags[p->s->ndiags - 1].legacy = true;
		f->invalid = true;
	} else if (legacy != TYPE_OK) {
		diags_truncate(p, mark);
		error_at(p, legacy_span.start, legacy_span.end,
			 legacy == TYPE_BANG ? MSG_LEGACY_BANG :
			 legacy == TYPE_LEGACY_LIST ? MSG_LEGACY_LIST : MSG_OPTIONAL_LIST);
		p->s->diags[p->s->ndiags - 1].legacy = true;
		f->invalid = true;
	} else if (!f->has_type) {
		psl_diag_add(p->s, PSL_ERROR, f->decl_span, MSG_FIELD_INVALID, container_name(kind), block_name);
		f->invalid = true;
	} else if (kind == PSL_BLOCK_TYPE) {
		check_composite_field(p, f);
	}
	add_member(p, PSL_MEMBER_FIELD, p->nfields++, NULL, t.start, end);
	return true;
fail:
	p->nfattrs = attr_base;
	diags_truncate(p, mark);
	return false;
}

/* Composite types reject block attributes while parsing (Prisma's parser does). */
static void check_composite_attr(struct parser *p, const struct psl_attr *a)
{
	const char *msg;

	if (!strcmp(a->name, "map"))
		msg = "The name of a composite type is not persisted in the database, therefore it does not need a mapped database name.";
	else if (!strcmp(a->name, "unique"))
		msg = "A unique constraint should be defined in the model containing the embed.";
	else if (!strcmp(a->name, "index"))
		msg = "An index should be defined in the model containing the embed.";
	else if (!strcmp(a->name, "fulltext"))
		msg = "A fulltext index should be defined in the model containing the embed.";
	else if (!strcmp(a->name, "id"))
		msg = "A composite type cannot define an id.";
	else
		msg = "A composite type cannot have block-level attributes.";
	psl_diag_add(p->s, PSL_ERROR, a->decl_span, "Error validating: %s", msg);
}

/* block_attr_line := "@@" path [args_list] [trailing_comment] NEWLINE */
static bool parse_block_attr_line(struct parser *p, enum psl_block_kind kind)
{
	struct psl_attr a;
	struct lex_token comment;
	uint32_t mark = p->s->ndiags, end;
	bool has_comment;

	if (!parse_attr(p, true, &a))
		goto fail;
	end = parse_line_end(p, &comment, &has_comment);
	if (!end)
		goto fail;
	if (has_comment) {
		a.comment = comment_text(p, &comment);
		a.decl_span.end = comment.end;
	} else {
		a.decl_span.end = lexer_line_end(p->text, p->len, a.decl_span.end);
	}
	if (kind == PSL_BLOCK_TYPE)
		check_composite_attr(p, &a);
	ALLOC_GROW(p->battrs, p->nbattrs + 1, p->abattrs);
	p->battrs[p->nbattrs] = a;
	add_member(p, PSL_MEMBER_ATTR, p->nbattrs++, NULL, a.span.start, end);
	return true;
fail:
	diags_truncate(p, mark);
	return false;
}

/* enum_value := identifier {field_attr} [trailing_comment] NEWLINE */
static bool parse_enum_value(struct parser *p)
{
	struct psl_enum_value v;
	struct lex_token t, comment;
	uint32_t mark = p->s->ndiags, attr_base = p->nfattrs, end;
	bool has_comment;

	memset(&v, 0, sizeof(v));
	if (!accept(p, LEX_IDENT, &t))
		return false;
	if (!parse_field_attrs(p))
		goto fail;
	v.span = span_of(p, t.start, p->nfattrs > attr_base ? p->fattrs[p->nfattrs - 1].span.end : t.end);
	end = parse_line_end(p, &comment, &has_comment);
	if (!end)
		goto fail;
	v.name = dup_text(p, t.start, t.end);
	v.name_span = span_of(p, t.start, t.end);
	v.decl_span = span_of(p, t.start, end);
	pop_field_attrs(p, attr_base, &v.attrs, &v.nattrs);
	v.doc = p->pending_doc;
	p->pending_doc = NULL;
	if (has_comment) {
		v.comment = comment_text(p, &comment);
		v.doc = doc_join(p, v.doc, trailing_doc(p, &comment));
	}
	ALLOC_GROW(p->values, p->nvalues + 1, p->avalues);
	p->values[p->nvalues] = v;
	add_member(p, PSL_MEMBER_VALUE, p->nvalues++, NULL, t.start, end);
	return true;
fail:
	p->nfattrs = attr_base;
	diags_truncate(p, mark);
	return false;
}

/* key_value_line := identifier "=" [expr] [trailing_comment] NEWLINE */
static bool parse_key_value(struct parser *p)
{
	struct psl_prop kv;
	struct lex_token t, eq, comment, nl;
	uint32_t mark = p->s->ndiags, last;
	bool has_comment;

	memset(&kv, 0, sizeof(kv));
	if (!accept(p, LEX_IDENT, &t) || !accept(p, LEX_EQUALS, &eq))
		goto fail;
	kv.value = parse_expr(p);
	last = kv.value ? kv.value->span.end : eq.end;
	has_comment = parse_trailing_comment(p, &comment);
	if (!accept(p, LEX_NEWLINE, &nl))
		goto fail;
	kv.name = dup_text(p, t.start, t.end);
	kv.name_span = span_of(p, t.start, t.end);
	kv.span = span_of(p, t.start, last);
	if (has_comment) {
		kv.comment = comment_text(p, &comment);
		kv.decl_span = span_of(p, t.start, comment.end);
	} else {
		kv.decl_span = span_of(p, t.start, nl.start);
	}
	ALLOC_GROW(p->props, p->nprops + 1, p->aprops);
	p->props[p->nprops] = kv;
	add_member(p, PSL_MEMBER_PROP, p->nprops++, NULL, t.start, nl.end);
	return true;
fail:
	diags_truncate(p, mark);
	return false;
}

/*
 * empty_lines := { [white space] NEWLINE }+
 *
 * From pos (before any white space); returns the number of blank lines (a
 * line break ending a line that had content is not one) and moves past them.
 */
static uint32_t parse_empty_lines(struct parser *p, uint32_t *start, uint32_t *end)
{
	uint32_t pos = p->pos, n = 0, nl;
	bool line_start = at_line_start(p, pos);

	*start = pos;
	for (;;) {
		uint32_t q = skip_space(p, pos);
		nl = lexer_newline_len(p->text, p->len, q);
		if (!nl)
			break;
		if (!n && !line_start)
			*start = q + nl;
		pos = q + nl;
		n++;
	}
	p->pos = pos;
	*end = pos;
	return line_start || !n ? n : n - 1;
}

/* catch_all := <anything but a line break>+ [NEWLINE]  (one error for the whole line) */
static void catch_all(struct parser *p, uint32_t q, const char *msg)
{
	uint32_t e = lexer_line_end(p->text, p->len, q);

	e += lexer_newline_len(p->text, p->len, e);
	error_at(p, q, e, msg);
	p->pos = e;
}

/* ---- blocks ---- */

static void reset_block(struct parser *p)
{
	p->nfields = p->nvalues = p->nprops = p->nbattrs = p->nmembers = 0;
	p->pending_doc = NULL;
}

/*
 * block := KEYWORD identifier "{" <rest of the line> NEWLINE { member } "}"
 * model_member := field_decl | block_attr_line | comment_group | empty_lines | catch_all
 * enum_member := enum_value | block_attr_line | comment_group | empty_lines | catch_all
 * config_member := key_value_line | comment_group | empty_lines | catch_all
 *
 * False (nothing recorded) when the header does not parse or no line
 * closes the block before the end of the file.
 */
static bool parse_block(struct parser *p, enum psl_block_kind kind, uint32_t kw_start, uint32_t kw_end)
{
	struct psl_schema *s = p->s;
	struct psl_block b;
	uint32_t mark = s->ndiags, ntops = s->ntops;
	uint32_t name_start, name_end, q, open_end, body, close_end = 0, rest;
	char config_msg[80];
	const char *block_name;

	name_start = skip_space(p, kw_end);
	name_end = name_start + ident_len(p, name_start);
	if (name_end == name_start)
		return false;
	q = skip_space(p, name_end);
	if (q >= p->len || p->text[q] != '{')
		return false;
	open_end = lexer_line_end(p->text, p->len, q + 1);
	if (!lexer_newline_len(p->text, p->len, open_end))
		return false;
	body = open_end + lexer_newline_len(p->text, p->len, open_end);
	if (body >= p->unclosed_from)
		return false;

	memset(&b, 0, sizeof(b));
	b.kind = kind;
	b.name = block_name = dup_text(p, name_start, name_end);
	b.name_span = span_of(p, name_start, name_end);
	b.keyword_span = span_of(p, kw_start, kw_end);
	rest = skip_space(p, q + 1);
	if (rest < open_end) {
		uint32_t rend = trim_end(p, rest, open_end);
		if (rend - rest >= 2 && p->text[rest] == '/' && p->text[rest + 1] == '/')
			b.open_comment = dup_text(p, rest + 2, rend);
		else
			b.open_comment = dup_text(p, rest, rend);
	}
	if (kind == PSL_BLOCK_DATASOURCE || kind == PSL_BLOCK_GENERATOR)
		snprintf(config_msg, sizeof(config_msg), MSG_CONFIG_LINE, container_name(kind));

	reset_block(p);
	p->pos = body;
	for (;;) {
		struct lex_token t;
		uint32_t bstart, bend, n;

		q = skip_space(p, p->pos);
		if (q >= p->len) {
			/* never closed: the caller reports the lines one by one */
			if (body < p->unclosed_from)
				p->unclosed_from = body;
			diags_truncate(p, mark);
			s->ntops = ntops;
			reset_block(p);
			return false;
		}
		if (p->text[q] == '}') {
			close_end = q + 1;
			break;
		}
		if (is_newline_at(p, q)) {
			n = parse_empty_lines(p, &bstart, &bend);
			if (n)
				add_member(p, PSL_MEMBER_BLANK, n, NULL, bstart, bend);
			continue;
		}
		p->pos = q;
		switch (kind) {
		case PSL_BLOCK_MODEL:
		case PSL_BLOCK_VIEW:
		case PSL_BLOCK_TYPE:
			if (parse_field(p, kind, block_name))
				continue;
			p->pos = q;
			if (parse_block_attr_line(p, kind))
				continue;
			break;
		case PSL_BLOCK_ENUM:
			if (parse_enum_value(p))
				continue;
			p->pos = q;
			if (parse_block_attr_line(p, kind))
				continue;
			break;
		case PSL_BLOCK_DATASOURCE:
		case PSL_BLOCK_GENERATOR:
			if (parse_key_value(p))
				continue;
			break;
		}
		p->pos = q;
		peek(p, &t);
		if (is_comment(t.kind)) {
			p->pending_doc = parse_comment_group(p, true);
			continue;
		}
		catch_all(p, q, kind == PSL_BLOCK_ENUM ? MSG_ENUM_LINE :
				kind == PSL_BLOCK_DATASOURCE || kind == PSL_BLOCK_GENERATOR ? config_msg :
				MSG_MODEL_LINE);
	}

	b.span = span_of(p, kw_start, close_end);
	if (p->top_doc && skip_space(p, p->top_doc_end) == kw_start)
		b.doc = p->top_doc;
#define TAKE(dst, ndst, src, nsrc)                                                          \
	do {                                                                                \
		(ndst) = (nsrc);                                                            \
		(dst) = copy_out(p, (src), 0, (nsrc), sizeof(*(src)));                     \
	} while (0)
	TAKE(b.fields, b.nfields, p->fields, p->nfields);
	TAKE(b.values, b.nvalues, p->values, p->nvalues);
	TAKE(b.props, b.nprops, p->props, p->nprops);
	TAKE(b.attrs, b.nattrs, p->battrs, p->nbattrs);
	TAKE(b.members, b.nmembers, p->members, p->nmembers);
#undef TAKE
	reset_block(p);
	ALLOC_GROW(s->blocks, s->nblocks + 1, s->ablocks);
	s->blocks[s->nblocks] = b;
	add_top(p, PSL_TOP_BLOCK, s->nblocks++, NULL, kw_start, close_end);
	p->pos = close_end;
	return true;
}

/*
 * type_alias := "type" identifier "=" base_type {field_attr}
 *
 * Not supported by Prisma: one error over it, then parsing goes on right after it.
 */
static bool parse_type_alias(struct parser *p, uint32_t kw_start, uint32_t kw_end)
{
	struct psl_field_type ty;
	struct lex_token t;
	uint32_t mark = p->s->ndiags, attr_base = p->nfattrs, end;

	p->pos = kw_end;
	memset(&ty, 0, sizeof(ty));
	if (!accept(p, LEX_IDENT, &t) || !accept(p, LEX_EQUALS, &t) || !parse_base_type(p, &ty)) {
		diags_truncate(p, mark);
		return false;
	}
	end = skip_space(p, p->pos);
	p->pos = end;
	if (!parse_field_attrs(p))
		p->pos = end;
	if (p->nfattrs > attr_base)
		end = p->fattrs[p->nfattrs - 1].decl_span.end;
	p->nfattrs = attr_base;
	diags_truncate(p, mark);
	error_at(p, kw_start, end, MSG_TYPE_ALIAS);
	p->pos = end;
	return true;
}

/* arbitrary_block := identifier "{" <rest of the line> NEWLINE <anything> "}" */
static bool parse_arbitrary_block(struct parser *p, uint32_t q)
{
	uint32_t name_end = q + ident_len(p, q), b, open_end, nl;
	const char *close;

	if (name_end == q)
		return false;
	b = skip_space(p, name_end);
	if (b >= p->len || p->text[b] != '{')
		return false;
	open_end = lexer_line_end(p->text, p->len, b + 1);
	nl = lexer_newline_len(p->text, p->len, open_end);
	if (!nl || p->last_rbrace_end <= open_end + nl)
		return false;
	close = memchr(p->text + open_end + nl, '}', p->len - (open_end + nl));
	if (!close)
		return false;
	p->pos = (uint32_t)(close - p->text) + 1;
	error_at(p, q, p->pos, MSG_ARBITRARY_BLOCK);
	return true;
}

static bool has_prefix(const struct parser *p, uint32_t q, const char *kw, uint32_t *end)
{
	size_t n = strlen(kw);

	if (p->len - q < n || memcmp(p->text + q, kw, n) != 0)
		return false;
	*end = q + (uint32_t)n;
	return true;
}

/*
 * top_item := model_decl | enum_decl | config_block | type_alias
 *           | arbitrary_block | comment_group | empty_lines | catch_all
 * model_decl := ("model" | "type" | "view") block
 * enum_decl := "enum" block
 * config_block := ("datasource" | "generator") block
 *
 * Keywords are plain prefixes, as in Prisma: `modelUser {` declares model User.
 */
static void parse_top_item(struct parser *p, uint32_t q)
{
	static const struct {
		const char *kw;
		enum psl_block_kind kind;
	} kws[] = {
		{ "model", PSL_BLOCK_MODEL }, { "type", PSL_BLOCK_TYPE }, { "view", PSL_BLOCK_VIEW },
		{ "enum", PSL_BLOCK_ENUM }, { "datasource", PSL_BLOCK_DATASOURCE },
		{ "generator", PSL_BLOCK_GENERATOR },
	};
	struct lex_token t;
	uint32_t kw_end;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kws); i++) {
		if (!has_prefix(p, q, kws[i].kw, &kw_end))
			continue;
		if (parse_block(p, kws[i].kind, q, kw_end))
			goto done;
		if (kws[i].kind == PSL_BLOCK_TYPE && parse_type_alias(p, q, kw_end))
			goto done;
		break;
	}
	if (parse_arbitrary_block(p, q))
		goto done;
	p->pos = q;
	peek(p, &t);
	if (is_comment(t.kind)) {
		const char *doc = parse_comment_group(p, false);
		p->top_doc = doc;
		p->top_doc_end = p->pos;
		return;
	}
	catch_all(p, q, MSG_TOP_LINE);
done:
	p->top_doc = NULL;
}

void psl_parse(struct psl_schema *s, uint32_t file)
{
	struct parser p;
	const char *last;

	if (file >= s->nsources)
		MESDB_BUG("psl_parse: no such source");
	memset(&p, 0, sizeof(p));
	p.s = s;
	p.file = file;
	p.text = s->sources[file].text;
	p.len = s->sources[file].len;
	p.unclosed_from = UINT32_MAX;
	p.tok_pos = UINT32_MAX;
	strbuf_init(&p.sb, 0);
	strbuf_init(&p.docsb, 0);
	/*
	 * The tree takes about six times the text (less without layout):
	 * one block for it, not a chain of ever bigger ones.
	 */
	arena_expect(&s->arena, (size_t)p.len * (s->skip_layout ? 6 : 7));
	for (last = p.text + p.len; last > p.text && last[-1] != '}'; last--)
		;
	p.last_rbrace_end = (uint32_t)(last - p.text);

	for (;;) {
		uint32_t q = skip_space(&p, p.pos), start, end, n;

		if (q >= p.len)
			break;
		if (is_newline_at(&p, q)) {
			n = parse_empty_lines(&p, &start, &end);
			if (n)
				add_top(&p, PSL_TOP_BLANK, n, NULL, start, end);
			p.top_doc = NULL;
			continue;
		}
		parse_top_item(&p, q);
	}

	free(p.fields);
	free(p.values);
	free(p.props);
	free(p.battrs);
	free(p.members);
	free(p.fattrs);
	free(p.args);
	free(p.items);
	strbuf_release(&p.sb);
	strbuf_release(&p.docsb);
}
