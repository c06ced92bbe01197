/* services.c - workspace root discovery, the service list, .env created from .env.example */
#include "workspace/services.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/fs.h"
#include "base/strbuf.h"
#include "base/xalloc.h"

void ws_services_init(struct ws_services *s)
{
	memset(s, 0, sizeof(*s));
}

void ws_services_release(struct ws_services *s)
{
	size_t i;

	for (i = 0; i < s->nr; i++) {
		free(s->items[i].name);
		free(s->items[i].dir);
		free(s->items[i].schema);
	}
	free(s->items);
	free(s->root);
	ws_services_init(s);
}

/* The nearest folder from dir upwards with a services/ folder, into root. */
static bool find_root(const char *dir, struct strbuf *root)
{
	struct strbuf sb = STRBUF_INIT;
	char *cur = xstrdup(dir);
	bool found = false;

	for (;;) {
		char *slash;

		fs_path_join(&sb, cur, "services");
		if (fs_is_dir(sb.buf)) {
			strbuf_reset(root);
			strbuf_addstr(root, cur);
			found = true;
			break;
		}
		slash = strrchr(cur, '/');
		if (!slash || !strcmp(cur, "/"))
			break;
		if (slash == cur)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	strbuf_release(&sb);
	free(cur);
	return found;
}

int ws_discover(const char *start, struct ws_services *out, struct mesdb_err *err)
{
	struct strbuf root = STRBUF_INIT, sdir = STRBUF_INIT, path = STRBUF_INIT;
	struct fs_list names = FS_LIST_INIT;
	char buf[PATH_MAX];
	const char *from = start;
	size_t i;
	int ret = -1;

	if (!from) {
		if (!getcwd(buf, sizeof(buf))) {
			mesdb_error(err, MESDB_E_IO, "could not read the current folder: %s",
				    strerror(errno));
			goto out;
		}
		from = buf;
	} else if (realpath(start, buf)) {
		from = buf;
	}
	if (!find_root(from, &root)) {
		mesdb_error(err, MESDB_E_CONFIG, "no services/ folder in %s or above", from);
		mesdb_err_hint(err, "run mesdb inside the workspace (the folder holding services/)");
		goto out;
	}
	fs_path_join(&sdir, root.buf, "services");
	if (fs_list_dir(sdir.buf, 'd', NULL, &names, err) < 0)
		goto out;
	for (i = 0; i < names.nr; i++) {
		struct ws_service *svc;

		strbuf_reset(&path);
		strbuf_addf(&path, "%s/%s/prisma/schema.prisma", sdir.buf, names.names[i]);
		if (!fs_is_file(path.buf))
			continue;
		if (out->nr == out->alloc) {
			out->alloc = out->alloc ? out->alloc * 2 : 8;
			out->items = xrealloc(out->items, out->alloc * sizeof(*out->items));
		}
		svc = &out->items[out->nr++];
		svc->name = xstrdup(names.names[i]);
		svc->schema = xstrdup(path.buf);
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/%s", sdir.buf, names.names[i]);
		svc->dir = xstrdup(path.buf);
	}
	out->root = strbuf_detach(&root, NULL);
	ret = 0;
out:
	fs_list_release(&names);
	strbuf_release(&root);
	strbuf_release(&sdir);
	strbuf_release(&path);
	return ret;
}

const struct ws_service *ws_service_find(const struct ws_services *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->nr; i++)
		if (!strcmp(s->items[i].name, name))
			return &s->items[i];
	return NULL;
}

const struct ws_service *ws_service_of_dir(const struct ws_services *s, const char *cwd)
{
	size_t i;

	for (i = 0; i < s->nr; i++) {
		size_t n = strlen(s->items[i].dir);
		if (!strncmp(cwd, s->items[i].dir, n) && (cwd[n] == '\0' || cwd[n] == '/'))
			return &s->items[i];
	}
	return NULL;
}

int ws_ensure_env(const struct ws_service *svc, bool *created, struct mesdb_err *err)
{
	struct strbuf env = STRBUF_INIT, example = STRBUF_INIT, text = STRBUF_INIT;
	int ret = -1;

	*created = false;
	fs_path_join(&env, svc->dir, ".env");
	fs_path_join(&example, svc->dir, ".env.example");
	if (access(env.buf, F_OK) == 0 || !fs_is_file(example.buf)) {
		ret = 0;
		goto out;
	}
	if (fs_read_file(example.buf, &text, err) < 0)
		goto out;
	if (fs_write_file(env.buf, text.buf, text.len, 0600, err) < 0)
		goto out;
	*created = true;
	ret = 0;
out:
	strbuf_release(&env);
	strbuf_release(&example);
	strbuf_release(&text);
	return ret;
}
