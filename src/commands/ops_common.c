/* ops_common.c - pg_dump/pg_restore child processes, the backup manifest, dump checks */
#include "ops_common.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/bytes.h"
#include "base/fs.h"
#include "base/sha256.h"
#include "base/xalloc.h"
#include "render/render.h"
#include "workspace/services.h"

extern char **environ;

#define OPS_ERROUT_MAX (64 * 1024)
#define OPS_TICK_MS 250

/* ---- connection parameters ---- */

void ops_env_init(struct ops_env *e)
{
	memset(e, 0, sizeof(*e));
}

void ops_env_release(struct ops_env *e)
{
	size_t i;

	for (i = 0; i < e->nr; i++) {
		/* the PGPASSWORD entry holds a secret: clear it before freeing */
		memset(e->vars[i], 0, strlen(e->vars[i]));
		free(e->vars[i]);
	}
	free(e->vars);
	if (e->password) {
		memset(e->password, 0, strlen(e->password));
		free(e->password);
	}
	memset(e, 0, sizeof(*e));
}

/* Set NAME=value, replacing an earlier NAME; an empty value sets nothing. */
static void env_set(struct ops_env *e, const char *name, const char *value)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, n = strlen(name);

	if (!value || !*value)
		return;
	strbuf_addf(&sb, "%s=%s", name, value);
	for (i = 0; i < e->nr; i++) {
		if (!strncmp(e->vars[i], name, n) && e->vars[i][n] == '=') {
			memset(e->vars[i], 0, strlen(e->vars[i]));
			free(e->vars[i]);
			e->vars[i] = strbuf_detach(&sb, NULL);
			return;
		}
	}
	ALLOC_GROW(e->vars, e->nr + 1, e->alloc);
	e->vars[e->nr++] = strbuf_detach(&sb, NULL);
}

/* libpq's connection keywords and the environment variables that carry them. */
static const struct {
	const char *keyword, *var;
} libpq_env[] = {
	{ "host", "PGHOST" },
	{ "hostaddr", "PGHOSTADDR" },
	{ "port", "PGPORT" },
	{ "user", "PGUSER" },
	{ "password", "PGPASSWORD" },
	{ "passfile", "PGPASSFILE" },
	{ "service", "PGSERVICE" },
	{ "options", "PGOPTIONS" },
	{ "application_name", "PGAPPNAME" },
	{ "connect_timeout", "PGCONNECT_TIMEOUT" },
	{ "client_encoding", "PGCLIENTENCODING" },
	{ "sslmode", "PGSSLMODE" },
	{ "requiressl", "PGREQUIRESSL" },
	{ "sslcert", "PGSSLCERT" },
	{ "sslkey", "PGSSLKEY" },
	{ "sslrootcert", "PGSSLROOTCERT" },
	{ "sslcrl", "PGSSLCRL" },
	{ "sslcrldir", "PGSSLCRLDIR" },
	{ "sslsni", "PGSSLSNI" },
	{ "sslcompression", "PGSSLCOMPRESSION" },
	{ "ssl_min_protocol_version", "PGSSLMINPROTOCOLVERSION" },
	{ "ssl_max_protocol_version", "PGSSLMAXPROTOCOLVERSION" },
	{ "gssencmode", "PGGSSENCMODE" },
	{ "krbsrvname", "PGKRBSRVNAME" },
	{ "channel_binding", "PGCHANNELBINDING" },
	{ "target_session_attrs", "PGTARGETSESSIONATTRS" },
	{ "load_balance_hosts", "PGLOADBALANCEHOSTS" },
	{ "require_auth", "PGREQUIREAUTH" },
};

static void url_decode(struct strbuf *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int hi, lo;
		if (s[i] == '%' && i + 2 < n && (hi = hex_digit_value((unsigned char)s[i + 1])) >= 0 &&
		    (lo = hex_digit_value((unsigned char)s[i + 2])) >= 0) {
			strbuf_addch(out, hi * 16 + lo);
			i += 2;
		} else {
			strbuf_addch(out, s[i]);
		}
	}
}

int ops_env_from_url(struct ops_env *e, const char *url, const char *database,
		     struct mesdb_err *err)
{
	struct pg_url_parts parts;
	struct strbuf key = STRBUF_INIT, val = STRBUF_INIT, host = STRBUF_INIT;
	const char *p;
	size_t i;

	if (pg_url_split(url, &parts, err) < 0) {
		pg_url_parts_release(&parts);
		return -1;
	}
	/* [::1] in a URL is ::1 for libpq */
	strbuf_addstr(&host, parts.host);
	if (host.len > 1 && host.buf[0] == '[' && host.buf[host.len - 1] == ']') {
		strbuf_remove(&host, host.len - 1, 1);
		strbuf_remove(&host, 0, 1);
	}
	env_set(e, "PGHOST", host.buf);
	env_set(e, "PGPORT", parts.port);
	env_set(e, "PGUSER", parts.user);
	env_set(e, "PGPASSWORD", parts.password);
	env_set(e, "PGDATABASE", parts.database);
	/* query parameters libpq knows win over the URL's parts, as in libpq */
	for (p = parts.query; *p;) {
		size_t n = strcspn(p, "&"), klen = strcspn(p, "=&");

		strbuf_reset(&key);
		strbuf_reset(&val);
		url_decode(&key, p, klen < n ? klen : n);
		if (klen < n)
			url_decode(&val, p + klen + 1, n - klen - 1);
		for (i = 0; i < sizeof(libpq_env) / sizeof(libpq_env[0]); i++)
			if (!strcmp(key.buf, libpq_env[i].keyword))
				env_set(e, libpq_env[i].var, val.buf);
		if (!strcmp(key.buf, "password") && val.len) {
			free(parts.password);
			parts.password = xstrdup(val.buf);
		}
		memset(val.buf, 0, val.len);
		p += n;
		if (*p == '&')
			p++;
	}
	if (database)
		env_set(e, "PGDATABASE", database);
	if (*parts.password) {
		free(e->password);
		e->password = xstrdup(parts.password);
	}
	memset(parts.password, 0, strlen(parts.password));
	pg_url_parts_release(&parts);
	strbuf_release(&key);
	strbuf_release(&val);
	strbuf_release(&host);
	return 0;
}

/* ---- running a child ---- */

static double mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* Is the NAME of "NAME=value" one of env's names? */
static bool env_overrides(const struct ops_env *env, const char *entry)
{
	size_t i, n = strcspn(entry, "=");

	if (!env)
		return false;
	for (i = 0; i < env->nr; i++)
		if (!strncmp(env->vars[i], entry, n) && env->vars[i][n] == '=')
			return true;
	return false;
}

static void set_cloexec(int fd)
{
	int flags = fcntl(fd, F_GETFD);
	if (flags >= 0)
		fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
}

static int make_pipe(int fds[2], struct mesdb_err *err)
{
	if (pipe(fds) < 0)
		return mesdb_error(err, MESDB_E_IO, "could not create a pipe: %s", strerror(errno));
	set_cloexec(fds[0]);
	set_cloexec(fds[1]);
	return 0;
}

/* Read what fd has into sb (up to max bytes kept); 0 at end of file. */
static int drain(int fd, struct strbuf *sb, size_t max)
{
	char buf[8192];
	ssize_t n = read(fd, buf, sizeof(buf));

	if (n < 0)
		return errno == EINTR || errno == EAGAIN ? 1 : 0;
	if (n == 0)
		return 0;
	if (sb && sb->len < max)
		strbuf_add(sb, buf, (size_t)n < max - sb->len ? (size_t)n : max - sb->len);
	return 1;
}

int ops_run(struct ops_run *r, struct mesdb_err *err)
{
	posix_spawn_file_actions_t fa;
	char **envp;
	size_t nenv = 0, i, k = 0;
	int outp[2] = { -1, -1 }, errp[2] = { -1, -1 }, rc, status = 0, ret = -1;
	pid_t pid;
	double next_tick;

	strbuf_reset(&r->errout);
	r->status = -1;
	while (environ && environ[nenv])
		nenv++;
	envp = xcalloc(nenv + (r->env ? r->env->nr : 0) + 1, sizeof(*envp));
	for (i = 0; i < nenv; i++)
		if (!env_overrides(r->env, environ[i]))
			envp[k++] = environ[i];
	for (i = 0; r->env && i < r->env->nr; i++)
		envp[k++] = r->env->vars[i];
	envp[k] = NULL;

	if (make_pipe(errp, err) < 0)
		goto out_env;
	if (r->stdout_fd < 0 && make_pipe(outp, err) < 0)
		goto out_pipes;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, r->stdout_fd >= 0 ? r->stdout_fd : outp[1],
					 STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, errp[1], STDERR_FILENO);
	rc = posix_spawn(&pid, r->argv[0], &fa, NULL, (char *const *)r->argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0) {
		mesdb_error(err, MESDB_E_IO, "could not run %s: %s", r->argv[0], strerror(rc));
		goto out_pipes;
	}
	close(errp[1]);
	errp[1] = -1;
	if (outp[1] >= 0) {
		close(outp[1]);
		outp[1] = -1;
	}

	next_tick = mono_ms() + OPS_TICK_MS;
	while (errp[0] >= 0 || outp[0] >= 0) {
		struct pollfd pfd[2];
		nfds_t n = 0;
		double now;
		int wait_ms, pr;

		if (errp[0] >= 0) {
			pfd[n].fd = errp[0];
			pfd[n].events = POLLIN;
			pfd[n++].revents = 0;
		}
		if (outp[0] >= 0) {
			pfd[n].fd = outp[0];
			pfd[n].events = POLLIN;
			pfd[n++].revents = 0;
		}
		now = mono_ms();
		wait_ms = next_tick > now ? (int)(next_tick - now) + 1 : 0;
		pr = poll(pfd, n, r->tick ? wait_ms : -1);
		if (pr < 0 && errno != EINTR)
			break;
		for (i = 0; pr > 0 && i < n; i++) {
			if (!(pfd[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			if (pfd[i].fd == errp[0] && !drain(errp[0], &r->errout, OPS_ERROUT_MAX)) {
				close(errp[0]);
				errp[0] = -1;
			} else if (pfd[i].fd == outp[0] && !drain(outp[0], r->out, SIZE_MAX / 2)) {
				close(outp[0]);
				outp[0] = -1;
			}
		}
		if (r->tick && mono_ms() >= next_tick) {
			r->tick(r->tick_ctx);
			next_tick = mono_ms() + OPS_TICK_MS;
		}
	}
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			mesdb_error(err, MESDB_E_IO, "could not wait for %s: %s", r->argv[0],
				    strerror(errno));
			goto out_pipes;
		}
	}
	r->status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	ret = 0;
out_pipes:
	for (i = 0; i < 2; i++) {
		if (outp[i] >= 0)
			close(outp[i]);
		if (errp[i] >= 0)
			close(errp[i]);
	}
out_env:
	free(envp);
	return ret;
}

void ops_run_release(struct ops_run *r)
{
	strbuf_release(&r->errout);
}

/* Replace every occurrence of secret in sb by ****. */
static void redact(struct strbuf *sb, const char *secret)
{
	size_t n = secret ? strlen(secret) : 0;
	char *hit;

	if (!n)
		return;
	while ((hit = strstr(sb->buf, secret)) != NULL) {
		size_t at = (size_t)(hit - sb->buf);
		strbuf_remove(sb, at, n);
		strbuf_insert(sb, at, "****", 4);
	}
}

int ops_run_error(const struct ops_run *r, enum mesdb_status status, const char *what,
		  const char *password, struct mesdb_err *err)
{
	struct strbuf detail = STRBUF_INIT;
	const char *s = r->errout.buf;
	size_t nlines = 0, i;

	/* the last 12 lines of stderr are the useful ones */
	for (i = r->errout.len; i > 0; i--)
		if (s[i - 1] == '\n' && i != r->errout.len && ++nlines == 12)
			break;
	strbuf_add(&detail, s + i, r->errout.len - i);
	strbuf_rtrim(&detail);
	redact(&detail, password);
	mesdb_error(err, status, "%s: %s exited with status %d", what, fs_basename(r->argv[0]),
		    r->status);
	if (detail.len)
		mesdb_err_detail(err, "%s", detail.buf);
	strbuf_release(&detail);
	return -1;
}

/* ---- finding the programs ---- */

static bool executable(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

/* The major version of `tool --version` ("pg_dump (PostgreSQL) 15.4 ..."), or 0. */
static int tool_major(const char *path)
{
	const char *argv[] = { path, "--version", NULL };
	struct strbuf out = STRBUF_INIT;
	struct ops_run r;
	struct mesdb_err err = MESDB_ERR_INIT;
	const char *p;
	int major = 0;

	memset(&r, 0, sizeof(r));
	strbuf_init(&r.errout, 0);
	r.argv = argv;
	r.stdout_fd = -1;
	r.out = &out;
	if (ops_run(&r, &err) == 0 && r.status == 0 && (p = strstr(out.buf, ") ")) != NULL)
		major = atoi(p + 2);
	mesdb_err_release(&err);
	ops_run_release(&r);
	strbuf_release(&out);
	return major;
}

int ops_tool_path(const char *tool, int server_version, struct strbuf *out,
		  struct mesdb_err *err)
{
	const char *bindir = getenv("MESDB_PG_BINDIR"), *path = getenv("PATH");
	int major = server_version / 10000;
	struct strbuf cand = STRBUF_INIT;

	strbuf_reset(out);
	if (bindir && *bindir) {
		fs_path_join(&cand, bindir, tool);
		if (executable(cand.buf))
			goto found;
		strbuf_release(&cand);
		mesdb_error(err, MESDB_E_CONFIG, "no %s in MESDB_PG_BINDIR (%s)", tool, bindir);
		return -1;
	}
	strbuf_reset(&cand);
	strbuf_addf(&cand, "/usr/lib/postgresql/%d/bin/%s", major, tool);
	if (executable(cand.buf))
		goto found;
	strbuf_reset(&cand);
	strbuf_addf(&cand, "/usr/pgsql-%d/bin/%s", major, tool);
	if (executable(cand.buf))
		goto found;
	for (const char *p = path ? path : ""; *p;) {
		size_t n = strcspn(p, ":");
		if (n) {
			strbuf_reset(&cand);
			strbuf_add(&cand, p, n);
			strbuf_addf(&cand, "/%s", tool);
			if (executable(cand.buf)) {
				int v = tool_major(cand.buf);
				if (v && v < major) {
					mesdb_error(err, MESDB_E_CONFIG,
						    "%s on PATH (%s) is version %d, older than the "
						    "server (%d)", tool, cand.buf, v, major);
					mesdb_err_hint(err, "install the PostgreSQL %d client programs or "
						       "set MESDB_PG_BINDIR to their folder", major);
					strbuf_release(&cand);
					return -1;
				}
				goto found;
			}
		}
		p += n;
		if (*p == ':')
			p++;
	}
	strbuf_release(&cand);
	mesdb_error(err, MESDB_E_CONFIG, "%s not found (PostgreSQL %d client programs)", tool, major);
	mesdb_err_hint(err, "install the PostgreSQL %d client programs or set MESDB_PG_BINDIR to "
		       "their folder", major);
	return -1;
found:
	strbuf_addbuf(out, &cand);
	strbuf_release(&cand);
	return 0;
}

/* ---- files ---- */

int ops_file_sha256(const char *path, char hex[65], unsigned long long *size,
		    struct mesdb_err *err)
{
	struct sha256_ctx *ctx;
	char *buf;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	unsigned long long total = 0;
	int ret = 0;

	if (fd < 0)
		return mesdb_error(err, MESDB_E_IO, "could not open \"%s\": %s", path, strerror(errno));
	buf = xmalloc(1 << 16);
	ctx = sha256_begin();
	for (;;) {
		ssize_t n = read(fd, buf, 1 << 16);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			ret = mesdb_error(err, MESDB_E_IO, "could not read \"%s\": %s", path,
					  strerror(errno));
			break;
		}
		if (n == 0)
			break;
		sha256_update(ctx, buf, (size_t)n);
		total += (unsigned long long)n;
	}
	sha256_finish(ctx, hex);
	free(buf);
	close(fd);
	if (size)
		*size = total;
	return ret;
}

void ops_stamp_now(char out[16])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 16, "%Y%m%d_%H%M%S", &tm);
}

bool ops_stamp_valid(const char *s)
{
	size_t i;

	for (i = 0; i < 15; i++) {
		if (i == 8 ? s[i] != '_' : (s[i] < '0' || s[i] > '9'))
			return false;
	}
	return s[15] == '\0';
}

void ops_backup_dir(const char *given, const char *schema_path, struct strbuf *out)
{
	struct ws_services ws;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct strbuf start = STRBUF_INIT;
	const char *slash;

	strbuf_reset(out);
	if (given && *given) {
		strbuf_addstr(out, given);
		while (out->len > 1 && out->buf[out->len - 1] == '/')
			strbuf_setlen(out, out->len - 1);
		return;
	}
	ws_services_init(&ws);
	if (schema_path && (slash = strrchr(schema_path, '/')) != NULL) {
		strbuf_add(&start, schema_path, (size_t)(slash - schema_path));
		if (!start.len)
			strbuf_addch(&start, '/');
	}
	if (ws_discover(start.len ? start.buf : NULL, &ws, &err) == 0 && ws.root)
		fs_path_join(out, ws.root, "backups");
	else
		strbuf_addstr(out, "backups");
	mesdb_err_release(&err);
	ws_services_release(&ws);
	strbuf_release(&start);
}

/* ---- the manifest ---- */

void ops_manifest_entry_release(struct ops_manifest_entry *e)
{
	free(e->service);
	free(e->database);
	free(e->file);
	free(e->stamp);
	free(e->created_at);
	free(e->sha256);
	free(e->head);
	free(e->mesdb_version);
	free(e->server_version);
	memset(e, 0, sizeof(*e));
}

static void json_string(struct strbuf *out, const char *s)
{
	if (!s) {
		strbuf_addstr(out, "null");
		return;
	}
	strbuf_addch(out, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			strbuf_addf(out, "\\%c", c);
		else if (c == '\n')
			strbuf_addstr(out, "\\n");
		else if (c == '\t')
			strbuf_addstr(out, "\\t");
		else if (c < 0x20 || c == 0x7f)
			strbuf_addf(out, "\\u%04x", c);
		else
			strbuf_addch(out, (char)c);
	}
	strbuf_addch(out, '"');
}

static void entry_line(struct strbuf *out, const struct ops_manifest_entry *e)
{
	strbuf_addstr(out, "{\"service\": ");
	json_string(out, e->service);
	strbuf_addstr(out, ", \"database\": ");
	json_string(out, e->database);
	strbuf_addstr(out, ", \"file\": ");
	json_string(out, e->file);
	strbuf_addstr(out, ", \"stamp\": ");
	json_string(out, e->stamp);
	strbuf_addstr(out, ", \"created_at\": ");
	json_string(out, e->created_at);
	strbuf_addf(out, ", \"size\": %llu, \"sha256\": ", e->size);
	json_string(out, e->sha256);
	strbuf_addstr(out, ", \"migration_head\": ");
	json_string(out, e->head);
	strbuf_addstr(out, ", \"mesdb_version\": ");
	json_string(out, e->mesdb_version);
	strbuf_addstr(out, ", \"server_version\": ");
	json_string(out, e->server_version);
	strbuf_addch(out, '}');
}

/* JSON reading: one flat object per line (strings, numbers, null, booleans). */
struct jr {
	const char *p, *end;
};

static void jr_ws(struct jr *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\r'))
		r->p++;
}

static int jr_hex4(const char *p, unsigned *out)
{
	int i, v;

	*out = 0;
	for (i = 0; i < 4; i++) {
		if ((v = hex_digit_value((unsigned char)p[i])) < 0)
			return -1;
		*out = *out * 16 + (unsigned)v;
	}
	return 0;
}

static void utf8_add(struct strbuf *out, unsigned cp)
{
	if (cp < 0x80) {
		strbuf_addch(out, (int)cp);
	} else if (cp < 0x800) {
		strbuf_addch(out, (int)(0xc0 | (cp >> 6)));
		strbuf_addch(out, (int)(0x80 | (cp & 0x3f)));
	} else {
		strbuf_addch(out, (int)(0xe0 | (cp >> 12)));
		strbuf_addch(out, (int)(0x80 | ((cp >> 6) & 0x3f)));
		strbuf_addch(out, (int)(0x80 | (cp & 0x3f)));
	}
}

/* A string at r->p (after the opening quote is checked here). */
static int jr_string(struct jr *r, struct strbuf *out)
{
	if (r->p >= r->end || *r->p != '"')
		return -1;
	r->p++;
	while (r->p < r->end && *r->p != '"') {
		unsigned cp;
		char c = *r->p++;

		if ((unsigned char)c < 0x20)
			return -1;
		if (c != '\\') {
			strbuf_addch(out, c);
			continue;
		}
		if (r->p >= r->end)
			return -1;
		c = *r->p++;
		switch (c) {
		case '"': case '\\': case '/': strbuf_addch(out, c); break;
		case 'n': strbuf_addch(out, '\n'); break;
		case 't': strbuf_addch(out, '\t'); break;
		case 'r': strbuf_addch(out, '\r'); break;
		case 'b': strbuf_addch(out, '\b'); break;
		case 'f': strbuf_addch(out, '\f'); break;
		case 'u':
			if (r->end - r->p < 4 || jr_hex4(r->p, &cp) < 0 || cp == 0 ||
			    (cp >= 0xd800 && cp <= 0xdfff))
				return -1;
			r->p += 4;
			utf8_add(out, cp);
			break;
		default:
			return -1;
		}
	}
	if (r->p >= r->end)
		return -1;
	r->p++;
	return 0;
}

static int parse_entry(const char *line, size_t len, struct ops_manifest_entry *e)
{
	struct jr r = { line, line + len };
	struct strbuf key = STRBUF_INIT, val = STRBUF_INIT;
	int ret = -1;

	memset(e, 0, sizeof(*e));
	jr_ws(&r);
	if (r.p >= r.end || *r.p++ != '{')
		goto out;
	jr_ws(&r);
	if (r.p < r.end && *r.p == '}') {
		r.p++;
		goto done;
	}
	for (;;) {
		char **slot = NULL;
		bool is_null = false;

		strbuf_reset(&key);
		strbuf_reset(&val);
		jr_ws(&r);
		if (jr_string(&r, &key) < 0)
			goto out;
		jr_ws(&r);
		if (r.p >= r.end || *r.p++ != ':')
			goto out;
		jr_ws(&r);
		if (r.p < r.end && *r.p == '"') {
			if (jr_string(&r, &val) < 0)
				goto out;
		} else {
			const char *s = r.p;
			while (r.p < r.end && (strchr("-+.eE", *r.p) || (*r.p >= '0' && *r.p <= '9') ||
					       (*r.p >= 'a' && *r.p <= 'z')))
				r.p++;
			strbuf_add(&val, s, (size_t)(r.p - s));
			if (!val.len)
				goto out;
			is_null = !strcmp(val.buf, "null");
		}
		if (!strcmp(key.buf, "service"))
			slot = &e->service;
		else if (!strcmp(key.buf, "database"))
			slot = &e->database;
		else if (!strcmp(key.buf, "file"))
			slot = &e->file;
		else if (!strcmp(key.buf, "stamp"))
			slot = &e->stamp;
		else if (!strcmp(key.buf, "created_at"))
			slot = &e->created_at;
		else if (!strcmp(key.buf, "sha256"))
			slot = &e->sha256;
		else if (!strcmp(key.buf, "migration_head"))
			slot = &e->head;
		else if (!strcmp(key.buf, "mesdb_version"))
			slot = &e->mesdb_version;
		else if (!strcmp(key.buf, "server_version"))
			slot = &e->server_version;
		else if (!strcmp(key.buf, "size")) {
			char *end;
			errno = 0;
			e->size = strtoull(val.buf, &end, 10);
			if (*end || errno || val.buf[0] == '-')
				goto out;
		}
		if (slot && !is_null) {
			free(*slot);
			*slot = xstrdup(val.buf);
		}
		jr_ws(&r);
		if (r.p < r.end && *r.p == ',') {
			r.p++;
			continue;
		}
		if (r.p < r.end && *r.p == '}') {
			r.p++;
			break;
		}
		goto out;
	}
done:
	jr_ws(&r);
	if (r.p < r.end && *r.p == ',')
		r.p++;
	jr_ws(&r);
	ret = r.p == r.end ? 0 : -1;
out:
	if (ret < 0)
		ops_manifest_entry_release(e);
	strbuf_release(&key);
	strbuf_release(&val);
	return ret;
}

/* Each line of the manifest text: fn(line, len, lineno, ctx); non-zero return stops. */
typedef int (*line_fn)(const char *line, size_t len, unsigned lineno, void *ctx);

/* 0, or -1 when a line is neither "[", "]", blank nor an object. */
static int each_entry_line(const struct strbuf *text, line_fn fn, void *ctx, unsigned *bad_line)
{
	const char *p = text->buf, *end = text->buf + text->len;
	unsigned lineno = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end, *s = p;
		size_t len;

		lineno++;
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		len = (size_t)(e - s);
		while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
			len--;
		if (len && *s == '{') {
			int r = fn(s, len, lineno, ctx);
			if (r)
				return r;
		} else if (len && !(len == 1 && (*s == '[' || *s == ']'))) {
			*bad_line = lineno;
			return -1;
		}
		p = nl ? nl + 1 : end;
	}
	return 0;
}

static int keep_line(const char *line, size_t len, unsigned lineno, void *ctx)
{
	struct strbuf *out = ctx;

	(void)lineno;
	if (line[len - 1] == ',')
		len--;
	if (out->len > 2)
		strbuf_addstr(out, ",\n");
	strbuf_add(out, line, len);
	return 0;
}

int ops_manifest_add(const char *dir, const struct ops_manifest_entry *e, struct mesdb_err *err)
{
	struct strbuf path = STRBUF_INIT, lock = STRBUF_INIT, old = STRBUF_INIT, text = STRBUF_INIT;
	struct flock fl;
	unsigned bad = 0;
	int fd, ret = -1;

	fs_path_join(&lock, dir, ".manifest.lock");
	fs_path_join(&path, dir, "manifest.json");
	fd = open(lock.buf, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		mesdb_error(err, MESDB_E_IO, "could not open \"%s\": %s", lock.buf, strerror(errno));
		goto out;
	}
	memset(&fl, 0, sizeof(fl));
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	while (fcntl(fd, F_SETLKW, &fl) < 0) {
		if (errno != EINTR) {
			mesdb_error(err, MESDB_E_IO, "could not lock \"%s\": %s", lock.buf,
				    strerror(errno));
			goto out;
		}
	}
	if (fs_is_file(path.buf) && fs_read_file(path.buf, &old, err) < 0)
		goto out;
	strbuf_addstr(&text, "[\n");
	if (each_entry_line(&old, keep_line, &text, &bad) < 0) {
		mesdb_error(err, MESDB_E_CONFIG, "%s:%u: not a line of a mesdb manifest", path.buf, bad);
		mesdb_err_hint(err, "the manifest has one JSON object per line; move the file away "
			       "to start a new one");
		goto out;
	}
	if (text.len > 2)
		strbuf_addstr(&text, ",\n");
	entry_line(&text, e);
	strbuf_addstr(&text, "\n]\n");
	if (fs_write_file(path.buf, text.buf, text.len, 0600, err) < 0)
		goto out;
	ret = 0;
out:
	if (fd >= 0)
		close(fd);   /* releases the lock */
	strbuf_release(&path);
	strbuf_release(&lock);
	strbuf_release(&old);
	strbuf_release(&text);
	return ret;
}

struct find_ctx {
	const char *database, *stamp, *file;
	struct ops_manifest_entry *out;
	bool found;
	unsigned bad;
};

static int match_line(const char *line, size_t len, unsigned lineno, void *ctx)
{
	struct find_ctx *f = ctx;
	struct ops_manifest_entry e;

	if (parse_entry(line, len, &e) < 0) {
		f->bad = lineno;
		return -1;
	}
	if (e.database && e.file && (!f->database || !strcmp(e.database, f->database)) &&
	    (!f->stamp || (e.stamp && !strcmp(e.stamp, f->stamp))) &&
	    (!f->file || !strcmp(fs_basename(e.file), f->file))) {
		ops_manifest_entry_release(f->out);
		*f->out = e;
		f->found = true;
		return 0;
	}
	ops_manifest_entry_release(&e);
	return 0;
}

int ops_manifest_find(const char *dir, const char *database, const char *stamp,
		      const char *file, struct ops_manifest_entry *out, bool *found,
		      struct mesdb_err *err)
{
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT;
	struct find_ctx f = { database, stamp, file, out, false, 0 };
	int ret = -1;

	memset(out, 0, sizeof(*out));
	*found = false;
	fs_path_join(&path, dir, "manifest.json");
	if (!fs_is_file(path.buf)) {
		ret = 0;
		goto out;
	}
	if (fs_read_file(path.buf, &text, err) < 0)
		goto out;
	if (each_entry_line(&text, match_line, &f, &f.bad) < 0) {
		ops_manifest_entry_release(out);
		mesdb_error(err, MESDB_E_CONFIG, "%s:%u: not a line of a mesdb manifest", path.buf,
			    f.bad);
		goto out;
	}
	*found = f.found;
	ret = 0;
out:
	strbuf_release(&path);
	strbuf_release(&text);
	return ret;
}

/* ---- pg_restore --list ---- */

void ops_dump_info_release(struct ops_dump_info *i)
{
	free(i->database);
	memset(i, 0, sizeof(*i));
}

/* The value after "; <key>: " in the header lines of a --list output, or NULL (heap). */
static char *list_header(const char *text, const char *key)
{
	const char *p = text;
	size_t klen = strlen(key);

	while (*p == ';') {
		const char *nl = strchr(p, '\n'), *s = p + 1;
		size_t n;

		while (*s == ' ' || *s == '\t')
			s++;
		n = nl ? (size_t)(nl - s) : strlen(s);
		if (n > klen + 1 && !strncmp(s, key, klen) && s[klen] == ':') {
			s += klen + 1;
			n -= klen + 1;
			while (n && *s == ' ') {
				s++;
				n--;
			}
			return xstrndup(s, n);
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	return NULL;
}

int ops_dump_check(const char *file, int server_version, struct ops_dump_info *info,
		   struct mesdb_err *err)
{
	struct strbuf tool = STRBUF_INIT, out = STRBUF_INIT;
	struct ops_run r;
	const char *argv[4];
	char *entries = NULL;
	int ret = -1;

	memset(info, 0, sizeof(*info));
	memset(&r, 0, sizeof(r));
	strbuf_init(&r.errout, 0);
	if (ops_tool_path("pg_restore", server_version, &tool, err) < 0)
		goto out;
	argv[0] = tool.buf;
	argv[1] = "--list";
	argv[2] = file;
	argv[3] = NULL;
	r.argv = argv;
	r.stdout_fd = -1;
	r.out = &out;
	if (ops_run(&r, err) < 0)
		goto out;
	if (r.status != 0) {
		ops_run_error(&r, MESDB_E_REFUSED, "the dump is damaged or not a pg_dump archive",
			      NULL, err);
		mesdb_err_prefix(err, "%s", file);
		goto out;
	}
	info->database = list_header(out.buf, "dbname");
	entries = list_header(out.buf, "TOC Entries");
	if (!info->database || !entries) {
		mesdb_error(err, MESDB_E_REFUSED, "%s: pg_restore --list shows no archive header",
			    file);
		goto out;
	}
	info->entries = (unsigned)strtoul(entries, NULL, 10);
	ret = 0;
out:
	if (ret < 0)
		ops_dump_info_release(info);
	free(entries);
	ops_run_release(&r);
	strbuf_release(&tool);
	strbuf_release(&out);
	return ret;
}

/* ---- the administrator's connection ---- */

void ops_admin_url(const struct pg_url_parts *svc, const char *given, struct strbuf *out)
{
	struct pg_url_parts admin;

	strbuf_reset(out);
	if (!given || !*given)
		given = getenv("MESDB_ADMIN_URL");
	if (given && *given) {
		strbuf_addstr(out, given);
		return;
	}
	admin.user = (char *)"postgres";
	admin.password = (char *)"";
	admin.host = svc->host;
	admin.port = svc->port;
	admin.database = (char *)"postgres";
	admin.query = (char *)"";
	pg_url_join(out, &admin);
}

void ops_url_schema(const struct pg_url_parts *url, struct strbuf *out)
{
	const char *p;

	strbuf_reset(out);
	for (p = url->query; *p;) {
		size_t n = strcspn(p, "&"), klen = strcspn(p, "=&");
		if (klen < n && klen == 6 && !strncmp(p, "schema", 6)) {
			strbuf_reset(out);
			url_decode(out, p + 7, n - 7);
		}
		p += n;
		if (*p == '&')
			p++;
	}
	if (!out->len)
		strbuf_addstr(out, "public");
}

int ops_migration_head(struct pg_conn *c, const char *ns, char **head, struct mesdb_err *err)
{
	struct pg_result *r = NULL;
	struct strbuf sql = STRBUF_INIT;
	int ret = -1;

	*head = NULL;
	if (pg_exec_params(c, "SELECT pg_catalog.to_regclass(pg_catalog.format('%I._prisma_migrations', "
			   "$1::text)) IS NOT NULL", 1, &ns, &r, err) < 0)
		goto out;
	if (strcmp(pg_result_value(r, 0, 0), "t")) {
		ret = 0;
		goto out;
	}
	pg_result_free(r);
	r = NULL;
	strbuf_addstr(&sql, "SELECT migration_name FROM ");
	sql_quote_ident(&sql, ns);
	strbuf_addstr(&sql, "._prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS "
		      "NULL ORDER BY finished_at DESC, migration_name DESC LIMIT 1");
	if (pg_exec(c, sql.buf, &r, err) < 0)
		goto out;
	if (pg_result_rows(r) > 0)
		*head = xstrdup(pg_result_value(r, 0, 0));
	ret = 0;
out:
	pg_result_free(r);
	strbuf_release(&sql);
	return ret;
}
