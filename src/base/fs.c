/* fs.c - whole-file read/atomic write, sorted directory listing, mkdir -p */
#include "fs.h"
#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* read() until EOF or `cap` bytes; the count read, or -1 (errno set). */
static ssize_t read_all(int fd, char *buf, size_t cap)
{
	size_t got = 0;

	while (got < cap) {
		ssize_t n = read(fd, buf + got, cap - got);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

/*
 * Open path for reading: a regular file's descriptor and size, or an error.
 * With `missing`, a path that does not exist sets *missing and returns -1
 * without an error.
 */
static int open_for_read(const char *path, struct stat *st, bool *missing, struct mesdb_err *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0 && missing && (errno == ENOENT || errno == ENOTDIR)) {
		*missing = true;
		return -1;
	}
	if (fd < 0)
		return mesdb_error(err, MESDB_E_IO, "could not open \"%s\": %s", path, strerror(errno));
	if (fstat(fd, st) < 0) {
		int e = errno;
		close(fd);
		return mesdb_error(err, MESDB_E_IO, "could not read \"%s\": %s", path, strerror(e));
	}
	if (S_ISDIR(st->st_mode)) {
		close(fd);
		return mesdb_error(err, MESDB_E_IO, "could not read \"%s\": is a directory", path);
	}
	return fd;
}

static int read_file(const char *path, struct strbuf *sb, bool *missing, struct mesdb_err *err)
{
	struct stat st;
	int fd = open_for_read(path, &st, missing, err);

	if (fd < 0)
		return -1;
	/* the size as stat tells it, then whatever more there is (pipes, growing files) */
	strbuf_grow(sb, st.st_size > 0 ? (size_t)st.st_size : 8192);
	for (;;) {
		ssize_t n;
		if (sb->alloc - sb->len - 1 == 0)
			strbuf_grow(sb, 8192);
		n = read_all(fd, sb->buf + sb->len, sb->alloc - sb->len - 1);
		if (n < 0) {
			int e = errno;
			close(fd);
			sb->buf[sb->len] = '\0';
			return mesdb_error(err, MESDB_E_IO, "could not read \"%s\": %s", path, strerror(e));
		}
		sb->len += (size_t)n;
		if (sb->len < sb->alloc - 1)
			break;   /* read_all stopped short: end of file */
	}
	sb->buf[sb->len] = '\0';
	close(fd);
	return 0;
}

int fs_read_file(const char *path, struct strbuf *sb, struct mesdb_err *err)
{
	return read_file(path, sb, NULL, err);
}

int fs_read_file_if_exists(const char *path, struct strbuf *sb, struct mesdb_err *err)
{
	bool missing = false;

	if (read_file(path, sb, &missing, err) < 0)
		return missing ? 0 : -1;
	return 1;
}

/*
 * fs_map_file: files of at least FS_MAP_MIN bytes are mapped, smaller ones
 * are read into the heap; fs_unmap_file tells them apart by the length.
 * A mapping is one page longer than the file when the file ends on a page
 * boundary, so that the '\0' after the text always has a place.
 */
#define FS_MAP_MIN (64 * 1024)

static size_t map_size(size_t len)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	return (len + 1 + page - 1) / page * page;
}

/* fs_map_file's read path: into the heap, or into fresh pages when it is big. */
static int read_for_map(const char *path, const char **text, size_t *len, struct mesdb_err *err)
{
	struct strbuf sb = STRBUF_INIT;
	size_t total;
	char *p;

	if (fs_read_file(path, &sb, err) < 0) {
		strbuf_release(&sb);
		return -1;
	}
	*len = sb.len;
	if (sb.len < FS_MAP_MIN) {
		*text = strbuf_detach(&sb, NULL);
		return 0;
	}
	total = map_size(sb.len);
	p = mmap(NULL, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		strbuf_release(&sb);
		return mesdb_error(err, MESDB_E_IO, "could not read \"%s\": %s", path, strerror(errno));
	}
	memcpy(p, sb.buf, sb.len + 1);
	strbuf_release(&sb);
	*text = p;
	return 0;
}

int fs_map_file(const char *path, const char **text, size_t *len, struct mesdb_err *err)
{
	struct stat st, st2;
	size_t size, total;
	char *p;
	int fd = open_for_read(path, &st, NULL, err);

	if (fd < 0)
		return -1;
	if (!S_ISREG(st.st_mode) || (size_t)st.st_size < FS_MAP_MIN) {
		close(fd);
		return read_for_map(path, text, len, err);
	}
	size = (size_t)st.st_size;
	total = map_size(size);
	/* reserve the whole range (zero pages), then put the file over its start */
	p = mmap(NULL, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p != MAP_FAILED &&
	    mmap(p, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED | MAP_POPULATE, fd, 0) ==
		    MAP_FAILED) {
		munmap(p, total);
		p = MAP_FAILED;
	}
	/* changed size meanwhile (pages past its end would fault): read it instead */
	if (p != MAP_FAILED && (fstat(fd, &st2) < 0 || st2.st_size != st.st_size)) {
		munmap(p, total);
		p = MAP_FAILED;
	}
	close(fd);
	if (p == MAP_FAILED)
		return read_for_map(path, text, len, err);
	p[size] = '\0';   /* a private page (or the spare one): the text ends here whatever happens */
	(void)mprotect(p, total, PROT_READ);   /* only read from now on */
	*text = p;
	*len = size;
	return 0;
}

void fs_unmap_file(const char *text, size_t len)
{
	if (!text)
		return;
	if (len >= FS_MAP_MIN)
		munmap((void *)(uintptr_t)text, map_size(len));
	else
		free((void *)(uintptr_t)text);
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
			/* the entry's type when the file system tells it, else stat (links too) */
			unsigned char t = de->d_type;
			if (t == DT_UNKNOWN || t == DT_LNK) {
				fs_path_join(&path, dir, de->d_name);
				t = fs_is_dir(path.buf) ? DT_DIR : fs_is_file(path.buf) ? DT_REG : DT_UNKNOWN;
			}
			if (which == 'd' && t != DT_DIR)
				continue;
			if (which == 'f' && t != DT_REG)
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
