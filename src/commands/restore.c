/* restore.c - mesdb restore: verify a dump, restore it beside the database, then swap them */
#include "db_common.h"
#include "ops_common.h"
#include "schema_load.h"
#include "ws_common.h"

/*
 * Owns one service's restore. Nothing is dropped before the dump is found
 * and verified (size and SHA-256 against the manifest, pg_restore --list,
 * the archive's database name) and confirmed. The dump is restored in one
 * transaction into a scratch database created like the service's; its
 * migration head is checked; then the old database's privileges,
 * settings, comment and connection limit are copied, its other
 * connections ended, it is dropped and the scratch database takes its
 * name. Until that swap the service's database is never touched.
 */

#include <stdlib.h>
#include <string.h>

#include "base/fs.h"
#include "base/xalloc.h"
#include "mesdb/mesdb_ops.h"
#include "render/render.h"
#include "workspace/pgurl.h"

#define SCRATCH_SUFFIX "__restore"
#define PG_NAME_MAX 63

void mesdb_restore_result_release(struct mesdb_restore_result *res)
{
	free(res->file);
	free(res->database);
	free(res->head);
	free(res->backup_head);
	memset(res, 0, sizeof(*res));
}

/* ---- the database being replaced ---- */

struct acl_item {
	char *grantee;       /* NULL: PUBLIC */
	char *privilege;     /* CONNECT, CREATE, TEMPORARY */
	bool grantable;
};

struct old_db {
	bool exists;
	char *owner, *encoding, *collate, *ctype, *provider, *icu_locale, *comment;
	long connlimit;
	bool default_acl;
	struct acl_item *acl;
	size_t nacl, aacl;
	char **settings;     /* "name=value" of ALTER DATABASE ... SET */
	size_t nset, aset;
};

static void old_db_release(struct old_db *o)
{
	size_t i;

	free(o->owner);
	free(o->encoding);
	free(o->collate);
	free(o->ctype);
	free(o->provider);
	free(o->icu_locale);
	free(o->comment);
	for (i = 0; i < o->nacl; i++) {
		free(o->acl[i].grantee);
		free(o->acl[i].privilege);
	}
	free(o->acl);
	for (i = 0; i < o->nset; i++)
		free(o->settings[i]);
	free(o->settings);
	memset(o, 0, sizeof(*o));
}

static char *value_or_null(const struct pg_result *r, int row, const char *col)
{
	int c = pg_result_col(r, col);
	if (c < 0 || pg_result_is_null(r, row, c))
		return NULL;
	return xstrdup(pg_result_value(r, row, c));
}

static int read_old_db(struct pg_conn *c, const char *db, struct old_db *o, struct mesdb_err *err)
{
	struct pg_result *r = NULL;
	struct strbuf sql = STRBUF_INIT;
	int version = pg_server_version(c), i, ret = -1;

	memset(o, 0, sizeof(*o));
	strbuf_addstr(&sql, "SELECT pg_catalog.pg_get_userbyid(d.datdba) AS owner, "
		      "pg_catalog.pg_encoding_to_char(d.encoding) AS encoding, d.datcollate AS collate, "
		      "d.datctype AS ctype, d.datconnlimit AS connlimit, d.datacl IS NULL AS default_acl, "
		      "pg_catalog.shobj_description(d.oid, 'pg_database') AS comment, ");
	if (version >= 170000)
		strbuf_addstr(&sql, "d.datlocprovider::text AS provider, d.datlocale AS icu_locale ");
	else if (version >= 150000)
		strbuf_addstr(&sql, "d.datlocprovider::text AS provider, d.daticulocale AS icu_locale ");
	else
		strbuf_addstr(&sql, "'c'::text AS provider, NULL::text AS icu_locale ");
	strbuf_addstr(&sql, "FROM pg_catalog.pg_database d WHERE d.datname = $1");
	if (pg_exec_params(c, sql.buf, 1, &db, &r, err) < 0)
		goto out;
	if (pg_result_rows(r) == 0) {
		ret = 0;
		goto out;
	}
	o->exists = true;
	o->owner = value_or_null(r, 0, "owner");
	o->encoding = value_or_null(r, 0, "encoding");
	o->collate = value_or_null(r, 0, "collate");
	o->ctype = value_or_null(r, 0, "ctype");
	o->provider = value_or_null(r, 0, "provider");
	o->icu_locale = value_or_null(r, 0, "icu_locale");
	o->comment = value_or_null(r, 0, "comment");
	o->connlimit = strtol(pg_result_value(r, 0, pg_result_col(r, "connlimit")), NULL, 10);
	o->default_acl = !strcmp(pg_result_value(r, 0, pg_result_col(r, "default_acl")), "t");
	pg_result_free(r);
	r = NULL;

	if (pg_exec_params(c, "SELECT a.grantee = 0 AS public, pg_catalog.pg_get_userbyid(a.grantee) "
			   "AS grantee, a.privilege_type, a.is_grantable FROM pg_catalog.pg_database d, "
			   "pg_catalog.aclexplode(d.datacl) WITH ORDINALITY a WHERE d.datname = $1 "
			   "ORDER BY a.ordinality",
			   1, &db, &r, err) < 0)
		goto out;
	for (i = 0; i < pg_result_rows(r); i++) {
		struct acl_item *a;
		ALLOC_GROW(o->acl, o->nacl + 1, o->aacl);
		a = &o->acl[o->nacl++];
		a->grantee = strcmp(pg_result_value(r, i, 0), "t") ? xstrdup(pg_result_value(r, i, 1))
								   : NULL;
		a->privilege = xstrdup(pg_result_value(r, i, 2));
		a->grantable = !strcmp(pg_result_value(r, i, 3), "t");
	}
	pg_result_free(r);
	r = NULL;

	if (pg_exec_params(c, "SELECT pg_catalog.unnest(s.setconfig) FROM pg_catalog.pg_db_role_setting s "
			   "JOIN pg_catalog.pg_database d ON d.oid = s.setdatabase "
			   "WHERE d.datname = $1 AND s.setrole = 0", 1, &db, &r, err) < 0)
		goto out;
	for (i = 0; i < pg_result_rows(r); i++) {
		ALLOC_GROW(o->settings, o->nset + 1, o->aset);
		o->settings[o->nset++] = xstrdup(pg_result_value(r, i, 0));
	}
	ret = 0;
out:
	pg_result_free(r);
	strbuf_release(&sql);
	return ret;
}

/* CREATE DATABASE of the scratch database, like the old one. */
static void create_sql(struct strbuf *sql, const char *scratch, const char *owner,
		       const struct old_db *o)
{
	strbuf_addstr(sql, "CREATE DATABASE ");
	sql_quote_ident(sql, scratch);
	strbuf_addstr(sql, " OWNER ");
	sql_quote_ident(sql, owner);
	strbuf_addstr(sql, " TEMPLATE template0");
	if (!o->exists)
		return;
	if (o->encoding) {
		strbuf_addstr(sql, " ENCODING ");
		sql_quote_literal(sql, o->encoding);
	}
	if (o->collate) {
		strbuf_addstr(sql, " LC_COLLATE ");
		sql_quote_literal(sql, o->collate);
	}
	if (o->ctype) {
		strbuf_addstr(sql, " LC_CTYPE ");
		sql_quote_literal(sql, o->ctype);
	}
	if (o->provider && !strcmp(o->provider, "i") && o->icu_locale) {
		strbuf_addstr(sql, " LOCALE_PROVIDER icu ICU_LOCALE ");
		sql_quote_literal(sql, o->icu_locale);
	} else if (o->provider && !strcmp(o->provider, "b") && o->icu_locale) {
		strbuf_addstr(sql, " LOCALE_PROVIDER builtin BUILTIN_LOCALE ");
		sql_quote_literal(sql, o->icu_locale);
	}
}

/* Is this setting one whose value is a list (written back element by element)? */
static bool list_setting(const char *name, size_t len)
{
	static const char *const lists[] = { "search_path", "temp_tablespaces",
					     "session_preload_libraries", "local_preload_libraries" };
	size_t i;

	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		if (strlen(lists[i]) == len && !strncmp(lists[i], name, len))
			return true;
	return false;
}

/* `ALTER DATABASE s SET name TO value` from the catalog's "name=value"; false: skip it. */
static bool setting_sql(struct strbuf *sql, const char *scratch, const char *setting)
{
	const char *eq = strchr(setting, '='), *p;
	struct strbuf part = STRBUF_INIT;
	size_t i;

	if (!eq || eq == setting)
		return false;
	for (p = setting; p < eq; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      *p == '_' || *p == '.'))
			return false;
	strbuf_addstr(sql, "ALTER DATABASE ");
	sql_quote_ident(sql, scratch);
	strbuf_addstr(sql, " SET ");
	for (p = setting; p < eq;) {
		size_t n = strcspn(p, ".=");
		strbuf_reset(&part);
		strbuf_add(&part, p, n);
		sql_quote_ident(sql, part.buf);
		p += n;
		if (*p == '.') {
			strbuf_addch(sql, '.');
			p++;
		}
	}
	strbuf_addstr(sql, " TO ");
	if (!list_setting(setting, (size_t)(eq - setting))) {
		sql_quote_literal(sql, eq + 1);
		strbuf_release(&part);
		return true;
	}
	/* "a", b, "c d": elements split at commas outside double quotes, then unquoted */
	p = eq + 1;
	for (i = 0; *p; i++) {
		bool quoted = false;
		strbuf_reset(&part);
		while (*p == ' ')
			p++;
		while (*p && (quoted || *p != ',')) {
			if (*p == '"' && quoted && p[1] == '"') {
				strbuf_addch(&part, '"');
				p += 2;
				continue;
			}
			if (*p == '"')
				quoted = !quoted;
			else
				strbuf_addch(&part, *p);
			p++;
		}
		strbuf_rtrim(&part);
		if (i)
			strbuf_addstr(sql, ", ");
		sql_quote_literal(sql, part.buf);
		if (*p == ',')
			p++;
	}
	if (!i)
		strbuf_addstr(sql, "''");
	strbuf_release(&part);
	return true;
}

static bool known_privilege(const char *p)
{
	return !strcmp(p, "CONNECT") || !strcmp(p, "CREATE") || !strcmp(p, "TEMPORARY");
}

/* Give the scratch database the old one's privileges, settings, comment, limit. */
static int copy_properties(struct pg_conn *c, const char *scratch, const char *owner,
			   const struct old_db *o, struct mesdb_err *err)
{
	struct strbuf sql = STRBUF_INIT, q = STRBUF_INIT;
	size_t i;
	int ret = -1;

	sql_quote_ident(&q, scratch);
	if (!o->exists) {
		/* a database that was not there: mesdb setup's privileges (in setup's order) */
		strbuf_addf(&sql, "REVOKE ALL ON DATABASE %s FROM ", q.buf);
		sql_quote_ident(&sql, owner);
		strbuf_addf(&sql, ";\nGRANT TEMPORARY ON DATABASE %s TO PUBLIC;\nGRANT ALL ON DATABASE %s TO ",
			    q.buf, q.buf);
		sql_quote_ident(&sql, owner);
		strbuf_addstr(&sql, ";\n");
	} else if (o->default_acl) {
		strbuf_addf(&sql, "GRANT CONNECT, TEMPORARY ON DATABASE %s TO PUBLIC;\n", q.buf);
	} else {
		strbuf_addf(&sql, "REVOKE ALL ON DATABASE %s FROM PUBLIC;\nREVOKE ALL ON DATABASE %s FROM ",
			    q.buf, q.buf);
		sql_quote_ident(&sql, owner);
		strbuf_addstr(&sql, ";\n");
		for (i = 0; i < o->nacl; i++) {
			const struct acl_item *a = &o->acl[i];
			if (!known_privilege(a->privilege))
				continue;
			strbuf_addf(&sql, "GRANT %s ON DATABASE %s TO ", a->privilege, q.buf);
			if (a->grantee)
				sql_quote_ident(&sql, a->grantee);
			else
				strbuf_addstr(&sql, "PUBLIC");
			strbuf_addstr(&sql, a->grantable ? " WITH GRANT OPTION;\n" : ";\n");
		}
	}
	for (i = 0; i < o->nset; i++)
		if (setting_sql(&sql, scratch, o->settings[i]))
			strbuf_addstr(&sql, ";\n");
	/* the old comment, or none: the scratch database's mark goes */
	strbuf_addf(&sql, "COMMENT ON DATABASE %s IS ", q.buf);
	if (o->comment)
		sql_quote_literal(&sql, o->comment);
	else
		strbuf_addstr(&sql, "NULL");
	strbuf_addstr(&sql, ";\n");
	if (o->exists && o->connlimit != -1)
		strbuf_addf(&sql, "ALTER DATABASE %s CONNECTION LIMIT %ld;\n", q.buf, o->connlimit);
	if (pg_exec(c, sql.buf, NULL, err) < 0) {
		mesdb_err_prefix(err, "could not copy the database's privileges and settings");
		goto out;
	}
	ret = 0;
out:
	strbuf_release(&sql);
	strbuf_release(&q);
	return ret;
}

/* ---- finding and checking the dump ---- */

static bool same_or_both_null(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

/* dirname of path ("." when it has no folder) */
static void path_dir(struct strbuf *out, const char *path)
{
	const char *slash = strrchr(path, '/');

	strbuf_reset(out);
	if (!slash)
		strbuf_addch(out, '.');
	else if (slash == path)
		strbuf_addch(out, '/');
	else
		strbuf_add(out, path, (size_t)(slash - path));
}

/*
 * The dump of opts->from for database db: its path into file and its
 * manifest entry (found false when it has none).
 */
static int locate_dump(const char *from, const char *dir, const char *db, struct strbuf *file,
		       struct ops_manifest_entry *entry, bool *found, struct mesdb_err *err)
{
	struct strbuf fdir = STRBUF_INIT;
	int ret = -1;

	*found = false;
	if (ops_stamp_valid(from)) {
		if (ops_manifest_find(dir, db, from, NULL, entry, found, err) < 0)
			goto out;
		if (!*found) {
			mesdb_error(err, MESDB_E_CONFIG, "no backup of database \"%s\" with stamp %s in "
				    "%s/manifest.json", db, from, dir);
			mesdb_err_hint(err, "list the backups with: ls %s; pass --dir for another folder, "
				       "or --from FILE", dir);
			goto out;
		}
		if (strchr(entry->file, '/') || !strcmp(entry->file, "..")) {
			mesdb_error(err, MESDB_E_CONFIG, "%s/manifest.json: the file \"%s\" is not a "
				    "name in the folder", dir, entry->file);
			goto out;
		}
		fs_path_join(file, dir, entry->file);
		if (!fs_is_file(file->buf)) {
			mesdb_error(err, MESDB_E_CONFIG, "the dump %s of the manifest is missing",
				    file->buf);
			goto out;
		}
		ret = 0;
		goto out;
	}
	if (!fs_is_file(from)) {
		mesdb_error(err, MESDB_E_CONFIG, "no dump file \"%s\"", from);
		mesdb_err_hint(err, "--from takes a backup stamp (YYYYMMDD_HHMMSS) or a .dump file");
		goto out;
	}
	strbuf_reset(file);
	strbuf_addstr(file, from);
	path_dir(&fdir, from);
	if (ops_manifest_find(fdir.buf, NULL, NULL, fs_basename(from), entry, found, err) < 0)
		goto out;
	if (!*found && strcmp(fdir.buf, dir) &&
	    ops_manifest_find(dir, NULL, NULL, fs_basename(from), entry, found, err) < 0)
		goto out;
	if (*found && strcmp(entry->database, db)) {
		mesdb_error(err, MESDB_E_REFUSED, "the dump %s is a backup of database \"%s\", not \"%s\"",
			    from, entry->database, db);
		goto out;
	}
	ret = 0;
out:
	strbuf_release(&fdir);
	return ret;
}

static int verify_dump(const char *file, const struct ops_manifest_entry *entry, bool in_manifest,
		       const char *db, int version, struct ops_dump_info *info,
		       struct mesdb_err *err)
{
	char hex[65];
	unsigned long long size = 0;

	if (in_manifest) {
		if (ops_file_sha256(file, hex, &size, err) < 0)
			return -1;
		if (size != entry->size) {
			mesdb_error(err, MESDB_E_REFUSED, "the dump %s has %llu bytes, its manifest entry "
				    "%llu", file, size, entry->size);
			mesdb_err_hint(err, "the file was cut or changed after the backup: nothing was "
				       "dropped");
			return -1;
		}
		if (!entry->sha256 || strcmp(hex, entry->sha256)) {
			mesdb_error(err, MESDB_E_REFUSED, "the dump %s does not match the SHA-256 of its "
				    "manifest entry", file);
			mesdb_err_detail(err, "sha256 %s, manifest %s", hex,
					 entry->sha256 ? entry->sha256 : "(none)");
			mesdb_err_hint(err, "the file was damaged or changed after the backup: nothing "
				       "was dropped");
			return -1;
		}
	}
	if (ops_dump_check(file, version, info, err) < 0) {
		mesdb_err_hint(err, "nothing was dropped");
		return -1;
	}
	if (strcmp(info->database, db)) {
		mesdb_error(err, MESDB_E_REFUSED, "the dump %s is of database \"%s\", not \"%s\"", file,
			    info->database, db);
		mesdb_err_hint(err, "nothing was dropped");
		return -1;
	}
	return 0;
}

/* A libpq conninfo holding only dbname='name'. */
static void conninfo_dbname(struct strbuf *out, const char *name)
{
	strbuf_addstr(out, "dbname='");
	for (; *name; name++) {
		if (*name == '\'' || *name == '\\')
			strbuf_addch(out, '\\');
		strbuf_addch(out, *name);
	}
	strbuf_addch(out, '\'');
}

/* url with database (and, when schema is not NULL, ?schema=) replaced. */
static int url_with_database(const char *url, const char *database, const char *schema,
			     struct strbuf *out, struct mesdb_err *err)
{
	struct pg_url_parts p;

	strbuf_reset(out);
	if (pg_url_split(url, &p, err) < 0) {
		pg_url_parts_release(&p);
		return -1;
	}
	free(p.database);
	p.database = xstrdup(database);
	if (schema) {
		struct strbuf q = STRBUF_INIT;
		const char *s;
		strbuf_addstr(&q, "schema=");
		for (s = schema; *s; s++) {
			unsigned char ch = (unsigned char)*s;
			if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
			    ch == '_')
				strbuf_addch(&q, ch);
			else
				strbuf_addf(&q, "%%%02X", ch);
		}
		free(p.query);
		p.query = strbuf_detach(&q, NULL);
	}
	pg_url_join(out, &p);
	if (p.password)
		memset(p.password, 0, strlen(p.password));
	pg_url_parts_release(&p);
	return 0;
}

static int drop_database(struct pg_conn *c, const char *name, bool if_exists,
			 struct mesdb_err *err)
{
	struct strbuf sql = STRBUF_INIT;
	int ret;

	strbuf_addstr(&sql, if_exists ? "DROP DATABASE IF EXISTS " : "DROP DATABASE ");
	sql_quote_ident(&sql, name);
	if (pg_server_version(c) >= 130000)
		strbuf_addstr(&sql, " WITH (FORCE)");
	ret = pg_exec(c, sql.buf, NULL, err);
	strbuf_release(&sql);
	return ret;
}

static void human_size(struct strbuf *out, unsigned long long n)
{
	if (n < 1024)
		strbuf_addf(out, "%llu bytes", n);
	else if (n < 1024ULL * 1024)
		strbuf_addf(out, "%.1f KiB", (double)n / 1024.0);
	else if (n < 1024ULL * 1024 * 1024)
		strbuf_addf(out, "%.1f MiB", (double)n / (1024.0 * 1024.0));
	else
		strbuf_addf(out, "%.1f GiB", (double)n / (1024.0 * 1024.0 * 1024.0));
}

int mesdb_restore(const struct mesdb_restore_opts *opts, const struct mesdb_sink *sink,
		  struct mesdb_restore_result *res, struct mesdb_err *err)
{
	struct db_schema schema;
	struct ws_url url;
	struct pg_url_parts parts;
	struct pg_conn *admin = NULL, *c = NULL;
	struct pg_result *r = NULL;
	struct ops_manifest_entry entry;
	struct ops_dump_info info;
	struct ops_env env;
	struct ops_run run;
	struct old_db old;
	struct strbuf dir = STRBUF_INIT, file = STRBUF_INIT, ns = STRBUF_INIT, sb = STRBUF_INIT,
		      admin_url = STRBUF_INIT, scratch = STRBUF_INIT, tool = STRBUF_INIT,
		      dbarg = STRBUF_INIT, scratch_url = STRBUF_INIT, sql = STRBUF_INIT,
		      mark = STRBUF_INIT;
	const char *argv[6], *owner, *param;
	char *head = NULL;
	double t0 = db_now_ms();
	int version, ret = -1;
	bool scratch_made = false;

	memset(res, 0, sizeof(*res));
	memset(&parts, 0, sizeof(parts));
	memset(&entry, 0, sizeof(entry));
	memset(&info, 0, sizeof(info));
	memset(&old, 0, sizeof(old));
	memset(&run, 0, sizeof(run));
	strbuf_init(&run.errout, 0);
	db_schema_init(&schema);
	ws_url_init(&url);
	ops_env_init(&env);

	if (!opts->from || !*opts->from) {
		mesdb_error(err, MESDB_E_USAGE, "restore needs --from STAMP or --from FILE");
		goto out;
	}
	if (ws_service_url(&opts->svc, &schema, &url, sink, err) < 0)
		goto out;
	if (pg_url_split(url.url, &parts, err) < 0)
		goto out;
	if (!*parts.database || !*parts.user) {
		mesdb_error(err, MESDB_E_CONFIG, "the URL %s names no user or no database", url.masked);
		goto out;
	}
	ops_url_schema(&parts, &ns);
	ops_backup_dir(opts->dir, schema.path, &dir);

	/* 1. find and verify the dump: nothing is touched before this passed */
	if (locate_dump(opts->from, dir.buf, parts.database, &file, &entry, &res->in_manifest,
			err) < 0)
		goto out;
	ops_admin_url(&parts, opts->svc.admin_url, &admin_url);
	if (pg_connect(&admin, admin_url.buf, PG_DEFAULT_CONNECT_TIMEOUT_S, err) < 0) {
		mesdb_err_hint(err, "restore connects as a superuser: pass --admin-url or set "
			       "MESDB_ADMIN_URL");
		goto out;
	}
	if (!strcmp(pg_conn_database(admin), parts.database)) {
		mesdb_error(err, MESDB_E_CONFIG, "the administrator's URL must name another database "
			    "than \"%s\" (postgres)", parts.database);
		goto out;
	}
	version = pg_server_version(admin);
	if (verify_dump(file.buf, &entry, res->in_manifest, parts.database, version, &info, err) < 0)
		goto out;
	res->file = xstrdup(file.buf);
	res->database = xstrdup(parts.database);
	res->backup_head = entry.head ? xstrdup(entry.head) : NULL;
	strbuf_addf(&sb, "Verified %s: ", file.buf);
	if (res->in_manifest) {
		human_size(&sb, entry.size);
		strbuf_addf(&sb, ", size and SHA-256 as in the manifest, %u entries, migration head %s\n",
			    info.entries, entry.head ? entry.head : "(none)");
	} else {
		strbuf_addf(&sb, "%u entries (no manifest entry: size and SHA-256 not checked)\n",
			    info.entries);
	}
	sink_out(sink, sb.buf);
	if (opts->check_only) {
		res->ms = db_now_ms() - t0;
		ret = 0;
		goto out;
	}

	/* 2. confirmed? */
	if (opts->confirm) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "Restoring drops database \"%s\"%s%s%s at %s:%s and replaces it with\n"
			    "%s (stamp %s, migration head %s).\nEverything written to it since "
			    "that backup is lost.",
			    parts.database, opts->svc.service ? " (service " : "",
			    opts->svc.service ? opts->svc.service : "", opts->svc.service ? ")" : "",
			    pg_conn_host(admin), pg_conn_port(admin), file.buf,
			    entry.stamp ? entry.stamp : "unknown",
			    res->in_manifest ? (entry.head ? entry.head : "(none)") : "unknown");
		if (!opts->confirm(opts->confirm_ctx, parts.database, sb.buf)) {
			mesdb_error(err, MESDB_E_REFUSED, "restore of database \"%s\" not confirmed: "
				    "nothing was changed", parts.database);
			goto out;
		}
	}

	/* 3. one restore of a database at a time */
	strbuf_reset(&sb);
	strbuf_addf(&sb, "mesdb restore %s", parts.database);
	param = sb.buf;
	if (pg_exec_params(admin, "SELECT pg_catalog.pg_try_advisory_lock(pg_catalog.hashtext($1))",
			   1, &param, &r, err) < 0)
		goto out;
	if (strcmp(pg_result_value(r, 0, 0), "t")) {
		mesdb_error(err, MESDB_E_LOCK, "another restore of database \"%s\" is running",
			    parts.database);
		goto out;
	}
	pg_result_free(r);
	r = NULL;

	/* 4. the scratch database, created like the old one */
	if (read_old_db(admin, parts.database, &old, err) < 0)
		goto out;
	owner = old.exists && old.owner ? old.owner : parts.user;
	param = owner;
	if (pg_exec_params(admin, "SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1", 1, &param,
			   &r, err) < 0)
		goto out;
	if (pg_result_rows(r) == 0) {
		mesdb_error(err, MESDB_E_CONFIG, "role \"%s\" (the database's owner) does not exist",
			    owner);
		mesdb_err_hint(err, "run mesdb setup first");
		goto out;
	}
	pg_result_free(r);
	r = NULL;
	strbuf_addf(&scratch, "%s%s", parts.database, SCRATCH_SUFFIX);
	if (scratch.len > PG_NAME_MAX) {
		mesdb_error(err, MESDB_E_CONFIG, "database name \"%s\" is too long to restore beside "
			    "it (%zu bytes with \"%s\", at most %d)", parts.database, scratch.len,
			    SCRATCH_SUFFIX, PG_NAME_MAX);
		goto out;
	}
	/* a scratch database left by a killed restore is dropped; any other database never */
	strbuf_reset(&mark);
	strbuf_addf(&mark, "mesdb: restore of %s in progress", parts.database);
	param = scratch.buf;
	if (pg_exec_params(admin, "SELECT pg_catalog.shobj_description(oid, 'pg_database') FROM "
			   "pg_catalog.pg_database WHERE datname = $1", 1, &param, &r, err) < 0)
		goto out;
	if (pg_result_rows(r) > 0) {
		if (strcmp(pg_result_value(r, 0, 0), mark.buf)) {
			mesdb_error(err, MESDB_E_REFUSED, "database \"%s\" exists and is not a scratch "
				    "database of mesdb restore", scratch.buf);
			mesdb_err_hint(err, "restore needs that name: rename or drop that database");
			goto out;
		}
		if (drop_database(admin, scratch.buf, true, err) < 0)
			goto out;
	}
	pg_result_free(r);
	r = NULL;
	create_sql(&sql, scratch.buf, owner, &old);
	if (pg_exec(admin, sql.buf, NULL, err) < 0)
		goto out;
	scratch_made = true;
	strbuf_reset(&sql);
	strbuf_addstr(&sql, "REVOKE CONNECT, TEMPORARY ON DATABASE ");
	sql_quote_ident(&sql, scratch.buf);
	strbuf_addstr(&sql, " FROM PUBLIC; COMMENT ON DATABASE ");
	sql_quote_ident(&sql, scratch.buf);
	strbuf_addstr(&sql, " IS ");
	sql_quote_literal(&sql, mark.buf);
	if (pg_exec(admin, sql.buf, NULL, err) < 0)
		goto out;

	/* 5. pg_restore into it, in one transaction */
	if (ops_tool_path("pg_restore", version, &tool, err) < 0)
		goto out;
	if (ops_env_from_url(&env, admin_url.buf, scratch.buf, err) < 0)
		goto out;
	strbuf_addstr(&dbarg, "--dbname=");
	conninfo_dbname(&dbarg, scratch.buf);
	argv[0] = tool.buf;
	argv[1] = "--single-transaction";
	argv[2] = "--no-password";
	argv[3] = dbarg.buf;
	argv[4] = file.buf;
	argv[5] = NULL;
	run.argv = argv;
	run.env = &env;
	run.stdout_fd = -1;
	if (ops_run(&run, err) < 0)
		goto out;
	if (run.status != 0) {
		ops_run_error(&run, MESDB_E_QUERY, "could not restore the dump", env.password, err);
		mesdb_err_prefix(err, "database %s", parts.database);
		mesdb_err_hint(err, "the dump was restored into a scratch database, now dropped: "
			       "database \"%s\" is untouched", parts.database);
		goto out;
	}

	/* 6. its migration head must be the manifest's */
	if (url_with_database(admin_url.buf, scratch.buf, NULL, &scratch_url, err) < 0)
		goto out;
	if (pg_connect(&c, scratch_url.buf, PG_DEFAULT_CONNECT_TIMEOUT_S, err) < 0 ||
	    ops_migration_head(c, ns.buf, &head, err) < 0)
		goto out;
	pg_close(c);
	c = NULL;
	if (res->in_manifest && !same_or_both_null(head, entry.head)) {
		mesdb_error(err, MESDB_E_REFUSED, "the restored migration head is %s, the manifest's %s",
			    head ? head : "(none)", entry.head ? entry.head : "(none)");
		mesdb_err_hint(err, "database \"%s\" is untouched", parts.database);
		goto out;
	}

	/* 7. privileges and settings, then the swap */
	if (copy_properties(admin, scratch.buf, owner, &old, err) < 0)
		goto out;
	if (old.exists) {
		param = parts.database;
		/*
		 * Every other session goes (an autovacuum worker too, or the drop
		 * fails); the count said is the clients', the ones someone notices.
		 */
		if (pg_exec_params(admin, "SELECT count(*) FILTER (WHERE s.backend_type = "
				   "'client backend' AND s.ended) FROM (SELECT a.backend_type, "
				   "pg_catalog.pg_terminate_backend(a.pid) AS ended FROM "
				   "pg_catalog.pg_stat_activity a WHERE a.datname = $1 AND a.pid <> "
				   "pg_catalog.pg_backend_pid()) s", 1, &param, &r, err) < 0)
			goto out;
		res->terminated = (unsigned)strtoul(pg_result_value(r, 0, 0), NULL, 10);
		pg_result_free(r);
		r = NULL;
		if (drop_database(admin, parts.database, false, err) < 0) {
			mesdb_err_hint(err, "database \"%s\" may still be there: nothing was restored",
				       parts.database);
			goto out;
		}
	}
	strbuf_reset(&sql);
	strbuf_addstr(&sql, "ALTER DATABASE ");
	sql_quote_ident(&sql, scratch.buf);
	strbuf_addstr(&sql, " RENAME TO ");
	sql_quote_ident(&sql, parts.database);
	if (pg_exec(admin, sql.buf, NULL, err) < 0) {
		mesdb_err_hint(err, "the restored data is in database \"%s\": rename it to \"%s\"",
			       scratch.buf, parts.database);
		scratch_made = false;
		goto out;
	}
	scratch_made = false;

	/* 8. the service reaches it with its own URL, and sees the same head */
	free(head);
	head = NULL;
	if (pg_connect(&c, url.url, PG_DEFAULT_CONNECT_TIMEOUT_S, err) < 0 ||
	    ops_migration_head(c, pg_conn_schema(c), &head, err) < 0) {
		mesdb_err_prefix(err, "restored, but the check with the service's URL failed");
		goto out;
	}
	if (res->in_manifest && !same_or_both_null(head, entry.head)) {
		mesdb_error(err, MESDB_E_INTERNAL, "restored, but the migration head is %s, the "
			    "manifest's %s", head ? head : "(none)", entry.head ? entry.head : "(none)");
		goto out;
	}
	res->head = head;
	head = NULL;
	res->ms = db_now_ms() - t0;
	strbuf_reset(&sb);
	strbuf_addf(&sb, "Restored %s from %s: migration head %s%s", parts.database, file.buf,
		    res->head ? res->head : "(none)",
		    res->in_manifest ? " (as in the manifest)" : "");
	if (res->terminated)
		strbuf_addf(&sb, ", %u other connection%s ended", res->terminated,
			    res->terminated == 1 ? "" : "s");
	strbuf_addf(&sb, ", in %.0f ms\n", res->ms);
	sink_out(sink, sb.buf);
	ret = 0;
out:
	pg_result_free(r);
	pg_close(c);
	if (scratch_made && admin) {
		struct mesdb_err e2 = MESDB_ERR_INIT;
		drop_database(admin, scratch.buf, true, &e2);
		mesdb_err_release(&e2);
	}
	pg_close(admin);
	if (ret < 0 && opts->svc.service && err && err->status != MESDB_OK)
		mesdb_err_prefix(err, "service %s", opts->svc.service);
	free(head);
	old_db_release(&old);
	ops_manifest_entry_release(&entry);
	ops_dump_info_release(&info);
	ops_run_release(&run);
	ops_env_release(&env);
	if (parts.password)
		memset(parts.password, 0, strlen(parts.password));
	pg_url_parts_release(&parts);
	ws_url_release(&url);
	db_schema_release(&schema);
	strbuf_release(&dir);
	strbuf_release(&file);
	strbuf_release(&ns);
	strbuf_release(&sb);
	strbuf_release(&admin_url);
	strbuf_release(&scratch);
	strbuf_release(&tool);
	strbuf_release(&dbarg);
	strbuf_release(&scratch_url);
	strbuf_release(&sql);
	strbuf_release(&mark);
	return ret;
}
