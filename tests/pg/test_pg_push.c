/* test_pg_push.c - db push, migrate diff and db execute against a real server */
/*
 * Round trip of the whole golden corpus (push -> describe -> diff against
 * calc is empty, a second push is a no-op), forward + reverse scripts of
 * diff pairs restore the exact catalog, push's warnings equal Prisma's
 * (tests/golden/push/NAME/: data.sql and Prisma's expected.txt, taken from
 * `oracle.sh push`), atomicity, and the refusals.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pgtest.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/fs.h"
#include "base/strbuf.h"
#include "calc/calc.h"
#include "commands/db_defaults.h"
#include "diff/diff.h"
#include "introspect/introspect.h"
#include "mesdb/mesdb.h"
#include "pg/pg.h"
#include "psl/ast.h"
#include "psl/db.h"
#include "render/render.h"

/* ---- helpers ---- */

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

static const char *src_dir(void)
{
	const char *d = getenv("MESDB_SOURCE_DIR");
	return d ? d : ".";
}

static void fail_err(const char *what, const struct mesdb_err *err)
{
	fail_msg("%s: [%s %s %s] %s | detail: %s | hint: %s", what, mesdb_status_name(err->status),
		 err->code, err->sqlstate, err->message ? err->message : "",
		 err->detail ? err->detail : "", err->hint ? err->hint : "");
}

static void sink_add(void *ctx, const char *text, size_t len)
{
	strbuf_add(ctx, text, len);
}

/* Push schema into url; output (out and notes) into *out; returns the library's result. */
static int push(const char *url, const char *schema, bool accept, bool reset, struct strbuf *out,
		struct mesdb_err *err)
{
	struct mesdb_push_opts o;
	struct mesdb_push_result r;
	struct mesdb_sink sink = { sink_add, sink_add, out, false };

	memset(&o, 0, sizeof(o));
	o.schema_path = schema;
	o.url = url;
	o.accept_data_loss = accept;
	o.force_reset = reset;
	return mesdb_db_push(&o, &sink, &r, err);
}

static void push_ok(const char *url, const char *schema, bool accept, struct strbuf *out)
{
	struct mesdb_err err = MESDB_ERR_INIT;
	if (push(url, schema, accept, false, out, &err) < 0)
		fail_err(schema, &err);
}

struct loaded {
	struct psl_schema ast;
	struct psl_db db;
	struct sqlschema sql;
};

static void load(const char *path, struct loaded *l)
{
	struct strbuf text = STRBUF_INIT;
	struct mesdb_err err = MESDB_ERR_INIT;

	psl_schema_init(&l->ast);
	psl_db_init(&l->db);
	sqlschema_init(&l->sql);
	if (fs_read_file(path, &text, &err) < 0)
		fail_err(path, &err);
	psl_parse(&l->ast, psl_schema_add_source(&l->ast, "schema.prisma", text.buf, text.len));
	psl_validate(&l->ast, &l->db);
	if (l->ast.nerrors)
		fail_msg("%s: invalid schema", path);
	if (calc_schema_ast(&l->ast, &l->db, &l->sql, &err) < 0)
		fail_err(path, &err);
	strbuf_release(&text);
}

/* Like load(), from text (path names it in messages); false when it does not validate. */
static bool load_text(const char *path, const char *text, struct loaded *l, struct strbuf *why)
{
	struct mesdb_err err = MESDB_ERR_INIT;

	psl_schema_init(&l->ast);
	psl_db_init(&l->db);
	sqlschema_init(&l->sql);
	psl_parse(&l->ast, psl_schema_add_source(&l->ast, path, text, strlen(text)));
	psl_validate(&l->ast, &l->db);
	if (l->ast.nerrors) {
		strbuf_addf(why, "%s", l->ast.diags[0].message);
		return false;
	}
	if (calc_schema_ast(&l->ast, &l->db, &l->sql, &err) < 0) {
		strbuf_addf(why, "calc: %s", err.message);
		mesdb_err_release(&err);
		return false;
	}
	return true;
}

static void unload(struct loaded *l)
{
	sqlschema_release(&l->sql);
	psl_db_release(&l->db);
	psl_schema_release(&l->ast);
}

static struct pg_conn *connect_ok(const char *url)
{
	struct pg_conn *c = NULL;
	struct mesdb_err err = MESDB_ERR_INIT;
	if (pg_connect(&c, url, 5, &err) < 0)
		fail_err("pg_connect", &err);
	return c;
}

static void describe(const char *url, const struct loaded *l, struct sqlschema *out)
{
	struct pg_conn *c = connect_ok(url);
	struct mesdb_err err = MESDB_ERR_INIT;

	sqlschema_init(out);
	if (pg_describe(c, (const char *const *)l->db.datasource.schemas, l->db.datasource.nschemas,
			out, &err) < 0)
		fail_err("pg_describe", &err);
	pg_close(c);
}

/*
 * Describe url, and make the dbgenerated() defaults of l compare as the
 * server stores them (as db push does before its diff).
 */
static void describe_matched(const char *url, struct loaded *l, struct sqlschema *out)
{
	struct pg_conn *c = connect_ok(url);
	struct mesdb_err err = MESDB_ERR_INIT;

	sqlschema_init(out);
	if (pg_begin(c, &err) < 0 ||
	    pg_describe(c, (const char *const *)l->db.datasource.schemas, l->db.datasource.nschemas,
			out, &err) < 0 ||
	    db_match_stored_defaults(c, out, &l->sql, calc_multi_schema(&l->db), &err) < 0 ||
	    pg_commit(c, &err) < 0)
		fail_err("describe_matched", &err);
	pg_close(c);
}

/* Run sql on url; false with the server's message in why when it fails. */
static bool exec_try(const char *url, const char *sql, struct strbuf *why)
{
	struct pg_conn *c = connect_ok(url);
	struct mesdb_err err = MESDB_ERR_INIT;
	bool ok = pg_exec(c, sql, NULL, &err) == 0;

	if (!ok) {
		strbuf_addf(why, "%s (SQLSTATE %s)%s%s", err.message, err.sqlstate,
			    err.detail ? "; " : "", err.detail ? err.detail : "");
		mesdb_err_release(&err);
	}
	pg_close(c);
	return ok;
}

/*
 * Run a plan statement by statement, each in its own transaction (Prisma's
 * BEGIN / COMMIT around an enum's recreation included): what a reverse plan
 * that adds an enum value and uses it needs (PostgreSQL, 55P04).
 */
static bool exec_steps(const char *url, const struct plan *p, struct strbuf *why)
{
	bool ok = true;

	for (uint32_t i = 0; ok && i < p->nsteps; i++) {
		struct render_stmts st = RENDER_STMTS_INIT;
		render_step_statements(p, i, &st);
		for (size_t k = 0; ok && k < st.n; k++)
			ok = exec_try(url, st.v[k], why);
		render_stmts_release(&st);
	}
	return ok;
}

static void exec_ok(const char *url, const char *sql)
{
	struct pg_conn *c = connect_ok(url);
	struct mesdb_err err = MESDB_ERR_INIT;
	if (pg_exec(c, sql, NULL, &err) < 0) {
		fprintf(stderr, "--- script\n%s---\n", sql);
		fail_err("pg_exec", &err);
	}
	pg_close(c);
}

/* Plan from the described database to the calc'd schema. */
static void plan_db_to(const struct sqlschema *live, const struct loaded *l, struct plan *p)
{
	struct diff_opts o = DIFF_OPTS_INIT;
	struct mesdb_err err = MESDB_ERR_INIT;

	o.from_described = true;
	o.qualify_from = o.qualify_to = calc_multi_schema(&l->db);
	plan_init(p);
	if (diff_schemas(live, &l->sql, &o, p, &err) < 0)
		fail_err("diff_schemas", &err);
}

static bool contains(const struct strbuf *sb, const char *s)
{
	return strstr(sb->buf, s) != NULL;
}

/* Sorted *.prisma names of a folder. */
static size_t list(const char *dir, const char *suffix, bool dirs, char ***out)
{
	struct fs_list l = FS_LIST_INIT;
	struct mesdb_err err = MESDB_ERR_INIT;
	size_t n;
	char **v;

	if (fs_list_dir(dir, dirs ? 'd' : 'f', suffix, &l, &err) < 0)
		fail_err(dir, &err);
	v = calloc(l.nr + 1, sizeof(*v));
	for (size_t i = 0; i < l.nr; i++)
		v[i] = strdup(l.names[i]);
	*out = v;
	n = l.nr;
	fs_list_release(&l);
	return n;
}

static void free_list(char **v)
{
	for (size_t i = 0; v[i]; i++)
		free(v[i]);
	free(v);
}

/* ---- the golden corpus round trip ---- */

/*
 * Every schema of tests/golden/ddl: pushed into an empty database, described,
 * diffed against calc's schema (dbgenerated() defaults compared as the
 * server stores them, as push does): no step; a second push is a no-op.
 */
static void test_roundtrip_corpus(void **state)
{
	struct strbuf dir = STRBUF_INIT, path = STRBUF_INIT, out = STRBUF_INIT;
	struct strbuf failures = STRBUF_INIT;
	struct mesdb_err err = MESDB_ERR_INIT;
	char **names, dbname[PGTEST_NAME_SIZE];
	size_t n, nfail = 0;
	(void)state;

	strbuf_addf(&dir, "%s/tests/golden/ddl", src_dir());
	n = list(dir.buf, ".prisma", false, &names);
	assert_true(n >= 60);
	for (size_t i = 0; i < n; i++) {
		struct loaded l;
		struct sqlschema live;
		struct plan p;
		char *url = pgtest_create_db(dbname, sizeof(dbname));

		strbuf_reset(&path);
		fs_path_join(&path, dir.buf, names[i]);
		/* types of extensions the schema uses without declaring them */
		strbuf_reset(&out);
		fs_read_file(path.buf, &out, NULL);
		if (strstr(out.buf, "Citext"))
			pgtest_exec(url, "CREATE EXTENSION IF NOT EXISTS citext");
		strbuf_reset(&out);
		if (push(url, path.buf, false, false, &out, &err) < 0) {
			strbuf_addf(&failures, "%s: push failed: %s (%s)\n", names[i], err.message,
				    err.detail ? err.detail : "");
			mesdb_err_release(&err);
			nfail++;
			pgtest_drop_db(dbname);
			free(url);
			continue;
		}
		if (!contains(&out, "Your database is now in sync with your Prisma schema. Done in")) {
			strbuf_addf(&failures, "%s: first push said:\n%s\n", names[i], out.buf);
			nfail++;
		}
		load(path.buf, &l);
		describe_matched(url, &l, &live);
		plan_db_to(&live, &l, &p);
		if (p.nsteps) {
			strbuf_addf(&failures, "%s: push -> describe -> diff is not empty:\n", names[i]);
			render_script(&p, NULL, &failures);
			strbuf_addch(&failures, '\n');
			nfail++;
		}
		plan_release(&p);
		strbuf_reset(&out);
		push_ok(url, path.buf, false, &out);
		if (!contains(&out, "\nThe database is already in sync with the Prisma schema.\n")) {
			strbuf_addf(&failures, "%s: second push said:\n%s\n", names[i], out.buf);
			nfail++;
		}
		sqlschema_release(&live);
		unload(&l);
		pgtest_drop_db(dbname);
		free(url);
	}
	if (nfail) {
		fprintf(stderr, "%s", failures.buf);
		fail_msg("%zu round-trip failures of %zu schemas (above)", nfail, n);
	}
	free_list(names);
	strbuf_release(&dir);
	strbuf_release(&path);
	strbuf_release(&out);
	strbuf_release(&failures);
}

/* ---- db pull round trip ---- */

/*
 * Schemas whose pulled schema does not describe the database exactly,
 * because Prisma's db pull (which mesdb's follows) leaves something out.
 */
static const struct {
	const char *name, *why;
} pull_roundtrip_known[] = {
	{ "022_index_ops.prisma", "db pull writes no operator class on a BTree index "
	  "(text_pattern_ops): the pulled schema wants the index with the default one" },
};

/*
 * Every schema of tests/golden/ddl: Prisma's DDL of it (NNN.sql) applied to
 * an empty database, introspected as db pull --force does (the schema's
 * generator and datasource blocks kept), the result validated and calc'd;
 * its diff against the database must be empty.
 */
static void test_pull_roundtrip_corpus(void **state)
{
	struct strbuf dir = STRBUF_INIT, path = STRBUF_INIT, text = STRBUF_INIT;
	struct strbuf failures = STRBUF_INIT;
	struct mesdb_err err = MESDB_ERR_INIT;
	char **names, dbname[PGTEST_NAME_SIZE];
	size_t n, nfail = 0;
	(void)state;

	strbuf_addf(&dir, "%s/tests/golden/ddl", src_dir());
	n = list(dir.buf, ".prisma", false, &names);
	assert_true(n >= 60);
	for (size_t i = 0; i < n; i++) {
		struct loaded ddl, pulled;
		struct introspect_input in;
		struct introspect_result res;
		struct sqlschema live;
		struct strbuf why = STRBUF_INIT;
		struct plan p;
		char *url = pgtest_create_db(dbname, sizeof(dbname));

		strbuf_reset(&path);
		fs_path_join(&path, dir.buf, names[i]);
		load(path.buf, &ddl);
		strbuf_setlen(&path, path.len - strlen(".prisma"));
		strbuf_addstr(&path, ".sql");
		strbuf_reset(&text);
		if (fs_read_file(path.buf, &text, &err) < 0)
			fail_err(path.buf, &err);
		if (strstr(text.buf, "CITEXT"))
			pgtest_exec(url, "CREATE EXTENSION IF NOT EXISTS citext");
		pgtest_exec(url, text.buf);

		describe(url, &ddl, &live);
		memset(&in, 0, sizeof(in));
		in.sql = &live;
		in.prev = &ddl.ast;
		in.config_db = &ddl.db;
		introspect_result_init(&res);
		if (introspect_schema(&in, &res, &err) < 0)
			fail_err(names[i], &err);
		if (!load_text("pulled.prisma", res.schema.buf, &pulled, &why)) {
			strbuf_addf(&failures, "%s: the pulled schema is invalid: %s\n%s\n", names[i],
				    why.buf, res.schema.buf);
			nfail++;
		} else {
			sqlschema_release(&live);
			describe_matched(url, &pulled, &live);
			plan_db_to(&live, &pulled, &p);
			for (size_t k = 0; k < ARRAY_LEN(pull_roundtrip_known); k++) {
				if (p.nsteps && !strcmp(pull_roundtrip_known[k].name, names[i])) {
					fprintf(stderr, "known difference, %s: %s\n", names[i],
						pull_roundtrip_known[k].why);
					plan_release(&p);
					plan_init(&p);
				}
			}
			if (p.nsteps) {
				strbuf_addf(&failures, "%s: pulled schema -> diff against the database is "
					    "not empty:\n", names[i]);
				render_script(&p, NULL, &failures);
				strbuf_addf(&failures, "\n--- pulled schema\n%s\n", res.schema.buf);
				nfail++;
			}
			plan_release(&p);
		}
		unload(&pulled);
		introspect_result_release(&res);
		strbuf_release(&why);
		sqlschema_release(&live);
		unload(&ddl);
		pgtest_drop_db(dbname);
		free(url);
	}
	if (nfail) {
		fprintf(stderr, "%s", failures.buf);
		fail_msg("%zu pull round-trip failures of %zu schemas (above)", nfail, n);
	}
	free_list(names);
	strbuf_release(&dir);
	strbuf_release(&path);
	strbuf_release(&text);
	strbuf_release(&failures);
}

/* ---- forward + reverse scripts restore the exact catalog ---- */

/*
 * Every pair of tests/golden/diff (the folder is listed: a new pair is
 * tested without more ado): a pushed, the forward plan to b applied,
 * then its reverse: the catalog must be the one before. A reverse that adds
 * an enum value and uses it (060, 065, 070) runs statement by statement:
 * PostgreSQL refuses a value in the transaction that added it (55P04).
 * Pairs that cannot come back (reported, not run):
 */
static const struct {
	const char *name, *why;
} not_reversible[] = {
	{ "065_multischema_enum_removal", "the forward plan creates the schema \"audit\": Prisma "
	  "never drops a schema" },
	{ "073_add_extension", "Prisma never drops an extension that is not in the schema: the "
	  "reverse leaves citext and pg_trgm in place" },
	{ "077_bigint_autoincrement_change", "the forward script is Prisma's, and PostgreSQL "
	  "rejects it: ALTER COLUMN ... SET DATA TYPE BIGSERIAL (no such type)" },
};


static int cmp_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The dump with each table's column lines sorted: a dropped column that
 * the reverse script adds back comes last in ordinal order (PostgreSQL
 * cannot insert a column in the middle); everything else must be exact.
 */
static void normalize_dump(struct strbuf *sb)
{
	struct strbuf out = STRBUF_INIT;
	char *lines[4096];
	size_t n = 0, i = 0, nl = 0;
	char *p = sb->buf;

	while (*p && nl < 4096) {
		char *e = strchr(p, '\n');
		if (!e)
			break;
		*e = '\0';
		lines[nl++] = p;
		p = e + 1;
	}
	while (i < nl) {
		if (!strncmp(lines[i], "  column ", 9)) {
			n = i;
			while (n < nl && !strncmp(lines[n], "  column ", 9))
				n++;
			qsort(lines + i, n - i, sizeof(char *), cmp_line);
			for (; i < n; i++)
				strbuf_addf(&out, "%s\n", lines[i]);
			continue;
		}
		strbuf_addf(&out, "%s\n", lines[i++]);
	}
	strbuf_reset(sb);
	strbuf_addbuf(sb, &out);
	strbuf_release(&out);
}

static void test_forward_reverse(void **state)
{
	struct strbuf failures = STRBUF_INIT, dir = STRBUF_INIT;
	char dbname[PGTEST_NAME_SIZE], **reverse_pairs;
	size_t nfail = 0, npairs;
	(void)state;

	strbuf_addf(&dir, "%s/tests/golden/diff", src_dir());
	npairs = list(dir.buf, NULL, true, &reverse_pairs);
	assert_true(npairs >= 90);
	for (size_t i = 0; i < npairs; i++) {
		struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, out = STRBUF_INIT;
		struct strbuf before = STRBUF_INIT, after = STRBUF_INIT, fwd = STRBUF_INIT,
			      rev = STRBUF_INIT;
		struct loaded la, lb;
		struct sqlschema live, live2;
		struct plan p, r;
		struct mesdb_err err = MESDB_ERR_INIT;
		char *url = pgtest_create_db(dbname, sizeof(dbname));

		struct strbuf why = STRBUF_INIT;

		bool skip = false;

		for (size_t k = 0; k < ARRAY_LEN(not_reversible); k++) {
			if (!strcmp(not_reversible[k].name, reverse_pairs[i])) {
				fprintf(stderr, "not reversible, %s: %s\n", reverse_pairs[i],
					not_reversible[k].why);
				skip = true;
			}
		}
		if (skip) {
			pgtest_drop_db(dbname);
			free(url);
			continue;
		}
		strbuf_addf(&a, "%s/tests/golden/diff/%s/a.prisma", src_dir(), reverse_pairs[i]);
		strbuf_addf(&b, "%s/tests/golden/diff/%s/b.prisma", src_dir(), reverse_pairs[i]);
		push_ok(url, a.buf, false, &out);
		load(a.buf, &la);
		load(b.buf, &lb);
		describe(url, &la, &live);
		sqlschema_dump(&live, &before);
		plan_db_to(&live, &lb, &p);
		render_script(&p, NULL, &fwd);
		plan_init(&r);
		sqlschema_init(&live2);
		if (!exec_try(url, fwd.buf, &why)) {
			strbuf_addf(&failures, "%s: the forward script fails: %s\n--- forward\n%s\n",
				    reverse_pairs[i], why.buf, fwd.buf);
			nfail++;
			goto next;
		}
		if (diff_reverse(&p, &r, &err) < 0)
			fail_err("diff_reverse", &err);
		render_script(&r, NULL, &rev);
		if (!exec_try(url, rev.buf, &why) &&
		    (!strstr(why.buf, "(SQLSTATE 55P04)") ||
		     (strbuf_reset(&why), !exec_steps(url, &r, &why)))) {
			strbuf_addf(&failures, "%s: the reverse script fails: %s\n--- forward\n%s\n"
				    "--- reverse\n%s\n", reverse_pairs[i], why.buf, fwd.buf, rev.buf);
			nfail++;
			goto next;
		}
		sqlschema_release(&live2);
		describe(url, &la, &live2);
		sqlschema_dump(&live2, &after);
		normalize_dump(&before);
		normalize_dump(&after);
		if (strcmp(before.buf, after.buf)) {
			strbuf_addf(&failures, "%s: the catalog differs after forward + reverse\n"
				    "--- forward\n%s\n--- reverse\n%s\n--- before\n%s--- after\n%s\n",
				    reverse_pairs[i], fwd.buf, rev.buf, before.buf, after.buf);
			nfail++;
		}
next:
		strbuf_release(&why);
		plan_release(&r);
		plan_release(&p);
		sqlschema_release(&live2);
		sqlschema_release(&live);
		unload(&lb);
		unload(&la);
		pgtest_drop_db(dbname);
		free(url);
		strbuf_release(&a);
		strbuf_release(&b);
		strbuf_release(&out);
		strbuf_release(&before);
		strbuf_release(&after);
		strbuf_release(&fwd);
		strbuf_release(&rev);
	}
	if (nfail) {
		fprintf(stderr, "%s", failures.buf);
		fail_msg("%zu forward/reverse failures (above)", nfail);
	}
	free_list(reverse_pairs);
	strbuf_release(&dir);
	strbuf_release(&failures);
}

/* ---- push's warnings equal Prisma's ---- */

/* The warning/unexecutable block of a push's output: from the line with the sign to its end. */
static void warning_block(const char *text, struct strbuf *out)
{
	const char *p = strstr(text, "\xe2\x9a\xa0"), *e;

	if (!p)
		return;
	e = p;
	while ((e = strstr(e, "\n\n")) && !strncmp(e + 2, "  \xe2\x80\xa2", 5))
		e += 2;
	strbuf_add(out, p, e ? (size_t)(e - p) + 1 : strlen(p));
}

static void test_warnings_match_prisma(void **state)
{
	struct strbuf dir = STRBUF_INIT, failures = STRBUF_INIT;
	char **names, dbname[PGTEST_NAME_SIZE];
	size_t n, nfail = 0;
	(void)state;

	strbuf_addf(&dir, "%s/tests/golden/push", src_dir());
	n = list(dir.buf, NULL, true, &names);
	assert_true(n >= 5);
	for (size_t i = 0; i < n; i++) {
		struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, data = STRBUF_INIT, want = STRBUF_INIT;
		struct strbuf file = STRBUF_INIT, out = STRBUF_INIT, got = STRBUF_INIT;
		struct mesdb_err err = MESDB_ERR_INIT;
		char *url = pgtest_create_db(dbname, sizeof(dbname));
		char *count;
		int rc;

		strbuf_addf(&a, "%s/tests/golden/diff/%s/a.prisma", src_dir(), names[i]);
		strbuf_addf(&b, "%s/tests/golden/diff/%s/b.prisma", src_dir(), names[i]);
		strbuf_addf(&file, "%s/%s/data.sql", dir.buf, names[i]);
		fs_read_file(file.buf, &data, NULL);
		strbuf_reset(&file);
		strbuf_addf(&file, "%s/%s/expected.txt", dir.buf, names[i]);
		fs_read_file(file.buf, &want, NULL);

		push_ok(url, a.buf, false, &out);
		exec_ok(url, data.buf);
		count = pgtest_query_value(url, "SELECT count(*) FROM pg_catalog.pg_class c JOIN "
					   "pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
					   "WHERE n.nspname = 'public'");
		strbuf_reset(&out);
		rc = push(url, b.buf, false, false, &out, &err);
		warning_block(out.buf, &got);
		if (rc == 0 || err.status != MESDB_E_REFUSED || strcmp(got.buf, want.buf)) {
			strbuf_addf(&failures, "%s: rc %d (%s)\n--- expected\n%s--- got\n%s---\n",
				    names[i], rc, err.message ? err.message : "", want.buf, got.buf);
			nfail++;
		} else {
			/* refused: nothing changed */
			char *again = pgtest_query_value(url, "SELECT count(*) FROM pg_catalog.pg_class c "
							 "JOIN pg_catalog.pg_namespace n ON n.oid = "
							 "c.relnamespace WHERE n.nspname = 'public'");
			assert_string_equal(count, again);
			free(again);
		}
		mesdb_err_release(&err);
		free(count);
		pgtest_drop_db(dbname);
		free(url);
		strbuf_release(&a);
		strbuf_release(&b);
		strbuf_release(&data);
		strbuf_release(&want);
		strbuf_release(&file);
		strbuf_release(&out);
		strbuf_release(&got);
	}
	if (nfail) {
		fprintf(stderr, "%s", failures.buf);
		fail_msg("%zu warning mismatches (above)", nfail);
	}
	free_list(names);
	strbuf_release(&dir);
	strbuf_release(&failures);
}

/* ---- atomicity, refusals, reset ---- */

static void write_schema(const char *path, const char *models)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_addf(&sb, "datasource db {\n  provider = \"postgresql\"\n  url      = "
		    "env(\"DATABASE_URL\")\n}\n\n%s", models);
	assert_int_equal(fs_write_file(path, sb.buf, sb.len, 0644, NULL), 0);
	strbuf_release(&sb);
}

static void test_push_is_atomic(void **state)
{
	struct pgtest_db *db = *state;
	struct strbuf out = STRBUF_INIT, before = STRBUF_INIT, after = STRBUF_INIT;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct sqlschema s1, s2;
	struct loaded l;
	char a[] = "/tmp/mesdb_push_a_XXXXXX.prisma", b[] = "/tmp/mesdb_push_b_XXXXXX.prisma";
	char *v;
	int fd;

	fd = mkstemps(a, 7);
	close(fd);
	fd = mkstemps(b, 7);
	close(fd);
	write_schema(a, "model User {\n  id    Int    @id\n  email String\n}\n");
	/* a new table and a new column come first; the unique index then fails on duplicates */
	write_schema(b, "model User {\n  id    Int    @id\n  email String @unique\n  age Int?\n}\n\n"
		     "model Extra {\n  id Int @id\n}\n");
	push_ok(db->url, a, false, &out);
	exec_ok(db->url, "INSERT INTO \"User\" VALUES (1, 'x'), (2, 'x')");
	load(a, &l);
	describe(db->url, &l, &s1);
	sqlschema_dump(&s1, &before);

	assert_int_equal(push(db->url, b, true, false, &out, &err), -1);
	assert_int_equal(err.status, MESDB_E_QUERY);
	assert_string_equal(err.sqlstate, "23505");
	assert_non_null(strstr(err.hint ? err.hint : "", "nothing was applied"));
	mesdb_err_release(&err);

	describe(db->url, &l, &s2);
	sqlschema_dump(&s2, &after);
	assert_string_equal(before.buf, after.buf);
	v = pgtest_query_value(db->url, "SELECT count(*) FROM \"User\"");
	assert_string_equal(v, "2");
	free(v);
	v = pgtest_query_value(db->url, "SELECT to_regclass('\"Extra\"') IS NULL");
	assert_string_equal(v, "t");
	free(v);

	sqlschema_release(&s1);
	sqlschema_release(&s2);
	unload(&l);
	unlink(a);
	unlink(b);
	strbuf_release(&out);
	strbuf_release(&before);
	strbuf_release(&after);
}

/* A schema file in /tmp (path in buf, at least 40 bytes) with the models. */
static void temp_schema(char *buf, const char *models)
{
	int fd;

	strcpy(buf, "/tmp/mesdb_push_XXXXXX.prisma");
	fd = mkstemps(buf, 7);
	assert_true(fd >= 0);
	close(fd);
	write_schema(buf, models);
}

/* The enum's values in order, comma-separated (malloc'ed). */
static char *enum_values(const char *url, const char *type)
{
	char sql[256];
	snprintf(sql, sizeof(sql), "SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM "
		 "pg_enum WHERE enumtypid = '\"%s\"'::regtype", type);
	return pgtest_query_value(url, sql);
}

/* A value added and used as a default in the same push: ADD VALUE is committed first. */
static void test_enum_value_added_and_used(void **state)
{
	struct pgtest_db *db = *state;
	struct strbuf out = STRBUF_INIT;
	struct mesdb_err err = MESDB_ERR_INIT;
	char a[64], b[64], c[64];
	char *v;

	temp_schema(a, "enum Role {\n  USER\n  ADMIN\n}\n\nmodel User {\n  id   Int  @id\n"
		    "  role Role @default(USER)\n}\n");
	temp_schema(b, "enum Role {\n  USER\n  ADMIN\n  GUEST\n  OWNER\n}\n\nmodel User {\n"
		    "  id    Int    @id\n  role  Role   @default(GUEST)\n  roles Role[] @default([OWNER])\n}\n\n"
		    "model Team {\n  id   Int  @id\n  role Role @default(OWNER)\n}\n");
	push_ok(db->url, a, false, &out);
	exec_ok(db->url, "INSERT INTO \"User\" VALUES (1)");

	strbuf_reset(&out);
	push_ok(db->url, b, false, &out);
	assert_true(contains(&out, "The new enum values are added first, in a transaction of their "
			     "own: PostgreSQL cannot use an enum value in the transaction that adds it."));
	assert_true(contains(&out, "Your database is now in sync with your Prisma schema."));
	v = enum_values(db->url, "Role");
	assert_string_equal(v, "USER,ADMIN,GUEST,OWNER");
	free(v);
	v = pgtest_query_value(db->url, "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef d JOIN "
			       "pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum "
			       "WHERE d.adrelid = '\"Team\"'::regclass AND a.attname = 'role'");
	assert_string_equal(v, "'OWNER'::\"Role\"");
	free(v);
	strbuf_reset(&out);
	push_ok(db->url, b, false, &out);
	assert_true(contains(&out, "The database is already in sync with the Prisma schema."));

	/* the second part fails: the values stay (committed), nothing else is applied */
	temp_schema(c, "enum Role {\n  USER\n  ADMIN\n  GUEST\n  OWNER\n  BOT\n}\n\nmodel User {\n"
		    "  id    Int    @id\n  role  Role   @default(BOT)\n  roles Role[] @default([OWNER])\n"
		    "  name  String @unique @default(\"x\")\n}\n\n"
		    "model Team {\n  id   Int  @id\n  role Role @default(OWNER)\n}\n");
	exec_ok(db->url, "INSERT INTO \"User\" VALUES (2)");
	strbuf_reset(&out);
	assert_int_equal(push(db->url, c, true, false, &out, &err), -1);
	assert_string_equal(err.sqlstate, "23505");
	assert_non_null(strstr(err.hint, "the enum values were added (committed first)"));
	mesdb_err_release(&err);
	v = enum_values(db->url, "Role");
	assert_string_equal(v, "USER,ADMIN,GUEST,OWNER,BOT");
	free(v);
	v = pgtest_query_value(db->url, "SELECT count(*) FROM information_schema.columns WHERE "
			       "table_name = 'User' AND column_name = 'name'");
	assert_string_equal(v, "0");
	free(v);

	unlink(a);
	unlink(b);
	unlink(c);
	strbuf_release(&out);
}

/* The default of "Gen"."code" as the server prints it (malloc'ed). */
static char *code_default(const char *url)
{
	return pgtest_query_value(url, "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef d JOIN "
				  "pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum "
				  "WHERE d.adrelid = '\"Gen\"'::regclass AND a.attname = 'code'");
}

/* dbgenerated() defaults compare as the server stores them: a real change is still one. */
static void test_dbgenerated_stored_form(void **state)
{
	struct pgtest_db *db = *state;
	struct strbuf out = STRBUF_INIT;
	char a[64], b[64], c[64];
	char *v;

	temp_schema(a, "model Gen {\n  id      Int      @id\n"
		    "  created DateTime @default(dbgenerated(\"now()\")) @db.Timestamptz(3)\n"
		    "  code    Int      @default(dbgenerated(\"floor(random() * 100)::int\"))\n"
		    "  label   String   @default(dbgenerated(\"'it''s'::text\"))\n}\n");
	temp_schema(b, "model Gen {\n  id      Int      @id\n"
		    "  created DateTime @default(dbgenerated(\"now()\")) @db.Timestamptz(3)\n"
		    "  code    Int      @default(dbgenerated(\"floor(random() * 50)::int\"))\n"
		    "  label   String   @default(dbgenerated(\"'it''s'::text\"))\n}\n");
	/* an expression the temporary table cannot take (no such sequence yet): its text is compared */
	temp_schema(c, "model Gen {\n  id      Int      @id\n"
		    "  created DateTime @default(dbgenerated(\"now()\")) @db.Timestamptz(3)\n"
		    "  code    Int      @default(dbgenerated(\"nextval('gen_code_seq'::regclass)\"))\n"
		    "  label   String   @default(dbgenerated(\"'it''s'::text\"))\n}\n");
	push_ok(db->url, a, false, &out);
	strbuf_reset(&out);
	push_ok(db->url, a, false, &out);
	assert_true(contains(&out, "The database is already in sync with the Prisma schema."));

	strbuf_reset(&out);
	push_ok(db->url, b, false, &out);
	assert_true(contains(&out, "Your database is now in sync with your Prisma schema."));
	v = code_default(db->url);
	assert_string_equal(v, "(floor((random() * (50)::double precision)))::integer");
	free(v);
	strbuf_reset(&out);
	push_ok(db->url, b, false, &out);
	assert_true(contains(&out, "The database is already in sync with the Prisma schema."));

	exec_ok(db->url, "CREATE SEQUENCE gen_code_seq");
	strbuf_reset(&out);
	push_ok(db->url, c, false, &out);
	v = code_default(db->url);
	assert_string_equal(v, "nextval('gen_code_seq'::regclass)");
	free(v);
	strbuf_reset(&out);
	push_ok(db->url, c, false, &out);
	assert_true(contains(&out, "The database is already in sync with the Prisma schema."));
	unlink(a);
	unlink(b);
	unlink(c);
	strbuf_release(&out);
}

/* Prisma's script recreates an enum between BEGIN and COMMIT: the push stays one transaction. */
static void test_enum_recreation_is_atomic(void **state)
{
	struct pgtest_db *db = *state;
	struct strbuf out = STRBUF_INIT;
	struct mesdb_err err = MESDB_ERR_INIT;
	char a[64], b[64];
	char *v;

	temp_schema(a, "enum Role {\n  USER\n  ADMIN\n  GUEST\n}\n\nmodel User {\n  id    Int    @id\n"
		    "  role  Role\n  email String\n}\n");
	temp_schema(b, "enum Role {\n  USER\n  ADMIN\n}\n\nmodel User {\n  id    Int    @id\n"
		    "  role  Role\n  email String @unique\n}\n");
	push_ok(db->url, a, false, &out);
	exec_ok(db->url, "INSERT INTO \"User\" VALUES (1, 'USER', 'x'), (2, 'ADMIN', 'x')");
	strbuf_reset(&out);
	assert_int_equal(push(db->url, b, true, false, &out, &err), -1);
	assert_string_equal(err.sqlstate, "23505");
	mesdb_err_release(&err);
	v = enum_values(db->url, "Role");
	assert_string_equal(v, "USER,ADMIN,GUEST");
	free(v);
	/* without the duplicates it goes through */
	exec_ok(db->url, "UPDATE \"User\" SET email = 'y' WHERE id = 2");
	strbuf_reset(&out);
	push_ok(db->url, b, true, &out);
	v = enum_values(db->url, "Role");
	assert_string_equal(v, "USER,ADMIN");
	free(v);
	unlink(a);
	unlink(b);
	strbuf_release(&out);
}

static void test_unexecutable_and_reset(void **state)
{
	struct pgtest_db *db = *state;
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, out = STRBUF_INIT;
	struct mesdb_err err = MESDB_ERR_INIT;
	char *v;

	strbuf_addf(&a, "%s/tests/golden/diff/005_add_required_column/a.prisma", src_dir());
	strbuf_addf(&b, "%s/tests/golden/diff/005_add_required_column/b.prisma", src_dir());
	push_ok(db->url, a.buf, false, &out);
	exec_ok(db->url, "INSERT INTO \"User\" VALUES (1)");

	/* unexecutable: refused even with --accept-data-loss */
	strbuf_reset(&out);
	assert_int_equal(push(db->url, b.buf, true, false, &out, &err), -1);
	assert_int_equal(err.status, MESDB_E_REFUSED);
	assert_non_null(strstr(err.hint, "--force-reset"));
	assert_true(contains(&out, "We found changes that cannot be executed:"));
	mesdb_err_release(&err);
	v = pgtest_query_value(db->url, "SELECT count(*) FROM \"User\"");
	assert_string_equal(v, "1");
	free(v);

	/* --force-reset: the data is gone, the schema applied */
	strbuf_reset(&out);
	assert_int_equal(push(db->url, b.buf, false, true, &out, &err), 0);
	assert_true(contains(&out, "was successfully reset."));
	assert_true(contains(&out, "Your database is now in sync"));
	v = pgtest_query_value(db->url, "SELECT count(*) FROM \"User\"");
	assert_string_equal(v, "0");
	free(v);
	v = pgtest_query_value(db->url, "SELECT count(*) FROM information_schema.columns WHERE "
			       "table_name = 'User' AND column_name = 'email'");
	assert_string_equal(v, "1");
	free(v);
	strbuf_release(&a);
	strbuf_release(&b);
	strbuf_release(&out);
}

static void test_prisma_migrations_ignored(void **state)
{
	struct pgtest_db *db = *state;
	struct strbuf a = STRBUF_INIT, out = STRBUF_INIT;

	strbuf_addf(&a, "%s/tests/golden/diff/001_add_table/b.prisma", src_dir());
	exec_ok(db->url, "CREATE TABLE _prisma_migrations (id VARCHAR(36) PRIMARY KEY NOT NULL, "
		"checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ, migration_name "
		"VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ, started_at "
		"TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL "
		"DEFAULT 0)");
	push_ok(db->url, a.buf, false, &out);
	strbuf_reset(&out);
	push_ok(db->url, a.buf, false, &out);
	assert_true(contains(&out, "The database is already in sync with the Prisma schema."));
	strbuf_release(&a);
	strbuf_release(&out);
}

/* ---- migrate diff with a migrations folder: replayed and rolled back ---- */

static int diff_run(const struct mesdb_diff_opts *o, struct strbuf *out, bool *changed,
		    struct mesdb_err *err)
{
	struct mesdb_sink sink = { sink_add, sink_add, out, false };
	return mesdb_migrate_diff(o, &sink, changed, err);
}

static void test_diff_migrations(void **state)
{
	struct pgtest_db *db = *state;
	struct strbuf dir = STRBUF_INIT, sub = STRBUF_INIT, schema = STRBUF_INIT, out = STRBUF_INIT;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_diff_opts o;
	static const char init_sql[] = "CREATE TABLE \"User\" (\"id\" INTEGER NOT NULL, "
				       "CONSTRAINT \"User_pkey\" PRIMARY KEY (\"id\"));\n";
	char tmpl[] = "/tmp/mesdb_diffmig_XXXXXX";
	bool changed;
	char *v;

	assert_non_null(mkdtemp(tmpl));
	strbuf_addf(&dir, "%s/migrations", tmpl);
	strbuf_addf(&sub, "%s/20240101000000_init", dir.buf);
	assert_int_equal(fs_mkdir_p(sub.buf, 0755, NULL), 0);
	strbuf_addstr(&sub, "/migration.sql");
	assert_int_equal(fs_write_file(sub.buf, init_sql, strlen(init_sql), 0644, NULL), 0);
	strbuf_addf(&schema, "%s/tests/golden/diff/001_add_table/a.prisma", src_dir());

	/* the database already has a "public" with other things: untouched */
	exec_ok(db->url, "CREATE TABLE keepme (x int); INSERT INTO keepme VALUES (7)");
	memset(&o, 0, sizeof(o));
	o.from.kind = MESDB_DIFF_SRC_MIGRATIONS;
	o.from.arg = dir.buf;
	o.to.kind = MESDB_DIFF_SRC_SCHEMA_DATAMODEL;
	o.to.arg = schema.buf;
	o.shadow_url = db->url;
	if (diff_run(&o, &out, &changed, &err) < 0)
		fail_err("migrate diff", &err);
	assert_false(changed);
	assert_string_equal(out.buf, "No difference detected.\n");

	/* to the other schema: one table added */
	strbuf_reset(&schema);
	strbuf_addf(&schema, "%s/tests/golden/diff/001_add_table/b.prisma", src_dir());
	o.to.arg = schema.buf;
	o.script = true;
	strbuf_reset(&out);
	if (diff_run(&o, &out, &changed, &err) < 0)
		fail_err("migrate diff", &err);
	assert_true(changed);
	assert_non_null(strstr(out.buf, "-- CreateTable\nCREATE TABLE \"Post\""));

	v = pgtest_query_value(db->url, "SELECT count(*) FROM keepme");
	assert_string_equal(v, "1");
	free(v);
	v = pgtest_query_value(db->url, "SELECT to_regclass('\"User\"') IS NULL");
	assert_string_equal(v, "t");
	free(v);

	/* a failing migration: P3006, and still nothing left behind */
	assert_int_equal(fs_write_file(sub.buf, "CREATE TABLE broken (x nosuchtype);\n", 36, 0644,
				       NULL), 0);
	strbuf_reset(&out);
	assert_int_equal(diff_run(&o, &out, &changed, &err), -1);
	assert_string_equal(err.code, "P3006");
	mesdb_err_release(&err);
	v = pgtest_query_value(db->url, "SELECT count(*) FROM keepme");
	assert_string_equal(v, "1");
	free(v);

	unlink(sub.buf);
	strbuf_setlen(&sub, sub.len - strlen("/migration.sql"));
	rmdir(sub.buf);
	rmdir(dir.buf);
	rmdir(tmpl);
	strbuf_release(&dir);
	strbuf_release(&sub);
	strbuf_release(&schema);
	strbuf_release(&out);
}

static void test_execute(void **state)
{
	struct pgtest_db *db = *state;
	struct strbuf out = STRBUF_INIT;
	struct mesdb_sink sink = { sink_add, sink_add, &out, false };
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_execute_opts o;
	static const char bad[] = "CREATE TABLE t1 (x int);\nINSERT INTO t1 VALUES (1);\n"
				  "SELECT * FROM nope;\n";
	char *v;

	memset(&o, 0, sizeof(o));
	o.url = db->url;
	o.script = "CREATE TABLE t0 (x int); INSERT INTO t0 VALUES (1), (2);";
	o.script_len = strlen(o.script);
	if (mesdb_db_execute(&o, &sink, &err) < 0)
		fail_err("execute", &err);
	assert_string_equal(out.buf, "Script executed successfully.\n");

	o.script = bad;
	o.script_len = strlen(bad);
	assert_int_equal(mesdb_db_execute(&o, &sink, &err), -1);
	assert_int_equal(err.status, MESDB_E_QUERY);
	assert_string_equal(err.sqlstate, "42P01");
	assert_non_null(strstr(err.detail, "line 3"));
	mesdb_err_release(&err);
	v = pgtest_query_value(db->url, "SELECT to_regclass('t1') IS NULL");
	assert_string_equal(v, "t");
	free(v);
	v = pgtest_query_value(db->url, "SELECT count(*) FROM t0");
	assert_string_equal(v, "2");
	free(v);
	strbuf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip_corpus),
		cmocka_unit_test(test_pull_roundtrip_corpus),
		cmocka_unit_test(test_forward_reverse),
		cmocka_unit_test(test_warnings_match_prisma),
		cmocka_unit_test_setup_teardown(test_push_is_atomic, pgtest_setup_db, pgtest_teardown_db),
		cmocka_unit_test_setup_teardown(test_enum_value_added_and_used, pgtest_setup_db,
						pgtest_teardown_db),
		cmocka_unit_test_setup_teardown(test_enum_recreation_is_atomic, pgtest_setup_db,
						pgtest_teardown_db),
		cmocka_unit_test_setup_teardown(test_dbgenerated_stored_form, pgtest_setup_db,
						pgtest_teardown_db),
		cmocka_unit_test_setup_teardown(test_unexecutable_and_reset, pgtest_setup_db,
						pgtest_teardown_db),
		cmocka_unit_test_setup_teardown(test_prisma_migrations_ignored, pgtest_setup_db,
						pgtest_teardown_db),
		cmocka_unit_test_setup_teardown(test_diff_migrations, pgtest_setup_db, pgtest_teardown_db),
		cmocka_unit_test_setup_teardown(test_execute, pgtest_setup_db, pgtest_teardown_db),
	};
	return cmocka_run_group_tests(tests, pgtest_group_setup, pgtest_group_teardown);
}
