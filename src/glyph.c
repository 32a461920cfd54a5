/*
 * rencana: glyph outlines read from a TrueType font's `glyf` table, for
 * the draft mark drawn as paths (pdf.c).
 *
 * Tables used (OpenType spec): `head` (unitsPerEm, indexToLocFormat),
 * `maxp` (numGlyphs), `cmap` (a format 4 subtable, platform 3 encoding 1
 * or platform 0), `hhea` and `hmtx` (advances), `loca` and `glyf`.  Simple
 * glyphs are decoded point by point; composite glyphs place their parts
 * with an offset and an optional scale or 2x2 matrix, to GLYPH_MAX_DEPTH.
 * Every read is checked against the table's bounds: a font named by a
 * template is not trusted.
 */
#include <stdlib.h>
#include <string.h>

#include "glyph.h"
#include "xalloc.h"

/*
 * Limits.
 * GLYPH_MAX_DEPTH: nesting of composite glyphs (fonts use 1 or 2).
 * GLYPH_MAX_POINTS: points of one glyph with its parts (a Latin glyph has
 *   under 200).
 */
#define GLYPH_MAX_DEPTH		4
#define GLYPH_MAX_POINTS	20000

struct span {
	const unsigned char	*p;
	size_t			 len;
};

struct glyph_font {
	struct span	 glyf, loca, hmtx, cmap4;
	unsigned	 upem;
	int		 long_loca;
	unsigned	 nglyph, nhmetric;
};

static int
rd16(struct span s, size_t off, unsigned *v)
{
	if (off + 2 > s.len || off + 2 < off)
		return -1;
	*v = (unsigned)s.p[off] << 8 | s.p[off + 1];
	return 0;
}

static int
rd32(struct span s, size_t off, unsigned long *v)
{
	if (off + 4 > s.len || off + 4 < off)
		return -1;
	*v = (unsigned long)s.p[off] << 24 | (unsigned long)s.p[off + 1] << 16 |
	    (unsigned long)s.p[off + 2] << 8 | s.p[off + 3];
	return 0;
}

static int
s16(unsigned v)
{
	return v >= 0x8000 ? (int)v - 0x10000 : (int)v;
}

static int
table(struct span f, const char *tag, struct span *out)
{
	unsigned n, i;
	unsigned long off, len;

	if (rd16(f, 4, &n) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		size_t r = 12 + (size_t)i * 16;

		if (r + 16 > f.len)
			return -1;
		if (memcmp(f.p + r, tag, 4) != 0)
			continue;
		if (rd32(f, r + 8, &off) != 0 || rd32(f, r + 12, &len) != 0 ||
		    off > f.len || len > f.len - off)
			return -1;
		out->p = f.p + off;
		out->len = len;
		return 0;
	}
	return -1;
}

struct glyph_font *
glyph_font_new(const unsigned char *data, size_t len)
{
	struct span f = { data, len }, head, maxp, hhea, cmap;
	struct glyph_font *g;
	unsigned long ver, off;
	unsigned n, i, plat, enc, fmt, v;

	if (rd32(f, 0, &ver) != 0 || (ver != 0x00010000UL && ver != 0x74727565UL))
		return NULL;
	g = xcalloc(1, sizeof(*g));
	if (table(f, "head", &head) != 0 || table(f, "maxp", &maxp) != 0 ||
	    table(f, "hhea", &hhea) != 0 || table(f, "hmtx", &g->hmtx) != 0 ||
	    table(f, "loca", &g->loca) != 0 || table(f, "glyf", &g->glyf) != 0 ||
	    table(f, "cmap", &cmap) != 0 || rd16(head, 18, &g->upem) != 0 ||
	    rd16(head, 50, &v) != 0 || rd16(maxp, 4, &g->nglyph) != 0 ||
	    rd16(hhea, 34, &g->nhmetric) != 0 || g->upem == 0 ||
	    g->nhmetric == 0 || rd16(cmap, 2, &n) != 0)
		goto bad;
	g->long_loca = v != 0;
	for (i = 0; i < n; i++) {
		if (rd16(cmap, 4 + (size_t)i * 8, &plat) != 0 ||
		    rd16(cmap, 6 + (size_t)i * 8, &enc) != 0 ||
		    rd32(cmap, 8 + (size_t)i * 8, &off) != 0)
			goto bad;
		if (!((plat == 3 && enc == 1) || plat == 0) || off >= cmap.len ||
		    rd16(cmap, off, &fmt) != 0 || fmt != 4)
			continue;
		g->cmap4.p = cmap.p + off;
		g->cmap4.len = cmap.len - off;
		return g;
	}
bad:
	free(g);
	return NULL;
}

void
glyph_font_free(struct glyph_font *g)
{
	free(g);
}

double
glyph_units_per_em(const struct glyph_font *g)
{
	return g->upem;
}

/* The glyph index of a code point (format 4), 0 when none. */
static unsigned
glyph_index(const struct glyph_font *g, unsigned long cp)
{
	struct span c = g->cmap4;
	unsigned segx2, i, end, start, delta, ro, gi;

	if (cp > 0xFFFF || rd16(c, 6, &segx2) != 0)
		return 0;
	for (i = 0; i < segx2; i += 2) {
		if (rd16(c, 14 + i, &end) != 0)
			return 0;
		if (end < cp)
			continue;
		if (rd16(c, 16 + segx2 + i, &start) != 0 || start > cp ||
		    rd16(c, 16 + 2 * segx2 + i, &delta) != 0 ||
		    rd16(c, 16 + 3 * segx2 + i, &ro) != 0)
			return 0;
		if (ro == 0)
			return (unsigned)(cp + delta) & 0xFFFF;
		if (rd16(c, 16 + 3 * (size_t)segx2 + i + ro +
		    2 * (size_t)(cp - start), &gi) != 0 || gi == 0)
			return 0;
		return (gi + delta) & 0xFFFF;
	}
	return 0;
}

static int
add_point(struct glyph_outline *o, double x, double y, int on)
{
	if (o->n >= GLYPH_MAX_POINTS)
		return -1;
	if (o->n == o->cap) {
		size_t c = o->cap;

		o->x = xgrow(o->x, &c, o->n + 1, sizeof(*o->x));
		c = o->cap;
		o->y = xgrow(o->y, &c, o->n + 1, sizeof(*o->y));
		c = o->cap;
		o->on = xgrow(o->on, &c, o->n + 1, sizeof(*o->on));
		o->cap = c;
	}
	o->x[o->n] = x;
	o->y[o->n] = y;
	o->on[o->n++] = (unsigned char)on;
	return 0;
}

/* The glyph's data in `glyf`, or an empty span (a space). */
static int
glyph_data(const struct glyph_font *g, unsigned gi, struct span *out)
{
	unsigned long a, b;
	unsigned s, t;

	if (gi >= g->nglyph)
		return -1;
	if (g->long_loca) {
		if (rd32(g->loca, (size_t)gi * 4, &a) != 0 ||
		    rd32(g->loca, (size_t)gi * 4 + 4, &b) != 0)
			return -1;
	} else {
		if (rd16(g->loca, (size_t)gi * 2, &s) != 0 ||
		    rd16(g->loca, (size_t)gi * 2 + 2, &t) != 0)
			return -1;
		a = (unsigned long)s * 2;
		b = (unsigned long)t * 2;
	}
	if (b < a || b > g->glyf.len)
		return -1;
	out->p = g->glyf.p + a;
	out->len = b - a;
	return 0;
}

/* A transform: x' = a x + c y + e, y' = b x + d y + f. */
struct xf {
	double a, b, c, d, e, f;
};

static int	outline_of(const struct glyph_font *, unsigned, const struct xf *,
		    int, struct glyph_outline *);

static int
simple(struct span s, int ncont, const struct xf *m, struct glyph_outline *o)
{
	unsigned last = 0, ilen, v, k;
	size_t p, i, npt, fo, xo, yo, nx = 0, ny = 0, first = o->n;
	unsigned char *fl;
	long x = 0, y = 0;
	int c, rc = -1;

	if (ncont == 0)
		return 0;
	for (c = 0; c < ncont; c++) {
		if (rd16(s, 10 + (size_t)c * 2, &v) != 0 || (c > 0 && v < last))
			return -1;
		last = v;
	}
	npt = (size_t)last + 1;
	p = 10 + (size_t)ncont * 2;
	if (rd16(s, p, &ilen) != 0 || npt > GLYPH_MAX_POINTS)
		return -1;
	p += 2 + ilen;
	/* flags, with repeats; then the sizes of the x and y arrays */
	fl = xmalloc(npt);
	for (i = 0; i < npt;) {
		unsigned char f, r = 0;

		if (p >= s.len)
			goto out;
		f = s.p[p++];
		if (f & 8) {
			if (p >= s.len)
				goto out;
			r = s.p[p++];
		}
		for (k = 0; k <= r && i < npt; k++)
			fl[i++] = f;
	}
	for (i = 0; i < npt; i++) {
		nx += (fl[i] & 2) ? 1 : (fl[i] & 16) ? 0 : 2;
		ny += (fl[i] & 4) ? 1 : (fl[i] & 32) ? 0 : 2;
	}
	fo = p;
	if (fo + nx + ny > s.len)
		goto out;
	xo = fo;
	yo = fo + nx;
	for (c = 0, i = 0; i < npt; i++) {
		if (fl[i] & 2) {
			x += (fl[i] & 16) ? s.p[xo] : -(long)s.p[xo];
			xo++;
		} else if (!(fl[i] & 16)) {
			x += s16((unsigned)s.p[xo] << 8 | s.p[xo + 1]);
			xo += 2;
		}
		if (fl[i] & 4) {
			y += (fl[i] & 32) ? s.p[yo] : -(long)s.p[yo];
			yo++;
		} else if (!(fl[i] & 32)) {
			y += s16((unsigned)s.p[yo] << 8 | s.p[yo + 1]);
			yo += 2;
		}
		if (add_point(o, m->a * x + m->c * y + m->e,
		    m->b * x + m->d * y + m->f, fl[i] & 1) != 0)
			goto out;
	}
	for (c = 0; c < ncont; c++) {
		rd16(s, 10 + (size_t)c * 2, &v);
		o->end = xgrow(o->end, &o->endcap, o->nend + 1, sizeof(*o->end));
		o->end[o->nend++] = first + v;
	}
	rc = 0;
out:
	free(fl);
	return rc;
}

static int
composite(const struct glyph_font *g, struct span s, const struct xf *m,
    int depth, struct glyph_outline *o)
{
	size_t p = 10;
	unsigned flags, gi, u1, u2;

	do {
		struct xf t = { 1, 0, 0, 1, 0, 0 }, r;
		double dx, dy;

		if (rd16(s, p, &flags) != 0 || rd16(s, p + 2, &gi) != 0)
			return -1;
		p += 4;
		if (flags & 1) {		/* ARG_1_AND_2_ARE_WORDS */
			if (rd16(s, p, &u1) != 0 || rd16(s, p + 2, &u2) != 0)
				return -1;
			dx = s16(u1);
			dy = s16(u2);
			p += 4;
		} else {
			if (p + 2 > s.len)
				return -1;
			dx = (signed char)s.p[p];
			dy = (signed char)s.p[p + 1];
			p += 2;
		}
		if (!(flags & 2))		/* point matching: not used here */
			dx = dy = 0;
		if (flags & 8) {		/* WE_HAVE_A_SCALE */
			if (rd16(s, p, &u1) != 0)
				return -1;
			t.a = t.d = s16(u1) / 16384.0;
			p += 2;
		} else if (flags & 0x40) {	/* an x and a y scale */
			if (rd16(s, p, &u1) != 0 || rd16(s, p + 2, &u2) != 0)
				return -1;
			t.a = s16(u1) / 16384.0;
			t.d = s16(u2) / 16384.0;
			p += 4;
		} else if (flags & 0x80) {	/* a 2x2 matrix */
			unsigned q[4];
			int k;

			for (k = 0; k < 4; k++)
				if (rd16(s, p + (size_t)k * 2, &q[k]) != 0)
					return -1;
			t.a = s16(q[0]) / 16384.0;
			t.b = s16(q[1]) / 16384.0;
			t.c = s16(q[2]) / 16384.0;
			t.d = s16(q[3]) / 16384.0;
			p += 8;
		}
		t.e = dx;
		t.f = dy;
		/* r = m after t */
		r.a = m->a * t.a + m->c * t.b;
		r.b = m->b * t.a + m->d * t.b;
		r.c = m->a * t.c + m->c * t.d;
		r.d = m->b * t.c + m->d * t.d;
		r.e = m->a * t.e + m->c * t.f + m->e;
		r.f = m->b * t.e + m->d * t.f + m->f;
		if (outline_of(g, gi, &r, depth + 1, o) != 0)
			return -1;
	} while (flags & 0x20);			/* MORE_COMPONENTS */
	return 0;
}

static int
outline_of(const struct glyph_font *g, unsigned gi, const struct xf *m,
    int depth, struct glyph_outline *o)
{
	struct span s;
	unsigned nc;

	if (depth > GLYPH_MAX_DEPTH || glyph_data(g, gi, &s) != 0)
		return -1;
	if (s.len == 0)
		return 0;
	if (rd16(s, 0, &nc) != 0)
		return -1;
	if (s16(nc) >= 0)
		return simple(s, s16(nc), m, o);
	return composite(g, s, m, depth, o);
}

int
glyph_get(const struct glyph_font *g, unsigned long cp,
    struct glyph_outline *o)
{
	static const struct xf id = { 1, 0, 0, 1, 0, 0 };
	unsigned gi = glyph_index(g, cp), adv;

	o->n = o->nend = 0;
	o->advance = 0;
	if (gi == 0 && cp != ' ')
		return -1;
	if (rd16(g->hmtx, 4 * (size_t)(gi < g->nhmetric ? gi :
	    g->nhmetric - 1), &adv) != 0)
		return -1;
	o->advance = adv;
	if (outline_of(g, gi, &id, 0, o) != 0) {
		o->n = o->nend = 0;
		return -1;
	}
	return 0;
}

void
glyph_outline_free(struct glyph_outline *o)
{
	free(o->x);
	free(o->y);
	free(o->on);
	free(o->end);
	memset(o, 0, sizeof(*o));
}
