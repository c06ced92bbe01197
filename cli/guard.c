/* guard.c - the guards of commands that destroy data: production mode and typed confirmations */
#include "cli.h"

/*
 * Owns two things every command shares, so that none re-implements them:
 *  - production mode (MESDB_ENV=production, or --production anywhere on the
 *    command line): cli_guard() runs in main() before dispatch and refuses
 *    db push, migrate dev, migrate reset and any --force-reset outright;
 *  - confirmations: on a terminal the user types the database name (one
 *    service) or DELETE ALL (several); elsewhere --force is required.
 */

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static bool production;
static const char *production_why = "";

/* Commands production refuses, and where to go instead. */
static const struct {
	const char *command;
	const char *hint;
} refused[] = {
	{ "db push", "a production database changes through migrations: mesdb migrate deploy "
		     "(or mesdb deploy --all)" },
	{ "migrate dev", "create migrations in development; apply them in production with "
			 "mesdb migrate deploy" },
	{ "migrate reset", "a production database is never reset: mesdb restore brings back a "
			   "backup" },
};

bool cli_guard_production(void)
{
	return production;
}

/* "--force-reset", or an abbreviation getopt_long would take for it. */
static bool is_force_reset(const char *arg)
{
	size_t n = strcspn(arg, "=");
	return n >= 9 && !strncmp(arg, "--force-reset", n);
}

static int refuse(const char *what, const char *hint)
{
	struct mesdb_err err = MESDB_ERR_INIT;

	mesdb_error(&err, MESDB_E_REFUSED, "%s is refused in production", what);
	mesdb_err_detail(&err, "db push, migrate dev, migrate reset and --force-reset are refused "
			 "with %s", production_why);
	mesdb_err_hint(&err, "%s", hint);
	return cli_fail(&err);
}

int cli_guard(int *argc, char **argv)
{
	const char *env = getenv("MESDB_ENV");
	int i, k;
	size_t j;

	/* --production anywhere (up to a "--") is taken out before dispatch */
	for (i = 1, k = 1; i < *argc; i++) {
		if (!strcmp(argv[i], "--")) {
			while (i < *argc)
				argv[k++] = argv[i++];
			break;
		}
		if (!strcmp(argv[i], "--production")) {
			production = true;
			production_why = "--production";
			continue;
		}
		argv[k++] = argv[i];
	}
	argv[k] = NULL;
	*argc = k;
	if (production) {
		/* the library and child processes see it too */
		setenv("MESDB_ENV", "production", 1);
	} else if (env && !strcasecmp(env, "production")) {
		production = true;
		production_why = "MESDB_ENV=production";
	}
	if (!production || *argc < 2)
		return EXIT_OK;
	for (i = 1; i < *argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
			return EXIT_OK;
	for (j = 0; j < sizeof(refused) / sizeof(refused[0]); j++) {
		const char *sp = strchr(refused[j].command, ' ');
		size_t n1 = (size_t)(sp - refused[j].command);
		if (*argc >= 3 && strlen(argv[1]) == n1 && !strncmp(argv[1], refused[j].command, n1) &&
		    !strcmp(argv[2], sp + 1))
			return refuse(refused[j].command, refused[j].hint);
	}
	for (i = 1; i < *argc && strcmp(argv[i], "--"); i++)
		if (is_force_reset(argv[i]))
			return refuse("--force-reset", "a production database is never reset: mesdb "
				      "restore brings back a backup");
	return EXIT_OK;
}

bool cli_guard_interactive(void)
{
	return isatty(STDIN_FILENO) && isatty(STDERR_FILENO);
}

bool cli_guard_ask(const char *question, const char *expect)
{
	char line[256];
	size_t n;

	fflush(stdout);
	if (question && *question)
		fprintf(stderr, "%s\n", question);
	fprintf(stderr, "Type %s to confirm: ", expect);
	fflush(stderr);
	if (!fgets(line, sizeof(line), stdin))
		return false;
	n = strlen(line);
	while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	return !strcmp(line, expect);
}

static int not_confirmed(const char *what)
{
	struct mesdb_err err = MESDB_ERR_INIT;

	mesdb_error(&err, MESDB_E_REFUSED, "%s not confirmed: nothing was changed", what);
	return cli_fail(&err);
}

static int needs_force(const char *what)
{
	struct mesdb_err err = MESDB_ERR_INIT;

	mesdb_error(&err, MESDB_E_REFUSED, "%s destroys data: refused without --force when not on a "
		    "terminal", what);
	mesdb_err_hint(&err, "run it on a terminal to confirm, or pass --force");
	return cli_fail(&err);
}

int cli_guard_need_force(const char *what, bool force)
{
	if (force || cli_guard_interactive())
		return EXIT_OK;
	return needs_force(what);
}

int cli_guard_confirm(const char *what, const char *question, const char *expect, bool force)
{
	if (force)
		return EXIT_OK;
	if (!cli_guard_interactive())
		return needs_force(what);
	return cli_guard_ask(question, expect) ? EXIT_OK : not_confirmed(what);
}

int cli_guard_confirm_all(const char *what, size_t nservices, bool force)
{
	char question[512];

	if (!cli_guard_interactive())
		return force ? EXIT_OK : needs_force(what);
	if (nservices == 1)
		snprintf(question, sizeof(question), "%s: everything in this service's database is lost.",
			 what);
	else
		snprintf(question, sizeof(question),
			 "%s: everything in the databases of these %zu services is lost.", what,
			 nservices);
	return cli_guard_ask(question, "DELETE ALL") ? EXIT_OK : not_confirmed(what);
}
