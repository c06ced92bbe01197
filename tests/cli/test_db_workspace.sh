#!/usr/bin/env bash
# test_db_workspace.sh - the workspace's services: -s/--all, .env from .env.example, setup, db seed, migrate --all
. "$(dirname "$0")/lib.sh"
: "${MESDB_TEST_PG_URL:?run through ctest (the pg fixture sets MESDB_TEST_PG_URL)}"

SRC=$(cd "$(dirname "$0")/../.." && pwd)
SFX="t$$"
W="$T_TMP/ws"
mkdir -p "$W"
cp -r "$SRC/services" "$W/"
rm -f "$W"/services/*/.env

ws_point_urls "$W" "$SFX"
cleanup() {
	ws_drop_urls
	rm -rf "$T_TMP"
}
trap cleanup EXIT
sql() { psql -X -qtA -d "${1%%\?*}" -c "$2"; }
AUTH=${AUTH_DATABASE_URL%%\?*}
WO=${WORK_ORDER_DATABASE_URL%%\?*}
RES=${RESOURCE_DATABASE_URL%%\?*}

test_case "usage"
run "$MESDB" setup -h
expect_code 0
expect_out "usage: mesdb setup"
run "$MESDB" db seed -h
expect_code 0
expect_out "--all"
run -C "$W" "$MESDB" db seed -s auth --schema x.prisma
expect_code 129
expect_err "pass either --schema or -s/--all, not both"
run -C "$W" "$MESDB" migrate status --all -j 0
expect_code 129
for c in "db tables" verify; do
	run "$MESDB" $c -h
	expect_code 0
	expect_out "usage: mesdb $c [--schema PATH [--url URL] | -s NAME... | --all [-j N]]"
	run "$MESDB" $c --no-such-option
	expect_code 129
	expect_err 'unknown option "--no-such-option"'
	run "$MESDB" $c --admin-url x
	expect_code 129
	run "$MESDB" $c extra
	expect_code 129
done
run "$MESDB" --help
expect_out "db tables"
expect_out "verify"
run "$MESDB" db pull -h
expect_out "--all"
run "$MESDB" db execute -h
expect_out "--all"

test_case "unknown service, no workspace"
run -C "$W" "$MESDB" migrate status -s nope
expect_code 1
expect_err 'no service "nope"'
run -C / "$MESDB" db seed --all
expect_code 1
expect_err "no services/ folder"

test_case ".env is created from .env.example, never overwritten"
echo '# mine' >"$W/services/auth/.env"
run -C "$W" "$MESDB" setup --all
expect_code 0
if [ "$(cat "$W/services/auth/.env")" = "# mine" ]; then t_ok; else t_bad ".env overwritten"; fi
if cmp -s "$W/services/quality/.env" "$W/services/quality/.env.example"; then t_ok; else t_bad "no .env"; fi
expect_err "Created $W/services/quality/.env from .env.example"

test_case "setup --all: summary table, one line per service"
expect_out "service        database"
for s in auth work-order quality material traceability resource reporting integration; do
	if grep -qE "^$s +mes_[a-z_]+_$SFX +ok " "$T_OUT_FILE"; then t_ok; else t_bad "no table row for $s"; fi
done
expect_not_out() { if grep -qF -- "$1" "$T_OUT_FILE" "$T_ERR_FILE"; then t_bad "output has: $1"; else t_ok; fi; }
expect_not_out "password_dev"

test_case "setup twice is fine"
run -C "$W" "$MESDB" setup --all -j 3
expect_code 0
expect_out "exists"

test_case "each role reaches its own database and is refused by another's"
if [ "$(sql "$AUTH" 'SELECT current_user')" = "mes_auth_user_$SFX" ]; then t_ok; else t_bad "auth role cannot connect"; fi
if [ "$(sql "$AUTH" "SELECT pg_catalog.pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()")" = "mes_auth_user_$SFX" ]; then t_ok; else t_bad "owner"; fi
other=${WO%/*}/mes_auth_db_$SFX
if sql "$other" 'SELECT 1' >/dev/null 2>"$T_TMP/e"; then t_bad "work-order role opened auth's database"; else
	if grep -q "CONNECT privilege" "$T_TMP/e"; then t_ok; else t_bad "refused for another reason: $(cat "$T_TMP/e")"; fi
fi

test_case "migrate deploy --all, status --all, status from inside a service folder"
run -C "$W" "$MESDB" migrate deploy --all
expect_code 0
expect_out "== auth =="
run -C "$W" "$MESDB" migrate status --all -j 2
expect_code 0
expect_out "Database schema is up to date!"
run -C "$W/services/quality/prisma/migrations" "$MESDB" migrate status
expect_code 0
expect_out "mes_quality_db_$SFX"

test_case "db push --all after deploy: nothing to do"
run -C "$W" "$MESDB" db push --all
expect_code 0
expect_out "The database is already in sync with the Prisma schema."
run -C "$W" "$MESDB" db push --all --url postgresql://x@h/d
expect_code 129

test_case "db seed twice: same counts"
run -C "$W" "$MESDB" db seed -s resource
expect_code 0
expect_out "Seeded mes_resource_db_$SFX"
c1=$(sql "$RES" 'SELECT (SELECT count(*) FROM "Equipment") + (SELECT count(*) FROM "Part")')
run -C "$W/services/resource" "$MESDB" db seed
expect_code 0
c2=$(sql "$RES" 'SELECT (SELECT count(*) FROM "Equipment") + (SELECT count(*) FROM "Part")')
if [ "$c1" = "$c2" ] && [ "$c1" -gt 0 ]; then t_ok; else t_bad "counts $c1 then $c2"; fi

test_case "db tables: the \\dt view with exact counts and sizes, sorted by name"
run -C "$W" "$MESDB" db tables -s resource
expect_code 0
expect_out "mes_resource_db_$SFX at "
expect_out "1 migration applied (_prisma_migrations)"
n=$(sql "$RES" 'SELECT count(*) FROM "Equipment"')
sz=$(sql "$RES" "SELECT pg_size_pretty(pg_total_relation_size('\"Equipment\"'))")
if grep -qE "^Equipment +$n +$sz\$" "$T_OUT_FILE"; then t_ok; else t_bad "Equipment row: want $n, $sz"; fi
ntab=$(sql "$RES" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'")
names=$(sed -n '3,$p' "$T_OUT_FILE" | head -n -2 | awk '{print $1}')
if [ "$(echo "$names" | wc -l)" = "$ntab" ]; then t_ok; else t_bad "want $ntab tables"; fi
if [ "$names" = "$(echo "$names" | LC_ALL=C sort)" ]; then t_ok; else t_bad "not sorted by name"; fi
sum=$(sed -n '3,$p' "$T_OUT_FILE" | head -n -2 | awk '{s += $2} END {print s}')
if grep -qE "^$ntab tables +$sum +[0-9]+ (bytes|kB|MB)\$" "$T_OUT_FILE"; then t_ok; else t_bad "total line: $ntab tables, $sum rows"; fi
if sed -n '3,$p' "$T_OUT_FILE" | head -n -2 | grep -q _prisma_migrations; then t_bad "_prisma_migrations listed"; else t_ok; fi
run -C "$W/services/resource/prisma" "$MESDB" db tables
expect_code 0
expect_out "mes_resource_db_$SFX"
run -C "$W" "$MESDB" db tables -s resource --url "$RES"
expect_code 129

test_case "db tables --all: each service's list, then the summary table"
run -C "$W" "$MESDB" db tables --all -j 3
expect_code 0
expect_out "== auth =="
expect_out "== work-order =="
expect_out "tables       rows      size"
if grep -qE "^resource +mes_resource_db_$SFX +ok +[0-9]+ ms +$ntab +$sum +[0-9]+ (bytes|kB|MB)\$" "$T_OUT_FILE"; then t_ok; else t_bad "resource summary row"; fi
if grep -qE "^auth +mes_auth_db_$SFX +ok +[0-9]+ ms +7 +0 +[0-9]+ kB\$" "$T_OUT_FILE"; then t_ok; else t_bad "auth summary row"; fi

test_case "verify --all: reachable, migrations up to date, no drift, row counts"
run -C "$W" "$MESDB" verify --all
expect_code 0
expect_out "  reachable    ok"
expect_out "  migrations   ok: 1 applied, up to date"
expect_out "  drift        ok: the database matches the schema"
expect_out "  rows         $sum in $ntab tables"
expect_out "verify: ok"
expect_out "migrations  drift   tables       rows"
if grep -qE "^resource +mes_resource_db_$SFX +ok +[0-9]+ ms +ok +ok +$ntab +$sum\$" "$T_OUT_FILE"; then t_ok; else t_bad "resource summary row"; fi
if grep -qE "^auth +mes_auth_db_$SFX +ok +[0-9]+ ms +ok +ok +7 +0\$" "$T_OUT_FILE"; then t_ok; else t_bad "auth summary row"; fi
expect_not_out "password_dev"

test_case "verify: a pending migration fails, named"
mdir="$W/services/auth/prisma/migrations/29990101000000_probe"
mkdir "$mdir"
echo 'CREATE TABLE "Probe" (id int PRIMARY KEY);' >"$mdir/migration.sql"
run -C "$W/services/auth" "$MESDB" verify
expect_code 1
expect_out "  migrations   FAILED: 1 pending, 0 failed, 0 missing from the folder"
expect_out "29990101000000_probe"
expect_out "  drift        ok"
expect_out "verify: FAILED"
rm -rf "$mdir"

test_case "verify: unreachable is exit 2 with the connection error"
run -C "$W" "$MESDB" verify --schema services/auth/prisma/schema.prisma --url "postgresql://u:secretpw@127.0.0.1:1/nodb"
expect_code 2
expect_err "could not connect"
expect_not_out "secretpw"

test_case "db execute on services: -s, --all, the current folder's"
printf 'SELECT 1;\n' >"$T_TMP/one.sql"
run -C "$W" "$MESDB" db execute --all --file "$T_TMP/one.sql"
expect_code 0
if [ "$(grep -c 'Script executed successfully.' "$T_OUT_FILE")" = 8 ]; then t_ok; else t_bad "8 runs"; fi
expect_out "service        database"
run -C "$W/services/quality" "$MESDB" db execute --file "$T_TMP/one.sql"
expect_code 0
expect_out "Script executed successfully."
printf 'CREATE TABLE exprobe (x int);\nSELECT 1/0;\n' >"$T_TMP/bad.sql"
run -C "$W" "$MESDB" db execute -s auth -s material --file "$T_TMP/bad.sql"
expect_code 1
expect_out "service auth: division by zero (SQLSTATE 22012)"
expect_err "2 of 2 services failed"
if [ "$(sql "$AUTH" "SELECT to_regclass('exprobe') IS NULL")" = t ]; then t_ok; else t_bad "the failed script was kept"; fi
run -C "$W" "$MESDB" db execute -s auth --url "$AUTH" --file "$T_TMP/one.sql"
expect_code 129

test_case "a broken seed names service, line and SQLSTATE and keeps nothing"
sql "$RES" 'CREATE TABLE seedprobe (x int)' >/dev/null
s="$W/services/resource/prisma/seed.sql"
printf 'INSERT INTO seedprobe VALUES (1);\nSELECT 1;\nSELECT 1/0;\n' >"$s"
run -C "$W" "$MESDB" db seed -s resource
expect_code 1
expect_err "service resource: the seed failed at line 3"
expect_err "SQLSTATE 22012"
expect_err "seed.sql:3"
if [ "$(sql "$RES" 'SELECT count(*) FROM seedprobe')" = 0 ]; then t_ok; else t_bad "the seed's first statement was kept"; fi

test_case "verify: drift is listed, exit 1"
run -C "$W" "$MESDB" verify -s resource
expect_code 1
expect_out "  drift        FAILED: the database differs from the schema"
expect_out "[-] Removed tables"
expect_out "seedprobe"
expect_out "verify: FAILED"
run -C "$W" "$MESDB" verify --all
expect_code 1
if grep -qE "^resource +mes_resource_db_$SFX +FAILED \(exit 1\) +[0-9]+ ms +ok +FAILED " "$T_OUT_FILE"; then t_ok; else t_bad "resource row"; fi
expect_err "1 of 8 services failed"

test_case "--all with one failing service: non-zero exit, table says which"
run -C "$W" "$MESDB" db seed --all -j 4 -s auth
expect_code 1
if grep -qE "^resource +mes_resource_db_$SFX +FAILED" "$T_OUT_FILE"; then t_ok; else t_bad "no FAILED row"; fi
expect_err "1 of 8 services failed"

test_case "db pull -s --print, db pull --all rewrites every schema in place"
cp "$W/services/auth/prisma/schema.prisma" "$T_TMP/auth.prisma"
run -C "$W" "$MESDB" db pull -s auth --print
expect_code 0
expect_out "model User {"
if cmp -s "$W/services/auth/prisma/schema.prisma" "$T_TMP/auth.prisma"; then t_ok; else t_bad "--print wrote the file"; fi
run -C "$W" "$MESDB" db pull --all --url "$AUTH"
expect_code 129
run -C "$W" "$MESDB" db pull --all -j 4
expect_code 0
expect_out "service        database"
if grep -q "model seedprobe" "$W/services/resource/prisma/schema.prisma"; then t_ok; else t_bad "resource's schema not rewritten"; fi
run -C "$W" "$MESDB" verify --all
expect_code 0

test_case "db tables and verify: several schemas, no migrations (db push)"
msdb="mesdb_test_ws_ms_$$"
psql -X -q -d postgres -c "CREATE DATABASE $msdb" >/dev/null
MSURL="${MESDB_TEST_PG_URL%/*}/$msdb"
mkdir -p "$T_TMP/ms"
cat >"$T_TMP/ms/schema.prisma" <<EOF
generator client {
  provider        = "prisma-client-js"
  previewFeatures = ["multiSchema"]
}

datasource db {
  provider = "postgresql"
  url      = "$MSURL"
  schemas  = ["beta", "alpha"]
}

model Zed {
  id Int @id

  @@schema("alpha")
}

model Ann {
  id   Int    @id
  name String

  @@schema("beta")
}
EOF
run "$MESDB" db push --schema "$T_TMP/ms/schema.prisma"
expect_code 0
psql -X -q -d "$MSURL" -c 'INSERT INTO alpha."Zed" VALUES (1), (2)' >/dev/null
run "$MESDB" db tables --schema "$T_TMP/ms/schema.prisma"
expect_code 0
if [ "$(sed -n '3,4p' "$T_OUT_FILE" | awk '{print $1 "=" $2}' | tr '\n' ' ')" = "alpha.Zed=2 beta.Ann=0 " ]; then t_ok; else t_bad "qualified names, sorted"; fi
expect_out "No _prisma_migrations table"
run "$MESDB" verify --schema "$T_TMP/ms/schema.prisma"
expect_code 0
expect_out "  migrations   ok: none"
expect_out "  rows         2 in 2 tables"
psql -X -q -d postgres -c "DROP DATABASE $msdb" >/dev/null

test_case "validate and format: -s and --all"
run -C "$W" "$MESDB" validate --all
expect_code 0
expect_out "services/auth/prisma/schema.prisma is valid"
expect_out "work-order     mes_work_order_db"
run -C "$W" "$MESDB" format --check -s auth -s quality
expect_code 0
expect_out "== quality =="
run -C "$W" "$MESDB" validate -s auth --schema x.prisma
expect_code 129
expect_err "pass either --schema or -s/--all, not both"
cp "$W/services/quality/prisma/schema.prisma" "$T_TMP/quality.prisma"
printf 'model Broken {\n  id Int @id\n  x  Nope\n}\n' >>"$W/services/quality/prisma/schema.prisma"
run -C "$W" "$MESDB" validate --all
expect_code 1
expect_out "Type \"Nope\" is neither a built-in type"
run -C "$W" "$MESDB" format --check -s quality
expect_code 1
cp "$T_TMP/quality.prisma" "$W/services/quality/prisma/schema.prisma"

finish
