/*
 * rencana: unit tests of figures: their numbering (number.c, CNT_FIGURE),
 * images in Markdown (blocks.c), and the layout of charts and figures
 * (layout_figure.c, layout_chart.c) with fake metrics.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "buf.h"
#include "diag.h"
#include "layout.h"
#include "number.h"
#include "page.h"
#include "style.h"

static struct metrics FM;

/* Parses and numbers md; the diagnostics stay in dl. */
static struct block *
parse(const char *md, const struct number_opts *o, struct diag_list *dl)
{
	struct block *doc = blocks_from_markdown(md, strlen(md), "f.md", dl);

	number_run(doc, o, dl);
	ck_assert_int_eq(blocks_check(doc), 0);
	return doc;
}

/* The figures' captions, "label title;" each, in order, into out. */
static void
figures_of(const struct block *doc, char *out, size_t n)
{
	const struct block *b;
	size_t i;

	*out = '\0';
	for (b = doc; b != NULL; b = blocks_walk_next(doc, b, 0)) {
		if (b->type != BLK_FIGURE)
			continue;
		for (i = 0; i < b->nrun; i++)
			strncat(out, b->run[i].text, n - strlen(out) - 1);
		strncat(out, ";", n - strlen(out) - 1);
	}
}

static const char fig_md[] =
    "```rencana-mulai-isi\n```\n\n"
    "# Satu\n\n![Peta *wilayah*](p.png)\n\n"
    "Table: T\n\n| a |\n|---|\n| 1 |\n\n"
    "```rencana-grafik\njudul: Grafik\nnilai: x|1\n```\n\n"
    "# Dua\n\nTeks.\n\n![Lagi](q.png)\n";

START_TEST(test_figures_numbered_per_chapter)
{
	struct diag_list dl;
	struct block *doc, *b;
	char out[512];

	diag_init(&dl);
	doc = parse(fig_md, NULL, &dl);
	ck_assert_uint_eq(dl.n, 0);
	figures_of(doc, out, sizeof(out));
	/* a counter of its own: the table between does not step it */
	ck_assert_str_eq(out, "Gambar 1.1 Peta wilayah;Gambar 1.2 Grafik;"
	    "Gambar 2.1 Lagi;");
	for (b = doc; b->type != BLK_FIGURE; b = blocks_walk_next(doc, b, 0))
		;
	ck_assert_int_eq(b->counter, CNT_FIGURE);
	ck_assert_str_eq(b->name, "gambar");
	ck_assert_str_eq(blocks_kv(b, "src"), "p.png");
	ck_assert(b->run[0].flags & RUN_BOLD);		/* the label */
	ck_assert(b->run[b->nrun - 1].flags & RUN_ITALIC); /* its own style */
	ck_assert(b->has_pos);
	ck_assert_int_eq(b->pos.line, 6);
	blocks_free(doc);
	diag_free(&dl);
}
END_TEST

START_TEST(test_figures_word_and_charts_off)
{
	struct number_opts o;
	struct diag_list dl;
	struct block *doc;
	char out[512];

	memset(&o, 0, sizeof(o));
	o.figure_word = "Figure";
	o.no_charts = 1;
	diag_init(&dl);
	doc = parse(fig_md, &o, &dl);
	figures_of(doc, out, sizeof(out));
	/* the chart is gone, and takes no number */
	ck_assert_str_eq(out, "Figure 1.1 Peta wilayah;Figure 2.1 Lagi;");
	blocks_free(doc);
	diag_free(&dl);
}
END_TEST

/* An image with text beside it, in a cell or a heading is an error at it. */
START_TEST(test_image_not_alone)
{
	static const char *const md[] = {
		"Lihat ![peta](p.png) ini.\n",
		"![a](a.png) ![b](b.png)\n",
		"| ![a](a.png) |\n|---|\n| 1 |\n",
		"# Judul ![a](a.png)\n",
		"[![a](a.png)](http://x)\n",
	};
	size_t i;

	for (i = 0; i < sizeof(md) / sizeof(*md); i++) {
		struct diag_list dl;
		struct block *doc;

		diag_init(&dl);
		doc = blocks_from_markdown(md[i], strlen(md[i]), "f.md", &dl);
		ck_assert_msg(dl.n >= 1 && dl.v[0].code == D_MD_IMAGE,
		    "case %zu", i);
		blocks_free(doc);
		diag_free(&dl);
	}
}
END_TEST

/* ---- layout ---- */

static struct doc_pages *
lay(const char *md, struct diag_list *dl)
{
	struct block *doc;
	struct doc_pages *d;
	struct style st;

	style_default(&st);
	st.hyphenate = 0;
	metrics_fake(&FM, 500);
	doc = parse(md, NULL, dl);
	d = layout_run(doc, &st, &FM, ".", dl);
	blocks_free(doc);
	style_free(&st);
	return d;
}

/* Page (from 0) of the text box equal to s, or -1. */
static long
page_with(const struct doc_pages *d, const char *s)
{
	size_t i, j;

	for (i = 0; i < d->npage; i++)
		for (j = 0; j < d->page[i].nbox; j++)
			if (d->page[i].box[j].type == BOX_TEXT &&
			    strcmp(d->page[i].box[j].text, s) == 0)
				return (long)i;
	return -1;
}

static const char chart_md[] =
    "```rencana-grafik\n"
    "judul: Kesenjangan\n"
    "seri: Saat ini|Dibutuhkan\n"
    "nilai: Label yang panjang sekali sehingga harus dibungkus menjadi "
    "beberapa baris di kolom label|1234|12.5\n"
    "nilai: Pendek|0.25|3000\n"
    "nilai: Kosong|-|7\n"
    "nilai: Negatif|-40|5\n"
    "```\n\n"
    "```rencana-grafik\n"
    "judul: Lintasan\n"
    "jenis: garis\n"
    "seri: Baseline|2026|2027|2028|2029|2030|2031|2032|2033|2034|2035\n"
    "nilai: Indikator naik|1|2|3|4|5|6|7|8|9|10|11\n"
    "nilai: Indikator turun dengan nama yang panjang sekali|11|10|9|8|7|6|5|4|3|2|1\n"
    "arah: turun\n"
    "nilai: Ketiga|5|5|5|5|5|5|5|5|5|5|5\n"
    "```\n";

/* Two text boxes overlap (fake metrics: every glyph half an em). */
static int
overlap(const struct box *a, const struct box *b)
{
	double aw = 0.5 * a->size_pt * (double)a->len;
	double bw = 0.5 * b->size_pt * (double)b->len;

	return a->x < b->x + bw - 0.01 && b->x < a->x + aw - 0.01 &&
	    a->y - 0.2 * a->size_pt < b->y + 0.7 * b->size_pt - 0.01 &&
	    b->y - 0.2 * b->size_pt < a->y + 0.7 * a->size_pt - 0.01;
}

START_TEST(test_chart_labels_never_overlap)
{
	struct diag_list dl;
	struct doc_pages *d;
	size_t i, j, k, ntext = 0;

	diag_init(&dl);
	d = lay(chart_md, &dl);
	ck_assert_uint_eq(dl.n, 0);
	for (k = 0; k < d->npage; k++) {
		const struct page *pg = &d->page[k];

		for (i = 0; i < pg->nbox; i++) {
			if (pg->box[i].type != BOX_TEXT)
				continue;
			ntext++;
			for (j = i + 1; j < pg->nbox; j++)
				if (pg->box[j].type == BOX_TEXT)
					ck_assert_msg(!overlap(&pg->box[i],
					    &pg->box[j]), "`%s` over `%s`",
					    pg->box[i].text, pg->box[j].text);
		}
	}
	ck_assert_uint_gt(ntext, 40);
	/* Indonesian numbers, real text */
	ck_assert_int_ge(page_with(d, "1.234"), 0);
	ck_assert_int_ge(page_with(d, "12,5"), 0);
	ck_assert_int_ge(page_with(d, "0,25"), 0);
	ck_assert_int_ge(page_with(d, "3.000"), 0);
	ck_assert_int_ge(page_with(d, "Dibutuhkan"), 0);
	doc_pages_free(d);
	diag_free(&dl);
}
END_TEST

/* Hatching tells the second series apart; the turun panel is dashed:
 * many short rules of the same length. */
START_TEST(test_chart_series_and_direction_distinct)
{
	struct diag_list dl;
	struct doc_pages *d;
	size_t i, rects = 0, diag = 0, white = 0;

	diag_init(&dl);
	d = lay(chart_md, &dl);
	for (i = 0; i < d->page[0].nbox; i++) {
		const struct box *b = &d->page[0].box[i];

		if (b->type == BOX_RECT) {
			rects++;
			white += b->gray == 1;	/* a hollow point */
		}
		if (b->type == BOX_RULE && b->w > 0 && b->w == b->h)
			diag++;		/* a hatch line, 45 degrees */
	}
	ck_assert_uint_ge(rects, 5 + 3 * 11);
	ck_assert_uint_eq(white, 11);	/* the turun panel's points */
	ck_assert_uint_gt(diag, 10);
	doc_pages_free(d);
	diag_free(&dl);
}
END_TEST

/* A figure is never split: after a page nearly full, the chart and its
 * caption move on together; a chart taller than a page is drawn smaller
 * on one page. */
START_TEST(test_figure_kept_whole)
{
	struct buf b = BUF_INIT;
	struct diag_list dl;
	struct doc_pages *d;
	size_t i, k;
	int n;

	for (n = 1; n <= 28; n++)
		buf_printf(&b, "Baris %d.\n\n", n);
	buf_puts(&b, "```rencana-grafik\njudul: Akhir\nnilai: satu|1\n"
	    "nilai: dua|2\nnilai: tiga|3\n```\n\n```rencana-grafik\n"
	    "judul: Tinggi\n");
	for (n = 0; n < 150; n++)
		buf_printf(&b, "nilai: baris %d|%d\n", n, n);
	buf_puts(&b, "```\n");
	diag_init(&dl);
	d = lay(b.data, &dl);
	ck_assert_uint_eq(dl.n, 0);
	ck_assert_int_eq(page_with(d, "satu"), page_with(d, "Akhir"));
	ck_assert_int_eq(page_with(d, "baris 0"), page_with(d, "Tinggi"));
	ck_assert_int_eq(page_with(d, "baris 149"), page_with(d, "Tinggi"));
	for (k = 0; k < d->npage; k++)
		for (i = 0; i < d->page[k].nbox; i++) {
			const struct box *x = &d->page[k].box[i];

			ck_assert(x->y >= 0 && x->y <= d->height_pt);
			ck_assert(x->x >= 0 && x->x <= d->width_pt);
		}
	doc_pages_free(d);
	diag_free(&dl);
	buf_free(&b);
}
END_TEST

/* For the Word back end: each figure's page record (struct page_fig) on
 * the page of its caption, ids in order, a chart without a box; a chart's
 * data as the grid of layout_chart_cells (values as the chart prints them,
 * divided by `bagi`, `-` for none; one unnamed series headed by the unit). */
START_TEST(test_chart_cells_and_records)
{
	struct buf b = BUF_INIT;
	struct diag_list dl;
	struct doc_pages *d;
	struct block *doc;
	const struct block *f;
	char **c;
	size_t nr, nc, i, k, nfig = 0;

	for (i = 0; i < 30; i++)
		buf_printf(&b, "Baris %zu.\n\n", i);
	buf_puts(&b, "```rencana-grafik\njudul: Satu\nseri: 2026|2027\n"
	    "satuan: orang\nnilai: a|b|1234|-\nnilai: c|12.5|3\n```\n\n"
	    "```rencana-grafik\njudul: Dua\nsatuan: juta\nbagi: 1000\n"
	    "nilai: x|2500\n```\n");
	diag_init(&dl);
	d = lay(b.data, &dl);
	ck_assert_uint_eq(dl.n, 0);
	for (k = 0; k < d->npage; k++)
		for (i = 0; i < d->page[k].nfig; i++) {
			const struct page_fig *pf = &d->page[k].fig[i];

			ck_assert_int_eq(pf->id, (int)++nfig);
			ck_assert(pf->box == (size_t)-1 && pf->w > 0 && pf->h > 0);
			ck_assert_int_eq((int)k, page_with(d, nfig == 1 ?
			    "Satu" : "Dua"));
		}
	ck_assert_uint_eq(nfig, 2);
	doc_pages_free(d);
	doc = parse(b.data, NULL, &dl);
	for (f = doc; f != NULL && f->type != BLK_FIGURE;
	    f = blocks_walk_next(doc, f, 0))
		;
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(layout_chart_cells(f, &c, &nr, &nc), 1);
	ck_assert_uint_eq(nr, 3);
	ck_assert_uint_eq(nc, 3);
	ck_assert_str_eq(c[0], "orang");
	ck_assert_str_eq(c[2], "2027");
	ck_assert_str_eq(c[3], "a|b");	/* the label may hold `|` */
	ck_assert_str_eq(c[4], "1.234");
	ck_assert_str_eq(c[5], "-");
	ck_assert_str_eq(c[7], "12,5");
	for (i = 0; i < nr * nc; i++)
		free(c[i]);
	free(c);
	for (f = blocks_walk_next(doc, f, 0); f != NULL && f->type != BLK_FIGURE;
	    f = blocks_walk_next(doc, f, 0))
		;
	ck_assert_int_eq(layout_chart_cells(f, &c, &nr, &nc), 1);
	ck_assert_uint_eq(nc, 2);
	ck_assert_str_eq(c[0], "");
	ck_assert_str_eq(c[1], "juta");
	ck_assert_str_eq(c[3], "2,5");
	for (i = 0; i < nr * nc; i++)
		free(c[i]);
	free(c);
	blocks_free(doc);
	diag_free(&dl);
	buf_free(&b);
}
END_TEST

START_TEST(test_chart_errors)
{
	static const char *const md[] = {
		"```rencana-grafik\njudul: a\njenis: pai\nnilai: a|1\n```\n",
		"```rencana-grafik\njudul: a\nnilai: a|x\n```\n",
		"```rencana-grafik\njudul: a\nseri: a|b\nnilai: a|1\n```\n",
		"```rencana-grafik\njudul: a\n```\n",
		"```rencana-grafik\njudul: a\nseri: 1|2|3|4|5|6|7|8|9|10|11|12|13\n"
		    "nilai: a|1\n```\n",
		"```rencana-grafik\njudul: a\nbagi: 0\nnilai: a|1\n```\n",
	};
	size_t i;

	for (i = 0; i < sizeof(md) / sizeof(*md); i++) {
		struct diag_list dl;
		struct doc_pages *d;

		diag_init(&dl);
		d = lay(md[i], &dl);
		ck_assert_msg(dl.n == 1 && dl.v[0].code == D_LAYOUT_CHART,
		    "case %zu", i);
		ck_assert_int_eq(dl.v[0].line, 1);
		doc_pages_free(d);
		diag_free(&dl);
	}
}
END_TEST

Suite *
figure_suite(void)
{
	Suite *s = suite_create("figure");
	TCase *tc = tcase_create("figure");

	tcase_add_test(tc, test_figures_numbered_per_chapter);
	tcase_add_test(tc, test_figures_word_and_charts_off);
	tcase_add_test(tc, test_image_not_alone);
	tcase_add_test(tc, test_chart_labels_never_overlap);
	tcase_add_test(tc, test_chart_series_and_direction_distinct);
	tcase_add_test(tc, test_figure_kept_whole);
	tcase_add_test(tc, test_chart_errors);
	tcase_add_test(tc, test_chart_cells_and_records);
	suite_add_tcase(s, tc);
	return s;
}
