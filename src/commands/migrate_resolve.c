/* migrate_resolve.c - mesdb migrate resolve --applied X | --rolled-back X */
#include "migrate_common.h"
#include "schema_load.h"

#include <string.h>

/*
 * Prisma's markMigrationApplied / markMigrationRolledBack, under the
 * advisory lock, each change in one transaction. One difference: a row that
 * finished but was later rolled back (mesdb migrate rollback writes those)
 * does not make --applied fail with P3008.
 */

static int resolve_applied(struct migrate_ctx *x, struct history *h, const char *name,
			   struct mesdb_err *err)
{
	const struct migration *m = migrations_find(&x->migs, name);
	size_t i;

	if (!m) {
		mesdb_error(err, MESDB_E_REFUSED, "the migration %s could not be found. Please make "
			    "sure that the migration exists, and that you included the whole name of "
			    "the directory. (example: \"20201207184859_initial_migration\")", name);
		mesdb_err_detail(err, "there is no folder %s/%s with a migration.sql",
				 x->migrations_dir, name);
		mesdb_err_set_code(err, "P3017");
		return -1;
	}
	if (!h->table_exists && history_create_table(x->conn, err) < 0)
		return -1;
	for (i = 0; i < h->nr; i++) {
		const struct history_row *r = &h->rows[i];
		if (!strcmp(r->name, name) && r->finished && !r->rolled_back) {
			mesdb_error(err, MESDB_E_REFUSED, "the migration `%s` is already recorded as "
				    "applied in the database", name);
			mesdb_err_set_code(err, "P3008");
			return -1;
		}
	}
	if (pg_begin(x->conn, err) < 0)
		return -1;
	for (i = 0; i < h->nr; i++) {
		const struct history_row *r = &h->rows[i];
		if (!strcmp(r->name, name) && history_row_failed(r) &&
		    history_mark_rolled_back(x->conn, r->id, err) < 0)
			goto fail;
	}
	if (history_insert_applied(x->conn, name, m->checksum, err) < 0)
		goto fail;
	return pg_commit(x->conn, err);
fail:
	pg_rollback(x->conn, NULL);
	return -1;
}

static int resolve_rolled_back(struct migrate_ctx *x, struct history *h, const char *name,
			       struct mesdb_err *err)
{
	size_t i, nrows = 0, nfinished = 0;

	for (i = 0; i < h->nr; i++) {
		if (strcmp(h->rows[i].name, name))
			continue;
		nrows++;
		if (h->rows[i].finished)
			nfinished++;
	}
	if (!nrows) {
		mesdb_error(err, MESDB_E_REFUSED, "migration `%s` cannot be rolled back because it was "
			    "never applied to the database. Hint: did you pass in the whole migration "
			    "name? (example: \"20201207184859_initial_migration\")", name);
		if (!h->table_exists)
			mesdb_err_detail(err, "the database has no " MIGRATIONS_TABLE " table");
		mesdb_err_set_code(err, "P3011");
		return -1;
	}
	if (nfinished == nrows) {
		mesdb_error(err, MESDB_E_REFUSED, "migration `%s` cannot be rolled back because it is "
			    "not in a failed state", name);
		mesdb_err_hint(err, "resolve only records what you did by hand; to undo an applied "
			       "migration use `mesdb migrate rollback`");
		mesdb_err_set_code(err, "P3012");
		return -1;
	}
	if (pg_begin(x->conn, err) < 0)
		return -1;
	for (i = 0; i < h->nr; i++) {
		const struct history_row *r = &h->rows[i];
		if (!strcmp(r->name, name) && history_row_failed(r) &&
		    history_mark_rolled_back(x->conn, r->id, err) < 0) {
			pg_rollback(x->conn, NULL);
			return -1;
		}
	}
	return pg_commit(x->conn, err);
}

int mesdb_migrate_resolve(const struct mesdb_migrate_opts *opts, const struct mesdb_sink *sink,
			  struct mesdb_err *err)
{
	struct migrate_ctx x;
	struct history h;
	struct strbuf sb = STRBUF_INIT;
	int ret = -1;

	if (opts->applied && opts->rolled_back)
		return mesdb_error(err, MESDB_E_USAGE, "pass either --applied or --rolled-back, not both");
	if (!opts->applied && !opts->rolled_back)
		return mesdb_error(err, MESDB_E_USAGE, "--applied or --rolled-back must be part of the "
				   "command");
	if ((opts->applied && !*opts->applied) || (opts->rolled_back && !*opts->rolled_back))
		return mesdb_error(err, MESDB_E_USAGE, "the migration name must not be empty");

	history_init(&h);
	if (migrate_ctx_open(&x, opts, sink, true, err) < 0)
		goto out;
	if (history_load(x.conn, &h, err) < 0)
		goto out;
	if (opts->applied) {
		if (resolve_applied(&x, &h, opts->applied, err) < 0)
			goto out;
		strbuf_addf(&sb, "\nMigration %s marked as applied.\n", opts->applied);
	} else {
		if (resolve_rolled_back(&x, &h, opts->rolled_back, err) < 0)
			goto out;
		strbuf_addf(&sb, "\nMigration %s marked as rolled back.\n", opts->rolled_back);
	}
	sink_out(sink, sb.buf);
	ret = 0;
out:
	strbuf_release(&sb);
	history_release(&h);
	migrate_ctx_close(&x);
	return ret;
}
