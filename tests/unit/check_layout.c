/* rencana: unit tests of the block tree (blocks.c) and layout (layout*.c),
 * with fake metrics: every glyph 500/1000 em, so 5 pt at 10 pt, 6 pt at 12. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "blocks.h"
#include "buf.h"
#include "diag.h"
#include "layout.h"
#include "layout_hyph.h"
#include "layout_int.h"
#include "page.h"
#include "style.h"

static struct metrics M;

static void
setup(void)
{
	metrics_fake(&M, 500);
}

/* ---- helpers ---- */

/* Seconds allowed for a timed case: 50 times more under valgrind. */
static double
time_limit(double secs)
{
	const char *pre = getenv("LD_PRELOAD");

	if (pre != NULL && strstr(pre, "vgpreload") != NULL)
		return 50 * secs;
	return secs;
}

static struct run *
one_run(const char *s)
{
	static struct run r;

	r.text = (char *)s;
	r.len = strlen(s);
	r.flags = 0;
	return &r;
}

static void
opts(struct lb_opts *o, double width, enum lb_align a)
{
	memset(o, 0, sizeof(*o));
	o->m = &M;
	o->size_pt = 10;
	o->width = width;
	o->align = a;
}

/* The text of line l (segments joined). */
static char *
line_text(const struct lb_para *p, size_t l)
{
	struct buf b = BUF_INIT;
	size_t s;

	for (s = p->line[l].seg0; s < p->line[l].seg0 + p->line[l].nseg; s++)
		buf_put(&b, p->out + p->seg[s].off, p->seg[s].len);
	buf_putc(&b, 0);
	return buf_detach(&b);
}

static void
expect_lines(const struct lb_para *p, const char *const *want, size_t n)
{
	size_t i;

	ck_assert_uint_eq(p->nline, n);
	for (i = 0; i < n; i++) {
		char *t = line_text(p, i);

		ck_assert_str_eq(t, want[i]);
		free(t);
	}
}

/* Hyphenates every word of 6+ letters in its middle (a fake hyph_word). */
static size_t
fake_hyph(const void *ctx, const char *w, size_t n, unsigned char *brk)
{
	(void)ctx;
	(void)w;
	memset(brk, 0, n);
	if (n < 6)
		return 0;
	brk[n / 2] = 1;
	return 1;
}

static struct doc_pages *
lay_md(const char *md, struct style *st, struct diag_list *dl)
{
	struct block *doc = blocks_from_markdown(md, strlen(md), "t.md", dl);
	struct doc_pages *d;

	st->hyphenate = 0;
	d = layout_run(doc, st, &M, ".", dl);
	blocks_free(doc);
	return d;
}

/* Page index (from 0) of the first text box equal to s, or -1. */
static long
page_of(const struct doc_pages *d, const char *s)
{
	size_t i, j;

	for (i = 0; i < d->npage; i++)
		for (j = 0; j < d->page[i].nbox; j++) {
			const struct box *b = &d->page[i].box[j];

			if (b->type == BOX_TEXT && b->len == strlen(s) &&
			    memcmp(b->text, s, b->len) == 0)
				return (long)i;
		}
	return -1;
}

/* A paragraph of n lines set with hard breaks: "PFX1\\\nPFX2 ...". */
static void
hard_para(struct buf *b, const char *pfx, int n)
{
	int i;

	for (i = 1; i <= n; i++)
		buf_printf(b, "%s%d%s\n", pfx, i, i < n ? "\\" : "");
	buf_puts(b, "\n");
}

/* ---- line breaking ---- */

START_TEST(test_exact_breaks)
{
	static const char *const want[] = { "aaa bbb", "ccc ddd", "eee" };
	struct lb_opts o;
	struct lb_para p;

	memset(&p, 0, sizeof(p));
	opts(&o, 40, LB_LEFT);		/* 8 glyphs */
	layout_line_set(&p, one_run("aaa bbb ccc ddd eee"), 1, &o);
	expect_lines(&p, want, 3);
	ck_assert(p.seg[0].x == 0);
	ck_assert(p.line[0].width == 35);
	layout_line_free(&p);
}
END_TEST

START_TEST(test_justified_word_space)
{
	struct lb_opts o;
	struct lb_para p;

	memset(&p, 0, sizeof(p));
	opts(&o, 40, LB_JUSTIFY);
	layout_line_set(&p, one_run("aaa bbb ccc ddd eee"), 1, &o);
	ck_assert_uint_eq(p.nline, 3);
	/* "aaa bbb" is 35 pt in 40: the one space and the letter spacing
	 * between the six letters (five gaps: the space's own is in ws)
	 * take 5 pt more, in step */
	ck_assert(p.seg[0].cs > 0 && p.seg[0].ws > p.seg[0].cs);
	ck_assert(p.seg[0].ws + 5 * p.seg[0].cs > 4.999 &&
	    p.seg[0].ws + 5 * p.seg[0].cs < 5.001);
	ck_assert(p.line[0].width > 39.999 && p.line[0].width < 40.001);
	ck_assert(p.seg[p.line[2].seg0].ws == 0);	/* last line ragged */
	layout_line_free(&p);
}
END_TEST

START_TEST(test_total_fit_beats_greedy)
{
	/* Width 20.4 glyphs (102 pt).  First fit at natural width takes
	 * "aa bbbb cccc ddddd" (18: three spaces stretched by 4 pt each,
	 * ratio 1.6, past the first pass's 1).  Total fit shrinks four
	 * spaces a little to take "ee" too (105 in 102 pt: each space 0.75
	 * pt less, of the 1 pt (1/5) it may shrink, ratio -0.75). */
	static const char *const want[] = { "aa bbbb cccc ddddd ee",
	    "ffffffff ggg hh" };
	struct lb_opts o;
	struct lb_para p;

	memset(&p, 0, sizeof(p));
	opts(&o, 102, LB_JUSTIFY);
	layout_line_set(&p, one_run("aa bbbb cccc ddddd ee ffffffff ggg hh"), 1, &o);
	expect_lines(&p, want, 2);
	ck_assert(p.seg[0].ws < 0 && p.seg[0].ws > -1.0001);
	layout_line_free(&p);
}
END_TEST

START_TEST(test_hyphen_only_when_it_helps)
{
	static const char *const fits[] = { "abcdefgh ijklmnop", "qrstuvwx" };
	static const char *const needs[] = { "xx abcd-", "efgh yy" };
	struct lb_opts o;
	struct lb_para p;

	memset(&p, 0, sizeof(p));
	opts(&o, 85, LB_JUSTIFY);	/* 17 glyphs: a perfect fit */
	o.hyph = fake_hyph;
	layout_line_set(&p, one_run("abcdefgh ijklmnop qrstuvwx"), 1, &o);
	expect_lines(&p, fits, 2);
	ck_assert_int_eq(p.line[0].hyphen, 0);

	/* 8 glyphs: "xx" alone would be far too loose */
	opts(&o, 40, LB_JUSTIFY);
	o.hyph = fake_hyph;
	layout_line_set(&p, one_run("xx abcdefgh yy"), 1, &o);
	expect_lines(&p, needs, 2);
	ck_assert_int_eq(p.line[0].hyphen, 1);
	layout_line_free(&p);
}
END_TEST

START_TEST(test_no_fragment_alone_on_last_line)
{
	/* The last word of a justified paragraph offers no hyphen: at this
	 * width (19 glyphs) it would otherwise give "... ee abcd-" / "efgh". */
	static const char *const last[] = { "aa bb cc dd ee", "abcdefgh" };
	/* Without the final-hyphen demerits this width (110.2 pt) gives
	 * "aa bb cc dd ee abcd-" / "efgh yy zz" (ratio 0.82, 5558 demerits
	 * against 8010 for shrinking the whole word in, ratio -0.96); with
	 * them the next-to-last line keeps its word whole. */
	static const char *const pen[] = { "aa bb cc dd ee abcdefgh", "yy zz" };
	struct lb_opts o;
	struct lb_para p;

	memset(&p, 0, sizeof(p));
	opts(&o, 95, LB_JUSTIFY);
	o.hyph = fake_hyph;
	layout_line_set(&p, one_run("aa bb cc dd ee abcdefgh"), 1, &o);
	expect_lines(&p, last, 2);
	ck_assert_int_eq(p.line[0].hyphen, 0);

	opts(&o, 110.2, LB_JUSTIFY);
	o.hyph = fake_hyph;
	layout_line_set(&p, one_run("aa bb cc dd ee abcdefgh yy zz"), 1, &o);
	expect_lines(&p, pen, 2);
	ck_assert_int_eq(p.line[0].hyphen, 0);
	layout_line_free(&p);
}
END_TEST

START_TEST(test_overlong_word)
{
	char *w = malloc(10001);
	struct lb_opts o;
	struct lb_para p;
	size_t i;

	memset(w, 'a', 10000);
	w[10000] = '\0';
	memset(&p, 0, sizeof(p));
	opts(&o, 50, LB_JUSTIFY);	/* 10 glyphs a line */
	layout_line_set(&p, one_run(w), 1, &o);
	ck_assert_uint_eq(p.nline, 1000);
	for (i = 0; i < p.nline; i++)
		ck_assert(p.line[i].width <= 50.0001);
	layout_line_free(&p);
	free(w);
}
END_TEST

START_TEST(test_huge_paragraph_linear)
{
	struct buf b = BUF_INIT;
	struct lb_opts o;
	struct lb_para p;
	clock_t t0;
	double secs;
	size_t i, total = 0;

	for (i = 0; i < 100000; i++)
		buf_puts(&b, i % 7 == 0 ? "pembangunan " : i % 3 ? "dan " : "daerah ");
	memset(&p, 0, sizeof(p));
	opts(&o, 450, LB_JUSTIFY);
	o.hyph = fake_hyph;
	t0 = clock();
	layout_line_set(&p, one_run(buf_str(&b)), 1, &o);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	ck_assert_msg(secs < time_limit(2.0), "10^5 words took %.2f s", secs);
	for (i = 0; i < p.nline; i++)
		total += p.line[i].nseg;
	ck_assert_uint_gt(p.nline, 5000);
	ck_assert_uint_ge(total, p.nline);
	layout_line_free(&p);
	buf_free(&b);
}
END_TEST

/* Best of three runs of setting `words` words, in seconds. */
static double
time_words(size_t words)
{
	struct buf b = BUF_INIT;
	struct lb_opts o;
	struct lb_para p;
	double best = 1e9;
	size_t i;
	int k;

	for (i = 0; i < words; i++)
		buf_puts(&b, i % 5 == 0 ? "kesejahteraan " : "dan ");
	opts(&o, 450, LB_JUSTIFY);
	o.hyph = fake_hyph;
	for (k = 0; k < 3; k++) {
		clock_t t0 = clock();
		double t;

		memset(&p, 0, sizeof(p));
		layout_line_set(&p, one_run(buf_str(&b)), 1, &o);
		t = (double)(clock() - t0) / CLOCKS_PER_SEC;
		if (t < best)
			best = t;
		layout_line_free(&p);
	}
	buf_free(&b);
	return best;
}

START_TEST(test_line_breaking_scales_linearly)
{
	/* 8 times the words: linear takes ~8 times as long, quadratic 64 */
	double a = time_words(12500), b = time_words(100000);

	ck_assert_msg(b < 20 * (a > 1e-3 ? a : 1e-3),
	    "12,500 words %.4f s, 100,000 words %.4f s", a, b);
}
END_TEST

START_TEST(test_fonts_within_line)
{
	struct run r[3] = {
		{ (char *)"a ", 2, 0, 0, NULL },
		{ (char *)"bold", 4, 0, RUN_BOLD, NULL },
		{ (char *)" c", 2, 0, RUN_ITALIC, NULL }
	};
	struct lb_opts o;
	struct lb_para p;

	memset(&p, 0, sizeof(p));
	opts(&o, 100, LB_LEFT);
	layout_line_set(&p, r, 3, &o);
	ck_assert_uint_eq(p.nline, 1);
	ck_assert_uint_eq(p.line[0].nseg, 3);
	ck_assert_int_eq(p.seg[1].font, FONT_BOLD);
	ck_assert(p.seg[1].x == 10);
	ck_assert_int_eq(p.seg[2].font, FONT_ITALIC);
	ck_assert(p.seg[2].x == 35);	/* "bold " */
	layout_line_free(&p);
}
END_TEST

/* ---- blocks ---- */

START_TEST(test_blocks_directive_caption_table)
{
	static const char md[] =
	    "```rencana-tanda-tangan\n"
	    "tempat_tanggal: Mataram, 1 Mei 2027\n"
	    "jabatan: KEPALA,\n"
	    "jabatan: SELAKU PEJABAT,\n"
	    "\n"
	    "nama: Ahmad\n"
	    "```\n"
	    "\n"
	    "Table: Kondisi *pegawai*\n"
	    "\n"
	    "| A | B | C |\n"
	    "|:--|:-:|--:|\n"
	    "| x | y | 1 |\n";
	struct diag_list dl;
	struct block *doc, *d, *cap, *t;

	diag_init(&dl);
	doc = blocks_from_markdown(md, strlen(md), "t.md", &dl);
	ck_assert_uint_eq(dl.n, 0);
	ck_assert_int_eq(blocks_check(doc), 0);
	d = doc->first;
	ck_assert_int_eq(d->type, BLK_DIRECTIVE);
	ck_assert_str_eq(d->name, "tanda-tangan");
	ck_assert_uint_eq(d->nkv, 4);
	ck_assert_str_eq(d->kv[1].key, "jabatan");
	ck_assert_str_eq(d->kv[2].value, "SELAKU PEJABAT,");
	ck_assert_int_eq(d->kv[3].line, 6);
	cap = d->next;
	ck_assert_int_eq(cap->is_caption, 1);
	/* the marker is gone, the rest kept */
	ck_assert_uint_eq(cap->nrun, 2);
	ck_assert_str_eq(cap->run[0].text, "Kondisi ");
	ck_assert_str_eq(cap->run[1].text, "pegawai");
	t = cap->next;
	ck_assert_int_eq(t->type, BLK_TABLE);
	ck_assert_ptr_eq(t->caption, cap);
	ck_assert_int_eq(t->ncols, 3);
	ck_assert_int_eq(t->align[0], ALIGN_LEFT);
	ck_assert_int_eq(t->align[1], ALIGN_CENTER);
	ck_assert_int_eq(t->align[2], ALIGN_RIGHT);
	ck_assert_int_eq(t->first->header, 1);
	ck_assert_int_eq(t->first->next->header, 0);
	ck_assert_str_eq(t->last->last->run[0].text, "1");
	blocks_free(doc);
	diag_free(&dl);
}
END_TEST

START_TEST(test_blocks_heading_breaks_and_charset)
{
	/* an arrow (outside WinAnsi), an em dash, and U+4E00 (CJK), which
	 * fake metrics lack */
	static const char md[] = "BAB I\\\nPENDAHULUAN\n===\n\nrumah \xe2\x86\x92 "
	    "kota \xe2\x80\x94 x\n\nlalu \xe4\xb8\x80 di sini\n";
	static const char *const fonts[FONT__COUNT] = { "R.ttf", "B.ttf",
	    "I.ttf", "BI.ttf" };
	struct diag_list dl;
	struct metrics m;
	struct block *doc, *h;

	diag_init(&dl);
	metrics_fake(&m, 500);
	doc = blocks_from_template_fonts(md, strlen(md), "t.md", NULL, 0, NULL,
	    0, &m, fonts, &dl);
	h = doc->first;
	ck_assert_int_eq(h->type, BLK_HEADING);
	ck_assert_int_eq(h->level, 1);
	ck_assert_uint_eq(h->nrun, 3);
	ck_assert_uint_eq(h->run[1].flags, RUN_BREAK);
	/* the text stays UTF-8; only the character the fonts lack is an
	 * error, at its line, naming the font */
	ck_assert_uint_eq(dl.n, 1);
	ck_assert_int_eq(dl.v[0].code, D_MD_CHARSET);
	ck_assert_int_eq(dl.v[0].line, 7);
	ck_assert_ptr_nonnull(strstr(dl.v[0].msg, "U+4E00"));
	ck_assert_ptr_nonnull(strstr(dl.v[0].msg, "`R.ttf`"));
	ck_assert_str_eq(h->next->run[0].text,
	    "rumah \xe2\x86\x92 kota \xe2\x80\x94 x");
	blocks_free(doc);
	/* without fonts nothing is checked */
	diag_free(&dl);
	diag_init(&dl);
	doc = blocks_from_markdown(md, strlen(md), "t.md", &dl);
	ck_assert_uint_eq(dl.n, 0);
	blocks_free(doc);
	diag_free(&dl);
}
END_TEST

/* Capitals of UTF-8 text (headings): WinAnsi's pairs and the Latin,
 * Greek and Cyrillic letters beyond, in place. */
START_TEST(test_upper_utf8)
{
	/* đặng çağlar łódź œuvre ÿ ωж ı */
	char s[] = "\xc4\x91\xe1\xba\xb7ng \xc3\xa7" "a\xc4\x9flar "
	    "\xc5\x82\xc3\xb3" "d\xc5\xba \xc5\x93uvre \xc3\xbf "
	    "\xcf\x89\xd0\xb6 \xc4\xb1";

	layout_line_upper_utf8(s, strlen(s));
	/* ĐẶNG ÇAĞLAR ŁÓDŹ ŒUVRE Ÿ ΩЖ ı (the dotless i's capital is
	 * ASCII: kept) */
	ck_assert_str_eq(s, "\xc4\x90\xe1\xba\xb6NG \xc3\x87" "A\xc4\x9eLAR "
	    "\xc5\x81\xc3\x93" "D\xc5\xb9 \xc5\x92UVRE \xc5\xb8 "
	    "\xce\xa9\xd0\x96 \xc4\xb1");
}
END_TEST

START_TEST(test_blocks_depth_cap)
{
	struct buf b = BUF_INIT;
	struct diag_list dl;
	struct block *doc;
	int i;

	for (i = 0; i < 40; i++)
		buf_puts(&b, ">");
	buf_puts(&b, " deep\n");
	diag_init(&dl);
	doc = blocks_from_markdown(b.data, b.len, "t.md", &dl);
	ck_assert_uint_eq(dl.n, 1);
	ck_assert_int_eq(dl.v[0].code, D_MD_DEPTH);
	ck_assert_int_eq(blocks_check(doc), 0);
	blocks_free(doc);
	diag_free(&dl);
	buf_free(&b);
}
END_TEST

/* ---- tables ---- */

START_TEST(test_table_widths)
{
	static const char md[] =
	    "| No | Uraian kegiatan |\n|---|---|\n| 1 | pelatihan |\n";
	struct diag_list dl;
	struct block *doc;
	struct style st;
	struct lay L;
	double w[2];

	diag_init(&dl);
	style_default(&st);
	doc = blocks_from_markdown(md, strlen(md), NULL, &dl);
	memset(&L, 0, sizeof(L));
	L.st = &st;
	L.m = &M;
	/* table text 10 pt: 5 pt a glyph; padding 3 pt each side.
	 * max: "No" 10+6=16, "Uraian kegiatan" 75+6=81; 97 pt in all */
	layout_table_widths(&L, doc->first, 194, w);	/* room for twice the maxima */
	ck_assert_double_eq_tol(w[0], 32, 1e-9);
	ck_assert_double_eq_tol(w[1], 162, 1e-9);
	/* 60 pt: minima 16 and 51 ("kegiatan", "pelatihan" 45+6) do not
	 * fit: shared in proportion to the minima */
	layout_table_widths(&L, doc->first, 67, w);
	ck_assert_double_eq_tol(w[0], 16, 1e-9);
	ck_assert_double_eq_tol(w[1], 51, 1e-9);
	/* 81: minima fit (67); the 14 spare go to column 2 (max - min 30) */
	layout_table_widths(&L, doc->first, 81, w);
	ck_assert_double_eq_tol(w[0], 16, 1e-9);
	ck_assert_double_eq_tol(w[1], 65, 1e-9);
	blocks_free(doc);
	style_free(&st);
	diag_free(&dl);
}
END_TEST

START_TEST(test_table_header_repeated)
{
	struct buf b = BUF_INIT;
	struct diag_list dl;
	struct style st;
	struct doc_pages *d;
	size_t i, j;
	int rows = 0;

	buf_puts(&b, "| No | Nama |\n|---:|---|\n");
	for (i = 0; i < 120; i++)
		buf_printf(&b, "| %zu | pegawai %zu |\n", i + 1, i + 1);
	diag_init(&dl);
	style_default(&st);
	d = lay_md(b.data, &st, &dl);
	ck_assert_uint_ge(d->npage, 3);
	for (i = 0; i < d->npage; i++) {
		int head = 0;

		for (j = 0; j < d->page[i].nbox; j++) {
			const struct box *x = &d->page[i].box[j];

			if (x->type == BOX_TEXT && x->font == FONT_BOLD &&
			    strcmp(x->text, "No") == 0)
				head++;
			if (x->type == BOX_TEXT && strncmp(x->text, "pegawai", 7) == 0)
				rows++;
		}
		ck_assert_int_eq(head, 1);
	}
	ck_assert_int_eq(rows, 120);
	doc_pages_free(d);
	style_free(&st);
	diag_free(&dl);
	buf_free(&b);
}
END_TEST

START_TEST(test_table_10k_rows_linear)
{
	struct buf b = BUF_INIT;
	struct diag_list dl;
	struct style st;
	struct doc_pages *d;
	clock_t t0;
	double secs;
	size_t i;

	buf_puts(&b, "| No | Nama | Jumlah |\n|---|---|---:|\n");
	for (i = 0; i < 10000; i++)
		buf_printf(&b, "| %zu | unit kerja %zu | %zu |\n", i, i, i * 7);
	diag_init(&dl);
	style_default(&st);
	t0 = clock();
	d = lay_md(b.data, &st, &dl);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	ck_assert_msg(secs < time_limit(2.0), "10^4 rows took %.2f s", secs);
	ck_assert_uint_gt(d->npage, 100);
	doc_pages_free(d);
	style_free(&st);
	diag_free(&dl);
	buf_free(&b);
}
END_TEST


START_TEST(test_table_tall_row_split)
{
	struct buf b = BUF_INIT;
	struct diag_list dl;
	struct style st;
	struct doc_pages *d;
	size_t i, j;
	int lines = 0;

	/* one cell of 3000 words: about 200 lines of 11.5 pt, three pages */
	buf_puts(&b, "| No | Isi |\n|---|---|\n| 1 | ");
	for (i = 1; i <= 3000; i++)
		buf_printf(&b, "kata%zu ", i);
	buf_puts(&b, " |\n");
	diag_init(&dl);
	style_default(&st);
	d = lay_md(b.data, &st, &dl);
	ck_assert_uint_ge(d->npage, 3);
	for (i = 0; i < d->npage; i++) {
		int head = 0;

		for (j = 0; j < d->page[i].nbox; j++) {
			const struct box *x = &d->page[i].box[j];

			if (x->type != BOX_TEXT)
				continue;
			if (strcmp(x->text, "No") == 0)
				head++;
			else if (strncmp(x->text, "kata", 4) == 0) {
				lines++;
				ck_assert(x->y > 70.8);	/* above the bottom margin */
			}
		}
		ck_assert_int_eq(head, 1);
	}
	ck_assert_int_gt(lines, 150);
	doc_pages_free(d);
	style_free(&st);
	diag_free(&dl);
	buf_free(&b);
}
END_TEST

START_TEST(test_draft_mark_first_on_every_page)
{
	struct buf b = BUF_INIT;
	struct diag_list dl;
	struct style st;
	struct doc_pages *d;
	size_t i;

	buf_puts(&b, "```rencana-konsep\nkepala: KONSEP - versi 0.3\n```\n\n");
	hard_para(&b, "a", 80);
	diag_init(&dl);
	style_default(&st);
	d = lay_md(b.data, &st, &dl);
	ck_assert_uint_eq(d->npage, 3);
	for (i = 0; i < d->npage; i++) {
		const struct box *m = &d->page[i].box[0];

		ck_assert_str_eq(m->text, "KONSEP");	/* style.draft_word */
		ck_assert(m->angle_deg > 50 && m->angle_deg < 60);
		ck_assert(m->gray > 0.8 && m->alpha < 1);
		ck_assert_str_eq(d->page[i].box[1].text, "KONSEP - versi 0.3");
	}
	doc_pages_free(d);
	style_free(&st);
	diag_free(&dl);
	buf_free(&b);
}
END_TEST

/* ---- pagination ---- */

/* Body: 714.3 pt high, lines 20.7 pt: 34 lines a page; 6 pt after a paragraph. */

START_TEST(test_orphan_moves_paragraph)
{
	struct buf b = BUF_INIT;
	struct diag_list dl;
	struct style st;
	struct doc_pages *d;

	hard_para(&b, "a", 33);		/* leaves room for one line */
	hard_para(&b, "b", 4);
	diag_init(&dl);
	style_default(&st);
	d = lay_md(b.data, &st, &dl);
	ck_assert_int_eq(page_of(d, "a33"), 0);
	ck_assert_int_eq(page_of(d, "b1"), 1);
	doc_pages_free(d);
	style_free(&st);
	diag_free(&dl);
	buf_free(&b);
}
END_TEST

START_TEST(test_widow_avoided)
{
	struct buf b = BUF_INIT;
	struct diag_list dl;
	struct style st;
	struct doc_pages *d;

	hard_para(&b, "a", 31);		/* room for three lines */
	hard_para(&b, "b", 4);
	diag_init(&dl);
	style_default(&st);
	d = lay_md(b.data, &st, &dl);
	ck_assert_int_eq(page_of(d, "b2"), 0);
	ck_assert_int_eq(page_of(d, "b3"), 1);	/* two lines go over, not one */
	doc_pages_free(d);
	style_free(&st);
	diag_free(&dl);
	buf_free(&b);
}
END_TEST

START_TEST(test_heading_kept_with_next)
{
	struct buf b = BUF_INIT;
	struct diag_list dl;
	struct style st;
	struct doc_pages *d;

	hard_para(&b, "a", 32);
	buf_puts(&b, "## Judul\n\nisi\n");
	diag_init(&dl);
	style_default(&st);
	d = lay_md(b.data, &st, &dl);
	ck_assert_int_eq(page_of(d, "Judul"), 1);
	ck_assert_int_eq(page_of(d, "isi"), 1);
	ck_assert_uint_eq(d->noutline, 1);
	ck_assert_uint_eq(d->outline[0].page, 1);
	doc_pages_free(d);
	style_free(&st);
	diag_free(&dl);
	buf_free(&b);
}
END_TEST

START_TEST(test_signature_kept_together)
{
	struct buf b = BUF_INIT;
	struct diag_list dl;
	struct style st;
	struct doc_pages *d;

	hard_para(&b, "a", 30);
	buf_puts(&b, "```rencana-tanda-tangan\ntempat_tanggal: Mataram\n"
	    "jabatan: KEPALA,\nnama: Ahmad\npangkat: Pembina\nnip: 1970\n```\n");
	diag_init(&dl);
	style_default(&st);
	d = lay_md(b.data, &st, &dl);
	ck_assert_int_eq(page_of(d, "Mataram"), 1);
	ck_assert_int_eq(page_of(d, "Ahmad"), 1);
	ck_assert_int_eq(page_of(d, "NIP 1970"), 1);
	doc_pages_free(d);
	style_free(&st);
	diag_free(&dl);
	buf_free(&b);
}
END_TEST

START_TEST(test_signature_wraps_in_right_half)
{
	struct diag_list dl;
	struct style st;
	struct doc_pages *d;
	size_t j;
	int lines = 0;

	diag_init(&dl);
	style_default(&st);
	d = lay_md("```rencana-tanda-tangan\n"
	    "jabatan: KEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA,\n"
	    "nama: Ahmad\n```\n", &st, &dl);
	for (j = 0; j < d->page[0].nbox; j++) {
		const struct box *x = &d->page[0].box[j];

		if (x->type != BOX_TEXT || strcmp(x->text, "1") == 0)
			continue;
		/* right half: 311.8 .. 538.6 pt; 6 pt a glyph at 12 pt */
		ck_assert(x->x >= 311.8 - 1e-6);
		ck_assert(x->x + 6.0 * (double)x->len <= 538.6 + 1e-6);
		lines++;
	}
	ck_assert_int_eq(lines, 2 + 1);		/* jabatan wraps to two lines */
	doc_pages_free(d);
	style_free(&st);
	diag_free(&dl);
}
END_TEST

START_TEST(test_table_header_words_whole)
{
	static const char md[] =
	    "| Penanggung | Keterangan |\n|---|---|\n"
	    "| a | pengembangan kepegawaian berkelanjutan |\n";
	struct diag_list dl;
	struct block *doc;
	struct style st;
	struct lay L;
	double w[2];

	diag_init(&dl);
	style_default(&st);
	doc = blocks_from_markdown(md, strlen(md), NULL, &dl);
	memset(&L, 0, sizeof(L));
	L.st = &st;
	L.m = &M;
	L.hy = hyph_new(NULL, 0);
	/* 10 pt, 5 pt a glyph, 3 pt padding: whole words need 56 + 71 =
	 * 127 pt; with the body hyphenated 56 + 56 (the header words).  In
	 * 120 pt the header word "Penanggung" is not cut (to 52.9 at 10
	 * pt).  The text goes down to 9 pt (TABLE_TALL_PT: each half point
	 * makes this crowded table over 15% shorter), where the word needs
	 * 45 + 6 */
	layout_table_widths(&L, doc->first, 120, w);
	ck_assert(w[0] >= 51 - 1e-9);
	ck_assert_double_eq_tol(w[0] + w[1], 120, 1e-9);
	/* in 100 pt not even that fits at 10 pt: the text gets smaller
	 * (8.5 pt: 48.5 + 48.5) and the header words stay whole */
	layout_table_widths(&L, doc->first, 100, w);
	ck_assert_double_eq_tol(w[0], 48.5, 1e-9);
	ck_assert_double_eq_tol(w[0] + w[1], 100, 1e-9);
	hyph_free(L.hy);
	blocks_free(doc);
	style_free(&st);
	diag_free(&dl);
}
END_TEST

/* The x of the first text box equal to s on page 0, or -1. */
static double
x_of(const struct doc_pages *d, const char *s)
{
	size_t j;

	for (j = 0; j < d->page[0].nbox; j++) {
		const struct box *b = &d->page[0].box[j];

		if (b->type == BOX_TEXT && b->len == strlen(s) &&
		    memcmp(b->text, s, b->len) == 0)
			return b->x;
	}
	return -1;
}

START_TEST(test_table_column_alignment)
{
	struct diag_list dl;
	struct style st;
	struct doc_pages *d;

	diag_init(&dl);
	style_default(&st);
	/* a column of years and text is left-aligned throughout; a column
	 * of numbers (and blanks) is right-aligned */
	d = lay_md("| Jadwal | Jumlah |\n|---|---|\n"
	    "| Triwulan I 2026 | 1 |\n| 2027 | 100 |\n| x | - |\n", &st, &dl);
	ck_assert(x_of(d, "2027") > 0);
	ck_assert_double_eq_tol(x_of(d, "2027"), x_of(d, "Triwulan I 2026"), 1e-9);
	ck_assert_double_eq_tol(x_of(d, "1"), x_of(d, "100") + 10, 1e-9);
	doc_pages_free(d);
	style_free(&st);
	diag_free(&dl);
}
END_TEST

START_TEST(test_signature_widens_for_name)
{
	static const char name[] =
	    "Drs. H. Lalu Muhammad Zainuddin Panjang, M.Si.";	/* 46 glyphs */
	struct diag_list dl;
	struct style st;
	struct doc_pages *d;
	double x;

	diag_init(&dl);
	style_default(&st);
	d = lay_md("```rencana-tanda-tangan\n"
	    "jabatan: KEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA,\n"
	    "nama: Drs. H. Lalu Muhammad Zainuddin Panjang, M.Si.\n"
	    "nip: 19720814 199803 1 004\n```\n", &st, &dl);
	/* 276 pt at 6 pt a glyph: wider than the right half (226.8 pt), so
	 * the column widens and the name stays on one line, right margin
	 * 538.6 pt */
	x = x_of(d, name);
	ck_assert(x >= 85.0 - 1e-6);
	ck_assert_double_eq_tol(x + 6.0 * (double)strlen(name), 538.6, 0.1);
	doc_pages_free(d);
	style_free(&st);
	diag_free(&dl);
}
END_TEST

START_TEST(test_toc_numbers_and_labels)
{
	struct buf b = BUF_INIT;
	struct diag_list dl;
	struct style st;
	struct doc_pages *d;
	size_t j, links = 0;
	int i;

	buf_puts(&b, "```rencana-sampul\njudul: Rencana\n```\n\n"
	    "KATA PENGANTAR\n===\n\nteks\n\n"
	    "```rencana-daftar-isi\n```\n\n```rencana-mulai-isi\n```\n\n");
	for (i = 1; i <= 40; i++) {
		buf_printf(&b, "BAB %d\\\nJUDUL\n===\n\n", i);
		buf_printf(&b, "## %d.1 Bagian\n\n", i);
		hard_para(&b, "x", 40);
	}
	diag_init(&dl);
	style_default(&st);
	d = lay_md(b.data, &st, &dl);
	/* cover i, kata pengantar ii, the contents (82 entries) iii-v */
	ck_assert_uint_eq(d->body_start, 5);
	ck_assert_int_eq(page_of(d, "BAB 1"), 5);
	ck_assert_int_eq(page_of(d, "Rencana"), -1);	/* set in capitals */
	ck_assert_int_eq(page_of(d, "RENCANA"), 0);
	ck_assert_int_eq(page_of(d, "i"), -1);		/* no number on the cover */
	ck_assert_int_eq(page_of(d, "ii"), 1);
	ck_assert_str_eq(d->page[5].box[d->page[5].nbox - 1].text, "1");
	for (i = 2; i <= 4; i++)
		for (j = 0; j < d->page[i].nbox; j++) {
			const struct box *x = &d->page[i].box[j];
			char lab[32];

			if (x->type != BOX_LINK)
				continue;
			/* the number just before each link names its target */
			layout_page_label(d, x->dest_page, lab, sizeof(lab));
			ck_assert_str_eq(d->page[i].box[j - 1].text, lab);
			links++;
		}
	ck_assert_uint_eq(links, 1 + 1 + 80);
	ck_assert_uint_eq(d->noutline, 82);
	ck_assert_uint_eq(d->outline[81].page, 5 + 2 * 39);	/* with BAB 40 */
	doc_pages_free(d);
	style_free(&st);
	diag_free(&dl);
	buf_free(&b);
}
END_TEST

START_TEST(test_no_body_directive)
{
	struct diag_list dl;
	struct style st;
	struct doc_pages *d;
	char lab[32];

	diag_init(&dl);
	style_default(&st);
	st.pagenum = PAGENUM_TOP_CENTER;
	d = lay_md("# Satu\n\nteks\n\n# Dua\n\nteks\n", &st, &dl);
	ck_assert_uint_eq(d->npage, 2);
	ck_assert_uint_eq(d->body_start, 0);
	layout_page_label(d, 1, lab, sizeof(lab));
	ck_assert_str_eq(lab, "2");
	ck_assert_int_eq(page_of(d, "- 1 -"), -1);	/* none on the first */
	ck_assert_int_eq(page_of(d, "- 2 -"), 1);
	doc_pages_free(d);
	style_free(&st);
	diag_free(&dl);
}
END_TEST

START_TEST(test_missing_logo_reported)
{
	struct diag_list dl;
	struct style st;
	struct doc_pages *d;

	diag_init(&dl);
	style_default(&st);
	d = lay_md("```rencana-sampul\nlogo: no/such.png\njudul: X\n```\n", &st, &dl);
	ck_assert_uint_eq(dl.n, 1);
	ck_assert_int_eq(dl.v[0].code, D_LAYOUT_IMAGE);
	doc_pages_free(d);
	style_free(&st);
	diag_free(&dl);
}
END_TEST

Suite *
layout_suite(void)
{
	Suite *s = suite_create("layout");
	TCase *tl = tcase_create("line");
	TCase *tb = tcase_create("blocks");
	TCase *tt = tcase_create("table");
	TCase *tp = tcase_create("pages");

	tcase_add_checked_fixture(tl, setup, NULL);
	tcase_add_checked_fixture(tt, setup, NULL);
	tcase_add_checked_fixture(tp, setup, NULL);
	tcase_set_timeout(tl, 20);
	tcase_set_timeout(tt, 20);
	tcase_add_test(tl, test_exact_breaks);
	tcase_add_test(tl, test_justified_word_space);
	tcase_add_test(tl, test_total_fit_beats_greedy);
	tcase_add_test(tl, test_hyphen_only_when_it_helps);
	tcase_add_test(tl, test_no_fragment_alone_on_last_line);
	tcase_add_test(tl, test_overlong_word);
	tcase_add_test(tl, test_huge_paragraph_linear);
	tcase_add_test(tl, test_fonts_within_line);
	tcase_add_test(tl, test_line_breaking_scales_linearly);
	tcase_add_test(tb, test_blocks_directive_caption_table);
	tcase_add_test(tb, test_blocks_heading_breaks_and_charset);
	tcase_add_test(tb, test_blocks_depth_cap);
	tcase_add_test(tb, test_upper_utf8);
	tcase_add_test(tt, test_table_widths);
	tcase_add_test(tt, test_table_header_repeated);
	tcase_add_test(tt, test_table_10k_rows_linear);
	tcase_add_test(tt, test_table_tall_row_split);
	tcase_add_test(tt, test_table_header_words_whole);
	tcase_add_test(tt, test_table_column_alignment);
	tcase_add_test(tp, test_draft_mark_first_on_every_page);
	tcase_add_test(tp, test_orphan_moves_paragraph);
	tcase_add_test(tp, test_widow_avoided);
	tcase_add_test(tp, test_heading_kept_with_next);
	tcase_add_test(tp, test_signature_kept_together);
	tcase_add_test(tp, test_signature_wraps_in_right_half);
	tcase_add_test(tp, test_signature_widens_for_name);
	tcase_add_test(tp, test_toc_numbers_and_labels);
	tcase_add_test(tp, test_no_body_directive);
	tcase_add_test(tp, test_missing_logo_reported);
	suite_add_tcase(s, tl);
	suite_add_tcase(s, tb);
	suite_add_tcase(s, tt);
	suite_add_tcase(s, tp);
	return s;
}
