/* url.c - resolve a datasource's url (literal or env("VAR")) to a connection URL */
#include "workspace/url.h"
#include "workspace/dotenv.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/strbuf.h"
#include "base/xalloc.h"
#include "pg/pg.h"

/*
 * Owns where a URL comes from. Never prints the URL itself: messages use
 * pg_url_mask().
 */

void ws_url_init(struct ws_url *u)
{
	memset(u, 0, sizeof(*u));
}

void ws_url_release(struct ws_url *u)
{
	free(u->url);
	free(u->masked);
	free(u->env_name);
	free(u->env_file);
	ws_url_init(u);
}

/* The parent folder of path ("." when there is no slash). */
static void parent_dir(struct strbuf *out, const char *path)
{
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	while (n > 0 && path[n - 1] != '/')
		n--;
	while (n > 1 && path[n - 1] == '/')
		n--;
	strbuf_reset(out);
	if (n == 0)
		strbuf_addch(out, '.');
	else
		strbuf_add(out, path, n);
}

static const char *last_name(const char *dir)
{
	const char *s = dir + strlen(dir);
	while (s > dir && s[-1] == '/')
		s--;
	while (s > dir && s[-1] != '/')
		s--;
	return s;
}

static bool name_is(const char *dir, const char *name)
{
	const char *s = last_name(dir);
	size_t n = strlen(name), len = strlen(s);
	return len >= n && !memcmp(s, name, n) && (s[n] == '\0' || s[n] == '/');
}

static void add_candidate(struct fs_list *out, struct fs_list *real, const char *dir)
{
	struct strbuf path = STRBUF_INIT;
	char resolved[PATH_MAX];
	const char *key;

	key = realpath(dir, resolved) ? resolved : dir;
	for (size_t i = 0; i < real->nr; i++)
		if (!strcmp(real->names[i], key))
			return;
	ALLOC_GROW(real->names, real->nr + 1, real->alloc);
	real->names[real->nr++] = xstrdup(key);
	if (!strcmp(dir, "."))
		strbuf_addstr(&path, ".env");
	else
		fs_path_join(&path, dir, ".env");
	ALLOC_GROW(out->names, out->nr + 1, out->alloc);
	out->names[out->nr++] = strbuf_detach(&path, NULL);
}

void ws_env_files(const char *schema_path, struct fs_list *out)
{
	struct fs_list real = FS_LIST_INIT;
	struct strbuf folder = STRBUF_INIT, root = STRBUF_INIT;

	if (fs_is_dir(schema_path)) {
		strbuf_addstr(&folder, schema_path);
		while (folder.len > 1 && folder.buf[folder.len - 1] == '/')
			strbuf_setlen(&folder, folder.len - 1);
	} else {
		parent_dir(&folder, schema_path);
	}
	add_candidate(out, &real, folder.buf);

	/* prisma/schema.prisma -> the project is prisma/..; prisma/schema/ -> prisma/../ */
	if (name_is(folder.buf, "schema")) {
		struct strbuf up = STRBUF_INIT;
		parent_dir(&up, folder.buf);
		if (name_is(up.buf, "prisma"))
			parent_dir(&root, up.buf);
		strbuf_release(&up);
	} else if (name_is(folder.buf, "prisma")) {
		parent_dir(&root, folder.buf);
	}
	if (root.len)
		add_candidate(out, &real, root.buf);
	add_candidate(out, &real, ".");

	fs_list_release(&real);
	strbuf_release(&folder);
	strbuf_release(&root);
}

static bool is_postgres_url(const char *u)
{
	return !strncmp(u, "postgresql://", 13) || !strncmp(u, "postgres://", 11);
}

int ws_resolve_url(const char *schema_path, const char *literal, const char *env_name,
		   struct ws_url *out, struct mesdb_err *err)
{
	struct fs_list files = FS_LIST_INIT;
	struct strbuf masked = STRBUF_INIT;
	const char *value = NULL;
	int ret = -1;

	if (literal) {
		value = literal;
	} else if (env_name) {
		out->env_name = xstrdup(env_name);
		value = getenv(env_name);
		if (!value) {
			ws_env_files(schema_path, &files);
			for (size_t i = 0; i < files.nr && !value; i++) {
				struct dotenv env = DOTENV_INIT;
				bool found;
				if (dotenv_load(&env, files.names[i], &found, err) < 0) {
					dotenv_release(&env);
					goto out;
				}
				if (found && (value = dotenv_get(&env, env_name)) != NULL) {
					out->url = xstrdup(value);
					out->env_file = xstrdup(files.names[i]);
				}
				dotenv_release(&env);
			}
			value = out->url;
		}
		if (!value) {
			struct strbuf looked = STRBUF_INIT;
			for (size_t i = 0; i < files.nr; i++)
				strbuf_addf(&looked, "%s%s%s", i ? ", " : "", files.names[i],
					    fs_is_file(files.names[i]) ? "" : " (no such file)");
			mesdb_error(err, MESDB_E_CONFIG, "environment variable not found: %s", env_name);
			mesdb_err_detail(err, "the datasource url of %s is env(\"%s\"), which is not set in "
					 "the environment nor in %s", schema_path, env_name, looked.buf);
			mesdb_err_hint(err, "export %s, or add %s=\"postgresql://USER:PASSWORD@HOST:5432/"
				       "DATABASE\" to %s", env_name, env_name,
				       files.nr ? files.names[0] : ".env");
			strbuf_release(&looked);
			goto out;
		}
	} else {
		mesdb_error(err, MESDB_E_CONFIG, "the datasource of %s has no url", schema_path);
		goto out;
	}

	if (!*value) {
		if (env_name)
			mesdb_error(err, MESDB_E_CONFIG, "you must provide a nonempty URL. The environment "
				    "variable `%s` resolved to an empty string", env_name);
		else
			mesdb_error(err, MESDB_E_CONFIG, "you must provide a nonempty URL");
		if (out->env_file)
			mesdb_err_detail(err, "%s comes from %s", env_name, out->env_file);
		goto out;
	}
	if (!is_postgres_url(value)) {
		/* show the scheme only: the masking helper knows PostgreSQL URLs alone */
		const char *sep = strstr(value, "://");
		if (sep)
			strbuf_addf(&masked, "starts with \"%.*s\"", (int)(sep + 3 - value), value);
		else
			strbuf_addstr(&masked, "is not a URL");
		mesdb_error(err, MESDB_E_CONFIG, "the URL must start with the protocol `postgresql://` "
			    "or `postgres://`");
		if (env_name)
			mesdb_err_detail(err, "the value of %s%s%s %s", env_name,
					 out->env_file ? " from " : "",
					 out->env_file ? out->env_file : "", masked.buf);
		else
			mesdb_err_detail(err, "the datasource url of %s %s", schema_path, masked.buf);
		mesdb_err_set_code(err, "P1012");
		goto out;
	}
	pg_url_mask(&masked, value);
	if (!out->url)
		out->url = xstrdup(value);
	out->masked = strbuf_detach(&masked, NULL);
	ret = 0;
out:
	if (ret < 0) {
		free(out->url);
		out->url = NULL;
	}
	strbuf_release(&masked);
	fs_list_release(&files);
	return ret;
}
