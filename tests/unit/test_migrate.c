/* test_migrate.c - unit tests for src/migrate (splitter, checksums, folder) and src/workspace (.env, URL) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/fs.h"
#include "base/strbuf.h"
#include "migrate/migrate.h"
#include "migrate/sqlsplit.h"
#include "workspace/dotenv.h"
#include "workspace/url.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- helpers ---- */

/* Split text; statement i as a heap string. */
static char *stmt_text(const char *text, const struct sql_script *s, size_t i)
{
	char *out = malloc(s->stmts[i].len + 1);
	memcpy(out, text + s->stmts[i].start, s->stmts[i].len);
	out[s->stmts[i].len] = '\0';
	return out;
}

static void assert_stmt(const char *text, const struct sql_script *s, size_t i, const char *want,
			uint32_t line)
{
	char *got;
	assert_true(i < s->nr);
	got = stmt_text(text, s, i);
	assert_string_equal(got, want);
	assert_int_equal(s->stmts[i].line, line);
	free(got);
}

/* Can text run in one transaction? why gets the reason. */
static bool tx_ok(const char *text, int version, struct strbuf *why, uint32_t *line)
{
	struct sql_script s = SQL_SCRIPT_INIT;
	bool ok;
	sql_split(text, strlen(text), &s);
	strbuf_reset(why);
	*line = 0;
	ok = sql_script_transactional(&s, text, strlen(text), version, why, line);
	sql_script_release(&s);
	return ok;
}

/* ---- splitter ---- */

static void test_split_simple(void **state)
{
	const char *t = "-- CreateTable\nCREATE TABLE a (id int);\n\nINSERT INTO a VALUES (1);\n"
			"SELECT 1";
	struct sql_script s = SQL_SCRIPT_INIT;
	(void)state;
	sql_split(t, strlen(t), &s);
	assert_int_equal(s.nr, 3);
	assert_stmt(t, &s, 0, "CREATE TABLE a (id int);", 2);
	assert_stmt(t, &s, 1, "INSERT INTO a VALUES (1);", 4);
	assert_stmt(t, &s, 2, "SELECT 1", 5);
	sql_script_release(&s);
}

static void test_split_tx_boundary(void **state)
{
	const char *t = "begin;\nCREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;\n"
			"START TRANSACTION;\nrollback;\nCOMMIT;\nend;\nSELECT 'BEGIN'";
	struct sql_script s = SQL_SCRIPT_INIT;
	(void)state;
	sql_split(t, strlen(t), &s);
	assert_int_equal(s.nr, 7);
	assert_true(sql_stmt_is_tx_boundary(&s.stmts[0]));
	assert_false(sql_stmt_is_tx_boundary(&s.stmts[1]));   /* BEGIN ATOMIC inside a function */
	assert_true(sql_stmt_is_tx_boundary(&s.stmts[2]));
	assert_false(sql_stmt_is_tx_boundary(&s.stmts[3]));   /* ROLLBACK is not a wrapping */
	assert_true(sql_stmt_is_tx_boundary(&s.stmts[4]));
	assert_true(sql_stmt_is_tx_boundary(&s.stmts[5]));
	assert_false(sql_stmt_is_tx_boundary(&s.stmts[6]));
	sql_script_release(&s);
}

static void test_split_quotes_never_split(void **state)
{
	const char *t =
		"INSERT INTO t VALUES ('a;b', 'it''s; fine');\n"       /* 1 */
		"INSERT INTO t VALUES (E'x\\';y');\n"                    /* 2 */
		"CREATE TABLE \"we;ird\"\"x\" (id int);\n"              /* 3 */
		"SELECT U&'d\\0061t;a', U&\"i;d\";\n"                   /* 4 */
		"/* a; /* nested; */ still; */ SELECT 2; -- c;c\n"       /* 5 */
		"SELECT 3;";                                             /* 6 */
	struct sql_script s = SQL_SCRIPT_INIT;
	(void)state;
	sql_split(t, strlen(t), &s);
	assert_int_equal(s.nr, 6);
	assert_stmt(t, &s, 0, "INSERT INTO t VALUES ('a;b', 'it''s; fine');", 1);
	assert_stmt(t, &s, 1, "INSERT INTO t VALUES (E'x\\';y');", 2);
	assert_stmt(t, &s, 2, "CREATE TABLE \"we;ird\"\"x\" (id int);", 3);
	assert_stmt(t, &s, 3, "SELECT U&'d\\0061t;a', U&\"i;d\";", 4);
	assert_stmt(t, &s, 4, "SELECT 2;", 5);
	assert_stmt(t, &s, 5, "SELECT 3;", 6);
	sql_script_release(&s);
}

static void test_split_dollar_bodies(void **state)
{
	const char *t =
		"CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1; -- ;\nEND;\n$$ LANGUAGE plpgsql;\n"
		"CREATE FUNCTION g() RETURNS text AS $body$ SELECT '$$;'::text; $body$ LANGUAGE sql;\n"
		"DO $x$ BEGIN PERFORM 1; END $x$;\n"
		"SELECT $1, a$b, 5;\n"
		"PREPARE p AS SELECT $1;";
	struct sql_script s = SQL_SCRIPT_INIT;
	(void)state;
	sql_split(t, strlen(t), &s);
	assert_int_equal(s.nr, 5);
	assert_stmt(t, &s, 0,
		    "CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1; -- ;\nEND;\n$$ LANGUAGE plpgsql;",
		    1);
	assert_stmt(t, &s, 1,
		    "CREATE FUNCTION g() RETURNS text AS $body$ SELECT '$$;'::text; $body$ LANGUAGE sql;", 6);
	assert_stmt(t, &s, 2, "DO $x$ BEGIN PERFORM 1; END $x$;", 7);
	assert_stmt(t, &s, 3, "SELECT $1, a$b, 5;", 8);
	assert_stmt(t, &s, 4, "PREPARE p AS SELECT $1;", 9);
	sql_script_release(&s);
}

static void test_split_begin_atomic(void **state)
{
	const char *t =
		"CREATE OR REPLACE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql\n"
		"BEGIN ATOMIC\n  SELECT CASE WHEN a > 0 THEN a ELSE 0 END + b;\n  SELECT 1;\nEND;\n"
		"CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); END;\n"
		"SELECT 2;";
	struct sql_script s = SQL_SCRIPT_INIT;
	(void)state;
	sql_split(t, strlen(t), &s);
	assert_int_equal(s.nr, 3);
	assert_int_equal(s.stmts[0].line, 1);
	assert_int_equal(s.stmts[1].line, 6);
	assert_stmt(t, &s, 2, "SELECT 2;", 7);
	sql_script_release(&s);
}

static void test_split_comments_only_and_unterminated(void **state)
{
	const char *t1 = "-- This is an empty migration.\n;;\n/* nothing */\n";
	const char *t2 = "SELECT 1;\nSELECT 'oops;\nSELECT 2;";
	struct sql_script s = SQL_SCRIPT_INIT;
	(void)state;
	sql_split(t1, strlen(t1), &s);
	assert_int_equal(s.nr, 0);
	sql_script_release(&s);
	sql_split(t2, strlen(t2), &s);
	assert_int_equal(s.nr, 2);
	assert_stmt(t2, &s, 1, "SELECT 'oops;\nSELECT 2;", 2);
	sql_script_release(&s);
}

static void test_split_crlf_lines(void **state)
{
	const char *t = "CREATE TABLE a (id int);\r\n\r\nCREATE TABLE b (\r\n id int);\r\n";
	struct sql_script s = SQL_SCRIPT_INIT;
	(void)state;
	sql_split(t, strlen(t), &s);
	assert_int_equal(s.nr, 2);
	assert_int_equal(s.stmts[1].line, 3);
	sql_script_release(&s);
}

/* ---- transaction detection ---- */

static void test_tx_detection(void **state)
{
	struct strbuf why = STRBUF_INIT;
	uint32_t line;
	(void)state;

	assert_true(tx_ok("CREATE TABLE a (id int);\nCREATE INDEX i ON a (id);", 150000, &why, &line));
	assert_true(tx_ok("REFRESH MATERIALIZED VIEW CONCURRENTLY v;", 150000, &why, &line));
	assert_true(tx_ok("SELECT 'CREATE INDEX CONCURRENTLY';", 150000, &why, &line));
	assert_true(tx_ok("-- VACUUM;\nSELECT 1;", 150000, &why, &line));

	assert_false(tx_ok("CREATE TABLE a (id int);\n\nCREATE UNIQUE INDEX CONCURRENTLY \"i\" ON a (id);",
			   150000, &why, &line));
	assert_string_equal(why.buf, "CREATE UNIQUE INDEX CONCURRENTLY");
	assert_int_equal(line, 3);

	assert_false(tx_ok("DROP INDEX CONCURRENTLY IF EXISTS i;", 150000, &why, &line));
	assert_string_equal(why.buf, "DROP INDEX CONCURRENTLY");
	assert_false(tx_ok("ALTER TABLE p DETACH PARTITION q CONCURRENTLY;", 150000, &why, &line));
	assert_false(tx_ok("REINDEX INDEX CONCURRENTLY i;", 150000, &why, &line));

	assert_false(tx_ok("BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;", 150000, &why, &line));
	assert_string_equal(why.buf, "BEGIN (explicit transaction control)");
	assert_int_equal(line, 1);
	assert_false(tx_ok("CREATE TABLE a (id int);\ncommit;", 150000, &why, &line));
	assert_int_equal(line, 2);
	assert_false(tx_ok("START TRANSACTION;", 150000, &why, &line));
	assert_false(tx_ok("vacuum analyze a;", 150000, &why, &line));
	assert_string_equal(why.buf, "VACUUM");
	assert_false(tx_ok("CREATE DATABASE x;", 150000, &why, &line));
	assert_false(tx_ok("ALTER SYSTEM SET work_mem = '8MB';", 150000, &why, &line));
	assert_false(tx_ok("CLUSTER;", 150000, &why, &line));
	assert_true(tx_ok("CLUSTER \"t\" USING i;", 150000, &why, &line));
	/* BEGIN ATOMIC is a function body, not a transaction */
	assert_true(tx_ok("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;",
			  150000, &why, &line));

	/* enum values: adding is fine, using it in the same transaction is not */
	assert_true(tx_ok("ALTER TYPE \"Role\" ADD VALUE 'ADMIN';\nCREATE TABLE x (id int);", 150000,
			  &why, &line));
	assert_false(tx_ok("ALTER TYPE \"Role\" ADD VALUE IF NOT EXISTS 'ADMIN';\n"
			   "ALTER TABLE \"User\" ALTER COLUMN \"role\" SET DEFAULT 'ADMIN';",
			   150000, &why, &line));
	assert_string_equal(why.buf, "ALTER TYPE ... ADD VALUE 'ADMIN', used later in the same file");
	assert_int_equal(line, 1);
	assert_false(tx_ok("ALTER TYPE r ADD VALUE 'X';", 110000, &why, &line));
	assert_true(tx_ok("ALTER TYPE r RENAME VALUE 'X' TO 'Y';\nSELECT 'X';", 150000, &why, &line));
	strbuf_release(&why);
}

/* ---- checksums ---- */

static void test_checksum(void **state)
{
	char hex[SHA256_HEX_LEN + 1];
	const char *lf = "CREATE TABLE a (id int);\nSELECT 1;\n";
	const char *crlf = "CREATE TABLE a (id int);\r\nSELECT 1;\r\n";
	char lf_sum[SHA256_HEX_LEN + 1], crlf_sum[SHA256_HEX_LEN + 1];
	(void)state;

	migration_checksum("hello", 5, hex);
	assert_string_equal(hex, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
	assert_true(migration_checksum_matches("hello", 5, hex));
	assert_false(migration_checksum_matches("hellO", 5, hex));

	migration_checksum(lf, strlen(lf), lf_sum);
	migration_checksum(crlf, strlen(crlf), crlf_sum);
	assert_true(migration_checksum_matches(crlf, strlen(crlf), lf_sum));
	assert_true(migration_checksum_matches(lf, strlen(lf), crlf_sum));
	assert_false(migration_checksum_matches("abc\n", 4, "abc"));
	/* the old format without zero padding: byte 0e -> "e", 04 -> "4" */
	assert_true(migration_checksum_matches("hello", 5,
		"2cf24dba5fb0a3e26e83b2ac5b9e29e1b161e5c1fa7425e7343362938b9824"));

	/* a loaded migration: its own checksum, then the other line endings */
	{
		struct migration m;
		memset(&m, 0, sizeof(m));
		m.script = (char *)crlf;
		m.script_len = strlen(crlf);
		migration_checksum(m.script, m.script_len, m.checksum);
		assert_true(migration_matches_stored(&m, crlf_sum));
		assert_true(migration_matches_stored(&m, lf_sum));
		assert_false(migration_matches_stored(&m, hex));
	}
}

/* ---- folder ---- */

static char *tmpdir(void)
{
	char tmpl[] = "/tmp/mesdb-test-migrate-XXXXXX";
	char *d = mkdtemp(tmpl);
	assert_non_null(d);
	return strdup(d);
}

static void write_file(const char *dir, const char *rel, const char *text)
{
	struct strbuf p = STRBUF_INIT;
	FILE *f;
	fs_path_join(&p, dir, rel);
	f = fopen(p.buf, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	strbuf_release(&p);
}

static void mkdir_in(const char *dir, const char *rel)
{
	struct strbuf p = STRBUF_INIT;
	fs_path_join(&p, dir, rel);
	assert_int_equal(mkdir(p.buf, 0755), 0);
	strbuf_release(&p);
}

static void test_folder(void **state)
{
	char *d = tmpdir();
	struct migrations m;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct strbuf sb = STRBUF_INIT, path = STRBUF_INIT;
	char name[260];
	(void)state;

	migrations_init(&m);
	fs_path_join(&path, d, "none");
	assert_int_equal(migrations_load(&m, path.buf, &err), 0);
	assert_false(m.dir_exists);
	assert_int_equal(m.nr, 0);
	migrations_release(&m);

	mkdir_in(d, "20240102000000_b");
	mkdir_in(d, "20240101000000_a");
	write_file(d, "20240101000000_a/migration.sql", "SELECT 1;\n");
	write_file(d, "20240101000000_a/down.sql", "SELECT 0;\n");
	write_file(d, "20240102000000_b/migration.sql", "hello");
	write_file(d, "README", "not a migration");
	assert_int_equal(migration_lock_write(d, "postgres", &err), 0);

	migrations_init(&m);
	assert_int_equal(migrations_load(&m, d, &err), 0);
	assert_true(m.dir_exists);
	assert_int_equal(m.nr, 2);
	assert_string_equal(m.items[0].name, "20240101000000_a");
	assert_true(m.items[0].has_down);
	assert_false(m.items[1].has_down);
	assert_string_equal(m.items[1].checksum,
			    "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
	assert_non_null(migrations_find(&m, "20240102000000_b"));
	assert_null(migrations_find(&m, "20240102000000"));
	assert_true(m.has_lock_file);
	assert_string_equal(m.lock_provider, "postgresql");
	assert_int_equal(migrations_check_provider(&m, "postgres", &err), 0);
	assert_int_equal(migrations_check_provider(&m, "mysql", &err), -1);
	assert_string_equal(err.code, "P3019");
	mesdb_err_release(&err);
	migrations_release(&m);

	fs_path_join(&path, d, "migration_lock.toml");
	assert_int_equal(fs_read_file(path.buf, &sb, &err), 0);
	assert_string_equal(sb.buf, "# Please do not edit this file manually\n"
			    "# It should be added in your version-control system (e.g., Git)\n"
			    "provider = \"postgresql\"\n");

	/* a folder without migration.sql: P3015 */
	mkdir_in(d, "20240103000000_c");
	migrations_init(&m);
	assert_int_equal(migrations_load(&m, d, &err), -1);
	assert_string_equal(err.code, "P3015");
	mesdb_err_release(&err);
	migrations_release(&m);
	write_file(d, "20240103000000_c/migration.sql", "");

	/* a name over 200 bytes: P3010 */
	memset(name, 'x', 201);
	name[201] = '\0';
	mkdir_in(d, name);
	migrations_init(&m);
	assert_int_equal(migrations_load(&m, d, &err), -1);
	assert_string_equal(err.code, "P3010");
	mesdb_err_release(&err);
	migrations_release(&m);

	strbuf_release(&sb);
	strbuf_release(&path);
	{
		char cmd[300];
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", d);
		assert_int_equal(system(cmd), 0);
	}
	free(d);
}

/* ---- .env ---- */

static void test_dotenv(void **state)
{
	const char *t =
		"# comment\n"
		"A=plain value  # trailing comment\n"
		"export B=exported\n"
		"C='single $A # not a comment'\n"
		"D=\"double\\nline ${A}\"\n"
		"E = spaced\n"
		"F: colon\n"
		"G=\"multi\nline\"\n"
		"H=${MESDB_TEST_UNSET_VAR:-fallback}/$B\n"
		"I=\\$literal\n"
		"not a line\n"
		"J=\n"
		"A=second\n"
		"K=postgresql://u:p@h:5432/db?schema=x\n";
	struct dotenv e = DOTENV_INIT;
	(void)state;

	unsetenv("MESDB_TEST_UNSET_VAR");
	dotenv_parse(&e, t, strlen(t));
	assert_string_equal(dotenv_get(&e, "A"), "second");
	assert_string_equal(dotenv_get(&e, "B"), "exported");
	assert_string_equal(dotenv_get(&e, "C"), "single $A # not a comment");
	assert_string_equal(dotenv_get(&e, "D"), "double\nline plain value");
	assert_string_equal(dotenv_get(&e, "E"), "spaced");
	assert_string_equal(dotenv_get(&e, "F"), "colon");
	assert_string_equal(dotenv_get(&e, "G"), "multi\nline");
	assert_string_equal(dotenv_get(&e, "H"), "fallback/exported");
	assert_string_equal(dotenv_get(&e, "I"), "$literal");
	assert_string_equal(dotenv_get(&e, "J"), "");
	assert_string_equal(dotenv_get(&e, "K"), "postgresql://u:p@h:5432/db?schema=x");
	assert_null(dotenv_get(&e, "not"));
	dotenv_release(&e);
}

static void test_url_resolution(void **state)
{
	char *d = tmpdir();
	char cwd[4096];
	struct ws_url u;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct fs_list files = FS_LIST_INIT;
	(void)state;

	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(d), 0);
	mkdir_in(".", "svc");
	mkdir_in(".", "svc/prisma");
	write_file(".", "svc/prisma/schema.prisma", "");
	unsetenv("MESDB_TEST_URL");
	unsetenv("MESDB_TEST_URL2");

	ws_env_files("svc/prisma/schema.prisma", &files);
	assert_int_equal(files.nr, 3);
	assert_string_equal(files.names[0], "svc/prisma/.env");
	assert_string_equal(files.names[1], "svc/.env");
	assert_string_equal(files.names[2], ".env");
	fs_list_release(&files);

	/* unset everywhere: a clear error naming the variable */
	ws_url_init(&u);
	assert_int_equal(ws_resolve_url("svc/prisma/schema.prisma", NULL, "MESDB_TEST_URL", &u, &err), -1);
	assert_int_equal(err.status, MESDB_E_CONFIG);
	assert_string_equal(err.message, "environment variable not found: MESDB_TEST_URL");
	assert_non_null(strstr(err.detail, "svc/prisma/.env (no such file)"));
	mesdb_err_release(&err);
	ws_url_release(&u);

	/* the project root's .env (the service folder) */
	write_file(".", "svc/.env", "MESDB_TEST_URL=postgresql://me:s3cret@db:5432/x\n");
	ws_url_init(&u);
	assert_int_equal(ws_resolve_url("svc/prisma/schema.prisma", NULL, "MESDB_TEST_URL", &u, &err), 0);
	assert_string_equal(u.url, "postgresql://me:s3cret@db:5432/x");
	assert_string_equal(u.masked, "postgresql://me:****@db:5432/x");
	assert_string_equal(u.env_file, "svc/.env");
	ws_url_release(&u);

	/* the schema folder's .env comes first; the environment before any file */
	write_file(".", "svc/prisma/.env", "MESDB_TEST_URL=postgres://a@b/c\n");
	ws_url_init(&u);
	assert_int_equal(ws_resolve_url("svc/prisma/schema.prisma", NULL, "MESDB_TEST_URL", &u, &err), 0);
	assert_string_equal(u.url, "postgres://a@b/c");
	ws_url_release(&u);
	setenv("MESDB_TEST_URL", "postgresql://env@h/d", 1);
	ws_url_init(&u);
	assert_int_equal(ws_resolve_url("svc/prisma/schema.prisma", NULL, "MESDB_TEST_URL", &u, &err), 0);
	assert_string_equal(u.url, "postgresql://env@h/d");
	assert_null(u.env_file);
	ws_url_release(&u);
	unsetenv("MESDB_TEST_URL");

	/* empty and non-PostgreSQL values; the password is never shown */
	write_file(".", ".env", "MESDB_TEST_URL2=mysql://root:hunter2@h/d\n");
	ws_url_init(&u);
	assert_int_equal(ws_resolve_url("svc/prisma/schema.prisma", NULL, "MESDB_TEST_URL2", &u, &err), -1);
	assert_non_null(strstr(err.message, "must start with the protocol `postgresql://`"));
	assert_null(strstr(err.detail, "hunter2"));
	mesdb_err_release(&err);
	ws_url_release(&u);
	ws_url_init(&u);
	assert_int_equal(ws_resolve_url("svc/prisma/schema.prisma", "", NULL, &u, &err), -1);
	mesdb_err_release(&err);
	ws_url_release(&u);
	ws_url_init(&u);
	assert_int_equal(ws_resolve_url("svc/prisma/schema.prisma", "postgresql://lit@h/d", NULL, &u,
					&err), 0);
	assert_null(u.env_name);
	ws_url_release(&u);

	assert_int_equal(chdir(cwd), 0);
	{
		char cmd[300];
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", d);
		assert_int_equal(system(cmd), 0);
	}
	free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_simple),
		cmocka_unit_test(test_split_quotes_never_split),
		cmocka_unit_test(test_split_dollar_bodies),
		cmocka_unit_test(test_split_begin_atomic),
		cmocka_unit_test(test_split_comments_only_and_unterminated),
		cmocka_unit_test(test_split_crlf_lines),
		cmocka_unit_test(test_tx_detection),
		cmocka_unit_test(test_checksum),
		cmocka_unit_test(test_split_tx_boundary),
		cmocka_unit_test(test_folder),
		cmocka_unit_test(test_dotenv),
		cmocka_unit_test(test_url_resolution),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
