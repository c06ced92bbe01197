#!/usr/bin/env bash
# test_db_up.sh - mesdb up / down: a private cluster under .mesdb/ of a workspace copy, setup, deploy, seed, status
. "$(dirname "$0")/lib.sh"
: "${MESDB_TEST_PG_URL:?run through ctest (the pg fixture sets MESDB_TEST_PG_URL)}"

SRC=$(cd "$(dirname "$0")/../.." && pwd)
W="$T_TMP/ws"
mkdir -p "$W/services"
# two services keep the seeds short; discovery finds what is there
cp -r "$SRC/services/auth" "$SRC/services/resource" "$W/services/"
rm -f "$W"/services/*/.env
chmod 755 "$T_TMP"
unset AUTH_DATABASE_URL RESOURCE_DATABASE_URL MESDB_ADMIN_URL

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=$((20000 + $$ % 20000))
while port_in_use "$PORT"; do PORT=$((PORT + 1)); done
export MESDB_PORT=$PORT
trap '(cd "$W" && "$MESDB" down >/dev/null 2>&1); rm -rf "$T_TMP"' EXIT

test_case "usage"
run "$MESDB" up -h
expect_code 0
expect_out "usage: mesdb up"
run "$MESDB" up --port 0
expect_code 129
run "$MESDB" down extra
expect_code 129

test_case "down with nothing running"
run -C "$W" "$MESDB" down
expect_code 0
expect_out "No mesdb cluster is running"

test_case "first up: initdb, start, setup, deploy, seed, status table"
run -C "$W" "$MESDB" up
expect_code 0
expect_err "Creating a PostgreSQL cluster in $W/.mesdb/data"
expect_err "Starting PostgreSQL on port $PORT"
expect_out "service        database                 migrations  tables       rows"
if grep -qE '^auth +mes_auth_db +1 +7 +[1-9][0-9]*$' "$T_OUT_FILE"; then t_ok; else t_bad "auth row"; fi
if grep -qE '^resource +mes_resource_db +1 +[0-9]+ +[1-9][0-9]*$' "$T_OUT_FILE"; then t_ok; else t_bad "resource row"; fi
if [ -f "$W/.mesdb/data/PG_VERSION" ] && [ -f "$W/services/auth/.env" ]; then t_ok; else t_bad "no cluster or .env"; fi
cp "$T_OUT_FILE" "$T_TMP/first"

test_case "the runbook's check, with the role's password; other databases refused"
u="postgresql://mes_auth_user:mes_auth_password_dev@127.0.0.1:$PORT"
got=$(psql -X -qtA "$u/mes_auth_db" -c 'SELECT COUNT(*) FROM "User"' -c 'SELECT COUNT(*) FROM "AuthAuditLog"' | tr '\n' ' ')
if [[ "$got" =~ ^[1-9][0-9]*\ [1-9][0-9]*\ $ ]]; then t_ok; else t_bad "counts: $got"; fi
if psql -X -qtA "$u/mes_resource_db" -c 'SELECT 1' >/dev/null 2>"$T_TMP/e"; then t_bad "auth role opened resource's database"; else
	if grep -q "CONNECT privilege" "$T_TMP/e"; then t_ok; else t_bad "refused for another reason: $(cat "$T_TMP/e")"; fi
fi
if psql -X -qtA "postgresql://mes_auth_user:wrong@127.0.0.1:$PORT/mes_auth_db" -c 'SELECT 1' >/dev/null 2>&1; then
	t_bad "a wrong password was accepted"; else t_ok; fi
if grep -qF password_dev "$T_OUT_FILE" "$T_ERR_FILE"; then t_bad "password in output"; else t_ok; fi

test_case "second up: a fast no-op, same table"
start=$(date +%s%N)
run -C "$W/services/auth" "$MESDB" up
ms=$((($(date +%s%N) - start) / 1000000))
expect_code 0
expect_out_file "$T_TMP/first"
if [ ! -s "$T_ERR_FILE" ]; then t_ok; else t_bad "stderr not empty"; fi
if [ "$ms" -lt 10000 ]; then t_ok; else t_bad "second up took $ms ms"; fi

test_case "down, then up restarts without initdb"
run -C "$W" "$MESDB" down
expect_code 0
expect_out "Stopped the mesdb cluster"
if port_in_use "$PORT"; then t_bad "still listening"; else t_ok; fi
run -C "$W" "$MESDB" up
expect_code 0
expect_err "Starting PostgreSQL on port $PORT"
if grep -q "Creating a PostgreSQL cluster" "$T_ERR_FILE"; then t_bad "initdb again"; else t_ok; fi
expect_out_file "$T_TMP/first"

finish
