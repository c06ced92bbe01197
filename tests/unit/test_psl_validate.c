/* test_psl_validate.c - unit tests of psl_validate(): names, types, attributes, defaults, checks */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "base/strmap.h"
#include "psl/ast.h"
#include "psl/db.h"

#define DS "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n"

struct fixture {
	struct psl_schema s;
	struct psl_db db;
};

static struct fixture *validate(const char *text)
{
	static struct fixture f;
	psl_schema_init(&f.s);
	psl_db_init(&f.db);
	psl_parse(&f.s, psl_schema_add_source(&f.s, "schema.prisma", text, strlen(text)));
	psl_validate(&f.s, &f.db);
	return &f;
}

static void done(struct fixture *f)
{
	psl_db_release(&f->db);
	psl_schema_release(&f->s);
}

/* The i-th error message. */
static const char *error_at(struct fixture *f, uint32_t i)
{
	for (uint32_t k = 0; k < f->s.ndiags; k++) {
		if (f->s.diags[k].severity != PSL_ERROR)
			continue;
		if (i-- == 0)
			return f->s.diags[k].message;
	}
	return "";
}

static void assert_valid(struct fixture *f)
{
	if (f->s.nerrors)
		print_error("unexpected error: %s\n", error_at(f, 0));
	assert_int_equal(f->s.nerrors, 0);
}

/* ---- strmap ---- */

static void test_strmap(void **state)
{
	(void)state;
	struct strmap m = STRMAP_INIT;
	char keys[2000][8];
	for (uint32_t i = 0; i < 2000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%u", i);
		assert_int_equal(strmap_put(&m, i % 3, keys[i], i), STRMAP_MISSING);
	}
	for (uint32_t i = 0; i < 2000; i++) {
		assert_int_equal(strmap_get(&m, i % 3, keys[i]), i);
		assert_int_equal(strmap_get(&m, (i + 1) % 3, keys[i]), STRMAP_MISSING);
	}
	assert_int_equal(strmap_put(&m, 0, keys[0], 7), 0);
	strmap_set(&m, 0, keys[0], 7);
	assert_int_equal(strmap_get(&m, 0, keys[0]), 7);
	assert_int_equal(strmap_getn(&m, 1, "k1xyz", 2), 1);
	strmap_release(&m);
	assert_int_equal(strmap_get(&m, 0, "k0"), STRMAP_MISSING);
}

/* ---- a valid schema fills the db ---- */

static void test_valid_schema_db(void **state)
{
	(void)state;
	struct fixture *f = validate(DS
		"enum Status {\n  OPEN\n  DONE @map(\"done\")\n  @@map(\"status\")\n}\n"
		"model Order {\n"
		"  id      Int      @id @default(autoincrement())\n"
		"  code    String   @unique(map: \"order_code_uq\") @db.VarChar(32)\n"
		"  status  Status   @default(OPEN)\n"
		"  amount  Decimal  @db.Decimal(10, 2)\n"
		"  tags    String[] @default([\"a\", \"b\"])\n"
		"  at      DateTime @default(now()) @map(\"created_at\")\n"
		"  upd     DateTime @updatedAt\n"
		"  uid     String   @default(uuid(7))\n"
		"  note    String?  @default(dbgenerated(\"'x'\"))\n"
		"  @@index([status, at(sort: Desc)], type: BTree)\n"
		"  @@map(\"orders\")\n"
		"}\n");
	struct psl_db *db = &f->db;

	assert_valid(f);
	assert_int_equal(db->nmodels, 1);
	assert_string_equal(db->models[0].db_name, "orders");
	assert_int_equal(db->nenums, 1);
	assert_string_equal(db->enums[0].db_name, "status");
	assert_string_equal(db->enum_values[1].db_name, "done");

	uint32_t id = psl_db_find_field(db, 0, "id");
	assert_int_equal(db->fields[id].dflt.kind, PSL_DEFAULT_AUTOINCREMENT);
	uint32_t code = psl_db_find_field(db, 0, "code");
	assert_string_equal(db->fields[code].native.name, "VarChar");
	assert_int_equal(db->fields[code].native.nargs, 1);
	assert_int_equal(db->fields[code].native.args[0], 32);
	uint32_t status = psl_db_find_field(db, 0, "status");
	assert_int_equal(db->fields[status].scalar, PSL_SCALAR_ENUM);
	assert_int_equal(db->fields[status].dflt.kind, PSL_DEFAULT_ENUM);
	assert_int_equal(db->fields[status].dflt.enum_value_id, 0);
	uint32_t amount = psl_db_find_field(db, 0, "amount");
	assert_int_equal(db->fields[amount].native.args[1], 2);
	uint32_t tags = psl_db_find_field(db, 0, "tags");
	assert_true(db->fields[tags].list);
	assert_int_equal(db->fields[tags].dflt.kind, PSL_DEFAULT_LIST);
	assert_int_equal(db->fields[tags].dflt.nitems, 2);
	uint32_t at = psl_db_find_field(db, 0, "at");
	assert_string_equal(db->fields[at].db_name, "created_at");
	assert_int_equal(db->fields[at].dflt.kind, PSL_DEFAULT_NOW);
	assert_true(db->fields[psl_db_find_field(db, 0, "upd")].updated_at);
	uint32_t uid = psl_db_find_field(db, 0, "uid");
	assert_int_equal(db->fields[uid].dflt.kind, PSL_DEFAULT_UUID);
	assert_int_equal(db->fields[uid].dflt.fn_arg, 7);
	uint32_t note = psl_db_find_field(db, 0, "note");
	assert_true(db->fields[note].optional);
	assert_int_equal(db->fields[note].dflt.kind, PSL_DEFAULT_DBGENERATED);
	assert_string_equal(db->fields[note].dflt.value, "'x'");

	/* primary key first, then @unique, then @@index */
	const struct psl_db_model *m = &db->models[0];
	assert_int_equal(m->nindexes, 3);
	assert_int_equal(m->primary_key, m->first_index);
	assert_int_equal(db->indexes[m->first_index].kind, PSL_INDEX_ID);
	assert_true(db->indexes[m->first_index].field_level);
	assert_int_equal(db->indexes[m->first_index + 1].kind, PSL_INDEX_UNIQUE);
	assert_string_equal(db->indexes[m->first_index + 1].map, "order_code_uq");
	const struct psl_db_index *ix = &db->indexes[m->first_index + 2];
	assert_int_equal(ix->kind, PSL_INDEX_NORMAL);
	assert_int_equal(ix->algo, PSL_ALGO_BTREE);
	assert_int_equal(ix->nfields, 2);
	assert_int_equal(ix->fields[1].field_id, at);
	assert_int_equal(ix->fields[1].sort, -1);

	assert_true(db->has_datasource);
	assert_string_equal(db->datasource.provider, "postgresql");
	assert_string_equal(db->datasource.url_env, "DATABASE_URL");
	done(f);
}

static void test_relation_fields_collected(void **state)
{
	(void)state;
	struct fixture *f = validate(DS
		"model User {\n  id Int @id\n  posts Post[]\n}\n"
		"model Post {\n  id Int @id\n  authorId Int\n"
		"  author User @relation(fields: [authorId], references: [id])\n}\n");
	assert_valid(f);
	assert_int_equal(f->db.nrelation_fields, 2);
	assert_true(f->db.relation_fields[0].list);
	assert_int_equal(f->db.relation_fields[1].target_model_id, 0);
	assert_int_equal(f->db.models[1].nfields, 2);
	done(f);
}

/* ---- names ---- */

static void test_duplicates(void **state)
{
	(void)state;
	struct fixture *f = validate(DS
		"model A {\n  id Int @id\n  id String\n}\n"
		"enum A {\n  X\n  X\n}\n");
	assert_int_equal(f->s.nerrors, 3);
	assert_string_equal(error_at(f, 0), "Field \"id\" is already defined on model \"A\".");
	assert_string_equal(error_at(f, 1), "Value \"X\" is already defined on enum \"A\".");
	assert_string_equal(error_at(f, 2),
			    "The enum \"A\" cannot be defined because a model with that name already exists.");
	done(f);
}

static void test_reserved_names(void **state)
{
	(void)state;
	struct fixture *f = validate(DS "model String {\n  id Int @id\n}\nmodel PrismaClient {\n  id Int @id\n}\n");
	assert_int_equal(f->s.nerrors, 2);
	assert_string_equal(error_at(f, 0), "\"String\" is a reserved scalar type name and cannot be used.");
	assert_non_null(strstr(error_at(f, 1), "The model name `PrismaClient` is invalid. It is a reserved name."));
	done(f);
}

/* ---- types ---- */

static void test_unknown_type(void **state)
{
	(void)state;
	struct fixture *f = validate(DS "model A {\n  id Int @id\n  s string\n  t Foo @bogus\n}\n");
	assert_int_equal(f->s.nerrors, 2);
	assert_string_equal(error_at(f, 0),
			    "Type \"string\" is neither a built-in type, nor refers to another model, composite type, or enum. Did you mean \"String\"?");
	assert_string_equal(error_at(f, 1),
			    "Type \"Foo\" is neither a built-in type, nor refers to another model, composite type, or enum.");
	done(f);
}

static void test_composite_type_on_postgres(void **state)
{
	(void)state;
	struct fixture *f = validate(DS "type T {\n  a Int\n}\nmodel A {\n  id Int @id\n  t T\n}\n");
	assert_int_equal(f->s.nerrors, 1);
	assert_string_equal(error_at(f, 0), "Error validating: Composite types are not supported on Postgres.");
	done(f);
}

/* ---- attributes ---- */

static void test_unknown_and_duplicate_attributes(void **state)
{
	(void)state;
	struct fixture *f = validate(DS "model A {\n  id Int @id\n  x Int @foo @unique @unique\n}\n");
	assert_int_equal(f->s.nerrors, 3);
	assert_string_equal(error_at(f, 0), "Attribute \"@unique\" can only be defined once.");
	assert_string_equal(error_at(f, 1), "Attribute \"@unique\" can only be defined once.");
	assert_string_equal(error_at(f, 2), "Attribute not known: \"@foo\".");
	done(f);
}

static void test_arguments(void **state)
{
	(void)state;
	struct fixture *f = validate(DS
		"model A {\n  id Int @id(map: \"a\", map: \"b\")\n  b Int @default(1, 2)\n  c Int @unique(bogus: 1)\n}\n");
	assert_int_equal(f->s.nerrors, 3);
	assert_string_equal(error_at(f, 0), "Argument \"map\" is already specified.");
	assert_string_equal(error_at(f, 1),
			    "Error parsing attribute \"@default\": You provided multiple unnamed arguments. This is not possible. Did you forget the brackets? Did you mean `[1, 2]`?");
	assert_string_equal(error_at(f, 2), "No such argument.");
	done(f);
}

static void test_id_rules(void **state)
{
	(void)state;
	struct fixture *f = validate(DS
		"model A {\n  a Int?\n  b Int\n  @@id([a, b, zz])\n}\n"
		"model B {\n  id Int? @id\n}\n"
		"model C {\n  x Int @id\n  y Int @id\n}\n");
	assert_int_equal(f->s.nerrors, 3);
	assert_string_equal(error_at(f, 0),
			    "Error validating model \"A\": The multi field id declaration refers to the unknown fields zz.");
	assert_string_equal(error_at(f, 1),
			    "Error parsing attribute \"@id\": Fields that are marked as id must be required.");
	assert_string_equal(error_at(f, 2),
			    "Error validating model \"C\": At most one field must be marked as the id field with the `@id` attribute.");
	done(f);
}

static void test_unique_criteria(void **state)
{
	(void)state;
	struct fixture *f = validate(DS "model A {\n  x Int?\n  @@unique([x])\n}\n");
	assert_int_equal(f->s.nerrors, 1);
	assert_string_equal(error_at(f, 0),
			    "Error validating model \"A\": Each model must have at least one unique criteria that has only required fields. Either mark a single field with `@id`, `@unique` or add a multi field criterion with `@@id([])` or `@@unique([])` to the model. The following unique criterias were not considered as they contain fields that are not required:\n- x");
	done(f);
}

static void test_index_fields(void **state)
{
	(void)state;
	struct fixture *f = validate(DS
		"model A {\n  id Int @id\n  a Int\n  @@index([a, zz])\n  @@unique([a, a])\n  @@index([a], type: Fast)\n}\n");
	assert_int_equal(f->s.nerrors, 3);
	assert_string_equal(error_at(f, 0),
			    "Error validating model \"A\": The index definition refers to the unknown fields: zz.");
	assert_string_equal(error_at(f, 1), "Error parsing attribute \"@index\": Unknown index type: Fast.");
	assert_string_equal(error_at(f, 2),
			    "Error validating model \"A\": The unique index definition refers to the field a multiple times.");
	done(f);
}

static void test_map_clash(void **state)
{
	(void)state;
	struct fixture *f = validate(DS "model A {\n  id Int @id\n  a Int @map(\"b\")\n  b Int\n}\n");
	assert_int_equal(f->s.nerrors, 1);
	assert_string_equal(error_at(f, 0), "Field \"a\" is already defined on model \"A\".");
	done(f);
}

static void test_updated_at_and_ignore(void **state)
{
	(void)state;
	struct fixture *f = validate(DS
		"model A {\n  id Int @id\n  a String @updatedAt\n  u Unsupported(\"x\") @ignore\n}\n");
	assert_int_equal(f->s.nerrors, 2);
	assert_string_equal(error_at(f, 0),
			    "Error parsing attribute \"@updatedAt\": Fields that are marked with @updatedAt must be of type DateTime.");
	assert_string_equal(error_at(f, 1),
			    "Error parsing attribute \"@ignore\": Fields of type `Unsupported` cannot take an `@ignore` attribute. They are already treated as ignored by the client due to their type.");
	done(f);
}

/* ---- defaults ---- */

static void test_default_types(void **state)
{
	(void)state;
	struct fixture *f = validate(DS
		"enum E {\n  X\n}\n"
		"model A {\n  id Int @id\n  a String @default(1)\n  b Boolean @default(TRUE)\n"
		"  c Int[] @default(1)\n  d DateTime @default(cuid())\n  e E @default(Y)\n"
		"  g String @default(nanoid(1))\n}\n");
	assert_int_equal(f->s.nerrors, 6);
	assert_string_equal(error_at(f, 0), "Error parsing attribute \"@default\": Expected a String value, but found `1`.");
	assert_string_equal(error_at(f, 1), "Error parsing attribute \"@default\": A boolean literal must be `true` or `false`.");
	assert_string_equal(error_at(f, 2), "Error parsing attribute \"@default\": The default value of a list field must be a list.");
	assert_string_equal(error_at(f, 3),
			    "Error parsing attribute \"@default\": The function `cuid()` cannot be used on fields of type `DateTime`.");
	assert_string_equal(error_at(f, 4),
			    "Error parsing attribute \"@default\": The defined default value `Y` is not a valid value of the enum specified for the field.");
	assert_string_equal(error_at(f, 5),
			    "Error parsing attribute \"@default\": `nanoid()` takes either no argument, or a single integer argument >= 2.");
	done(f);
}

static void test_default_values_parse(void **state)
{
	(void)state;
	struct fixture *f = validate(DS
		"model A {\n  id Int @id\n  a DateTime @default(\"2020-01-01\")\n  b Json @default(\"[1,\")\n"
		"  c BigInt @default(99999999999999999999)\n  d String @default(ulid())\n"
		"  e String @default(cuid(2))\n  f String @default(uuid(7))\n  g String @default(mystery())\n}\n");
	/* ulid(), cuid(2) and uuid(7) are valid (Prisma 6); an unknown function is not */
	assert_int_equal(f->s.nerrors, 4);
	assert_string_equal(error_at(f, 0),
			    "Unknown function in @default(): `mystery` is not known. You can read about the available functions here: https://pris.ly/d/attribute-functions");
	assert_string_equal(error_at(f, 1),
			    "Error parsing attribute \"@default\": Parse error: \"2020-01-01\" is not a valid rfc3339 datetime string. (premature end of input)");
	assert_string_equal(error_at(f, 2),
			    "Error parsing attribute \"@default\": Parse error: \"[1,\" is not a valid JSON string. (EOF while parsing a value at line 1 column 3)");
	assert_string_equal(error_at(f, 3),
			    "Error parsing attribute \"@default\": Parse error: \"99999999999999999999\" is not a valid integer. (number too large to fit in target type)");
	done(f);
}

/* ---- native types ---- */

static void test_native_types(void **state)
{
	(void)state;
	struct fixture *f = validate(DS
		"model A {\n  id Int @id\n  a String @db.Foo\n  b String @db.Text(1)\n  c Int @db.VarChar(3)\n"
		"  d Decimal @db.Decimal(3, 5)\n  e DateTime @db.Timestamp(7)\n  g String @other.Text\n}\n");
	assert_int_equal(f->s.nerrors, 6);
	assert_string_equal(error_at(f, 0), "Native type Foo is not supported for postgresql connector.");
	assert_string_equal(error_at(f, 1), "Function \"Text\" takes 0 arguments, but received 1.");
	assert_string_equal(error_at(f, 2),
			    "Native type VarChar is not compatible with declared field type Int, expected field type String.");
	assert_string_equal(error_at(f, 3),
			    "The scale must not be larger than the precision for the Decimal(3,5) native type in Postgres.");
	assert_string_equal(error_at(f, 4),
			    "Argument M is out of range for native type `Timestamp(7)` of Postgres: M can range from 0 to 6.");
	assert_string_equal(error_at(f, 5),
			    "The prefix other is invalid. It must be equal to the name of an existing datasource e.g. db. Did you mean to use db.Text?");
	done(f);
}

/* ---- checks ---- */

static void test_constraint_names(void **state)
{
	(void)state;
	struct fixture *f = validate(DS
		"model A {\n  id Int @id\n  x Int\n  @@index([x], map: \"A_pkey\")\n}\n");
	assert_int_equal(f->s.nerrors, 3);
	assert_string_equal(error_at(f, 0),
			    "Error parsing attribute \"@id\": The given constraint name `A_pkey` has to be unique in the following namespace: global for primary key, indexes and unique constraints. Please provide a different name using the `map` argument.");
	assert_string_equal(error_at(f, 1),
			    "Error parsing attribute \"@id\": The given constraint name `A_pkey` has to be unique in the following namespace: on model `A` for primary key, indexes, unique constraints and foreign keys. Please provide a different name using the `map` argument.");
	done(f);
}

static void test_postgres_index_rules(void **state)
{
	(void)state;
	struct fixture *f = validate(DS
		"model A {\n  id Int @id\n  a String\n  b Json\n  x Float\n"
		"  @@index([a], type: Gin)\n  @@index([a(sort: Desc)], type: Hash)\n  @@index([x(ops: JsonbOps)], type: Gin)\n}\n");
	/* the connector's index rules, then per index: name clash (A_a_idx twice), hash + sort */
	assert_int_equal(f->s.nerrors, 5);
	assert_string_equal(error_at(f, 0),
			    "Error parsing attribute \"@@index\": The Gin index type does not support the type of the field `a`.");
	assert_string_equal(error_at(f, 1),
			    "Error parsing attribute \"@@index\": The given operator class `JsonbOps` points to the field `x` that is not of Json type.");
	assert_non_null(strstr(error_at(f, 2), "The given constraint name `A_a_idx` has to be unique"));
	assert_non_null(strstr(error_at(f, 3), "The given constraint name `A_a_idx` has to be unique"));
	assert_string_equal(error_at(f, 4), "Error parsing attribute \"@@index\": Hash type does not support sort option.");
	done(f);
}

static void test_validations_only_without_errors(void **state)
{
	(void)state;
	/* the missing id of B is not reported while A has an attribute error */
	struct fixture *f = validate(DS "model A {\n  id Int @id\n  x Int @foo\n}\nmodel B {\n  x Int\n}\n");
	assert_int_equal(f->s.nerrors, 1);
	assert_string_equal(error_at(f, 0), "Attribute not known: \"@foo\".");
	done(f);
}

static void test_views_and_schemas(void **state)
{
	(void)state;
	struct fixture *f = validate(DS "view V {\n  id Int @unique\n}\nmodel A {\n  id Int @id\n  @@schema(\"x\")\n}\n");
	assert_int_equal(f->s.nerrors, 2);
	assert_string_equal(error_at(f, 0), "@@schema is only available with the `multiSchema` preview feature.");
	assert_string_equal(error_at(f, 1),
			    "Error validating: View definitions are only available with the `views` preview feature.");
	done(f);
}

/* ---- configuration ---- */

static void test_datasource_and_generators(void **state)
{
	(void)state;
	struct fixture *f = validate(
		"generator c {\n  previewFeatures = [\"foo\"]\n}\n"
		"generator d {\n  provider = \"prisma-client-js\"\n  previewFeatures = [\"bogus\"]\n}\n"
		"datasource db {\n  provider = \"postgresql\"\n  url = env(\"X\")\n  relationMode = \"bad\"\n  other = 1\n}\n"
		"model A {\n  id Int @id\n}\n");
	assert_int_equal(f->s.nerrors, 4);
	assert_string_equal(error_at(f, 0), "Argument \"provider\" is missing in generator block \"c\".");
	assert_non_null(strstr(error_at(f, 1), "The preview feature \"bogus\" is not known. Expected one of: deno, "));
	assert_string_equal(error_at(f, 2),
			    "Error validating datasource `relationMode`: Invalid relation mode setting: \"bad\". Supported values: \"prisma\", \"foreignKeys\"");
	assert_string_equal(error_at(f, 3), "Property not known: \"other\".");
	done(f);
}

static void test_datasource_url_forms(void **state)
{
	(void)state;
	struct fixture *f = validate(
		"datasource db {\n  provider = \"postgres\"\n  url = \"postgresql://a\"\n"
		"  shadowDatabaseUrl = env(\"S\")\n  directUrl = env(\"D\")\n  relationMode = \"prisma\"\n}\n"
		"model A {\n  id Int @id\n}\n");
	assert_valid(f);
	assert_string_equal(f->db.datasource.provider, "postgres");
	assert_string_equal(f->db.datasource.url, "postgresql://a");
	assert_string_equal(f->db.datasource.shadow_url_env, "S");
	assert_string_equal(f->db.datasource.direct_url_env, "D");
	assert_int_equal(f->db.datasource.relation_mode, PSL_RELMODE_PRISMA);
	done(f);

	f = validate("datasource db {\n  provider = \"postgresql\"\n  url = 1\n}\n");
	assert_int_equal(f->s.nerrors, 1);
	assert_string_equal(error_at(f, 0), "Expected a String value, but received numeric value `1`.");
	done(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strmap),
		cmocka_unit_test(test_valid_schema_db),
		cmocka_unit_test(test_relation_fields_collected),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_reserved_names),
		cmocka_unit_test(test_unknown_type),
		cmocka_unit_test(test_composite_type_on_postgres),
		cmocka_unit_test(test_unknown_and_duplicate_attributes),
		cmocka_unit_test(test_arguments),
		cmocka_unit_test(test_id_rules),
		cmocka_unit_test(test_unique_criteria),
		cmocka_unit_test(test_index_fields),
		cmocka_unit_test(test_map_clash),
		cmocka_unit_test(test_updated_at_and_ignore),
		cmocka_unit_test(test_default_types),
		cmocka_unit_test(test_default_values_parse),
		cmocka_unit_test(test_native_types),
		cmocka_unit_test(test_constraint_names),
		cmocka_unit_test(test_postgres_index_rules),
		cmocka_unit_test(test_validations_only_without_errors),
		cmocka_unit_test(test_views_and_schemas),
		cmocka_unit_test(test_datasource_and_generators),
		cmocka_unit_test(test_datasource_url_forms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
