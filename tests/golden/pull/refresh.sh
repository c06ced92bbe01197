#!/bin/bash
# refresh.sh - regenerate expected.prisma / expected.stderr of each case with Prisma (oracle.sh pull)
# usage: tests/golden/pull/refresh.sh [CASE...]   (needs ../shared/oracle/oracle.sh beside the repository and its cluster)
set -u
here=$(cd "$(dirname "$0")" && pwd)
oracle=${ORACLE:-$(git -C "$(dirname "$0")" rev-parse --show-toplevel)/../shared/oracle/oracle.sh}
psql=${PSQL:-psql}
cd "$here"
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=($(ls -d [0-9]*/ | tr -d /))
for c in "${cases[@]}"; do
	db="pull_$(echo "$c" | tr -c 'a-z0-9_\n' '_')"
	"$oracle" dropdb "$db" >/dev/null 2>&1
	"$oracle" createdb "$db" >/dev/null || exit 1
	url=$("$oracle" url "$db")
	setup="$c/setup.sql"
	# setup.ddl names a case of ../ddl whose expectation (Prisma's DDL) sets this one up
	[ -f "$c/setup.ddl" ] && setup="../ddl/$(tr -d ' \n' < "$c/setup.ddl").sql"
	"$psql" -q -X -v ON_ERROR_STOP=1 -d "$url" -f "$setup" >/dev/null || { echo "$c: setup failed"; continue; }
	"$oracle" pull "$c/schema.prisma" "$url" > "$c/.out" 2> "$c/.err"
	rc=$?
	# --print writes "\n" + the file + "\n\n"; keep the file's text
	if [ $rc -eq 0 ]; then
		tail -c +2 "$c/.out" | head -c -2 > "$c/expected.prisma"
	else
		cp "$c/.out" "$c/expected.prisma"
	fi
	grep -v -e '^Loaded Prisma config' -e '^Prisma config detected' "$c/.err" | sed '/./,$!d' > "$c/expected.stderr"
	echo "$rc" > "$c/expected.rc"
	rm -f "$c/.out" "$c/.err"
	"$oracle" dropdb "$db" >/dev/null 2>&1
	echo "$c: rc=$rc"
done
