/*
 * rencana: pages of positioned boxes (the output of layout, the input of
 * pdf.c) and the font metrics layout measures with.  Layout never calls
 * libharu: it measures through struct metrics, which pdf.c fills from the
 * embedded fonts and unit tests fill with fake widths.
 */
#ifndef RENCANA_PAGE_H
#define RENCANA_PAGE_H

#include <stddef.h>

enum font_style {
	FONT_REGULAR,
	FONT_BOLD,
	FONT_ITALIC,
	FONT_BOLDITALIC,
	FONT__COUNT
};

struct font_face;

struct metrics {
	/* Advance width of each WinAnsi character in each font, by its
	 * WinAnsi byte, 1/1000 em (the same integers the PDF's /W gives):
	 * the characters of nearly all text, looked up without the font. */
	unsigned short	 width[FONT__COUNT][256];
	short		 ascent;	/* 1/1000 em, regular font, positive */
	short		 descent;	/* 1/1000 em, regular font, negative */
	/* Any other code point: its advance in the font, 1/1000 em, or -1
	 * when the font has no glyph for it (pdf.c asks the face).  NULL:
	 * every such character below U+3000 is `other_width` wide, the
	 * others lacking (fake metrics). */
	int		(*other)(const struct font_face *, unsigned long cp);
	const struct font_face *face[FONT__COUNT];	/* font.c's, shared */
	unsigned short	 other_width;
};

/* Width in points of n bytes of UTF-8 text set in `font` at size_pt (a
 * character the font lacks counts as 0). */
double	metrics_width(const struct metrics *, enum font_style,
	    const char *s, size_t n, double size_pt);
/* The same in font units (1/1000 em), summed as integers. */
unsigned long metrics_units(const struct metrics *, enum font_style,
	    const char *s, size_t n);
/* Does the font have a glyph for code point cp?  (Fake metrics: every
 * character below U+3000, so none of CJK's or the emoji, as with
 * Liberation Sans.) */
int	metrics_has(const struct metrics *, enum font_style, unsigned long cp);
/* Fixed fake metrics for tests: every glyph `w` units wide (space too). */
void	metrics_fake(struct metrics *, unsigned short w);

enum box_type {
	BOX_TEXT,	/* a run of text on one baseline */
	BOX_RULE,	/* a straight line from (x, y) to (x + w, y + h) */
	BOX_RECT,	/* a filled rectangle, lower-left (x, y), size w x h */
	BOX_IMAGE,	/* an image file drawn into the rectangle */
	BOX_LINK	/* a clickable rectangle that jumps to (dest_page, dest_y) */
};

/*
 * What the PDF writer can draw, so layout keeps within it (libharu 2.3.0
 * raises HPDF_PAGE_OUT_OF_RANGE, 0x1056, past these: hpdf_consts.h).  A
 * justified line that would need more word spacing is set ragged.
 */
#define PAGE_MAX_WORD_SPACE	300	/* HPDF_MAX_WORDSPACE */
#define PAGE_MIN_WORD_SPACE	(-30)	/* HPDF_MIN_WORDSPACE */
#define PAGE_MAX_FONT		600	/* HPDF_MAX_FONTSIZE */
#define PAGE_MAX_CHAR_SPACE	300	/* HPDF_MAX_CHARSPACE */
#define PAGE_MIN_CHAR_SPACE	(-30)	/* HPDF_MIN_CHARSPACE */
#define PAGE_MAX_WORD_SPACE_PT	((double)PAGE_MAX_WORD_SPACE)
#define PAGE_MIN_WORD_SPACE_PT	((double)PAGE_MIN_WORD_SPACE)
#define PAGE_MAX_FONT_PT	((double)PAGE_MAX_FONT)
#define PAGE_MAX_CHAR_SPACE_PT	((double)PAGE_MAX_CHAR_SPACE)
#define PAGE_MIN_CHAR_SPACE_PT	((double)PAGE_MIN_CHAR_SPACE)

struct box {
	enum box_type	 type;
	double		 x, y;		/* pt from the lower-left corner; text: baseline start */
	double		 w, h;		/* pt; rule: the vector; rect/image/link: the size */
	enum font_style	 font;		/* text */
	double		 size_pt;	/* text: font size */
	double		 word_space_pt;	/* text: extra width added to each space (justification; PDF Tw) */
	double		 char_space_pt;	/* text: extra width added after each glyph, spaces
					 * too (letter spacing in justification; PDF Tc):
					 * a space widens by both */
	double		 gray;		/* 0 black .. 1 white: text fill, rule stroke, rect fill */
	double		 alpha;		/* 1 opaque; < 1 uses a transparency state (the draft mark) */
	double		 angle_deg;	/* text: rotation about (x, y), counter-clockwise */
	int		 outline;	/* text: drawn as filled glyph outlines, not
					 * as text (the draft mark: never extracted) */
	double		 line_pt;	/* rule: stroke width */
	char		*text;		/* text: UTF-8 (owned) */
	size_t		 len;		/* text: bytes */
	char		*path;		/* image: file path (owned) */
	size_t		 dest_page;	/* link: index of the target page, from 0 */
	double		 dest_y;	/* link: top of the target area on that page, pt */
};

/*
 * One line of text as layout set it, for the quality measures of the page
 * dump (tests/golden/run-quality.sh); pdf.c ignores these.
 */
enum page_line_flag {
	PL_JUSTIFY	= 1,	/* justified (not ragged, not a last line) */
	PL_FIRST	= 2,	/* first line of its paragraph or cell */
	PL_LAST		= 4,	/* last line of its paragraph or cell */
	PL_HYPHEN	= 8,	/* ends with an added hyphen */
	PL_RAGGED	= 16	/* a justified paragraph's line set ragged
				 * (emergency: it would have needed spaces
				 * over twice their width) */
};

struct page_line {
	char		 kind;		/* p body, h heading, c table cell,
					 * k caption, o other */
	double		 x, y;		/* pt: baseline start of the line box */
	double		 w;		/* pt: set width (from the line box's left) */
	double		 measure;	/* pt: the line length it was set in */
	double		 natural;	/* pt: width with natural spaces */
	double		 ratio;		/* set space / natural space (1: natural) */
	int		 nspace;	/* interword spaces */
	unsigned	 flags;		/* PL_* */
};

/* One piece of a table on a page, for the same measures. */
struct page_table {
	int		 id;		/* tables counted from 1 in the document */
	int		 first, end;	/* body rows [first, end) on this page */
	int		 nrow;		/* body rows of the table */
	int		 total;		/* its last row is a total ("Jumlah") */
	int		 short_table;	/* shorter than a third of the text height */
};

/* A figure on a page (its picture and caption are never split), for the
 * Word back end (docx.c): where the PDF put it and how large. */
struct page_fig {
	int		 id;		/* figures counted from 1 in the document */
	double		 w, h;		/* pt: the picture (image or chart) as drawn */
	size_t		 box;		/* an image: its BOX_IMAGE in the page's
					 * boxes; a chart: (size_t)-1 */
};

struct page {
	double		 width_pt, height_pt;	/* this page's size: the paper's,
					 * or the paper turned on a landscape
					 * page (width > height; layout.md) */
	struct box	*box;
	size_t		 nbox, cap;
	struct page_line *line;
	size_t		 nline, linecap;
	struct page_table *tab;
	size_t		 ntab, tabcap;
	struct page_fig	*fig;
	size_t		 nfig, figcap;
};

struct outline {
	char		*title;		/* UTF-8 (owned) */
	int		 level;		/* 1 chapter, 2 section, 3 subsection */
	size_t		 page;		/* index from 0 */
	double		 y;		/* top of the heading, pt from the bottom */
};

struct doc_meta {
	char	*title;		/* UTF-8, each owned; NULL when unknown */
	char	*author;	/* the agency */
	char	*subject;
	char	*keywords;
	char	*lang;		/* "id-ID" or "en-US" */
	long long date;		/* seconds since 1970 UTC (SOURCE_DATE_EPOCH or the plan's date); -1 none */
};

struct doc_pages {
	double		 width_pt, height_pt;
	struct page	*page;
	size_t		 npage, cap;
	size_t		 body_start;	/* first page numbered in arabic (page labels); npage if none */
	struct outline	*outline;
	size_t		 noutline, outcap;
	struct doc_meta	 meta;
};

struct doc_pages *doc_pages_new(double width_pt, double height_pt);
/* Frees the pages, their boxes and strings. NULL does nothing. */
void		 doc_pages_free(struct doc_pages *);
/* Appends an empty page of the paper's size and returns it (valid until
 * the next call). */
struct page	*doc_pages_add(struct doc_pages *);
/* Every page's boxes and lines to their count, once layout is done: they
 * were grown by doubling, a quarter unused on average (0.5 MB of a
 * 100-page document), and the PDF writer reuses what this frees. */
void		 doc_pages_trim(struct doc_pages *);
/* Removes the last page with its boxes (layout: an empty page of the
 * wrong orientation).  Nothing when there is none. */
void		 doc_pages_drop(struct doc_pages *);
/* Frees a page's boxes, lines, tables and figures; its size stays. */
void		 page_clear(struct page *);
/* Appends a box to a page and returns it, zeroed except type, gray 0,
 * alpha 1 (valid until the next box is added to that page). */
struct box	*page_add_box(struct page *, enum box_type);
/* Adds a text box; copies the n bytes of UTF-8. */
struct box	*page_add_text(struct page *, double x, double y,
		    enum font_style, double size_pt, const char *s, size_t n);
/* Adds a rule from (x, y) to (x + w, y + h), line_pt wide, black. */
struct box	*page_add_rule(struct page *, double x, double y, double w,
		    double h, double line_pt);
/* Adds the outline of the rectangle with lower-left (x, y), w x h, as four
 * rules line_pt wide: bottom, top, left, right. */
void		 page_add_frame(struct page *, double x, double y, double w,
		    double h, double line_pt);
void		 page_add_line(struct page *, const struct page_line *);
void		 page_add_table(struct page *, const struct page_table *);
void		 page_add_fig(struct page *, const struct page_fig *);
void		 doc_pages_add_outline(struct doc_pages *, const char *title_utf8,
		    int level, size_t page, double y);

#endif
