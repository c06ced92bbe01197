/* fs.c - whole-file read/atomic write, sorted directory listing, mkdir -p */
#include "fs.h"
#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int fs_read_file(const char *path, struct strbuf *sb, struct mesdb_err *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0)
		return mesdb_error(err, MESDB_E_IO, "could not open \"%s\": %s", path, strerror(errno));
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		return mesdb_error(err, MESDB_E_IO, "could not read \"%s\": is a directory", path);
	}
	if (fstat(fd, &st) == 0 && st.st_size > 0)
		strbuf_grow(sb, (size_t)st.st_size);
	for (;;) {
		ssize_t n;
		strbuf_grow(sb, 8192);
		n = read(fd, sb->buf + sb->len, sb->alloc - sb->len - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			close(fd);
			sb->buf[sb->len] = '\0';
			return mesdb_error(err, MESDB_E_IO, "could not read \"%s\": %s", path, strerror(e));
		}
		if (n == 0)
			break;
		sb->len += (size_t)n;
	}
	sb->buf[sb->len] = '\0';
	close(fd);
	return 0;
}

int fs_write_file(const char *path, const void *data, size_t len, mode_t mode,
		  struct mesdb_err *err)
{
	struct strbuf tmp = STRBUF_INIT;
	const char *p = data;
	int fd;

	strbuf_addf(&tmp, "%s.tmp.%ld", path, (long)getpid());
	fd = open(tmp.buf, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
	if (fd < 0) {
		mesdb_error(err, MESDB_E_IO, "could not create \"%s\": %s", tmp.buf, strerror(errno));
		strbuf_release(&tmp);
		return -1;
	}
	while (len) {
		ssize_t n = write(fd, p, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			mesdb_error(err, MESDB_E_IO, "could not write \"%s\": %s", tmp.buf, strerror(errno));
			goto fail;
		}
		p += n;
		len -= (size_t)n;
	}
	if (fchmod(fd, mode) < 0 || fsync(fd) < 0) {
		mesdb_error(err, MESDB_E_IO, "could not write \"%s\": %s", tmp.buf, strerror(errno));
		goto fail;
	}
	if (close(fd) < 0) {
		fd = -1;
		mesdb_error(err, MESDB_E_IO, "could not write \"%s\": %s", tmp.buf, strerror(errno));
		goto fail;
	}
	fd = -1;
	if (rename(tmp.buf, path) < 0) {
		mesdb_error(err, MESDB_E_IO, "could not rename \"%s\" to \"%s\": %s", tmp.buf, path,
			    strerror(errno));
		goto fail;
	}
	strbuf_release(&tmp);
	return 0;
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp.buf);
	strbuf_release(&tmp);
	return -1;
}

int fs_mkdir_p(const char *path, mode_t mode, struct mesdb_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int ret = 0;

	strbuf_addstr(&sb, path);
	for (i = 1; i <= sb.len; i++) {
		if (i < sb.len && sb.buf[i] != '/')
			continue;
		sb.buf[i] = '\0';
		if (mkdir(sb.buf, mode) < 0 && errno != EEXIST) {
			ret = mesdb_error(err, MESDB_E_IO, "could not create folder \"%s\": %s", sb.buf,
					  strerror(errno));
			break;
		}
		if (i < sb.len)
			sb.buf[i] = '/';
	}
	strbuf_release(&sb);
	if (!ret && !fs_is_dir(path))
		ret = mesdb_error(err, MESDB_E_IO, "\"%s\" exists and is not a folder", path);
	return ret;
}

bool fs_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool fs_is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int fs_list_dir(const char *dir, int which, const char *suffix, struct fs_list *out,
		struct mesdb_err *err)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	struct strbuf path = STRBUF_INIT;
	size_t slen = suffix ? strlen(suffix) : 0;

	if (!d)
		return mesdb_error(err, MESDB_E_IO, "could not open folder \"%s\": %s", dir,
				   strerror(errno));
	while ((de = readdir(d)) != NULL) {
		size_t nlen = strlen(de->d_name);
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (suffix && (nlen < slen || strcmp(de->d_name + nlen - slen, suffix)))
			continue;
		if (which) {
			fs_path_join(&path, dir, de->d_name);
			if (which == 'd' && !fs_is_dir(path.buf))
				continue;
			if (which == 'f' && !fs_is_file(path.buf))
				continue;
		}
		ALLOC_GROW(out->names, out->nr + 1, out->alloc);
		out->names[out->nr++] = xstrdup(de->d_name);
	}
	closedir(d);
	strbuf_release(&path);
	if (out->nr)
		qsort(out->names, out->nr, sizeof(*out->names), cmp_names);
	return 0;
}

void fs_list_release(struct fs_list *l)
{
	size_t i;
	for (i = 0; i < l->nr; i++)
		free(l->names[i]);
	free(l->names);
	l->names = NULL;
	l->nr = l->alloc = 0;
}

void fs_path_join(struct strbuf *sb, const char *dir, const char *name)
{
	strbuf_reset(sb);
	strbuf_addstr(sb, dir);
	if (sb->len && sb->buf[sb->len - 1] != '/')
		strbuf_addch(sb, '/');
	strbuf_addstr(sb, name);
}

const char *fs_basename(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}
