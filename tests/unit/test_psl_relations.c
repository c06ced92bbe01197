/* test_psl_relations.c - unit tests of the relation pass: pairing, @relation arguments, diagnostics */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "base/strbuf.h"
#include "psl/ast.h"
#include "psl/db.h"

#define DS "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n"
#define DS_PRISMA                                                                          \
	"datasource db {\n  provider     = \"postgresql\"\n  url          = env(\"DATABASE_URL\")\n" \
	"  relationMode = \"prisma\"\n}\n\n"

struct fixture {
	struct psl_schema s;
	struct psl_db db;
};

static struct fixture *load(const char *text)
{
	struct fixture *fx = calloc(1, sizeof(*fx));
	assert_non_null(fx);
	psl_schema_init(&fx->s);
	psl_db_init(&fx->db);
	uint32_t f = psl_schema_add_source(&fx->s, "schema.prisma", text, strlen(text));
	psl_parse(&fx->s, f);
	psl_validate(&fx->s, &fx->db);
	return fx;
}

static void unload(struct fixture *fx)
{
	psl_db_release(&fx->db);
	psl_schema_release(&fx->s);
	free(fx);
}

static void print_diags(const struct fixture *fx)
{
	for (uint32_t i = 0; i < fx->s.ndiags; i++)
		fprintf(stderr, "  diag[%u] %s: %s\n", i,
			fx->s.diags[i].severity == PSL_ERROR ? "error" : "warning",
			fx->s.diags[i].message);
}

static void expect_valid(const struct fixture *fx)
{
	if (fx->s.nerrors)
		print_diags(fx);
	assert_int_equal(fx->s.nerrors, 0);
}

/* The n-th error's message (warnings skipped). */
static const char *error_msg(const struct fixture *fx, uint32_t n)
{
	for (uint32_t i = 0; i < fx->s.ndiags; i++)
		if (fx->s.diags[i].severity == PSL_ERROR && n-- == 0)
			return fx->s.diags[i].message;
	return "";
}

static const char *warning_msg(const struct fixture *fx, uint32_t n)
{
	for (uint32_t i = 0; i < fx->s.ndiags; i++)
		if (fx->s.diags[i].severity == PSL_WARNING && n-- == 0)
			return fx->s.diags[i].message;
	return "";
}

/* The source text a diagnostic's span covers. */
static char *span_text(const struct fixture *fx, const struct psl_diag *d)
{
	const struct psl_source *src = &fx->s.sources[d->span.file];
	size_t n = d->span.end - d->span.start;
	char *t = malloc(n + 1);
	memcpy(t, src->text + d->span.start, n);
	t[n] = 0;
	return t;
}

static const struct psl_diag *error_diag(const struct fixture *fx, uint32_t n)
{
	for (uint32_t i = 0; i < fx->s.ndiags; i++)
		if (fx->s.diags[i].severity == PSL_ERROR && n-- == 0)
			return &fx->s.diags[i];
	fail_msg("no error %u", n);
	return NULL;
}

static void expect_error(const struct fixture *fx, uint32_t n, const char *msg)
{
	if (strcmp(error_msg(fx, n), msg)) {
		print_diags(fx);
		fail_msg("error %u differs; expected: %s", n, msg);
	}
}

static void expect_span_starts(const struct fixture *fx, uint32_t n, const char *prefix)
{
	char *t = span_text(fx, error_diag(fx, n));
	if (strncmp(t, prefix, strlen(prefix)))
		fail_msg("span of error %u is `%s`, expected it to start with `%s`", n, t, prefix);
	free(t);
}

static void expect_span_is(const struct fixture *fx, uint32_t n, const char *text)
{
	char *t = span_text(fx, error_diag(fx, n));
	if (strcmp(t, text))
		fail_msg("span of error %u is `%s`, expected `%s`", n, t, text);
	free(t);
}

static const struct psl_db_relation_field *rf_named(const struct fixture *fx, const char *model,
						      const char *field)
{
	for (uint32_t i = 0; i < fx->db.nrelation_fields; i++) {
		const struct psl_db_relation_field *rf = &fx->db.relation_fields[i];
		if (!strcmp(fx->db.models[rf->model_id].name, model) && !strcmp(rf->name, field))
			return rf;
	}
	fail_msg("no relation field %s.%s", model, field);
	return NULL;
}

static uint32_t rf_id(const struct fixture *fx, const char *model, const char *field)
{
	return (uint32_t)(rf_named(fx, model, field) - fx->db.relation_fields);
}

static const struct psl_db_relation *rel_of(const struct fixture *fx, const char *model, const char *field)
{
	uint32_t r = rf_named(fx, model, field)->relation_id;
	assert_true(r < fx->db.nrelations);
	return &fx->db.relations[r];
}

/* ---- pairing ---- */

static void test_one_to_many(void **state)
{
	(void)state;
	struct fixture *fx = load(DS
		"model User {\n  id    Int    @id\n  posts Post[]\n}\n\n"
		"model Post {\n  id       Int  @id\n  authorId Int\n"
		"  author   User @relation(fields: [authorId], references: [id])\n}\n");
	expect_valid(fx);
	assert_int_equal(fx->db.nrelations, 1);
	const struct psl_db_relation *r = rel_of(fx, "Post", "author");
	assert_int_equal(r->kind, PSL_RELATION_ONE_TO_MANY);
	assert_string_equal(r->name, "PostToUser");
	assert_int_equal(r->field_a, rf_id(fx, "Post", "author"));
	assert_int_equal(r->field_b, rf_id(fx, "User", "posts"));
	assert_string_equal(fx->db.models[r->model_a].name, "Post");
	assert_string_equal(fx->db.models[r->model_b].name, "User");
	assert_false(r->self);
	assert_ptr_equal(rel_of(fx, "User", "posts"), r);

	const struct psl_db_relation_field *a = rf_named(fx, "Post", "author");
	assert_int_equal(a->nfields, 1);
	assert_string_equal(fx->db.fields[a->fields[0]].name, "authorId");
	assert_int_equal(fx->db.fields[a->fields[0]].model_id, a->model_id);
	assert_int_equal(a->nreferences, 1);
	assert_string_equal(fx->db.fields[a->references[0]].name, "id");
	assert_int_equal(fx->db.fields[a->references[0]].model_id, a->target_model_id);
	assert_int_equal(a->on_delete, PSL_ACTION_NONE);
	assert_int_equal(a->on_update, PSL_ACTION_NONE);
	assert_null(a->relation_name);
	assert_null(a->map);
	unload(fx);
}

static void test_one_to_one(void **state)
{
	(void)state;
	/* the fk side is field_a, even when declared second */
	struct fixture *fx = load(DS
		"model Profile {\n  id     Int  @id\n  userId Int  @unique\n"
		"  user   User @relation(fields: [userId], references: [id], onDelete: Cascade, map: \"p_fk\")\n}\n\n"
		"model User {\n  id      Int      @id\n  profile Profile?\n}\n");
	expect_valid(fx);
	const struct psl_db_relation *r = rel_of(fx, "User", "profile");
	assert_int_equal(r->kind, PSL_RELATION_ONE_TO_ONE);
	assert_int_equal(r->field_a, rf_id(fx, "Profile", "user"));
	assert_int_equal(r->field_b, rf_id(fx, "User", "profile"));
	assert_string_equal(r->name, "ProfileToUser");
	const struct psl_db_relation_field *u = rf_named(fx, "Profile", "user");
	assert_int_equal(u->on_delete, PSL_ACTION_CASCADE);
	assert_int_equal(u->on_update, PSL_ACTION_NONE);
	assert_string_equal(u->map, "p_fk");
	unload(fx);

	/* both sides optional: the side with fields: is the fk side */
	fx = load(DS
		"model A {\n  id Int @id\n  b  B?\n}\n\n"
		"model B {\n  id  Int @id\n  aId Int? @unique\n  a   A?   @relation(fields: [aId], references: [id])\n}\n");
	expect_valid(fx);
	r = rel_of(fx, "A", "b");
	assert_int_equal(r->kind, PSL_RELATION_ONE_TO_ONE);
	assert_int_equal(r->field_a, rf_id(fx, "B", "a"));
	unload(fx);
}

static void test_many_to_many(void **state)
{
	(void)state;
	struct fixture *fx = load(DS
		"model Tag {\n  id    Int    @id\n  posts Post[]\n}\n\n"
		"model Post {\n  id   Int   @id\n  tags Tag[]\n}\n");
	expect_valid(fx);
	assert_int_equal(fx->db.nrelations, 1);
	const struct psl_db_relation *r = &fx->db.relations[0];
	assert_int_equal(r->kind, PSL_RELATION_MANY_TO_MANY);
	assert_string_equal(r->name, "PostToTag");
	/* A = the model whose name sorts first */
	assert_int_equal(r->field_a, rf_id(fx, "Post", "tags"));
	assert_int_equal(r->field_b, rf_id(fx, "Tag", "posts"));
	assert_string_equal(fx->db.models[r->model_a].name, "Post");
	unload(fx);

	/* self m:n: A is the field whose name sorts first */
	fx = load(DS
		"model User {\n  id       Int    @id\n  friends  User[] @relation(\"f\")\n"
		"  admirers User[] @relation(\"f\")\n}\n");
	expect_valid(fx);
	assert_int_equal(fx->db.nrelations, 1);
	r = &fx->db.relations[0];
	assert_true(r->self);
	assert_string_equal(r->name, "f");
	assert_int_equal(r->field_a, rf_id(fx, "User", "admirers"));
	assert_int_equal(r->field_b, rf_id(fx, "User", "friends"));
	unload(fx);
}

static void test_named_and_self(void **state)
{
	(void)state;
	struct fixture *fx = load(DS
		"model User {\n  id      Int    @id\n  written Post[] @relation(\"written\")\n"
		"  edited  Post[] @relation(name: \"edited\")\n}\n\n"
		"model Post {\n  id       Int   @id\n  authorId Int\n  editorId Int?\n"
		"  author   User  @relation(\"written\", fields: [authorId], references: [id])\n"
		"  editor   User? @relation(\"edited\", fields: [editorId], references: [id], onUpdate: SetNull)\n}\n\n"
		"model Node {\n  id       Int    @id\n  parentId Int?\n"
		"  parent   Node?  @relation(\"tree\", fields: [parentId], references: [id])\n"
		"  children Node[] @relation(\"tree\")\n}\n");
	expect_valid(fx);
	assert_int_equal(fx->db.nrelations, 3);
	const struct psl_db_relation *w = rel_of(fx, "Post", "author");
	const struct psl_db_relation *e = rel_of(fx, "Post", "editor");
	assert_ptr_not_equal(w, e);
	assert_string_equal(w->name, "written");
	assert_string_equal(e->name, "edited");
	assert_int_equal(w->field_b, rf_id(fx, "User", "written"));
	assert_int_equal(e->field_b, rf_id(fx, "User", "edited"));
	assert_int_equal(rf_named(fx, "Post", "editor")->on_update, PSL_ACTION_SET_NULL);
	assert_string_equal(rf_named(fx, "User", "edited")->relation_name, "edited");

	const struct psl_db_relation *t = rel_of(fx, "Node", "children");
	assert_true(t->self);
	assert_int_equal(t->kind, PSL_RELATION_ONE_TO_MANY);
	assert_int_equal(t->field_a, rf_id(fx, "Node", "parent"));
	assert_int_equal(t->field_b, rf_id(fx, "Node", "children"));
	unload(fx);
}

static void test_ignored(void **state)
{
	(void)state;
	struct fixture *fx = load(DS
		"model User {\n  id    Int    @id\n  posts Post[]\n\n  @@ignore\n}\n\n"
		"model Post {\n  id       Int  @id\n  authorId Int\n"
		"  author   User @relation(fields: [authorId], references: [id]) @ignore\n}\n");
	expect_valid(fx);
	assert_true(rel_of(fx, "Post", "author")->ignored);
	unload(fx);

	fx = load(DS
		"model User {\n  id    Int    @id\n  posts Post[]\n\n  @@ignore\n}\n\n"
		"model Post {\n  id       Int  @id\n  authorId Int\n"
		"  author   User @relation(fields: [authorId], references: [id])\n}\n");
	assert_int_equal(fx->s.nerrors, 1);
	expect_error(fx, 0,
		     "Error parsing attribute \"@ignore\": The relation field `author` on Model `Post` must specify the `@ignore` attribute, because the model User it is pointing to is marked ignored.");
	unload(fx);
}

/* ---- diagnostics ---- */

static void test_missing_opposite(void **state)
{
	(void)state;
	struct fixture *fx = load(DS
		"model User {\n  id Int @id\n}\n\n"
		"model Post {\n  id       Int  @id\n  authorId Int\n"
		"  author   User @relation(fields: [authorId], references: [id])\n}\n");
	assert_int_equal(fx->s.nerrors, 1);
	expect_error(fx, 0,
		     "Error validating field `author` in model `Post`: The relation field `author` on model `Post` is missing an opposite relation field on the model `User`. Either run `prisma format` or add it manually.");
	expect_span_starts(fx, 0, "author   User @relation(");
	unload(fx);

	/* names that do not pair: both sides miss their opposite */
	fx = load(DS
		"model User {\n  id    Int    @id\n  posts Post[] @relation(\"a\")\n}\n\n"
		"model Post {\n  id       Int  @id\n  authorId Int\n"
		"  author   User @relation(\"b\", fields: [authorId], references: [id])\n}\n");
	assert_int_equal(fx->s.nerrors, 2);
	expect_error(fx, 0,
		     "Error validating field `posts` in model `User`: The relation field `posts` on model `User` is missing an opposite relation field on the model `Post`. Either run `prisma format` or add it manually.");
	expect_error(fx, 1,
		     "Error validating field `author` in model `Post`: The relation field `author` on model `Post` is missing an opposite relation field on the model `User`. Either run `prisma format` or add it manually.");
	unload(fx);
}

static void test_ambiguous(void **state)
{
	(void)state;
	struct fixture *fx = load(DS
		"model User {\n  id    Int    @id\n  posts Post[]\n}\n\n"
		"model Post {\n  id       Int  @id\n  authorId Int\n  editorId Int\n"
		"  author   User @relation(fields: [authorId], references: [id])\n"
		"  editor   User @relation(fields: [editorId], references: [id])\n}\n");
	assert_int_equal(fx->s.nerrors, 1);
	expect_error(fx, 0,
		     "Error validating model \"Post\": Ambiguous relation detected. The fields `author` and `editor` in model `Post` both refer to `User`. Please provide different relation names for them by adding `@relation(<name>).");
	unload(fx);

	fx = load(DS
		"model Node {\n  id       Int    @id\n  parentId Int?\n"
		"  parent   Node?  @relation(fields: [parentId], references: [id])\n"
		"  children Node[]\n  others   Node[]\n}\n");
	assert_int_equal(fx->s.nerrors, 1);
	expect_error(fx, 0,
		     "Error validating model \"Node\": Unnamed self relation detected. The fields `parent`, `children` and `others` in model `Node` have no relation name. Please provide a relation name for one of them by adding `@relation(<name>).");
	unload(fx);

	fx = load(DS
		"model Node {\n  id       Int    @id\n  parentId Int?\n"
		"  parent   Node?  @relation(fields: [parentId], references: [id])\n  children Node[]\n}\n");
	assert_int_equal(fx->s.nerrors, 1);
	expect_error(fx, 0,
		     "Error validating model \"Node\": Ambiguous self relation detected. The fields `parent` and `children` in model `Node` both refer to `Node`. If they are part of the same relation add the same relation name for them with `@relation(<name>)`.");
	unload(fx);
}

static void test_fields_references(void **state)
{
	(void)state;
	struct fixture *fx = load(DS
		"model User {\n  id    Int    @id\n  email String\n  posts Post[]\n}\n\n"
		"model Post {\n  id       Int    @id\n  authorId Int\n  other    Int\n"
		"  author   User   @relation(fields: [authorId, other], references: [id])\n}\n");
	assert_int_equal(fx->s.nerrors, 1);
	expect_error(fx, 0,
		     "Error validating: You must specify the same number of fields in `fields` and `references`.");
	expect_span_starts(fx, 0, "@relation(fields: [authorId, other]");
	unload(fx);

	fx = load(DS
		"model User {\n  id    Int    @id\n  email String\n  posts Post[]\n}\n\n"
		"model Post {\n  id          Int    @id\n  authorEmail String\n"
		"  author      User   @relation(fields: [authorEmail], references: [email])\n}\n");
	assert_int_equal(fx->s.nerrors, 1);
	expect_error(fx, 0,
		     "Error parsing attribute \"@relation\": The argument `references` must refer to a unique criterion in the related model. Consider adding an `@unique` attribute to the field `email` in the model `User`.");
	unload(fx);

	fx = load(DS
		"model User {\n  id    Int    @id\n  posts Post[]\n}\n\n"
		"model Post {\n  id       Int    @id\n  authorId String\n"
		"  author   User   @relation(fields: [authorId], references: [id])\n}\n");
	assert_int_equal(fx->s.nerrors, 1);
	expect_error(fx, 0,
		     "Error parsing attribute \"@relation\": The type of the field `authorId` in the model `Post` is not matching the type of the referenced field `id` in model `User`.");
	unload(fx);

	fx = load(DS
		"model User {\n  id    Int    @id\n  posts Post[]\n}\n\n"
		"model Post {\n  id       Int  @id\n  authorId Int\n"
		"  author   User @relation(fields: [nope, other], references: [id, zz])\n}\n");
	assert_int_equal(fx->s.nerrors, 2);
	expect_error(fx, 0,
		     "Error validating: The argument fields must refer only to existing fields. The following fields do not exist in this model: nope, other");
	expect_span_starts(fx, 0, "[nope, other]");
	expect_error(fx, 1,
		     "Error validating: The argument `references` must refer only to existing fields in the related model `User`. The following fields do not exist in the related model: zz");
	unload(fx);

	fx = load(DS
		"model User {\n  id    Int    @id\n  posts Post[]\n}\n\n"
		"model Post {\n  id       Int  @id\n  authorId Int?\n"
		"  author   User @relation(fields: [authorId], references: [id], onDelete: Foo)\n}\n");
	assert_int_equal(fx->s.nerrors, 1);
	expect_error(fx, 0, "Error parsing attribute \"@relation\": Invalid referential action: `Foo`");
	expect_span_is(fx, 0, "Foo");
	unload(fx);

	fx = load(DS
		"model User {\n  id    Int    @id\n  posts Post[]\n}\n\n"
		"model Post {\n  id       Int  @id\n  authorId Int?\n"
		"  author   User @relation(fields: [authorId], references: [id])\n}\n");
	assert_int_equal(fx->s.nerrors, 1);
	expect_error(fx, 0,
		     "Error validating: The relation field `author` uses the scalar fields authorId. At least one of those fields is optional. Hence the relation field must be optional as well.");
	unload(fx);
}

static void test_one_to_one_errors(void **state)
{
	(void)state;
	struct fixture *fx = load(DS
		"model User {\n  id      Int      @id\n  profile Profile?\n}\n\n"
		"model Profile {\n  id     Int  @id\n  userId Int\n"
		"  user   User @relation(fields: [userId], references: [id])\n}\n");
	assert_int_equal(fx->s.nerrors, 1);
	expect_error(fx, 0,
		     "Error parsing attribute \"@relation\": A one-to-one relation must use unique fields on the defining side. Either add an `@unique` attribute to the field `userId`, or change the relation to one-to-many.");
	unload(fx);

	fx = load(DS
		"model User {\n  id      Int     @id\n  profile Profile\n}\n\n"
		"model Profile {\n  id     Int  @id\n  userId Int  @unique\n"
		"  user   User @relation(fields: [userId], references: [id])\n}\n");
	assert_int_equal(fx->s.nerrors, 1);
	expect_error(fx, 0,
		     "Error parsing attribute \"@relation\": The relation field `profile` on Model `User` is required. This is not valid because it's not possible to enforce this constraint on the database level. Please change the field type from `Profile` to `Profile?` to fix this.");
	unload(fx);

	/* both sides with fields: Prisma makes two relations and reports each twice */
	fx = load(DS
		"model User {\n  id        Int      @id\n  profileId Int      @unique\n"
		"  profile   Profile? @relation(fields: [profileId], references: [id])\n}\n\n"
		"model Profile {\n  id     Int   @id\n  userId Int   @unique\n"
		"  user   User? @relation(fields: [userId], references: [id])\n}\n");
	assert_int_equal(fx->s.nerrors, 8);
	expect_error(fx, 0,
		     "Error parsing attribute \"@relation\": The relation fields `profile` on Model `User` and `user` on Model `Profile` both provide the `references` argument in the @relation attribute. You have to provide it only on one of the two fields.");
	expect_error(fx, 6,
		     "Error parsing attribute \"@relation\": The relation fields `user` on Model `Profile` and `profile` on Model `User` both provide the `fields` argument in the @relation attribute. You have to provide it only on one of the two fields.");
	unload(fx);
}

static void test_many_to_many_errors(void **state)
{
	(void)state;
	struct fixture *fx = load(DS
		"model Post {\n  id     Int   @id\n  tagIds Int[]\n"
		"  tags   Tag[] @relation(fields: [tagIds], references: [id])\n}\n\n"
		"model Tag {\n  id    Int    @id\n  posts Post[]\n}\n");
	assert_int_equal(fx->s.nerrors, 2);
	expect_error(fx, 0,
		     "Error validating: Embedded many-to-many relations are not supported on Postgres. Please use the syntax defined in https://pris.ly/d/relational-database-many-to-many");
	unload(fx);

	fx = load(DS
		"model Post {\n  a    Int\n  b    Int\n  tags Tag[]\n\n  @@id([a, b])\n}\n\n"
		"model Tag {\n  id    Int    @id\n  posts Post[] @relation(onDelete: Cascade)\n}\n");
	assert_int_equal(fx->s.nerrors, 2);
	expect_error(fx, 0,
		     "Error validating field `posts` in model `Tag`: The relation field `posts` on model `Tag` references `Post` which does not have an `@id` field. Models without `@id` cannot be part of a many to many relation. Use an explicit intermediate Model to represent this relationship.");
	expect_error(fx, 1,
		     "Error validating: Referential actions on implicit many-to-many relations are not supported");
	expect_span_is(fx, 1, "Cascade");
	unload(fx);
}

static void test_relation_mode_prisma(void **state)
{
	(void)state;
	struct fixture *fx = load(DS_PRISMA
		"model User {\n  id    Int    @id\n  posts Post[]\n}\n\n"
		"model Post {\n  id       Int  @id\n  authorId Int\n"
		"  author   User @relation(fields: [authorId], references: [id], onDelete: SetDefault, onUpdate: NoAction)\n}\n");
	assert_int_equal(fx->s.nerrors, 2);
	assert_int_equal(fx->s.nwarnings, 1);
	expect_error(fx, 0,
		     "Error validating: Invalid referential action: `SetDefault`. Allowed values: (`Cascade`, `Restrict`, `SetNull`)");
	expect_span_is(fx, 0, "onDelete: SetDefault");
	expect_error(fx, 1,
		     "Error validating: Invalid referential action: `NoAction`. Allowed values: (`Cascade`, `Restrict`, `SetNull`). `NoAction` is not implemented for Postgres when using `relationMode = \"prisma\"`, you could try using `Restrict` instead. Learn more at https://pris.ly/d/relation-mode");
	assert_string_equal(warning_msg(fx, 0),
			    "With `relationMode = \"prisma\"`, no foreign keys are used, so relation fields will not benefit from the index usually created by the relational database under the hood. This can lead to poor performance when querying these fields. We recommend adding an index manually. Learn more at https://pris.ly/d/relation-mode-prisma-indexes\" ");
	unload(fx);

	/* an index starting with the fk fields silences the warning; a cycle is an error */
	fx = load(DS_PRISMA
		"model A {\n  id  Int @id\n  bId Int\n  b   B   @relation(fields: [bId], references: [id], onDelete: Cascade)\n"
		"  bs  B[] @relation(\"ba\")\n\n  @@index([bId, id])\n}\n\n"
		"model B {\n  id  Int @id\n  aId Int\n  a   A   @relation(\"ba\", fields: [aId], references: [id])\n"
		"  as  A[]\n\n  @@index([aId])\n}\n");
	assert_int_equal(fx->s.nwarnings, 0);
	assert_int_equal(fx->s.nerrors, 2);
	expect_error(fx, 0,
		     "Error validating: Reference causes a cycle. One of the @relation attributes in this cycle must have `onDelete` and `onUpdate` referential actions set to `NoAction`. Cycle path: A.b \xe2\x86\x92 B.a. (Implicit default `onUpdate`: `Cascade`) Read more at https://pris.ly/d/cyclic-referential-actions");
	unload(fx);
}

static void test_set_null_required(void **state)
{
	(void)state;
	struct fixture *fx = load(DS
		"model User {\n  id    Int    @id\n  posts Post[]\n}\n\n"
		"model Post {\n  id       Int  @id\n  authorId Int\n"
		"  author   User @relation(fields: [authorId], references: [id], onDelete: SetNull)\n}\n");
	expect_valid(fx);
	assert_int_equal(fx->s.nwarnings, 1);
	assert_string_equal(warning_msg(fx, 0),
			    "The `onDelete` referential action of a relation should not be set to `SetNull` when a referenced field is required. We recommend either to choose another referential action, or to make the referenced fields optional. Read more at https://pris.ly/d/postgres-set-null ");
	unload(fx);
}

static void test_attribute_arguments(void **state)
{
	(void)state;
	struct fixture *fx = load(DS
		"model User {\n  id    Int    @id\n  posts Post[] @relation(\"\")\n}\n\n"
		"model Post {\n  id       Int  @id\n  authorId Int\n"
		"  author   User @relation(fields: \"authorId\", references: [id], map: \"\")\n}\n");
	assert_int_equal(fx->s.nerrors, 3);
	expect_error(fx, 0, "Error parsing attribute \"@relation\": A relation cannot have an empty name.");
	expect_error(fx, 1, "Expected a constant value, but received string value `\"authorId\"`.");
	expect_error(fx, 2, "Error parsing attribute \"@relation\": The `map` argument cannot be an empty string.");
	unload(fx);
}

static void test_no_datasource(void **state)
{
	(void)state;
	/* Prisma's empty connector: every action allowed, no named foreign keys, SetNull on a
	 * required field is an error */
	struct fixture *fx = load(
		"model User {\n  id    Int    @id\n  posts Post[]\n}\n\n"
		"model Post {\n  id       Int  @id\n  authorId Int\n"
		"  author   User @relation(fields: [authorId], references: [id], onDelete: SetNull, map: \"x\")\n}\n");
	assert_int_equal(fx->s.nerrors, 2);
	expect_error(fx, 0, "Error parsing attribute \"@relation\": Your provider does not support named foreign keys.");
	expect_error(fx, 1,
		     "Error parsing attribute \"@relation\": The `onDelete` referential action of a relation must not be set to `SetNull` when a referenced field is required.\nEither choose another referential action, or make the referenced fields optional.\n");
	unload(fx);
}

/* ---- size: 400 models, 700 relations ---- */

static void test_large_schema(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	strbuf_addstr(&sb, DS);
	/* model i: a list back to each of its (up to two) children, fks to its parents */
	for (int i = 0; i < 400; i++) {
		strbuf_addf(&sb, "model M%d {\n  id Int @id\n", i);
		if (i >= 1)
			strbuf_addf(&sb, "  p1Id Int\n  p1 M%d @relation(\"r1_%d\", fields: [p1Id], references: [id])\n",
				    (i - 1) / 2, i);
		if (i >= 99)
			strbuf_addf(&sb, "  p2Id Int\n  p2 M%d @relation(\"r2_%d\", fields: [p2Id], references: [id])\n",
				    i - 99, i);
		for (int c = 2 * i + 1; c <= 2 * i + 2 && c < 400; c++)
			strbuf_addf(&sb, "  c1_%d M%d[] @relation(\"r1_%d\")\n", c, c, c);
		if (i + 99 < 400)
			strbuf_addf(&sb, "  c2_%d M%d[] @relation(\"r2_%d\")\n", i + 99, i + 99, i + 99);
		strbuf_addstr(&sb, "}\n\n");
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct fixture *fx = load(sb.buf);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	expect_valid(fx);
	assert_int_equal(fx->db.nmodels, 400);
	assert_int_equal(fx->db.nrelations, 700);
	for (uint32_t i = 0; i < fx->db.nrelation_fields; i++)
		assert_true(fx->db.relation_fields[i].relation_id < fx->db.nrelations);
	double ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
	/* generous bound (sanitizer builds); a normal build takes a few ms */
	assert_true(ms < 2000.0);
	unload(fx);
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_to_many),
		cmocka_unit_test(test_one_to_one),
		cmocka_unit_test(test_many_to_many),
		cmocka_unit_test(test_named_and_self),
		cmocka_unit_test(test_ignored),
		cmocka_unit_test(test_missing_opposite),
		cmocka_unit_test(test_ambiguous),
		cmocka_unit_test(test_fields_references),
		cmocka_unit_test(test_one_to_one_errors),
		cmocka_unit_test(test_many_to_many_errors),
		cmocka_unit_test(test_relation_mode_prisma),
		cmocka_unit_test(test_set_null_required),
		cmocka_unit_test(test_attribute_arguments),
		cmocka_unit_test(test_no_datasource),
		cmocka_unit_test(test_large_schema),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
