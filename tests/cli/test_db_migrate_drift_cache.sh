#!/usr/bin/env bash
# test_db_migrate_drift_cache.sh - migrate status checks drift by default and keeps the result
# per snapshot and catalog fingerprint: kept results are used, and every kind of change by hand
# invalidates them
. "$(dirname "$0")/lib.sh"
pg_db_init dcache
sql() { PGOPTIONS="-c client_min_messages=warning" psql -X -qtA -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
CACHE=$MESDB_CACHE_DIR/drift
slots() { find "$CACHE" -type f 2>/dev/null | wc -l; }
slot() { find "$CACHE" -type f | head -1; }
# fake_result FILE: keep the file's snapshot and fingerprint, claim a drift nobody made
fake_result() {
	head -4 "$1" >"$T_TMP/fake"
	printf '1\n-- a kept result\n' >>"$T_TMP/fake"
	cp "$T_TMP/fake" "$1"
}

W="$T_TMP/w"
mkdir -p "$W/prisma"
cat >"$W/prisma/schema.prisma" <<'S'
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

enum Kind {
  A
  B
}

model Machine {
  id    Int    @id @default(autoincrement())
  name  String @unique
  kind  Kind   @default(A)
  parts Part[]
}

model Part {
  id        Int     @id @default(autoincrement())
  label     String  @db.VarChar(20)
  machineId Int
  machine   Machine @relation(fields: [machineId], references: [id])

  @@index([machineId])
}
S
export DATABASE_URL=$(newdb main)
run -C "$W" "$MESDB" migrate dev --name init
expect_code 0

test_case "the first status replays and keeps the result; the next ones use it"
rm -rf "$CACHE"
run -C "$W" "$MESDB" migrate status --strict
expect_code 0
expect_out "Database schema is up to date!"
[ "$(slots)" -eq 1 ] && t_ok || t_bad "expected one cache slot, have $(slots)"
[ "$(stat -c %a "$CACHE")" = 700 ] && t_ok || t_bad "cache folder mode $(stat -c %a "$CACHE")"
[ "$(stat -c %a "$(slot)")" = 600 ] && t_ok || t_bad "cache file mode $(stat -c %a "$(slot)")"
F=$(slot)
fake_result "$F"
run -C "$W" "$MESDB" migrate status
expect_code 0
expect_err "warning: drift detected"
expect_err "-- a kept result"

test_case "rows written (a new snapshot, the same catalog): the kept result still holds"
SNAP=$(sed -n 3p "$F")
sql "$DATABASE_URL" "INSERT INTO \"Machine\" (name) VALUES ('press')" >/dev/null
run -C "$W" "$MESDB" migrate status
expect_code 0
expect_err "-- a kept result"
[ "$(sed -n 3p "$F")" != "$SNAP" ] && t_ok || t_bad "the slot kept the old snapshot"

test_case "--drift replays whatever is kept, and keeps the new result"
run -C "$W" "$MESDB" migrate status --drift --strict
expect_code 0
expect_not_err "a kept result"
run -C "$W" "$MESDB" migrate status --strict
expect_code 0
expect_not_err "drift"

test_case "--no-drift neither checks nor keeps anything"
rm -rf "$CACHE"
run -C "$W" "$MESDB" migrate status --no-drift
expect_code 0
[ "$(slots)" -eq 0 ] && t_ok || t_bad "--no-drift wrote a cache slot"

test_case "every kind of change by hand is seen although a clean result is kept"
# change | SQL that makes it | SQL that undoes it | what the drift SQL shows
check_change() {
	local what=$1 make=$2 undo=$3 shows=$4
	T_NAME="change by hand: $what"
	run -C "$W" "$MESDB" migrate status --strict
	[ "$T_CODE" -eq 0 ] && t_ok || t_bad "not clean before the change"
	sql "$DATABASE_URL" "$make" >/dev/null
	run -C "$W" "$MESDB" migrate status
	expect_code 0
	expect_err "warning: drift detected"
	expect_err "$shows"
	# the second time from the cache: the same answer
	run -C "$W" "$MESDB" migrate status
	expect_err "$shows"
	sql "$DATABASE_URL" "$undo" >/dev/null
	run -C "$W" "$MESDB" migrate status --strict
	expect_code 0
	expect_not_err "drift detected"
}
check_change "a new table" 'CREATE TABLE "Hand" (x int)' 'DROP TABLE "Hand"' 'CREATE TABLE "Hand"'
check_change "a new column" 'ALTER TABLE "Machine" ADD COLUMN note text' \
	'ALTER TABLE "Machine" DROP COLUMN note' '"note" TEXT'
check_change "NOT NULL dropped" 'ALTER TABLE "Machine" ALTER COLUMN name DROP NOT NULL' \
	'ALTER TABLE "Machine" ALTER COLUMN name SET NOT NULL' 'ALTER COLUMN "name" DROP NOT NULL'
check_change "a default changed" "ALTER TABLE \"Machine\" ALTER COLUMN kind SET DEFAULT 'B'" \
	"ALTER TABLE \"Machine\" ALTER COLUMN kind SET DEFAULT 'A'" "SET DEFAULT 'B'"
check_change "a column renamed" 'ALTER TABLE "Machine" RENAME COLUMN name TO title' \
	'ALTER TABLE "Machine" RENAME COLUMN title TO name' '"title"'
check_change "a length changed in place" 'ALTER TABLE "Part" ALTER COLUMN label TYPE varchar(30)' \
	'ALTER TABLE "Part" ALTER COLUMN label TYPE varchar(20)' 'VARCHAR(30)'
check_change "an index added" 'CREATE INDEX "by_hand" ON "Part"(label)' 'DROP INDEX "by_hand"' \
	'CREATE INDEX "by_hand"'
check_change "an index dropped" 'DROP INDEX "Part_machineId_idx"' \
	'CREATE INDEX "Part_machineId_idx" ON "Part"("machineId")' 'DROP INDEX "Part_machineId_idx"'
check_change "a foreign key dropped" 'ALTER TABLE "Part" DROP CONSTRAINT "Part_machineId_fkey"' \
	'ALTER TABLE "Part" ADD CONSTRAINT "Part_machineId_fkey" FOREIGN KEY ("machineId") REFERENCES "Machine"(id) ON DELETE RESTRICT ON UPDATE CASCADE' \
	'DROP CONSTRAINT "Part_machineId_fkey"'
check_change "a foreign key's action changed" \
	'ALTER TABLE "Part" DROP CONSTRAINT "Part_machineId_fkey", ADD CONSTRAINT "Part_machineId_fkey" FOREIGN KEY ("machineId") REFERENCES "Machine"(id) ON DELETE CASCADE ON UPDATE CASCADE' \
	'ALTER TABLE "Part" DROP CONSTRAINT "Part_machineId_fkey", ADD CONSTRAINT "Part_machineId_fkey" FOREIGN KEY ("machineId") REFERENCES "Machine"(id) ON DELETE RESTRICT ON UPDATE CASCADE' \
	'ON DELETE CASCADE'
check_change "a sequence no longer owned" 'ALTER SEQUENCE "Machine_id_seq" OWNED BY NONE' \
	'ALTER SEQUENCE "Machine_id_seq" OWNED BY "Machine".id' '"id"'
check_change "a unique constraint renamed" 'ALTER INDEX "Machine_name_key" RENAME TO "m_name"' \
	'ALTER INDEX "m_name" RENAME TO "Machine_name_key"' '"m_name"'
check_change "a table renamed" 'ALTER TABLE "Part" RENAME TO "Piece"' \
	'ALTER TABLE "Piece" RENAME TO "Part"' '"Piece"'

T_NAME="an enum value added by hand (not undoable: last)"
run -C "$W" "$MESDB" migrate status --strict
expect_code 0
sql "$DATABASE_URL" "ALTER TYPE \"Kind\" ADD VALUE 'C'" >/dev/null
run -C "$W" "$MESDB" migrate status
expect_code 0
expect_err "ADD VALUE 'C'"

test_case "a new migration is a new slot: the history's own result, not the old one"
rm -rf "$W/prisma/migrations"
sql "$DATABASE_URL" 'DROP SCHEMA public CASCADE; CREATE SCHEMA public' >/dev/null
run -C "$W" "$MESDB" migrate dev --name init
expect_code 0
run -C "$W" "$MESDB" migrate status --strict
expect_code 0
N=$(slots)
sed -i 's/^  name  String @unique$/  name  String @unique\n  note  String?/' "$W/prisma/schema.prisma"
run -C "$W" "$MESDB" migrate dev --name note
expect_code 0
run -C "$W" "$MESDB" migrate status --strict
expect_code 0
expect_not_err "drift"
[ "$(slots)" -eq $((N + 1)) ] && t_ok || t_bad "expected $((N + 1)) slots, have $(slots)"

test_case "an edited applied migration: a new slot, and the replay shows the edit"
M1=$(find "$W/prisma/migrations" -mindepth 1 -maxdepth 1 -type d | sort | head -1)
printf '\nCREATE TABLE "Extra" (x int);\n' >>"$M1/migration.sql"
run -C "$W" "$MESDB" migrate status
expect_code 0
expect_err "was modified after it was applied"
expect_err 'DROP TABLE "Extra"'

test_case "a cache that cannot be written is no cache: status still answers"
printf 'not a folder\n' >"$T_TMP/blocked"
run -C "$W" env MESDB_CACHE_DIR="$T_TMP/blocked" "$MESDB" migrate status
expect_code 0
expect_err 'DROP TABLE "Extra"'
expect_not_err "error"

test_case "a damaged slot is ignored"
for f in "$CACHE"/*; do printf 'mesdb drift cache 2\ngarbage' >"$f"; done
run -C "$W" "$MESDB" migrate status
expect_code 0
expect_err 'DROP TABLE "Extra"'

test_case "a new slot lets slots unused for 30 days go, and only those"
OLD=$CACHE/$(printf '%064d' 1)
RECENT=$CACHE/$(printf '%064d' 2)
printf 'stale\n' >"$OLD"
printf 'recent\n' >"$RECENT"
touch -d '40 days ago' "$OLD"
touch -d '20 days ago' "$RECENT"
# a write: the kept slot is refreshed with the new snapshot (fingerprint path), not created
SLOT_BEFORE=$(find "$CACHE" -type f -newer "$RECENT" | sort)
sql "$DATABASE_URL" 'SELECT pg_catalog.txid_current()' >/dev/null
run -C "$W" "$MESDB" migrate status
expect_code 0
[ "$(find "$CACHE" -type f -newer "$RECENT" | sort)" = "$SLOT_BEFORE" ] && t_ok || t_bad "a slot was created"
[ -e "$OLD" ] && t_ok || t_bad "a refresh of a kept slot pruned"
sql "$DATABASE_URL" 'ALTER TABLE "Machine" ADD COLUMN pruned int' >/dev/null
mig_dir="$W/prisma/migrations/29990101000000_pruned"
mkdir -p "$mig_dir"
printf 'ALTER TABLE "Machine" ADD COLUMN pruned int;\n' >"$mig_dir/migration.sql"
run -C "$W" "$MESDB" migrate resolve --applied 29990101000000_pruned
expect_code 0
run -C "$W" "$MESDB" migrate status
expect_code 0
[ ! -e "$OLD" ] && t_ok || t_bad "the slot unused for 40 days is still there"
[ -e "$RECENT" ] && t_ok || t_bad "the slot used 20 days ago was removed"
rm -rf "$mig_dir"
sql "$DATABASE_URL" 'ALTER TABLE "Machine" DROP COLUMN pruned' >/dev/null
sql "$DATABASE_URL" "DELETE FROM _prisma_migrations WHERE migration_name = '29990101000000_pruned'" >/dev/null

test_case "another database with the same history has its own slot"
export DATABASE_URL=$(newdb other)
sed -i '/CREATE TABLE "Extra"/d' "$M1/migration.sql"
run -C "$W" "$MESDB" migrate deploy
expect_code 0
sql "$DATABASE_URL" 'CREATE TABLE "OnlyHere" (x int)' >/dev/null
run -C "$W" "$MESDB" migrate status
expect_code 0
expect_err 'CREATE TABLE "OnlyHere"'

finish
