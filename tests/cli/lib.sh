# lib.sh - tiny assertion library for whole-command tests: exit code AND output
# Usage: . lib.sh; run <cmd...>; expect_code N; expect_out 'text'; expect_err 'text'; finish
# MESDB is the mesdb executable under test (set by ctest).
set -u
: "${MESDB:?MESDB must point at the mesdb executable}"
T_PASS=0
T_FAIL=0
T_NAME=""
T_TMP=$(mktemp -d "${TMPDIR:-/tmp}/mesdb-cli.XXXXXX")
trap 'rm -rf "$T_TMP"' EXIT
export NO_COLOR=1
# migrate status keeps drift results in a cache folder: one per test run, not the user's
export MESDB_CACHE_DIR="$T_TMP/cache"

# test NAME: start a named case
test_case() { T_NAME="$1"; }

# run [-C DIR] CMD...: run (in DIR) with stdout/stderr captured; sets $T_CODE
T_OUT_FILE="$T_TMP/out"; T_ERR_FILE="$T_TMP/err"; T_CODE=0
run() {
	local dir=.
	if [ "$1" = -C ]; then dir=$2; shift 2; fi
	(cd "$dir" && "$@") >"$T_OUT_FILE" 2>"$T_ERR_FILE" </dev/null
	T_CODE=$?
}

t_ok() { T_PASS=$((T_PASS + 1)); }
t_bad() {
	T_FAIL=$((T_FAIL + 1))
	echo "FAIL [$T_NAME] $*"
	echo "  exit: $T_CODE"
	echo "  stdout:"; sed 's/^/    /' "$T_OUT_FILE"
	echo "  stderr:"; sed 's/^/    /' "$T_ERR_FILE"
}

expect_code() { if [ "$T_CODE" -eq "$1" ]; then t_ok; else t_bad "expected exit $1"; fi; }
# expect_out TEXT: stdout contains TEXT (fixed string)
expect_out() { if grep -qF -- "$1" "$T_OUT_FILE"; then t_ok; else t_bad "stdout lacks: $1"; fi; }
expect_err() { if grep -qF -- "$1" "$T_ERR_FILE"; then t_ok; else t_bad "stderr lacks: $1"; fi; }
expect_no_out() { if [ ! -s "$T_OUT_FILE" ]; then t_ok; else t_bad "stdout not empty"; fi; }
expect_no_err() { if [ ! -s "$T_ERR_FILE" ]; then t_ok; else t_bad "stderr not empty"; fi; }
# expect_not_err TEXT: stderr does not contain TEXT
expect_not_err() { if grep -qF -- "$1" "$T_ERR_FILE"; then t_bad "stderr has: $1"; else t_ok; fi; }
# expect_out_file FILE: stdout equals FILE byte for byte
expect_out_file() { if cmp -s "$1" "$T_OUT_FILE"; then t_ok; else t_bad "stdout differs from $1"; diff "$1" "$T_OUT_FILE" | head -20; fi; }

# pg_db_init NAME: for tests against the test cluster (MESDB_TEST_PG_URL, from ctest's pg
# fixture): BASE is its URL without the database, PORT its port; `newdb X` creates a fresh
# database mesdb_cli_NAME_<pid>_X and prints its URL. Every such database is dropped at exit.
pg_db_init() {
	: "${MESDB_TEST_PG_URL:?run through ctest (the pg fixture sets MESDB_TEST_PG_URL)}"
	BASE=${MESDB_TEST_PG_URL%/*}
	PORT=${BASE##*:}
	T_DB_PREFIX="mesdb_cli_$1_$$"
	trap 'pg_db_drop_all; rm -rf "$T_TMP"' EXIT
}
newdb() {
	local n="${T_DB_PREFIX:?pg_db_init first}_$1"
	PGOPTIONS='-c client_min_messages=warning' psql -X -q -d postgres \
		-c "DROP DATABASE IF EXISTS \"$n\" WITH (FORCE)" -c "CREATE DATABASE \"$n\"" >/dev/null
	echo "$BASE/$n"
}
# (newdb runs in $(...): the names are found again by their prefix, not kept in a list)
pg_db_drop_all() {
	local d
	for d in $(psql -X -qtA -d postgres -c "SELECT datname FROM pg_database WHERE datname LIKE '${T_DB_PREFIX}\\_%'" 2>/dev/null); do
		psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$d\" WITH (FORCE)" >/dev/null 2>&1
	done
}

finish() {
	echo "$T_PASS passed, $T_FAIL failed"
	[ "$T_FAIL" -eq 0 ]
}

# ws_point_urls DIR SFX: export each DIR/services/*/.env.example URL variable pointing at the
# test cluster (MESDB_TEST_PG_URL's host:port) with role and database names suffixed _SFX,
# so runs never share them; the variable names go to URLVARS.
URLVARS=()
ws_point_urls() {
	local hostport ex line var url userinfo user pass db
	hostport=${MESDB_TEST_PG_URL#postgresql://*@}
	hostport=${hostport%%/*}
	for ex in "$1"/services/*/.env.example; do
		line=$(grep -m1 '_DATABASE_URL=' "$ex")
		var=${line%%=*}
		url=${line#*=}
		url=${url//\"/}
		userinfo=${url#postgresql://}
		userinfo=${userinfo%%@*}
		user=${userinfo%%:*}
		pass=${userinfo#*:}
		db=${url##*/}
		db=${db%%\?*}
		export "$var=postgresql://${user}_$2:$pass@$hostport/${db}_$2?schema=public"
		URLVARS+=("$var")
	done
}

# ws_drop_urls [SUFFIX...]: drop the databases (and DB+SUFFIX ones) and roles of URLVARS.
ws_drop_urls() {
	local v u d r x args
	for v in "${URLVARS[@]}"; do
		u=${!v}
		d=${u##*/}; d=${d%%\?*}
		r=${u#postgresql://}; r=${r%%:*}
		args=(-c "DROP DATABASE IF EXISTS \"$d\" WITH (FORCE)")
		for x in "$@"; do args+=(-c "DROP DATABASE IF EXISTS \"$d$x\" WITH (FORCE)"); done
		psql -X -q -d postgres "${args[@]}" -c "DROP ROLE IF EXISTS \"$r\"" >/dev/null 2>&1
	done
}
