/* err.c - filling and releasing struct mesdb_err; never prints */
#include "mesdb/mesdb_err.h"
#include "strbuf.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static char *vfmt(const char *fmt, va_list ap) MESDB_PRINTF(1, 0);

static char *vfmt(const char *fmt, va_list ap)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_vaddf(&sb, fmt, ap);
	return strbuf_detach(&sb, NULL);
}

int mesdb_error(struct mesdb_err *err, enum mesdb_status status, const char *fmt, ...)
{
	va_list ap;
	if (!err)
		return -1;
	if (err->status != MESDB_OK || err->message)
		MESDB_BUG("mesdb_error on an error already filled");
	err->status = status;
	va_start(ap, fmt);
	err->message = vfmt(fmt, ap);
	va_end(ap);
	return -1;
}

void mesdb_err_detail(struct mesdb_err *err, const char *fmt, ...)
{
	va_list ap;
	if (!err)
		return;
	free(err->detail);
	va_start(ap, fmt);
	err->detail = vfmt(fmt, ap);
	va_end(ap);
}

void mesdb_err_hint(struct mesdb_err *err, const char *fmt, ...)
{
	va_list ap;
	if (!err)
		return;
	free(err->hint);
	va_start(ap, fmt);
	err->hint = vfmt(fmt, ap);
	va_end(ap);
}

void mesdb_err_prefix(struct mesdb_err *err, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	if (!err)
		return;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	strbuf_addstr(&sb, ": ");
	strbuf_addstr(&sb, err->message ? err->message : "");
	free(err->message);
	err->message = strbuf_detach(&sb, NULL);
}

void mesdb_err_set_sqlstate(struct mesdb_err *err, const char *sqlstate)
{
	if (!err)
		return;
	memset(err->sqlstate, 0, sizeof(err->sqlstate));
	if (sqlstate)
		strncpy(err->sqlstate, sqlstate, sizeof(err->sqlstate) - 1);
}

void mesdb_err_set_code(struct mesdb_err *err, const char *code)
{
	if (!err)
		return;
	memset(err->code, 0, sizeof(err->code));
	if (code)
		strncpy(err->code, code, sizeof(err->code) - 1);
}

void mesdb_err_release(struct mesdb_err *err)
{
	if (!err)
		return;
	free(err->message);
	free(err->detail);
	free(err->hint);
	memset(err, 0, sizeof(*err));
}

void mesdb_err_move(struct mesdb_err *dst, struct mesdb_err *src)
{
	if (dst->status != MESDB_OK || dst->message)
		MESDB_BUG("mesdb_err_move into a filled error");
	*dst = *src;
	memset(src, 0, sizeof(*src));
}

/* ORDER MESDB_E */
static const char *const status_names[] = {
	"ok", "usage", "io", "schema", "config", "connect", "query",
	"migration", "refused", "lock", "internal",
};

const char *mesdb_status_name(enum mesdb_status status)
{
	_Static_assert(ARRAY_SIZE(status_names) == MESDB_E__COUNT, "status_names out of sync");
	if ((unsigned)status >= MESDB_E__COUNT)
		return "unknown";
	return status_names[status];
}
