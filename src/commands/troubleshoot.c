/* troubleshoot.c - the runbook's known problems recognised in an error, answered with the fixing command */
#include "db_common.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/fs.h"
#include "base/xalloc.h"
#include "mesdb/mesdb_ops.h"
#include "migrate/migrate.h"
#include "migrate/sqlsplit.h"
#include "workspace/pgurl.h"

/*
 * Owns the one mapping from an error (SQLSTATE, Prisma code, the server's
 * words) to its cause and the exact command that fixes it, set as the
 * error's hint. Every command's error passes through mesdb_troubleshoot()
 * (the CLI calls it before printing; mesdb deploy for each service). The
 * server's texts are matched in English (lc_messages C or en): with other
 * message languages only the SQLSTATE-based answers apply.
 *
 * Never connects to a database: what it reads is the error, the schema's
 * datasource URL (for the variable, .env file, role and database names;
 * the password is never used) and the files of the service (seed.sql,
 * the migrations folder).
 */

/* What the service's URL says (no password). */
struct url_facts {
	char *var, *file, *user, *database;
};

static void url_facts_release(struct url_facts *f)
{
	free(f->var);
	free(f->file);
	free(f->user);
	free(f->database);
	memset(f, 0, sizeof(*f));
}

static void url_facts_load(const char *schema_path, struct url_facts *f)
{
	struct db_schema s;
	struct ws_url u;
	struct pg_url_parts p;
	struct mesdb_err e = MESDB_ERR_INIT;

	memset(f, 0, sizeof(*f));
	memset(&p, 0, sizeof(p));
	if (!schema_path)
		return;
	db_schema_init(&s);
	ws_url_init(&u);
	if (db_schema_load(&s, schema_path, true, NULL, &e) == 0 && db_schema_url(&s, &u, &e) == 0) {
		if (u.env_name)
			f->var = xstrdup(u.env_name);
		if (u.env_file)
			f->file = xstrdup(u.env_file);
		if (pg_url_split(u.url, &p, &e) == 0) {
			f->user = xstrdup(p.user);
			f->database = xstrdup(p.database);
		}
	}
	pg_url_parts_release(&p);
	mesdb_err_release(&e);
	ws_url_release(&u);
	db_schema_release(&s);
}

/* "the URL (AUTH_DATABASE_URL in /x/.env)" */
static void url_where(struct strbuf *sb, const struct url_facts *f)
{
	if (f->var && f->file)
		strbuf_addf(sb, "%s in %s", f->var, f->file);
	else if (f->var)
		strbuf_addf(sb, "%s (environment)", f->var);
	else
		strbuf_addstr(sb, "the datasource url of the schema");
}

/* Commands that select services with -s; the others take --schema. */
static bool takes_service(const char *command)
{
	static const char *const with_s[] = { "setup", "db seed", "db push", "migrate deploy",
					      "migrate status", "migrate resolve", "deploy" };
	for (size_t i = 0; i < sizeof(with_s) / sizeof(with_s[0]); i++)
		if (!strcmp(command, with_s[i]))
			return true;
	return false;
}

/* `mesdb COMMAND ARGS <selection>` for the context's service. */
static void fix(struct strbuf *sb, const struct mesdb_trouble_ctx *ctx, const char *command,
		const char *args)
{
	strbuf_addf(sb, "`mesdb %s", command);
	if (args && *args)
		strbuf_addf(sb, " %s", args);
	if (ctx && ctx->service && takes_service(command))
		strbuf_addf(sb, " -s %s", ctx->service);
	else if (ctx && ctx->schema_path)
		strbuf_addf(sb, " --schema %s", ctx->schema_path);
	strbuf_addch(sb, '`');
}

static bool has(const char *text, const char *needle)
{
	return text && strstr(text, needle);
}

/* The "..." right after needle in text (heap), or NULL. */
static char *quoted_after(const char *text, const char *needle)
{
	const char *p = text ? strstr(text, needle) : NULL;
	const char *end;

	if (!p)
		return NULL;
	p += strlen(needle);
	if (*p != '"')
		return NULL;
	end = strchr(p + 1, '"');
	if (!end)
		return NULL;
	return xstrndup(p + 1, (size_t)(end - p - 1));
}

/* The `...` right after needle in text (heap), or NULL. */
static char *backquoted_after(const char *text, const char *needle)
{
	const char *p = text ? strstr(text, needle) : NULL;
	const char *end;

	if (!p)
		return NULL;
	p += strlen(needle);
	if (*p != '`')
		return NULL;
	end = strchr(p + 1, '`');
	return end ? xstrndup(p + 1, (size_t)(end - p - 1)) : NULL;
}

/* A server key detail: "Key (cols)=(vals) <rest>" -> cols, vals (heap). */
static bool key_detail(const char *detail, char **cols, char **vals)
{
	const char *k = detail ? strstr(detail, "Key (") : NULL;
	const char *mid, *end;

	*cols = *vals = NULL;
	if (!k)
		return false;
	k += 5;
	mid = strstr(k, ")=(");
	if (!mid)
		return false;
	end = strstr(mid + 3, ") ");
	if (!end)
		end = mid + 3 + strcspn(mid + 3, "\n");
	*cols = xstrndup(k, (size_t)(mid - k));
	*vals = xstrndup(mid + 3, (size_t)(end - mid - 3));
	return true;
}

/* The first word after "INSERT INTO " / "UPDATE " / "DELETE FROM " of a statement, heap. */
static char *statement_table(const char *text)
{
	static const char *const leads[] = { "INSERT INTO ", "UPDATE ", "DELETE FROM " };
	for (size_t i = 0; i < sizeof(leads) / sizeof(leads[0]); i++) {
		const char *p = text ? strstr(text, leads[i]) : NULL;
		size_t n;
		if (!p)
			continue;
		p += strlen(leads[i]);
		n = *p == '"' ? strcspn(p + 1, "\"") + 2 : strcspn(p, " (\n");
		return xstrndup(p, n);
	}
	return NULL;
}

/* "host:port" and the database of pg_connect's "could not connect to database "D" at H:P". */
static void connect_target(const struct mesdb_err *err, char **db, char **at)
{
	const char *m = err->message ? strstr(err->message, "\" at ") : NULL;

	*db = quoted_after(err->message, "database ");
	*at = m ? xstrdup(m + 5) : xstrdup("the server");
}

/* ---- the seed file: which statement failed, and is it idempotent? ---- */

struct seed_stmt {
	char *path;
	unsigned line;
	bool found, on_conflict, on_conflict_target;
	char *table;
};

static void seed_stmt_release(struct seed_stmt *s)
{
	free(s->path);
	free(s->table);
	memset(s, 0, sizeof(*s));
}

/* From the seed error's "statement N at PATH:LINE" read statement N of PATH. */
static void seed_stmt_find(const struct mesdb_err *err, struct seed_stmt *out)
{
	const char *p = err->detail ? strstr(err->detail, "statement ") : NULL;
	struct strbuf text = STRBUF_INIT;
	struct sql_script sc = SQL_SCRIPT_INIT;
	struct mesdb_err e = MESDB_ERR_INIT;
	unsigned long n;
	const char *at, *colon;
	char *end;

	memset(out, 0, sizeof(*out));
	while (p) {
		n = strtoul(p + 10, &end, 10);
		if (end != p + 10 && !strncmp(end, " at ", 4))
			break;
		p = strstr(p + 10, "statement ");
	}
	if (!p)
		return;
	at = end + 4;
	colon = strchr(at, ':');
	while (colon && !(colon[1] >= '0' && colon[1] <= '9'))
		colon = strchr(colon + 1, ':');
	if (!colon)
		return;
	out->path = xstrndup(at, (size_t)(colon - at));
	out->line = (unsigned)strtoul(colon + 1, NULL, 10);
	if (fs_read_file(out->path, &text, &e) < 0) {
		mesdb_err_release(&e);
		goto done;
	}
	sql_split(text.buf, text.len, &sc);
	if (n >= 1 && n <= sc.nr) {
		const struct sql_stmt *st = &sc.stmts[n - 1];
		struct sql_lexer lx;
		struct sql_token tok, prev = { SQL_TOK_END, 0, 0, 0 };
		out->found = true;
		sql_lexer_init(&lx, text.buf + st->start, st->len);
		for (sql_lex(&lx, &tok); tok.kind != SQL_TOK_END; sql_lex(&lx, &tok)) {
			const char *w = text.buf + st->start + tok.start;
			if (tok.kind == SQL_TOK_WORD && prev.kind == SQL_TOK_WORD &&
			    prev.len == 2 && !strncasecmp(text.buf + st->start + prev.start, "ON", 2) &&
			    tok.len == 8 && !strncasecmp(w, "CONFLICT", 8)) {
				struct sql_token next;
				sql_lex(&lx, &next);
				out->on_conflict = true;
				out->on_conflict_target = next.kind == SQL_TOK_OTHER &&
					text.buf[st->start + next.start] == '(';
				tok = next;
			}
			prev = tok;
		}
		{
			char *first = xstrndup(text.buf + st->start, st->len);
			out->table = statement_table(first);
			free(first);
		}
	}
done:
	sql_script_release(&sc);
	strbuf_release(&text);
}

/* ---- the cases ---- */

static bool connect_problem(struct mesdb_err *err, const struct mesdb_trouble_ctx *ctx,
			    const struct url_facts *f, struct strbuf *h)
{
	const char *d = err->detail;
	char *db = NULL, *at = NULL, *role = NULL;
	bool ok = true;

	connect_target(err, &db, &at);
	if (has(d, "password authentication failed")) {
		role = quoted_after(d, "for user ");
		mesdb_err_set_sqlstate(err, "28P01");
		mesdb_err_set_code(err, "P1000");
		strbuf_addf(h, "the server at %s refused the password of role \"%s\": the URL (", at,
			    role ? role : f->user ? f->user : "?");
		url_where(h, f);
		strbuf_addstr(h, ") and the role's password differ. If the URL is right, set the role's "
			      "password from it (as a superuser: MESDB_ADMIN_URL or --admin-url): ");
		fix(h, ctx, "setup", NULL);
		strbuf_addstr(h, "; otherwise correct the password in the URL");
	} else if (has(d, "no password supplied")) {
		mesdb_err_set_code(err, "P1000");
		strbuf_addf(h, "the server at %s asks for a password and the URL (", at);
		url_where(h, f);
		strbuf_addstr(h, ") has none: put the role's password in the URL "
			      "(postgresql://USER:PASSWORD@HOST:PORT/DB)");
	} else if (has(d, "role \"") && has(d, "\" does not exist")) {
		role = quoted_after(d, "role ");
		mesdb_err_set_sqlstate(err, "28000");
		mesdb_err_set_code(err, "P1000");
		strbuf_addf(h, "role \"%s\" does not exist on the server at %s: create it and its "
			    "database with ", role ? role : "?", at);
		fix(h, ctx, "setup", NULL);
	} else if (has(d, "database \"") && has(d, "\" does not exist")) {
		mesdb_err_set_sqlstate(err, "3D000");
		mesdb_err_set_code(err, "P1003");
		strbuf_addf(h, "database \"%s\" does not exist on the server at %s: create it (and "
			    "its role) with ", db ? db : "?", at);
		fix(h, ctx, "setup", NULL);
		strbuf_addstr(h, ", then apply the migrations: ");
		fix(h, ctx, "migrate deploy", NULL);
	} else if (has(d, "permission denied for database")) {
		mesdb_err_set_sqlstate(err, "42501");
		mesdb_err_set_code(err, "P1010");
		strbuf_addf(h, "role \"%s\" may not connect to database \"%s\" (CONNECT was revoked): "
			    "re-grant it and the database's ownership with ",
			    f->user ? f->user : "?", db ? db : "?");
		fix(h, ctx, "setup", NULL);
		strbuf_addf(h, ", or as a superuser: GRANT CONNECT ON DATABASE \"%s\" TO \"%s\"",
			    db ? db : "?", f->user ? f->user : "?");
	} else if (has(d, "no pg_hba.conf entry")) {
		mesdb_err_set_sqlstate(err, "28000");
		mesdb_err_set_code(err, "P1000");
		strbuf_addf(h, "the server at %s does not let this client in (pg_hba.conf): add a "
			    "host line for database \"%s\" and role \"%s\" to the server's "
			    "pg_hba.conf and reload it (SELECT pg_reload_conf())", at, db ? db : "?",
			    f->user ? f->user : "?");
	} else if (has(d, "Connection refused") || has(d, "timeout expired") ||
		   has(d, "could not translate host name") || has(d, "No such file or directory") ||
		   has(d, "No route to host")) {
		strbuf_addf(h, "nothing answers at %s (database \"%s\"): start the server (the local "
			    "development cluster: `mesdb up`), or correct the host and port of the URL (",
			    at, db ? db : "?");
		url_where(h, f);
		strbuf_addstr(h, ")");
	} else {
		ok = false;
	}
	free(db);
	free(at);
	free(role);
	return ok;
}

static bool permission_problem(const struct mesdb_err *err, const struct mesdb_trouble_ctx *ctx,
			       const struct url_facts *f, struct strbuf *h)
{
	const char *m = err->message;
	const char *role = f->user ? f->user : "<the service's role>";
	const char *kinds[] = { "table", "sequence", "schema", "type", "function", "view" };
	char *obj = NULL;
	size_t i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]) && m; i++) {
		const char *p;
		struct strbuf needle = STRBUF_INIT;
		strbuf_addf(&needle, "for %s ", kinds[i]);
		p = strstr(m, needle.buf);
		if (!p) {
			strbuf_reset(&needle);
			strbuf_addf(&needle, "must be owner of %s ", kinds[i]);
			p = strstr(m, needle.buf);
		}
		if (p)
			obj = xstrdup(p + needle.len);
		strbuf_release(&needle);
		if (obj)
			break;
	}
	if (!obj) {
		strbuf_addf(h, "role \"%s\" lacks a privilege the statement needs: the objects of the "
			    "service's database should belong to its role; as a superuser re-grant "
			    "the database with ", role);
		fix(h, ctx, "setup", NULL);
		return true;
	}
	obj[strcspn(obj, " \n")] = '\0';
	if (!strcmp(kinds[i], "schema"))
		strbuf_addf(h, "schema %s does not belong to role \"%s\" (it was created by another "
			    "role): as a superuser run ALTER SCHEMA \"%s\" OWNER TO \"%s\"", obj, role,
			    obj, role);
	else
		strbuf_addf(h, "%s %s belongs to another role than \"%s\" (created by a superuser or "
			    "another tool): as a superuser run ALTER %s \"%s\" OWNER TO \"%s\" (or "
			    "GRANT ALL ON %s \"%s\" TO \"%s\" to let it read and write only)",
			    kinds[i], obj, role, !strcmp(kinds[i], "view") ? "VIEW" :
			    !strcmp(kinds[i], "sequence") ? "SEQUENCE" : !strcmp(kinds[i], "type") ?
			    "TYPE" : !strcmp(kinds[i], "function") ? "FUNCTION" : "TABLE", obj, role,
			    !strcmp(kinds[i], "sequence") ? "SEQUENCE" : "TABLE", obj, role);
	free(obj);
	return true;
}

/* 23505 / 23503 in a seed or any other statement. */
static bool data_problem(const struct mesdb_err *err, const struct mesdb_trouble_ctx *ctx,
			 bool in_seed, struct strbuf *h)
{
	bool unique = !strcmp(err->sqlstate, "23505");
	const char *m = err->message, *d = err->detail;
	char *cons = NULL, *table = NULL, *ref = NULL, *cols = NULL, *vals = NULL;
	struct seed_stmt ss;

	memset(&ss, 0, sizeof(ss));
	if (in_seed)
		seed_stmt_find(err, &ss);
	key_detail(d, &cols, &vals);
	if (unique) {
		cons = quoted_after(m, "unique constraint ");
		if (!cons)
			cons = quoted_after(d, "unique constraint ");
		if (!cons)
			cons = quoted_after(d, "create unique index ");
		table = ss.table ? xstrdup(ss.table) : NULL;
		if (has(d, "is duplicated")) {
			/* CREATE UNIQUE INDEX / ADD UNIQUE over data with duplicates */
			const char *on = d ? strstr(d, "\" ON ") : NULL;
			if (!table && on)
				table = xstrndup(on + 5, strcspn(on + 5, "( \n"));
			strbuf_addf(h, "table %s already holds rows with the same (%s) = (%s), so unique "
				    "index \"%s\" cannot be built: find them with SELECT %s, count(*) "
				    "FROM %s GROUP BY %s HAVING count(*) > 1, then remove or change the "
				    "duplicates", table ? table : "?", cols ? cols : "?", vals ? vals : "?",
				    cons ? cons : "?", cols ? cols : "?", table ? table : "<table>",
				    cols ? cols : "?");
		} else {
			strbuf_addf(h, "%s%s%sa row with (%s) = (%s) already exists (constraint \"%s\")",
				    table ? "table " : "", table ? table : "", table ? ": " : "",
				    cols ? cols : "?", vals ? vals : "?", cons ? cons : "?");
			if (in_seed && ss.found && !ss.on_conflict)
				strbuf_addf(h, "; the seed must be idempotent (it runs again on every "
					    "`mesdb up` and `migrate reset`), but the statement at %s:%u has "
					    "no ON CONFLICT clause: end it with ON CONFLICT DO NOTHING, "
					    "then run ", ss.path, ss.line);
			else if (in_seed && ss.found && ss.on_conflict_target)
				strbuf_addf(h, "; the seed is idempotent for the key its ON CONFLICT "
					    "names, but this row clashes on another unique key, with a row "
					    "the seed did not write: use ON CONFLICT DO NOTHING without a "
					    "target at %s:%u, or remove the other row, then run ",
					    ss.path, ss.line);
			else if (in_seed)
				strbuf_addstr(h, "; the seed is idempotent (ON CONFLICT DO NOTHING), so "
					      "the clash is within the seed itself (two rows with the same "
					      "key in one statement are skipped, an UPDATE is not): fix the "
					      "statement, then run ");
			if (in_seed)
				fix(h, ctx, "db seed", NULL);
		}
	} else {
		/* insert/update on A violates fk C / update or delete on B violates fk C on A */
		if (has(m, "insert or update on table ")) {
			table = quoted_after(m, "insert or update on table ");
			cons = quoted_after(m, "foreign key constraint ");
			ref = quoted_after(d, "is not present in table ");
			strbuf_addf(h, "a row of table \"%s\" refers with (%s) = (%s) to table \"%s\", "
				    "which has no such row (constraint \"%s\"): insert the \"%s\" row "
				    "first", table ? table : "?", cols ? cols : "?", vals ? vals : "?",
				    ref ? ref : "?", cons ? cons : "?", ref ? ref : "?");
			if (in_seed && ss.found)
				strbuf_addf(h, " (seed.sql must insert parent tables before the tables "
					    "that refer to them; the statement is at %s:%u)", ss.path,
					    ss.line);
			strbuf_addstr(h, ", or correct the value");
		} else {
			table = quoted_after(m, "update or delete on table ");
			cons = quoted_after(m, "foreign key constraint ");
			ref = quoted_after(d, "still referenced from table ");
			strbuf_addf(h, "the row (%s) = (%s) of table \"%s\" is still referenced from "
				    "table \"%s\" (constraint \"%s\"): delete or re-point those \"%s\" "
				    "rows first", cols ? cols : "?", vals ? vals : "?",
				    table ? table : "?", ref ? ref : "?", cons ? cons : "?",
				    ref ? ref : "?");
		}
		if (in_seed)
			strbuf_addstr(h, "; nothing of the seed was kept");
	}
	free(cons);
	free(table);
	free(ref);
	free(cols);
	free(vals);
	seed_stmt_release(&ss);
	return true;
}

/* The first migration of the schema's folder (heap), or NULL. */
static char *first_migration(const char *schema_path)
{
	struct strbuf dir = STRBUF_INIT;
	struct migrations ms;
	struct mesdb_err e = MESDB_ERR_INIT;
	char *name = NULL;
	const char *slash;

	if (!schema_path)
		return NULL;
	slash = strrchr(schema_path, '/');
	if (fs_is_dir(schema_path))
		strbuf_addstr(&dir, schema_path);
	else if (slash)
		strbuf_add(&dir, schema_path, (size_t)(slash - schema_path));
	else
		strbuf_addstr(&dir, ".");
	strbuf_addstr(&dir, "/migrations");
	migrations_init(&ms);
	if (migrations_load(&ms, dir.buf, &e) == 0 && ms.nr)
		name = xstrdup(ms.items[0].name);
	mesdb_err_release(&e);
	migrations_release(&ms);
	strbuf_release(&dir);
	return name;
}

static bool migration_problem(const struct mesdb_err *err, const struct mesdb_trouble_ctx *ctx,
			      const char *schema_path, struct strbuf *h)
{
	const char *code = err->code;
	bool in_deploy = ctx && ctx->command && !strcmp(ctx->command, "deploy");
	char *name = NULL;

	if (!strcmp(code, "P3005")) {
		char *first = first_migration(schema_path);
		strbuf_addstr(h, "the database has tables but no _prisma_migrations table, so mesdb "
			      "cannot tell which migrations it has. If it matches the schema, ");
		if (first) {
			strbuf_addf(h, "mark the first migration applied: ");
			{
				struct strbuf a = STRBUF_INIT;
				strbuf_addf(&a, "--applied \"%s\"", first);
				fix(h, ctx, "migrate resolve", a.buf);
				strbuf_release(&a);
			}
		} else {
			strbuf_addstr(h, "write and mark the initial migration: ");
			fix(h, ctx, "migrate baseline", NULL);
		}
		strbuf_addstr(h, ", then ");
		fix(h, ctx, "migrate deploy", NULL);
		free(first);
		return true;
	}
	if (!strcmp(code, "P3009")) {
		name = backquoted_after(err->detail, "The ");
		strbuf_addf(h, "migration `%s` failed before and blocks every deploy. mesdb runs each "
			    "migration in one transaction, so it left nothing behind unless it ran "
			    "statement by statement: mark it rolled back with ", name ? name : "?");
		{
			struct strbuf a = STRBUF_INIT;
			strbuf_addf(&a, "--rolled-back \"%s\"", name ? name : "?");
			fix(h, ctx, "migrate resolve", a.buf);
			strbuf_reset(&a);
			strbuf_addstr(h, ", fix its migration.sql and run ");
			if (in_deploy)
				strbuf_addstr(h, "the same `mesdb deploy`");
			else
				fix(h, ctx, "migrate deploy", NULL);
			strbuf_addf(&a, "--applied \"%s\"", name ? name : "?");
			strbuf_addstr(h, " again (completed by hand instead: ");
			fix(h, ctx, "migrate resolve", a.buf);
			strbuf_addstr(h, ")");
			strbuf_release(&a);
		}
		free(name);
		return true;
	}
	if (!strcmp(code, "P3018")) {
		const char *at = err->detail ? strstr(err->detail, "Migration name: ") : NULL;
		bool partial = has(err->hint, "could not run in a transaction");
		if (at) {
			at += 16;
			name = xstrndup(at, strcspn(at, "\n"));
		}
		if (!strcmp(err->sqlstate, "23505") || !strcmp(err->sqlstate, "23503")) {
			data_problem(err, ctx, false, h);
			strbuf_addstr(h, "; ");
		} else if (!strcmp(err->sqlstate, "42601")) {
			strbuf_addstr(h, "migration.sql has a syntax error at the position shown; ");
		} else if (!strcmp(err->sqlstate, "55P03")) {
			strbuf_addstr(h, "a statement waited longer than lock_timeout for a table lock "
				      "that another session holds: retry when that session is done; ");
		} else if (!strcmp(err->sqlstate, "42P07") || !strcmp(err->sqlstate, "42710")) {
			strbuf_addstr(h, "the object already exists: the database was changed "
				      "outside the migrations (db push, by hand); ");
		}
		if (partial) {
			struct strbuf a = STRBUF_INIT;
			strbuf_addf(h, "the migration ran statement by statement and its earlier "
				    "statements stay applied: undo them by hand and run ");
			strbuf_addf(&a, "--rolled-back \"%s\"", name ? name : "?");
			fix(h, ctx, "migrate resolve", a.buf);
			strbuf_release(&a);
			strbuf_addstr(h, ", or complete it by hand and mark it --applied");
		} else if (in_deploy) {
			strbuf_addstr(h, "the migration's transaction was rolled back and its row "
				      "marked rolled back: fix migration.sql (or the data) and run the "
				      "same `mesdb deploy` again");
		} else {
			struct strbuf a = STRBUF_INIT;
			strbuf_addf(h, "the migration's transaction was rolled back: fix it, run ");
			strbuf_addf(&a, "--rolled-back \"%s\"", name ? name : "?");
			fix(h, ctx, "migrate resolve", a.buf);
			strbuf_release(&a);
			strbuf_addstr(h, ", then ");
			fix(h, ctx, "migrate deploy", NULL);
		}
		free(name);
		return true;
	}
	return false;
}

static bool lock_problem(const struct mesdb_err *err, const struct url_facts *f, struct strbuf *h)
{
	const char *db = f->database ? f->database : "<database>";

	if (!strcmp(err->code, "P1002")) {
		strbuf_addf(h, "another migrate command (mesdb or Prisma) holds the migrate lock of "
			    "database \"%s\": wait until it is done and run the command again; to see "
			    "who holds it: SELECT a.pid, a.usename, a.application_name, a.query_start "
			    "FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE l.locktype = "
			    "'advisory' AND l.objid = %lld; MESDB_LOCK_TIMEOUT_MS waits longer", db,
			    (long long)PG_MIGRATE_LOCK_KEY);
		return true;
	}
	strbuf_addf(h, "a statement waited longer than lock_timeout for a lock that another "
		    "session holds (a long transaction on the same table): find it with SELECT pid, "
		    "usename, state, xact_start, query FROM pg_stat_activity WHERE datname = '%s' "
		    "AND xact_start IS NOT NULL ORDER BY xact_start, let it finish (or "
		    "pg_terminate_backend(pid)) and run the command again", db);
	return true;
}

bool mesdb_troubleshoot(struct mesdb_err *err, const struct mesdb_trouble_ctx *ctx)
{
	struct url_facts f;
	struct strbuf h = STRBUF_INIT;
	char *located = NULL;
	const char *schema_path = ctx ? ctx->schema_path : NULL;
	bool in_seed, ok = false;

	if (!err || err->status == MESDB_OK)
		return false;
	if (!schema_path) {
		/* the schema the command found by the default search, for the facts only */
		struct mesdb_err e = MESDB_ERR_INIT;
		if (mesdb_schema_locate(NULL, &located, &e) == 0)
			schema_path = located;
		mesdb_err_release(&e);
	}
	url_facts_load(schema_path, &f);
	in_seed = (ctx && ctx->command && !strcmp(ctx->command, "db seed")) ||
		  has(err->message, "the seed failed");
	if (err->status == MESDB_E_CONNECT && has(err->message, "could not connect to database"))
		ok = connect_problem(err, ctx, &f, &h);
	else if (!strcmp(err->code, "P3005") || !strcmp(err->code, "P3009") ||
		 !strcmp(err->code, "P3018"))
		ok = migration_problem(err, ctx, schema_path, &h);
	else if (!strcmp(err->code, "P1002") || !strcmp(err->sqlstate, "55P03"))
		ok = lock_problem(err, &f, &h);
	else if (!strcmp(err->sqlstate, "3D000"))
		ok = (strbuf_addstr(&h, "the database does not exist: create it with "),
		      fix(&h, ctx, "setup", NULL), true);
	else if (!strcmp(err->sqlstate, "42501"))
		ok = permission_problem(err, ctx, &f, &h);
	else if (!strcmp(err->sqlstate, "23505") || !strcmp(err->sqlstate, "23503"))
		ok = data_problem(err, ctx, in_seed, &h);
	ok = ok && h.len;
	if (ok)
		mesdb_err_hint(err, "%s", h.buf);
	strbuf_release(&h);
	url_facts_release(&f);
	free(located);
	return ok;
}
