/*
 * rencana: the PDF stage: pages of positioned boxes -> a PDF file through
 * libharu 2.3.0, and the font metrics layout measures with.  The only file
 * that includes hpdf.h (docs/architecture.md); the pitfalls it works around
 * are in docs/libharu-notes.md.
 *
 * Choices, each for a reason:
 * - Body fonts are TrueType files, parsed once per process and subset by
 *   font.c (HarfBuzz), written here as Type 0 fonts (CIDs are glyph
 *   ids, a ToUnicode map) through libharu's object API, not its font
 *   loader (docs/architecture.md, "PDF fonts").  Boxes hold UTF-8: the
 *   WinAnsi characters are drawn as one-byte codes, mapped to glyphs by
 *   an embedded CMap, so word spacing (Tw) still justifies; any other
 *   character as a two-byte glyph id in a second, Identity-H font over
 *   the same CIDFont.  Never base-14 (not embedded).
 * - Metadata and bookmarks go through libharu's UTF-8 encoder (written as
 *   UTF-16BE with a BOM).  Page-label prefixes are not used (written raw).
 * - Deterministic bytes: no clock (dates come from doc_pages.meta.date), no
 *   PDF/A and no encryption (both add a time-based /ID), objects created in
 *   page order, font objects when a page first uses them.
 * - Errors: libharu errors are sticky, so the handler keeps the first code
 *   with what pdf.c was doing, never longjmps, and every step is checked.
 *   Only image loading may fail on the user's data; everything else is a bug
 *   or an installation problem.
 * - libharu 2.3.0 trusts its input files and can crash on them (a broken PNG
 *   makes libpng abort(), a text file named .ttf segfaults), so fonts, PNGs
 *   and JPEGs are checked here first: libpng's simplified API decodes each
 *   PNG, and TrueType and JPEG headers are walked by hand.
 * - One libharu document per build, opened with its four faces before
 *   layout (pdf_open): the widths layout measures with are read from the
 *   very faces that are embedded.  The faces are font.c's, shared
 *   read-only; nothing else is shared: calls may run in parallel threads.
 * - The finished file is packed into object streams (pdfpack.c) before
 *   it is written.
 * - The file is written to `.NAME.XXXXXX` beside the target, synced and
 *   renamed, so a failed build never leaves a half-written or missing PDF.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <hpdf.h>
#include <hpdf_pages.h>
#include <png.h>

#include "buf.h"
#include "confine.h"
#include "diag.h"
#include "font.h"
#include "glyph.h"
#include "image.h"
#include "output.h"
#include "page.h"
#include "pdf.h"
#include "pdfpack.h"
#include "style.h"
#include "winansi.h"
#include "xalloc.h"

/* ---- limits ---- */

/* Distinct transparency values per document: each is one ExtGState object;
 * layout uses one or two (the draft mark), so more is a bug upstream. */
#define MAX_ALPHAS	32
/* Outline nesting followed; deeper levels hang under level MAX_OUTLINE_LEVEL
 * (layout emits 1-3). */
#define MAX_OUTLINE_LEVEL 8
/* Images: IMAGE_MAX_PIXELS and IMAGE_MAX_BYTES in image.h. */
/* Tables in a TrueType directory: Liberation Sans has 19; the format
 * allows more, but a font with hundreds is not a text font. */
#define MAX_TTF_TABLES	64
/* Bytes copied from libharu's memory stream per read. */
#define COPY_CHUNK	65536
/* page.h repeats libharu's ranges so that layout keeps within them. */
_Static_assert(PAGE_MAX_WORD_SPACE == HPDF_MAX_WORDSPACE &&
    PAGE_MIN_WORD_SPACE == HPDF_MIN_WORDSPACE &&
    PAGE_MAX_FONT == HPDF_MAX_FONTSIZE, "page.h limits");

#define DEBIAN_FONTDIR	"/usr/share/fonts/truetype/liberation2"
#define PI		3.14159265358979323846
/* The name of the fonts' embedded one-byte CMap (WinAnsi bytes to glyph
 * ids); pdffonts shows it as the encoding. */
#define CMAP_NAME	"Rencana-WinAnsi"

/* ---- libharu errors ---- */

struct hpdf_err {
	HPDF_STATUS	 code;		/* first error seen, 0 none */
	HPDF_STATUS	 detail;
	const char	*what;		/* current step, a static string */
	long		 page;		/* current page index, -1 none */
	char		 ctx[96];	/* the step when the first error happened */
	int		 reported;	/* pdf.c already said what went wrong */
};

static void
on_hpdf_error(HPDF_STATUS code, HPDF_STATUS detail, void *user)
{
	struct hpdf_err *e = user;

	/* Sticky errors re-fire later as 0x1025; the first one is the cause. */
	if (e->code != 0)
		return;
	e->code = code;
	e->detail = detail;
	if (e->page >= 0)
		snprintf(e->ctx, sizeof(e->ctx), "%s on page %ld", e->what,
		    e->page + 1);
	else
		snprintf(e->ctx, sizeof(e->ctx), "%s", e->what);
}

static void
step(struct hpdf_err *e, const char *what)
{
	e->what = what;
}

static void
report_hpdf(struct diag_list *dl, enum diag_code code,
    const struct hpdf_err *e, const char *file)
{
	if (file != NULL)
		diag_add(dl, code, NULL, NULL,
		    "libharu error 0x%04X (detail %u) while %s `%s`",
		    (unsigned)e->code, (unsigned)e->detail, e->ctx, file);
	else
		diag_add(dl, code, NULL, NULL,
		    "libharu error 0x%04X (detail %u) while %s",
		    (unsigned)e->code, (unsigned)e->detail, e->ctx);
}

/* ---- font folder and files ---- */

char *
pdf_default_fontdir(void)
{
	const char *env = getenv("RENCANA_FONTS");
	char exe[PATH_MAX];
	ssize_t n;
	struct stat st;

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		char *slash, *dir;

		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			dir = xasprintf("%s/fonts", exe);
			if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
				return dir;
			free(dir);
		}
	}
	return xstrdup(DEBIAN_FONTDIR);
}

/* TrueType sanity checks before libharu parses a file: 2.3.0 validates
 * nothing (a text file named .ttf crashed it in HPDF_MemCmp; zero
 * unitsPerEm or more metrics than glyphs are known crashes, notes 6), and a
 * template's gaya.yaml may name any file. */
static unsigned
be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

/* Reads n bytes at off of table `tag`; -1 if missing or too short. */
static int
ttf_read(int fd, const unsigned char *dir, unsigned ntab, const char *tag,
    unsigned long need, unsigned long at, unsigned char *out, size_t n)
{
	unsigned i;

	for (i = 0; i < ntab; i++) {
		const unsigned char *r = dir + 16 * i;

		if (memcmp(r, tag, 4) != 0)
			continue;
		if (be32(r + 12) < need || at + n > be32(r + 12))
			return -1;
		return pread(fd, out, n, (off_t)(be32(r + 8) + at)) ==
		    (ssize_t)n ? 0 : -1;
	}
	return -1;
}

static const char *
ttf_problem(int fd)
{
	static const char *const need[] = {
		"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name",
		"post"
	};
	unsigned char hdr[12], dir[16 * MAX_TTF_TABLES], head[54], hhea[36];
	unsigned char maxp[6], tmp[2];
	struct stat st;
	unsigned ntab, i, j, nglyph, nmetric;
	int found;

	if (fstat(fd, &st) != 0 || pread(fd, hdr, 12, 0) != 12)
		return "too short";
	if (be32(hdr) != 0x00010000UL && memcmp(hdr, "true", 4) != 0)
		return "not a TrueType font";
	ntab = be16(hdr + 4);
	if (ntab == 0 || ntab > MAX_TTF_TABLES ||
	    pread(fd, dir, 16 * ntab, 12) != (ssize_t)(16 * ntab))
		return "bad table directory";
	for (i = 0; i < ntab; i++)
		if (be32(dir + 16 * i + 8) + be32(dir + 16 * i + 12) >
		    (unsigned long)st.st_size)
			return "a table lies beyond the end of the file";
	for (j = 0; j < sizeof(need) / sizeof(need[0]); j++) {
		found = 0;
		for (i = 0; i < ntab; i++)
			if (memcmp(dir + 16 * i, need[j], 4) == 0)
				found = 1;
		if (!found)
			return "a required table is missing";
	}
	if (ttf_read(fd, dir, ntab, "head", 54, 0, head, 54) != 0 ||
	    ttf_read(fd, dir, ntab, "hhea", 36, 0, hhea, 36) != 0 ||
	    ttf_read(fd, dir, ntab, "maxp", 6, 0, maxp, 6) != 0)
		return "a required table is too short";
	if (be16(head + 18) < 16 || be16(head + 18) > 16384)
		return "bad unitsPerEm";
	nglyph = be16(maxp + 4);
	nmetric = be16(hhea + 34);
	if (nglyph == 0 || nmetric == 0 || nmetric > nglyph)
		return "bad glyph or metric count";
	if (ttf_read(fd, dir, ntab, "hmtx",
	    4UL * nmetric + 2UL * (nglyph - nmetric), 0, tmp, 0) != 0 ||
	    ttf_read(fd, dir, ntab, "loca",
	    (be16(head + 50) ? 4UL : 2UL) * (nglyph + 1), 0, tmp, 0) != 0)
		return "a metrics or location table is too short";
	return NULL;
}

/* Builds the four font paths and checks each can be opened, so a missing
 * font is a message naming the file and never a libharu failure. */
static int
font_paths(const char *const font[FONT__COUNT], const char *fontdir,
    char *path[FONT__COUNT], const struct font_face *face[FONT__COUNT],
    struct diag_list *dl)
{
	const char *bad;
	int f, fd, rc = 0, err;

	for (f = 0; f < FONT__COUNT; f++) {
		/* An absolute name is a template's font, already confined to
		 * its folder (style.c); others are files of fontdir. */
		path[f] = font[f] != NULL && font[f][0] == '/' ?
		    xstrdup(font[f]) : xasprintf("%s/%s", fontdir,
		    font[f] != NULL ? font[f] : "");
		if (font[f] == NULL || *font[f] == '\0') {
			diag_add(dl, D_PDF_FONT, NULL, NULL,
			    "the style names no font file for style %d", f);
			rc = -1;
			continue;
		}
		/* A regular file, opened without blocking (not a FIFO). */
		if ((fd = confine_open(NULL, path[f], NULL, &err)) ==
		    CONFINE_ERRNO) {
			diag_add(dl, D_PDF_FONT, NULL, NULL,
			    "cannot read font `%s`: %s (the default fonts are "
			    "Debian's package fonts-liberation2; RENCANA_FONTS "
			    "names another folder)", path[f],
			    strerror(err));
			rc = -1;
			continue;
		}
		if (fd < 0) {
			confine_report(dl, fd, err, D_PDF_FONT, NULL, NULL,
			    "font", path[f], "", NULL);
			rc = -1;
			continue;
		}
		if ((bad = ttf_problem(fd)) != NULL ||
		    (face[f] = font_face_get(path[f], fd)) == NULL) {
			diag_add(dl, D_PDF_FONT, NULL, NULL,
			    "cannot use font `%s`: %s", path[f],
			    bad != NULL ? bad : "HarfBuzz cannot read it");
			rc = -1;
		}
		close(fd);
	}
	return rc;
}

static void
free_paths(char *path[FONT__COUNT])
{
	int f;

	for (f = 0; f < FONT__COUNT; f++) {
		free(path[f]);
		path[f] = NULL;
	}
}

/* ---- UTF-8 strings for libharu's UTF-8 encoder ---- */

/* libharu's Unicode type is 16-bit: characters beyond the BMP and invalid
 * bytes become U+FFFD instead of garbage. */
static char *
bmp_utf8(const char *s)
{
	struct buf b = BUF_INIT;
	const unsigned char *p = (const unsigned char *)s;
	size_t n, i;

	while (*p != '\0') {
		if (*p < 0x80)
			n = 1;
		else if ((*p & 0xE0) == 0xC0 && *p >= 0xC2)
			n = 2;
		else if ((*p & 0xF0) == 0xE0)
			n = 3;
		else
			n = 0;
		for (i = 1; i < n; i++)
			if ((p[i] & 0xC0) != 0x80)
				n = 0;
		if (n == 3 && ((p[0] == 0xE0 && p[1] < 0xA0) ||
		    (p[0] == 0xED && p[1] >= 0xA0)))
			n = 0;	/* overlong or a surrogate */
		if (n == 0) {
			buf_puts(&b, "\xEF\xBF\xBD");
			p++;
			while ((*p & 0xC0) == 0x80)
				p++;
			continue;
		}
		buf_put(&b, (const char *)p, n);
		p += n;
	}
	return buf_detach(&b);
}

/* ---- the document ---- */

struct alpha_state {
	double		 alpha;
	HPDF_ExtGState	 gs;
};

struct image_entry {
	char		*path;		/* a copy: build clears pages as drawn */
	HPDF_Image	 img;		/* NULL when it failed to load */
};

/*
 * A font of the document, written by pdf.c itself through libharu's object
 * API (docs/architecture.md, "PDF fonts"): Type 0 over a CIDFontType2 whose
 * CIDs are glyph ids, with an embedded one-byte CMap from the WinAnsi
 * bytes of the content to those glyphs; made when a page first uses it,
 * its subset, widths and maps filled in before saving.
 */
struct doc_font {
	const struct font_face	*face;
	HPDF_Dict		 type0;		/* NULL until a page uses it */
	HPDF_Dict		 cid, desc, file, tounicode, cmap;
	unsigned		 gid[256];	/* the glyph of each WinAnsi byte */
	unsigned char		 byte_used[256];
	unsigned char		*used;		/* a bit per glyph drawn */
	/* The characters WinAnsi lacks: a second Type 0 font over the same
	 * CIDFont, Identity-H (two-byte glyph ids), made on first use. */
	HPDF_Dict		 wide, wide_tounicode;
	unsigned char		*wide_used;	/* a bit per glyph drawn so */
	struct wide_char	*wch;		/* those glyphs and characters */
	size_t			 nwch, wchcap;
};

struct wide_char {
	unsigned	 gid;
	unsigned long	 cp;
};

struct writer {
	const struct doc_pages	*doc;
	struct diag_list	*dl;
	HPDF_Doc		 pdf;
	struct hpdf_err		 err;
	struct doc_font		 font[FONT__COUNT];
	HPDF_Page		*page;		/* one per doc page */
	struct alpha_state	 alpha[MAX_ALPHAS];
	size_t			 nalpha;
	struct image_entry	*image;
	size_t			 nimage, imagecap;
	/* What the current page's graphics state holds, to skip repeats. */
	int			 in_text;
	int			 cur_font;	/* -1 unknown */
	double			 cur_size, cur_fill, cur_stroke, cur_line, cur_ws, cur_cs;
	double			 cur_tl;	/* text leading (TL); NAN unknown */
	/* The text line's origin (Tm's last translation) in this BT block,
	 * when have_tlm: a box straight below it moves there with T*. */
	int			 have_tlm;
	double			 tlm_x, tlm_y;
	/* The draft mark's font as outlines (glyph.c), read on first use. */
	char *const		*fpath;		/* the font files, by font_style */
	struct glyph_font	*mark_font;
	struct buf		 mark_data;	/* its file */
	int			 mark_font_tried, mark_font_style;
	struct buf		 ops;		/* the page's content stream */
	struct deflater		*dz;		/* content and font streams */
};

/* A document being built: libharu's, with the four fonts loaded (font
 * definitions only: a font object, and so a font in the file, is made when
 * a page uses the style).  The writer sits inside so that the error
 * handler's pointer to w.err stays valid from pdf_open to the end. */
struct pdf_doc {
	struct writer	 w;
	char		*fpath[FONT__COUNT];
	const struct font_face *face[FONT__COUNT];	/* shared, font.c's */
};

static int	failed(const struct writer *);
static void	raw_op(struct writer *, const double *, int, const char *);

void
pdf_close(struct pdf_doc *pd)
{
	int f;

	if (pd == NULL)
		return;
	glyph_font_free(pd->w.mark_font);
	buf_free(&pd->w.mark_data);
	buf_free(&pd->w.ops);
	deflater_free(pd->w.dz);
	for (f = 0; f < FONT__COUNT; f++) {
		free(pd->w.font[f].used);
		free(pd->w.font[f].wide_used);
		free(pd->w.font[f].wch);
	}
	if (pd->w.pdf != NULL)
		HPDF_Free(pd->w.pdf);
	free_paths(pd->fpath);
	free(pd);
}

/* struct metrics' advance of a code point outside WinAnsi; -1 when the
 * face has no glyph for it. */
static int
face_advance(const struct font_face *face, unsigned long cp)
{
	unsigned g = font_glyph(face, cp);

	return g == 0 ? -1 : (int)font_advance(face, g);
}

/*
 * The widths that go into the fonts' /W arrays, per WinAnsi byte: the
 * glyph's advance in 1/1000 em, truncated (font.c), as libharu's /Widths
 * were, so the page dumps did not change with the writer.
 */
static void
measure_face(const struct font_face *face, struct metrics *m, int f)
{
	struct font_info fi;
	int c;

	for (c = 0; c < 256; c++)
		m->width[f][c] = (unsigned short)font_advance(face,
		    font_glyph(face, winansi_to_cp((unsigned char)c)));
	m->face[f] = face;
	m->other = face_advance;
	if (f == FONT_REGULAR) {
		font_get_info(face, &fi);
		m->ascent = (short)fi.ascent;
		m->descent = (short)fi.descent;
	}
}

/* The fonts (parsed once per process, font.c) and their metrics; with
 * embed, the libharu document the pages will be drawn into. */
static struct pdf_doc *
doc_open(const char *const font[FONT__COUNT], const char *fontdir, int embed,
    struct metrics *m, struct diag_list *dl)
{
	struct pdf_doc *pd = xcalloc(1, sizeof(*pd));
	struct writer *w = &pd->w;
	int f;

	w->dl = dl;
	w->err.what = "creating the document";
	w->err.page = -1;
	if (font_paths(font, fontdir, pd->fpath, pd->face, dl) != 0)
		goto fail;
	memset(m, 0, sizeof(*m));
	for (f = 0; f < FONT__COUNT; f++)
		measure_face(pd->face[f], m, f);
	if (!embed)
		return pd;
	if ((w->pdf = HPDF_New(on_hpdf_error, &w->err)) == NULL) {
		report_hpdf(dl, D_PDF_INTERNAL, &w->err, NULL);
		goto fail;
	}
	HPDF_SetCompressionMode(w->pdf, HPDF_COMP_ALL);
	step(&w->err, "enabling UTF-8");
	HPDF_UseUTFEncodings(w->pdf);
	if (failed(w)) {
		report_hpdf(dl, D_PDF_INTERNAL, &w->err, NULL);
		goto fail;
	}
	return pd;
fail:
	pdf_close(pd);
	return NULL;
}

struct pdf_doc *
pdf_open(const char *const *font, const char *fontdir, struct metrics *m,
    struct diag_list *dl)
{
	return doc_open(font, fontdir, 1, m, dl);
}

int
pdf_metrics(const struct style *s, const char *fontdir, struct metrics *m,
    struct diag_list *dl)
{
	struct pdf_doc *pd;

	/* Not embedded: this document is never saved. */
	if ((pd = doc_open((const char *const *)s->font, fontdir, 0, m,
	    dl)) == NULL)
		return PDF_FAIL;
	pdf_close(pd);
	return PDF_OK;
}

/* The writer's state is unknown after GRestore or on a new page. */
static void
forget_state(struct writer *w)
{
	w->cur_font = -1;
	w->cur_size = w->cur_fill = w->cur_stroke = w->cur_line = -1;
	w->cur_ws = 0;		/* Tw starts at 0 */
	w->cur_cs = 0;		/* Tc too */
	w->cur_tl = NAN;
}

static int
failed(const struct writer *w)
{
	return w->err.code != 0;
}

static double
clamp01(double v)
{
	return v < 0 ? 0 : v > 1 ? 1 : v;
}

static HPDF_ExtGState
alpha_state(struct writer *w, double alpha)
{
	size_t i;
	HPDF_ExtGState gs;

	/* Rounded so that float noise from layout does not multiply states. */
	alpha = floor(clamp01(alpha) * 1000 + 0.5) / 1000;
	for (i = 0; i < w->nalpha; i++)
		if (w->alpha[i].alpha == alpha)
			return w->alpha[i].gs;
	if (w->nalpha == MAX_ALPHAS) {
		diag_add(w->dl, D_PDF_INTERNAL, NULL, NULL,
		    "more than %d distinct transparency values", MAX_ALPHAS);
		return NULL;
	}
	step(&w->err, "creating a transparency state");
	if ((gs = HPDF_CreateExtGState(w->pdf)) == NULL)
		return NULL;
	HPDF_ExtGState_SetAlphaFill(gs, (HPDF_REAL)alpha);
	HPDF_ExtGState_SetAlphaStroke(gs, (HPDF_REAL)alpha);
	if (failed(w))
		return NULL;
	w->alpha[w->nalpha].alpha = alpha;
	w->alpha[w->nalpha].gs = gs;
	w->nalpha++;
	return gs;
}

static int
has_ext(const char *path, const char *ext)
{
	size_t n = strlen(path), m = strlen(ext);

	return n > m && strcasecmp(path + n - m, ext) == 0;
}

/*
 * PNGs never reach libharu's PNG loader: its libpng error callback returns
 * instead of jumping (a broken chunk made libpng abort() the process), it
 * fails on valid files (an RGB PNG with a tRNS chunk gave 0x1025; 16-bit,
 * palette with alpha and interlaced files are other gaps), and it writes
 * the soft mask uncompressed (notes 6).  libpng's simplified API decodes
 * every valid PNG instead (palette, tRNS, 16-bit, interlace; colour
 * profiles are not applied) to 8-bit grey or RGB, plus an alpha plane when
 * the file has transparency, and libharu embeds the raw pixels (Flate,
 * like the page streams) with the alpha plane as the image's /SMask.
 */
static HPDF_Image
load_png(struct writer *w, const char *path, const unsigned char *data,
    size_t len)
{
	png_image im;
	unsigned char *px = NULL, *colour = NULL, *alpha = NULL;
	HPDF_Image img = NULL, mask;
	size_t i, npx, nc;
	int has_alpha = 0;

	memset(&im, 0, sizeof(im));
	im.version = PNG_IMAGE_VERSION;
	if (!png_image_begin_read_from_memory(&im, data, len)) {
		diag_add(w->dl, D_PDF_IMAGE, NULL, NULL,
		    "cannot decode image `%s`: %s", path, im.message);
		goto out;
	}
	if ((unsigned long long)im.width * im.height > IMAGE_MAX_PIXELS) {
		diag_add(w->dl, D_PDF_IMAGE, NULL, NULL,
		    "image `%s` is %u x %u pixels; the limit is %d pixels",
		    path, (unsigned)im.width, (unsigned)im.height,
		    IMAGE_MAX_PIXELS);
		goto out;
	}
	nc = im.format & PNG_FORMAT_FLAG_COLOR ? 3 : 1;
	/* PNG_FORMAT_FLAG_ALPHA: an alpha channel or a tRNS chunk. */
	im.format = (nc == 3 ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY) |
	    (im.format & PNG_FORMAT_FLAG_ALPHA);
	px = xmalloc(PNG_IMAGE_SIZE(im));
	if (!png_image_finish_read(&im, NULL, px, 0, NULL)) {
		diag_add(w->dl, D_PDF_IMAGE, NULL, NULL,
		    "cannot decode image `%s`: %s", path, im.message);
		goto out;
	}
	npx = (size_t)im.width * im.height;
	if (im.format & PNG_FORMAT_FLAG_ALPHA) {
		/* Split into colour and alpha planes; all opaque needs no mask. */
		colour = xmalloc(npx * nc);
		alpha = xmalloc(npx);
		for (i = 0; i < npx; i++) {
			memcpy(colour + i * nc, px + i * (nc + 1), nc);
			alpha[i] = px[i * (nc + 1) + nc];
			has_alpha |= alpha[i] != 255;
		}
	}
	step(&w->err, "loading image");
	img = HPDF_LoadRawImageFromMem(w->pdf, colour != NULL ? colour : px,
	    im.width, im.height, nc == 3 ? HPDF_CS_DEVICE_RGB :
	    HPDF_CS_DEVICE_GRAY, 8);
	if (img != NULL && has_alpha && !failed(w)) {
		step(&w->err, "loading an image's transparency");
		mask = HPDF_LoadRawImageFromMem(w->pdf, alpha, im.width,
		    im.height, HPDF_CS_DEVICE_GRAY, 8);
		if (mask == NULL || HPDF_Image_AddSMask(img, mask) != HPDF_OK)
			img = NULL;
	}
out:
	png_image_free(&im);
	free(px);
	free(colour);
	free(alpha);
	return img;
}

/* A JPEG segment that carries metadata, not pixels: APPn (EXIF and XMP
 * are APP1, ICC profiles APP2, Photoshop data APP13) and COM, except the
 * JFIF header (APP0) and Adobe's colour-transform flag (APP14), which
 * readers need to show the pixels right. */
static int
jpeg_metadata(const unsigned char *seg, size_t len)
{
	unsigned m = seg[1];

	if (m == 0xFE)
		return 1;
	if (m < 0xE0 || m > 0xEF)
		return 0;
	if (m == 0xE0 && len >= 7 && memcmp(seg + 4, "JFIF\0", 5) == 0)
		return 0;
	if (m == 0xEE && len >= 7 && memcmp(seg + 4, "Adobe", 5) == 0)
		return 0;
	return 1;
}

/*
 * libharu copies a JPEG into the file after reading only its size, and
 * accepted garbage after an FF D8 in our test; a broken image would then
 * fail in the reader, not here.  Walks the markers up to the scan: a
 * baseline or progressive frame of 8-bit grey or RGB (4 components would
 * get libharu's inverted CMYK Decode, notes 6), and an end marker.  The
 * file is copied to out without its metadata segments (jpeg_metadata): a
 * photo's EXIF holds the camera, the date and often the place.  Returns
 * NULL, or what is wrong.
 */
static const char *
jpeg_clean(const unsigned char *p, size_t n, struct buf *out)
{
	struct image_seg seg;
	size_t off = 2, i;
	const unsigned char *f;
	int sof = 0, r;

	if (n < 32 || p[0] != 0xFF || p[1] != 0xD8)
		return "not a JPEG file";
	buf_put(out, (const char *)p, 2);
	while ((r = image_jpeg_next(p, n, &off, &seg)) > 0) {
		f = p + seg.off;
		if (image_jpeg_sof(seg.marker)) {
			if (seg.len < 10)
				return "broken frame header";
			if (f[4] != 8)
				return "not 8 bits per sample";
			if (image_be16(f + 5) == 0 || image_be16(f + 7) == 0)
				return "no size";
			if ((unsigned long)image_be16(f + 5) * image_be16(f + 7) >
			    IMAGE_MAX_PIXELS)
				return "too many pixels";
			if (f[9] != 1 && f[9] != 3)
				return "not greyscale or RGB (CMYK?)";
			sof = 1;
		}
		if (seg.len == 2 || !jpeg_metadata(f, seg.len - 2))
			buf_put(out, (const char *)f, seg.len);
	}
	if (r < 0)
		return "broken marker structure";
	if (!sof)
		return "no frame header";
	for (i = n - 2; i + 16 >= n; i--)
		if (p[i] == 0xFF && p[i + 1] == 0xD9)
			break;
	if (i + 16 < n)
		return "truncated (no end marker)";
	buf_put(out, (const char *)p + seg.off, n - seg.off);
	return NULL;
}

static HPDF_Image
load_jpeg(struct writer *w, const char *path, const unsigned char *data,
    size_t len)
{
	struct buf clean = BUF_INIT;
	const char *why;
	HPDF_Image img = NULL;

	if ((why = jpeg_clean(data, len, &clean)) != NULL)
		diag_add(w->dl, D_PDF_IMAGE, NULL, NULL,
		    "cannot decode image `%s`: %s", path, why);
	else {
		step(&w->err, "loading image");
		img = HPDF_LoadJpegImageFromMem(w->pdf,
		    (const HPDF_BYTE *)clean.data, (HPDF_UINT)clean.len);
	}
	buf_free(&clean);
	return img;
}

/* Loads every distinct image once, in order of first use, and reports every
 * one that fails; returns the number of failures.  Layout already confined
 * each path to the plan's folder; here it must still be a regular file. */
static int
load_images(struct writer *w)
{
	const struct doc_pages *d = w->doc;
	size_t i, j, k;
	int bad = 0, rc, err;

	for (i = 0; i < d->npage; i++)
		for (j = 0; j < d->page[i].nbox; j++) {
			const struct box *b = &d->page[i].box[j];
			struct buf data = BUF_INIT;
			struct image_entry *ie;
			HPDF_Image img = NULL;
			size_t before = w->dl->nerror;

			if (b->type != BOX_IMAGE)
				continue;
			for (k = 0; k < w->nimage; k++)
				if (strcmp(w->image[k].path, b->path) == 0)
					break;
			if (k < w->nimage)
				continue;
			w->image = xgrow(w->image, &w->imagecap, w->nimage + 1,
			    sizeof(*w->image));
			ie = &w->image[w->nimage++];
			ie->path = xstrdup(b->path);
			ie->img = NULL;
			if (!has_ext(b->path, ".png") && !has_ext(b->path, ".jpg") &&
			    !has_ext(b->path, ".jpeg")) {
				diag_add(w->dl, D_PDF_IMAGE, NULL, NULL,
				    "image `%s` is neither .png nor .jpg",
				    b->path);
				bad++;
				continue;
			}
			rc = confine_read(NULL, b->path, IMAGE_MAX_BYTES, &data,
			    &err);
			if (rc != 0)
				confine_report(w->dl, rc, err, D_PDF_IMAGE, NULL,
				    NULL, "image", b->path, "", NULL);
			else if (has_ext(b->path, ".png"))
				img = load_png(w, b->path,
				    (const unsigned char *)data.data, data.len);
			else
				img = load_jpeg(w, b->path,
				    (const unsigned char *)data.data, data.len);
			buf_free(&data);
			if (w->dl->nerror > before) {
				bad++;
				continue;
			}
			if (img == NULL || failed(w)) {
				diag_add(w->dl, D_PDF_IMAGE, NULL, NULL,
				    "cannot decode image `%s` (libharu error "
				    "0x%04X); save it again as an 8-bit RGB "
				    "PNG or an RGB JPEG", b->path,
				    (unsigned)w->err.code);
				/* The document is usable again (notes 5). */
				HPDF_ResetError(w->pdf);
				w->err.code = 0;
				bad++;
				continue;
			}
			ie->img = img;
		}
	return bad;
}

static HPDF_Image
find_image(const struct writer *w, const char *path)
{
	size_t k;

	for (k = 0; k < w->nimage; k++)
		if (strcmp(w->image[k].path, path) == 0)
			return w->image[k].img;
	return NULL;
}

static void
end_text(struct writer *w)
{
	if (w->in_text) {
		buf_puts(&w->ops, "ET\012");
		w->in_text = 0;
	}
}

static void
set_fill(struct writer *w, double gray)
{
	gray = clamp01(gray);
	if (gray != w->cur_fill) {
		raw_op(w, &gray, 1, "g");
		w->cur_fill = gray;
	}
}

/* ---- fonts: Type 0 with a one-byte CMap, HarfBuzz subsets (issue 17) ---- */

/* A number for a content stream: at most `dec` decimals (up to 6), '.'
 * whatever the locale, no exponent (layout keeps coordinates and sizes
 * within libharu's ranges, page.h).  Digits by hand: this runs for every
 * operand of every text line and rule, where printf was a tenth of the
 * writer's time. */
static void
put_fix(struct buf *o, double v, int dec)
{
	static const long long scale[] = { 1, 10, 100, 1000, 10000, 100000,
	    1000000 };
	char tmp[40], *p = tmp + sizeof(tmp);
	long long k = llround(fabs(v) * (double)scale[dec]);
	long long ip = k / scale[dec], frac = k % scale[dec];
	int n = dec;

	if (frac != 0) {
		while (frac % 10 == 0) {
			frac /= 10;
			n--;
		}
		while (n-- > 0) {
			*--p = (char)('0' + frac % 10);
			frac /= 10;
		}
		*--p = '.';
	}
	do {
		*--p = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip > 0 && p > tmp + 1);
	if (k != 0 && v < 0)
		*--p = '-';
	buf_put(o, p, (size_t)(tmp + sizeof(tmp) - p));
}

static HPDF_Dict
new_dict(struct writer *w, const char *type)
{
	HPDF_Dict d = HPDF_Dict_New(w->pdf->mmgr);

	if (d == NULL || HPDF_Xref_Add(w->pdf->xref, d) != HPDF_OK)
		return NULL;
	if (type != NULL)
		HPDF_Dict_AddName(d, "Type", type);
	return d;
}

/*
 * Streams deflated here, not by libharu: libharu deflates every stream
 * with zlib's default level when it saves, which was a sixth of a 100-page
 * build, and keeps each page's content uncompressed until then (4 KiB
 * blocks: 0.9 MiB at 100 pages).  Here a page's content is deflated as
 * soon as the page is drawn, with pdfpack.c's deflater at STREAM_LEVEL;
 * libharu writes the bytes as they are (filter none) and flate_filter
 * names the filter, which libharu would otherwise drop from a stream it
 * did not deflate (HPDF_Dict_Write).
 */
#define STREAM_LEVEL	1	/* libdeflate's fastest: 3.5 times zlib's
				 * default and 5% larger (pdfpack.c) */

static HPDF_STATUS
flate_filter(HPDF_Dict d, HPDF_Stream s)
{
	(void)d;
	return HPDF_Stream_WriteStr(s, "/Filter /FlateDecode\012");
}

/* Replaces stream dict d's data with in[0..n) deflated; 0, or -1 with the
 * error set. */
static int
put_flate(struct writer *w, HPDF_Dict d, const void *in, size_t n)
{
	struct buf z = BUF_INIT;
	HPDF_Stream ns;

	if ((w->dz == NULL && (w->dz = deflater_new(STREAM_LEVEL)) == NULL) ||
	    deflater_put(w->dz, in, n, &z) != 0 ||
	    (ns = HPDF_MemStream_New(w->pdf->mmgr, z.len > 0 ?
	    (HPDF_UINT)z.len : 1)) == NULL) {
		buf_free(&z);
		if (!failed(w))
			w->err.code = HPDF_FAILD_TO_ALLOC_MEM;
		return -1;
	}
	HPDF_Stream_Write(ns, (const HPDF_BYTE *)z.data, (HPDF_UINT)z.len);
	buf_free(&z);
	if (d->stream != NULL)
		HPDF_Stream_Free(d->stream);
	d->stream = ns;
	d->filter = HPDF_STREAM_FILTER_NONE;
	d->write_fn = flate_filter;
	return failed(w) ? -1 : 0;
}

/*
 * Hands page pg its content stream, w->ops, deflated.  libharu's own
 * page stream stays empty: pdf.c writes every operator itself (raw_opd),
 * so libharu's record of the page is still in page description with no
 * q open and it adds nothing when it saves (its Page_BeforeWrite).
 */
static void
seal_page(struct writer *w, HPDF_Page pg)
{
	HPDF_PageAttr at = (HPDF_PageAttr)pg->attr;

	if (failed(w))
		return;
	if (at->gmode != HPDF_GMODE_PAGE_DESCRIPTION ||
	    (at->gstate != NULL && at->gstate->prev != NULL) ||
	    at->contents == NULL || HPDF_Stream_Size(at->stream) != 0) {
		w->err.code = HPDF_INVALID_OBJECT;	/* a bug here */
		return;
	}
	if (put_flate(w, at->contents, w->ops.len > 0 ? w->ops.data : "",
	    w->ops.len) == 0)
		at->stream = at->contents->stream;
}

static HPDF_Dict
new_stream(struct writer *w)
{
	return HPDF_DictStream_New(w->pdf->mmgr, w->pdf->xref);
}

/* Adobe-Identity-0: CIDs are the font program's glyph ids. */
static HPDF_Dict
cid_system_info(HPDF_MMgr mm)
{
	HPDF_Dict si = HPDF_Dict_New(mm);

	if (si != NULL) {
		HPDF_Dict_Add(si, "Registry", HPDF_String_New(mm, "Adobe", NULL));
		HPDF_Dict_Add(si, "Ordering", HPDF_String_New(mm, "Identity",
		    NULL));
		HPDF_Dict_AddNumber(si, "Supplement", 0);
	}
	return si;
}

/* The font objects of style f, made when a page first uses it: their
 * numbers then follow the pages' order, so the bytes are the same on
 * every run.  Contents that depend on the glyphs used come in
 * finish_fonts.  0, or -1 on a libharu error. */
static int
font_start(struct writer *w, int f)
{
	struct doc_font *df = &w->font[f];
	HPDF_MMgr mm = w->pdf->mmgr;
	HPDF_Array a;
	unsigned n = font_glyph_count(df->face);
	int c;

	step(&w->err, "making a font");
	df->used = xcalloc(n / 8 + 1, 1);
	for (c = 0; c < 256; c++)
		df->gid[c] = font_glyph(df->face, winansi_to_cp((unsigned char)c));
	if ((df->type0 = new_dict(w, "Font")) == NULL ||
	    (df->cid = new_dict(w, "Font")) == NULL ||
	    (df->desc = new_dict(w, "FontDescriptor")) == NULL ||
	    (df->file = new_stream(w)) == NULL ||
	    (df->tounicode = new_stream(w)) == NULL ||
	    (df->cmap = new_stream(w)) == NULL ||
	    (a = HPDF_Array_New(mm)) == NULL)
		return -1;
	HPDF_Dict_AddName(df->type0, "Subtype", "Type0");
	HPDF_Dict_Add(df->type0, "Encoding", df->cmap);
	HPDF_Dict_AddName(df->cmap, "Type", "CMap");
	HPDF_Dict_AddName(df->cmap, "CMapName", CMAP_NAME);
	HPDF_Dict_Add(df->cmap, "CIDSystemInfo", cid_system_info(mm));
	HPDF_Array_Add(a, df->cid);
	HPDF_Dict_Add(df->type0, "DescendantFonts", a);
	HPDF_Dict_Add(df->type0, "ToUnicode", df->tounicode);
	HPDF_Dict_AddName(df->cid, "Subtype", "CIDFontType2");
	HPDF_Dict_AddName(df->cid, "CIDToGIDMap", "Identity");
	HPDF_Dict_Add(df->cid, "CIDSystemInfo", cid_system_info(mm));
	HPDF_Dict_Add(df->cid, "FontDescriptor", df->desc);
	HPDF_Dict_Add(df->desc, "FontFile2", df->file);
	return failed(w) ? -1 : 0;
}

/* One byte of a literal string (content streams are binary-safe, but an
 * end of line would be normalised, and parentheses must balance). */
static void
put_str_byte(struct buf *o, unsigned char c)
{
	if (c == '(' || c == ')' || c == '\\')
		buf_putc(o, '\\');
	if (c == '\r')
		buf_puts(o, "\\r");
	else if (c == '\n')
		buf_puts(o, "\\n");
	else
		buf_putc(o, c);
}

/*
 * Writes an operator and its n operands, `dec` decimals each, to the
 * page's content stream.  Every operator of a page is written by pdf.c
 * into w->ops, not through libharu's page calls: those write each
 * operator into a stream of 4 KiB blocks a byte at a time, and the most
 * frequent (Tm, m, l, c, re) first clear a 512-byte buffer a byte at a
 * time: a fifth of the PDF writer on a 100-page table.  libharu still
 * names the page's resources (fonts, images, transparency states) and
 * gets the finished stream, deflated (seal_page); its record of the
 * graphics mode stays "page description", so it adds nothing on saving.
 */
static void
raw_opd(struct writer *w, const double *v, int n, int dec, const char *op)
{
	int i;

	for (i = 0; i < n; i++) {
		put_fix(&w->ops, v[i], dec);
		buf_putc(&w->ops, ' ');
	}
	buf_puts(&w->ops, op);
	buf_putc(&w->ops, '\012');
}

/* The same with 3 decimals: positions and sizes, to 1/1000 pt. */
static void
raw_op(struct writer *w, const double *v, int n, const char *op)
{
	raw_opd(w, v, n, 3, op);
}

/* A resource's name as an operand (/Name), then the operator. */
static void
name_op(struct writer *w, const char *name, const char *op)
{
	buf_putc(&w->ops, '/');
	buf_puts(&w->ops, name);
	buf_putc(&w->ops, ' ');
	buf_puts(&w->ops, op);
	buf_putc(&w->ops, '\012');
}

/* Tm inside BT. */
static void
set_tm(struct writer *w, double a, double b, double x, double y)
{
	const double v[6] = { a, b, -b, a, x, y };

	raw_op(w, v, 6, "Tm");
}

/*
 * Shows n WinAnsi bytes in font f: the bytes themselves, which the
 * font's one-byte CMap maps to glyphs.  Code 32 is a one-byte code, so
 * word spacing (Tw) justifies as with a simple font (PDF 32000, 9.3.3).
 */
static void
show_bytes(struct writer *w, int f, const unsigned char *s,
    size_t n)
{
	struct doc_font *df = &w->font[f];
	size_t i;

	buf_reserve(&w->ops, 2 * n + 8);
	buf_putc(&w->ops, '(');
	for (i = 0; i < n; i++) {
		unsigned char c = s[i];
		unsigned g = df->gid[c];

		df->used[g / 8] |= (unsigned char)(1u << (g % 8));
		df->byte_used[c] = 1;
		put_str_byte(&w->ops, c);
	}
	buf_puts(&w->ops, ") Tj\012");
}

/* Shows n code points in style f's Identity-H font: two-byte glyph ids,
 * each glyph and character remembered for the subset and ToUnicode.  (A
 * character the face lacks shows .notdef; check refuses such text.) */
static void
show_wide(struct writer *w, int f, const unsigned long *cp,
    size_t n)
{
	struct doc_font *df = &w->font[f];
	struct buf *o = &w->ops;
	size_t i;

	buf_putc(o, '<');
	for (i = 0; i < n; i++) {
		unsigned g = font_glyph(df->face, cp[i]);

		df->used[g / 8] |= (unsigned char)(1u << (g % 8));
		if (g != 0 && !(df->wide_used[g / 8] & (1u << (g % 8)))) {
			df->wide_used[g / 8] |= (unsigned char)(1u << (g % 8));
			df->wch = xgrow(df->wch, &df->wchcap, df->nwch + 1,
			    sizeof(*df->wch));
			df->wch[df->nwch].gid = g;
			df->wch[df->nwch++].cp = cp[i];
		}
		buf_printf(o, "%04X", g);
	}
	buf_puts(o, "> Tj\012");
}

static int	set_wide(struct writer *, HPDF_Page, int f, int on);

/*
 * Shows n bytes of UTF-8 in style f, whose one-byte font is set (Tf):
 * WinAnsi characters in that font, each run of others in the Identity-H
 * font, switching with Tf at the same size and back at the end.
 */
static void
show_text(struct writer *w, HPDF_Page pg, int f, const char *s, size_t n)
{
	unsigned char bytes[256];
	unsigned long cps[64];
	size_t i = 0, nb = 0, nc = 0, k;
	int wide = 0, b;
	unsigned long cp;

	/* ASCII, most boxes, is its own WinAnsi */
	while (i < n && (unsigned char)s[i] < 0x80)
		i++;
	if (i == n) {
		show_bytes(w, f, (const unsigned char *)s, n);
		return;
	}
	i = 0;
	while (i < n || nb > 0 || nc > 0) {
		b = -1;
		k = 1;
		if (i < n) {
			k = (unsigned char)s[i] < 0x80 ? (cp = (unsigned char)s[i],
			    1) : utf8_decode(s + i, n - i, &cp);
			b = winansi_from_cp(cp);
		}
		/* flush what the next character cannot join */
		if (nb > 0 && (i >= n || b < 0 || nb == sizeof(bytes))) {
			if (wide && set_wide(w, pg, f, 0) != 0)
				return;
			wide = 0;
			show_bytes(w, f, bytes, nb);
			nb = 0;
		}
		if (nc > 0 && (i >= n || b >= 0 || nc == sizeof(cps) /
		    sizeof(cps[0]))) {
			if (!wide && set_wide(w, pg, f, 1) != 0)
				return;
			wide = 1;
			show_wide(w, f, cps, nc);
			nc = 0;
		}
		if (i >= n)
			break;
		if (b >= 0)
			bytes[nb++] = (unsigned char)b;
		else
			cps[nc++] = cp;
		i += k;
	}
	if (wide)
		set_wide(w, pg, f, 0);
}

/* Tf with one of our font dictionaries (libharu's SetFontAndSize takes
 * only its own).  0, or -1 with the error set. */
static int
put_tf(struct writer *w, HPDF_Page pg, HPDF_Dict font, double size)
{
	const char *name;

	if ((name = HPDF_Page_GetLocalFontName(pg, (HPDF_Font)font)) == NULL) {
		if (!failed(w))
			w->err.code = HPDF_FAILD_TO_ALLOC_MEM;
		return -1;
	}
	buf_putc(&w->ops, '/');
	buf_puts(&w->ops, name);
	buf_putc(&w->ops, ' ');
	put_fix(&w->ops, size, 3);
	buf_puts(&w->ops, " Tf\012");
	return 0;
}

static void
set_font(struct writer *w, HPDF_Page pg, int f, double size)
{
	if (w->font[f].type0 == NULL && font_start(w, f) != 0) {
		if (!failed(w))
			w->err.code = HPDF_FAILD_TO_ALLOC_MEM;
		return;
	}
	put_tf(w, pg, w->font[f].type0, size);
}

/* The Identity-H font of style f (font_start made its CIDFont): a Type 0
 * font over the same CIDFont, so the same subset and widths. */
static int
wide_start(struct writer *w, int f)
{
	struct doc_font *df = &w->font[f];
	HPDF_Array a;

	step(&w->err, "making a font");
	if ((df->wide = new_dict(w, "Font")) == NULL ||
	    (df->wide_tounicode = new_stream(w)) == NULL ||
	    (a = HPDF_Array_New(w->pdf->mmgr)) == NULL)
		return -1;
	df->wide_used = xcalloc(font_glyph_count(df->face) / 8 + 1, 1);
	HPDF_Dict_AddName(df->wide, "Subtype", "Type0");
	HPDF_Dict_AddName(df->wide, "Encoding", "Identity-H");
	HPDF_Array_Add(a, df->cid);
	HPDF_Dict_Add(df->wide, "DescendantFonts", a);
	HPDF_Dict_Add(df->wide, "ToUnicode", df->wide_tounicode);
	return failed(w) ? -1 : 0;
}

/* Tf to style f's Identity-H font (on) or back to its one-byte font, at
 * the size set.  0, or -1 with the error set. */
static int
set_wide(struct writer *w, HPDF_Page pg, int f, int on)
{
	struct doc_font *df = &w->font[f];

	if (on && df->wide == NULL && wide_start(w, f) != 0) {
		if (!failed(w))
			w->err.code = HPDF_FAILD_TO_ALLOC_MEM;
		return -1;
	}
	return put_tf(w, pg, on ? df->wide : df->type0, w->cur_size);
}

/* The ToUnicode CMap of the Identity-H font: each two-byte glyph id drawn
 * to its character in UTF-16BE (a surrogate pair past U+FFFF). */
static void
wide_cmap(const struct doc_font *df, struct buf *o)
{
	size_t i, k = 0;

	buf_puts(o, "/CIDInit /ProcSet findresource begin\n12 dict begin\n"
	    "begincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n"
	    "/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\n"
	    "endcodespacerange\n");
	for (i = 0; i < df->nwch; i++) {
		unsigned long u = df->wch[i].cp;

		if (k == 0)
			buf_printf(o, "%zu beginbfchar\n", df->nwch - i < 100 ?
			    df->nwch - i : (size_t)100);
		if (u >= 0x10000)
			buf_printf(o, "<%04X> <%04lX%04lX>\n", df->wch[i].gid,
			    0xD800 + ((u - 0x10000) >> 10),
			    0xDC00 + ((u - 0x10000) & 0x3FF));
		else
			buf_printf(o, "<%04X> <%04lX>\n", df->wch[i].gid, u);
		if (++k == 100 || i + 1 == df->nwch) {
			buf_puts(o, "endbfchar\n");
			k = 0;
		}
	}
	buf_puts(o, "endcmap\nCMapName currentdict /CMap defineresource pop\n"
	    "end\nend\n");
}

/* /W: runs of consecutive glyphs, `first [w1 w2 ...]`. */
static HPDF_Array
font_widths(struct writer *w, const struct doc_font *df)
{
	HPDF_Array a = HPDF_Array_New(w->pdf->mmgr), run = NULL;
	unsigned g, n = font_glyph_count(df->face);

	if (a == NULL)
		return NULL;
	for (g = 0; g < n; g++) {
		if (!(df->used[g / 8] & (1u << (g % 8)))) {
			run = NULL;
			continue;
		}
		if (run == NULL) {
			HPDF_Array_AddNumber(a, (HPDF_INT32)g);
			if ((run = HPDF_Array_New(w->pdf->mmgr)) == NULL)
				return NULL;
			HPDF_Array_Add(a, run);
		}
		HPDF_Array_AddNumber(run, (HPDF_INT32)font_advance(df->face, g));
	}
	return a;
}

/*
 * The two CMaps of a font, over the one-byte codes drawn: the encoding
 * (`cidchar`: byte to glyph id, CMapType 1) and the ToUnicode map
 * (`bfchar`: byte to its code point in UTF-16BE, CMapType 2).  At most
 * 100 entries a block (PDF 32000, 9.7.5.4 and 9.10.3).
 */
static void
font_cmap(const struct doc_font *df, int to_unicode, struct buf *o)
{
	const char *kind = to_unicode ? "bfchar" : "cidchar";
	unsigned c, k = 0, left = 0;

	for (c = 0; c < 256; c++)
		left += df->byte_used[c] && (!to_unicode || winansi_to_cp(
		    (unsigned char)c) != 0);
	buf_puts(o, "/CIDInit /ProcSet findresource begin\n12 dict begin\n"
	    "begincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering ");
	buf_printf(o, "(%s) /Supplement 0 >> def\n/CMapName /%s def\n"
	    "/CMapType %d def\n1 begincodespacerange\n<00> <FF>\n"
	    "endcodespacerange\n", to_unicode ? "UCS" : "Identity",
	    to_unicode ? "Adobe-Identity-UCS" : CMAP_NAME, to_unicode ? 2 : 1);
	for (c = 0; c < 256; c++) {
		unsigned long u = winansi_to_cp((unsigned char)c);

		if (!df->byte_used[c] || (to_unicode && u == 0))
			continue;
		if (k == 0)
			buf_printf(o, "%u begin%s\n", left < 100 ? left : 100,
			    kind);
		if (to_unicode)
			buf_printf(o, "<%02X> <%04lX>\n", c, u);
		else
			buf_printf(o, "<%02X> %u\n", c, df->gid[c]);
		left--;
		if (++k == 100 || left == 0) {
			buf_printf(o, "end%s\n", kind);
			k = 0;
		}
	}
	buf_puts(o, "endcmap\nCMapName currentdict /CMap defineresource pop\n"
	    "end\nend\n");
}

/* A subset tag from the glyphs used: six capitals, the same for the same
 * subset (PDF 32000, 9.6.4). */
static void
font_tag(const struct doc_font *df, char tag[8])
{
	unsigned long h = 2166136261UL;
	unsigned i, n = font_glyph_count(df->face) / 8 + 1;
	int k;

	for (i = 0; i < n; i++)
		h = ((h ^ df->used[i]) * 16777619UL) & 0xFFFFFFFFUL;
	for (k = 0; k < 6; k++, h /= 26)
		tag[k] = (char)('A' + h % 26);
	tag[6] = '+';
	tag[7] = '\0';
}

/* Fills in each used font: subset program, widths, map and names. */
static int
finish_fonts(struct writer *w)
{
	struct buf o = BUF_INIT;
	struct font_info fi;
	HPDF_Array a;
	char tag[8], *name;
	int f, k, rc = 0;

	step(&w->err, "embedding fonts");
	for (f = 0; f < FONT__COUNT && rc == 0 && !failed(w); f++) {
		struct doc_font *df = &w->font[f];

		if (df->type0 == NULL)
			continue;
		buf_truncate(&o, 0);
		if (font_subset(df->face, df->used, &o) != 0) {
			diag_add(w->dl, D_PDF_FONT, NULL, NULL,
			    "cannot subset font `%s`", w->fpath[f]);
			w->err.reported = 1;
			rc = -1;
			break;
		}
		HPDF_Dict_AddNumber(df->file, "Length1", (HPDF_INT32)o.len);
		if (put_flate(w, df->file, o.data, o.len) != 0)
			return -1;
		buf_truncate(&o, 0);
		font_cmap(df, 1, &o);
		if (put_flate(w, df->tounicode, o.data, o.len) != 0)
			return -1;
		buf_truncate(&o, 0);
		font_cmap(df, 0, &o);
		if (put_flate(w, df->cmap, o.data, o.len) != 0)
			return -1;
		if ((a = font_widths(w, df)) == NULL)
			return -1;
		HPDF_Dict_Add(df->cid, "W", a);
		font_get_info(df->face, &fi);
		font_tag(df, tag);
		name = xasprintf("%s%s", tag, fi.psname);
		HPDF_Dict_AddName(df->type0, "BaseFont", name);
		HPDF_Dict_AddName(df->cid, "BaseFont", name);
		if (df->wide != NULL) {
			HPDF_Dict_AddName(df->wide, "BaseFont", name);
			buf_truncate(&o, 0);
			wide_cmap(df, &o);
			if (put_flate(w, df->wide_tounicode, o.data,
			    o.len) != 0)
				return -1;
		}
		HPDF_Dict_AddName(df->desc, "FontName", name);
		free(name);
		/* Symbolic: glyphs are named by id, not by a standard
		 * encoding; italic; fixed pitch (PDF 32000, 9.8.2). */
		HPDF_Dict_AddNumber(df->desc, "Flags", 4 |
		    (fi.italic_angle != 0 ? 64 : 0) | (fi.fixed_pitch ? 1 : 0));
		if ((a = HPDF_Array_New(w->pdf->mmgr)) == NULL)
			return -1;
		for (k = 0; k < 4; k++)
			HPDF_Array_AddNumber(a, fi.bbox[k]);
		HPDF_Dict_Add(df->desc, "FontBBox", a);
		HPDF_Dict_AddReal(df->desc, "ItalicAngle",
		    (HPDF_REAL)fi.italic_angle);
		HPDF_Dict_AddNumber(df->desc, "Ascent", fi.ascent);
		HPDF_Dict_AddNumber(df->desc, "Descent", fi.descent);
		HPDF_Dict_AddNumber(df->desc, "CapHeight", fi.cap_height);
		HPDF_Dict_AddNumber(df->desc, "StemV", fi.stem_v);
	}
	buf_free(&o);
	return rc != 0 || failed(w) ? -1 : 0;
}

/* ---- the draft mark as paths ---- */

/* The TrueType outlines of font f, or NULL (not TrueType, unreadable). */
static struct glyph_font *
mark_font(struct writer *w, int f)
{
	int err;

	if (w->mark_font_tried)
		return w->mark_font_style == f ? w->mark_font : NULL;
	w->mark_font_tried = 1;
	w->mark_font_style = f;
	if (w->fpath == NULL || w->fpath[f] == NULL ||
	    confine_read(NULL, w->fpath[f], 64L << 20, &w->mark_data,
	    &err) != 0)
		return NULL;
	w->mark_font = glyph_font_new((const unsigned char *)w->mark_data.data,
	    w->mark_data.len);
	return w->mark_font;
}

struct pen {
	struct writer	*w;
	double		 x, y;		/* the current point */
};

static void
pen_move(struct pen *p, double x, double y)
{
	raw_op(p->w, (const double[]){ x, y }, 2, "m");
	p->x = x;
	p->y = y;
}

static void
pen_line(struct pen *p, double x, double y)
{
	raw_op(p->w, (const double[]){ x, y }, 2, "l");
	p->x = x;
	p->y = y;
}

/* A quadratic Bezier from the current point as the cubic PDF draws. */
static void
pen_quad(struct pen *p, double cx, double cy, double x, double y)
{
	const double v[6] = {
		p->x + 2.0 / 3 * (cx - p->x), p->y + 2.0 / 3 * (cy - p->y),
		x + 2.0 / 3 * (cx - x), y + 2.0 / 3 * (cy - y), x, y
	};

	raw_op(p->w, v, 6, "c");
	p->x = x;
	p->y = y;
}

/* Adds the contours of a glyph outline, shifted by dx, to the path
 * (TrueType: on-curve points, quadratic control points, and an implied
 * on-curve point between two control points). */
static int
path_glyph(struct writer *w, const struct glyph_outline *o, double dx)
{
	size_t c, st = 0, n, k, f;
	int any = 0;

	for (c = 0; c < o->nend; st = o->end[c] + 1, c++) {
		struct pen p = { w, 0, 0 };
		double sx, sy, qx = 0, qy = 0;
		int off = 0;

		if (o->end[c] < st || o->end[c] >= o->n)
			break;
		n = o->end[c] - st + 1;
		if (n < 2)
			continue;
		for (f = 0; f < n && !o->on[st + f]; f++)
			;
		if (f < n) {
			sx = o->x[st + f] + dx;
			sy = o->y[st + f];
		} else {	/* no point on the curve: start between two */
			sx = (o->x[st + n - 1] + o->x[st]) / 2 + dx;
			sy = (o->y[st + n - 1] + o->y[st]) / 2;
			f = n - 1;
		}
		pen_move(&p, sx, sy);
		for (k = 1; k <= n; k++) {
			size_t i = st + (f + k) % n;
			double x = o->x[i] + dx, y = o->y[i];

			if (o->on[i]) {
				if (off)
					pen_quad(&p, qx, qy, x, y);
				else
					pen_line(&p, x, y);
				off = 0;
				continue;
			}
			if (off)
				pen_quad(&p, qx, qy, (qx + x) / 2, (qy + y) / 2);
			qx = x;
			qy = y;
			off = 1;
		}
		if (off)
			pen_quad(&p, qx, qy, sx, sy);
		raw_op(w, NULL, 0, "h");
		any = 1;
	}
	return any;
}

/*
 * The draft mark (a box flagged `outline`) drawn as filled glyph outlines
 * of its font, rotated and scaled like the text it stands for, so that no
 * reader extracts its letters as text (issue 13).  Returns -1 when the
 * font has no TrueType outlines: the caller draws text instead.
 */
static int
draw_outline(struct writer *w, const struct box *b)
{
	struct glyph_font *gf = mark_font(w, (int)b->font);
	struct glyph_outline o;
	double sc, c = 1, s = 0, x = 0;
	size_t i;
	int any = 0;

	if (gf == NULL)
		return -1;
	memset(&o, 0, sizeof(o));
	sc = b->size_pt / glyph_units_per_em(gf);
	if (b->angle_deg != 0) {
		c = cos(b->angle_deg * PI / 180);
		s = sin(b->angle_deg * PI / 180);
	}
	step(&w->err, "drawing the draft mark");
	buf_puts(&w->ops, "q\012");
	/* 6 decimals: the scale is the size over the font's units (0.05) */
	raw_opd(w, (const double[]){ c * sc, s * sc, -s * sc, c * sc, b->x,
	    b->y }, 6, 6, "cm");
	raw_op(w, (const double[]){ clamp01(b->gray) }, 1, "g");
	for (i = 0; i < b->len;) {
		unsigned long cp;

		i += utf8_decode(b->text + i, b->len - i, &cp);
		if (glyph_get(gf, cp, &o) != 0)
			continue;
		any |= path_glyph(w, &o, x);
		x += o.advance;
	}
	if (any)
		raw_op(w, NULL, 0, "f");
	buf_puts(&w->ops, "Q\012");	/* the fill colour is as before */
	glyph_outline_free(&o);
	return 0;
}

static void
draw_text(struct writer *w, HPDF_Page pg, const struct box *b)
{
	double c = 1, s = 0;

	if (b->len == 0 || b->text == NULL || b->text[0] == '\0')
		return;
	if (b->outline) {
		end_text(w);
		if (draw_outline(w, b) == 0)
			return;
	}
	step(&w->err, "drawing text");
	if (b->font < 0 || b->font >= FONT__COUNT ||
	    w->font[b->font].face == NULL) {
		diag_add(w->dl, D_PDF_INTERNAL, NULL, NULL,
		    "text box with an unknown font %d", (int)b->font);
		w->err.code = HPDF_INVALID_FONT;
		w->err.reported = 1;
		return;
	}
	/* Layout keeps within libharu's ranges (page.h); a box outside them
	 * is a bug there, named here rather than as libharu's 0x1056. */
	if (!(b->size_pt > 0 && b->size_pt <= PAGE_MAX_FONT_PT) ||
	    !(b->word_space_pt >= PAGE_MIN_WORD_SPACE_PT &&
	    b->word_space_pt <= PAGE_MAX_WORD_SPACE_PT) ||
	    !(b->char_space_pt >= PAGE_MIN_CHAR_SPACE_PT &&
	    b->char_space_pt <= PAGE_MAX_CHAR_SPACE_PT)) {
		diag_add(w->dl, D_PDF_INTERNAL, NULL, NULL,
		    "text box at %g pt, word spacing %g pt: outside what "
		    "libharu draws", b->size_pt, b->word_space_pt +
		    b->char_space_pt);
		w->err.code = HPDF_PAGE_OUT_OF_RANGE;
		w->err.reported = 1;
		return;
	}
	if (!w->in_text) {
		buf_puts(&w->ops, "BT\012");
		w->in_text = 1;
		w->have_tlm = 0;	/* BT resets the text matrices */
	}
	if ((int)b->font != w->cur_font || b->size_pt != w->cur_size) {
		set_font(w, pg, (int)b->font, b->size_pt);
		w->cur_font = (int)b->font;
		w->cur_size = b->size_pt;
	}
	set_fill(w, b->gray);
	if (b->word_space_pt != w->cur_ws) {
		raw_opd(w, &b->word_space_pt, 1, 5, "Tw");
		w->cur_ws = b->word_space_pt;
	}
	if (b->char_space_pt != w->cur_cs) {
		raw_opd(w, &b->char_space_pt, 1, 5, "Tc");
		w->cur_cs = b->char_space_pt;
	}
	if (b->angle_deg != 0) {
		double r = b->angle_deg * PI / 180;

		c = cos(r);
		s = sin(r);
	}
	/*
	 * The next line of a paragraph, straight below the last one: T*, by
	 * the leading TL (set when it changes): three bytes where Tm writes
	 * six numbers.  Every other box is placed absolutely (Tm), so a run
	 * of T* never drifts more than its lines times the rounding of TL
	 * (5 decimals: under 0.001 pt a page).
	 */
	if (b->angle_deg == 0 && w->have_tlm && b->x == w->tlm_x &&
	    b->y < w->tlm_y) {
		if (w->tlm_y - b->y != w->cur_tl) {
			w->cur_tl = w->tlm_y - b->y;
			raw_opd(w, &w->cur_tl, 1, 5, "TL");
		}
		buf_puts(&w->ops, "T*\012");
	} else
		set_tm(w, c, s, b->x, b->y);
	w->have_tlm = b->angle_deg == 0;
	w->tlm_x = b->x;
	w->tlm_y = b->y;
	show_text(w, pg, (int)b->font, b->text, strlen(b->text));
	if (b->angle_deg != 0) {
		/*
		 * A space set upright after rotated text (the draft mark).
		 * Text extractors drop diagonal text on request (pdftotext
		 * -nodiag), but poppler then also drops the next upright
		 * word; this space is that word, so the page's own text
		 * comes out whole.  A space draws nothing.
		 */
		set_tm(w, 1, 0, b->x, b->y);
		show_text(w, pg, (int)b->font, " ", 1);
		w->have_tlm = 0;
	}
}

static void
draw_box(struct writer *w, HPDF_Page pg, const struct box *b)
{
	HPDF_Image img;
	HPDF_Destination dst;
	HPDF_Annotation a;
	HPDF_Rect r;
	const char *name;

	switch (b->type) {
	case BOX_TEXT:
		draw_text(w, pg, b);
		break;
	case BOX_RULE:
		step(&w->err, "drawing a rule");
		if (b->line_pt != w->cur_line) {
			raw_op(w, &b->line_pt, 1, "w");
			w->cur_line = b->line_pt;
		}
		if (clamp01(b->gray) != w->cur_stroke) {
			w->cur_stroke = clamp01(b->gray);
			raw_op(w, &w->cur_stroke, 1, "G");
		}
		raw_op(w, (const double[]){ b->x, b->y }, 2, "m");
		raw_op(w, (const double[]){ b->x + b->w, b->y + b->h }, 2,
		    "l S");
		break;
	case BOX_RECT:
		step(&w->err, "drawing a rectangle");
		set_fill(w, b->gray);
		raw_op(w, (const double[]){ b->x, b->y, b->w, b->h }, 4,
		    "re f");
		break;
	case BOX_IMAGE:
		step(&w->err, "drawing an image");
		/* as libharu's DrawImage: q, the image's size and place, Do, Q */
		if ((img = find_image(w, b->path)) != NULL &&
		    (name = HPDF_Page_GetXObjectName(pg, img)) != NULL) {
			buf_puts(&w->ops, "q\012");
			raw_op(w, (const double[]){ b->w, 0, 0, b->h, b->x,
			    b->y }, 6, "cm");
			name_op(w, name, "Do");
			buf_puts(&w->ops, "Q\012");
		}
		break;
	case BOX_LINK:
		step(&w->err, "adding a link");
		if (b->dest_page >= w->doc->npage) {
			diag_add(w->dl, D_PDF_INTERNAL, NULL, NULL,
			    "link to page %zu of %zu", b->dest_page + 1,
			    w->doc->npage);
			w->err.code = HPDF_PAGE_OUT_OF_RANGE;
			w->err.reported = 1;
			break;
		}
		r.left = (HPDF_REAL)b->x;
		r.bottom = (HPDF_REAL)b->y;
		r.right = (HPDF_REAL)(b->x + b->w);
		r.top = (HPDF_REAL)(b->y + b->h);
		/* FitH: zoom 0 in SetXYZ would poison the document (notes 4). */
		if ((dst = HPDF_Page_CreateDestination(
		    w->page[b->dest_page])) == NULL)
			break;
		HPDF_Destination_SetFitH(dst, (HPDF_REAL)b->dest_y);
		if ((a = HPDF_Page_CreateLinkAnnot(pg, r, dst)) == NULL)
			break;
		/* The PDF default is a visible 1 pt box. */
		HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
		break;
	}
}

static void
draw_page(struct writer *w, size_t i)
{
	const struct page *p = &w->doc->page[i];
	HPDF_Page pg = w->page[i];
	HPDF_ExtGState gs;
	const char *name;
	size_t j;

	w->err.page = (long)i;
	w->in_text = 0;
	buf_truncate(&w->ops, 0);
	forget_state(w);
	for (j = 0; j < p->nbox && !failed(w); j++) {
		const struct box *b = &p->box[j];

		if (b->type != BOX_TEXT || b->alpha < 1)
			end_text(w);
		if (b->alpha >= 1 || b->type == BOX_LINK) {
			draw_box(w, pg, b);
			continue;
		}
		if ((gs = alpha_state(w, b->alpha)) == NULL) {
			if (!failed(w)) {
				w->err.code = HPDF_INVALID_EXT_GSTATE;
				w->err.reported = 1;
			}
			break;
		}
		step(&w->err, "setting transparency");
		if ((name = HPDF_Page_GetExtGStateName(pg, gs)) == NULL) {
			if (!failed(w))
				w->err.code = HPDF_INVALID_EXT_GSTATE;
			break;
		}
		buf_puts(&w->ops, "q\012");
		name_op(w, name, "gs");
		draw_box(w, pg, b);
		end_text(w);
		buf_puts(&w->ops, "Q\012");
		forget_state(w);
		w->cur_ws = NAN;	/* Q restored Tw as it was before q */
		w->cur_cs = NAN;	/* and Tc */
	}
	if (!failed(w))
		end_text(w);
}

static void
add_outlines(struct writer *w, HPDF_Encoder utf8)
{
	const struct doc_pages *d = w->doc;
	HPDF_Outline stack[MAX_OUTLINE_LEVEL + 1] = { NULL };
	HPDF_Outline o, parent;
	HPDF_Destination dst;
	size_t i;
	int lv, k;

	w->err.page = -1;
	step(&w->err, "adding bookmarks");
	for (i = 0; i < d->noutline && !failed(w); i++) {
		const struct outline *ol = &d->outline[i];
		char *title;

		if (ol->page >= d->npage) {
			diag_add(w->dl, D_PDF_INTERNAL, NULL, NULL,
			    "bookmark to page %zu of %zu", ol->page + 1,
			    d->npage);
			w->err.code = HPDF_PAGE_OUT_OF_RANGE;
			w->err.reported = 1;
			break;
		}
		lv = ol->level < 1 ? 1 : ol->level > MAX_OUTLINE_LEVEL ?
		    MAX_OUTLINE_LEVEL : ol->level;
		/* The nearest open entry above this level; a skipped level
		 * (1 then 3) hangs under the 1. */
		parent = NULL;
		for (k = lv - 1; k >= 1; k--)
			if (stack[k] != NULL) {
				parent = stack[k];
				break;
			}
		title = bmp_utf8(ol->title != NULL ? ol->title : "");
		o = HPDF_CreateOutline(w->pdf, parent, title, utf8);
		free(title);
		if (o == NULL)
			break;
		stack[lv] = o;
		for (k = lv + 1; k <= MAX_OUTLINE_LEVEL; k++)
			stack[k] = NULL;
		HPDF_Outline_SetOpened(o, lv == 1 ? HPDF_TRUE : HPDF_FALSE);
		if ((dst = HPDF_Page_CreateDestination(w->page[ol->page])) ==
		    NULL)
			break;
		HPDF_Destination_SetFitH(dst, (HPDF_REAL)ol->y);
		HPDF_Outline_SetDestination(o, dst);
	}
	if (d->noutline > 0 && !failed(w))
		HPDF_SetPageMode(w->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

static void
add_page_labels(struct writer *w)
{
	const struct doc_pages *d = w->doc;

	step(&w->err, "adding page labels");
	if (d->npage == 0)
		return;
	/* Front matter i, ii, ...; the body from 1.  Two labels at index 0
	 * would be an invalid number tree, so the roman one needs a page. */
	if (d->body_start > 0)
		HPDF_AddPageLabel(w->pdf, 0, HPDF_PAGE_NUM_STYLE_LOWER_ROMAN, 1,
		    NULL);
	if (d->body_start < d->npage)
		HPDF_AddPageLabel(w->pdf, (HPDF_UINT)d->body_start,
		    HPDF_PAGE_NUM_STYLE_DECIMAL, 1, NULL);
}

static void
set_info(struct writer *w, HPDF_InfoType t, const char *v)
{
	char *s;

	if (v == NULL || *v == '\0' || failed(w))
		return;
	s = bmp_utf8(v);
	HPDF_SetInfoAttr(w->pdf, t, s);
	free(s);
}

static int
valid_lang(const char *s)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')
		    || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return i > 0 && i < 36;
}

static void
add_metadata(struct writer *w)
{
	const struct doc_meta *m = &w->doc->meta;
	const char *lang = m->lang != NULL ? m->lang : "id-ID";
	HPDF_String str;

	step(&w->err, "setting metadata");
	/* Info strings take the current encoder: UTF-8 -> UTF-16BE. */
	HPDF_SetCurrentEncoder(w->pdf, "UTF-8");
	set_info(w, HPDF_INFO_TITLE, m->title);
	set_info(w, HPDF_INFO_AUTHOR, m->author);
	set_info(w, HPDF_INFO_SUBJECT, m->subject);
	set_info(w, HPDF_INFO_KEYWORDS, m->keywords);
	set_info(w, HPDF_INFO_CREATOR, "rencana " RENCANA_VERSION);
	if (m->date >= 0 && !failed(w)) {
		time_t t = (time_t)m->date;
		struct tm tm;
		HPDF_Date hd;

		if (gmtime_r(&t, &tm) != NULL && tm.tm_year + 1900 <= 9999) {
			memset(&hd, 0, sizeof(hd));
			hd.year = tm.tm_year + 1900;
			hd.month = tm.tm_mon + 1;
			hd.day = tm.tm_mday;
			hd.hour = tm.tm_hour;
			hd.minutes = tm.tm_min;
			hd.seconds = tm.tm_sec;
			/* '+' 00'00': 'Z' breaks 2.3.0's XMP code (notes 3). */
			hd.ind = '+';
			HPDF_SetInfoDateAttr(w->pdf, HPDF_INFO_CREATION_DATE, hd);
			HPDF_SetInfoDateAttr(w->pdf, HPDF_INFO_MOD_DATE, hd);
		}
	}
	/* /Lang has no public setter in 2.3.0; the catalog and the object
	 * constructors are exported through hpdf_doc.h and hpdf_objects.h. */
	step(&w->err, "setting the language");
	if (!failed(w) && valid_lang(lang)) {
		if ((str = HPDF_String_New(w->pdf->mmgr, lang, NULL)) != NULL)
			HPDF_Dict_Add(w->pdf->catalog, "Lang", str);
	}
}

/* ---- output ---- */

/*
 * libharu's finished file, read from its memory stream into out and
 * packed into object streams (pdfpack.c: a third smaller); the libharu
 * document is freed first, so the two copies never coexist with it.
 * -1 on a libharu error.
 */
static int
finished_pdf(struct writer *w, struct buf *out)
{
	unsigned char *chunk = xmalloc(COPY_CHUNK);
	struct buf raw = BUF_INIT;
	HPDF_UINT32 left, n;
	HPDF_STATUS st;
	int rc = 0;

	step(&w->err, "reading the finished PDF");
	left = HPDF_GetStreamSize(w->pdf);
	while (left > 0) {
		n = left < COPY_CHUNK ? left : COPY_CHUNK;
		st = HPDF_ReadFromStream(w->pdf, chunk, &n);
		if ((st != HPDF_OK && st != HPDF_STREAM_EOF) || failed(w) ||
		    n == 0) {
			rc = -1;
			break;
		}
		buf_put(&raw, (const char *)chunk, n);
		left -= n;
	}
	free(chunk);
	if (rc == 0) {
		HPDF_Free(w->pdf);
		w->pdf = NULL;
		if (pdfpack(raw.data, raw.len, out) != 0) {
			*out = raw;	/* libharu's file as it is */
			return 0;
		}
	}
	buf_free(&raw);
	return rc;
}

/* The output_fn of pdf_write_doc: the finished file to fd. */
static int
buf_to_fd(int fd, void *user)
{
	const struct buf *b = user;

	return output_put(fd, b->data, b->len);
}

/* ---- pdf_write ---- */

static int	write_doc(struct pdf_doc *, const struct doc_pages *,
		    struct doc_pages *clear, const char *, struct diag_list *);

int
pdf_write_doc(struct pdf_doc *pd, const struct doc_pages *d, const char *path,
    struct diag_list *dl)
{
	return write_doc(pd, d, NULL, path, dl);
}

int
pdf_write_doc_clearing(struct pdf_doc *pd, struct doc_pages *d,
    const char *path, struct diag_list *dl)
{
	return write_doc(pd, d, d, path, dl);
}

/* clear: d itself, when each page is cleared once drawn, or NULL. */
static int
write_doc(struct pdf_doc *pd, const struct doc_pages *d,
    struct doc_pages *clear, const char *path, struct diag_list *dl)
{
	struct writer *w = &pd->w;
	struct buf file = BUF_INIT;
	HPDF_Encoder utf8;
	size_t i;
	int f, rc = PDF_FAIL;

	w->doc = d;
	w->dl = dl;
	w->fpath = pd->fpath;
	/* Only the styles a page uses become fonts (font_start). */
	for (f = 0; f < FONT__COUNT; f++)
		w->font[f].face = pd->face[f];
	if (load_images(w) > 0) {
		rc = PDF_BAD_INPUT;
		goto out;
	}

	/* Every page exists before drawing: links point forward (the TOC). */
	w->page = xcalloc(d->npage ? d->npage : 1, sizeof(*w->page));
	for (i = 0; i < d->npage && !failed(w); i++) {
		w->err.page = (long)i;
		step(&w->err, "adding a page");
		if ((w->page[i] = HPDF_AddPage(w->pdf)) == NULL)
			break;
		/* each page its own size: a landscape page is the paper
		 * turned (docs/layout.md, "Landscape pages") */
		HPDF_Page_SetWidth(w->page[i], (HPDF_REAL)d->page[i].width_pt);
		HPDF_Page_SetHeight(w->page[i], (HPDF_REAL)d->page[i].height_pt);
	}
	for (i = 0; i < d->npage && !failed(w); i++) {
		draw_page(w, i);
		seal_page(w, w->page[i]);
		if (clear != NULL)
			page_clear(&clear->page[i]);
	}
	w->err.page = -1;
	if (failed(w) || finish_fonts(w) != 0)
		goto internal;
	step(&w->err, "enabling UTF-8");
	if ((utf8 = HPDF_GetEncoder(w->pdf, "UTF-8")) == NULL)
		goto internal;
	add_outlines(w, utf8);
	if (!failed(w))
		add_page_labels(w);
	if (!failed(w))
		add_metadata(w);
	if (failed(w))
		goto internal;

	step(&w->err, "saving");
	if (HPDF_SaveToStream(w->pdf) != HPDF_OK || failed(w) ||
	    finished_pdf(w, &file) != 0)
		goto internal;
	rc = PDF_OK;
	if (path != NULL && output_write(path, "the PDF", buf_to_fd, &file,
	    dl) != 0)
		rc = PDF_FAIL;
	goto out;
internal:
	if (!w->err.reported)
		report_hpdf(dl, D_PDF_INTERNAL, &w->err, NULL);
	rc = PDF_FAIL;
out:
	buf_free(&file);
	free(w->page);
	for (i = 0; i < w->nimage; i++)
		free(w->image[i].path);
	free(w->image);
	pdf_close(pd);
	return rc;
}

int
pdf_write(const struct doc_pages *d, const struct style *s,
    const char *fontdir, const char *path, struct diag_list *dl)
{
	struct metrics m;
	struct pdf_doc *pd;

	if ((pd = pdf_open((const char *const *)s->font, fontdir, &m,
	    dl)) == NULL)
		return PDF_FAIL;
	return pdf_write_doc(pd, d, path, dl);
}

/* The libharu and libpng in use (rencana --version). */
const char *
pdf_lib_version(void)
{
	return HPDF_GetVersion();
}

const char *
pdf_png_version(void)
{
	return png_get_libpng_ver(NULL);
}
