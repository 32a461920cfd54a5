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
	size_t		 off, len;	/* box: bytes of the paragraph text */
};

/* One line of a broken paragraph: runs of one font at offsets from the line's start. */
struct lb_seg {
	enum font_style	 font;
	double		 x;		/* pt from the left end of the line box */
	double		 ws;		/* pt added to each space (justification) */
	size_t		 off, len;	/* bytes of lb_para.out */
};

struct lb_line {
	size_t		 seg0, nseg;
	double		 width;		/* pt: set width of the line */
	int		 hyphen;	/* ends with an added hyphen */
};

struct lb_para {
	char		*out;		/* WinAnsi bytes of every segment */
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
	const void	*hctx;
};

/*
 * Chooses the breaks of n items for lines `width` pt long (total-fit
 * Knuth-Plass with a bounded active list, so linear in n).  Stores in *brk
 * (new array the caller frees) the index of each line's break item, the
 * last being the final forced break, and in *ratio (may be NULL; new array)
 * each line's adjustment ratio.  Returns the number of lines.
 */
size_t	layout_line_breaks(const struct lb_item *, size_t n, double width,
	    size_t **brk, double **ratio);
/* Sets runs into lines: p is reset and filled.  Free with layout_line_free. */
void	layout_line_set(struct lb_para *p, const struct run *runs, size_t nrun,
	    const struct lb_opts *);
void	layout_line_free(struct lb_para *);
/* Widest word and whole width (one line) of runs, pt. */
void	layout_line_measure(const struct run *runs, size_t nrun,
	    const struct lb_opts *, double *minw, double *maxw);
/* WinAnsi capitals of a byte. */
int	layout_line_upper(int c);
/* The font of a run's flags plus extra flags. */
enum font_style layout_line_font(unsigned flags);

#endif
