/* drift_cache.c - migrate status's last drift result per database and history */
#include "drift_cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/fs.h"
#include "base/xalloc.h"
#include "mesdb/mesdb.h"

#define DRIFT_CACHE_MAGIC "mesdb drift cache 2"
#define DRIFT_CACHE_MAX_AGE_S (30L * 24 * 3600)

/*
 * mesdb's own part of the key: the version, and the build, since what the
 * replay, the description and the differ make of the same catalog can change
 * between builds of one version.
 */
static const char tool_id[] = "mesdb " MESDB_VERSION " " __DATE__ " " __TIME__;

/* The cache folder (without a trailing slash); false: none can be named. */
static bool cache_dir(struct strbuf *out)
{
	const char *v;

	strbuf_reset(out);
	if ((v = getenv("MESDB_CACHE_DIR")) && *v)
		strbuf_addstr(out, v);
	else if ((v = getenv("XDG_CACHE_HOME")) && *v == '/')
		strbuf_addf(out, "%s/mesdb", v);
	else if ((v = getenv("HOME")) && *v == '/')
		strbuf_addf(out, "%s/.cache/mesdb", v);
	else
		return false;
	strbuf_addstr(out, "/drift");
	return true;
}

/* A field of the key: its length first, so that no two lists hash alike. */
static void key_field(struct sha256_ctx *h, const char *s)
{
	char len[24];
	size_t n = strlen(s);

	snprintf(len, sizeof(len), "%zu:", n);
	sha256_update(h, len, strlen(len));
	sha256_update(h, s, n);
}

void drift_cache_slot(const struct migration *const *list, size_t n, const char *const *schemas,
		      size_t nschemas, bool qualified, int server_version, const char *identity,
		      char out[SHA256_HEX_LEN + 1])
{
	struct sha256_ctx *h = sha256_begin();
	char num[96];

	key_field(h, DRIFT_CACHE_MAGIC);
	key_field(h, tool_id);
	snprintf(num, sizeof(num), "server %d qualified %d schemas %zu migrations %zu",
		 server_version, qualified ? 1 : 0, nschemas, n);
	key_field(h, num);
	key_field(h, identity);
	for (size_t i = 0; i < nschemas; i++)
		key_field(h, schemas[i]);
	for (size_t i = 0; i < n; i++) {
		key_field(h, list[i]->name);
		key_field(h, list[i]->checksum);
	}
	sha256_finish(h, out);
}

/* The next line of *p (without its \n) as a heap string; NULL when there is none. */
static char *next_line(const char **p)
{
	const char *nl = strchr(*p, '\n');
	char *line;

	if (!nl)
		return NULL;
	line = xstrndup(*p, (size_t)(nl - *p));
	*p = nl + 1;
	return line;
}

void drift_cache_entry_release(struct drift_cache_entry *e)
{
	free(e->snapshot);
	free(e->fingerprint);
	strbuf_release(&e->sql);
	memset(e, 0, sizeof(*e));
}

int drift_cache_load(const char *slot, struct drift_cache_entry *e)
{
	struct strbuf path = STRBUF_INIT, text = STRBUF_INIT;
	const char *p;
	char *magic = NULL, *name = NULL, *count = NULL, *end;
	unsigned long v;
	int found = 0;

	memset(e, 0, sizeof(*e));
	strbuf_init(&e->sql, 0);
	if (!cache_dir(&path))
		goto out;
	strbuf_addf(&path, "/%s", slot);
	/* a missing or unreadable file is no entry; the error text is not wanted */
	if (fs_read_file_if_exists(path.buf, &text, NULL) <= 0)
		goto out;
	/* "<magic>\n<slot>\n<snapshot>\n<fingerprint>\n<nsteps>\n<sql>" */
	p = text.buf;
	if (!(magic = next_line(&p)) || strcmp(magic, DRIFT_CACHE_MAGIC) ||
	    !(name = next_line(&p)) || strcmp(name, slot) ||
	    !(e->snapshot = next_line(&p)) || !(e->fingerprint = next_line(&p)) ||
	    !(count = next_line(&p)))
		goto out;
	errno = 0;
	v = strtoul(count, &end, 10);
	if (errno || end == count || *end || v > UINT32_MAX || (v == 0) != (*p == '\0'))
		goto out;
	e->nsteps = (uint32_t)v;
	strbuf_addstr(&e->sql, p);
	/* used now: the age that pruning looks at starts again */
	utimensat(AT_FDCWD, path.buf, NULL, 0);
	found = 1;
out:
	if (!found)
		drift_cache_entry_release(e);
	free(magic);
	free(name);
	free(count);
	strbuf_release(&path);
	strbuf_release(&text);
	return found;
}

/* Remove the entries of dir not used for DRIFT_CACHE_MAX_AGE_S. */
static void prune(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	struct strbuf path = STRBUF_INIT;
	time_t now = time(NULL);

	if (!d)
		return;
	while ((de = readdir(d)) != NULL) {
		struct stat st;
		if (strlen(de->d_name) != SHA256_HEX_LEN)
			continue;
		fs_path_join(&path, dir, de->d_name);
		if (lstat(path.buf, &st) == 0 && S_ISREG(st.st_mode) &&
		    now - st.st_mtime > DRIFT_CACHE_MAX_AGE_S)
			unlink(path.buf);
	}
	closedir(d);
	strbuf_release(&path);
}

void drift_cache_store(const char *slot, const char *snapshot, const char *fingerprint,
		       uint32_t nsteps, const char *sql)
{
	struct strbuf dir = STRBUF_INIT, path = STRBUF_INIT, text = STRBUF_INIT;

	/* a line break inside a value would shift the fields: keep nothing then */
	if (strchr(snapshot, '\n') || strchr(fingerprint, '\n'))
		return;
	if (!cache_dir(&dir) || fs_mkdir_p(dir.buf, 0700, NULL) < 0)
		goto out;
	strbuf_addf(&path, "%s/%s", dir.buf, slot);
	/* a new slot: the time to let old ones go (not on every refresh of a kept one) */
	if (access(path.buf, F_OK) < 0)
		prune(dir.buf);
	strbuf_addf(&text, "%s\n%s\n%s\n%s\n%u\n%s", DRIFT_CACHE_MAGIC, slot, snapshot, fingerprint,
		    nsteps, nsteps ? sql : "");
	fs_write_file(path.buf, text.buf, text.len, 0600, NULL);
out:
	strbuf_release(&dir);
	strbuf_release(&path);
	strbuf_release(&text);
}
