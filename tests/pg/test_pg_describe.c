/* test_pg_describe.c - src/pg against a real server: connect, exec errors, notices, describe, locks */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pgtest.h"

#include "base/fs.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "pg/pg.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

/* ---- helpers ---- */

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void fail_err(const char *what, const struct mesdb_err *err)
{
	fail_msg("%s: [%s %s] %s | detail: %s | hint: %s", what, mesdb_status_name(err->status),
		 err->sqlstate, err->message ? err->message : "",
		 err->detail ? err->detail : "", err->hint ? err->hint : "");
}

static struct pg_conn *connect_ok(const char *url)
{
	struct pg_conn *c = NULL;
	struct mesdb_err err = MESDB_ERR_INIT;
	if (pg_connect(&c, url, 5, &err) < 0)
		fail_err("pg_connect", &err);
	return c;
}

static void exec_ok(struct pg_conn *c, const char *sql)
{
	struct mesdb_err err = MESDB_ERR_INIT;
	if (pg_exec(c, sql, NULL, &err) < 0)
		fail_err(sql, &err);
}

/* First value of a query on c (malloc'ed); "" for NULL. */
static char *value_of(struct pg_conn *c, const char *sql)
{
	struct mesdb_err err = MESDB_ERR_INIT;
	struct pg_result *r = NULL;
	char *v;
	if (pg_exec(c, sql, &r, &err) < 0)
		fail_err(sql, &err);
	assert_true(pg_result_rows(r) > 0);
	v = xstrdup(pg_result_value(r, 0, 0));
	pg_result_free(r);
	return v;
}

/* Describe schemas of url and return the dump (malloc'ed). */
static char *describe_dump(const char *url, const char *const *schemas, uint32_t n)
{
	struct pg_conn *c = connect_ok(url);
	struct mesdb_err err = MESDB_ERR_INIT;
	struct sqlschema s;
	struct strbuf sb = STRBUF_INIT;

	sqlschema_init(&s);
	if (pg_describe(c, schemas, n, &s, &err) < 0)
		fail_err("pg_describe", &err);
	assert_false(pg_in_transaction(c));
	sqlschema_dump(&s, &sb);
	sqlschema_release(&s);
	pg_close(c);
	return strbuf_detach(&sb, NULL);
}

/* Fail unless dump has the line (without its newline). */
static void assert_line(const char *dump, const char *line)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "\n%s\n", line);
	if (!strstr(dump, sb.buf) && strncmp(dump, sb.buf + 1, sb.len - 1))
		fail_msg("line not found: \"%s\"\n--- dump ---\n%s", line, dump);
	strbuf_release(&sb);
}

static void assert_no_line(const char *dump, const char *prefix)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "\n%s", prefix);
	if (strstr(dump, sb.buf))
		fail_msg("unexpected line \"%s...\"\n--- dump ---\n%s", prefix, dump);
	strbuf_release(&sb);
}

static const struct sql_column *find_col(const struct sqlschema *s, const char *table,
					  const char *column)
{
	uint32_t t = sqlschema_find_table(s, 0, table), c;
	if (t == SQL_NONE)
		fail_msg("no table %s", table);
	c = sqlschema_find_column(s, t, column);
	if (c == SQL_NONE)
		fail_msg("no column %s.%s", table, column);
	return &s->columns[c];
}

/* ---- describe: Prisma's own DDL (tests/pg/describe/NAME.sql vs NAME.expected) ---- */

/* The extension lines without their version (it follows the server's build). */
static void normalise_dump(struct strbuf *out, const char *dump)
{
	const char *p = dump;
	while (*p) {
		size_t n = strcspn(p, "\n");
		if (!strncmp(p, "extension ", 10)) {
			const char *name_end = memchr(p + 10, ' ', n - 10);
			const char *in = name_end ? strstr(name_end, " in ") : NULL;
			if (name_end && in && in < p + n) {
				strbuf_add(out, p, (size_t)(name_end - p));
				strbuf_add(out, in, (size_t)(p + n - in));
			} else {
				strbuf_add(out, p, n);
			}
		} else {
			strbuf_add(out, p, n);
		}
		strbuf_addch(out, '\n');
		p += n;
		if (*p)
			p++;
	}
}

static void check_fixture(const char *name, const char *const *schemas, uint32_t nschemas)
{
	const char *src = getenv("MESDB_SOURCE_DIR");
	struct strbuf path = STRBUF_INIT, sql = STRBUF_INIT, want = STRBUF_INIT, got = STRBUF_INIT;
	struct mesdb_err err = MESDB_ERR_INIT;
	char dbname[PGTEST_NAME_SIZE];
	char *url, *dump;

	if (!src)
		fail_msg("MESDB_SOURCE_DIR is not set (run through ctest)");
	strbuf_addf(&path, "%s/tests/pg/describe/%s.sql", src, name);
	if (fs_read_file(path.buf, &sql, &err) < 0)
		fail_err(path.buf, &err);
	url = pgtest_create_db(dbname, sizeof(dbname));
	pgtest_exec(url, sql.buf);
	dump = describe_dump(url, schemas, nschemas);
	normalise_dump(&got, dump);

	strbuf_reset(&path);
	strbuf_addf(&path, "%s/tests/pg/describe/%s.expected", src, name);
	if (getenv("MESDB_UPDATE_EXPECT")) {
		if (fs_write_file(path.buf, got.buf, got.len, 0644, &err) < 0)
			fail_err(path.buf, &err);
	} else {
		if (fs_read_file(path.buf, &want, &err) < 0)
			fail_err(path.buf, &err);
		if (strcmp(want.buf, got.buf))
			fail_msg("%s: the description differs from %s "
				 "(MESDB_UPDATE_EXPECT=1 rewrites it)\n--- got ---\n%s", name,
				 path.buf, got.buf);
	}
	pgtest_drop_db(dbname);
	free(dump);
	free(url);
	strbuf_release(&path);
	strbuf_release(&sql);
	strbuf_release(&want);
	strbuf_release(&got);
}

static void test_fixture_oracle_test(void **state)
{
	(void)state;
	check_fixture("oracle_test", NULL, 0);
}

static void test_fixture_types(void **state)
{
	(void)state;
	check_fixture("types", NULL, 0);
}

static void test_fixture_relations(void **state)
{
	(void)state;
	check_fixture("relations", NULL, 0);
}

static void test_fixture_multi(void **state)
{
	static const char *const schemas[] = { "base", "ops" };
	(void)state;
	check_fixture("multi", schemas, 2);
}

/* ---- describe: hand-written DDL, feature by feature ---- */

static void test_column_types(void **state)
{
	struct pgtest_db *db = *state;
	struct pg_conn *c;
	struct sqlschema s;
	struct mesdb_err err = MESDB_ERR_INIT;
	const struct sql_column *col;

	pgtest_exec(db->url,
		    "CREATE TYPE \"Role\" AS ENUM ('USER', 'ADMIN');"
		    "CREATE DOMAIN posint AS integer CHECK (VALUE > 0);"
		    "CREATE TABLE t ("
		    " a TEXT NOT NULL, b VARCHAR(255), c VARCHAR, d CHAR(3), e CHAR,"
		    " f SMALLINT, g INTEGER, h BIGINT, i REAL, j DOUBLE PRECISION,"
		    " k DECIMAL(65,30), l NUMERIC, m NUMERIC(10), n MONEY, o BOOLEAN,"
		    " p TIMESTAMP(3), q TIMESTAMP, r TIMESTAMPTZ(6), s DATE, t TIME(2), u TIMETZ,"
		    " v JSON, w JSONB, x BYTEA, y UUID, z XML, aa INET, ab OID, ac BIT(4),"
		    " ad VARBIT(8), ae VARBIT, af \"Role\", ag \"Role\"[], ah TEXT[], ai INTEGER[][],"
		    " aj VARCHAR(20)[], ak DECIMAL(8,3)[], al posint, am INTERVAL, an point[],"
		    " ao NUMERIC(10,-2), ap int4range);"
		    "ALTER TABLE t ADD COLUMN gone INTEGER; ALTER TABLE t DROP COLUMN gone;"
		    "ALTER TABLE t ADD COLUMN last TEXT;");

	c = connect_ok(db->url);
	sqlschema_init(&s);
	if (pg_describe(c, NULL, 0, &s, &err) < 0)
		fail_err("pg_describe", &err);
	assert_int_equal(s.ntables, 1);
	assert_int_equal(s.tables[0].ncolumns, 43); /* the dropped column is not there */

#define TYPE(name, pt, a0, a1, arr)                                        \
	do {                                                               \
		col = find_col(&s, "t", name);                             \
		assert_int_equal(col->type.ptype, pt);                     \
		assert_int_equal(col->type.args[0], a0);                   \
		assert_int_equal(col->type.args[1], a1);                   \
		assert_int_equal(col->type.array, arr);                    \
	} while (0)
	TYPE("a", SQL_T_TEXT, -1, -1, false);
	assert_false(find_col(&s, "t", "a")->nullable);
	assert_true(find_col(&s, "t", "b")->nullable);
	TYPE("b", SQL_T_VARCHAR, 255, -1, false);
	TYPE("c", SQL_T_VARCHAR, -1, -1, false);
	TYPE("d", SQL_T_CHAR, 3, -1, false);
	TYPE("e", SQL_T_CHAR, 1, -1, false);
	TYPE("f", SQL_T_SMALLINT, -1, -1, false);
	TYPE("g", SQL_T_INTEGER, -1, -1, false);
	TYPE("h", SQL_T_BIGINT, -1, -1, false);
	TYPE("i", SQL_T_REAL, -1, -1, false);
	TYPE("j", SQL_T_DOUBLE, -1, -1, false);
	TYPE("k", SQL_T_DECIMAL, 65, 30, false);
	TYPE("l", SQL_T_DECIMAL, -1, -1, false);
	TYPE("m", SQL_T_DECIMAL, 10, 0, false);
	TYPE("n", SQL_T_MONEY, -1, -1, false);
	TYPE("o", SQL_T_BOOLEAN, -1, -1, false);
	TYPE("p", SQL_T_TIMESTAMP, 3, -1, false);
	TYPE("q", SQL_T_TIMESTAMP, -1, -1, false);
	TYPE("r", SQL_T_TIMESTAMPTZ, 6, -1, false);
	TYPE("s", SQL_T_DATE, -1, -1, false);
	TYPE("t", SQL_T_TIME, 2, -1, false);
	TYPE("u", SQL_T_TIMETZ, -1, -1, false);
	TYPE("v", SQL_T_JSON, -1, -1, false);
	TYPE("w", SQL_T_JSONB, -1, -1, false);
	TYPE("x", SQL_T_BYTEA, -1, -1, false);
	TYPE("y", SQL_T_UUID, -1, -1, false);
	TYPE("z", SQL_T_XML, -1, -1, false);
	TYPE("aa", SQL_T_INET, -1, -1, false);
	TYPE("ab", SQL_T_OID, -1, -1, false);
	TYPE("ac", SQL_T_BIT, 4, -1, false);
	TYPE("ad", SQL_T_VARBIT, 8, -1, false);
	TYPE("ae", SQL_T_VARBIT, -1, -1, false);
	TYPE("af", SQL_T_ENUM, -1, -1, false);
	assert_int_equal(find_col(&s, "t", "af")->type.enum_id, sqlschema_find_enum(&s, 0, "Role"));
	TYPE("ag", SQL_T_ENUM, -1, -1, true);
	assert_int_equal(find_col(&s, "t", "ag")->type.enum_id, 0);
	TYPE("ah", SQL_T_TEXT, -1, -1, true);
	TYPE("ai", SQL_T_INTEGER, -1, -1, true);
	TYPE("aj", SQL_T_VARCHAR, 20, -1, true);
	TYPE("ak", SQL_T_DECIMAL, 8, 3, true);
	TYPE("al", SQL_T_UNSUPPORTED, -1, -1, false);
	assert_string_equal(find_col(&s, "t", "al")->type.unsupported, "posint");
	TYPE("am", SQL_T_UNSUPPORTED, -1, -1, false);
	assert_string_equal(find_col(&s, "t", "am")->type.unsupported, "interval");
	TYPE("an", SQL_T_UNSUPPORTED, -1, -1, true);
	assert_string_equal(find_col(&s, "t", "an")->type.unsupported, "point");
	TYPE("ao", SQL_T_UNSUPPORTED, -1, -1, false);
	assert_string_equal(find_col(&s, "t", "ao")->type.unsupported, "numeric(10,-2)");
	TYPE("ap", SQL_T_UNSUPPORTED, -1, -1, false);
	TYPE("last", SQL_T_TEXT, -1, -1, false);
#undef TYPE
	/* ordinal order */
	assert_string_equal(s.columns[s.tables[0].first_column].name, "a");
	assert_string_equal(s.columns[s.tables[0].first_column + 42].name, "last");

	sqlschema_release(&s);
	pg_close(c);
}

static void test_defaults(void **state)
{
	struct pgtest_db *db = *state;
	char *dump;

	pgtest_exec(db->url,
		    "CREATE TYPE \"Role\" AS ENUM ('USER', 'ADMIN', 'it''s');"
		    "CREATE SEQUENCE free_seq;"
		    "CREATE TABLE d ("
		    " id SERIAL, big BIGSERIAL, small SMALLSERIAL,"
		    " s1 TEXT DEFAULT 'abc', s2 VARCHAR(10) DEFAULT 'it''s', s3 CHAR(3) DEFAULT 'xy',"
		    " s4 TEXT DEFAULT '', s5 TEXT DEFAULT E'a\\\\b', s6 TEXT DEFAULT 'say \"hi\"',"
		    " n1 INTEGER DEFAULT 42, n2 INTEGER DEFAULT -1, n3 DECIMAL(65,30) DEFAULT 1.50,"
		    " n4 DECIMAL DEFAULT -1.5, n5 DOUBLE PRECISION DEFAULT -1.5,"
		    " n6 DOUBLE PRECISION DEFAULT 1e10, n7 REAL DEFAULT 0.5,"
		    " n8 BIGINT DEFAULT 9223372036854775807, n9 DOUBLE PRECISION DEFAULT 'NaN',"
		    " n10 SMALLINT DEFAULT -3, n11 DECIMAL(10,2) DEFAULT 0, n12 INTEGER DEFAULT '42',"
		    " b1 BOOLEAN DEFAULT true, b2 BOOLEAN DEFAULT false, b3 BOOLEAN DEFAULT 'yes',"
		    " e1 \"Role\" DEFAULT 'USER', e2 \"Role\" DEFAULT 'it''s',"
		    " l1 TEXT[] DEFAULT ARRAY['a', 'b c']::TEXT[], l2 TEXT[] DEFAULT '{a,\"b,c\",d}',"
		    " l3 INTEGER[] DEFAULT ARRAY[1, -2, 3]::INTEGER[], l4 TEXT[] DEFAULT ARRAY[]::TEXT[],"
		    " l5 \"Role\"[] DEFAULT ARRAY['USER', 'ADMIN']::\"Role\"[],"
		    " l6 BOOLEAN[] DEFAULT ARRAY[true, false], l7 DECIMAL(5,2)[] DEFAULT ARRAY[1.5, -2],"
		    " l8 INTEGER[] DEFAULT '{}', l9 TEXT[] DEFAULT '{a,NULL}',"
		    " l10 INTEGER[] DEFAULT '{{1,2},{3,4}}', l11 TEXT[] DEFAULT '{\"x\\\"y\"}',"
		    " t1 TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP, t2 TIMESTAMPTZ DEFAULT now(),"
		    " t3 TIMESTAMP DEFAULT '2020-01-01 00:00:00', t4 TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP(3),"
		    " t5 DATE DEFAULT CURRENT_DATE,"
		    " j1 JSONB DEFAULT '{\"a\": 1}', u1 UUID DEFAULT gen_random_uuid(),"
		    " x1 TEXT DEFAULT lower('ABC'), x2 INTEGER DEFAULT (1 + 2),"
		    " nv INTEGER DEFAULT nextval('free_seq'), none TEXT, iv INTERVAL DEFAULT '1 day')");
	dump = describe_dump(db->url, NULL, 0);

	assert_line(dump, "  column id INTEGER NOT NULL DEFAULT SEQUENCE d_id_seq autoincrement");
	assert_line(dump, "  column big BIGINT NOT NULL DEFAULT SEQUENCE d_big_seq autoincrement");
	assert_line(dump, "  column small SMALLINT NOT NULL DEFAULT SEQUENCE d_small_seq autoincrement");
	assert_line(dump, "  column s1 TEXT NULL DEFAULT STRING 'abc'");
	assert_line(dump, "  column s2 VARCHAR(10) NULL DEFAULT STRING 'it''s'");
	assert_line(dump, "  column s3 CHAR(3) NULL DEFAULT STRING 'xy'");
	assert_line(dump, "  column s4 TEXT NULL DEFAULT STRING ''");
	assert_line(dump, "  column s5 TEXT NULL DEFAULT STRING 'a\\b'");
	assert_line(dump, "  column s6 TEXT NULL DEFAULT STRING 'say \"hi\"'");
	assert_line(dump, "  column n1 INTEGER NULL DEFAULT NUMBER 42");
	assert_line(dump, "  column n2 INTEGER NULL DEFAULT NUMBER -1");
	assert_line(dump, "  column n3 DECIMAL(65,30) NULL DEFAULT NUMBER 1.5");
	assert_line(dump, "  column n4 DECIMAL NULL DEFAULT NUMBER -1.5");
	assert_line(dump, "  column n5 DOUBLE PRECISION NULL DEFAULT NUMBER -1.5");
	assert_line(dump, "  column n6 DOUBLE PRECISION NULL DEFAULT NUMBER 10000000000");
	assert_line(dump, "  column n7 REAL NULL DEFAULT NUMBER 0.5");
	assert_line(dump, "  column n8 BIGINT NULL DEFAULT NUMBER 9223372036854775807");
	assert_line(dump, "  column n9 DOUBLE PRECISION NULL DEFAULT EXPR 'NaN'::double precision");
	assert_line(dump, "  column n10 SMALLINT NULL DEFAULT NUMBER -3");
	assert_line(dump, "  column n11 DECIMAL(10,2) NULL DEFAULT NUMBER 0");
	assert_line(dump, "  column n12 INTEGER NULL DEFAULT NUMBER 42");
	assert_line(dump, "  column b1 BOOLEAN NULL DEFAULT BOOLEAN true");
	assert_line(dump, "  column b2 BOOLEAN NULL DEFAULT BOOLEAN false");
	assert_line(dump, "  column b3 BOOLEAN NULL DEFAULT BOOLEAN true");
	assert_line(dump, "  column e1 \"Role\" NULL DEFAULT ENUM USER");
	assert_line(dump, "  column e2 \"Role\" NULL DEFAULT ENUM it's");
	assert_line(dump, "  column l1 TEXT[] NULL DEFAULT LIST [STRING 'a', STRING 'b c']");
	assert_line(dump, "  column l2 TEXT[] NULL DEFAULT LIST [STRING 'a', STRING 'b,c', STRING 'd']");
	assert_line(dump, "  column l3 INTEGER[] NULL DEFAULT LIST [NUMBER 1, NUMBER -2, NUMBER 3]");
	assert_line(dump, "  column l4 TEXT[] NULL DEFAULT LIST []");
	assert_line(dump, "  column l5 \"Role\"[] NULL DEFAULT LIST [ENUM USER, ENUM ADMIN]");
	assert_line(dump, "  column l6 BOOLEAN[] NULL DEFAULT LIST [BOOLEAN true, BOOLEAN false]");
	assert_line(dump, "  column l7 DECIMAL(5,2)[] NULL DEFAULT LIST [NUMBER 1.5, NUMBER -2]");
	assert_line(dump, "  column l8 INTEGER[] NULL DEFAULT LIST []");
	assert_line(dump, "  column l9 TEXT[] NULL DEFAULT EXPR '{a,NULL}'::text[]");
	assert_line(dump, "  column l10 INTEGER[] NULL DEFAULT EXPR '{{1,2},{3,4}}'::integer[]");
	assert_line(dump, "  column l11 TEXT[] NULL DEFAULT LIST [STRING 'x\"y']");
	assert_line(dump, "  column t1 TIMESTAMP(3) NULL DEFAULT NOW");
	assert_line(dump, "  column t2 TIMESTAMPTZ NULL DEFAULT NOW");
	assert_line(dump, "  column t3 TIMESTAMP NULL DEFAULT STRING '2020-01-01 00:00:00'");
	assert_line(dump, "  column t4 TIMESTAMP(3) NULL DEFAULT EXPR CURRENT_TIMESTAMP(3)");
	assert_line(dump, "  column t5 DATE NULL DEFAULT EXPR CURRENT_DATE");
	assert_line(dump, "  column j1 JSONB NULL DEFAULT STRING '{\"a\": 1}'");
	assert_line(dump, "  column u1 UUID NULL DEFAULT EXPR gen_random_uuid()");
	assert_line(dump, "  column x1 TEXT NULL DEFAULT EXPR lower('ABC'::text)");
	assert_line(dump, "  column x2 INTEGER NULL DEFAULT EXPR (1 + 2)");
	/* nextval of a sequence the column does not own is an expression, not autoincrement */
	assert_line(dump, "  column nv INTEGER NULL DEFAULT EXPR nextval('free_seq'::regclass)");
	assert_line(dump, "  column none TEXT NULL");
	assert_line(dump, "  column iv interval NULL DEFAULT EXPR '1 day'::interval");
	free(dump);
}

/* pg_parse_default on texts PostgreSQL could print, directly. */
static void check_default(enum sql_ptype t, bool array, const char *expr, const char *owned,
			  enum sql_default_kind kind, const char *value, uint32_t nitems)
{
	struct sqlschema s;
	struct sql_column col = { 0 };

	sqlschema_init(&s);
	col.type.ptype = t;
	col.type.array = array;
	pg_parse_default(&s, &col, expr, owned);
	if (col.dflt.kind != kind)
		fail_msg("%s: kind %s, want %s", expr ? expr : "(null)",
			 sql_default_kind_name(col.dflt.kind), sql_default_kind_name(kind));
	if (value) {
		assert_non_null(col.dflt.value);
		assert_string_equal(col.dflt.value, value);
	}
	if (kind == SQL_DEFAULT_LIST)
		assert_int_equal(col.dflt.nitems, nitems);
	assert_int_equal(col.autoincrement, kind == SQL_DEFAULT_SEQUENCE);
	sqlschema_release(&s);
}

static void test_parse_default(void **state)
{
	(void)state;
	check_default(SQL_T_TEXT, false, NULL, NULL, SQL_DEFAULT_NONE, NULL, 0);
	check_default(SQL_T_TEXT, false, "  ", NULL, SQL_DEFAULT_NONE, NULL, 0);
	check_default(SQL_T_INTEGER, false, "nextval('x_seq'::regclass)", "x_seq",
		      SQL_DEFAULT_SEQUENCE, "x_seq", 0);
	check_default(SQL_T_INTEGER, false, "nextval('\"My_seq\"'::regclass)", "My_seq",
		      SQL_DEFAULT_SEQUENCE, "My_seq", 0);
	check_default(SQL_T_INTEGER, false, "nextval('ops.\"Crew_id_seq\"'::regclass)",
		      "Crew_id_seq", SQL_DEFAULT_SEQUENCE, "Crew_id_seq", 0);
	check_default(SQL_T_INTEGER, false, "nextval('\"a.b\"'::regclass)", "a.b",
		      SQL_DEFAULT_SEQUENCE, "a.b", 0);
	check_default(SQL_T_INTEGER, false, "nextval('x_seq'::regclass)", NULL, SQL_DEFAULT_EXPR,
		      "nextval('x_seq'::regclass)", 0);
	check_default(SQL_T_INTEGER, false, "nextval('y_seq'::regclass)", "x_seq",
		      SQL_DEFAULT_EXPR, NULL, 0);
	check_default(SQL_T_TIMESTAMP, false, "CURRENT_TIMESTAMP", NULL, SQL_DEFAULT_NOW, NULL, 0);
	check_default(SQL_T_TIMESTAMP, false, "now()", NULL, SQL_DEFAULT_NOW, NULL, 0);
	check_default(SQL_T_TEXT, false, "'it''s'::text", NULL, SQL_DEFAULT_STRING, "it's", 0);
	check_default(SQL_T_TEXT, false, "E'a\\nb\\\\c\\''::text", NULL, SQL_DEFAULT_STRING,
		      "a\nb\\c'", 0);
	check_default(SQL_T_VARCHAR, false, "'x'::character varying", NULL, SQL_DEFAULT_STRING,
		      "x", 0);
	check_default(SQL_T_DECIMAL, false, "'42'::numeric", NULL, SQL_DEFAULT_NUMBER, "42", 0);
	check_default(SQL_T_DECIMAL, false, "'-1.50'::numeric", NULL, SQL_DEFAULT_NUMBER, "-1.5", 0);
	check_default(SQL_T_DOUBLE, false, "(-1.5)", NULL, SQL_DEFAULT_NUMBER, "-1.5", 0);
	check_default(SQL_T_INTEGER, false, "('-1'::integer)::bigint", NULL, SQL_DEFAULT_NUMBER,
		      "-1", 0);
	check_default(SQL_T_INTEGER, false, "42", NULL, SQL_DEFAULT_NUMBER, "42", 0);
	check_default(SQL_T_INTEGER, false, "4 + 2", NULL, SQL_DEFAULT_EXPR, "4 + 2", 0);
	check_default(SQL_T_BOOLEAN, false, "true", NULL, SQL_DEFAULT_BOOLEAN, "true", 0);
	check_default(SQL_T_BOOLEAN, false, "FALSE", NULL, SQL_DEFAULT_BOOLEAN, "false", 0);
	check_default(SQL_T_BOOLEAN, false, "'f'::boolean", NULL, SQL_DEFAULT_BOOLEAN, "false", 0);
	check_default(SQL_T_BOOLEAN, false, "'maybe'::boolean", NULL, SQL_DEFAULT_EXPR, NULL, 0);
	check_default(SQL_T_BOOLEAN, false, "true_fn()", NULL, SQL_DEFAULT_EXPR, "true_fn()", 0);
	check_default(SQL_T_ENUM, false, "'USER'::\"Role\"", NULL, SQL_DEFAULT_ENUM, "USER", 0);
	check_default(SQL_T_ENUM, false, "'USER'::other.\"Role\"", NULL, SQL_DEFAULT_ENUM, "USER", 0);
	check_default(SQL_T_TEXT, true, "'{a,b}'::text[]", NULL, SQL_DEFAULT_LIST, NULL, 2);
	check_default(SQL_T_TEXT, true, "'{ a , \"b\" }'::text[]", NULL, SQL_DEFAULT_LIST, NULL, 2);
	check_default(SQL_T_TEXT, true, "ARRAY['a'::text]", NULL, SQL_DEFAULT_LIST, NULL, 1);
	check_default(SQL_T_TEXT, true, "ARRAY[]::text[]", NULL, SQL_DEFAULT_LIST, NULL, 0);
	check_default(SQL_T_INTEGER, true, "'{1,x}'::integer[]", NULL, SQL_DEFAULT_EXPR, NULL, 0);
	check_default(SQL_T_TEXT, true, "ARRAY[lower('A'::text)]", NULL, SQL_DEFAULT_EXPR, NULL, 0);
	check_default(SQL_T_TEXT, true, "'{a,b'::text[]", NULL, SQL_DEFAULT_EXPR, NULL, 0);
	check_default(SQL_T_TEXT, false, "'unterminated", NULL, SQL_DEFAULT_EXPR, NULL, 0);
	check_default(SQL_T_TEXT, false, "'a'::text || 'b'::text", NULL, SQL_DEFAULT_EXPR, NULL, 0);
	check_default(SQL_T_UNSUPPORTED, false, "'1 day'::interval", NULL, SQL_DEFAULT_EXPR,
		      "'1 day'::interval", 0);
	check_default(SQL_T_UNSUPPORTED, true, "'{}'::point[]", NULL, SQL_DEFAULT_EXPR, NULL, 0);
}

static void test_identity_generated_comments(void **state)
{
	struct pgtest_db *db = *state;
	char *dump;

	pgtest_exec(db->url,
		    "CREATE TABLE g (a INTEGER GENERATED BY DEFAULT AS IDENTITY,"
		    " b BIGINT GENERATED ALWAYS AS IDENTITY, c INTEGER DEFAULT 1,"
		    " d INTEGER GENERATED ALWAYS AS (c * 2) STORED, e TEXT);"
		    "COMMENT ON TABLE g IS 'the g table';"
		    "COMMENT ON COLUMN g.e IS 'about e'");
	dump = describe_dump(db->url, NULL, 0);
	assert_line(dump, "table public.g -- the g table");
	assert_line(dump, "  column a INTEGER NOT NULL autoincrement identity");
	assert_line(dump, "  column b BIGINT NOT NULL autoincrement identity");
	assert_line(dump, "  column d INTEGER NULL generated ((c * 2))");
	assert_line(dump, "  column e TEXT NULL -- about e");
	assert_line(dump, "sequence public.g_a_seq owned by g.a");
	assert_line(dump, "sequence public.g_b_seq owned by g.b");
	free(dump);
}

static void test_indexes(void **state)
{
	struct pgtest_db *db = *state;
	char *dump;

	pgtest_exec(db->url,
		    "CREATE EXTENSION pg_trgm;"
		    "CREATE TABLE \"T\" (id INTEGER NOT NULL, a TEXT NOT NULL, b INTEGER NOT NULL,"
		    " c JSONB, d VARCHAR(50), e TEXT COLLATE \"C\", f TEXT,"
		    " CONSTRAINT \"T_pkey\" PRIMARY KEY (id),"
		    " CONSTRAINT \"T_a_b_uq\" UNIQUE (a, b));"
		    "CREATE UNIQUE INDEX \"T_b_key\" ON \"T\"(b);"
		    "CREATE INDEX \"T_b_a_idx\" ON \"T\"(b DESC, a);"
		    "CREATE INDEX \"T_c_idx\" ON \"T\" USING GIN (c jsonb_path_ops);"
		    "CREATE INDEX \"T_c2_idx\" ON \"T\" USING GIN (c);"
		    "CREATE INDEX \"T_a_hash\" ON \"T\" USING HASH (a);"
		    "CREATE INDEX \"T_b_brin\" ON \"T\" USING BRIN (b);"
		    "CREATE INDEX \"T_d_pattern\" ON \"T\"(d varchar_pattern_ops);"
		    "CREATE INDEX \"T_a_trgm\" ON \"T\" USING GIST (a gist_trgm_ops);"
		    "CREATE INDEX \"T_f_spgist\" ON \"T\" USING SPGIST (f);"
		    "CREATE INDEX \"T_lower_idx\" ON \"T\"(lower(a));"
		    "CREATE INDEX \"T_partial_idx\" ON \"T\"(b) WHERE b > 0;"
		    "CREATE INDEX \"T_incl_idx\" ON \"T\"(b) INCLUDE (a);"
		    "CREATE INDEX \"T_nulls_idx\" ON \"T\"(b NULLS FIRST);"
		    "CREATE INDEX \"T_descnl_idx\" ON \"T\"(b DESC NULLS LAST);"
		    "CREATE INDEX \"T_coll_idx\" ON \"T\"(a COLLATE \"C\");"
		    "CREATE INDEX \"T_e_idx\" ON \"T\"(e);"
		    "CREATE INDEX \"T_mixed_idx\" ON \"T\"(a, lower(f), b);"
		    "CREATE TABLE ex (r int4range, EXCLUDE USING gist (r WITH &&))");
	dump = describe_dump(db->url, NULL, 0);
	assert_line(dump, "  index T_pkey PRIMARY BTREE (id) constraint");
	assert_line(dump, "  index T_a_b_uq UNIQUE BTREE (a, b) constraint");
	assert_line(dump, "  index T_b_key UNIQUE BTREE (b)");
	assert_line(dump, "  index T_b_a_idx NORMAL BTREE (b DESC, a)");
	assert_line(dump, "  index T_c_idx NORMAL GIN (c jsonb_path_ops)");
	assert_line(dump, "  index T_c2_idx NORMAL GIN (c)");
	assert_line(dump, "  index T_a_hash NORMAL HASH (a)");
	assert_line(dump, "  index T_b_brin NORMAL BRIN (b)");
	assert_line(dump, "  index T_d_pattern NORMAL BTREE (d varchar_pattern_ops)");
	assert_line(dump, "  index T_a_trgm NORMAL GIST (a gist_trgm_ops)");
	assert_line(dump, "  index T_f_spgist NORMAL SPGIST (f)");
	assert_line(dump, "  index T_e_idx NORMAL BTREE (e)");
	assert_line(dump, "  index T_lower_idx NORMAL BTREE () unsupported: "
		    "CREATE INDEX \"T_lower_idx\" ON public.\"T\" USING btree (lower(a))");
	assert_line(dump, "  index T_partial_idx NORMAL BTREE (b) unsupported: "
		    "CREATE INDEX \"T_partial_idx\" ON public.\"T\" USING btree (b) WHERE (b > 0)");
	assert_line(dump, "  index T_incl_idx NORMAL BTREE (b) unsupported: "
		    "CREATE INDEX \"T_incl_idx\" ON public.\"T\" USING btree (b) INCLUDE (a)");
	assert_line(dump, "  index T_nulls_idx NORMAL BTREE (b) unsupported: "
		    "CREATE INDEX \"T_nulls_idx\" ON public.\"T\" USING btree (b NULLS FIRST)");
	assert_line(dump, "  index T_descnl_idx NORMAL BTREE (b DESC) unsupported: "
		    "CREATE INDEX \"T_descnl_idx\" ON public.\"T\" USING btree (b DESC NULLS LAST)");
	assert_line(dump, "  index T_coll_idx NORMAL BTREE (a) unsupported: "
		    "CREATE INDEX \"T_coll_idx\" ON public.\"T\" USING btree (a COLLATE \"C\")");
	assert_line(dump, "  index T_mixed_idx NORMAL BTREE (a, b) unsupported: "
		    "CREATE INDEX \"T_mixed_idx\" ON public.\"T\" USING btree (a, lower(f), b)");
	assert_line(dump, "  index ex_r_excl NORMAL GIST (r) unsupported: "
		    "CREATE INDEX ex_r_excl ON public.ex USING gist (r)");
	assert_non_null(strstr(dump, "\nextension pg_trgm ")); /* version: the server's */
	free(dump);
}

static void test_foreign_keys(void **state)
{
	struct pgtest_db *db = *state;
	struct pg_conn *c;
	struct sqlschema s;
	struct mesdb_err err = MESDB_ERR_INIT;
	const struct sql_foreign_key *fk;
	uint32_t child, r, id;
	static const char *const both[] = { "public", "other" };
	char *dump;

	pgtest_exec(db->url,
		    "CREATE SCHEMA other;"
		    "CREATE TABLE other.r (x INTEGER, y INTEGER, PRIMARY KEY (x, y));"
		    "CREATE TABLE p (id INTEGER PRIMARY KEY);"
		    "CREATE TABLE child (id SERIAL PRIMARY KEY, y INTEGER, x INTEGER,"
		    " pid INTEGER REFERENCES p(id) ON DELETE SET DEFAULT ON UPDATE NO ACTION,"
		    " pid2 INTEGER, self INTEGER);"
		    "ALTER TABLE child ADD CONSTRAINT child_xy_fkey FOREIGN KEY (y, x)"
		    " REFERENCES other.r(y, x) ON DELETE RESTRICT ON UPDATE CASCADE;"
		    "ALTER TABLE child ADD CONSTRAINT child_pid2_fkey FOREIGN KEY (pid2)"
		    " REFERENCES p(id) ON DELETE SET NULL;"
		    "ALTER TABLE child ADD CONSTRAINT child_self_fkey FOREIGN KEY (self)"
		    " REFERENCES child(id) ON DELETE CASCADE ON UPDATE RESTRICT;"
		    "CREATE TABLE part (id INTEGER, pid INTEGER REFERENCES p(id)) PARTITION BY RANGE (id);"
		    "CREATE TABLE part_1 PARTITION OF part FOR VALUES FROM (0) TO (10)");

	/* only public: the key to other.r is left out, the rest is there */
	dump = describe_dump(db->url, NULL, 0);
	assert_line(dump, "  fk child_pid_fkey (pid) -> public.p (id) ON DELETE SET DEFAULT ON UPDATE NO ACTION");
	assert_line(dump, "  fk child_pid2_fkey (pid2) -> public.p (id) ON DELETE SET NULL ON UPDATE NO ACTION");
	assert_line(dump, "  fk child_self_fkey (self) -> public.child (id) ON DELETE CASCADE ON UPDATE RESTRICT");
	assert_line(dump, "table public.part partitioned");
	assert_line(dump, "  fk part_pid_fkey (pid) -> public.p (id) ON DELETE NO ACTION ON UPDATE NO ACTION");
	assert_no_line(dump, "  fk child_xy_fkey");
	assert_no_line(dump, "table public.part_1");
	free(dump);

	/* both schemas: column pairs in constraint order, not table order */
	c = connect_ok(db->url);
	sqlschema_init(&s);
	if (pg_describe(c, both, 2, &s, &err) < 0)
		fail_err("pg_describe", &err);
	assert_int_equal(s.nnamespaces, 2);
	child = sqlschema_find_table(&s, 0, "child");
	r = sqlschema_find_table(&s, 1, "r");
	assert_int_not_equal(child, SQL_NONE);
	assert_int_not_equal(r, SQL_NONE);
	id = sqlschema_find_fk(&s, child, "child_xy_fkey");
	assert_int_not_equal(id, SQL_NONE);
	fk = &s.fks[id];
	assert_int_equal(fk->referenced_table_id, r);
	assert_int_equal(fk->ncolumns, 2);
	assert_string_equal(s.columns[fk->columns[0]].name, "y");
	assert_string_equal(s.columns[fk->columns[1]].name, "x");
	assert_string_equal(s.columns[fk->referenced_columns[0]].name, "y");
	assert_string_equal(s.columns[fk->referenced_columns[1]].name, "x");
	assert_int_equal(fk->on_delete, SQL_ACTION_RESTRICT);
	assert_int_equal(fk->on_update, SQL_ACTION_CASCADE);
	assert_int_equal(s.tables[r].namespace_id, 1);
	assert_int_not_equal(sqlschema_table_pk(&s, r), SQL_NONE);
	sqlschema_release(&s);
	pg_close(c);
}

static void test_enums_views_sequences(void **state)
{
	struct pgtest_db *db = *state;
	char *dump;

	pgtest_exec(db->url,
		    "CREATE TYPE \"Status\" AS ENUM ('B', 'A');"
		    "ALTER TYPE \"Status\" ADD VALUE 'C' BEFORE 'A';"
		    "CREATE TYPE empty_enum AS ENUM ();"
		    "CREATE TABLE t (id INTEGER, s \"Status\");"
		    "CREATE VIEW v AS SELECT id FROM t;"
		    "CREATE VIEW w AS SELECT s, ARRAY[s] AS ss, 1.5::NUMERIC(4,2) AS d, 'x'::VARCHAR(3) AS c"
		    " FROM t;"
		    "CREATE MATERIALIZED VIEW mv AS SELECT count(*) AS n FROM t;"
		    "CREATE SEQUENCE lone_seq;"
		    "CREATE SEQUENCE owned_seq OWNED BY t.id;"
		    "CREATE EXTENSION citext;"
		    "CREATE TABLE _prisma_migrations (id VARCHAR(36) PRIMARY KEY NOT NULL,"
		    " checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ,"
		    " migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ,"
		    " started_at TIMESTAMPTZ NOT NULL DEFAULT now(),"
		    " applied_steps_count INTEGER NOT NULL DEFAULT 0)");
	dump = describe_dump(db->url, NULL, 0);
	assert_line(dump, "enum public.Status: B, C, A");
	assert_line(dump, "enum public.empty_enum:");
	/* the columns of plain views (for db pull): nullable, in order */
	assert_line(dump, "view public.v:  SELECT t.id\n   FROM t;\n  column id INTEGER NULL");
	assert_non_null(strstr(dump, "\n  column s \"Status\" NULL\n  column ss \"Status\"[] NULL\n"
				     "  column d DECIMAL(4,2) NULL\n  column c VARCHAR(3) NULL\n"));
	assert_line(dump, "view public.mv materialized:  SELECT count(*) AS n\n   FROM t;");
	assert_no_line(dump, "  column n ");
	assert_line(dump, "sequence public.lone_seq");
	assert_line(dump, "sequence public.owned_seq owned by t.id");
	assert_non_null(strstr(dump, "\nextension citext "));
	assert_non_null(strstr(dump, "\nextension plpgsql "));
	/* described like any table: the differ ignores it */
	assert_line(dump, "table public._prisma_migrations");
	assert_line(dump, "  column started_at TIMESTAMPTZ NOT NULL DEFAULT NOW");
	/* citext's own objects are not described */
	assert_no_line(dump, "enum public.citext");
	free(dump);
}

static void test_schemas(void **state)
{
	struct pgtest_db *db = *state;
	static const char *const order[] = { "zeta", "missing", "alpha" };
	struct strbuf url = STRBUF_INIT;
	struct pg_conn *c;
	char *dump, *v;

	pgtest_exec(db->url,
		    "CREATE SCHEMA zeta; CREATE SCHEMA alpha;"
		    "CREATE TABLE zeta.z (id INTEGER); CREATE TABLE alpha.a (id INTEGER);"
		    "CREATE TABLE public.p (id INTEGER)");
	dump = describe_dump(db->url, order, 3);
	/* in the order asked, a missing schema left out */
	assert_string_equal(strstr(dump, "namespace") == dump ? "" : "x", "");
	assert_non_null(strstr(dump, "namespace zeta\nnamespace alpha\n"));
	assert_no_line(dump, "namespace missing");
	assert_no_line(dump, "table public.p");
	assert_true(strstr(dump, "table zeta.z") < strstr(dump, "table alpha.a"));
	free(dump);

	/* no schemas named: the URL's schema parameter, which also sets the search_path */
	strbuf_addf(&url, "%s?schema=alpha&connection_limit=3&pool_timeout=2&pgbouncer=false"
		    "&statement_cache_size=0&sslmode=disable", db->url);
	c = connect_ok(url.buf);
	assert_string_equal(pg_conn_schema(c), "alpha");
	v = value_of(c, "SELECT current_schema()");
	assert_string_equal(v, "alpha");
	free(v);
	pg_close(c);
	dump = describe_dump(url.buf, NULL, 0);
	assert_non_null(strstr(dump, "namespace alpha\ntable alpha.a\n"));
	assert_no_line(dump, "namespace zeta");
	free(dump);

	/* a quoted-looking schema name is only a name */
	strbuf_reset(&url);
	strbuf_addf(&url, "%s?schema=My%%20Schema", db->url);
	pgtest_exec(db->url, "CREATE SCHEMA \"My Schema\"; CREATE TABLE \"My Schema\".t (id INTEGER)");
	dump = describe_dump(url.buf, NULL, 0);
	assert_non_null(strstr(dump, "namespace My Schema\ntable My Schema.t\n"));
	free(dump);

	/*
	 * The search_path travels in the startup packet (a space, a double quote,
	 * a backslash escaped); with options of the URL's own, or a name that is
	 * not plain ASCII, a query sets it: the same schema either way.
	 */
	pgtest_exec(db->url, "CREATE SCHEMA \"a \"\"b\\c\"; CREATE SCHEMA \"\xc3\x9cn\"");
	{
		static const char *const tails[][2] = {
			{ "?schema=a%20%22b%5Cc", "a \"b\\c" },
			{ "?schema=a%20%22b%5Cc&options=-c%20work_mem%3D8MB", "a \"b\\c" },
			{ "?schema=%C3%9Cn", "\xc3\x9cn" },
			{ "?schema=alpha&options=-c%20work_mem%3D8MB", "alpha" },
		};
		for (size_t i = 0; i < sizeof(tails) / sizeof(tails[0]); i++) {
			strbuf_reset(&url);
			strbuf_addf(&url, "%s%s", db->url, tails[i][0]);
			c = connect_ok(url.buf);
			assert_string_equal(pg_conn_schema(c), tails[i][1]);
			v = value_of(c, "SELECT current_schema()");
			assert_string_equal(v, tails[i][1]);
			free(v);
			if (strstr(tails[i][0], "options=")) {
				v = value_of(c, "SHOW work_mem");
				assert_string_equal(v, "8MB");
				free(v);
			}
			pg_close(c);
		}
	}
	strbuf_release(&url);
}

/* The two halves, with what a diff does not need left out. */
static void test_describe_start_finish(void **state)
{
	struct pgtest_db *db = *state;
	struct pg_conn *c = connect_ok(db->url);
	struct mesdb_err err = MESDB_ERR_INIT;
	struct pg_describe_job *job;
	struct sqlschema s;

	pgtest_exec(db->url, "CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT); "
		    "COMMENT ON TABLE t IS 'tt'; COMMENT ON COLUMN t.x IS 'xx'; "
		    "CREATE VIEW v AS SELECT id FROM t");
	sqlschema_init(&s);
	if (pg_describe_start(c, NULL, 0, PG_DESCRIBE_NO_VIEWS | PG_DESCRIBE_NO_COMMENTS, &job,
			      &err) < 0 ||
	    pg_describe_finish(job, &s, &err) < 0)
		fail_err("describe", &err);
	assert_int_equal(s.ntables, 1);
	assert_int_equal(s.ncolumns, 2);
	assert_int_equal(s.nindexes, 1);
	assert_int_equal(s.nviews, 0);
	assert_null(s.tables[0].description);
	assert_null(s.columns[1].description);
	assert_false(pg_in_transaction(c));
	sqlschema_release(&s);

	/* everything; and a started job dropped leaves the connection usable */
	sqlschema_init(&s);
	if (pg_describe_start(c, NULL, 0, 0, &job, &err) < 0 || pg_describe_finish(job, &s, &err) < 0)
		fail_err("describe", &err);
	assert_int_equal(s.nviews, 1);
	assert_int_equal(s.nview_columns, 1);
	assert_string_equal(s.tables[0].description, "tt");
	assert_string_equal(s.columns[1].description, "xx");
	sqlschema_release(&s);
	if (pg_describe_start(c, NULL, 0, 0, &job, &err) < 0)
		fail_err("describe", &err);
	pg_describe_cancel(job);
	assert_false(pg_in_transaction(c));
	exec_ok(c, "SELECT 1");
	pg_close(c);
}

/* Inside a caller's transaction describe uses it (and sees its uncommitted tables). */
static void test_describe_in_transaction(void **state)
{
	struct pgtest_db *db = *state;
	struct pg_conn *c = connect_ok(db->url);
	struct mesdb_err err = MESDB_ERR_INIT;
	struct sqlschema s;

	if (pg_begin(c, &err) < 0)
		fail_err("begin", &err);
	exec_ok(c, "CREATE TABLE scratch (id INTEGER PRIMARY KEY)");
	sqlschema_init(&s);
	if (pg_describe(c, NULL, 0, &s, &err) < 0)
		fail_err("pg_describe", &err);
	assert_int_equal(s.ntables, 1);
	assert_true(pg_in_transaction(c));
	sqlschema_release(&s);
	if (pg_rollback(c, &err) < 0)
		fail_err("rollback", &err);
	assert_false(pg_in_transaction(c));

	sqlschema_init(&s);
	if (pg_describe(c, NULL, 0, &s, &err) < 0)
		fail_err("pg_describe", &err);
	assert_int_equal(s.ntables, 0);
	assert_int_equal(s.nnamespaces, 1);
	assert_false(pg_in_transaction(c));
	sqlschema_release(&s);

	/* an aborted transaction: describe fails with the server's message */
	if (pg_begin(c, &err) < 0)
		fail_err("begin", &err);
	assert_int_equal(pg_exec(c, "SELECT 1/0", NULL, &err), -1);
	mesdb_err_release(&err);
	sqlschema_init(&s);
	assert_int_equal(pg_describe(c, NULL, 0, &s, &err), -1);
	assert_int_equal(err.status, MESDB_E_QUERY);
	assert_string_equal(err.sqlstate, "25P02");
	assert_non_null(strstr(err.message, "could not describe the database: "));
	mesdb_err_release(&err);
	sqlschema_release(&s);
	assert_int_equal(pg_rollback(c, &err), 0);
	pg_close(c);
}

/* ---- connections ---- */

/* A TCP port on 127.0.0.1 that nothing listens on (bound, then closed). */
static int closed_port(void)
{
	struct sockaddr_in a = { 0 };
	socklen_t len = sizeof(a);
	int fd = socket(AF_INET, SOCK_STREAM, 0), port;

	assert_true(fd >= 0);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
	port = ntohs(a.sin_port);
	close(fd);
	return port;
}

static void assert_no_secret(const struct mesdb_err *err, const char *secret)
{
	if ((err->message && strstr(err->message, secret)) ||
	    (err->detail && strstr(err->detail, secret)) || (err->hint && strstr(err->hint, secret)))
		fail_err("the password leaked into the error", err);
}

static void test_connect_refused(void **state)
{
	struct pg_conn *c = NULL;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct strbuf url = STRBUF_INIT, want = STRBUF_INIT;
	int port = closed_port();

	(void)state;
	strbuf_addf(&url, "postgresql://mes_user:Secr3tPassw0rd@127.0.0.1:%d/mes_db?schema=x", port);
	assert_int_equal(pg_connect(&c, url.buf, 5, &err), -1);
	assert_null(c);
	assert_int_equal(err.status, MESDB_E_CONNECT);
	strbuf_addf(&want, "could not connect to database \"mes_db\" at 127.0.0.1:%d", port);
	assert_string_equal(err.message, want.buf);
	assert_string_equal(err.code, "P1001");
	assert_non_null(err.detail);
	assert_non_null(strstr(err.detail, "refused"));
	assert_non_null(err.hint);
	assert_no_secret(&err, "Secr3tPassw0rd");
	mesdb_err_release(&err);

	/* the same with a key=value conninfo */
	strbuf_reset(&url);
	strbuf_addf(&url, "host=127.0.0.1 port=%d dbname=other user=u password=Secr3tPassw0rd", port);
	assert_int_equal(pg_connect(&c, url.buf, 5, &err), -1);
	assert_int_equal(err.status, MESDB_E_CONNECT);
	assert_non_null(strstr(err.message, "\"other\""));
	assert_no_secret(&err, "Secr3tPassw0rd");
	mesdb_err_release(&err);
	strbuf_release(&url);
	strbuf_release(&want);
}

static void test_connect_no_database(void **state)
{
	struct pg_conn *c = NULL;
	struct mesdb_err err = MESDB_ERR_INIT;
	char *url = pgtest_db_url("mesdb_no_such_database");

	(void)state;
	assert_int_equal(pg_connect(&c, url, 5, &err), -1);
	assert_int_equal(err.status, MESDB_E_CONNECT);
	assert_non_null(strstr(err.message, "\"mesdb_no_such_database\""));
	assert_string_equal(err.code, "P1003");
	assert_non_null(strstr(err.detail, "does not exist"));
	mesdb_err_release(&err);
	free(url);
}

/* A server that accepts TCP connections and never answers: the timeout ends the wait. */
static void test_connect_timeout(void **state)
{
	struct sockaddr_in a = { 0 };
	socklen_t len = sizeof(a);
	struct pg_conn *c = NULL;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct strbuf url = STRBUF_INIT;
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	double t0, ms;

	(void)state;
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	assert_int_equal(listen(fd, 8), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
	strbuf_addf(&url, "postgresql://u:pw@127.0.0.1:%d/slow", ntohs(a.sin_port));

	t0 = now_ms();
	assert_int_equal(pg_connect(&c, url.buf, 1, &err), -1);
	ms = now_ms() - t0;
	assert_int_equal(err.status, MESDB_E_CONNECT);
	assert_non_null(strstr(err.detail, "timeout expired"));
	assert_string_equal(err.code, "P1001");
	assert_true(ms >= 900 && ms < 3000);
	mesdb_err_release(&err);

	/* the URL's connect_timeout wins over the caller's */
	strbuf_addstr(&url, "?connect_timeout=1");
	t0 = now_ms();
	assert_int_equal(pg_connect(&c, url.buf, 30, &err), -1);
	ms = now_ms() - t0;
	assert_true(ms >= 900 && ms < 3000);
	mesdb_err_release(&err);
	close(fd);
	strbuf_release(&url);
}

static void test_invalid_url(void **state)
{
	struct pg_conn *c = NULL;
	struct mesdb_err err = MESDB_ERR_INIT;

	(void)state;
	assert_int_equal(pg_connect(&c, "postgresql://u:Secr3t%zz@127.0.0.1:5432/db", 5, &err), -1);
	assert_int_equal(err.status, MESDB_E_CONFIG);
	assert_string_equal(err.message, "invalid database URL \"postgresql://u:****@127.0.0.1:5432/db\"");
	assert_no_secret(&err, "Secr3t");
	mesdb_err_release(&err);

	assert_int_equal(pg_connect(&c, "host=x port=1 nonsense", 5, &err), -1);
	assert_int_equal(err.status, MESDB_E_CONFIG);
	mesdb_err_release(&err);
}

static void check_mask(const char *in, const char *want)
{
	struct strbuf sb = STRBUF_INIT;
	pg_url_mask(&sb, in);
	if (strcmp(sb.buf, want))
		fail_msg("pg_url_mask(\"%s\") = \"%s\", want \"%s\"", in, sb.buf, want);
	strbuf_release(&sb);
}

static void test_url_mask(void **state)
{
	(void)state;
	check_mask("postgresql://mes_auth_user:mes_auth_password_dev@localhost:5432/mes_auth_db",
		   "postgresql://mes_auth_user:****@localhost:5432/mes_auth_db");
	check_mask("postgres://u:p%40ss@h/db?schema=public&password=x&sslmode=require",
		   "postgres://u:****@h/db?schema=public&password=****&sslmode=require");
	check_mask("postgresql://u@h:5432/db", "postgresql://u@h:5432/db");
	check_mask("postgresql://h/db", "postgresql://h/db");
	check_mask("postgresql://u:p@ss@h/db", "postgresql://u:****@h/db");
	check_mask("postgresql://u:@h/db", "postgresql://u:****@h/db");
	check_mask("postgresql://u:pa/ss?x@h/db?schema=s", "postgresql://u:****@h/db?schema=s");
	check_mask("host=h user=u password=secret dbname=d", "host=h user=u password=**** dbname=d");
	check_mask("host=h password = 'sec ret\\'x' dbname=d", "host=h password = **** dbname=d");
	check_mask("password=secret", "password=****");
	check_mask("", "");
}

/* ---- queries ---- */

static void test_query_errors(void **state)
{
	struct pgtest_db *db = *state;
	struct pg_conn *c = connect_ok(db->url);
	struct mesdb_err err = MESDB_ERR_INIT;
	uint32_t line, col;

	/* syntax error: SQLSTATE and the position as line/column of the text sent */
	assert_int_equal(pg_exec(c, "SELECT 1;\nCREAT TABLE x (id int);", NULL, &err), -1);
	assert_int_equal(err.status, MESDB_E_QUERY);
	assert_string_equal(err.sqlstate, "42601");
	assert_string_equal(err.message, "syntax error at or near \"CREAT\"");
	assert_non_null(err.detail);
	assert_string_equal(err.detail, "at line 2, column 1: CREAT TABLE x (id int);");
	pg_last_error_position(c, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 1);
	mesdb_err_release(&err);

	/* columns count characters, not bytes */
	assert_int_equal(pg_exec(c, "SELECT 'é', nosuchcol", NULL, &err), -1);
	assert_string_equal(err.sqlstate, "42703");
	assert_string_equal(err.detail, "at line 1, column 13: SELECT 'é', nosuchcol");
	mesdb_err_release(&err);

	/* detail from the server */
	exec_ok(c, "CREATE TABLE u (id INTEGER PRIMARY KEY); INSERT INTO u VALUES (1)");
	assert_int_equal(pg_exec(c, "INSERT INTO u VALUES (1)", NULL, &err), -1);
	assert_string_equal(err.sqlstate, "23505");
	assert_string_equal(err.message,
			    "duplicate key value violates unique constraint \"u_pkey\"");
	assert_string_equal(err.detail, "Key (id)=(1) already exists.");
	assert_null(err.hint);
	mesdb_err_release(&err);

	/* hint from the server */
	assert_int_equal(pg_exec(c, "SELECT no_such_fn(1)", NULL, &err), -1);
	assert_string_equal(err.sqlstate, "42883");
	assert_non_null(err.hint);
	assert_non_null(strstr(err.hint, "No function matches"));
	mesdb_err_release(&err);

	/* context of an error raised in PL/pgSQL */
	assert_int_equal(pg_exec(c, "DO $$ BEGIN RAISE EXCEPTION 'boom %', 42"
				 " USING HINT = 'defuse it', ERRCODE = 'P0001'; END $$", NULL, &err), -1);
	assert_string_equal(err.message, "boom 42");
	assert_string_equal(err.sqlstate, "P0001");
	assert_string_equal(err.hint, "defuse it");
	assert_non_null(strstr(err.detail, "context: PL/pgSQL function inline_code_block"));
	mesdb_err_release(&err);

	/* exec_params reports the same way */
	{
		const char *params[1] = { "x" };
		assert_int_equal(pg_exec_params(c, "SELECT $1::integer", 1, params, NULL, &err), -1);
		assert_string_equal(err.sqlstate, "22P02");
		mesdb_err_release(&err);
	}
	pg_close(c);
}

static void test_exec_params_and_results(void **state)
{
	struct pgtest_db *db = *state;
	struct pg_conn *c = connect_ok(db->url);
	struct mesdb_err err = MESDB_ERR_INIT;
	struct pg_result *r = NULL;
	struct strbuf arr = STRBUF_INIT;
	static const char *const items[] = { "a", "b \"c\"", "d\\e", "{x,y}", NULL };
	const char *params[2];

	pg_array_literal(&arr, items, 5);
	assert_string_equal(arr.buf, "{\"a\",\"b \\\"c\\\"\",\"d\\\\e\",\"{x,y}\",NULL}");
	params[0] = arr.buf;
	params[1] = NULL;
	if (pg_exec_params(c,
			   "SELECT u.v AS item, u.o AS ord, $2::text AS nothing"
			   " FROM unnest($1::text[]) WITH ORDINALITY AS u(v, o) ORDER BY u.o",
			   2, params, &r, &err) < 0)
		fail_err("exec_params", &err);
	assert_int_equal(pg_result_rows(r), 5);
	assert_int_equal(pg_result_cols(r), 3);
	assert_int_equal(pg_result_col(r, "ord"), 1);
	assert_int_equal(pg_result_col(r, "nope"), -1);
	assert_string_equal(pg_result_value(r, 1, 0), "b \"c\"");
	assert_string_equal(pg_result_value(r, 2, 0), "d\\e");
	assert_string_equal(pg_result_value(r, 3, 0), "{x,y}");
	assert_true(pg_result_is_null(r, 4, 0));
	assert_true(pg_result_is_null(r, 0, 2));
	assert_string_equal(pg_result_value(r, 0, 2), "");
	pg_result_free(r);

	/* = ANY($1) with an array parameter */
	params[0] = "{\"a\",\"d\\\\e\"}";
	if (pg_exec_params(c, "SELECT count(*) FROM unnest(ARRAY['a', 'b', 'd\\e']) AS x"
			   " WHERE x = ANY($1::text[])", 1, params, &r, &err) < 0)
		fail_err("exec_params", &err);
	assert_string_equal(pg_result_value(r, 0, 0), "2");
	pg_result_free(r);

	/* rows affected */
	exec_ok(c, "CREATE TABLE n (i INTEGER)");
	if (pg_exec(c, "INSERT INTO n SELECT generate_series(1, 7)", &r, &err) < 0)
		fail_err("insert", &err);
	assert_int_equal(pg_result_affected(r), 7);
	pg_result_free(r);

	assert_true(pg_server_version(c) >= 100000);
	assert_string_equal(pg_conn_host(c), "127.0.0.1");
	assert_string_equal(pg_conn_database(c), db->name);
	strbuf_release(&arr);
	pg_close(c);
}

static void test_transactions(void **state)
{
	struct pgtest_db *db = *state;
	struct pg_conn *c = connect_ok(db->url);
	struct mesdb_err err = MESDB_ERR_INIT;
	char *v;

	exec_ok(c, "CREATE TABLE t (i INTEGER)");
	assert_int_equal(pg_rollback(c, &err), 0); /* a no-op outside a transaction */
	assert_int_equal(pg_begin(c, &err), 0);
	assert_true(pg_in_transaction(c));
	exec_ok(c, "INSERT INTO t VALUES (1)");
	assert_int_equal(pg_rollback(c, &err), 0);
	assert_false(pg_in_transaction(c));
	v = value_of(c, "SELECT count(*) FROM t");
	assert_string_equal(v, "0");
	free(v);

	assert_int_equal(pg_begin(c, &err), 0);
	exec_ok(c, "INSERT INTO t VALUES (1)");
	assert_int_equal(pg_commit(c, &err), 0);
	v = value_of(c, "SELECT count(*) FROM t");
	assert_string_equal(v, "1");
	free(v);

	/* an aborted transaction rolls back cleanly */
	assert_int_equal(pg_begin(c, &err), 0);
	assert_int_equal(pg_exec(c, "INSERT INTO t VALUES ('x')", NULL, &err), -1);
	mesdb_err_release(&err);
	assert_true(pg_in_transaction(c));
	assert_int_equal(pg_rollback(c, &err), 0);
	assert_false(pg_in_transaction(c));

	/* search_path with names that need quoting */
	{
		static const char *const path[] = { "My Schema", "public" };
		exec_ok(c, "CREATE SCHEMA \"My Schema\"");
		assert_int_equal(pg_set_search_path(c, path, 2, &err), 0);
		v = value_of(c, "SHOW search_path");
		assert_string_equal(v, "\"My Schema\", public");
		free(v);
		v = value_of(c, "SELECT current_schema()");
		assert_string_equal(v, "My Schema");
		free(v);
	}
	pg_close(c);
}

static void test_notices(void **state)
{
	struct pgtest_db *db = *state;
	struct pg_conn *c = connect_ok(db->url);
	const char *const *n;
	size_t nn, dropped;

	exec_ok(c, "DO $$ BEGIN RAISE NOTICE 'first %', 1; RAISE WARNING 'second'; END $$");
	exec_ok(c, "DROP TABLE IF EXISTS nothing_here");
	n = pg_notices(c, &nn, &dropped);
	assert_int_equal(nn, 3);
	assert_int_equal(dropped, 0);
	assert_string_equal(n[0], "NOTICE:  first 1");
	assert_string_equal(n[1], "WARNING:  second");
	assert_string_equal(n[2], "NOTICE:  table \"nothing_here\" does not exist, skipping");
	pg_clear_notices(c);
	n = pg_notices(c, &nn, NULL);
	assert_int_equal(nn, 0);

	/* bounded */
	exec_ok(c, "DO $$ BEGIN FOR i IN 1..1005 LOOP RAISE NOTICE 'n%', i; END LOOP; END $$");
	n = pg_notices(c, &nn, &dropped);
	assert_int_equal(nn, PG_MAX_NOTICES);
	assert_int_equal(dropped, 5);
	assert_string_equal(n[PG_MAX_NOTICES - 1], "NOTICE:  n1000");
	pg_close(c);
}

static void test_connection_lost(void **state)
{
	struct pgtest_db *db = *state;
	struct pg_conn *c = connect_ok(db->url), *killer = connect_ok(db->url);
	struct mesdb_err err = MESDB_ERR_INIT;
	char *pid = value_of(c, "SELECT pg_backend_pid()");
	struct strbuf sql = STRBUF_INIT;

	strbuf_addf(&sql, "SELECT pg_terminate_backend(%s)", pid);
	exec_ok(killer, sql.buf);
	assert_int_equal(pg_exec(c, "SELECT 1", NULL, &err), -1);
	assert_int_equal(err.status, MESDB_E_CONNECT);
	assert_non_null(strstr(err.message, "lost the connection"));
	mesdb_err_release(&err);
	free(pid);
	strbuf_release(&sql);
	pg_close(c);
	pg_close(killer);
}

/* Describe on a lost connection, and pg_exec_pipelined with a failing statement. */
static void test_pipeline_errors(void **state)
{
	struct pgtest_db *db = *state;
	struct pg_conn *c = connect_ok(db->url), *killer = connect_ok(db->url);
	struct mesdb_err err = MESDB_ERR_INIT;
	struct pg_result *res[3];
	const char *sqls[3] = { "SELECT 1", "SELECT 1/0", "SELECT 3" };
	char *pid = value_of(c, "SELECT pg_backend_pid()");
	struct strbuf sql = STRBUF_INIT;
	struct sqlschema s;

	/* the second statement fails: its error, nothing kept, the connection usable */
	assert_int_equal(pg_exec_pipelined(c, sqls, 3, res, &err), -1);
	assert_int_equal(err.status, MESDB_E_QUERY);
	assert_string_equal(err.sqlstate, "22012");
	assert_null(res[0]);
	assert_null(res[2]);
	mesdb_err_release(&err);
	sqls[1] = "SELECT 2";
	if (pg_exec_pipelined(c, sqls, 3, res, &err) < 0)
		fail_err("pipelined", &err);
	for (int i = 0; i < 3; i++) {
		char want[2] = { (char)('1' + i), 0 };
		assert_string_equal(pg_result_value(res[i], 0, 0), want);
		pg_result_free(res[i]);
	}

	/* describe when the server went away: a connection error, nothing left over */
	strbuf_addf(&sql, "SELECT pg_terminate_backend(%s)", pid);
	exec_ok(killer, sql.buf);
	sqlschema_init(&s);
	assert_int_equal(pg_describe(c, NULL, 0, &s, &err), -1);
	assert_int_equal(err.status, MESDB_E_CONNECT);
	assert_non_null(strstr(err.message, "could not describe the database"));
	mesdb_err_release(&err);
	sqlschema_release(&s);
	free(pid);
	strbuf_release(&sql);
	pg_close(c);
	pg_close(killer);
}

/* ---- advisory locks ---- */

static void test_lock_timeout(void **state)
{
	struct pgtest_db *db = *state;
	struct pg_conn *a = connect_ok(db->url), *b = connect_ok(db->url);
	struct mesdb_err err = MESDB_ERR_INIT;
	double t0, ms;
	char *v;

	exec_ok(b, "SET lock_timeout = '5s'");
	if (pg_advisory_lock_timeout(a, PG_MIGRATE_LOCK_KEY, 1000, &err) < 0)
		fail_err("lock a", &err);

	t0 = now_ms();
	assert_int_equal(pg_advisory_lock_timeout(b, PG_MIGRATE_LOCK_KEY, 300, &err), -1);
	ms = now_ms() - t0;
	assert_int_equal(err.status, MESDB_E_LOCK);
	assert_string_equal(err.code, "P1002");
	assert_string_equal(err.message,
			    "timed out trying to acquire a postgres advisory lock "
			    "(SELECT pg_advisory_lock(72707369)), timeout: 300ms");
	assert_true(ms >= 250 && ms < 3000);
	mesdb_err_release(&err);
	/* the session's own lock_timeout is back */
	v = value_of(b, "SHOW lock_timeout");
	assert_string_equal(v, "5s");
	free(v);

	/* inside a transaction: polled, and the transaction survives the timeout */
	assert_int_equal(pg_begin(b, &err), 0);
	t0 = now_ms();
	assert_int_equal(pg_advisory_lock_timeout(b, PG_MIGRATE_LOCK_KEY, 200, &err), -1);
	ms = now_ms() - t0;
	assert_int_equal(err.status, MESDB_E_LOCK);
	assert_true(ms >= 150 && ms < 3000);
	mesdb_err_release(&err);
	v = value_of(b, "SELECT 41 + 1");
	assert_string_equal(v, "42");
	free(v);
	assert_int_equal(pg_commit(b, &err), 0);

	/* released: b gets it, a cannot release it twice */
	assert_int_equal(pg_advisory_unlock(a, PG_MIGRATE_LOCK_KEY, &err), 0);
	if (pg_advisory_lock_timeout(b, PG_MIGRATE_LOCK_KEY, 300, &err) < 0)
		fail_err("lock b", &err);
	assert_int_equal(pg_advisory_unlock(a, PG_MIGRATE_LOCK_KEY, &err), -1);
	assert_int_equal(err.status, MESDB_E_LOCK);
	mesdb_err_release(&err);
	assert_int_equal(pg_advisory_unlock(b, PG_MIGRATE_LOCK_KEY, &err), 0);
	pg_close(a);
	pg_close(b);
}

/* A waiter gets the lock as soon as the holder lets go (server-side queue). */
static void test_lock_wait_then_acquire(void **state)
{
	struct pgtest_db *db = *state;
	struct pg_conn *a = connect_ok(db->url), *b = connect_ok(db->url);
	struct mesdb_err err = MESDB_ERR_INIT;

	if (pg_advisory_lock_timeout(a, 42, 1000, &err) < 0)
		fail_err("lock a", &err);
	pg_close(a); /* the session ends: its locks go */
	if (pg_advisory_lock_timeout(b, 42, 2000, &err) < 0)
		fail_err("lock b", &err);
	pg_close(b);
}

int main(void)
{
#define DB_TEST(fn) cmocka_unit_test_setup_teardown(fn, pgtest_setup_db, pgtest_teardown_db)
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_oracle_test),
		cmocka_unit_test(test_fixture_types),
		cmocka_unit_test(test_fixture_relations),
		cmocka_unit_test(test_fixture_multi),
		DB_TEST(test_column_types),
		DB_TEST(test_defaults),
		cmocka_unit_test(test_parse_default),
		DB_TEST(test_identity_generated_comments),
		DB_TEST(test_indexes),
		DB_TEST(test_foreign_keys),
		DB_TEST(test_enums_views_sequences),
		DB_TEST(test_describe_start_finish),
		DB_TEST(test_pipeline_errors),
		DB_TEST(test_schemas),
		DB_TEST(test_describe_in_transaction),
		cmocka_unit_test(test_connect_refused),
		cmocka_unit_test(test_connect_no_database),
		cmocka_unit_test(test_connect_timeout),
		cmocka_unit_test(test_invalid_url),
		cmocka_unit_test(test_url_mask),
		DB_TEST(test_query_errors),
		DB_TEST(test_exec_params_and_results),
		DB_TEST(test_transactions),
		DB_TEST(test_notices),
		DB_TEST(test_connection_lost),
		DB_TEST(test_lock_timeout),
		DB_TEST(test_lock_wait_then_acquire),
	};
#undef DB_TEST
	return cmocka_run_group_tests(tests, pgtest_group_setup, pgtest_group_teardown);
}
