#!/usr/bin/env bash
# bench_validate.sh - mesdb validate / format on a generated large schema, next to Prisma
# Usage: bench/bench_validate.sh [BUILD_DIR] [RUNS]   (default build/, 21 runs)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
build=${1:-$here/../build}
runs=${2:-21}
mesdb=$build/cli/mesdb
gen=$build/bench/gen_schema
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# minor_faults CMD...: page faults (minor) of one run: memory first touched costs more
# than most of the parsing
minor_faults() {
	/usr/bin/time -f '%R' "$@" 2>&1 >/dev/null | tail -1
}

"$gen" --models 400 --enums 300 --fields 8000 --relations 700 -o "$tmp/schema.prisma"
"$mesdb" validate --schema "$tmp/schema.prisma" >/dev/null
# a formatted copy, so that format --check succeeds
"$mesdb" format --print --schema "$tmp/schema.prisma" >"$tmp/formatted.prisma"
echo "schema: 400 models, 300 enums, 8000 fields, 700 relations ($(wc -c <"$tmp/schema.prisma") bytes)"
# big arenas ask for transparent huge pages: with THP "never" the same run takes
# thousands more page faults, so say which mode the numbers were taken in
thp=/sys/kernel/mm/transparent_hugepage/enabled
[ -r "$thp" ] && echo "transparent huge pages: $(sed 's/.*\[\(.*\)\].*/\1/' "$thp")"
printf '%-34s %10s %10s %12s\n' "command" "median ms" "peak MiB" "page faults"
row() {
	local name=$1
	shift
	printf '%-34s %10s %10s %12s\n' "$name" "$(median_ms "$runs" "$@")" "$(peak_rss_mib "$@")" \
		"$(minor_faults "$@")"
}
row "mesdb --version (start-up)" "$mesdb" --version
row "mesdb validate" "$mesdb" validate --schema "$tmp/schema.prisma"
row "mesdb format --check (formatted)" "$mesdb" format --check --schema "$tmp/formatted.prisma"
row "mesdb format --print" "$mesdb" format --print --schema "$tmp/schema.prisma"
if oracle=$(oracle_path); then
	printf '%-34s %10s\n' "prisma validate (5.22, 3 runs)" "$(median_ms 3 "$oracle" validate "$tmp/schema.prisma")"
else
	echo "(no Prisma oracle found: skipped the comparison)"
fi
