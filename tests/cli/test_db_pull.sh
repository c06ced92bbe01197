#!/bin/bash
# test_db_pull.sh - mesdb db pull against the test cluster: every golden case of tests/golden/pull
# (setup.sql loaded into a fresh database, `db pull --print` with the case's schema.prisma) must print
# expected.prisma and expected.stderr, which are Prisma 6.19's output (tests/golden/pull/refresh.sh).
# A case with setup.ddl instead of setup.sql loads tests/golden/ddl/<the name in setup.ddl>.sql
# (Prisma's DDL of that schema). A case with an `xfail` file documents a known difference: a
# mismatch there is not a failure.
. "$(dirname "$0")/lib.sh"
: "${MESDB_TEST_PG_URL:?run through ctest (the pg fixture)}"
G=$(cd "$(dirname "$0")/../golden/pull" && pwd)
DDL=$(cd "$(dirname "$0")/../golden/ddl" && pwd)

# The SQL that sets a case up: setup.sql, or the ddl expectation named by setup.ddl.
setup_sql() {
	if [ -f "$1/setup.ddl" ]; then
		echo "$DDL/$(tr -d ' \n' < "$1/setup.ddl").sql"
	else
		echo "$1/setup.sql"
	fi
}
base=${MESDB_TEST_PG_URL%/*}

newdb() {
	local db="mesdb_test_pull_$$_$1"
	psql -q -X -d "$MESDB_TEST_PG_URL" -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS \"$db\"" -c "CREATE DATABASE \"$db\"" >/dev/null || exit 1
	echo "$base/$db"
}
dropdb_url() { psql -q -X -d "$MESDB_TEST_PG_URL" -c "DROP DATABASE IF EXISTS \"${1##*/}\"" >/dev/null; }

i=0
for dir in "$G"/[0-9]*/; do
	c=$(basename "$dir")
	i=$((i + 1))
	test_case "$c"
	url=$(newdb "$i")
	psql -q -X -v ON_ERROR_STOP=1 -d "$url" -f "$(setup_sql "$dir")" >/dev/null 2>&1 || t_bad "setup failed"
	run "$MESDB" db pull --print --schema "$dir/schema.prisma" --url "$url"
	printf '\n' > "$T_TMP/want"
	cat "$dir/expected.prisma" >> "$T_TMP/want"
	printf '\n\n' >> "$T_TMP/want"
	if [ -f "$dir/xfail" ]; then
		cmp -s "$T_TMP/want" "$T_OUT_FILE" && echo "XPASS [$c]" || echo "XFAIL [$c]: $(cat "$dir/xfail")"
	else
		expect_code 0
		expect_out_file "$T_TMP/want"
		if cmp -s "$dir/expected.stderr" "$T_ERR_FILE"; then t_ok; else t_bad "stderr differs"; diff "$dir/expected.stderr" "$T_ERR_FILE" | head; fi
	fi
	dropdb_url "$url"
done

test_case "write the file"
url=$(newdb w)
psql -q -X -d "$url" -c 'CREATE TABLE "User" (id SERIAL PRIMARY KEY, email TEXT NOT NULL UNIQUE)' >/dev/null
mkdir -p "$T_TMP/w/prisma"
cp "$G/001_basic/schema.prisma" "$T_TMP/w/prisma/schema.prisma"
run -C "$T_TMP/w" "$MESDB" db pull --url "$url"
expect_code 0
expect_out "Prisma schema loaded from prisma/schema.prisma"
expect_out "- Introspecting based on datasource defined in prisma/schema.prisma"
expect_out "Introspected 1 model and wrote them into prisma/schema.prisma in "
if grep -q 'email String @unique' "$T_TMP/w/prisma/schema.prisma"; then t_ok; else t_bad "file not written"; fi
test_case "re-introspection keeps the names"
cat "$G/001_basic/schema.prisma" - > "$T_TMP/w/prisma/schema.prisma" <<'PSL'

model Person {
  id    Int    @id @default(autoincrement())
  email String @unique

  @@map("User")
}
PSL
run -C "$T_TMP/w" "$MESDB" db pull --url "$url"
expect_code 0
expect_out 'These models were enriched with `@@map` information taken from the previous Prisma schema:'
expect_out '  - "Person"'
if grep -q '^model Person {' "$T_TMP/w/prisma/schema.prisma"; then t_ok; else t_bad "name lost"; fi
test_case "--force forgets the names"
run -C "$T_TMP/w" "$MESDB" db pull --force --print --url "$url"
expect_code 0
expect_out 'model User {'
dropdb_url "$url"

test_case "empty database: P4001"
url=$(newdb e)
run "$MESDB" db pull --print --schema "$G/001_basic/schema.prisma" --url "$url"
expect_code 1
expect_err "P4001 The introspected database was empty"
dropdb_url "$url"

test_case "-h"
run "$MESDB" db pull -h
expect_code 0
expect_out "usage: mesdb db pull"
test_case "usage error"
run "$MESDB" db pull --nope
expect_code 129

finish
