/* test_psl_format.c - unit tests for src/psl/format.c: prisma format's output, byte for byte */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/fs.h"
#include "base/strbuf.h"
#include "psl/ast.h"
#include "psl/format.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fmt_case {
	const char *name;
	const char *in;
	const char *want;   /* Prisma 5.22's `prisma format` output */
	const char *twice;  /* its output when run on `want`, when not `want` itself */
};

/* Cases: input, and prisma format (5.22) output, from the oracle. */
static const struct fmt_case cases[] = {
	{ "align_groups",
		"model A {\n"
		"  id Int @id\n"
		"  // comment row\n"
		"  longName String? @unique\n"
		"  x Int // trailing\n"
		"\n"
		"\n"
		"  y DateTime @default(now())\n"
		"}\n",
		"model A {\n"
		"  id       Int     @id\n"
		"  // comment row\n"
		"  longName String? @unique\n"
		"  x        Int // trailing\n"
		"\n"
		"  y DateTime @default(now())\n"
		"}\n",
		NULL },
	{ "block_attrs",
		"model A {\n"
		"  a Int\n"
		"  @@map(\"a\")\n"
		"  b Int\n"
		"  // moves with the id\n"
		"  @@id([a, b])\n"
		"  @@index([b]) // idx\n"
		"  @@unique([a])\n"
		"}\n",
		"model A {\n"
		"  a Int\n"
		"  b Int\n"
		"\n"
		"  // moves with the id\n"
		"  @@id([a, b])\n"
		"  @@unique([a])\n"
		"  @@index([b]) // idx\n"
		"  @@map(\"a\")\n"
		"}\n",
		NULL },
	{ "field_attr_order",
		"model A {\n"
		"  id Int @map(\"i\") @default(1) @id\n"
		"  u String @map(\"u\") @unique\n"
		"}\n",
		"model A {\n"
		"  id Int    @id @default(1) @map(\"i\")\n"
		"  u  String @unique @map(\"u\")\n"
		"}\n",
		NULL },
	{ "args_spacing",
		"model A {\n"
		"  id String @id @default(dbgenerated( \"gen()\" ))\n"
		"  n Int\n"
		"  @@index(fields:[n(sort:Desc),id],map:\"ix\",)\n"
		"}\n",
		"model A {\n"
		"  id String @id @default(dbgenerated(\"gen()\"))\n"
		"  n  Int\n"
		"\n"
		"  @@index(fields: [n(sort: Desc), id], map: \"ix\")\n"
		"}\n",
		NULL },
	{ "top_level",
		"\n"
		"\n"
		"// head\n"
		"   // indented\n"
		"model A {\n"
		"  id Int @id\n"
		"} // same line\n"
		"model B {\n"
		"  id Int @id\n"
		"}\n"
		"\n"
		"\n"
		"\n"
		"/// doc\n"
		"model C {\n"
		"  id Int @id\n"
		"}\n"
		"// tail\n"
		"\n"
		"\n",
		"// head\n"
		"// indented\n"
		"model A {\n"
		"  id Int @id\n"
		"}\n"
		"// same line\n"
		"model B {\n"
		"  id Int @id\n"
		"}\n"
		"\n"
		"/// doc\n"
		"model C {\n"
		"  id Int @id\n"
		"}\n"
		"\n"
		"// tail\n",
		/* formatted again: Prisma adds a blank line after the `}` */
		"// head\n"
		"// indented\n"
		"model A {\n"
		"  id Int @id\n"
		"}\n"
		"\n"
		"// same line\n"
		"model B {\n"
		"  id Int @id\n"
		"}\n"
		"\n"
		"/// doc\n"
		"model C {\n"
		"  id Int @id\n"
		"}\n"
		"\n"
		"// tail\n" },
	{ "no_final_newline",
		"model A {\n"
		"  id Int @id\n"
		"}",
		"model A {\n"
		"  id Int @id\n"
		"}\n",
		NULL },
	{ "empty",
		"",
		"\n",
		NULL },
	{ "crlf",
		"model A {\r\n"
		"  id Int @id // c  \r\n"
		"\r\n"
		"\r\n"
		"  name String\r\n"
		"}\r\n",
		"model A {\n"
		"  id Int @id // c  \n"
		"\n"
		"  name String\n"
		"}\n",
		NULL },
	{ "tabs",
		"model A {\n"
		"\tid\tInt\t@id\n"
		"\tname String\n"
		"}\n",
		"model A {\n"
		"  id   Int    @id\n"
		"  name String\n"
		"}\n",
		NULL },
	{ "enum_values",
		"enum E {\n"
		"  ONE @map(\"one\")\n"
		"  // c\n"
		"  TWO_LONG @map(\"two\") // t\n"
		"\n"
		"  THREE\n"
		"  @@map(\"e\")\n"
		"}\n",
		"enum E {\n"
		"  ONE      @map(\"one\")\n"
		"  // c\n"
		"  TWO_LONG @map(\"two\") // t\n"
		"\n"
		"  THREE\n"
		"\n"
		"  @@map(\"e\")\n"
		"}\n",
		NULL },
	{ "datasource_keys",
		"datasource db {\n"
		"  provider=\"postgresql\"\n"
		"  url = env(\"DATABASE_URL\")\n"
		"  // c\n"
		"  directUrl = env(\"DIRECT\") // t\n"
		"}\n",
		"datasource db {\n"
		"  provider  = \"postgresql\"\n"
		"  url       = env(\"DATABASE_URL\")\n"
		"  // c\n"
		"  directUrl = env(\"DIRECT\") // t\n"
		"}\n",
		NULL },
	{ "comments_only",
		"\n"
		"// one\n"
		"/// two\n"
		"\n"
		"// three\n"
		"\n",
		"// one\n"
		"/// two\n"
		"\n"
		"// three\n",
		NULL },
	{ "comment_before_attr_blank",
		"model A {\n"
		"  id Int @id\n"
		"\n"
		"  // stays\n"
		"  \n"
		"  @@map(\"a\")\n"
		"  // dangling\n"
		"}\n",
		"model A {\n"
		"  id Int @id\n"
		"\n"
		"  // stays\n"
		"  // dangling\n"
		"\n"
		"  @@map(\"a\")\n"
		"}\n",
		NULL },
	{ "open_brace_comment",
		"model A { // gone\n"
		"  id Int @id\n"
		"}\n",
		"model A {\n"
		"  id Int @id\n"
		"}\n",
		NULL },
	{ "unsupported_spacing",
		"model A {\n"
		"  id Int @id\n"
		"  g Unsupported( \"circle\" )?\n"
		"  @@ignore\n"
		"}\n",
		"model A {\n"
		"  id Int                      @id\n"
		"  g  Unsupported( \"circle\" )?\n"
		"\n"
		"  @@ignore\n"
		"}\n",
		NULL },
	{ "legacy",
		"model A {\n"
		"  id: Int @id\n"
		"  name String!\n"
		"}\n",
		"model A {\n"
		"  id   Int    @id\n"
		"  name String\n"
		"}\n",
		NULL },
	{ "repair_back_many",
		"model User {\n"
		"  id Int @id\n"
		"}\n"
		"model Post {\n"
		"  id Int @id\n"
		"  author User @relation(fields: [authorId], references: [id])\n"
		"  authorId Int\n"
		"}\n",
		"model User {\n"
		"  id   Int    @id\n"
		"  Post Post[]\n"
		"}\n"
		"\n"
		"model Post {\n"
		"  id       Int  @id\n"
		"  author   User @relation(fields: [authorId], references: [id])\n"
		"  authorId Int\n"
		"}\n",
		NULL },
	{ "repair_back_one_ignore",
		"model User {\n"
		"  id Int @id\n"
		"}\n"
		"model Profile {\n"
		"  id Int @id\n"
		"  user User @relation(fields: [userId], references: [id])\n"
		"  userId Int @unique\n"
		"  @@ignore\n"
		"}\n",
		"model User {\n"
		"  id      Int      @id\n"
		"  Profile Profile? @ignore\n"
		"}\n"
		"\n"
		"model Profile {\n"
		"  id     Int  @id\n"
		"  user   User @relation(fields: [userId], references: [id])\n"
		"  userId Int  @unique\n"
		"\n"
		"  @@ignore\n"
		"}\n",
		NULL },
	{ "repair_forward",
		"datasource db {\n"
		"  provider = \"postgresql\"\n"
		"  url = env(\"DATABASE_URL\")\n"
		"}\n"
		"model Plant {\n"
		"  code String @db.VarChar(8)\n"
		"  site Int\n"
		"  lots Lot[]\n"
		"  @@id([code, site])\n"
		"}\n"
		"model Lot {\n"
		"  id Int @id\n"
		"}\n",
		"datasource db {\n"
		"  provider = \"postgresql\"\n"
		"  url      = env(\"DATABASE_URL\")\n"
		"}\n"
		"\n"
		"model Plant {\n"
		"  code String @db.VarChar(8)\n"
		"  site Int\n"
		"  lots Lot[]\n"
		"\n"
		"  @@id([code, site])\n"
		"}\n"
		"\n"
		"model Lot {\n"
		"  id        Int     @id\n"
		"  Plant     Plant?  @relation(fields: [plantCode, plantSite], references: [code, site])\n"
		"  plantCode String? @db.VarChar(8)\n"
		"  plantSite Int?\n"
		"}\n",
		NULL },
	{ "repair_relation_attr",
		"model User {\n"
		"  id Int @id\n"
		"  posts Post[]\n"
		"}\n"
		"model Post {\n"
		"  id Int @id\n"
		"  user User // c\n"
		"}\n",
		"model User {\n"
		"  id    Int    @id\n"
		"  posts Post[]\n"
		"}\n"
		"\n"
		"model Post {\n"
		"  id     Int  @id\n"
		"  user   User @relation(fields: [userId], references: [id]) // c\n"
		"  userId Int\n"
		"}\n",
		NULL },
	{ "repair_relation_args",
		"model User {\n"
		"  id Int @id\n"
		"  email String @unique\n"
		"  a A[]\n"
		"  b B[]\n"
		"}\n"
		"model A {\n"
		"  id Int @id\n"
		"  user User @relation(references: [id])\n"
		"}\n"
		"model B {\n"
		"  id Int @id\n"
		"  user User? @relation(fields: [uid])\n"
		"  uid Int?\n"
		"}\n",
		"model User {\n"
		"  id    Int    @id\n"
		"  email String @unique\n"
		"  a     A[]\n"
		"  b     B[]\n"
		"}\n"
		"\n"
		"model A {\n"
		"  id     Int  @id\n"
		"  user   User @relation(references: [id], fields: [userId])\n"
		"  userId Int\n"
		"}\n"
		"\n"
		"model B {\n"
		"  id   Int   @id\n"
		"  user User? @relation(fields: [uid], references: [id])\n"
		"  uid  Int?\n"
		"}\n",
		NULL },
	{ "repair_references_strict",
		"model User {\n"
		"  email String? @unique\n"
		"  code String @unique\n"
		"  posts Post[]\n"
		"}\n"
		"model Post {\n"
		"  id Int @id\n"
		"}\n",
		"model User {\n"
		"  email String? @unique\n"
		"  code  String  @unique\n"
		"  posts Post[]\n"
		"}\n"
		"\n"
		"model Post {\n"
		"  id        Int     @id\n"
		"  User      User?   @relation(fields: [userEmail], references: [code])\n"
		"  userEmail String?\n"
		"}\n",
		NULL },
	{ "repair_back_and_attr",
		"model User {\n"
		"  email String? @unique\n"
		"  code String @unique\n"
		"}\n"
		"model Post {\n"
		"  id Int @id\n"
		"  user User?\n"
		"}\n",
		"model User {\n"
		"  email String? @unique\n"
		"  code  String  @unique\n"
		"  Post  Post[]\n"
		"}\n"
		"\n"
		"model Post {\n"
		"  id        Int     @id\n"
		"  user      User?   @relation(fields: [userEmail], references: [code])\n"
		"  userEmail String?\n"
		"}\n",
		NULL },
};

/* Format `text` as a one-file schema into out (reset first). */
static int format_text(const char *text, size_t len, struct strbuf *out)
{
	struct psl_schema s;
	int ret;

	psl_schema_init(&s);
	psl_parse(&s, psl_schema_add_source(&s, "schema.prisma", text, len));
	strbuf_reset(out);
	ret = psl_format(&s, 0, out);
	psl_schema_release(&s);
	return ret;
}

static void check_case(const struct fmt_case *c)
{
	struct strbuf out = STRBUF_INIT, again = STRBUF_INIT;

	assert_int_equal(format_text(c->in, strlen(c->in), &out), 0);
	if (strcmp(out.buf, c->want))
		fail_msg("case %s:\n--- want\n%s--- got\n%s---", c->name, c->want, out.buf);
	/* idempotence: the output is already formatted (Prisma's exception: see top_level) */
	assert_int_equal(format_text(out.buf, out.len, &again), 0);
	if (strcmp(again.buf, c->twice ? c->twice : out.buf))
		fail_msg("case %s: formatting twice:\n--- once\n%s--- twice\n%s---", c->name,
			 out.buf, again.buf);
	strbuf_release(&out);
	strbuf_release(&again);
}

static void test_oracle_cases(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check_case(&cases[i]);
}

/* Focused checks, each in its own test for readable failures. */
static void expect_format(const char *in, const char *want)
{
	struct fmt_case c = { "inline", in, want, NULL };
	check_case(&c);
}

static void test_blank_line_splits_alignment(void **state)
{
	(void)state;
	expect_format("model A {\n  id Int @id\n\n  longer String\n}\n",
		      "model A {\n  id Int @id\n\n  longer String\n}\n");
	expect_format("model A {\n  id Int @id\n  // c\n  longer String\n}\n",
		      "model A {\n  id     Int    @id\n  // c\n  longer String\n}\n");
}

static void test_block_attribute_comment_moves(void **state)
{
	(void)state;
	expect_format("model A {\n  id Int\n  // about the id\n  @@id([id])\n  n Int\n}\n",
		      "model A {\n  id Int\n  n  Int\n\n  // about the id\n  @@id([id])\n}\n");
}

static void test_trailing_comment_not_aligned(void **state)
{
	(void)state;
	expect_format("model A {\n  id Int @id // a\n  name String // b\n}\n",
		      "model A {\n  id   Int    @id // a\n  name String // b\n}\n");
}

static void test_literals_kept(void **state)
{
	(void)state;
	expect_format("model A {\n  id Int @id @default(007)\n  s String @default(\"a\\\"b\\\\n\")\n}\n",
		      "model A {\n  id Int    @id @default(007)\n  s  String @default(\"a\\\"b\\\\n\")\n}\n");
}

/* Prisma neither sorts nor spaces enum value attributes (seen in its diagnostics). */
static void test_enum_value_attributes_as_prisma(void **state)
{
	(void)state;
	expect_format("enum E {\n  A @map(\"a\") @map(\"b\")\n  B\n}\n",
		      "enum E {\n  A @map(\"a\")@map(\"b\")\n  B\n}\n");
}

static void test_appends_to_out(void **state)
{
	const char *text = "model A {\n  id Int @id\n}\n";
	struct psl_schema s;
	struct strbuf out = STRBUF_INIT;

	(void)state;
	psl_schema_init(&s);
	psl_parse(&s, psl_schema_add_source(&s, "schema.prisma", text, strlen(text)));
	strbuf_addstr(&out, "# ");
	assert_int_equal(psl_format(&s, 0, &out), 0);
	assert_string_equal(out.buf, "# model A {\n  id Int @id\n}\n");
	strbuf_reset(&out);
	assert_int_equal(psl_format(&s, 1, &out), -1);
	assert_int_equal(out.len, 0);
	strbuf_release(&out);
	psl_schema_release(&s);
}

/* Repairs cross files: the back-relation field goes into the file of its model. */
static void test_multi_file_repair(void **state)
{
	const char *a = "model User {\n  id Int @id\n}\n";
	const char *b = "model Post {\n  id Int @id\n  user User @relation(fields: [userId], references: [id])\n"
			"  userId Int\n}\n";
	struct psl_schema s;
	struct strbuf out = STRBUF_INIT;

	(void)state;
	psl_schema_init(&s);
	psl_parse(&s, psl_schema_add_source(&s, "a.prisma", a, strlen(a)));
	psl_parse(&s, psl_schema_add_source(&s, "b.prisma", b, strlen(b)));
	assert_int_equal(psl_format(&s, 0, &out), 0);
	assert_string_equal(out.buf, "model User {\n  id   Int    @id\n  Post Post[]\n}\n");
	strbuf_reset(&out);
	assert_int_equal(psl_format(&s, 1, &out), 0);
	assert_string_equal(out.buf, "model Post {\n  id     Int  @id\n"
				     "  user   User @relation(fields: [userId], references: [id])\n"
				     "  userId Int\n}\n");
	strbuf_release(&out);
	psl_schema_release(&s);
}

/*
 * What Prisma prints when it formats its own output again: the same text,
 * except that a comment line right after a block's `}` (which was a comment
 * on the `}` line) gets a blank line above it.
 */
static void prisma_twice(const char *formatted, struct strbuf *out)
{
	const char *p = formatted;

	strbuf_reset(out);
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) + 1 : strlen(p);
		strbuf_add(out, p, n);
		if (n == 2 && p[0] == '}' && p[1] == '\n' && !strncmp(p + 2, "//", 2))
			strbuf_addch(out, '\n');
		p += n;
	}
}

/* Every formatted file of the golden corpus formats to itself (see prisma_twice). */
static void test_corpus_idempotent(void **state)
{
	const char *src = getenv("MESDB_SOURCE_DIR");
	struct strbuf dir = STRBUF_INIT, path = STRBUF_INIT, text = STRBUF_INIT, out = STRBUF_INIT;
	struct strbuf want = STRBUF_INIT;
	struct fs_list l = FS_LIST_INIT;
	size_t i;

	(void)state;
	if (!src)
		skip();
	strbuf_addf(&dir, "%s/tests/golden/psl", src);
	if (fs_list_dir(dir.buf, 'f', ".formatted", &l, NULL) < 0)
		skip();
	for (i = 0; i < l.nr; i++) {
		fs_path_join(&path, dir.buf, l.names[i]);
		strbuf_reset(&text);
		assert_int_equal(fs_read_file(path.buf, &text, NULL), 0);
		assert_int_equal(format_text(text.buf, text.len, &out), 0);
		prisma_twice(text.buf, &want);
		if (strcmp(out.buf, want.buf))
			fail_msg("%s formatted again:\n--- want\n%s--- got\n%s---", l.names[i], want.buf,
				 out.buf);
	}
	fs_list_release(&l);
	strbuf_release(&dir);
	strbuf_release(&path);
	strbuf_release(&text);
	strbuf_release(&out);
	strbuf_release(&want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_oracle_cases),
		cmocka_unit_test(test_blank_line_splits_alignment),
		cmocka_unit_test(test_block_attribute_comment_moves),
		cmocka_unit_test(test_trailing_comment_not_aligned),
		cmocka_unit_test(test_literals_kept),
		cmocka_unit_test(test_enum_value_attributes_as_prisma),
		cmocka_unit_test(test_appends_to_out),
		cmocka_unit_test(test_multi_file_repair),
		cmocka_unit_test(test_corpus_idempotent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
