/* rencana: unit tests of the line over a continued table ("Lanjutan Tabel
 * 2.1", layout_table.c), with fake metrics. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "buf.h"
#include "diag.h"
#include "layout.h"
#include "number.h"
#include "page.h"
#include "style.h"

static struct metrics M;

static void
setup(void)
{
	metrics_fake(&M, 500);
}

/* A table of 120 rows, with a caption when `cap`, laid out with the
 * style's words (cont: kata_lanjutan_tabel, NULL: the default). */
static struct doc_pages *
long_table(int cap, const char *tabel, const char *cont)
{
	struct buf b = BUF_INIT;
	struct diag_list dl;
	struct number_opts no;
	struct style st;
	struct block *doc;
	struct doc_pages *d;
	int i;

	if (cap)
		buf_puts(&b, "Table: Daftar panjang\n\n");
	buf_puts(&b, "| No | Nama |\n|---:|---|\n");
	for (i = 1; i <= 120; i++)
		buf_printf(&b, "| %d | pegawai %d |\n", i, i);
	diag_init(&dl);
	style_default(&st);
	st.hyphenate = 0;
	if (tabel != NULL) {
		free(st.caption_word);
		st.caption_word = strdup(tabel);
	}
	if (cont != NULL) {
		free(st.cont_word);
		st.cont_word = strdup(cont);
	}
	doc = blocks_from_markdown(b.data, b.len, "t.md", &dl);
	number_opts_from_style(&no, &st);
	number_run(doc, &no, &dl);
	d = layout_run(doc, &st, &M, ".", &dl);
	ck_assert_uint_eq(dl.nerror, 0);
	ck_assert_uint_ge(d->npage, 3);
	blocks_free(doc);
	style_free(&st);
	diag_free(&dl);
	buf_free(&b);
	return d;
}

/* Boxes on page i whose text is s; *y gets the last one's baseline. */
static int
count_on(const struct doc_pages *d, size_t i, const char *s, double *y,
    enum font_style *font)
{
	size_t j;
	int n = 0;

	for (j = 0; j < d->page[i].nbox; j++) {
		const struct box *x = &d->page[i].box[j];

		if (x->type == BOX_TEXT && strcmp(x->text, s) == 0) {
			n++;
			*y = x->y;
			*font = x->font;
		}
	}
	return n;
}

static void
expect_line(const struct doc_pages *d, const char *want)
{
	size_t i;

	for (i = 0; i < d->npage; i++) {
		double ly = 0, hy = 0;
		enum font_style f = FONT_REGULAR, hf;

		/* none on the first page, one on each other, above the header */
		ck_assert_int_eq(count_on(d, i, want, &ly, &f), i == 0 ? 0 : 1);
		ck_assert_int_eq(count_on(d, i, "No", &hy, &hf), 1);
		if (i > 0) {
			ck_assert_int_eq(f, FONT_ITALIC);
			ck_assert(ly > hy + 5);
		}
	}
}

START_TEST(test_continued_line)
{
	struct doc_pages *d = long_table(1, NULL, NULL);

	expect_line(d, "Lanjutan Tabel 1");
	doc_pages_free(d);
}
END_TEST

/* `{}` stands for the label: English "Table 1 (continued)". */
START_TEST(test_continued_line_placeholder)
{
	struct doc_pages *d = long_table(1, "Table", "{} (continued)");

	expect_line(d, "Table 1 (continued)");
	doc_pages_free(d);
}
END_TEST

/* No caption (no number) or an empty word: no line. */
START_TEST(test_continued_line_none)
{
	struct doc_pages *d = long_table(0, NULL, NULL);
	struct doc_pages *e = long_table(1, NULL, "");
	size_t i, j;

	for (i = 0; i < d->npage; i++)
		for (j = 0; j < d->page[i].nbox; j++)
			ck_assert(d->page[i].box[j].type != BOX_TEXT ||
			    d->page[i].box[j].font != FONT_ITALIC);
	for (i = 0; i < e->npage; i++)
		for (j = 0; j < e->page[i].nbox; j++)
			ck_assert(e->page[i].box[j].type != BOX_TEXT ||
			    e->page[i].box[j].font != FONT_ITALIC);
	ck_assert_uint_eq(d->npage, e->npage);
	doc_pages_free(d);
	doc_pages_free(e);
}
END_TEST

Suite *
continued_suite(void)
{
	Suite *s = suite_create("continued");
	TCase *tc = tcase_create("continued");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_continued_line);
	tcase_add_test(tc, test_continued_line_placeholder);
	tcase_add_test(tc, test_continued_line_none);
	suite_add_tcase(s, tc);
	return s;
}
