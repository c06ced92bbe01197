#!/usr/bin/env bash
# cluster.sh - the test suite's private PostgreSQL cluster: start | stop | env | status | destroy
#
#   tests/pg/cluster.sh start   BUILD_DIR   initdb (once) and start; writes BUILD_DIR/test-pg/env
#   tests/pg/cluster.sh stop    BUILD_DIR   stop (fast); the data folder is kept for the next start
#   tests/pg/cluster.sh env     BUILD_DIR   print the connection facts (KEY=VALUE lines)
#   tests/pg/cluster.sh status  BUILD_DIR   exit 0 when the cluster answers
#   tests/pg/cluster.sh destroy BUILD_DIR   stop and remove the data folder
#
# ctest runs `start` as the fixture setup of every database test and `stop` as its
# cleanup (tests/CMakeLists.txt). The env file holds PGHOST (a private socket folder),
# PGPORT, PGUSER=postgres, PGDATABASE=postgres and MESDB_TEST_PG_URL (TCP on
# 127.0.0.1, the only address the server listens on); `set -a; . FILE; set +a` or
# tests/pg/run-with-env.sh put them in a command's environment.
#
# Each build folder gets its own cluster and its own port (derived from the folder's
# path, then the next free one), so build/ and build-asan/ can run their suites at the
# same time. The server runs with fsync off: it holds only throw-away test data. Its
# files live on /dev/shm when possible (see choose_base); BUILD_DIR/test-pg/base
# names the folder.
#
# PostgreSQL refuses to run as root. Invoked as root, the cluster belongs to the
# `postgres` account (created by Debian's postgresql package), or to a system account
# `mesdb-test` created here when there is none.
set -euo pipefail

usage() { echo "usage: cluster.sh start|stop|env|status|destroy BUILD_DIR" >&2; exit 2; }
die() { echo "cluster.sh: error: $*" >&2; exit 1; }
note() { echo "cluster.sh: $*" >&2; }

[ $# -eq 2 ] || usage
action=$1
mkdir -p "$2" 2>/dev/null || true
[ -d "$2" ] || die "no such build folder: $2"
build=$(cd "$2" && pwd -P)
state="$build/test-pg"          # always here: the env file and a pointer to the cluster
envfile="$state/env"
hash=$(printf '%s' "$build" | cksum | cut -d' ' -f1)

# ---- PostgreSQL's server programs (not on PATH on Debian) ----
find_bindir() {
	local d
	if [ -n "${MESDB_PG_BINDIR:-}" ]; then
		echo "$MESDB_PG_BINDIR"
		return
	fi
	# Prefer 15 (the version the product targets), else the newest installed.
	for d in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
		if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
			echo "$d"
			return
		fi
	done
	d=$(command -v pg_ctl 2>/dev/null || true)
	if [ -n "$d" ] && [ -x "$(dirname "$d")/initdb" ]; then
		dirname "$d"
		return
	fi
	return 1
}

# ---- who runs the server ----
uid=$(id -u)
server_user=""
if [ "$uid" = 0 ]; then
	if getent passwd postgres >/dev/null; then
		server_user=postgres
	else
		server_user=mesdb-test
		if ! getent passwd "$server_user" >/dev/null; then
			note "creating system user $server_user to run the test server"
			useradd --system --no-create-home --home-dir /nonexistent \
				--shell /usr/sbin/nologin "$server_user" ||
				die "could not create user $server_user (PostgreSQL will not run as root)"
		fi
	fi
fi

# Run a command as the server's owner, from a folder it can read.
as_server() {
	if [ -n "$server_user" ]; then
		(cd / && runuser -u "$server_user" -- "$@")
	else
		"$@"
	fi
}

# ---- where the cluster lives ----
# On a tmpfs when there is one: /dev/shm/mesdb-test-<uid>-<hash of the build folder>.
# CREATE DATABASE (one per test) takes ~20 ms there against ~300 ms on this kind of
# disk, even with fsync off. Else $state/cluster, or /tmp/mesdb-test-<uid>-<hash> when
# the server's owner cannot reach the build folder (root running the suite in a
# checkout under /root, say, with the server running as `postgres`), when the path has
# white space, or when it is too long for a Unix socket path (107 bytes).
# MESDB_TEST_PG_BASE=DIR chooses the folder; MESDB_TEST_PG_TMPFS=0 keeps it off tmpfs.
tmpfs_usable() {
	local avail
	[ "${MESDB_TEST_PG_TMPFS:-1}" != 0 ] || return 1
	[ -d /dev/shm ] && [ -w /dev/shm ] || return 1
	[ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] || return 1
	avail=$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 { print $4 }')
	[ -n "$avail" ] && [ "$avail" -gt 1048576 ]
}

choose_base() {
	local base="$state/cluster"
	local sock_len=$((${#base} + 20)) # + "/sock/.s.PGSQL.65535"
	local tag
	tag="$uid-$(printf '%x' "$hash")"
	if [ -f "$state/base" ]; then
		cat "$state/base"
		return
	fi
	if [ -n "${MESDB_TEST_PG_BASE:-}" ]; then
		base=$MESDB_TEST_PG_BASE
	elif tmpfs_usable; then
		base="/dev/shm/mesdb-test-$tag"
	else
		if [[ "$base" =~ [[:space:]] ]] || [ "$sock_len" -gt 100 ]; then
			base=""
		elif [ -n "$server_user" ]; then
			chmod 755 "$state"
			if ! runuser -u "$server_user" -- test -x "$state" 2>/dev/null; then
				base=""
			fi
		fi
		if [ -z "$base" ]; then
			base="/tmp/mesdb-test-$tag"
			note "the build folder is not usable for the server; the cluster lives in $base"
		fi
	fi
	echo "$base" >"$state/base"
	echo "$base"
}

port_in_use() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

psql_admin() {
	"$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$base/sock" -p "$port" -U postgres -d postgres "$@"
}

is_running() {
	[ -f "$base/data/PG_VERSION" ] && as_server "$bindir/pg_ctl" -D "$base/data" status >/dev/null 2>&1
}

do_init() {
	local want have
	want=$("$bindir/pg_ctl" --version | sed -n 's/^[^0-9]*\([0-9][0-9]*\).*/\1/p')
	have=$(cat "$base/data/PG_VERSION" 2>/dev/null || true)
	if [ -n "$have" ] && [ "$have" = "$want" ]; then
		return
	fi
	if [ -n "$have" ]; then
		note "data folder is from PostgreSQL $have, server is $want: re-creating it"
	fi
	case "$base" in /?*/?*) rm -rf "$base" ;; *) die "refusing to remove \"$base\"" ;; esac
	mkdir -p "$base"
	chmod 700 "$base"
	if [ -n "$server_user" ]; then
		chown "$server_user:" "$base"
	fi
	as_server mkdir -p "$base/sock"
	as_server "$bindir/initdb" -D "$base/data" -U postgres -A trust -E UTF8 --no-locale \
		--no-sync >"$state/initdb.log" 2>&1 || {
		cat "$state/initdb.log" >&2
		die "initdb failed"
	}
	as_server sh -c "echo \"include_if_exists = 'mesdb-test.conf'\" >>'$base/data/postgresql.conf'"
}

write_conf() {
	as_server sh -c "cat >'$base/data/mesdb-test.conf'" <<EOF
# written by tests/pg/cluster.sh at each start
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$base/sock'
unix_socket_permissions = 0700
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
log_min_messages = warning
log_min_error_statement = panic
EOF
}

do_start() {
	local first
	bindir=$(find_bindir) || die "PostgreSQL server programs not found (/usr/lib/postgresql/*/bin); run ./dev deps"
	mkdir -p "$state"
	base=$(choose_base)
	rm -f "$envfile"
	if is_running; then
		note "stopping a server left running by an earlier run"
		as_server "$bindir/pg_ctl" -D "$base/data" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	do_init
	first=$((54330 + hash % 1000))
	port=$first
	for _ in $(seq 1 40); do
		if port_in_use "$port"; then
			port=$((port + 1))
			continue
		fi
		write_conf
		if as_server "$bindir/pg_ctl" -D "$base/data" -l "$base/server.log" -w -t 60 start >/dev/null 2>&1; then
			break
		fi
		if tail -n 20 "$base/server.log" 2>/dev/null | grep -q 'could not bind\|in use'; then
			port=$((port + 1))
			continue
		fi
		tail -n 30 "$base/server.log" >&2 || true
		die "the test server did not start (log: $base/server.log)"
	done
	is_running || die "no free port found from $first"
	# Databases left behind by a test process that was killed before its teardown.
	local stale
	stale=$(psql_admin -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'mesdb\\_test\\_%'") ||
		die "the test server does not answer"
	for db in $stale; do
		psql_admin -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" >/dev/null || true
	done
	cat >"$envfile.tmp" <<EOF
PGHOST=$base/sock
PGPORT=$port
PGUSER=postgres
PGDATABASE=postgres
MESDB_TEST_PG_URL=postgresql://postgres@127.0.0.1:$port/postgres
MESDB_TEST_PG_DIR=$base
MESDB_TEST_PG_BINDIR=$bindir
EOF
	mv "$envfile.tmp" "$envfile"
	echo "test PostgreSQL $("$bindir/pg_ctl" --version | awk '{print $3}') running: socket $base/sock, port $port"
}

do_stop() {
	bindir=$(find_bindir) || exit 0
	[ -f "$state/base" ] || exit 0
	base=$(cat "$state/base")
	rm -f "$envfile"
	if is_running; then
		as_server "$bindir/pg_ctl" -D "$base/data" -m fast -w -t 60 stop >/dev/null ||
			die "could not stop the test server in $base"
		echo "test PostgreSQL stopped"
	fi
}

case "$action" in
start) do_start ;;
stop) do_stop ;;
env)
	[ -f "$envfile" ] || die "the test cluster is not running (no $envfile)"
	cat "$envfile"
	;;
status)
	bindir=$(find_bindir) || exit 1
	[ -f "$state/base" ] || exit 1
	base=$(cat "$state/base")
	is_running
	;;
destroy)
	(do_stop)
	if [ -f "$state/base" ]; then
		rm -rf "$(cat "$state/base")"
	fi
	rm -rf "$state"
	;;
*) usage ;;
esac
