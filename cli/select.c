/* select.c - which services a command acts on (-s NAME, --all, the current folder's) and the parallel run */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "mesdb/mesdb_ws.h"

/* The running service's note: a slot of the shared block (children write, the parent reads). */
static char *note_slot;

void cli_sel_note(const char *fmt, ...)
{
	va_list ap;

	if (!note_slot)
		return;
	va_start(ap, fmt);
	vsnprintf(note_slot, CLI_NOTE_MAX, fmt, ap);
	va_end(ap);
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

int cli_sel_opt(struct cli_sel *sel, int c, const char *arg, const char *usage, int *code)
{
	char *end;
	long j;

	switch (c) {
	case 's':
		if (sel->n == CLI_SEL_MAX) {
			*code = cli_usage_error(usage, "too many -s options");
			return -1;
		}
		sel->names[sel->n++] = arg;
		return 1;
	case CLI_OPT_ALL:
		sel->all = true;
		return 1;
	case 'j':
		j = strtol(arg, &end, 10);
		if (*end || j < 1 || j > 256) {
			*code = cli_usage_error(usage, "-j needs a number from 1 to 256");
			return -1;
		}
		sel->jobs = (int)j;
		return 1;
	default:
		return 0;
	}
}

int cli_sel_getopt(int argc, char **argv, const struct option *longopts, struct cli_sel *sel,
		   const char *usage, int *code)
{
	int c;

	if (!sel->parsing) {
		sel->parsing = true;
		opterr = 0;
		optind = 1;
	}
	while ((c = getopt_long(argc, argv, ":h" CLI_SEL_SHORTOPTS, longopts, NULL)) != -1) {
		int r = cli_sel_opt(sel, c, optarg, usage, code);
		if (r < 0)
			return CLI_OPT_FAILED;
		if (r == 0)
			return c;
	}
	return -1;
}

bool cli_sel_active(const struct cli_sel *sel)
{
	return sel->all || sel->n > 0;
}

/* The services of sel (in workspace order, no duplicates); -1: error printed, *code set. */
static int pick(const struct cli_sel *sel, const struct mesdb_workspace *ws, const struct mesdb_service **out,
		size_t *nout, int *code)
{
	size_t i, k;

	*nout = 0;
	if (sel->all) {
		for (i = 0; i < ws->nr; i++)
			out[(*nout)++] = &ws->items[i];
		if (!*nout) {
			struct mesdb_err err = MESDB_ERR_INIT;
			mesdb_error(&err, MESDB_E_CONFIG, "no services in %s/services "
				    "(services/*/prisma/schema.prisma)", ws->root);
			*code = cli_fail(&err);
			return -1;
		}
		return 0;
	}
	for (i = 0; i < sel->n; i++) {
		const struct mesdb_service *s = mesdb_workspace_find(ws, sel->names[i]);
		bool dup = false;

		if (!s) {
			struct mesdb_err err = MESDB_ERR_INIT;
			mesdb_error(&err, MESDB_E_CONFIG, "no service \"%s\" in %s/services",
				    sel->names[i], ws->root);
			*code = cli_fail(&err);
			return -1;
		}
		for (k = 0; k < *nout; k++)
			dup |= out[k] == s;
		if (!dup)
			out[(*nout)++] = s;
	}
	return 0;
}

static int ensure_env(const struct mesdb_service *s)
{
	struct mesdb_err err = MESDB_ERR_INIT;
	bool created;

	if (mesdb_service_ensure_env(s, &created, &err) < 0)
		return cli_fail(&err);
	if (created)
		fprintf(stderr, "Created %s/.env from .env.example\n", s->dir);
	return EXIT_OK;
}

const char *cli_sel_cwd_schema(char *buf, size_t size)
{
	struct mesdb_workspace ws;
	struct mesdb_err err = MESDB_ERR_INIT;
	const struct mesdb_service *s;
	char cwd[PATH_MAX];
	const char *ret = NULL;

	memset(&ws, 0, sizeof(ws));
	if (!getcwd(cwd, sizeof(cwd)) || mesdb_workspace_open(cwd, &ws, &err) < 0) {
		mesdb_err_release(&err);
		goto out;
	}
	s = mesdb_workspace_service_of(&ws, cwd);
	if (s && strlen(s->schema) < size && ensure_env(s) == EXIT_OK) {
		static char name[256];
		strcpy(buf, s->schema);
		ret = buf;
		snprintf(name, sizeof(name), "%s", s->name);
		cli.service = name;
		cli.schema = buf;
	}
out:
	mesdb_workspace_release(&ws);
	return ret;
}

struct job {
	const struct mesdb_service *svc;
	size_t index;         /* in the workspace */
	FILE *out;
	pid_t pid;
	int code;
	double start, ms;
};

static void print_table(const struct cli_sel *sel, struct job *jobs, size_t n, const char *notes)
{
	size_t i;

	printf("\n%-14s %-24s %-18s %10s%s%s\n", "service", "database", "result", "duration",
	       sel->note_head ? "  " : "", sel->note_head ? sel->note_head : "");
	for (i = 0; i < n; i++) {
		struct mesdb_err err = MESDB_ERR_INIT;
		char *db = NULL, result[32];

		if (mesdb_service_database(jobs[i].svc->schema, &db, NULL, &err) < 0)
			mesdb_err_release(&err);
		if (jobs[i].code == 0)
			snprintf(result, sizeof(result), "ok");
		else
			snprintf(result, sizeof(result), "FAILED (exit %d)", jobs[i].code);
		printf("%-14s %-24s %-18s %7.0f ms", jobs[i].svc->name, db ? db : "?", result,
		       jobs[i].ms);
		if (sel->note_head)
			printf("  %s", notes + jobs[i].index * CLI_NOTE_MAX);
		putchar('\n');
		free(db);
	}
}

int cli_sel_run(const struct cli_sel *sel, cli_svc_fn fn, void *ctx)
{
	struct mesdb_workspace ws;
	struct mesdb_err err = MESDB_ERR_INIT;
	const struct mesdb_service **list = NULL;
	struct job *jobs = NULL;
	char *notes = MAP_FAILED;
	size_t n = 0, i, started = 0, running = 0, notes_size = 0;
	int code = EXIT_OK, maxjobs;

	memset(&ws, 0, sizeof(ws));
	if (mesdb_workspace_open(NULL, &ws, &err) < 0) {
		code = cli_fail(&err);
		goto out;
	}
	list = calloc(ws.nr + 1, sizeof(*list));
	jobs = calloc(ws.nr + 1, sizeof(*jobs));
	if (!list || !jobs) {
		fprintf(stderr, "mesdb: error: out of memory\n");
		code = EXIT_FAILED;
		goto out;
	}
	if (pick(sel, &ws, list, &n, &code) < 0)
		goto out;
	for (i = 0; i < n; i++)
		if ((code = ensure_env(list[i])) != EXIT_OK)
			goto out;
	/* the notes: shared with the children, which write them */
	notes_size = (ws.nr ? ws.nr : 1) * CLI_NOTE_MAX;
	notes = mmap(NULL, notes_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (notes == MAP_FAILED) {
		fprintf(stderr, "mesdb: error: could not map shared memory: %s\n", strerror(errno));
		code = EXIT_FAILED;
		goto out;
	}
	if (n == 1 && !sel->all) {
		struct cli_svc svc = { list[0]->name, list[0]->schema, list[0]->dir, ws.root,
				       (size_t)(list[0] - ws.items) };
		note_slot = notes + svc.index * CLI_NOTE_MAX;
		cli.service = svc.name;
		cli.schema = svc.schema;
		code = fn(&svc, ctx);
		cli.service = cli.schema = NULL;
		note_slot = NULL;
		goto out;
	}
	maxjobs = sel->jobs > 0 ? sel->jobs : (int)n;
	fflush(stdout);
	fflush(stderr);
	while (started < n || running > 0) {
		int status;
		pid_t pid;

		while (started < n && (int)running < maxjobs) {
			struct job *j = &jobs[started];

			j->svc = list[started];
			j->index = (size_t)(list[started] - ws.items);
			j->out = tmpfile();
			if (!j->out) {
				fprintf(stderr, "mesdb: error: could not create a temporary file: %s\n",
					strerror(errno));
				j->code = EXIT_FAILED;
				started++;
				continue;
			}
			j->start = now_ms();
			j->pid = fork();
			if (j->pid < 0) {
				fprintf(stderr, "mesdb: error: could not fork: %s\n", strerror(errno));
				j->code = EXIT_FAILED;
				started++;
				continue;
			}
			if (j->pid == 0) {
				struct cli_svc svc = { j->svc->name, j->svc->schema, j->svc->dir,
						       ws.root, j->index };
				int rc;

				note_slot = notes + j->index * CLI_NOTE_MAX;
				cli.service = svc.name;
				cli.schema = svc.schema;
				dup2(fileno(j->out), STDOUT_FILENO);
				dup2(fileno(j->out), STDERR_FILENO);
				cli.color_out = cli.color_err = false;
				rc = fn(&svc, ctx);
				fflush(stdout);
				fflush(stderr);
				_exit(rc);
			}
			started++;
			running++;
		}
		if (!running)
			continue;
		pid = waitpid(-1, &status, 0);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (i = 0; i < started; i++) {
			if (jobs[i].pid != pid)
				continue;
			jobs[i].ms = now_ms() - jobs[i].start;
			jobs[i].code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
			running--;
		}
	}
	for (i = 0; i < n; i++) {
		char buf[8192];
		size_t got;

		if (sel->quiet_ok && jobs[i].code == 0) {
			if (jobs[i].out)
				fclose(jobs[i].out);
			continue;
		}
		printf("== %s ==\n", jobs[i].svc->name);
		if (jobs[i].out) {
			rewind(jobs[i].out);
			while ((got = fread(buf, 1, sizeof(buf), jobs[i].out)) > 0)
				fwrite(buf, 1, got, stdout);
			fclose(jobs[i].out);
		}
		if (jobs[i].code && code == EXIT_OK)
			code = jobs[i].code;
	}
	if (!sel->no_table)
		print_table(sel, jobs, n, notes);
	if (code != EXIT_OK) {
		size_t nf = 0;
		for (i = 0; i < n; i++)
			nf += jobs[i].code != 0;
		fprintf(stderr, "mesdb: error: %zu of %zu services failed\n", nf, n);
	}
out:
	if (sel->notes_out) {
		*sel->notes_out = NULL;
		if (notes != MAP_FAILED) {
			*sel->notes_out = malloc(notes_size);
			if (*sel->notes_out)
				memcpy(*sel->notes_out, notes, notes_size);
		}
	}
	if (notes != MAP_FAILED)
		munmap(notes, notes_size);
	free(list);
	free(jobs);
	mesdb_workspace_release(&ws);
	return code;
}
