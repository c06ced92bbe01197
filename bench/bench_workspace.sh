#!/usr/bin/env bash
# bench_workspace.sh - the eight MES services at once: mesdb up, db push --all, migrate status --all,
# verify --all, next to a bash loop of the Prisma oracle over the services doing the same
# Usage: bench/bench_workspace.sh [BUILD_DIR] [RUNS] [PRISMA_RUNS] [UP_RUNS]   (default build/, 11, 3, 3)
#
# A copy of services/ in a scratch folder; the services' URL variables point at the bench server
# (the Prisma oracle's cluster when the oracle is there, so both tools talk to the same server;
# else MESDB_TEST_PG_URL) with database and role names of this run only, dropped at the end.
# PRISMA_RUNS 0: mesdb only (on the same server). MESDB_BENCH_NO_ORACLE=1: mesdb only, on
# MESDB_TEST_PG_URL's server.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
build=${1:-$here/../build}
runs=${2:-11}
pruns=${3:-3}
upruns=${4:-3}
mesdb=$(cd "$build/cli" && pwd)/mesdb
tmp=$(mktemp -d)
bench_server
hostport=${base#postgresql://*@}
sfx="b$$"

# the workspace: services/ with every URL variable exported, pointing at the bench server
ws=$tmp/ws
mkdir -p "$ws"
cp -r "$here/../services" "$ws/"
rm -f "$ws"/services/*/.env
names=() schemas=() urls=() dbs=() roles=()
for dir in "$ws"/services/*/; do
	[ -f "$dir/prisma/schema.prisma" ] || continue
	line=$(grep -m1 '_DATABASE_URL=' "$dir/.env.example")
	var=${line%%=*}
	url=${line#*=}
	url=${url//\"/}
	userinfo=${url#postgresql://}
	userinfo=${userinfo%%@*}
	user=${userinfo%%:*}_$sfx
	pass=${userinfo#*:}
	db=${url##*/}
	db=${db%%\?*}_$sfx
	export "$var=postgresql://$user:$pass@$hostport/$db?schema=public"
	names+=("$(basename "$dir")")
	schemas+=("$dir/prisma/schema.prisma")
	urls+=("postgresql://$user:$pass@$hostport/$db?schema=public")
	dbs+=("$db")
	roles+=("$user")
done
admin() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -d "$base/postgres" "$@" >/dev/null; }
drop_all() {
	local i
	for i in "${!dbs[@]}"; do
		admin -c "DROP DATABASE IF EXISTS \"${dbs[$i]}\" WITH (FORCE)" -c "DROP ROLE IF EXISTS \"${roles[$i]}\""
	done
}
cleanup() {
	drop_all 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT
export MESDB_ADMIN_URL="$base/postgres"

# ms CMD...: wall time of one run in microseconds (the command must succeed)
ms() {
	local t0 t1
	t0=$(date +%s%N)
	"$@" >"$tmp/out" 2>&1 || { echo "bench_workspace: failed: $*" >&2; tail -20 "$tmp/out" >&2; exit 1; }
	t1=$(date +%s%N)
	echo $(((t1 - t0) / 1000))
}
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}'; }
row() { printf '%-58s %5s %12s\n' "$1" "$2" "$3"; }
# timed FILE N CMD...: append N run times of CMD to FILE
timed() {
	local f=$1 n=$2 r
	shift 2
	: >"$f"
	for r in $(seq "$n"); do (cd "$ws" && ms "$@") >>"$f"; done
}

echo "workspace: ${#names[@]} services (${names[*]}); server: $hostport"
row "command" "runs" "median ms"

# 1. mesdb up from empty databases (roles and databases dropped before each run)
: >"$tmp/up"
for r in $(seq "$upruns"); do
	drop_all
	(cd "$ws" && ms "$mesdb" up) >>"$tmp/up"
done
row "mesdb up (empty databases: setup, deploy, seed, verify)" "$upruns" "$(median <"$tmp/up")"

# 2-4. on the brought-up workspace
timed "$tmp/push" "$runs" "$mesdb" db push --all
row "mesdb db push --all (no-op)" "$runs" "$(median <"$tmp/push")"
timed "$tmp/status" "$runs" "$mesdb" migrate status --all
row "mesdb migrate status --all" "$runs" "$(median <"$tmp/status")"
timed "$tmp/verify" "$runs" "$mesdb" verify --all
row "mesdb verify --all" "$runs" "$(median <"$tmp/verify")"
timed "$tmp/tables" "$runs" "$mesdb" db tables --all
row "mesdb db tables --all" "$runs" "$(median <"$tmp/tables")"

if [ -z "$oracle" ] || [ "$pruns" = 0 ]; then
	[ -n "$oracle" ] || echo "(no Prisma oracle found: skipped the comparison)"
	exit 0
fi

# The runbook's bash loops, one service after the other, with the Prisma CLI.
counts_sql() {
	# every table's count(*), as verify reports them
	psql -X -qtA -d "$1" -c "SELECT string_agg(format('SELECT %L, count(*) FROM %I.%I', tablename, schemaname, tablename), ' UNION ALL ') FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'"
}
loop_up() {
	local i
	for i in "${!names[@]}"; do
		admin -c "CREATE ROLE \"${roles[$i]}\" LOGIN PASSWORD 'x'" -c "CREATE DATABASE \"${dbs[$i]}\" OWNER \"${roles[$i]}\""
		"$oracle" migrate-deploy "${schemas[$i]}" "${urls[$i]%%\?*}"
		psql -X -q -v ON_ERROR_STOP=1 -1 -d "${urls[$i]%%\?*}" -f "$(dirname "${schemas[$i]}")/seed.sql"
	done
}
loop_push() {
	local i
	for i in "${!names[@]}"; do "$oracle" push "${schemas[$i]}" "${urls[$i]%%\?*}"; done
}
loop_status() {
	local i
	for i in "${!names[@]}"; do "$oracle" migrate-status "${schemas[$i]}" "${urls[$i]%%\?*}"; done
}
loop_verify() {
	local i u
	for i in "${!names[@]}"; do
		u=${urls[$i]%%\?*}
		"$oracle" migrate-status "${schemas[$i]}" "$u"
		"$oracle" migrate-diff "$u" --from-url "$u" --to-schema-datamodel "${schemas[$i]}" --exit-code
		psql -X -qtA -d "$u" -c "$(counts_sql "$u")"
	done
}
: >"$tmp/pup"
for r in $(seq "$pruns"); do
	drop_all
	ms loop_up >>"$tmp/pup"
done
row "prisma loop: createdb, migrate deploy, psql seed (x${#names[@]})" "$pruns" "$(median <"$tmp/pup")"
: >"$tmp/ppush"
for r in $(seq "$pruns"); do ms loop_push >>"$tmp/ppush"; done
row "prisma loop: db push (no-op, x${#names[@]})" "$pruns" "$(median <"$tmp/ppush")"
: >"$tmp/pstatus"
for r in $(seq "$pruns"); do ms loop_status >>"$tmp/pstatus"; done
row "prisma loop: migrate status (x${#names[@]})" "$pruns" "$(median <"$tmp/pstatus")"
: >"$tmp/pverify"
for r in $(seq "$pruns"); do ms loop_verify >>"$tmp/pverify"; done
row "prisma loop: status + diff --exit-code + counts (x${#names[@]})" "$pruns" "$(median <"$tmp/pverify")"
# the Prisma loop's databases pass mesdb verify
(cd "$ws" && "$mesdb" verify --all >/dev/null) && echo "mesdb verify --all on the Prisma-deployed databases: ok"
