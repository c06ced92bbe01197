/* cli.h - shared pieces of the command-line front end: output, errors, options, exit codes */
#ifndef MESDB_CLI_H
#define MESDB_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "mesdb/mesdb.h"

/* Exit codes (documented in README.md and `mesdb help`). */
enum cli_exit {
	EXIT_OK = 0,
	EXIT_FAILED = 1,      /* invalid schema, refused change, pending/failed migrations */
	EXIT_CONNECT = 2,     /* could not connect; `migrate diff --exit-code`: differences */
	EXIT_MIGRATION = 3,   /* a migration script failed */
	EXIT_USAGE = 129,     /* bad command line */
};

struct cli_ctx {
	bool color_out, color_err;
	const char *prog;
	/* where the command runs, for the troubleshooting hints of cli_fail (or NULL) */
	const char *command;  /* "migrate deploy" */
	const char *service;  /* the workspace service being worked on */
	const char *schema;   /* its schema */
};

extern struct cli_ctx cli;

/* A sink writing out to stdout and notes to stderr. */
struct mesdb_sink cli_sink(void);

/* Print err on stderr (mesdb: error: / detail: / hint:) and return its exit code. */
int cli_fail(struct mesdb_err *err);
/* Usage error: message + the command's usage line; returns EXIT_USAGE. */
int cli_usage_error(const char *usage, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/*
 * The getopt_long results every command handles alike: 'h' prints help
 * (exit 0), ':' is a missing value and anything else an unknown option
 * (usage errors). Returns the exit code.
 */
int cli_opt_common(int c, char **argv, const char *usage, const char *help);
/* Map an error status to the exit code. */
int cli_exit_code(const struct mesdb_err *err);
/* MESDB_LOCK_TIMEOUT_MS (1 ms to 1 h), or 0: the library's default wait for a migrate lock. */
int cli_lock_timeout_ms(void);

/*
 * Service selection (select.c): -s/--service NAME (repeatable), --all,
 * -j/--jobs N. Commands add CLI_SEL_LONGOPTS to their long options and
 * read them with cli_sel_getopt(); a command with short options of its own
 * adds CLI_SEL_SHORTOPTS to them and passes every getopt result to
 * cli_sel_opt() first (1 handled, 0 not ours, -1 usage error in *code).
 */
#define CLI_SEL_MAX 64
#define CLI_OPT_ALL 1000
#define CLI_SEL_SHORTOPTS "s:j:"
#define CLI_SEL_LONGOPTS \
	{ "service", required_argument, NULL, 's' }, { "all", no_argument, NULL, CLI_OPT_ALL }, \
	{ "jobs", required_argument, NULL, 'j' }

struct cli_sel {
	const char *names[CLI_SEL_MAX];
	size_t n;
	bool all;
	int jobs;             /* 0: one per service */
	bool quiet_ok;        /* print the captured output of failed services only */
	bool no_table;        /* no summary table (the caller prints its own) */
	const char *note_head; /* summary table: one more column, this header, each
				  service's text from cli_sel_note() */
	char **notes_out;     /* not NULL: on return, a heap block (free()) of one
				  CLI_NOTE_MAX-byte note per workspace service, by index */
	bool parsing;         /* cli_sel_getopt() has started on the command line */
};

#define CLI_NOTE_MAX 96

struct cli_svc {
	const char *name, *schema, *dir, *root;
	size_t index;         /* in the workspace's sorted service list */
};

/* Run one service's work; returns the exit code (output through the cli sink). */
typedef int (*cli_svc_fn)(const struct cli_svc *svc, void *ctx);

int cli_sel_opt(struct cli_sel *sel, int c, const char *arg, const char *usage, int *code);
/*
 * getopt_long() over a command line (short options -h and the selection's,
 * long ones longopts, which include CLI_SEL_LONGOPTS) with the selection
 * options taken into sel: returns the next other option, -1 at the end, or
 * CLI_OPT_FAILED after a usage error in a selection option (the exit code
 * in *code). The first call on a zeroed sel starts at argv[1].
 */
#define CLI_OPT_FAILED (-2)
int cli_sel_getopt(int argc, char **argv, const struct option *longopts, struct cli_sel *sel,
		   const char *usage, int *code);
bool cli_sel_active(const struct cli_sel *sel);
/*
 * The selected services: one -s runs in this process; several or --all run
 * in parallel child processes (at most jobs at once), their output printed
 * per service in order, then the summary table (service, database, result,
 * duration). Returns the first failing exit code, else 0. .env files are
 * created from .env.example first.
 */
int cli_sel_run(const struct cli_sel *sel, cli_svc_fn fn, void *ctx);
/* The schema of the service holding the current folder (buf), or NULL. */
const char *cli_sel_cwd_schema(char *buf, size_t size);
/* In a cli_sel_run callback: set this service's note (summary table, notes_out). */
void cli_sel_note(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;

/* Each command: argc/argv start at the command name. */
int cmd_validate(int argc, char **argv);
int cmd_format(int argc, char **argv);
int cmd_migrate_deploy(int argc, char **argv);
int cmd_migrate_status(int argc, char **argv);
int cmd_migrate_resolve(int argc, char **argv);
int cmd_migrate_diff(int argc, char **argv);
int cmd_migrate_dev(int argc, char **argv);
int cmd_migrate_reset(int argc, char **argv);
int cmd_migrate_rollback(int argc, char **argv);
int cmd_migrate_baseline(int argc, char **argv);
int cmd_db_push(int argc, char **argv);
int cmd_db_execute(int argc, char **argv);
int cmd_db_pull(int argc, char **argv);
int cmd_db_seed(int argc, char **argv);
int cmd_db_tables(int argc, char **argv);
int cmd_verify(int argc, char **argv);
int cmd_setup(int argc, char **argv);
int cmd_deploy(int argc, char **argv);
int cmd_up(int argc, char **argv);
int cmd_down(int argc, char **argv);
int cmd_backup(int argc, char **argv);
int cmd_restore(int argc, char **argv);

/*
 * Guards (guard.c). cli_guard() runs in main() before dispatch: it takes
 * --production out of argv (anywhere before a "--"; it then sets
 * MESDB_ENV=production for the library and child processes) and, in
 * production (that flag, or MESDB_ENV=production in any case), refuses
 * db push, migrate dev, migrate reset and any --force-reset (exit 1, with a
 * hint; -h/--help still work). Returns EXIT_OK or the exit code.
 */
int cli_guard(int *argc, char **argv);
bool cli_guard_production(void);
/* stdin and stderr are terminals: questions can be asked. */
bool cli_guard_interactive(void);
/* Print question (if any) and "Type EXPECT to confirm: "; true when the line typed is expect. */
bool cli_guard_ask(const char *question, const char *expect);
/*
 * The confirmations of commands that destroy data. Each returns EXIT_OK to
 * go on, else prints why (mesdb: error: ...) and returns EXIT_FAILED.
 *  - need_force: refuse up front when not interactive and !force (before any work);
 *  - confirm: one database: force goes on; interactive: type expect; else refused;
 *  - confirm_all: several services (--all): interactive: type DELETE ALL, even with
 *    force; not interactive: force goes on, else refused.
 * what names the command in the messages ("restore", "migrate reset --all").
 */
int cli_guard_need_force(const char *what, bool force);
int cli_guard_confirm(const char *what, const char *question, const char *expect, bool force);
int cli_guard_confirm_all(const char *what, size_t nservices, bool force);

#endif
