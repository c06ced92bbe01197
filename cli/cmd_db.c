/* cmd_db.c - mesdb db push / db execute: the schema engine's commands on a live database */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char push_usage[] =
	"mesdb db push [--schema PATH | -s NAME... | --all [-j N]] [--accept-data-loss] "
	"[--force-reset] [--url URL]";
static const char push_help[] =
	"usage: mesdb db push [--schema PATH | -s NAME... | --all [-j N]] [--accept-data-loss]\n"
	"                     [--force-reset] [--url URL]\n"
	"\n"
	"Make the datasource's database match the schema without migrations (Prisma's\n"
	"db push). Everything - reading the database, the data-loss checks and every\n"
	"statement - runs in one transaction: on any failure nothing is changed.\n"
	"\n"
	"  --schema PATH       the schema (default: prisma/schema.prisma, schema.prisma,\n"
	"                      prisma/schema/)\n"
	"  --accept-data-loss  apply changes that lose data (dropped tables or columns\n"
	"                      with values, risky casts, new unique constraints...)\n"
	"  --force-reset       drop and recreate the datasource's schemas first\n"
	"  --url URL           use this database instead of the datasource's url\n"
	"  -s, --service NAME  the workspace's service NAME (services/NAME/prisma/);\n"
	"                      repeatable (default: the current folder's service)\n"
	"  --all               every service, in parallel (no questions: changes that\n"
	"                      lose data need --accept-data-loss), then a summary table\n"
	"  -j, --jobs N        at most N services at once (default: all)\n"
	"  -h, --help          this text\n"
	"\n"
	"Changes that lose data are refused unless --accept-data-loss is given or, on\n"
	"a terminal, the question is answered with y. Changes that cannot run on the\n"
	"current data (a required column added to a non-empty table...) are refused:\n"
	"use --force-reset. MESDB_ENV=production refuses db push.\n"
	"\n"
	"Exit: 0 ok, 1 refused or failed (nothing applied), 2 could not connect, 129\n"
	"usage error.\n";

static const char execute_usage[] =
	"mesdb db execute (--file PATH | --stdin) [--schema PATH | --url URL | -s NAME... | --all [-j N]]";
static const char execute_help[] =
	"usage: mesdb db execute (--file PATH | --stdin)\n"
	"                        [--schema PATH | --url URL | -s NAME... | --all [-j N]]\n"
	"\n"
	"Run a SQL script on a database, in one transaction: if a statement fails,\n"
	"nothing of the script is kept. With several services, each runs the script\n"
	"in its own transaction: one failing keeps the others' work.\n"
	"\n"
	"  --file PATH         the script\n"
	"  --stdin             read the script from standard input\n"
	"  --schema PATH       connect to this schema's datasource url (default: the\n"
	"                      current folder's service)\n"
	"  --url URL           connect to this database\n"
	"  -s, --service NAME  the workspace's service NAME; repeatable\n"
	"  --all               every service, in parallel, then a summary table\n"
	"  -j, --jobs N        at most N services at once (default: all)\n"
	"  -h, --help          this text\n"
	"\n"
	"Exit: 0 ok, 1 the script failed (SQLSTATE and position on stderr), 2 could\n"
	"not connect, 129 usage error.\n";

enum { OPT_SCHEMA = 256, OPT_ACCEPT, OPT_RESET, OPT_URL, OPT_FILE, OPT_STDIN };

/* The terminal question of a push with warnings: y/yes applies. */
static bool ask_terminal(void *ctx, const char *question)
{
	char line[64];

	(void)ctx;
	fflush(stdout);
	fprintf(stderr, "? %s [y/N] ", question);
	fflush(stderr);
	if (!fgets(line, sizeof(line), stdin))
		return false;
	return !strcmp(line, "y\n") || !strcmp(line, "Y\n") || !strcmp(line, "yes\n") ||
	       !strcmp(line, "y") || !strcmp(line, "yes");
}

/* One service's push (cli_sel_run callback; ctx: the options). */
static int push_one(const struct cli_svc *svc, void *ctx)
{
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_sink sink = cli_sink();
	struct mesdb_push_opts opts = *(struct mesdb_push_opts *)ctx;
	struct mesdb_push_result res;

	if (svc)
		opts.schema_path = svc->schema;
	if (mesdb_db_push(&opts, &sink, &res, &err) < 0)
		return cli_fail(&err);
	return EXIT_OK;
}

int cmd_db_push(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_SEL_LONGOPTS,
		{ "schema", required_argument, NULL, OPT_SCHEMA },
		{ "accept-data-loss", no_argument, NULL, OPT_ACCEPT },
		{ "force-reset", no_argument, NULL, OPT_RESET },
		{ "url", required_argument, NULL, OPT_URL },
		{ "skip-generate", no_argument, NULL, 'g' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct mesdb_push_opts opts;
	struct cli_sel sel;
	char buf[4096];
	int c, code;

	memset(&opts, 0, sizeof(opts));
	memset(&sel, 0, sizeof(sel));
	while ((c = cli_sel_getopt(argc, argv, longopts, &sel, push_usage, &code)) != -1) {
		if (c == CLI_OPT_FAILED)
			return code;
		switch (c) {
		case OPT_SCHEMA:
			opts.schema_path = optarg;
			break;
		case OPT_ACCEPT:
			opts.accept_data_loss = true;
			break;
		case OPT_RESET:
			opts.force_reset = true;
			break;
		case OPT_URL:
			opts.url = optarg;
			break;
		case 'g':
			break; /* Prisma's flag: mesdb generates nothing */
		default:
			return cli_opt_common(c, argv, push_usage, push_help);
		}
	}
	if (optind < argc)
		return cli_usage_error(push_usage, "unexpected argument \"%s\"", argv[optind]);
	if (cli_sel_active(&sel) && (opts.schema_path || opts.url))
		return cli_usage_error(push_usage, "pass either --schema/--url or -s/--all, not both");
	/* MESDB_ENV=production is refused before dispatch (guard.c) */
	/* several services run in child processes: no questions there */
	if (isatty(STDIN_FILENO) && isatty(STDERR_FILENO) && !sel.all && sel.n <= 1)
		opts.confirm = ask_terminal;
	if (cli_sel_active(&sel))
		return cli_sel_run(&sel, push_one, &opts);
	if (!opts.schema_path && !opts.url)
		opts.schema_path = cli_sel_cwd_schema(buf, sizeof(buf));
	return push_one(NULL, &opts);
}

/* Read all of f into a malloc'ed buffer; NULL on a read error. */
static char *slurp(FILE *f, size_t *len)
{
	size_t n = 0, cap = 8192;
	char *buf = malloc(cap + 1);

	if (!buf)
		return NULL;
	for (;;) {
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (n < cap) {
			if (ferror(f)) {
				free(buf);
				return NULL;
			}
			break;
		}
		cap *= 2;
		char *nb = realloc(buf, cap + 1);
		if (!nb) {
			free(buf);
			return NULL;
		}
		buf = nb;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* One service's script run (cli_sel_run callback; ctx: the options). */
static int execute_one(const struct cli_svc *svc, void *ctx)
{
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_sink sink = cli_sink();
	struct mesdb_execute_opts opts = *(struct mesdb_execute_opts *)ctx;

	if (svc)
		opts.schema_path = svc->schema;
	if (mesdb_db_execute(&opts, &sink, &err) < 0) {
		if (svc)
			mesdb_err_prefix(&err, "service %s", svc->name);
		return cli_fail(&err);
	}
	return EXIT_OK;
}

int cmd_db_execute(int argc, char **argv)
{
	static const struct option longopts[] = {
		CLI_SEL_LONGOPTS,
		{ "schema", required_argument, NULL, OPT_SCHEMA },
		{ "url", required_argument, NULL, OPT_URL },
		{ "file", required_argument, NULL, OPT_FILE },
		{ "stdin", no_argument, NULL, OPT_STDIN },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_execute_opts opts;
	struct cli_sel sel;
	const char *file = NULL;
	bool use_stdin = false;
	char *script, buf[4096];
	int c, code = EXIT_OK;

	memset(&opts, 0, sizeof(opts));
	memset(&sel, 0, sizeof(sel));
	while ((c = cli_sel_getopt(argc, argv, longopts, &sel, execute_usage, &code)) != -1) {
		if (c == CLI_OPT_FAILED)
			return code;
		switch (c) {
		case OPT_SCHEMA:
			opts.schema_path = optarg;
			break;
		case OPT_URL:
			opts.url = optarg;
			break;
		case OPT_FILE:
			file = optarg;
			break;
		case OPT_STDIN:
			use_stdin = true;
			break;
		default:
			return cli_opt_common(c, argv, execute_usage, execute_help);
		}
	}
	if (optind < argc)
		return cli_usage_error(execute_usage, "unexpected argument \"%s\"", argv[optind]);
	if (!file == !use_stdin)
		return cli_usage_error(execute_usage, "pass either --file or --stdin");
	if (opts.url && opts.schema_path)
		return cli_usage_error(execute_usage, "pass either --schema or --url");
	if (cli_sel_active(&sel) && (opts.schema_path || opts.url))
		return cli_usage_error(execute_usage, "pass either --schema/--url or -s/--all, not both");
	if (!cli_sel_active(&sel) && !opts.url && !opts.schema_path &&
	    !(opts.schema_path = cli_sel_cwd_schema(buf, sizeof(buf))))
		return cli_usage_error(execute_usage, "pass --schema, --url, -s or --all (the current "
				       "folder is no service's)");
	/* read once, before the services run in child processes */
	if (file) {
		FILE *f = fopen(file, "rb");
		if (!f) {
			mesdb_error(&err, MESDB_E_IO, "could not read the script \"%s\"", file);
			return cli_fail(&err);
		}
		script = slurp(f, &opts.script_len);
		fclose(f);
	} else {
		script = slurp(stdin, &opts.script_len);
	}
	if (!script) {
		mesdb_error(&err, MESDB_E_IO, "could not read the script \"%s\"", file ? file : "-");
		return cli_fail(&err);
	}
	opts.script = script;
	if (cli_sel_active(&sel))
		code = cli_sel_run(&sel, execute_one, &opts);
	else
		code = execute_one(NULL, &opts);
	free(script);
	return code;
}
