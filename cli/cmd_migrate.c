/* cmd_migrate.c - mesdb migrate deploy / status / resolve / dev / reset / rollback / baseline */
#include "cli.h"

#include "mesdb/mesdb_ws.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char deploy_usage[] = "mesdb migrate deploy [--schema PATH | -s NAME... | --all [-j N]]";
static const char deploy_help[] =
	"usage: mesdb migrate deploy [--schema PATH | -s NAME... | --all [-j N]]\n"
	"\n"
	"Apply the pending migrations of <schema folder>/migrations to the datasource's\n"
	"database, in folder order, each in its own transaction: a migration that fails\n"
	"leaves the database as it was before it. Scripts that cannot run in a\n"
	"transaction (CREATE INDEX CONCURRENTLY, explicit BEGIN/COMMIT, ...) are applied\n"
	"statement by statement, and the output says so. Compatible with Prisma Migrate's\n"
	"folder and _prisma_migrations table.\n"
	"\n"
	"  --schema PATH   the schema (default: prisma/schema.prisma, schema.prisma,\n"
	"                  prisma/schema/)\n"
	"  -s, --service NAME  the workspace's service NAME (services/NAME/prisma/);\n"
	"                  repeatable (default: the service of the current folder)\n"
	"  --all           every service, in parallel, then a summary table\n"
	"  -j, --jobs N    at most N services at once (default: all)\n"
	"  -h, --help      this text\n"
	"\n"
	"The database URL is the datasource's url: a literal, or env(\"VAR\") from the\n"
	"environment or a .env file (<schema folder>/.env, the project's .env, ./.env).\n"
	"Another migrate command holding the lock is waited for up to 10 s\n"
	"(MESDB_LOCK_TIMEOUT_MS changes that), then P1002.\n"
	"\n"
	"Exit: 0 ok, 1 refused (P3005 unmanaged non-empty database, P3009 failed\n"
	"migration, P1002 lock timeout...), 2 could not connect, 3 a migration script\n"
	"failed (P3018), 129 usage error.\n";

static const char status_usage[] =
	"mesdb migrate status [--schema PATH | -s NAME... | --all [-j N]] [--drift | --no-drift]\n"
	"                     [--strict]";
static const char status_help[] =
	"usage: mesdb migrate status [--schema PATH | -s NAME... | --all [-j N]]\n"
	"                            [--drift | --no-drift] [--strict]\n"
	"\n"
	"Compare the migrations folder with the database's _prisma_migrations table:\n"
	"pending, failed and unknown migrations, in Prisma's words. Also warns about\n"
	"migrations edited after they were applied (checksum), migrations applied to the\n"
	"database but missing from the folder, and schema drift: the database differs\n"
	"from what its applied migrations produce.\n"
	"\n"
	"Drift is found by replaying the applied migrations in fresh schemas inside one\n"
	"rolled-back transaction (the database is left unchanged; a history with a script\n"
	"that cannot run in a transaction is replayed on the datasource's\n"
	"shadowDatabaseUrl) and comparing the result with the database; differences are\n"
	"printed as SQL. The result is kept (in $MESDB_CACHE_DIR, $XDG_CACHE_HOME/mesdb or\n"
	"~/.cache/mesdb) under the applied migrations' checksums and a fingerprint of the\n"
	"database's catalog (one query), so while neither changes a status replays\n"
	"nothing and takes milliseconds; the first status after a change replays.\n"
	"\n"
	"  --schema PATH   the schema (default: prisma/schema.prisma, schema.prisma,\n"
	"                  prisma/schema/)\n"
	"  --drift         replay for the drift check even when a kept result holds\n"
	"  --no-drift      no drift check: _prisma_migrations and the folder only\n"
	"  --strict        the warnings (edited, missing, drift) count as problems (exit 1)\n"
	"  -s, --service NAME  the workspace's service NAME (services/NAME/prisma/);\n"
	"                  repeatable (default: the service of the current folder)\n"
	"  --all           every service, in parallel, then a summary table\n"
	"  -j, --jobs N    at most N services at once (default: all)\n"
	"  -h, --help      this text\n"
	"\n"
	"Exit: 0 up to date, 1 pending or failed migrations, diverging histories, a\n"
	"database not managed by migrations (or warnings with --strict), 2 could not\n"
	"connect, 129 usage error.\n";

static const char resolve_usage[] =
	"mesdb migrate resolve (--applied NAME | --rolled-back NAME) [--schema PATH]";
static const char resolve_help[] =
	"usage: mesdb migrate resolve (--applied NAME | --rolled-back NAME) [--schema PATH]\n"
	"\n"
	"Record in _prisma_migrations what was done by hand, as Prisma's migrate resolve:\n"
	"\n"
	"  --applied NAME      the migration is applied (baseline an existing database,\n"
	"                      or a failed migration completed by hand)\n"
	"  --rolled-back NAME  the failed migration is undone; deploy will apply it again\n"
	"  --schema PATH       the schema (default: prisma/schema.prisma, schema.prisma,\n"
	"                      prisma/schema/)\n"
	"  -h, --help          this text\n"
	"\n"
	"Exit: 0 ok, 1 refused (P3008 already applied, P3011 never applied, P3012 not\n"
	"failed, P3017 no such migration), 2 could not connect, 129 usage error.\n";

enum { OPT_SCHEMA = 256, OPT_STRICT, OPT_APPLIED, OPT_ROLLED_BACK, OPT_DRIFT, OPT_NO_DRIFT };

/* Parse the options every migrate command shares; -1: done (code in *code). */
static int parse(int argc, char **argv, const char *usage, const char *help,
		 struct mesdb_migrate_opts *opts, struct cli_sel *sel, int *code)
{
	static const struct option longopts[] = {
		CLI_SEL_LONGOPTS,
		{ "schema", required_argument, NULL, OPT_SCHEMA },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "drift", no_argument, NULL, OPT_DRIFT },
		{ "no-drift", no_argument, NULL, OPT_NO_DRIFT },
		{ "applied", required_argument, NULL, OPT_APPLIED },
		{ "rolled-back", required_argument, NULL, OPT_ROLLED_BACK },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool is_status = usage == status_usage, is_resolve = usage == resolve_usage;
	int c;

	memset(opts, 0, sizeof(*opts));
	memset(sel, 0, sizeof(*sel));
	opts->lock_timeout_ms = cli_lock_timeout_ms();
	while ((c = cli_sel_getopt(argc, argv, longopts, sel, usage, code)) != -1) {
		if (c == CLI_OPT_FAILED)
			return -1;
		switch (c) {
		case OPT_SCHEMA:
			opts->schema_path = optarg;
			break;
		case OPT_STRICT:
			if (!is_status)
				goto unknown;
			opts->strict = true;
			break;
		case OPT_DRIFT:
			if (!is_status)
				goto unknown;
			opts->drift = true;
			opts->no_drift = false;
			break;
		case OPT_NO_DRIFT:
			if (!is_status)
				goto unknown;
			opts->no_drift = true;
			opts->drift = false;
			break;
		case OPT_APPLIED:
			if (!is_resolve)
				goto unknown;
			opts->applied = optarg;
			break;
		case OPT_ROLLED_BACK:
			if (!is_resolve)
				goto unknown;
			opts->rolled_back = optarg;
			break;
		default:
			*code = cli_opt_common(c, argv, usage, help);
			return -1;
		}
	}
	if (optind < argc) {
		*code = cli_usage_error(usage, "unexpected argument \"%s\"", argv[optind]);
		return -1;
	}
	if (cli_sel_active(sel) && opts->schema_path) {
		*code = cli_usage_error(usage, "pass either --schema or -s/--all, not both");
		return -1;
	}
	return 0;
unknown:
	*code = cli_usage_error(usage, "unknown option \"%s\"", argv[optind - 1]);
	return -1;
}

struct migrate_run {
	struct mesdb_migrate_opts opts;
	bool status;
};

/* One service's deploy or status (cli_sel_run callback). */
static int migrate_one(const struct cli_svc *svc, void *ctx)
{
	struct migrate_run *run = ctx;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_sink sink = cli_sink();
	struct mesdb_migrate_opts opts = run->opts;
	struct mesdb_migrate_status st;

	if (svc)
		opts.schema_path = svc->schema;
	if (!run->status) {
		if (mesdb_migrate_deploy(&opts, &sink, &err) < 0)
			return cli_fail(&err);
		return EXIT_OK;
	}
	if (mesdb_migrate_status(&opts, &sink, &st, &err) < 0)
		return cli_fail(&err);
	return st.up_to_date ? EXIT_OK : EXIT_FAILED;
}

static int migrate_sel(int argc, char **argv, bool status)
{
	struct migrate_run run;
	struct cli_sel sel;
	char buf[4096];
	int code;

	run.status = status;
	if (parse(argc, argv, status ? status_usage : deploy_usage, status ? status_help : deploy_help,
		  &run.opts, &sel, &code) < 0)
		return code;
	if (cli_sel_active(&sel))
		return cli_sel_run(&sel, migrate_one, &run);
	if (!run.opts.schema_path)
		run.opts.schema_path = cli_sel_cwd_schema(buf, sizeof(buf));
	return migrate_one(NULL, &run);
}

int cmd_migrate_deploy(int argc, char **argv)
{
	return migrate_sel(argc, argv, false);
}

int cmd_migrate_status(int argc, char **argv)
{
	return migrate_sel(argc, argv, true);
}

static int resolve_one(const struct cli_svc *svc, void *ctx)
{
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_sink sink = cli_sink();
	struct mesdb_migrate_opts opts = *(struct mesdb_migrate_opts *)ctx;

	if (svc)
		opts.schema_path = svc->schema;
	if (mesdb_migrate_resolve(&opts, &sink, &err) < 0)
		return cli_fail(&err);
	return EXIT_OK;
}

int cmd_migrate_resolve(int argc, char **argv)
{
	struct mesdb_migrate_opts opts;
	struct cli_sel sel;
	char buf[4096];
	int code;

	if (parse(argc, argv, resolve_usage, resolve_help, &opts, &sel, &code) < 0)
		return code;
	if (sel.all || sel.n > 1)
		return cli_usage_error(resolve_usage, "resolve works on one service: pass one -s NAME");

	if (opts.applied && opts.rolled_back)
		return cli_usage_error(resolve_usage, "pass either --applied or --rolled-back, not both");
	if (!opts.applied && !opts.rolled_back)
		return cli_usage_error(resolve_usage, "--applied or --rolled-back must be part of the "
				       "command");
	if (sel.n == 1)
		return cli_sel_run(&sel, resolve_one, &opts);
	if (!opts.schema_path)
		opts.schema_path = cli_sel_cwd_schema(buf, sizeof(buf));
	return resolve_one(NULL, &opts);
}

/* ---- dev / reset / rollback / baseline ---- */

#define SEL_USAGE "[--schema PATH | -s NAME... | --all [-j N]]"
#define SEL_HELP \
	"  --schema PATH   the schema (default: the service of the current folder, else\n" \
	"                  prisma/schema.prisma, schema.prisma, prisma/schema/)\n" \
	"  -s, --service NAME  the workspace's service NAME (services/NAME/prisma/);\n" \
	"                  repeatable\n" \
	"  --all           every service, in parallel, then a summary table\n" \
	"  -j, --jobs N    at most N services at once (default: all)\n" \
	"  -h, --help      this text\n"

static const char dev_usage[] = "mesdb migrate dev --name NAME [--create-only] " SEL_USAGE;
static const char dev_help[] =
	"usage: mesdb migrate dev --name NAME [--create-only]\n"
	"                         " SEL_USAGE "\n"
	"\n"
	"Apply the pending migrations, then write the change from the migration history to\n"
	"the schema as <schema folder>/migrations/<UTC timestamp>_<name>/migration.sql\n"
	"(Prisma's text) plus down.sql (its reverse), and apply it. The history's state is\n"
	"found by replaying the migrations in one rolled-back transaction: no shadow\n"
	"database. A history with a script that cannot run in a transaction (CREATE INDEX\n"
	"CONCURRENTLY, ...) is replayed on the datasource's shadowDatabaseUrl instead (its\n"
	"schemas are emptied before and after); without one, dev stops and says so.\n"
	"Stops when the database drifted from its history or an applied migration was\n"
	"edited (`mesdb migrate reset` is the way out in development).\n"
	"\n"
	"  --name NAME     the migration's name (made lowercase, other characters -> _)\n"
	"  --create-only   write the migration, do not apply it\n"
	SEL_HELP
	"\n"
	"Data-loss warnings are asked about on a terminal (one service only); otherwise the\n"
	"migration is not created: write it with --create-only, review it, then apply it.\n"
	"\n"
	"Exit: 0 ok, 1 refused (drift, edited migrations, data-loss warnings not\n"
	"confirmed), 2 could not connect, 3 a migration script failed, 129 usage error.\n";

static const char reset_usage[] = "mesdb migrate reset [--force] [--skip-seed] " SEL_USAGE;
static const char reset_help[] =
	"usage: mesdb migrate reset [--force] [--skip-seed]\n"
	"                           " SEL_USAGE "\n"
	"\n"
	"Drop everything in the datasource's schemas (including _prisma_migrations),\n"
	"re-apply every migration, then run <schema folder>/seed.sql (in one\n"
	"transaction) when it exists. All data is lost: asks on a terminal (for several\n"
	"services, once for all: type DELETE ALL), refuses without --force otherwise,\n"
	"and always in production (MESDB_ENV=production).\n"
	"\n"
	"  --force         do not ask\n"
	"  --skip-seed     do not run seed.sql\n"
	SEL_HELP
	"\n"
	"Exit: 0 ok, 1 refused or failed, 2 could not connect, 3 a migration script\n"
	"failed, 129 usage error.\n";

static const char rollback_usage[] = "mesdb migrate rollback [--to NAME | --steps N] " SEL_USAGE;
static const char rollback_help[] =
	"usage: mesdb migrate rollback [--to NAME | --steps N]\n"
	"                              " SEL_USAGE "\n"
	"\n"
	"Undo the newest applied migrations by running their down.sql, newest first, each\n"
	"in one transaction with its _prisma_migrations row marked rolled back (deploy\n"
	"applies them again). Refuses before touching anything when a migration to undo\n"
	"has no down.sql.\n"
	"\n"
	"  --to NAME       undo every migration applied after NAME\n"
	"  --steps N       undo the N newest migrations (default 1)\n"
	SEL_HELP
	"\n"
	"Exit: 0 ok, 1 refused or a down.sql failed, 2 could not connect, 129 usage error.\n";

static const char baseline_usage[] = "mesdb migrate baseline [--name NAME] " SEL_USAGE;
static const char baseline_help[] =
	"usage: mesdb migrate baseline [--name NAME]\n"
	"                              " SEL_USAGE "\n"
	"\n"
	"Start the migration history of a database that already matches the schema: write\n"
	"the migration from an empty database to the schema as <migrations>/NAME/\n"
	"(migration.sql and down.sql) and mark it applied without running it. Refuses\n"
	"when the migrations folder already has migrations.\n"
	"\n"
	"  --name NAME     the migration folder (default 0_init)\n"
	SEL_HELP
	"\n"
	"Exit: 0 ok, 1 refused, 2 could not connect, 129 usage error.\n";

enum { OPT_NAME = 300, OPT_CREATE_ONLY, OPT_FORCE, OPT_SKIP_SEED, OPT_TO, OPT_STEPS };

static bool ask_terminal(void *ctx, const char *question)
{
	char line[64];

	(void)ctx;
	fprintf(stderr, "%s [y/N] ", question);
	fflush(stderr);
	if (!fgets(line, sizeof(line), stdin))
		return false;
	return line[0] == 'y' || line[0] == 'Y';
}

/* Parse the options of dev/reset/rollback/baseline; -1: done (code in *code). */
static int parse_dev(int argc, char **argv, const char *usage, const char *help,
		     struct mesdb_migrate_dev_opts *opts, struct cli_sel *sel, int *code)
{
	static const struct option longopts[] = {
		CLI_SEL_LONGOPTS,
		{ "schema", required_argument, NULL, OPT_SCHEMA },
		{ "name", required_argument, NULL, OPT_NAME },
		{ "create-only", no_argument, NULL, OPT_CREATE_ONLY },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "skip-seed", no_argument, NULL, OPT_SKIP_SEED },
		{ "to", required_argument, NULL, OPT_TO },
		{ "steps", required_argument, NULL, OPT_STEPS },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool dev = usage == dev_usage, reset = usage == reset_usage;
	bool rollback = usage == rollback_usage, baseline = usage == baseline_usage;
	char *end;
	long n;
	int c;

	memset(opts, 0, sizeof(*opts));
	memset(sel, 0, sizeof(*sel));
	opts->base.lock_timeout_ms = cli_lock_timeout_ms();
	while ((c = cli_sel_getopt(argc, argv, longopts, sel, usage, code)) != -1) {
		if (c == CLI_OPT_FAILED)
			return -1;
		switch (c) {
		case OPT_SCHEMA:
			opts->base.schema_path = optarg;
			break;
		case OPT_NAME:
			if (!dev && !baseline)
				goto unknown;
			opts->name = optarg;
			break;
		case OPT_CREATE_ONLY:
			if (!dev)
				goto unknown;
			opts->create_only = true;
			break;
		case OPT_FORCE:
			if (!reset)
				goto unknown;
			opts->force = true;
			break;
		case OPT_SKIP_SEED:
			if (!reset)
				goto unknown;
			opts->skip_seed = true;
			break;
		case OPT_TO:
			if (!rollback)
				goto unknown;
			opts->to = optarg;
			break;
		case OPT_STEPS:
			if (!rollback)
				goto unknown;
			n = strtol(optarg, &end, 10);
			if (*end || end == optarg || n <= 0 || n > 100000) {
				*code = cli_usage_error(usage, "--steps needs a positive number, not \"%s\"",
							optarg);
				return -1;
			}
			opts->steps = (unsigned)n;
			break;
		default:
			*code = cli_opt_common(c, argv, usage, help);
			return -1;
		}
	}
	if (optind < argc) {
		*code = cli_usage_error(usage, "unexpected argument \"%s\"", argv[optind]);
		return -1;
	}
	if (dev && (!opts->name || !*opts->name)) {
		*code = cli_usage_error(usage, "--name NAME must be part of the command");
		return -1;
	}
	if (rollback && opts->to && opts->steps) {
		*code = cli_usage_error(usage, "pass either --to or --steps, not both");
		return -1;
	}
	if (rollback && opts->to && (sel->all || sel->n > 1)) {
		*code = cli_usage_error(usage, "--to names one service's migration: pass one -s NAME");
		return -1;
	}
	if (cli_sel_active(sel) && opts->base.schema_path) {
		*code = cli_usage_error(usage, "pass either --schema or -s/--all, not both");
		return -1;
	}
	/* several services run in child processes: no questions there */
	if (isatty(STDIN_FILENO) && isatty(STDERR_FILENO) && !sel->all && sel->n <= 1)
		opts->confirm = ask_terminal;
	return 0;
unknown:
	*code = cli_usage_error(usage, "unknown option \"%s\"", argv[optind - 1]);
	return -1;
}

typedef int (*dev_command_fn)(const struct mesdb_migrate_dev_opts *opts,
			      const struct mesdb_sink *sink, struct mesdb_err *err);

struct dev_run {
	struct mesdb_migrate_dev_opts opts;
	dev_command_fn fn;
};

/* One service's dev / reset / rollback / baseline (cli_sel_run callback). */
static int dev_one(const struct cli_svc *svc, void *ctx)
{
	struct dev_run *run = ctx;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_sink sink = cli_sink();
	struct mesdb_migrate_dev_opts opts = run->opts;

	if (svc)
		opts.base.schema_path = svc->schema;
	if (run->fn(&opts, &sink, &err) < 0)
		return cli_fail(&err);
	return EXIT_OK;
}

/* How many services sel names (--all: the workspace's; 0 when it cannot be read). */
static size_t selected_count(const struct cli_sel *sel)
{
	struct mesdb_workspace ws;
	struct mesdb_err err = MESDB_ERR_INIT;
	size_t n;

	if (!sel->all)
		return sel->n;
	memset(&ws, 0, sizeof(ws));
	if (mesdb_workspace_open(NULL, &ws, &err) < 0)
		mesdb_err_release(&err);
	n = ws.nr;
	mesdb_workspace_release(&ws);
	return n;
}

/* migrate dev / reset / rollback / baseline share their options and their shape. */
static int run_dev_command(int argc, char **argv, const char *usage, const char *help,
			   dev_command_fn fn)
{
	struct dev_run run;
	struct cli_sel sel;
	char buf[4096];
	int code;

	if (parse_dev(argc, argv, usage, help, &run.opts, &sel, &code) < 0)
		return code;
	run.fn = fn;
	/* reset of several services: one confirmation for all, before any child starts */
	if (usage == reset_usage && (sel.all || sel.n > 1)) {
		if ((code = cli_guard_confirm_all("migrate reset", selected_count(&sel),
						  run.opts.force)) != EXIT_OK)
			return code;
		run.opts.force = true;
	}
	if (cli_sel_active(&sel))
		return cli_sel_run(&sel, dev_one, &run);
	if (!run.opts.base.schema_path)
		run.opts.base.schema_path = cli_sel_cwd_schema(buf, sizeof(buf));
	return dev_one(NULL, &run);
}

int cmd_migrate_dev(int argc, char **argv)
{
	return run_dev_command(argc, argv, dev_usage, dev_help, mesdb_migrate_dev);
}

int cmd_migrate_reset(int argc, char **argv)
{
	return run_dev_command(argc, argv, reset_usage, reset_help, mesdb_migrate_reset);
}

int cmd_migrate_rollback(int argc, char **argv)
{
	return run_dev_command(argc, argv, rollback_usage, rollback_help, mesdb_migrate_rollback);
}

int cmd_migrate_baseline(int argc, char **argv)
{
	return run_dev_command(argc, argv, baseline_usage, baseline_help, mesdb_migrate_baseline);
}
