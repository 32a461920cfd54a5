/*
 * rencana: object streams and a cross-reference stream for a finished
 * PDF (pdfpack.h).  Choices, each for a reason:
 * - A pass over the bytes libharu wrote, not a change to libharu: 2.3.0
 *   has no object streams, and its output is regular (one xref table, a
 *   trailer, objects as `N 0 obj` ... `endobj`), so objects are found by
 *   the table's offsets, not by parsing PDF syntax.  Anything else is
 *   refused and the caller keeps libharu's file as it is.
 * - A stream object (its body ends with `endstream`) is copied byte for
 *   byte: PDF forbids streams inside object streams, and they are already
 *   compressed.  Every other object goes, in number order, into object
 *   streams of at most OBJSTM_MAX objects, deflated at OBJSTM_LEVEL.
 * - Deflate is libdeflate's, not zlib's: whole buffers (every stream here
 *   is one), the same bytes for the same input and level, and at level 1
 *   a 100-page document's content streams take 2.0 ms and 138,622 bytes
 *   where zlib's default level (libharu's) takes 7.0 ms and 131,694.
 * - Cross-reference stream fields of 1, 4 and 2 bytes (/W [1 4 2]): files
 *   up to 4 GiB, object streams of up to 65,535 objects.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>

#include "buf.h"
#include "pdfpack.h"
#include "xalloc.h"

/* Objects per object stream: readers parse a stream's whole header to
 * find one object, so a few hundred keeps that quick on big documents. */
#define OBJSTM_MAX	500
/* libdeflate's level for the object streams and the cross-reference
 * stream: a few KB of dictionaries whose text repeats.  Level 9 cost 8.6 M
 * instructions more on a 100-page document than 6, for 379 bytes (pdf.c
 * picks its own level for content and fonts). */
#define OBJSTM_LEVEL	6
/* Objects in a document: libharu's own limit (HPDF_LIMIT_MAX_OBJECTS is
 * 8,388,607); a higher number in the xref table means a broken input. */
#define OBJ_MAX		8388607UL

struct obj {
	size_t		 off;		/* in the input; 0 when not in use */
	size_t		 end;		/* past `endobj` and its end of line */
	size_t		 body, blen;	/* between `obj` and `endobj`, trimmed */
	int		 stream;
	unsigned long	 stm;		/* object stream number, 0 direct */
	unsigned	 idx;		/* index in it */
	size_t		 newoff;	/* in the output, when direct */
};

static int
is_ws(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' ||
	    c == '\0';
}

/* The number at *p (after blanks), advancing *p; -1 when none. */
static long long
num_at(const char *in, size_t len, size_t *p)
{
	long long v = 0;
	int any = 0;

	while (*p < len && is_ws(in[*p]))
		(*p)++;
	while (*p < len && in[*p] >= '0' && in[*p] <= '9' && v < (1LL << 40)) {
		v = v * 10 + (in[*p] - '0');
		(*p)++;
		any = 1;
	}
	return any ? v : -1;
}

/* The last occurrence of s in in[from..to), or (size_t)-1. */
static size_t
find_last(const char *in, size_t from, size_t to, const char *s)
{
	size_t n = strlen(s), i;

	for (i = to; i >= from + n; i--)
		if (memcmp(in + i - n, s, n) == 0)
			return i - n;
	return (size_t)-1;
}

/* The value N of `/Key N 0 R` in the trailer, or 0. */
static unsigned long
trailer_ref(const char *in, size_t from, size_t to, const char *key)
{
	size_t k = strlen(key), i;
	long long v;

	for (i = from; i + k < to; i++)
		if (memcmp(in + i, key, k) == 0 && is_ws(in[i + k])) {
			i += k;
			v = num_at(in, to, &i);
			return v > 0 ? (unsigned long)v : 0;
		}
	return 0;
}

/* Reads the xref table at x: entries of in-use objects into o[]. */
static int
read_xref(const char *in, size_t len, size_t x, struct obj *o,
    unsigned long size, size_t *trailer)
{
	size_t p = x + 4;
	long long first, count, off, gen, i;

	for (;;) {
		size_t save = p;

		while (p < len && is_ws(in[p]))
			p++;
		if (p + 7 <= len && memcmp(in + p, "trailer", 7) == 0) {
			*trailer = p;
			return 0;
		}
		p = save;
		if ((first = num_at(in, len, &p)) < 0 ||
		    (count = num_at(in, len, &p)) < 0 ||
		    (unsigned long long)(first + count) > size)
			return -1;
		for (i = first; i < first + count; i++) {
			if ((off = num_at(in, len, &p)) < 0 ||
			    (gen = num_at(in, len, &p)) < 0)
				return -1;
			while (p < len && is_ws(in[p]))
				p++;
			if (p >= len || (in[p] != 'n' && in[p] != 'f'))
				return -1;
			if (in[p++] == 'n') {
				if (gen != 0 || off <= 0 || (size_t)off >= x)
					return -1;
				o[i].off = (size_t)off;
			}
		}
	}
}

static int
by_off(const void *a, const void *b)
{
	size_t x = (*(const struct obj *const *)a)->off;
	size_t y = (*(const struct obj *const *)b)->off;

	return x < y ? -1 : x > y;
}

/* Finds each object's end and body; -1 if one is not `N 0 obj`...`endobj`. */
static int
read_objects(const char *in, size_t x, struct obj *o, unsigned long size)
{
	struct obj **s = xcalloc(size, sizeof(*s));
	unsigned long i, n = 0;
	size_t p, e, end;
	int rc = 0;

	for (i = 1; i < size; i++)
		if (o[i].off != 0)
			s[n++] = &o[i];
	qsort(s, n, sizeof(*s), by_off);
	for (i = 0; i < n && rc == 0; i++) {
		struct obj *ob = s[i];

		end = i + 1 < n ? s[i + 1]->off : x;
		p = ob->off;
		if (num_at(in, end, &p) != (long long)(ob - o) ||
		    num_at(in, end, &p) != 0 || p + 4 > end ||
		    memcmp(in + p, " obj", 4) != 0 ||
		    (e = find_last(in, p + 4, end, "endobj")) == (size_t)-1) {
			rc = -1;
			break;
		}
		p += 4;
		ob->end = e + 6;
		while (ob->end < end && (in[ob->end] == '\r' ||
		    in[ob->end] == '\n'))
			ob->end++;
		while (p < e && is_ws(in[p]))
			p++;
		while (e > p && is_ws(in[e - 1]))
			e--;
		ob->body = p;
		ob->blen = e - p;
		ob->stream = ob->blen >= 9 &&
		    memcmp(in + e - 9, "endstream", 9) == 0;
	}
	free(s);
	return rc;
}

struct deflater {
	struct libdeflate_compressor *c;
};

struct deflater *
deflater_new(int level)
{
	struct deflater *d = xcalloc(1, sizeof(*d));

	if ((d->c = libdeflate_alloc_compressor(level)) == NULL) {
		free(d);
		return NULL;
	}
	return d;
}

void
deflater_free(struct deflater *d)
{
	if (d != NULL) {
		libdeflate_free_compressor(d->c);
		free(d);
	}
}

int
deflater_put(struct deflater *d, const void *in, size_t n, struct buf *out)
{
	size_t cap = libdeflate_zlib_compress_bound(d->c, n), z;

	buf_reserve(out, cap);
	z = libdeflate_zlib_compress(d->c, in, n, out->data + out->len, cap);
	if (z == 0)
		return -1;
	out->len += z;
	out->data[out->len] = '\0';
	return 0;
}

/* One object stream of the packed objects first..last (numbers), as
 * object number `num`; each packed object gets its place. */
static int
put_objstm(const char *in, struct obj *o, unsigned long *list, size_t n,
    unsigned long num, struct deflater *dz, struct buf *out)
{
	struct buf head = BUF_INIT, body = BUF_INIT, z = BUF_INIT;
	size_t i;
	int rc;

	for (i = 0; i < n; i++) {
		struct obj *ob = &o[list[i]];

		buf_printf(&head, "%lu %zu ", list[i], body.len);
		buf_put(&body, in + ob->body, ob->blen);
		buf_putc(&body, '\n');
		ob->stm = num;
		ob->idx = (unsigned)i;
	}
	buf_put(&head, body.data, body.len);
	rc = deflater_put(dz, head.data, head.len, &z);
	if (rc == 0) {
		buf_printf(out, "%lu 0 obj\n<</Type /ObjStm /N %zu /First %zu "
		    "/Filter /FlateDecode /Length %zu>>\nstream\n", num, n,
		    head.len - body.len, z.len);
		buf_put(out, z.data, z.len);
		buf_puts(out, "\nendstream\nendobj\n");
	}
	buf_free(&head);
	buf_free(&body);
	buf_free(&z);
	return rc;
}

static void
put_entry(struct buf *x, int type, unsigned long f2, unsigned f3)
{
	char e[7];

	e[0] = (char)type;
	e[1] = (char)(f2 >> 24);
	e[2] = (char)(f2 >> 16);
	e[3] = (char)(f2 >> 8);
	e[4] = (char)f2;
	e[5] = (char)(f3 >> 8);
	e[6] = (char)f3;
	buf_put(x, e, 7);
}

/* The cross-reference stream, object `num`, at out's end. */
static int
put_xref(struct obj *o, unsigned long size, unsigned long nstm,
    const size_t *stm_off, unsigned long root, unsigned long info,
    struct deflater *dz, struct buf *out)
{
	struct buf x = BUF_INIT, z = BUF_INIT;
	unsigned long i, num = size + nstm;
	size_t at = out->len;
	int rc;

	put_entry(&x, 0, 0, 65535);
	for (i = 1; i < size; i++) {
		if (o[i].off == 0)
			put_entry(&x, 0, 0, 0);
		else if (o[i].stm != 0)
			put_entry(&x, 2, o[i].stm, o[i].idx);
		else
			put_entry(&x, 1, (unsigned long)o[i].newoff, 0);
	}
	for (i = 0; i < nstm; i++)
		put_entry(&x, 1, (unsigned long)stm_off[i], 0);
	put_entry(&x, 1, (unsigned long)at, 0);
	rc = deflater_put(dz, x.data, x.len, &z);
	if (rc == 0) {
		buf_printf(out, "%lu 0 obj\n<</Type /XRef /Size %lu /W [1 4 2] "
		    "/Root %lu 0 R", num, num + 1, root);
		if (info != 0)
			buf_printf(out, " /Info %lu 0 R", info);
		buf_printf(out, " /Filter /FlateDecode /Length %zu>>\nstream\n",
		    z.len);
		buf_put(out, z.data, z.len);
		buf_printf(out, "\nendstream\nendobj\nstartxref\n%zu\n%%%%EOF\n",
		    at);
	}
	buf_free(&x);
	buf_free(&z);
	return rc;
}

/* Writes the packed file (objects found); -1 on a deflate error. */
static int
pack(const char *in, struct obj *o, unsigned long size, unsigned long root,
    unsigned long info, struct buf *out)
{
	unsigned long *list = xcalloc(size, sizeof(*list));
	unsigned long i, npack = 0, nstm, k;
	size_t *stm_off;
	struct deflater *dz = NULL;
	int rc = 0;

	for (i = 1; i < size; i++)
		if (o[i].off != 0 && !o[i].stream)
			list[npack++] = i;
	nstm = (npack + OBJSTM_MAX - 1) / OBJSTM_MAX;
	stm_off = xcalloc(nstm + 1, sizeof(*stm_off));
	buf_puts(out, "%PDF-1.5\n%\xB7\xBE\xAD\xAA\n");
	for (i = 1; i < size; i++)
		if (o[i].off != 0 && o[i].stream) {
			o[i].newoff = out->len;
			buf_put(out, in + o[i].off, o[i].end - o[i].off);
		}
	if ((dz = deflater_new(OBJSTM_LEVEL)) == NULL)
		rc = -1;
	for (k = 0; k < nstm && rc == 0; k++) {
		size_t n = npack - k * OBJSTM_MAX;

		stm_off[k] = out->len;
		rc = put_objstm(in, o, list + k * OBJSTM_MAX,
		    n > OBJSTM_MAX ? OBJSTM_MAX : n, size + k, dz, out);
	}
	if (rc == 0)
		rc = put_xref(o, size, nstm, stm_off, root, info, dz, out);
	deflater_free(dz);
	free(stm_off);
	free(list);
	return rc;
}

int
pdfpack(const char *in, size_t len, struct buf *out)
{
	size_t sx, p, x, trailer = 0, keep = out->len;
	unsigned long size, root, info;
	long long v;
	struct obj *o;
	int rc = -1;

	if (len < 32 || len > 0xFFFFFFF0UL || memcmp(in, "%PDF-", 5) != 0 ||
	    (sx = find_last(in, 0, len, "startxref")) == (size_t)-1)
		return -1;
	p = sx + 9;
	if ((v = num_at(in, len, &p)) <= 0 || (size_t)v >= sx ||
	    memcmp(in + v, "xref", 4) != 0)
		return -1;
	x = (size_t)v;
	if ((size = trailer_ref(in, x, sx, "/Size")) < 2 || size > OBJ_MAX)
		return -1;
	o = xcalloc(size, sizeof(*o));
	if (read_xref(in, len, x, o, size, &trailer) == 0 &&
	    (root = trailer_ref(in, trailer, sx, "/Root")) != 0 &&
	    root < size && o[root].off != 0 &&
	    read_objects(in, x, o, size) == 0) {
		info = trailer_ref(in, trailer, sx, "/Info");
		if (info >= size || o[info].off == 0)
			info = 0;
		/* Anything else in the trailer (an /ID, /Encrypt) would be
		 * lost: refuse. */
		if (find_last(in, trailer, sx, "/ID") == (size_t)-1 &&
		    find_last(in, trailer, sx, "/Encrypt") == (size_t)-1)
			rc = pack(in, o, size, root, info, out);
	}
	if (rc != 0)
		buf_truncate(out, keep);
	free(o);
	return rc;
}
