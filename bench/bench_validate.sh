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

"$gen" --models 400 --enums 300 --fields 8000 --relations 700 -o "$tmp/schema.prisma"
"$mesdb" validate --schema "$tmp/schema.prisma" >/dev/null
echo "schema: 400 models, 300 enums, 8000 fields, 700 relations ($(wc -c <"$tmp/schema.prisma") bytes)"
printf '%-34s %10s\n' "command" "median ms"
printf '%-34s %10s\n' "mesdb validate" "$(median_ms "$runs" "$mesdb" validate --schema "$tmp/schema.prisma")"
printf '%-34s %10s\n' "mesdb format --check" "$(median_ms "$runs" "$mesdb" format --check --schema "$tmp/schema.prisma")"
echo "mesdb validate peak RSS: $(peak_rss_mib "$mesdb" validate --schema "$tmp/schema.prisma") MiB"
if oracle=$(oracle_path); then
	printf '%-34s %10s\n' "prisma validate (5.22, 3 runs)" "$(median_ms 3 "$oracle" validate "$tmp/schema.prisma")"
else
	echo "(no Prisma oracle found: skipped the comparison)"
fi
