/* cmd_up.c - mesdb up / mesdb down: a private PostgreSQL cluster under .mesdb/, then setup, deploy, seed */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <grp.h>
#include <limits.h>
#include <netdb.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/strbuf.h"
#include "mesdb/mesdb_ws.h"

static const char up_usage[] = "mesdb up [--port N] [-j N]";
static const char up_help[] =
	"usage: mesdb up [--port N] [-j N]\n"
	"\n"
	"Bring up every service's database of the workspace. If no server answers at\n"
	"the services' URL host and port, start a private PostgreSQL cluster under\n"
	".mesdb/ at the workspace root (initdb on first use; run as the postgres user\n"
	"when mesdb runs as root; if that user cannot reach the workspace, the cluster\n"
	"lives in /var/tmp/mesdb-<hash> instead). Then, for each service in parallel:\n"
	"setup (role and database), migrate deploy, and db seed when its tables are\n"
	"empty. Prints the status table (service, database, migrations, tables, rows).\n"
	"Run again, it changes nothing.\n"
	"\n"
	"  --port N       the server's port (also MESDB_PORT): the services' URLs are\n"
	"                 used with host 127.0.0.1 and this port\n"
	"  -j, --jobs N   at most N services at once (default: all)\n"
	"  -h, --help     this text\n"
	"\n"
	"The private cluster's superuser is postgres (no password, local connections\n"
	"only); service roles log in with their URL's password. MESDB_PG_BINDIR names\n"
	"the folder of initdb and pg_ctl. `mesdb down` stops the cluster.\n"
	"\n"
	"Exit: 0 ok, 1 a service failed, 2 no server and none could be started, 129\n"
	"usage error.\n";

static const char down_usage[] = "mesdb down";
static const char down_help[] =
	"usage: mesdb down\n"
	"\n"
	"Stop the private PostgreSQL cluster that `mesdb up` started for this\n"
	"workspace (its data stays in .mesdb/ for the next `mesdb up`).\n"
	"\n"
	"Exit: 0 stopped or not running, 1 could not stop it, 129 usage error.\n";

/* ---- processes ---- */

struct srv_user {
	bool set;            /* switch to uid/gid in children (we are root) */
	uid_t uid;
	gid_t gid;
	char name[64];
};

/* Run argv (argv[0] a path), as user u, stdout/stderr to log (or /dev/null); exit status. */
static int spawn(char *const argv[], const struct srv_user *u, const char *log)
{
	pid_t pid;
	int status;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int fd = open(log ? log : "/dev/null", O_WRONLY | O_CREAT | O_APPEND, 0600);
		int nul = open("/dev/null", O_RDONLY);

		if (u->set && (setgid(u->gid) < 0 || initgroups(u->name, u->gid) < 0 ||
			       setuid(u->uid) < 0))
			_exit(126);
		if (fd >= 0) {
			dup2(fd, STDOUT_FILENO);
			dup2(fd, STDERR_FILENO);
		}
		if (nul >= 0)
			dup2(nul, STDIN_FILENO);
		if (u->set && chdir("/") < 0)
			_exit(126);
		execv(argv[0], argv);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/* The user the server runs as: ourselves, or postgres (created as "mesdb" if absent) as root. */
static int server_user(struct srv_user *u)
{
	struct passwd *pw;

	memset(u, 0, sizeof(*u));
	if (geteuid() != 0)
		return 0;
	pw = getpwnam("postgres");
	if (!pw) {
		char *ua[] = { "/usr/sbin/useradd", "--system", "--no-create-home", "--home-dir",
			       "/nonexistent", "--shell", "/usr/sbin/nologin", "mesdb", NULL };
		struct srv_user self = { false, 0, 0, "" };
		pw = getpwnam("mesdb");
		if (!pw) {
			fprintf(stderr, "Creating system user mesdb to run PostgreSQL (it refuses root)\n");
			if (spawn(ua, &self, NULL) != 0 || !(pw = getpwnam("mesdb"))) {
				fprintf(stderr, "mesdb: error: could not create the system user mesdb\n");
				return -1;
			}
		}
	}
	u->set = true;
	u->uid = pw->pw_uid;
	u->gid = pw->pw_gid;
	snprintf(u->name, sizeof(u->name), "%s", pw->pw_name);
	return 0;
}

/* The folder of initdb and pg_ctl. */
static bool find_bindir(struct strbuf *out)
{
	const char *env = getenv("MESDB_PG_BINDIR"), *path;
	struct strbuf p = STRBUF_INIT;
	DIR *d;
	struct dirent *de;
	long best = -1;

	strbuf_reset(out);
	if (env && *env) {
		strbuf_addstr(out, env);
		return true;
	}
	d = opendir("/usr/lib/postgresql");
	if (d) {
		while ((de = readdir(d))) {
			char *end;
			long v = strtol(de->d_name, &end, 10);
			if (*end || v <= best)
				continue;
			strbuf_reset(&p);
			strbuf_addf(&p, "/usr/lib/postgresql/%s/bin/initdb", de->d_name);
			if (access(p.buf, X_OK) == 0) {
				best = v;
				strbuf_reset(out);
				strbuf_addf(out, "/usr/lib/postgresql/%s/bin", de->d_name);
			}
		}
		closedir(d);
	}
	path = getenv("PATH");
	while (best < 0 && path && *path) {
		const char *colon = strchr(path, ':');
		size_t n = colon ? (size_t)(colon - path) : strlen(path);
		strbuf_reset(&p);
		strbuf_add(&p, path, n);
		strbuf_addstr(&p, "/initdb");
		if (n && access(p.buf, X_OK) == 0) {
			strbuf_reset(out);
			strbuf_add(out, path, n);
			best = 0;
		}
		path = colon ? colon + 1 : NULL;
	}
	strbuf_release(&p);
	return best >= 0;
}

/* Does something accept TCP connections at host:port? */
static bool answers(const char *host, const char *port)
{
	struct addrinfo hints, *res = NULL, *ai;
	bool ok = false;

	memset(&hints, 0, sizeof(hints));
	hints.ai_socktype = SOCK_STREAM;
	if (getaddrinfo(host, port, &hints, &res) != 0)
		return false;
	for (ai = res; ai && !ok; ai = ai->ai_next) {
		int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
		if (fd < 0)
			continue;
		ok = connect(fd, ai->ai_addr, ai->ai_addrlen) == 0;
		close(fd);
	}
	freeaddrinfo(res);
	return ok;
}

static bool is_local(const char *host)
{
	return !*host || !strcmp(host, "localhost") || !strcmp(host, "127.0.0.1") ||
	       !strcmp(host, "::1") || host[0] == '/';
}

/* ---- the cluster's place ---- */

/* <root>/.mesdb, or (as root, when the server user cannot reach it) /var/tmp/mesdb-<hash>. */
static void cluster_base(const char *root, const struct srv_user *u, struct strbuf *out)
{
	unsigned long h = 5381;
	const char *c;

	strbuf_reset(out);
	strbuf_addf(out, "%s/.mesdb", root);
	if (!u->set)
		return;
	{
		char *ta[] = { "/usr/bin/test", "-x", (char *)root, NULL };
		if (spawn(ta, u, NULL) == 0 && strlen(out->buf) < 80)
			return;
	}
	for (c = root; *c; c++)
		h = h * 33 + (unsigned char)*c;
	strbuf_reset(out);
	strbuf_addf(out, "/var/tmp/mesdb-%lx", h);
}

static int write_owned(const char *path, const char *text, const struct srv_user *u)
{
	FILE *f = fopen(path, "w");

	if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
		fprintf(stderr, "mesdb: error: could not write %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (u->set && chown(path, u->uid, u->gid) < 0)
		return -1;
	return 0;
}

/* initdb on first use, write the settings, start; 0 ok. */
static int start_cluster(const char *base, const char *port, const struct srv_user *u)
{
	struct strbuf bindir = STRBUF_INIT, p = STRBUF_INIT, data = STRBUF_INIT,
		      log = STRBUF_INIT, text = STRBUF_INIT, exe = STRBUF_INIT, sock = STRBUF_INIT;
	int ret = -1;

	if (!find_bindir(&bindir)) {
		fprintf(stderr, "mesdb: error: PostgreSQL's initdb was not found\n"
				"hint: install the PostgreSQL server (e.g. postgresql-15) or set "
				"MESDB_PG_BINDIR\n");
		goto out;
	}
	strbuf_addf(&data, "%s/data", base);
	strbuf_addf(&sock, "%s/sock", base);
	if (mkdir(base, 0700) < 0 && errno != EEXIST) {
		fprintf(stderr, "mesdb: error: could not create %s: %s\n", base, strerror(errno));
		goto out;
	}
	if (u->set && chown(base, u->uid, u->gid) < 0)
		goto out;
	mkdir(sock.buf, 0700);
	if (u->set && chown(sock.buf, u->uid, u->gid) < 0)
		goto out;
	strbuf_addf(&p, "%s/PG_VERSION", data.buf);
	if (access(p.buf, F_OK) != 0) {
		char *ia[] = { NULL, "-D", data.buf, "-U", "postgres", "-A", "trust", "-E", "UTF8",
			       "--no-locale", NULL };
		strbuf_addf(&exe, "%s/initdb", bindir.buf);
		strbuf_addf(&log, "%s/initdb.log", base);
		ia[0] = exe.buf;
		fprintf(stderr, "Creating a PostgreSQL cluster in %s ...\n", data.buf);
		if (spawn(ia, u, log.buf) != 0) {
			fprintf(stderr, "mesdb: error: initdb failed (see %s)\n", log.buf);
			goto out;
		}
		strbuf_reset(&p);
		strbuf_addf(&p, "%s/pg_hba.conf", data.buf);
		if (write_owned(p.buf,
				"# mesdb: the superuser locally without password, roles by password\n"
				"local all postgres trust\n"
				"local all all scram-sha-256\n"
				"host all postgres 127.0.0.1/32 trust\n"
				"host all postgres ::1/128 trust\n"
				"host all all 127.0.0.1/32 scram-sha-256\n"
				"host all all ::1/128 scram-sha-256\n", u) < 0)
			goto out;
		strbuf_reset(&p);
		strbuf_addf(&p, "%s/postgresql.conf", data.buf);
		{
			FILE *f = fopen(p.buf, "a");
			if (!f || fputs("include_if_exists = 'mesdb.conf'\n", f) < 0 || fclose(f) != 0)
				goto out;
		}
	}
	strbuf_reset(&p);
	strbuf_addf(&p, "%s/mesdb.conf", data.buf);
	strbuf_addf(&text, "# written by mesdb up at every start\nport = %s\n"
		    "listen_addresses = 'localhost'\nunix_socket_directories = '%s'\n"
		    "password_encryption = 'scram-sha-256'\n", port,
		    sock.len < 90 && !strchr(sock.buf, '\'') ? sock.buf : "");
	if (write_owned(p.buf, text.buf, u) < 0)
		goto out;
	{
		char *sa[] = { NULL, "-D", data.buf, "-l", NULL, "-w", "-t", "60", "start", NULL };
		strbuf_reset(&exe);
		strbuf_addf(&exe, "%s/pg_ctl", bindir.buf);
		strbuf_reset(&log);
		strbuf_addf(&log, "%s/server.log", base);
		sa[0] = exe.buf;
		sa[4] = log.buf;
		fprintf(stderr, "Starting PostgreSQL on port %s (log: %s) ...\n", port, log.buf);
		if (spawn(sa, u, NULL) != 0) {
			fprintf(stderr, "mesdb: error: the server did not start (see %s)\n", log.buf);
			goto out;
		}
	}
	ret = 0;
out:
	strbuf_release(&bindir);
	strbuf_release(&p);
	strbuf_release(&data);
	strbuf_release(&log);
	strbuf_release(&text);
	strbuf_release(&exe);
	strbuf_release(&sock);
	return ret;
}

/* ---- up ---- */

struct up_ctx {
	const char *host, *port;   /* override the URLs' host and port (NULL: as written) */
};

/* The service's URL with the override applied (heap), or NULL (error printed). */
static char *service_url(const struct up_ctx *x, const char *schema, char **database)
{
	struct mesdb_err err = MESDB_ERR_INIT;
	char *url = NULL, *out = NULL;

	if (mesdb_service_database(schema, database, &url, &err) < 0) {
		cli_fail(&err);
		return NULL;
	}
	if (!x->port)
		return url;
	if (mesdb_url_host_port(url, x->host, x->port, &out, NULL, NULL, &err) < 0)
		cli_fail(&err);
	free(url);
	return out;
}

static int up_one(const struct cli_svc *svc, void *ctx)
{
	const struct up_ctx *x = ctx;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct mesdb_sink sink = cli_sink();
	struct mesdb_service_opts so;
	struct mesdb_migrate_opts mo;
	struct mesdb_service_stats st;
	struct mesdb_seed_result sr;
	char *db = NULL, *url = service_url(x, svc->schema, &db);
	int code = EXIT_FAILED;

	if (!url)
		goto out;
	memset(&so, 0, sizeof(so));
	so.service = svc->name;
	so.schema_path = svc->schema;
	so.url = url;
	memset(&mo, 0, sizeof(mo));
	mo.schema_path = svc->schema;
	mo.url = url;
	if (mesdb_setup(&so, &sink, &err) < 0 || mesdb_migrate_deploy(&mo, &sink, &err) < 0 ||
	    mesdb_service_stats(&so, &st, &err) < 0) {
		code = cli_fail(&err);
		goto out;
	}
	if (st.rows == 0 && mesdb_db_seed(&so, &sink, &sr, &err) < 0) {
		code = cli_fail(&err);
		goto out;
	}
	code = EXIT_OK;
out:
	free(url);
	free(db);
	return code;
}

static int parse_port(const char *v, const char *usage, int *code)
{
	char *end;
	long p = strtol(v, &end, 10);

	if (*end || p < 1 || p > 65535) {
		*code = cli_usage_error(usage, "the port must be a number from 1 to 65535");
		return -1;
	}
	return 0;
}

int cmd_up(int argc, char **argv)
{
	enum { OPT_PORT = 256 };
	static const struct option longopts[] = {
		{ "port", required_argument, NULL, OPT_PORT },
		{ "jobs", required_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct mesdb_workspace ws;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct cli_sel sel;
	struct up_ctx x = { NULL, NULL };
	struct srv_user u;
	struct strbuf base = STRBUF_INIT;
	char *fhost = NULL, *fport = NULL;
	const char *port = getenv("MESDB_PORT"), *host, *tport;
	char *db = NULL, *url = NULL;
	size_t i;
	int c, code = EXIT_OK;

	memset(&sel, 0, sizeof(sel));
	memset(&ws, 0, sizeof(ws));
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":hj:", longopts, NULL)) != -1) {
		int r = cli_sel_opt(&sel, c, optarg, up_usage, &code);
		if (r < 0)
			return code;
		if (r > 0)
			continue;
		if (c == OPT_PORT)
			port = optarg;
		else
			return cli_opt_common(c, argv, up_usage, up_help);
	}
	if (optind < argc)
		return cli_usage_error(up_usage, "unexpected argument \"%s\"", argv[optind]);
	if (port && *port && parse_port(port, up_usage, &code) < 0)
		return code;
	if (mesdb_workspace_open(NULL, &ws, &err) < 0) {
		code = cli_fail(&err);
		goto out;
	}
	if (!ws.nr) {
		fprintf(stderr, "mesdb: error: no services in %s/services\n", ws.root);
		code = EXIT_FAILED;
		goto out;
	}
	for (i = 0; i < ws.nr; i++) {
		bool created;
		if (mesdb_service_ensure_env(&ws.items[i], &created, &err) < 0) {
			code = cli_fail(&err);
			goto out;
		}
	}
	if (port && *port) {
		x.host = "127.0.0.1";
		x.port = port;
	}
	url = service_url(&x, ws.items[0].schema, &db);
	if (!url || mesdb_url_host_port(url, NULL, NULL, NULL, &fhost, &fport, &err) < 0) {
		if (url)
			cli_fail(&err);
		code = EXIT_FAILED;
		goto out;
	}
	host = *fhost ? fhost : "localhost";
	tport = *fport ? fport : "5432";
	if (!answers(host, tport)) {
		if (!is_local(host)) {
			fprintf(stderr, "mesdb: error: no server answers at %s:%s\n"
				"hint: mesdb up starts a local cluster only for localhost URLs\n",
				host, tport);
			code = EXIT_CONNECT;
			goto out;
		}
		if (server_user(&u) < 0) {
			code = EXIT_CONNECT;
			goto out;
		}
		cluster_base(ws.root, &u, &base);
		if (start_cluster(base.buf, tport, &u) < 0) {
			code = EXIT_CONNECT;
			goto out;
		}
	}
	sel.all = true;
	sel.quiet_ok = true;
	sel.no_table = true;
	code = cli_sel_run(&sel, up_one, &x);
	printf("%-14s %-24s %10s %7s %10s\n", "service", "database", "migrations", "tables", "rows");
	for (i = 0; i < ws.nr; i++) {
		struct mesdb_service_opts so;
		struct mesdb_service_stats st;
		char *sdb = NULL, *surl = service_url(&x, ws.items[i].schema, &sdb);

		memset(&so, 0, sizeof(so));
		so.service = ws.items[i].name;
		so.schema_path = ws.items[i].schema;
		so.url = surl;
		if (surl && mesdb_service_stats(&so, &st, &err) == 0)
			printf("%-14s %-24s %10u %7u %10llu\n", ws.items[i].name, sdb, st.migrations,
			       st.tables, st.rows);
		else
			printf("%-14s %-24s %10s %7s %10s\n", ws.items[i].name, sdb ? sdb : "?", "-",
			       "-", "-");
		mesdb_err_release(&err);
		free(surl);
		free(sdb);
	}
out:
	free(fhost);
	free(fport);
	free(url);
	free(db);
	strbuf_release(&base);
	mesdb_workspace_release(&ws);
	return code;
}

/* ---- down ---- */

int cmd_down(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct mesdb_workspace ws;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct srv_user u;
	struct strbuf base = STRBUF_INIT, bindir = STRBUF_INIT, data = STRBUF_INIT,
		      exe = STRBUF_INIT, p = STRBUF_INIT;
	int c, code = EXIT_OK;

	memset(&ws, 0, sizeof(ws));
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1)
		return cli_opt_common(c, argv, down_usage, down_help);
	if (optind < argc)
		return cli_usage_error(down_usage, "unexpected argument \"%s\"", argv[optind]);
	if (mesdb_workspace_open(NULL, &ws, &err) < 0) {
		code = cli_fail(&err);
		goto out;
	}
	if (server_user(&u) < 0) {
		code = EXIT_FAILED;
		goto out;
	}
	cluster_base(ws.root, &u, &base);
	strbuf_addf(&data, "%s/data", base.buf);
	strbuf_addf(&p, "%s/postmaster.pid", data.buf);
	if (access(p.buf, F_OK) != 0) {
		printf("No mesdb cluster is running for %s\n", ws.root);
		goto out;
	}
	if (!find_bindir(&bindir)) {
		fprintf(stderr, "mesdb: error: PostgreSQL's pg_ctl was not found\n");
		code = EXIT_FAILED;
		goto out;
	}
	strbuf_addf(&exe, "%s/pg_ctl", bindir.buf);
	{
		char *sa[] = { exe.buf, "-D", data.buf, "-m", "fast", "-w", "stop", NULL };
		if (spawn(sa, &u, NULL) != 0) {
			fprintf(stderr, "mesdb: error: could not stop the cluster in %s\n", data.buf);
			code = EXIT_FAILED;
			goto out;
		}
	}
	printf("Stopped the mesdb cluster in %s\n", data.buf);
out:
	strbuf_release(&base);
	strbuf_release(&bindir);
	strbuf_release(&data);
	strbuf_release(&exe);
	strbuf_release(&p);
	mesdb_workspace_release(&ws);
	return code;
}
