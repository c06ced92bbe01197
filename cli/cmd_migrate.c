/* cmd_migrate.c - mesdb migrate deploy / status / resolve: the versioned-migration commands */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static const char deploy_usage[] = "mesdb migrate deploy [--schema PATH]";
static const char deploy_help[] =
	"usage: mesdb migrate deploy [--schema PATH]\n"
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

static const char status_usage[] = "mesdb migrate status [--schema PATH] [--strict]";
static const char status_help[] =
	"usage: mesdb migrate status [--schema PATH] [--strict]\n"
	"\n"
	"Compare the migrations folder with the database's _prisma_migrations table:\n"
	"pending, failed and unknown migrations, in Prisma's words. Also warns about\n"
	"migrations edited after they were applied (checksum) and migrations applied to\n"
	"the database but missing from the folder.\n"
	"\n"
	"  --schema PATH   the schema (default: prisma/schema.prisma, schema.prisma,\n"
	"                  prisma/schema/)\n"
	"  --strict        the warnings count as problems (exit 1)\n"
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

enum { OPT_SCHEMA = 256, OPT_STRICT, OPT_APPLIED, OPT_ROLLED_BACK };

/* MESDB_LOCK_TIMEOUT_MS, or 0 (the library's default). */
static int lock_timeout_ms(void)
{
	const char *v = getenv("MESDB_LOCK_TIMEOUT_MS");
	char *end;
	long ms;

	if (!v || !*v)
		return 0;
	ms = strtol(v, &end, 10);
	if (*end || ms <= 0 || ms > 3600L * 1000)
		return 0;
	return (int)ms;
}

/* Parse the options every migrate command shares; -1: done (code in *code). */
static int parse(int argc, char **argv, const char *usage, const char *help,
		 struct mesdb_migrate_opts *opts, int *code)
{
	static const struct option longopts[] = {
		{ "schema", required_argument, NULL, OPT_SCHEMA },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "applied", required_argument, NULL, OPT_APPLIED },
		{ "rolled-back", required_argument, NULL, OPT_ROLLED_BACK },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool is_status = usage == status_usage, is_resolve = usage == resolve_usage;
	int c;

	memset(opts, 0, sizeof(*opts));
	opts->lock_timeout_ms = lock_timeout_ms();
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_SCHEMA:
			opts->schema_path = optarg;
			break;
		case OPT_STRICT:
			if (!is_status)
				goto unknown;
			opts->strict = true;
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
		case 'h':
			fputs(help, stdout);
			*code = EXIT_OK;
			return -1;
		case ':':
			*code = cli_usage_error(usage, "option \"%s\" needs a value", argv[optind - 1]);
			return -1;
		default:
			goto unknown;
		}
	}
	if (optind < argc) {
		*code = cli_usage_error(usage, "unexpected argument \"%s\"", argv[optind]);
		return -1;
	}
	return 0;
unknown:
	*code = cli_usage_error(usage, "unknown option \"%s\"", argv[optind - 1]);
	return -1;
}

int cmd_migrate_deploy(int argc, char **argv)
{
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_sink sink = cli_sink();
	struct mesdb_migrate_opts opts;
	int code;

	if (parse(argc, argv, deploy_usage, deploy_help, &opts, &code) < 0)
		return code;
	if (mesdb_migrate_deploy(&opts, &sink, &err) < 0)
		return cli_fail(&err);
	return EXIT_OK;
}

int cmd_migrate_status(int argc, char **argv)
{
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_sink sink = cli_sink();
	struct mesdb_migrate_opts opts;
	struct mesdb_migrate_status st;
	int code;

	if (parse(argc, argv, status_usage, status_help, &opts, &code) < 0)
		return code;
	if (mesdb_migrate_status(&opts, &sink, &st, &err) < 0)
		return cli_fail(&err);
	return st.up_to_date ? EXIT_OK : EXIT_FAILED;
}

int cmd_migrate_resolve(int argc, char **argv)
{
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_sink sink = cli_sink();
	struct mesdb_migrate_opts opts;
	int code;

	if (parse(argc, argv, resolve_usage, resolve_help, &opts, &code) < 0)
		return code;
	if (opts.applied && opts.rolled_back)
		return cli_usage_error(resolve_usage, "pass either --applied or --rolled-back, not both");
	if (!opts.applied && !opts.rolled_back)
		return cli_usage_error(resolve_usage, "--applied or --rolled-back must be part of the "
				       "command");
	if (mesdb_migrate_resolve(&opts, &sink, &err) < 0)
		return cli_fail(&err);
	return EXIT_OK;
}
