#!/usr/bin/env bash
# test_db_migrate.sh - mesdb migrate deploy/status/resolve against the test cluster: exit codes and output
. "$(dirname "$0")/lib.sh"
pg_db_init mig
# sql URL QUERY: one value
sql() { psql -X -qtA -d "$1" -c "$2"; }
# mig DIR NAME SQL: write DIR/prisma/migrations/NAME/migration.sql
mig() {
	mkdir -p "$1/prisma/migrations/$2"
	printf '%s\n' "$3" >"$1/prisma/migrations/$2/migration.sql"
}
# project DIR: a schema whose url is env("DATABASE_URL")
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
expect_not_out() { if grep -qF -- "$1" "$T_OUT_FILE" "$T_ERR_FILE"; then t_bad "output has: $1"; else t_ok; fi; }
expect_sql() { local got; got=$(sql "$1" "$2"); if [ "$got" = "$3" ]; then t_ok; else t_bad "SQL $2: got '$got', want '$3'"; fi; }

unset DATABASE_URL

# ---- usage ----
test_case "-h on every migrate command"
for c in deploy status resolve; do
	run "$MESDB" migrate "$c" -h
	expect_code 0
	expect_out "usage: mesdb migrate $c"
done

test_case "usage errors exit 129"
run "$MESDB" migrate resolve
expect_code 129
expect_err "--applied or --rolled-back must be part of the command"
run "$MESDB" migrate resolve --applied a --rolled-back b
expect_code 129
expect_err "pass either --applied or --rolled-back, not both"
run "$MESDB" migrate deploy --strict
expect_code 129
expect_err 'unknown option "--strict"'
run "$MESDB" migrate status extra
expect_code 129
expect_err 'unexpected argument "extra"'
run "$MESDB" migrate resolve --applied
expect_code 129

# ---- URL resolution ----
W="$T_TMP/w"
project "$W"
mig "$W" 20240101000000_init 'CREATE TABLE "Machine" (id SERIAL PRIMARY KEY, name TEXT NOT NULL);'
mig "$W" 20240102000000_index 'CREATE UNIQUE INDEX "Machine_name_key" ON "Machine"("name");'
mig "$W" 20240103000000_seed "INSERT INTO \"Machine\" (name) VALUES ('press;1'), ('lathe');"

test_case "env var not set anywhere: a clear error naming it"
run -C "$W" "$MESDB" migrate status
expect_code 1
expect_err "mesdb: error: environment variable not found: DATABASE_URL"
expect_err "prisma/.env (no such file)"

U1=$(newdb one)
U1_SECRET="postgresql://postgres:s3cretpw@127.0.0.1:$PORT/${U1##*/}"
printf 'DATABASE_URL="%s"\n' "$U1_SECRET" >"$W/.env"

test_case "status before the first deploy: pending, exit 1 (URL from the project's .env)"
run -C "$W" "$MESDB" migrate status
expect_code 1
expect_out "Prisma schema loaded from prisma/schema.prisma"
expect_out "Datasource \"db\": PostgreSQL database \"${U1##*/}\", schema \"public\" at \"127.0.0.1:$PORT\""
expect_out "3 migrations found in prisma/migrations"
expect_out "Following migrations have not yet been applied:"
expect_out "20240102000000_index"
expect_out "To apply migrations in production run mesdb migrate deploy."
expect_not_out "s3cretpw"

# ---- deploy ----
test_case "deploy applies the history in order, with durations"
run -C "$W" "$MESDB" migrate deploy
expect_code 0
expect_out "3 migrations found in prisma/migrations"
expect_out "The following migration(s) have been applied:"
expect_out "  └─ 20240101000000_init/"
expect_out "    └─ migration.sql ("
expect_out " ms)"
expect_out "All migrations have been successfully applied."
expect_err "Applying migration \`20240103000000_seed\`"
expect_not_out "s3cretpw"
expect_sql "$U1" "SELECT string_agg(migration_name || ':' || applied_steps_count, ',' ORDER BY started_at) FROM _prisma_migrations WHERE finished_at IS NOT NULL" \
	"20240101000000_init:1,20240102000000_index:1,20240103000000_seed:1"
expect_sql "$U1" "SELECT string_agg(name, ',' ORDER BY id) FROM \"Machine\"" "press;1,lathe"

test_case "deploy again: nothing to do"
run -C "$W" "$MESDB" migrate deploy
expect_code 0
expect_out "No pending migrations to apply."

test_case "status: up to date"
run -C "$W" "$MESDB" migrate status
expect_code 0
expect_out "Database schema is up to date!"
expect_no_err

test_case "--schema from another folder, URL from the environment"
run env DATABASE_URL="$U1" "$MESDB" migrate status --schema "$W/prisma/schema.prisma"
expect_code 0
expect_out "3 migrations found in $W/prisma/migrations"

# ---- failure ----
mig "$W" 20240104000000_ok 'CREATE TABLE ok4 (id int);'
mig "$W" 20240105000000_bad "CREATE TABLE half (id int);
INSERT INTO half VALUES (1);
INSERT INTO half VALUES ('not a number');
CREATE TABLE never (id int);"

test_case "status: one pending"
run -C "$W" "$MESDB" migrate status
expect_code 1
expect_out "Following migrations have not yet been applied:"

test_case "a failing migration: P3018, exit 3, no trace but the failed row"
run -C "$W" "$MESDB" migrate deploy
expect_code 3
expect_out "  └─ 20240104000000_ok/"
expect_err "mesdb: error: P3018: a migration failed to apply. New migrations cannot be applied before the error is recovered from (SQLSTATE 22P02)"
expect_err "Migration name: 20240105000000_bad"
expect_err "Database error code: 22P02"
expect_err 'invalid input syntax for type integer: "not a number"'
expect_err "prisma/migrations/20240105000000_bad/migration.sql:3:26 (statement 3 of 4)"
expect_err 'mesdb migrate resolve --rolled-back "20240105000000_bad"'
expect_not_out "s3cretpw"
expect_sql "$U1" "SELECT to_regclass('half') IS NULL AND to_regclass('ok4') IS NOT NULL" "t"
expect_sql "$U1" "SELECT count(*) FROM _prisma_migrations WHERE migration_name = '20240105000000_bad' AND finished_at IS NULL AND rolled_back_at IS NULL AND logs LIKE '%22P02%'" "1"

test_case "P3009 blocks deploy until resolved"
run -C "$W" "$MESDB" migrate deploy
expect_code 1
expect_err "mesdb: error: P3009: migrate found failed migrations in the target database, new migrations will not be applied."
expect_err "The \`20240105000000_bad\` migration started at "
expect_err "UTC failed with the following logs:"

test_case "status: failed migration, exit 1"
run -C "$W" "$MESDB" migrate status
expect_code 1
expect_err "Following migration have failed:"
expect_err 'mesdb migrate resolve --rolled-back "20240105000000_bad"'

test_case "resolve errors: P3017, P3011, P3012, P3008"
run -C "$W" "$MESDB" migrate resolve --applied 20249999_nope
expect_code 1
expect_err "P3017: the migration 20249999_nope could not be found."
run -C "$W" "$MESDB" migrate resolve --rolled-back 20249999_nope
expect_code 1
expect_err "P3011: migration \`20249999_nope\` cannot be rolled back because it was never applied to the database."
run -C "$W" "$MESDB" migrate resolve --rolled-back 20240101000000_init
expect_code 1
expect_err "P3012: migration \`20240101000000_init\` cannot be rolled back because it is not in a failed state"
run -C "$W" "$MESDB" migrate resolve --applied 20240101000000_init
expect_code 1
expect_err "P3008: the migration \`20240101000000_init\` is already recorded as applied in the database"

test_case "resolve --rolled-back, fix, deploy"
run -C "$W" "$MESDB" migrate resolve --rolled-back 20240105000000_bad
expect_code 0
expect_out "Migration 20240105000000_bad marked as rolled back."
run -C "$W" "$MESDB" migrate status
expect_code 1
expect_out "20240105000000_bad"
sed -i "s/'not a number'/2/" "$W/prisma/migrations/20240105000000_bad/migration.sql"
run -C "$W" "$MESDB" migrate deploy
expect_code 0
expect_out "  └─ 20240105000000_bad/"
expect_sql "$U1" "SELECT count(*) FROM half" "2"
run -C "$W" "$MESDB" migrate status
expect_code 0

# ---- warnings Prisma does not give ----
test_case "an edited migration: a warning, exit 0; --strict: exit 1"
cp "$W/prisma/migrations/20240104000000_ok/migration.sql" "$T_TMP/keep.sql"
echo "-- edited" >>"$W/prisma/migrations/20240104000000_ok/migration.sql"
run -C "$W" "$MESDB" migrate status
expect_code 0
expect_err "warning: migration \`20240104000000_ok\` was modified after it was applied"
expect_out "Database schema is up to date!"
run -C "$W" "$MESDB" migrate status --strict
expect_code 1
cp "$T_TMP/keep.sql" "$W/prisma/migrations/20240104000000_ok/migration.sql"

test_case "CRLF line endings do not count as an edit"
sed -i 's/$/\r/' "$W/prisma/migrations/20240104000000_ok/migration.sql"
run -C "$W" "$MESDB" migrate status --strict
expect_code 0
expect_no_err
cp "$T_TMP/keep.sql" "$W/prisma/migrations/20240104000000_ok/migration.sql"

test_case "a migration missing on disk: a warning, exit 0; --strict: exit 1"
mv "$W/prisma/migrations/20240105000000_bad" "$T_TMP/bad"
run -C "$W" "$MESDB" migrate status
expect_code 0
expect_err "warning: migration \`20240105000000_bad\` is applied to the database but missing from prisma/migrations"
run -C "$W" "$MESDB" migrate status --strict
expect_code 1

test_case "histories diverge"
mig "$W" 20240106000000_other 'SELECT 1;'
run -C "$W" "$MESDB" migrate status
expect_code 1
expect_err "Your local migration history and the migrations table from your database are different:"
expect_err "The last common migration is: 20240104000000_ok"
expect_err "The migration from the database are not found locally in prisma/migrations:"
rm -r "$W/prisma/migrations/20240106000000_other"
mv "$T_TMP/bad" "$W/prisma/migrations/20240105000000_bad"

# ---- unmanaged databases ----
U2=$(newdb two)
test_case "P3005: a non-empty database without _prisma_migrations"
sql "$U2" 'CREATE TABLE "Machine" (id SERIAL PRIMARY KEY, name TEXT NOT NULL)' >/dev/null
run -C "$W" env DATABASE_URL="$U2" "$MESDB" migrate deploy
expect_code 1
expect_err "mesdb: error: P3005: the database schema is not empty. Read more about how to baseline an existing production database: https://pris.ly/d/migrate-baseline"
expect_err 'mesdb migrate resolve --applied "20240101000000_init"'
expect_sql "$U2" "SELECT to_regclass('_prisma_migrations') IS NULL" "t"

test_case "status on it: pending, with the baseline note"
run -C "$W" env DATABASE_URL="$U2" "$MESDB" migrate status
expect_code 1
expect_out "Following migrations have not yet been applied:"
expect_err "(P3005)"

test_case "baseline with resolve --applied, then deploy the rest"
run -C "$W" env DATABASE_URL="$U2" "$MESDB" migrate resolve --applied 20240101000000_init
expect_code 0
expect_out "Migration 20240101000000_init marked as applied."
run -C "$W" env DATABASE_URL="$U2" "$MESDB" migrate deploy
expect_code 0
expect_not_out "20240101000000_init/"
expect_out "  └─ 20240105000000_bad/"

E="$T_TMP/empty"
project "$E"
U3=$(newdb three)
test_case "no migrations, no table: not managed"
run -C "$E" env DATABASE_URL="$U3" "$MESDB" migrate status
expect_code 1
expect_out "No migration found in prisma/migrations"
expect_err "The current database is not managed by Prisma Migrate."

test_case "deploy with no migrations folder creates the table"
run -C "$E" env DATABASE_URL="$U3" "$MESDB" migrate deploy
expect_code 0
expect_out "No migration found in prisma/migrations"
expect_out "No pending migrations to apply."
expect_sql "$U3" "SELECT to_regclass('_prisma_migrations') IS NOT NULL" "t"

# ---- scripts that cannot run in a transaction ----
C="$T_TMP/conc"
project "$C"
mig "$C" 20240101000000_t 'CREATE TABLE t (id int);'
mig "$C" 20240102000000_i '-- CreateIndex
CREATE INDEX CONCURRENTLY "t_id_idx" ON t (id);'
U4=$(newdb four)
test_case "CREATE INDEX CONCURRENTLY: statement by statement, and said so"
run -C "$C" env DATABASE_URL="$U4" "$MESDB" migrate deploy
expect_code 0
expect_err "note: \`20240102000000_i\` cannot run in a transaction (CREATE INDEX CONCURRENTLY, line 2 of migration.sql): applying it statement by statement"
expect_out "statement by statement)"
expect_sql "$U4" "SELECT indisvalid FROM pg_index WHERE indexrelid = 't_id_idx'::regclass" "t"

test_case "P3019: migration_lock.toml of another provider"
printf '# Please do not edit this file manually\nprovider = "mysql"\n' >"$C/prisma/migrations/migration_lock.toml"
run -C "$C" env DATABASE_URL="$U4" "$MESDB" migrate deploy
expect_code 1
expect_err "P3019: the datasource provider \`postgresql\` specified in your schema does not match the one specified in the migration_lock.toml, \`mysql\`"
rm "$C/prisma/migrations/migration_lock.toml"

test_case "could not connect: exit 2, no password"
run -C "$C" env DATABASE_URL="postgresql://postgres:s3cretpw@127.0.0.1:1/x" "$MESDB" migrate deploy
expect_code 2
expect_not_out "s3cretpw"

# ---- the advisory lock ----
test_case "P1002: the lock is held elsewhere"
U5=$(newdb five)
psql -X -q -d "$U5" -c "SELECT pg_advisory_lock(72707369)" -c "SELECT pg_sleep(4)" >/dev/null 2>&1 &
HOLDER=$!
for _ in $(seq 50); do
	[ "$(sql "$U5" "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 72707369")" = 1 ] && break
	sleep 0.05
done
run -C "$C" env DATABASE_URL="$U5" MESDB_LOCK_TIMEOUT_MS=300 "$MESDB" migrate deploy
expect_code 1
expect_err "P1002: timed out trying to acquire a postgres advisory lock (SELECT pg_advisory_lock(72707369)), timeout: 300ms"
kill "$HOLDER" 2>/dev/null
wait "$HOLDER" 2>/dev/null

# a history that takes a while to deploy
L="$T_TMP/long"
project "$L"
NLONG=20
for i in $(seq -w 1 $NLONG); do
	mig "$L" "202401010000${i}_m$i" "CREATE TABLE t$i (id int);
SELECT pg_sleep(0.02);
INSERT INTO t$i VALUES ($i);"
done

test_case "8 deploys at once apply each migration exactly once"
U6=$(newdb six)
pids=()
for k in $(seq 8); do
	(cd "$L" && DATABASE_URL="$U6" "$MESDB" migrate deploy >"$T_TMP/c$k.out" 2>"$T_TMP/c$k.err"; echo $? >"$T_TMP/c$k.rc") &
	pids+=($!)
done
wait "${pids[@]}"
ok=1
applied=0
for k in $(seq 8); do
	rc=$(cat "$T_TMP/c$k.rc")
	if [ "$rc" != 0 ] && ! grep -q P1002 "$T_TMP/c$k.err"; then ok=0; echo "deploy $k: exit $rc"; cat "$T_TMP/c$k.err"; fi
	applied=$((applied + $(grep -c '^  └─ ' "$T_TMP/c$k.out")))
done
if [ "$ok" = 1 ]; then t_ok; else t_bad "a concurrent deploy failed"; fi
if [ "$applied" = "$NLONG" ]; then t_ok; else t_bad "applied lines: $applied, want $NLONG"; fi
expect_sql "$U6" "SELECT count(*) || '/' || count(DISTINCT migration_name) || '/' || count(*) FILTER (WHERE finished_at IS NULL) FROM _prisma_migrations" "$NLONG/$NLONG/0"
expect_sql "$U6" "SELECT sum(id) FROM ($(for i in $(seq -w 1 $NLONG); do printf 'SELECT id FROM t%s UNION ALL ' "$i"; done) SELECT 0) x" "$((NLONG * (NLONG + 1) / 2))"

test_case "kill -9 at 20 random moments, then deploy: fully migrated, once each, no failed row"
before=()
for round in $(seq 20); do
	U7=$(newdb "k$round")
	(cd "$L" && exec env DATABASE_URL="$U7" "$MESDB" migrate deploy >/dev/null 2>&1) &
	victim=$!
	sleep "0.$(printf '%03d' $((RANDOM % 450)))"
	kill -9 "$victim" 2>/dev/null
	wait "$victim" 2>/dev/null
	before+=("$(sql "$U7" "SELECT count(*) FROM _prisma_migrations" 2>/dev/null || echo -)")
	run -C "$L" env DATABASE_URL="$U7" "$MESDB" migrate deploy
	expect_code 0
	expect_sql "$U7" "SELECT count(*) || '/' || count(DISTINCT migration_name) || '/' || count(*) FILTER (WHERE finished_at IS NULL) FROM _prisma_migrations" "$NLONG/$NLONG/0"
	expect_sql "$U7" "SELECT count(*) FROM pg_tables WHERE tablename ~ '^t[0-9]+$'" "$NLONG"
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"${U7##*/}\" WITH (FORCE)" >/dev/null 2>&1
done
echo "crash test: migrations applied when killed: ${before[*]}"

finish
