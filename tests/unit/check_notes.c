/* rencana: unit tests of footnotes: found and scoped by blocks.c, numbered
 * by number.c, set at the foot of the page by layout_page.c.  Fake metrics:
 * every glyph 500/1000 em (6 pt at 12 pt, 5 pt at 10). */
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

static struct block *
notes_doc(const char *md, const struct blk_origin *orig, size_t norig,
    struct diag_list *dl)
{
	struct block *doc = blocks_from_template(md, strlen(md), "t.md", orig,
	    norig, NULL, 0, dl);

	number_run(doc, NULL, dl);
	ck_assert_int_eq(blocks_check(doc), 0);
	return doc;
}

/* The footnote blocks of a tree, in order. */
static size_t
notes_of(const struct block *doc, const struct block **v, size_t max)
{
	const struct block *b;
	size_t n = 0;

	for (b = doc->first; b != NULL; b = b->next)
		if (b->type == BLK_FOOTNOTE && n < max)
			v[n++] = b;
	return n;
}

/* Numbered in the order of first reference, a repeated reference keeps
 * its number, two references side by side get a comma; code and an
 * escaped bracket are text. */
START_TEST(test_notes_numbered)
{
	static const char md[] =
	    "x[^b] y[^A] z[^b] w[^a][^b]. `k[^a]` and \\[^a] too.\n\n"
	    "[^a]: Note a.\n"
	    "[^b]: Note b,\n"
	    "    two lines.\n\n"
	    "After.\n";
	struct diag_list dl;
	struct block *doc;
	const struct block *p, *fn[4];
	char got[256] = "";
	size_t i;

	diag_init(&dl);
	doc = notes_doc(md, NULL, 0, &dl);
	ck_assert_uint_eq(dl.n, 0);
	p = doc->first;
	ck_assert_int_eq(p->type, BLK_PARAGRAPH);
	for (i = 0; i < p->nrun; i++) {
		if (p->run[i].flags & RUN_NOTE) {
			strcat(got, "^");
			ck_assert_ptr_nonnull(p->run[i].note);
		}
		strncat(got, p->run[i].text, sizeof(got) - strlen(got) - 1);
	}
	ck_assert_str_eq(got, "x^1 y^2 z^1 w^2,^1. k[^a] and [^a] too.");
	ck_assert_uint_eq(notes_of(doc, fn, 4), 2);
	/* in the order of their definitions, numbered by first reference */
	ck_assert_int_eq(fn[0]->counter, CNT_FOOTNOTE);
	ck_assert_int_eq(fn[0]->number, 2);
	ck_assert_str_eq(fn[0]->label, "2");
	ck_assert_int_eq(fn[1]->number, 1);
	ck_assert_str_eq(fn[1]->first->run[0].text, "Note b, two lines.");
	/* the definitions left no text behind */
	ck_assert_int_eq(p->next->type, BLK_PARAGRAPH);
	ck_assert_str_eq(p->next->run[0].text, "After.");
	ck_assert_ptr_eq(p->next->next, fn[0]);
	blocks_free(doc);
	diag_free(&dl);
}
END_TEST

/* Each Markdown field is a document of its own: `[^1]` in two fields is
 * two footnotes; without the fields' spans it is one label defined twice. */
START_TEST(test_notes_scoped_per_field)
{
	static const char md[] =
	    "# Satu\n\nA[^1].\n\n[^1]: Pertama.\n\n"
	    "# Dua\n\nB[^1].\n\n[^1]: Kedua.\n";
	struct blk_origin o[2];
	const char *second = strstr(md, "B[^1]");
	struct diag_list dl;
	struct block *doc;
	const struct block *fn[4];

	memset(o, 0, sizeof(o));
	o[0].off = strstr(md, "A[^1]") - md;
	o[0].len = strstr(md, "# Dua") - md - o[0].off;
	o[0].raw = 1;
	o[1].off = second - md;
	o[1].len = strlen(second);
	o[1].raw = 1;
	diag_init(&dl);
	doc = notes_doc(md, o, 2, &dl);
	ck_assert_uint_eq(dl.n, 0);
	ck_assert_uint_eq(notes_of(doc, fn, 4), 2);
	ck_assert_int_eq(fn[0]->number, 1);
	ck_assert_int_eq(fn[1]->number, 2);
	ck_assert_str_eq(fn[1]->first->run[0].text, "Kedua.");
	blocks_free(doc);
	diag_free(&dl);

	diag_init(&dl);
	doc = notes_doc(md, NULL, 0, &dl);
	ck_assert_uint_eq(dl.nerror, 1);
	ck_assert_int_eq(dl.v[0].code, D_MD_FOOTNOTE);
	ck_assert_int_eq(dl.v[0].line, 11);
	blocks_free(doc);
	diag_free(&dl);
}
END_TEST

/* Undefined, unused, in a cell or a heading: errors (unused: a warning). */
START_TEST(test_notes_errors)
{
	static const char md[] =
	    "# H[^a]\n\nText[^zz].\n\n| a |\n|---|\n| b[^a] |\n\n"
	    "[^a]: A.\n\n[^u]: Unused.\n";
	struct diag_list dl;
	struct block *doc;

	diag_init(&dl);
	doc = notes_doc(md, NULL, 0, &dl);
	ck_assert_uint_eq(dl.nerror, 3);
	ck_assert_uint_eq(dl.nwarning, 2);	/* a (cited nowhere valid), u */
	blocks_free(doc);
	diag_free(&dl);
}
END_TEST

static struct doc_pages *
notes_pages(const char *md, struct diag_list *dl)
{
	struct block *doc = notes_doc(md, NULL, 0, dl);
	struct style st;
	struct doc_pages *d;

	style_default(&st);
	st.hyphenate = 0;
	d = layout_run(doc, &st, &M, ".", dl);
	style_free(&st);
	blocks_free(doc);
	return d;
}

/* Page of the first text box starting with s (size `size`, 0 any), -1. */
static long
box_page(const struct doc_pages *d, const char *s, double size,
    const struct box **out)
{
	size_t i, j;

	for (i = 0; i < d->npage; i++)
		for (j = 0; j < d->page[i].nbox; j++) {
			const struct box *b = &d->page[i].box[j];

			if (b->type == BOX_TEXT && strncmp(b->text, s,
			    strlen(s)) == 0 && (size == 0 || b->size_pt == size)) {
				if (out != NULL)
					*out = b;
				return (long)i;
			}
		}
	return -1;
}

/* A footnote at the foot of its page: under a rule a third of the text
 * width, 10 pt, below every line of text; the reference superscript. */
START_TEST(test_notes_at_foot)
{
	struct diag_list dl;
	struct doc_pages *d;
	const struct box *ref = NULL, *note = NULL, *body = NULL, *b;
	size_t j;
	int rules = 0;

	diag_init(&dl);
	d = notes_pages("Teks utama[^n] berlanjut.\n\n[^n]: Sumber data.\n\n"
	    "Paragraf kedua.\n", &dl);
	ck_assert_uint_eq(dl.n, 0);
	ck_assert_uint_eq(d->npage, 1);
	ck_assert_int_eq(box_page(d, "Teks utama", 12, &body), 0);
	ck_assert_int_eq(box_page(d, "1", 12 * 0.65, &ref), 0);
	ck_assert_int_eq(box_page(d, "Sumber data.", 10, &note), 0);
	ck_assert(ref->y > body->y + 3);
	ck_assert(note->y < body->y - 500);
	ck_assert(note->y > 25 * 72 / 25.4 - 1);	/* above the bottom margin */
	for (j = 0; j < d->page[0].nbox; j++) {
		b = &d->page[0].box[j];
		if (b->type == BOX_RULE) {
			rules++;
			ck_assert(b->y > note->y && b->y < note->y + 20);
			ck_assert_double_eq_tol(b->w, 453.5 / 3, 0.2);
		}
	}
	ck_assert_int_eq(rules, 1);
	/* the paragraph after it stays in the text above */
	ck_assert_int_eq(box_page(d, "Paragraf kedua.", 12, &b), 0);
	ck_assert(b->y > note->y + 100);
	doc_pages_free(d);
	diag_free(&dl);
}
END_TEST

/*
 * Many paragraphs, every third citing a footnote of three lines: each
 * footnote is on the page of its reference, and no text line goes into
 * the footnotes' room.
 */
START_TEST(test_notes_on_citing_page)
{
	struct buf b = BUF_INIT;
	struct diag_list dl;
	struct doc_pages *d;
	int i, n = 60;

	/* one definition per reference: labels x3, x6, ... */
	for (i = 1; i <= n; i++) {
		buf_printf(&b, "Baris %d satu dua tiga empat lima enam tujuh "
		    "delapan sembilan sepuluh sebelas dua belas tiga belas "
		    "empat belas lima belas", i);
		if (i % 3 == 0)
			buf_printf(&b, "[^x%d]", i);
		buf_puts(&b, "\n\n");
		if (i % 3 == 0)
			buf_printf(&b, "[^x%d]: Catatan %d: kalimat yang cukup "
			    "panjang untuk tiga baris pada ukuran sepuluh poin di "
			    "halaman ini, lalu kata-kata lagi sampai baris ketiga "
			    "juga terisi dengan teks catatan.\n\n", i, i);
	}
	diag_init(&dl);
	d = notes_pages(b.data, &dl);
	ck_assert_uint_eq(dl.n, 0);
	ck_assert_uint_ge(d->npage, 3);
	for (i = 3; i <= n; i += 3) {
		char want[32], num[16];
		const struct box *nb;
		long pn, pl = -1;
		size_t k, j;

		snprintf(want, sizeof(want), "Catatan %d:", i);
		snprintf(num, sizeof(num), "%d", i / 3);
		pn = box_page(d, want, 10, &nb);
		ck_assert_int_ge(pn, 0);
		/* its reference: the superscript number in the text */
		for (k = 0; k < d->npage && pl < 0; k++)
			for (j = 0; j < d->page[k].nbox; j++) {
				const struct box *x = &d->page[k].box[j];

				if (x->type == BOX_TEXT && x->size_pt < 8 &&
				    x->size_pt > 7 && strcmp(x->text, num) == 0)
					pl = (long)k;
			}
		ck_assert_int_eq(pn, pl);
		/* text lines stay above the footnotes of their page */
		for (k = 0; k < d->page[pn].nbox; k++) {
			const struct box *x = &d->page[pn].box[k];

			if (x->type == BOX_TEXT && x->size_pt == 12 &&
			    strncmp(x->text, "Baris", 5) == 0)
				ck_assert(x->y > nb->y + 10);
		}
	}
	doc_pages_free(d);
	diag_free(&dl);
	buf_free(&b);
}
END_TEST

/* A footnote longer than a page goes on at the foot of the next pages,
 * every line of it once, in order. */
START_TEST(test_notes_continue)
{
	struct buf b = BUF_INIT;
	struct diag_list dl;
	struct doc_pages *d;
	size_t i, j, lines = 0;
	long first = -1, last = -1, prev_w = 0;
	int w;

	buf_puts(&b, "Awal[^p] teks.\n\n");
	for (i = 0; i < 80; i++)
		buf_printf(&b, "Paragraf %zu dengan beberapa kata.\n\n", i);
	buf_puts(&b, "[^p]:");
	for (w = 1; w <= 2500; w++)
		buf_printf(&b, " w%d", w);
	buf_puts(&b, "\n");
	diag_init(&dl);
	d = notes_pages(b.data, &dl);
	ck_assert_uint_eq(dl.n, 0);
	for (i = 0; i < d->npage; i++)
		for (j = 0; j < d->page[i].nbox; j++) {
			const struct box *x = &d->page[i].box[j];
			const char *s;

			if (x->type != BOX_TEXT || x->size_pt != 10)
				continue;
			lines++;
			if (first < 0)
				first = (long)i;
			ck_assert(last < 0 || (long)i == last || (long)i == last + 1);
			last = (long)i;
			/* the words come in order */
			s = x->text;
			while ((s = strchr(s, 'w')) != NULL) {
				w = atoi(s + 1);
				ck_assert_int_eq(w, prev_w + 1);
				prev_w = w;
				s++;
			}
		}
	ck_assert_int_eq(prev_w, 2500);
	ck_assert_int_eq(first, 0);
	ck_assert_int_ge(last, 2);
	ck_assert_uint_gt(lines, 100);
	doc_pages_free(d);
	diag_free(&dl);
	buf_free(&b);
}
END_TEST

Suite *
notes_suite(void)
{
	Suite *s = suite_create("notes");
	TCase *tc = tcase_create("notes");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_notes_numbered);
	tcase_add_test(tc, test_notes_scoped_per_field);
	tcase_add_test(tc, test_notes_errors);
	tcase_add_test(tc, test_notes_at_foot);
	tcase_add_test(tc, test_notes_on_citing_page);
	tcase_add_test(tc, test_notes_continue);
	suite_add_tcase(s, tc);
	return s;
}
