#!/usr/bin/env bash
# refresh_sql.sh - regenerate the expected SQL of the ddl/ and diff/ golden tests with real Prisma
#
# Usage: tests/golden/refresh_sql.sh [--all] [NAME...]
#   Without --all only missing expected files are written. NAME filters (substring).
#   Needs the Prisma oracle (see ../shared/oracle/README.md beside the repository, or ORACLE=path/to/oracle.sh)
#   with its PostgreSQL cluster running. Each call takes about a second.
#
# ddl/NAME.prisma  -> ddl/NAME.sql          migrate diff --from-empty --to-schema-datamodel --script
# diff/NAME/       -> diff/NAME/expected.sql migrate diff --from-schema-datamodel a.prisma
#                                            --to-schema-datamodel b.prisma --script
# migration/ is written by hand from `migrate dev` runs (see golden_sql.c).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
oracle="${ORACLE:-$(git -C "$(dirname "$0")" rev-parse --show-toplevel)/../shared/oracle/oracle.sh}"
all=0
filters=()
for a in "$@"; do
  case "$a" in
    --all) all=1 ;;
    *) filters+=("$a") ;;
  esac
done

wanted() {
  local name="$1" f
  [ ${#filters[@]} -eq 0 ] && return 0
  for f in "${filters[@]}"; do
    case "$name" in *"$f"*) return 0 ;; esac
  done
  return 1
}

url="$("$oracle" url postgres)"
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
failed=0

for s in "$here"/ddl/*.prisma; do
  name="$(basename "$s" .prisma)"
  out="$here/ddl/$name.sql"
  wanted "$name" || continue
  [ "$all" = 1 ] || [ ! -s "$out" ] || continue
  if "$oracle" ddl "$s" >"$tmp" 2>/dev/null; then
    cp "$tmp" "$out"
  else
    echo "refresh_sql: prisma rejected ddl/$name.prisma" >&2
    failed=1
  fi
done

for d in "$here"/diff/*/; do
  name="$(basename "$d")"
  out="$d/expected.sql"
  wanted "$name" || continue
  [ "$all" = 1 ] || [ ! -s "$out" ] || continue
  if DATABASE_URL="$url" "$oracle" migrate-diff "$url" --from-schema-datamodel "$d/a.prisma" \
       --to-schema-datamodel "$d/b.prisma" --script >"$tmp" 2>/dev/null; then
    cp "$tmp" "$out"
  else
    echo "refresh_sql: prisma rejected diff/$name" >&2
    failed=1
  fi
done
exit "$failed"
