/*
 * rencana: GFM tables: column widths from the content, wrapped cells, rows
 * split across pages only between rows, the header row repeated on every
 * page the table spans.
 *
 * Widths (HTML's automatic table layout): each column has a minimum (its
 * widest word) and a maximum (its widest cell set on one line), both plus
 * padding.  If the maxima fit, columns get their maximum plus a share of
 * the spare width in proportion to it; else if the minima fit, each gets
 * its minimum plus a share of the rest in proportion to (max - min); else
 * the width is shared in proportion to the minima (and long words break).
 * A row taller than a whole page is split between lines.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "layout_int.h"
#include "style.h"
#include "xalloc.h"

/*
 * Limits: none of its own; blocks.c caps columns at 64, and each row is
 * set, placed and freed before the next, so time and memory are linear in
 * the number of cells.
 */

#define CELL_PAD	3.0	/* pt around cell text */
#define TABLE_MAX_COLS	64	/* blocks.c caps a table at 64 columns */
#define TABLE_HYPH_MIN	8	/* letters a word in a cell needs to be
				 * hyphenated: "Peserta" stays whole */
#define TABLE_MIN_PT	8.0	/* the smallest text a wide table shrinks to */
#define TABLE_SHRINK_STEP 0.5	/* pt per try; at most 4 tries from 10 pt */
#define RULE_PT		0.5

struct tab {
	const struct block	*t;
	int		 nc;
	double		 x0;		/* left edge, pt */
	double		*w;		/* column widths, pt */
	unsigned char	 num[TABLE_MAX_COLS];	/* column right-aligned as numbers */
	double		 size, lh;
	struct lb_para	*head;		/* the header row's cells, or NULL */
	size_t		 headlines;
	int		 top_drawn;	/* the table's top rule is on this page */
};

/* Kinds of body cell, for a column's alignment. */
enum cell_kind {
	CELL_BLANK,	/* empty or only marks such as "-" */
	CELL_NUMBER,	/* digits with separators, a sign, a percent */
	CELL_TEXT
};

static enum cell_kind
cell_kind(const struct block *cell)
{
	size_t i, j, digits = 0;
	int other = 0;

	for (i = 0; i < cell->nrun; i++) {
		const struct run *r = &cell->run[i];

		for (j = 0; j < r->len; j++) {
			int c = (unsigned char)r->text[j];

			if (c >= '0' && c <= '9')
				digits++;
			else if (strchr(".,%+- ", c) == NULL &&
			    c != 0x96 && c != 0x97)	/* en and em dash */
				other = 1;
		}
	}
	if (other)
		return CELL_TEXT;
	return digits > 0 ? CELL_NUMBER : CELL_BLANK;
}

/*
 * A column without a GFM alignment is right-aligned when every body cell
 * is a number (or blank): one rule per column, so a column of years and
 * "Triwulan I 2026" stays left-aligned throughout.
 */
static void
number_columns(const struct block *t, unsigned char *num)
{
	const struct block *row, *cell;
	int c, any[TABLE_MAX_COLS];

	for (c = 0; c < t->ncols && c < TABLE_MAX_COLS; c++) {
		num[c] = 1;
		any[c] = 0;
	}
	for (row = t->first; row != NULL; row = row->next) {
		if (row->header)
			continue;
		for (c = 0, cell = row->first; cell != NULL && c < t->ncols &&
		    c < TABLE_MAX_COLS; cell = cell->next, c++)
			switch (cell_kind(cell)) {
			case CELL_TEXT:
				num[c] = 0;
				break;
			case CELL_NUMBER:
				any[c] = 1;
				break;
			case CELL_BLANK:
				break;
			}
	}
	for (c = 0; c < t->ncols && c < TABLE_MAX_COLS; c++)
		num[c] = num[c] && any[c];
}

static enum lb_align
cell_align(const struct tab *T, int col, int header)
{
	if (header)
		return LB_CENTER;
	switch (T->t->align[col]) {
	case ALIGN_RIGHT:
		return LB_RIGHT;
	case ALIGN_CENTER:
		return LB_CENTER;
	case ALIGN_LEFT:
		return LB_LEFT;
	default:
		return T->num[col] ? LB_RIGHT : LB_LEFT;
	}
}

/* Options for a cell: headers are never hyphenated, body cells only in
 * words of TABLE_HYPH_MIN letters or more. */
static void
cell_opts(const struct lay *L, struct lb_opts *o, double size, double width,
    enum lb_align align, int header)
{
	lay_opts(L, o, size, width, align);
	o->flags_or = header ? RUN_BOLD : 0;
	if (header)
		o->hyph = NULL;
	o->hyph_min = TABLE_HYPH_MIN;
}

/*
 * Widths at one text size.  hyph: a body cell's minimum is its widest
 * hyphenation piece, not its widest word.  Returns the sum of the minima;
 * when that exceeds `width` the widths are shared in proportion to them.
 */
static double
col_widths(const struct lay *L, const struct block *t, double width,
    double size, int hyph, double *w)
{
	int nc = t->ncols, c;
	double *mn = xcalloc((size_t)nc + 1, sizeof(double));
	double *mx = xcalloc((size_t)nc + 1, sizeof(double));
	double smin = 0, smax = 0, sd = 0;
	const struct block *row, *cell;
	struct lb_opts o;

	for (row = t->first; row != NULL; row = row->next) {
		cell_opts(L, &o, size, width, LB_LEFT, row->header);
		for (c = 0, cell = row->first; cell != NULL && c < nc;
		    cell = cell->next, c++) {
			double a, b;

			layout_line_measure(cell->run, cell->nrun, &o, &a, &b);
			if (hyph && !row->header && o.hyph != NULL)
				a = layout_line_min_piece(cell->run, cell->nrun,
				    &o);
			if (a + 2 * CELL_PAD > mn[c])
				mn[c] = a + 2 * CELL_PAD;
			if (b + 2 * CELL_PAD > mx[c])
				mx[c] = b + 2 * CELL_PAD;
		}
	}
	for (c = 0; c < nc; c++) {
		if (mn[c] < 2 * CELL_PAD + 1)
			mn[c] = 2 * CELL_PAD + 1;
		if (mx[c] < mn[c])
			mx[c] = mn[c];
		smin += mn[c];
		smax += mx[c];
		sd += mx[c] - mn[c];
	}
	for (c = 0; c < nc; c++) {
		if (smax <= width)
			w[c] = mx[c] + (width - smax) * mx[c] / smax;
		else if (smin <= width)
			w[c] = mn[c] + (sd > 0 ? (width - smin) *
			    (mx[c] - mn[c]) / sd : 0);
		else
			w[c] = width * mn[c] / smin;
	}
	free(mn);
	free(mx);
	return smin;
}

/*
 * Widths and text size of a table: the style's size with whole words if
 * the widest words fit; else with long words hyphenated; else the same at
 * sizes TABLE_SHRINK_STEP smaller, down to TABLE_MIN_PT (a wide matrix of
 * indicators by year); else the smallest size with widths in proportion to
 * the minima, and long words broken anywhere.  Returns the size.
 */
static double
table_fit(const struct lay *L, const struct block *t, double width, double *w)
{
	double size = L->st->table_size_pt;

	for (;;) {
		if (col_widths(L, t, width, size, 0, w) <= width ||
		    col_widths(L, t, width, size, 1, w) <= width)
			return size;
		if (size - TABLE_SHRINK_STEP < TABLE_MIN_PT - 1e-9)
			return size;
		size -= TABLE_SHRINK_STEP;
	}
}

void
layout_table_widths(const struct lay *L, const struct block *t, double width,
    double *w)
{
	(void)table_fit(L, t, width, w);
}

/* Sets the cells of a row into nc paragraphs; returns the row's line count. */
static size_t
set_row(const struct lay *L, const struct tab *T, const struct block *row,
    struct lb_para *p)
{
	const struct block *cell;
	struct lb_opts o;
	size_t lines = 0;
	int c;

	for (c = 0, cell = row->first; c < T->nc; c++) {
		memset(&p[c], 0, sizeof(p[c]));
		cell_opts(L, &o, T->size, T->w[c] - 2 * CELL_PAD,
		    cell != NULL ? cell_align(T, c, row->header) : LB_LEFT,
		    row->header);
		if (cell != NULL) {
			layout_line_set(&p[c], cell->run, cell->nrun, &o);
			cell = cell->next;
		}
		if (p[c].nline > lines)
			lines = p[c].nline;
	}
	return lines > 0 ? lines : 1;
}

static void
rule(struct lay *L, double x, double y, double w, double h)
{
	struct box *b = page_add_box(lay_page(L), BOX_RULE);

	b->x = x;
	b->y = y;
	b->w = w;
	b->h = h;
	b->line_pt = RULE_PT;
}

/* Draws lines [s, e) of a row's cells at L->y and moves down. */
static void
piece(struct lay *L, struct tab *T, const struct lb_para *p, size_t s,
    size_t e)
{
	double h = (double)(e - s) * T->lh + 2 * CELL_PAD, x = T->x0, W = 0;
	size_t i;
	int c;

	for (c = 0; c < T->nc; c++)
		W += T->w[c];
	if (!T->top_drawn) {
		rule(L, T->x0, L->y, W, 0);
		T->top_drawn = 1;
	}
	for (c = 0; c < T->nc; c++) {
		for (i = s; i < e && i < p[c].nline; i++)
			lay_emit_line(L, &p[c], i, x + CELL_PAD,
			    L->y - CELL_PAD - (double)(i - s) * T->lh, T->lh,
			    T->size);
		rule(L, x, L->y - h, 0, h);
		x += T->w[c];
	}
	rule(L, x, L->y - h, 0, h);
	rule(L, T->x0, L->y - h, W, 0);
	L->y -= h;
	L->used = 1;
}

static void
new_page_header(struct lay *L, struct tab *T)
{
	lay_new_page(L);
	T->top_drawn = 0;
	if (T->head != NULL)
		piece(L, T, T->head, 0, T->headlines);
}

/* Sets T up for table t set in `width`: column widths, the text size that
 * fits them, line height and which columns hold numbers. */
static void
tab_init(const struct lay *L, struct tab *T, const struct block *t,
    double width)
{
	memset(T, 0, sizeof(*T));
	T->t = t;
	T->nc = t->ncols;
	T->w = xcalloc((size_t)T->nc, sizeof(double));
	T->size = table_fit(L, t, width, T->w);
	T->lh = lay_line_height(L, T->size, 1);
	number_columns(t, T->num);
}

double
layout_table_lead(const struct lay *L, const struct block *t, double width)
{
	struct tab T;
	const struct block *row = t->first;
	struct lb_para *p;
	double headh = 0, need = 0, fresh;
	int c;

	if (t->ncols <= 0)
		return 0;
	tab_init(L, &T, t, width);
	p = xcalloc((size_t)T.nc, sizeof(*p));
	if (row != NULL && row->header) {
		headh = (double)set_row(L, &T, row, p) * T.lh + 2 * CELL_PAD;
		for (c = 0; c < T.nc; c++)
			layout_line_free(&p[c]);
		row = row->next;
	}
	fresh = L->top - L->bottom - headh;
	if (row != NULL) {
		need = (double)set_row(L, &T, row, p) * T.lh + 2 * CELL_PAD;
		for (c = 0; c < T.nc; c++)
			layout_line_free(&p[c]);
		if (need >= fresh)
			need = T.lh + 2 * CELL_PAD;
	}
	free(p);
	free(T.w);
	return headh + need;
}

void
layout_table(struct lay *L, const struct block *t, double left, double width)
{
	struct tab T;
	const struct block *row = t->first;
	struct lb_para *p;
	double headh = 0, fresh;
	int c, first = 1;

	if (t->ncols <= 0)
		return;
	tab_init(L, &T, t, width);
	T.x0 = left;
	p = xcalloc((size_t)T.nc, sizeof(*p));
	if (row != NULL && row->header) {
		T.head = xcalloc((size_t)T.nc, sizeof(*T.head));
		T.headlines = set_row(L, &T, row, T.head);
		headh = (double)T.headlines * T.lh + 2 * CELL_PAD;
		row = row->next;
	}
	fresh = L->top - L->bottom - headh;
	lay_start(L);
	for (; row != NULL || first; row = row != NULL ? row->next : NULL) {
		size_t R = row != NULL ? set_row(L, &T, row, p) : 0, s = 0;
		double need = (double)R * T.lh + 2 * CELL_PAD;

		if (first) {
			/* the header with the first row, or on a new page */
			double want = headh + (row != NULL ?
			    (need < fresh ? need : T.lh + 2 * CELL_PAD) : 0);

			if (L->used && L->y - want < L->bottom &&
			    L->y < L->top - 1)
				lay_new_page(L);
			if (T.head != NULL)
				piece(L, &T, T.head, 0, T.headlines);
			first = 0;
			if (row == NULL)
				break;
		}
		while (s < R) {
			double avail = L->y - L->bottom;
			size_t k;

			need = (double)(R - s) * T.lh + 2 * CELL_PAD;
			if (need <= avail + 1e-6) {
				piece(L, &T, p, s, R);
				break;
			}
			k = avail > 2 * CELL_PAD ?
			    (size_t)floor((avail - 2 * CELL_PAD) / T.lh + 1e-6) : 0;
			if (need > fresh && k >= 1) {
				/* taller than a page: split between lines */
				piece(L, &T, p, s, s + k);
				s += k;
			}
			new_page_header(L, &T);
			if (need > fresh && k == 0 && L->y - L->bottom < T.lh +
			    2 * CELL_PAD) {
				/* not even one line fits under the header */
				piece(L, &T, p, s, s + 1);
				s++;
			}
		}
		for (c = 0; c < T.nc; c++)
			layout_line_free(&p[c]);
	}
	for (c = 0; T.head != NULL && c < T.nc; c++)
		layout_line_free(&T.head[c]);
	free(T.head);
	free(p);
	free(T.w);
}
