#!/usr/bin/env bash
# test_db_deploy.sh - mesdb deploy: preflight, backup, apply, verify, and each --on-failure mode
. "$(dirname "$0")/lib.sh"
: "${MESDB_TEST_PG_URL:?run through ctest (the pg fixture sets MESDB_TEST_PG_URL)}"

SRC=$(cd "$(dirname "$0")/../.." && pwd)
SFX="d$$"
W="$T_TMP/ws"
SVCS=(auth material quality)
mkdir -p "$W/services"
for s in "${SVCS[@]}"; do cp -r "$SRC/services/$s" "$W/services/"; done
rm -f "$W"/services/*/.env

ws_point_urls "$W" "$SFX"
cleanup() {
	ws_drop_urls
	rm -rf "$T_TMP"
}
trap cleanup EXIT
sql() { psql -X -qtA -d "${1%%\?*}" -c "$2"; }
AUTH=${AUTH_DATABASE_URL%%\?*}
MAT=${MATERIAL_DATABASE_URL%%\?*}
QUA=${QUALITY_DATABASE_URL%%\?*}
LOG="$W/.mesdb/deploy.log"

# mig SERVICE NAME UP [DOWN]: a migration folder (no down.sql when DOWN is empty)
mig() {
	local d="$W/services/$1/prisma/migrations/$2"
	mkdir -p "$d"
	printf '%s\n' "$3" >"$d/migration.sql"
	if [ -n "${4:-}" ]; then printf '%s\n' "$4" >"$d/down.sql"; fi
}
# exists DB 'regclass': is there such a relation?
rel() { sql "$1" "SELECT to_regclass('$2') IS NOT NULL"; }
col() { sql "$1" "SELECT count(*) FROM information_schema.columns WHERE table_name = '$2' AND column_name = '$3'"; }
# rows DB NAME: "active/rolled-back/failed" rows of _prisma_migrations for NAME
rows() {
	sql "$1" "SELECT count(*) FILTER (WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL) || '/' ||
		count(*) FILTER (WHERE rolled_back_at IS NOT NULL) || '/' ||
		count(*) FILTER (WHERE rolled_back_at IS NULL AND finished_at IS NULL)
		FROM _prisma_migrations WHERE migration_name = '$2'"
}
expect_eq() { if [ "$1" = "$2" ]; then t_ok; else t_bad "$3: got '$1', want '$2'"; fi; }

test_case "usage"
run "$MESDB" deploy -h
expect_code 0
expect_out "usage: mesdb deploy"
expect_out "--on-failure=MODE"
run -C "$W" "$MESDB" deploy --all --on-failure=later
expect_code 129
expect_err 'takes rollback, restore or stop, not "later"'
run -C "$W" "$MESDB" deploy --all --on-failure=restore --skip-backup
expect_code 129
expect_err "cannot go with --skip-backup"
run -C "$W" "$MESDB" deploy --all -s auth
expect_code 129
run -C "$W" "$MESDB" deploy
expect_code 129
expect_err "name the services to deploy"
run -C "$W" "$MESDB" deploy -s nope
expect_code 1
expect_err 'no service "nope"'

test_case "setup, initial deploy: everything migrated, verified, logged"
run -C "$W" "$MESDB" setup --all
expect_code 0
# a table of quality's own for the data-dependent failure below, applied with the history
mig quality 20270101000000_probe 'CREATE TABLE "DeployProbe" ("id" INTEGER NOT NULL, "code" TEXT NOT NULL, CONSTRAINT "DeployProbe_pkey" PRIMARY KEY ("id"));' 'DROP TABLE "DeployProbe";'
run -C "$W" "$MESDB" deploy --all --skip-backup
expect_code 0
for s in auth material quality; do
	if grep -qE "^$s +mes_[a-z_]+_$SFX +[0-9]+ +[0-9]+  migrated " "$T_OUT_FILE"; then t_ok; else t_bad "no migrated row for $s"; fi
done
expect_err "preflight auth"
expect_err "proven in a rolled-back transaction"
expect_out "Run log: $LOG"
expect_eq "$(rows "$QUA" 20270101000000_probe)" "1/0/0" "probe applied"
if [ "$(stat -c %a "$LOG")" = 600 ]; then t_ok; else t_bad "log mode $(stat -c %a "$LOG")"; fi
for f in '"timestamp":"' '"service":"auth"' '"step":"preflight"' '"step":"apply"' '"step":"verify"' '"result":"ok"' '"duration_ms":' '"error":null'; do
	if grep -qF -- "$f" "$LOG"; then t_ok; else t_bad "deploy.log lacks $f"; fi
done
if command -v python3 >/dev/null; then
	if python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$LOG"; then t_ok; else t_bad "deploy.log is not JSON lines"; fi
fi

test_case "nothing pending: nothing to do"
run -C "$W" "$MESDB" deploy --all
expect_code 0
expect_err "No pending migrations to apply."
if [ ! -d "$W/backups" ]; then t_ok; else t_bad "backups written with nothing to deploy"; fi

# the migrations of the next runs: one per service
mig auth 20270102000000_user_probe 'ALTER TABLE "User" ADD COLUMN "deployProbe" TEXT;' 'ALTER TABLE "User" DROP COLUMN "deployProbe";'
mig material 20270102000000_probe_m 'CREATE TABLE "DeployProbeM" ("id" INTEGER NOT NULL PRIMARY KEY);' 'DROP TABLE "DeployProbeM";'
mig quality 20270102000000_unique_code 'CREATE UNIQUE INDEX "DeployProbe_code_key" ON "DeployProbe"("code");' 'DROP INDEX "DeployProbe_code_key";'
n0=$(wc -l <"$LOG")

test_case "a syntax error in one service: the preflight stops everything, nothing touched"
mig material 20270103000000_broken 'CREATE TABLE "Broken" (id INTEGER,, x TEXT);' 'DROP TABLE "Broken";'
run -C "$W" "$MESDB" deploy --all
expect_code 1
expect_err "preflight failed for 1 of 3 service(s): nothing was changed"
expect_err '== material =='
expect_err 'migration `20270103000000_broken` does not apply: syntax error at or near ","'
expect_err "SQLSTATE 42601"
expect_err "20270103000000_broken/migration.sql:1"
if grep -qE "^material .* preflight failed" "$T_OUT_FILE"; then t_ok; else t_bad "report lacks material's preflight failure"; fi
expect_eq "$(col "$AUTH" User deployProbe)" 0 "auth column"
expect_eq "$(rel "$MAT" '"DeployProbeM"')" f "material table"
expect_eq "$(rel "$QUA" '"DeployProbe_code_key"')" f "quality index"
expect_eq "$(sql "$MAT" "SELECT count(*) FROM _prisma_migrations WHERE migration_name LIKE '2027%'")" 0 "material rows"
expect_eq "$(rows "$AUTH" 20270102000000_user_probe)" "0/0/0" "auth rows"
if [ ! -d "$W/backups" ]; then t_ok; else t_bad "a backup was taken after a failed preflight"; fi
if tail -n +$((n0 + 1)) "$LOG" | grep -q '"service":"material","step":"preflight","migration":null,"result":"failed"'; then t_ok; else t_bad "log lacks the failed preflight"; fi
if tail -n +$((n0 + 1)) "$LOG" | grep -q '"step":"apply"'; then t_bad "an apply was logged"; else t_ok; fi
rm -r "$W/services/material/prisma/migrations/20270103000000_broken"

test_case "rollback mode is refused up-front when a pending migration has no down.sql"
rm "$W/services/material/prisma/migrations/20270102000000_probe_m/down.sql"
run -C "$W" "$MESDB" deploy --all
expect_code 1
expect_err "--on-failure=rollback cannot undo pending migration(s) 20270102000000_probe_m: no down.sql"
expect_err "--on-failure=restore"
expect_eq "$(col "$AUTH" User deployProbe)" 0 "auth untouched"
printf '%s\n' 'DROP TABLE "DeployProbeM";' >"$W/services/material/prisma/migrations/20270102000000_probe_m/down.sql"

# The data-dependent failure: the unique index builds on the data the preflight sees; the
# hook (run by mesdb deploy at the start of each step, tests only) writes duplicates into
# quality's table after the preflight, before quality's apply: the real apply fails.
HOOK='if [ "$MESDB_DEPLOY_STEP/$MESDB_DEPLOY_SERVICE" = apply/quality ]; then psql -X -q -d "'$QUA'" -c "INSERT INTO \"DeployProbe\" VALUES (1, '"'x'"'), (2, '"'x'"') ON CONFLICT DO NOTHING"; fi'
export MESDB_TEST_DEPLOY_HOOK="$HOOK"
undup() { sql "$QUA" 'DELETE FROM "DeployProbe"' >/dev/null; }

test_case "--on-failure=rollback: the failing service as before, the others rolled back with down.sql"
run -C "$W" "$MESDB" deploy --all
expect_code 3
expect_err "deploy failed at service quality (apply); on failure: rollback"
expect_err "== quality =="
expect_err "SQLSTATE 23505"
expect_err 'hint: table "DeployProbe" already holds rows with the same (code) = (x), so unique index "DeployProbe_code_key" cannot be built'
expect_err 'run the same `mesdb deploy` again'
if grep -qE "^auth .* rolled back" "$T_OUT_FILE"; then t_ok; else t_bad "auth not reported rolled back"; fi
if grep -qE "^material .* rolled back" "$T_OUT_FILE"; then t_ok; else t_bad "material not reported rolled back"; fi
if grep -qE "^quality .* failed" "$T_OUT_FILE"; then t_ok; else t_bad "quality not reported failed"; fi
expect_eq "$(col "$AUTH" User deployProbe)" 0 "auth column rolled back"
expect_eq "$(rel "$MAT" '"DeployProbeM"')" f "material table rolled back"
expect_eq "$(rel "$QUA" '"DeployProbe_code_key"')" f "quality index absent"
expect_eq "$(rows "$AUTH" 20270102000000_user_probe)" "0/1/0" "auth row rolled back"
expect_eq "$(rows "$MAT" 20270102000000_probe_m)" "0/1/0" "material row rolled back"
expect_eq "$(rows "$QUA" 20270102000000_unique_code)" "0/1/0" "quality failed row retired"
if [ "$(sql "$QUA" "SELECT logs LIKE '%23505%' FROM _prisma_migrations WHERE migration_name = '20270102000000_unique_code'")" = t ]; then t_ok; else t_bad "the failure is not in logs"; fi
# one stamp for the run: the three dumps share it
stamp=$(sed -n 's/^Deploy \([0-9_]*\):.*/\1/p' "$T_OUT_FILE")
for db in mes_auth_db mes_material_db mes_quality_db; do
	f="$W/backups/${db}_${SFX}_$stamp.dump"
	if [ -f "$f" ] && [ "$(stat -c %a "$f")" = 600 ]; then t_ok; else t_bad "no 0600 backup $f"; fi
done
for st in '"step":"backup"' '"service":"quality","step":"apply","migration":"20270102000000_unique_code","result":"failed"' '"step":"rollback"'; do
	if grep -qF -- "$st" "$LOG"; then t_ok; else t_bad "deploy.log lacks $st"; fi
done
run -C "$W" "$MESDB" migrate status -s quality
expect_code 1
expect_out "20270102000000_unique_code"
undup

test_case "--on-failure=stop: the migrated services are left, the failing one as before"
run -C "$W" "$MESDB" deploy --all --on-failure=stop --skip-backup
expect_code 3
if grep -qE "^auth .* 1  left " "$T_OUT_FILE"; then t_ok; else t_bad "auth not left"; fi
expect_out "left as it is (--on-failure=stop)"
expect_eq "$(col "$AUTH" User deployProbe)" 1 "auth column stays"
expect_eq "$(rel "$MAT" '"DeployProbeM"')" t "material table stays"
expect_eq "$(rel "$QUA" '"DeployProbe_code_key"')" f "quality index absent"
expect_eq "$(rows "$AUTH" 20270102000000_user_probe)" "1/1/0" "auth applied"
expect_eq "$(rows "$QUA" 20270102000000_unique_code)" "0/2/0" "quality failed rows retired"
undup
# back to the state before: roll the two back by hand
run -C "$W/services/auth" "$MESDB" migrate rollback
expect_code 0
run -C "$W/services/material" "$MESDB" migrate rollback
expect_code 0

test_case "--on-failure=restore: the migrated services restored from this run's backup"
before_auth=$(sql "$AUTH" "SELECT count(*) FROM _prisma_migrations")
run -C "$W" "$MESDB" deploy --all --on-failure=restore
expect_code 3
if grep -qE "^auth .* restored " "$T_OUT_FILE"; then t_ok; else t_bad "auth not restored"; fi
if grep -qE "^material .* restored " "$T_OUT_FILE"; then t_ok; else t_bad "material not restored"; fi
if grep -qE "^quality .* failed " "$T_OUT_FILE"; then t_ok; else t_bad "quality not failed"; fi
expect_out "restored from $W/backups/"
expect_eq "$(col "$AUTH" User deployProbe)" 0 "auth column gone"
expect_eq "$(rel "$MAT" '"DeployProbeM"')" f "material table gone"
# restored: the run's own rows are gone too (a rollback would have kept them, rolled back)
expect_eq "$(sql "$AUTH" "SELECT count(*) FROM _prisma_migrations")" "$before_auth" "auth history as backed up"
expect_eq "$(rows "$AUTH" 20270102000000_user_probe)" "0/2/0" "auth rows as before the run"
if [ "$(sql "$AUTH" "SELECT pg_catalog.pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()")" = "mes_auth_user_$SFX" ]; then t_ok; else t_bad "restored database owner"; fi
if grep -qF '"step":"restore"' "$LOG"; then t_ok; else t_bad "deploy.log lacks the restore"; fi
undup

test_case "no hook: the deploy goes through; unprovable migrations are said so"
unset MESDB_TEST_DEPLOY_HOOK
sql "$QUA" "INSERT INTO \"DeployProbe\" VALUES (1, 'a'), (2, 'b'), (3, 'c')" >/dev/null
mig material 20270104000000_concurrent_idx 'CREATE INDEX CONCURRENTLY "DeployProbeM_id_idx" ON "DeployProbeM"("id");' 'DROP INDEX "DeployProbeM_id_idx";'
run -C "$W" "$MESDB" deploy --all
expect_code 0
for s in auth material quality; do
	if grep -qE "^$s .* migrated " "$T_OUT_FILE"; then t_ok; else t_bad "$s not migrated"; fi
done
expect_out 'migration `20270104000000_concurrent_idx` cannot be proven: it cannot run in a transaction (CREATE INDEX CONCURRENTLY'
expect_err "1 unproven (not transactional)"
if grep -qE "^quality .* migrated +3 -> 3$" "$T_OUT_FILE"; then t_ok; else t_bad "quality rows not 3 -> 3"; fi
expect_eq "$(col "$AUTH" User deployProbe)" 1 "auth column"
expect_eq "$(rel "$MAT" '"DeployProbeM_id_idx"')" t "concurrent index"
expect_eq "$(rel "$QUA" '"DeployProbe_code_key"')" t "quality index"
run -C "$W" "$MESDB" migrate status --all
expect_code 0

finish
