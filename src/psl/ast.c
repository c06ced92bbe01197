/* ast.c - schema lifetime, sources and line tables, diagnostics and their Prisma-style rendering */

/*
 * Owns: struct psl_schema's memory (one arena plus the growable arrays of
 * sources, blocks, tops and diagnostics), the line table of each source,
 * and the exact text Prisma's CLI prints for a diagnostic. Does not own:
 * lexing or parsing (lexer.c, parser.c), validation (validate*.c).
 */

#include "psl/ast.h"

#include "base/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void psl_schema_init(struct psl_schema *s)
{
	memset(s, 0, sizeof(*s));
	arena_init(&s->arena);
}

void psl_schema_release(struct psl_schema *s)
{
	for (uint32_t i = 0; i < s->nsources; i++) {
		if (s->sources[i].release)
			s->sources[i].release(s->sources[i].text, s->sources[i].len);
		free(s->sources[i].line_starts);
	}
	free(s->sources);
	free(s->blocks);
	free(s->tops);
	free(s->diags);
	arena_release(&s->arena);
	psl_schema_init(s);
}

/* Record a source whose text is in place. */
static uint32_t add_source(struct psl_schema *s, const char *path, const char *text, size_t len,
			   void (*release)(const char *text, size_t len))
{
	struct psl_source *src;

	ALLOC_GROW(s->sources, s->nsources + 1, s->asources);
	src = &s->sources[s->nsources];
	src->path = arena_strdup(&s->arena, path ? path : "");
	src->text = text;
	src->len = (uint32_t)len;
	src->line_starts = NULL;
	src->nlines = 0;
	src->release = release;
	return s->nsources++;
}

void psl_source_lines(const struct psl_source *csrc)
{
	struct psl_source *src = (struct psl_source *)csrc;
	const char *q, *end = src->text + src->len;
	uint32_t nl = 1;

	if (src->line_starts)
		return;
	/*
	 * Lines as Prisma's renderer counts them: split on "\n", so a final "\n"
	 * opens an empty line. Counted first, so the table is allocated once.
	 */
	for (q = src->text; (q = memchr(q, '\n', (size_t)(end - q))) != NULL; q++)
		nl++;
	src->line_starts = xmalloc(xmul(nl, sizeof(*src->line_starts)));
	src->nlines = nl;
	src->line_starts[0] = 0;
	nl = 1;
	for (q = src->text; (q = memchr(q, '\n', (size_t)(end - q))) != NULL;)
		src->line_starts[nl++] = (uint32_t)(++q - src->text);
}

uint32_t psl_schema_add_source(struct psl_schema *s, const char *path, const char *text, size_t len)
{
	if (len >= UINT32_MAX)
		MESDB_BUG("schema source larger than 4 GiB");
	return add_source(s, path, arena_strndup(&s->arena, text, len), len, NULL);
}

uint32_t psl_schema_adopt_source(struct psl_schema *s, const char *path, const char *text,
				 size_t len, void (*release)(const char *text, size_t len))
{
	if (len >= UINT32_MAX)
		MESDB_BUG("schema source larger than 4 GiB");
	if (text[len] != '\0')
		MESDB_BUG("psl_schema_adopt_source: text not NUL-terminated");
	return add_source(s, path, text, len, release);
}

void psl_diag_add(struct psl_schema *s, enum psl_severity sev, struct psl_span span, const char *fmt, ...)
{
	struct psl_diag *d;
	va_list ap, aq;
	int n;

	ALLOC_GROW(s->diags, s->ndiags + 1, s->adiags);
	d = &s->diags[s->ndiags++];
	d->severity = sev;
	d->legacy = false;
	d->span = span;
	va_start(ap, fmt);
	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	d->message = arena_alloc(&s->arena, (size_t)n + 1);
	vsnprintf(d->message, (size_t)n + 1, fmt, aq);
	va_end(aq);
	if (sev == PSL_ERROR)
		s->nerrors++;
	else
		s->nwarnings++;
}

/* Index of the line holding offset: the last line whose start is <= offset. */
static uint32_t line_index(const struct psl_source *src, uint32_t offset)
{
	uint32_t lo = 0, hi = src->nlines;

	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (src->line_starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

void psl_source_position(const struct psl_source *src, uint32_t offset, uint32_t *line, uint32_t *col)
{
	uint32_t i;

	if (offset > src->len)
		offset = src->len;
	psl_source_lines(src);
	i = line_index(src, offset);
	*line = i + 1;
	*col = offset - src->line_starts[i] + 1;
}

/* ---- rendering ---- */

#define C_RESET "\x1b[0m"
#define C_BOLD "\x1b[1m"
#define C_UNDERLINE "\x1b[4m"
#define C_GUTTER "\x1b[1;94m"   /* bold bright blue */
#define C_ERROR "\x1b[1;91m"    /* bold bright red */
#define C_WARNING "\x1b[1;93m"  /* bold bright yellow */

/* Line i (0-based) without its "\n" (a "\r" before it stays, as Prisma prints it). */
static void line_text(const struct psl_source *src, uint32_t i, const char **p, uint32_t *n)
{
	uint32_t start = src->line_starts[i];
	uint32_t end = i + 1 < src->nlines ? src->line_starts[i + 1] - 1 : src->len;

	*p = src->text + start;
	*n = end - start;
}

/* The gutter: "   | " for number 0, else the number right-aligned in two columns. */
static void gutter(struct strbuf *sb, uint32_t number, bool color)
{
	if (color)
		strbuf_addstr(sb, C_GUTTER);
	if (number)
		strbuf_addf(sb, "%2u | ", (unsigned)number);
	else
		strbuf_addstr(sb, "   | ");
	if (color)
		strbuf_addstr(sb, C_RESET);
}

/* A numbered source line (1-based number), or an empty gutter for line 0. */
static void gutter_line(struct strbuf *sb, const struct psl_source *src, uint32_t number, bool color)
{
	const char *p;
	uint32_t n;

	gutter(sb, number, color);
	if (number > 0 && number <= src->nlines) {
		line_text(src, number - 1, &p, &n);
		strbuf_add(sb, p, n);
	}
	strbuf_addch(sb, '\n');
}

/*
 * Prisma's layout: the title and message; "  -->  path:line"; an empty
 * gutter; the line before the span (or an empty gutter on line 1); the
 * span's first line with the span marked (clamped to that line; a caret
 * line when nothing is left to mark); every further line the span reaches,
 * which includes the next line when the span ends with a line break; an
 * empty gutter.
 */
void psl_diag_render(const struct psl_schema *s, const struct psl_diag *d, bool color, struct strbuf *sb)
{
	const char *title = d->severity == PSL_ERROR ? "error" : "warning";
	const char *hl = d->severity == PSL_ERROR ? C_ERROR : C_WARNING;
	const struct psl_source *src;
	uint32_t start, end, first, last, in_line, mark_end, i, n;
	const char *p;

	if (color)
		strbuf_addf(sb, "%s%s%s: %s%s%s\n", hl, title, C_RESET, C_BOLD, d->message, C_RESET);
	else
		strbuf_addf(sb, "%s: %s\n", title, d->message);
	if (d->span.file >= s->nsources)
		return;
	src = &s->sources[d->span.file];
	psl_source_lines(src);
	start = d->span.start <= src->len ? d->span.start : src->len;
	end = d->span.end <= src->len ? d->span.end : src->len;
	if (end < start)
		end = start;
	first = line_index(src, start);
	last = line_index(src, end);

	if (color)
		strbuf_addf(sb, "  %s-->%s  %s%s:%u%s\n", C_GUTTER, C_RESET, C_UNDERLINE, src->path,
			    (unsigned)(first + 1), C_RESET);
	else
		strbuf_addf(sb, "  -->  %s:%u\n", src->path, (unsigned)(first + 1));
	gutter(sb, 0, color);
	strbuf_addch(sb, '\n');
	gutter_line(sb, src, first, color);

	line_text(src, first, &p, &n);
	in_line = start - src->line_starts[first];
	mark_end = in_line + (end - start);
	if (mark_end > n)
		mark_end = n;
	gutter(sb, first + 1, color);
	strbuf_add(sb, p, in_line);
	if (color)
		strbuf_addstr(sb, hl);
	strbuf_add(sb, p + in_line, mark_end - in_line);
	if (color)
		strbuf_addstr(sb, C_RESET);
	strbuf_add(sb, p + mark_end, n - mark_end);
	strbuf_addch(sb, '\n');
	if (mark_end == in_line) {
		gutter(sb, 0, color);
		strbuf_addchars(sb, ' ', in_line);
		if (color)
			strbuf_addf(sb, "%s^ Unexpected token.%s\n", hl, C_RESET);
		else
			strbuf_addstr(sb, "^ Unexpected token.\n");
	}
	for (i = first + 2; i < last + 2; i++)
		gutter_line(sb, src, i, color);
	gutter(sb, 0, color);
	strbuf_addch(sb, '\n');
}

/* ---- helpers for the passes ---- */

const struct psl_attr *psl_field_attr(const struct psl_field *f, const char *name)
{
	for (uint32_t i = 0; i < f->nattrs; i++)
		if (strcmp(f->attrs[i].name, name) == 0)
			return &f->attrs[i];
	return NULL;
}

const struct psl_attr *psl_block_attr(const struct psl_block *b, const char *name)
{
	for (uint32_t i = 0; i < b->nattrs; i++)
		if (strcmp(b->attrs[i].name, name) == 0)
			return &b->attrs[i];
	return NULL;
}

const struct psl_arg *psl_attr_arg(const struct psl_attr *a, const char *name, bool positional0)
{
	uint32_t i;

	if (positional0)
		for (i = 0; i < a->nargs; i++)
			if (!a->args[i].name)
				return &a->args[i];
	if (name)
		for (i = 0; i < a->nargs; i++)
			if (a->args[i].name && strcmp(a->args[i].name, name) == 0)
				return &a->args[i];
	return NULL;
}
