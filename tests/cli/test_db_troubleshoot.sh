#!/usr/bin/env bash
# test_db_troubleshoot.sh - the runbook's troubleshooting cases: each error says its cause and the fixing command
. "$(dirname "$0")/lib.sh"
: "${MESDB_TEST_PG_URL:?run through ctest (the pg fixture sets MESDB_TEST_PG_URL)}"

SRC=$(cd "$(dirname "$0")/../.." && pwd)
HOSTPORT=${MESDB_TEST_PG_URL#postgresql://*@}
HOSTPORT=${HOSTPORT%%/*}
SFX="ts$$"
W="$T_TMP/ws"
mkdir -p "$W/services"
cp -r "$SRC/services/auth" "$W/services/"
rm -f "$W"/services/*/.env
ROLE="mes_auth_user_$SFX"
DB="mes_auth_db_$SFX"
export AUTH_DATABASE_URL="postgresql://$ROLE:mes_auth_password_dev@$HOSTPORT/$DB?schema=public"
AUTH=${AUTH_DATABASE_URL%%\?*}
SCHEMA="$W/services/auth/prisma/schema.prisma"
MIGS="$W/services/auth/prisma/migrations"
SEED="$W/services/auth/prisma/seed.sql"
HBA=$(psql -X -qtA -d postgres -c 'SHOW hba_file')
HOLDER=

cleanup() {
	[ -n "$HOLDER" ] && kill "$HOLDER" 2>/dev/null
	# the pg_hba.conf line of this test (written in place: the server's file keeps its owner)
	if grep -q "$ROLE" "$HBA" 2>/dev/null; then
		grep -v "$ROLE" "$HBA" >"$T_TMP/hba" && cat "$T_TMP/hba" >"$HBA"
		psql -X -q -d postgres -c 'SELECT pg_reload_conf()' >/dev/null 2>&1
	fi
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" \
		-c "DROP DATABASE IF EXISTS \"${DB}_b\" WITH (FORCE)" \
		-c "DROP ROLE IF EXISTS \"$ROLE\"" >/dev/null 2>&1
	rm -rf "$T_TMP"
}
trap cleanup EXIT
sql() { psql -X -qtA -d "${1%%\?*}" -c "$2"; }
su_sql() { psql -X -qtA -d "$DB" -c "$1"; }
expect_eq() { if [ "$1" = "$2" ]; then t_ok; else t_bad "$3: got '$1', want '$2'"; fi; }
# the hint line
expect_hint() { if grep -F -- "hint:" "$T_ERR_FILE" | grep -qF -- "$1"; then t_ok; else t_bad "hint lacks: $1"; fi; }

test_case "role missing: 28000, the fix is mesdb setup"
run -C "$W" "$MESDB" migrate status -s auth
expect_code 2
expect_err "P1000: could not connect to database \"$DB\" at $HOSTPORT (SQLSTATE 28000)"
expect_hint "role \"$ROLE\" does not exist on the server at $HOSTPORT"
expect_hint "\`mesdb setup -s auth\`"
run -C "$W" "$MESDB" setup -s auth
expect_code 0
run -C "$W" "$MESDB" migrate deploy -s auth
expect_code 0

test_case "database missing: 3D000, the fix is mesdb setup then migrate deploy"
psql -X -q -d postgres -c "DROP DATABASE \"$DB\" WITH (FORCE)"
run -C "$W/services/auth" "$MESDB" migrate deploy
expect_code 2
expect_err "P1003: could not connect to database \"$DB\" at $HOSTPORT (SQLSTATE 3D000)"
expect_hint "database \"$DB\" does not exist on the server at $HOSTPORT"
expect_hint "\`mesdb setup -s auth\`, then apply the migrations: \`mesdb migrate deploy -s auth\`"
run -C "$W" "$MESDB" setup -s auth
expect_code 0
run -C "$W" "$MESDB" migrate deploy -s auth
expect_code 0
expect_out "All migrations have been successfully applied."

test_case "CONNECT revoked: 42501, the fix is mesdb setup (it re-grants)"
psql -X -q -d postgres -c "REVOKE CONNECT ON DATABASE \"$DB\" FROM \"$ROLE\""
run -C "$W" "$MESDB" migrate status -s auth
expect_code 2
expect_err "(SQLSTATE 42501)"
expect_err "User does not have CONNECT privilege"
expect_hint "role \"$ROLE\" may not connect to database \"$DB\""
expect_hint "\`mesdb setup -s auth\`"
expect_hint "GRANT CONNECT ON DATABASE \"$DB\" TO \"$ROLE\""
run -C "$W" "$MESDB" setup -s auth
expect_code 0
run -C "$W" "$MESDB" migrate status -s auth
expect_code 0

test_case "a table of another owner: 42501, the fix is the ALTER ... OWNER it names"
su_sql 'CREATE TABLE "Imported" (id int)'
printf 'INSERT INTO "Imported" VALUES (1);\n' >"$SEED"
run -C "$W" "$MESDB" db seed -s auth
expect_code 1
expect_err "permission denied for table Imported (SQLSTATE 42501)"
expect_hint "table Imported belongs to another role than \"$ROLE\""
expect_hint "ALTER TABLE \"Imported\" OWNER TO \"$ROLE\""
su_sql "ALTER TABLE \"Imported\" OWNER TO \"$ROLE\""
run -C "$W" "$MESDB" db seed -s auth
expect_code 0

USER_ROW='INSERT INTO "User" ("id", "username", "email", "passwordHash", "firstName", "lastName", "updatedAt") VALUES ('"'usr_t1', 't1', 't1@x.example', '!', 'T', 'One', '2024-01-01'"') ON CONFLICT DO NOTHING;'

test_case "unique violation in the seed: 23505 names table, constraint, key and the statement without ON CONFLICT"
cat >"$SEED" <<EOF
$USER_ROW
INSERT INTO "AuthAuditLog" ("id", "userId", "eventType", "success")
VALUES (1, 'usr_t1', 'LOGIN_SUCCESS', true);
EOF
run -C "$W" "$MESDB" db seed -s auth
expect_code 0
run -C "$W" "$MESDB" db seed -s auth
expect_code 1
expect_err 'duplicate key value violates unique constraint "AuthAuditLog_pkey" (SQLSTATE 23505)'
expect_hint 'table "AuthAuditLog": a row with (id) = (1) already exists (constraint "AuthAuditLog_pkey")'
expect_hint "the statement at $SEED:2 has no ON CONFLICT clause: end it with ON CONFLICT DO NOTHING, then run \`mesdb db seed -s auth\`"
sed -i 's/true);$/true) ON CONFLICT DO NOTHING;/' "$SEED"
run -C "$W" "$MESDB" db seed -s auth
expect_code 0
expect_eq "$(sql "$AUTH" 'SELECT count(*) FROM "AuthAuditLog"')" 1 "audit rows"

test_case "foreign-key violation in the seed: 23503 names the row and the missing parent"
cat >"$SEED" <<EOF
INSERT INTO "PasswordHistory" ("id", "userId", "passwordHash") VALUES (7, 'usr_t2', 'x') ON CONFLICT DO NOTHING;
EOF
run -C "$W" "$MESDB" db seed -s auth
expect_code 1
expect_err 'violates foreign key constraint "PasswordHistory_userId_fkey" (SQLSTATE 23503)'
expect_hint 'a row of table "PasswordHistory" refers with (userId) = (usr_t2) to table "User", which has no such row'
expect_hint "insert the \"User\" row first"
expect_hint "$SEED:1"
{ echo "${USER_ROW//t1/t2}"; cat "$SEED"; } >"$T_TMP/seed" && cp "$T_TMP/seed" "$SEED"
run -C "$W" "$MESDB" db seed -s auth
expect_code 0

test_case "a migration fails (P3018), then blocks deploys (P3009): resolve --rolled-back is the way out"
mkdir -p "$MIGS/20270101000000_bad"
printf 'ALTER TABLE "User" ADD COLUMN "x" INTEGER;\nSELECT 1/0;\n' >"$MIGS/20270101000000_bad/migration.sql"
run -C "$W" "$MESDB" migrate deploy -s auth
expect_code 3
expect_err "P3018"
expect_hint "the migration's transaction was rolled back: fix it, run \`mesdb migrate resolve --rolled-back \"20270101000000_bad\" -s auth\`, then \`mesdb migrate deploy -s auth\`"
run -C "$W" "$MESDB" migrate deploy -s auth
expect_code 1
expect_err "P3009"
expect_hint "migration \`20270101000000_bad\` failed before and blocks every deploy"
expect_hint "\`mesdb migrate resolve --rolled-back \"20270101000000_bad\" -s auth\`"
printf 'ALTER TABLE "User" ADD COLUMN "x" INTEGER;\n' >"$MIGS/20270101000000_bad/migration.sql"
run -C "$W" "$MESDB" migrate resolve -s auth --rolled-back 20270101000000_bad
expect_code 0
run -C "$W" "$MESDB" migrate deploy -s auth
expect_code 0
expect_out "20270101000000_bad"

test_case "tables but no history (P3005): resolve --applied the first migration"
su_sql 'DROP TABLE _prisma_migrations'
run -C "$W" "$MESDB" migrate deploy -s auth
expect_code 1
expect_err "P3005"
expect_hint "\`mesdb migrate resolve --applied \"20261123235850_init\" -s auth\`, then \`mesdb migrate deploy -s auth\`"
run -C "$W" "$MESDB" migrate resolve -s auth --applied 20261123235850_init
expect_code 0
# the later migration's column is there already: mark it too, the way the hint's logic goes
run -C "$W" "$MESDB" migrate resolve -s auth --applied 20270101000000_bad
expect_code 0
run -C "$W" "$MESDB" migrate status -s auth
expect_code 0

test_case "tables, no history and no migrations (P3005): mesdb migrate baseline"
B="$T_TMP/b"
mkdir -p "$B/prisma"
sed "s/env(\"AUTH_DATABASE_URL\")/env(\"B_URL\")/" "$SCHEMA" >"$B/prisma/schema.prisma"
export B_URL="postgresql://postgres@$HOSTPORT/${DB}_b?schema=public"
psql -X -q -d postgres -c "CREATE DATABASE \"${DB}_b\""
# its tables, made outside any migration history
psql -X -q -d "${DB}_b" -f "$MIGS/20261123235850_init/migration.sql" >/dev/null
run -C "$B" "$MESDB" migrate deploy
expect_code 1
expect_err "P3005"
expect_hint "write and mark the initial migration: \`mesdb migrate baseline\`, then \`mesdb migrate deploy\`"
run -C "$B" "$MESDB" migrate baseline
expect_code 0
run -C "$B" "$MESDB" migrate deploy
expect_code 0
expect_out "No pending migrations to apply."

test_case "connection refused: where the URL comes from and what to start"
AUTH_DATABASE_URL="postgresql://$ROLE:pw@127.0.0.1:1/$DB?schema=public" run -C "$W" "$MESDB" migrate status -s auth
expect_code 2
expect_err "P1001: could not connect to database \"$DB\" at 127.0.0.1:1"
expect_hint "nothing answers at 127.0.0.1:1 (database \"$DB\")"
expect_hint "\`mesdb up\`"
expect_hint "AUTH_DATABASE_URL (environment)"

test_case "wrong password: 28P01, the fix is mesdb setup (the role's password from the URL)"
{ echo "host all $ROLE 127.0.0.1/32 scram-sha-256"; cat "$HBA"; } >"$T_TMP/hba" && cat "$T_TMP/hba" >"$HBA"
psql -X -q -d postgres -c 'SELECT pg_reload_conf()' >/dev/null
psql -X -q -d postgres -c "ALTER ROLE \"$ROLE\" PASSWORD 'not-the-one-in-the-url'"
run -C "$W" "$MESDB" migrate status -s auth
expect_code 2
expect_err "P1000: could not connect to database \"$DB\" at $HOSTPORT (SQLSTATE 28P01)"
expect_hint "refused the password of role \"$ROLE\""
expect_hint "\`mesdb setup -s auth\`"
if grep -q mes_auth_password_dev "$T_OUT_FILE" "$T_ERR_FILE"; then t_bad "the password is shown"; else t_ok; fi
run -C "$W" "$MESDB" setup -s auth
expect_code 0
run -C "$W" "$MESDB" migrate status -s auth
expect_code 0

# hold_lock SQL: a session that runs SQL (taking a lock) and sleeps; waits until it holds it
hold_lock() {
	psql -X -q -d "$DB" -c "$1" >/dev/null 2>&1 &
	HOLDER=$!
	for _ in $(seq 1 100); do
		[ "$(su_sql "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE a.query LIKE '%pg_sleep(4)%' AND l.granted AND l.locktype IN ('advisory', 'relation') AND a.pid <> pg_backend_pid()")" -gt 0 ] && return
		sleep 0.05
	done
}
release_lock() {
	su_sql "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(4)%' AND pid <> pg_backend_pid()" >/dev/null
	wait "$HOLDER" 2>/dev/null
	HOLDER=
}

test_case "migrate lock held elsewhere: P1002 says who to look for"
hold_lock 'SELECT pg_advisory_lock(72707369), pg_sleep(4)'
MESDB_LOCK_TIMEOUT_MS=300 run -C "$W" "$MESDB" migrate deploy -s auth
expect_code 1
expect_err "P1002"
expect_hint "another migrate command (mesdb or Prisma) holds the migrate lock of database \"$DB\""
expect_hint "l.objid = 72707369"
release_lock
run -C "$W" "$MESDB" migrate deploy -s auth
expect_code 0

test_case "a table lock held elsewhere: the deploy preflight stops at lock_timeout (55P03)"
mkdir -p "$MIGS/20270102000000_col"
printf 'ALTER TABLE "User" ADD COLUMN "y" INTEGER;\n' >"$MIGS/20270102000000_col/migration.sql"
printf 'ALTER TABLE "User" DROP COLUMN "y";\n' >"$MIGS/20270102000000_col/down.sql"
hold_lock 'BEGIN; LOCK TABLE "User" IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(4); COMMIT'
MESDB_LOCK_TIMEOUT_MS=300 run -C "$W" "$MESDB" deploy -s auth --skip-backup
expect_code 1
expect_err "preflight failed for 1 of 1 service(s): nothing was changed"
expect_err "(SQLSTATE 55P03)"
expect_hint "waited longer than lock_timeout for a lock that another session holds"
expect_hint "FROM pg_stat_activity WHERE datname = '$DB'"
release_lock
run -C "$W" "$MESDB" deploy -s auth --skip-backup
expect_code 0
expect_eq "$(sql "$AUTH" "SELECT count(*) FROM information_schema.columns WHERE table_name = 'User' AND column_name = 'y'")" 1 "column y"

finish
