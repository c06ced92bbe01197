#!/usr/bin/env bash
# test_db_migrate_dev.sh - mesdb migrate dev/reset/rollback/baseline against the test cluster
. "$(dirname "$0")/lib.sh"
pg_db_init dev
sql() { psql -X -qtA -d "$1" -c "$2"; }
expect_sql() { local got; got=$(sql "$1" "$2"); if [ "$got" = "$3" ]; then t_ok; else t_bad "SQL $2: got '$got', want '$3'"; fi; }
expect_file() { if [ -f "$1" ]; then t_ok; else t_bad "no file $1"; fi; }
expect_no_file() { if [ ! -e "$1" ]; then t_ok; else t_bad "file exists: $1"; fi; }
# project DIR: a schema with one model, url from env("DATABASE_URL")
project() {
	mkdir -p "$1/prisma"
	cat >"$1/prisma/schema.prisma" <<'S'
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model Machine {
  id   Int    @id @default(autoincrement())
  name String @unique
}
S
}
add_part() {
	cat >>"$1/prisma/schema.prisma" <<'S'

model Part {
  id        Int     @id @default(autoincrement())
  code      String
  machineId Int
  machine   Machine @relation(fields: [machineId], references: [id])
}
S
	sed -i 's/^  name String @unique$/  name String @unique\n  parts Part[]/' "$1/prisma/schema.prisma"
}
nmig() { find "$1/prisma/migrations" -mindepth 1 -maxdepth 1 -type d | wc -l; }
lastmig() { find "$1/prisma/migrations" -mindepth 1 -maxdepth 1 -type d | sort | tail -1; }

unset DATABASE_URL

test_case "usage"
run "$MESDB" migrate dev
expect_code 129
expect_err "--name NAME must be part of the command"
run "$MESDB" migrate rollback --to a --steps 1
expect_code 129
expect_err "pass either --to or --steps, not both"
run "$MESDB" migrate rollback --steps x
expect_code 129
run "$MESDB" migrate reset --create-only
expect_code 129
for c in dev reset rollback baseline; do
	run "$MESDB" migrate "$c" -h
	expect_code 0
	expect_out "usage: mesdb migrate $c"
done

W="$T_TMP/w"
project "$W"
export DATABASE_URL=$(newdb dev)

test_case "dev: first migration, written and applied"
run -C "$W" "$MESDB" migrate dev --name "Init DB"
expect_code 0
expect_out "The following migration(s) have been created and applied from new schema changes:"
expect_out "_init_db/"
expect_out "Your database is now in sync with your schema."
expect_err "Applying migration \`"
M1=$(lastmig "$W")
case "$M1" in */[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]_init_db) t_ok ;; *) t_bad "folder name $M1" ;; esac
expect_file "$M1/migration.sql"
expect_file "$M1/down.sql"
expect_file "$W/prisma/migrations/migration_lock.toml"
expect_sql "$DATABASE_URL" "SELECT to_regclass('\"Machine\"') IS NOT NULL" t
expect_sql "$DATABASE_URL" "SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NOT NULL" 1

test_case "dev: migration.sql is migrate diff --from-empty minus CREATE SCHEMA"
run -C "$W" "$MESDB" migrate diff --from-empty --to-schema-datamodel prisma/schema.prisma --script
expect_code 0
sed -e '1,3d' -e '$d' "$T_OUT_FILE" >"$T_TMP/want.sql"
if head -2 "$T_OUT_FILE" | grep -q 'CREATE SCHEMA IF NOT EXISTS "public"' && cmp -s "$T_TMP/want.sql" "$M1/migration.sql"; then
	t_ok
else
	t_bad "migration.sql differs"; diff "$T_TMP/want.sql" "$M1/migration.sql" | head
fi
if grep -q 'DROP TABLE "Machine";' "$M1/down.sql" && ! grep -q EXTENSION "$M1/down.sql"; then t_ok; else t_bad "down.sql: $(cat "$M1/down.sql")"; fi

test_case "status after dev: up to date"
run -C "$W" "$MESDB" migrate status
expect_code 0
expect_out "Database schema is up to date!"

test_case "dev without changes: already in sync, no folder"
run -C "$W" "$MESDB" migrate dev --name nothing
expect_code 0
expect_out "Already in sync, no schema change or pending migration was found."
[ "$(nmig "$W")" -eq 1 ] && t_ok || t_bad "a folder was written"

test_case "dev with a change: second migration"
add_part "$W"
run -C "$W" "$MESDB" migrate dev --name "add part"
expect_code 0
expect_out "_add_part/"
[ "$(nmig "$W")" -eq 2 ] && t_ok || t_bad "expected 2 migrations"
M2=$(lastmig "$W")
case "$M2" in *_add_part) t_ok ;; *) t_bad "the new migration sorts last: $M2" ;; esac
expect_sql "$DATABASE_URL" "SELECT to_regclass('\"Part\"') IS NOT NULL" t
grep -q 'ADD CONSTRAINT "Part_machineId_fkey"' "$M2/migration.sql" && t_ok || t_bad "no FK in migration.sql"
if grep -q 'DROP TABLE "Part";' "$M2/down.sql" && grep -q 'DROP CONSTRAINT "Part_machineId_fkey"' "$M2/down.sql"; then t_ok; else t_bad "down.sql: $(cat "$M2/down.sql")"; fi

test_case "rollback: the last migration's tables are gone, status shows it pending"
sql "$DATABASE_URL" "INSERT INTO \"Machine\"(name) VALUES ('press')" >/dev/null
run -C "$W" "$MESDB" migrate rollback
expect_code 0
expect_out "Rolled back migration \`$(basename "$M2")\`"
expect_sql "$DATABASE_URL" "SELECT to_regclass('\"Part\"') IS NULL" t
expect_sql "$DATABASE_URL" "SELECT count(*) FROM \"Machine\"" 1
expect_sql "$DATABASE_URL" "SELECT count(*) FROM _prisma_migrations WHERE rolled_back_at IS NOT NULL" 1
run -C "$W" "$MESDB" migrate status
expect_code 1
expect_out "Following migration have not yet been applied:"
expect_out "$(basename "$M2")"

test_case "deploy after rollback re-applies it; catalog equals deploy alone"
run -C "$W" "$MESDB" migrate deploy
expect_code 0
expect_out "$(basename "$M2")/"
expect_sql "$DATABASE_URL" "SELECT to_regclass('\"Part\"') IS NOT NULL" t
ALONE=$(newdb alone)
run -C "$W" env DATABASE_URL="$ALONE" "$MESDB" migrate deploy
expect_code 0
pg_dump -s -d "$DATABASE_URL" -T _prisma_migrations | grep -v -e '^--' -e '^\\' >"$T_TMP/a.sql"
pg_dump -s -d "$ALONE" -T _prisma_migrations | grep -v -e '^--' -e '^\\' >"$T_TMP/b.sql"
if cmp -s "$T_TMP/a.sql" "$T_TMP/b.sql"; then t_ok; else t_bad "catalogs differ"; diff "$T_TMP/a.sql" "$T_TMP/b.sql" | head; fi
run "$MESDB" migrate diff --from-url "$DATABASE_URL" --to-url "$ALONE"
expect_code 0
expect_out "No difference detected."

test_case "rollback --to / --steps; refused without down.sql"
run -C "$W" "$MESDB" migrate rollback --steps 3
expect_code 1
expect_err "3 migrations to roll back, but only 2 applied"
mv "$M1/down.sql" "$T_TMP/down1.sql"
run -C "$W" "$MESDB" migrate rollback --steps 2
expect_code 1
expect_err "no down.sql for migration(s) $(basename "$M1")"
expect_sql "$DATABASE_URL" "SELECT to_regclass('\"Part\"') IS NOT NULL" t
mv "$T_TMP/down1.sql" "$M1/down.sql"
run -C "$W" "$MESDB" migrate rollback --to "$(basename "$M1")"
expect_code 0
expect_sql "$DATABASE_URL" "SELECT to_regclass('\"Part\"') IS NULL" t
expect_sql "$DATABASE_URL" "SELECT to_regclass('\"Machine\"') IS NOT NULL" t

test_case "dev applies pending migrations first"
run -C "$W" "$MESDB" migrate dev --name again
expect_code 0
expect_out "The following migration(s) have been applied:"
expect_out "Your database is now in sync with your schema."
[ "$(nmig "$W")" -eq 2 ] && t_ok || t_bad "a folder was written"

test_case "dev --create-only writes but does not apply"
sed -i 's/^  code      String$/  code      String\n  qty       Int     @default(0)/' "$W/prisma/schema.prisma"
run -C "$W" "$MESDB" migrate dev --name qty --create-only
expect_code 0
expect_out "created the following migration without applying it"
M3=$(lastmig "$W")
expect_file "$M3/migration.sql"
grep -q 'ADD COLUMN     "qty" INTEGER NOT NULL DEFAULT 0' "$M3/migration.sql" && t_ok || t_bad "$(cat "$M3/migration.sql")"
expect_sql "$DATABASE_URL" "SELECT count(*) FROM information_schema.columns WHERE column_name = 'qty'" 0
run -C "$W" "$MESDB" migrate status
expect_code 1
run -C "$W" "$MESDB" migrate dev --name qty2
expect_code 0
expect_sql "$DATABASE_URL" "SELECT count(*) FROM information_schema.columns WHERE column_name = 'qty'" 1
[ "$(nmig "$W")" -eq 3 ] && t_ok || t_bad "expected 3 migrations"

test_case "dev: data-loss warnings are refused without a terminal; --create-only writes them"
sql "$DATABASE_URL" "INSERT INTO \"Part\"(code, \"machineId\") SELECT 'p', id FROM \"Machine\" LIMIT 1" >/dev/null
sed -i '/^  qty       Int     @default(0)$/d' "$W/prisma/schema.prisma"
run -C "$W" "$MESDB" migrate dev --name drop_qty
expect_code 1
expect_out "You are about to drop the column \`qty\` on the \`Part\` table, which still contains 1 non-null values."
expect_err "the migration was not created"
[ "$(nmig "$W")" -eq 3 ] && t_ok || t_bad "a folder was written"
run -C "$W" "$MESDB" migrate dev --name drop_qty --create-only
expect_code 0
M4=$(lastmig "$W")
if head -5 "$M4/migration.sql" | grep -q "Warnings:" && grep -q "still contains 1 non-null values" "$M4/migration.sql"; then t_ok; else t_bad "$(cat "$M4/migration.sql")"; fi
rm -rf "$M4"

test_case "drift: a table made by hand stops dev"
sql "$DATABASE_URL" "CREATE TABLE hand (x int)" >/dev/null
run -C "$W" "$MESDB" migrate dev --name after_drift
expect_code 1
expect_err "Drift detected: Your database schema is not in sync with your migration history."
expect_err 'CREATE TABLE "hand"'
expect_err "mesdb migrate reset"
sql "$DATABASE_URL" "DROP TABLE hand" >/dev/null

test_case "an edited applied migration stops dev"
cp "$M1/migration.sql" "$T_TMP/m1.sql"
echo "-- edited" >>"$M1/migration.sql"
run -C "$W" "$MESDB" migrate dev --name after_edit
expect_code 1
expect_err "was modified after it was applied"
expect_err "mesdb migrate reset"
cp "$T_TMP/m1.sql" "$M1/migration.sql"

test_case "reset: refused without --force when not on a terminal"
run -C "$W" "$MESDB" migrate reset
expect_code 1
expect_err "the reset was not confirmed: nothing was dropped"
expect_err "--force"
expect_sql "$DATABASE_URL" "SELECT count(*) FROM \"Machine\"" 1

test_case "reset --force: everything dropped, migrations re-applied, seed run"
echo "INSERT INTO \"Machine\"(name) VALUES ('seeded');" >"$W/prisma/seed.sql"
run -C "$W" "$MESDB" migrate reset --force
expect_code 0
expect_out "Database reset successful"
expect_out "The seed command has been executed."
expect_sql "$DATABASE_URL" "SELECT string_agg(name, ',') FROM \"Machine\"" seeded
expect_sql "$DATABASE_URL" "SELECT count(*) FROM _prisma_migrations" 3
run -C "$W" "$MESDB" migrate reset --force --skip-seed
expect_code 0
expect_sql "$DATABASE_URL" "SELECT count(*) FROM \"Machine\"" 0
run -C "$W" "$MESDB" migrate status
expect_code 0

test_case "baseline on a pushed database"
B="$T_TMP/b"
project "$B"
add_part "$B"
BURL=$(newdb baseline)
run -C "$B" env DATABASE_URL="$BURL" "$MESDB" db push
expect_code 0
run -C "$B" env DATABASE_URL="$BURL" "$MESDB" migrate baseline
expect_code 0
expect_out "0_init/migration.sql"
expect_file "$B/prisma/migrations/0_init/migration.sql"
expect_file "$B/prisma/migrations/0_init/down.sql"
expect_sql "$BURL" "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL" 0_init
run -C "$B" env DATABASE_URL="$BURL" "$MESDB" migrate status
expect_code 0
expect_out "Database schema is up to date!"
run -C "$B" env DATABASE_URL="$BURL" "$MESDB" migrate dev --name x
expect_code 0
expect_out "Already in sync"
run -C "$B" env DATABASE_URL="$BURL" "$MESDB" migrate baseline
expect_code 1
expect_err "already has 1 migration"

finish
