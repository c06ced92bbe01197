/* format.c - reprint a Prisma schema file the way `prisma format` (5.22) does */
/*
 * Owns: the layout rules of Prisma's formatter and its relation repairs
 * (format.h). Reads the AST and the source text (for literals and comments,
 * which are kept exactly as written); never changes the schema it is given.
 *
 * Layout, as Prisma 5.22 prints it:
 *   - top level: leading and trailing blank lines dropped; the newline that
 *     ends a block's `}` line and every run of blank lines print as ONE blank
 *     line (so blocks are always separated by exactly one blank line, and a
 *     comment right after `}` on the same line goes on the next line with no
 *     blank line); comments lose their indentation.
 *   - inside a block: rows in a table of columns (field: name, type,
 *     attributes; enum value: name, attributes; key/value: key, `= value`),
 *     each column padded to the widest cell of its group plus one space, the
 *     last non-empty column never padded; a trailing comment follows the last
 *     cell after one space. A run of blank lines ends the group and prints as
 *     one blank line, except before a block attribute or a comment that
 *     directly precedes one, and at the start or end of the block. Comment
 *     lines are rows without cells: they keep the group together.
 *   - block attributes move to the end of the block, after one blank line,
 *     in a stable order (id, unique, default, updatedAt, index, fulltext,
 *     map, relation, ignore, then the rest), each with the comment lines
 *     written directly above it; field attributes are sorted the same way
 *     (enum value attributes are not, and print with no space between).
 *   - expressions: `, ` between arguments and list items, `name: value`,
 *     trailing commas dropped; strings, numbers and names as written.
 *   - a comment after a block's opening `{` is dropped; output always ends
 *     with a newline; CRLF becomes LF.
 */
#include "psl/format.h"

#include "base/arena.h"
#include "base/strmap.h"
#include "base/xalloc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* ---- the output: Prisma's renderer (indent on the first write of a line) ---- */

struct fmt_out {
	struct strbuf *sb;
	unsigned indent;
};

static void out_write(struct fmt_out *o, const char *s, size_t n)
{
	if (o->sb->len == 0 || o->sb->buf[o->sb->len - 1] == '\n')
		strbuf_addchars(o->sb, ' ', 2 * o->indent);
	strbuf_add(o->sb, s, n);
}

static void out_writestr(struct fmt_out *o, const char *s)
{
	out_write(o, s, strlen(s));
}

static void out_end_line(struct fmt_out *o)
{
	strbuf_addch(o->sb, '\n');
}

/* ---- tables of aligned columns ---- */

#define FMT_MAX_COLS 3

struct fmt_row {
	const char *col[FMT_MAX_COLS]; /* NULL = no cell */
	size_t len[FMT_MAX_COLS];
	unsigned ncols;
	const char *suffix;      /* trailing comment, or the text of a comment line (not NUL-terminated) */
	size_t suffix_len;
};

struct fmt_table {
	struct fmt_row *rows;
	size_t n, alloc;
};

static struct fmt_row *table_new_row(struct fmt_table *t)
{
	ALLOC_GROW(t->rows, t->n + 1, t->alloc);
	memset(&t->rows[t->n], 0, sizeof(t->rows[0]));
	return &t->rows[t->n++];
}

static struct fmt_row *table_last(struct fmt_table *t)
{
	if (!t->n)
		MESDB_BUG("format table has no row");
	return &t->rows[t->n - 1];
}

/* A cell of n bytes (not necessarily NUL-terminated), alive until the table is rendered. */
static void table_set_cell(struct fmt_table *t, unsigned col, const char *text, size_t n)
{
	struct fmt_row *r = table_last(t);
	if (col >= FMT_MAX_COLS)
		MESDB_BUG("format table column out of range");
	r->col[col] = text;
	r->len[col] = text ? n : 0;
	if (r->ncols < col + 1)
		r->ncols = col + 1;
}

static void table_set_cellz(struct fmt_table *t, unsigned col, const char *text)
{
	table_set_cell(t, col, text, text ? strlen(text) : 0);
}

static void table_set_suffix(struct fmt_table *t, const char *text, size_t n)
{
	struct fmt_row *r = table_last(t);
	r->suffix = text;
	r->suffix_len = text ? n : 0;
}

/*
 * One row as out_write() calls would print it (the indentation at the first
 * write of a line), into room made once.
 */
static void render_row(struct fmt_out *o, const struct fmt_row *r, const size_t *width)
{
	struct strbuf *sb = o->sb;
	size_t need = 2 * (size_t)o->indent + 2 + r->suffix_len, len;
	bool first = true;
	unsigned c;
	char *b;

	for (c = 0; c < r->ncols; c++)
		need += width[c] + 1;
	strbuf_grow(sb, need);
	b = sb->buf;
	len = sb->len;
	for (c = 0; c < r->ncols; c++) {
		if (first && (len == 0 || b[len - 1] == '\n')) {
			memset(b + len, ' ', 2 * (size_t)o->indent);
			len += 2 * (size_t)o->indent;
		}
		first = false;
		if (r->len[c])
			memcpy(b + len, r->col[c], r->len[c]);
		len += r->len[c];
		if (c + 1 < r->ncols) {
			size_t pad = width[c] - r->len[c] + 1;
			memset(b + len, ' ', pad);
			len += pad;
		}
	}
	if (r->suffix_len) {
		if (first && (len == 0 || b[len - 1] == '\n')) {
			memset(b + len, ' ', 2 * (size_t)o->indent);
			len += 2 * (size_t)o->indent;
		}
		if (r->ncols)
			b[len++] = ' ';
		memcpy(b + len, r->suffix, r->suffix_len);
		len += r->suffix_len;
	}
	b[len++] = '\n';
	b[len] = '\0';
	sb->len = len;
}

/* Print the rows and empty the table. */
static void table_render(struct fmt_table *t, struct fmt_out *o)
{
	size_t width[FMT_MAX_COLS] = { 0 };
	size_t i;
	unsigned c;

	for (i = 0; i < t->n; i++) {
		struct fmt_row *r = &t->rows[i];
		while (r->ncols && r->len[r->ncols - 1] == 0)
			r->ncols--;
		for (c = 0; c < r->ncols; c++)
			if (r->len[c] > width[c])
				width[c] = r->len[c];
	}
	for (i = 0; i < t->n; i++)
		render_row(o, &t->rows[i], width);
	t->n = 0;
}

static void table_release(struct fmt_table *t)
{
	free(t->rows);
	t->rows = NULL;
	t->n = t->alloc = 0;
}

/* ---- source text helpers ---- */

struct fmt_ctx {
	const struct psl_schema *s;
	const struct psl_source *src;
	uint32_t file;
	struct arena arena;      /* cells and other scratch strings */
	struct strbuf tmp;
};

static bool is_newline(char c)
{
	return c == '\n' || c == '\r';
}

/*
 * The comment starting at or after `pos` on the same line (only spaces and
 * tabs before it), from its `//` to the end of the line: its start in the
 * source and its length in *n; NULL when none.
 */
static const char *comment_after(struct fmt_ctx *cx, uint32_t pos, size_t *n)
{
	const char *t = cx->src->text;
	uint32_t len = cx->src->len, i = pos, j;

	*n = 0;
	while (i < len && (t[i] == ' ' || t[i] == '\t'))
		i++;
	if (i + 1 >= len || t[i] != '/' || t[i + 1] != '/')
		return NULL;
	for (j = i; j < len && !is_newline(t[j]); j++)
		;
	/* the text ends at a NUL byte, as a C string would */
	const char *nul = memchr(t + i, '\0', j - i);
	*n = nul ? (size_t)(nul - (t + i)) : j - i;
	return t + i;
}

/* The whole-line comment whose span starts at `pos`: from `//` to the end of the line. */
static const char *comment_line(struct fmt_ctx *cx, uint32_t pos, size_t *n)
{
	const char *c = comment_after(cx, pos, n);
	return c ? c : "";
}

/* ---- expressions and attributes ---- */

static void add_expr(struct fmt_ctx *cx, struct strbuf *sb, const struct psl_expr *e);

static void add_args(struct fmt_ctx *cx, struct strbuf *sb, const struct psl_arg *args, uint32_t n)
{
	uint32_t i;

	strbuf_addch(sb, '(');
	for (i = 0; i < n; i++) {
		if (i)
			strbuf_addstr(sb, ", ");
		if (args[i].name) {
			strbuf_addstr(sb, args[i].name);
			strbuf_addstr(sb, ": ");
		}
		if (args[i].value)
			add_expr(cx, sb, args[i].value);
	}
	strbuf_addch(sb, ')');
}

static void add_expr(struct fmt_ctx *cx, struct strbuf *sb, const struct psl_expr *e)
{
	const struct psl_source *src = &cx->s->sources[e->span.file];
	uint32_t i;

	switch (e->kind) {
	case PSL_EXPR_STRING:
		/* kept as written: escapes and all */
		if (e->span.end > e->span.start && e->span.end <= src->len)
			strbuf_add(sb, src->text + e->span.start, e->span.end - e->span.start);
		break;
	case PSL_EXPR_NUMBER:
	case PSL_EXPR_CONST:
		strbuf_addstr(sb, e->str ? e->str : "");
		break;
	case PSL_EXPR_FUNC:
		strbuf_addstr(sb, e->str ? e->str : "");
		add_args(cx, sb, e->args, e->nargs);
		break;
	case PSL_EXPR_ARRAY:
		strbuf_addch(sb, '[');
		for (i = 0; i < e->nitems; i++) {
			if (i)
				strbuf_addstr(sb, ", ");
			add_expr(cx, sb, e->items[i]);
		}
		strbuf_addch(sb, ']');
		break;
	}
}

static void add_attr(struct fmt_ctx *cx, struct strbuf *sb, const struct psl_attr *a)
{
	strbuf_addstr(sb, a->block ? "@@" : "@");
	strbuf_addstr(sb, a->name);
	if (a->has_parens)
		add_args(cx, sb, a->args, a->nargs);
}

/* Prisma's canonical attribute order; anything else sorts last, in source order. */
static unsigned attr_rank(const struct psl_attr *a)
{
	/* id, unique, default, updatedAt, index, fulltext, map, relation, ignore, then the rest */
	const char *n = a->name;
	const char *cand;
	unsigned rank;

	switch (n[0]) {
	case 'i': rank = n[1] == 'd' ? 0 : n[1] == 'n' ? 4 : 8; break;
	case 'u': rank = n[1] == 'n' ? 1 : 3; break;
	case 'd': rank = 2; break;
	case 'f': rank = 5; break;
	case 'm': rank = 6; break;
	case 'r': rank = 7; break;
	default: return 9;
	}
	static const char *const order[] = {
		"id", "unique", "default", "updatedAt", "index", "fulltext", "map", "relation", "ignore",
	};
	cand = order[rank];
	return strcmp(n, cand) ? 9 : rank;
}

/* Stable sort of attribute indexes by rank (insertion sort: attribute lists are short). */
static void sort_attr_indexes(const struct psl_attr *attrs, uint32_t *idx, unsigned *rank, uint32_t n)
{
	uint32_t i, j;

	for (i = 0; i < n; i++)
		rank[i] = attr_rank(&attrs[i]);
	for (i = 1; i < n; i++) {
		uint32_t v = idx[i];
		for (j = i; j > 0 && rank[idx[j - 1]] > rank[v]; j--)
			idx[j] = idx[j - 1];
		idx[j] = v;
	}
}

static char *attrs_cell(struct fmt_ctx *cx, const struct psl_attr *attrs, uint32_t n, size_t *len)
{
	uint32_t idx_small[16], *idx, i;
	unsigned rank_small[16], *rank;
	char *res;

	*len = 0;
	if (!n)
		return NULL;
	if (n <= ARRAY_SIZE(idx_small)) {
		idx = idx_small;
		rank = rank_small;
	} else {
		idx = xmalloc(xmul(n, sizeof(*idx)));
		rank = xmalloc(xmul(n, sizeof(*rank)));
	}
	for (i = 0; i < n; i++)
		idx[i] = i;
	sort_attr_indexes(attrs, idx, rank, n);
	strbuf_reset(&cx->tmp);
	for (i = 0; i < n; i++) {
		if (i)
			strbuf_addch(&cx->tmp, ' ');
		add_attr(cx, &cx->tmp, &attrs[idx[i]]);
	}
	if (idx != idx_small) {
		free(idx);
		free(rank);
	}
	res = arena_strndup(&cx->arena, cx->tmp.buf, cx->tmp.len);
	*len = cx->tmp.len;
	return res;
}

/* ---- fields, enum values, key/value lines ---- */

/* End of the base type `Unsupported("...")` starting at `pos`: just after its `)`. */
static uint32_t unsupported_end(const struct psl_source *src, uint32_t pos, uint32_t limit)
{
	const char *t = src->text;
	uint32_t i = pos;
	bool in_str = false;

	if (limit > src->len)
		limit = src->len;
	for (; i < limit; i++) {
		if (in_str) {
			if (t[i] == '\\')
				i++;
			else if (t[i] == '"')
				in_str = false;
		} else if (t[i] == '"') {
			in_str = true;
		} else if (t[i] == ')') {
			return i + 1;
		}
	}
	return limit;
}

static const char *type_cell(struct fmt_ctx *cx, const struct psl_field_type *ty, size_t *len)
{
	if (!(ty->unsupported && ty->span.end > ty->span.start) && !ty->optional_list && !ty->list &&
	    !ty->optional) {
		/* the plain type name, as it is */
		const char *name = ty->name ? ty->name : "";
		*len = strlen(name);
		return name;
	}
	strbuf_reset(&cx->tmp);
	if (ty->unsupported && ty->span.end > ty->span.start) {
		const struct psl_source *src = &cx->s->sources[ty->span.file];
		uint32_t end = unsupported_end(src, ty->span.start, ty->span.end);
		strbuf_add(&cx->tmp, src->text + ty->span.start, end - ty->span.start);
	} else {
		strbuf_addstr(&cx->tmp, ty->name ? ty->name : "");
	}
	if (ty->optional_list)
		strbuf_addstr(&cx->tmp, "[]?");
	else if (ty->list)
		strbuf_addstr(&cx->tmp, "[]");
	else if (ty->optional)
		strbuf_addch(&cx->tmp, '?');
	*len = cx->tmp.len;
	return arena_strndup(&cx->arena, cx->tmp.buf, cx->tmp.len);
}

static uint32_t max_u32(uint32_t a, uint32_t b)
{
	return a > b ? a : b;
}

static uint32_t attrs_end(const struct psl_attr *attrs, uint32_t n, uint32_t end)
{
	uint32_t i;
	for (i = 0; i < n; i++)
		end = max_u32(end, attrs[i].span.end);
	return end;
}

static void row_field(struct fmt_ctx *cx, struct fmt_table *t, const struct psl_field *f)
{
	uint32_t end = f->name_span.end;
	const char *c;
	size_t n;

	table_new_row(t);
	table_set_cellz(t, 0, f->name);
	if (f->has_type) {
		c = type_cell(cx, &f->type, &n);
		table_set_cell(t, 1, c, n);
		end = max_u32(end, f->type.span.end);
	}
	if (f->nattrs) {
		c = attrs_cell(cx, f->attrs, f->nattrs, &n);
		table_set_cell(t, 2, c, n);
	}
	end = attrs_end(f->attrs, f->nattrs, end);
	c = comment_after(cx, end, &n);
	table_set_suffix(t, c, n);
}

/* Enum value attributes: in source order and, as Prisma prints them, with no space between. */
static void row_value(struct fmt_ctx *cx, struct fmt_table *t, const struct psl_enum_value *v)
{
	const char *c;
	size_t n;
	uint32_t i;

	table_new_row(t);
	table_set_cellz(t, 0, v->name);
	if (v->nattrs) {
		strbuf_reset(&cx->tmp);
		for (i = 0; i < v->nattrs; i++)
			add_attr(cx, &cx->tmp, &v->attrs[i]);
		table_set_cell(t, 1, arena_strndup(&cx->arena, cx->tmp.buf, cx->tmp.len), cx->tmp.len);
	}
	c = comment_after(cx, attrs_end(v->attrs, v->nattrs, v->name_span.end), &n);
	table_set_suffix(t, c, n);
}

static void row_prop(struct fmt_ctx *cx, struct fmt_table *t, const struct psl_prop *p)
{
	uint32_t end = p->name_span.end;
	const char *c;
	size_t n;

	table_new_row(t);
	table_set_cellz(t, 0, p->name);
	strbuf_reset(&cx->tmp);
	strbuf_addstr(&cx->tmp, "= ");
	if (p->value) {
		add_expr(cx, &cx->tmp, p->value);
		end = max_u32(end, p->value->span.end);
	}
	table_set_cell(t, 1, arena_strndup(&cx->arena, cx->tmp.buf, cx->tmp.len), cx->tmp.len);
	c = comment_after(cx, end, &n);
	table_set_suffix(t, c, n);
}

static void row_block_attr(struct fmt_ctx *cx, struct fmt_table *t, const struct psl_attr *a)
{
	const char *c;
	size_t n;

	table_new_row(t);
	strbuf_reset(&cx->tmp);
	add_attr(cx, &cx->tmp, a);
	table_set_cell(t, 0, arena_strndup(&cx->arena, cx->tmp.buf, cx->tmp.len), cx->tmp.len);
	c = comment_after(cx, a->span.end, &n);
	table_set_suffix(t, c, n);
}

/* A run of whole-line comment members [first, first+n): one row each. */
static void rows_comments(struct fmt_ctx *cx, struct fmt_table *t, const struct psl_member *m, uint32_t n)
{
	uint32_t i;
	for (i = 0; i < n; i++) {
		const char *c;
		size_t len;
		table_new_row(t);
		c = comment_line(cx, m[i].span.start, &len);
		table_set_suffix(t, c, len);
	}
}

/* ---- blocks ---- */

static const char *block_keyword(enum psl_block_kind k)
{
	/* ORDER PSL_BLOCK */
	static const char *const kw[] = { "datasource", "generator", "model", "view", "type", "enum" };
	return (unsigned)k < ARRAY_SIZE(kw) ? kw[k] : "model";
}

/* Consecutive whole-line comments starting at member i: how many. */
static uint32_t comment_run(const struct psl_block *b, uint32_t i)
{
	uint32_t j = i;
	while (j < b->nmembers && b->members[j].kind == PSL_MEMBER_COMMENT)
		j++;
	return j - i;
}

struct pending_attr {
	uint32_t attr;           /* index into block.attrs */
	uint32_t comment_first;  /* members index of the comment lines above it */
	uint32_t ncomments;
};

static void render_block(struct fmt_ctx *cx, struct fmt_out *o, const struct psl_block *b)
{
	struct fmt_table t = { 0 };
	struct pending_attr *attrs = NULL;
	size_t nattrs = 0, aattrs = 0, k;
	uint32_t i = 0, pend_first = 0, pend_n = 0;

	out_writestr(o, block_keyword(b->kind));
	out_writestr(o, " ");
	out_writestr(o, b->name ? b->name : "");
	out_writestr(o, " {");
	out_end_line(o);
	o->indent++;

	/* blank lines at the start of the block go */
	while (i < b->nmembers && b->members[i].kind == PSL_MEMBER_BLANK)
		i++;

	for (;;) {
		bool ate_blank = false;
		const struct psl_member *m;

		while (i < b->nmembers && b->members[i].kind == PSL_MEMBER_BLANK) {
			ate_blank = true;
			i++;
		}
		if (ate_blank && i < b->nmembers && b->members[i].kind != PSL_MEMBER_ATTR &&
		    b->members[i].kind != PSL_MEMBER_COMMENT) {
			/* a blank line ends the alignment group */
			table_render(&t, o);
			table_new_row(&t);
		}
		if (i >= b->nmembers)
			break;
		m = &b->members[i];
		switch (m->kind) {
		case PSL_MEMBER_COMMENT: {
			uint32_t n = comment_run(b, i);
			if (i + n < b->nmembers && b->members[i + n].kind == PSL_MEMBER_ATTR) {
				/* comment lines directly above a block attribute move with it */
				pend_first = i;
				pend_n = n;
			} else {
				if (ate_blank) {
					table_render(&t, o);
					table_new_row(&t);
				}
				rows_comments(cx, &t, m, n);
			}
			i += n;
			continue;
		}
		case PSL_MEMBER_FIELD:
			if (m->index < b->nfields)
				row_field(cx, &t, &b->fields[m->index]);
			break;
		case PSL_MEMBER_VALUE:
			if (m->index < b->nvalues)
				row_value(cx, &t, &b->values[m->index]);
			break;
		case PSL_MEMBER_PROP:
			if (m->index < b->nprops)
				row_prop(cx, &t, &b->props[m->index]);
			break;
		case PSL_MEMBER_ATTR:
			if (m->index < b->nattrs) {
				ALLOC_GROW(attrs, nattrs + 1, aattrs);
				attrs[nattrs].attr = m->index;
				attrs[nattrs].comment_first = pend_first;
				attrs[nattrs].ncomments = pend_n;
				nattrs++;
			}
			pend_n = 0;
			break;
		case PSL_MEMBER_BLANK:
			break;
		}
		i++;
	}

	table_render(&t, o);
	if (nattrs) {
		size_t a, j;

		table_new_row(&t); /* the blank line before the block attributes */
		/* stable sort by rank */
		for (a = 1; a < nattrs; a++) {
			struct pending_attr v = attrs[a];
			unsigned rv = attr_rank(&b->attrs[v.attr]);
			for (j = a; j > 0 && attr_rank(&b->attrs[attrs[j - 1].attr]) > rv; j--)
				attrs[j] = attrs[j - 1];
			attrs[j] = v;
		}
		for (k = 0; k < nattrs; k++) {
			rows_comments(cx, &t, &b->members[attrs[k].comment_first], attrs[k].ncomments);
			row_block_attr(cx, &t, &b->attrs[attrs[k].attr]);
		}
		table_render(&t, o);
	}
	free(attrs);
	table_release(&t);

	o->indent--;
	out_writestr(o, "}");
	out_end_line(o);
}

/* ---- top level ---- */

/* No line break in [from, to)? */
static bool same_line(const struct psl_source *src, uint32_t from, uint32_t to)
{
	uint32_t i;
	if (to > src->len)
		to = src->len;
	for (i = from; i < to; i++)
		if (is_newline(src->text[i]))
			return false;
	return true;
}

static void render_file(struct fmt_ctx *cx, struct fmt_out *o)
{
	const struct psl_schema *s = cx->s;
	struct fmt_table t = { 0 };
	uint32_t *items = NULL;
	size_t n = 0, alloc = 0, i;

	for (i = 0; i < s->ntops; i++)
		if (s->tops[i].span.file == cx->file) {
			ALLOC_GROW(items, n + 1, alloc);
			items[n++] = (uint32_t)i;
		}

	i = 0;
	while (i < n && s->tops[items[i]].kind == PSL_TOP_BLANK)
		i++;
	for (; i < n; i++) {
		const struct psl_top *top = &s->tops[items[i]];
		const struct psl_top *next = i + 1 < n ? &s->tops[items[i + 1]] : NULL;

		switch (top->kind) {
		case PSL_TOP_BLOCK:
			if (top->index >= s->nblocks)
				MESDB_BUG("top-level item names no block");
			render_block(cx, o, &s->blocks[top->index]);
			/*
			 * The line break ending the `}` line counts as a blank line of
			 * its own (merged with blank lines that follow), unless a comment
			 * follows the `}` on its line: that comment then goes on the
			 * next line, with no blank line.
			 */
			if (next && next->kind != PSL_TOP_BLANK &&
			    !(next->kind == PSL_TOP_COMMENT &&
			      same_line(cx->src, s->blocks[top->index].span.end, next->span.start)))
				out_end_line(o);
			break;
		case PSL_TOP_COMMENT: {
			const char *c;
			size_t len;
			table_new_row(&t);
			c = comment_line(cx, top->span.start, &len);
			table_set_suffix(&t, c, len);
			table_render(&t, o);
			break;
		}
		case PSL_TOP_BLANK:
			if (next)
				out_end_line(o);
			break;
		}
	}
	free(items);
	table_release(&t);

	if (o->sb->len == 0 || o->sb->buf[o->sb->len - 1] != '\n')
		out_end_line(o);
}

static int format_layout(const struct psl_schema *s, uint32_t file, struct strbuf *out)
{
	struct fmt_ctx cx;
	struct fmt_out o;

	if (file >= s->nsources)
		return -1;
	memset(&cx, 0, sizeof(cx));
	cx.s = s;
	cx.src = &s->sources[file];
	cx.file = file;
	arena_init(&cx.arena);
	strbuf_init(&cx.tmp, 0);
	o.indent = 0;

	/* into out directly when it is empty (the usual case), else through a buffer */
	struct strbuf own = STRBUF_INIT;
	if (out->len == 0) {
		o.sb = out;
		strbuf_grow(out, cx.src->len + 64);
	} else {
		o.sb = &own;
		strbuf_init(&own, cx.src->len + 64);
	}

	render_file(&cx, &o);

	if (o.sb == &own)
		strbuf_addbuf(out, &own);
	strbuf_release(&own);
	strbuf_release(&cx.tmp);
	arena_release(&cx.arena);
	return 0;
}

/* ---- relation repairs (Prisma's "magic reformatting") ---- */

/*
 * The relation fields are paired the way Prisma's parser database does it
 * (a field's opposite is the first relation field of the other model that
 * points back and has the same relation name), each relation gets a forward
 * side (the one that carries `fields`/`references`) and a back side, and
 * whatever is missing is inserted as text: at the model's closing `}` for
 * fields, after the field type for `@relation`, before the `)` for arguments.
 * Prisma 5.22 names a missing relation field after the model it points to
 * (`Post Post[]`, `User User?`), and a missing scalar field after the
 * referenced model and field (`userId`).
 */

enum rx_arity { RX_REQUIRED, RX_OPTIONAL, RX_LIST };

struct rx_model {
	const struct psl_block *b;
	bool ignored;                 /* @@ignore */
	uint32_t first_rf, nrfs;      /* its relation fields in rx.rfs */
};

struct rx_rf {                        /* a relation field */
	uint32_t model, field, target;
	const char *name;             /* @relation name, or NULL */
	const struct psl_attr *rel;   /* the @relation attribute, or NULL */
	const struct psl_expr *fields, *refs;
};

enum rx_kind { RX_ONE_TO_ONE, RX_ONE_TO_MANY };

struct rx_rel {
	enum rx_kind kind;
	int32_t fwd, back;            /* rx_rf indexes, -1 when missing */
	uint32_t model_a, model_b;    /* referencing, referenced */
};

struct rx_bit {
	uint32_t pos;
	char *text;
};

struct rx {
	const struct psl_schema *s;
	struct arena *arena;
	struct rx_model *models;
	size_t nmodels;
	struct rx_rf *rfs;
	size_t nrfs, arfs;
	struct rx_rel *rels;
	size_t nrels, arels;
	struct rx_bit *bits;          /* for the file being formatted */
	size_t nbits, abits;
	uint32_t file;
	struct strmap names;          /* model / view name -> index in models */
};

struct rx_names {                     /* a list of field names */
	const char **v;
	uint32_t n;
};

static const struct psl_attr *rx_attr(const struct psl_attr *attrs, uint32_t n, const char *name)
{
	uint32_t i;
	for (i = 0; i < n; i++)
		if (!strcmp(attrs[i].name, name))
			return &attrs[i];
	return NULL;
}

static const struct psl_expr *rx_arg(const struct psl_attr *a, const char *name, bool positional0)
{
	uint32_t i;
	if (!a)
		return NULL;
	for (i = 0; i < a->nargs; i++) {
		if (a->args[i].name && !strcmp(a->args[i].name, name))
			return a->args[i].value;
		if (!a->args[i].name && i == 0 && positional0)
			return a->args[i].value;
	}
	return NULL;
}

/* Field names of a `[a, b(sort: Desc)]` list (or a single name). */
static struct rx_names rx_expr_names(struct rx *x, const struct psl_expr *e)
{
	struct rx_names r = { NULL, 0 };
	uint32_t i;

	if (!e)
		return r;
	if (e->kind == PSL_EXPR_ARRAY) {
		r.v = ARENA_NEW_ARRAY(x->arena, const char *, e->nitems + 1);
		for (i = 0; i < e->nitems; i++)
			if (e->items[i]->kind == PSL_EXPR_CONST || e->items[i]->kind == PSL_EXPR_FUNC)
				r.v[r.n++] = e->items[i]->str;
	} else if (e->kind == PSL_EXPR_CONST) {
		r.v = ARENA_NEW_ARRAY(x->arena, const char *, 1);
		r.v[r.n++] = e->str;
	}
	return r;
}

static bool rx_names_equal(struct rx_names a, struct rx_names b)
{
	uint32_t i;
	if (a.n != b.n)
		return false;
	for (i = 0; i < a.n; i++)
		if (strcmp(a.v[i], b.v[i]))
			return false;
	return true;
}

static enum rx_arity rx_field_arity(const struct psl_field *f)
{
	if (f->type.list || f->type.optional_list)
		return RX_LIST;
	return f->type.optional ? RX_OPTIONAL : RX_REQUIRED;
}

static const char *rx_arity_str(enum rx_arity a)
{
	return a == RX_LIST ? "[]" : a == RX_OPTIONAL ? "?" : "";
}

static int32_t rx_model_by_name(const struct rx *x, const char *name)
{
	uint32_t v = name ? strmap_get(&x->names, 0, name) : STRMAP_MISSING;
	return v == STRMAP_MISSING ? -1 : (int32_t)v;
}

static bool rx_is_builtin_scalar(const char *t)
{
	const char *name;

	/* one candidate per first letter (and second, where two share it) */
	switch (t[0]) {
	case 'S': name = "String"; break;
	case 'B': name = t[1] == 'o' ? "Boolean" : t[1] == 'i' ? "BigInt" : "Bytes"; break;
	case 'I': name = "Int"; break;
	case 'F': name = "Float"; break;
	case 'D': name = t[1] == 'e' ? "Decimal" : "DateTime"; break;
	case 'J': name = "Json"; break;
	default: return false;
	}
	return !strcmp(t, name);
}

static const struct psl_field *rx_field(const struct rx *x, uint32_t model, uint32_t field)
{
	return &x->models[model].b->fields[field];
}

/* A scalar (non-relation) field of the model by name, or NULL. */
static const struct psl_field *rx_scalar_field(const struct rx *x, uint32_t model, const char *name)
{
	const struct psl_block *b = x->models[model].b;
	uint32_t i;
	for (i = 0; i < b->nfields; i++)
		if (b->fields[i].has_type && !strcmp(b->fields[i].name, name) &&
		    rx_model_by_name(x, b->fields[i].type.name) < 0)
			return &b->fields[i];
	return NULL;
}

static struct rx_names rx_one_name(struct rx *x, const char *name)
{
	struct rx_names r;
	r.v = ARENA_NEW_ARRAY(x->arena, const char *, 1);
	r.v[0] = name;
	r.n = 1;
	return r;
}

/*
 * The unique criteria of a model, in Prisma's order: the primary key (when
 * `with_pk`), then the unique indexes, field-level @unique first, then
 * @@unique. Returns how many; the array lives in the arena.
 */
static size_t rx_criteria(struct rx *x, uint32_t model, bool with_pk, struct rx_names **out)
{
	const struct psl_block *b = x->models[model].b;
	struct rx_names *v = ARENA_NEW_ARRAY(x->arena, struct rx_names, b->nfields + b->nattrs + 1);
	size_t n = 0;
	uint32_t i;

	for (i = 0; with_pk && i < b->nfields && !n; i++)
		if (rx_attr(b->fields[i].attrs, b->fields[i].nattrs, "id"))
			v[n++] = rx_one_name(x, b->fields[i].name);
	for (i = 0; with_pk && i < b->nattrs && !n; i++)
		if (!strcmp(b->attrs[i].name, "id"))
			v[n++] = rx_expr_names(x, rx_arg(&b->attrs[i], "fields", true));
	for (i = 0; i < b->nfields; i++)
		if (rx_attr(b->fields[i].attrs, b->fields[i].nattrs, "unique"))
			v[n++] = rx_one_name(x, b->fields[i].name);
	for (i = 0; i < b->nattrs; i++)
		if (!strcmp(b->attrs[i].name, "unique"))
			v[n++] = rx_expr_names(x, rx_arg(&b->attrs[i], "fields", true));
	*out = v;
	return n;
}

/* The model's first unique criteria (its primary key, else its first unique index). */
static struct rx_names rx_first_criteria(struct rx *x, uint32_t model)
{
	struct rx_names *v, none = { NULL, 0 };
	return rx_criteria(x, model, true, &v) ? v[0] : none;
}

/* Its first criteria made only of required fields: what `references` defaults to. */
static struct rx_names rx_first_strict_criteria(struct rx *x, uint32_t model)
{
	const struct psl_block *b = x->models[model].b;
	struct rx_names *v, none = { NULL, 0 };
	size_t n = rx_criteria(x, model, true, &v), i;
	uint32_t k, f;

	for (i = 0; i < n; i++) {
		bool strict = true;
		for (k = 0; k < v[i].n && strict; k++) {
			for (f = 0; f < b->nfields && strcmp(b->fields[f].name, v[i].v[k]); f++)
				;
			strict = f < b->nfields && b->fields[f].has_type &&
				 rx_field_arity(&b->fields[f]) == RX_REQUIRED && !b->fields[f].type.unsupported;
		}
		if (strict)
			return v[i];
	}
	return none;
}

struct rx_inferred {
	char *name;
	const struct psl_field *blueprint;  /* the referenced field */
	const struct psl_field *existing;   /* a field of that name in the referencing model */
};

/* The scalar fields the forward side should have: lcfirst(Model) + ucfirst(field). */
static uint32_t rx_infer(struct rx *x, const struct rx_rel *r, struct rx_inferred **out)
{
	struct rx_names c = rx_first_criteria(x, r->model_b);
	const struct psl_block *mb = x->models[r->model_b].b;
	struct rx_inferred *v = ARENA_NEW_ARRAY(x->arena, struct rx_inferred, c.n + 1);
	uint32_t i, n = 0, k;

	for (i = 0; i < c.n; i++) {
		const struct psl_field *bp = NULL;
		char *name;

		for (k = 0; k < mb->nfields; k++)
			if (!strcmp(mb->fields[k].name, c.v[i]))
				bp = &mb->fields[k];
		if (!bp)
			continue;
		name = arena_printf(x->arena, "%s%s", mb->name, c.v[i]);
		if (name[0] >= 'A' && name[0] <= 'Z')
			name[0] = (char)(name[0] - 'A' + 'a');
		k = (uint32_t)strlen(mb->name);
		if (name[k] >= 'a' && name[k] <= 'z')
			name[k] = (char)(name[k] - 'a' + 'A');
		v[n].name = name;
		v[n].blueprint = bp;
		v[n].existing = rx_scalar_field(x, r->model_a, name);
		n++;
	}
	*out = v;
	return n;
}

static const struct rx_rf *rx_fwd(const struct rx *x, const struct rx_rel *r)
{
	return r->fwd >= 0 ? &x->rfs[r->fwd] : NULL;
}

static enum rx_arity rx_forward_arity(struct rx *x, const struct rx_rel *r)
{
	const struct rx_rf *f = rx_fwd(x, r);
	struct rx_inferred *inf;
	uint32_t i, n;

	if (f)
		return rx_field_arity(rx_field(x, f->model, f->field));
	n = rx_infer(x, r, &inf);
	for (i = 0; i < n; i++)
		if (!inf[i].existing || rx_field_arity(inf[i].existing) == RX_OPTIONAL)
			return RX_OPTIONAL;
	return RX_REQUIRED;
}

static void rx_add_fields_arg(struct rx *x, const struct rx_rel *r, struct strbuf *sb)
{
	struct rx_inferred *inf;
	uint32_t i, n = rx_infer(x, r, &inf);

	strbuf_addstr(sb, "fields: [");
	for (i = 0; i < n; i++) {
		if (i)
			strbuf_addstr(sb, ", ");
		strbuf_addstr(sb, inf[i].name);
	}
	strbuf_addch(sb, ']');
}

static void rx_add_references_arg(struct rx *x, const struct rx_rel *r, struct strbuf *sb)
{
	const struct rx_rf *f = rx_fwd(x, r);
	struct rx_names names = f && f->refs ? rx_expr_names(x, f->refs) :
						rx_first_strict_criteria(x, r->model_b);
	uint32_t i;

	strbuf_addstr(sb, "references: [");
	for (i = 0; i < names.n; i++) {
		if (i)
			strbuf_addstr(sb, ", ");
		strbuf_addstr(sb, names.v[i]);
	}
	strbuf_addch(sb, ']');
}

static void rx_push(struct rx *x, uint32_t file, uint32_t pos, struct strbuf *text)
{
	if (file != x->file)
		return;
	ALLOC_GROW(x->bits, x->nbits + 1, x->abits);
	x->bits[x->nbits].pos = pos;
	x->bits[x->nbits].text = arena_strndup(x->arena, text->buf, text->len);
	x->nbits++;
}

/* Where a new field goes: the model's closing `}`. */
static uint32_t rx_model_end(const struct rx *x, uint32_t model)
{
	const struct psl_block *b = x->models[model].b;
	const struct psl_source *src = &x->s->sources[b->span.file];
	uint32_t p = b->span.end;

	while (p > b->span.start && (p > src->len || src->text[p - 1] != '}'))
		p--;
	return p > b->span.start ? p - 1 : b->span.end;
}

/* Pair the relation fields (Prisma's relation inference) into x->rels. */
static void rx_infer_relations(struct rx *x)
{
	size_t i, j;

	for (i = 0; i < x->nrfs; i++) {
		const struct rx_rf *rf = &x->rfs[i];
		const struct psl_field *f = rx_field(x, rf->model, rf->field);
		const struct rx_rf *opp = NULL;
		const struct psl_field *of = NULL;
		enum rx_arity a = rx_field_arity(f), oa = RX_REQUIRED;
		const char *mname = x->models[rf->model].b->name, *tname = x->models[rf->target].b->name;
		bool self = rf->model == rf->target;
		struct rx_rel r;
		int32_t opp_idx = -1;

		for (j = x->models[rf->target].first_rf;
		     j < x->models[rf->target].first_rf + x->models[rf->target].nrfs; j++) {
			const struct rx_rf *c = &x->rfs[j];
			if (c->model != rf->target || c->target != rf->model || (self && j == i))
				continue;
			if ((c->name == NULL) != (rf->name == NULL) || (c->name && strcmp(c->name, rf->name)))
				continue;
			opp = c;
			opp_idx = (int32_t)j;
			of = rx_field(x, c->model, c->field);
			oa = rx_field_arity(of);
			break;
		}

		r.fwd = (int32_t)i;
		r.back = opp_idx;
		r.model_a = rf->model;
		r.model_b = rf->target;
		if (a == RX_LIST) {
			if (opp)
				continue; /* m:n (no repairs), or the virtual side of a 1:m */
			r.kind = RX_ONE_TO_MANY;
			r.fwd = -1;
			r.back = (int32_t)i;
			r.model_a = rf->target;
			r.model_b = rf->model;
		} else if (opp && oa == RX_LIST) {
			r.kind = RX_ONE_TO_MANY;
		} else if (opp && a == RX_REQUIRED) {
			if (oa == RX_REQUIRED) {
				int c = strcmp(mname, tname);
				if (c > 0 || (c == 0 && strcmp(f->name, of->name) > 0))
					continue;
			}
			r.kind = RX_ONE_TO_ONE;
		} else if (opp) { /* optional */
			if (oa == RX_REQUIRED)
				continue;
			if (!rf->fields) {
				int c;
				if (opp->fields)
					continue;
				c = strcmp(mname, tname);
				if (c > 0 || (c == 0 && strcmp(f->name, of->name) > 0))
					continue;
			}
			r.kind = RX_ONE_TO_ONE;
		} else {
			struct rx_names *idx, fl = rx_expr_names(x, rf->fields);
			size_t n = rf->fields ? rx_criteria(x, rf->model, false, &idx) : 0, k;
			r.kind = RX_ONE_TO_MANY;
			for (k = 0; k < n; k++)
				if (rx_names_equal(idx[k], fl))
					r.kind = RX_ONE_TO_ONE;
		}
		ALLOC_GROW(x->rels, x->nrels + 1, x->arels);
		x->rels[x->nrels++] = r;
	}
}

static void rx_missing_fields(struct rx *x, const struct rx_rel *r, struct strbuf *sb)
{
	const struct rx_model *ma = &x->models[r->model_a], *mb = &x->models[r->model_b];
	const struct rx_rf *f = rx_fwd(x, r);
	struct rx_inferred *inf;
	uint32_t i, n;

	if (r->back < 0) {
		strbuf_reset(sb);
		strbuf_addf(sb, "%s %s%s%s\n", ma->b->name, ma->b->name,
			    r->kind == RX_ONE_TO_ONE ? "?" : "[]", ma->ignored ? " @ignore" : "");
		rx_push(x, mb->b->span.file, rx_model_end(x, r->model_b), sb);
	}
	if (!f) {
		strbuf_reset(sb);
		strbuf_addf(sb, "%s %s%s @relation(", mb->b->name, mb->b->name,
			    rx_arity_str(rx_forward_arity(x, r)));
		rx_add_fields_arg(x, r, sb);
		strbuf_addstr(sb, ", ");
		rx_add_references_arg(x, r, sb);
		strbuf_addstr(sb, ")\n");
		rx_push(x, ma->b->span.file, rx_model_end(x, r->model_a), sb);
	}

	/* the scalar fields `fields: [...]` will name */
	if (f && f->fields)
		return;
	n = rx_infer(x, r, &inf);
	for (i = 0; i < n; i++) {
		const struct psl_field *bp = inf[i].blueprint;
		uint32_t k;

		if (inf[i].existing)
			continue;
		if (!bp->has_type || bp->type.unsupported || !rx_is_builtin_scalar(bp->type.name))
			return;
		strbuf_reset(sb);
		strbuf_addf(sb, "%s %s%s ", inf[i].name, bp->type.name,
			    rx_arity_str(f ? rx_field_arity(rx_field(x, f->model, f->field)) : RX_OPTIONAL));
		/* the referenced field's native type attribute (`@db.VarChar(8)`) comes along */
		for (k = 0; k < bp->nattrs; k++) {
			if (strchr(bp->attrs[k].name, '.')) {
				struct fmt_ctx cx;
				memset(&cx, 0, sizeof(cx));
				cx.s = x->s;
				add_attr(&cx, sb, &bp->attrs[k]);
				break;
			}
		}
		strbuf_addch(sb, '\n');
		rx_push(x, ma->b->span.file, rx_model_end(x, r->model_a), sb);
	}
}

static void rx_missing_relation_attribute(struct rx *x, const struct rx_rel *r, struct strbuf *sb)
{
	const struct rx_rf *f = rx_fwd(x, r);
	const struct psl_field *fld;

	if (!f || f->rel)
		return;
	fld = rx_field(x, f->model, f->field);
	strbuf_reset(sb);
	strbuf_addstr(sb, " @relation(");
	rx_add_fields_arg(x, r, sb);
	strbuf_addstr(sb, ", ");
	rx_add_references_arg(x, r, sb);
	strbuf_addch(sb, ')');
	rx_push(x, fld->type.span.file, fld->type.span.end, sb);
}

static void rx_missing_relation_args(struct rx *x, const struct rx_rel *r, struct strbuf *sb)
{
	const struct rx_rf *f = rx_fwd(x, r);
	bool first = true;

	if (!f || !f->rel || (f->fields && f->refs))
		return;
	strbuf_reset(sb);
	strbuf_addstr(sb, f->rel->nargs ? ", " : "(");
	if (!f->fields) {
		rx_add_fields_arg(x, r, sb);
		first = false;
	}
	if (!f->refs) {
		if (!first)
			strbuf_addstr(sb, ", ");
		rx_add_references_arg(x, r, sb);
	}
	if (!f->rel->nargs)
		strbuf_addch(sb, ')');
	rx_push(x, f->rel->span.file, f->rel->nargs ? f->rel->span.end - 1 : f->rel->span.end, sb);
}

/*
 * Fields written in legacy syntax (`name: T`, `T!`, `[T]`) are syntax errors:
 * Prisma then repairs nothing, it only respells them.
 */
static bool rx_has_legacy_fields(const struct psl_schema *s)
{
	for (uint32_t i = 0; i < s->ndiags; i++)
		if (s->diags[i].legacy)
			return true;
	return false;
}

/*
 * Are the names sound: no model, enum or type defined twice, no field twice
 * in a block, every field type known? Prisma repairs nothing when its parser
 * database finds such errors.
 */
static bool rx_names_resolve(const struct psl_schema *s)
{
	static const char *const builtin[] = {
		"String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes",
		"Unsupported",
	};
	struct strmap types = STRMAP_INIT;
	bool ok = true;
	uint32_t b, f, n = ARRAY_SIZE(builtin);
	size_t k;

	for (b = 0; b < s->nblocks; b++)
		n += 1 + s->blocks[b].nfields;
	strmap_reserve(&types, n);
	for (k = 0; k < ARRAY_SIZE(builtin); k++)
		strmap_put(&types, 0, builtin[k], 0);
	for (b = 0; b < s->nblocks && ok; b++)
		if (s->blocks[b].kind != PSL_BLOCK_DATASOURCE && s->blocks[b].kind != PSL_BLOCK_GENERATOR &&
		    s->blocks[b].name)
			ok = strmap_put(&types, 0, s->blocks[b].name, 0) == STRMAP_MISSING; /* no duplicates */
	for (b = 0; b < s->nblocks && ok; b++)
		for (f = 0; f < s->blocks[b].nfields && ok; f++)
			ok = !s->blocks[b].fields[f].name ||
			     strmap_put(&types, b + 1, s->blocks[b].fields[f].name, 0) == STRMAP_MISSING;
	for (b = 0; b < s->nblocks && ok; b++)
		for (f = 0; f < s->blocks[b].nfields && ok; f++) {
			const struct psl_field *fl = &s->blocks[b].fields[f];
			ok = fl->has_type && fl->type.name &&
			     (rx_is_builtin_scalar(fl->type.name) ||
			      strmap_get(&types, 0, fl->type.name) != STRMAP_MISSING);
		}
	strmap_release(&types);
	return ok;
}

/* Does model `m` have a field of that name? */
static bool rx_has_field(const struct rx *x, uint32_t m, const char *name)
{
	const struct psl_block *b = x->models[m].b;
	uint32_t i;
	for (i = 0; i < b->nfields; i++)
		if (!strcmp(b->fields[i].name, name))
			return true;
	return false;
}

/*
 * The errors Prisma's parser database finds in @relation lists (a name that
 * is no field of the model, a field named twice): Prisma repairs nothing
 * then, and neither do we.
 */
static bool rx_relation_lists_ok(struct rx *x)
{
	size_t i;
	uint32_t a, c;

	for (i = 0; i < x->nrfs; i++) {
		const struct rx_rf *rf = &x->rfs[i];
		struct rx_names l[2];
		uint32_t model[2];
		int k;

		l[0] = rx_expr_names(x, rf->fields);
		model[0] = rf->model;
		l[1] = rx_expr_names(x, rf->refs);
		model[1] = rf->target;
		for (k = 0; k < 2; k++)
			for (a = 0; a < l[k].n; a++) {
				if (!rx_has_field(x, model[k], l[k].v[a]))
					return false;
				for (c = 0; c < a; c++)
					if (!strcmp(l[k].v[a], l[k].v[c]))
						return false;
			}
	}
	return true;
}

/* Collect the text insertions for `file` into x->bits, in position order. */
static void rx_collect(struct rx *x)
{
	const struct psl_schema *s = x->s;
	struct strbuf sb = STRBUF_INIT;
	uint32_t b, f;
	size_t i, j;

	x->models = ARENA_NEW_ARRAY(x->arena, struct rx_model, s->nblocks + 1);
	for (b = 0; b < s->nblocks; b++) {
		const struct psl_block *bl = &s->blocks[b];
		if ((bl->kind != PSL_BLOCK_MODEL && bl->kind != PSL_BLOCK_VIEW) || !bl->name)
			continue;
		x->models[x->nmodels].b = bl;
		x->models[x->nmodels].ignored = rx_attr(bl->attrs, bl->nattrs, "ignore") != NULL;
		strmap_put(&x->names, 0, bl->name, (uint32_t)x->nmodels); /* the first one wins */
		x->nmodels++;
	}
	for (i = 0; i < x->nmodels; i++) {
		const struct psl_block *bl = x->models[i].b;
		x->models[i].first_rf = (uint32_t)x->nrfs;
		for (f = 0; f < bl->nfields; f++) {
			const struct psl_field *fl = &bl->fields[f];
			int32_t t;
			struct rx_rf rf;
			const struct psl_expr *name;

			/* no model has a built-in type's name here (rx_names_resolve) */
			if (!fl->has_type || !fl->type.name || rx_is_builtin_scalar(fl->type.name) ||
			    (t = rx_model_by_name(x, fl->type.name)) < 0)
				continue;
			memset(&rf, 0, sizeof(rf));
			rf.model = (uint32_t)i;
			rf.field = f;
			rf.target = (uint32_t)t;
			rf.rel = rx_attr(fl->attrs, fl->nattrs, "relation");
			name = rx_arg(rf.rel, "name", true);
			rf.name = name && name->kind == PSL_EXPR_STRING ? name->str : NULL;
			rf.fields = rx_arg(rf.rel, "fields", false);
			rf.refs = rx_arg(rf.rel, "references", false);
			ALLOC_GROW(x->rfs, x->nrfs + 1, x->arfs);
			x->rfs[x->nrfs++] = rf;
		}
		x->models[i].nrfs = (uint32_t)x->nrfs - x->models[i].first_rf;
	}

	if (!rx_relation_lists_ok(x))
		return;
	rx_infer_relations(x);
	for (i = 0; i < x->nrels; i++)
		rx_missing_fields(x, &x->rels[i], &sb);
	for (i = 0; i < x->nrels; i++)
		rx_missing_relation_attribute(x, &x->rels[i], &sb);
	for (i = 0; i < x->nrels; i++)
		rx_missing_relation_args(x, &x->rels[i], &sb);
	strbuf_release(&sb);

	/* stable sort by position */
	for (i = 1; i < x->nbits; i++) {
		struct rx_bit v = x->bits[i];
		for (j = i; j > 0 && x->bits[j - 1].pos > v.pos; j--)
			x->bits[j] = x->bits[j - 1];
		x->bits[j] = v;
	}
}

int psl_format(const struct psl_schema *s, uint32_t file, struct strbuf *out)
{
	struct arena arena = ARENA_INIT;
	struct rx x;
	int ret;

	if (file >= s->nsources)
		return -1;
	memset(&x, 0, sizeof(x));
	x.s = s;
	x.arena = &arena;
	x.file = file;
	if (!rx_has_legacy_fields(s) && rx_names_resolve(s))
		rx_collect(&x);

	if (!x.nbits) {
		ret = format_layout(s, file, out);
	} else {
		const struct psl_source *src = &s->sources[file];
		struct strbuf text = STRBUF_INIT;
		struct psl_schema fixed;
		uint32_t last = 0;
		size_t i;

		for (i = 0; i < x.nbits; i++) {
			uint32_t pos = x.bits[i].pos > src->len ? src->len : x.bits[i].pos;
			if (pos < last)
				pos = last;
			strbuf_add(&text, src->text + last, pos - last);
			strbuf_addstr(&text, x.bits[i].text);
			last = pos;
		}
		strbuf_add(&text, src->text + last, src->len - last);

		psl_schema_init(&fixed);
		psl_parse(&fixed, psl_schema_add_source(&fixed, src->path, text.buf, text.len));
		ret = format_layout(&fixed, 0, out);
		psl_schema_release(&fixed);
		strbuf_release(&text);
	}

	free(x.rfs);
	free(x.rels);
	free(x.bits);
	strmap_release(&x.names);
	arena_release(&arena);
	return ret;
}
