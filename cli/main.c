/* main.c - mesdb's entry point: the command table, dispatch, exit codes */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
};

/* Subcommand groups ("db push") are looked up as "db push". */
static const struct command commands[] = {
	{ "validate", cmd_validate, "check a schema and print every problem" },
	{ "format", cmd_format, "rewrite schema files in the canonical layout" },
	{ "migrate deploy", cmd_migrate_deploy, "apply pending migrations, each in one transaction" },
	{ "migrate status", cmd_migrate_status, "compare the migrations folder with the database" },
	{ "migrate resolve", cmd_migrate_resolve, "mark a migration applied or rolled back" },
	{ "migrate diff", cmd_migrate_diff, "compare two schemas, databases or migration folders" },
	{ "migrate dev", cmd_migrate_dev, "create a migration from schema changes and apply it" },
	{ "migrate reset", cmd_migrate_reset, "drop the database's schemas and re-apply all migrations" },
	{ "migrate rollback", cmd_migrate_rollback, "run down.sql of the newest migrations" },
	{ "migrate baseline", cmd_migrate_baseline, "write the initial migration and mark it applied" },
	{ "db push", cmd_db_push, "make the database match the schema, in one transaction" },
	{ "db execute", cmd_db_execute, "run a SQL script on a database in one transaction" },
	{ "db pull", cmd_db_pull, "write the database's tables into the schema (introspection)" },
	{ "db seed", cmd_db_seed, "run a service's seed.sql in one transaction" },
	{ "db tables", cmd_db_tables, "each table with its exact row count and size (the \\dt check)" },
	{ "verify", cmd_verify, "reachable, migrations up to date, no drift, row counts" },
	{ "up", cmd_up, "start the local cluster if needed, then setup, deploy, seed, status" },
	{ "down", cmd_down, "stop the local cluster that mesdb up started" },
	{ "setup", cmd_setup, "create each service's role and database (idempotent)" },
	{ "deploy", cmd_deploy, "production: preflight, backup, migrate, verify; undo on failure" },
	{ "backup", cmd_backup, "pg_dump each database (0600, checked, in backups/manifest.json)" },
	{ "restore", cmd_restore, "verify a backup, then replace the database with it" },
};

static const char main_usage[] =
	"usage: mesdb [--version] [--help] <command> [<args>]\n"
	"\n"
	"Commands:\n";

static void print_help(FILE *f)
{
	size_t i;
	fputs(main_usage, f);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-18s %s\n", commands[i].name, commands[i].summary);
	fputs("\nRun \"mesdb <command> -h\" for a command's options.\n"
	      "Exit codes: 0 ok, 1 failed (invalid schema, refused change, pending or failed\n"
	      "migrations), 2 could not connect, 3 a migration script failed, 129 usage error.\n"
	      "Production (MESDB_ENV=production or --production anywhere): db push, migrate dev,\n"
	      "migrate reset and --force-reset are refused (exit 1).\n",
	      f);
}

static bool want_color(int fd)
{
	const char *nc = getenv("NO_COLOR");
	const char *term = getenv("TERM");
	if (nc && *nc)
		return false;
	if (term && !strcmp(term, "dumb"))
		return false;
	return isatty(fd);
}

static int finish(int code)
{
	/* a write error on stdout (full disk, closed pipe) must not exit 0 */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (code == EXIT_OK) {
			fprintf(stderr, "mesdb: error: could not write the output: %s\n", strerror(errno));
			code = EXIT_FAILED;
		}
	}
	return code;
}

int main(int argc, char **argv)
{
	size_t i;

	cli.prog = "mesdb";
	cli.color_out = want_color(STDOUT_FILENO);
	cli.color_err = want_color(STDERR_FILENO);
	/* production guard: --production taken out of argv, refused commands stop here */
	int guard = cli_guard(&argc, argv);
	if (guard != EXIT_OK)
		return guard;

	if (argc < 2) {
		print_help(stderr);
		return EXIT_USAGE;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
		print_help(stdout);
		return finish(EXIT_OK);
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version")) {
		printf("mesdb %s\n", MESDB_VERSION);
		return finish(EXIT_OK);
	}
	/* two-word commands first ("db push"), then one-word */
	if (argc >= 3) {
		size_t n1 = strlen(argv[1]);
		for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
			if (!strncmp(commands[i].name, argv[1], n1) && commands[i].name[n1] == ' ' &&
			    !strcmp(commands[i].name + n1 + 1, argv[2])) {
				cli.command = commands[i].name;
				return finish(commands[i].fn(argc - 2, argv + 2));
			}
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(commands[i].name, argv[1])) {
			cli.command = commands[i].name;
			return finish(commands[i].fn(argc - 1, argv + 1));
		}
	fprintf(stderr, "mesdb: error: unknown command \"%s\"\n", argv[1]);
	print_help(stderr);
	return EXIT_USAGE;
}
