#!/usr/bin/env bash
# run.sh - mesdb and Prisma Migrate on the same folders and databases, in both directions
#
# Needs node and the Prisma oracle (../shared/oracle beside the repository, `oracle.sh setup` and
# `oracle.sh pg-start` done), so it is not part of ctest. Usage:
#
#   MESDB=build/cli/mesdb tests/interop/run.sh      (ORACLE=path/to/oracle.sh to override)
#
# Every case asserts exit codes and output of both tools; the last line is the tally.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MESDB=${MESDB:-$ROOT/build/cli/mesdb}
ORACLE=${ORACLE:-$(git -C "$(dirname "$0")" rev-parse --show-toplevel)/../shared/oracle/oracle.sh}
[ -x "$MESDB" ] || { echo "run.sh: no mesdb at $MESDB (set MESDB)" >&2; exit 2; }
[ -x "$ORACLE" ] || { echo "run.sh: no oracle at $ORACLE (set ORACLE)" >&2; exit 2; }
MESDB=$(cd "$(dirname "$MESDB")" && pwd)/$(basename "$MESDB")
export MESDB NO_COLOR=1
. "$ROOT/tests/cli/lib.sh"

DBS=()
cleanup() {
	for d in "${DBS[@]}"; do "$ORACLE" dropdb "$d" >/dev/null 2>&1; done
	rm -rf "$T_TMP"
}
trap cleanup EXIT

newdb() {
	local n="mesdb_interop_$$_$1"
	"$ORACLE" dropdb "$n" >/dev/null 2>&1
	"$ORACLE" createdb "$n" >/dev/null
	DBS+=("$n")
	"$ORACLE" url "$n"
}
sql() { psql -X -qtA -d "$1" -c "$2"; }
expect_sql() { local got; got=$(sql "$1" "$2"); if [ "$got" = "$3" ]; then t_ok; else t_bad "SQL $2: got '$got', want '$3'"; fi; }
# the schema (tables, types, indexes, constraints) without _prisma_migrations, comparable across databases
catalog() {
	pg_dump -s -x -O --no-comments -T _prisma_migrations "$1" | grep -v -e '^--' -e '^SET ' -e '^SELECT pg_catalog' -e '^$' -e '^\\'
}
# prisma: run the oracle with DATABASE_URL; stdout+stderr captured like run()
prisma() { run "$ORACLE" "$@"; }

write_schema() {
	# write_schema DIR VERSION: three versions of one model set
	mkdir -p "$1/prisma"
	{
		cat <<'S'
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

enum Status {
  PLANNED
  RUNNING
S
		[ "$2" -ge 3 ] && echo "  DONE"
		cat <<'S'
}

model WorkOrder {
  id        Int      @id @default(autoincrement())
  number    String   @unique
  status    Status   @default(PLANNED)
  createdAt DateTime @default(now())
S
		[ "$2" -ge 4 ] && echo "  priority  Int      @default(0)"
		[ "$2" -ge 2 ] && echo "  operations Operation[]"
		echo "}"
		if [ "$2" -ge 2 ]; then
			cat <<'S'

model Operation {
  id          Int       @id @default(autoincrement())
  workOrderId Int
  seq         Int
  note        String?
  workOrder   WorkOrder @relation(fields: [workOrderId], references: [id], onDelete: Cascade)

  @@unique([workOrderId, seq])
  @@index([note])
}
S
		fi
		if [ "$2" -ge 4 ]; then
			cat <<'S'

model Tool {
  id    Int     @id @default(autoincrement())
  code  String  @unique
  notes String?

  @@index([notes])
}
S
		fi
	} >"$1/prisma/schema.prisma"
}
# migs DIR: the migration folders of DIR, in order
migs() { find "$1/prisma/migrations" -mindepth 1 -maxdepth 1 -type d | sort; }
# same_scripts DIR_A DIR_B: the migration.sql of each pair of migrations (in order) are byte-identical
same_scripts() {
	local a b ok=1
	mapfile -t a < <(migs "$1")
	mapfile -t b < <(migs "$2")
	if [ "${#a[@]}" != "${#b[@]}" ]; then t_bad "${#a[@]} migrations vs ${#b[@]}"; return; fi
	for i in "${!a[@]}"; do
		if ! cmp -s "${a[$i]}/migration.sql" "${b[$i]}/migration.sql"; then
			ok=0
			t_bad "$(basename "${a[$i]}") and $(basename "${b[$i]}") differ"
			diff "${a[$i]}/migration.sql" "${b[$i]}/migration.sql" | head -20
		fi
	done
	[ $ok = 1 ] && t_ok
}
same_catalog() {
	catalog "$1" >"$T_TMP/c1.sql"
	catalog "$2" >"$T_TMP/c2.sql"
	if cmp -s "$T_TMP/c1.sql" "$T_TMP/c2.sql"; then t_ok; else t_bad "catalogs differ"; diff "$T_TMP/c1.sql" "$T_TMP/c2.sql" | head -20; fi
}

# ==== 1. a history written by Prisma (migrate dev) deploys with mesdb ====
P="$T_TMP/prisma-made"
PDEV=$(newdb pdev)
write_schema "$P" 1
test_case "prisma migrate dev writes a history (3 migrations)"
prisma migrate-dev "$P/prisma/schema.prisma" "$PDEV" init
expect_code 0
write_schema "$P" 2
prisma migrate-dev "$P/prisma/schema.prisma" "$PDEV" operations
expect_code 0
write_schema "$P" 3
prisma migrate-dev "$P/prisma/schema.prisma" "$PDEV" status_done
expect_code 0
NP=$(find "$P/prisma/migrations" -mindepth 1 -maxdepth 1 -type d | wc -l)
if [ "$NP" = 3 ]; then t_ok; else t_bad "prisma wrote $NP migrations"; fi

D1=$(newdb d1)
test_case "mesdb deploys Prisma's history"
run -C "$P" env DATABASE_URL="$D1" "$MESDB" migrate deploy
expect_code 0
expect_out "3 migrations found in prisma/migrations"
expect_out "All migrations have been successfully applied."
test_case "same catalog as Prisma's own dev database"
catalog "$PDEV" >"$T_TMP/pdev.sql"
catalog "$D1" >"$T_TMP/d1.sql"
if cmp -s "$T_TMP/pdev.sql" "$T_TMP/d1.sql"; then t_ok; else t_bad "catalogs differ"; diff "$T_TMP/pdev.sql" "$T_TMP/d1.sql" | head -20; fi
test_case "same checksums as Prisma's rows"
expect_sql "$D1" "SELECT string_agg(checksum, ',' ORDER BY migration_name) FROM _prisma_migrations" \
	"$(sql "$PDEV" "SELECT string_agg(checksum, ',' ORDER BY migration_name) FROM _prisma_migrations")"
test_case "both statuses: up to date (mesdb-deployed database)"
run -C "$P" env DATABASE_URL="$D1" "$MESDB" migrate status
expect_code 0
expect_out "Database schema is up to date!"
prisma migrate-status "$P/prisma/schema.prisma" "$D1"
expect_code 0
expect_out "Database schema is up to date!"
test_case "prisma deploy after mesdb: nothing to apply"
prisma migrate-deploy "$P/prisma/schema.prisma" "$D1"
expect_code 0
expect_out "No pending migrations to apply."
test_case "both statuses: up to date (Prisma's dev database)"
run -C "$P" env DATABASE_URL="$PDEV" "$MESDB" migrate status
expect_code 0
expect_out "Database schema is up to date!"
run -C "$P" env DATABASE_URL="$PDEV" "$MESDB" migrate deploy
expect_code 0
expect_out "No pending migrations to apply."

# ==== 2. a history written for mesdb (by hand, with mesdb's lock file) deploys with Prisma ====
M="$T_TMP/mesdb-made"
write_schema "$M" 1
mkdir -p "$M/prisma/migrations"
printf '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n' \
	>"$M/prisma/migrations/migration_lock.toml"
cp -r "$P/prisma/migrations/"*_init "$M/prisma/migrations/20240101000000_init"
mkdir -p "$M/prisma/migrations/20240102000000_data"
cat >"$M/prisma/migrations/20240102000000_data/migration.sql" <<'S'
-- data with semicolons in strings and a function body
INSERT INTO "WorkOrder" ("number") VALUES ('WO-1;a'), ('WO-2 it''s');
CREATE FUNCTION wo_count() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
  RETURN (SELECT count(*) FROM "WorkOrder"); -- ;
END;
$$;
S
mkdir -p "$M/prisma/migrations/20240103000000_idx"
printf -- '-- CreateIndex\nCREATE INDEX CONCURRENTLY "WorkOrder_createdAt_idx" ON "WorkOrder"("createdAt");\n' \
	>"$M/prisma/migrations/20240103000000_idx/migration.sql"

D2=$(newdb d2)
test_case "mesdb deploys the hand-written history"
run -C "$M" env DATABASE_URL="$D2" "$MESDB" migrate deploy
expect_code 0
expect_err "applying it statement by statement"
expect_sql "$D2" "SELECT wo_count()" "2"
test_case "Prisma sees the mesdb-deployed database up to date"
prisma migrate-status "$M/prisma/schema.prisma" "$D2"
expect_code 0
expect_out "Database schema is up to date!"
prisma migrate-deploy "$M/prisma/schema.prisma" "$D2"
expect_code 0
expect_out "No pending migrations to apply."

D3=$(newdb d3)
test_case "Prisma deploys the same history; mesdb sees it up to date"
prisma migrate-deploy "$M/prisma/schema.prisma" "$D3"
expect_code 0
expect_out "All migrations have been successfully applied."
run -C "$M" env DATABASE_URL="$D3" "$MESDB" migrate status --strict
expect_code 0
expect_out "Database schema is up to date!"
# the history's CREATE INDEX CONCURRENTLY cannot be replayed in a transaction: no drift check
expect_err "note: drift not checked: migration \`20240103000000_idx\` cannot be replayed"
if grep -q "warning" "$T_ERR_FILE"; then t_bad "a warning"; else t_ok; fi
test_case "the two databases have the same catalog and checksums"
catalog "$D2" >"$T_TMP/d2.sql"
catalog "$D3" >"$T_TMP/d3.sql"
if cmp -s "$T_TMP/d2.sql" "$T_TMP/d3.sql"; then t_ok; else t_bad "catalogs differ"; diff "$T_TMP/d2.sql" "$T_TMP/d3.sql" | head -20; fi
expect_sql "$D2" "SELECT string_agg(checksum, ',' ORDER BY migration_name) FROM _prisma_migrations" \
	"$(sql "$D3" "SELECT string_agg(checksum, ',' ORDER BY migration_name) FROM _prisma_migrations")"

# ==== 3. taking turns: Prisma applies the start, mesdb the rest, and the other way ====
H="$T_TMP/turns"
write_schema "$H" 1
mkdir -p "$H/prisma/migrations"
cp -r "$M/prisma/migrations/20240101000000_init" "$H/prisma/migrations/"
D4=$(newdb d4)
D5=$(newdb d5)
test_case "Prisma applies 1, mesdb applies 2 and 3; mesdb applies 1, Prisma 2 and 3"
prisma migrate-deploy "$H/prisma/schema.prisma" "$D4"
expect_code 0
run -C "$H" env DATABASE_URL="$D5" "$MESDB" migrate deploy
expect_code 0
cp -r "$M/prisma/migrations/20240102000000_data" "$M/prisma/migrations/20240103000000_idx" "$H/prisma/migrations/"
test_case "status with two pending: both say so, exit 1"
run -C "$H" env DATABASE_URL="$D4" "$MESDB" migrate status
expect_code 1
expect_out "Following migrations have not yet been applied:"
prisma migrate-status "$H/prisma/schema.prisma" "$D4"
expect_code 1
expect_out "Following migrations have not yet been applied:"
run -C "$H" env DATABASE_URL="$D4" "$MESDB" migrate deploy
expect_code 0
expect_out "  └─ 20240102000000_data/"
prisma migrate-deploy "$H/prisma/schema.prisma" "$D5"
expect_code 0
expect_out "20240102000000_data"
for d in "$D4" "$D5"; do
	run -C "$H" env DATABASE_URL="$d" "$MESDB" migrate status
	expect_code 0
	prisma migrate-status "$H/prisma/schema.prisma" "$d"
	expect_code 0
done

# ==== 4. failures and resolve, honoured by the other tool ====
F="$T_TMP/failing"
write_schema "$F" 1
mkdir -p "$F/prisma/migrations"
cp -r "$M/prisma/migrations/20240101000000_init" "$F/prisma/migrations/"
mkdir -p "$F/prisma/migrations/20240102000000_bad"
printf 'CREATE TABLE "Tmp" (id int);\nINSERT INTO "WorkOrder" ("number", "status") VALUES (%s, %s);\n' \
	"'X'" "'NOPE'" >"$F/prisma/migrations/20240102000000_bad/migration.sql"
D6=$(newdb d6)
test_case "mesdb: the migration fails (exit 3), nothing of it remains"
run -C "$F" env DATABASE_URL="$D6" "$MESDB" migrate deploy
expect_code 3
expect_err "P3018"
expect_err "Database error code: 22P02"
expect_sql "$D6" "SELECT to_regclass('\"Tmp\"') IS NULL" "t"
test_case "Prisma sees mesdb's failed row: status exit 1, deploy P3009"
prisma migrate-status "$F/prisma/schema.prisma" "$D6"
expect_code 1
expect_err "Following migration have failed:"
expect_err "20240102000000_bad"
prisma migrate-deploy "$F/prisma/schema.prisma" "$D6"
expect_code 1
expect_err "P3009"
test_case "Prisma resolves --rolled-back; mesdb honours it"
prisma migrate-resolve "$F/prisma/schema.prisma" "$D6" --rolled-back 20240102000000_bad
expect_code 0
expect_out "Migration 20240102000000_bad marked as rolled back."
run -C "$F" env DATABASE_URL="$D6" "$MESDB" migrate status
expect_code 1
expect_out "Following migration have not yet been applied:"
prisma migrate-status "$F/prisma/schema.prisma" "$D6"
PRISMA_AFTER_ROLLBACK=$T_CODE
sed -i "s/'NOPE'/'RUNNING'/" "$F/prisma/migrations/20240102000000_bad/migration.sql"
run -C "$F" env DATABASE_URL="$D6" "$MESDB" migrate deploy
expect_code 0
expect_out "  └─ 20240102000000_bad/"
prisma migrate-status "$F/prisma/schema.prisma" "$D6"
expect_code 0
expect_out "Database schema is up to date!"

sed -i "s/'RUNNING'/'NOPE'/" "$F/prisma/migrations/20240102000000_bad/migration.sql"
D7=$(newdb d7)
test_case "Prisma: the migration fails; mesdb refuses with P3009"
prisma migrate-deploy "$F/prisma/schema.prisma" "$D7"
expect_code 1
run -C "$F" env DATABASE_URL="$D7" "$MESDB" migrate deploy
expect_code 1
expect_err "P3009"
run -C "$F" env DATABASE_URL="$D7" "$MESDB" migrate status
expect_code 1
expect_err "Following migration have failed:"
test_case "mesdb resolves --rolled-back; Prisma honours it"
run -C "$F" env DATABASE_URL="$D7" "$MESDB" migrate resolve --rolled-back 20240102000000_bad
expect_code 0
sed -i "s/'NOPE'/'RUNNING'/" "$F/prisma/migrations/20240102000000_bad/migration.sql"
prisma migrate-deploy "$F/prisma/schema.prisma" "$D7"
expect_code 0
expect_out "20240102000000_bad"
run -C "$F" env DATABASE_URL="$D7" "$MESDB" migrate status
expect_code 0

test_case "baseline: mesdb resolve --applied on an existing database; Prisma deploys the rest"
D8=$(newdb d8)
psql -X -q -d "$D8" -f "$F/prisma/migrations/20240101000000_init/migration.sql" >/dev/null
run -C "$F" env DATABASE_URL="$D8" "$MESDB" migrate deploy
expect_code 1
expect_err "P3005"
prisma migrate-deploy "$F/prisma/schema.prisma" "$D8"
expect_code 1
expect_err "P3005"
run -C "$F" env DATABASE_URL="$D8" "$MESDB" migrate resolve --applied 20240101000000_init
expect_code 0
prisma migrate-deploy "$F/prisma/schema.prisma" "$D8"
expect_code 0
expect_out "20240102000000_bad"
run -C "$F" env DATABASE_URL="$D8" "$MESDB" migrate status
expect_code 0
test_case "Prisma resolve --applied; mesdb honours it"
D9=$(newdb d9)
psql -X -q -d "$D9" -f "$F/prisma/migrations/20240101000000_init/migration.sql" >/dev/null
prisma migrate-resolve "$F/prisma/schema.prisma" "$D9" --applied 20240101000000_init
expect_code 0
run -C "$F" env DATABASE_URL="$D9" "$MESDB" migrate deploy
expect_code 0
expect_not_out() { if grep -qF -- "$1" "$T_OUT_FILE"; then t_bad "stdout has: $1"; else t_ok; fi; }
expect_not_out "20240101000000_init/"
expect_out "  └─ 20240102000000_bad/"

# ==== 5. the resolve errors, side by side ====
test_case "P3008 / P3011 / P3012 / P3017 from both"
for tool in mesdb prisma; do
	for args in "--applied 20240101000000_init:P3008" "--rolled-back 2099_nope:P3011" \
		    "--rolled-back 20240101000000_init:P3012" "--applied 2099_nope:P3017"; do
		a=${args%:*}
		code=${args##*:}
		if [ "$tool" = mesdb ]; then
			# shellcheck disable=SC2086
			run -C "$F" env DATABASE_URL="$D9" "$MESDB" migrate resolve $a
		else
			# shellcheck disable=SC2086
			prisma migrate-resolve "$F/prisma/schema.prisma" "$D9" $a
		fi
		expect_code 1
		expect_err "$code"
	done
done

# ==== 6. migrate dev: mesdb writes the same history as Prisma, and each tool accepts the other's ====
MD="$T_TMP/mesdb-dev"
DMD=$(newdb mdev)
test_case "mesdb migrate dev writes the history Prisma wrote, byte for byte"
for v in 1 2 3; do
	write_schema "$MD" $v
	name=$(basename "$(migs "$P" | sed -n "${v}p")")
	run -C "$MD" env DATABASE_URL="$DMD" "$MESDB" migrate dev --name "${name#*_}"
	expect_code 0
	expect_out "Your database is now in sync with your schema."
done
same_scripts "$P" "$MD"
if cmp -s "$P/prisma/migrations/migration_lock.toml" "$MD/prisma/migrations/migration_lock.toml"; then t_ok; else t_bad "migration_lock.toml differs"; fi
test_case "mesdb's dev database has Prisma's dev database's catalog"
same_catalog "$PDEV" "$DMD"

test_case "Prisma deploys the history mesdb migrate dev wrote; both statuses up to date"
D10=$(newdb d10)
prisma migrate-deploy "$MD/prisma/schema.prisma" "$D10"
expect_code 0
expect_out "All migrations have been successfully applied."
same_catalog "$DMD" "$D10"
prisma migrate-status "$MD/prisma/schema.prisma" "$D10"
expect_code 0
expect_out "Database schema is up to date!"
run -C "$MD" env DATABASE_URL="$D10" "$MESDB" migrate status --drift --strict
expect_code 0
expect_out "Database schema is up to date!"
test_case "Prisma migrate dev on mesdb's dev database: no drift, nothing to write"
prisma migrate-dev "$MD/prisma/schema.prisma" "$DMD" noop
expect_code 0
expect_out "Already in sync"
if [ "$(migs "$MD" | wc -l)" = 3 ]; then t_ok; else t_bad "Prisma wrote a migration"; fi

test_case "mesdb migrate dev on top of Prisma's history (on a Prisma-deployed database)"
PM="$T_TMP/mixed"
mkdir -p "$PM"
cp -r "$P/prisma" "$PM/"
write_schema "$PM" 4
DM=$(newdb dm)
prisma migrate-deploy "$PM/prisma/schema.prisma" "$DM"
expect_code 0
run -C "$PM" env DATABASE_URL="$DM" "$MESDB" migrate dev --name tools
expect_code 0
expect_out "_tools/"
if [ "$(migs "$PM" | wc -l)" = 4 ] && [ -f "$(migs "$PM" | tail -1)/down.sql" ]; then t_ok; else t_bad "no 4th migration with its down.sql"; fi
test_case "Prisma's migrate dev writes the same 4th migration"
PP="$T_TMP/prisma-4"
mkdir -p "$PP"
cp -r "$P/prisma" "$PP/"
write_schema "$PP" 4
DP=$(newdb dp)
# (the oracle's migrate dev cannot apply pending migrations and then check for data loss: its
# shadow database comes from an external factory, so deploy first)
prisma migrate-deploy "$PP/prisma/schema.prisma" "$DP"
expect_code 0
prisma migrate-dev "$PP/prisma/schema.prisma" "$DP" tools
expect_code 0
same_scripts "$PP" "$PM"
test_case "Prisma deploys the mixed history; catalogs and statuses agree"
D11=$(newdb d11)
prisma migrate-deploy "$PM/prisma/schema.prisma" "$D11"
expect_code 0
expect_out "_tools"
same_catalog "$DM" "$D11"
same_catalog "$DP" "$D11"
prisma migrate-status "$PM/prisma/schema.prisma" "$DM"
expect_code 0
expect_out "Database schema is up to date!"
run -C "$PM" env DATABASE_URL="$D11" "$MESDB" migrate status --drift --strict
expect_code 0
expect_out "Database schema is up to date!"
prisma migrate-dev "$PM/prisma/schema.prisma" "$DM" noop
expect_code 0
expect_out "Already in sync"

# ==== 7. rollback: what Prisma makes of mesdb's rolled-back rows ====
test_case "mesdb rollback of the 4th migration; mesdb status: pending"
run -C "$PM" env DATABASE_URL="$DM" "$MESDB" migrate rollback
expect_code 0
expect_out "Rolled back migration"
expect_sql "$DM" "SELECT to_regclass('\"Tool\"') IS NULL" "t"
run -C "$PM" env DATABASE_URL="$DM" "$MESDB" migrate status
expect_code 1
expect_out "Following migration have not yet been applied:"
prisma migrate-status "$PM/prisma/schema.prisma" "$DM"
PRISMA_STATUS_AFTER_MESDB_ROLLBACK=$T_CODE
test_case "Prisma deploy applies the rolled-back migration again; catalogs equal deploy alone"
prisma migrate-deploy "$PM/prisma/schema.prisma" "$DM"
expect_code 0
expect_out "_tools"
same_catalog "$DM" "$D11"
run -C "$PM" env DATABASE_URL="$DM" "$MESDB" migrate status --drift --strict
expect_code 0
prisma migrate-status "$PM/prisma/schema.prisma" "$DM"
expect_code 0
expect_out "Database schema is up to date!"
test_case "rollback again, mesdb deploy; Prisma agrees"
run -C "$PM" env DATABASE_URL="$DM" "$MESDB" migrate rollback
expect_code 0
run -C "$PM" env DATABASE_URL="$DM" "$MESDB" migrate deploy
expect_code 0
expect_out "_tools/"
same_catalog "$DM" "$D11"
prisma migrate-status "$PM/prisma/schema.prisma" "$DM"
expect_code 0
prisma migrate-dev "$PM/prisma/schema.prisma" "$DM" noop
expect_code 0
expect_out "Already in sync"
test_case "Prisma's migrations have no down.sql: mesdb refuses to roll them back, touching nothing"
run -C "$PM" env DATABASE_URL="$DM" "$MESDB" migrate rollback --steps 2
expect_code 1
expect_err "no down.sql for migration(s) $(basename "$(migs "$PM" | sed -n 3p)")"
expect_sql "$DM" "SELECT to_regclass('\"Tool\"') IS NOT NULL" "t"

echo "note: after mesdb rollback, Prisma's status exit was $PRISMA_STATUS_AFTER_MESDB_ROLLBACK (0: Prisma counts the rolled-back row as applied; its deploy applies the migration again)"
echo "note: after resolve --rolled-back, Prisma's status exit was $PRISMA_AFTER_ROLLBACK (Prisma calls the database up to date; mesdb reports the migration as pending)"
finish
