/* test_diff.c - unit tests for src/diff: casts, defaults, JSON, step order, checks, messages */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "base/strbuf.h"
#include "base/xalloc.h"
#include "diff/diff.h"
#include "diff/diff_internal.h"

/* ---- hand-built schemas ---- */

static void schema_new(struct sqlschema *s)
{
	sqlschema_init(s);
	sqlschema_push_namespace(s, "public");
}

static uint32_t add_table(struct sqlschema *s, const char *name)
{
	struct sql_table t;
	memset(&t, 0, sizeof(t));
	t.name = arena_strdup(&s->arena, name);
	return sqlschema_push_table(s, &t);
}

static uint32_t add_column(struct sqlschema *s, uint32_t table, const char *name,
			   enum sql_ptype ptype, int64_t arg, bool nullable)
{
	struct sql_column c;
	memset(&c, 0, sizeof(c));
	c.table_id = table;
	c.name = arena_strdup(&s->arena, name);
	c.type.ptype = ptype;
	c.type.args[0] = arg;
	c.type.args[1] = -1;
	c.type.enum_id = SQL_NONE;
	c.nullable = nullable;
	return sqlschema_push_column(s, &c);
}

static uint32_t add_index(struct sqlschema *s, uint32_t table, const char *name,
			  enum sql_index_kind kind, uint32_t column)
{
	struct sql_index ix;
	memset(&ix, 0, sizeof(ix));
	ix.table_id = table;
	ix.name = arena_strdup(&s->arena, name);
	ix.kind = kind;
	ix.ncolumns = 1;
	ix.columns = ARENA_NEW_ARRAY(&s->arena, struct sql_index_column, 1);
	ix.columns[0].column_id = column;
	return sqlschema_push_index(s, &ix);
}

static struct sql_type type_of(enum sql_ptype t, int64_t a0, int64_t a1)
{
	struct sql_type x;
	memset(&x, 0, sizeof(x));
	x.ptype = t;
	x.args[0] = a0;
	x.args[1] = a1;
	x.enum_id = SQL_NONE;
	return x;
}

static enum diff_cast cast(struct sql_type a, struct sql_type b)
{
	struct sqlschema s;
	struct sql_column x, y;
	enum diff_cast r;

	sqlschema_init(&s);
	memset(&x, 0, sizeof(x));
	memset(&y, 0, sizeof(y));
	x.type = a;
	y.type = b;
	r = diff_column_cast(&s, &x, &s, &y, false);
	sqlschema_release(&s);
	return r;
}

static void test_casts(void **state)
{
	(void)state;
	assert_int_equal(cast(type_of(SQL_T_INTEGER, -1, -1), type_of(SQL_T_INTEGER, -1, -1)),
			 DIFF_CAST_NONE);
	assert_int_equal(cast(type_of(SQL_T_INTEGER, -1, -1), type_of(SQL_T_BIGINT, -1, -1)),
			 DIFF_CAST_SAFE);
	assert_int_equal(cast(type_of(SQL_T_BIGINT, -1, -1), type_of(SQL_T_INTEGER, -1, -1)),
			 DIFF_CAST_RISKY);
	assert_int_equal(cast(type_of(SQL_T_TEXT, -1, -1), type_of(SQL_T_INTEGER, -1, -1)),
			 DIFF_CAST_NOT_CASTABLE);
	assert_int_equal(cast(type_of(SQL_T_VARCHAR, 255, -1), type_of(SQL_T_VARCHAR, 10, -1)),
			 DIFF_CAST_RISKY);
	assert_int_equal(cast(type_of(SQL_T_VARCHAR, 10, -1), type_of(SQL_T_VARCHAR, 255, -1)),
			 DIFF_CAST_SAFE);
	assert_int_equal(cast(type_of(SQL_T_TEXT, -1, -1), type_of(SQL_T_VARCHAR, 10, -1)),
			 DIFF_CAST_RISKY);
	/* a timestamp precision written on one side only is no change */
	assert_int_equal(cast(type_of(SQL_T_TIMESTAMP, 3, -1), type_of(SQL_T_TIMESTAMP, -1, -1)),
			 DIFF_CAST_NONE);
	assert_int_equal(cast(type_of(SQL_T_TIMESTAMP, 3, -1), type_of(SQL_T_TIMESTAMP, 6, -1)),
			 DIFF_CAST_SAFE);
	assert_int_equal(cast(type_of(SQL_T_TIMESTAMP, 3, -1), type_of(SQL_T_TIMESTAMPTZ, 3, -1)),
			 DIFF_CAST_SAFE);
	assert_int_equal(cast(type_of(SQL_T_DECIMAL, 10, 2), type_of(SQL_T_DECIMAL, 8, 2)),
			 DIFF_CAST_RISKY);
	assert_int_equal(cast(type_of(SQL_T_DECIMAL, 10, 2), type_of(SQL_T_DECIMAL, 12, 4)),
			 DIFF_CAST_SAFE);
	assert_int_equal(cast(type_of(SQL_T_JSON, -1, -1), type_of(SQL_T_JSONB, -1, -1)),
			 DIFF_CAST_SAFE);
	/* char and bit without a length are char(1) and bit(1) */
	assert_int_equal(cast(type_of(SQL_T_CHAR, 1, -1), type_of(SQL_T_CHAR, -1, -1)),
			 DIFF_CAST_NONE);
	assert_int_equal(cast(type_of(SQL_T_BIT, -1, -1), type_of(SQL_T_BIT, 1, -1)),
			 DIFF_CAST_NONE);
	assert_int_not_equal(cast(type_of(SQL_T_CHAR, 10, -1), type_of(SQL_T_CHAR, -1, -1)),
			     DIFF_CAST_NONE);
	assert_int_not_equal(cast(type_of(SQL_T_VARCHAR, 1, -1), type_of(SQL_T_VARCHAR, -1, -1)),
			     DIFF_CAST_NONE);
	{
		struct sql_type l = type_of(SQL_T_TEXT, -1, -1), s = type_of(SQL_T_TEXT, -1, -1);
		l.array = true;
		assert_int_equal(cast(l, s), DIFF_CAST_SAFE);
		assert_int_equal(cast(s, l), DIFF_CAST_NOT_CASTABLE);
	}
}

static void test_defaults_match(void **state)
{
	struct sql_column a, b;
	(void)state;

	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	a.type = b.type = type_of(SQL_T_DOUBLE, -1, -1);
	assert_true(diff_defaults_match(&a, &b));
	a.dflt.kind = b.dflt.kind = SQL_DEFAULT_NUMBER;
	a.dflt.value = "1.5";
	b.dflt.value = "1.5";
	assert_true(diff_defaults_match(&a, &b));
	b.dflt.value = "2";
	assert_false(diff_defaults_match(&a, &b));
	b.dflt.kind = SQL_DEFAULT_NONE;
	assert_false(diff_defaults_match(&a, &b));
	/* dbgenerated() matches anything */
	b.dflt.kind = SQL_DEFAULT_EXPR;
	b.dflt.value = NULL;
	assert_true(diff_defaults_match(&a, &b));
	/* expressions compare case-insensitively */
	a.dflt.kind = SQL_DEFAULT_EXPR;
	a.dflt.value = "NOW()";
	b.dflt.value = "now()";
	assert_true(diff_defaults_match(&a, &b));
	/* a sequence default that disappears is not a default change */
	a.dflt.kind = SQL_DEFAULT_SEQUENCE;
	a.dflt.value = "t_id_seq";
	b.dflt.kind = SQL_DEFAULT_NONE;
	assert_true(diff_defaults_match(&a, &b));
	/* datetime literals are never diffed */
	a.type = b.type = type_of(SQL_T_TIMESTAMP, 3, -1);
	a.dflt.kind = SQL_DEFAULT_STRING;
	a.dflt.value = "2020-01-01 00:00:00 +00:00";
	b.dflt.kind = SQL_DEFAULT_NOW;
	assert_true(diff_defaults_match(&a, &b));
}

static void test_json_equal(void **state)
{
	(void)state;
	assert_true(diff_json_equal("{\"a\": 1, \"b\": [1, 2]}", "{\"b\":[1,2],\"a\":1}"));
	assert_false(diff_json_equal("[1, 2]", "[2, 1]"));
	assert_false(diff_json_equal("1", "1.0"));
	assert_true(diff_json_equal("\"x\"", " \"x\" "));
	assert_true(diff_json_equal("{bad", "[]")); /* unparsable: equal, as Prisma */
}

/* from: T(id, old NOT NULL, email); to: T(id, email UNIQUE, added NOT NULL) + U */
static void build_pair(struct sqlschema *from, struct sqlschema *to)
{
	uint32_t t, c;

	schema_new(from);
	t = add_table(from, "T");
	c = add_column(from, t, "id", SQL_T_INTEGER, -1, false);
	add_column(from, t, "old", SQL_T_TEXT, -1, false);
	add_column(from, t, "email", SQL_T_TEXT, -1, true);
	add_index(from, t, "T_pkey", SQL_INDEX_PRIMARY, c);

	schema_new(to);
	t = add_table(to, "T");
	c = add_column(to, t, "id", SQL_T_INTEGER, -1, false);
	add_column(to, t, "email", SQL_T_TEXT, -1, true);
	add_column(to, t, "added", SQL_T_TEXT, -1, false);
	add_index(to, t, "T_pkey", SQL_INDEX_PRIMARY, c);
	add_index(to, t, "T_email_key", SQL_INDEX_UNIQUE, c + 1);
	t = add_table(to, "U");
	c = add_column(to, t, "id", SQL_T_INTEGER, -1, false);
	add_index(to, t, "U_pkey", SQL_INDEX_PRIMARY, c);
}

static void test_steps_and_checks(void **state)
{
	struct sqlschema from, to;
	struct plan p;
	struct diff_messages m;
	uint32_t i;
	(void)state;

	build_pair(&from, &to);
	plan_init(&p);
	assert_int_equal(diff_schemas(&from, &to, NULL, &p, NULL), 0);
	/* AlterTable, CreateTable, CreateIndex in Prisma's order */
	assert_int_equal(p.nsteps, 3);
	assert_int_equal(p.steps[0].kind, DIFF_ALTER_TABLE);
	assert_int_equal(p.steps[1].kind, DIFF_CREATE_TABLE);
	assert_int_equal(p.steps[2].kind, DIFF_CREATE_INDEX);
	assert_int_equal(p.steps[0].nchanges, 2);
	assert_int_equal(p.steps[0].changes[0].kind, DIFF_DROP_COLUMN);
	assert_int_equal(p.steps[0].changes[1].kind, DIFF_ADD_COLUMN);

	/* checks: drop column (values), added required column (rows), unique addition */
	assert_int_equal(p.nchecks, 3);
	assert_int_equal(p.ncounts, 2);

	diff_messages_init(&m);
	diff_evaluate(&p, &m);
	assert_int_equal(m.nwarnings, 2);
	assert_int_equal(m.nunexecutable, 1);
	assert_string_equal(m.warnings[0].text,
			    "You are about to drop the column `old` on the `T` table. All the data in the column will be lost.");
	assert_string_equal(m.unexecutable[0].text,
			    "Added the required column `added` to the `T` table without a default value. This is not possible if the table is not empty.");
	diff_messages_release(&m);

	/* with counts from a database */
	for (i = 0; i < p.ncounts; i++)
		p.counts[i].value = p.counts[i].column ? 3 : 5;
	diff_messages_init(&m);
	diff_evaluate(&p, &m);
	assert_string_equal(m.warnings[0].text,
			    "You are about to drop the column `old` on the `T` table, which still contains 3 non-null values.");
	assert_string_equal(m.unexecutable[0].text,
			    "Added the required column `added` to the `T` table without a default value. There are 5 rows in this table, it is not possible to execute this step.");
	diff_messages_release(&m);

	/* empty tables: nothing to say but the unique constraint */
	for (i = 0; i < p.ncounts; i++)
		p.counts[i].value = 0;
	diff_messages_init(&m);
	diff_evaluate(&p, &m);
	assert_int_equal(m.nwarnings, 1);
	assert_int_equal(m.nunexecutable, 0);
	diff_messages_release(&m);

	plan_release(&p);
	sqlschema_release(&from);
	sqlschema_release(&to);
}

static void test_reverse_and_identity(void **state)
{
	struct sqlschema from, to;
	struct plan p, r, same;
	uint32_t i;
	bool drop_table = false;
	(void)state;

	build_pair(&from, &to);
	plan_init(&p);
	plan_init(&r);
	plan_init(&same);
	diff_schemas(&from, &to, NULL, &p, NULL);
	assert_int_equal(diff_reverse(&p, &r, NULL), 0);
	for (i = 0; i < r.nsteps; i++)
		if (r.steps[i].kind == DIFF_DROP_TABLE)
			drop_table = true;
	assert_true(drop_table);
	diff_schemas(&to, &to, NULL, &same, NULL);
	assert_int_equal(same.nsteps, 0);
	plan_release(&p);
	plan_release(&r);
	plan_release(&same);
	sqlschema_release(&from);
	sqlschema_release(&to);
}

static void test_ignored_and_unsupported(void **state)
{
	struct sqlschema from, to;
	struct diff_opts opts = DIFF_OPTS_INIT;
	struct plan p;
	uint32_t t, c, ix;
	(void)state;

	schema_new(&from);
	add_table(&from, "_prisma_migrations");
	t = add_table(&from, "T");
	c = add_column(&from, t, "id", SQL_T_INTEGER, -1, false);
	ix = add_index(&from, t, "t_expr_idx", SQL_INDEX_NORMAL, c);
	from.indexes[ix].unsupported = true;
	from.indexes[ix].definition = "CREATE INDEX t_expr_idx ON public.\"T\" USING btree ((id + 1))";
	schema_new(&to);
	t = add_table(&to, "T");
	add_column(&to, t, "id", SQL_T_INTEGER, -1, false);

	plan_init(&p);
	diff_schemas(&from, &to, &opts, &p, NULL);
	assert_int_equal(p.nsteps, 0); /* neither the migrations table nor the index is dropped */
	plan_release(&p);

	opts.keep_unsupported_indexes = false;
	plan_init(&p);
	diff_schemas(&from, &to, &opts, &p, NULL);
	assert_int_equal(p.nsteps, 1);
	assert_int_equal(p.steps[0].kind, DIFF_DROP_INDEX);
	plan_release(&p);
	sqlschema_release(&from);
	sqlschema_release(&to);
}

/* Names PostgreSQL cut to 63 bytes and default operator classes named or not. */
static void test_database_normalisation(void **state)
{
	static const char long_name[] =
		"ThisIsAVeryLongModelNameThatGoesOnAndOnBeyondTheLimitOfPostgresIdentifiers";
	struct sqlschema from, to;
	struct plan p;
	uint32_t t, c, ix;
	(void)state;

	/* the database holds the cut name, the schema the full one */
	schema_new(&from);
	t = add_table(&from, "ThisIsAVeryLongModelNameThatGoesOnAndOnBeyondTheLimitOfPostgres");
	c = add_column(&from, t, "doc", SQL_T_JSONB, -1, false);
	ix = add_index(&from, t, "T_doc_idx", SQL_INDEX_NORMAL, c);
	from.indexes[ix].algo = SQL_ALGO_GIN;
	from.indexes[ix].columns[0].default_opclass = "jsonb_ops";
	schema_new(&to);
	t = add_table(&to, long_name);
	c = add_column(&to, t, "doc", SQL_T_JSONB, -1, false);
	ix = add_index(&to, t, "T_doc_idx", SQL_INDEX_NORMAL, c);
	to.indexes[ix].algo = SQL_ALGO_GIN;
	to.indexes[ix].columns[0].opclass = "jsonb_ops";

	plan_init(&p);
	diff_schemas(&from, &to, NULL, &p, NULL);
	assert_int_equal(p.nsteps, 0);
	plan_release(&p);

	/* another operator class than the default one is a change */
	to.indexes[ix].columns[0].opclass = "jsonb_path_ops";
	plan_init(&p);
	diff_schemas(&from, &to, NULL, &p, NULL);
	assert_int_equal(p.nsteps, 2); /* DropIndex, CreateIndex */
	plan_release(&p);

	/* a 63-byte prefix shared with another name is not a match below 64 bytes */
	to.tables[t].name = "ThisIsAVeryLongModelNameThatGoesOnAndOnBeyondTheLimitOfPostgre";
	to.indexes[ix].columns[0].opclass = NULL;
	plan_init(&p);
	diff_schemas(&from, &to, NULL, &p, NULL);
	assert_true(p.nsteps >= 2);
	plan_release(&p);
	sqlschema_release(&from);
	sqlschema_release(&to);
}

static void test_existing_namespaces(void **state)
{
	struct sqlschema from, to;
	struct diff_opts opts = DIFF_OPTS_INIT;
	static const char *const pub[] = { "public" };
	struct plan p;
	(void)state;

	sqlschema_init(&from); /* no namespace at all */
	schema_new(&to);
	add_table(&to, "T");
	plan_init(&p);
	diff_schemas(&from, &to, &opts, &p, NULL);
	assert_int_equal(p.steps[0].kind, DIFF_CREATE_SCHEMA);
	plan_release(&p);

	opts.existing_namespaces = pub;
	opts.nexisting_namespaces = 1;
	plan_init(&p);
	diff_schemas(&from, &to, &opts, &p, NULL);
	assert_int_equal(p.nsteps, 1);
	assert_int_equal(p.steps[0].kind, DIFF_CREATE_TABLE);
	plan_release(&p);
	sqlschema_release(&from);
	sqlschema_release(&to);
}

static uint32_t add_enum(struct sqlschema *s, const char *name, const char *const *values,
			 uint32_t n)
{
	struct sql_enum e;
	memset(&e, 0, sizeof(e));
	e.name = name;
	e.values = ARENA_NEW_ARRAY(&s->arena, const char *, n);
	memcpy(e.values, values, n * sizeof(*values));
	e.nvalues = n;
	return sqlschema_push_enum(s, &e);
}

static void test_enum_value_removal(void **state)
{
	static const char *const abc[] = { "A", "B", "C" }, *const ab[] = { "A", "B" };
	struct sqlschema from, to;
	struct diff_messages m;
	struct plan p;
	(void)state;

	schema_new(&from);
	add_enum(&from, "E", abc, 3);
	schema_new(&to);
	add_enum(&to, "E", ab, 2);
	add_enum(&to, "F", ab, 2);
	plan_init(&p);
	diff_schemas(&from, &to, NULL, &p, NULL);
	assert_int_equal(p.nsteps, 2);
	assert_int_equal(p.steps[0].kind, DIFF_CREATE_ENUM);
	assert_int_equal(p.steps[1].kind, DIFF_ALTER_ENUM);
	assert_int_equal(p.steps[1].ndropped_values, 1);
	assert_string_equal(p.steps[1].dropped_values[0], "C");
	diff_messages_init(&m);
	diff_evaluate(&p, &m);
	assert_int_equal(m.nwarnings, 1);
	assert_string_equal(m.warnings[0].text,
			    "The values [C] on the enum `E` will be removed. If these variants are still used in the database, this will fail.");
	diff_messages_release(&m);
	plan_release(&p);
	sqlschema_release(&from);
	sqlschema_release(&to);
}

static void test_step_names(void **state)
{
	(void)state;
	assert_string_equal(diff_step_name(DIFF_CREATE_SCHEMA), "CreateSchema");
	assert_string_equal(diff_step_name(DIFF_ALTER_TABLE), "AlterTable");
	assert_string_equal(diff_step_name(DIFF_RENAME_INDEX), "RenameIndex");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_casts),
		cmocka_unit_test(test_defaults_match),
		cmocka_unit_test(test_json_equal),
		cmocka_unit_test(test_steps_and_checks),
		cmocka_unit_test(test_reverse_and_identity),
		cmocka_unit_test(test_ignored_and_unsupported),
		cmocka_unit_test(test_database_normalisation),
		cmocka_unit_test(test_existing_namespaces),
		cmocka_unit_test(test_enum_value_removal),
		cmocka_unit_test(test_step_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
