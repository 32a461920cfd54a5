/*
 * rencana: GFM tables: column widths from the content, wrapped cells, rows
 * split across pages only between rows, the header row repeated on every
 * page the table spans.
 *
 * Widths (issue 13): each column has a minimum (its widest word) and a
 * natural width (its widest cell set on one line), both plus padding.  If
 * the natural widths fit, columns get theirs plus a share of the spare in
 * proportion; else short columns (numbers, years, codes, units) get their
 * natural width and text columns share the rest so that the table is
 * least tall (widths_from, share_text); else as HTML's automatic layout
 * (minimum plus a share in proportion to natural - minimum); else in
 * proportion to the minima (and long words break).  table_fit picks the
 * text size, group_fit shares the result among tables of one kind.
 * A row taller than a whole page is split between lines.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "layout.h"
#include "layout_int.h"
#include "style.h"
#include "winansi.h"
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
#define TABLE_SHORT_EM	5.0	/* content up to this many em is short
				 * (units, codes, years): natural width */
#define TABLE_TEXT_EM	4.0	/* the least a text column gets, em */
#define TABLE_WASTE_EM	1.5	/* a wrapped cell's line falls this short,
				 * em, on average (est_lines) */
#define TABLE_MAX_DEC	3	/* decimals a number column is padded to */
#define TABLE_GROUP_MAX	64	/* tables of one kind sharing widths: bounds
				 * the membership scan (tables laid out
				 * in order, so a scan per table) */
#define TABLE_STEPS	100	/* steps of spare width share_text gives out */
#define TABLE_TALL_PT	9.0	/* a table that fits gets this small ... */
#define TABLE_TALL_GAIN	0.15	/* ... while a step makes it this much shorter */
#define TABLE_MIN_PT	8.0	/* the smallest text a wide table shrinks to */
#define TABLE_SHRINK_STEP 0.5	/* pt per try; at most 4 tries from 10 pt */
#define RULE_PT		0.5
#define TABLE_SPLIT_MIN	2	/* body rows on each side of a page break */
#define CONT_GAP	4.0	/* pt under "Lanjutan Tabel 2.1", as under a caption */

struct tab {
	const struct block	*t;
	int		 nc;
	double		 x0;		/* left edge, pt */
	double		*w;		/* column widths, pt */
	double		*mnw;		/* widest whole word per column, pt with
					 * padding: a column at least that wide is
					 * not hyphenated */
	unsigned char	 num[TABLE_MAX_COLS];	/* column right-aligned as numbers */
	unsigned char	 dec[TABLE_MAX_COLS];	/* decimals its numbers get */
	double		 size, lh;
	double		 tw;		/* the table's width, pt */
	struct lb_para	*head;		/* the header row's cells, or NULL */
	size_t		 headlines;
	int		 top_drawn;	/* the table's top rule is on this page */
	int		 id;		/* page_table records */
	int		 nrow, total, short_table, pfirst;
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

			if (i == 0 && digits == 0 && !other &&
			    j + 1 < r->len && c == 'R' && r->text[j + 1] == 'p') {
				j++;	/* "Rp 5.000": an amount */
				continue;
			}

			if (c >= '0' && c <= '9')
				digits++;
			else if (j + 2 < r->len && memcmp(r->text + j,
			    "\xe2\x80", 2) == 0 && (r->text[j + 2] == '\x93' ||
			    r->text[j + 2] == '\x94'))
				j += 2;		/* en and em dash */
			else if (strchr(".,%+- ", c) == NULL)
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

/*
 * Decimals of a plain number ("63", "57,9", "1.250", "28,2%", a sign),
 * or -1 for anything else: years ("2026", four digits from 1900 to 2100
 * without separators), codes ("1.2"), text, several runs.
 */
static int
plain_decimals(const struct block *cell)
{
	const char *s;
	size_t n, i = 0, d = 0, g = 0;
	int dec = -1, dots = 0;

	if (cell->nrun != 1)
		return -1;
	s = cell->run[0].text;
	n = cell->run[0].len;
	if (n > 0 && n <= 4 && s[0] >= '1' && s[0] <= '2') {
		long v = strtol(s, NULL, 10);

		if (n == 4 && strspn(s, "0123456789") == 4 && v >= 1900 &&
		    v <= 2100)
			return -1;
	}
	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	for (; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			d++;
			g++;
			if (dec >= 0)
				dec++;
		} else if (s[i] == '.' && dec < 0 && d > 0 &&
		    (dots ? g == 3 : g <= 3)) {
			dots = 1;
			g = 0;
		} else if (s[i] == ',' && dec < 0 && d > 0 &&
		    (!dots || g == 3))
			dec = 0;
		else if (s[i] == '%' && i + 1 == n)
			break;
		else
			return -1;
	}
	if (d == 0 || (dots && dec < 0 && g != 3) || dec == 0)
		return -1;
	return dec < 0 ? 0 : dec;
}

/* Per number column, the most decimals of its plain numbers (0 none). */
static void
decimal_columns(const struct block *t, const unsigned char *num,
    unsigned char *dec)
{
	const struct block *row, *cell;
	int c, k;

	memset(dec, 0, TABLE_MAX_COLS);
	for (row = t->first; row != NULL; row = row->next) {
		if (row->header)
			continue;
		for (c = 0, cell = row->first; cell != NULL && c < t->ncols &&
		    c < TABLE_MAX_COLS; cell = cell->next, c++)
			if (num[c] && (k = plain_decimals(cell)) > dec[c])
				dec[c] = (unsigned char)(k > TABLE_MAX_DEC ?
				    TABLE_MAX_DEC : k);
	}
}

/*
 * The runs to set for a cell: its own, or in a number column with dec
 * decimals a plain number with fewer given as many ("63" -> "63,0" beside
 * "57,9"; issue 13), in *tmp (free tmp->text after).
 */
static const struct run *
cell_runs(const struct block *cell, int dec, struct run *tmp)
{
	const struct run *r = &cell->run[0];
	int k = dec > 0 ? plain_decimals(cell) : -1;
	size_t end, add, i;

	if (k < 0 || k >= dec)
		return cell->run;
	end = r->len > 0 && r->text[r->len - 1] == '%' ? r->len - 1 : r->len;
	add = (size_t)(dec - k) + (k == 0);
	*tmp = *r;
	tmp->text = xmalloc(r->len + add + 1);
	memcpy(tmp->text, r->text, end);
	i = end;
	if (k == 0)
		tmp->text[i++] = ',';
	while (i < end + add)
		tmp->text[i++] = '0';
	memcpy(tmp->text + i, r->text + end, r->len - end);
	tmp->len = r->len + add;
	tmp->cap = tmp->len + 1;
	tmp->text[tmp->len] = '\0';
	return tmp;
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

/* One column's measures at one text size, pt with padding. */
struct colm {
	double		 mn;		/* widest word (header and body) */
	double		 mnh;		/* the same with body words hyphenated */
	double		 mx;		/* widest cell on one line */
	int		 text;		/* has a body cell that is text */
};

/* The measures of a table (or of the tables of a group) at one size. */
struct tmeas {
	int		 nc;
	double		 size;		/* pt: the text size measured at */
	struct colm	*cm;		/* nc columns */
	double		*nat;		/* nrow x nc: body cells on one line, pt
					 * without padding */
	size_t		 nrow, rowcap;
};

/* A column's least width: its widest word (hyph: body words hyphenated),
 * never under the padding and a point (widths_from and the landscape test
 * sum the same numbers). */
static double
col_min(const struct colm *cm, int hyph)
{
	double m = hyph ? cm->mnh : cm->mn;

	return m < 2 * CELL_PAD + 1 ? 2 * CELL_PAD + 1 : m;
}

static void
tmeas_init(struct tmeas *M, int nc)
{
	memset(M, 0, sizeof(*M));
	M->nc = nc;
	M->cm = xcalloc((size_t)nc + 1, sizeof(*M->cm));
}

static void
tmeas_free(struct tmeas *M)
{
	free(M->cm);
	free(M->nat);
}

/* What measure_cols measures besides each column's widest word (mn),
 * widest cell (mx) and kind: */
#define MEAS_NAT	1	/* each body cell on one line (nat) */
#define MEAS_HYPH	2	/* the widest hyphenation piece (mnh; the
				 * costliest: only when whole words do not fit) */

/* Adds table t's rows measured at `size` to M (columns past M->nc are
 * left out); `what`: MEAS_* bits. */
static void
measure_cols(const struct lay *L, const struct block *t, double size,
    struct tmeas *M, int what)
{
	const struct block *row, *cell;
	struct colm *cm = M->cm;
	struct lb_opts o;
	double *nat;
	unsigned char num[TABLE_MAX_COLS], dec[TABLE_MAX_COLS];
	int c;

	M->size = size;
	number_columns(t, num);
	decimal_columns(t, num, dec);
	for (row = t->first; row != NULL; row = row->next) {
		cell_opts(L, &o, size, 1e9, LB_LEFT, row->header);
		nat = NULL;
		if (!row->header && (what & MEAS_NAT)) {
			M->nat = xgrow(M->nat, &M->rowcap, (M->nrow + 1) *
			    (size_t)M->nc, sizeof(double));
			nat = M->nat + M->nrow++ * (size_t)M->nc;
			memset(nat, 0, (size_t)M->nc * sizeof(double));
		}
		for (c = 0, cell = row->first; cell != NULL && c < M->nc;
		    cell = cell->next, c++) {
			double a, b, h;
			struct run tmp;
			const struct run *rn = row->header ? cell->run :
			    cell_runs(cell, dec[c], &tmp);

			layout_line_measure(rn, cell->nrun, &o, &a, &b);
			h = a;
			if (!row->header && o.hyph != NULL &&
			    (what & MEAS_HYPH))
				h = layout_line_min_piece(rn, cell->nrun, &o);
			if (rn != cell->run)
				free(tmp.text);
			if (nat != NULL)
				nat[c] = b;
			a += 2 * CELL_PAD;
			b += 2 * CELL_PAD;
			h += 2 * CELL_PAD;
			if (a > cm[c].mn)
				cm[c].mn = a;
			if (h > cm[c].mnh)
				cm[c].mnh = h;
			if (b > cm[c].mx)
				cm[c].mx = b;
			if (!row->header && cell_kind(cell) == CELL_TEXT)
				cm[c].text = 1;
		}
	}
}

/*
 * The body's height in lines at widths w, estimated: a cell that does not
 * fit on one line takes its one-line width over the column's text width
 * less TABLE_WASTE_EM em (the ragged ends: a narrow column wastes more of
 * each line), at least one line; a row
 * takes its tallest cell.  Plus a hundredth of all cells' lines, so that
 * widening one of two equally tall cells still counts.
 */
static double
est_lines(const struct tmeas *M, const double *w)
{
	double sum = 0, all = 0, twv[TABLE_MAX_COLS], effv[TABLE_MAX_COLS];
	double *tw = twv, *eff = effv;
	size_t r;
	int c;

	/* each column's text width and effective width, once a call (this
	 * runs TABLE_STEPS times a column for each table size tried) */
	if (M->nc > TABLE_MAX_COLS) {
		tw = xcalloc((size_t)M->nc, sizeof(double));
		eff = xcalloc((size_t)M->nc, sizeof(double));
	}
	for (c = 0; c < M->nc; c++) {
		tw[c] = w[c] - 2 * CELL_PAD;
		eff[c] = tw[c] - TABLE_WASTE_EM * M->size;
		if (eff[c] < tw[c] / 4)
			eff[c] = tw[c] / 4;
	}
	for (r = 0; r < M->nrow; r++) {
		const double *nat = M->nat + r * (size_t)M->nc;
		double top = 1;

		for (c = 0; c < M->nc; c++) {
			double l = 1;

			if (nat[c] > tw[c] + 1e-9)
				l = eff[c] > 0 ? nat[c] / eff[c] : nat[c];
			if (l < 1)
				l = 1;
			if (l > top)
				top = l;
			all += l;
		}
		sum += top;
	}
	if (tw != twv) {
		free(tw);
		free(eff);
	}
	return sum + all / 100;
}

/*
 * Text columns share r pt: each starts at its floor lo, and the rest goes
 * in TABLE_STEPS steps, each to the column (up to its natural width) where
 * it shortens the table most (est_lines): the table that is least tall,
 * not the one whose columns are in proportion.
 */
static void
share_text(const struct tmeas *M, const double *mx, const double *lo,
    const unsigned char *fix, double r, double *w)
{
	double spare = r, step;
	int c, k;

	for (c = 0; c < M->nc; c++)
		if (!fix[c]) {
			w[c] = lo[c];
			spare -= lo[c];
		}
	step = spare / TABLE_STEPS;
	for (k = 0; k < TABLE_STEPS && spare > 1e-9; k++) {
		double best = 0, d, e;
		int bc = -1;

		for (c = 0; c < M->nc; c++) {
			if (fix[c] || w[c] >= mx[c] - 1e-9)
				continue;
			d = mx[c] - w[c] < step ? mx[c] - w[c] : step;
			w[c] += d;
			e = est_lines(M, w);
			w[c] -= d;
			if (bc < 0 || e < best - 1e-9) {
				best = e;
				bc = c;
			}
		}
		if (bc < 0)
			break;
		d = mx[bc] - w[bc] < step ? mx[bc] - w[bc] : step;
		if (k == TABLE_STEPS - 1 && spare - d > 0 &&
		    w[bc] + spare <= mx[bc])
			d = spare;	/* the rounding */
		w[bc] += d;
		spare -= d;
	}
}

/*
 * Widths from the measures M in `width` pt at text size `size`:
 * - the natural widths fit: each its natural width plus a share of the
 *   rest in proportion to it;
 * - else, columns of short content (every body cell a number, or nothing
 *   over TABLE_SHORT_EM em: units, codes, years) their natural width, and
 *   text columns at least their widest word and TABLE_TEXT_EM em, the
 *   rest shared to make the table least tall (share_text);
 * - else the minima (widest words; hyph: body words hyphenated) fit: each
 *   its minimum plus a share in proportion to (natural - minimum);
 * - else in proportion to the minima (words break anywhere).
 * Returns the sum of the minima.
 */
static double
widths_from(const struct tmeas *M, double width, double size, int hyph,
    double *w)
{
	const struct colm *cm = M->cm;
	int nc = M->nc, c;
	double *mn = xcalloc((size_t)nc + 1, sizeof(double));
	double *mx = xcalloc((size_t)nc + 1, sizeof(double));
	double *lo = xcalloc((size_t)nc + 1, sizeof(double));
	unsigned char *fix = xcalloc((size_t)nc + 1, 1);
	double smin = 0, smax = 0, sd = 0, slo = 0, sfix = 0;

	for (c = 0; c < nc; c++) {
		mn[c] = col_min(&cm[c], hyph);
		mx[c] = cm[c].mx < mn[c] ? mn[c] : cm[c].mx;
		smin += mn[c];
		smax += mx[c];
		sd += mx[c] - mn[c];
		fix[c] = !cm[c].text ||
		    mx[c] - 2 * CELL_PAD <= TABLE_SHORT_EM * size;
		lo[c] = fix[c] ? mx[c] : mn[c];
		if (!fix[c] && lo[c] < TABLE_TEXT_EM * size + 2 * CELL_PAD)
			lo[c] = TABLE_TEXT_EM * size + 2 * CELL_PAD;
		if (lo[c] > mx[c])
			lo[c] = mx[c];
		slo += lo[c];
		if (fix[c])
			sfix += mx[c];
	}
	if (smax <= width)
		for (c = 0; c < nc; c++)
			w[c] = mx[c] + (width - smax) * mx[c] / smax;
	else if (slo <= width) {
		for (c = 0; c < nc; c++)
			if (fix[c])
				w[c] = mx[c];
		share_text(M, mx, lo, fix, width - sfix, w);
	} else if (smin <= width)
		for (c = 0; c < nc; c++)
			w[c] = mn[c] + (sd > 0 ? (width - smin) *
			    (mx[c] - mn[c]) / sd : 0);
	else
		for (c = 0; c < nc; c++)
			w[c] = width * mn[c] / smin;
	free(mn);
	free(mx);
	free(lo);
	free(fix);
	return smin;
}

/*
 * Measures t at `size` and sets its widths in w and its columns' widest
 * words in mnw: *ok 2 when the widest words fit, 1 when the hyphenation
 * pieces do, else 0.  Returns the estimated height, pt.
 */
static double
try_size(const struct lay *L, const struct block *const *tv, int nt,
    double width, double size, double *w, double *mnw, int *ok)
{
	const struct block *t = tv[0];
	struct tmeas M;
	double h;
	int c, i;

	tmeas_init(&M, t->ncols);
	for (i = 0; i < nt; i++)
		measure_cols(L, tv[i], size, &M, MEAS_NAT);
	*ok = 2;
	if (widths_from(&M, width, size, 0, w) > width) {
		*ok = 1;
		tmeas_free(&M);
		tmeas_init(&M, t->ncols);
		for (i = 0; i < nt; i++)
			measure_cols(L, tv[i], size, &M, MEAS_NAT | MEAS_HYPH);
		if (widths_from(&M, width, size, 1, w) > width)
			*ok = 0;
	}
	for (c = 0; c < t->ncols; c++)
		mnw[c] = M.cm[c].mn;
	h = est_lines(&M, w) * lay_line_height(L, size, 1);
	tmeas_free(&M);
	return h;
}

/*
 * Widths and text size of a table: the largest size from the style's
 * down to TABLE_TALL_PT where the widest words fit, then smaller by
 * TABLE_SHRINK_STEP (down to TABLE_TALL_PT) while each step makes the
 * table TABLE_TALL_GAIN shorter (crowded columns of long text beside year
 * columns: the matrix of indicators, issue 13).  Else the largest size
 * down to TABLE_MIN_PT where whole words or, failing those, long words
 * hyphenated fit (a wide matrix); else the smallest, with widths in
 * proportion to the minima and words broken anywhere.  mnw (may be NULL):
 * each column's widest word at that size, pt with padding.  Returns the
 * size.
 */
static double
table_fit(const struct lay *L, const struct block *const *tv, int nt,
    double width, double *w, double *mnw)
{
	const struct block *t = tv[0];
	double base = L->st->table_size_pt, size, h = 0, h2;
	size_t n = (size_t)t->ncols + 1;
	double *w2 = xcalloc(n, sizeof(double));
	double *mn2 = xcalloc(n, sizeof(double));
	double *mn = xcalloc(n, sizeof(double));
	int ok, found = 0;

	/* whole words, at TABLE_TALL_PT or more */
	for (size = base; size >= TABLE_TALL_PT - 1e-9;
	    size -= TABLE_SHRINK_STEP) {
		h2 = try_size(L, tv, nt, width, size, w2, mn2, &ok);
		if (found && (ok < 2 || h2 > h * (1 - TABLE_TALL_GAIN)))
			break;
		if (ok == 2) {
			memcpy(w, w2, (n - 1) * sizeof(double));
			memcpy(mn, mn2, n * sizeof(double));
			h = h2;
			found = 1;
		} else if (found)
			break;
	}
	if (found)
		size += TABLE_SHRINK_STEP;	/* the last kept */
	else
		for (size = base;; size -= TABLE_SHRINK_STEP) {
			(void)try_size(L, tv, nt, width, size, w, mn, &ok);
			if (ok > 0 || size - TABLE_SHRINK_STEP <
			    TABLE_MIN_PT - 1e-9)
				break;
		}
	if (mnw != NULL)
		memcpy(mnw, mn, (size_t)t->ncols * sizeof(double));
	free(w2);
	free(mn2);
	free(mn);
	return size;
}

/* ---- tables of one kind (issue 13) ---- */

/* Is the text of cells a and b the same, ignoring case? */
static int
cell_text_eq(const struct block *a, const struct block *b)
{
	size_t i = 0, j = 0, ia = 0, ib = 0;

	for (;;) {
		while (ia < a->nrun && i >= a->run[ia].len) {
			ia++;
			i = 0;
		}
		while (ib < b->nrun && j >= b->run[ib].len) {
			ib++;
			j = 0;
		}
		if (ia == a->nrun || ib == b->nrun)
			return ia == a->nrun && ib == b->nrun;
		if ((a->run[ia].text[i] | 0x20) != (b->run[ib].text[j] | 0x20))
			return 0;
		i++;
		j++;
	}
}

/*
 * Are tables a and b of one kind: as many columns, and the same header
 * texts in all of them but at most one when there are three or more
 * ("No | Unit Kerja | Jumlah | Persentase" and "No | Golongan | Jumlah |
 * Persentase")?
 */
static int
same_kind(const struct block *a, const struct block *b)
{
	const struct block *ha = a->first, *hb = b->first, *ca, *cb;
	int diff = 0;

	if (a->ncols != b->ncols || ha == NULL || hb == NULL ||
	    !ha->header || !hb->header)
		return 0;
	for (ca = ha->first, cb = hb->first; ca != NULL && cb != NULL;
	    ca = ca->next, cb = cb->next)
		if (!cell_text_eq(ca, cb))
			diff++;
	if (ca != NULL || cb != NULL)
		return 0;
	return diff == 0 || (diff == 1 && a->ncols >= 3);
}

/* The widths of the last group of tables of one kind, kept in struct lay. */
struct table_group {
	const struct block *mem[TABLE_GROUP_MAX];
	int		 n;
	double		 width;		/* pt: the width they were set for */
	double		 size;		/* pt: their text size */
	double		*w, *mnw;	/* as table_fit's */
	unsigned char	 num[TABLE_MAX_COLS];	/* a number column in every
					 * member: one alignment for all */
	int		 decided;	/* layout_table_landscape chose ... */
	int		 landscape;	/* ... this for the group */
};

/*
 * Widths and size of table t, shared with the tables of its kind that
 * follow it in its chapter (no table of another kind and no level-1
 * heading between; at most TABLE_GROUP_MAX): the group is set as one
 * table with all their rows, so the widest need wins and their rules line
 * up.  Tables are laid out in order, so t is either in the group last
 * computed or the first of a new one.
 */
static double
group_fit(const struct lay *L, const struct block *t, double width,
    double *w, double *mnw, unsigned char *num)
{
	unsigned char n2[TABLE_MAX_COLS];
	int c;
	struct table_group *g = L->tgroup;
	const struct block *b;
	int i;

	for (i = 0; g != NULL && i < g->n; i++)
		if (g->mem[i] == t)
			break;
	if (g == NULL || i == g->n || fabs(g->width - width) > 1e-6) {
		if (g == NULL) {
			g = xcalloc(1, sizeof(*g));
			((struct lay *)(uintptr_t)L)->tgroup = g;
		}
		free(g->w);
		free(g->mnw);
		g->n = 0;
		g->decided = 0;
		g->mem[g->n++] = t;
		for (b = t->next; b != NULL && g->n < TABLE_GROUP_MAX;
		    b = b->next) {
			if (b->type == BLK_HEADING && b->level == 1)
				break;
			if (b->type != BLK_TABLE)
				continue;
			if (!same_kind(t, b))
				break;
			g->mem[g->n++] = b;
		}
		g->width = width;
		g->w = xcalloc((size_t)t->ncols + 1, sizeof(double));
		g->mnw = xcalloc((size_t)t->ncols + 1, sizeof(double));
		g->size = table_fit(L, g->mem, g->n, width, g->w, g->mnw);
		number_columns(t, g->num);
		for (i = 1; i < g->n; i++) {
			number_columns(g->mem[i], n2);
			for (c = 0; c < t->ncols && c < TABLE_MAX_COLS; c++)
				g->num[c] = g->num[c] && n2[c];
		}
	}
	memcpy(num, g->num, TABLE_MAX_COLS);
	memcpy(w, g->w, (size_t)t->ncols * sizeof(double));
	memcpy(mnw, g->mnw, (size_t)t->ncols * sizeof(double));
	return g->size;
}

/* Is t a member of the group last computed? */
static int
in_group(const struct lay *L, const struct block *t)
{
	int i;

	for (i = 0; L->tgroup != NULL && i < L->tgroup->n; i++)
		if (L->tgroup->mem[i] == t)
			return 1;
	return 0;
}

/*
 * Landscape pages (issue 12).  The style's orientation for the table's
 * kind decides when it gives one.  Else the table goes landscape when on
 * portrait its columns cannot all hold their widest whole word at
 * TABLE_TALL_PT (or the style's table size when smaller): there table_fit
 * would hyphenate cells, set the text under 9 pt or break words inside
 * syllables (the quality gate counts a hyphenated cell as a fault, and
 * the matrix of indicators with ten target years broke "Satua-n",
 * "202-6").  The group of tables of one kind is decided as one, on all
 * their rows, so they share an orientation as they share widths.
 */
int
layout_table_landscape(struct lay *L, const struct block *t, const char *kind,
    double pw, double lw)
{
	enum style_orient o = style_table_orient(L->st, kind);
	size_t n = (size_t)t->ncols + 1;
	double *w, *mn, size = L->st->table_size_pt, smin = 0;
	unsigned char num[TABLE_MAX_COLS];
	struct table_group *g;
	struct tmeas M;
	int c, i;

	if (o != ORIENT_AUTO)
		return o == ORIENT_LANDSCAPE;
	if (t->ncols <= 0)
		return 0;
	if (in_group(L, t) && L->tgroup->decided)
		return L->tgroup->landscape;
	w = xcalloc(n, sizeof(double));
	mn = xcalloc(n, sizeof(double));
	(void)group_fit(L, t, pw, w, mn, num);
	g = L->tgroup;
	if (size > TABLE_TALL_PT)
		size = TABLE_TALL_PT;
	/* the widest words at that size, as try_size's first test sums
	 * them (widths_from), without the widths themselves */
	tmeas_init(&M, t->ncols);
	for (i = 0; i < g->n; i++)
		measure_cols(L, g->mem[i], size, &M, 0);
	for (c = 0; c < M.nc; c++)
		smin += col_min(&M.cm[c], 0);
	tmeas_free(&M);
	if (smin > pw)
		(void)group_fit(L, t, lw, w, mn, num);
	g->decided = 1;
	g->landscape = smin > pw;
	free(w);
	free(mn);
	return g->landscape;
}

void
layout_table_free(struct lay *L)
{
	if (L->tgroup != NULL) {
		free(L->tgroup->w);
		free(L->tgroup->mnw);
		free(L->tgroup);
		L->tgroup = NULL;
	}
}

void
layout_table_widths(const struct lay *L, const struct block *t, double width,
    double *w)
{
	(void)table_fit(L, &t, 1, width, w, NULL);
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
		if (T->w[c] >= T->mnw[c] - 1e-6)
			o.hyph = NULL;	/* every word fits: none broken */
		if (cell != NULL) {
			struct run tmp;
			const struct run *rn = row->header ? cell->run :
			    cell_runs(cell, T->dec[c], &tmp);

			layout_line_set(&p[c], rn, cell->nrun, &o);
			if (rn != cell->run)
				free(tmp.text);
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
	page_add_rule(lay_page(L), x, y, w, h, RULE_PT);
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

/*
 * The line above a numbered table's repeated header on each page it goes
 * on to: "Lanjutan Tabel 2.1" (the style's `kata_lanjutan_tabel` before
 * the caption's label, or in place of its `{}`: "Table 2.1 (continued)"),
 * italic, at the table's left edge.  A table without a caption has none.
 */
static void
continued_line(struct lay *L, const struct tab *T)
{
	const struct block *cap = T->t->caption;
	const char *w = L->st != NULL && L->st->cont_word != NULL ?
	    L->st->cont_word : "Lanjutan";
	const char *at = strstr(w, "{}");
	double size = L->st->body_size_pt, lh = lay_line_height(L, size, 1);
	struct lb_opts o;
	struct lb_para p;
	struct run r;
	size_t i;

	if (cap == NULL || cap->label == NULL || *w == '\0')
		return;
	/* the word and the label are UTF-8 (number.c) */
	memset(&r, 0, sizeof(r));
	if (at != NULL)
		r.text = xasprintf("%.*s%.*s%s", (int)(at - w), w,
		    (int)cap->label_len, cap->label, at + 2);
	else
		r.text = xasprintf("%s %.*s", w, (int)cap->label_len,
		    cap->label);
	r.len = strlen(r.text);
	r.flags = RUN_ITALIC;
	lay_opts(L, &o, size, T->tw, LB_LEFT);
	o.hyph = NULL;
	memset(&p, 0, sizeof(p));
	layout_line_set(&p, &r, 1, &o);
	L->line_kind = 'k';
	for (i = 0; i < p.nline; i++) {
		lay_emit_line(L, &p, i, T->x0, L->y, lh, size);
		L->y -= lh;
	}
	L->line_kind = 'c';
	L->y -= CONT_GAP;
	layout_line_free(&p);
	free(r.text);
}

static void
new_page_header(struct lay *L, struct tab *T)
{
	lay_new_page(L);
	T->top_drawn = 0;
	continued_line(L, T);
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
	T->mnw = xcalloc((size_t)T->nc, sizeof(double));
	T->size = group_fit(L, t, width, T->w, T->mnw, T->num);
	T->lh = lay_line_height(L, T->size, 1);
	decimal_columns(t, T->num, T->dec);
}

/* Heights of the header and of each body row (rows set and freed). */
static double
row_heights(const struct lay *L, const struct tab *T, const struct block *t,
    double **hp, int *np)
{
	const struct block *row;
	struct lb_para *p = xcalloc((size_t)T->nc, sizeof(*p));
	double headh = 0, *h = NULL;
	size_t cap = 0;
	int n = 0, c;

	for (row = t->first; row != NULL; row = row->next) {
		double rh = (double)set_row(L, T, row, p) * T->lh + 2 * CELL_PAD;

		for (c = 0; c < T->nc; c++)
			layout_line_free(&p[c]);
		if (row->header && row == t->first) {
			headh = rh;
			continue;
		}
		h = xgrow(h, &cap, (size_t)n + 1, sizeof(*h));
		h[n++] = rh;
	}
	free(p);
	*hp = h;
	*np = n;
	return headh;
}

/* Is the table kept whole (moved to the next page rather than split)?
 * Shorter than a third of the text height, or too few rows to leave two
 * on each side of a split, and not taller than a page. */
static int
keep_whole(const struct lay *L, double whole, int n)
{
	double text_h = L->top - L->bottom;

	return whole <= text_h && (whole < text_h / 3 || n < 2 * TABLE_SPLIT_MIN);
}

double
layout_table_lead(const struct lay *L, const struct block *t, double width)
{
	struct tab T;
	double headh, need, whole, fresh, *h;
	int n, i;

	if (t->ncols <= 0)
		return 0;
	tab_init(L, &T, t, width);
	headh = row_heights(L, &T, t, &h, &n);
	for (whole = headh, i = 0; i < n; i++)
		whole += h[i];
	fresh = L->top - L->bottom - headh;
	if (keep_whole(L, whole, n))
		need = whole;
	else {
		/* the header and the first rows a split may leave */
		for (need = headh, i = 0; i < n && i < TABLE_SPLIT_MIN; i++)
			need += h[i] < fresh ? h[i] : T.lh + 2 * CELL_PAD;
	}
	free(h);
	free(T.w);
	free(T.mnw);
	return need;
}

/* Is a body row a total ("Jumlah", "Total", "Rata-rata" in its first
 * cell with text)? */
static int
row_is_total(const struct block *row)
{
	static const char *const word[] = { "jumlah", "total", "rata-rata",
	    "grand total" };
	const struct block *cell = row != NULL ? row->first : NULL;
	size_t i, k, n;

	/* the first cell with text (the number column is blank) */
	while (cell != NULL && (cell->nrun == 0 || cell->run[0].len == 0))
		cell = cell->next;
	if (cell == NULL)
		return 0;
	for (k = 0; k < sizeof(word) / sizeof(word[0]); k++) {
		n = strlen(word[k]);
		if (cell->run[0].len < n)
			continue;
		for (i = 0; i < n; i++)
			if ((cell->run[0].text[i] | 0x20) != word[k][i])
				break;
		if (i == n)
			return 1;
	}
	return 0;
}

/* The record of the table's piece on the current page (page_table). */
static void
piece_record(struct lay *L, const struct tab *T, int end)
{
	struct page_table pt;

	memset(&pt, 0, sizeof(pt));
	pt.id = T->id;
	pt.first = T->pfirst;
	pt.end = end;
	pt.nrow = T->nrow;
	pt.total = T->total;
	pt.short_table = T->short_table;
	page_add_table(lay_page(L), &pt);
}

/*
 * The first body row that does not go on this page when rows [i, n) of
 * heights h are placed from L->y: as many as fit, but never fewer than
 * TABLE_SPLIT_MIN left for the next page (a total row never goes alone).
 */
static int
split_at(const struct lay *L, const double *h, int i, int n)
{
	double avail = L->y - L->bottom, acc = 0;
	int k = i;

	while (k < n && acc + h[k] <= avail + 1e-6)
		acc += h[k++];
	if (k < n && n - k < TABLE_SPLIT_MIN && n - TABLE_SPLIT_MIN > i)
		k = n - TABLE_SPLIT_MIN;
	return k;
}

/* Places one body row (set in p) at L->y, splitting a row taller than a
 * page between lines, with the header repeated on each new page. */
static void
place_row(struct lay *L, struct tab *T, struct lb_para *p, size_t R, int bi)
{
	size_t s = 0, k;

	while (s < R) {
		double avail = L->y - L->bottom;
		double need = (double)(R - s) * T->lh + 2 * CELL_PAD;

		if (need <= avail + 1e-6) {
			piece(L, T, p, s, R);
			return;
		}
		k = avail > 2 * CELL_PAD ?
		    (size_t)floor((avail - 2 * CELL_PAD) / T->lh + 1e-6) : 0;
		if (k >= 1) {
			/* taller than a page: split between lines */
			piece(L, T, p, s, s + k);
			s += k;
		}
		piece_record(L, T, bi);
		T->pfirst = bi;
		new_page_header(L, T);
		if (k == 0 && L->y - L->bottom < T->lh + 2 * CELL_PAD) {
			/* not even one line fits under the header */
			piece(L, T, p, s, s + 1);
			s++;
		}
	}
}

void
layout_table(struct lay *L, const struct block *t, double left, double width)
{
	struct tab T;
	const struct block *row = t->first, *r;
	struct lb_para *p;
	double headh = 0, fresh, whole, *h;
	int c, n, i, k;
	size_t np;

	if (t->ncols <= 0)
		return;
	tab_init(L, &T, t, width);
	T.x0 = left;
	T.tw = width;
	T.id = ++L->ntable;
	p = xcalloc((size_t)T.nc, sizeof(*p));
	headh = row_heights(L, &T, t, &h, &n);
	for (whole = headh, i = 0; i < n; i++)
		whole += h[i];
	T.nrow = n;
	T.short_table = whole < (L->top - L->bottom) / 3;
	if (row != NULL && row->header) {
		T.head = xcalloc((size_t)T.nc, sizeof(*T.head));
		T.headlines = set_row(L, &T, row, T.head);
		row = row->next;
	}
	for (r = row; r != NULL; r = r->next)
		if (r->next == NULL)
			T.total = row_is_total(r);
	fresh = L->top - L->bottom - headh;
	lay_start(L);
	/* the start: the whole table when it is kept whole, else the header
	 * with the first TABLE_SPLIT_MIN rows; or a new page */
	if (L->used && L->y < L->top - 1) {
		double want = headh;

		if (keep_whole(L, whole, n))
			want = whole;
		else
			for (i = 0; i < n && i < TABLE_SPLIT_MIN; i++)
				want += h[i] < fresh ? h[i] : T.lh + 2 * CELL_PAD;
		if (L->y - want < L->bottom)
			lay_new_page(L);
	}
	L->line_kind = 'c';
	if (T.head != NULL)
		piece(L, &T, T.head, 0, T.headlines);
	k = split_at(L, h, 0, n);
	for (i = 0; row != NULL; row = row->next, i++) {
		size_t R = set_row(L, &T, row, p);

		if (i == k && i > T.pfirst) {
			/* the planned split: the rest on a new page */
			piece_record(L, &T, i);
			T.pfirst = i;
			new_page_header(L, &T);
			k = split_at(L, h, i, n);
		}
		np = L->d->npage;
		place_row(L, &T, p, R, i);
		if (L->d->npage != np || i >= k)
			/* a row taller than a page went on over pages */
			k = split_at(L, h, i + 1, n);
		for (c = 0; c < T.nc; c++)
			layout_line_free(&p[c]);
	}
	piece_record(L, &T, n);
	L->line_kind = 0;
	for (c = 0; T.head != NULL && c < T.nc; c++)
		layout_line_free(&T.head[c]);
	free(T.head);
	free(h);
	free(p);
	free(T.w);
	free(T.mnw);
}

/* ---- the same table decisions for another back end (docx.c) ---- */

struct layout_tables {
	struct lay	 L;	/* only st, m and the table group are used */
};

struct layout_tables *
layout_tables_new(const struct style *st, const struct metrics *m)
{
	struct layout_tables *lt = xcalloc(1, sizeof(*lt));

	lt->L.st = st;
	lt->L.m = m;
	return lt;
}

double
layout_tables_fit(struct layout_tables *lt, const struct block *t,
    double width, double *w, unsigned char *num, unsigned char *dec)
{
	double *mnw = xcalloc((size_t)t->ncols + 1, sizeof(double));
	double size = group_fit(&lt->L, t, width, w, mnw, num);

	decimal_columns(t, num, dec);
	free(mnw);
	return size;
}

const struct run *
layout_tables_cell(const struct block *cell, int dec, struct run *tmp)
{
	return cell->nrun > 0 ? cell_runs(cell, dec, tmp) : cell->run;
}

void
layout_tables_free(struct layout_tables *lt)
{
	if (lt == NULL)
		return;
	layout_table_free(&lt->L);
	free(lt);
}

void
layout_upper_utf8(char *s, size_t n)
{
	layout_line_upper_utf8(s, n);
}
