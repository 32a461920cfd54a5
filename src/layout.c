/*
 * rencana: layout: block tree -> pages of positioned boxes.
 *
 * One pass over the tree places every block top-down on the current page,
 * paginating as it goes: paragraphs split only where at least two lines
 * stay on each side (no widows or orphans), headings move to the next page
 * rather than end one, level-1 headings open a page, the signature block
 * is never split.  The table of contents and list of tables are set when
 * their directive comes, with room for every entry (an entry's height does
 * not depend on its page number), and their numbers, leaders and links are
 * filled in at the end (layout_toc.c).  Page numbers, whose style depends
 * on where the body starts, are drawn last.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "blocks.h"
#include "buf.h"
#include "confine.h"
#include "diag.h"
#include "image.h"
#include "layout.h"
#include "layout_hyph.h"
#include "layout_int.h"
#include "layout_tte.h"
#include "page.h"
#include "style.h"
#include "winansi.h"
#include "xalloc.h"

/*
 * Limits.
 * IMAGE_MAX_PIXELS (image.h): pixels of the cover logo, pdf.c's limit too
 *   (it decodes it whole); a logo is a few hundred pixels a side.
 * LOGO_MAX_RATIO: how many times one side of the logo may be the other.
 *   Emblems are about square and a banner is about 5:1; a 1 x 10000 image
 *   is a mistake, and would be drawn as a hairline.
 * SIG_MAX_LINES: lines of a signature block (place and date, jabatan lines,
 *   name, rank, NIP); it must fit on one page, which holds about 34 lines,
 *   so further `jabatan` lines are dropped.
 * LAY_MAX_PAGES (layout_page.c): pages of one document.  A plan document has 20 to 150;
 *   4 MiB of one-line paragraphs (within every input limit) made 16,079
 *   pages in 397 MB.  Layout stops at the top-level block that passes it,
 *   so a build's memory stays bounded whatever -j multiplies it by.
 * Nesting needs no limit here: blocks.c caps lists and quotes at 16, so
 * the recursion in lay_blocks is at most that deep.
 */
#define LOGO_MAX_RATIO	20
#define SIG_MAX_LINES	24
#define SIG_MAX_BLANK	8	/* the room to sign and stamp: 4 lines, more for
				 * the TTE stamp area at a small line height */
#define PARAF_PT	9.0	/* the paraf table's text */
#define PARAF_NO_MM	9.0	/* its columns: No., ..., Paraf */
#define PARAF_BOX_MM	20.0
#define PARAF_MIN_MM	60.0	/* narrower beside the signature: under it */
#define PARAF_GAP_PT	12.0

#define LIST_INDENT_MM	7.5	/* per list level */
#define QUOTE_INDENT_MM	10.0
#define LOGO_WIDTH_MM	45.0	/* the cover logo, centred */
#define LOGO_MAX_HEIGHT_MM 60.0	/* a tall logo is set this high, narrower */
#define CODE_PT		10.0
#define CAPTION_GAP	4.0	/* pt between a table caption and its table */

/* ---- blocks ---- */

struct ctx {
	double	 left;		/* pt from the text area's left edge */
	double	 right;		/* pt in from the right edge */
	int	 depth;		/* list depth */
	int	 tight;		/* inside a tight list */
	int	 in_body;	/* paragraphs get a first-line indent */
};

static void	lay_blocks(struct lay *, const struct block *, const struct ctx *);

/* The lines a caption paragraph is set in (p filled; free it). */
static void
caption_set(const struct lay *L, const struct block *b, struct lb_para *p)
{
	layout_caption_set(L, b, p);
}

/* Room a table needs at its start, with its caption when cap is one:
 * the caption's lines and gap, the header and the first row. */
static double
table_need(const struct lay *L, const struct block *cap,
    const struct block *t, double width)
{
	double need = 0;

	if (cap != NULL) {
		struct lb_para p;

		caption_set(L, cap, &p);
		need = (double)p.nline * lay_line_height(L,
		    L->st->body_size_pt, 1) + CAPTION_GAP;
		layout_line_free(&p);
	}
	if (t != NULL && t->type == BLK_TABLE)
		need += layout_table_lead(L, t, width);
	return need;
}

/* ---- landscape tables (issue 12) ---- */

/* Is b a template's `rencana-tabel` (the kind of the table after it)? */
static int
is_kind(const struct block *b)
{
	return b != NULL && b->type == BLK_DIRECTIVE &&
	    strcmp(b->name, "tabel") == 0;
}

/* The kind of table t: its `rencana-tabel`'s `jenis`, before the table or
 * before its caption (blocks.c checks where it stands), or NULL. */
static const char *
table_kind(const struct block *t)
{
	const struct block *p = t->prev;

	if (p != NULL && p == t->caption)
		p = p->prev;
	return is_kind(p) ? blocks_kv(p, "jenis") : NULL;
}

/*
 * The table that block b leads to: b itself, the table of a caption, or
 * the table after a run of headings, a kind directive and a caption
 * (headings directly over a landscape table go onto its page: they would
 * otherwise end the portrait page before it).  NULL for anything else.
 */
static const struct block *
led_table(const struct block *b)
{
	int depth;

	for (depth = 0; b != NULL && depth < 8; depth++, b = b->next)
		if (b->type == BLK_TABLE)
			return b;
		else if (!(b->type == BLK_HEADING || is_kind(b) ||
		    (b->type == BLK_PARAGRAPH && b->is_caption)))
			return NULL;
	return NULL;
}

/* Turns the pages to landscape when the table b leads to goes there. */
static void
landscape_for(struct lay *L, const struct block *b, const struct ctx *c)
{
	const struct block *t = led_table(b);
	struct lay P = *L, W = *L;

	if (t == NULL || L->landscape)
		return;
	lay_orient(&P, 0);
	lay_orient(&W, 1);
	if (layout_table_landscape(L, t, table_kind(t),
	    P.tw - c->left - c->right, W.tw - c->left - c->right))
		lay_landscape(L, 1);
}

/* Room the start of a block needs, so a heading can be kept with it. */
static double
start_need_at(const struct lay *L, const struct block *b, const struct ctx *c,
    int depth)
{
	if (b == NULL)
		return 0;
	if (is_kind(b))
		return start_need_at(L, b->next, c, depth);
	switch (b->type) {
	case BLK_TABLE:
		return table_need(L, NULL, b, L->tw - c->left - c->right);
	case BLK_PARAGRAPH:
		if (b->is_caption)
			return L->lh / 2 + table_need(L, b, b->next,
			    L->tw - c->left - c->right);
		return 2 * L->lh;
	case BLK_HEADING:
		/* a heading goes with what follows it, so a run of headings
		 * stays with the first line under the last of them */
		if (b->level > 1 && depth < 4)
			return L->lh / 2 + lay_line_height(L, b->level == 2 ?
			    L->st->h2_size_pt : L->st->h3_size_pt, 0) +
			    L->st->paragraph_space_pt +
			    start_need_at(L, b->next, c, depth + 1);
		return 2 * L->lh;
	default:
		return 2 * L->lh;
	}
}

static double
start_need(const struct lay *L, const struct block *b, const struct ctx *c)
{
	return start_need_at(L, b, c, 0);
}

static void
lay_para(struct lay *L, const struct block *b, const struct ctx *c)
{
	struct lb_opts o;
	struct lb_para p;
	double size = L->st->body_size_pt;

	memset(&p, 0, sizeof(p));
	lay_opts(L, &o, size, L->tw - c->left - c->right, LB_JUSTIFY);
	if (c->in_body && c->depth == 0)
		o.indent = L->st->first_indent_mm * PT_PER_MM;
	layout_line_set(&p, b->run, b->nrun, &o);
	L->line_kind = 'p';
	lay_place_lines(L, &p, L->left + c->left, L->lh, size, 1);
	L->line_kind = 0;
	if (!c->tight)
		L->y -= L->st->paragraph_space_pt;
	layout_line_free(&p);
}

static void
lay_caption(struct lay *L, const struct block *b, const struct ctx *c)
{
	struct lb_para p;
	double size = L->st->body_size_pt;
	double lh = lay_line_height(L, size, 1);
	double need;

	caption_set(L, b, &p);
	/* the caption goes with the table's header and first row */
	need = table_need(L, b, b->next, L->tw - c->left - c->right);
	lay_start(L);
	if (L->used)
		L->y -= L->lh / 2;	/* set off from what is above */
	if (L->used && L->y - need < L->bottom)
		lay_new_page(L);
	layout_toc_mark(&L->tables, L->d->npage - 1, L->y);
	L->line_kind = 'k';
	lay_place_lines(L, &p, L->left, lh, size, 0);
	L->line_kind = 0;
	L->y -= CAPTION_GAP;
	layout_line_free(&p);
}

static char *
runs_text(const struct block *b, size_t *len)
{
	struct buf t = BUF_INIT;
	size_t i;

	for (i = 0; i < b->nrun; i++) {
		if (b->run[i].flags & RUN_BREAK)
			buf_putc(&t, ' ');
		else
			buf_put(&t, b->run[i].text, b->run[i].len);
	}
	*len = t.len;
	if (t.data == NULL)
		buf_puts(&t, "");
	return buf_detach(&t);
}

static void
outline_add(struct lay *L, const struct block *b, int upper, double y)
{
	size_t len, i, o;
	char *w = runs_text(b, &len);

	if (upper)
		layout_line_upper_utf8(w, len);
	for (i = o = 0; i < len; i++) {
		/* a tie (words.c, U+00A0): a space in a bookmark */
		if (w[i] == '\xc2' && i + 1 < len && w[i + 1] == '\xa0')
			w[++i] = ' ';
		w[o++] = w[i];
	}
	w[o] = '\0';
	doc_pages_add_outline(L->d, w, b->level, L->d->npage - 1, y);
	free(w);
}

/*
 * The head of an appendix of a penetapan (Permendagri 1/2023 form, see
 * docs/tata-naskah.md): at the top right, in a column starting at the
 * middle of the text width, left-aligned, its label ("LAMPIRAN I") and
 * then each `baris` of the rencana-mulai-lampiran directive
 * ("PERATURAN WALI KOTA MATARAM", "NOMOR 12 TAHUN 2027", ...); a long
 * line wraps in the column, and a head longer than the page goes on to the
 * next one.  Returns 0 (nothing drawn) when the directive
 * has no `baris`: the heading then carries the label itself.
 */
static int
lay_appendix_head(struct lay *L, const struct block *b)
{
	const struct block *d = L->appendix;
	double size = L->st->body_size_pt, lh = lay_line_height(L, size, 1);
	double colw = L->tw / 2;
	struct lb_opts o;
	size_t i, k;

	if (d == NULL || blocks_kv(d, "baris") == NULL || b->label == NULL)
		return 0;
	lay_opts(L, &o, size, colw, LB_LEFT);
	o.hyph = NULL;
	for (i = 0; i <= d->nkv; i++) {
		struct lb_para p;
		struct run r;
		char *t = NULL;

		memset(&r, 0, sizeof(r));
		memset(&p, 0, sizeof(p));
		if (i == 0) {
			r.text = b->label;
			r.len = b->label_len;
		} else if (strcmp(d->kv[i - 1].key, "baris") == 0) {
			lay_winansi_dup(d->kv[i - 1].value, &t, &r.len);
			r.text = t;
		} else
			continue;
		layout_line_set(&p, &r, 1, &o);
		for (k = 0; k < p.nline; k++) {
			if (L->y - lh < L->bottom)	/* a head longer than a page */
				lay_new_page(L);
			lay_emit_line(L, &p, k, L->right - colw, L->y, lh, size);
			L->y -= lh;
		}
		layout_line_free(&p);
		free(t);
	}
	L->y -= L->lh;
	return 1;
}

static void
lay_heading(struct lay *L, const struct block *b, const struct ctx *c)
{
	struct lb_opts o;
	struct lb_para p;
	double size, lh, need, ytop = 0;
	int level = b->level, head = 0;

	memset(&p, 0, sizeof(p));
	if (level == 1) {
		size = L->st->h1_size_pt;
		lay_opts(L, &o, size, L->tw, LB_CENTER);
		o.upper = 1;
	} else {
		size = level == 2 ? L->st->h2_size_pt : L->st->h3_size_pt;
		lay_opts(L, &o, size, L->tw - c->left - c->right, LB_LEFT);
	}
	o.flags_or = RUN_BOLD;
	o.hyph = NULL;		/* headings are not hyphenated */
	lh = lay_line_height(L, size, level == 1);
	if (level == 1) {
		lay_break(L);
		lay_start(L);
		ytop = L->y;	/* links and bookmarks go to the page's top */
		if (b->counter == CNT_APPENDIX)
			head = lay_appendix_head(L, b);
	}
	/* under an appendix head the heading is its title alone */
	layout_line_set(&p, b->run + (head ? b->nlabel : 0),
	    b->nrun - (head ? b->nlabel : 0), &o);
	if (level != 1) {
		lay_start(L);
		if (L->used)
			L->y -= L->lh / 2;
		need = (double)p.nline * lh + start_need(L, b->next, c);
		if (L->used && L->y - need < L->bottom)
			lay_new_page(L);
	}
	if (level <= 2) {
		outline_add(L, b, level == 1, level == 1 ? ytop : L->y);
		layout_toc_mark(&L->toc, L->d->npage - 1, level == 1 ? ytop : L->y);
	}
	L->line_kind = 'h';
	lay_place_lines(L, &p, L->left + (level == 1 ? 0 : c->left), lh, size,
	    0);
	L->line_kind = 0;
	L->y -= level == 1 ? L->lh : L->st->paragraph_space_pt;
	layout_line_free(&p);
}

static void
lay_list(struct lay *L, const struct block *b, const struct ctx *c)
{
	const struct block *it;
	struct ctx ic = *c;
	int num = b->start;
	double ind = LIST_INDENT_MM * PT_PER_MM;

	ic.left = c->left + ind;
	ic.depth = c->depth + 1;
	ic.tight = b->tight;
	for (it = b->first; it != NULL; it = it->next, num++) {
		if (!b->ordered)
			snprintf(L->marker, sizeof(L->marker), "%s",
			    c->depth % 2 == 0 ? "\xe2\x80\xa2" : "-");
		else if (c->depth % 2 == 0)
			snprintf(L->marker, sizeof(L->marker), "%d.", num);
		else {
			char r[16];

			if (c->depth % 4 == 1 && num >= 1 && num <= 26)
				snprintf(L->marker, sizeof(L->marker), "%c.",
				    'a' + num - 1);
			else {
				lay_roman(num, r, sizeof(r));
				snprintf(L->marker, sizeof(L->marker), "%s.", r);
			}
		}
		L->marker_x = L->left + c->left;
		L->marker_on = 1;
		lay_blocks(L, it, &ic);
		L->marker_on = 0;
	}
	if (b->tight && c->depth == 0)
		L->y -= L->st->paragraph_space_pt;
}

static void
lay_code(struct lay *L, const struct block *b, const struct ctx *c)
{
	struct run *runs;
	struct lb_opts o;
	struct lb_para p;
	size_t nr = 0, i, start = 0, n;
	char *code;
	struct buf cb = BUF_INIT;
	const struct run *src = b->nrun > 0 ? &b->run[0] : NULL;
	double lh = lay_line_height(L, CODE_PT, 1);

	if (src == NULL)
		return;
	/* spaces in code are kept: set as no-break spaces (U+00A0) */
	for (i = 0; i < src->len; i++)
		if (src->text[i] == ' ')
			buf_puts(&cb, "\xc2\xa0");
		else
			buf_putc(&cb, src->text[i]);
	n = cb.len;
	code = buf_detach(&cb);
	runs = xcalloc(2 * src->len + 2, sizeof(*runs));
	for (i = 0; i <= n; i++)
		if (i == n || code[i] == '\n') {
			runs[nr].text = code + start;
			runs[nr].len = i - start;
			runs[nr++].flags = 0;
			if (i < n)
				runs[nr++].flags = RUN_BREAK;
			start = i + 1;
		}
	for (i = 0; i < nr; i++)
		if (runs[i].text == NULL)
			runs[i].text = (char *)"";
	memset(&p, 0, sizeof(p));
	lay_opts(L, &o, CODE_PT, L->tw - c->left - c->right - 20, LB_LEFT);
	o.hyph = NULL;
	o.nbsp_glyph = 1;
	layout_line_set(&p, runs, nr, &o);
	lay_place_lines(L, &p, L->left + c->left + 10, lh, CODE_PT, 0);
	L->y -= L->st->paragraph_space_pt;
	layout_line_free(&p);
	free(runs);
	free(code);
}

static void
lay_rule(struct lay *L, const struct ctx *c)
{
	lay_start(L);
	if (L->y - L->lh < L->bottom)
		lay_new_page(L);
	page_add_rule(lay_page(L), L->left + c->left, L->y - L->lh / 2,
	    L->tw - c->left - c->right, 0, 0.5);
	L->y -= L->lh;
	L->used = 1;
}

/* ---- directives ---- */

/*
 * Sets a short text centred (wrapped) from the top `y`, returning the
 * height.  The lines are balanced (issue 13: "...Negara Kota / Mataram"):
 * the narrowest measure that needs no more lines than the full width is
 * found by bisection (CSS `text-wrap: balance`), so the lines come out of
 * similar length and the breaker's choice among them stays its own.
 * Names the words pass tied (words.c) do not break.
 */
#define BALANCE_STEPS	14	/* bisection steps: the text width / 16384 */

static double
centred(struct lay *L, const char *utf8, double size, int bold, int upper,
    int draw, double y)
{
	struct run r;
	struct lb_opts o;
	struct lb_para p;
	double lh = lay_line_height(L, size, 1), h, lo, hi, mid, x;
	size_t i, n;
	int k;

	if (utf8 == NULL || *utf8 == '\0')
		return 0;
	memset(&r, 0, sizeof(r));
	lay_winansi_dup(utf8, &r.text, &r.len);
	r.flags = bold ? RUN_BOLD : 0;
	memset(&p, 0, sizeof(p));
	lay_opts(L, &o, size, L->tw, LB_CENTER);
	o.upper = upper;
	o.hyph = NULL;
	layout_line_set(&p, &r, 1, &o);
	n = p.nline;
	if (n > 1) {
		lo = L->tw / (double)n;
		hi = L->tw;
		for (k = 0; k < BALANCE_STEPS; k++) {
			mid = (lo + hi) / 2;
			o.width = mid;
			layout_line_set(&p, &r, 1, &o);
			for (i = 0; i < p.nline && p.line[i].width <=
			    mid + 1e-3; i++)
				;
			if (p.nline <= n && i == p.nline)
				hi = mid;
			else
				lo = mid;
		}
		o.width = hi;
		layout_line_set(&p, &r, 1, &o);
	}
	x = L->left + (L->tw - o.width) / 2;
	h = (double)p.nline * lh;
	for (i = 0; draw && i < p.nline; i++)
		lay_emit_line(L, &p, i, x, y - (double)i * lh, lh, size);
	layout_line_free(&p);
	free(r.text);
	return h;
}

/*
 * The cover logo, centred, LOGO_WIDTH_MM wide or LOGO_MAX_HEIGHT_MM high,
 * whichever fits, below y; returns the y under it.  The file is opened
 * through confine.c: inside the plan's folder (basedir), a regular file.
 * When the value is the plan's own wilayah.logo, problems are reported at
 * that field; a logo the template wrote itself is reported as sampul.logo.
 */
static double
lay_logo(struct lay *L, const char *logo, double y)
{
	int plan = L->st->logo != NULL && strcmp(logo, L->st->logo) == 0;
	const struct srcpos *at = plan ? &L->st->logo_pos : NULL;
	const char *field = plan ? "wilayah.logo" : "sampul.logo";
	double iw = 1, ih = 1, w = LOGO_WIDTH_MM * PT_PER_MM, h;
	struct buf data = BUF_INIT;
	int rc, err;
	struct box *bx;

	rc = confine_read(L->basedir != NULL ? L->basedir : ".", logo,
	    IMAGE_MAX_BYTES, &data, &err);
	if (rc != 0 && rc != CONFINE_TOO_LARGE) {
		confine_report(L->dl, rc, err, D_LAYOUT_IMAGE, at, field,
		    "the cover logo", logo, "the plan's folder",
		    L->basedir);
		buf_free(&data);
		return y;
	}
	/* An unreadable header or a file too large is pdf.c's to report,
	 * with the decoder's words. */
	if (rc != 0 || !image_size((const unsigned char *)data.data, data.len,
	    &iw, &ih))
		iw = ih = 1;
	buf_free(&data);
	if (iw * ih > IMAGE_MAX_PIXELS) {
		diag_add(L->dl, D_LAYOUT_IMAGE, at, field,
		    "the cover logo `%s` is %.0f x %.0f pixels; the limit is %d "
		    "pixels", logo, iw, ih, IMAGE_MAX_PIXELS);
		return y;
	}
	if (iw > ih * LOGO_MAX_RATIO || ih > iw * LOGO_MAX_RATIO) {
		diag_add(L->dl, D_LAYOUT_IMAGE, at, field,
		    "the cover logo `%s` is %.0f x %.0f pixels; one side may be "
		    "at most %d times the other", logo, iw, ih, LOGO_MAX_RATIO);
		return y;
	}
	h = w * ih / iw;
	if (h > LOGO_MAX_HEIGHT_MM * PT_PER_MM) {
		h = LOGO_MAX_HEIGHT_MM * PT_PER_MM;
		w = h * iw / ih;
	}
	bx = page_add_box(lay_page(L), BOX_IMAGE);
	bx->w = w;
	bx->h = h;
	bx->x = L->left + (L->tw - w) / 2;
	bx->y = y - h;
	bx->path = logo[0] == '/' || L->basedir == NULL || *L->basedir == '\0' ?
	    xstrdup(logo) : xasprintf("%s/%s", L->basedir, logo);
	return y - h - 36;
}

static void
lay_cover(struct lay *L, const struct block *b)
{
	const char *logo = blocks_kv(b, "logo");
	double y, h, sz = L->st->cover_title_size_pt, big = 14;

	lay_break(L);
	lay_start(L);
	L->nonum[L->d->npage - 1] = 1;
	y = L->top;
	if (logo != NULL && *logo != '\0')
		y = lay_logo(L, logo, y);
	y -= centred(L, blocks_kv(b, "judul"), sz, 1, 1, 1, y) + 18;
	y -= centred(L, blocks_kv(b, "subjudul"), big, 1, 0, 1, y) + 36;
	/* a final document's number (the template sends it only then) */
	if ((h = centred(L, blocks_kv(b, "nomor"), L->st->body_size_pt, 0, 0, 1,
	    y)) > 0)
		y -= h + 18;
	/* a draft's number and date, blank to fill in (docs/tata-naskah.md) */
	if ((h = centred(L, blocks_kv(b, "konsep_nomor"), L->st->body_size_pt, 0, 0,
	    1, y)) > 0) {
		y -= h;
		y -= centred(L, blocks_kv(b, "konsep_tanggal"), L->st->body_size_pt,
		    0, 0, 1, y) + 18;
	}
	y -= centred(L, blocks_kv(b, "pemerintah"), big, 1, 1, 1, y) + 6;
	y -= centred(L, blocks_kv(b, "periode"), big, 1, 1, 1, y) + 18;
	if (L->draft && blocks_kv(b, "versi") != NULL) {
		char *v = xasprintf("Versi %s", blocks_kv(b, "versi"));

		y -= centred(L, v, L->st->body_size_pt, 0, 0, 1, y);
		free(v);
	}
	/* the agency and the year stand at the bottom */
	h = centred(L, blocks_kv(b, "instansi"), big, 1, 1, 0, 0) +
	    centred(L, blocks_kv(b, "tahun"), big, 1, 1, 0, 0);
	y = L->bottom + h;
	y -= centred(L, blocks_kv(b, "instansi"), big, 1, 1, 1, y);
	centred(L, blocks_kv(b, "tahun"), big, 1, 1, 1, y);
	L->used = 1;
	L->need_page = 1;
}

/* ---- paraf koordinasi (issue 16, docs/tata-naskah.md) ---- */

/* A rectangle's outline, lower-left (x, y), as four rules. */
static void
outline_rect(struct lay *L, double x, double y, double w, double h)
{
	page_add_frame(lay_page(L), x, y, w, h, 0.5);
}

/* One cell's text wrapped to width w at PARAF_PT; returns its lines. */
static size_t
paraf_text(struct lay *L, struct lb_para *p, const char *utf8, size_t len,
    double w, int bold, enum lb_align al)
{
	struct lb_opts o;
	struct run r;
	char *u = xstrndup(utf8, len);

	memset(&r, 0, sizeof(r));
	lay_winansi_dup(u, &r.text, &r.len);
	free(u);
	r.flags = bold ? RUN_BOLD : 0;
	lay_opts(L, &o, PARAF_PT, w, al);
	o.hyph = NULL;
	memset(p, 0, sizeof(*p));
	layout_line_set(p, &r, 1, &o);
	free(r.text);
	return p->nline;
}

/* Lines [0, max) of p (all when max is 0) from (cx, cy) down. */
static void
paraf_cell(struct lay *L, const struct lb_para *p, size_t max, double cx,
    double cy, double lh)
{
	size_t k, n = max != 0 && max < p->nline ? max : p->nline;

	for (k = 0; k < n; k++)
		lay_emit_line(L, p, k, cx, cy - (double)k * lh, lh, PARAF_PT);
}

/* The three cells' frames of a row rh high at (x, y): No, Jabatan, Paraf. */
static void
paraf_frames(struct lay *L, double x, double y, double rh, double wn,
    double wj, double wp)
{
	outline_rect(L, x, y - rh, wn, rh);
	outline_rect(L, x + wn, y - rh, wj, rh);
	outline_rect(L, x + wn + wj, y - rh, wp, rh);
}

/*
 * The paraf table of a draft: No | Jabatan (and the name under it) | Paraf,
 * one row per `paraf` line ("no|jabatan|nama") of the signature directive,
 * x..x+w wide from `top` down.  Returns its height; draws it when `draw`.
 */
static double
paraf_table(struct lay *L, const struct block *b, double x, double w,
    double top, int draw)
{
	double lh = lay_line_height(L, PARAF_PT, 1), pad = 2;
	double wn = PARAF_NO_MM * PT_PER_MM, wp = PARAF_BOX_MM * PT_PER_MM;
	double wj = w - wn - wp, y = top, rh;
	size_t i, nrow = 0;

	for (i = 0; i < b->nkv; i++) {
		const char *v = b->kv[i].value, *a, *z;
		struct lb_para pn, pj, pm;
		size_t lj, lm;

		if (strcmp(b->kv[i].key, "paraf") != 0)
			continue;
		if (nrow == 0) {
			/* The header row: one line in each cell. */
			paraf_text(L, &pn, "No.", 3, wn - 2 * pad, 1, LB_CENTER);
			paraf_text(L, &pj, "Jabatan", 7, wj - 2 * pad, 1, LB_CENTER);
			paraf_text(L, &pm, "Paraf", 5, wp - 2 * pad, 1, LB_CENTER);
			rh = lh + 2 * pad;
			if (draw) {
				paraf_cell(L, &pn, 1, x + pad, y - pad, lh);
				paraf_cell(L, &pj, 1, x + wn + pad, y - pad, lh);
				paraf_cell(L, &pm, 1, x + wn + wj + pad, y - pad, lh);
				paraf_frames(L, x, y, rh, wn, wj, wp);
			}
			layout_line_free(&pn);
			layout_line_free(&pj);
			layout_line_free(&pm);
			y -= rh;
		}
		nrow++;
		a = strchr(v, '|');
		z = a != NULL ? strchr(a + 1, '|') : NULL;
		if (a == NULL || z == NULL)
			continue;
		paraf_text(L, &pn, v, (size_t)(a - v), wn - 2 * pad, 0, LB_CENTER);
		lj = paraf_text(L, &pj, a + 1, (size_t)(z - a - 1), wj - 2 * pad, 0,
		    LB_LEFT);
		lm = paraf_text(L, &pm, z + 1, strlen(z + 1), wj - 2 * pad, 1, LB_LEFT);
		rh = (double)(lj + lm) * lh + 2 * pad;
		if (rh < 2 * lh + 2 * pad)
			rh = 2 * lh + 2 * pad;	/* room for the initials */
		if (draw) {
			/* The name goes under the jabatan, in the same cell. */
			paraf_cell(L, &pn, 0, x + pad, y - pad, lh);
			paraf_cell(L, &pj, 0, x + wn + pad, y - pad, lh);
			paraf_cell(L, &pm, 0, x + wn + pad,
			    y - pad - (double)lj * lh, lh);
			paraf_frames(L, x, y, rh, wn, wj, wp);
		}
		layout_line_free(&pn);
		layout_line_free(&pj);
		layout_line_free(&pm);
		y -= rh;
	}
	return top - y;
}

/* The paraf table th high and pw wide, once the signature block above it
 * was set from ytop down to L->y: beside it, its foot level with the
 * NIP's, or under it. */
static void
place_paraf(struct lay *L, const struct block *b, double pw, double th,
    int beside, double ytop)
{
	if (beside) {
		double top = L->y + th < ytop ? L->y + th : ytop;

		paraf_table(L, b, L->left, pw, top, 1);
		if (top - th < L->y)
			L->y = top - th;
	} else {
		L->y -= L->lh;
		paraf_table(L, b, L->left, pw, L->y, 1);
		L->y -= th;
	}
}

struct sig_line {
	char		*t;		/* WinAnsi (owned) */
	size_t		 len;
	unsigned	 flags;		/* RUN_BOLD for the name */
	int		 is_jabatan;
};

/*
 * The lines of a signature block into line[SIG_MAX_LINES]: place and date,
 * the jabatan lines, `blank` empty lines (room to sign and stamp; at most
 * SIG_MAX_BLANK), then name, rank and NIP.  Returns their number; *nb0 is
 * the first empty line's index.
 */
static size_t
sig_lines(const struct block *b, struct sig_line *line, size_t blank, size_t *nb0)
{
	size_t i, n = 0;

	if (blank > SIG_MAX_BLANK)
		blank = SIG_MAX_BLANK;
	for (i = 0; i < b->nkv && n < SIG_MAX_LINES - 4 - blank; i++) {
		const char *key = b->kv[i].key;

		if (strcmp(key, "tempat_tanggal") == 0 || strcmp(key, "jabatan") == 0) {
			lay_winansi_dup(b->kv[i].value, &line[n].t, &line[n].len);
			line[n].is_jabatan = strcmp(key, "jabatan") == 0;
			line[n++].flags = 0;
		}
	}
	*nb0 = n;
	for (i = 0; i < blank; i++) {
		line[n].t = xstrdup("");
		line[n].len = 0;
		line[n].is_jabatan = 0;
		line[n++].flags = 0;
	}
	for (i = 0; i < b->nkv && n < SIG_MAX_LINES; i++) {
		const char *key = b->kv[i].key;
		char *v = NULL;

		if (strcmp(key, "nama") == 0 || strcmp(key, "pangkat") == 0)
			v = xstrdup(b->kv[i].value);
		else if (strcmp(key, "nip") == 0)
			v = xasprintf("NIP %s", b->kv[i].value);
		else
			continue;
		lay_winansi_dup(v, &line[n].t, &line[n].len);
		line[n].is_jabatan = 0;
		line[n++].flags = strcmp(key, "nama") == 0 ? RUN_BOLD : 0;
		free(v);
	}
	return n;
}

static void
lay_signature(struct lay *L, const struct block *b)
{
	struct sig_line line[SIG_MAX_LINES];
	struct lb_para p[SIG_MAX_LINES];
	struct lb_opts o;
	size_t i, k, n, nl = 0, nb0;
	double size = L->st->body_size_pt, lh = L->lh, x0, h, colw;
	double pw = 0, th = 0, ytop, yblank = 0;
	int blank = 4, beside = 0;
	const char *qr = blocks_kv(b, "verifikasi");

	/* signed electronically: room for the signing application's stamp */
	if (blocks_kv(b, "tte") != NULL && layout_tte_blank_lines(L) > (size_t)blank)
		blank = layout_tte_blank_lines(L) < SIG_MAX_BLANK ?
		    (int)layout_tte_blank_lines(L) : SIG_MAX_BLANK;
	n = sig_lines(b, line, (size_t)blank, &nb0);
	/*
	 * Each line centred in a column at the right margin: the right half,
	 * widened (up to the text width) so that the place and date, the
	 * name, the rank and the NIP stay on one line each; a long position
	 * (jabatan) wraps within the column.
	 */
	colw = L->tw / 2;
	if (blocks_kv(b, "tte") != NULL && colw < TTE_AREA_W_MM * PT_PER_MM)
		colw = TTE_AREA_W_MM * PT_PER_MM < L->tw ? TTE_AREA_W_MM * PT_PER_MM :
		    L->tw;
	for (i = 0; i < n; i++) {
		double w;

		if (line[i].len == 0 || line[i].is_jabatan)
			continue;
		w = metrics_width(L->m, layout_line_font(line[i].flags),
		    line[i].t, line[i].len, size);
		if (w > colw)
			colw = w < L->tw ? w : L->tw;
	}
	lay_opts(L, &o, size, colw, LB_CENTER);
	o.hyph = NULL;
	for (i = 0; i < n; i++) {
		struct run r;

		memset(&r, 0, sizeof(r));
		r.text = line[i].t;
		r.len = line[i].len;
		r.flags = line[i].flags;
		memset(&p[i], 0, sizeof(p[i]));
		layout_line_set(&p[i], &r, 1, &o);
		nl += p[i].nline > 0 ? p[i].nline : 1;
	}
	/* a draft's paraf table: beside the block at the left when it fits,
	 * else under it */
	if (blocks_kv(b, "paraf") != NULL) {
		pw = L->tw - colw - PARAF_GAP_PT;
		beside = pw >= PARAF_MIN_MM * PT_PER_MM;
		if (!beside)
			pw = L->tw / 2 > PARAF_MIN_MM * PT_PER_MM ? L->tw / 2 : L->tw;
		th = paraf_table(L, b, L->left, pw, 0, 0);
	}
	h = (double)nl * lh + lh;
	if (th > 0 && beside && th + lh > h)
		h = th + lh;
	else if (th > 0 && !beside)
		h += th + lh;
	lay_start(L);
	if (L->used && L->y - h < L->bottom)
		lay_new_page(L);
	L->y -= lh;
	ytop = L->y;
	x0 = L->right - colw;
	for (i = 0; i < n; i++) {
		if (i == nb0)
			yblank = L->y;
		for (k = 0; k < p[i].nline; k++) {
			const struct lb_line *ln = &p[i].line[k];
			double asc = L->m->ascent / 1000.0 * size;
			double desc = -L->m->descent / 1000.0 * size;
			double base = L->y - (lh - asc - desc) / 2 - asc;

			lay_emit_line(L, &p[i], k, x0, L->y, lh, size);
			if ((line[i].flags & RUN_BOLD) && ln->nseg > 0) {
				/* the name is underlined */
				page_add_rule(lay_page(L),
				    x0 + p[i].seg[ln->seg0].x, base - 2,
				    ln->width, 0, 0.75);
			}
			L->y -= lh;
		}
		if (p[i].nline == 0)
			L->y -= lh;
		layout_line_free(&p[i]);
		free(line[i].t);
	}
	if (th > 0)
		place_paraf(L, b, pw, th, beside, ytop);
	/* the verification address's QR code beside the stamp area, centred
	 * on it; at the left margin when the column is too wide for that (the
	 * stamp, centred in the column, stays clear of it) */
	if (qr != NULL)
		layout_tte_qr(L, qr, x0 - L->left >= (TTE_QR_MM + TTE_QR_GAP_MM) *
		    PT_PER_MM ? x0 - TTE_QR_GAP_MM * PT_PER_MM : L->left +
		    TTE_QR_MM * PT_PER_MM, yblank - ((double)blank * lh -
		    TTE_QR_MM * PT_PER_MM) / 2);
	L->used = 1;
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static long long
days_from_civil(long long y, unsigned m, unsigned d)
{
	long long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long long)doe - 719468;
}

static void
set_meta(char **dst, const char *v)
{
	if (v == NULL)
		return;
	free(*dst);
	*dst = xstrdup(v);
}

static void
lay_meta(struct lay *L, const struct block *b)
{
	struct doc_meta *m = &L->d->meta;
	const char *lang = blocks_kv(b, "bahasa"), *t = blocks_kv(b, "tanggal");
	int y, mo, d;

	set_meta(&m->title, blocks_kv(b, "judul"));
	set_meta(&m->author, blocks_kv(b, "penulis"));
	set_meta(&m->subject, blocks_kv(b, "subjek"));
	set_meta(&m->keywords, blocks_kv(b, "kata_kunci"));
	if (lang != NULL)
		set_meta(&m->lang, strcmp(lang, "en") == 0 ? "en-US" : "id-ID");
	if (t != NULL && sscanf(t, "%4d-%2d-%2d", &y, &mo, &d) == 3 &&
	    mo >= 1 && mo <= 12 && d >= 1 && d <= 31)
		m->date = days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400;
}

static void
lay_directive(struct lay *L, const struct block *b)
{
	const char *n = b->name;

	if (strcmp(n, "sampul") == 0)
		lay_cover(L, b);
	else if (strcmp(n, "halaman-baru") == 0)
		lay_break(L);
	else if (strcmp(n, "mulai-isi") == 0) {
		L->have_body = 1;
		if (L->d->npage == 0 || L->need_page || L->used) {
			lay_break(L);
			L->body_pending = 1;
		} else
			L->d->body_start = L->d->npage - 1;
	} else if (strcmp(n, "daftar-isi") == 0)
		layout_toc_place(L, &L->toc, blocks_kv(b, "judul") ?
		    blocks_kv(b, "judul") : "DAFTAR ISI");
	else if (strcmp(n, "daftar-tabel") == 0)
		layout_toc_place(L, &L->tables, blocks_kv(b, "judul") ?
		    blocks_kv(b, "judul") : "DAFTAR TABEL");
	else if (strcmp(n, "daftar-gambar") == 0) {
		/* printed only when the document has figures */
		if (L->figures.n > 0)
			layout_toc_place(L, &L->figures, blocks_kv(b, "judul") ?
			    blocks_kv(b, "judul") : "DAFTAR GAMBAR");
	} else if (strcmp(n, "tanda-tangan") == 0)
		lay_signature(L, b);
	else if (strcmp(n, "mulai-lampiran") == 0)
		L->appendix = b;
	else if (strcmp(n, "meta") == 0)
		lay_meta(L, b);
	/* konsep was read before the first page */
}

static void
lay_blocks(struct lay *L, const struct block *parent, const struct ctx *c)
{
	const struct block *b;
	struct ctx qc;

	for (b = parent->first; b != NULL && !L->too_long; b = b->next) {
		switch (b->type) {
		case BLK_PARAGRAPH:
			if (b->is_caption) {
				landscape_for(L, b, c);
				lay_caption(L, b, c);
			} else
				lay_para(L, b, c);
			break;
		case BLK_HEADING:
			landscape_for(L, b, c);
			lay_heading(L, b, c);
			break;
		case BLK_LIST:
			lay_list(L, b, c);
			break;
		case BLK_ITEM:
		case BLK_DOCUMENT:
			lay_blocks(L, b, c);
			break;
		case BLK_QUOTE:
			qc = *c;
			qc.left += QUOTE_INDENT_MM * PT_PER_MM;
			qc.right += QUOTE_INDENT_MM * PT_PER_MM;
			qc.in_body = 0;
			lay_blocks(L, b, &qc);
			break;
		case BLK_CODE:
			lay_code(L, b, c);
			break;
		case BLK_THEMATIC:
			lay_rule(L, c);
			break;
		case BLK_TABLE:
			landscape_for(L, b, c);
			lay_start(L);
			/* set off from a paragraph above, like a caption */
			if (L->used && b->caption == NULL && b->prev != NULL &&
			    b->prev->type != BLK_HEADING && !is_kind(b->prev))
				L->y -= L->lh / 2;
			layout_table(L, b, L->left + c->left,
			    L->tw - c->left - c->right);
			L->y -= L->st->paragraph_space_pt;
			/* what follows is portrait again, on a new page */
			lay_landscape(L, 0);
			break;
		case BLK_DIRECTIVE:
			lay_directive(L, b);
			break;
		case BLK_FIGURE:
			layout_figure(L, b);
			break;
		case BLK_ROW:
		case BLK_CELL:
		case BLK_FOOTNOTE:	/* at the foot of the page citing it */
			break;
		}
	}
}

/* ---- page numbers ---- */

static void
page_numbers(struct lay *L)
{
	size_t i;
	double size = L->st->body_size_pt;

	if (L->st->pagenum == PAGENUM_NONE)
		return;
	for (i = 0; i < L->d->npage; i++) {
		char lab[32], txt[40];
		double w, x, y;

		if (L->nonum[i])
			continue;
		/* a landscape page's number as the reader holds it */
		lay_orient(L, L->d->page[i].width_pt != L->d->width_pt);
		layout_page_label(L->d, i, lab, sizeof(lab));
		if (L->st->pagenum == PAGENUM_TOP_CENTER) {
			/* naskah dinas: none on the first page */
			if (i == L->d->body_start)
				continue;
			snprintf(txt, sizeof(txt), "- %s -", lab);
		} else
			snprintf(txt, sizeof(txt), "%s", lab);
		w = metrics_width(L->m, FONT_REGULAR, txt, strlen(txt), size);
		if (L->st->pagenum == PAGENUM_BOTTOM_RIGHT)
			x = L->right - w;
		else
			x = L->left + (L->tw - w) / 2;
		if (L->st->pagenum == PAGENUM_TOP_CENTER)
			y = L->ph - (L->ph - L->top) / 2 - size / 2;
		else
			y = L->margin_b / 2;
		page_add_text(&L->d->page[i], x, y, FONT_REGULAR, size, txt,
		    strlen(txt));
	}
	lay_orient(L, 0);
}

/* The draft mark and header, from a rencana-konsep anywhere at top level. */
static void
find_draft(struct lay *L, const struct block *doc)
{
	const struct block *b;

	for (b = doc->first; b != NULL; b = b->next) {
		const char *t, *k;

		if (b->type != BLK_DIRECTIVE || strcmp(b->name, "konsep") != 0)
			continue;
		t = blocks_kv(b, "teks");
		if (t == NULL)
			t = L->st->draft_word != NULL ? L->st->draft_word : "KONSEP";
		k = blocks_kv(b, "kepala");
		free(L->mark);
		free(L->kepala);
		L->kepala = NULL;
		lay_winansi_dup(t, &L->mark, &L->marklen);
		if (k != NULL)
			lay_winansi_dup(k, &L->kepala, &L->kepalalen);
		L->draft = 1;
	}
}

struct doc_pages *
layout_run(const struct block *doc, const struct style *st,
    const struct metrics *m, const char *basedir, struct diag_list *dl)
{
	struct lay L;
	struct ctx c;

	memset(&L, 0, sizeof(L));
	L.st = st;
	L.m = m;
	L.basedir = basedir;
	L.dl = dl;
	lay_orient(&L, 0);
	L.lh = lay_line_height(&L, st->body_size_pt, 0);
	L.d = doc_pages_new(L.pw, L.ph);
	if (st->hyphenate) {
		/* the style's exceptions are UTF-8; the hyphenator reads WinAnsi */
		char **exc = xcalloc(st->nhyph_exceptions + 1, sizeof(*exc));
		size_t i, n;

		for (i = 0; i < st->nhyph_exceptions; i++)
			exc[i] = winansi_from_utf8(st->hyph_exceptions[i],
			    strlen(st->hyph_exceptions[i]), &n, NULL);
		L.hy = hyph_new((const char *const *)exc, st->nhyph_exceptions);
		L.hmemo = lay_memo_new(L.hy);
		for (i = 0; i < st->nhyph_exceptions; i++)
			free(exc[i]);
		free(exc);
	}
	find_draft(&L, doc);
	layout_tte_find(&L, doc);
	layout_toc_collect(&L, doc);
	memset(&c, 0, sizeof(c));
	c.in_body = 1;
	lay_notes_start(&L, doc);
	lay_blocks(&L, doc, &c);
	if (!L.turned)
		lay_start(&L);		/* at least one page */
	lay_notes_end(&L);
	if (!L.have_body)
		L.d->body_start = 0;
	else if (L.body_pending)	/* mulai-isi at the very end */
		L.d->body_start = L.d->npage;
	layout_toc_fill(&L);
	page_numbers(&L);
	layout_tte_footer(&L);
	doc_pages_trim(L.d);
	layout_tte_free(&L);
	layout_toc_free(&L);
	layout_table_free(&L);
	lay_memo_free(L.hmemo);
	hyph_free(L.hy);
	free(L.nonum);
	free(L.mark);
	free(L.kepala);
	return L.d;
}
