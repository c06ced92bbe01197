/* golden_sql.c - golden tests: schema -> SQL (from empty) and schema pair -> migration script */
/*
 * DIR/ddl/NAME.prisma with NAME.sql: the script of Prisma's `migrate diff
 * --from-empty --to-schema-datamodel NAME.prisma --script`.
 * DIR/diff/NAME/{a.prisma,b.prisma,expected.sql}: the script of `migrate
 * diff --from-schema-datamodel a.prisma --to-schema-datamodel b.prisma
 * --script`. These expected files are Prisma's stdout (oracle.sh), i.e.
 * render_diff_output().
 * DIR/migration/NAME/{[a.prisma,]b.prisma,migration.sql}: the migration.sql
 * `migrate dev` wrote when the schema went from a (or nothing) to b: the
 * "public" schema exists, warnings of the pure check in a comment block.
 * mesdb's side runs parse, validate, calc, diff and render only (no database).
 *
 * Usage: golden_sql DIR [NAME-FILTER]. MESDB_UPDATE_EXPECT=1 rewrites the
 * expected files from mesdb's own output.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/strbuf.h"
#include "calc/calc.h"
#include "diff/diff.h"
#include "psl/ast.h"
#include "psl/db.h"
#include "render/render.h"

static int failures, passes;
static bool update;

struct loaded {
	struct psl_schema ast;
	struct psl_db db;
	struct sqlschema sql;
};

/* Parse, validate and calc one schema file; false (with a message) on any error. */
static bool load(const char *path, struct loaded *l, struct strbuf *why)
{
	struct strbuf text = STRBUF_INIT;
	struct mesdb_err err = MESDB_ERR_INIT;
	bool ok = false;
	uint32_t i;

	psl_schema_init(&l->ast);
	psl_db_init(&l->db);
	sqlschema_init(&l->sql);
	if (fs_read_file(path, &text, &err) < 0) {
		strbuf_addf(why, "%s\n", err.message);
		goto out;
	}
	psl_parse(&l->ast, psl_schema_add_source(&l->ast, "schema.prisma", text.buf, text.len));
	if (!l->ast.nerrors)
		psl_validate(&l->ast, &l->db);
	if (l->ast.nerrors) {
		for (i = 0; i < l->ast.ndiags; i++)
			if (l->ast.diags[i].severity == PSL_ERROR)
				psl_diag_render(&l->ast, &l->ast.diags[i], false, why);
		goto out;
	}
	if (calc_schema_ast(&l->ast, &l->db, &l->sql, &err) < 0) {
		strbuf_addf(why, "calc: %s\n", err.message);
		goto out;
	}
	ok = true;
out:
	strbuf_release(&text);
	mesdb_err_release(&err);
	return ok;
}

static void unload(struct loaded *l)
{
	sqlschema_release(&l->sql);
	psl_db_release(&l->db);
	psl_schema_release(&l->ast);
}

/* Diff from -> to and render migration.sql as `migrate dev` writes it. */
static void migration_script(const struct sqlschema *from, const struct sqlschema *to,
			     bool qualify_from, bool qualify_to, struct strbuf *out)
{
	struct diff_opts opts = DIFF_OPTS_INIT;
	struct render_opts ro = RENDER_OPTS_INIT;
	struct diff_messages m;
	struct plan plan;

	diff_opts_migration(&opts);
	opts.qualify_from = qualify_from;
	opts.qualify_to = qualify_to;
	plan_init(&plan);
	diff_messages_init(&m);
	diff_schemas(from, to, &opts, &plan, NULL);
	diff_evaluate(&plan, &m);
	ro.messages = &m;
	render_script(&plan, &ro, out);
	diff_messages_release(&m);
	plan_release(&plan);
}

/* Diff from -> to and render the script as Prisma's CLI prints it. */
static void script(const struct sqlschema *from, const struct sqlschema *to, bool qualify_from,
		   bool qualify_to, struct strbuf *out)
{
	struct diff_opts opts = DIFF_OPTS_INIT;
	struct plan plan;

	opts.qualify_from = qualify_from;
	opts.qualify_to = qualify_to;
	plan_init(&plan);
	diff_schemas(from, to, &opts, &plan, NULL);
	render_diff_output(&plan, out);
	plan_release(&plan);
}

static void compare(const char *suite, const char *name, const char *expect_path,
		    const struct strbuf *got)
{
	struct strbuf want = STRBUF_INIT;

	fs_read_file(expect_path, &want, NULL);
	if (want.len == got->len && !memcmp(want.buf, got->buf, got->len)) {
		passes++;
	} else if (update) {
		fs_write_file(expect_path, got->buf, got->len, 0644, NULL);
		passes++;
	} else {
		failures++;
		printf("FAIL %s %s\n--- expected\n%s--- actual\n%s---\n", suite, name, want.buf,
		       got->buf);
	}
	strbuf_release(&want);
}

static void run_ddl(const char *dir, const char *name)
{
	struct strbuf path = STRBUF_INIT, expect = STRBUF_INIT, got = STRBUF_INIT;
	struct strbuf why = STRBUF_INIT;
	struct sqlschema empty;
	struct loaded l;

	fs_path_join(&path, dir, name);
	strbuf_addbuf(&expect, &path);
	strbuf_setlen(&expect, expect.len - strlen(".prisma"));
	strbuf_addstr(&expect, ".sql");
	if (!load(path.buf, &l, &why)) {
		failures++;
		printf("FAIL ddl %s: invalid schema\n%s", name, why.buf);
	} else {
		sqlschema_init(&empty);
		script(&empty, &l.sql, false, calc_multi_schema(&l.db), &got);
		compare("ddl", name, expect.buf, &got);
		sqlschema_release(&empty);
	}
	unload(&l);
	strbuf_release(&path);
	strbuf_release(&expect);
	strbuf_release(&got);
	strbuf_release(&why);
}

static void run_diff(const char *dir, const char *name)
{
	struct strbuf path = STRBUF_INIT, file = STRBUF_INIT, got = STRBUF_INIT;
	struct strbuf why = STRBUF_INIT;
	struct loaded a, b;
	bool ok;

	fs_path_join(&path, dir, name);
	fs_path_join(&file, path.buf, "a.prisma");
	ok = load(file.buf, &a, &why);
	fs_path_join(&file, path.buf, "b.prisma");
	ok = load(file.buf, &b, &why) && ok;
	if (!ok) {
		failures++;
		printf("FAIL diff %s: invalid schema\n%s", name, why.buf);
	} else {
		script(&a.sql, &b.sql, calc_multi_schema(&a.db), calc_multi_schema(&b.db), &got);
		fs_path_join(&file, path.buf, "expected.sql");
		compare("diff", name, file.buf, &got);
	}
	unload(&a);
	unload(&b);
	strbuf_release(&path);
	strbuf_release(&file);
	strbuf_release(&got);
	strbuf_release(&why);
}

static void run_migration(const char *dir, const char *name)
{
	struct strbuf path = STRBUF_INIT, file = STRBUF_INIT, got = STRBUF_INIT;
	struct strbuf why = STRBUF_INIT;
	struct loaded a, b;
	bool has_a, ok = true;

	fs_path_join(&path, dir, name);
	fs_path_join(&file, path.buf, "a.prisma");
	has_a = fs_is_file(file.buf);
	if (has_a)
		ok = load(file.buf, &a, &why);
	fs_path_join(&file, path.buf, "b.prisma");
	ok = load(file.buf, &b, &why) && ok;
	if (!ok) {
		failures++;
		printf("FAIL migration %s: invalid schema\n%s", name, why.buf);
	} else {
		struct sqlschema empty;
		sqlschema_init(&empty);
		migration_script(has_a ? &a.sql : &empty, &b.sql, has_a && calc_multi_schema(&a.db),
				 calc_multi_schema(&b.db), &got);
		sqlschema_release(&empty);
		fs_path_join(&file, path.buf, "migration.sql");
		compare("migration", name, file.buf, &got);
	}
	if (has_a)
		unload(&a);
	unload(&b);
	strbuf_release(&path);
	strbuf_release(&file);
	strbuf_release(&got);
	strbuf_release(&why);
}

int main(int argc, char **argv)
{
	struct fs_list names = FS_LIST_INIT;
	struct strbuf dir = STRBUF_INIT;
	const char *filter = argc > 2 ? argv[2] : NULL;
	int ddl_pass, ddl_fail;
	size_t i;

	if (argc < 2) {
		fprintf(stderr, "usage: golden_sql DIR [FILTER]\n");
		return 2;
	}
	update = getenv("MESDB_UPDATE_EXPECT") && !strcmp(getenv("MESDB_UPDATE_EXPECT"), "1");

	fs_path_join(&dir, argv[1], "ddl");
	fs_list_dir(dir.buf, 'f', ".prisma", &names, NULL);
	for (i = 0; i < names.nr; i++)
		if (!filter || strstr(names.names[i], filter))
			run_ddl(dir.buf, names.names[i]);
	fs_list_release(&names);
	ddl_pass = passes;
	ddl_fail = failures;
	printf("ddl: %d passed, %d failed\n", ddl_pass, ddl_fail);

	fs_path_join(&dir, argv[1], "diff");
	fs_list_dir(dir.buf, 'd', NULL, &names, NULL);
	for (i = 0; i < names.nr; i++)
		if (!filter || strstr(names.names[i], filter))
			run_diff(dir.buf, names.names[i]);
	fs_list_release(&names);
	printf("diff: %d passed, %d failed\n", passes - ddl_pass, failures - ddl_fail);
	ddl_pass = passes;
	ddl_fail = failures;

	fs_path_join(&dir, argv[1], "migration");
	fs_list_dir(dir.buf, 'd', NULL, &names, NULL);
	for (i = 0; i < names.nr; i++)
		if (!filter || strstr(names.names[i], filter))
			run_migration(dir.buf, names.names[i]);
	fs_list_release(&names);
	printf("migration: %d passed, %d failed\n", passes - ddl_pass, failures - ddl_fail);

	strbuf_release(&dir);
	printf("%d passed, %d failed\n", passes, failures);
	return failures ? 1 : 0;
}
