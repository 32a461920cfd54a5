/*
 * rencana: glyph outlines of a TrueType font (the `glyf` table), so that
 * the draft mark can be drawn as filled paths rather than as text: a
 * reader copying or extracting the page's text then never gets the
 * mark's letters (issue 13).  libharu cannot turn glyphs into paths.
 */
#ifndef RENCANA_GLYPH_H
#define RENCANA_GLYPH_H

#include <stddef.h>

struct glyph_font;

/* The outline of one glyph in font units (y up): contours of points, each
 * on the curve or a quadratic control point (TrueType's form). */
struct glyph_outline {
	double		*x, *y;		/* points (owned) */
	unsigned char	*on;		/* 1 on the curve, 0 a control point */
	size_t		 n, cap;
	size_t		*end;		/* index of each contour's last point */
	size_t		 nend, endcap;
	double		 advance;	/* advance width, font units */
};

/*
 * Reads the tables of a TrueType font held in data[0..len) (not copied:
 * keep it alive while the font is used).  Returns a new font the caller
 * frees with glyph_font_free, or NULL when data is not a TrueType font
 * with `glyf` outlines and a Unicode `cmap` (format 4).
 */
struct glyph_font *glyph_font_new(const unsigned char *data, size_t len);
void		 glyph_font_free(struct glyph_font *);
/* Units per em of the font (from `head`). */
double		 glyph_units_per_em(const struct glyph_font *);
/*
 * Fills *out (reset first) with the outline of code point cp (composite
 * glyphs resolved).  Returns 0, or -1 when the font has no glyph for cp or
 * its data is malformed (*out is then empty).  Free with
 * glyph_outline_free.
 */
int		 glyph_get(const struct glyph_font *, unsigned long cp,
		    struct glyph_outline *out);
void		 glyph_outline_free(struct glyph_outline *);

#endif
