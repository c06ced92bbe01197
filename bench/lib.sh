# lib.sh - timing helpers for the bench scripts: medians of whole-command runs
# median_ms N CMD...: run CMD N times (output discarded), print the median wall time in ms
median_ms() {
	local n=$1 i t0 t1
	shift
	local times=()
	for ((i = 0; i < n; i++)); do
		t0=$(date +%s%N)
		"$@" >/dev/null 2>&1
		t1=$(date +%s%N)
		times+=($(((t1 - t0) / 1000)))
	done
	printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f\n", m/1000}'
}

# peak_rss_mib CMD...: peak resident memory of one run, in MiB
peak_rss_mib() {
	/usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.1f\n", $1/1024}'
}

# The Prisma oracle (optional): ../shared/oracle/oracle.sh next to the repository.
oracle_path() {
	local root
	root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
	for p in "${MESDB_ORACLE:-}" "$root/../shared/oracle/oracle.sh"; do
		if [ -n "$p" ] && [ -x "$p" ]; then echo "$p"; return 0; fi
	done
	return 1
}

# bench_server: the server the database benchmarks use. oracle= the Prisma oracle (empty
# without it, or with MESDB_BENCH_NO_ORACLE=1) and base= its cluster's URL without a
# database, so that both tools talk to the same server; without the oracle,
# MESDB_TEST_PG_URL's server (tests/pg/cluster.sh).
bench_server() {
	oracle=$(oracle_path || true)
	[ "${MESDB_BENCH_NO_ORACLE:-0}" = 1 ] && oracle=
	if [ -n "$oracle" ]; then
		base=$("$oracle" url postgres)
		base=${base%/*}
	else
		: "${MESDB_TEST_PG_URL:?no oracle: set MESDB_TEST_PG_URL (tests/pg/cluster.sh start; . build/test-pg/env)}"
		base=${MESDB_TEST_PG_URL%/*}
	fi
}
