/* test_psl_parser.c - unit tests of the PSL lexer, parser and diagnostic rendering */

/*
 * The golden cases at the end were run through Prisma 6.19's CLI
 * (`prisma validate`): the expected outputs are its bytes, with and without
 * colour.
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/xalloc.h"
#include "psl/ast.h"
#include "psl/lexer.h"

/* ---- helpers ---- */

static void parse_one(struct psl_schema *s, const char *path, const char *text)
{
	uint32_t f;

	psl_schema_init(s);
	f = psl_schema_add_source(s, path, text, strlen(text));
	psl_parse(s, f);
}

/* All diagnostics rendered and concatenated (caller frees). */
static char *render_all(const struct psl_schema *s, bool color)
{
	struct strbuf sb = STRBUF_INIT;

	for (uint32_t i = 0; i < s->ndiags; i++)
		psl_diag_render(s, &s->diags[i], color, &sb);
	return strbuf_detach(&sb, NULL);
}

static void assert_render(const char *path, const char *schema, const char *plain, const char *color)
{
	struct psl_schema s;
	char *got;

	parse_one(&s, path, schema);
	got = render_all(&s, false);
	if (strcmp(got, plain) != 0)
		print_error("schema %s\n--- got:\n%s--- want:\n%s---\n", path, got, plain);
	assert_string_equal(got, plain);
	free(got);
	if (color) {
		got = render_all(&s, true);
		assert_string_equal(got, color);
		free(got);
	}
	psl_schema_release(&s);
}

static const struct psl_block *find_block(const struct psl_schema *s, const char *name)
{
	for (uint32_t i = 0; i < s->nblocks; i++)
		if (!strcmp(s->blocks[i].name, name))
			return &s->blocks[i];
	fail_msg("no block %s", name);
	return NULL;
}

static const struct psl_field *find_field(const struct psl_block *b, const char *name)
{
	for (uint32_t i = 0; i < b->nfields; i++)
		if (!strcmp(b->fields[i].name, name))
			return &b->fields[i];
	fail_msg("no field %s", name);
	return NULL;
}

/* The source text a span covers. */
static char *span_text(const struct psl_schema *s, struct psl_span sp)
{
	static char buf[4][1024];
	static int which;
	char *b = buf[which++ & 3];
	size_t n = sp.end - sp.start;

	assert_true(sp.end >= sp.start);
	assert_true(n < 1024);
	memcpy(b, s->sources[sp.file].text + sp.start, n);
	b[n] = '\0';
	return b;
}

#define assert_span(s, sp, text) assert_string_equal(span_text((s), (sp)), (text))

/* ---- lexer ---- */

struct tok {
	enum lex_kind kind;
	const char *text;
};

static void assert_tokens(const char *src, const struct tok *want, size_t n)
{
	struct lexer lx;
	struct lex_token t;

	lexer_init(&lx, src, (uint32_t)strlen(src));
	for (size_t i = 0; i < n; i++) {
		lexer_next(&lx, &t);
		if (t.kind != want[i].kind)
			print_error("token %zu of %s: got %s, want %s\n", i, src, lex_kind_name(t.kind),
				    lex_kind_name(want[i].kind));
		assert_int_equal(t.kind, want[i].kind);
		assert_int_equal(t.end - t.start, strlen(want[i].text));
		assert_memory_equal(src + t.start, want[i].text, t.end - t.start);
	}
	lexer_next(&lx, &t);
	assert_int_equal(t.kind, LEX_EOF);
	lexer_next(&lx, &t);
	assert_int_equal(t.kind, LEX_EOF);
}

static void test_lex_punctuation(void **state)
{
	static const struct tok want[] = {
		{ LEX_AT, "@" }, { LEX_ATAT, "@@" }, { LEX_LPAREN, "(" }, { LEX_RPAREN, ")" },
		{ LEX_LBRACKET, "[" }, { LEX_RBRACKET, "]" }, { LEX_LBRACE, "{" }, { LEX_RBRACE, "}" },
		{ LEX_COMMA, "," }, { LEX_COLON, ":" }, { LEX_EQUALS, "=" }, { LEX_QUESTION, "?" },
		{ LEX_BANG, "!" }, { LEX_DOT, "." }, { LEX_ATAT, "@@" }, { LEX_ATAT, "@@" }, { LEX_AT, "@" },
		{ LEX_ERROR, "#" }, { LEX_ERROR, "$" }, { LEX_ERROR, ";" }, { LEX_ERROR, "/" },
		{ LEX_ERROR, "\xc2\xa7" },
	};
	(void)state;
	assert_tokens("@ @@ ( ) [ ] { } , : = ? ! . @@@@@ # $ ; / \xc2\xa7", want, ARRAY_SIZE(want));
}

static void test_lex_identifiers_and_numbers(void **state)
{
	static const struct tok want[] = {
		{ LEX_IDENT, "abc" }, { LEX_IDENT, "a-b_c" }, { LEX_IDENT, "123" }, { LEX_IDENT, "1a" },
		{ LEX_NUMBER, "-12" }, { LEX_NUMBER, "-1.5" }, { LEX_NUMBER, "-1" }, { LEX_DOT, "." },
		{ LEX_IDENT, "x" }, { LEX_ERROR, "-" }, { LEX_IDENT, "x" }, { LEX_ERROR, "_" },
		{ LEX_IDENT, "x" }, { LEX_IDENT, "\xc3\xbcn\xc3\xaf" }, { LEX_IDENT, "\xe5\x90\x8d" },
		{ LEX_IDENT, "a" }, { LEX_ERROR, "\xc2\xb2" }, { LEX_IDENT, "db" }, { LEX_DOT, "." },
		{ LEX_IDENT, "VarChar" },
	};
	(void)state;
	/* "-1.x": a number stops before a dot that no digit follows; "²" is no letter */
	assert_tokens("abc a-b_c 123 1a -12 -1.5 -1.x - x _x \xc3\xbcn\xc3\xaf \xe5\x90\x8d a\xc2\xb2 db.VarChar",
		      want, ARRAY_SIZE(want));
}

static void test_lex_strings(void **state)
{
	static const struct tok want[] = {
		{ LEX_STRING, "\"a\\\"b\"" }, { LEX_STRING, "\"\"" }, { LEX_STRING, "\"x\\\ny\"" },
		{ LEX_STRING, "\"\\u00e9\"" }, { LEX_ERROR, "\"tab" }, { LEX_IDENT, "b" }, { LEX_ERROR, "\"" }, { LEX_NEWLINE, "\n" }, { LEX_ERROR, "\"open" },
	};
	(void)state;
	/* a raw tab (a control character) ends a string badly; an escaped line break does not */
	assert_tokens("\"a\\\"b\" \"\" \"x\\\ny\" \"\\u00e9\" \"tab\tb\"\n\"open", want, ARRAY_SIZE(want));
}

static void test_lex_comments_and_newlines(void **state)
{
	static const struct tok want[] = {
		{ LEX_IDENT, "a" }, { LEX_COMMENT, "// x /* y" }, { LEX_NEWLINE, "\r\n" },
		{ LEX_DOC_COMMENT, "/// doc" }, { LEX_NEWLINE, "\r" }, { LEX_DOC_COMMENT, "//// four" },
		{ LEX_NEWLINE, "\n" }, { LEX_BLOCK_COMMENT, "/* a\n b */" }, { LEX_IDENT, "c" },
		{ LEX_BLOCK_COMMENT, "/**/" }, { LEX_ERROR, "/*" }, { LEX_IDENT, "never" },
		{ LEX_IDENT, "closed" },
	};
	(void)state;
	assert_tokens("a // x /* y\r\n/// doc\r//// four\n/* a\n b */ c /**/ /* never closed", want,
		      ARRAY_SIZE(want));
}

static void test_lex_space_before(void **state)
{
	struct lexer lx;
	struct lex_token t;
	/* space, tab, no-break space and ideographic space are white space (Unicode Zs) */
	const char *src = "a\t \xc2\xa0\xe3\x80\x80" "b(c";

	(void)state;
	lexer_init(&lx, src, (uint32_t)strlen(src));
	lexer_next(&lx, &t);
	assert_false(t.space_before);
	lexer_next(&lx, &t);
	assert_int_equal(t.kind, LEX_IDENT);
	assert_true(t.space_before);
	assert_int_equal(t.start, 8);
	lexer_next(&lx, &t);
	assert_int_equal(t.kind, LEX_LPAREN);
	assert_false(t.space_before);
	assert_string_equal(lex_kind_name(LEX_STRING), "string");
}

/* ---- parser: constructs ---- */

static const char *schema_all =
	"// top comment\n"
	"/// Doc for db\n"
	"datasource db { // open\n"
	"  provider   = \"postgresql\" // the provider\n"
	"  url        = env(\"DATABASE_URL\")\n"
	"  extensions = [pg_trgm, postgis(version: \"2.1\"), [a, -1, 2.5]]\n"
	"  empty      =\n"
	"}\n"
	"\n"
	"generator client {\n"
	"  provider = \"prisma-client-js\"\n"
	"  previewFeatures = []\n"
	"}\n"
	"\n"
	"\n"
	"/// User doc\n"
	"/// second line\n"
	"model User {\n"
	"  /// id doc\n"
	"  id    Int     @id @default(autoincrement())\n"
	"  email String  @unique @db.VarChar(255) // trailing\n"
	"  name  String? /// trailing doc\n"
	"  posts Post[]\n"
	"  blob  Unsupported(\"circle\")?\n"
	"\n"
	"  // plain comment\n"
	"  @@index([email(sort: Desc), name], map: \"idx\", type: Hash)\n"
	"  @@map(\"users\") // c\n"
	"}\n"
	"\n"
	"enum Role {\n"
	"  USER  @map(\"user\")\n"
	"  ADMIN // admin\n"
	"  @@map(\"roles\")\n"
	"}\n"
	"view V {\n"
	"  id Int @unique\n"
	"}\n"
	"type T {\n"
	"  x String\n"
	"}\n";

static void test_parse_blocks_and_tops(void **state)
{
	struct psl_schema s;
	static const enum psl_block_kind kinds[] = {
		PSL_BLOCK_DATASOURCE, PSL_BLOCK_GENERATOR, PSL_BLOCK_MODEL, PSL_BLOCK_ENUM,
		PSL_BLOCK_VIEW, PSL_BLOCK_TYPE,
	};
	static const char *names[] = { "db", "client", "User", "Role", "V", "T" };

	(void)state;
	parse_one(&s, "schema.prisma", schema_all);
	assert_int_equal(s.ndiags, 0);
	assert_int_equal(s.nerrors, 0);
	assert_int_equal(s.nblocks, 6);
	for (uint32_t i = 0; i < 6; i++) {
		assert_int_equal(s.blocks[i].kind, kinds[i]);
		assert_string_equal(s.blocks[i].name, names[i]);
	}
	/* tops: comment, comment, db, blank, client, blank(2), comment, comment, User, blank, Role, V, T */
	assert_int_equal(s.ntops, 13);
	assert_int_equal(s.tops[0].kind, PSL_TOP_COMMENT);
	assert_string_equal(s.tops[0].text, "// top comment");
	assert_int_equal(s.tops[1].kind, PSL_TOP_COMMENT);
	assert_string_equal(s.tops[1].text, "/// Doc for db");
	assert_int_equal(s.tops[2].kind, PSL_TOP_BLOCK);
	assert_int_equal(s.tops[2].index, 0);
	assert_int_equal(s.tops[3].kind, PSL_TOP_BLANK);
	assert_int_equal(s.tops[3].index, 1);
	assert_int_equal(s.tops[5].kind, PSL_TOP_BLANK);
	assert_int_equal(s.tops[5].index, 2);
	assert_int_equal(s.tops[8].kind, PSL_TOP_BLOCK);
	assert_int_equal(s.tops[8].index, 2);
	assert_int_equal(s.tops[10].kind, PSL_TOP_BLOCK);
	assert_int_equal(s.tops[11].kind, PSL_TOP_BLOCK);
	assert_int_equal(s.tops[11].index, 4);
	assert_span(&s, s.tops[8].span, "model User {\n"
		    "  /// id doc\n"
		    "  id    Int     @id @default(autoincrement())\n"
		    "  email String  @unique @db.VarChar(255) // trailing\n"
		    "  name  String? /// trailing doc\n"
		    "  posts Post[]\n"
		    "  blob  Unsupported(\"circle\")?\n"
		    "\n"
		    "  // plain comment\n"
		    "  @@index([email(sort: Desc), name], map: \"idx\", type: Hash)\n"
		    "  @@map(\"users\") // c\n"
		    "}");
	assert_span(&s, s.blocks[2].keyword_span, "model");
	assert_span(&s, s.blocks[2].name_span, "User");
	assert_string_equal(s.blocks[0].open_comment, " open");
	assert_null(s.blocks[1].open_comment);
	psl_schema_release(&s);
}

static void test_parse_config_props(void **state)
{
	struct psl_schema s;
	const struct psl_block *db, *gen;
	const struct psl_expr *e, *arr;

	(void)state;
	parse_one(&s, "schema.prisma", schema_all);
	db = find_block(&s, "db");
	assert_int_equal(db->nprops, 4);
	assert_string_equal(db->props[0].name, "provider");
	assert_int_equal(db->props[0].value->kind, PSL_EXPR_STRING);
	assert_string_equal(db->props[0].value->str, "postgresql");
	assert_span(&s, db->props[0].value->span, "\"postgresql\"");
	assert_string_equal(db->props[0].comment, " the provider");
	assert_span(&s, db->props[0].span, "provider   = \"postgresql\"");
	assert_span(&s, db->props[0].decl_span, "provider   = \"postgresql\" // the provider");

	e = db->props[1].value;
	assert_int_equal(e->kind, PSL_EXPR_FUNC);
	assert_string_equal(e->str, "env");
	assert_int_equal(e->nargs, 1);
	assert_null(e->args[0].name);
	assert_string_equal(e->args[0].value->str, "DATABASE_URL");
	assert_span(&s, e->span, "env(\"DATABASE_URL\")");

	arr = db->props[2].value;
	assert_int_equal(arr->kind, PSL_EXPR_ARRAY);
	assert_int_equal(arr->nitems, 3);
	assert_int_equal(arr->items[0]->kind, PSL_EXPR_CONST);
	assert_string_equal(arr->items[0]->str, "pg_trgm");
	assert_int_equal(arr->items[1]->kind, PSL_EXPR_FUNC);
	assert_string_equal(arr->items[1]->args[0].name, "version");
	assert_span(&s, arr->items[1]->args[0].name_span, "version");
	assert_span(&s, arr->items[1]->args[0].span, "version: \"2.1\"");
	assert_int_equal(arr->items[2]->kind, PSL_EXPR_ARRAY);
	assert_int_equal(arr->items[2]->items[1]->kind, PSL_EXPR_NUMBER);
	assert_string_equal(arr->items[2]->items[1]->str, "-1");
	assert_int_equal(arr->items[2]->items[2]->kind, PSL_EXPR_NUMBER);
	assert_string_equal(arr->items[2]->items[2]->str, "2.5");

	/* `empty =` parses with no value (Prisma reports it when validating) */
	assert_string_equal(db->props[3].name, "empty");
	assert_null(db->props[3].value);
	assert_span(&s, db->props[3].span, "empty      =");

	gen = find_block(&s, "client");
	assert_int_equal(gen->nprops, 2);
	assert_int_equal(gen->props[1].value->kind, PSL_EXPR_ARRAY);
	assert_int_equal(gen->props[1].value->nitems, 0);
	psl_schema_release(&s);
}

static void test_parse_fields_and_types(void **state)
{
	struct psl_schema s;
	const struct psl_block *u;
	const struct psl_field *f;

	(void)state;
	parse_one(&s, "schema.prisma", schema_all);
	u = find_block(&s, "User");
	assert_int_equal(u->nfields, 5);

	f = find_field(u, "id");
	assert_true(f->has_type);
	assert_false(f->invalid);
	assert_string_equal(f->type.name, "Int");
	assert_false(f->type.optional);
	assert_false(f->type.list);
	assert_int_equal(f->nattrs, 2);
	assert_span(&s, f->name_span, "id");
	assert_span(&s, f->span, "id    Int     @id @default(autoincrement())");
	assert_span(&s, f->decl_span, "id    Int     @id @default(autoincrement())\n");

	f = find_field(u, "name");
	assert_true(f->type.optional);
	assert_span(&s, f->type.span, "String?");
	assert_span(&s, f->type.name_span, "String");

	f = find_field(u, "posts");
	assert_true(f->type.list);
	assert_false(f->type.optional);
	assert_string_equal(f->type.name, "Post");
	assert_span(&s, f->type.span, "Post[]");

	f = find_field(u, "blob");
	assert_string_equal(f->type.name, "Unsupported");
	assert_string_equal(f->type.unsupported, "circle");
	assert_true(f->type.optional);
	assert_span(&s, f->type.span, "Unsupported(\"circle\")?");
	psl_schema_release(&s);
}

static void test_parse_attributes(void **state)
{
	struct psl_schema s;
	const struct psl_block *u, *r;
	const struct psl_field *f;
	const struct psl_attr *a;
	const struct psl_arg *arg;

	(void)state;
	parse_one(&s, "schema.prisma", schema_all);
	u = find_block(&s, "User");
	f = find_field(u, "id");
	a = psl_field_attr(f, "id");
	assert_non_null(a);
	assert_false(a->block);
	assert_false(a->has_parens);
	assert_int_equal(a->nargs, 0);
	assert_span(&s, a->span, "@id");
	/* Prisma's span of an attribute without ( ) takes the white space after it */
	assert_span(&s, a->decl_span, "@id ");
	assert_span(&s, a->name_span, "id");
	a = psl_field_attr(f, "default");
	assert_true(a->has_parens);
	assert_span(&s, a->span, "@default(autoincrement())");
	assert_int_equal(a->args[0].value->kind, PSL_EXPR_FUNC);
	assert_int_equal(a->args[0].value->nargs, 0);
	assert_null(psl_field_attr(f, "unique"));

	f = find_field(u, "email");
	a = psl_field_attr(f, "db.VarChar");
	assert_non_null(a);
	assert_string_equal(a->args[0].value->str, "255");
	assert_int_equal(a->args[0].value->kind, PSL_EXPR_NUMBER);
	assert_span(&s, psl_field_attr(f, "unique")->decl_span, "@unique ");

	assert_int_equal(u->nattrs, 2);
	a = psl_block_attr(u, "index");
	assert_non_null(a);
	assert_true(a->block);
	assert_span(&s, a->span, "@@index([email(sort: Desc), name], map: \"idx\", type: Hash)");
	assert_int_equal(a->nargs, 3);
	arg = psl_attr_arg(a, "fields", true);
	assert_non_null(arg);
	assert_null(arg->name);
	assert_int_equal(arg->value->kind, PSL_EXPR_ARRAY);
	assert_int_equal(arg->value->items[0]->kind, PSL_EXPR_FUNC);
	assert_string_equal(arg->value->items[0]->str, "email");
	assert_string_equal(arg->value->items[0]->args[0].name, "sort");
	assert_string_equal(arg->value->items[0]->args[0].value->str, "Desc");
	arg = psl_attr_arg(a, "map", false);
	assert_string_equal(arg->value->str, "idx");
	assert_span(&s, arg->span, "map: \"idx\"");
	assert_null(psl_attr_arg(a, "nope", false));
	a = psl_block_attr(u, "map");
	assert_string_equal(a->comment, " c");
	assert_span(&s, a->span, "@@map(\"users\")");
	/* an @@ attribute's Prisma span runs to the end of the line, comment included */
	assert_span(&s, a->decl_span, "@@map(\"users\") // c");

	r = find_block(&s, "Role");
	assert_int_equal(r->nvalues, 2);
	assert_string_equal(r->values[0].name, "USER");
	assert_int_equal(r->values[0].nattrs, 1);
	assert_string_equal(r->values[0].attrs[0].args[0].value->str, "user");
	assert_span(&s, r->values[0].decl_span, "USER  @map(\"user\")\n");
	assert_string_equal(r->values[1].comment, " admin");
	assert_int_equal(r->nattrs, 1);
	assert_string_equal(r->attrs[0].name, "map");
	psl_schema_release(&s);
}

static void test_parse_members_order(void **state)
{
	struct psl_schema s;
	const struct psl_block *u, *db;
	static const enum psl_member_kind want[] = {
		PSL_MEMBER_COMMENT, PSL_MEMBER_FIELD, PSL_MEMBER_FIELD, PSL_MEMBER_FIELD,
		PSL_MEMBER_FIELD, PSL_MEMBER_FIELD, PSL_MEMBER_BLANK, PSL_MEMBER_COMMENT,
		PSL_MEMBER_ATTR, PSL_MEMBER_ATTR,
	};

	(void)state;
	parse_one(&s, "schema.prisma", schema_all);
	u = find_block(&s, "User");
	assert_int_equal(u->nmembers, ARRAY_SIZE(want));
	for (uint32_t i = 0; i < u->nmembers; i++)
		assert_int_equal(u->members[i].kind, want[i]);
	assert_string_equal(u->members[0].text, "/// id doc");
	assert_int_equal(u->members[1].index, 0);
	assert_int_equal(u->members[5].index, 4);
	assert_int_equal(u->members[6].index, 1);
	assert_string_equal(u->members[7].text, "// plain comment");
	assert_int_equal(u->members[8].index, 0);
	assert_int_equal(u->members[9].index, 1);

	db = find_block(&s, "db");
	assert_int_equal(db->nmembers, 4);
	for (uint32_t i = 0; i < 4; i++) {
		assert_int_equal(db->members[i].kind, PSL_MEMBER_PROP);
		assert_int_equal(db->members[i].index, i);
	}
	psl_schema_release(&s);
}

static void test_parse_doc_comments(void **state)
{
	struct psl_schema s;
	const struct psl_block *b;

	(void)state;
	parse_one(&s, "schema.prisma", schema_all);
	assert_string_equal(find_block(&s, "db")->doc, "Doc for db");
	b = find_block(&s, "User");
	assert_string_equal(b->doc, "User doc\nsecond line");
	assert_string_equal(find_field(b, "id")->doc, "id doc");
	assert_null(find_field(b, "email")->doc);
	assert_string_equal(find_field(b, "email")->comment, " trailing");
	/* a trailing /// comment is documentation too (Prisma joins it) */
	assert_string_equal(find_field(b, "name")->doc, "trailing doc");
	assert_string_equal(find_field(b, "name")->comment, "/ trailing doc");
	assert_null(find_block(&s, "Role")->doc);
	psl_schema_release(&s);

	parse_one(&s, "doc.prisma",
		  "/// floating: a blank line follows\n"
		  "\n"
		  "model A {\n"
		  "  ///   kept for b\n"
		  "  // plain lines are no doc\n"
		  "\n"
		  "  @@map(\"a\")\n"
		  "  b Int /// and trailing\n"
		  "  /// replaced\n"
		  "\n"
		  "  // by a group with no doc\n"
		  "  c Int\n"
		  "  /* block\n"
		  "     comment */\n"
		  "  d Int /* trailing block */\n"
		  "}\n"
		  "// plain\n"
		  "/// both\n"
		  "enum E { // after the brace\n"
		  "  /// v doc\n"
		  "  V\n"
		  "}\n");
	assert_int_equal(s.ndiags, 0);
	b = find_block(&s, "A");
	assert_null(b->doc);
	assert_string_equal(find_field(b, "b")->doc, "kept for b\nand trailing");
	assert_null(find_field(b, "c")->doc);
	assert_string_equal(find_field(b, "d")->doc, "block\n     comment\ntrailing block");
	assert_string_equal(find_field(b, "d")->comment, " trailing block");
	assert_span(&s, find_field(b, "d")->decl_span, "d Int /* trailing block */\n");
	b = find_block(&s, "E");
	assert_string_equal(b->doc, "both");
	assert_string_equal(b->open_comment, " after the brace");
	assert_string_equal(b->values[0].doc, "v doc");
	psl_schema_release(&s);
}

static void test_parse_blank_lines_and_layout(void **state)
{
	struct psl_schema s;
	const struct psl_block *b;

	(void)state;
	parse_one(&s, "l.prisma",
		  "\n\n"
		  "model A {\n"
		  "\n"
		  "  \t\n"
		  "  id Int @id\n"
		  "\n"
		  "}  // after\n"
		  "\n"
		  "\n"
		  "\n");
	assert_int_equal(s.ndiags, 0);
	/* blank(2), A, comment, blank(3) */
	assert_int_equal(s.ntops, 4 + 0);
	assert_int_equal(s.tops[0].kind, PSL_TOP_BLANK);
	assert_int_equal(s.tops[0].index, 2);
	assert_int_equal(s.tops[1].kind, PSL_TOP_BLOCK);
	assert_int_equal(s.tops[2].kind, PSL_TOP_COMMENT);
	assert_string_equal(s.tops[2].text, "// after");
	assert_int_equal(s.tops[3].kind, PSL_TOP_BLANK);
	assert_int_equal(s.tops[3].index, 3);
	b = &s.blocks[0];
	assert_int_equal(b->nmembers, 3);
	assert_int_equal(b->members[0].kind, PSL_MEMBER_BLANK);
	assert_int_equal(b->members[0].index, 2);
	assert_int_equal(b->members[1].kind, PSL_MEMBER_FIELD);
	assert_int_equal(b->members[2].kind, PSL_MEMBER_BLANK);
	assert_int_equal(b->members[2].index, 1);
	psl_schema_release(&s);

	/* CRLF and a lone CR end lines too; Unicode spaces separate tokens */
	parse_one(&s, "crlf.prisma",
		  "model A {\r\n  id\xc2\xa0Int @id\r\n  b String?\r}\r\n");
	assert_int_equal(s.ndiags, 0);
	assert_int_equal(s.blocks[0].nfields, 2);
	assert_span(&s, s.blocks[0].fields[0].decl_span, "id\xc2\xa0Int @id\r\n");
	assert_span(&s, s.blocks[0].fields[1].decl_span, "b String?\r");
	psl_schema_release(&s);
}

static void test_parse_prisma_quirks(void **state)
{
	struct psl_schema s;

	(void)state;
	/* keywords are prefixes; identifiers may start with a digit or a Unicode letter */
	parse_one(&s, "q.prisma",
		  "modelUser {\n  id Int @id\n}\n"
		  "enum 1E {\n  1A\n}\n"
		  "model \xc3\x9cn\xc3\xaf {\n  na\xc3\xafve Int @ id @default (1)\n  b String []\n  c Int ?\n}\n");
	assert_int_equal(s.ndiags, 0);
	assert_int_equal(s.nblocks, 3);
	assert_string_equal(s.blocks[0].name, "User");
	assert_string_equal(s.blocks[1].name, "1E");
	assert_string_equal(s.blocks[1].values[0].name, "1A");
	assert_string_equal(s.blocks[2].name, "\xc3\x9cn\xc3\xaf");
	assert_string_equal(s.blocks[2].fields[0].attrs[0].name, "id");
	assert_true(s.blocks[2].fields[0].attrs[1].has_parens);
	assert_true(s.blocks[2].fields[1].type.list);
	assert_true(s.blocks[2].fields[2].type.optional);
	psl_schema_release(&s);

	/* a block opened on the header line swallows the rest of that line */
	parse_one(&s, "q.prisma", "model A { id Int }\n  id Int @id\n}\n");
	assert_int_equal(s.ndiags, 0);
	assert_int_equal(s.blocks[0].nfields, 1);
	assert_string_equal(s.blocks[0].open_comment, "id Int }");
	psl_schema_release(&s);

	/* numbers and constants in expressions */
	parse_one(&s, "q.prisma",
		  "model A {\n  a Float @default(1.5)\n  b Int @default(-3)\n  c E @default(a.b)\n"
		  "  d Int @default(db.x(1, n: 2))\n  e String @default(\"\")\n}\n");
	assert_int_equal(s.ndiags, 0);
	assert_int_equal(s.blocks[0].fields[0].attrs[0].args[0].value->kind, PSL_EXPR_NUMBER);
	assert_string_equal(s.blocks[0].fields[0].attrs[0].args[0].value->str, "1.5");
	assert_string_equal(s.blocks[0].fields[1].attrs[0].args[0].value->str, "-3");
	assert_int_equal(s.blocks[0].fields[2].attrs[0].args[0].value->kind, PSL_EXPR_CONST);
	assert_string_equal(s.blocks[0].fields[2].attrs[0].args[0].value->str, "a.b");
	assert_string_equal(s.blocks[0].fields[3].attrs[0].args[0].value->str, "db.x");
	assert_int_equal(s.blocks[0].fields[3].attrs[0].args[0].value->nargs, 2);
	assert_string_equal(s.blocks[0].fields[4].attrs[0].args[0].value->str, "");
	psl_schema_release(&s);
}

static void test_parse_string_escapes(void **state)
{
	struct psl_schema s;
	const struct psl_block *b;

	(void)state;
	parse_one(&s, "e.prisma",
		  "model A {\n"
		  "  a String @default(\"q\\\"b\\\\s\\/n\\nt\\tr\\rb\\bf\\f\")\n"
		  "  b String @default(\"\\u00e9\\u4e2d\\ud83d\\ude00\")\n"
		  "}\n");
	assert_int_equal(s.ndiags, 0);
	b = &s.blocks[0];
	assert_string_equal(b->fields[0].attrs[0].args[0].value->str, "q\"b\\s/n\nt\tr\rb\bf\f");
	assert_string_equal(b->fields[1].attrs[0].args[0].value->str, "\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80");
	psl_schema_release(&s);
}

/* ---- parser: syntax errors ---- */

struct want_diag {
	const char *message;
	const char *span;
};

static void assert_diags(const char *schema, const struct want_diag *want, size_t n)
{
	struct psl_schema s;

	parse_one(&s, "e.prisma", schema);
	if (s.ndiags != n) {
		char *all = render_all(&s, false);
		print_error("%s", all);
		free(all);
	}
	assert_int_equal(s.ndiags, n);
	assert_int_equal(s.nerrors, n);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(s.diags[i].severity, PSL_ERROR);
		assert_string_equal(s.diags[i].message, want[i].message);
		assert_span(&s, s.diags[i].span, want[i].span);
	}
	psl_schema_release(&s);
}

#define TOP_LINE "Error validating: This line is invalid. It does not start with any known Prisma schema keyword."
#define MODEL_LINE "Error validating: This line is not a valid field or attribute definition."

static void test_error_top_level_lines(void **state)
{
	static const struct want_diag want[] = {
		{ TOP_LINE, "foo bar\n" },
		{ TOP_LINE, "baz\n" },
		{ TOP_LINE, "} junk\n" },
		{ "Error validating: Invalid type definition. Please check the documentation in https://pris.ly/d/composite-types",
		  "type X = String @default(\"\\q\")" },
		{ TOP_LINE, "rest\n" },
	};
	(void)state;
	assert_diags("model A {\n  id Int @id\n}\nfoo bar\n  baz\n} junk\ntype X = String @default(\"\\q\") rest\n",
		     want, ARRAY_SIZE(want));
}

static void test_error_arbitrary_block(void **state)
{
	static const struct want_diag want[] = {
		{ "Error validating: This block is invalid. It does not start with any known Prisma schema keyword. "
		  "Valid keywords include 'model', 'enum', 'type', 'datasource' and 'generator'.",
		  "model_x {\n  id Int @id\n}" },
		{ TOP_LINE, "tail\n" },
	};
	(void)state;
	assert_diags("model_x {\n  id Int @id\n} tail\n", want, ARRAY_SIZE(want));
}

static void test_error_block_lines(void **state)
{
	static const struct want_diag want[] = {
		{ MODEL_LINE, "!!! what\n" },
		{ MODEL_LINE, "s String @default(\"abc\n" },
		{ MODEL_LINE, "b Int @default(123abc)\n" },
		{ MODEL_LINE, "@@index([b,])\n" },
		{ MODEL_LINE, "c Int?[]\n" },
		{ "Error validating: This line is not an enum value definition.", "B C\n" },
		{ "Error validating: This line is not a valid definition within a datasource.", "provider: \"x\"\n" },
		{ "Error validating: This line is not a valid definition within a generator.", "z = foo bar\n" },
	};
	(void)state;
	assert_diags("model A {\n  id Int @id\n  !!! what\n  s String @default(\"abc\n"
		     "  b Int @default(123abc)\n  @@index([b,])\n  c Int?[]\n}\n"
		     "enum E {\n  A\n  B C\n}\n"
		     "datasource db {\n  provider: \"x\"\n}\n"
		     "generator g {\n  z = foo bar\n}\n",
		     want, ARRAY_SIZE(want));
}

static void test_error_field_declarations(void **state)
{
	static const struct want_diag want[] = {
		{ "Error validating model \"M\": This field declaration is invalid. It is either missing a name or a type.",
		  "name\n" },
		{ "Unknown escape sequence. If the value is a windows-style path, `\\` must be escaped as `\\\\`.", "\\q" },
		{ "Error validating model \"M\": This field declaration is invalid. It is either missing a name or a type.",
		  "t @default(\"\\q\")\n" },
		{ "Field declarations don't require a `:`.", ":" },
		{ "Field declarations don't require a `:`.", ":" },
		{ "Fields are required by default, `!` is no longer required.", "Int!" },
		{ "To specify a list, please use `Type[]` instead of `[Type]`.", "[ Int ]" },
		{ "Optional lists are not supported. Use either `Type[]` or `Type?`.", "Unsupported(\"\\q\")[] ?" },
		{ "Error validating view \"V\": This field declaration is invalid. It is either missing a name or a type.",
		  "x\n" },
		{ "Error validating type \"T\": This field declaration is invalid. It is either missing a name or a type.",
		  "y\n" },
	};
	struct psl_schema s;
	const struct psl_block *m;

	(void)state;
	assert_diags("model M {\n  id Int @id\n  name\n  t @default(\"\\q\")\n  y: Int\n  v: Int @default(\"\\q\")\n"
		     "  z Int!\n  w [ Int ]\n  u Unsupported(\"\\q\")[] ?\n}\n"
		     "view V {\n  x\n}\ntype T {\n  y\n}\n",
		     want, ARRAY_SIZE(want));

	/* the fields stay in the AST, marked invalid (Prisma drops them) */
	parse_one(&s, "e.prisma", "model M {\n  name\n  y: Int\n  z Int!\n  w [Int]\n  u Int[]?\n  ok Int\n}\n");
	m = &s.blocks[0];
	assert_int_equal(m->nfields, 6);
	assert_false(m->fields[0].has_type);
	for (uint32_t i = 0; i < 5; i++)
		assert_true(m->fields[i].invalid);
	assert_false(m->fields[5].invalid);
	assert_true(m->fields[3].type.list);
	assert_true(m->fields[4].type.optional_list);
	psl_schema_release(&s);
}

static void test_error_string_escapes(void **state)
{
	static const struct want_diag want[] = {
		{ "Invalid unicode escape sequence.", "\\u12" },
		{ "Invalid unicode escape sequence.", "\\uD800" },
		{ "Invalid unicode escape sequence.", "\\uDE00\\uD83D" },
		{ "Invalid unicode escape sequence.", "\\u12" },
		{ "Invalid unicode escape sequence.", "\\u" },
		{ "Unknown escape sequence. If the value is a windows-style path, `\\` must be escaped as `\\\\`.",
		  "\\\xc3\xa9" },
		{ "Unknown escape sequence. If the value is a windows-style path, `\\` must be escaped as `\\\\`.",
		  "\\\n" },
	};
	(void)state;
	assert_diags("model A {\n"
		     "  s String @default(\"a\\u12G4b\")\n"
		     "  t String @default(\"\\uD800x\")\n"
		     "  u String @default(\"\\uD83D\\uDE00 ok \\u00e9\")\n"
		     "  v String @default(\"\\uDE00\\uD83D\")\n"
		     "  w String @default(\"\\u12\")\n"
		     "  x String @default(\"\\u\")\n"
		     "  y String @default(\"\\\xc3\xa9\")\n"
		     "  z String @default(\"a\\\nb\")\n"
		     "}\n",
		     want, ARRAY_SIZE(want));
}

static void test_error_unclosed_blocks(void **state)
{
	static const struct want_diag want1[] = {
		{ MODEL_LINE, "model B {\n" },
	};
	static const struct want_diag want2[] = {
		{ TOP_LINE, "model A {\n" },
		{ TOP_LINE, "id Int @id\n" },
		{ TOP_LINE, "model B\n" },
		{ TOP_LINE, "{\n" },
	};
	struct psl_schema s;

	(void)state;
	/* B's closing brace closes A */
	assert_diags("model A {\n  id Int @id\n\nmodel B {\n  x Int\n}\n", want1, ARRAY_SIZE(want1));
	parse_one(&s, "e.prisma", "model A {\n  id Int @id\n\nmodel B {\n  x Int\n}\n");
	assert_int_equal(s.nblocks, 1);
	assert_int_equal(s.blocks[0].nfields, 2);
	psl_schema_release(&s);
	/* never closed: no block, every line an error */
	assert_diags("model A {\n  id Int @id\nmodel B\n{\n", want2, ARRAY_SIZE(want2));
	parse_one(&s, "e.prisma", "model A {\n  id Int @id\nmodel B\n{\n");
	assert_int_equal(s.nblocks, 0);
	assert_int_equal(s.ntops, 0);
	psl_schema_release(&s);
}

static void test_error_composite_type(void **state)
{
	static const struct want_diag want[] = {
		{ "Error validating: Defining `@unique` attribute for a field in a composite type is not allowed.",
		  "street String @unique\n" },
		{ "Error validating: The name of a composite type is not persisted in the database, therefore it does not need a mapped database name.",
		  "@@map(\"x\")" },
		{ "Error validating: An index should be defined in the model containing the embed.",
		  "@@index([street])  " },
		{ "Error validating: A composite type cannot define an id.", "@@id([street]) // c" },
		{ "Error validating: A composite type cannot have block-level attributes.", "@@other" },
	};
	(void)state;
	assert_diags("type Address {\n  street String @unique\n  @@map(\"x\")\n  @@index([street])  \n"
		     "  @@id([street]) // c\n  @@other\n}\n",
		     want, ARRAY_SIZE(want));
}

static void test_error_block_comments(void **state)
{
	static const struct want_diag want[] = {
		{ MODEL_LINE, "id /* x */ Int @id\n" },
		{ MODEL_LINE, "b Int @id /* t */ // u\n" },
		{ TOP_LINE, "c */\n" },
		{ TOP_LINE, "/* never closed\n" },
	};
	(void)state;
	assert_diags("/* a */ // b\nmodel A {\n  id /* x */ Int @id\n  b Int @id /* t */ // u\n"
		     "  /* one */ /* two */ c Int\n  d Int /* multi\n  line */\n}\n"
		     "/* a /* b */ c */\n/* never closed\n",
		     want, ARRAY_SIZE(want));
}

static void test_args_recorded_for_validation(void **state)
{
	struct psl_schema s;
	const struct psl_attr *a;

	(void)state;
	parse_one(&s, "t.prisma",
		  "model A {\n  id Int @id @default(autoincrement(,))\n  b Int @default(map:)\n"
		  "  @@index([b], )\n  @@unique(, )\n}\n");
	/* all of it parses: Prisma reports these when validating attributes */
	assert_int_equal(s.ndiags, 0);
	a = &s.blocks[0].fields[0].attrs[1];
	assert_false(a->trailing_comma);
	assert_true(a->args[0].value->trailing_comma);
	assert_span(&s, a->args[0].value->trailing_comma_span, ",");
	a = &s.blocks[0].fields[1].attrs[0];
	assert_int_equal(a->nargs, 1);
	assert_string_equal(a->args[0].name, "map");
	assert_null(a->args[0].value);
	assert_span(&s, a->args[0].span, "map:");
	a = &s.blocks[0].attrs[0];
	assert_true(a->trailing_comma);
	assert_span(&s, a->trailing_comma_span, ",");
	assert_int_equal(a->nargs, 1);
	assert_int_equal(s.blocks[0].nattrs, 2);
	a = &s.blocks[0].attrs[1];
	assert_true(a->trailing_comma);
	assert_int_equal(a->nargs, 0);
	psl_schema_release(&s);
}

static void test_never_aborts(void **state)
{
	static const char alphabet[] = "model enum type view datasource generator {}()[]@@,:=?!.\"\\/*\n\r\t "
				       "abcXYZ019-_\xc3\xa9\xff";
	struct psl_schema s;
	uint32_t seed = 12345;
	char buf[600];

	(void)state;
	for (int round = 0; round < 2000; round++) {
		size_t n = 0, len;
		seed = seed * 1103515245u + 12345u;
		len = (seed >> 16) % sizeof(buf);
		for (n = 0; n < len; n++) {
			seed = seed * 1103515245u + 12345u;
			buf[n] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		psl_schema_init(&s);
		psl_parse(&s, psl_schema_add_source(&s, "f.prisma", buf, len));
		for (uint32_t i = 0; i < s.ndiags; i++) {
			struct strbuf sb = STRBUF_INIT;
			assert_true(s.diags[i].span.start <= s.diags[i].span.end);
			assert_true(s.diags[i].span.end <= len);
			psl_diag_render(&s, &s.diags[i], i & 1, &sb);
			strbuf_release(&sb);
		}
		psl_schema_release(&s);
	}
}

/* ---- multi-file schemas ---- */

static void test_multi_file(void **state)
{
	struct psl_schema s;
	uint32_t f0, f1;
	char *out;
	const char *a = "datasource db {\n  provider = \"postgresql\"\n  url = env(\"U\")\n}\n";
	const char *b = "/// doc\nmodel B {\n  id Int @id\n  !!\n}\n";

	(void)state;
	psl_schema_init(&s);
	f0 = psl_schema_add_source(&s, "prisma/schema/a.prisma", a, strlen(a));
	f1 = psl_schema_add_source(&s, "prisma/schema/b.prisma", b, strlen(b));
	assert_int_equal(f0, 0);
	assert_int_equal(f1, 1);
	psl_parse(&s, f0);
	psl_parse(&s, f1);
	assert_int_equal(s.nsources, 2);
	assert_int_equal(s.nblocks, 2);
	assert_int_equal(s.blocks[0].span.file, 0);
	assert_int_equal(s.blocks[1].span.file, 1);
	assert_int_equal(s.blocks[1].fields[0].name_span.file, 1);
	assert_string_equal(s.blocks[1].doc, "doc");
	assert_int_equal(s.ntops, 3);
	assert_int_equal(s.tops[1].span.file, 1);
	assert_int_equal(s.tops[1].kind, PSL_TOP_COMMENT);
	assert_int_equal(s.ndiags, 1);
	assert_int_equal(s.diags[0].span.file, 1);
	out = render_all(&s, false);
	assert_string_equal(out,
			    "error: Error validating: This line is not a valid field or attribute definition.\n"
			    "  -->  prisma/schema/b.prisma:4\n"
			    "   | \n"
			    " 3 |   id Int @id\n"
			    " 4 |   !!\n"
			    " 5 | }\n"
			    "   | \n");
	free(out);
	psl_schema_release(&s);
}

/* ---- sources and rendering ---- */

static void test_source_positions(void **state)
{
	struct psl_schema s;
	uint32_t line, col;
	const char *t = "ab\ncd\r\n\nx";

	(void)state;
	psl_schema_init(&s);
	psl_schema_add_source(&s, "p", t, strlen(t));
	/* the line table is built on first use */
	assert_null(s.sources[0].line_starts);
	psl_source_lines(&s.sources[0]);
	assert_int_equal(s.sources[0].nlines, 4);
	assert_int_equal(s.sources[0].line_starts[1], 3);
	assert_int_equal(s.sources[0].line_starts[3], 8);
	psl_source_position(&s.sources[0], 0, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);
	psl_source_position(&s.sources[0], 4, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 2);
	psl_source_position(&s.sources[0], 8, &line, &col);
	assert_int_equal(line, 4);
	assert_int_equal(col, 1);
	psl_source_position(&s.sources[0], 9, &line, &col);
	assert_int_equal(line, 4);
	assert_int_equal(col, 2);
	psl_schema_release(&s);
}

static void test_render_warning_and_caret(void **state)
{
	struct psl_schema s;
	struct strbuf sb = STRBUF_INIT;
	struct psl_span sp;

	(void)state;
	psl_schema_init(&s);
	psl_schema_add_source(&s, "w.prisma", "model A {\n  id Int @id\n}\n", 25);
	sp.file = 0;
	sp.start = 12;
	sp.end = 14;
	psl_diag_add(&s, PSL_WARNING, sp, "Something about \"%s\".", "id");
	assert_int_equal(s.nwarnings, 1);
	assert_int_equal(s.nerrors, 0);
	psl_diag_render(&s, &s.diags[0], true, &sb);
	assert_string_equal(sb.buf,
			    "\x1b[1;93mwarning\x1b[0m: \x1b[1mSomething about \"id\".\x1b[0m\n"
			    "  \x1b[1;94m-->\x1b[0m  \x1b[4mw.prisma:2\x1b[0m\n"
			    "\x1b[1;94m   | \x1b[0m\n"
			    "\x1b[1;94m 1 | \x1b[0mmodel A {\n"
			    "\x1b[1;94m 2 | \x1b[0m  \x1b[1;93mid\x1b[0m Int @id\n"
			    "\x1b[1;94m   | \x1b[0m\n");
	strbuf_reset(&sb);
	/* nothing to mark (empty span, or one at a line end): Prisma adds a caret line */
	sp.start = sp.end = 22;
	psl_diag_add(&s, PSL_ERROR, sp, "Empty.");
	psl_diag_render(&s, &s.diags[1], false, &sb);
	assert_string_equal(sb.buf,
			    "error: Empty.\n"
			    "  -->  w.prisma:2\n"
			    "   | \n"
			    " 1 | model A {\n"
			    " 2 |   id Int @id\n"
			    "   |             ^ Unexpected token.\n"
			    "   | \n");
	strbuf_reset(&sb);
	psl_diag_render(&s, &s.diags[1], true, &sb);
	assert_string_equal(sb.buf,
			    "\x1b[1;91merror\x1b[0m: \x1b[1mEmpty.\x1b[0m\n"
			    "  \x1b[1;94m-->\x1b[0m  \x1b[4mw.prisma:2\x1b[0m\n"
			    "\x1b[1;94m   | \x1b[0m\n"
			    "\x1b[1;94m 1 | \x1b[0mmodel A {\n"
			    "\x1b[1;94m 2 | \x1b[0m  id Int @id\x1b[1;91m\x1b[0m\n"
			    "\x1b[1;94m   | \x1b[0m            \x1b[1;91m^ Unexpected token.\x1b[0m\n"
			    "\x1b[1;94m   | \x1b[0m\n");
	strbuf_release(&sb);
	psl_schema_release(&s);
}

static void test_render_gutter_widths(void **state)
{
	struct strbuf src = STRBUF_INIT;
	struct psl_schema s;
	char *out;

	(void)state;
	strbuf_addstr(&src, "model A {\n  id Int @id\n");
	for (int i = 3; i <= 98; i++)
		strbuf_addf(&src, "  f%d Int\n", i);
	strbuf_addstr(&src, "  $$$\n  %%%\n}\n");
	parse_one(&s, "gutter.prisma", src.buf);
	out = render_all(&s, false);
	/* Prisma's bytes: two columns for numbers, wider ones push the bar */
	assert_string_equal(out,
			    "error: Error validating: This line is not a valid field or attribute definition.\n"
			    "  -->  gutter.prisma:99\n"
			    "   | \n"
			    "98 |   f98 Int\n"
			    "99 |   $$$\n"
			    "100 |   %%%\n"
			    "   | \n"
			    "error: Error validating: This line is not a valid field or attribute definition.\n"
			    "  -->  gutter.prisma:100\n"
			    "   | \n"
			    "99 |   $$$\n"
			    "100 |   %%%\n"
			    "101 | }\n"
			    "   | \n");
	free(out);
	psl_schema_release(&s);
	strbuf_release(&src);
}

/* ---- golden cases: Prisma's own output ---- */

struct golden {
	const char *name;
	const char *schema;
	const char *plain;  /* Prisma 6.19, colours stripped */
	const char *color;  /* Prisma 6.19 as printed (5.22's bytes are the same where its grammar agrees) */
};

/* GOLDEN-BEGIN */
static const struct golden goldens[] = {
	{
		"toplevel.prisma",
		"model A {\n"
		"  id Int @id\n"
		"}\n"
		"foo bar\n"
		"  baz\n",
		"error: Error validating: This line is invalid. It does not start with any known Prisma schema keyword.\n"
		"  -->  toplevel.prisma:4\n"
		"   | \n"
		" 3 | }\n"
		" 4 | foo bar\n"
		" 5 |   baz\n"
		"   | \n"
		"error: Error validating: This line is invalid. It does not start with any known Prisma schema keyword.\n"
		"  -->  toplevel.prisma:5\n"
		"   | \n"
		" 4 | foo bar\n"
		" 5 |   baz\n"
		" 6 | \n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is invalid. It does not start with any known Prisma schema keyword.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mtoplevel.prisma:4\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 3 | \x1b[0m}\n"
		"\x1b[1;94m 4 | \x1b[0m\x1b[1;91mfoo bar\x1b[0m\n"
		"\x1b[1;94m 5 | \x1b[0m  baz\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is invalid. It does not start with any known Prisma schema keyword.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mtoplevel.prisma:5\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0mfoo bar\n"
		"\x1b[1;94m 5 | \x1b[0m  \x1b[1;91mbaz\x1b[0m\n"
		"\x1b[1;94m 6 | \x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"arbitrary.prisma",
		"model A {\n"
		"  id Int @id\n"
		"}\n"
		"\n"
		"foo Bar {\n"
		"  x Int\n"
		"}\n",
		"error: Error validating: This line is invalid. It does not start with any known Prisma schema keyword.\n"
		"  -->  arbitrary.prisma:5\n"
		"   | \n"
		" 4 | \n"
		" 5 | foo Bar {\n"
		" 6 |   x Int\n"
		"   | \n"
		"error: Error validating: This line is invalid. It does not start with any known Prisma schema keyword.\n"
		"  -->  arbitrary.prisma:6\n"
		"   | \n"
		" 5 | foo Bar {\n"
		" 6 |   x Int\n"
		" 7 | }\n"
		"   | \n"
		"error: Error validating: This line is invalid. It does not start with any known Prisma schema keyword.\n"
		"  -->  arbitrary.prisma:7\n"
		"   | \n"
		" 6 |   x Int\n"
		" 7 | }\n"
		" 8 | \n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is invalid. It does not start with any known Prisma schema keyword.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4marbitrary.prisma:5\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0m\n"
		"\x1b[1;94m 5 | \x1b[0m\x1b[1;91mfoo Bar {\x1b[0m\n"
		"\x1b[1;94m 6 | \x1b[0m  x Int\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is invalid. It does not start with any known Prisma schema keyword.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4marbitrary.prisma:6\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 5 | \x1b[0mfoo Bar {\n"
		"\x1b[1;94m 6 | \x1b[0m  \x1b[1;91mx Int\x1b[0m\n"
		"\x1b[1;94m 7 | \x1b[0m}\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is invalid. It does not start with any known Prisma schema keyword.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4marbitrary.prisma:7\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 6 | \x1b[0m  x Int\n"
		"\x1b[1;94m 7 | \x1b[0m\x1b[1;91m}\x1b[0m\n"
		"\x1b[1;94m 8 | \x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"modelbad.prisma",
		"model A {\n"
		"  id Int @id\n"
		"  !!! what\n"
		"}\n",
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  modelbad.prisma:3\n"
		"   | \n"
		" 2 |   id Int @id\n"
		" 3 |   !!! what\n"
		" 4 | }\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mmodelbad.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m 3 | \x1b[0m  \x1b[1;91m!!! what\x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0m}\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"notype.prisma",
		"model A {\n"
		"  id Int @id\n"
		"  name\n"
		"}\n",
		"error: Error validating model \"A\": This field declaration is invalid. It is either missing a name or a type.\n"
		"  -->  notype.prisma:3\n"
		"   | \n"
		" 2 |   id Int @id\n"
		" 3 |   name\n"
		" 4 | }\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating model \"A\": This field declaration is invalid. It is either missing a name or a type.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mnotype.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m 3 | \x1b[0m  \x1b[1;91mname\x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0m}\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"colon.prisma",
		"model A {\n"
		"  id Int @id\n"
		"  name: String\n"
		"}\n",
		"error: Field declarations don't require a `:`.\n"
		"  -->  colon.prisma:3\n"
		"   | \n"
		" 2 |   id Int @id\n"
		" 3 |   name: String\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mField declarations don't require a `:`.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mcolon.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m 3 | \x1b[0m  name\x1b[1;91m:\x1b[0m String\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"bang.prisma",
		"model A {\n"
		"  id Int @id\n"
		"  name String!\n"
		"}\n",
		"error: Fields are required by default, `!` is no longer required.\n"
		"  -->  bang.prisma:3\n"
		"   | \n"
		" 2 |   id Int @id\n"
		" 3 |   name String!\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mFields are required by default, `!` is no longer required.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mbang.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m 3 | \x1b[0m  name \x1b[1;91mString!\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"legacylist.prisma",
		"model A {\n"
		"  id Int @id\n"
		"  name [String]\n"
		"}\n",
		"error: To specify a list, please use `Type[]` instead of `[Type]`.\n"
		"  -->  legacylist.prisma:3\n"
		"   | \n"
		" 2 |   id Int @id\n"
		" 3 |   name [String]\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mTo specify a list, please use `Type[]` instead of `[Type]`.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mlegacylist.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m 3 | \x1b[0m  name \x1b[1;91m[String]\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"optlist.prisma",
		"model A {\n"
		"  id Int @id\n"
		"  name String[]?\n"
		"}\n",
		"error: Optional lists are not supported. Use either `Type[]` or `Type?`.\n"
		"  -->  optlist.prisma:3\n"
		"   | \n"
		" 2 |   id Int @id\n"
		" 3 |   name String[]?\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mOptional lists are not supported. Use either `Type[]` or `Type?`.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4moptlist.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m 3 | \x1b[0m  name \x1b[1;91mString[]?\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"alias.prisma",
		"type X = String @default(\"a\")\n"
		"model A {\n"
		"  id Int @id\n"
		"}\n",
		"error: Error validating: Invalid type definition. Please check the documentation in https://pris.ly/d/composite-types\n"
		"  -->  alias.prisma:1\n"
		"   | \n"
		"   | \n"
		" 1 | type X = String @default(\"a\")\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: Invalid type definition. Please check the documentation in https://pris.ly/d/composite-types\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4malias.prisma:1\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 1 | \x1b[0m\x1b[1;91mtype X = String @default(\"a\")\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"enumbad.prisma",
		"enum E {\n"
		"  A\n"
		"  B C\n"
		"}\n",
		"error: Error validating: This line is not an enum value definition.\n"
		"  -->  enumbad.prisma:3\n"
		"   | \n"
		" 2 |   A\n"
		" 3 |   B C\n"
		" 4 | }\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not an enum value definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4menumbad.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  A\n"
		"\x1b[1;94m 3 | \x1b[0m  \x1b[1;91mB C\x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0m}\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"dsbad.prisma",
		"datasource db {\n"
		"  provider = \"postgresql\"\n"
		"  url      = env(\"DATABASE_URL\")\n"
		"  foo \"bar\"\n"
		"}\n",
		"error: Error validating: This line is not a valid definition within a datasource.\n"
		"  -->  dsbad.prisma:4\n"
		"   | \n"
		" 3 |   url      = env(\"DATABASE_URL\")\n"
		" 4 |   foo \"bar\"\n"
		" 5 | }\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid definition within a datasource.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mdsbad.prisma:4\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 3 | \x1b[0m  url      = env(\"DATABASE_URL\")\n"
		"\x1b[1;94m 4 | \x1b[0m  \x1b[1;91mfoo \"bar\"\x1b[0m\n"
		"\x1b[1;94m 5 | \x1b[0m}\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"genbad.prisma",
		"generator client {\n"
		"  provider = \"prisma-client-js\"\n"
		"  foo bar\n"
		"}\n",
		"error: Error validating: This line is not a valid definition within a generator.\n"
		"  -->  genbad.prisma:3\n"
		"   | \n"
		" 2 |   provider = \"prisma-client-js\"\n"
		" 3 |   foo bar\n"
		" 4 | }\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid definition within a generator.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mgenbad.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  provider = \"prisma-client-js\"\n"
		"\x1b[1;94m 3 | \x1b[0m  \x1b[1;91mfoo bar\x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0m}\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"escape.prisma",
		"model A {\n"
		"  id Int @id\n"
		"  s String @default(\"a\\qb\")\n"
		"}\n",
		"error: Unknown escape sequence. If the value is a windows-style path, `\\` must be escaped as `\\\\`.\n"
		"  -->  escape.prisma:3\n"
		"   | \n"
		" 2 |   id Int @id\n"
		" 3 |   s String @default(\"a\\qb\")\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mUnknown escape sequence. If the value is a windows-style path, `\\` must be escaped as `\\\\`.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mescape.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m 3 | \x1b[0m  s String @default(\"a\x1b[1;91m\\q\x1b[0mb\")\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"uni.prisma",
		"model A {\n"
		"  id Int @id\n"
		"  s String @default(\"a\\u12G4b\")\n"
		"  t String @default(\"\\uD800x\")\n"
		"  u String @default(\"\\uD83D\\uDE00 ok \\u00e9\")\n"
		"  v String @default(\"\\uDE00\\uD83D\")\n"
		"  w String @default(\"\\u12\")\n"
		"}\n",
		"error: Invalid unicode escape sequence.\n"
		"  -->  uni.prisma:3\n"
		"   | \n"
		" 2 |   id Int @id\n"
		" 3 |   s String @default(\"a\\u12G4b\")\n"
		"   | \n"
		"error: Invalid unicode escape sequence.\n"
		"  -->  uni.prisma:4\n"
		"   | \n"
		" 3 |   s String @default(\"a\\u12G4b\")\n"
		" 4 |   t String @default(\"\\uD800x\")\n"
		"   | \n"
		"error: Invalid unicode escape sequence.\n"
		"  -->  uni.prisma:6\n"
		"   | \n"
		" 5 |   u String @default(\"\\uD83D\\uDE00 ok \\u00e9\")\n"
		" 6 |   v String @default(\"\\uDE00\\uD83D\")\n"
		"   | \n"
		"error: Invalid unicode escape sequence.\n"
		"  -->  uni.prisma:7\n"
		"   | \n"
		" 6 |   v String @default(\"\\uDE00\\uD83D\")\n"
		" 7 |   w String @default(\"\\u12\")\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mInvalid unicode escape sequence.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4muni.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m 3 | \x1b[0m  s String @default(\"a\x1b[1;91m\\u12\x1b[0mG4b\")\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mInvalid unicode escape sequence.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4muni.prisma:4\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 3 | \x1b[0m  s String @default(\"a\\u12G4b\")\n"
		"\x1b[1;94m 4 | \x1b[0m  t String @default(\"\x1b[1;91m\\uD800\x1b[0mx\")\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mInvalid unicode escape sequence.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4muni.prisma:6\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 5 | \x1b[0m  u String @default(\"\\uD83D\\uDE00 ok \\u00e9\")\n"
		"\x1b[1;94m 6 | \x1b[0m  v String @default(\"\x1b[1;91m\\uDE00\\uD83D\x1b[0m\")\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mInvalid unicode escape sequence.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4muni.prisma:7\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 6 | \x1b[0m  v String @default(\"\\uDE00\\uD83D\")\n"
		"\x1b[1;94m 7 | \x1b[0m  w String @default(\"\x1b[1;91m\\u12\x1b[0m\")\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"unterminated.prisma",
		"model A {\n"
		"  id Int @id\n"
		"  s String @default(\"abc\n"
		"}\n",
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  unterminated.prisma:3\n"
		"   | \n"
		" 2 |   id Int @id\n"
		" 3 |   s String @default(\"abc\n"
		" 4 | }\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4munterminated.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m 3 | \x1b[0m  \x1b[1;91ms String @default(\"abc\x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0m}\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"noclose_eof.prisma",
		"model A {\n"
		"  id Int @id\n",
		"error: Error validating: This line is invalid. It does not start with any known Prisma schema keyword.\n"
		"  -->  noclose_eof.prisma:1\n"
		"   | \n"
		"   | \n"
		" 1 | model A {\n"
		" 2 |   id Int @id\n"
		"   | \n"
		"error: Error validating: This line is invalid. It does not start with any known Prisma schema keyword.\n"
		"  -->  noclose_eof.prisma:2\n"
		"   | \n"
		" 1 | model A {\n"
		" 2 |   id Int @id\n"
		" 3 | \n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is invalid. It does not start with any known Prisma schema keyword.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mnoclose_eof.prisma:1\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 1 | \x1b[0m\x1b[1;91mmodel A {\x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is invalid. It does not start with any known Prisma schema keyword.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mnoclose_eof.prisma:2\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 1 | \x1b[0mmodel A {\n"
		"\x1b[1;94m 2 | \x1b[0m  \x1b[1;91mid Int @id\x1b[0m\n"
		"\x1b[1;94m 3 | \x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"sameline.prisma",
		"model A { id Int @id }\n"
		"model B {\n"
		"  id Int @id\n"
		"}\n",
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  sameline.prisma:2\n"
		"   | \n"
		" 1 | model A { id Int @id }\n"
		" 2 | model B {\n"
		" 3 |   id Int @id\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4msameline.prisma:2\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 1 | \x1b[0mmodel A { id Int @id }\n"
		"\x1b[1;94m 2 | \x1b[0m\x1b[1;91mmodel B {\x1b[0m\n"
		"\x1b[1;94m 3 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"closetrail.prisma",
		"model A {\n"
		"  id Int @id\n"
		"} foo\n"
		"model B {\n"
		"  id Int @id\n"
		"} // ok\n",
		"error: Error validating: This line is invalid. It does not start with any known Prisma schema keyword.\n"
		"  -->  closetrail.prisma:3\n"
		"   | \n"
		" 2 |   id Int @id\n"
		" 3 | } foo\n"
		" 4 | model B {\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is invalid. It does not start with any known Prisma schema keyword.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mclosetrail.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m 3 | \x1b[0m} \x1b[1;91mfoo\x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0mmodel B {\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"kwprefix.prisma",
		"modelA {\n"
		"  id Int @id\n"
		"}\n"
		"model_x {\n"
		"  id Int @id\n"
		"}\n",
		"error: Error validating: This block is invalid. It does not start with any known Prisma schema keyword. Valid keywords include 'model', 'enum', 'type', 'datasource' and 'generator'.\n"
		"  -->  kwprefix.prisma:4\n"
		"   | \n"
		" 3 | }\n"
		" 4 | model_x {\n"
		" 5 |   id Int @id\n"
		" 6 | }\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This block is invalid. It does not start with any known Prisma schema keyword. Valid keywords include 'model', 'enum', 'type', 'datasource' and 'generator'.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mkwprefix.prisma:4\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 3 | \x1b[0m}\n"
		"\x1b[1;94m 4 | \x1b[0m\x1b[1;91mmodel_x {\x1b[0m\n"
		"\x1b[1;94m 5 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m 6 | \x1b[0m}\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"header_nl.prisma",
		"model A\n"
		"{\n"
		"  id Int @id\n"
		"}\n",
		"error: Error validating: This line is invalid. It does not start with any known Prisma schema keyword.\n"
		"  -->  header_nl.prisma:1\n"
		"   | \n"
		"   | \n"
		" 1 | model A\n"
		" 2 | {\n"
		"   | \n"
		"error: Error validating: This line is invalid. It does not start with any known Prisma schema keyword.\n"
		"  -->  header_nl.prisma:2\n"
		"   | \n"
		" 1 | model A\n"
		" 2 | {\n"
		" 3 |   id Int @id\n"
		"   | \n"
		"error: Error validating: This line is invalid. It does not start with any known Prisma schema keyword.\n"
		"  -->  header_nl.prisma:3\n"
		"   | \n"
		" 2 | {\n"
		" 3 |   id Int @id\n"
		" 4 | }\n"
		"   | \n"
		"error: Error validating: This line is invalid. It does not start with any known Prisma schema keyword.\n"
		"  -->  header_nl.prisma:4\n"
		"   | \n"
		" 3 |   id Int @id\n"
		" 4 | }\n"
		" 5 | \n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is invalid. It does not start with any known Prisma schema keyword.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mheader_nl.prisma:1\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 1 | \x1b[0m\x1b[1;91mmodel A\x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m{\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is invalid. It does not start with any known Prisma schema keyword.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mheader_nl.prisma:2\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 1 | \x1b[0mmodel A\n"
		"\x1b[1;94m 2 | \x1b[0m\x1b[1;91m{\x1b[0m\n"
		"\x1b[1;94m 3 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is invalid. It does not start with any known Prisma schema keyword.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mheader_nl.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m{\n"
		"\x1b[1;94m 3 | \x1b[0m  \x1b[1;91mid Int @id\x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0m}\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is invalid. It does not start with any known Prisma schema keyword.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mheader_nl.prisma:4\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 3 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m 4 | \x1b[0m\x1b[1;91m}\x1b[0m\n"
		"\x1b[1;94m 5 | \x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"bc_unterminated.prisma",
		"model A {\n"
		"  id Int @id\n"
		"}\n"
		"/* never closed\n"
		"model B {\n"
		"  id Int @id\n"
		"}\n",
		"error: Error validating: This line is invalid. It does not start with any known Prisma schema keyword.\n"
		"  -->  bc_unterminated.prisma:4\n"
		"   | \n"
		" 3 | }\n"
		" 4 | /* never closed\n"
		" 5 | model B {\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is invalid. It does not start with any known Prisma schema keyword.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mbc_unterminated.prisma:4\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 3 | \x1b[0m}\n"
		"\x1b[1;94m 4 | \x1b[0m\x1b[1;91m/* never closed\x1b[0m\n"
		"\x1b[1;94m 5 | \x1b[0mmodel B {\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"bc_nested.prisma",
		"/* a /* b */ c */\n"
		"model A {\n"
		"  id Int @id\n"
		"}\n",
		"error: Error validating: This line is invalid. It does not start with any known Prisma schema keyword.\n"
		"  -->  bc_nested.prisma:1\n"
		"   | \n"
		"   | \n"
		" 1 | /* a /* b */ c */\n"
		" 2 | model A {\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is invalid. It does not start with any known Prisma schema keyword.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mbc_nested.prisma:1\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 1 | \x1b[0m/* a /* b */ \x1b[1;91mc */\x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0mmodel A {\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"bc_after.prisma",
		"/* a */ // b\n"
		"model A {\n"
		"  id Int @id /* t */ // u\n"
		"  /* one */ /* two */\n"
		"  b Int\n"
		"}\n",
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  bc_after.prisma:3\n"
		"   | \n"
		" 2 | model A {\n"
		" 3 |   id Int @id /* t */ // u\n"
		" 4 |   /* one */ /* two */\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mbc_after.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0mmodel A {\n"
		"\x1b[1;94m 3 | \x1b[0m  \x1b[1;91mid Int @id /* t */ // u\x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0m  /* one */ /* two */\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"bc_more.prisma",
		"model A {\n"
		"  /* x */ id Int @id\n"
		"  b Int /* multi\n"
		"  line */\n"
		"  c Int\n"
		"}\n",
		"",
		"",
	},
	{
		"blockcomment.prisma",
		"/* a block\n"
		"   comment */\n"
		"model A {\n"
		"  id Int @id /* trailing */\n"
		"  /* inner */\n"
		"}\n",
		"",
		"",
	},
	{
		"unicode_ident.prisma",
		"model \xc3\x9cn\xc3\xaf {\n"
		"  id Int @id\n"
		"  na\xc3\xafve Int\n"
		"}\n",
		"",
		"",
	},
	{
		"uniprops.prisma",
		"model A {\n"
		"  id Int @id\n"
		"  a\xd9\xa3 Int\n"
		"  b\xe2\x85\xab Int\n"
		"  c\xcd\x85 Int\n"
		"  d\xcc\x81 Int\n"
		"  \xe5\x90\x8d Int\n"
		"  \xc2\xb2x Int\n"
		"  \xd9\xa3y Int\n"
		"  \xe2\x85\xabz Int\n"
		"  \xca\xb0w Int\n"
		"  e\xe2\x80\x8b Int\n"
		"  f\xc2\xaa Int\n"
		"}\n",
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  uniprops.prisma:3\n"
		"   | \n"
		" 2 |   id Int @id\n"
		" 3 |   a\xd9\xa3 Int\n"
		" 4 |   b\xe2\x85\xab Int\n"
		"   | \n"
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  uniprops.prisma:4\n"
		"   | \n"
		" 3 |   a\xd9\xa3 Int\n"
		" 4 |   b\xe2\x85\xab Int\n"
		" 5 |   c\xcd\x85 Int\n"
		"   | \n"
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  uniprops.prisma:5\n"
		"   | \n"
		" 4 |   b\xe2\x85\xab Int\n"
		" 5 |   c\xcd\x85 Int\n"
		" 6 |   d\xcc\x81 Int\n"
		"   | \n"
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  uniprops.prisma:6\n"
		"   | \n"
		" 5 |   c\xcd\x85 Int\n"
		" 6 |   d\xcc\x81 Int\n"
		" 7 |   \xe5\x90\x8d Int\n"
		"   | \n"
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  uniprops.prisma:8\n"
		"   | \n"
		" 7 |   \xe5\x90\x8d Int\n"
		" 8 |   \xc2\xb2x Int\n"
		" 9 |   \xd9\xa3y Int\n"
		"   | \n"
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  uniprops.prisma:9\n"
		"   | \n"
		" 8 |   \xc2\xb2x Int\n"
		" 9 |   \xd9\xa3y Int\n"
		"10 |   \xe2\x85\xabz Int\n"
		"   | \n"
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  uniprops.prisma:10\n"
		"   | \n"
		" 9 |   \xd9\xa3y Int\n"
		"10 |   \xe2\x85\xabz Int\n"
		"11 |   \xca\xb0w Int\n"
		"   | \n"
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  uniprops.prisma:12\n"
		"   | \n"
		"11 |   \xca\xb0w Int\n"
		"12 |   e\xe2\x80\x8b Int\n"
		"13 |   f\xc2\xaa Int\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4muniprops.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m 3 | \x1b[0m  \x1b[1;91ma\xd9\xa3 Int\x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0m  b\xe2\x85\xab Int\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4muniprops.prisma:4\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 3 | \x1b[0m  a\xd9\xa3 Int\n"
		"\x1b[1;94m 4 | \x1b[0m  \x1b[1;91mb\xe2\x85\xab Int\x1b[0m\n"
		"\x1b[1;94m 5 | \x1b[0m  c\xcd\x85 Int\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4muniprops.prisma:5\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0m  b\xe2\x85\xab Int\n"
		"\x1b[1;94m 5 | \x1b[0m  \x1b[1;91mc\xcd\x85 Int\x1b[0m\n"
		"\x1b[1;94m 6 | \x1b[0m  d\xcc\x81 Int\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4muniprops.prisma:6\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 5 | \x1b[0m  c\xcd\x85 Int\n"
		"\x1b[1;94m 6 | \x1b[0m  \x1b[1;91md\xcc\x81 Int\x1b[0m\n"
		"\x1b[1;94m 7 | \x1b[0m  \xe5\x90\x8d Int\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4muniprops.prisma:8\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 7 | \x1b[0m  \xe5\x90\x8d Int\n"
		"\x1b[1;94m 8 | \x1b[0m  \x1b[1;91m\xc2\xb2x Int\x1b[0m\n"
		"\x1b[1;94m 9 | \x1b[0m  \xd9\xa3y Int\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4muniprops.prisma:9\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 8 | \x1b[0m  \xc2\xb2x Int\n"
		"\x1b[1;94m 9 | \x1b[0m  \x1b[1;91m\xd9\xa3y Int\x1b[0m\n"
		"\x1b[1;94m10 | \x1b[0m  \xe2\x85\xabz Int\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4muniprops.prisma:10\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 9 | \x1b[0m  \xd9\xa3y Int\n"
		"\x1b[1;94m10 | \x1b[0m  \x1b[1;91m\xe2\x85\xabz Int\x1b[0m\n"
		"\x1b[1;94m11 | \x1b[0m  \xca\xb0w Int\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4muniprops.prisma:12\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m11 | \x1b[0m  \xca\xb0w Int\n"
		"\x1b[1;94m12 | \x1b[0m  \x1b[1;91me\xe2\x80\x8b Int\x1b[0m\n"
		"\x1b[1;94m13 | \x1b[0m  f\xc2\xaa Int\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"numident.prisma",
		"model A {\n"
		"  id Int @id\n"
		"  b Int @default(123abc)\n"
		"}\n",
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  numident.prisma:3\n"
		"   | \n"
		" 2 |   id Int @id\n"
		" 3 |   b Int @default(123abc)\n"
		" 4 | }\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mnumident.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m 3 | \x1b[0m  \x1b[1;91mb Int @default(123abc)\x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0m}\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"tab_in_str.prisma",
		"model A {\n"
		"  id Int @id\n"
		"  b String @default(\"a\tb\")\n"
		"}\n",
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  tab_in_str.prisma:3\n"
		"   | \n"
		" 2 |   id Int @id\n"
		" 3 |   b String @default(\"a\tb\")\n"
		" 4 | }\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mtab_in_str.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m 3 | \x1b[0m  \x1b[1;91mb String @default(\"a\tb\")\x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0m}\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"crlf.prisma",
		"model A {\r\n"
		"  id Int @id\r\n"
		"  !!!\r\n"
		"}\r\n"
		"foo\r\n",
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  crlf.prisma:3\n"
		"   | \n"
		" 2 |   id Int @id\r\n"
		" 3 |   !!!\r\n"
		" 4 | }\r\n"
		"   | \n"
		"error: Error validating: This line is invalid. It does not start with any known Prisma schema keyword.\n"
		"  -->  crlf.prisma:5\n"
		"   | \n"
		" 4 | }\r\n"
		" 5 | foo\r\n"
		" 6 | \n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mcrlf.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  id Int @id\r\n"
		"\x1b[1;94m 3 | \x1b[0m  \x1b[1;91m!!!\r"
		"\x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0m}\r\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is invalid. It does not start with any known Prisma schema keyword.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mcrlf.prisma:5\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0m}\r\n"
		"\x1b[1;94m 5 | \x1b[0m\x1b[1;91mfoo\r"
		"\x1b[0m\n"
		"\x1b[1;94m 6 | \x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"noeol.prisma",
		"model A {\n"
		"  id Int @id\n"
		"}\n"
		"foo",
		"error: Error validating: This line is invalid. It does not start with any known Prisma schema keyword.\n"
		"  -->  noeol.prisma:4\n"
		"   | \n"
		" 3 | }\n"
		" 4 | foo\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is invalid. It does not start with any known Prisma schema keyword.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mnoeol.prisma:4\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 3 | \x1b[0m}\n"
		"\x1b[1;94m 4 | \x1b[0m\x1b[1;91mfoo\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"firstline.prisma",
		"foo\n",
		"error: Error validating: This line is invalid. It does not start with any known Prisma schema keyword.\n"
		"  -->  firstline.prisma:1\n"
		"   | \n"
		"   | \n"
		" 1 | foo\n"
		" 2 | \n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is invalid. It does not start with any known Prisma schema keyword.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mfirstline.prisma:1\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 1 | \x1b[0m\x1b[1;91mfoo\x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"ws.prisma",
		"  foo  \n",
		"error: Error validating: This line is invalid. It does not start with any known Prisma schema keyword.\n"
		"  -->  ws.prisma:1\n"
		"   | \n"
		"   | \n"
		" 1 |   foo  \n"
		" 2 | \n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is invalid. It does not start with any known Prisma schema keyword.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mws.prisma:1\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 1 | \x1b[0m  \x1b[1;91mfoo  \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"container.prisma",
		"view V {\n"
		"  id Int @unique\n"
		"  name\n"
		"}\n"
		"type T {\n"
		"  x\n"
		"}\n"
		"model M {\n"
		"  id Int @id\n"
		"  y: Int\n"
		"  z Int!\n"
		"  w [Int]\n"
		"  u Unsupported(\"\\q\")[]?\n"
		"  v: Int @default(\"\\q\")\n"
		"  t @default(\"\\q\")\n"
		"}\n",
		"error: Error validating view \"V\": This field declaration is invalid. It is either missing a name or a type.\n"
		"  -->  container.prisma:3\n"
		"   | \n"
		" 2 |   id Int @unique\n"
		" 3 |   name\n"
		" 4 | }\n"
		"   | \n"
		"error: Error validating type \"T\": This field declaration is invalid. It is either missing a name or a type.\n"
		"  -->  container.prisma:6\n"
		"   | \n"
		" 5 | type T {\n"
		" 6 |   x\n"
		" 7 | }\n"
		"   | \n"
		"error: Field declarations don't require a `:`.\n"
		"  -->  container.prisma:10\n"
		"   | \n"
		" 9 |   id Int @id\n"
		"10 |   y: Int\n"
		"   | \n"
		"error: Fields are required by default, `!` is no longer required.\n"
		"  -->  container.prisma:11\n"
		"   | \n"
		"10 |   y: Int\n"
		"11 |   z Int!\n"
		"   | \n"
		"error: To specify a list, please use `Type[]` instead of `[Type]`.\n"
		"  -->  container.prisma:12\n"
		"   | \n"
		"11 |   z Int!\n"
		"12 |   w [Int]\n"
		"   | \n"
		"error: Optional lists are not supported. Use either `Type[]` or `Type?`.\n"
		"  -->  container.prisma:13\n"
		"   | \n"
		"12 |   w [Int]\n"
		"13 |   u Unsupported(\"\\q\")[]?\n"
		"   | \n"
		"error: Field declarations don't require a `:`.\n"
		"  -->  container.prisma:14\n"
		"   | \n"
		"13 |   u Unsupported(\"\\q\")[]?\n"
		"14 |   v: Int @default(\"\\q\")\n"
		"   | \n"
		"error: Unknown escape sequence. If the value is a windows-style path, `\\` must be escaped as `\\\\`.\n"
		"  -->  container.prisma:15\n"
		"   | \n"
		"14 |   v: Int @default(\"\\q\")\n"
		"15 |   t @default(\"\\q\")\n"
		"   | \n"
		"error: Error validating model \"M\": This field declaration is invalid. It is either missing a name or a type.\n"
		"  -->  container.prisma:15\n"
		"   | \n"
		"14 |   v: Int @default(\"\\q\")\n"
		"15 |   t @default(\"\\q\")\n"
		"16 | }\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating view \"V\": This field declaration is invalid. It is either missing a name or a type.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mcontainer.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  id Int @unique\n"
		"\x1b[1;94m 3 | \x1b[0m  \x1b[1;91mname\x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0m}\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating type \"T\": This field declaration is invalid. It is either missing a name or a type.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mcontainer.prisma:6\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 5 | \x1b[0mtype T {\n"
		"\x1b[1;94m 6 | \x1b[0m  \x1b[1;91mx\x1b[0m\n"
		"\x1b[1;94m 7 | \x1b[0m}\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mField declarations don't require a `:`.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mcontainer.prisma:10\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 9 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m10 | \x1b[0m  y\x1b[1;91m:\x1b[0m Int\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mFields are required by default, `!` is no longer required.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mcontainer.prisma:11\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m10 | \x1b[0m  y: Int\n"
		"\x1b[1;94m11 | \x1b[0m  z \x1b[1;91mInt!\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mTo specify a list, please use `Type[]` instead of `[Type]`.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mcontainer.prisma:12\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m11 | \x1b[0m  z Int!\n"
		"\x1b[1;94m12 | \x1b[0m  w \x1b[1;91m[Int]\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mOptional lists are not supported. Use either `Type[]` or `Type?`.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mcontainer.prisma:13\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m12 | \x1b[0m  w [Int]\n"
		"\x1b[1;94m13 | \x1b[0m  u \x1b[1;91mUnsupported(\"\\q\")[]?\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mField declarations don't require a `:`.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mcontainer.prisma:14\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m13 | \x1b[0m  u Unsupported(\"\\q\")[]?\n"
		"\x1b[1;94m14 | \x1b[0m  v\x1b[1;91m:\x1b[0m Int @default(\"\\q\")\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mUnknown escape sequence. If the value is a windows-style path, `\\` must be escaped as `\\\\`.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mcontainer.prisma:15\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m14 | \x1b[0m  v: Int @default(\"\\q\")\n"
		"\x1b[1;94m15 | \x1b[0m  t @default(\"\x1b[1;91m\\q\x1b[0m\")\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating model \"M\": This field declaration is invalid. It is either missing a name or a type.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mcontainer.prisma:15\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m14 | \x1b[0m  v: Int @default(\"\\q\")\n"
		"\x1b[1;94m15 | \x1b[0m  \x1b[1;91mt @default(\"\\q\")\x1b[0m\n"
		"\x1b[1;94m16 | \x1b[0m}\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"misc2.prisma",
		"model A {}\n"
		"model B {\n"
		"  id Int @id\n"
		"}\n"
		"enum E { A B }\n"
		"enum F {\n"
		"  X\n"
		"}\n",
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  misc2.prisma:2\n"
		"   | \n"
		" 1 | model A {}\n"
		" 2 | model B {\n"
		" 3 |   id Int @id\n"
		"   | \n"
		"error: Error validating: This line is not an enum value definition.\n"
		"  -->  misc2.prisma:6\n"
		"   | \n"
		" 5 | enum E { A B }\n"
		" 6 | enum F {\n"
		" 7 |   X\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mmisc2.prisma:2\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 1 | \x1b[0mmodel A {}\n"
		"\x1b[1;94m 2 | \x1b[0m\x1b[1;91mmodel B {\x1b[0m\n"
		"\x1b[1;94m 3 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not an enum value definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mmisc2.prisma:6\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 5 | \x1b[0menum E { A B }\n"
		"\x1b[1;94m 6 | \x1b[0m\x1b[1;91menum F {\x1b[0m\n"
		"\x1b[1;94m 7 | \x1b[0m  X\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"misc3.prisma",
		"model A {\n"
		"  id Int @id@default(1)\n"
		"  b Int?[]\n"
		"  c Int @default(1.)\n"
		"  d Int @default(.5)\n"
		"  e Int @default(1e5)\n"
		"  f Int @id(\n"
		"  g Int@unique\n"
		"  nameInt\n"
		"}\n",
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  misc3.prisma:3\n"
		"   | \n"
		" 2 |   id Int @id@default(1)\n"
		" 3 |   b Int?[]\n"
		" 4 |   c Int @default(1.)\n"
		"   | \n"
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  misc3.prisma:4\n"
		"   | \n"
		" 3 |   b Int?[]\n"
		" 4 |   c Int @default(1.)\n"
		" 5 |   d Int @default(.5)\n"
		"   | \n"
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  misc3.prisma:5\n"
		"   | \n"
		" 4 |   c Int @default(1.)\n"
		" 5 |   d Int @default(.5)\n"
		" 6 |   e Int @default(1e5)\n"
		"   | \n"
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  misc3.prisma:6\n"
		"   | \n"
		" 5 |   d Int @default(.5)\n"
		" 6 |   e Int @default(1e5)\n"
		" 7 |   f Int @id(\n"
		"   | \n"
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  misc3.prisma:7\n"
		"   | \n"
		" 6 |   e Int @default(1e5)\n"
		" 7 |   f Int @id(\n"
		" 8 |   g Int@unique\n"
		"   | \n"
		"error: Error validating model \"A\": This field declaration is invalid. It is either missing a name or a type.\n"
		"  -->  misc3.prisma:9\n"
		"   | \n"
		" 8 |   g Int@unique\n"
		" 9 |   nameInt\n"
		"10 | }\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mmisc3.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  id Int @id@default(1)\n"
		"\x1b[1;94m 3 | \x1b[0m  \x1b[1;91mb Int?[]\x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0m  c Int @default(1.)\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mmisc3.prisma:4\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 3 | \x1b[0m  b Int?[]\n"
		"\x1b[1;94m 4 | \x1b[0m  \x1b[1;91mc Int @default(1.)\x1b[0m\n"
		"\x1b[1;94m 5 | \x1b[0m  d Int @default(.5)\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mmisc3.prisma:5\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0m  c Int @default(1.)\n"
		"\x1b[1;94m 5 | \x1b[0m  \x1b[1;91md Int @default(.5)\x1b[0m\n"
		"\x1b[1;94m 6 | \x1b[0m  e Int @default(1e5)\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mmisc3.prisma:6\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 5 | \x1b[0m  d Int @default(.5)\n"
		"\x1b[1;94m 6 | \x1b[0m  \x1b[1;91me Int @default(1e5)\x1b[0m\n"
		"\x1b[1;94m 7 | \x1b[0m  f Int @id(\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mmisc3.prisma:7\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 6 | \x1b[0m  e Int @default(1e5)\n"
		"\x1b[1;94m 7 | \x1b[0m  \x1b[1;91mf Int @id(\x1b[0m\n"
		"\x1b[1;94m 8 | \x1b[0m  g Int@unique\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating model \"A\": This field declaration is invalid. It is either missing a name or a type.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mmisc3.prisma:9\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 8 | \x1b[0m  g Int@unique\n"
		"\x1b[1;94m 9 | \x1b[0m  \x1b[1;91mnameInt\x1b[0m\n"
		"\x1b[1;94m10 | \x1b[0m}\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"misc5.prisma",
		"model A {\n"
		"  id Int @id\n"
		"  b String @default(\"a\\\n"
		"b\")\n"
		"}\n",
		"error: Unknown escape sequence. If the value is a windows-style path, `\\` must be escaped as `\\\\`.\n"
		"  -->  misc5.prisma:3\n"
		"   | \n"
		" 2 |   id Int @id\n"
		" 3 |   b String @default(\"a\\\n"
		" 4 | b\")\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mUnknown escape sequence. If the value is a windows-style path, `\\` must be escaped as `\\\\`.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mmisc5.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m 3 | \x1b[0m  b String @default(\"a\x1b[1;91m\\\x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0mb\")\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"lonecr.prisma",
		"model A {\r"
		"  id Int @id\r"
		"  !!!\r"
		"}\r",
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  lonecr.prisma:1\n"
		"   | \n"
		"   | \n"
		" 1 | model A {\r"
		"  id Int @id\r"
		"  !!!\r"
		"}\r\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mlonecr.prisma:1\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 1 | \x1b[0mmodel A {\r"
		"  id Int @id\r"
		"  \x1b[1;91m!!!\r"
		"\x1b[0m}\r\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"nbsp.prisma",
		"model A {\n"
		"  id\xc2\xa0Int\xe3\x80\x80@id\n"
		"  b Int @default(1)\xc2\xa0\n"
		"  \xe2\x80\x83" "c Int\n"
		"}\n",
		"",
		"",
	},
	{
		"spaces2.prisma",
		"datasource db {\n"
		"  provider = \"postgresql\"\n"
		"  url      = env(\"DATABASE_URL\") /// doc\n"
		"}\n"
		"model A {\n"
		"  id Int @ id @default( 1 )\n"
		"  b String @ db.VarChar(10)\n"
		"  @@ index([b])\n"
		"  @@unique([b] , map : \"x\")\n"
		"}\n",
		"",
		"",
	},
	{
		"enumesc.prisma",
		"enum E {\n"
		"  A @map(\"\\q\")\n"
		"  B @map(\"x\") junk\n"
		"}\n",
		"error: Unknown escape sequence. If the value is a windows-style path, `\\` must be escaped as `\\\\`.\n"
		"  -->  enumesc.prisma:2\n"
		"   | \n"
		" 1 | enum E {\n"
		" 2 |   A @map(\"\\q\")\n"
		"   | \n"
		"error: Error validating: This line is not an enum value definition.\n"
		"  -->  enumesc.prisma:3\n"
		"   | \n"
		" 2 |   A @map(\"\\q\")\n"
		" 3 |   B @map(\"x\") junk\n"
		" 4 | }\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mUnknown escape sequence. If the value is a windows-style path, `\\` must be escaped as `\\\\`.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4menumesc.prisma:2\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 1 | \x1b[0menum E {\n"
		"\x1b[1;94m 2 | \x1b[0m  A @map(\"\x1b[1;91m\\q\x1b[0m\")\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not an enum value definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4menumesc.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  A @map(\"\\q\")\n"
		"\x1b[1;94m 3 | \x1b[0m  \x1b[1;91mB @map(\"x\") junk\x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0m}\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"nonascii_catch.prisma",
		"model A {\n"
		"  id Int @id\n"
		"  \xc3\xbcn\xc3\xaf \xe2\x88\x82 x\n"
		"}\n"
		"\xc2\xa7 top\n",
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  nonascii_catch.prisma:3\n"
		"   | \n"
		" 2 |   id Int @id\n"
		" 3 |   \xc3\xbcn\xc3\xaf \xe2\x88\x82 x\n"
		" 4 | }\n"
		"   | \n"
		"error: Error validating: This line is invalid. It does not start with any known Prisma schema keyword.\n"
		"  -->  nonascii_catch.prisma:5\n"
		"   | \n"
		" 4 | }\n"
		" 5 | \xc2\xa7 top\n"
		" 6 | \n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mnonascii_catch.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m 3 | \x1b[0m  \x1b[1;91m\xc3\xbcn\xc3\xaf \xe2\x88\x82 x\x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0m}\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is invalid. It does not start with any known Prisma schema keyword.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mnonascii_catch.prisma:5\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0m}\n"
		"\x1b[1;94m 5 | \x1b[0m\x1b[1;91m\xc2\xa7 top\x1b[0m\n"
		"\x1b[1;94m 6 | \x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"field_multi_err.prisma",
		"model A {\n"
		"  id Int @id\n"
		"  a String @default(\"\\q\") @map(\"\\z\")\n"
		"  b String? @default(\"\\u00zz\")\n"
		"}\n",
		"error: Unknown escape sequence. If the value is a windows-style path, `\\` must be escaped as `\\\\`.\n"
		"  -->  field_multi_err.prisma:3\n"
		"   | \n"
		" 2 |   id Int @id\n"
		" 3 |   a String @default(\"\\q\") @map(\"\\z\")\n"
		"   | \n"
		"error: Unknown escape sequence. If the value is a windows-style path, `\\` must be escaped as `\\\\`.\n"
		"  -->  field_multi_err.prisma:3\n"
		"   | \n"
		" 2 |   id Int @id\n"
		" 3 |   a String @default(\"\\q\") @map(\"\\z\")\n"
		"   | \n"
		"error: Invalid unicode escape sequence.\n"
		"  -->  field_multi_err.prisma:4\n"
		"   | \n"
		" 3 |   a String @default(\"\\q\") @map(\"\\z\")\n"
		" 4 |   b String? @default(\"\\u00zz\")\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mUnknown escape sequence. If the value is a windows-style path, `\\` must be escaped as `\\\\`.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mfield_multi_err.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m 3 | \x1b[0m  a String @default(\"\x1b[1;91m\\q\x1b[0m\") @map(\"\\z\")\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mUnknown escape sequence. If the value is a windows-style path, `\\` must be escaped as `\\\\`.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mfield_multi_err.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  id Int @id\n"
		"\x1b[1;94m 3 | \x1b[0m  a String @default(\"\\q\") @map(\"\x1b[1;91m\\z\x1b[0m\")\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;91merror\x1b[0m: \x1b[1mInvalid unicode escape sequence.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mfield_multi_err.prisma:4\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 3 | \x1b[0m  a String @default(\"\\q\") @map(\"\\z\")\n"
		"\x1b[1;94m 4 | \x1b[0m  b String? @default(\"\x1b[1;91m\\u00\x1b[0mzz\")\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"viewblock.prisma",
		"view V {\n"
		"  id Int @unique\n"
		"  bad line here\n"
		"}\n",
		"error: Error validating: This line is not a valid field or attribute definition.\n"
		"  -->  viewblock.prisma:3\n"
		"   | \n"
		" 2 |   id Int @unique\n"
		" 3 |   bad line here\n"
		" 4 | }\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: This line is not a valid field or attribute definition.\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mviewblock.prisma:3\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m 2 | \x1b[0m  id Int @unique\n"
		"\x1b[1;94m 3 | \x1b[0m  \x1b[1;91mbad line here\x1b[0m\n"
		"\x1b[1;94m 4 | \x1b[0m}\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"modelprefix.prisma",
		"models {\n"
		"  id Int @id\n"
		"}\n"
		"enumeration {\n"
		"  A\n"
		"}\n"
		"datasourcedb {\n"
		"  provider = \"postgresql\"\n"
		"  url = \"postgresql://x\"\n"
		"}\n"
		"typeX = String\n",
		"error: Error validating: Invalid type definition. Please check the documentation in https://pris.ly/d/composite-types\n"
		"  -->  modelprefix.prisma:11\n"
		"   | \n"
		"10 | }\n"
		"11 | typeX = String\n"
		"   | \n",
		"\x1b[1;91merror\x1b[0m: \x1b[1mError validating: Invalid type definition. Please check the documentation in https://pris.ly/d/composite-types\x1b[0m\n"
		"  \x1b[1;94m-->\x1b[0m  \x1b[4mmodelprefix.prisma:11\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n"
		"\x1b[1;94m10 | \x1b[0m}\n"
		"\x1b[1;94m11 | \x1b[0m\x1b[1;91mtypeX = String\x1b[0m\n"
		"\x1b[1;94m   | \x1b[0m\n",
	},
	{
		"bc_sameline.prisma",
		"/* x */ model A {\n"
		"  id Int @id\n"
		"}\n",
		"",
		"",
	},
	{
		"bc_enum.prisma",
		"enum E {\n"
		"  A /* x */\n"
		"  /* y\n"
		"  */\n"
		"  B\n"
		"}\n"
		"datasource db { /* hi */\n"
		"  provider = \"postgresql\" /* p */\n"
		"  url      = env(\"DATABASE_URL\")\n"
		"  /* z */\n"
		"}\n",
		"",
		"",
	},
	{
		"bc_empty.prisma",
		"/**/\n"
		"/***/\n"
		"model A {\n"
		"  id Int @id\n"
		"}\n",
		"",
		"",
	},
	{
		"emptyfile.prisma",
		"",
		"",
		"",
	},
	{
		"trailingblank.prisma",
		"model A {\n"
		"  id Int @id\n"
		"}\n"
		"\n"
		"\n",
		"",
		"",
	},
};
/* GOLDEN-END */

static void test_golden(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(goldens); i++)
		assert_render(goldens[i].name, goldens[i].schema, goldens[i].plain, goldens[i].color);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lex_punctuation),
		cmocka_unit_test(test_lex_identifiers_and_numbers),
		cmocka_unit_test(test_lex_strings),
		cmocka_unit_test(test_lex_comments_and_newlines),
		cmocka_unit_test(test_lex_space_before),
		cmocka_unit_test(test_parse_blocks_and_tops),
		cmocka_unit_test(test_parse_config_props),
		cmocka_unit_test(test_parse_fields_and_types),
		cmocka_unit_test(test_parse_attributes),
		cmocka_unit_test(test_parse_members_order),
		cmocka_unit_test(test_parse_doc_comments),
		cmocka_unit_test(test_parse_blank_lines_and_layout),
		cmocka_unit_test(test_parse_prisma_quirks),
		cmocka_unit_test(test_parse_string_escapes),
		cmocka_unit_test(test_error_top_level_lines),
		cmocka_unit_test(test_error_arbitrary_block),
		cmocka_unit_test(test_error_block_lines),
		cmocka_unit_test(test_error_field_declarations),
		cmocka_unit_test(test_error_string_escapes),
		cmocka_unit_test(test_error_unclosed_blocks),
		cmocka_unit_test(test_error_composite_type),
		cmocka_unit_test(test_error_block_comments),
		cmocka_unit_test(test_args_recorded_for_validation),
		cmocka_unit_test(test_never_aborts),
		cmocka_unit_test(test_multi_file),
		cmocka_unit_test(test_source_positions),
		cmocka_unit_test(test_render_warning_and_caret),
		cmocka_unit_test(test_render_gutter_widths),
		cmocka_unit_test(test_golden),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
