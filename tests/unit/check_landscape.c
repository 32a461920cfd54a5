/* rencana: unit tests of landscape pages for wide tables (issue 12, item 5):
 * the fit decision (layout_table_landscape), gaya.yaml's `orientasi_tabel`,
 * and the pages layout makes.  Fake metrics: every glyph 500/1000 em. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "buf.h"
#include "diag.h"
#include "layout.h"
#include "layout_int.h"
#include "page.h"
#include "style.h"

static struct metrics M;

static void
setup(void)
{
	metrics_fake(&M, 500);
}

/*
 * A table of `ncols` columns headed by words of 9 letters ("Tahun2026"),
 * rows rows.  At 9 pt (TABLE_TALL_PT) a glyph is 4.5 pt, so a column's
 * widest word takes 40.5 + 6 pt of padding = 46.5 pt.
 */
static void
wide_table(struct buf *b, int ncols, int rows)
{
	int c, r;

	buf_puts(b, "|");
	for (c = 0; c < ncols; c++)
		buf_printf(b, " Tahun%d |", 2026 + c);
	buf_puts(b, "\n|");
	for (c = 0; c < ncols; c++)
		buf_puts(b, "---:|");
	buf_puts(b, "\n");
	for (r = 0; r < rows; r++) {
		buf_puts(b, "|");
		for (c = 0; c < ncols; c++)
			buf_printf(b, " %d |", r * 10 + c);
		buf_puts(b, "\n");
	}
}

/* layout_table_landscape for a table of ncols columns, A4 (text width
 * 453.5 pt on portrait, 714.3 on landscape). */
static int
decide(const struct style *st, int ncols, const char *kind)
{
	struct buf b = BUF_INIT;
	struct diag_list dl;
	struct block *doc;
	struct lay L;
	int land;

	diag_init(&dl);
	wide_table(&b, ncols, 3);
	doc = blocks_from_markdown(b.data, b.len, NULL, &dl);
	memset(&L, 0, sizeof(L));
	L.st = st;
	L.m = &M;
	ck_assert(doc->first != NULL && doc->first->type == BLK_TABLE);
	land = layout_table_landscape(&L, doc->first, kind, 453.5, 714.3);
	layout_table_free(&L);
	blocks_free(doc);
	diag_free(&dl);
	buf_free(&b);
	return land;
}

/* 9 columns need 418.5 pt at 9 pt: portrait.  10 need 465 > 453.5: on
 * portrait the words would be broken or the text under 9 pt, so
 * landscape, where 714.3 pt hold 15 (697.5). */
START_TEST(test_fit_decision)
{
	struct style st;

	style_default(&st);
	ck_assert_int_eq(decide(&st, 9, NULL), 0);
	ck_assert_int_eq(decide(&st, 10, NULL), 1);
	ck_assert_int_eq(decide(&st, 15, "matriks-indikator"), 1);
	/* a style whose table text is 8 pt: 10 columns fit (36 + 6 pt) */
	st.table_size_pt = 8;
	ck_assert_int_eq(decide(&st, 10, NULL), 0);
	style_free(&st);
}
END_TEST

static void
load_gaya(struct style *st, const char *text, int want_rc)
{
	struct diag_list dl;

	diag_init(&dl);
	style_default(st);
	ck_assert_int_eq(style_load_buffer("gaya.yaml", text, strlen(text), st,
	    &dl), want_rc);
	diag_free(&dl);
}

/* gaya.yaml forces an orientation per kind, `semua` for every other. */
START_TEST(test_forced_orientation)
{
	static const char layer2[] = "orientasi_tabel: {potret: [a]}\n";
	struct diag_list dl;
	struct style st;

	load_gaya(&st, "orientasi_tabel:\n  potret: [matriks-indikator]\n", 0);
	ck_assert_int_eq(style_table_orient(&st, "matriks-indikator"),
	    ORIENT_PORTRAIT);
	ck_assert_int_eq(decide(&st, 12, "matriks-indikator"), 0);
	ck_assert_int_eq(decide(&st, 12, NULL), 1);	/* no kind: by fit */
	ck_assert_int_eq(decide(&st, 12, "lain"), 1);
	style_free(&st);

	load_gaya(&st, "orientasi_tabel:\n  lanskap: [semua]\n"
	    "  otomatis: [rekap]\n", 0);
	ck_assert_int_eq(decide(&st, 3, NULL), 1);
	ck_assert_int_eq(decide(&st, 3, "rekap"), 0);
	ck_assert_int_eq(style_table_orient(&st, "rekap"), ORIENT_AUTO);
	style_free(&st);

	/* a later layer moves a kind: it leaves the list it was in */
	load_gaya(&st, "orientasi_tabel: {lanskap: [a, b]}\n", 0);
	diag_init(&dl);
	ck_assert_int_eq(style_load_buffer("g2.yaml", layer2, strlen(layer2),
	    &st, &dl), 0);
	diag_free(&dl);
	ck_assert_int_eq(style_table_orient(&st, "a"), ORIENT_PORTRAIT);
	ck_assert_int_eq(style_table_orient(&st, "b"), ORIENT_LANDSCAPE);
	ck_assert_uint_eq(st.norient_kind[ORIENT_LANDSCAPE], 1);
	style_free(&st);

	/* one kind in two lists of one file: an error */
	load_gaya(&st, "orientasi_tabel:\n  potret: [a]\n  lanskap: [a]\n", -1);
	style_free(&st);
}
END_TEST

/* The first page (from 0) with a text box equal to s, or -1. */
static long
page_of(const struct doc_pages *d, const char *s, size_t from)
{
	size_t i, j;

	for (i = from; i < d->npage; i++)
		for (j = 0; j < d->page[i].nbox; j++) {
			const struct box *b = &d->page[i].box[j];

			if (b->type == BOX_TEXT && b->len == strlen(s) &&
			    memcmp(b->text, s, b->len) == 0)
				return (long)i;
		}
	return -1;
}

/* The text box equal to s on page i below y pt, or NULL. */
static const struct box *
box_on(const struct doc_pages *d, size_t i, const char *s, double y)
{
	size_t j;

	for (j = 0; j < d->page[i].nbox; j++) {
		const struct box *b = &d->page[i].box[j];

		if (b->type == BOX_TEXT && b->len == strlen(s) && b->y < y &&
		    memcmp(b->text, s, b->len) == 0)
			return b;
	}
	return NULL;
}

/*
 * Text, a heading over a wide table of 60 rows, text: the text before
 * stays portrait; the heading, caption and table go on landscape pages
 * (A4 turned: 841.9 x 595.3) with the header on each and the number
 * centred at the bottom as the reader holds it; the text after starts a
 * new portrait page.  The draft header sits in the landscape top margin
 * (the binding's 30 mm), the paraf box in the bottom one (20 mm).
 */
START_TEST(test_landscape_pages)
{
	struct buf b = BUF_INIT;
	struct diag_list dl;
	struct style st;
	struct doc_pages *d;
	struct block *doc;
	long before, after, cap;
	size_t i;
	int heads = 0;

	buf_puts(&b, "```rencana-konsep\nkepala: KONSEP\n```\n\n"
	    "Sebelum tabel.\n\n## Matriks\n\n```rencana-tabel\njenis: m\n```\n\n"
	    "Table: Matriks Indikator\n\n");
	wide_table(&b, 12, 60);
	buf_puts(&b, "\nSesudah tabel.\n");
	diag_init(&dl);
	style_default(&st);
	st.hyphenate = 0;
	st.paraf_box = 1;
	doc = blocks_from_markdown(b.data, b.len, "t.md", &dl);
	ck_assert_uint_eq(dl.nerror, 0);
	d = layout_run(doc, &st, &M, ".", &dl);
	before = page_of(d, "Sebelum tabel.", 0);
	cap = page_of(d, "Matriks Indikator", 0);
	after = page_of(d, "Sesudah tabel.", 0);
	ck_assert_int_eq(before, 0);
	ck_assert_int_eq(cap, 1);
	ck_assert_int_eq(page_of(d, "Matriks", 0), 1);	/* the heading too */
	ck_assert_int_gt(after, 2);
	for (i = 0; i < d->npage; i++) {
		const struct page *p = &d->page[i];
		int land = (long)i >= cap && (long)i < after;
		char lab[24];
		const struct box *n, *k;

		ck_assert_double_eq_tol(p->width_pt, (land ? 841.9 : 595.3), 0.1);
		ck_assert_double_eq_tol(p->height_pt, (land ? 595.3 : 841.9), 0.1);
		if (land)
			heads += box_on(d, i, "Tahun2026", 1e9) != NULL;
		snprintf(lab, sizeof(lab), "%zu", i + 1);
		n = box_on(d, i, lab, 40);	/* in the bottom margin */
		ck_assert(n != NULL);
		/* centred between the margins: 25 and 20 mm landscape,
		 * 30 and 20 mm portrait; in the middle of the bottom one */
		ck_assert_double_eq_tol(n->x + 3, (land ? 428.0 : 311.8), 0.1);
		ck_assert_double_eq_tol(n->y, (land ? 28.35 : 35.43), 0.01);
		k = box_on(d, i, "KONSEP", 1e9);
		ck_assert(k != NULL && k->x < p->width_pt);
		ck_assert(p->box[0].angle_deg > 0);	/* the mark first */
		ck_assert_double_eq_tol(p->box[5].y, (p->height_pt -
		    (land ? 42.52 : 28.35)), 0.01);	/* the header line */
		/* the paraf box's bottom rule: its right end on the text's */
		ck_assert_double_eq_tol(p->box[1].x + p->box[1].w,
		    (land ? 785.2 : 538.6), 0.1);
	}
	ck_assert_int_eq(heads, (int)(after - cap));
	ck_assert_int_ge(heads, 2);
	doc_pages_free(d);
	blocks_free(doc);
	style_free(&st);
	diag_free(&dl);
	buf_free(&b);
}
END_TEST

/* A landscape table at the end leaves no empty portrait page after it. */
START_TEST(test_landscape_last)
{
	struct buf b = BUF_INIT;
	struct diag_list dl;
	struct style st;
	struct doc_pages *d;
	struct block *doc;

	buf_puts(&b, "Teks.\n\n");
	wide_table(&b, 12, 3);
	diag_init(&dl);
	style_default(&st);
	doc = blocks_from_markdown(b.data, b.len, "t.md", &dl);
	d = layout_run(doc, &st, &M, ".", &dl);
	ck_assert_uint_eq(d->npage, 2);
	ck_assert(d->page[1].width_pt > d->page[1].height_pt);
	doc_pages_free(d);
	blocks_free(doc);
	style_free(&st);
	diag_free(&dl);
	buf_free(&b);
}
END_TEST

Suite *
landscape_suite(void)
{
	Suite *s = suite_create("landscape");
	TCase *t = tcase_create("landscape");

	tcase_add_checked_fixture(t, setup, NULL);
	tcase_add_test(t, test_fit_decision);
	tcase_add_test(t, test_forced_orientation);
	tcase_add_test(t, test_landscape_pages);
	tcase_add_test(t, test_landscape_last);
	suite_add_tcase(s, t);
	return s;
}
