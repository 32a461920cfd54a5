/* rencana: growable byte buffer. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"

void
buf_reserve(struct buf *b, size_t extra)
{
	if (b->len + extra + 1 < b->len)
		b->data = xgrow(b->data, &b->cap, (size_t)-1, 1);
	b->data = xgrow(b->data, &b->cap, b->len + extra + 1, 1);
}

void
buf_put(struct buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

void
buf_putc(struct buf *b, int c)
{
	char ch = (char)c;

	if (b->len + 2 <= b->cap) {	/* room: the common case, inline */
		b->data[b->len++] = ch;
		b->data[b->len] = '\0';
		return;
	}
	buf_put(b, &ch, 1);
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
buf_truncate(struct buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->data[len] = '\0';
	}
}

const char *
buf_str(const struct buf *b)
{
	return b->data ? b->data : "";
}

char *
buf_detach(struct buf *b)
{
	char *s = b->data ? b->data : xstrdup("");

	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

int
buf_read_stream(struct buf *b, FILE *f, size_t max)
{
	char chunk[65536];
	size_t n, start = b->len;

	while (b->len - start <= max &&
	    (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(b, chunk, n);
	if (ferror(f))
		return -1;
	buf_put(b, "", 0);	/* data is never NULL after a read */
	return 0;
}

int
buf_read_file(struct buf *b, const char *path, size_t max)
{
	FILE *f = fopen(path, "rb");
	int rc, saved;

	if (f == NULL)
		return -1;
	rc = buf_read_stream(b, f, max);
	saved = errno;
	fclose(f);
	errno = saved;
	return rc;
}

void
buf_put_roman(struct buf *b, long n, int upper)
{
	static const struct { int v; const char *s; } tab[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" },
		{ 100, "c" }, { 90, "xc" }, { 50, "l" }, { 40, "xl" },
		{ 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" }
	};
	size_t i;
	const char *p;

	if (n < 1 || n > 3999)
		return;
	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		while (n >= tab[i].v) {
			for (p = tab[i].s; *p != '\0'; p++)
				buf_putc(b, upper ? *p - 'a' + 'A' : *p);
			n -= tab[i].v;
		}
}
