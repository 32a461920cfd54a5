/*
 * rencana: layout of an electronically signed document (dokumen.tte: ya on
 * a final document; docs/tata-naskah.md, "Electronic signature").
 *
 *   - The footer of every page: the statement that the document is signed
 *     electronically with a certificate of BSrE, and the UU ITE article
 *     that makes its printout evidence, from the `rencana-tte` directive
 *     (its `baris` lines, the template's words).  Small type centred in
 *     the bottom margin, above the page number; the text area's bottom is
 *     raised when the margin is too low to hold both.
 *   - The signature block's empty area for the signing application's
 *     stamp (visible signature or QR), and the QR code of the
 *     verification address beside it, drawn as filled rectangles.
 *
 * Limits.
 * TTE_MAX_LINES: `baris` lines of the footer read; two are used, and a
 *   footer taller than a few lines would eat the page.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "layout_int.h"
#include "layout_tte.h"
#include "page.h"
#include "qr.h"
#include "style.h"
#include "xalloc.h"

#define TTE_MAX_LINES	4
#define TTE_FOOT_PT	7.0	/* the footer's type */
#define TTE_GAP_PT	3.0	/* between the footer and the page number */
#define TTE_TEXT_GAP_PT	12.0	/* between the text area and the footer */
#define TTE_EDGE_MM	8.0	/* the footer's foot at least this far from the
				 * paper's edge (printers' unprintable band) */

struct lay_tte {
	struct lb_para	 para[TTE_MAX_LINES];
	size_t		 n;
	double		 lh;		/* the footer's line height, pt */
	double		 foot;		/* its lowest line box's bottom, pt */
};

/* Lines of the footer set in the text width. */
static size_t
tte_lines(const struct lay_tte *t)
{
	size_t i, k = 0;

	for (i = 0; i < t->n; i++)
		k += t->para[i].nline;
	return k;
}

/* The bottom of the footer: above a page number at the bottom, else
 * TTE_EDGE_MM from the edge. */
static double
tte_foot(const struct lay *L)
{
	double size = L->st->body_size_pt, y, b = L->st->margin_bottom_mm;

	if (L->st->pagenum == PAGENUM_NONE || L->st->pagenum == PAGENUM_TOP_CENTER)
		return TTE_EDGE_MM * PT_PER_MM;
	/* the page number stands at half the bottom margin: on a landscape
	 * page that is the portrait right margin's (lay_orient) */
	if (L->st->margin_right_mm > b)
		b = L->st->margin_right_mm;
	y = b * PT_PER_MM / 2 + L->m->ascent / 1000.0 * size + TTE_GAP_PT;
	return y > TTE_EDGE_MM * PT_PER_MM ? y : TTE_EDGE_MM * PT_PER_MM;
}

/*
 * One footer line set centred in the text width, its lines balanced: the
 * narrowest width (to a point) that needs no more lines than the full
 * width, so that a statement wrapping into two lines breaks near its
 * middle rather than leaving a few words alone.
 */
static void
tte_set(const struct lay *L, struct lb_para *p, const char *utf8)
{
	struct run r;
	struct lb_opts o;
	size_t want;
	double lo, hi;

	memset(&r, 0, sizeof(r));
	lay_winansi_dup(utf8, &r.text, &r.len);
	lay_opts(L, &o, TTE_FOOT_PT, L->tw, LB_CENTER);
	o.hyph = NULL;
	layout_line_set(p, &r, 1, &o);
	want = p->nline;
	lo = L->tw / 2;
	hi = L->tw;
	while (want > 1 && hi - lo > 1) {
		o.width = (lo + hi) / 2;
		layout_line_free(p);
		layout_line_set(p, &r, 1, &o);
		if (p->nline > want)
			lo = o.width;
		else
			hi = o.width;
	}
	if (want > 1) {
		o.width = hi;
		layout_line_free(p);
		layout_line_set(p, &r, 1, &o);
	}
	free(r.text);
}

void
layout_tte_find(struct lay *L, const struct block *doc)
{
	const struct block *b;
	struct lay_tte *t;
	size_t i;
	double top;

	for (b = doc->first; b != NULL; b = b->next)
		if (b->type == BLK_DIRECTIVE && strcmp(b->name, "tte") == 0)
			break;
	if (b == NULL)
		return;
	t = xcalloc(1, sizeof(*t));
	for (i = 0; i < b->nkv && t->n < TTE_MAX_LINES; i++)
		if (strcmp(b->kv[i].key, "baris") == 0)
			tte_set(L, &t->para[t->n++], b->kv[i].value);
	t->lh = lay_line_height(L, TTE_FOOT_PT, 1);
	t->foot = tte_foot(L);
	L->tte = t;
	/* the text stays clear of the footer, on every page of either
	 * orientation (lay_orient keeps the bottom at least foot_min) */
	top = t->foot + (double)tte_lines(t) * t->lh + TTE_TEXT_GAP_PT;
	L->foot_min = top;
	if (L->bottom < top)
		L->bottom = top;
}

void
layout_tte_footer(struct lay *L)
{
	const struct lay_tte *t = L->tte;
	double asc, desc;
	size_t pg, i, k;

	if (t == NULL)
		return;
	asc = L->m->ascent / 1000.0 * TTE_FOOT_PT;
	desc = -L->m->descent / 1000.0 * TTE_FOOT_PT;
	for (pg = 0; pg < L->d->npage; pg++) {
		double top = t->foot + (double)tte_lines(t) * t->lh;

		/* centred on the page as the reader holds it */
		lay_orient(L, L->d->page[pg].width_pt != L->d->width_pt);

		for (i = 0; i < t->n; i++)
			for (k = 0; k < t->para[i].nline; k++, top -= t->lh) {
				const struct lb_line *ln = &t->para[i].line[k];
				double base = top - (t->lh - asc - desc) / 2 - asc;
				size_t s;

				for (s = ln->seg0; s < ln->seg0 + ln->nseg; s++) {
					const struct lb_seg *sg = &t->para[i].seg[s];

					if (sg->len > 0)
						page_add_text(&L->d->page[pg],
						    L->left + (L->tw - ln->measure) / 2 + sg->x,
						    base, sg->font,
						    TTE_FOOT_PT, t->para[i].out + sg->off,
						    sg->len);
				}
			}
	}
	lay_orient(L, 0);
}

void
layout_tte_free(struct lay *L)
{
	size_t i;

	if (L->tte == NULL)
		return;
	for (i = 0; i < L->tte->n; i++)
		layout_line_free(&L->tte->para[i]);
	free(L->tte);
	L->tte = NULL;
}

size_t
layout_tte_blank_lines(const struct lay *L)
{
	return (size_t)ceil(TTE_AREA_H_MM * PT_PER_MM / L->lh);
}

void
layout_tte_qr(struct lay *L, const char *url, double right, double top)
{
	unsigned char *dark;
	int w, x, y, x1;
	double mod;
	struct page *pg = lay_page(L);

	if (qr_encode(url, &dark, &w) != 0)
		return;		/* validate.c refused it: not reached */
	mod = TTE_QR_MM * PT_PER_MM / (double)w;
	/* Each run of dark modules in a row is one rectangle: fewer boxes,
	 * and no hairline seams between neighbours when rendered. */
	for (y = 0; y < w; y++)
		for (x = 0; x < w; x = x1) {
			struct box *b;

			if (!dark[y * w + x]) {
				x1 = x + 1;
				continue;
			}
			for (x1 = x; x1 < w && dark[y * w + x1]; x1++)
				;
			b = page_add_box(pg, BOX_RECT);
			b->x = right - TTE_QR_MM * PT_PER_MM + (double)x * mod;
			b->y = top - (double)(y + 1) * mod;
			b->w = (double)(x1 - x) * mod;
			b->h = mod;
			b->gray = 0;
		}
	free(dark);
}
