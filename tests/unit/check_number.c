/* rencana: unit tests of the numbering pass (number.c). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "diag.h"
#include "number.h"

#define N(a) (int)(sizeof(a) / sizeof((a)[0]))

/* ---- labels ---- */

static const struct { long in; const char *want; } romans[] = {
	{ 1, "I" }, { 2, "II" }, { 4, "IV" }, { 5, "V" }, { 9, "IX" },
	{ 10, "X" }, { 14, "XIV" }, { 40, "XL" }, { 90, "XC" },
	{ 1994, "MCMXCIV" }, { 3999, "MMMCMXCIX" }, { 0, "0" }, { 4000, "4000" },
};

START_TEST(test_roman)
{
	char *s = number_roman(romans[_i].in);

	ck_assert_str_eq(s, romans[_i].want);
	free(s);
}
END_TEST

static const struct {
	enum blk_counter k;
	int letter;
	int ch, sec, n;
	const char *want;
} labels[] = {
	{ CNT_CHAPTER, 0, 0, 0, 4, "BAB IV" },
	{ CNT_SECTION, 0, 1, 0, 1, "1.1" },
	{ CNT_SECTION, 0, 4, 0, 12, "4.12" },
	{ CNT_SECTION, 0, 0, 0, 3, "3" },		/* before any chapter */
	{ CNT_SECTION, 1, 1, 0, 1, "A." },
	{ CNT_SECTION, 1, 3, 0, 3, "C." },
	{ CNT_SECTION, 1, 2, 0, 27, "2.27" },		/* past Z: decimals */
	{ CNT_SUBSECTION, 0, 2, 3, 1, "2.3.1" },
	{ CNT_SUBSECTION, 1, 2, 3, 4, "4." },
	{ CNT_TABLE, 0, 2, 5, 1, "Tabel 2.1" },
	{ CNT_TABLE, 0, 0, 0, 7, "Tabel 7" },
};

START_TEST(test_label)
{
	struct number_opts o;
	int within[2] = { labels[_i].ch, labels[_i].sec };
	char *s;

	memset(&o, 0, sizeof(o));
	o.letter_sections = labels[_i].letter;
	s = number_label(labels[_i].k, &o, within, labels[_i].n);
	ck_assert_str_eq(s, labels[_i].want);
	free(s);
}
END_TEST

/* ---- the pass ---- */

/* The text of a block's runs, a line break as `|`. */
static char *
text_of(const struct block *b)
{
	size_t i, n = 1;
	char *s;

	for (i = 0; i < b->nrun; i++)
		n += b->run[i].len + 1;
	s = calloc(1, n);
	for (i = 0; i < b->nrun; i++)
		strcat(s, b->run[i].flags & RUN_BREAK ? "|" : b->run[i].text);
	return s;
}

/* The headings and captions of a tree, "label/text" each, in order,
 * joined by `;`, into out. */
static void
outline_of(const struct block *doc, char *out, size_t n)
{
	const struct block *b = doc;

	*out = '\0';
	while (b != NULL) {
		if (b->type == BLK_HEADING ||
		    (b->type == BLK_PARAGRAPH && b->is_caption)) {
			char *t = text_of(b);

			strncat(out, t, n - strlen(out) - 1);
			strncat(out, ";", n - strlen(out) - 1);
			free(t);
		}
		b = blocks_walk_next(doc, b, 0);
	}
}

static struct block *
numbered(const char *md, const struct number_opts *o)
{
	struct diag_list dl;
	struct block *doc;

	diag_init(&dl);
	doc = blocks_from_markdown(md, strlen(md), "t.md", &dl);
	number_run(doc, o, &dl);
	ck_assert_uint_eq(dl.n, 0);
	ck_assert_int_eq(blocks_check(doc), 0);
	diag_free(&dl);
	return doc;
}

static const char doc_md[] =
    "# Kata Pengantar\n\nteks\n\n"
    "```rencana-mulai-isi\n```\n\n"
    "# Pendahuluan\n\n## Latar\n\n## Dasar\n\n"
    "```rencana-daftar-bab\n```\n\n"
    "Table: Kondisi *pegawai*\n\n| a |\n|---|\n| 1 |\n\n"
    "| tanpa |\n|---|\n| judul |\n\n"
    "# Strategi\n\n## Satu\n\n### Rinci\n\n"
    "| b |\n|---|\n| 2 |\n\n: Di bawah\n\n"
    "Tabel: Di atas\n\n| c |\n|---|\n| 3 |\n\n"
    "## Dua\n\n### Lagi\n\n#### Tidak\n";

START_TEST(test_pass)
{
	struct block *doc = numbered(doc_md, NULL), *b, *l;
	char out[1024];

	outline_of(doc, out, sizeof(out));
	ck_assert_str_eq(out,
	    "Kata Pengantar;"		/* front matter: no number */
	    "BAB I|Pendahuluan;1.1 Latar;1.2 Dasar;"
	    "Tabel 1.1 Kondisi pegawai;"
	    "BAB II|Strategi;2.1 Satu;2.1.1 Rinci;"
	    "Tabel 2.1 Di bawah;"	/* below its table: moved above it */
	    "Tabel 2.2 Di atas;"
	    "2.2 Dua;2.2.1 Lagi;Tidak;");
	/* labels and the runs that hold them */
	for (b = doc->first; b != NULL; b = b->next)
		if (b->type == BLK_HEADING && b->level == 1 && b->label != NULL)
			break;
	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(b->counter, CNT_CHAPTER);
	ck_assert_int_eq(b->number, 1);
	ck_assert_str_eq(b->label, "BAB I");
	ck_assert_uint_eq(b->nlabel, 2);
	ck_assert(b->run[1].flags & RUN_BREAK);
	/* the caption's label is bold, the rest keeps its own style */
	for (; b != NULL && !b->is_caption; b = b->next)
		;
	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(b->counter, CNT_TABLE);
	ck_assert_str_eq(b->label, "Tabel 1.1");
	ck_assert(b->run[0].flags & RUN_BOLD);
	ck_assert(b->run[b->nrun - 1].flags & RUN_ITALIC);
	ck_assert_ptr_eq(b->next->caption, b);
	/* an uncaptioned table gets no number */
	ck_assert_int_eq(b->next->next->type, BLK_TABLE);
	ck_assert_ptr_null(b->next->next->caption);
	/* the chapter list stands where the directive was */
	for (l = doc->first; l != NULL; l = l->next) {
		ck_assert(l->type != BLK_DIRECTIVE ||
		    strcmp(l->name, "daftar-bab") != 0);
		if (l->type == BLK_LIST)
			break;
	}
	ck_assert_ptr_nonnull(l);
	ck_assert_int_eq(l->tight, 1);
	ck_assert_int_eq(l->ordered, 0);
	ck_assert_str_eq(l->first->first->run[0].text, "BAB I Pendahuluan");
	ck_assert_str_eq(l->last->first->run[0].text, "BAB II Strategi");
	ck_assert_ptr_eq(l->first->next, l->last);
	blocks_free(doc);
}
END_TEST

/* Moving a chapter moves its numbers: the same chapters swapped. */
START_TEST(test_order_follows_text)
{
	static const char md[] =
	    "```rencana-mulai-isi\n```\n\n"
	    "# Strategi\n\n## Satu\n\nTable: S\n\n| a |\n|---|\n| 1 |\n\n"
	    "# Pendahuluan\n\n## Latar\n\nTable: P\n\n| a |\n|---|\n| 1 |\n";
	struct block *doc = numbered(md, NULL);
	char out[512];

	outline_of(doc, out, sizeof(out));
	ck_assert_str_eq(out, "BAB I|Strategi;1.1 Satu;Tabel 1.1 S;"
	    "BAB II|Pendahuluan;2.1 Latar;Tabel 2.1 P;");
	blocks_free(doc);
}
END_TEST

/* The outline of md numbered with the English words and letter sections. */
static void
english_outline(const char *md, char *out, size_t n)
{
	struct number_opts o;
	struct block *doc;

	memset(&o, 0, sizeof(o));
	o.chapter_word = "CHAPTER";
	o.table_word = "Table";
	o.appendix_word = "APPENDIX";
	o.letter_sections = 1;
	doc = numbered(md, &o);
	outline_of(doc, out, n);
	blocks_free(doc);
}

START_TEST(test_words_letters_no_body)
{
	static const char md[] =
	    "# Introduction\n\n## Background\n\n### Detail\n\n"
	    "Table:\n\n| a |\n|---|\n| 1 |\n";
	char out[512];

	/* no rencana-mulai-isi: the whole document is the body */
	english_outline(md, out, sizeof(out));
	/* an empty caption is its label alone */
	ck_assert_str_eq(out, "CHAPTER I|Introduction;A. Background;1. Detail;"
	    "Table 1.1;");
}
END_TEST

/* A caption between two tables belongs to the second; markers need a
 * blank after them; code is never a caption. */
START_TEST(test_caption_rules)
{
	static const char md[] =
	    "# A\n\n"
	    "| a |\n|---|\n| 1 |\n\n"
	    ": Kedua\n\n"
	    "| b |\n|---|\n| 2 |\n\n"
	    "Table:tanpa spasi\n\n| c |\n|---|\n| 3 |\n\n"
	    "`Table: kode`\n\n| d |\n|---|\n| 4 |\n";
	struct block *doc = numbered(md, NULL);
	char out[512];

	outline_of(doc, out, sizeof(out));
	ck_assert_str_eq(out, "BAB I|A;Tabel 1.1 Kedua;");
	blocks_free(doc);
}
END_TEST

/* Appendices after rencana-mulai-lampiran: LAMPIRAN I, II; each a
 * chapter-level unit whose roman number prefixes its sections and tables,
 * reset at each; the chapter list leaves them out; the label words. */
START_TEST(test_appendix)
{
	static const char md[] =
	    "```rencana-mulai-isi\n```\n\n"
	    "# Pendahuluan\n\n## Latar\n\nTable: P\n\n| a |\n|---|\n| 1 |\n\n"
	    "Table: Q\n\n| a |\n|---|\n| 1 |\n\n"
	    "```rencana-daftar-bab\n```\n\n"
	    "```rencana-mulai-lampiran\nbaris: PERATURAN\n```\n\n"
	    "# Rincian\n\n## Bagian\n\n### Sub\n\nTable: R\n\n| a |\n|---|\n| 1 |\n\n"
	    "Table: S\n\n| a |\n|---|\n| 1 |\n\n"
	    "# Data\n\nTable: T\n\n| a |\n|---|\n| 1 |\n";
	struct block *doc = numbered(md, NULL), *b, *l;
	char out[512];

	outline_of(doc, out, sizeof(out));
	ck_assert_str_eq(out, "BAB I|Pendahuluan;1.1 Latar;Tabel 1.1 P;Tabel 1.2 Q;"
	    "LAMPIRAN I|Rincian;I.1 Bagian;I.1.1 Sub;Tabel I.1 R;Tabel I.2 S;"
	    "LAMPIRAN II|Data;Tabel II.1 T;");
	for (b = doc->first; b != NULL; b = b->next)
		if (b->type == BLK_HEADING && b->counter == CNT_APPENDIX)
			break;
	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(b->number, 1);
	ck_assert_str_eq(b->label, "LAMPIRAN I");
	ck_assert_uint_eq(b->nlabel, 2);
	ck_assert(b->run[1].flags & RUN_BREAK);
	/* the Sistematika list names chapters only */
	for (l = doc->first; l != NULL && l->type != BLK_LIST; l = l->next)
		;
	ck_assert_ptr_nonnull(l);
	ck_assert_ptr_eq(l->first, l->last);
	blocks_free(doc);
	/* the words of the word set; letter sections stay letters */
	english_outline(md, out, sizeof(out));
	ck_assert_str_eq(out, "CHAPTER I|Pendahuluan;A. Latar;Table 1.1 P;Table 1.2 Q;"
	    "APPENDIX I|Rincian;A. Bagian;1. Sub;Table I.1 R;Table I.2 S;"
	    "APPENDIX II|Data;Table II.1 T;");
}
END_TEST

/* The label of a counter within a unit given as text. */
START_TEST(test_label_in)
{
	int within[2] = { 0, 2 };
	char *s;

	s = number_label_in(CNT_TABLE, NULL, "IV", within, 3);
	ck_assert_str_eq(s, "Tabel IV.3");
	free(s);
	s = number_label_in(CNT_SUBSECTION, NULL, "II", within, 1);
	ck_assert_str_eq(s, "II.2.1");
	free(s);
	s = number_label_in(CNT_APPENDIX, NULL, NULL, within, 14);
	ck_assert_str_eq(s, "LAMPIRAN XIV");
	free(s);
	s = number_label_in(CNT_TABLE, NULL, NULL, within, 3);
	ck_assert_str_eq(s, "Tabel 3");
	free(s);
}
END_TEST

Suite *
number_suite(void)
{
	Suite *s = suite_create("number");
	TCase *tc = tcase_create("number");

	tcase_add_loop_test(tc, test_roman, 0, N(romans));
	tcase_add_loop_test(tc, test_label, 0, N(labels));
	tcase_add_test(tc, test_pass);
	tcase_add_test(tc, test_order_follows_text);
	tcase_add_test(tc, test_words_letters_no_body);
	tcase_add_test(tc, test_caption_rules);
	tcase_add_test(tc, test_appendix);
	tcase_add_test(tc, test_label_in);
	suite_add_tcase(s, tc);
	return s;
}
