/*
 * rencana: figures: an image alone in its Markdown paragraph, or a chart
 * (layout_chart.c), with its caption "Gambar 2.1 ..." centred below it
 * (Indonesian practice: a table's caption above, a figure's below).  A
 * figure is never split: the picture and its caption go on one page, a
 * new one when the rest of this page is too short; a picture taller than
 * an empty page is scaled down to fit it.
 *
 * An image is read through confine.c like the cover logo (inside the
 * plan's folder or an --allow-dir folder, a regular file), and must be a
 * PNG or JPEG by its header; every problem is an error at the plan field
 * (or template line) where the image was written.  pdf.c decodes it.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "buf.h"
#include "confine.h"
#include "diag.h"
#include "image.h"
#include "layout_int.h"
#include "page.h"
#include "style.h"
#include "xalloc.h"

/*
 * Limits: IMAGE_MAX_BYTES and IMAGE_MAX_PIXELS (image.h), as for the logo.
 * FIG_MAX_RATIO: how many times one side of an image may be the other: a
 * 1 x 10000 image would be drawn as a hairline (a panorama is about 4:1).
 */
#define FIG_MAX_RATIO	20
#define FIG_PT_PER_PX	(72.0 / 96.0)	/* an image's natural size: 96 dpi */
#define FIG_CAPTION_GAP	6.0	/* pt between the picture and its caption */

static const struct srcpos *
fig_pos(const struct block *b)
{
	return b->has_pos ? &b->pos : NULL;
}

/*
 * Reads the image of figure b and returns its size in pixels in *iw, *ih;
 * 0 when it cannot be used (reported).
 */
static int
image_check(struct lay *L, const struct block *b, double *iw, double *ih)
{
	const char *src = blocks_kv(b, "src");
	struct buf data = BUF_INIT;
	int rc, err, ok;

	if (src == NULL || *src == '\0') {
		diag_add(L->dl, D_LAYOUT_IMAGE, fig_pos(b), b->field,
		    "an image names no file%s: write `![caption](file.png)`", "");
		return 0;
	}
	rc = confine_read(L->basedir != NULL ? L->basedir : ".", src,
	    IMAGE_MAX_BYTES, &data, &err);
	if (rc != 0) {
		confine_report(L->dl, rc, err, D_LAYOUT_IMAGE, fig_pos(b),
		    b->field, "the image", src, "the plan's folder", L->basedir);
		buf_free(&data);
		return 0;
	}
	ok = image_size((const unsigned char *)data.data, data.len, iw, ih);
	buf_free(&data);
	if (!ok) {
		diag_add(L->dl, D_LAYOUT_IMAGE, fig_pos(b), b->field,
		    "the image `%s` is not a PNG or JPEG file", src);
		return 0;
	}
	if (*iw * *ih > IMAGE_MAX_PIXELS) {
		diag_add(L->dl, D_LAYOUT_IMAGE, fig_pos(b), b->field,
		    "the image `%s` is %.0f x %.0f pixels; the limit is %d "
		    "pixels", src, *iw, *ih, IMAGE_MAX_PIXELS);
		return 0;
	}
	if (*iw > *ih * FIG_MAX_RATIO || *ih > *iw * FIG_MAX_RATIO) {
		diag_add(L->dl, D_LAYOUT_IMAGE, fig_pos(b), b->field,
		    "the image `%s` is %.0f x %.0f pixels; one side may be at "
		    "most %d times the other", src, *iw, *ih, FIG_MAX_RATIO);
		return 0;
	}
	return 1;
}

/*
 * Scales boxes [first, nbox) of a page by s about the point (x0, top),
 * then moves them dx right: a chart taller than a page is drawn smaller,
 * text and lines with it, as an image is.
 */
static void
shrink(struct page *pg, size_t first, double x0, double top, double s,
    double dx)
{
	size_t i;

	for (i = first; i < pg->nbox; i++) {
		struct box *bx = &pg->box[i];

		bx->x = x0 + (bx->x - x0) * s + dx;
		bx->y = top - (top - bx->y) * s;
		bx->w *= s;
		bx->h *= s;
		bx->size_pt *= s;
		bx->word_space_pt *= s;
		bx->char_space_pt *= s;
		bx->line_pt *= s;
	}
}

void
layout_caption_set(const struct lay *L, const struct block *b,
    struct lb_para *p)
{
	struct lb_opts o;

	memset(p, 0, sizeof(*p));
	lay_opts(L, &o, L->st->body_size_pt, L->tw, LB_CENTER);
	layout_line_set(p, b->run, b->nrun, &o);
}

void
layout_figure(struct lay *L, const struct block *b)
{
	struct lb_para cap;
	double size = L->st->body_size_pt, lh = lay_line_height(L, size, 1);
	double iw = 1, ih = 1, w, h, caph, room, x, scale = 1;
	size_t first;
	int chart = strcmp(b->name, "grafik") == 0;
	struct box *bx;
	struct page_fig pf;

	if (!chart && !image_check(L, b, &iw, &ih))
		return;
	layout_caption_set(L, b, &cap);
	caph = FIG_CAPTION_GAP + (double)cap.nline * lh;
	/* the most a picture may take: an empty page less its caption */
	room = L->top - L->bottom - caph - L->lh / 2;
	if (chart) {
		w = L->tw;
		if ((h = layout_chart_height(L, b, w)) <= 0) {
			layout_line_free(&cap);
			return;		/* its data was reported */
		}
	} else {
		w = iw * FIG_PT_PER_PX;
		if (w > L->tw)
			w = L->tw;
		h = w * ih / iw;
	}
	if (h > room && room > 0) {
		scale = room / h;
		w *= scale;
		h = room;
	}
	lay_start(L);
	if (L->used)
		L->y -= L->lh / 2;	/* set off from what is above */
	if (L->used && L->y - h - caph < L->bottom)
		lay_new_page(L);
	layout_toc_mark(&L->figures, L->d->npage - 1, L->y);
	L->marker_on = 0;	/* a list item's marker: not on a picture */
	x = L->left + (L->tw - w) / 2;
	pf.id = (int)L->figures.next;	/* just marked: counted from 1 */
	pf.w = w;
	pf.h = h;
	pf.box = chart ? (size_t)-1 : lay_page(L)->nbox;
	page_add_fig(lay_page(L), &pf);
	if (chart) {
		first = lay_page(L)->nbox;
		layout_chart_draw(L, b, L->left, L->y, L->tw, h / scale);
		if (scale < 1)
			shrink(lay_page(L), first, L->left, L->y, scale,
			    (L->tw - w) / 2);
	} else {
		bx = page_add_box(lay_page(L), BOX_IMAGE);
		bx->w = w;
		bx->h = h;
		bx->x = x;
		bx->y = L->y - h;
		bx->path = blocks_kv(b, "src")[0] == '/' || L->basedir == NULL ||
		    *L->basedir == '\0' ? xstrdup(blocks_kv(b, "src")) :
		    xasprintf("%s/%s", L->basedir, blocks_kv(b, "src"));
	}
	L->y -= h + FIG_CAPTION_GAP;
	L->used = 1;
	L->line_kind = 'k';
	lay_place_lines(L, &cap, L->left, lh, size, 0);
	L->line_kind = 0;
	L->y -= L->st->paragraph_space_pt;
	layout_line_free(&cap);
}
