/* test_calc.c - unit tests for src/calc: constraint names, opclasses, types, defaults, tables */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "base/strbuf.h"
#include "calc/calc.h"
#include "psl/ast.h"
#include "psl/db.h"

#define DS "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n"

struct fixture {
	struct psl_schema ast;
	struct psl_db db;
	struct sqlschema sql;
};

static void load(struct fixture *f, const char *text)
{
	struct mesdb_err err = MESDB_ERR_INIT;

	psl_schema_init(&f->ast);
	psl_db_init(&f->db);
	sqlschema_init(&f->sql);
	psl_parse(&f->ast, psl_schema_add_source(&f->ast, "schema.prisma", text, strlen(text)));
	psl_validate(&f->ast, &f->db);
	assert_int_equal(f->ast.nerrors, 0);
	assert_int_equal(calc_schema_ast(&f->ast, &f->db, &f->sql, &err), 0);
}

static void unload(struct fixture *f)
{
	sqlschema_release(&f->sql);
	psl_db_release(&f->db);
	psl_schema_release(&f->ast);
}

static uint32_t table(const struct fixture *f, const char *name)
{
	uint32_t t = sqlschema_find_table(&f->sql, 0, name);
	assert_int_not_equal(t, SQL_NONE);
	return t;
}

static const struct sql_column *column(const struct fixture *f, const char *t, const char *c)
{
	uint32_t id = sqlschema_find_column(&f->sql, table(f, t), c);
	assert_int_not_equal(id, SQL_NONE);
	return &f->sql.columns[id];
}

static void test_pk_name_truncation(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	char name[80];
	(void)state;

	calc_pk_name("User", &sb);
	assert_string_equal(sb.buf, "User_pkey");
	/* 58 bytes and more are cut to 58, then _pkey: 63 */
	memset(name, 'a', 70);
	name[70] = 0;
	strbuf_reset(&sb);
	calc_pk_name(name, &sb);
	assert_int_equal(sb.len, 63);
	name[57] = 0;
	strbuf_reset(&sb);
	calc_pk_name(name, &sb);
	assert_int_equal(sb.len, 62);
	strbuf_release(&sb);
}

static void test_index_and_fk_names(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	const char *cols[] = { "a", "b" };
	const char *longcols[] = { "firstExtremelyLongColumnNameForTesting",
				   "secondExtremelyLongColumnNameForTestingToo" };
	(void)state;

	calc_index_name("T", cols, 2, true, &sb);
	assert_string_equal(sb.buf, "T_a_b_key");
	strbuf_reset(&sb);
	calc_index_name("T", cols, 1, false, &sb);
	assert_string_equal(sb.buf, "T_a_idx");
	strbuf_reset(&sb);
	calc_fk_name("Post", cols + 1, 1, &sb);
	assert_string_equal(sb.buf, "Post_b_fkey");
	strbuf_reset(&sb);
	calc_index_name("Measurement", longcols, 2, true, &sb);
	assert_string_equal(sb.buf, "Measurement_firstExtremelyLongColumnNameForTesting_secondEx_key");
	assert_int_equal(sb.len, 63);
	strbuf_reset(&sb);
	calc_fk_name("Measurement", longcols, 2, &sb);
	assert_int_equal(sb.len, 63);
	assert_true(strbuf_ends_with(&sb, "_fkey"));
	/* a cut never splits a UTF-8 character */
	strbuf_reset(&sb);
	{
		const char *u[] = { "ééééééééééééééééééééééééééééééé" };
		calc_index_name("T", u, 1, false, &sb);
		assert_true(sb.len <= 63);
		assert_true(((unsigned char)sb.buf[sb.len - 5] & 0xC0) != 0xC0);
	}
	strbuf_release(&sb);
}

static void test_opclass_names(void **state)
{
	static const char *const cases[][2] = {
		{ "JsonbPathOps", "jsonb_path_ops" },
		{ "Int4MinMaxOps", "int4_minmax_ops" },
		{ "TimestampTzMinMaxMultiOps", "timestamptz_minmax_multi_ops" },
		{ "TimeTzBloomOps", "timetz_bloom_ops" },
		{ "TimeBloomOps", "time_bloom_ops" },
		{ "VarBitMinMaxOps", "varbit_minmax_ops" },
		{ "InetInclusionOps", "inet_inclusion_ops" },
		{ "raw:text_pattern_ops", "text_pattern_ops" },
	};
	size_t i;
	(void)state;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct strbuf sb = STRBUF_INIT;
		calc_opclass_name(cases[i][0], &sb);
		assert_string_equal(sb.buf, cases[i][1]);
		strbuf_release(&sb);
	}
}

static void test_types_and_defaults(void **state)
{
	struct fixture f;
	const struct sql_column *c;
	(void)state;

	load(&f, DS "model T {\n"
		    "  id    Int      @id @default(autoincrement())\n"
		    "  s     String   @default(\"it's\")\n"
		    "  d     Decimal  @default(1.50)\n"
		    "  at    DateTime @default(now())\n"
		    "  u     String   @default(uuid()) @db.Uuid\n"
		    "  b     Bytes    @default(\"aGVsbG8=\")\n"
		    "  v     String?  @db.VarChar(20)\n"
		    "  tags  String[]\n"
		    "}\n");
	c = column(&f, "T", "id");
	assert_int_equal(c->type.ptype, SQL_T_INTEGER);
	assert_true(c->autoincrement);
	assert_int_equal(c->dflt.kind, SQL_DEFAULT_SEQUENCE); /* Prisma's unnamed sequence */
	assert_string_equal(c->dflt.value, "");
	c = column(&f, "T", "s");
	assert_int_equal(c->dflt.kind, SQL_DEFAULT_STRING);
	assert_string_equal(c->dflt.value, "it's");
	c = column(&f, "T", "d");
	assert_int_equal(c->type.ptype, SQL_T_DECIMAL);
	assert_int_equal(c->type.args[0], 65);
	assert_int_equal(c->type.args[1], 30);
	assert_string_equal(c->dflt.value, "1.5");
	assert_string_equal(c->dflt.literal, "1.50");
	c = column(&f, "T", "at");
	assert_int_equal(c->type.ptype, SQL_T_TIMESTAMP);
	assert_int_equal(c->type.args[0], 3);
	assert_int_equal(c->dflt.kind, SQL_DEFAULT_NOW);
	c = column(&f, "T", "u");
	assert_int_equal(c->type.ptype, SQL_T_UUID);
	assert_true(c->client_default);
	assert_int_equal(c->dflt.kind, SQL_DEFAULT_NONE);
	c = column(&f, "T", "b");
	assert_string_equal(c->dflt.value, "\\x68656c6c6f");
	c = column(&f, "T", "v");
	assert_true(c->nullable);
	assert_int_equal(c->type.ptype, SQL_T_VARCHAR);
	assert_int_equal(c->type.args[0], 20);
	c = column(&f, "T", "tags");
	assert_true(c->type.array);
	assert_true(c->nullable);
	unload(&f);
}

static void test_relations_and_join_table(void **state)
{
	struct fixture f;
	uint32_t t, pk, i, nfk = 0;
	(void)state;

	load(&f, DS "model Post {\n  id Int @id\n  authorId Int?\n"
		    "  author User? @relation(fields: [authorId], references: [id])\n"
		    "  tags Tag[]\n}\n"
		    "model User {\n  id Int @id\n  posts Post[]\n}\n"
		    "model Tag {\n  id String @id @db.VarChar(10)\n  posts Post[]\n}\n");
	for (i = 0; i < f.sql.nfks; i++) {
		const struct sql_foreign_key *fk = &f.sql.fks[i];
		if (!strcmp(fk->name, "Post_authorId_fkey")) {
			assert_int_equal(fk->on_delete, SQL_ACTION_SET_NULL);
			assert_int_equal(fk->on_update, SQL_ACTION_CASCADE);
			nfk++;
		}
	}
	assert_int_equal(nfk, 1);
	t = table(&f, "_PostToTag");
	pk = sqlschema_table_pk(&f.sql, t);
	assert_int_not_equal(pk, SQL_NONE);
	assert_string_equal(f.sql.indexes[pk].name, "_PostToTag_AB_pkey");
	assert_int_equal(column(&f, "_PostToTag", "A")->type.ptype, SQL_T_INTEGER);
	assert_int_equal(column(&f, "_PostToTag", "B")->type.ptype, SQL_T_VARCHAR);
	assert_false(column(&f, "_PostToTag", "B")->nullable);
	assert_int_not_equal(sqlschema_find_index(&f.sql, t, "_PostToTag_B_index"), SQL_NONE);
	assert_int_not_equal(sqlschema_find_fk(&f.sql, t, "_PostToTag_A_fkey"), SQL_NONE);
	assert_int_not_equal(sqlschema_find_fk(&f.sql, t, "_PostToTag_B_fkey"), SQL_NONE);
	unload(&f);
}

static void test_relation_mode_prisma(void **state)
{
	struct fixture f;
	(void)state;

	load(&f, "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n"
		 "  relationMode = \"prisma\"\n}\n"
		 "model A {\n  id Int @id\n  bs B[]\n}\n"
		 "model B {\n  id Int @id\n  aId Int\n  a A @relation(fields: [aId], references: [id])\n"
		 "  @@index([aId])\n}\n");
	assert_int_equal(f.sql.nfks, 0);
	unload(&f);
}

static void test_namespaces(void **state)
{
	struct fixture f;
	(void)state;

	load(&f, DS "model A {\n  id Int @id\n}\n");
	assert_int_equal(f.sql.nnamespaces, 1);
	assert_string_equal(f.sql.namespaces[0].name, "public");
	assert_false(calc_multi_schema(&f.db));
	unload(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pk_name_truncation),
		cmocka_unit_test(test_index_and_fk_names),
		cmocka_unit_test(test_opclass_names),
		cmocka_unit_test(test_types_and_defaults),
		cmocka_unit_test(test_relations_and_join_table),
		cmocka_unit_test(test_relation_mode_prisma),
		cmocka_unit_test(test_namespaces),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
