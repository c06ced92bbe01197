/* test_workspace.c - unit tests for src/workspace: service discovery, .env creation, URL parts */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "base/fs.h"
#include "base/strbuf.h"
#include "workspace/pgurl.h"
#include "workspace/services.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void put(const char *root, const char *rel, const char *text)
{
	struct mesdb_err err = MESDB_ERR_INIT;
	struct strbuf p = STRBUF_INIT, dir = STRBUF_INIT;
	char *slash;

	strbuf_addf(&p, "%s/%s", root, rel);
	strbuf_addstr(&dir, p.buf);
	slash = strrchr(dir.buf, '/');
	*slash = '\0';
	assert_int_equal(fs_mkdir_p(dir.buf, 0755, &err), 0);
	assert_int_equal(fs_write_file(p.buf, text, strlen(text), 0644, &err), 0);
	strbuf_release(&p);
	strbuf_release(&dir);
}

static void test_discover(void **state)
{
	char tmpl[] = "/tmp/mesdb-ws-XXXXXX", *d = mkdtemp(tmpl), real[PATH_MAX];
	struct ws_services ws;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct strbuf p = STRBUF_INIT, text = STRBUF_INIT;
	const struct ws_service *s;
	bool created;

	(void)state;
	assert_non_null(d);
	assert_non_null(realpath(d, real));
	put(real, "services/b-svc/prisma/schema.prisma", "// b\n");
	put(real, "services/a/prisma/schema.prisma", "// a\n");
	put(real, "services/a/.env.example", "A_URL=\"postgresql://u:p@h/db\"\n");
	put(real, "services/notes/README", "not a service\n");
	put(real, "services/a/prisma/migrations/x/migration.sql", "SELECT 1;\n");

	/* from deep inside a service */
	strbuf_addf(&p, "%s/services/a/prisma/migrations/x", real);
	ws_services_init(&ws);
	assert_int_equal(ws_discover(p.buf, &ws, &err), 0);
	assert_string_equal(ws.root, real);
	assert_int_equal(ws.nr, 2);
	assert_string_equal(ws.items[0].name, "a");
	assert_string_equal(ws.items[1].name, "b-svc");
	s = ws_service_of_dir(&ws, p.buf);
	assert_non_null(s);
	assert_string_equal(s->name, "a");
	assert_null(ws_service_of_dir(&ws, real));
	assert_non_null(ws_service_find(&ws, "b-svc"));
	assert_null(ws_service_find(&ws, "notes"));

	/* .env from .env.example, never overwritten; no example: nothing */
	assert_int_equal(ws_ensure_env(s, &created, &err), 0);
	assert_true(created);
	strbuf_reset(&p);
	strbuf_addf(&p, "%s/.env", s->dir);
	assert_int_equal(fs_read_file(p.buf, &text, &err), 0);
	assert_string_equal(text.buf, "A_URL=\"postgresql://u:p@h/db\"\n");
	assert_int_equal(fs_write_file(p.buf, "mine\n", 5, 0600, &err), 0);
	assert_int_equal(ws_ensure_env(s, &created, &err), 0);
	assert_false(created);
	strbuf_reset(&text);
	assert_int_equal(fs_read_file(p.buf, &text, &err), 0);
	assert_string_equal(text.buf, "mine\n");
	assert_int_equal(ws_ensure_env(ws_service_find(&ws, "b-svc"), &created, &err), 0);
	assert_false(created);
	ws_services_release(&ws);

	/* no workspace above / */
	ws_services_init(&ws);
	assert_int_equal(ws_discover("/", &ws, &err), -1);
	assert_int_equal(err.status, MESDB_E_CONFIG);
	mesdb_err_release(&err);
	ws_services_release(&ws);

	strbuf_release(&text);
	strbuf_reset(&p);
	strbuf_addf(&p, "rm -rf '%s'", real);
	assert_int_equal(system(p.buf), 0);
	strbuf_release(&p);
}

static void test_pgurl(void **state)
{
	struct mesdb_err err = MESDB_ERR_INIT;
	struct pg_url_parts p;
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	assert_int_equal(pg_url_split("postgresql://mes_auth_user:p%40ss:w@localhost:5432/mes_auth_db"
				      "?schema=public", &p, &err), 0);
	assert_string_equal(p.user, "mes_auth_user");
	assert_string_equal(p.password, "p@ss:w");
	assert_string_equal(p.host, "localhost");
	assert_string_equal(p.port, "5432");
	assert_string_equal(p.database, "mes_auth_db");
	assert_string_equal(p.query, "schema=public");
	free(p.port);
	p.port = strdup("6000");
	pg_url_join(&sb, &p);
	assert_string_equal(sb.buf, "postgresql://mes_auth_user:p%40ss%3Aw@localhost:6000/mes_auth_db"
			    "?schema=public");
	pg_url_parts_release(&p);

	assert_int_equal(pg_url_split("postgres://h/d", &p, &err), 0);
	assert_string_equal(p.user, "");
	assert_string_equal(p.port, "");
	assert_string_equal(p.database, "d");
	pg_url_parts_release(&p);

	assert_int_equal(pg_url_split("postgres://u@[::1]:7/d%20x", &p, &err), 0);
	assert_string_equal(p.host, "[::1]");
	assert_string_equal(p.port, "7");
	assert_string_equal(p.database, "d x");
	pg_url_parts_release(&p);

	assert_int_equal(pg_url_split("mysql://u:secret@h/d", &p, &err), -1);
	assert_null(strstr(err.message, "secret"));
	mesdb_err_release(&err);
	pg_url_parts_release(&p);
	strbuf_release(&sb);
}

static void test_pgurl_query(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	char *v;

	(void)state;
	v = pg_url_query_get("schema=public&host=%2Ftmp%2Fs&x", "host");
	assert_string_equal(v, "/tmp/s");
	free(v);
	v = pg_url_query_get("schema=public&x", "x");
	assert_string_equal(v, "");
	free(v);
	assert_null(pg_url_query_get("schema=public", "host"));

	pg_url_query_set(&sb, "schema=public", "host", "/w s/.mesdb/sock");
	assert_string_equal(sb.buf, "schema=public&host=/w%20s/.mesdb/sock");
	strbuf_reset(&sb);
	pg_url_query_set(&sb, "host=/a&schema=public&host=/b", "host", "/c");
	assert_string_equal(sb.buf, "host=/c&schema=public");
	strbuf_reset(&sb);
	pg_url_query_set(&sb, "schema=public&host=/a&sslmode=disable", "host", NULL);
	assert_string_equal(sb.buf, "schema=public&sslmode=disable");
	strbuf_reset(&sb);
	pg_url_query_set(&sb, "", "host", NULL);
	assert_string_equal(sb.buf, "");
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_discover),
		cmocka_unit_test(test_pgurl),
		cmocka_unit_test(test_pgurl_query),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
