/* rencana: the page list shared by layout and pdf.c, and text metrics. */
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "winansi.h"
#include "xalloc.h"

/* Boxes layout may add to a page after the next has started (page_trim). */
#define PAGE_LATE_BOXES	8

/* The advance of a character outside ASCII, 1/1000 em; -1 when the font
 * lacks it. */
static int
advance(const struct metrics *m, enum font_style f, unsigned long cp)
{
	int b = winansi_from_cp(cp);

	if (b >= 0)
		return m->width[f][b];
	if (m->other != NULL)
		return m->other(m->face[f], cp);
	return cp >= 0x3000 ? -1 : m->other_width;
}

unsigned long
metrics_units(const struct metrics *m, enum font_style f, const char *s,
    size_t n)
{
	const unsigned short *w = m->width[f];
	unsigned long units = 0, cp;
	size_t i = 0;
	int a;

	while (i < n) {
		/* ASCII, most of any text, without decoding */
		if ((unsigned char)s[i] < 0x80) {
			units += w[(unsigned char)s[i++]];
			continue;
		}
		i += utf8_decode(s + i, n - i, &cp);
		if ((a = advance(m, f, cp)) > 0)
			units += (unsigned long)a;
	}
	return units;
}

double
metrics_width(const struct metrics *m, enum font_style f, const char *s,
    size_t n, double size_pt)
{
	return (double)metrics_units(m, f, s, n) * size_pt / 1000.0;
}

int
metrics_has(const struct metrics *m, enum font_style f, unsigned long cp)
{
	return cp < 0x80 || advance(m, f, cp) >= 0;
}

void
metrics_fake(struct metrics *m, unsigned short w)
{
	int f, c;

	for (f = 0; f < FONT__COUNT; f++)
		for (c = 0; c < 256; c++)
			m->width[f][c] = w;
	m->other = NULL;
	m->other_width = w;
	m->ascent = 800;
	m->descent = -200;
}

struct doc_pages *
doc_pages_new(double width_pt, double height_pt)
{
	struct doc_pages *d = xcalloc(1, sizeof(*d));

	d->width_pt = width_pt;
	d->height_pt = height_pt;
	d->meta.date = -1;
	return d;
}

static void
page_free(struct page *p)
{
	size_t j;

	for (j = 0; j < p->nbox; j++) {
		free(p->box[j].text);
		free(p->box[j].path);
	}
	free(p->box);
	free(p->line);
	free(p->tab);
	free(p->fig);
}

void
page_clear(struct page *p)
{
	double w = p->width_pt, h = p->height_pt;

	page_free(p);
	memset(p, 0, sizeof(*p));
	p->width_pt = w;
	p->height_pt = h;
}

void
doc_pages_drop(struct doc_pages *d)
{
	if (d->npage > 0)
		page_free(&d->page[--d->npage]);
}

void
doc_pages_free(struct doc_pages *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->npage; i++)
		page_free(&d->page[i]);
	for (i = 0; i < d->noutline; i++)
		free(d->outline[i].title);
	free(d->page);
	free(d->outline);
	free(d->meta.title);
	free(d->meta.author);
	free(d->meta.subject);
	free(d->meta.keywords);
	free(d->meta.lang);
	free(d);
}

/* Page p's boxes and lines to their count plus `slack`. */
static void
page_trim(struct page *p, size_t slack)
{
	if (p->nbox > 0 && p->cap > p->nbox + slack) {
		p->box = xrealloc(p->box, (p->nbox + slack) * sizeof(*p->box));
		p->cap = p->nbox + slack;
	}
	if (p->nline > 0 && p->linecap > p->nline + slack) {
		p->line = xrealloc(p->line, (p->nline + slack) *
		    sizeof(*p->line));
		p->linecap = p->nline + slack;
	}
}

void
doc_pages_trim(struct doc_pages *d)
{
	size_t i;

	for (i = 0; i < d->npage; i++)
		page_trim(&d->page[i], 0);
}

struct page *
doc_pages_add(struct doc_pages *d)
{
	struct page *p;

	/* The page before is full but for what layout adds at the end (its
	 * number, a contents page's numbers, the signature footer): room
	 * for PAGE_LATE_BOXES of those, the rest of its doubling freed for
	 * the pages to come (a quarter of the boxes' memory on average). */
	if (d->npage > 0)
		page_trim(&d->page[d->npage - 1], PAGE_LATE_BOXES);
	d->page = xgrow(d->page, &d->cap, d->npage + 1, sizeof(*d->page));
	p = &d->page[d->npage++];
	memset(p, 0, sizeof(*p));
	p->width_pt = d->width_pt;
	p->height_pt = d->height_pt;
	return p;
}

struct box *
page_add_box(struct page *p, enum box_type type)
{
	struct box *b;

	p->box = xgrow(p->box, &p->cap, p->nbox + 1, sizeof(*p->box));
	b = &p->box[p->nbox++];
	memset(b, 0, sizeof(*b));
	b->type = type;
	b->alpha = 1.0;
	return b;
}

struct box *
page_add_text(struct page *p, double x, double y, enum font_style f,
    double size_pt, const char *s, size_t n)
{
	struct box *b = page_add_box(p, BOX_TEXT);

	b->x = x;
	b->y = y;
	b->font = f;
	b->size_pt = size_pt;
	b->text = xstrndup(s, n);
	b->len = n;
	return b;
}

struct box *
page_add_rule(struct page *p, double x, double y, double w, double h,
    double line_pt)
{
	struct box *b = page_add_box(p, BOX_RULE);

	b->x = x;
	b->y = y;
	b->w = w;
	b->h = h;
	b->line_pt = line_pt;
	return b;
}

void
page_add_frame(struct page *p, double x, double y, double w, double h,
    double line_pt)
{
	page_add_rule(p, x, y, w, 0, line_pt);
	page_add_rule(p, x, y + h, w, 0, line_pt);
	page_add_rule(p, x, y, 0, h, line_pt);
	page_add_rule(p, x + w, y, 0, h, line_pt);
}

void
page_add_line(struct page *p, const struct page_line *l)
{
	p->line = xgrow(p->line, &p->linecap, p->nline + 1, sizeof(*p->line));
	p->line[p->nline++] = *l;
}

void
page_add_table(struct page *p, const struct page_table *t)
{
	p->tab = xgrow(p->tab, &p->tabcap, p->ntab + 1, sizeof(*p->tab));
	p->tab[p->ntab++] = *t;
}

void
page_add_fig(struct page *p, const struct page_fig *f)
{
	p->fig = xgrow(p->fig, &p->figcap, p->nfig + 1, sizeof(*p->fig));
	p->fig[p->nfig++] = *f;
}

void
doc_pages_add_outline(struct doc_pages *d, const char *title, int level,
    size_t page, double y)
{
	struct outline *o;

	d->outline = xgrow(d->outline, &d->outcap, d->noutline + 1,
	    sizeof(*d->outline));
	o = &d->outline[d->noutline++];
	o->title = xstrdup(title);
	o->level = level;
	o->page = page;
	o->y = y;
}
