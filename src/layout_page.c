/*
 * rencana: the page state of layout (layout_int.h): new pages with their
 * draft mark and header, line heights and options, the hyphenation memo,
 * placing a paragraph's lines across pages, page labels.  The lowest layer
 * of layout: layout.c, layout_table.c and layout_toc.c call it; it calls
 * only layout_line.c and layout_hyph.c.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "buf.h"
#include "diag.h"
#include "layout.h"
#include "layout_hyph.h"
#include "layout_int.h"
#include "page.h"
#include "style.h"
#include "winansi.h"
#include "xalloc.h"

/*
 * Limits, each with its reason.
 * LAY_MAX_PAGES: pages of one document.  A plan document has 20 to 150;
 *   4 MiB of one-line paragraphs (within every input limit) made 16,079
 *   pages in 397 MB.  Layout stops at the top-level block that passes it,
 *   so a build's memory stays bounded whatever -j multiplies it by.
 * MEMO_SLOTS, MEMO_MAX: hyphenation memo, words remembered per layout.  A
 *   plan's vocabulary is a few thousand words; past the cap words are
 *   hyphenated without memo.
 */
#define LAY_MAX_PAGES	5000
#define MEMO_SLOTS	8192		/* a power of two */
#define MEMO_MAX	6144		/* 3/4 full at most: probes stay short */
#define MARK_ANGLE	55.0	/* the draft mark, degrees */
#define MARK_GRAY	0.85
#define MARK_ALPHA	0.5
#define SMALL_PT	9.0	/* the draft header line */
#define PARAF_BOX_MM	12.0	/* the draft's paraf box on every page */

static void	fn_flush(struct lay *);
static void	fn_page(struct lay *);
static int	fn_has(const struct lb_para *);
static size_t	fn_fit(struct lay *, const struct lb_para *, size_t, double);
static void	fn_commit(struct lay *, const struct lb_para *, size_t, double);

/* ---- pages ---- */

void
lay_winansi_dup(const char *u, char **out, size_t *outlen)
{
	*outlen = strlen(u);
	*out = xstrndup(u, *outlen);
}

struct page *
lay_page(struct lay *L)
{
	return &L->d->page[L->d->npage - 1];
}

void
lay_new_page(struct lay *L)
{
	struct page *p;

	if (L->fn != NULL)
		fn_flush(L);
	p = doc_pages_add(L->d);
	p->width_pt = L->pw;
	p->height_pt = L->ph;
	if (L->d->npage > LAY_MAX_PAGES && !L->too_long) {
		L->too_long = 1;
		diag_add(L->dl, D_LAYOUT_PAGES, NULL, NULL,
		    "the document would have more than %d pages; a plan "
		    "document has 20 to 150", LAY_MAX_PAGES);
	}
	L->nonum = xgrow(L->nonum, &L->nonumcap, L->d->npage, 1);
	L->nonum[L->d->npage - 1] = 0;
	if (L->body_pending) {
		L->d->body_start = L->d->npage - 1;
		L->body_pending = 0;
	}
	if (L->mark != NULL) {
		/* drawn first, so that the text covers it */
		double diag = sqrt(L->pw * L->pw + L->ph * L->ph);
		double uw = metrics_width(L->m, FONT_BOLD, L->mark, L->marklen, 1);
		double size = uw > 0 ? diag * 0.55 / uw : 100;
		double a = MARK_ANGLE * 3.14159265358979323846 / 180, w, cap;
		struct box *b;

		if (size > 160)
			size = 160;
		w = uw * size;
		cap = size * 0.7;
		b = page_add_text(p, L->pw / 2 - cos(a) * w / 2 + sin(a) * cap / 2,
		    L->ph / 2 - sin(a) * w / 2 - cos(a) * cap / 2, FONT_BOLD,
		    size, L->mark, L->marklen);
		b->gray = MARK_GRAY;
		b->alpha = MARK_ALPHA;
		b->angle_deg = MARK_ANGLE;
		b->outline = 1;
	}
	if (L->draft && L->st->paraf_box) {
		/*
		 * The processing official's paraf on every page of a multi-page
		 * draft, at the bottom right (docs/tata-naskah.md): an empty box
		 * in the bottom margin, its right edge on the text's.
		 */
		double s = PARAF_BOX_MM * PT_PER_MM;

		page_add_frame(p, L->right - s, L->margin_b / 2 - s / 2, s, s,
		    0.5);
	}
	if (L->kepala != NULL)
		page_add_text(p, L->left, L->ph - (L->ph - L->top) / 2,
		    FONT_ITALIC, SMALL_PT, L->kepala, L->kepalalen);
	L->y = L->top;
	L->used = 0;
	L->need_page = 0;
	L->turned = 0;
	if (L->fn != NULL)
		fn_page(L);
}

void
lay_start(struct lay *L)
{
	if (L->d->npage == 0 || L->need_page)
		lay_new_page(L);
}

/* The next content goes on a new page (unless this one is still empty). */
void
lay_break(struct lay *L)
{
	if (L->used)
		L->need_page = 1;
}

/*
 * A landscape page is the paper turned a quarter clockwise as the reader
 * holds it: its top is the portrait page's left edge, the binding edge,
 * and each edge keeps its own margin (the binding's 30 mm goes to the top;
 * the portrait top's to the right, the right's to the bottom, the
 * bottom's to the left).  Printed on portrait paper, the print system
 * turns the page a quarter counter-clockwise (IPP's `landscape`), which
 * brings its top back to the binding edge.
 */
void
lay_orient(struct lay *L, int landscape)
{
	const struct style *st = L->st;
	double t = st->margin_top_mm, b = st->margin_bottom_mm;
	double l = st->margin_left_mm, r = st->margin_right_mm;

	L->landscape = landscape;
	L->pw = (landscape ? st->paper_h_mm : st->paper_w_mm) * PT_PER_MM;
	L->ph = (landscape ? st->paper_w_mm : st->paper_h_mm) * PT_PER_MM;
	if (landscape) {
		t = st->margin_left_mm;
		r = st->margin_top_mm;
		b = st->margin_right_mm;
		l = st->margin_bottom_mm;
	}
	L->left = l * PT_PER_MM;
	L->right = L->pw - r * PT_PER_MM;
	L->top = L->ph - t * PT_PER_MM;
	L->bottom = L->margin_b = b * PT_PER_MM;
	if (L->bottom < L->foot_min)
		L->bottom = L->foot_min;
	L->tw = L->right - L->left;
}

void
lay_landscape(struct lay *L, int on)
{
	if (L->landscape == on)
		return;
	if (L->d->npage > 0 && !L->used && !L->need_page)
		doc_pages_drop(L->d);	/* only its mark, header, paraf box */
	lay_orient(L, on);
	L->turned = !L->need_page;
	L->need_page = 1;
}

double
lay_line_height(const struct lay *L, double size_pt, int tight)
{
	return size_pt * 1.15 * (tight ? 1.0 : L->st->line_spacing);
}

/*
 * The hyphenation of each distinct word, remembered: prose repeats its
 * words, and hyph_word was a tenth of the time of a long document.  Open
 * addressing keyed by the word's bytes; an entry holds the word, then its
 * n break flags.
 */
struct memo_entry {
	size_t		 n;
	size_t		 nbrk;		/* hyph_word's result */
	unsigned char	 b[];		/* word (n bytes), then flags (n bytes) */
};

struct hyph_memo {
	const struct hyph	*hy;
	struct memo_entry	*slot[MEMO_SLOTS];
	size_t			 used;
};

static size_t
hyph_cb(const void *ctx, const char *w, size_t n, unsigned char *brk)
{
	/* The memo belongs to this layout run (lay_opts): not shared. */
	struct hyph_memo *hm = (struct hyph_memo *)(uintptr_t)ctx;
	struct memo_entry *e;
	unsigned long h = 2166136261UL;
	size_t i, r;

	if (n > HYPH_MAX_WORD)
		return 0;
	for (i = 0; i < n; i++)
		h = ((h ^ (unsigned char)w[i]) * 16777619UL) & 0xffffffffUL;
	for (i = h & (MEMO_SLOTS - 1); (e = hm->slot[i]) != NULL;
	    i = (i + 1) & (MEMO_SLOTS - 1))
		if (e->n == n && memcmp(e->b, w, n) == 0) {
			memcpy(brk, e->b + n, n);
			return e->nbrk;
		}
	r = hyph_word_utf8(hm->hy, w, n, brk);
	if (hm->used < MEMO_MAX) {
		e = xmalloc(sizeof(*e) + 2 * n);
		e->n = n;
		e->nbrk = r;
		memcpy(e->b, w, n);
		memcpy(e->b + n, brk, n);
		hm->slot[i] = e;
		hm->used++;
	}
	return r;
}

static size_t
hyph_plain(const void *ctx, const char *w, size_t n, unsigned char *brk)
{
	if (n > HYPH_MAX_WORD)
		return 0;
	return hyph_word(ctx, w, n, brk);
}

struct hyph_memo *
lay_memo_new(const struct hyph *hy)
{
	struct hyph_memo *hm = xcalloc(1, sizeof(*hm));

	hm->hy = hy;
	return hm;
}

void
lay_memo_free(struct hyph_memo *hm)
{
	size_t i;

	if (hm == NULL)
		return;
	for (i = 0; i < MEMO_SLOTS; i++)
		free(hm->slot[i]);
	free(hm);
}

void
lay_opts(const struct lay *L, struct lb_opts *o, double size_pt,
    double width, enum lb_align align)
{
	memset(o, 0, sizeof(*o));
	o->m = L->m;
	o->size_pt = size_pt;
	o->width = width;
	o->align = align;
	o->max_hyphens = L->st != NULL ? (int)L->st->hyph_run_max : 0;
	if (L->hy != NULL) {
		/* Without a memo (a struct lay built by hand): directly. */
		o->hyph = L->hmemo != NULL ? hyph_cb : hyph_plain;
		o->hctx = L->hmemo != NULL ? (const void *)L->hmemo :
		    (const void *)L->hy;
	}
}

void
lay_emit_line(struct lay *L, const struct lb_para *p, size_t l, double x,
    double top, double lh, double size_pt)
{
	const struct lb_line *ln = &p->line[l];
	struct page *pg = lay_page(L);
	double asc = L->m->ascent / 1000.0 * size_pt;
	double desc = -L->m->descent / 1000.0 * size_pt;
	double base = top - (lh - asc - desc) / 2 - asc;
	struct page_line pl;
	size_t s;

	memset(&pl, 0, sizeof(pl));
	pl.kind = L->line_kind != 0 ? L->line_kind : 'o';
	pl.x = x;
	pl.y = base;
	pl.w = ln->width;
	pl.measure = ln->measure;
	pl.natural = ln->natural;
	pl.ratio = ln->ratio;
	pl.nspace = ln->nspace;
	pl.flags = ln->flags;
	page_add_line(pg, &pl);

	if (L->marker_on) {
		page_add_text(pg, L->marker_x, base, FONT_REGULAR, size_pt,
		    L->marker, strlen(L->marker));
		L->marker_on = 0;
	}
	for (s = ln->seg0; s < ln->seg0 + ln->nseg; s++) {
		const struct lb_seg *sg = &p->seg[s];
		struct box *b;

		if (sg->len == 0)
			continue;
		if ((unsigned)sg->font & LB_SUP)
			/* a footnote reference: smaller, raised */
			b = page_add_text(pg, x + sg->x, base + size_pt *
			    LB_SUP_RISE, (enum font_style)((unsigned)sg->font &
			    LB_FONT_MASK), size_pt * LB_SUP_SCALE,
			    p->out + sg->off, sg->len);
		else
			b = page_add_text(pg, x + sg->x, base, sg->font, size_pt,
			    p->out + sg->off, sg->len);
		/* Tc widens the space glyph too: Tw gives the rest */
		b->word_space_pt = sg->ws - sg->cs;
		b->char_space_pt = sg->cs;
	}
	L->used = 1;
}

void
lay_place_lines(struct lay *L, const struct lb_para *p, double x, double lh,
    double size_pt, int widows)
{
	size_t i = 0, n = p->nline;
	int notes = L->fn != NULL && fn_has(p);

	lay_start(L);
	while (i < n) {
		double room = L->y - L->bottom;
		size_t fit = notes ? fn_fit(L, p, i, lh) :
		    room > 0 ? (size_t)floor(room / lh + 1e-6) : 0;
		size_t rem = n - i, take, k;

		if (fit >= rem)
			take = rem;
		else {
			take = fit;
			if (widows) {
				if (rem - take < 2)
					take = rem >= 2 ? rem - 2 : 0;
				if (take < 2 && take < rem)
					take = 0;
			}
			if (take == 0 && !L->used)	/* never loop on an empty page */
				take = fit > 0 ? fit : 1;
		}
		for (k = 0; k < take; k++) {
			if (notes)
				fn_commit(L, p, i + k, L->y - lh);
			lay_emit_line(L, p, i + k, x, L->y, lh, size_pt);
			L->y -= lh;
		}
		i += take;
		if (i < n)
			lay_new_page(L);
	}
}

/* ---- footnotes ---- */

/*
 * Footnotes at the foot of the page that cites them (Indonesian practice:
 * under a short rule, smaller type, single spacing).  Each is set when
 * first cited (its number superscript, then its text, justified across
 * the text width).  Placing a line that cites one reserves the
 * footnote's height at the page's foot (L->bottom rises by it), so every
 * later check of the page's room sees it; when the page is done its
 * footnotes are drawn there.  A footnote that does not fit whole keeps at
 * least FN_MIN_LINES lines on the page (else the citing line goes on to
 * the next page) and continues at the foot of the next page, before that
 * page's own.
 *
 * FN_PT: footnote text, pt.  FN_GAP: pt from the text above to the first
 * footnote line, with the rule (FN_RULE of the text width) in its middle.
 * FN_MAX_SHARE: the share of the text height that footnotes carried over
 * may take on a page, so that the page still holds text.
 * FN_MAX_CITES: footnotes first cited on one line (more are set on later
 * pages' feet, in order).
 */
#define FN_PT		10.0
#define FN_GAP		12.0
#define FN_RULE		(1.0 / 3)
#define FN_MIN_LINES	2
#define FN_MAX_SHARE	0.5
#define FN_MAX_CITES	16

struct fn_note {
	const struct block *b;		/* its BLK_FOOTNOTE */
	struct lb_para	 p;		/* its lines, when set */
	int		 set;
	int		 cited;		/* placed on a page (or carried) */
};

struct fn_piece {
	size_t		 note, from, to;	/* lines [from, to) of v[note] */
};

struct lay_notes {
	double		 bottom0;	/* the text area's foot, pt */
	double		 lh;		/* footnote line height, pt */
	double		 h;		/* reserved at this page's foot, pt */
	int		 split;		/* a footnote goes on to the next page */
	struct fn_note	*v;		/* by number - 1 */
	size_t		 n;
	struct fn_piece	*page, *carry;	/* this page's; the next page's */
	size_t		 npage, pagecap, ncarry, carrycap;
};

void
lay_notes_start(struct lay *L, const struct block *doc)
{
	const struct block *b;
	struct lay_notes *F;
	size_t n = 0;

	for (b = doc->first; b != NULL; b = b->next)
		if (b->type == BLK_FOOTNOTE && b->counter == CNT_FOOTNOTE &&
		    (size_t)b->number > n)
			n = (size_t)b->number;
	if (n == 0)
		return;
	F = xcalloc(1, sizeof(*F));
	F->v = xcalloc(n, sizeof(*F->v));
	F->n = n;
	F->bottom0 = L->bottom;
	F->lh = lay_line_height(L, FN_PT, 1);
	for (b = doc->first; b != NULL; b = b->next)
		if (b->type == BLK_FOOTNOTE && b->counter == CNT_FOOTNOTE &&
		    b->number > 0)
			F->v[b->number - 1].b = b;
	L->fn = F;
}

/* Sets footnote f: its number (superscript), a space, its paragraphs
 * (a line break between two). */
static void
fn_set(struct lay *L, struct fn_note *f)
{
	const struct block *k;
	struct run *r = NULL;
	size_t nr = 0, cap = 0, i;
	struct lb_opts o;

	if (f->set || f->b == NULL)
		return;
	r = xgrow(r, &cap, 2, sizeof(*r));
	memset(r, 0, 2 * sizeof(*r));
	r[0].text = f->b->label;
	r[0].len = f->b->label_len;
	r[0].flags = RUN_NOTE;
	r[1].text = (char *)" ";
	r[1].len = 1;
	nr = 2;
	for (k = f->b->first; k != NULL; k = k->next) {
		r = xgrow(r, &cap, nr + k->nrun + 1, sizeof(*r));
		if (k != f->b->first) {
			memset(&r[nr], 0, sizeof(*r));
			r[nr].text = (char *)"";
			r[nr++].flags = RUN_BREAK;
		}
		for (i = 0; i < k->nrun; i++)
			r[nr++] = k->run[i];
	}
	lay_opts(L, &o, FN_PT, L->tw, LB_JUSTIFY);
	memset(&f->p, 0, sizeof(f->p));
	layout_line_set(&f->p, r, nr, &o);
	free(r);
	f->set = 1;
}

/* The footnote numbers line l of p cites (its superscript segments). */
static size_t
fn_numbers(const struct lb_para *p, size_t l, size_t *num, size_t max)
{
	const struct lb_line *ln = &p->line[l];
	size_t s, i, n = 0;

	for (s = ln->seg0; s < ln->seg0 + ln->nseg; s++) {
		const struct lb_seg *sg = &p->seg[s];
		size_t v = 0;
		int digits = 0;

		if (!((unsigned)sg->font & LB_SUP))
			continue;
		for (i = 0; i <= sg->len; i++) {
			char c = i < sg->len ? p->out[sg->off + i] : ',';

			if (c >= '0' && c <= '9' && v < 100000) {
				v = v * 10 + (size_t)(c - '0');
				digits = 1;
			} else if (digits) {
				if (n < max)
					num[n++] = v;
				v = 0;
				digits = 0;
			}
		}
	}
	return n;
}

static void
fn_queue(struct fn_piece **v, size_t *n, size_t *cap, size_t note,
    size_t from, size_t to)
{
	if (from >= to)
		return;
	*v = xgrow(*v, cap, *n + 1, sizeof(**v));
	(*v)[*n].note = note;
	(*v)[*n].from = from;
	(*v)[*n].to = to;
	(*n)++;
}

/*
 * Line l of p, its foot at yline, with the footnotes it cites first: adds
 * their height to *h (the page's reserve, FN_GAP included).  A footnote
 * that does not fit whole is split: at least FN_MIN_LINES lines, the
 * footnotes' room at most FN_MAX_SHARE of the text height, the rest
 * carried over; after a split (*split) every footnote cited later on the
 * page is carried whole, so they keep their order.  Without `commit`,
 * says whether the line fits with them; with it, places them (the line is
 * placed whatever: what does not fit is carried over).
 */
static int
fn_line(struct lay *L, const struct lb_para *p, size_t l, double yline,
    double *h, int *split, int commit)
{
	struct lay_notes *F = L->fn;
	size_t num[FN_MAX_CITES], nn, k, m;
	double cap = (L->top - F->bottom0) * FN_MAX_SHARE;

	nn = fn_numbers(p, l, num, FN_MAX_CITES);
	for (k = 0; k < nn; k++) {
		struct fn_note *f;
		double gap, room, hh;

		if (num[k] == 0 || num[k] > F->n || F->v[num[k] - 1].cited ||
		    F->v[num[k] - 1].b == NULL)
			continue;
		f = &F->v[num[k] - 1];
		fn_set(L, f);
		if (*split) {
			if (commit) {
				fn_queue(&F->carry, &F->ncarry, &F->carrycap,
				    num[k] - 1, 0, f->p.nline);
				f->cited = 1;
			}
			continue;
		}
		gap = *h > 0 ? 0 : FN_GAP;
		hh = (double)f->p.nline * F->lh;
		room = yline - (F->bottom0 + *h + gap);
		if (hh <= room + 1e-6) {
			if (commit) {
				fn_queue(&F->page, &F->npage, &F->pagecap,
				    num[k] - 1, 0, f->p.nline);
				f->cited = 1;
			}
			*h += gap + hh;
			continue;
		}
		if (room > cap - *h - gap)
			room = cap - *h - gap;
		m = room > 0 ? (size_t)floor(room / F->lh + 1e-6) : 0;
		if (!commit && m < FN_MIN_LINES)
			return 0;
		if (commit) {
			fn_queue(&F->page, &F->npage, &F->pagecap, num[k] - 1,
			    0, m);
			fn_queue(&F->carry, &F->ncarry, &F->carrycap,
			    num[k] - 1, m, f->p.nline);
			f->cited = 1;
		}
		if (m > 0)
			*h += gap + (double)m * F->lh;
		*split = 1;
	}
	return yline >= F->bottom0 + *h - 1e-6;
}

/* Places the footnotes line l of p cites first, its foot at yline. */
static void
fn_commit(struct lay *L, const struct lb_para *p, size_t l, double yline)
{
	fn_line(L, p, l, yline, &L->fn->h, &L->fn->split, 1);
	L->bottom = L->fn->bottom0 + L->fn->h;
}

/* Lines of p from i on that fit on this page with their footnotes. */
static size_t
fn_fit(struct lay *L, const struct lb_para *p, size_t i, double lh)
{
	double h = L->fn->h, y = L->y;
	size_t k = 0;
	int split = L->fn->split;

	while (i + k < p->nline && fn_line(L, p, i + k, y - lh, &h, &split,
	    0)) {
		y -= lh;
		k++;
	}
	return k;
}

static int
fn_has(const struct lb_para *p)
{
	size_t s;

	for (s = 0; s < p->nseg; s++)
		if ((unsigned)p->seg[s].font & LB_SUP)
			return 1;
	return 0;
}

/* Draws this page's footnotes at its foot, under the rule. */
static void
fn_flush(struct lay *L)
{
	struct lay_notes *F = L->fn;
	double top = F->bottom0 + F->h - FN_GAP;
	int marker = L->marker_on;
	char kind = L->line_kind;
	size_t i, j;

	if (F->npage == 0 || L->d->npage == 0)
		return;
	page_add_rule(lay_page(L), L->left, top + FN_GAP / 2, L->tw * FN_RULE, 0,
	    0.5);
	L->marker_on = 0;
	L->line_kind = 'f';
	for (i = 0; i < F->npage; i++) {
		const struct fn_piece *pc = &F->page[i];

		for (j = pc->from; j < pc->to; j++) {
			lay_emit_line(L, &F->v[pc->note].p, j, L->left, top,
			    F->lh, FN_PT);
			top -= F->lh;
		}
	}
	L->marker_on = marker;
	L->line_kind = kind;
	F->npage = 0;
	F->h = 0;
}

/* A new page: the footnotes carried over go first at its foot, up to
 * FN_MAX_SHARE of the text height; the rest waits for the next page. */
static void
fn_page(struct lay *L)
{
	struct lay_notes *F = L->fn;
	size_t max = (size_t)floor(((L->top - F->bottom0) * FN_MAX_SHARE -
	    FN_GAP) / F->lh), used = 0, i, k = 0;

	if (max < 1)
		max = 1;
	F->h = 0;
	for (i = 0; i < F->ncarry; i++) {
		struct fn_piece pc = F->carry[i];
		size_t take = pc.to - pc.from;

		if (take > max - used)
			take = max - used;
		fn_queue(&F->page, &F->npage, &F->pagecap, pc.note, pc.from,
		    pc.from + take);
		used += take;
		pc.from += take;
		if (pc.from < pc.to)
			F->carry[k++] = pc;
	}
	F->ncarry = k;
	F->split = k > 0;
	if (used > 0)
		F->h = FN_GAP + (double)used * F->lh;
	L->bottom = F->bottom0 + F->h;
}

void
lay_notes_end(struct lay *L)
{
	struct lay_notes *F = L->fn;
	size_t i;

	if (F == NULL)
		return;
	while (F->ncarry > 0 && !L->too_long)
		lay_new_page(L);
	fn_flush(L);
	L->bottom = F->bottom0;
	for (i = 0; i < F->n; i++)
		if (F->v[i].set)
			layout_line_free(&F->v[i].p);
	free(F->v);
	free(F->page);
	free(F->carry);
	free(F);
	L->fn = NULL;
}

/* ---- page numbers ---- */

/* n in lower-case roman numerals (buf_put_roman) into out. */
void
lay_roman(int n, char *out, size_t len)
{
	struct buf b = BUF_INIT;

	buf_put_roman(&b, n, 0);
	snprintf(out, len, "%s", buf_str(&b));
	buf_free(&b);
}

void
layout_page_label(const struct doc_pages *d, size_t i, char *out, size_t n)
{
	if (i >= d->body_start)
		snprintf(out, n, "%zu", i - d->body_start + 1);
	else
		lay_roman((int)(i + 1), out, n);
}

