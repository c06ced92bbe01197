#!/usr/bin/env bash
# test_db_migrate_select.sh - migrate dev/reset/rollback/baseline on -s NAME, --all and the current service
. "$(dirname "$0")/lib.sh"
pg_db_init sel
sql() { psql -X -qtA -d "$1" -c "$2"; }
expect_sql() { local got; got=$(sql "$1" "$2"); if [ "$got" = "$3" ]; then t_ok; else t_bad "SQL $2: got '$got', want '$3'"; fi; }
nmig() { find "$1/prisma/migrations" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | wc -l; }

# a workspace of three services, each with its own database and URL variable
W="$T_TMP/ws"
for s in press lathe oven; do
	v=$(echo "$s" | tr a-z A-Z)_DATABASE_URL
	m=$(echo "${s:0:1}" | tr a-z A-Z)${s:1}
	mkdir -p "$W/services/$s/prisma"
	cat >"$W/services/$s/prisma/schema.prisma" <<S
datasource db {
  provider = "postgresql"
  url      = env("$v")
}

model $m {
  id   Int    @id @default(autoincrement())
  name String @unique
}
S
	export "$v=$(newdb "$s")"
done
PRESS=$PRESS_DATABASE_URL
LATHE=$LATHE_DATABASE_URL
OVEN=$OVEN_DATABASE_URL

test_case "usage: -s/--all on dev, reset, rollback, baseline"
for c in dev reset rollback baseline; do
	run "$MESDB" migrate "$c" -h
	expect_code 0
	expect_out "--all"
	expect_out "-s, --service NAME"
done
run -C "$W" "$MESDB" migrate dev --name x -s press --schema a.prisma
expect_code 129
expect_err "pass either --schema or -s/--all, not both"
run -C "$W" "$MESDB" migrate rollback --all --to x
expect_code 129
expect_err "--to names one service's migration"
run -C "$W" "$MESDB" migrate dev --name x -s nope
expect_code 1
expect_err 'no service "nope"'

test_case "dev --all: one migration per service, in parallel, with the summary table"
run -C "$W" "$MESDB" migrate dev --all --name init
expect_code 0
for s in press lathe oven; do
	expect_out "== $s =="
	if grep -qE "^$s +mesdb_cli_sel_$$_$s +ok " "$T_OUT_FILE"; then t_ok; else t_bad "no table row for $s"; fi
	[ "$(nmig "$W/services/$s")" -eq 1 ] && t_ok || t_bad "$s: expected 1 migration"
done
expect_sql "$PRESS" "SELECT to_regclass('\"Press\"') IS NOT NULL" t
expect_sql "$OVEN" "SELECT to_regclass('\"Oven\"') IS NOT NULL" t

test_case "dev -s one service: only that one"
sed -i 's/^  name String @unique$/  name String @unique\n  rpm  Int?/' "$W/services/lathe/prisma/schema.prisma"
sed -i 's/^  name String @unique$/  name String @unique\n  temp Int?/' "$W/services/oven/prisma/schema.prisma"
run -C "$W" "$MESDB" migrate dev -s lathe --name rpm
expect_code 0
expect_out "Your database is now in sync with your schema."
[ "$(nmig "$W/services/lathe")" -eq 2 ] && t_ok || t_bad "lathe: expected 2"
[ "$(nmig "$W/services/oven")" -eq 1 ] && t_ok || t_bad "oven: expected 1"

test_case "dev in a service's folder works on that service"
run -C "$W/services/oven" "$MESDB" migrate dev --name temp
expect_code 0
[ "$(nmig "$W/services/oven")" -eq 2 ] && t_ok || t_bad "oven: expected 2"
expect_sql "$OVEN" "SELECT count(*) FROM information_schema.columns WHERE column_name = 'temp'" 1

test_case "dev --all again: each service already in sync"
run -C "$W" "$MESDB" migrate dev --all --name nothing
expect_code 0
expect_out "Already in sync"

test_case "rollback -s lathe -s oven: one step each"
run -C "$W" "$MESDB" migrate rollback -s lathe -s oven
expect_code 0
expect_out "== lathe =="
expect_out "== oven =="
expect_sql "$LATHE" "SELECT count(*) FROM information_schema.columns WHERE column_name = 'rpm'" 0
expect_sql "$OVEN" "SELECT count(*) FROM information_schema.columns WHERE column_name = 'temp'" 0
expect_sql "$PRESS" "SELECT count(*) FROM _prisma_migrations WHERE rolled_back_at IS NOT NULL" 0

test_case "rollback --all: a failing service fails the run, the others are rolled back"
run -C "$W" "$MESDB" migrate deploy -s lathe
expect_code 0
run -C "$W" "$MESDB" migrate rollback --all --steps 2
expect_code 1
if grep -qE "^press .*FAILED \(exit 1\)" "$T_OUT_FILE"; then t_ok; else t_bad "press should fail (1 applied)"; fi
expect_out "2 migrations to roll back, but only 1 applied"
expect_err "2 of 3 services failed"
expect_sql "$LATHE" "SELECT to_regclass('\"Lathe\"') IS NULL" t

test_case "reset --all without --force and without a terminal: refused before anything"
run -C "$W" "$MESDB" migrate reset --all
expect_code 1
expect_err "migrate reset destroys data: refused without --force when not on a terminal"
expect_sql "$PRESS" "SELECT to_regclass('\"Press\"') IS NOT NULL" t
run -C "$W" env MESDB_ENV=production "$MESDB" migrate reset --all --force
expect_code 1
expect_err "migrate reset is refused in production"

test_case "reset --all --force: every service re-migrated"
sql "$PRESS" "INSERT INTO \"Press\"(name) VALUES ('p1')" >/dev/null
run -C "$W" "$MESDB" migrate reset --all --force
expect_code 0
expect_sql "$PRESS" "SELECT count(*) FROM \"Press\"" 0
expect_sql "$LATHE" "SELECT count(*) FROM information_schema.columns WHERE column_name = 'rpm'" 1
expect_sql "$OVEN" "SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL" 2

test_case "baseline -s: a pushed database gets its 0_init"
mkdir -p "$W/services/kiln/prisma"
sed 's/PRESS/KILN/; s/model Press/model Kiln/' "$W/services/press/prisma/schema.prisma" >"$W/services/kiln/prisma/schema.prisma"
export KILN_DATABASE_URL=$(newdb kiln)
run -C "$W" "$MESDB" db push -s kiln
expect_code 0
run -C "$W" "$MESDB" migrate baseline -s kiln
expect_code 0
expect_out "0_init/migration.sql"
expect_sql "$KILN_DATABASE_URL" "SELECT migration_name FROM _prisma_migrations" 0_init
run -C "$W" "$MESDB" migrate baseline --all
expect_code 1
for s in press lathe oven kiln; do
	if grep -qE "^$s .*FAILED \(exit 1\)" "$T_OUT_FILE"; then t_ok; else t_bad "$s: baseline should be refused"; fi
done
expect_out "already has"

finish
