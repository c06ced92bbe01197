/* cmd_up.c - mesdb up / mesdb down: a private PostgreSQL cluster under .mesdb/, then setup, deploy, seed, verify */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <grp.h>
#include <limits.h>
#include <netdb.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mesdb/mesdb_ws.h"

static const char up_usage[] = "mesdb up [--port N] [--socket | --tcp] [-j N]";
static const char up_help[] =
	"usage: mesdb up [--port N] [--socket | --tcp] [-j N]\n"
	"\n"
	"Bring up every service's database of the workspace. If no server answers at\n"
	"the services' URL (host and port, or Unix socket), start a private PostgreSQL\n"
	"cluster under .mesdb/ at the workspace root (initdb on first use; run as the\n"
	"postgres user when mesdb runs as root; if that user cannot reach the\n"
	"workspace, the cluster lives in /var/tmp/mesdb-<hash> instead). Then, for\n"
	"each service in parallel: setup (role and database), migrate deploy, db seed\n"
	"when its tables are empty, and verify. Prints the status table (service,\n"
	"database, migrations, tables, rows, verify). Run again, it changes nothing.\n"
	"\n"
	"  --port N       the server's port (also MESDB_PORT), over TCP at localhost\n"
	"                 unless --socket is given too\n"
	"  --socket       the services connect through the private cluster's Unix\n"
	"                 socket (.mesdb/sock); when mesdb up starts the cluster for\n"
	"                 such URLs, it listens on no TCP port at all\n"
	"  --tcp          back from --socket to localhost (same port)\n"
	"  -j, --jobs N   at most N services at once (default: all)\n"
	"  -h, --help     this text\n"
	"\n"
	"--port, --socket and --tcp last: they rewrite the URL line of each service's\n"
	".env (created from .env.example on first use), so every later command - mesdb's,\n"
	"Prisma's, the services' own - reaches the same server. Only a URL that is\n"
	".env.example's but for host and port is rewritten; a URL set in the\n"
	"environment, written in the schema, or edited in .env is left alone (with a\n"
	"warning), and is pointed at the server for this run only. Without these\n"
	"options the URLs are used as they are.\n"
	"\n"
	"The private cluster's superuser is postgres (no password, local connections\n"
	"only); service roles log in with their URL's password. MESDB_PG_BINDIR names\n"
	"the folder of initdb and pg_ctl. `mesdb down` stops the cluster.\n"
	"\n"
	"Exit: 0 ok, 1 a service failed (or did not verify), 2 no server and none\n"
	"could be started, 129 usage error.\n";

static const char down_usage[] = "mesdb down";
static const char down_help[] =
	"usage: mesdb down\n"
	"\n"
	"Stop the private PostgreSQL cluster that `mesdb up` started for this\n"
	"workspace (its data stays in .mesdb/ for the next `mesdb up`).\n"
	"\n"
	"Exit: 0 stopped or not running, 1 could not stop it, 129 usage error.\n";

/* ---- paths ---- */

#define PATH_LEN 4096

/* snprintf into a path buffer; false (and an error printed) when it does not fit. */
static bool path_fmt(char *buf, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

static bool path_fmt(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, PATH_LEN, fmt, ap);
	va_end(ap);
	if (n < 0 || n >= PATH_LEN) {
		fprintf(stderr, "mesdb: error: a path is too long (%.60s...)\n", buf);
		return false;
	}
	return true;
}

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

/* The folder of initdb and pg_ctl into out (PATH_LEN). */
static bool find_bindir(char *out)
{
	const char *env = getenv("MESDB_PG_BINDIR"), *path;
	char p[PATH_LEN];
	DIR *d;
	struct dirent *de;
	long best = -1;

	out[0] = '\0';
	if (env && *env)
		return snprintf(out, PATH_LEN, "%s", env) < PATH_LEN;
	d = opendir("/usr/lib/postgresql");
	if (d) {
		while ((de = readdir(d))) {
			char *end;
			long v = strtol(de->d_name, &end, 10);
			if (*end || v <= best)
				continue;
			snprintf(p, sizeof(p), "/usr/lib/postgresql/%s/bin/initdb", de->d_name);
			if (access(p, X_OK) == 0) {
				best = v;
				snprintf(out, PATH_LEN, "/usr/lib/postgresql/%s/bin", de->d_name);
			}
		}
		closedir(d);
	}
	path = getenv("PATH");
	while (best < 0 && path && *path) {
		const char *colon = strchr(path, ':');
		int n = colon ? (int)(colon - path) : (int)strlen(path);
		if (n > 0 && n < PATH_LEN - 8) {
			snprintf(p, sizeof(p), "%.*s/initdb", n, path);
			if (access(p, X_OK) == 0) {
				snprintf(out, PATH_LEN, "%.*s", n, path);
				best = 0;
			}
		}
		path = colon ? colon + 1 : NULL;
	}
	return best >= 0;
}

/* Does something accept TCP connections at host:port? */
static bool answers_tcp(const char *host, const char *port)
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

/* Does a server accept connections on the Unix socket dir/.s.PGSQL.port? */
static bool answers_socket(const char *dir, const char *port)
{
	struct sockaddr_un sa;
	int fd, n;
	bool ok;

	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	n = snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/.s.PGSQL.%s", dir, port);
	if (n < 0 || (size_t)n >= sizeof(sa.sun_path))
		return false;
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (fd < 0)
		return false;
	ok = connect(fd, (struct sockaddr *)&sa, sizeof(sa)) == 0;
	close(fd);
	return ok;
}

static bool is_local(const char *host)
{
	return !*host || !strcmp(host, "localhost") || !strcmp(host, "127.0.0.1") ||
	       !strcmp(host, "::1") || !strcmp(host, "[::1]") || host[0] == '/';
}

/* ---- the cluster's place ---- */

/* The longest socket folder the server takes (sun_path less "/.s.PGSQL.NNNNN"). */
#define SOCKET_DIR_MAX 90

/* <root>/.mesdb, or (as root, when the server user cannot reach it) /var/tmp/mesdb-<hash>. */
static bool cluster_base(const char *root, const struct srv_user *u, char *out)
{
	unsigned long h = 5381;
	const char *c;

	if (!path_fmt(out, "%s/.mesdb", root))
		return false;
	if (!u->set)
		return true;
	{
		char *ta[] = { "/usr/bin/test", "-x", (char *)root, NULL };
		if (spawn(ta, u, NULL) == 0 && strlen(out) < 80)
			return true;
	}
	for (c = root; *c; c++)
		h = h * 33 + (unsigned char)*c;
	return path_fmt(out, "/var/tmp/mesdb-%lx", h);
}

/* Is the cluster of base running? Its port (from postmaster.pid) into port (16 bytes). */
static bool cluster_running(const char *base, char *port)
{
	char p[PATH_LEN], line[256];
	FILE *f;
	long pid = 0;
	int n;

	port[0] = '\0';
	if (!path_fmt(p, "%s/data/postmaster.pid", base) || !(f = fopen(p, "r")))
		return false;
	/* line 1: pid, 2: data folder, 3: start time, 4: port */
	for (n = 1; n <= 4 && fgets(line, sizeof(line), f); n++) {
		line[strcspn(line, "\n")] = '\0';
		if (n == 1)
			pid = strtol(line, NULL, 10);
		else if (n == 4 && strlen(line) < 16)
			memcpy(port, line, strlen(line) + 1);
	}
	fclose(f);
	return pid > 0 && (kill((pid_t)pid, 0) == 0 || errno == EPERM);
}

static int write_owned(const char *path, const char *text, const char *mode,
		       const struct srv_user *u)
{
	FILE *f = fopen(path, mode);

	if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
		fprintf(stderr, "mesdb: error: could not write %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (u->set && chown(path, u->uid, u->gid) < 0)
		return -1;
	return 0;
}

/* initdb on first use, write the settings, start; tcp: listen on localhost too. 0 ok. */
static int start_cluster(const char *base, const char *port, bool tcp, const struct srv_user *u)
{
	char bindir[PATH_LEN], p[PATH_LEN], data[PATH_LEN], log[PATH_LEN], exe[PATH_LEN],
		sock[PATH_LEN], text[PATH_LEN + 256];

	if (!find_bindir(bindir)) {
		fprintf(stderr, "mesdb: error: PostgreSQL's initdb was not found\n"
				"hint: install the PostgreSQL server (e.g. postgresql-15) or set "
				"MESDB_PG_BINDIR\n");
		return -1;
	}
	if (!path_fmt(data, "%s/data", base) || !path_fmt(sock, "%s/sock", base))
		return -1;
	if (mkdir(base, 0700) < 0 && errno != EEXIST) {
		fprintf(stderr, "mesdb: error: could not create %s: %s\n", base, strerror(errno));
		return -1;
	}
	if (u->set && chown(base, u->uid, u->gid) < 0)
		return -1;
	mkdir(sock, 0700);
	if (u->set && chown(sock, u->uid, u->gid) < 0)
		return -1;
	if (!path_fmt(p, "%s/PG_VERSION", data))
		return -1;
	if (access(p, F_OK) != 0) {
		char *ia[] = { exe, "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
			       "--no-locale", NULL };
		if (!path_fmt(exe, "%s/initdb", bindir) || !path_fmt(log, "%s/initdb.log", base))
			return -1;
		fprintf(stderr, "Creating a PostgreSQL cluster in %s ...\n", data);
		if (spawn(ia, u, log) != 0) {
			fprintf(stderr, "mesdb: error: initdb failed (see %s)\n", log);
			return -1;
		}
		if (!path_fmt(p, "%s/pg_hba.conf", data) ||
		    write_owned(p,
				"# mesdb: the superuser locally without password, roles by password\n"
				"local all postgres trust\n"
				"local all all scram-sha-256\n"
				"host all postgres 127.0.0.1/32 trust\n"
				"host all postgres ::1/128 trust\n"
				"host all all 127.0.0.1/32 scram-sha-256\n"
				"host all all ::1/128 scram-sha-256\n", "w", u) < 0)
			return -1;
		if (!path_fmt(p, "%s/postgresql.conf", data) ||
		    write_owned(p, "include_if_exists = 'mesdb.conf'\n", "a", u) < 0)
			return -1;
	}
	if (!path_fmt(p, "%s/mesdb.conf", data))
		return -1;
	snprintf(text, sizeof(text),
		 "# written by mesdb up at every start\nport = %s\n"
		 "listen_addresses = '%s'\nunix_socket_directories = '%s'\n"
		 "password_encryption = 'scram-sha-256'\n", port, tcp ? "localhost" : "",
		 strlen(sock) < SOCKET_DIR_MAX && !strchr(sock, '\'') ? sock : "");
	if (write_owned(p, text, "w", u) < 0)
		return -1;
	{
		char *sa[] = { exe, "-D", data, "-l", log, "-w", "-t", "60", "start", NULL };
		if (!path_fmt(exe, "%s/pg_ctl", bindir) || !path_fmt(log, "%s/server.log", base))
			return -1;
		if (tcp)
			fprintf(stderr, "Starting PostgreSQL on port %s (log: %s) ...\n", port, log);
		else
			fprintf(stderr, "Starting PostgreSQL on the socket %s/.s.PGSQL.%s (log: %s) ...\n",
				sock, port, log);
		if (spawn(sa, u, NULL) != 0) {
			fprintf(stderr, "mesdb: error: the server did not start (see %s)\n", log);
			return -1;
		}
	}
	return 0;
}

/* pg_ctl stop -m fast; 0 ok (error printed). */
static int stop_cluster(const char *base, const struct srv_user *u)
{
	char bindir[PATH_LEN], data[PATH_LEN], exe[PATH_LEN];
	char *sa[] = { exe, "-D", data, "-m", "fast", "-w", "stop", NULL };

	if (!path_fmt(data, "%s/data", base))
		return -1;
	if (!find_bindir(bindir) || !path_fmt(exe, "%s/pg_ctl", bindir)) {
		fprintf(stderr, "mesdb: error: PostgreSQL's pg_ctl was not found\n");
		return -1;
	}
	if (spawn(sa, u, NULL) != 0) {
		fprintf(stderr, "mesdb: error: could not stop the cluster in %s\n", data);
		return -1;
	}
	return 0;
}

/* ---- up ---- */

struct up_ctx {
	const char *port;          /* point the URLs here for this run (NULL: as written) */
	const char *socket_dir;    /* ... through this socket folder (NULL: TCP) */
	bool *override;            /* by workspace index: .env could not be rewritten */
};

/* The service's URL for this run (heap), or NULL (error printed); *database too. */
static char *service_url(const struct up_ctx *x, size_t index, const char *schema,
			 char **database)
{
	struct mesdb_err err = MESDB_ERR_INIT;
	char *url = NULL, *out = NULL;

	if (mesdb_service_database(schema, database, &url, &err) < 0) {
		cli_fail(&err);
		return NULL;
	}
	if (!x->override || !x->override[index])
		return url;
	if (mesdb_url_point(url, "localhost", x->port, x->socket_dir, &out, &err) < 0)
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
	struct mesdb_verify_result vr;
	char *db = NULL, *url = service_url(x, svc->index, svc->schema, &db);
	int code = EXIT_FAILED;

	if (!url)
		goto out;
	cli_sel_note("%-24s %10s %7s %10s  %s", db, "-", "-", "-", "-");
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
	if (mesdb_verify(&so, &vr, &err) < 0) {
		code = cli_fail(&err);
		goto out;
	}
	cli_sel_note("%-24s %10ld %7zu %10llu  %s", db, vr.tables.migrations < 0 ? 0 :
		     vr.tables.migrations, vr.tables.nr, vr.tables.rows, vr.ok ? "ok" : "FAILED");
	if (vr.migrations == MESDB_VERIFY_MIGRATIONS_BAD)
		printf("verify: the migrations are not up to date:\n%s\n",
		       vr.status_text ? vr.status_text : "");
	if (vr.drift)
		printf("verify: the database differs from the schema:\n%s\n",
		       vr.drift_summary ? vr.drift_summary : "");
	code = vr.ok ? EXIT_OK : EXIT_FAILED;
	mesdb_verify_result_release(&vr);
out:
	free(url);
	free(db);
	return code;
}

static int parse_port(const char *v, const char *usage, int *code)
{
	char *end;
	long p = strtol(v, &end, 10);

	if (!*v || *end || p < 1 || p > 65535) {
		*code = cli_usage_error(usage, "the port must be a number from 1 to 65535");
		return -1;
	}
	return 0;
}

/* Rewrite the services' .env for port / socket_dir; mark the ones left alone in x->override. */
static int point_envs(const struct mesdb_workspace *ws, const char *port, const char *socket_dir,
		      struct up_ctx *x)
{
	struct mesdb_err err = MESDB_ERR_INIT;
	size_t i, pointed = 0;
	char where[PATH_LEN];

	if (socket_dir)
		snprintf(where, sizeof(where), "the socket in %s%s%s", socket_dir,
			 port ? ", port " : "", port ? port : "");
	else
		snprintf(where, sizeof(where), "localhost%s%s", port ? ":" : "", port ? port : "");
	for (i = 0; i < ws->nr; i++) {
		const struct mesdb_service *svc = &ws->items[i];
		struct mesdb_env_point_result r;
		const char *why = NULL;

		if (mesdb_service_env_point(svc, port, socket_dir, &r, &err) < 0)
			return cli_fail(&err);
		switch (r.what) {
		case MESDB_ENV_POINTED:
			pointed++;
			break;
		case MESDB_ENV_ALREADY:
			break;
		case MESDB_ENV_FROM_PROCESS:
			why = "is set in the environment";
			break;
		case MESDB_ENV_LITERAL:
			why = "is written in schema.prisma";
			break;
		case MESDB_ENV_OTHER_FILE:
			why = "comes from a .env file other than the service's";
			break;
		case MESDB_ENV_EDITED:
			why = "is not the URL of .env.example (edited)";
			break;
		}
		if (why) {
			x->override[i] = true;
			fprintf(stderr, "warning: service %s: %s%s%s %s, so it was left as it is: "
				"this run uses %s, later commands use %s\n", svc->name,
				r.var ? r.var : "the url", r.file ? " in " : "", r.file ? r.file : "",
				why, where, r.masked ? r.masked : "the URL as written");
		}
		mesdb_env_point_result_release(&r);
	}
	if (pointed)
		fprintf(stderr, "Pointed the URL in .env of %zu service%s at %s\n", pointed,
			pointed == 1 ? "" : "s", where);
	return EXIT_OK;
}

/* The status table, from the notes the services' runs left. */
static void print_status(const struct mesdb_workspace *ws, const char *notes)
{
	size_t i;

	printf("%-14s %-24s %10s %7s %10s  %s\n", "service", "database", "migrations", "tables",
	       "rows", "verify");
	for (i = 0; i < ws->nr; i++) {
		const char *note = notes ? notes + i * CLI_NOTE_MAX : "";
		if (*note) {
			printf("%-14s %s\n", ws->items[i].name, note);
		} else {
			struct mesdb_err err = MESDB_ERR_INIT;
			char *db = NULL;
			if (mesdb_service_database(ws->items[i].schema, &db, NULL, &err) < 0)
				mesdb_err_release(&err);
			printf("%-14s %-24s %10s %7s %10s  %s\n", ws->items[i].name, db ? db : "?", "-",
			       "-", "-", "-");
			free(db);
		}
	}
}

int cmd_up(int argc, char **argv)
{
	enum { OPT_PORT = 256, OPT_SOCKET, OPT_TCP };
	static const struct option longopts[] = {
		{ "port", required_argument, NULL, OPT_PORT },
		{ "socket", no_argument, NULL, OPT_SOCKET },
		{ "tcp", no_argument, NULL, OPT_TCP },
		{ "jobs", required_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct mesdb_workspace ws;
	struct mesdb_err err = MESDB_ERR_INIT;
	struct cli_sel sel;
	struct up_ctx x = { NULL, NULL, NULL };
	struct srv_user u;
	char base[PATH_LEN] = "", sock[PATH_LEN] = "", running_port[16];
	char *fhost = NULL, *fport = NULL, *fsock = NULL, *notes = NULL;
	const char *port = getenv("MESDB_PORT"), *host, *tport;
	char *db = NULL, *url = NULL;
	bool want_socket = false, want_tcp = false, have_user = false;
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
		else if (c == OPT_SOCKET)
			want_socket = true;
		else if (c == OPT_TCP)
			want_tcp = true;
		else
			return cli_opt_common(c, argv, up_usage, up_help);
	}
	if (optind < argc)
		return cli_usage_error(up_usage, "unexpected argument \"%s\"", argv[optind]);
	if (want_socket && want_tcp)
		return cli_usage_error(up_usage, "pass either --socket or --tcp");
	if (port && !*port)
		port = NULL;
	if (port && parse_port(port, up_usage, &code) < 0)
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
	x.override = calloc(ws.nr, sizeof(*x.override));
	if (!x.override) {
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
	if (want_socket) {
		if (server_user(&u) < 0 || !cluster_base(ws.root, &u, base) ||
		    !path_fmt(sock, "%s/sock", base)) {
			code = EXIT_CONNECT;
			goto out;
		}
		have_user = true;
		if (strlen(sock) >= SOCKET_DIR_MAX) {
			fprintf(stderr, "mesdb: error: the socket folder %s is too long for a Unix "
				"socket (at most %d bytes)\nhint: use TCP (mesdb up --tcp)\n", sock,
				SOCKET_DIR_MAX - 1);
			code = EXIT_CONNECT;
			goto out;
		}
	}
	if (port || want_socket || want_tcp) {
		x.port = port;
		x.socket_dir = want_socket ? sock : NULL;
		if ((code = point_envs(&ws, port, x.socket_dir, &x)) != EXIT_OK)
			goto out;
	}
	/* where the (first) service's URL points now: that server must answer */
	url = service_url(&x, 0, ws.items[0].schema, &db);
	if (!url || mesdb_url_endpoint(url, &fhost, &fport, &fsock, &err) < 0) {
		if (url)
			cli_fail(&err);
		code = EXIT_FAILED;
		goto out;
	}
	host = *fhost ? fhost : "localhost";
	tport = *fport ? fport : "5432";
	if (*fsock ? !answers_socket(fsock, tport) : !answers_tcp(host, tport)) {
		if (!*fsock && !is_local(host)) {
			fprintf(stderr, "mesdb: error: no server answers at %s:%s\n"
				"hint: mesdb up starts a local cluster only for localhost URLs\n",
				host, tport);
			code = EXIT_CONNECT;
			goto out;
		}
		if (!have_user && (server_user(&u) < 0 || !cluster_base(ws.root, &u, base))) {
			code = EXIT_CONNECT;
			goto out;
		}
		if (*fsock && (!path_fmt(sock, "%s/sock", base) || strcmp(fsock, sock))) {
			fprintf(stderr, "mesdb: error: no server answers on the socket %s/.s.PGSQL.%s\n"
				"hint: mesdb up starts its cluster on the socket in %s only\n",
				fsock, tport, sock);
			code = EXIT_CONNECT;
			goto out;
		}
		if (cluster_running(base, running_port)) {
			/* asked to move it (another port, socket or TCP): restart it there */
			if (!(port || want_socket || want_tcp)) {
				fprintf(stderr, "mesdb: error: the mesdb cluster of this workspace runs "
					"on port %s, but the services' URLs point at %s%s%s\n"
					"hint: mesdb up --port %s (or --socket, --tcp) moves them to it\n",
					running_port, *fsock ? fsock : host, *fsock ? ", port " : ":",
					tport, running_port);
				code = EXIT_CONNECT;
				goto out;
			}
			fprintf(stderr, "Stopping PostgreSQL (port %s) to restart it ...\n",
				running_port);
			if (stop_cluster(base, &u) < 0) {
				code = EXIT_CONNECT;
				goto out;
			}
		}
		if (start_cluster(base, tport, !*fsock, &u) < 0) {
			code = EXIT_CONNECT;
			goto out;
		}
	}
	sel.all = true;
	sel.quiet_ok = true;
	sel.no_table = true;
	sel.notes_out = &notes;
	code = cli_sel_run(&sel, up_one, &x);
	print_status(&ws, notes);
out:
	free(notes);
	free(x.override);
	free(fhost);
	free(fport);
	free(fsock);
	free(url);
	free(db);
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
	char base[PATH_LEN], data[PATH_LEN], port[16];
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
	if (server_user(&u) < 0 || !cluster_base(ws.root, &u, base) ||
	    !path_fmt(data, "%s/data", base)) {
		code = EXIT_FAILED;
		goto out;
	}
	if (!cluster_running(base, port)) {
		printf("No mesdb cluster is running for %s\n", ws.root);
		goto out;
	}
	if (stop_cluster(base, &u) < 0) {
		code = EXIT_FAILED;
		goto out;
	}
	printf("Stopped the mesdb cluster in %s\n", data);
out:
	mesdb_workspace_release(&ws);
	return code;
}
