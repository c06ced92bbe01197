#!/usr/bin/env bash
# test_db_backup.sh - mesdb backup / restore: dumps, manifest, modes, the restore drill, damaged dumps, confirmations
. "$(dirname "$0")/lib.sh"
: "${MESDB_TEST_PG_URL:?run through ctest (the pg fixture sets MESDB_TEST_PG_URL)}"

SRC=$(cd "$(dirname "$0")/../.." && pwd)
BINDIR=${MESDB_TEST_PG_BINDIR:-/usr/lib/postgresql/15/bin}
SFX="b$$"
W="$T_TMP/ws"
B="$W/backups"
mkdir -p "$W"
cp -r "$SRC/services" "$W/"
rm -f "$W"/services/*/.env

ws_point_urls "$W" "$SFX"
cleanup() {
	ws_drop_urls __restore
	rm -rf "$T_TMP"
}
trap cleanup EXIT
# su DB SQL: as the superuser (the harness's PG* variables); sql URL SQL: as the service's role
su() { psql -X -qtA -d "$1" -c "$2"; }
sql() { psql -X -qtA -d "${1%%\?*}" -c "$2"; }
AUTH_DB=mes_auth_db_$SFX
RES_DB=mes_resource_db_$SFX
MAT_DB=mes_material_db_$SFX
expect_not_out() { if grep -qF -- "$1" "$T_OUT_FILE" "$T_ERR_FILE"; then t_bad "output has: $1"; else t_ok; fi; }
# every table's exact row count
counts() {
	su "$1" "SELECT table_name || ' ' || (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I',
		table_schema, table_name), false, true, '')))[1]::text FROM information_schema.tables
		WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1"
}
# the catalog and the data as pg_dump prints them (its random \restrict keys aside)
catalog() { "$BINDIR/pg_dump" --schema-only -d "$1" | grep -Ev '^\\(un)?restrict '; }
data_sum() { "$BINDIR/pg_dump" --data-only -d "$1" 2>/dev/null | grep -Ev '^\\(un)?restrict ' | sha256sum; }
dbinfo() { su postgres "SELECT pg_get_userbyid(datdba) || ' ' || datacl::text FROM pg_database WHERE datname = '$1'"; }
snapshot() { { counts "$1"; catalog "$1"; data_sum "$1"; dbinfo "$1"; } >"$2"; }
no_scratch() {
	if [ -z "$(su postgres "SELECT datname FROM pg_database WHERE datname LIKE '%${SFX}__restore'")" ]; then t_ok
	else t_bad "a scratch database was left behind"; fi
}

test_case "usage"
run "$MESDB" backup -h
expect_code 0
expect_out "usage: mesdb backup"
run "$MESDB" restore -h
expect_code 0
expect_out "DELETE ALL"
run -C "$W" "$MESDB" restore -s auth
expect_code 129
expect_err "--from STAMP or --from FILE must be part of the command"
run -C "$W" "$MESDB" restore --all --from x.dump
expect_code 129
expect_err "several services need a backup stamp"
run -C "$W" "$MESDB" backup --nope
expect_code 129

test_case "workspace: setup, deploy, seed three services"
run -C "$W" "$MESDB" setup --all
expect_code 0
run -C "$W" "$MESDB" migrate deploy --all
expect_code 0
run -C "$W" "$MESDB" db seed -s auth -s resource -s material
expect_code 0

test_case "backup --all: one stamp, 0600 dumps whatever the umask, a table"
run -C "$W" bash -c "umask 000; exec \"\$0\" backup --all" "$MESDB"
expect_code 0
expect_out "service        database"
for s in auth work-order quality material traceability resource reporting integration; do
	if grep -qE "^$s +mes_[a-z_]+_$SFX +ok .*_init" "$T_OUT_FILE"; then t_ok; else t_bad "no table row for $s"; fi
done
expect_out "mesdb restore --all --from"
expect_not_out "password_dev"
STAMP=$(jq -r '.[0].stamp' "$B/manifest.json")
if [ "$(ls "$B" | grep -c "_${SFX}_${STAMP}\.dump\$")" = 8 ]; then t_ok; else t_bad "not 8 dumps of stamp $STAMP: $(ls "$B")"; fi
bad_mode=$(find "$B" -type f ! -perm 600)
if [ -z "$bad_mode" ]; then t_ok; else t_bad "files not 0600: $bad_mode"; fi
if [ "$(stat -c %a "$B")" = 700 ]; then t_ok; else t_bad "backup folder mode $(stat -c %a "$B")"; fi
if ! ls -a "$B" | grep -q partial; then t_ok; else t_bad "partial files left"; fi

test_case "manifest: one entry per dump with size, SHA-256, migration head, versions"
if jq -e 'length == 8' "$B/manifest.json" >/dev/null; then t_ok; else t_bad "manifest is not 8 entries"; fi
version=$("$MESDB" --version | awk '{print $2}')
for s in auth resource quality; do
	e=$(jq -c --arg s "$s" '.[] | select(.service == $s)' "$B/manifest.json")
	f=$B/$(jq -r .file <<<"$e")
	db=$(jq -r .database <<<"$e")
	for v in "${URLVARS[@]}"; do u=${!v}; case $u in */$db\?*) url=$u;; esac; done
	head=$(sql "$url" 'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY finished_at DESC LIMIT 1')
	if [ "$(jq -r .size <<<"$e")" = "$(stat -c %s "$f")" ]; then t_ok; else t_bad "$s: size"; fi
	if [ "$(jq -r .sha256 <<<"$e")" = "$(sha256sum "$f" | cut -d' ' -f1)" ]; then t_ok; else t_bad "$s: sha256"; fi
	if [ "$(jq -r .migration_head <<<"$e")" = "$head" ] && [ -n "$head" ]; then t_ok; else t_bad "$s: head $(jq -r .migration_head <<<"$e") vs $head"; fi
	if [ "$(jq -r .mesdb_version <<<"$e")" = "$version" ]; then t_ok; else t_bad "$s: mesdb version"; fi
	if [ "$(jq -r .stamp <<<"$e")" = "$STAMP" ] && [ "$db" = "$(sed 's/_[0-9]\{8\}_[0-9]\{6\}\.dump$//' <<<"${f##*/}")" ]; then t_ok; else t_bad "$s: stamp or name"; fi
	if "$BINDIR/pg_restore" --list "$f" >/dev/null; then t_ok; else t_bad "$s: dump unreadable"; fi
done

test_case "the password reaches pg_dump and pg_restore through the environment only"
mkdir -p "$T_TMP/bin"
for t in pg_dump pg_restore; do
	cat >"$T_TMP/bin/$t" <<EOF
#!/bin/sh
{ printf '%s' "$t"; for a in "\$@"; do printf ' [%s]' "\$a"; done; printf ' PGPASSWORD=%s\n' "\${PGPASSWORD:-unset}"; } >>"$T_TMP/spawn.log"
[ -n "\${MESDB_TEST_SLOW:-}" ] && [ "$t" = pg_dump ] && sleep "\$MESDB_TEST_SLOW"
exec "$BINDIR/$t" "\$@"
EOF
	chmod +x "$T_TMP/bin/$t"
done
run -C "$W" env MESDB_PG_BINDIR="$T_TMP/bin" "$MESDB" backup -s auth --dir "$T_TMP/b2"
expect_code 0
if grep -q '^pg_dump .*PGPASSWORD=mes_auth_password_dev$' "$T_TMP/spawn.log"; then t_ok; else t_bad "pg_dump did not get PGPASSWORD: $(cat "$T_TMP/spawn.log")"; fi
if grep -q '^pg_restore \[--list\]' "$T_TMP/spawn.log"; then t_ok; else t_bad "no pg_restore --list"; fi
if sed 's/ PGPASSWORD=.*//' "$T_TMP/spawn.log" | grep -q password_dev; then t_bad "a password in an argument: $(cat "$T_TMP/spawn.log")"; else t_ok; fi
expect_not_out "password_dev"
run -C "$W" env MESDB_PG_BINDIR="$T_TMP/nothing" "$MESDB" backup -s auth --dir "$T_TMP/b2"
expect_code 1
expect_err "no pg_dump in MESDB_PG_BINDIR"

test_case "an unreachable server: exit 2, no dump left, no password shown"
run -C "$W" env AUTH_DATABASE_URL="postgresql://u:sekret_pw@127.0.0.1:1/x" "$MESDB" backup -s auth --dir "$T_TMP/b3"
expect_code 2
expect_not_out "sekret_pw"
if [ -z "$(ls -A "$T_TMP/b3" 2>/dev/null)" ]; then t_ok; else t_bad "files left: $(ls -A "$T_TMP/b3")"; fi

test_case "restore drill: damage, restore, everything as before"
snapshot "$AUTH_DB" "$T_TMP/auth.before"
su "$AUTH_DB" 'DROP TABLE "AuthAuditLog"; DELETE FROM "User" WHERE "id" > '"'usr_0100'"
snapshot "$AUTH_DB" "$T_TMP/auth.damaged"
if ! cmp -s "$T_TMP/auth.before" "$T_TMP/auth.damaged"; then t_ok; else t_bad "the damage did not show"; fi
run -C "$W" "$MESDB" restore -s auth --from "$STAMP" --force
expect_code 0
expect_out "Verified $B/mes_auth_db_${SFX}_$STAMP.dump"
expect_out "size and SHA-256 as in the manifest"
expect_out "Restored $AUTH_DB from"
expect_out "(as in the manifest)"
snapshot "$AUTH_DB" "$T_TMP/auth.after"
if cmp -s "$T_TMP/auth.before" "$T_TMP/auth.after"; then t_ok; else t_bad "not as before: $(diff "$T_TMP/auth.before" "$T_TMP/auth.after" | head -20)"; fi
if [ "$(sql "$AUTH_DATABASE_URL" 'SELECT count(*) FROM "AuthAuditLog"')" -gt 0 ]; then t_ok; else t_bad "AuthAuditLog empty"; fi
other=${WORK_ORDER_DATABASE_URL%/*}/$AUTH_DB
if sql "$other" 'SELECT 1' >/dev/null 2>&1; then t_bad "another service's role opens the restored database"; else t_ok; fi
no_scratch

test_case "not on a terminal, without --force: refused before anything"
su "$AUTH_DB" 'CREATE TABLE marker (x int)'
run -C "$W" "$MESDB" restore -s auth --from "$STAMP"
expect_code 1
expect_err "restore destroys data: refused without --force when not on a terminal"
expect_no_out
run -C "$W/services/auth" "$MESDB" restore --all --from "$STAMP"
expect_code 1
expect_err "refused without --force"
if [ "$(su "$AUTH_DB" "SELECT to_regclass('marker') IS NOT NULL")" = t ]; then t_ok; else t_bad "the database was touched"; fi

test_case "a damaged dump is found before anything is dropped"
f="$B/mes_auth_db_${SFX}_$STAMP.dump"
cp "$f" "$T_TMP/good.dump"
size=$(stat -c %s "$f")
printf 'XXXXXXXX' | dd of="$f" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
run -C "$W" "$MESDB" restore -s auth --from "$STAMP" --force
expect_code 1
expect_err "does not match the SHA-256 of its manifest entry"
expect_err "nothing was dropped"
cp "$T_TMP/good.dump" "$f"
truncate -s -100 "$f"
run -C "$W" "$MESDB" restore -s auth --from "$STAMP" --force
expect_code 1
expect_err "has $((size - 100)) bytes, its manifest entry $size"
mkdir -p "$T_TMP/loose"
cp "$T_TMP/good.dump" "$T_TMP/loose/flipped.dump"
printf 'XXXXXXXXXXXXXXXXXXXXXXXX' | dd of="$T_TMP/loose/flipped.dump" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
run -C "$W" "$MESDB" restore -s auth --from "$T_TMP/loose/flipped.dump" --force
expect_code 1
expect_out "no manifest entry: size and SHA-256 not checked"
expect_err "could not restore the dump"
expect_err "database \"$AUTH_DB\" is untouched"
head -c 2000 "$T_TMP/good.dump" >"$T_TMP/loose/cut.dump"
run -C "$W" "$MESDB" restore -s auth --from "$T_TMP/loose/cut.dump" --force
expect_code 1
expect_err "the dump is damaged or not a pg_dump archive"
cp "$T_TMP/good.dump" "$f"
if [ "$(su "$AUTH_DB" "SELECT to_regclass('marker') IS NOT NULL")" = t ]; then t_ok; else t_bad "the database was touched"; fi
no_scratch

test_case "another database's dump, an unknown stamp"
run -C "$W" "$MESDB" restore -s resource --from "$f" --force
expect_code 1
expect_err "is a backup of database \"$AUTH_DB\", not \"$RES_DB\""
run -C "$W" "$MESDB" restore -s resource --from 20000101_000000 --force
expect_code 1
expect_err "no backup of database \"$RES_DB\" with stamp 20000101_000000"

test_case "a migration head other than the manifest's: refused, database untouched"
cp "$B/manifest.json" "$T_TMP/manifest.good"
jq -c --arg db "$RES_DB" '.[] | if .database == $db then .migration_head = "99990101000000_other" else . end' \
	"$T_TMP/manifest.good" | { echo '['; sed '$!s/$/,/'; echo ']'; } >"$B/manifest.json"
su "$RES_DB" 'CREATE TABLE marker (x int)'
run -C "$W" "$MESDB" restore -s resource --from "$STAMP" --force
expect_code 1
expect_err "the restored migration head is 2"
expect_err "the manifest's 99990101000000_other"
cp "$T_TMP/manifest.good" "$B/manifest.json"
if [ "$(su "$RES_DB" "SELECT to_regclass('marker') IS NOT NULL")" = t ]; then t_ok; else t_bad "the database was touched"; fi
no_scratch

test_case "other connections are ended"
psql -X -q -d "${AUTH_DATABASE_URL%%\?*}" -c 'SELECT pg_sleep(120)' >/dev/null 2>&1 &
sleeper=$!
for _ in $(seq 50); do
	[ "$(su postgres "SELECT count(*) FROM pg_stat_activity WHERE datname = '$AUTH_DB' AND query LIKE '%pg_sleep%'")" = 1 ] && break
	sleep 0.1
done
run -C "$W" "$MESDB" restore -s auth --from "$STAMP" --force
expect_code 0
expect_out "1 other connection ended"
if wait "$sleeper"; then t_bad "the other session was not ended"; else t_ok; fi

test_case "a dropped database comes back, with mesdb setup's privileges"
su postgres "DROP DATABASE \"$AUTH_DB\" WITH (FORCE)"
run -C "$W" "$MESDB" restore -s auth --from "$STAMP" --force
expect_code 0
expect_out "Restored $AUTH_DB"
snapshot "$AUTH_DB" "$T_TMP/auth.after"
if cmp -s "$T_TMP/auth.before" "$T_TMP/auth.after"; then t_ok; else t_bad "not as before: $(diff "$T_TMP/auth.before" "$T_TMP/auth.after" | head -20)"; fi
no_scratch

test_case "a database that only has the scratch database's name is never dropped"
su postgres "CREATE DATABASE \"${AUTH_DB}__restore\""
run -C "$W" "$MESDB" restore -s auth --from "$STAMP" --force
expect_code 1
expect_err "database \"${AUTH_DB}__restore\" exists and is not a scratch database of mesdb restore"
if [ "$(su postgres "SELECT count(*) FROM pg_database WHERE datname = '${AUTH_DB}__restore'")" = 1 ]; then t_ok; else t_bad "it was dropped"; fi
su postgres "DROP DATABASE \"${AUTH_DB}__restore\""

test_case "restore --all: every dump verified first, nothing restored if one fails"
su "$RES_DB" 'DROP TABLE marker'
snapshot "$RES_DB" "$T_TMP/res.before"
su "$RES_DB" 'DELETE FROM "OperationParameter"'
mf="$B/mes_material_db_${SFX}_$STAMP.dump"
cp "$mf" "$T_TMP/mat.good"
printf 'XXXX' | dd of="$mf" bs=1 seek=3000 conv=notrunc 2>/dev/null
run -C "$W" "$MESDB" restore --all --from "$STAMP" --force
expect_code 1
expect_out "service material: the dump"
expect_err "nothing was restored"
expect_not_out "Restored"
if [ "$(su "$RES_DB" 'SELECT count(*) FROM "OperationParameter"')" = 0 ]; then t_ok; else t_bad "resource was restored"; fi
cp "$T_TMP/mat.good" "$mf"
run -C "$W" "$MESDB" restore --all --from "$STAMP" --force -j 4
expect_code 0
for s in auth work-order quality material traceability resource reporting integration; do
	if grep -qE "^$s +mes_[a-z_]+_$SFX +ok .*_init" "$T_OUT_FILE"; then t_ok; else t_bad "no table row for $s"; fi
done
snapshot "$RES_DB" "$T_TMP/res.after"
if cmp -s "$T_TMP/res.before" "$T_TMP/res.after"; then t_ok; else t_bad "resource not as before: $(diff "$T_TMP/res.before" "$T_TMP/res.after" | head)"; fi
no_scratch

# on a terminal (script(1) gives the command one): type the name, or DELETE ALL
if command -v script >/dev/null 2>&1; then
	tty_run() { # tty_run INPUT CMD...: run CMD on a pseudo terminal, INPUT typed after a moment
		local cmd input=$1
		shift
		printf -v cmd '%q ' "$@"
		(sleep 1; printf '%s\n' "$input") | (cd "$W" && script -qec "$cmd" /dev/null) >"$T_OUT_FILE" 2>"$T_ERR_FILE"
		T_CODE=$?
	}
	test_case "terminal: the database name must be typed"
	su "$AUTH_DB" 'CREATE TABLE marker (x int)'
	tty_run "yes" "$MESDB" restore -s auth --from "$STAMP"
	expect_code 1
	expect_out "Type $AUTH_DB to confirm"
	expect_out "not confirmed: nothing was changed"
	if [ "$(su "$AUTH_DB" "SELECT to_regclass('marker') IS NOT NULL")" = t ]; then t_ok; else t_bad "the database was touched"; fi
	tty_run "$AUTH_DB" "$MESDB" restore -s auth --from "$STAMP"
	expect_code 0
	expect_out "Restored $AUTH_DB"
	if [ "$(su "$AUTH_DB" "SELECT to_regclass('marker') IS NOT NULL")" = f ]; then t_ok; else t_bad "not restored"; fi

	test_case "terminal: restore --all needs DELETE ALL, even with --force"
	su "$AUTH_DB" 'CREATE TABLE marker (x int)'
	tty_run "$AUTH_DB" "$MESDB" restore --all --from "$STAMP" --force
	expect_code 1
	expect_out "Type DELETE ALL to confirm"
	if [ "$(su "$AUTH_DB" "SELECT to_regclass('marker') IS NOT NULL")" = t ]; then t_ok; else t_bad "the database was touched"; fi
	tty_run "DELETE ALL" "$MESDB" restore --all --from "$STAMP"
	expect_code 0
	if [ "$(su "$AUTH_DB" "SELECT to_regclass('marker') IS NOT NULL")" = f ]; then t_ok; else t_bad "not restored"; fi

	test_case "terminal: a long dump shows its progress"
	: >"$T_TMP/spawn.log"
	tty_run "" env MESDB_PG_BINDIR="$T_TMP/bin" MESDB_TEST_SLOW=2 "$MESDB" backup -s auth --dir "$T_TMP/b4"
	expect_code 0
	expect_out "dumping $AUTH_DB: "
fi

finish
