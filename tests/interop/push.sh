#!/usr/bin/env bash
# push.sh - interop by hand (not in ctest; needs the Prisma oracle): a database pushed by Prisma is
# "already in sync" for mesdb, and one pushed by mesdb is in sync for Prisma.
# Usage: tests/interop/push.sh BUILD_DIR [SCHEMA...]   (default: every tests/golden/ddl/*.prisma)
# When Prisma finds changes in mesdb's database, Prisma pushes once more: if its own database is
# not in sync for it either, the schema is counted as "prisma not idempotent", not as a failure.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:?usage: push.sh BUILD_DIR [SCHEMA...]}" && pwd)
shift
mesdb=$build/cli/mesdb
oracle=${MESDB_ORACLE:-$root/../shared/oracle/oracle.sh}
[ -x "$oracle" ] || { echo "push.sh: no oracle at $oracle" >&2; exit 1; }
[ $# -gt 0 ] || set -- "$root"/tests/golden/ddl/*.prisma
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pass=0 fail=0 noidem=0
for s in "$@"; do
	n=$(basename "$s" .prisma)
	db=mesdb_interop_$$
	"$oracle" dropdb "$db" >/dev/null 2>&1
	"$oracle" createdb "$db" >/dev/null
	url=$("$oracle" url "$db")
	grep -q Citext "$s" && psql -X -q -d "$url" -c 'CREATE EXTENSION IF NOT EXISTS citext' >/dev/null
	# Prisma pushes, mesdb must find nothing to do
	if ! "$oracle" push "$s" "$url" >"$out/p" 2>&1; then
		echo "SKIP $n: prisma push failed"; "$oracle" dropdb "$db" >/dev/null 2>&1; continue
	fi
	if "$mesdb" db push --schema "$s" --url "$url" >"$out/m" 2>&1 && grep -q "already in sync" "$out/m"; then
		r1=ok
	else
		r1=FAIL
	fi
	# mesdb pushes (after a reset), Prisma must find nothing to do
	"$mesdb" db push --schema "$s" --url "$url" --force-reset >"$out/m2" 2>&1
	if "$oracle" push "$s" "$url" >"$out/p2" 2>&1 && grep -q "already in sync" "$out/p2"; then
		r2=ok
	else
		r2=FAIL
	fi
	# Prisma's own database (it just pushed): in sync for Prisma?
	if [ $r1 = ok ] && [ $r2 = FAIL ] && ! { "$oracle" push "$s" "$url" >"$out/p3" 2>&1 &&
						 grep -q "already in sync" "$out/p3"; }; then
		noidem=$((noidem + 1)); echo "ok   $n (prisma not idempotent: its own second push changes it too)"
	elif [ $r1 = ok ] && [ $r2 = ok ]; then
		pass=$((pass + 1)); echo "ok   $n"
	else
		fail=$((fail + 1)); echo "FAIL $n: prisma->mesdb $r1, mesdb->prisma $r2"
		[ $r1 = FAIL ] && sed 's/^/    mesdb: /' "$out/m" | grep -v "^    mesdb: \(Prisma schema\|Datasource\)"
		[ $r2 = FAIL ] && grep -v "WARNING\|^- url\|values from your\|recommend\|Loaded Prisma\|config detected\|^$" "$out/p2" | sed 's/^/    prisma: /'
	fi
	"$oracle" dropdb "$db" >/dev/null 2>&1
done
echo "$pass ok, $noidem ok but prisma not idempotent, $fail failed"
[ "$fail" -eq 0 ]
