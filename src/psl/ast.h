/* ast.h - the Prisma schema AST: sources, spans, diagnostics, blocks, fields, attributes */
#ifndef MESDB_PSL_AST_H
#define MESDB_PSL_AST_H

/*
 * Owns: the syntax tree of one schema (one or several .prisma files), with
 * every node in the schema's arena, and the diagnostics found while lexing,
 * parsing and validating it. Pure: no I/O beyond what the caller hands in.
 *
 * Nodes keep source order and keep comments and blank lines as members, so
 * the formatter can reprint a file; doc comments (`///`) are also joined into
 * the `doc` string of the node that follows them.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/strbuf.h"

/* A byte range [start, end) in source `file` (index into psl_schema.sources). */
struct psl_span {
	uint32_t file;
	uint32_t start, end;
};

struct psl_source {
	char *path;            /* as given (the CLI shows it in "-->  path:line") */
	const char *text;      /* NUL-terminated: text[len] == '\0' */
	uint32_t len;
	/*
	 * Byte offset of each line's first byte: built by psl_source_lines() on
	 * first use (rendering a diagnostic), NULL until then; a valid schema
	 * never needs it.
	 */
	uint32_t *line_starts;
	uint32_t nlines;
	/* psl_schema_adopt_source(): how the schema gives the text back, else NULL */
	void (*release)(const char *text, size_t len);
};

enum psl_severity { PSL_ERROR, PSL_WARNING };

struct psl_diag {
	enum psl_severity severity;
	/*
	 * A syntax error on legacy field syntax (`name: T`, `T!`, `[T]`, `T[]?`):
	 * the field is in the tree and the formatter prints it the modern way.
	 */
	bool legacy;
	char *message;          /* Prisma's text, e.g. Type "X" is neither a built-in type, ... */
	struct psl_span span;
};

/* ---- expressions ---- */

/* ORDER PSL_EXPR */
enum psl_expr_kind {
	PSL_EXPR_STRING,   /* "..." : str is the unescaped value */
	PSL_EXPR_NUMBER,   /* 12, -3.5 : str is the text as written */
	PSL_EXPR_CONST,    /* identifier: Cascade, true, USER, a.b : str */
	PSL_EXPR_FUNC,     /* name(args): str is the name, args/nargs */
	PSL_EXPR_ARRAY,    /* [a, b]: items/nitems */
};

struct psl_expr;

/* An argument: `value` (positional, name == NULL) or `name: value`. */
struct psl_arg {
	const char *name;
	struct psl_expr *value;   /* NULL for a name with no value (`name:`), an error */
	struct psl_span name_span;
	struct psl_span span;
};

struct psl_expr {
	enum psl_expr_kind kind;
	struct psl_span span;
	const char *str;
	struct psl_arg *args;        /* PSL_EXPR_FUNC */
	struct psl_expr **items;     /* PSL_EXPR_ARRAY */
	uint32_t nargs;
	uint32_t nitems;
	struct psl_span trailing_comma_span;
	bool trailing_comma;         /* PSL_EXPR_FUNC: f(a, ) */
};

/* An attribute: @name(args) on a field / enum value, or @@name(args) on a block. */
struct psl_attr {
	const char *name;            /* without the @ / @@: "id", "db.VarChar", "index" */
	struct psl_arg *args;
	const char *comment;         /* @@ attributes: trailing comment, as psl_field.comment */
	uint32_t nargs;
	bool block;                  /* @@ */
	bool has_parens;             /* written with ( ) */
	bool trailing_comma;         /* @@index([a], ) : Prisma reports it when validating */
	struct psl_span span;        /* from @ to the closing ) */
	struct psl_span name_span;   /* the name (without @) */
	/*
	 * Prisma's span of the attribute, what its diagnostics mark: like span,
	 * but with the white space after an attribute written without ( ), and
	 * for @@ attributes everything to the end of the line (white space and
	 * trailing comment).
	 */
	struct psl_span decl_span;
	struct psl_span trailing_comma_span;
};

/* ---- fields ---- */

struct psl_field_type {
	const char *name;            /* "String", "Post", "Unsupported" */
	const char *unsupported;     /* Unsupported("x"): the string, else NULL */
	struct psl_span span;        /* the whole type incl. ? and [] */
	struct psl_span name_span;
	bool optional;               /* T? */
	bool list;                   /* T[] */
	bool optional_list;          /* T[]? (an error, kept for diagnostics) */
};

struct psl_field {
	const char *name;
	struct psl_attr *attrs;
	const char *doc;             /* joined `///` lines above, without the slashes, or NULL */
	const char *comment;         /* trailing `// ...` on the same line (text after //), or NULL */
	struct psl_field_type type;
	struct psl_span name_span;
	struct psl_span span;        /* name through the last attribute */
	uint32_t nattrs;
	bool has_type;               /* false: `name` alone on a line (an error) */
	/*
	 * The parser reported an error on this declaration (no type, `name: T`,
	 * `T!`, `[T]`, `T[]?`) and Prisma drops such a field: passes skip it.
	 */
	bool invalid;
	/*
	 * Prisma's span of the declaration: name through the line break that
	 * ends it (so a diagnostic on it also shows the next line, as Prisma's).
	 */
	struct psl_span decl_span;
};

/* A `key = value` line of a datasource or generator block. */
struct psl_prop {
	const char *name;
	struct psl_span name_span;
	struct psl_span span;
	struct psl_expr *value;      /* NULL when missing (an error) */
	const char *comment;         /* trailing comment */
	struct psl_span decl_span;   /* Prisma's span: name through the end of the line (no line break) */
};

/* An enum value line: NAME @map("x") */
struct psl_enum_value {
	const char *name;
	struct psl_span name_span;
	struct psl_span span;
	struct psl_attr *attrs;
	uint32_t nattrs;
	const char *doc;
	const char *comment;
	struct psl_span decl_span;   /* Prisma's span: name through the line break */
};

/* ---- block members in source order (for the formatter) ---- */

/* ORDER PSL_MEMBER */
enum psl_member_kind {
	PSL_MEMBER_FIELD,       /* index into block.fields */
	PSL_MEMBER_VALUE,       /* index into block.values */
	PSL_MEMBER_PROP,        /* index into block.props */
	PSL_MEMBER_ATTR,        /* index into block.attrs (block attributes) */
	PSL_MEMBER_COMMENT,     /* a whole-line comment: text = the line's text from // on, trimmed */
	PSL_MEMBER_BLANK,       /* one or more empty lines (count in index) */
};

struct psl_member {
	enum psl_member_kind kind;
	uint32_t index;
	const char *text;       /* PSL_MEMBER_COMMENT */
	struct psl_span span;
};

/* ---- blocks ---- */

/* ORDER PSL_BLOCK */
enum psl_block_kind {
	PSL_BLOCK_DATASOURCE,
	PSL_BLOCK_GENERATOR,
	PSL_BLOCK_MODEL,
	PSL_BLOCK_VIEW,
	PSL_BLOCK_TYPE,          /* composite type: MongoDB only */
	PSL_BLOCK_ENUM,
};

struct psl_block {
	enum psl_block_kind kind;
	const char *name;
	struct psl_span name_span;
	struct psl_span span;        /* keyword through closing } */
	struct psl_span keyword_span;
	const char *doc;             /* `///` lines above the block */
	struct psl_field *fields;    /* model, view, type */
	uint32_t nfields;
	struct psl_enum_value *values; /* enum */
	uint32_t nvalues;
	struct psl_prop *props;      /* datasource, generator */
	uint32_t nprops;
	struct psl_attr *attrs;      /* @@ attributes */
	uint32_t nattrs;
	struct psl_member *members;  /* everything above, plus comments and blank lines, in order */
	uint32_t nmembers;
	const char *open_comment;    /* a comment after the opening { on the same line, or NULL */
};

/* Top level, in source order, per file. */
/* ORDER PSL_TOP */
enum psl_top_kind { PSL_TOP_BLOCK, PSL_TOP_COMMENT, PSL_TOP_BLANK };

struct psl_top {
	enum psl_top_kind kind;
	uint32_t index;              /* block index, or blank-line count */
	const char *text;            /* comment text */
	struct psl_span span;
};

struct psl_schema {
	struct arena arena;
	struct psl_source *sources;
	uint32_t nsources, asources;
	struct psl_block *blocks;    /* all files, in file then source order */
	uint32_t nblocks, ablocks;
	struct psl_top *tops;        /* all files; span.file tells which */
	uint32_t ntops, atops;
	struct psl_diag *diags;      /* in the order found */
	uint32_t ndiags, adiags;
	uint32_t nerrors, nwarnings;
	/*
	 * Set before psl_parse() by callers that never format: blocks get no
	 * members and the schema no tops (comment and blank lines, source
	 * order), which only the formatter reads.
	 */
	bool skip_layout;
};

/* psl_schema_init allocates nothing; psl_schema_release frees everything. */
void psl_schema_init(struct psl_schema *s);
void psl_schema_release(struct psl_schema *s);

/* Add a source file (text copied); returns its index. */
uint32_t psl_schema_add_source(struct psl_schema *s, const char *path, const char *text, size_t len);
/*
 * Add a source file without copying it: text[len] must be '\0' and stay
 * unchanged until psl_schema_release(), which calls release(text, len).
 */
uint32_t psl_schema_adopt_source(struct psl_schema *s, const char *path, const char *text,
				 size_t len, void (*release)(const char *text, size_t len));

/* Lex and parse source `file`, appending blocks/tops/diagnostics. Never fails: errors are diagnostics. */
void psl_parse(struct psl_schema *s, uint32_t file);

/* Record a diagnostic (message printf-style). */
void psl_diag_add(struct psl_schema *s, enum psl_severity sev, struct psl_span span,
		  const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

/* Fill src->line_starts / nlines unless done (the table is a cache: src stays logically const). */
void psl_source_lines(const struct psl_source *src);

/* 1-based line and column (in bytes) of a byte offset. */
void psl_source_position(const struct psl_source *src, uint32_t offset, uint32_t *line,
			 uint32_t *col);

/*
 * Render one diagnostic the way Prisma prints it (error: / warning: line,
 * "  -->  path:line", numbered source lines, the span marked; colour with ANSI
 * codes when `color`) into sb.
 */
void psl_diag_render(const struct psl_schema *s, const struct psl_diag *d, bool color,
		     struct strbuf *sb);

/* Helpers for the passes. */
const struct psl_attr *psl_field_attr(const struct psl_field *f, const char *name);
const struct psl_attr *psl_block_attr(const struct psl_block *b, const char *name);
/* First positional argument, or the named argument `name` (either may be NULL). */
const struct psl_arg *psl_attr_arg(const struct psl_attr *a, const char *name, bool positional0);

#endif
