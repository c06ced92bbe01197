/* test_pg_migrate_rollback.c - down.sql over every golden diff pair: rollback restores the catalog */
/*
 * For each tests/golden/diff/NNN_x (a.prisma -> b.prisma), one cmocka test:
 * `migrate dev --create-only` writes the migration from empty to a, then
 * from a to b (each with its down.sql), into a temporary project. Catalogs
 * are read from pg_catalog (CATALOG_SQL: every schema, extension, relation,
 * column, constraint, index, enum value, type, sequence, view, function and
 * trigger, without _prisma_migrations) and compared as text:
 *
 *   dev database after `dev b` (a applied)           A
 *   deploy of both on a fresh database               AB (deploy alone)
 *   deploy of b on the dev database                  AB
 *   rollback (1 step)                                A
 *   deploy                                           AB
 *   rollback of every migration                      the empty database's catalog
 *   deploy                                           AB
 *
 * Data loss is fine (the tables are empty); the catalog must match. Pairs
 * whose down.sql cannot restore it are listed in known[] with the reason,
 * and must fail that way or not at all (a fix is reported, not failed). ORDER_ONLY: only the position of columns (a dropped column comes
 * back last) or of enum values (ADD VALUE appends) differs.
 * MESDB_ROLLBACK_ONLY=NNN runs one pair; MESDB_ROLLBACK_KEEP=1 keeps the
 * temporary projects (their paths are printed).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "pgtest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/fs.h"
#include "base/strbuf.h"
#include "mesdb/mesdb.h"

enum verdict { SAME, ORDER_ONLY, DIFFERENT, COMMAND_FAILED };

static const char *const verdict_names[] = { "restored exactly", "order only", "different",
					     "a command failed" };

/* The pairs whose down.sql does not restore the catalog exactly, and why. */
static const struct {
	const char *pair;
	enum verdict verdict;
	const char *why;
} known[] = {
	{ "052_many_changes_one_table", ORDER_ONLY,
	  "dropped columns come back at the end of the table" },
	{ "054_id_type_change", ORDER_ONLY, "the dropped id column comes back at the end of the table" },
	{ "077_bigint_autoincrement_change", COMMAND_FAILED,
	  "the up migration itself fails: ALTER COLUMN \"id\" SET DATA TYPE BIGSERIAL, the text "
	  "Prisma writes too (golden expected.sql)" },
};

static const char CATALOG_SQL[] =
	"WITH ns AS ("
	" SELECT oid, nspname FROM pg_namespace"
	" WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_toast%'"
	" AND nspname NOT LIKE 'pg\\_temp%'"
	"), rel AS ("
	" SELECT c.oid, c.relname, c.relkind, n.nspname,"
	" quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS q"
	" FROM pg_class c JOIN ns n ON n.oid = c.relnamespace"
	" WHERE c.relname <> '_prisma_migrations' AND NOT EXISTS (SELECT 1 FROM pg_depend d"
	" WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')"
	") SELECT coalesce(string_agg(line, E'\\n' ORDER BY line), '') FROM ("
	" SELECT 'schema|' || nspname AS line FROM ns"
	" UNION ALL SELECT 'extension|' || e.extname || '|' || n.nspname"
	" FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
	" UNION ALL SELECT 'relation|' || q || '|' || relkind::text FROM rel"
	" WHERE relkind IN ('r', 'p', 'v', 'm', 'S', 'f')"
	" UNION ALL SELECT 'column|' || r.q || '|' ||"
	" row_number() OVER (PARTITION BY r.oid ORDER BY a.attnum) || '|' || quote_ident(a.attname) ||"
	" '|' || format_type(a.atttypid, a.atttypmod) || '|' || a.attnotnull || '|' ||"
	" coalesce(pg_get_expr(d.adbin, d.adrelid), '') || '|' || a.attidentity::text ||"
	" a.attgenerated::text || '|' || coalesce(co.collname, '')"
	" FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped"
	" LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
	" LEFT JOIN pg_collation co ON co.oid = a.attcollation"
	" AND a.attcollation <> (SELECT typcollation FROM pg_type WHERE oid = a.atttypid)"
	" WHERE r.relkind IN ('r', 'p', 'v', 'm', 'f')"
	" UNION ALL SELECT 'constraint|' || r.q || '|' || quote_ident(c.conname) || '|' ||"
	" pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN rel r ON r.oid = c.conrelid"
	" UNION ALL SELECT 'index|' || pg_get_indexdef(i.indexrelid)"
	" FROM pg_index i JOIN rel r ON r.oid = i.indrelid"
	" UNION ALL SELECT 'enum|' || quote_ident(n.nspname) || '.' || quote_ident(t.typname) || '|' ||"
	" row_number() OVER (PARTITION BY t.oid ORDER BY e.enumsortorder) || '|' || e.enumlabel"
	" FROM pg_type t JOIN ns n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid"
	" UNION ALL SELECT 'type|' || quote_ident(n.nspname) || '.' || quote_ident(t.typname) || '|' ||"
	" t.typtype::text FROM pg_type t JOIN ns n ON n.oid = t.typnamespace"
	" WHERE t.typtype IN ('e', 'd', 'c')"
	" AND (t.typtype <> 'c' OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')"
	" AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass"
	" AND d.objid = t.oid AND d.deptype = 'e')"
	" UNION ALL SELECT 'sequence|' || r.q || '|' || format_type(s.seqtypid, NULL) || '|' ||"
	" s.seqstart || '|' || s.seqincrement || '|' || s.seqmin || '|' || s.seqmax || '|' ||"
	" s.seqcache || '|' || s.seqcycle || '|' || coalesce((SELECT o.q || '.' ||"
	" quote_ident(a.attname) FROM pg_depend d JOIN rel o ON o.oid = d.refobjid"
	" JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid"
	" WHERE d.classid = 'pg_class'::regclass AND d.objid = r.oid AND d.deptype IN ('a', 'i')), '')"
	" FROM rel r JOIN pg_sequence s ON s.seqrelid = r.oid"
	" UNION ALL SELECT 'view|' || q || '|' || regexp_replace(pg_get_viewdef(oid), '\\s+', ' ', 'g')"
	" FROM rel WHERE relkind IN ('v', 'm')"
	" UNION ALL SELECT 'function|' || quote_ident(n.nspname) || '.' || quote_ident(p.proname) ||"
	" '(' || pg_get_function_identity_arguments(p.oid) || ')'"
	" FROM pg_proc p JOIN ns n ON n.oid = p.pronamespace WHERE NOT EXISTS (SELECT 1 FROM pg_depend d"
	" WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')"
	" UNION ALL SELECT 'trigger|' || r.q || '|' || pg_get_triggerdef(t.oid)"
	" FROM pg_trigger t JOIN rel r ON r.oid = t.tgrelid WHERE NOT t.tgisinternal"
	") x";

struct pair {
	char name[128];
	char dir[1024];
};

/* Empty a database again: every schema and extension dropped, "public" created afresh. */
static const char RESET_SQL[] =
	"DO $$ DECLARE r record; BEGIN"
	" FOR r IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP"
	" EXECUTE format('DROP EXTENSION %I CASCADE', r.extname); END LOOP;"
	" FOR r IN SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog',"
	" 'information_schema') AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp%'"
	" LOOP EXECUTE format('DROP SCHEMA %I CASCADE', r.nspname); END LOOP;"
	" CREATE SCHEMA public; END $$";

static char *golden_dir;
static char *empty_catalog;
/* the two databases every pair uses (emptied before each): migrate dev's, deploy alone's */
static char dev_db[PGTEST_NAME_SIZE], alone_db[PGTEST_NAME_SIZE];
static char *dev_url, *alone_url;
static unsigned counts[4];

/* ---- catalogs ---- */

static char *catalog(const char *url)
{
	return pgtest_query_value(url, CATALOG_SQL);
}

static int cmp_lines(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The catalog without the positions of columns and enum values, sorted again. */
static char *order_free(const char *cat)
{
	struct strbuf out = STRBUF_INIT;
	char *copy = strdup(cat), **lines = NULL, *p, *save = NULL;
	size_t n = 0, alloc = 0;

	for (p = strtok_r(copy, "\n", &save); p; p = strtok_r(NULL, "\n", &save)) {
		if (!strncmp(p, "column|", 7) || !strncmp(p, "enum|", 5)) {
			/* kind|owner|POS|rest -> kind|owner||rest */
			char *b1 = strchr(p, '|'), *b2 = b1 ? strchr(b1 + 1, '|') : NULL;
			char *b3 = b2 ? strchr(b2 + 1, '|') : NULL;
			if (b3)
				memmove(b2 + 1, b3, strlen(b3) + 1);
		}
		if (n == alloc) {
			alloc = alloc ? 2 * alloc : 64;
			lines = realloc(lines, alloc * sizeof(*lines));
			assert_non_null(lines);
		}
		lines[n++] = p;
	}
	qsort(lines, n, sizeof(*lines), cmp_lines);
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&out, "%s\n", lines[i]);
	free(lines);
	free(copy);
	return strbuf_detach(&out, NULL);
}

/* The first lines that differ between two catalogs, for the report. */
static void first_difference(const char *want, const char *got, struct strbuf *out)
{
	char *w = order_free(want), *g = order_free(got);
	const char *a = w, *b = g;

	while (*a && *b) {
		size_t la = strcspn(a, "\n"), lb = strcspn(b, "\n");
		if (la != lb || memcmp(a, b, la)) {
			strbuf_addf(out, "want \"%.*s\", got \"%.*s\"", (int)la, a, (int)lb, b);
			goto out;
		}
		a += la + (a[la] == '\n');
		b += lb + (b[lb] == '\n');
	}
	if (*a)
		strbuf_addf(out, "missing \"%.*s\"", (int)strcspn(a, "\n"), a);
	else if (*b)
		strbuf_addf(out, "extra \"%.*s\"", (int)strcspn(b, "\n"), b);
out:
	free(w);
	free(g);
}

static enum verdict compare(const char *want, const char *got, struct strbuf *why)
{
	char *a, *b;
	enum verdict v;

	if (!strcmp(want, got))
		return SAME;
	a = order_free(want);
	b = order_free(got);
	v = strcmp(a, b) ? DIFFERENT : ORDER_ONLY;
	free(a);
	free(b);
	if (v == DIFFERENT)
		first_difference(want, got, why);
	return v;
}

/* ---- the commands, through the library ---- */

static void copy_file(const char *from, const char *to)
{
	struct strbuf text = STRBUF_INIT;
	struct mesdb_err err = MESDB_ERR_INIT;

	if (fs_read_file(from, &text, &err) < 0 || fs_write_file(to, text.buf, text.len, 0644, &err) < 0)
		fail_msg("%s -> %s: %s", from, to, err.message);
	strbuf_release(&text);
}

static void note_sink(void *ctx, const char *text, size_t len)
{
	(void)len;
	strbuf_addstr(ctx, text);
}

/* Run one command; false with its error (and notes) in why. */
static bool command(const char *what, const char *schema, const char *url, const char *name,
		    unsigned steps, struct strbuf *why)
{
	struct mesdb_migrate_dev_opts o;
	struct strbuf notes = STRBUF_INIT;
	struct mesdb_sink sink = { NULL, note_sink, &notes, false };
	struct mesdb_err err = MESDB_ERR_INIT;
	int r;

	memset(&o, 0, sizeof(o));
	o.base.schema_path = schema;
	o.base.url = url;
	o.name = name;
	o.steps = steps;
	o.create_only = true;
	if (!strcmp(what, "dev"))
		r = mesdb_migrate_dev(&o, &sink, &err);
	else if (!strcmp(what, "deploy"))
		r = mesdb_migrate_deploy(&o.base, &sink, &err);
	else
		r = mesdb_migrate_rollback(&o, &sink, &err);
	if (r < 0)
		strbuf_addf(why, "migrate %s failed: %s%s%s", what, err.message ? err.message : "",
			    err.detail ? " | " : "", err.detail ? err.detail : "");
	mesdb_err_release(&err);
	strbuf_release(&notes);
	return r == 0;
}

static size_t count_migrations(const char *project)
{
	struct fs_list l = FS_LIST_INIT;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct strbuf dir = STRBUF_INIT;
	size_t n;

	strbuf_addf(&dir, "%s/prisma/migrations", project);
	if (fs_list_dir(dir.buf, 'd', NULL, &l, &err) < 0)
		fail_msg("%s: %s", dir.buf, err.message);
	n = l.nr;
	fs_list_release(&l);
	strbuf_release(&dir);
	return n;
}

static void rm_rf(const char *dir)
{
	struct strbuf cmd = STRBUF_INIT;
	strbuf_addf(&cmd, "rm -rf '%s'", dir);
	if (system(cmd.buf) != 0)
		print_message("could not remove %s\n", dir);
	strbuf_release(&cmd);
}

/* ---- one pair ---- */

struct step {
	const char *cmd;
	unsigned steps;
	const char *label;
};

static enum verdict run_pair(const struct pair *pr, const char *project, struct strbuf *why)
{
	char *cat_a = NULL, *cat_ab = NULL, *got = NULL;
	struct strbuf schema = STRBUF_INIT, src = STRBUF_INIT;
	enum verdict worst = SAME;
	size_t n;
	struct step steps[4];
	size_t nsteps = 0;
	struct mesdb_err err = MESDB_ERR_INIT;

	pgtest_exec(dev_url, RESET_SQL);
	pgtest_exec(alone_url, RESET_SQL);
	strbuf_addf(&schema, "%s/prisma", project);
	if (fs_mkdir_p(schema.buf, 0755, &err) < 0)
		fail_msg("%s: %s", schema.buf, err.message);
	strbuf_addstr(&schema, "/schema.prisma");
	strbuf_addf(&src, "%s/a.prisma", pr->dir);
	copy_file(src.buf, schema.buf);
	if (!command("dev", schema.buf, dev_url, "a", 0, why))
		goto failed;
	strbuf_reset(&src);
	strbuf_addf(&src, "%s/b.prisma", pr->dir);
	copy_file(src.buf, schema.buf);
	if (!command("dev", schema.buf, dev_url, "b", 0, why))
		goto failed;
	n = count_migrations(project);
	cat_a = catalog(dev_url);

	/* deploy alone is the reference; deploying b on the dev database must match it */
	if (!command("deploy", schema.buf, alone_url, NULL, 0, why))
		goto failed;
	cat_ab = catalog(alone_url);
	if (!command("deploy", schema.buf, dev_url, NULL, 0, why))
		goto failed;
	got = catalog(dev_url);
	if (compare(cat_ab, got, why) != SAME) {
		static const char pre[] = "dev + deploy differs from deploy alone: ";
		strbuf_insert(why, 0, pre, sizeof(pre) - 1);
		worst = DIFFERENT;
		goto out;
	}
	free(got);
	got = NULL;

	if (n >= 2) {
		steps[nsteps++] = (struct step){ "rollback", 1, "rollback (1 step)" };
		steps[nsteps++] = (struct step){ "deploy", 0, "deploy after rollback" };
	}
	steps[nsteps++] = (struct step){ "rollback", (unsigned)n, "rollback of all" };
	steps[nsteps++] = (struct step){ "deploy", 0, "deploy after rollback of all" };
	for (size_t i = 0; i < nsteps; i++) {
		const char *want = !strcmp(steps[i].cmd, "deploy") ? cat_ab :
			steps[i].steps == 1 && n >= 2 ? cat_a : empty_catalog;
		struct strbuf w = STRBUF_INIT;
		enum verdict v;
		if (!command(steps[i].cmd, schema.buf, dev_url, NULL, steps[i].steps, why))
			goto failed;
		got = catalog(dev_url);
		v = compare(want, got, &w);
		free(got);
		got = NULL;
		if (v > worst) {
			worst = v;
			if (v == DIFFERENT)
				strbuf_addf(why, "after %s: %s", steps[i].label, w.buf);
		}
		strbuf_release(&w);
		if (v == DIFFERENT)
			break;
	}
	goto out;
failed:
	worst = COMMAND_FAILED;
out:
	free(got);
	free(cat_a);
	free(cat_ab);
	strbuf_release(&schema);
	strbuf_release(&src);
	return worst;
}

static void test_pair(void **state)
{
	const struct pair *pr = *state;
	char project[] = "/tmp/mesdb-rollback-XXXXXX";
	struct strbuf why = STRBUF_INIT;
	enum verdict v, want = SAME;
	const char *reason = NULL;

	if (!mkdtemp(project))
		fail_msg("mkdtemp");
	v = run_pair(pr, project, &why);
	counts[v]++;
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (!strcmp(known[i].pair, pr->name)) {
			want = known[i].verdict;
			reason = known[i].why;
		}
	if (getenv("MESDB_ROLLBACK_KEEP"))
		print_message("%s: kept %s\n", pr->name, project);
	else
		rm_rf(project);
	if (v != SAME)
		print_message("%s: %s%s%s\n", pr->name, verdict_names[v], why.len ? ": " : "", why.buf);
	if (v == SAME && reason) {
		/* fixed meanwhile: fine, but the list should say so */
		print_message("%s: listed as \"%s\" (%s), but restored exactly: remove it from "
			      "known[]\n", pr->name, verdict_names[want], reason);
	} else if (v != want) {
		if (reason)
			fail_msg("%s: listed as \"%s\" (%s), but %s: update known[]", pr->name,
				 verdict_names[want], reason, verdict_names[v]);
		fail_msg("%s: %s: %s", pr->name, verdict_names[v], why.buf);
	}
	strbuf_release(&why);
}

static int group_setup(void **state)
{
	char name[PGTEST_NAME_SIZE];
	char *url;

	if (pgtest_group_setup(state) != 0)
		return -1;
	url = pgtest_create_db(name, sizeof(name));
	empty_catalog = catalog(url);
	pgtest_drop_db(name);
	free(url);
	dev_url = pgtest_create_db(dev_db, sizeof(dev_db));
	alone_url = pgtest_create_db(alone_db, sizeof(alone_db));
	/* the reset itself must give an empty database's catalog */
	pgtest_exec(dev_url, RESET_SQL);
	url = catalog(dev_url);
	if (strcmp(url, empty_catalog))
		fail_msg("an emptied database differs from a new one:\n%s\n--\n%s", url,
			 empty_catalog);
	free(url);
	return 0;
}

static int group_teardown(void **state)
{
	print_message("pairs: %u restored exactly, %u order only, %u different, %u a command failed\n",
		      counts[SAME], counts[ORDER_ONLY], counts[DIFFERENT], counts[COMMAND_FAILED]);
	free(empty_catalog);
	pgtest_drop_db(dev_db);
	pgtest_drop_db(alone_db);
	free(dev_url);
	free(alone_url);
	return pgtest_group_teardown(state);
}

int main(void)
{
	const char *src = getenv("MESDB_SOURCE_DIR");
	const char *only = getenv("MESDB_ROLLBACK_ONLY");
	struct fs_list l = FS_LIST_INIT;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct strbuf dir = STRBUF_INIT;
	struct CMUnitTest *tests;
	struct pair *pairs;
	size_t n = 0;
	int ret;

	strbuf_addf(&dir, "%s/tests/golden/diff", src ? src : ".");
	golden_dir = dir.buf;
	if (fs_list_dir(golden_dir, 'd', NULL, &l, &err) < 0) {
		fprintf(stderr, "test_pg_migrate_rollback: %s (set MESDB_SOURCE_DIR)\n", err.message);
		return 1;
	}
	tests = calloc(l.nr + 1, sizeof(*tests));
	pairs = calloc(l.nr + 1, sizeof(*pairs));
	if (!tests || !pairs)
		return 1;
	for (size_t i = 0; i < l.nr; i++) {
		if (only && strncmp(l.names[i], only, strlen(only)))
			continue;
		snprintf(pairs[n].name, sizeof(pairs[n].name), "%s", l.names[i]);
		snprintf(pairs[n].dir, sizeof(pairs[n].dir), "%s/%s", golden_dir, l.names[i]);
		tests[n].name = pairs[n].name;
		tests[n].test_func = test_pair;
		tests[n].initial_state = &pairs[n];
		n++;
	}
	ret = _cmocka_run_group_tests("test_pg_migrate_rollback", tests, n, group_setup,
				      group_teardown);
	free(tests);
	free(pairs);
	fs_list_release(&l);
	strbuf_release(&dir);
	return ret;
}
