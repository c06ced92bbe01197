#!/usr/bin/env bash
# test_db_workspace.sh - the workspace's services: -s/--all, .env from .env.example, setup, db seed, migrate --all
. "$(dirname "$0")/lib.sh"
: "${MESDB_TEST_PG_URL:?run through ctest (the pg fixture sets MESDB_TEST_PG_URL)}"

SRC=$(cd "$(dirname "$0")/../.." && pwd)
HOSTPORT=${MESDB_TEST_PG_URL#postgresql://*@}
HOSTPORT=${HOSTPORT%%/*}
SFX="t$$"
W="$T_TMP/ws"
mkdir -p "$W"
cp -r "$SRC/services" "$W/"
rm -f "$W"/services/*/.env

# Every service's URL variable, pointing at the test cluster with names of this run only.
URLVARS=()
for ex in "$W"/services/*/.env.example; do
	line=$(grep -m1 '_DATABASE_URL=' "$ex")
	var=${line%%=*}
	url=${line#*=}
	url=${url//\"/}
	userinfo=${url#postgresql://}
	userinfo=${userinfo%%@*}
	user=${userinfo%%:*}
	pass=${userinfo#*:}
	db=${url##*/}
	db=${db%%\?*}
	export "$var=postgresql://${user}_$SFX:$pass@$HOSTPORT/${db}_$SFX?schema=public"
	URLVARS+=("$var")
done
cleanup() {
	for v in "${URLVARS[@]}"; do
		u=${!v}
		d=${u##*/}; d=${d%%\?*}
		r=${u#postgresql://}; r=${r%%:*}
		psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$d\" WITH (FORCE)" \
			-c "DROP ROLE IF EXISTS \"$r\"" >/dev/null 2>&1
	done
	rm -rf "$T_TMP"
}
trap cleanup EXIT
sql() { psql -X -qtA -d "${1%%\?*}" -c "$2"; }
AUTH=${AUTH_DATABASE_URL%%\?*}
WO=${WORK_ORDER_DATABASE_URL%%\?*}
RES=${RESOURCE_DATABASE_URL%%\?*}

test_case "usage"
run "$MESDB" setup -h
expect_code 0
expect_out "usage: mesdb setup"
run "$MESDB" db seed -h
expect_code 0
expect_out "--all"
run -C "$W" "$MESDB" db seed -s auth --schema x.prisma
expect_code 129
expect_err "pass either --schema or -s/--all, not both"
run -C "$W" "$MESDB" migrate status --all -j 0
expect_code 129

test_case "unknown service, no workspace"
run -C "$W" "$MESDB" migrate status -s nope
expect_code 1
expect_err 'no service "nope"'
run -C / "$MESDB" db seed --all
expect_code 1
expect_err "no services/ folder"

test_case ".env is created from .env.example, never overwritten"
echo '# mine' >"$W/services/auth/.env"
run -C "$W" "$MESDB" setup --all
expect_code 0
if [ "$(cat "$W/services/auth/.env")" = "# mine" ]; then t_ok; else t_bad ".env overwritten"; fi
if cmp -s "$W/services/quality/.env" "$W/services/quality/.env.example"; then t_ok; else t_bad "no .env"; fi
expect_err "Created $W/services/quality/.env from .env.example"

test_case "setup --all: summary table, one line per service"
expect_out "service        database"
for s in auth work-order quality material traceability resource reporting integration; do
	if grep -qE "^$s +mes_[a-z_]+_$SFX +ok " "$T_OUT_FILE"; then t_ok; else t_bad "no table row for $s"; fi
done
expect_not_out() { if grep -qF -- "$1" "$T_OUT_FILE" "$T_ERR_FILE"; then t_bad "output has: $1"; else t_ok; fi; }
expect_not_out "password_dev"

test_case "setup twice is fine"
run -C "$W" "$MESDB" setup --all -j 3
expect_code 0
expect_out "exists"

test_case "each role reaches its own database and is refused by another's"
if [ "$(sql "$AUTH" 'SELECT current_user')" = "mes_auth_user_$SFX" ]; then t_ok; else t_bad "auth role cannot connect"; fi
if [ "$(sql "$AUTH" "SELECT pg_catalog.pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()")" = "mes_auth_user_$SFX" ]; then t_ok; else t_bad "owner"; fi
other=${WO%/*}/mes_auth_db_$SFX
if sql "$other" 'SELECT 1' >/dev/null 2>"$T_TMP/e"; then t_bad "work-order role opened auth's database"; else
	if grep -q "CONNECT privilege" "$T_TMP/e"; then t_ok; else t_bad "refused for another reason: $(cat "$T_TMP/e")"; fi
fi

test_case "migrate deploy --all, status --all, status from inside a service folder"
run -C "$W" "$MESDB" migrate deploy --all
expect_code 0
expect_out "== auth =="
run -C "$W" "$MESDB" migrate status --all -j 2
expect_code 0
expect_out "Database schema is up to date!"
run -C "$W/services/quality/prisma/migrations" "$MESDB" migrate status
expect_code 0
expect_out "mes_quality_db_$SFX"

test_case "db push --all after deploy: nothing to do"
run -C "$W" "$MESDB" db push --all
expect_code 0
expect_out "The database is already in sync with the Prisma schema."
run -C "$W" "$MESDB" db push --all --url postgresql://x@h/d
expect_code 129

test_case "db seed twice: same counts"
run -C "$W" "$MESDB" db seed -s resource
expect_code 0
expect_out "Seeded mes_resource_db_$SFX"
c1=$(sql "$RES" 'SELECT (SELECT count(*) FROM "Equipment") + (SELECT count(*) FROM "Part")')
run -C "$W/services/resource" "$MESDB" db seed
expect_code 0
c2=$(sql "$RES" 'SELECT (SELECT count(*) FROM "Equipment") + (SELECT count(*) FROM "Part")')
if [ "$c1" = "$c2" ] && [ "$c1" -gt 0 ]; then t_ok; else t_bad "counts $c1 then $c2"; fi

test_case "a broken seed names service, line and SQLSTATE and keeps nothing"
sql "$RES" 'CREATE TABLE seedprobe (x int)' >/dev/null
s="$W/services/resource/prisma/seed.sql"
printf 'INSERT INTO seedprobe VALUES (1);\nSELECT 1;\nSELECT 1/0;\n' >"$s"
run -C "$W" "$MESDB" db seed -s resource
expect_code 1
expect_err "service resource: the seed failed at line 3"
expect_err "SQLSTATE 22012"
expect_err "seed.sql:3"
if [ "$(sql "$RES" 'SELECT count(*) FROM seedprobe')" = 0 ]; then t_ok; else t_bad "the seed's first statement was kept"; fi

test_case "--all with one failing service: non-zero exit, table says which"
run -C "$W" "$MESDB" db seed --all -j 4 -s auth
expect_code 1
if grep -qE "^resource +mes_resource_db_$SFX +FAILED" "$T_OUT_FILE"; then t_ok; else t_bad "no FAILED row"; fi
expect_err "1 of 8 services failed"

finish
