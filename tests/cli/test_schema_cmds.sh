#!/usr/bin/env bash
# test_schema_cmds.sh - mesdb validate / format as a user runs them: exit codes and output
. "$(dirname "$0")/lib.sh"
G="$MESDB_SOURCE_DIR/tests/golden/psl"
W="$T_TMP/w"
mkdir -p "$W/prisma"

cat >"$W/prisma/schema.prisma" <<'S'
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model Machine {
  id   Int    @id @default(autoincrement())
  name String @unique
}
S

test_case "validate: default schema location"
run -C "$W" "$MESDB" validate
expect_code 0
expect_out "The schema at prisma/schema.prisma is valid"
expect_no_err

test_case "validate: --schema path"
run "$MESDB" validate --schema "$W/prisma/schema.prisma"
expect_code 0
expect_out "is valid"

test_case "validate: unset env var is not an error"
run env -u DATABASE_URL "$MESDB" validate --schema "$W/prisma/schema.prisma"
expect_code 0

cat >"$W/bad.prisma" <<'S'
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model Machine {
  id   Int    @id
  kind Strin
  line Lin
}
S
test_case "validate: invalid schema lists every error with file:line, exit 1"
run "$MESDB" validate --schema "$W/bad.prisma"
expect_code 1
expect_err 'error: Type "Strin" is neither a built-in type, nor refers to another model, composite type, or enum.'
expect_err 'error: Type "Lin" is neither a built-in type'
expect_err "-->  $W/bad.prisma:8"
expect_err " 8 |   kind Strin"
expect_err "Validation Error Count: 2"
expect_err "mesdb: error: P1012:"
expect_no_out

test_case "validate: missing schema"
run -C "$T_TMP" "$MESDB" validate
expect_code 1
expect_err "mesdb: error: could not find a schema in the current folder"
expect_err "hint:"

test_case "validate: schema path that does not exist"
run "$MESDB" validate --schema "$T_TMP/nope.prisma"
expect_code 1
expect_err "could not find the schema"

test_case "validate: usage errors exit 129"
run "$MESDB" validate --bogus
expect_code 129
expect_err "unknown option"
expect_err "usage: mesdb validate"
run "$MESDB" validate --schema
expect_code 129
run "$MESDB" validate extra
expect_code 129

test_case "-h on every command"
for c in validate format "db push" "db execute" "db pull" "migrate diff" "migrate dev" \
	"migrate deploy" "migrate status" "migrate resolve" "migrate reset" "migrate rollback" \
	"migrate baseline"; do
	run "$MESDB" $c -h
	expect_code 0
	expect_out "usage: mesdb $c"
	run "$MESDB" $c --no-such-option
	expect_code 129
	expect_err 'unknown option "--no-such-option"'
	expect_err "usage: mesdb $c"
done
run "$MESDB" --help
expect_code 0
expect_out "validate"
run "$MESDB" nosuchcommand
expect_code 129
expect_err 'unknown command "nosuchcommand"'
run "$MESDB"
expect_code 129
run "$MESDB" --version
expect_code 0
expect_out "mesdb "

test_case "format: --check on a formatted schema"
run "$MESDB" format --schema "$W/prisma/schema.prisma" --check
expect_code 0
expect_out "All files are formatted correctly!"

cat >"$W/ugly.prisma" <<'S'
datasource db {
 provider = "postgresql"
    url = env("DATABASE_URL")
}
model Machine {
 id Int @id @default(autoincrement())
    name String @unique
}
S
cp "$W/ugly.prisma" "$W/ugly.orig"
test_case "format: --check on an unformatted schema fails and changes nothing"
run "$MESDB" format --schema "$W/ugly.prisma" --check
expect_code 1
expect_err "There are unformatted files"
if cmp -s "$W/ugly.prisma" "$W/ugly.orig"; then t_ok; else t_bad "file changed by --check"; fi

test_case "format: --print prints, file unchanged"
run "$MESDB" format --schema "$W/ugly.prisma" --print
expect_code 0
expect_out "  url      = env(\"DATABASE_URL\")"
if cmp -s "$W/ugly.prisma" "$W/ugly.orig"; then t_ok; else t_bad "file changed by --print"; fi

test_case "format: rewrites the file; then --check passes"
run "$MESDB" format --schema "$W/ugly.prisma"
expect_code 0
expect_out "Formatted $W/ugly.prisma"
run "$MESDB" format --schema "$W/ugly.prisma" --check
expect_code 0

test_case "format: invalid schema is refused, file unchanged"
cp "$W/bad.prisma" "$W/bad.orig"
run "$MESDB" format --schema "$W/bad.prisma"
expect_code 1
expect_err "Validation Error Count"
if cmp -s "$W/bad.prisma" "$W/bad.orig"; then t_ok; else t_bad "invalid file was rewritten"; fi

test_case "format: legacy field syntax (name: T, T!, [T]) is rewritten as prisma format does"
for n in 628_fmt_legacy_list_and_colon 629_fmt_legacy_spacing_comments 630_fmt_legacy_combined \
	632_fmt_legacy_relation_fields 633_fmt_legacy_docs_comments; do
	cp "$G/$n.prisma" "$T_TMP/legacy.prisma"
	run "$MESDB" validate --schema "$T_TMP/legacy.prisma"
	expect_code 1
	run "$MESDB" format --schema "$T_TMP/legacy.prisma" --check
	expect_code 1
	run "$MESDB" format --schema "$T_TMP/legacy.prisma" --print
	expect_code 0
	expect_out_file "$G/$n.formatted"
	run "$MESDB" format --schema "$T_TMP/legacy.prisma"
	expect_code 0
	if cmp -s "$T_TMP/legacy.prisma" "$G/$n.formatted"; then t_ok; else t_bad "$n: file not rewritten"; fi
	run "$MESDB" validate --schema "$T_TMP/legacy.prisma"
	expect_code 0
done

test_case "format: legacy syntax fixed, then the formatted schema is validated (T[]? stays an error)"
cp "$G/631_err_legacy_optional_list.prisma" "$T_TMP/optlist.prisma"
cp "$T_TMP/optlist.prisma" "$T_TMP/optlist.orig"
run "$MESDB" format --schema "$T_TMP/optlist.prisma"
expect_code 1
expect_err "Optional lists are not supported"
expect_err "Validation Error Count: 1"
if cmp -s "$T_TMP/optlist.prisma" "$T_TMP/optlist.orig"; then t_ok; else t_bad "invalid file was rewritten"; fi

test_case "format: with legacy syntax, relations are not repaired (as in Prisma)"
cp "$G/634_err_legacy_no_relation_repair.prisma" "$T_TMP/norepair.prisma"
cp "$T_TMP/norepair.prisma" "$T_TMP/norepair.orig"
run "$MESDB" format --schema "$T_TMP/norepair.prisma"
expect_code 1
expect_err "is missing an opposite relation field on the model \`User\`"
expect_err "norepair.prisma:13"
expect_err "Validation Error Count: 1"
if cmp -s "$T_TMP/norepair.prisma" "$T_TMP/norepair.orig"; then t_ok; else t_bad "invalid file was rewritten"; fi

test_case "format: legacy syntax next to a real syntax error is refused, file unchanged"
cat >"$T_TMP/mixed.prisma" <<'S'
model B {
  id: Int @id
  oops = 3
}
S
cp "$T_TMP/mixed.prisma" "$T_TMP/mixed.orig"
run "$MESDB" format --schema "$T_TMP/mixed.prisma"
expect_code 1
expect_err "This line is not a valid field or attribute definition."
if cmp -s "$T_TMP/mixed.prisma" "$T_TMP/mixed.orig"; then t_ok; else t_bad "file with a syntax error was rewritten"; fi

test_case "format: the golden formatted files are fixed points"
for f in "$G"/0*.formatted; do
	[ -e "$f" ] || continue
	cp "$f" "$T_TMP/fp.prisma"
	run "$MESDB" format --schema "$T_TMP/fp.prisma" --check
	expect_code 0
	break
done

test_case "multi-file schema folder"
mkdir -p "$W/multi"
cat >"$W/multi/a.prisma" <<'S'
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
S
cat >"$W/multi/b.prisma" <<'S'
model Lot {
  id Int @id
}
S
run "$MESDB" validate --schema "$W/multi"
expect_code 0
expect_out "is valid"

test_case "validate: a big generated schema (arenas of huge pages, line table built late)"
GEN="${MESDB_BUILD_DIR:-}/bench/gen_schema"
if [ -x "$GEN" ]; then
	"$GEN" --models 400 --enums 300 --fields 8000 --relations 700 -o "$W/big.prisma" >/dev/null
	run "$MESDB" validate --schema "$W/big.prisma"
	expect_code 0
	expect_out "is valid"
	# an error at the very end: the line number comes from the line table
	printf '\nmodel Broken {\n  id Int @id\n  x  Nope\n}\n' >>"$W/big.prisma"
	line=$(($(wc -l <"$W/big.prisma") - 1))
	run "$MESDB" validate --schema "$W/big.prisma"
	expect_code 1
	expect_err "Type \"Nope\" is neither a built-in type"
	expect_err "  -->  $W/big.prisma:$line"
	expect_err "$line |   x  Nope"
fi

test_case "stdout write error is an error"
if [ -w /dev/full ]; then
	run "$MESDB" validate --schema "$W/prisma/schema.prisma"
	"$MESDB" validate --schema "$W/prisma/schema.prisma" >/dev/full 2>"$T_TMP/err2"
	T_CODE=$?
	expect_code 1
fi

test_case "libpq is loaded on first use, not at start-up"
if command -v readelf >/dev/null 2>&1; then
	run readelf -d "$MESDB"
	expect_code 0
	if grep -q 'NEEDED.*libpq' "$T_OUT_FILE"; then
		t_bad "the executable lists libpq as needed: a libpq function is missing from cli/pq_lazy.c"
	else
		t_ok
	fi
fi

test_case "libcrypto is loaded on first use, not at start-up"
if command -v readelf >/dev/null 2>&1; then
	run readelf -d "$MESDB"
	expect_code 0
	if grep -q 'NEEDED.*libcrypto' "$T_OUT_FILE"; then
		t_bad "the executable lists libcrypto as needed: a function is missing from cli/crypto_lazy.c"
	else
		t_ok
	fi
fi

finish
