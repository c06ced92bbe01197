#!/usr/bin/env bash
# test_db_guards.sh - production mode (MESDB_ENV=production, --production) and the confirmations of destructive commands
. "$(dirname "$0")/lib.sh"
: "${MESDB_TEST_PG_URL:?run through ctest (the pg fixture sets MESDB_TEST_PG_URL)}"

SRC=$(cd "$(dirname "$0")/../.." && pwd)
HOSTPORT=${MESDB_TEST_PG_URL#postgresql://*@}
HOSTPORT=${HOSTPORT%%/*}
SFX="g$$"
W="$T_TMP/ws"
mkdir -p "$W/services"
cp -r "$SRC/services/auth" "$W/services/"
rm -f "$W/services/auth/.env"
export AUTH_DATABASE_URL="postgresql://mes_auth_user_$SFX:mes_auth_password_dev@$HOSTPORT/mes_auth_db_$SFX?schema=public"
DB=mes_auth_db_$SFX
cleanup() {
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" \
		-c "DROP ROLE IF EXISTS \"mes_auth_user_$SFX\"" >/dev/null 2>&1
	rm -rf "$T_TMP"
}
trap cleanup EXIT
# as the service's role, which owns everything in its database
su() { psql -X -qtA -d "${AUTH_DATABASE_URL%%\?*}" -c "$2"; }
marker() { [ "$(su "$DB" "SELECT to_regclass('marker') IS NOT NULL")" = t ]; }
unset MESDB_ENV

run -C "$W" "$MESDB" setup -s auth
expect_code 0
run -C "$W" "$MESDB" migrate deploy -s auth
expect_code 0
su "$DB" 'CREATE TABLE marker (x int)'

test_case "MESDB_ENV=production refuses db push, migrate dev, migrate reset"
run -C "$W" env MESDB_ENV=production "$MESDB" db push -s auth
expect_code 1
expect_err "mesdb: error: db push is refused in production"
expect_err "detail: db push, migrate dev, migrate reset and --force-reset are refused with MESDB_ENV=production"
expect_err "hint: a production database changes through migrations: mesdb migrate deploy"
expect_no_out
run -C "$W/services/auth" env MESDB_ENV=production "$MESDB" migrate dev --name x
expect_code 1
expect_err "migrate dev is refused in production"
expect_err "detail: db push, migrate dev, migrate reset and --force-reset are refused with MESDB_ENV=production"
run -C "$W/services/auth" env MESDB_ENV=production "$MESDB" migrate reset --force
expect_code 1
expect_err "migrate reset is refused in production"
expect_err "detail: db push, migrate dev, migrate reset and --force-reset are refused with MESDB_ENV=production"
expect_err "mesdb restore brings back a backup"
run -C "$W" env MESDB_ENV=Production "$MESDB" migrate reset --all --force
expect_code 1
expect_err "migrate reset is refused in production"
expect_err "detail: db push, migrate dev, migrate reset and --force-reset are refused with MESDB_ENV=production"
if marker; then t_ok; else t_bad "the database was reset"; fi

test_case "--production anywhere on the command line does the same"
run -C "$W" "$MESDB" --production db push -s auth
expect_code 1
expect_err "db push is refused in production"
expect_err "detail: db push, migrate dev, migrate reset and --force-reset are refused with --production"
run -C "$W" "$MESDB" db push -s auth --accept-data-loss --production
expect_code 1
expect_err "db push is refused in production"
expect_err "detail: db push, migrate dev, migrate reset and --force-reset are refused with --production"
run -C "$W/services/auth" "$MESDB" migrate reset --production --force
expect_code 1
expect_err "migrate reset is refused in production"
expect_err "detail: db push, migrate dev, migrate reset and --force-reset are refused with --production"
if marker; then t_ok; else t_bad "the database was reset"; fi

test_case "--force-reset is refused in production, also abbreviated, on any command"
run -C "$W" env MESDB_ENV=production "$MESDB" migrate status -s auth --force-reset
expect_code 1
expect_err "--force-reset is refused in production"
expect_err "detail: db push, migrate dev, migrate reset and --force-reset are refused with MESDB_ENV=production"
run -C "$W" "$MESDB" --production migrate status -s auth --force-r
expect_code 1
expect_err "--force-reset is refused in production"
expect_err "detail: db push, migrate dev, migrate reset and --force-reset are refused with --production"
run -C "$W" "$MESDB" migrate status -s auth --force-reset
expect_code 129

test_case "production: help, reading commands, backup and restore still work"
run -C "$W" env MESDB_ENV=production "$MESDB" db push -h
expect_code 0
expect_out "usage: mesdb db push"
run -C "$W" "$MESDB" migrate status -s auth --production
expect_code 0
expect_out "Database schema is up to date!"
run -C "$W" env MESDB_ENV=production "$MESDB" validate --schema services/auth/prisma/schema.prisma
expect_code 0
run -C "$W" "$MESDB" --production backup -s auth
expect_code 0
stamp=$(jq -r '.[0].stamp' "$W/backups/manifest.json")
su "$DB" 'CREATE TABLE after_backup (x int)'
run -C "$W" "$MESDB" restore -s auth --from "$stamp" --force --production
expect_code 0
expect_out "Restored $DB"
if [ "$(su "$DB" "SELECT to_regclass('after_backup') IS NULL")" = t ]; then t_ok; else t_bad "not restored"; fi
if marker; then t_ok; else t_bad "the marker of the backup is missing"; fi

test_case "not on a terminal, destructive commands need --force"
run -C "$W/services/auth" "$MESDB" migrate reset
expect_code 1
expect_err "--force"
run -C "$W" "$MESDB" migrate reset --all
expect_code 1
expect_err "refused without --force"
run -C "$W" "$MESDB" restore -s auth --from "$stamp"
expect_code 1
expect_err "restore destroys data: refused without --force when not on a terminal"
if marker; then t_ok; else t_bad "the database was touched"; fi

if command -v script >/dev/null 2>&1; then
	tty_run() { # tty_run INPUT CMD...: run CMD on a pseudo terminal, INPUT typed after a moment
		local cmd input=$1
		shift
		printf -v cmd '%q ' "$@"
		(sleep 1; printf '%s\n' "$input") | (cd "$W" && script -qec "$cmd" /dev/null) >"$T_OUT_FILE" 2>"$T_ERR_FILE"
		T_CODE=$?
	}
	test_case "terminal: migrate reset --all asks for DELETE ALL"
	tty_run "y" "$MESDB" migrate reset --all --force
	expect_code 1
	expect_out "Type DELETE ALL to confirm"
	expect_out "not confirmed"
	if marker; then t_ok; else t_bad "the database was reset"; fi
	tty_run "DELETE ALL" "$MESDB" migrate reset --all --skip-seed
	expect_code 0
	if marker; then t_bad "not reset"; else t_ok; fi
fi

test_case "other MESDB_ENV values are not production"
run -C "$W" env MESDB_ENV=staging "$MESDB" db push -s auth
expect_code 0
expect_out "in sync with"

finish
