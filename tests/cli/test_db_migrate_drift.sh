#!/usr/bin/env bash
# test_db_migrate_drift.sh - migrate status --drift, and replays that need the shadow database
. "$(dirname "$0")/lib.sh"
pg_db_init drift
sql() { psql -X -qtA -d "$1" -c "$2"; }
expect_sql() { local got; got=$(sql "$1" "$2"); if [ "$got" = "$3" ]; then t_ok; else t_bad "SQL $2: got '$got', want '$3'"; fi; }
nmig() { find "$1/prisma/migrations" -mindepth 1 -maxdepth 1 -type d | wc -l; }
mig() {
	mkdir -p "$1/prisma/migrations/$2"
	printf '%s\n' "$3" >"$1/prisma/migrations/$2/migration.sql"
}
# project DIR [EXTRA_DATASOURCE_LINE]: a schema with one model, url from env("DATABASE_URL")
project() {
	mkdir -p "$1/prisma"
	cat >"$1/prisma/schema.prisma" <<S
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
${2:-}
}

model Machine {
  id   Int    @id @default(autoincrement())
  name String @unique
}
S
}
# the live schema's identity and contents, to prove a replay left the database alone
fingerprint() {
	sql "$1" "SELECT (SELECT oid FROM pg_namespace WHERE nspname = 'public') || ':' ||
		(SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		 WHERE n.nspname = 'public') || ':' ||
		(SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'mesdb_replay%')"
}

unset DATABASE_URL SHADOW_URL

test_case "usage: --drift and --no-drift are status options"
run "$MESDB" migrate status -h
expect_code 0
expect_out "--drift"
expect_out "--no-drift"
expect_out "the first status after a change replays"
run "$MESDB" migrate deploy --drift
expect_code 129
expect_err 'unknown option "--drift"'
run "$MESDB" migrate deploy --no-drift
expect_code 129
expect_err 'unknown option "--no-drift"'

W="$T_TMP/w"
project "$W"
export DATABASE_URL=$(newdb main)
run -C "$W" "$MESDB" migrate dev --name init
expect_code 0

test_case "status --drift on an up-to-date database: no warning, database unchanged"
FP=$(fingerprint "$DATABASE_URL")
run -C "$W" "$MESDB" migrate status --drift --strict
expect_code 0
expect_out "Database schema is up to date!"
expect_not_err "warning"
expect_sql "$DATABASE_URL" "SELECT 1" 1
if [ "$(fingerprint "$DATABASE_URL")" = "$FP" ]; then t_ok; else t_bad "database changed: $FP -> $(fingerprint "$DATABASE_URL")"; fi

test_case "a table made by hand: status warns (also without --drift), --no-drift says nothing, --strict fails"
sql "$DATABASE_URL" 'CREATE TABLE hand (x int)' >/dev/null
FP=$(fingerprint "$DATABASE_URL")
run -C "$W" "$MESDB" migrate status --no-drift --strict
expect_code 0
expect_not_err "drift"
for flag in "" --drift; do
	run -C "$W" "$MESDB" migrate status $flag
	expect_code 0
	expect_out "Database schema is up to date!"
	expect_err "warning: drift detected: the database schema is not in sync with its migration history (1 difference)"
	expect_err 'CREATE TABLE "hand"'
	expect_err "mesdb migrate reset"
done
run -C "$W" "$MESDB" migrate status --strict
expect_code 1
run -C "$W" "$MESDB" migrate status --drift --strict
expect_code 1
expect_out "Database schema is not up to date: see the warnings (--strict)."
if [ "$(fingerprint "$DATABASE_URL")" = "$FP" ]; then t_ok; else t_bad "database changed"; fi
sql "$DATABASE_URL" 'DROP TABLE hand' >/dev/null

test_case "a column added by hand: --drift shows the ALTER TABLE"
sql "$DATABASE_URL" 'ALTER TABLE "Machine" ADD COLUMN note text' >/dev/null
run -C "$W" "$MESDB" migrate status --drift
expect_code 0
expect_err 'ADD COLUMN     "note" TEXT'
sql "$DATABASE_URL" 'ALTER TABLE "Machine" DROP COLUMN note' >/dev/null

test_case "an edited applied migration: the checksum warning, and --drift replays the edit"
M1=$(find "$W/prisma/migrations" -mindepth 1 -maxdepth 1 -type d | sort | head -1)
cp "$M1/migration.sql" "$T_TMP/m1.sql"
printf '\nCREATE TABLE "Extra" (x int);\n' >>"$M1/migration.sql"
run -C "$W" "$MESDB" migrate status --drift
expect_code 0
expect_err "was modified after it was applied"
expect_err 'DROP TABLE "Extra"'
cp "$T_TMP/m1.sql" "$M1/migration.sql"

test_case "pending migration: status exit 1, the applied part has no drift"
mig "$W" 29990101000000_more 'CREATE TABLE "More" (x int);'
run -C "$W" "$MESDB" migrate status --drift
expect_code 1
expect_out "Following migration have not yet been applied:"
expect_not_err "drift detected"
rm -rf "$W/prisma/migrations/29990101000000_more"

test_case "failed migration: drift is not checked, and a note says why"
mig "$W" 29990101000000_bad 'SELECT 1/0;'
run -C "$W" "$MESDB" migrate deploy
expect_code 3
run -C "$W" "$MESDB" migrate status --drift
expect_code 1
expect_err "note: drift not checked: the database has failed migrations"
rm -rf "$W/prisma/migrations/29990101000000_bad"
sql "$DATABASE_URL" "DELETE FROM _prisma_migrations WHERE migration_name = '29990101000000_bad'" >/dev/null

test_case "migrations missing from the folder: drift is not checked, a note says why"
sql "$DATABASE_URL" "INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ('x', 'y', '20000101000000_gone', now(), 1)" >/dev/null
run -C "$W" "$MESDB" migrate status --drift
expect_code 0
expect_err "note: drift not checked: migrations applied to the database are missing from the folder"
sql "$DATABASE_URL" "DELETE FROM _prisma_migrations WHERE id = 'x'" >/dev/null

# ---- histories that cannot be replayed in one transaction ----
C="$T_TMP/conc"
project "$C"
mig "$C" 20240101000000_init 'CREATE TABLE "Machine" (id SERIAL PRIMARY KEY, name TEXT NOT NULL);
CREATE UNIQUE INDEX "Machine_name_key" ON "Machine"("name");'
mig "$C" 20240102000000_idx '-- CreateIndex
CREATE INDEX CONCURRENTLY "Machine_id_name_idx" ON "Machine"("id", "name");'
export DATABASE_URL=$(newdb conc)
run -C "$C" "$MESDB" migrate deploy
expect_code 0

test_case "no shadow database: dev stops, naming the migration and the way out"
sed -i 's/^  name String @unique$/  name String @unique\n  note String?/' "$C/prisma/schema.prisma"
FP=$(fingerprint "$DATABASE_URL")
run -C "$C" "$MESDB" migrate dev --name note
expect_code 1
expect_err "migration \`20240102000000_idx\` cannot be replayed inside one transaction (CREATE INDEX CONCURRENTLY, line 2 of migration.sql)"
expect_err "shadowDatabaseUrl"
[ "$(nmig "$C")" -eq 2 ] && t_ok || t_bad "a migration was written"
if [ "$(fingerprint "$DATABASE_URL")" = "$FP" ]; then t_ok; else t_bad "database changed"; fi
run -C "$C" "$MESDB" migrate status --drift
expect_code 1
expect_err "could not check the database for drift"
expect_err "20240102000000_idx"
run -C "$C" "$MESDB" migrate status
expect_code 0
expect_out "Database schema is up to date!"
expect_err "note: drift not checked: migration \`20240102000000_idx\` cannot be replayed inside one transaction"
expect_err "hint: set shadowDatabaseUrl"
expect_not_err "error"

test_case "shadowDatabaseUrl: dev replays there, says so, and empties it afterwards"
project "$C" '  shadowDatabaseUrl = env("SHADOW_URL")'
sed -i 's/^  name String @unique$/  name String @unique\n  note String?/' "$C/prisma/schema.prisma"
export SHADOW_URL=$(newdb shadow)
sql "$SHADOW_URL" 'CREATE TABLE leftover (x int)' >/dev/null
run -C "$C" "$MESDB" migrate dev --name note
expect_code 0
expect_err "note: migration \`20240102000000_idx\` cannot be replayed inside one transaction (CREATE INDEX CONCURRENTLY, line 2 of migration.sql): replaying the history on the shadow database"
expect_out "Your database is now in sync with your schema."
[ "$(nmig "$C")" -eq 3 ] && t_ok || t_bad "expected 3 migrations"
expect_sql "$DATABASE_URL" "SELECT count(*) FROM information_schema.columns WHERE table_name = 'Machine' AND column_name = 'note'" 1
expect_sql "$SHADOW_URL" "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'" 0
expect_sql "$SHADOW_URL" "SELECT count(*) FROM pg_namespace WHERE nspname = 'public'" 1

test_case "status --drift through the shadow database"
run -C "$C" "$MESDB" migrate status --drift --strict
expect_code 0
expect_err "replaying the history on the shadow database"
expect_out "Database schema is up to date!"
sql "$DATABASE_URL" 'CREATE INDEX "by_hand" ON "Machine"("note")' >/dev/null
run -C "$C" "$MESDB" migrate status --drift
expect_code 0
expect_err 'CREATE INDEX "by_hand" ON "Machine"("note");'
sql "$DATABASE_URL" 'DROP INDEX "by_hand"' >/dev/null
expect_sql "$SHADOW_URL" "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'" 0

test_case "a shadow URL that is the database itself is refused"
SAME=${DATABASE_URL/127.0.0.1/localhost}
run -C "$C" env SHADOW_URL="$SAME" "$MESDB" migrate status --drift
expect_code 1
expect_err "shadowDatabaseUrl points at the datasource's own database"
expect_sql "$DATABASE_URL" "SELECT count(*) FROM \"Machine\"" 0
expect_sql "$DATABASE_URL" "SELECT count(*) FROM _prisma_migrations" 3

test_case "the shadow variable is not set: the error says which"
run -C "$C" env -u SHADOW_URL "$MESDB" migrate dev --name x
expect_code 1
expect_err "SHADOW_URL"
expect_err "shadowDatabaseUrl"

test_case "a failing script on the shadow database: P3006 naming it"
mig "$C" 20240104000000_bad 'CREATE INDEX CONCURRENTLY "x" ON "Nope"("id");'
run -C "$C" "$MESDB" migrate dev --name y
expect_code 3
[ "$(nmig "$C")" -eq 4 ] && t_ok || t_bad "a migration was written"
rm -rf "$C/prisma/migrations/20240104000000_bad"

test_case "an enum value added in one migration and used in the next"
E="$T_TMP/enum"
project "$E"
mig "$E" 20240101000000_init 'CREATE TYPE "Kind" AS ENUM ('"'A'"', '"'B'"');
CREATE TABLE "Machine" (id SERIAL PRIMARY KEY, name TEXT NOT NULL, kind "Kind" NOT NULL DEFAULT '"'A'"');
CREATE UNIQUE INDEX "Machine_name_key" ON "Machine"("name");'
mig "$E" 20240102000000_add_c "ALTER TYPE \"Kind\" ADD VALUE 'C';"
mig "$E" 20240103000000_use_c "ALTER TABLE \"Machine\" ALTER COLUMN \"kind\" SET DEFAULT 'C';"
export DATABASE_URL=$(newdb enum)
run -C "$E" "$MESDB" migrate deploy
expect_code 0
run -C "$E" "$MESDB" migrate status --drift
expect_code 1
expect_err "migration \`20240103000000_use_c\` cannot be replayed inside one transaction"
expect_err "shadowDatabaseUrl"
project "$E" '  shadowDatabaseUrl = env("SHADOW_URL")'
sed -i 's/^  name String @unique$/  name String @unique\n  kind Kind   @default(C)/' "$E/prisma/schema.prisma"
printf '\nenum Kind {\n  A\n  B\n  C\n}\n' >>"$E/prisma/schema.prisma"
run -C "$E" "$MESDB" migrate status --drift --strict
expect_code 0
expect_err "replaying the history on the shadow database"
run -C "$E" "$MESDB" migrate dev --name nothing
expect_code 0
expect_out "Already in sync"

test_case "a script's own BEGIN/COMMIT (Prisma's enum changes) replays without ending the replay"
X="$T_TMP/tx"
project "$X"
printf '\nenum Kind {\n  A\n  C\n}\n' >>"$X/prisma/schema.prisma"
mig "$X" 20240101000000_init 'CREATE TYPE "Kind" AS ENUM ('"'A'"', '"'B'"', '"'C'"');
CREATE TABLE "Machine" (id SERIAL PRIMARY KEY, name TEXT NOT NULL);
CREATE UNIQUE INDEX "Machine_name_key" ON "Machine"("name");'
mig "$X" 20240102000000_tx '-- AlterEnum
BEGIN;
CREATE TYPE "Kind_new" AS ENUM ('"'A'"', '"'C'"');
ALTER TYPE "Kind" RENAME TO "Kind_old";
ALTER TYPE "Kind_new" RENAME TO "Kind";
DROP TYPE "Kind_old";
COMMIT;'
export DATABASE_URL=$(newdb tx)
run -C "$X" "$MESDB" migrate deploy
expect_code 0
expect_err "applying it statement by statement"
FP=$(fingerprint "$DATABASE_URL")
run -C "$X" "$MESDB" migrate status --drift --strict
expect_code 0
expect_no_err
if [ "$(fingerprint "$DATABASE_URL")" = "$FP" ]; then t_ok; else t_bad "database changed: $FP -> $(fingerprint "$DATABASE_URL")"; fi
run -C "$X" "$MESDB" migrate dev --name nothing
expect_code 0
expect_out "Already in sync"
run "$MESDB" migrate diff --from-migrations "$X/prisma/migrations" --to-url "$DATABASE_URL" --script
expect_code 0
expect_out "-- This is an empty migration."
if [ "$(fingerprint "$DATABASE_URL")" = "$FP" ]; then t_ok; else t_bad "database changed"; fi

test_case "a ROLLBACK in a script needs the shadow database"
mig "$X" 20240103000000_rb 'BEGIN;
CREATE TABLE "Gone" (x int);
ROLLBACK;'
run -C "$X" "$MESDB" migrate deploy
expect_code 0
FP=$(fingerprint "$DATABASE_URL")
run -C "$X" "$MESDB" migrate dev --name z
expect_code 1
expect_err "migration \`20240103000000_rb\` cannot be replayed inside one transaction (ROLLBACK (explicit transaction control), line 3 of migration.sql)"
if [ "$(fingerprint "$DATABASE_URL")" = "$FP" ]; then t_ok; else t_bad "database changed: $FP -> $(fingerprint "$DATABASE_URL")"; fi
run "$MESDB" migrate diff --from-migrations "$X/prisma/migrations" --to-url "$DATABASE_URL" --script
expect_code 1
expect_err "cannot be replayed inside one transaction"

finish
