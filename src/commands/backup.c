/* backup.c - mesdb backup: pg_dump -Fc of a service's database, checked, hashed, in the manifest */
#include "db_common.h"
#include "ops_common.h"
#include "schema_load.h"
#include "ws_common.h"

/*
 * Owns one service's backup: find its URL, read the migration head, run
 * pg_dump (custom format) into a 0600 file that is never readable by
 * anyone else, check it with pg_restore --list, and only then give it its
 * final name and its manifest line. A failure leaves no dump behind.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/fs.h"
#include "base/xalloc.h"
#include "mesdb/mesdb_ops.h"
#include "workspace/pgurl.h"

void mesdb_backup_stamp(char out[MESDB_STAMP_SIZE])
{
	ops_stamp_now(out);
}

void mesdb_backup_result_release(struct mesdb_backup_result *res)
{
	free(res->file);
	free(res->database);
	free(res->head);
	memset(res, 0, sizeof(*res));
}

/* "12.3 MiB" */
static void human_size(struct strbuf *out, unsigned long long n)
{
	static const char *const units[] = { "bytes", "KiB", "MiB", "GiB", "TiB" };
	double v = (double)n;
	size_t u = 0;

	while (v >= 1024.0 && u + 1 < sizeof(units) / sizeof(units[0])) {
		v /= 1024.0;
		u++;
	}
	if (u == 0)
		strbuf_addf(out, "%llu bytes", n);
	else
		strbuf_addf(out, "%.1f %s", v, units[u]);
}

/* Progress of a running pg_dump: the dump's size so far, after the first second. */
struct progress {
	const struct mesdb_sink *sink;
	const char *database;
	int fd;
	double t0;
	bool shown;
};

static void progress_tick(void *ctx)
{
	struct progress *p = ctx;
	struct strbuf sb = STRBUF_INIT;
	struct stat st;
	double s = (db_now_ms() - p->t0) / 1000.0;

	if (s < 1.0 || fstat(p->fd, &st) < 0)
		return;
	strbuf_addf(&sb, "\rdumping %s: ", p->database);
	human_size(&sb, (unsigned long long)st.st_size);
	strbuf_addf(&sb, " (%.0f s)   ", s);
	sink_note(p->sink, sb.buf);
	p->shown = true;
	strbuf_release(&sb);
}

static void progress_done(struct progress *p)
{
	if (p->shown)
		sink_note(p->sink, "\r                                                            \r");
}

static void fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

int mesdb_backup(const struct mesdb_backup_opts *opts, const struct mesdb_sink *sink,
		 struct mesdb_backup_result *res, struct mesdb_err *err)
{
	struct db_schema schema;
	struct ws_url url;
	struct pg_url_parts parts;
	struct pg_conn *conn = NULL;
	struct ops_env env;
	struct ops_run run;
	struct ops_dump_info info;
	struct ops_manifest_entry entry;
	struct progress prog;
	struct strbuf dir = STRBUF_INIT, tmp = STRBUF_INIT, final = STRBUF_INIT, tool = STRBUF_INIT,
		      ns = STRBUF_INIT, sb = STRBUF_INIT, name = STRBUF_INIT;
	const char *argv[6];
	char stamp[MESDB_STAMP_SIZE], created[32];
	double t0 = db_now_ms();
	mode_t old_umask = umask(077);
	int fd = -1, version, ret = -1;
	bool tmp_made = false;

	memset(res, 0, sizeof(*res));
	memset(&parts, 0, sizeof(parts));
	memset(&run, 0, sizeof(run));
	memset(&info, 0, sizeof(info));
	memset(&entry, 0, sizeof(entry));
	strbuf_init(&run.errout, 0);
	db_schema_init(&schema);
	ws_url_init(&url);
	ops_env_init(&env);

	if (ws_service_url(&opts->svc, &schema, &url, sink, err) < 0)
		goto out;
	if (pg_url_split(url.url, &parts, err) < 0)
		goto out;
	if (!*parts.database) {
		mesdb_error(err, MESDB_E_CONFIG, "the URL %s names no database", url.masked);
		goto out;
	}
	if (opts->stamp && !ops_stamp_valid(opts->stamp)) {
		mesdb_error(err, MESDB_E_USAGE, "invalid backup stamp \"%s\" (YYYYMMDD_HHMMSS)",
			    opts->stamp);
		goto out;
	}
	if (opts->stamp)
		memcpy(stamp, opts->stamp, MESDB_STAMP_SIZE);
	else
		ops_stamp_now(stamp);

	/* the head, and which pg_dump: both need the server */
	if (pg_connect(&conn, url.url, PG_DEFAULT_CONNECT_TIMEOUT_S, err) < 0)
		goto out;
	version = pg_server_version(conn);
	ops_url_schema(&parts, &ns);
	if (ops_migration_head(conn, ns.buf, &res->head, err) < 0)
		goto out;
	pg_close(conn);
	conn = NULL;
	if (ops_tool_path("pg_dump", version, &tool, err) < 0)
		goto out;

	ops_backup_dir(opts->dir, schema.path, &dir);
	if (fs_mkdir_p(dir.buf, 0700, err) < 0)
		goto out;
	strbuf_addf(&name, "%s_%s.dump", parts.database, stamp);
	if (strchr(parts.database, '/')) {
		mesdb_error(err, MESDB_E_CONFIG, "database name \"%s\" cannot be a file name",
			    parts.database);
		goto out;
	}
	fs_path_join(&final, dir.buf, name.buf);
	strbuf_addf(&tmp, "%s/.%s.partial", dir.buf, name.buf);
	if (access(final.buf, F_OK) == 0) {
		mesdb_error(err, MESDB_E_REFUSED, "the backup \"%s\" exists already", final.buf);
		mesdb_err_hint(err, "backups are never overwritten: wait a second, or pass another "
			       "--dir");
		goto out;
	}
	/* created 0600 by us, exclusively: the dump is never readable by others */
	fd = open(tmp.buf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		mesdb_error(err, MESDB_E_IO, "could not create \"%s\": %s", tmp.buf, strerror(errno));
		if (errno == EEXIST)
			mesdb_err_hint(err, "another backup of %s with stamp %s is running, or one "
				       "was killed: remove the file", parts.database, stamp);
		goto out;
	}
	tmp_made = true;

	if (ops_env_from_url(&env, url.url, NULL, err) < 0)
		goto out;
	argv[0] = tool.buf;
	argv[1] = "--format=custom";
	argv[2] = "--no-password";
	argv[3] = "--dbname";
	argv[4] = parts.database;
	argv[5] = NULL;
	/* "--dbname NAME" would read NAME as a conninfo if it had "=": PGDATABASE then */
	if (strchr(parts.database, '='))
		argv[3] = NULL;
	run.argv = argv;
	run.env = &env;
	run.stdout_fd = fd;
	memset(&prog, 0, sizeof(prog));
	if (opts->progress) {
		prog.sink = sink;
		prog.database = parts.database;
		prog.fd = fd;
		prog.t0 = db_now_ms();
		run.tick = progress_tick;
		run.tick_ctx = &prog;
	}
	if (ops_run(&run, err) < 0)
		goto out;
	progress_done(&prog);
	if (run.status != 0) {
		ops_run_error(&run, MESDB_E_QUERY, "could not dump the database", env.password, err);
		mesdb_err_prefix(err, "database %s", parts.database);
		goto out;
	}
	if (fsync(fd) < 0 || close(fd) < 0) {
		fd = -1;
		mesdb_error(err, MESDB_E_IO, "could not write \"%s\": %s", tmp.buf, strerror(errno));
		goto out;
	}
	fd = -1;

	/* it counts once pg_restore can read its table of contents */
	if (ops_dump_check(tmp.buf, version, &info, err) < 0)
		goto out;
	if (strcmp(info.database, parts.database)) {
		mesdb_error(err, MESDB_E_INTERNAL, "the dump names database \"%s\", not \"%s\"",
			    info.database, parts.database);
		goto out;
	}
	res->sha256[0] = '\0';
	if (ops_file_sha256(tmp.buf, res->sha256, &res->size, err) < 0)
		goto out;
	if (link(tmp.buf, final.buf) < 0) {
		mesdb_error(err, MESDB_E_IO, "could not create \"%s\": %s", final.buf, strerror(errno));
		goto out;
	}
	unlink(tmp.buf);
	tmp_made = false;
	fsync_dir(dir.buf);

	{
		time_t t = time(NULL);
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(created, sizeof(created), "%Y-%m-%dT%H:%M:%SZ", &tm);
	}
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%d.%d", version / 10000, version % 10000);
	entry.service = (char *)opts->svc.service;
	entry.database = parts.database;
	entry.file = name.buf;
	entry.stamp = stamp;
	entry.created_at = created;
	entry.size = res->size;
	entry.sha256 = res->sha256;
	entry.head = res->head;
	entry.mesdb_version = (char *)MESDB_VERSION;
	entry.server_version = sb.buf;
	if (ops_manifest_add(dir.buf, &entry, err) < 0) {
		unlink(final.buf);
		goto out;
	}

	res->file = strbuf_detach(&final, NULL);
	res->database = xstrdup(parts.database);
	res->ms = db_now_ms() - t0;
	strbuf_reset(&sb);
	strbuf_addf(&sb, "Backed up %s to %s: ", parts.database, res->file);
	human_size(&sb, res->size);
	strbuf_addf(&sb, ", %u entries, sha256 %.12s, migration head %s, in %.0f ms\n",
		    info.entries, res->sha256, res->head ? res->head : "(none)", res->ms);
	sink_out(sink, sb.buf);
	ret = 0;
out:
	if (fd >= 0)
		close(fd);
	if (tmp_made)
		unlink(tmp.buf);
	if (ret < 0) {
		free(res->head);
		res->head = NULL;
		if (opts->svc.service && err && err->status != MESDB_OK)
			mesdb_err_prefix(err, "service %s", opts->svc.service);
	}
	umask(old_umask);
	pg_close(conn);
	ops_dump_info_release(&info);
	ops_run_release(&run);
	ops_env_release(&env);
	if (parts.password)
		memset(parts.password, 0, strlen(parts.password));
	pg_url_parts_release(&parts);
	ws_url_release(&url);
	db_schema_release(&schema);
	strbuf_release(&dir);
	strbuf_release(&tmp);
	strbuf_release(&final);
	strbuf_release(&tool);
	strbuf_release(&ns);
	strbuf_release(&sb);
	strbuf_release(&name);
	return ret;
}
