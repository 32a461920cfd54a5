/* rencana: tests of words.c: year ranges, foreign terms, tied names. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "diag.h"
#include "words.h"

static const struct {
	const char *in, *out;
} dashes[] = {
	{ "2026-2030", "2026\x96" "2030" },
	{ "Tahun 2026 - 2030.", "Tahun 2026\x96" "2030." },
	{ "(2027-2031)", "(2027\x96" "2031)" },
	{ "2030-2026", "2030-2026" },		/* not a range */
	{ "0370-6312", "0370-6312" },		/* a telephone number */
	{ "800/2026-2027", "800/2026-2027" },	/* part of a number */
	{ "2026-2030/a", "2026-2030/a" },
	{ "2026-06-30", "2026-06-30" },		/* a date */
	{ "12026-2030", "12026-2030" },
	{ "2026-20301", "2026-20301" },
	{ "1990-2200", "1990-2200" },		/* not a year */
	{ "2000-2101", "2000-2101" },		/* over 100 years */
	{ "a 2026-2027 b 2028-2029", "a 2026\x96" "2027 b 2028\x96" "2029" },
};

START_TEST(test_dash)
{
	char buf[64];
	size_t n;

	strcpy(buf, dashes[_i].in);
	n = words_dash_years(buf, strlen(buf));
	buf[n] = '\0';
	ck_assert_str_eq(buf, dashes[_i].out);
}
END_TEST

/* The last block of type t under b (pre-order), or NULL. */
static const struct block *
find_last(const struct block *b, enum blk_type t)
{
	const struct block *c, *r = b->type == t ? b : NULL, *x;

	for (c = b->first; c != NULL; c = c->next)
		if ((x = find_last(c, t)) != NULL)
			r = x;
	return r;
}

/* The runs of the last block of type t, as "text|flags;" */
static void
runs_of(const struct block *doc, enum blk_type t, char *out, size_t cap)
{
	const struct block *b = find_last(doc, t);
	size_t i, n = 0;

	out[0] = '\0';
	for (i = 0; b != NULL && i < b->nrun; i++)
		n += (size_t)snprintf(out + n, cap - n, "%s|%u;", b->run[i].text,
		    b->run[i].flags);
}

static struct block *
parse_run(const char *md, const struct words_opts *o)
{
	struct diag_list dl;
	struct block *doc;

	diag_init(&dl);
	doc = blocks_from_markdown(md, strlen(md), NULL, &dl);
	ck_assert_uint_eq(dl.nerror, 0);
	diag_free(&dl);
	words_run(doc, o);
	ck_assert_int_eq(blocks_check(doc), 0);
	return doc;
}

START_TEST(test_italics)
{
	static const char *const terms[] = { "workshop", "e-learning",
	    "webinar", "mindset", "soft skills" };
	struct words_opts o = { terms, 5, NULL, 0 };
	struct block *doc;
	char got[512];

	doc = parse_run("Ikut workshop, workshops dan E-Learning; *mindset* "
	    "**soft  skills** di https://webinar.go.id `webinar`.\n", &o);
	runs_of(doc, BLK_PARAGRAPH, got, sizeof(got));
	ck_assert_str_eq(got, "Ikut |0;workshop|2;, workshops dan |0;"
	    "E-Learning|2;; |0;mindset|2; |0;soft  skills|1;"
	    " di https://webinar.go.id |0;webinar|4;.|0;");
	blocks_free(doc);
	/* headings and captions keep their words upright */
	doc = parse_run("## Program workshop\n", &o);
	runs_of(doc, BLK_HEADING, got, sizeof(got));
	ck_assert_str_eq(got, "Program workshop|0;");
	blocks_free(doc);
	/* table cells are body text */
	doc = parse_run("| a |\n|---|\n| ikut webinar |\n", &o);
	runs_of(doc, BLK_CELL, got, sizeof(got));
	ck_assert_str_eq(got, "ikut |0;webinar|2;");
	blocks_free(doc);
}
END_TEST

START_TEST(test_ties)
{
	static const char *const names[] = { "Kota Mataram", "Mataram",
	    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
	    "Dr. Lalu Ahmad, S.H." };
	struct words_opts o = { NULL, 0, names, 4 };
	struct block *doc;
	char got[512];

	doc = parse_run("Wali Kota Mataram, KOTA\nMATARAM, Badan Kepegawaian dan "
	    "Pengembangan Sumber Daya Manusia; Dr. Lalu Ahmad, S.H. "
	    "`Kota Mataram` Kota Mataramku.\n", &o);
	runs_of(doc, BLK_PARAGRAPH, got, sizeof(got));
	ck_assert_str_eq(got, "Wali Kota\xc2\xa0Mataram, KOTA\xc2\xa0MATARAM, Badan "
	    "Kepegawaian dan Pengembangan Sumber Daya Manusia; "
	    "Dr.\xc2\xa0Lalu\xc2\xa0" "Ahmad,\xc2\xa0S.H. |0;Kota Mataram|4; "
	    "Kota Mataramku.|0;");
	blocks_free(doc);
	/* headings too, and the cover's values (UTF-8) */
	doc = parse_run("# Kota Mataram 2026-2030\n\n```rencana-sampul\n"
	    "judul: Rencana Kota Mataram 2026-2030\nlogo: a-2026-2030.png\n```\n", &o);
	runs_of(doc, BLK_HEADING, got, sizeof(got));
	ck_assert_str_eq(got, "Kota\xc2\xa0Mataram 2026\xe2\x80\x93" "2030|0;");
	ck_assert_str_eq(blocks_kv(doc->last, "judul"),
	    "Rencana Kota\xc2\xa0Mataram 2026\xe2\x80\x93" "2030");
	ck_assert_str_eq(blocks_kv(doc->last, "logo"), "a-2026-2030.png");
	blocks_free(doc);
}
END_TEST

/* Text beyond WinAnsi: the pass reads it as WinAnsi with placeholders and
 * gives it back whole; a name with such letters is tied, a near miss (one
 * letter differing only in its accent: ì for ị) is not. */
START_TEST(test_ties_unicode)
{
	/* Đặng Văn Thịnh */
	static const char *const names[] = {
	    "\xc4\x90\xe1\xba\xb7ng V\xc4\x83n Th\xe1\xbb\x8bnh" };
	struct words_opts o = { NULL, 0, names, 1 };
	struct block *doc;
	char got[512];

	doc = parse_run("Dipandu \xc4\x90\xe1\xba\xb7ng V\xc4\x83n "
	    "Th\xe1\xbb\x8bnh \xe2\x89\xa5 2026-2030 dan \xc4\x90\xe1\xba\xb7ng "
	    "V\xc4\x83n Th\xc3\xacnh.\n", &o);
	runs_of(doc, BLK_PARAGRAPH, got, sizeof(got));
	ck_assert_str_eq(got, "Dipandu \xc4\x90\xe1\xba\xb7ng\xc2\xa0V\xc4\x83n"
	    "\xc2\xa0Th\xe1\xbb\x8bnh \xe2\x89\xa5 2026\xe2\x80\x93" "2030 dan "
	    "\xc4\x90\xe1\xba\xb7ng V\xc4\x83n Th\xc3\xacnh.|0;");
	blocks_free(doc);
}
END_TEST

Suite *
words_suite(void)
{
	Suite *s = suite_create("words");
	TCase *tc = tcase_create("words");

	tcase_add_loop_test(tc, test_dash, 0,
	    (int)(sizeof(dashes) / sizeof(dashes[0])));
	tcase_add_test(tc, test_italics);
	tcase_add_test(tc, test_ties);
	tcase_add_test(tc, test_ties_unicode);
	suite_add_tcase(s, tc);
	return s;
}
