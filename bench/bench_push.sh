#!/usr/bin/env bash
# bench_push.sh - db push of the generated 400-model schema: empty database, no-op, vs psql -f and Prisma
# Usage: bench/bench_push.sh [BUILD_DIR] [RUNS] [PRISMA_RUNS]   (default build/, 11, 3)
#
# Measures the medians of (each run on a fresh database, created outside the timing):
#   mesdb db push into an empty database
#   psql -f of the same SQL (mesdb migrate diff --from-empty --script), in one transaction
#   mesdb db push when the database is already in sync (describe + diff, no statement): three
#     pushes in a row on each database (the first one after the DDL also sets the hint bits of
#     the new catalog rows on the server: it is reported apart)
#   oracle.sh push of the same schema (Prisma 6.19 through the oracle), when the oracle is there
# The server: the Prisma oracle's cluster when the oracle is there (every tool talks to the
# same server), else MESDB_TEST_PG_URL. MESDB_BENCH_NO_ORACLE=1: mesdb and psql only.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
build=${1:-$here/../build}
runs=${2:-11}
pruns=${3:-3}
mesdb=$(cd "$build/cli" && pwd)/mesdb
gen=$(cd "$build/bench" && pwd)/gen_schema
tmp=$(mktemp -d)
bench_server
dbs=()
cleanup() {
	for d in "${dbs[@]}"; do psql -X -q -d "$base/postgres" -c "DROP DATABASE IF EXISTS \"$d\" WITH (FORCE)" >/dev/null 2>&1; done
	rm -rf "$tmp"
}
trap cleanup EXIT
newdb() {
	PGOPTIONS='-c client_min_messages=warning' psql -X -q -d "$base/postgres" \
		-c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" -c "CREATE DATABASE \"$1\"" >/dev/null
	dbs+=("$1")
	echo "$base/$1"
}
# ms CMD...: wall time of one run in ms (the command must succeed)
ms() {
	local t0 t1
	t0=$(date +%s%N)
	"$@" >"$tmp/out" 2>&1 || { echo "FAILED: $*" >&2; cat "$tmp/out" >&2; exit 1; }
	t1=$(date +%s%N)
	echo $(((t1 - t0) / 1000000))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }

"$gen" --models 400 -o "$tmp/schema.prisma"
"$mesdb" migrate diff --from-empty --to-schema-datamodel "$tmp/schema.prisma" --script >"$tmp/push.sql"
echo "schema: 400 models, $(grep -c '^CREATE TABLE' "$tmp/push.sql") tables, $(grep -c ';$' "$tmp/push.sql") statements"

t_push=() t_psql=() t_noop=() t_first=() t_prisma=() t_pnoop=()
for ((i = 0; i < runs; i++)); do
	url=$(newdb "mesdb_bench_push_$i")
	t_push+=("$(ms "$mesdb" db push --schema "$tmp/schema.prisma" --url "$url")")
	for k in 1 2 3; do
		t=$(ms "$mesdb" db push --schema "$tmp/schema.prisma" --url "$url")
		grep -q "already in sync" "$tmp/out" || { echo "no-op push was not a no-op" >&2; cat "$tmp/out" >&2; exit 1; }
		if [ $k = 1 ]; then t_first+=("$t"); else t_noop+=("$t"); fi
	done
	url=$(newdb "mesdb_bench_psql_$i")
	t_psql+=("$(ms psql -X -q -1 -v ON_ERROR_STOP=1 -d "$url" -f "$tmp/push.sql")")
done
printf 'mesdb db push, empty database    median %6s ms\n' "$(printf '%s\n' "${t_push[@]}" | median)"
printf 'psql -1 -f of the same SQL       median %6s ms\n' "$(printf '%s\n' "${t_psql[@]}" | median)"
printf 'mesdb db push, in sync, 1st      median %6s ms\n' "$(printf '%s\n' "${t_first[@]}" | median)"
printf 'mesdb db push, already in sync   median %6s ms\n' "$(printf '%s\n' "${t_noop[@]}" | median)"
if [ -n "$oracle" ] && [ "$pruns" -gt 0 ]; then
	for ((i = 0; i < pruns; i++)); do
		url=$(newdb "mesdb_bench_prisma_$i")
		t_prisma+=("$(ms "$oracle" push "$tmp/schema.prisma" "$url")")
		t_pnoop+=("$(ms "$oracle" push "$tmp/schema.prisma" "$url")")
	done
	printf 'prisma db push, empty database   median %6s ms\n' "$(printf '%s\n' "${t_prisma[@]}" | median)"
	printf 'prisma db push, already in sync  median %6s ms\n' "$(printf '%s\n' "${t_pnoop[@]}" | median)"
fi
