/* cmd_ops.c - mesdb backup / mesdb restore: pg_dump archives of the services' databases and back */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mesdb/mesdb_ops.h"

static const char backup_usage[] =
	"mesdb backup [--schema PATH | -s NAME... | --all [-j N]] [--dir DIR]";
static const char backup_help[] =
	"usage: mesdb backup [--schema PATH | -s NAME... | --all [-j N]] [--dir DIR]\n"
	"\n"
	"Dump each service's database with pg_dump (custom format, the pg_dump of the\n"
	"server's major version) into DIR/<database>_<YYYYMMDD_HHMMSS>.dump, mode 0600,\n"
	"readable by nobody else at any moment. A dump counts once pg_restore --list\n"
	"reads it; then its line is added to DIR/manifest.json: service, database,\n"
	"file, size, SHA-256, migration head (the newest applied migration), mesdb and\n"
	"server versions. An --all run shares one stamp, so that\n"
	"`mesdb restore --all --from STAMP` brings all databases back to that moment.\n"
	"\n"
	"  --dir DIR           the backup folder (default: backups/ in the workspace\n"
	"                      root; created 0700)\n"
	"  --schema PATH       the schema (default: the current folder's service)\n"
	"  -s, --service NAME  the workspace's service NAME; repeatable\n"
	"  --all               every service, in parallel, then a summary table\n"
	"  -j, --jobs N        at most N services at once (default: all)\n"
	"  -h, --help          this text\n"
	"\n"
	"pg_dump connects with the service's URL; its password is passed in the\n"
	"environment (PGPASSWORD), never as an argument. MESDB_PG_BINDIR names the\n"
	"folder of pg_dump and pg_restore when they are not in\n"
	"/usr/lib/postgresql/<major>/bin or on PATH.\n"
	"\n"
	"Exit: 0 ok, 1 failed (no dump is left behind), 2 could not connect, 129 usage\n"
	"error.\n";

static const char restore_usage[] =
	"mesdb restore --from STAMP|FILE [--schema PATH | -s NAME... | --all [-j N]] "
	"[--dir DIR] [--admin-url URL] [--force]";
static const char restore_help[] =
	"usage: mesdb restore --from STAMP|FILE [--schema PATH | -s NAME... | --all [-j N]]\n"
	"                     [--dir DIR] [--admin-url URL] [--force]\n"
	"\n"
	"Replace each service's database with a backup. Before anything is dropped the\n"
	"dump is verified: size and SHA-256 against the manifest, pg_restore --list,\n"
	"the archive's database name. It is then restored in one transaction into a\n"
	"scratch database created like the service's (owner, encoding, locale), whose\n"
	"migration head must be the manifest's; the old database's privileges,\n"
	"settings and comment are copied, its other connections are ended, it is\n"
	"dropped and the restored one takes its name. If anything fails before that\n"
	"swap, the service's database is untouched. --all verifies every dump first\n"
	"and restores nothing if one fails.\n"
	"\n"
	"  --from STAMP|FILE   the backup: a stamp (YYYYMMDD_HHMMSS) of the manifest,\n"
	"                      or a .dump file (one service)\n"
	"  --dir DIR           the backup folder (default: backups/ in the workspace root)\n"
	"  --admin-url URL     a superuser's URL (default: MESDB_ADMIN_URL, else user\n"
	"                      postgres at the service URL's host and port)\n"
	"  --force             do not ask (one service); required when not on a terminal\n"
	"  --schema PATH       the schema (default: the current folder's service)\n"
	"  -s, --service NAME  the workspace's service NAME; repeatable\n"
	"  --all               every service, in parallel, then a summary table\n"
	"  -j, --jobs N        at most N services at once (default: all)\n"
	"  -h, --help          this text\n"
	"\n"
	"On a terminal, restore asks to type the database's name; with several services\n"
	"(--all) it asks to type DELETE ALL, --force or not. Not on a terminal it refuses\n"
	"without --force.\n"
	"\n"
	"Exit: 0 ok, 1 refused (not confirmed, damaged dump, head mismatch) or failed,\n"
	"2 could not connect, 129 usage error.\n";

enum { OPT_SCHEMA = 256, OPT_DIR, OPT_FROM, OPT_FORCE, OPT_ADMIN_URL };

/* ---- backup ---- */

/* "45.1 KiB" */
static void size_text(char *buf, size_t n, unsigned long long size)
{
	if (size < 1024)
		snprintf(buf, n, "%llu B", size);
	else if (size < 1024ULL * 1024)
		snprintf(buf, n, "%.1f KiB", (double)size / 1024.0);
	else if (size < 1024ULL * 1024 * 1024)
		snprintf(buf, n, "%.1f MiB", (double)size / (1024.0 * 1024.0));
	else
		snprintf(buf, n, "%.1f GiB", (double)size / (1024.0 * 1024.0 * 1024.0));
}

static int backup_one(const struct cli_svc *svc, void *ctx)
{
	const struct mesdb_backup_opts *base = ctx;
	struct mesdb_backup_opts opts = *base;
	struct mesdb_backup_result res;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_sink sink = cli_sink();
	char size[32];

	if (svc) {
		opts.svc.schema_path = svc->schema;
		opts.svc.service = svc->name;
	}
	if (mesdb_backup(&opts, &sink, &res, &err) < 0) {
		mesdb_backup_result_release(&res);
		return cli_fail(&err);
	}
	size_text(size, sizeof(size), res.size);
	cli_sel_note("%-10s  %s", size, res.head ? res.head : "(no migrations)");
	mesdb_backup_result_release(&res);
	return EXIT_OK;
}

int cmd_backup(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_SEL_LONGOPTS,
		{ "schema", required_argument, NULL, OPT_SCHEMA },
		{ "dir", required_argument, NULL, OPT_DIR },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct mesdb_backup_opts opts;
	struct cli_sel sel;
	char stamp[MESDB_STAMP_SIZE], buf[4096];
	int c, code;

	memset(&opts, 0, sizeof(opts));
	memset(&sel, 0, sizeof(sel));
	while ((c = cli_sel_getopt(argc, argv, longopts, &sel, backup_usage, &code)) != -1) {
		if (c == CLI_OPT_FAILED)
			return code;
		switch (c) {
		case OPT_SCHEMA:
			opts.svc.schema_path = optarg;
			break;
		case OPT_DIR:
			if (!*optarg)
				return cli_usage_error(backup_usage, "--dir needs a folder");
			opts.dir = optarg;
			break;
		default:
			return cli_opt_common(c, argv, backup_usage, backup_help);
		}
	}
	if (optind < argc)
		return cli_usage_error(backup_usage, "unexpected argument \"%s\"", argv[optind]);
	if (cli_sel_active(&sel) && opts.svc.schema_path)
		return cli_usage_error(backup_usage, "pass either --schema or -s/--all, not both");
	/* one stamp for the whole run: restore --all --from STAMP finds every dump */
	mesdb_backup_stamp(stamp);
	opts.stamp = stamp;
	opts.progress = isatty(STDERR_FILENO) && !sel.all && sel.n <= 1;
	if (cli_sel_active(&sel)) {
		sel.note_head = "size        migration head";
		code = cli_sel_run(&sel, backup_one, &opts);
		if (code == EXIT_OK && (sel.all || sel.n > 1))
			printf("\nStamp %s: mesdb restore %s--from %s brings these databases back.\n",
			       stamp, sel.all ? "--all " : "-s NAME ", stamp);
		return code;
	}
	if (!opts.svc.schema_path)
		opts.svc.schema_path = cli_sel_cwd_schema(buf, sizeof(buf));
	return backup_one(NULL, &opts);
}

/* ---- restore ---- */

/* YYYYMMDD_HHMMSS */
static bool is_stamp(const char *s)
{
	size_t i;

	for (i = 0; i < 15; i++)
		if (i == 8 ? s[i] != '_' : (s[i] < '0' || s[i] > '9'))
			return false;
	return s[15] == '\0';
}

struct restore_run {
	struct mesdb_restore_opts opts;
	bool force;
};

/* The library's question, answered by typing the database's name. */
static bool confirm_name(void *ctx, const char *database, const char *question)
{
	char expect[256];

	(void)ctx;
	snprintf(expect, sizeof(expect), "%s", database);
	fflush(stdout);
	fprintf(stderr, "%s\n", question);
	return cli_guard_ask(NULL, expect);
}

static int restore_one(const struct cli_svc *svc, void *ctx)
{
	const struct restore_run *run = ctx;
	struct mesdb_restore_opts opts = run->opts;
	struct mesdb_restore_result res;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_sink sink = cli_sink();
	int code = EXIT_OK;

	if (svc) {
		opts.svc.schema_path = svc->schema;
		opts.svc.service = svc->name;
	}
	if (mesdb_restore(&opts, &sink, &res, &err) < 0)
		code = cli_fail(&err);
	else if (opts.check_only)
		cli_sel_note("verified%s", res.in_manifest ? "" : " (no manifest entry)");
	else
		cli_sel_note("%s", res.head ? res.head : "(none)");
	mesdb_restore_result_release(&res);
	return code;
}

int cmd_restore(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_SEL_LONGOPTS,
		{ "schema", required_argument, NULL, OPT_SCHEMA },
		{ "dir", required_argument, NULL, OPT_DIR },
		{ "from", required_argument, NULL, OPT_FROM },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "admin-url", required_argument, NULL, OPT_ADMIN_URL },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct restore_run run;
	struct cli_sel sel;
	char buf[4096];
	bool several;
	size_t nsel;
	int c, code;

	memset(&run, 0, sizeof(run));
	memset(&sel, 0, sizeof(sel));
	while ((c = cli_sel_getopt(argc, argv, longopts, &sel, restore_usage, &code)) != -1) {
		if (c == CLI_OPT_FAILED)
			return code;
		switch (c) {
		case OPT_SCHEMA:
			run.opts.svc.schema_path = optarg;
			break;
		case OPT_DIR:
			if (!*optarg)
				return cli_usage_error(restore_usage, "--dir needs a folder");
			run.opts.dir = optarg;
			break;
		case OPT_FROM:
			run.opts.from = optarg;
			break;
		case OPT_FORCE:
			run.force = true;
			break;
		case OPT_ADMIN_URL:
			run.opts.svc.admin_url = optarg;
			break;
		default:
			return cli_opt_common(c, argv, restore_usage, restore_help);
		}
	}
	if (optind < argc)
		return cli_usage_error(restore_usage, "unexpected argument \"%s\"", argv[optind]);
	if (!run.opts.from || !*run.opts.from)
		return cli_usage_error(restore_usage, "--from STAMP or --from FILE must be part of the "
				       "command");
	if (cli_sel_active(&sel) && run.opts.svc.schema_path)
		return cli_usage_error(restore_usage, "pass either --schema or -s/--all, not both");
	several = sel.all || sel.n > 1;
	if (several && !is_stamp(run.opts.from))
		return cli_usage_error(restore_usage, "--from FILE restores one service; several "
				       "services need a backup stamp (YYYYMMDD_HHMMSS)");

	/* refused before any work when nobody can confirm */
	if ((code = cli_guard_need_force("restore", run.force)) != EXIT_OK)
		return code;

	if (!several) {
		if (!run.force)
			run.opts.confirm = confirm_name;
		if (cli_sel_active(&sel))
			return cli_sel_run(&sel, restore_one, &run);
		if (!run.opts.svc.schema_path)
			run.opts.svc.schema_path = cli_sel_cwd_schema(buf, sizeof(buf));
		return restore_one(NULL, &run);
	}

	/* several: every dump verified first, then one DELETE ALL, then the restores */
	run.opts.check_only = true;
	sel.no_table = true;
	code = cli_sel_run(&sel, restore_one, &run);
	if (code != EXIT_OK) {
		fprintf(stderr, "mesdb: error: not every dump passed the checks: nothing was restored\n");
		return code;
	}
	nsel = sel.n;
	if (sel.all) {
		struct mesdb_workspace ws;
		struct mesdb_err err = MESDB_ERR_INIT;
		if (mesdb_workspace_open(NULL, &ws, &err) < 0)
			return cli_fail(&err);
		nsel = ws.nr;
		mesdb_workspace_release(&ws);
	}
	printf("\n");
	fflush(stdout);
	if ((code = cli_guard_confirm_all(sel.all ? "restore --all" : "restore", nsel, run.force)) !=
	    EXIT_OK)
		return code;
	run.opts.check_only = false;
	sel.no_table = false;
	sel.note_head = "migration head";
	return cli_sel_run(&sel, restore_one, &run);
}
