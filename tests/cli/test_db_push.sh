#!/bin/bash
# test_db_push.sh - mesdb db push, migrate diff, db execute as whole commands against the test cluster
. "$(dirname "$0")/lib.sh"
: "${MESDB_TEST_PG_URL:?run through ctest (the pg fixture sets MESDB_TEST_PG_URL)}"
G="$(cd "$(dirname "$0")/../golden" && pwd)"
BASE=${MESDB_TEST_PG_URL%/*}
DB=mesdb_cli_push_$$
DB2=mesdb_cli_push2_$$
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" \
	-c "DROP DATABASE IF EXISTS $DB2" -c "CREATE DATABASE $DB2" >/dev/null || exit 1
trap 'psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "DROP DATABASE IF EXISTS $DB2 WITH (FORCE)" >/dev/null; rm -rf "$T_TMP"' EXIT
URL=$BASE/$DB
URL2=$BASE/$DB2
q() { psql -X -qAt -d "$DB" -c "$1"; }

# a schema whose url comes from the environment
mkdir -p "$T_TMP/proj/prisma"
cp "$G/diff/002_drop_table/a.prisma" "$T_TMP/proj/prisma/schema.prisma"
export DATABASE_URL=$URL

test_case "first push creates the tables"
run -C "$T_TMP/proj" "$MESDB" db push
expect_code 0
expect_out "Prisma schema loaded from prisma/schema.prisma"
expect_out "Datasource \"db\": PostgreSQL database \"$DB\", schema \"public\" at \"127.0.0.1:"
expect_out "🚀  Your database is now in sync with your Prisma schema. Done in "
[ "$(q "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" = 2 ] && t_ok || t_bad "2 tables"

test_case "second push is a no-op"
run -C "$T_TMP/proj" "$MESDB" db push
expect_code 0
expect_out "The database is already in sync with the Prisma schema."

test_case "data loss: refused without --accept-data-loss, nothing applied"
q 'INSERT INTO "Post"(title) VALUES ($$a$$), ($$b$$)'
cp "$G/diff/002_drop_table/b.prisma" "$T_TMP/proj/prisma/schema.prisma"
run -C "$T_TMP/proj" "$MESDB" db push
expect_code 1
expect_out "⚠️  There might be data loss when applying the changes:"
expect_out '  • You are about to drop the `Post` table, which is not empty (2 rows).'
expect_err "mesdb: error: the changes would lose data: nothing was applied"
expect_err "hint: Use the --accept-data-loss flag"
[ "$(q 'SELECT count(*) FROM "Post"')" = 2 ] && t_ok || t_bad "Post kept"

test_case "data loss accepted"
run -C "$T_TMP/proj" "$MESDB" db push --accept-data-loss
expect_code 0
expect_out "You are about to drop the \`Post\` table"
expect_out "Your database is now in sync with your Prisma schema."
[ "$(q "SELECT to_regclass('\"Post\"') IS NULL")" = t ] && t_ok || t_bad "Post dropped"

test_case "unexecutable: exit 1, --force-reset hint, then --force-reset"
cp "$G/diff/005_add_required_column/a.prisma" "$T_TMP/a.prisma"
cp "$G/diff/005_add_required_column/b.prisma" "$T_TMP/b.prisma"
run "$MESDB" db push --schema "$T_TMP/a.prisma" --force-reset
expect_code 0
expect_out "was successfully reset."
q 'INSERT INTO "User" VALUES (1)'
run "$MESDB" db push --schema "$T_TMP/b.prisma" --accept-data-loss
expect_code 1
expect_err "⚠️ We found changes that cannot be executed:"
expect_err 'Added the required column `email` to the `User` table without a default value. There are 1 rows in this table'
expect_err "hint: You may use the --force-reset flag"
run "$MESDB" db push --schema "$T_TMP/b.prisma" --force-reset
expect_code 0
expect_out "The PostgreSQL database \"$DB\" schema \"public\" at \"127.0.0.1:"
[ "$(q 'SELECT count(*) FROM "User"')" = 0 ] && t_ok || t_bad "reset emptied User"

test_case "a failing statement leaves nothing (one transaction)"
cat > "$T_TMP/u.prisma" <<'P'
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model User {
  id    Int    @id
  email String @unique
}

model Extra {
  id Int @id
}
P
q 'ALTER TABLE "User" ALTER COLUMN email DROP NOT NULL; INSERT INTO "User" VALUES (1, $$x$$), (2, $$x$$)'
cp "$G/diff/005_add_required_column/b.prisma" "$T_TMP/b.prisma"
run "$MESDB" db push --schema "$T_TMP/u.prisma" --accept-data-loss
expect_code 1
expect_err "could not apply the changes"
expect_err "(SQLSTATE 23505)"
[ "$(q "SELECT to_regclass('\"Extra\"') IS NULL")" = t ] && t_ok || t_bad "Extra not created"

test_case "MESDB_ENV=production refuses"
MESDB_ENV=production run "$MESDB" db push --schema "$T_TMP/u.prisma"
expect_code 1
expect_err "refused with MESDB_ENV=production"

test_case "usage errors"
run "$MESDB" db push --bogus
expect_code 129
expect_err "usage: mesdb db push"
run "$MESDB" db push extra
expect_code 129

test_case "connection refused: exit 2, no password"
run "$MESDB" db push --schema "$T_TMP/u.prisma" --url "postgresql://bob:s3cretpw@127.0.0.1:1/nodb"
expect_code 2
expect_err 'could not connect to database "nodb" at 127.0.0.1:1'
if grep -q s3cretpw "$T_OUT_FILE" "$T_ERR_FILE"; then t_bad "password shown"; else t_ok; fi
run "$MESDB" db execute --stdin --url "postgresql://bob:s3cretpw@127.0.0.1:1/nodb"
expect_code 2
if grep -q s3cretpw "$T_OUT_FILE" "$T_ERR_FILE"; then t_bad "password shown"; else t_ok; fi
run "$MESDB" migrate diff --from-url "postgresql://bob:s3cretpw@127.0.0.1:1/nodb" --to-empty
expect_code 2
if grep -q s3cretpw "$T_OUT_FILE" "$T_ERR_FILE"; then t_bad "password shown"; else t_ok; fi
run "$MESDB" migrate diff --from-url "postgresql://bob:s3cretpw@127.0.0.1:1/nodb" --to-empty --exit-code
expect_code 1

# ---- migrate diff ----
A=$G/diff/001_add_table/a.prisma
B=$G/diff/001_add_table/b.prisma

test_case "migrate diff: datamodel to datamodel, summary and script"
run "$MESDB" migrate diff --from-schema-datamodel "$A" --to-schema-datamodel "$B"
expect_code 0
printf '\n[+] Added tables\n  - Post\n\n' > "$T_TMP/want"
expect_out_file "$T_TMP/want"
run "$MESDB" migrate diff --from-schema-datamodel "$A" --to-schema-datamodel "$B" --script
expect_code 0
expect_out_file "$G/diff/001_add_table/expected.sql"

test_case "migrate diff: --exit-code"
run "$MESDB" migrate diff --from-schema-datamodel "$A" --to-schema-datamodel "$B" --exit-code
expect_code 2
run "$MESDB" migrate diff --from-schema-datamodel "$A" --to-schema-datamodel "$A" --exit-code
expect_code 0
expect_out "No difference detected."
run "$MESDB" migrate diff --from-empty --to-empty --exit-code
expect_code 0
run "$MESDB" migrate diff --from-schema-datamodel /nonexistent.prisma --to-empty --exit-code
expect_code 1

test_case "migrate diff: empty <-> datamodel"
run "$MESDB" migrate diff --from-empty --to-schema-datamodel "$G/ddl/001_minimal.prisma" --script
expect_code 0
expect_out_file "$G/ddl/001_minimal.sql"
run "$MESDB" migrate diff --from-schema-datamodel "$B" --to-empty --script
expect_code 0
expect_out 'DROP TABLE "Post";'

test_case "migrate diff: url <-> datamodel, url <-> url, datasource"
run "$MESDB" db push --schema "$B" --url "$URL2" --force-reset
expect_code 0
run "$MESDB" migrate diff --from-url "$URL2" --to-schema-datamodel "$B" --exit-code
expect_code 0
run "$MESDB" migrate diff --from-url "$URL2" --to-schema-datamodel "$A" --script --exit-code
expect_code 2
expect_out 'DROP TABLE "Post";'
run "$MESDB" migrate diff --from-schema-datamodel "$A" --to-url "$URL2"
expect_code 0
expect_out "[+] Added tables"
run "$MESDB" migrate diff --from-url "$URL2" --to-url "$URL2" --exit-code
expect_code 0
run "$MESDB" migrate diff --from-url "$URL" --to-url "$URL2" --exit-code
expect_code 2
DATABASE_URL=$URL2 run "$MESDB" migrate diff --from-schema-datasource "$B" --to-schema-datamodel "$B" --exit-code
expect_code 0
run "$MESDB" migrate diff --from-empty --to-url "$URL2" -o "$T_TMP/o.sql" --script
expect_code 0
expect_no_out
grep -q 'CREATE TABLE "Post"' "$T_TMP/o.sql" && t_ok || t_bad "-o wrote the script"

test_case "migrate diff: migrations folder, replayed and rolled back"
mkdir -p "$T_TMP/mig/migrations/20240101000000_init" "$T_TMP/mig/migrations/20240102000000_post"
"$MESDB" migrate diff --from-empty --to-schema-datamodel "$A" --script > "$T_TMP/mig/migrations/20240101000000_init/migration.sql"
"$MESDB" migrate diff --from-schema-datamodel "$A" --to-schema-datamodel "$B" --script > "$T_TMP/mig/migrations/20240102000000_post/migration.sql"
run "$MESDB" migrate diff --from-migrations "$T_TMP/mig/migrations" --to-schema-datamodel "$B" --shadow-database-url "$URL2" --exit-code
expect_code 0
run "$MESDB" migrate diff --from-migrations "$T_TMP/mig/migrations" --to-schema-datamodel "$A" --shadow-database-url "$URL2" --exit-code --script
expect_code 2
expect_out 'DROP TABLE "Post";'
DATABASE_URL=$URL2 run "$MESDB" migrate diff --from-migrations "$T_TMP/mig/migrations" --to-schema-datamodel "$B" --exit-code
expect_code 0
run "$MESDB" migrate diff --from-schema-datamodel "$A" --to-migrations "$T_TMP/mig/migrations" --shadow-database-url "$URL2" --exit-code
expect_code 2
run "$MESDB" migrate diff --from-migrations "$T_TMP/mig/migrations" --to-url "$URL2" --exit-code
expect_code 0
run "$MESDB" migrate diff --from-migrations "$T_TMP/mig/migrations" --to-empty
expect_code 129
expect_err "--shadow-database-url"
# the shadow database is unchanged
[ "$(psql -X -qAt -d "$DB2" -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" = 2 ] && t_ok || t_bad "shadow unchanged"

test_case "migrate diff: usage"
run "$MESDB" migrate diff --from-empty
expect_code 129
expect_err "a --to-... option must be given"
run "$MESDB" migrate diff --from-empty --from-empty --to-empty
expect_code 129

# ---- db execute ----
test_case "db execute: success, failure with position, rollback"
printf 'CREATE TABLE ex1 (x int);\nINSERT INTO ex1 VALUES (1);\n' > "$T_TMP/ok.sql"
run "$MESDB" db execute --file "$T_TMP/ok.sql" --url "$URL"
expect_code 0
expect_out "Script executed successfully."
printf 'CREATE TABLE ex2 (x int);\nINSERT INTO ex1 VALUES (2);\nSELECT * FROM nope;\n' > "$T_TMP/bad.sql"
run "$MESDB" db execute --file "$T_TMP/bad.sql" --url "$URL"
expect_code 1
expect_err 'relation "nope" does not exist (SQLSTATE 42P01)'
expect_err "line 3, column 15: SELECT * FROM nope;"
[ "$(q "SELECT to_regclass('ex2') IS NULL")" = t ] && t_ok || t_bad "ex2 rolled back"
[ "$(q "SELECT count(*) FROM ex1")" = 1 ] && t_ok || t_bad "ex1 unchanged"
printf 'INSERT INTO ex1 VALUES (3);\n' > "$T_TMP/in.sql"
(cd "$T_TMP" && "$MESDB" db execute --stdin --schema u.prisma < in.sql) > "$T_OUT_FILE" 2> "$T_ERR_FILE"; T_CODE=$?
expect_code 0
[ "$(q "SELECT count(*) FROM ex1")" = 2 ] && t_ok || t_bad "stdin script ran"
run "$MESDB" db execute --file "$T_TMP/nofile.sql" --url "$URL"
expect_code 1
expect_err "could not read the script"
run "$MESDB" db execute --url "$URL"
expect_code 129
run "$MESDB" db execute --file "$T_TMP/ok.sql"
expect_code 129
run "$MESDB" db execute --file "$T_TMP/ok.sql" --url "$URL" --schema x
expect_code 129

finish
