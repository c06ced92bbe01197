#!/usr/bin/env bash
# bench_backup.sh - mesdb backup --all of the seeded workspace next to the runbook's pg_dump loop
# Usage: bench/bench_backup.sh [BUILD_DIR] [RUNS]   (default build/, 7)
#
# The server: MESDB_TEST_PG_URL (tests/pg/cluster.sh start BUILD; . BUILD/test-pg/env). The
# eight services are set up, migrated and seeded once in databases of this run (outside the
# timing), then each way of taking a backup of all eight runs RUNS times:
#   - mesdb backup --all (parallel, checked with pg_restore --list, SHA-256, manifest);
#   - the runbook's bash loop: `pg_dump -Fc` of each database, one after the other;
#   - the same loop with the eight pg_dumps in the background (`&` + wait), unchecked.
# Also timed: mesdb restore --all --force of the backup (informational).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
build=${1:-$here/../build}
runs=${2:-7}
mesdb=$(cd "$build/cli" && pwd)/mesdb
: "${MESDB_TEST_PG_URL:?set MESDB_TEST_PG_URL (tests/pg/cluster.sh start BUILD; . BUILD/test-pg/env)}"
bindir=${MESDB_TEST_PG_BINDIR:-/usr/lib/postgresql/15/bin}
pg_dump=$bindir/pg_dump
[ -x "$pg_dump" ] || pg_dump=$(command -v pg_dump)
hostport=${MESDB_TEST_PG_URL#postgresql://*@}
hostport=${hostport%%/*}
host=${hostport%:*}
port=${hostport##*:}
sfx="bench$$"
tmp=$(mktemp -d)
ws=$tmp/ws
mkdir -p "$ws"
cp -r "$here/../services" "$ws/"
rm -f "$ws"/services/*/.env

# each service's URL variable, at this server, with names of this run
vars=() users=() passes=() dbs=()
for ex in "$ws"/services/*/.env.example; do
	line=$(grep -m1 '_DATABASE_URL=' "$ex")
	var=${line%%=*}
	url=${line#*=}
	url=${url//\"/}
	userinfo=${url#postgresql://}
	userinfo=${userinfo%%@*}
	db=${url##*/}
	db=${db%%\?*}
	vars+=("$var")
	users+=("${userinfo%%:*}_$sfx")
	passes+=("${userinfo#*:}")
	dbs+=("${db}_$sfx")
	export "$var=postgresql://${userinfo%%:*}_$sfx:${userinfo#*:}@$hostport/${db}_$sfx?schema=public"
done
cleanup() {
	for i in "${!dbs[@]}"; do
		psql -X -q -d "${MESDB_TEST_PG_URL%/*}/postgres" -c "DROP DATABASE IF EXISTS \"${dbs[$i]}\" WITH (FORCE)" \
			-c "DROP ROLE IF EXISTS \"${users[$i]}\"" >/dev/null 2>&1 || true
	done
	rm -rf "$tmp"
}
trap cleanup EXIT

# ms CMD...: wall time of one run in microseconds (the command must succeed)
ms() {
	local t0 t1
	t0=$(date +%s%N)
	"$@" >"$tmp/out" 2>&1 || { echo "bench_backup: failed: $*" >&2; cat "$tmp/out" >&2; exit 1; }
	t1=$(date +%s%N)
	echo $(((t1 - t0) / 1000))
}
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}'; }

loop_seq() { # the runbook: one pg_dump -Fc after the other
	local out=$1 i stamp
	stamp=$(date -u +%Y%m%d_%H%M%S)
	mkdir -p "$out"
	for i in "${!dbs[@]}"; do
		PGPASSWORD=${passes[$i]} "$pg_dump" -Fc -h "$host" -p "$port" -U "${users[$i]}" \
			-f "$out/${dbs[$i]}_$stamp.dump" "${dbs[$i]}"
	done
}
loop_par() { # the same, all eight at once
	local out=$1 i stamp pids=()
	stamp=$(date -u +%Y%m%d_%H%M%S)
	mkdir -p "$out"
	for i in "${!dbs[@]}"; do
		PGPASSWORD=${passes[$i]} "$pg_dump" -Fc -h "$host" -p "$port" -U "${users[$i]}" \
			-f "$out/${dbs[$i]}_$stamp.dump" "${dbs[$i]}" &
		pids+=($!)
	done
	for p in "${pids[@]}"; do wait "$p"; done
}

echo "preparing: setup, migrate deploy, db seed of the eight services..."
(cd "$ws" && "$mesdb" setup --all >/dev/null && "$mesdb" migrate deploy --all >/dev/null &&
	"$mesdb" db seed --all >/dev/null)
rows=0
for v in "${vars[@]}"; do
	n=$(cd "$ws" && psql -X -qtA -d "${!v%%\?*}" -c "SELECT sum((xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text::bigint) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
	rows=$((rows + n))
done
echo "workspace: ${#dbs[@]} databases, $rows rows; server ${hostport}; pg_dump $("$pg_dump" --version | awk '{print $3}'); $(nproc) cores"
printf '%-52s %6s %12s\n' "backup of all eight databases" "runs" "median ms"

: >"$tmp/t_mesdb"; : >"$tmp/t_seq"; : >"$tmp/t_par"
for r in $(seq "$runs"); do
	# interleaved, so that a busy moment of the machine hits every way alike
	(cd "$ws" && ms "$mesdb" backup --all --dir "$tmp/m$r") >>"$tmp/t_mesdb"
	ms loop_seq "$tmp/s$r" >>"$tmp/t_seq"
	ms loop_par "$tmp/p$r" >>"$tmp/t_par"
	size_m=$(du -sb "$tmp/m$r" | cut -f1)
	[ "$r" = 1 ] || rm -rf "$tmp/m$r"
	rm -rf "$tmp/s$r" "$tmp/p$r"
done
printf '%-52s %6s %12s\n' "mesdb backup --all (parallel, checked, manifest)" "$runs" "$(median <"$tmp/t_mesdb")"
printf '%-52s %6s %12s\n' "bash loop: pg_dump -Fc, one after the other" "$runs" "$(median <"$tmp/t_seq")"
printf '%-52s %6s %12s\n' "bash loop: pg_dump -Fc, all in the background" "$runs" "$(median <"$tmp/t_par")"
echo "dump folder: $((size_m / 1024)) KiB (8 dumps + manifest.json)"

: >"$tmp/t_restore"
rruns=$(((runs + 1) / 2))
stamp=$(jq -r '.[0].stamp' "$tmp/m1/manifest.json")
for r in $(seq "$rruns"); do
	(cd "$ws" && ms "$mesdb" restore --all --from "$stamp" --dir "$tmp/m1" --force) >>"$tmp/t_restore"
done
printf '%-52s %6s %12s\n' "mesdb restore --all --force (verify, restore, swap)" "$rruns" "$(median <"$tmp/t_restore")"
