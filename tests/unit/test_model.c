/* test_model.c - unit tests for src/model: pushers, contiguous columns, hashed lookups, names */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/strbuf.h"
#include "base/xalloc.h"
#include "model/sqlschema.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static uint32_t add_table(struct sqlschema *s, uint32_t ns, const char *name)
{
	struct sql_table t = { 0 };
	t.namespace_id = ns;
	t.name = arena_strdup(&s->arena, name);
	return sqlschema_push_table(s, &t);
}

static uint32_t add_column(struct sqlschema *s, uint32_t table, const char *name,
			   enum sql_ptype ptype)
{
	struct sql_column c = { 0 };
	c.table_id = table;
	c.name = arena_strdup(&s->arena, name);
	c.type.ptype = ptype;
	c.type.args[0] = c.type.args[1] = -1;
	c.type.enum_id = SQL_NONE;
	return sqlschema_push_column(s, &c);
}

static uint32_t add_index(struct sqlschema *s, uint32_t table, const char *name,
			  enum sql_index_kind kind, uint32_t column)
{
	struct sql_index i = { 0 };
	i.table_id = table;
	i.name = name;
	i.kind = kind;
	i.columns = ARENA_NEW_ARRAY(&s->arena, struct sql_index_column, 1);
	i.columns[0].column_id = column;
	i.ncolumns = 1;
	return sqlschema_push_index(s, &i);
}

static void test_init_release(void **state)
{
	struct sqlschema s;

	(void)state;
	sqlschema_init(&s);
	assert_int_equal(s.ntables, 0);
	assert_null(s.tables);
	assert_int_equal(sqlschema_find_table(&s, 0, "x"), SQL_NONE);
	assert_int_equal(sqlschema_find_namespace(&s, "public"), SQL_NONE);
	assert_int_equal(sqlschema_table_pk(&s, 0), SQL_NONE);
	sqlschema_release(&s);
	/* released and reusable */
	assert_int_equal(sqlschema_push_namespace(&s, "public"), 0);
	sqlschema_release(&s);
}

static void test_push_and_find(void **state)
{
	struct sqlschema s;
	uint32_t pub, other, users, posts, other_users, e, c;
	struct sql_enum en = { 0 };
	struct sql_view v = { 0 };
	struct sql_sequence q = { 0 };
	struct sql_foreign_key fk = { 0 };
	struct sql_extension x = { 0 };
	static const char *values[] = { "USER", "ADMIN" };

	(void)state;
	sqlschema_init(&s);
	pub = sqlschema_push_namespace(&s, "public");
	other = sqlschema_push_namespace(&s, "other");
	assert_int_equal(pub, 0);
	assert_int_equal(other, 1);

	en.namespace_id = pub;
	en.name = "Role";
	en.values = values;
	en.nvalues = 2;
	e = sqlschema_push_enum(&s, &en);

	users = add_table(&s, pub, "users");
	add_column(&s, users, "id", SQL_T_TEXT);
	add_column(&s, users, "email", SQL_T_VARCHAR);
	posts = add_table(&s, pub, "posts");
	add_column(&s, posts, "id", SQL_T_INTEGER);
	c = add_column(&s, posts, "author_id", SQL_T_TEXT);
	other_users = add_table(&s, other, "users");

	assert_int_equal(s.tables[users].first_column, 0);
	assert_int_equal(s.tables[users].ncolumns, 2);
	assert_int_equal(s.tables[posts].first_column, 2);
	assert_int_equal(s.tables[posts].ncolumns, 2);
	assert_int_equal(s.tables[other_users].ncolumns, 0);
	assert_int_equal(s.tables[other_users].first_column, 4);

	assert_int_equal(sqlschema_find_namespace(&s, "other"), other);
	assert_int_equal(sqlschema_find_namespace(&s, "nope"), SQL_NONE);
	assert_int_equal(sqlschema_find_table(&s, pub, "users"), users);
	assert_int_equal(sqlschema_find_table(&s, other, "users"), other_users);
	assert_int_equal(sqlschema_find_table(&s, pub, "Users"), SQL_NONE);
	assert_int_equal(sqlschema_find_table(&s, pub, NULL), SQL_NONE);
	assert_int_equal(sqlschema_find_column(&s, posts, "author_id"), c);
	assert_int_equal(sqlschema_find_column(&s, users, "author_id"), SQL_NONE);
	assert_int_equal(sqlschema_find_column(&s, users, "email"), 1);
	assert_int_equal(sqlschema_find_enum(&s, pub, "Role"), e);
	assert_int_equal(sqlschema_find_enum(&s, other, "Role"), SQL_NONE);

	add_index(&s, posts, "posts_pkey", SQL_INDEX_PRIMARY, 2);
	add_index(&s, posts, "posts_author_id_idx", SQL_INDEX_NORMAL, c);
	assert_int_equal(sqlschema_find_index(&s, posts, "posts_author_id_idx"), 1);
	assert_int_equal(sqlschema_find_index(&s, users, "posts_author_id_idx"), SQL_NONE);
	assert_int_equal(sqlschema_table_pk(&s, posts), 0);
	assert_int_equal(sqlschema_table_pk(&s, users), SQL_NONE);
	assert_int_equal(sqlschema_table_pk(&s, 999), SQL_NONE);

	fk.table_id = posts;
	fk.name = "posts_author_id_fkey";
	fk.referenced_table_id = users;
	fk.ncolumns = 0;
	assert_int_equal(sqlschema_push_fk(&s, &fk), 0);
	assert_int_equal(sqlschema_find_fk(&s, posts, "posts_author_id_fkey"), 0);
	assert_int_equal(sqlschema_find_fk(&s, users, "posts_author_id_fkey"), SQL_NONE);

	v.namespace_id = other;
	v.name = "v";
	assert_int_equal(sqlschema_push_view(&s, &v), 0);
	assert_int_equal(sqlschema_find_view(&s, other, "v"), 0);
	assert_int_equal(sqlschema_find_view(&s, pub, "v"), SQL_NONE);

	q.namespace_id = pub;
	q.name = "posts_id_seq";
	q.owner_table_id = posts;
	q.owner_column_id = 2;
	assert_int_equal(sqlschema_push_sequence(&s, &q), 0);
	assert_int_equal(sqlschema_find_sequence(&s, pub, "posts_id_seq"), 0);

	x.name = "citext";
	assert_int_equal(sqlschema_push_extension(&s, &x), 0);
	assert_int_equal(s.nextensions, 1);

	sqlschema_release(&s);
}

static void test_duplicates_first_wins(void **state)
{
	struct sqlschema s;
	uint32_t a, b;

	(void)state;
	sqlschema_init(&s);
	sqlschema_push_namespace(&s, "public");
	a = add_table(&s, 0, "t");
	b = add_table(&s, 0, "t");
	assert_int_not_equal(a, b);
	assert_int_equal(sqlschema_find_table(&s, 0, "t"), a);
	sqlschema_release(&s);
}

static void test_reindex_after_rename(void **state)
{
	struct sqlschema s;
	uint32_t t, c;

	(void)state;
	sqlschema_init(&s);
	sqlschema_push_namespace(&s, "public");
	t = add_table(&s, 0, "old");
	c = add_column(&s, t, "a", SQL_T_TEXT);
	add_index(&s, t, "old_pkey", SQL_INDEX_PRIMARY, c);
	s.tables[t].name = "new";
	s.columns[c].name = "b";
	sqlschema_reindex(&s);
	assert_int_equal(sqlschema_find_table(&s, 0, "new"), t);
	assert_int_equal(sqlschema_find_table(&s, 0, "old"), SQL_NONE);
	assert_int_equal(sqlschema_find_column(&s, t, "b"), c);
	assert_int_equal(sqlschema_find_column(&s, t, "a"), SQL_NONE);
	assert_int_equal(sqlschema_table_pk(&s, t), 0);
	/* kind edited in place: table_pk still answers */
	s.indexes[0].kind = SQL_INDEX_UNIQUE;
	assert_int_equal(sqlschema_table_pk(&s, t), SQL_NONE);
	s.indexes[0].kind = SQL_INDEX_PRIMARY;
	assert_int_equal(sqlschema_table_pk(&s, t), 0);
	sqlschema_release(&s);
}

/* Tables pushed first, then their columns table by table: also contiguous. */
static void test_columns_after_all_tables(void **state)
{
	struct sqlschema s;
	uint32_t a, b;

	(void)state;
	sqlschema_init(&s);
	sqlschema_push_namespace(&s, "public");
	a = add_table(&s, 0, "a");
	b = add_table(&s, 0, "b");
	add_column(&s, b, "x", SQL_T_TEXT);
	add_column(&s, b, "y", SQL_T_TEXT);
	add_column(&s, a, "z", SQL_T_TEXT);
	assert_int_equal(s.tables[b].first_column, 0);
	assert_int_equal(s.tables[b].ncolumns, 2);
	assert_int_equal(s.tables[a].first_column, 2);
	assert_int_equal(s.tables[a].ncolumns, 1);
	sqlschema_release(&s);
}

/* Run fn in a child; true when it died of SIGABRT (MESDB_BUG). */
static bool aborts(void (*fn)(void))
{
	int status;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		/* keep the child's BUG line out of the test output */
		if (!freopen("/dev/null", "w", stderr))
			_exit(3);
		fn();
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
}

static void interleaved_columns(void)
{
	struct sqlschema s;
	sqlschema_init(&s);
	sqlschema_push_namespace(&s, "public");
	add_table(&s, 0, "a");
	add_table(&s, 0, "b");
	add_column(&s, 0, "x", SQL_T_TEXT);
	add_column(&s, 1, "y", SQL_T_TEXT);
	add_column(&s, 0, "z", SQL_T_TEXT); /* a's columns are no longer contiguous */
	sqlschema_release(&s);
}

static void column_of_missing_table(void)
{
	struct sqlschema s;
	sqlschema_init(&s);
	add_column(&s, 0, "x", SQL_T_TEXT);
	sqlschema_release(&s);
}

static void test_bug_on_noncontiguous(void **state)
{
	(void)state;
	assert_true(aborts(interleaved_columns));
	assert_true(aborts(column_of_missing_table));
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* 5,000 tables x 20 columns: every lookup hits, quickly (O(1), not O(n)). */
static void test_many_tables(void **state)
{
	struct sqlschema s;
	char name[64];
	double t0, ms;
	uint32_t ntables = 5000, ncols = 20;

	(void)state;
	sqlschema_init(&s);
	sqlschema_push_namespace(&s, "public");
	for (uint32_t t = 0; t < ntables; t++) {
		snprintf(name, sizeof(name), "Table_%u", t);
		add_table(&s, 0, name);
		for (uint32_t c = 0; c < ncols; c++) {
			snprintf(name, sizeof(name), "column_%u", c);
			add_column(&s, t, name, SQL_T_TEXT);
		}
	}
	t0 = now_ms();
	for (uint32_t t = 0; t < ntables; t++) {
		snprintf(name, sizeof(name), "Table_%u", t);
		uint32_t id = sqlschema_find_table(&s, 0, name);
		assert_int_equal(id, t);
		for (uint32_t c = 0; c < ncols; c += 7) {
			snprintf(name, sizeof(name), "column_%u", c);
			assert_int_equal(sqlschema_find_column(&s, id, name), t * ncols + c);
		}
	}
	assert_int_equal(sqlschema_find_table(&s, 0, "Table_5000"), SQL_NONE);
	ms = now_ms() - t0;
	/* linear scans would take seconds here; hashed lookups take about a millisecond */
	assert_true(ms < 200.0);
	sqlschema_release(&s);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(sql_ptype_name(SQL_T_TEXT), "TEXT");
	assert_string_equal(sql_ptype_name(SQL_T_DOUBLE), "DOUBLE PRECISION");
	assert_string_equal(sql_ptype_name(SQL_T_TIMESTAMPTZ), "TIMESTAMPTZ");
	assert_string_equal(sql_ptype_name(SQL_T_VARBIT), "VARBIT");
	assert_string_equal(sql_ptype_name(SQL_T_UNSUPPORTED), "UNSUPPORTED");
	for (int t = 0; t < SQL_T__COUNT; t++)
		assert_non_null(sql_ptype_name((enum sql_ptype)t));
	assert_string_equal(sql_index_algo_name(SQL_ALGO_GIN), "GIN");
	assert_string_equal(sql_index_algo_name(SQL_ALGO_SPGIST), "SPGIST");
	assert_string_equal(sql_fk_action_name(SQL_ACTION_SET_NULL), "SET NULL");
	assert_string_equal(sql_fk_action_name(SQL_ACTION_NO_ACTION), "NO ACTION");
	assert_string_equal(sql_default_kind_name(SQL_DEFAULT_SEQUENCE), "SEQUENCE");
	assert_string_equal(sql_default_kind_name(SQL_DEFAULT_EXPR), "EXPR");
}

static void check_number(const char *in, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	bool ok = sql_number_canonical(&sb, in);
	if (!want) {
		if (ok)
			fail_msg("\"%s\" should not be a number, got \"%s\"", in, sb.buf);
		assert_int_equal(sb.len, 0);
	} else {
		if (!ok)
			fail_msg("\"%s\" should be a number", in);
		if (strcmp(sb.buf, want))
			fail_msg("\"%s\": want \"%s\", got \"%s\"", in, want, sb.buf);
	}
	strbuf_release(&sb);
}

static void test_number_canonical(void **state)
{
	(void)state;
	check_number("0", "0");
	check_number("-0", "0");
	check_number("-0.000", "0");
	check_number("42", "42");
	check_number("+42", "42");
	check_number("007", "7");
	check_number("-1.5", "-1.5");
	check_number("1.50", "1.5");
	check_number("1.", "1");
	check_number(".5", "0.5");
	check_number("-.05", "-0.05");
	check_number("100", "100");
	check_number("100.000", "100");
	check_number("1e3", "1000");
	check_number("1.5E+2", "150");
	check_number("15e-3", "0.015");
	check_number("-2.5e-1", "-0.25");
	check_number("123.456e1", "1234.56");
	check_number("0.000", "0");
	check_number("9223372036854775807", "9223372036854775807");
	check_number("", NULL);
	check_number("-", NULL);
	check_number(".", NULL);
	check_number("abc", NULL);
	check_number("1e", NULL);
	check_number("1e5000", NULL);
	check_number("1.2.3", NULL);
	check_number(" 1", NULL);
	check_number("NaN", NULL);
	check_number("Infinity", NULL);
	check_number("0x10", NULL);
}

static void test_dump(void **state)
{
	struct sqlschema s;
	struct strbuf sb = STRBUF_INIT;
	struct sql_enum en = { 0 };
	struct sql_column col = { 0 };
	struct sql_index ix = { 0 };
	struct sql_foreign_key fk = { 0 };
	struct sql_sequence q = { 0 };
	static const char *values[] = { "A", "B" };
	uint32_t t, u, c_id, c_role, c_tags, c_uid;
	struct sql_default items[2];

	(void)state;
	sqlschema_init(&s);
	sqlschema_push_namespace(&s, "public");
	en.name = "Role";
	en.values = values;
	en.nvalues = 2;
	sqlschema_push_enum(&s, &en);
	u = add_table(&s, 0, "users");
	c_uid = add_column(&s, u, "id", SQL_T_TEXT);
	t = add_table(&s, 0, "posts");
	s.tables[t].description = "all posts";

	col.table_id = t;
	col.name = "id";
	col.type.ptype = SQL_T_INTEGER;
	col.type.args[0] = col.type.args[1] = -1;
	col.autoincrement = true;
	col.dflt.kind = SQL_DEFAULT_SEQUENCE;
	col.dflt.value = "posts_id_seq";
	c_id = sqlschema_push_column(&s, &col);

	memset(&col, 0, sizeof(col));
	col.table_id = t;
	col.name = "role";
	col.type.ptype = SQL_T_ENUM;
	col.type.enum_id = 0;
	col.type.args[0] = col.type.args[1] = -1;
	col.dflt.kind = SQL_DEFAULT_ENUM;
	col.dflt.value = "A";
	c_role = sqlschema_push_column(&s, &col);

	memset(&col, 0, sizeof(col));
	col.table_id = t;
	col.name = "tags";
	col.nullable = true;
	col.type.ptype = SQL_T_VARCHAR;
	col.type.args[0] = 20;
	col.type.args[1] = -1;
	col.type.array = true;
	memset(items, 0, sizeof(items));
	items[0].kind = SQL_DEFAULT_STRING;
	items[0].value = "it's";
	items[1].kind = SQL_DEFAULT_STRING;
	items[1].value = "b";
	col.dflt.kind = SQL_DEFAULT_LIST;
	col.dflt.items = items;
	col.dflt.nitems = 2;
	col.description = "labels";
	c_tags = sqlschema_push_column(&s, &col);

	memset(&col, 0, sizeof(col));
	col.table_id = t;
	col.name = "price";
	col.type.ptype = SQL_T_DECIMAL;
	col.type.args[0] = 65;
	col.type.args[1] = 30;
	col.dflt.kind = SQL_DEFAULT_NUMBER;
	col.dflt.value = "0";
	sqlschema_push_column(&s, &col);

	memset(&col, 0, sizeof(col));
	col.table_id = t;
	col.name = "shape";
	col.nullable = true;
	col.type.ptype = SQL_T_UNSUPPORTED;
	col.type.unsupported = "circle";
	col.type.args[0] = col.type.args[1] = -1;
	sqlschema_push_column(&s, &col);

	ix.table_id = t;
	ix.name = "posts_pkey";
	ix.kind = SQL_INDEX_PRIMARY;
	ix.constraint = true;
	ix.columns = ARENA_NEW_ARRAY(&s.arena, struct sql_index_column, 2);
	ix.columns[0].column_id = c_id;
	ix.columns[1].column_id = c_role;
	ix.columns[1].sort = -1;
	ix.ncolumns = 2;
	sqlschema_push_index(&s, &ix);
	memset(&ix, 0, sizeof(ix));
	ix.table_id = t;
	ix.name = "posts_tags_idx";
	ix.kind = SQL_INDEX_NORMAL;
	ix.algo = SQL_ALGO_GIN;
	ix.columns = ARENA_NEW_ARRAY(&s.arena, struct sql_index_column, 1);
	ix.columns[0].column_id = c_tags;
	ix.columns[0].opclass = "array_ops";
	ix.ncolumns = 1;
	sqlschema_push_index(&s, &ix);

	fk.table_id = t;
	fk.name = "posts_id_fkey";
	fk.referenced_table_id = u;
	fk.columns = &c_id;
	fk.referenced_columns = &c_uid;
	fk.ncolumns = 1;
	fk.on_delete = SQL_ACTION_SET_NULL;
	fk.on_update = SQL_ACTION_CASCADE;
	sqlschema_push_fk(&s, &fk);

	q.name = "posts_id_seq";
	q.owner_table_id = t;
	q.owner_column_id = c_id;
	sqlschema_push_sequence(&s, &q);

	sqlschema_dump(&s, &sb);
	assert_string_equal(sb.buf,
		"namespace public\n"
		"enum public.Role: A, B\n"
		"table public.users\n"
		"  column id TEXT NOT NULL\n"
		"table public.posts -- all posts\n"
		"  column id INTEGER NOT NULL DEFAULT SEQUENCE posts_id_seq autoincrement\n"
		"  column role \"Role\" NOT NULL DEFAULT ENUM A\n"
		"  column tags VARCHAR(20)[] NULL DEFAULT LIST [STRING 'it''s', STRING 'b'] -- labels\n"
		"  column price DECIMAL(65,30) NOT NULL DEFAULT NUMBER 0\n"
		"  column shape circle NULL\n"
		"  index posts_pkey PRIMARY BTREE (id, role DESC) constraint\n"
		"  index posts_tags_idx NORMAL GIN (tags array_ops)\n"
		"  fk posts_id_fkey (id) -> public.users (id) ON DELETE SET NULL ON UPDATE CASCADE\n"
		"sequence public.posts_id_seq owned by posts.id\n");
	strbuf_release(&sb);
	sqlschema_release(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_release),
		cmocka_unit_test(test_push_and_find),
		cmocka_unit_test(test_duplicates_first_wins),
		cmocka_unit_test(test_reindex_after_rename),
		cmocka_unit_test(test_columns_after_all_tables),
		cmocka_unit_test(test_bug_on_noncontiguous),
		cmocka_unit_test(test_many_tables),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_number_canonical),
		cmocka_unit_test(test_dump),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
