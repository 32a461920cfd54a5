/*
 * rencana: the table of contents, the list of tables and the list of
 * figures (DAFTAR GAMBAR, only in a document that has figures).
 *
 * Before layout, the numbered tree (number.c) is walked once to collect
 * the entries in document order: level-1 and level-2 headings (and the
 * lists' own titles) for the contents, table captions for the list of
 * tables, figures for the list of figures, each with the label the
 * numbering pass gave it.  When a list's
 * directive comes, each entry is set at its final size and place, with
 * room kept for the page number: an entry's height does not depend on the
 * number, so the pages that follow are numbered right on the first pass.
 * As layout places each heading or caption it records the page and height
 * (layout_toc_mark); at the end the second pass (layout_toc_fill) adds dot
 * leaders, right-aligned page numbers and a link over each entry.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "layout.h"
#include "layout_int.h"
#include "style.h"
#include "winansi.h"
#include "xalloc.h"

/*
 * Limits: none of its own; entries are at most one per block, each set
 * once, so the work is linear in the tree.
 */

#define NUM_COL		36.0	/* pt kept free at the right for the page number */
#define LEVEL_INDENT	(10.0 * 72.0 / 25.4)	/* pt per level below 1 */
#define LEADER_GAP	4.0	/* pt between text, dots and number */

static void
entry_add(struct toc_list *l, int level, const char *s, size_t n, int upper,
    size_t pre)
{
	struct toc_entry *e;

	l->e = xgrow(l->e, &l->cap, l->n + 1, sizeof(*l->e));
	e = &l->e[l->n++];
	memset(e, 0, sizeof(*e));
	e->level = level;
	e->text = xstrndup(s, n);
	e->len = n;
	e->pre = pre < n ? pre : 0;
	if (upper)
		layout_line_upper_utf8(e->text, n);
}

static void
entry_runs(struct toc_list *l, const struct block *b, int upper)
{
	char *s = NULL;
	size_t n = 0, i;

	for (i = 0; i < b->nrun; i++) {
		const char *t = b->run[i].flags & RUN_BREAK ? " " : b->run[i].text;
		size_t tl = b->run[i].flags & RUN_BREAK ? 1 : b->run[i].len;

		s = xrealloc(s, n + tl + 1);
		memcpy(s + n, t, tl);
		n += tl;
	}
	/* a section's or table's number hangs; a chapter's stands in line */
	entry_add(l, b->level > 0 ? b->level : 1, s != NULL ? s : "", n, upper,
	    b->type == BLK_HEADING && b->level == 1 ? 0 : b->label_len);
	free(s);
}

/* Figures in the tree: a list of figures is printed only when there are. */
static size_t
count_figures(const struct block *doc)
{
	const struct block *b;
	size_t n = 0;

	for (b = doc; b != NULL; b = blocks_walk_next(doc, b, 0))
		n += b->type == BLK_FIGURE;
	return n;
}

void
layout_toc_collect(struct lay *L, const struct block *doc)
{
	const struct block *b = doc;
	size_t nfig = count_figures(doc);

	/* iterative pre-order walk in document order */
	while (b != NULL) {
		if (b->type == BLK_HEADING && b->level <= 2)
			entry_runs(&L->toc, b, b->level == 1);
		else if (b->type == BLK_PARAGRAPH && b->is_caption)
			entry_runs(&L->tables, b, 0);
		else if (b->type == BLK_FIGURE)
			entry_runs(&L->figures, b, 0);
		else if (b->type == BLK_DIRECTIVE &&
		    (strcmp(b->name, "daftar-isi") == 0 ||
		    strcmp(b->name, "daftar-tabel") == 0 ||
		    (strcmp(b->name, "daftar-gambar") == 0 && nfig > 0))) {
			const char *t = blocks_kv(b, "judul");

			if (t == NULL)
				t = strcmp(b->name, "daftar-isi") == 0 ?
				    "DAFTAR ISI" : strcmp(b->name,
				    "daftar-tabel") == 0 ? "DAFTAR TABEL" :
				    "DAFTAR GAMBAR";
			entry_add(&L->toc, 1, t, strlen(t), 1, 0);
		}
		b = blocks_walk_next(doc, b, 0);
	}
}

void
layout_toc_mark(struct toc_list *l, size_t page, double y)
{
	if (l->next >= l->n)
		return;
	l->e[l->next].placed = 1;
	l->e[l->next].page = page;
	l->e[l->next].y = y;
	l->next++;
}

void
layout_toc_place(struct lay *L, struct toc_list *l, const char *title)
{
	struct lb_opts o;
	struct lb_para p;
	struct run r;
	double size = L->st->body_size_pt, lh = lay_line_height(L, size, 0);
	double hs = L->st->h1_size_pt, hlh = lay_line_height(L, hs, 1);
	size_t i, k;

	memset(&p, 0, sizeof(p));
	memset(&r, 0, sizeof(r));
	if (L->used)
		L->need_page = 1;
	lay_start(L);
	/* the title, like a chapter heading */
	r.len = strlen(title);
	r.text = xstrndup(title, r.len);
	lay_opts(L, &o, hs, L->tw, LB_CENTER);
	o.upper = 1;
	o.flags_or = RUN_BOLD;
	o.hyph = NULL;
	layout_line_set(&p, &r, 1, &o);
	layout_line_upper_utf8(r.text, r.len);
	doc_pages_add_outline(L->d, r.text, 1, L->d->npage - 1, L->y);
	free(r.text);
	layout_toc_mark(&L->toc, L->d->npage - 1, L->y);
	lay_place_lines(L, &p, L->left, hlh, hs, 0);
	L->y -= L->lh;

	for (i = 0; i < l->n; i++) {
		const struct toc_entry *e = &l->e[i];
		double ind = (double)(e->level - 1) * LEVEL_INDENT, h, hang = 0;
		size_t pre = e->pre;
		enum font_style pf;
		struct toc_slot *s;

		r.flags = (l == &L->toc && e->level == 1) ? RUN_BOLD : 0;
		pf = r.flags & RUN_BOLD ? FONT_BOLD : FONT_REGULAR;
		if (pre > 0)
			hang = metrics_width(L->m, pf, e->text, pre + 1, size);
		r.text = e->text + (pre > 0 ? pre + 1 : 0);
		r.len = e->len - (pre > 0 ? pre + 1 : 0);
		lay_opts(L, &o, size, L->tw - ind - hang - NUM_COL, LB_LEFT);
		o.hyph = NULL;
		layout_line_set(&p, &r, 1, &o);
		h = (double)p.nline * lh;
		if (L->used && L->y - h < L->bottom)
			lay_new_page(L);
		L->slot = xgrow(L->slot, &L->slotcap, L->nslot + 1,
		    sizeof(*L->slot));
		s = &L->slot[L->nslot++];
		s->list = l;
		s->entry = i;
		s->page = L->d->npage - 1;
		s->top = L->y;
		{
			double asc = L->m->ascent / 1000.0 * size;
			double desc = -L->m->descent / 1000.0 * size;
			double off = lh - (lh - asc - desc) / 2 - asc;

			if (pre > 0)
				page_add_text(lay_page(L), L->left + ind,
				    L->y - (lh - off), pf, size, e->text, pre);
			for (k = 0; k < p.nline; k++) {
				lay_emit_line(L, &p, k, L->left + ind + hang,
				    L->y, lh, size);
				L->y -= lh;
			}
			s->base = L->y + off;
		}
		s->bottom = L->y;
		s->x_end = L->left + ind + hang + (p.nline > 0 ?
		    p.line[p.nline - 1].width : 0);
	}
	layout_line_free(&p);
	L->need_page = 1;
}

void
layout_toc_fill(struct lay *L)
{
	double size = L->st->body_size_pt;
	double dw = metrics_width(L->m, FONT_REGULAR, ".", 1, size);
	size_t i;

	for (i = 0; i < L->nslot; i++) {
		const struct toc_slot *s = &L->slot[i];
		const struct toc_entry *e = &s->list->e[s->entry];
		struct page *pg = &L->d->page[s->page];
		char lab[32];
		double nw, xn, x0;
		struct box *b;

		if (!e->placed)
			continue;
		layout_page_label(L->d, e->page, lab, sizeof(lab));
		nw = metrics_width(L->m, FONT_REGULAR, lab, strlen(lab), size);
		xn = L->right - nw;
		if (dw > 0) {
			/* dots on a common grid, so the columns line up */
			double end = xn - LEADER_GAP;
			long a = (long)ceil((s->x_end + LEADER_GAP - L->left) / dw);
			long z = (long)floor((end - L->left) / dw);

			if (z > a) {
				size_t n = (size_t)(z - a);
				char *dots = xmalloc(n);

				memset(dots, '.', n);
				x0 = L->left + (double)a * dw;
				page_add_text(pg, x0, s->base, FONT_REGULAR, size,
				    dots, n);
				free(dots);
			}
		}
		page_add_text(pg, xn, s->base, FONT_REGULAR, size, lab,
		    strlen(lab));
		b = page_add_box(pg, BOX_LINK);
		b->x = L->left;
		b->y = s->bottom;
		b->w = L->tw;
		b->h = s->top - s->bottom;
		b->dest_page = e->page;
		b->dest_y = e->y;
	}
}

void
layout_toc_free(struct lay *L)
{
	size_t i;

	for (i = 0; i < L->toc.n; i++)
		free(L->toc.e[i].text);
	for (i = 0; i < L->tables.n; i++)
		free(L->tables.e[i].text);
	for (i = 0; i < L->figures.n; i++)
		free(L->figures.e[i].text);
	free(L->toc.e);
	free(L->tables.e);
	free(L->figures.e);
	free(L->slot);
}
