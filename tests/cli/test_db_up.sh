#!/usr/bin/env bash
# test_db_up.sh - mesdb up / down: a private cluster under .mesdb/ of a workspace copy, setup, deploy, seed,
# verify, status; --port / --socket / --tcp written into .env for later commands
. "$(dirname "$0")/lib.sh"
: "${MESDB_TEST_PG_URL:?run through ctest (the pg fixture sets MESDB_TEST_PG_URL)}"

SRC=$(cd "$(dirname "$0")/../.." && pwd)
W="$T_TMP/ws"
mkdir -p "$W/services"
# two services keep the seeds short; discovery finds what is there
cp -r "$SRC/services/auth" "$SRC/services/resource" "$W/services/"
rm -f "$W"/services/*/.env
chmod 755 "$T_TMP"
unset AUTH_DATABASE_URL RESOURCE_DATABASE_URL MESDB_ADMIN_URL MESDB_PORT

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
	local p=$1
	while port_in_use "$p"; do p=$((p + 1)); done
	echo "$p"
}
PORT=$(free_port $((20000 + $$ % 20000)))
PORT2=$(free_port $((PORT + 1)))
trap '(cd "$W" && "$MESDB" down >/dev/null 2>&1); rm -rf "$T_TMP"' EXIT
AENV="$W/services/auth/.env"
REX='^auth +mes_auth_db +1 +7 +[1-9][0-9]* +ok$'
row_ok() { if grep -qE "$1" "$T_OUT_FILE"; then t_ok; else t_bad "no row like $1"; fi; }

test_case "usage"
run "$MESDB" up -h
expect_code 0
expect_out "usage: mesdb up"
expect_out "--socket"
run "$MESDB" up --port 0
expect_code 129
run "$MESDB" up --port 12ab
expect_code 129
run "$MESDB" up --socket --tcp
expect_code 129
run "$MESDB" down extra
expect_code 129

test_case "down with nothing running"
run -C "$W" "$MESDB" down
expect_code 0
expect_out "No mesdb cluster is running"

test_case "first up: initdb, start, setup, deploy, seed, verify, status table"
run -C "$W" env MESDB_PORT="$PORT" "$MESDB" up
expect_code 0
expect_err "Pointed the URL in .env of 2 services at localhost:$PORT"
expect_err "Creating a PostgreSQL cluster in $W/.mesdb/data"
expect_err "Starting PostgreSQL on port $PORT"
expect_out "service        database                 migrations  tables       rows  verify"
row_ok "$REX"
row_ok '^resource +mes_resource_db +1 +[0-9]+ +[1-9][0-9]* +ok$'
if [ -f "$W/.mesdb/data/PG_VERSION" ] && [ -f "$AENV" ]; then t_ok; else t_bad "no cluster or .env"; fi
cp "$T_OUT_FILE" "$T_TMP/first"

test_case "the port lasts: .env says it, later commands reach the cluster without MESDB_PORT"
if grep -qx "AUTH_DATABASE_URL=\"postgresql://mes_auth_user:mes_auth_password_dev@localhost:$PORT/mes_auth_db?schema=public\"" "$AENV"; then t_ok; else t_bad ".env: $(cat "$AENV")"; fi
if [ "$(stat -c %a "$AENV")" = 600 ]; then t_ok; else t_bad ".env mode"; fi
run -C "$W" "$MESDB" migrate status -s auth
expect_code 0
expect_out "at \"localhost:$PORT\""
run -C "$W/services/resource" "$MESDB" verify
expect_code 0
expect_out "verify: ok"
run -C "$W" "$MESDB" db tables --all
expect_code 0

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
expect_no_err
if [ "$ms" -lt 10000 ]; then t_ok; else t_bad "second up took $ms ms"; fi
run -C "$W" env MESDB_PORT="$PORT" "$MESDB" up
expect_code 0
expect_out_file "$T_TMP/first"
expect_no_err

test_case "drift shows in up's verify column, exit 1"
psql -X -q "postgresql://postgres@127.0.0.1:$PORT/mes_auth_db" -c 'ALTER TABLE "User" ADD COLUMN probe int' >/dev/null
run -C "$W" "$MESDB" up
expect_code 1
row_ok '^auth +mes_auth_db +1 +7 +[1-9][0-9]* +FAILED$'
expect_out "verify: the database differs from the schema:"
expect_out "[*] Changed the \`User\` table"
psql -X -q "postgresql://postgres@127.0.0.1:$PORT/mes_auth_db" -c 'ALTER TABLE "User" DROP COLUMN probe' >/dev/null

test_case "--port moves the cluster; an edited .env is left alone, with a warning"
sed -i 's/schema=public/schema=public\&connect_timeout=9/' "$W/services/resource/.env"
cp "$W/services/resource/.env" "$T_TMP/resource.env"
run -C "$W" "$MESDB" up --port "$PORT2"
expect_code 0
expect_err "Stopping PostgreSQL (port $PORT) to restart it"
expect_err "Starting PostgreSQL on port $PORT2"
expect_err "Pointed the URL in .env of 1 service at localhost:$PORT2"
expect_err "warning: service resource: RESOURCE_DATABASE_URL in $W/services/resource/.env is not the URL of .env.example (edited), so it was left as it is: this run uses localhost:$PORT2, later commands use postgresql://mes_resource_user:****@localhost:$PORT/mes_resource_db?schema=public&connect_timeout=9"
row_ok "$REX"
row_ok '^resource +mes_resource_db +1 +[0-9]+ +[1-9][0-9]* +ok$'
if cmp -s "$W/services/resource/.env" "$T_TMP/resource.env"; then t_ok; else t_bad "the edited .env was changed"; fi
if grep -q "localhost:$PORT2/" "$AENV"; then t_ok; else t_bad "auth's .env: $(cat "$AENV")"; fi
if port_in_use "$PORT"; then t_bad "still listening on $PORT"; else t_ok; fi
run -C "$W" "$MESDB" verify -s resource
expect_code 2
rm "$W/services/resource/.env"
run -C "$W" "$MESDB" up --port "$PORT2"
expect_code 0
expect_err "Pointed the URL in .env of 1 service at localhost:$PORT2"
expect_no_out_like() { if grep -q "$1" "$T_ERR_FILE"; then t_bad "stderr has $1"; else t_ok; fi; }
expect_no_out_like "Starting PostgreSQL"

test_case "a running cluster on another port than the URLs: an error, not a second server"
sed -i "s/localhost:$PORT2/localhost:$PORT/" "$AENV"
run -C "$W" "$MESDB" up
expect_code 2
expect_err "the mesdb cluster of this workspace runs on port $PORT2, but the services' URLs point at localhost:$PORT"
expect_err "hint: mesdb up --port $PORT2"
run -C "$W" "$MESDB" up --port "$PORT2"
expect_code 0

test_case "--socket: the services connect through .mesdb/sock; a start listens on no TCP port"
run -C "$W" "$MESDB" up --socket
expect_code 0
expect_err "Pointed the URL in .env of 2 services at the socket in $W/.mesdb/sock"
if grep -q "localhost:$PORT2/mes_auth_db?schema=public&host=$W/.mesdb/sock\"" "$AENV"; then t_ok; else t_bad ".env: $(cat "$AENV")"; fi
row_ok "$REX"
run -C "$W" "$MESDB" verify --all
expect_code 0
if [ "$(psql -X -qtA -h "$W/.mesdb/sock" -p "$PORT2" -U postgres -d mes_auth_db -c 'SELECT COUNT(*) > 0 FROM "User"')" = t ]; then t_ok; else t_bad "psql on the socket"; fi
run -C "$W" "$MESDB" down
expect_code 0
run -C "$W" "$MESDB" up
expect_code 0
expect_err "Starting PostgreSQL on the socket $W/.mesdb/sock/.s.PGSQL.$PORT2"
expect_out_file "$T_TMP/first"
if port_in_use "$PORT2"; then t_bad "listening on TCP"; else t_ok; fi

test_case "--tcp: back to localhost, the cluster restarted to listen there"
run -C "$W" "$MESDB" up --tcp
expect_code 0
expect_err "Stopping PostgreSQL (port $PORT2) to restart it"
expect_err "Starting PostgreSQL on port $PORT2"
if grep -q "localhost:$PORT2/mes_auth_db?schema=public\"" "$AENV"; then t_ok; else t_bad ".env: $(cat "$AENV")"; fi
if port_in_use "$PORT2"; then t_ok; else t_bad "not listening on TCP"; fi
expect_out_file "$T_TMP/first"

test_case "down, then up restarts without initdb"
run -C "$W" "$MESDB" down
expect_code 0
expect_out "Stopped the mesdb cluster"
if port_in_use "$PORT2"; then t_bad "still listening"; else t_ok; fi
run -C "$W" "$MESDB" up
expect_code 0
expect_err "Starting PostgreSQL on port $PORT2"
if grep -q "Creating a PostgreSQL cluster" "$T_ERR_FILE"; then t_bad "initdb again"; else t_ok; fi
expect_out_file "$T_TMP/first"

finish
