/*
 * rencana: TrueType faces for the PDF stage, read and subset with
 * HarfBuzz (the only file that includes hb.h and hb-subset.h).  A face is
 * parsed once per process and shared, read-only, by every document and
 * thread of a batch (issue 17).
 */
#ifndef RENCANA_FONT_H
#define RENCANA_FONT_H

#include <stddef.h>

struct buf;
struct font_face;

/* What a PDF font descriptor needs, in 1/1000 em (PostScript name and
 * flags as found in the face). */
struct font_info {
	char	 psname[64];	/* PostScript name, [A-Za-z0-9._-] only */
	int	 ascent, descent;	/* hhea, truncated like libharu's */
	int	 cap_height;
	int	 bbox[4];	/* head xMin yMin xMax yMax */
	double	 italic_angle;	/* degrees, from post */
	int	 fixed_pitch;
	int	 stem_v;	/* estimated from the OS/2 weight class */
};

/*
 * The face of the TrueType file at path, whose open descriptor fd (checked
 * by the caller) is mapped, not copied.  The first call for a path parses
 * it; later calls, from any thread, return the same face (fd unused) until
 * font_cache_clear.  NULL when HarfBuzz cannot read it.
 */
const struct font_face *font_face_get(const char *path, int fd);
/* Frees every face (at exit; no face may be in use). */
void		 font_cache_clear(void);

unsigned	 font_glyph_count(const struct font_face *);
/* The glyph of code point cp, or 0 (.notdef) when the face lacks it. */
unsigned	 font_glyph(const struct font_face *, unsigned long cp);
/* Advance width of a glyph, 1/1000 em truncated (the integers that go
 * into the PDF's /W: layout measures with the same). */
unsigned	 font_advance(const struct font_face *, unsigned gid);
void		 font_get_info(const struct font_face *, struct font_info *);

/*
 * Appends to out a TrueType font holding only the glyphs whose bit is set
 * in used[] (font_glyph_count bits; glyph 0 always), glyph ids kept, no
 * hinting, no glyph names (post 3), no cmap: a PDF CIDFontType2 program
 * (CIDToGIDMap /Identity).  Same input, same bytes.  The last few
 * subsets of each face are kept, so a batch's plans drawing the same
 * glyphs subset them once.  -1 on failure.
 */
int		 font_subset(const struct font_face *, const unsigned char *used,
		    struct buf *out);

#endif
