/*
 * rencana: the parts of layout shared by layout.c, layout_line.c,
 * layout_table.c and layout_toc.c (not used outside layout).
 */
#ifndef RENCANA_LAYOUT_INT_H
#define RENCANA_LAYOUT_INT_H

#include <stddef.h>

#include "page.h"

struct run;

/* ---- line breaking (layout_line.c) ---- */

enum lb_kind {
	LB_BOX,
	LB_GLUE,
	LB_PENALTY
};

#define LB_INF		10000	/* a penalty >= this forbids a break, <= -this forces one */

/* One Knuth-Plass item.  Boxes refer to bytes of the paragraph's text. */
struct lb_item {
	enum lb_kind	 kind;
	double		 w;		/* pt: natural width */
	double		 st, sh;	/* pt: glue stretch and shrink */
	int		 pen;		/* penalty value */
	int		 flagged;	/* penalty: a hyphen break */
	enum font_style	 font;
	size_t		 off, len;	/* box: bytes of the paragraph text (UTF-8) */
	size_t		 nch;		/* box: its characters (glyphs: letter
					 * spacing, PDF Tc, follows each) */
};

/*
 * A footnote reference (RUN_NOTE) is set superscript: its bytes carry
 * LB_SUP beside their font (struct src, lb_item.font, lb_seg.font), are
 * measured at LB_SUP_SCALE of the size, and lay_emit_line draws them that
 * small, raised by LB_SUP_RISE of the size (the PDF has no superscript).
 */
#define LB_SUP		0x10
#define LB_FONT_MASK	0x0f
#define LB_SUP_SCALE	0.65
#define LB_SUP_RISE	0.35

/* One line of a broken paragraph: runs of one font at offsets from the line's start. */
struct lb_seg {
	enum font_style	 font;
	double		 x;		/* pt from the left end of the line box */
	double		 ws;		/* pt added to each space (justification) */
	double		 cs;		/* pt added after each glyph, spaces too
					 * (letter spacing; ws includes it) */
	size_t		 off, len;	/* bytes of lb_para.out */
};

struct lb_line {
	size_t		 seg0, nseg;
	double		 width;		/* pt: set width of the line */
	double		 natural;	/* pt: the same with natural spaces */
	double		 measure;	/* pt: the line length */
	double		 ratio;		/* set / natural interword space */
	int		 nspace;	/* interword spaces */
	int		 hyphen;	/* ends with an added hyphen */
	unsigned	 flags;		/* PL_* (page.h) */
};

struct lb_para {
	char		*out;		/* UTF-8 of every segment */
	size_t		 outlen, outcap;
	struct lb_seg	*seg;
	size_t		 nseg, segcap;
	struct lb_line	*line;
	size_t		 nline, linecap;
};

enum lb_align {
	LB_JUSTIFY,
	LB_LEFT,
	LB_CENTER,
	LB_RIGHT
};

typedef size_t (*lb_hyph_fn)(const void *ctx, const char *word, size_t n,
    unsigned char *brk);

struct lb_opts {
	const struct metrics	*m;
	double		 size_pt;
	double		 width;		/* pt: the line length */
	double		 indent;	/* pt: first-line indent */
	enum lb_align	 align;
	unsigned	 flags_or;	/* RUN_* added to every run (RUN_BOLD for headings) */
	int		 upper;		/* set in capitals */
	lb_hyph_fn	 hyph;		/* NULL: no hyphenation */
	int		 hyph_min;	/* letters a word needs to be hyphenated
					 * (0: the default, 4) */
	int		 max_hyphens;	/* hyphenated lines in a row (0: 2) */
	int		 nbsp_glyph;	/* 0xA0 is a glyph of its word (code's
					 * kept spaces), not a tie (words.c) */
	const void	*hctx;
};

/*
 * Chooses the breaks of n items for lines `width` pt long (total-fit
 * Knuth-Plass with a bounded active list, so linear in n).  Stores in *brk
 * (new array the caller frees) the index of each line's break item, the
 * last being the final forced break, and in *ratio (may be NULL; new array)
 * each line's adjustment ratio.  Returns
 * the number of lines; *rescued (may be NULL) is 1 when some line had to
 * be forced past the tolerance or overfull.
 */
struct lb_params {
	double		 width;		/* pt: the line length */
	double		 line_st;	/* pt: stretch every line has besides its
					 * glue (ragged text) */
	double		 end_st, end_sh;	/* pt: letter spacing a line
					 * loses at its end (the last glyph's,
					 * unless a hyphen is added) */
	double		 tol;		/* the loosest adjustment ratio accepted */
	int		 maxhy;		/* hyphenated lines in a row (0: any) */
	int		 oneword;	/* a last line of one word costs
					 * LB_ONEWORD_DEM (justified text) */
};
size_t	layout_line_breaks(const struct lb_item *, size_t n,
	    const struct lb_params *, size_t **brk, double **ratio,
	    int *rescued);
/* Sets runs into lines: p is reset and filled.  Free with layout_line_free. */
void	layout_line_set(struct lb_para *p, const struct run *runs, size_t nrun,
	    const struct lb_opts *);
void	layout_line_free(struct lb_para *);
/* Widest word and whole width (one line) of runs, pt. */
void	layout_line_measure(const struct run *runs, size_t nrun,
	    const struct lb_opts *, double *minw, double *maxw);
/* The widest piece of runs that no break opportunity splits, with the
 * hyphen when it ends at a hyphenation point (o's hyphenator), pt: the
 * least width the runs can be set in without emergency breaks. */
double	layout_line_min_piece(const struct run *runs, size_t nrun,
	    const struct lb_opts *);
/* WinAnsi capitals of a byte. */
int	layout_line_upper(int c);
/* n bytes of UTF-8 in capitals, in place: the letters WinAnsi has in both
 * cases and those of Latin Extended-A and Additional, Greek and Cyrillic
 * (each capital as long in UTF-8 as its small letter); others are kept. */
void	layout_line_upper_utf8(char *s, size_t n);
/* The font of a run's flags plus extra flags. */
enum font_style layout_line_font(unsigned flags);



#define PT_PER_MM	(72.0 / 25.4)

/* ---- the layout state (layout.c), used by the table and TOC parts ---- */

struct style;
struct diag_list;
struct block;
struct hyph;

/* One entry of the table of contents or the list of tables. */
struct toc_entry {
	int		 level;		/* 1, 2; tables 1 */
	char		*text;		/* UTF-8 (owned) */
	size_t		 len;
	size_t		 pre;		/* bytes of its number at the start, followed
					 * by a space: wrapped lines hang after it */
	int		 placed;	/* the target was laid out */
	size_t		 page;		/* target page */
	double		 y;		/* target top, pt */
};

struct toc_list {
	struct toc_entry *e;
	size_t		 n, cap;
	size_t		 next;		/* the next entry to be placed */
};

/* Where an entry was written in a list, to be completed on the second pass. */
struct toc_slot {
	const struct toc_list *list;
	size_t		 entry;
	size_t		 page;		/* page of the list */
	double		 x_end;		/* end of the entry's last line, pt */
	double		 base;		/* baseline of its last line, pt */
	double		 top, bottom;	/* the entry's extent, pt */
};

struct lay {
	const struct style	*st;
	const struct metrics	*m;
	const char		*basedir;
	struct diag_list	*dl;
	struct doc_pages	*d;
	double		 pw, ph;		/* pt: paper */
	double		 left, right, top, bottom;	/* pt: the text area */
	double		 tw;			/* pt: text width */
	double		 lh;			/* pt: body line height */
	double		 y;			/* pt: top of the free space */
	int		 used;			/* the current page has content */
	int		 need_page;		/* the next content starts a page */
	unsigned char	*nonum;			/* per page: 1 no page number */
	size_t		 nonumcap;
	int		 have_body;		/* rencana-mulai-isi was seen */
	const struct block *appendix;		/* rencana-mulai-lampiran, or NULL:
						 * its `baris` head each appendix */
	int		 body_pending;		/* the body starts on the next page */
	char		*mark;			/* draft mark, UTF-8, or NULL */
	size_t		 marklen;
	char		*kepala;		/* draft header, UTF-8, or NULL */
	size_t		 kepalalen;
	int		 draft;
	struct hyph	*hy;
	struct hyph_memo *hmemo;		/* hyph_word's results per word */
	struct toc_list	 toc, tables;
	struct toc_list	 figures;		/* the list of figures (DAFTAR GAMBAR) */
	struct toc_slot	*slot;
	size_t		 nslot, slotcap;
	char		 marker[40];		/* pending list marker */
	double		 marker_x;
	int		 marker_on;
	int		 too_long;		/* LAY_MAX_PAGES reached: stop */
	char		 line_kind;		/* page_line kind of the lines
						 * emitted now (0: 'o') */
	int		 ntable;		/* tables laid out so far */
	struct table_group *tgroup;		/* layout_table.c: the widths of
						 * the last tables of one kind */
	int		 landscape;		/* the pages made now are landscape
						 * (lay_orient) */
	int		 turned;		/* need_page is lay_landscape's
						 * (no content asked for a page) */
	double		 margin_b;		/* the bottom margin of the page's
						 * orientation, pt: the page number
						 * and paraf box stand at its half */
	double		 foot_min;		/* the text area's bottom is at least
						 * this on every page, portrait or
						 * landscape (the TTE footer); 0 none */
	struct lay_tte	*tte;			/* layout_tte.c: the footer of an
						 * electronically signed document */
	struct lay_notes *fn;			/* layout_page.c: the footnotes
						 * (NULL: the document has none) */
};

/* layout_page.c: the page state, below layout.c, layout_table.c and
 * layout_toc.c (none of which it calls). */
void	lay_new_page(struct lay *);
/* The next content goes on a new page (unless this one is still empty). */
void	lay_break(struct lay *);
/* Sets the paper and text area of L for portrait or landscape pages
 * (margins turned with the paper: docs/layout.md, "Landscape pages"). */
void	lay_orient(struct lay *, int landscape);
/* The next content starts a new page of the other orientation; a page
 * of the old one that is still empty is dropped.  Nothing when L is in
 * that orientation already. */
void	lay_landscape(struct lay *, int on);
/* UTF-8 u copied to a new string in *out (caller frees), *outlen bytes
 * (layout's text is UTF-8; the name is from when it was WinAnsi). */
void	lay_winansi_dup(const char *u, char **out, size_t *outlen);
/* The memo of hyph_word's results for one layout; lay_memo_free frees it. */
struct hyph_memo *lay_memo_new(const struct hyph *);
void	lay_memo_free(struct hyph_memo *);
/* n in lower-case roman numerals into out (len bytes). */
void	lay_roman(int n, char *out, size_t len);
void	lay_start(struct lay *);
struct page *lay_page(struct lay *);
/* Options for setting text at a size in a width. */
void	lay_opts(const struct lay *, struct lb_opts *, double size_pt,
	    double width, enum lb_align);
/* Line height of a size with the body line spacing (or 1.0 when tight). */
double	lay_line_height(const struct lay *, double size_pt, int tight);
/* Adds line l of p with its left end at x and the line box top at top. */
void	lay_emit_line(struct lay *, const struct lb_para *, size_t l,
	    double x, double top, double lh, double size_pt);
/* Places lines [0, n) of p at x, paginating (no widow/orphan rule when
 * keep is 0); returns nothing, moves L->y. */
void	lay_place_lines(struct lay *, const struct lb_para *, double x,
	    double lh, double size_pt, int widows);

/* Footnotes (layout_page.c): lay_notes_start finds the document's
 * footnotes (L->fn stays NULL without any); lay_place_lines reserves room
 * at the page's foot for those its lines cite, and sets them there when the
 * page is done; lay_notes_end sets the last page's (and any carried over)
 * and frees them. */
void	lay_notes_start(struct lay *, const struct block *doc);
void	lay_notes_end(struct lay *);

/* layout_table.c */
void	layout_table(struct lay *, const struct block *table, double left,
	    double width);
/* The height a table needs at its start: the header with the first row
 * (or the first line of a row taller than a page), so a caption or a
 * heading can be kept with it. */
double	layout_table_lead(const struct lay *, const struct block *table,
	    double width);
/* Is table t, of `kind` (its `rencana-tabel` directive's `jenis`, or
 * NULL), set on landscape pages?  pw, lw: its width on portrait and on
 * landscape pages.  The decision holds for the tables of its group. */
int	layout_table_landscape(struct lay *, const struct block *table,
	    const char *kind, double pw, double lw);
/* Frees what layout_table kept in L (the widths of tables of one kind). */
void	layout_table_free(struct lay *);
/* Column widths of a table in `width` pt, into w[ncols].  For tests. */
void	layout_table_widths(const struct lay *, const struct block *table,
	    double width, double *w);

/* layout_figure.c: an image or chart with its caption below, on one page */
void	layout_figure(struct lay *, const struct block *figure);
/* The lines of a caption (a table's or a figure's), centred in the text
 * width at the body size: p is filled; free it with layout_line_free. */
void	layout_caption_set(const struct lay *, const struct block *caption,
	    struct lb_para *p);

/* layout_chart.c: a `rencana-grafik` figure's chart, w pt wide: its height,
 * and its boxes drawn from the top `top` down at x */
double	layout_chart_height(struct lay *, const struct block *figure, double w);
void	layout_chart_draw(struct lay *, const struct block *figure, double x,
	    double top, double w, double h);

/* layout_toc.c */
void	layout_toc_collect(struct lay *, const struct block *doc);
void	layout_toc_place(struct lay *, struct toc_list *, const char *title_utf8);
void	layout_toc_mark(struct toc_list *, size_t page, double y);
void	layout_toc_fill(struct lay *);
void	layout_toc_free(struct lay *);
#endif
