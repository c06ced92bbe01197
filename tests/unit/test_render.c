/* test_render.c - unit tests for src/render: quoting, statements, script layout, count queries */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "base/strbuf.h"
#include "base/xalloc.h"
#include "diff/diff.h"
#include "render/render.h"

static void test_quote_ident(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	(void)state;

	sql_quote_ident(&sb, "User");
	assert_string_equal(sb.buf, "\"User\"");
	strbuf_reset(&sb);
	sql_quote_ident(&sb, "has\"quote");
	assert_string_equal(sb.buf, "\"has\"\"quote\"");
	strbuf_reset(&sb);
	sql_quote_ident(&sb, "");
	assert_string_equal(sb.buf, "\"\"");
	strbuf_release(&sb);
}

static void test_quote_literal(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	(void)state;

	sql_quote_literal(&sb, "it's");
	assert_string_equal(sb.buf, "'it''s'");
	strbuf_reset(&sb);
	sql_quote_literal(&sb, "back\\slash");
	assert_string_equal(sb.buf, "'back\\slash'");
	strbuf_release(&sb);
}

static uint32_t column(struct sqlschema *s, uint32_t t, const char *name, enum sql_ptype pt,
		       bool nullable)
{
	struct sql_column c;
	memset(&c, 0, sizeof(c));
	c.table_id = t;
	c.name = name;
	c.type.ptype = pt;
	c.type.args[0] = c.type.args[1] = -1;
	c.type.enum_id = SQL_NONE;
	c.nullable = nullable;
	return sqlschema_push_column(s, &c);
}

/* to: table "Item" (id SERIAL, name VARCHAR(20) DEFAULT 'x''y', tags TEXT[]) */
static void build(struct sqlschema *s)
{
	struct sql_table t;
	struct sql_index ix;
	uint32_t tid, id, name;

	sqlschema_init(s);
	sqlschema_push_namespace(s, "public");
	memset(&t, 0, sizeof(t));
	t.name = "Item";
	tid = sqlschema_push_table(s, &t);
	id = column(s, tid, "id", SQL_T_INTEGER, false);
	s->columns[id].autoincrement = true;
	name = column(s, tid, "name", SQL_T_VARCHAR, false);
	s->columns[name].type.args[0] = 20;
	s->columns[name].dflt.kind = SQL_DEFAULT_STRING;
	s->columns[name].dflt.value = "x'y";
	column(s, tid, "tags", SQL_T_TEXT, true);
	s->columns[s->ncolumns - 1].type.array = true;
	memset(&ix, 0, sizeof(ix));
	ix.table_id = tid;
	ix.name = "Item_pkey";
	ix.kind = SQL_INDEX_PRIMARY;
	ix.ncolumns = 1;
	ix.columns = ARENA_NEW_ARRAY(&s->arena, struct sql_index_column, 1);
	ix.columns[0].column_id = id;
	sqlschema_push_index(s, &ix);
	memset(&ix, 0, sizeof(ix));
	ix.table_id = tid;
	ix.name = "Item_name_idx";
	ix.kind = SQL_INDEX_NORMAL;
	ix.algo = SQL_ALGO_HASH;
	ix.ncolumns = 1;
	ix.columns = ARENA_NEW_ARRAY(&s->arena, struct sql_index_column, 1);
	ix.columns[0].column_id = name;
	ix.columns[0].sort = -1;
	sqlschema_push_index(s, &ix);
}

static void test_script_from_empty(void **state)
{
	struct sqlschema from, to;
	struct plan p;
	struct strbuf sb = STRBUF_INIT;
	(void)state;

	sqlschema_init(&from);
	build(&to);
	plan_init(&p);
	diff_schemas(&from, &to, NULL, &p, NULL);
	render_script(&p, NULL, &sb);
	assert_string_equal(sb.buf,
			    "-- CreateSchema\n"
			    "CREATE SCHEMA IF NOT EXISTS \"public\";\n"
			    "\n"
			    "-- CreateTable\n"
			    "CREATE TABLE \"Item\" (\n"
			    "    \"id\" SERIAL NOT NULL,\n"
			    "    \"name\" VARCHAR(20) NOT NULL DEFAULT 'x''y',\n"
			    "    \"tags\" TEXT[],\n"
			    "\n"
			    "    CONSTRAINT \"Item_pkey\" PRIMARY KEY (\"id\")\n"
			    ");\n"
			    "\n"
			    "-- CreateIndex\n"
			    "CREATE INDEX \"Item_name_idx\" ON \"Item\" USING HASH (\"name\" DESC);\n");
	plan_release(&p);
	strbuf_release(&sb);
	sqlschema_release(&from);
	sqlschema_release(&to);
}

static void test_empty_and_warnings(void **state)
{
	struct sqlschema s, from;
	struct plan p;
	struct strbuf sb = STRBUF_INIT;
	struct diff_messages m;
	(void)state;

	build(&s);
	plan_init(&p);
	diff_schemas(&s, &s, NULL, &p, NULL);
	render_script(&p, NULL, &sb);
	assert_string_equal(sb.buf, "-- This is an empty migration.");
	plan_release(&p);

	/* dropping the table: the migration.sql form carries Prisma's warning block */
	sqlschema_init(&from);
	sqlschema_push_namespace(&from, "public");
	strbuf_reset(&sb);
	plan_init(&p);
	diff_schemas(&s, &from, NULL, &p, NULL);
	diff_messages_init(&m);
	diff_evaluate(&p, &m);
	{
		struct render_opts o = RENDER_OPTS_INIT;
		o.messages = &m;
		render_script(&p, &o, &sb);
	}
	assert_string_equal(sb.buf,
			    "/*\n"
			    "  Warnings:\n"
			    "\n"
			    "  - You are about to drop the `Item` table. If the table is not empty, all the data it contains will be lost.\n"
			    "\n"
			    "*/\n"
			    "-- DropTable\n"
			    "DROP TABLE \"Item\";\n");
	assert_int_equal(p.ncounts, 1);
	strbuf_reset(&sb);
	render_count_query(&p.counts[0], &sb);
	assert_string_equal(sb.buf, "SELECT COUNT(*) FROM \"Item\"");
	diff_messages_release(&m);
	plan_release(&p);
	strbuf_release(&sb);
	sqlschema_release(&s);
	sqlschema_release(&from);
}

static void test_step_statements(void **state)
{
	struct sqlschema from, to;
	struct plan p;
	struct render_stmts st = RENDER_STMTS_INIT;
	uint32_t i;
	(void)state;

	sqlschema_init(&from);
	build(&to);
	plan_init(&p);
	diff_schemas(&from, &to, NULL, &p, NULL);
	for (i = 0; i < p.nsteps; i++)
		render_step_statements(&p, i, &st);
	assert_int_equal(st.n, 3);
	assert_string_equal(st.v[0], "CREATE SCHEMA IF NOT EXISTS \"public\"");
	assert_string_equal(st.v[2], "CREATE INDEX \"Item_name_idx\" ON \"Item\" USING HASH (\"name\" DESC)");
	render_stmts_release(&st);
	plan_release(&p);
	sqlschema_release(&from);
	sqlschema_release(&to);
}

static void test_count_queries(void **state)
{
	struct diff_count c = { "auth", "User", "email", -1 };
	struct strbuf sb = STRBUF_INIT;
	(void)state;

	render_count_query(&c, &sb);
	assert_string_equal(sb.buf, "SELECT COUNT(*) FROM \"auth\".\"User\" WHERE \"email\" IS NOT NULL");
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quote_ident),
		cmocka_unit_test(test_quote_literal),
		cmocka_unit_test(test_script_from_empty),
		cmocka_unit_test(test_empty_and_warnings),
		cmocka_unit_test(test_step_statements),
		cmocka_unit_test(test_count_queries),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
