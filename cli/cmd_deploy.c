/* cmd_deploy.c - mesdb deploy: the production workflow (preflight, backup, migrate, verify, undo) */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mesdb/mesdb_ops.h"

static const char deploy_usage[] =
	"mesdb deploy [-s NAME... | --all] [--on-failure=rollback|restore|stop] [--skip-backup] "
	"[--backup-dir DIR]";
static const char deploy_help[] =
	"usage: mesdb deploy [-s NAME... | --all] [--on-failure=rollback|restore|stop]\n"
	"                    [--skip-backup] [--backup-dir DIR]\n"
	"\n"
	"Deploy the pending migrations of the selected services to production, in one\n"
	"command:\n"
	"\n"
	"  1. preflight, every service: the database answers, no failed migration\n"
	"     (P3009), and every pending migration is run inside one transaction that\n"
	"     is rolled back, to prove that it applies to the data as it is. Scripts\n"
	"     that cannot run in a transaction (CREATE INDEX CONCURRENTLY...) cannot be\n"
	"     proven: the preflight says so and they are applied statement by\n"
	"     statement. Any preflight failure: nothing is changed anywhere.\n"
	"  2. backup (pg_dump) of each service with pending migrations, one stamp for\n"
	"     the run, unless --skip-backup.\n"
	"  3. apply, service by service, each migration in its own transaction (as\n"
	"     `mesdb migrate deploy`), then verify (migrate status, row counts).\n"
	"  4. on a failure the failing migration's transaction is rolled back, and\n"
	"     what this run applied before it is undone per --on-failure.\n"
	"\n"
	"The migrate lock of every selected database is held from the preflight to\n"
	"the end of the apply. Each step is appended as a JSON line to\n"
	".mesdb/deploy.log under the workspace root.\n"
	"\n"
	"  -s, --service NAME      the workspace's service NAME; repeatable (default:\n"
	"                          the service of the current folder)\n"
	"  --all                   every service of the workspace\n"
	"  --on-failure=MODE       rollback (default): run the down.sql of the\n"
	"                          migrations this run applied (refused in the\n"
	"                          preflight when one has none); restore: restore the\n"
	"                          changed databases from this run's backup; stop: leave\n"
	"                          them as they are\n"
	"  --skip-backup           no backup (not with --on-failure=restore)\n"
	"  --backup-dir DIR        where the backups go (default: backups/ under the\n"
	"                          workspace root)\n"
	"  -h, --help              this text\n"
	"\n"
	"MESDB_LOCK_TIMEOUT_MS: how long to wait for a migrate lock and, in the\n"
	"preflight, for table locks (default 10000). MESDB_TEST_DEPLOY_HOOK (tests\n"
	"only): a shell command run at the start of every step, with MESDB_DEPLOY_STEP,\n"
	"MESDB_DEPLOY_SERVICE and MESDB_DEPLOY_MIGRATION set; it lets a test change the\n"
	"data between the preflight and the apply.\n"
	"\n"
	"Exit: 0 deployed (or nothing to deploy), 1 preflight or backup failed (nothing\n"
	"changed) or a step after the apply failed, 2 could not connect, 3 a migration\n"
	"failed (see the report for what became of each service), 129 usage error.\n";

enum { OPT_ON_FAILURE = 256, OPT_SKIP_BACKUP, OPT_BACKUP_DIR };

/* MESDB_TEST_DEPLOY_HOOK: run at the start of each step (tests change data here). */
static void run_hook(void *ctx, const struct mesdb_deploy_step *st)
{
	const char *hook = getenv("MESDB_TEST_DEPLOY_HOOK");
	pid_t pid;
	int status;

	(void)ctx;
	if (st->done || !hook || !*hook)
		return;
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "mesdb: warning: could not run MESDB_TEST_DEPLOY_HOOK: %s\n",
			strerror(errno));
		return;
	}
	if (pid == 0) {
		dup2(STDERR_FILENO, STDOUT_FILENO);
		setenv("MESDB_DEPLOY_STEP", st->step, 1);
		setenv("MESDB_DEPLOY_SERVICE", st->service ? st->service : "", 1);
		setenv("MESDB_DEPLOY_MIGRATION", st->migration ? st->migration : "", 1);
		execl("/bin/sh", "sh", "-c", hook, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fprintf(stderr, "mesdb: warning: MESDB_TEST_DEPLOY_HOOK exited with %d\n",
			WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
}

static void print_report(const struct mesdb_deploy_opts *opts, const struct mesdb_deploy_result *res)
{
	size_t i;

	printf("\nDeploy %s: %zu service%s, on failure: %s%s\n\n", res->stamp, res->nr,
	       res->nr == 1 ? "" : "s",
	       opts->on_failure == MESDB_DEPLOY_RESTORE ? "restore" :
	       opts->on_failure == MESDB_DEPLOY_STOP ? "stop" : "rollback",
	       opts->skip_backup ? ", no backup" : "");
	printf("%-14s %-26s %7s %7s  %-12s %s\n", "service", "database", "pending", "applied",
	       "result", "rows before -> after");
	for (i = 0; i < res->nr; i++) {
		const struct mesdb_deploy_service *s = &res->items[i];
		const char *result = mesdb_deploy_end_name(s->end);

		if (!s->preflight_ok && res->stopped_at && !strcmp(res->stopped_at, "preflight"))
			result = s->err.status != MESDB_OK ? "preflight failed" : "unchanged";
		printf("%-14s %-26s %7u %7u  %-12s ", s->name, s->database ? s->database : "?",
		       s->pending, s->applied, result);
		if (s->end == MESDB_DEPLOY_MIGRATED)
			printf("%llu -> %llu\n", s->rows_before, s->rows_after);
		else if (s->preflight_ok)
			printf("%llu\n", s->rows_before);
		else
			printf("-\n");
	}
	for (i = 0; i < res->nr; i++) {
		const struct mesdb_deploy_service *s = &res->items[i];
		const char *p = s->notes;
		if (!p)
			continue;
		printf("\n%s:\n", s->name);
		while (*p) {
			size_t n = strcspn(p, "\n");
			printf("  %.*s\n", (int)n, p);
			p += n;
			if (*p)
				p++;
		}
	}
	if (res->log_path)
		printf("\nRun log: %s\n", res->log_path);
}

static int by_position(const void *a, const void *b)
{
	const struct mesdb_service *x = *(const struct mesdb_service *const *)a;
	const struct mesdb_service *y = *(const struct mesdb_service *const *)b;
	return x < y ? -1 : x > y;
}

int cmd_deploy(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "service", required_argument, NULL, 's' },
		{ "all", no_argument, NULL, CLI_OPT_ALL },
		{ "on-failure", required_argument, NULL, OPT_ON_FAILURE },
		{ "skip-backup", no_argument, NULL, OPT_SKIP_BACKUP },
		{ "backup-dir", required_argument, NULL, OPT_BACKUP_DIR },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct mesdb_deploy_opts opts;
	struct mesdb_deploy_result res;
	struct mesdb_workspace ws;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_sink sink = cli_sink();
	const struct mesdb_service **list = NULL;
	const char *names[CLI_SEL_MAX];
	size_t nnames = 0, n = 0, i, k;
	bool all = false;
	int c, code = EXIT_OK;

	memset(&opts, 0, sizeof(opts));
	memset(&res, 0, sizeof(res));
	memset(&ws, 0, sizeof(ws));
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":hs:", longopts, NULL)) != -1) {
		switch (c) {
		case 's':
			if (nnames == CLI_SEL_MAX)
				return cli_usage_error(deploy_usage, "too many -s options");
			names[nnames++] = optarg;
			break;
		case CLI_OPT_ALL:
			all = true;
			break;
		case OPT_ON_FAILURE:
			if (!strcmp(optarg, "rollback"))
				opts.on_failure = MESDB_DEPLOY_ROLLBACK;
			else if (!strcmp(optarg, "restore"))
				opts.on_failure = MESDB_DEPLOY_RESTORE;
			else if (!strcmp(optarg, "stop"))
				opts.on_failure = MESDB_DEPLOY_STOP;
			else
				return cli_usage_error(deploy_usage, "--on-failure takes rollback, restore "
						       "or stop, not \"%s\"", optarg);
			break;
		case OPT_SKIP_BACKUP:
			opts.skip_backup = true;
			break;
		case OPT_BACKUP_DIR:
			opts.backup_dir = optarg;
			break;
		default:
			return cli_opt_common(c, argv, deploy_usage, deploy_help);
		}
	}
	if (optind < argc)
		return cli_usage_error(deploy_usage, "unexpected argument \"%s\"", argv[optind]);
	if (all && nnames)
		return cli_usage_error(deploy_usage, "pass either -s or --all, not both");
	if (opts.skip_backup && opts.on_failure == MESDB_DEPLOY_RESTORE)
		return cli_usage_error(deploy_usage, "--on-failure=restore restores from this run's "
				       "backup: it cannot go with --skip-backup");

	if (mesdb_workspace_open(NULL, &ws, &err) < 0)
		return cli_fail(&err);
	list = calloc(ws.nr + 1, sizeof(*list));
	if (!list) {
		fprintf(stderr, "mesdb: error: out of memory\n");
		code = EXIT_FAILED;
		goto out;
	}
	if (all) {
		for (i = 0; i < ws.nr; i++)
			list[n++] = &ws.items[i];
	} else if (nnames) {
		for (i = 0; i < nnames; i++) {
			const struct mesdb_service *s = mesdb_workspace_find(&ws, names[i]);
			bool dup = false;
			if (!s) {
				mesdb_error(&err, MESDB_E_CONFIG, "no service \"%s\" in %s/services",
					    names[i], ws.root);
				code = cli_fail(&err);
				goto out;
			}
			for (k = 0; k < n; k++)
				dup |= list[k] == s;
			if (!dup)
				list[n++] = s;
		}
	} else {
		char cwd[PATH_MAX];
		const struct mesdb_service *s = NULL;
		if (getcwd(cwd, sizeof(cwd)))
			s = mesdb_workspace_service_of(&ws, cwd);
		if (!s) {
			code = cli_usage_error(deploy_usage, "name the services to deploy: -s NAME or "
					       "--all (the current folder is no service's)");
			goto out;
		}
		list[n++] = s;
	}
	if (!n) {
		mesdb_error(&err, MESDB_E_CONFIG, "no services in %s/services "
			    "(services/*/prisma/schema.prisma)", ws.root);
		code = cli_fail(&err);
		goto out;
	}
	/* in workspace order (ws.items is one array), whatever the order of -s */
	qsort(list, n, sizeof(*list), by_position);
	for (i = 0; i < n; i++) {
		bool created;
		if (mesdb_service_ensure_env(list[i], &created, &err) < 0) {
			code = cli_fail(&err);
			goto out;
		}
		if (created)
			fprintf(stderr, "Created %s/.env from .env.example\n", list[i]->dir);
	}

	opts.root = ws.root;
	opts.services = list;
	opts.nservices = n;
	opts.lock_timeout_ms = cli_lock_timeout_ms();
	opts.on_step = run_hook;
	if (mesdb_deploy(&opts, &sink, &res, &err) == 0) {
		print_report(&opts, &res);
		goto out;
	}
	if (res.nr)
		print_report(&opts, &res);
	for (i = 0; i < res.nr; i++) {
		if (res.items[i].err.status == MESDB_OK)
			continue;
		fflush(stdout);
		fprintf(stderr, "\n== %s ==\n", res.items[i].name);
		cli.service = list[i]->name;
		cli.schema = list[i]->schema;
		cli_fail(&res.items[i].err);
	}
	cli.service = cli.schema = NULL;
	if (res.nr)
		fputc('\n', stderr);
	code = cli_fail(&err);
out:
	mesdb_deploy_result_release(&res);
	free(list);
	mesdb_workspace_release(&ws);
	return code;
}
