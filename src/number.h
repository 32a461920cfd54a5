/*
 * rencana: the numbering pass: block tree -> the same tree, numbered.
 * Chapters, sections, subsections and table captions get their numbers and
 * labels where they stand, so moving a chapter in the template moves its
 * numbers, contents lines, list-of-tables lines and bookmarks with it.
 */
#ifndef RENCANA_NUMBER_H
#define RENCANA_NUMBER_H

#include <stddef.h>

#include "blocks.h"
#include "diag.h"

/* The words and styles of the labels; NULL words take the defaults. */
struct number_opts {
	const char	*chapter_word;	/* UTF-8: "BAB" (default), "CHAPTER" */
	const char	*table_word;	/* UTF-8: "Tabel" (default), "Table" */
	int		 letter_sections; /* sections A., B.; subsections 1., 2.
					 * (gaya.yaml penomoran_judul: huruf) */
	const char	*appendix_word;	/* UTF-8: "LAMPIRAN" (default), "APPENDIX" */
	const char	*figure_word;	/* UTF-8: "Gambar" (default), "Figure" */
	int		 no_charts;	/* charts are left out (gaya.yaml
					 * grafik: false) */
};

struct style;

/* The options a style gives: its chapter, caption and figure words (the
 * word set's `bab`, `tabel` and `gambar`), penomoran_judul and grafik.
 * o points into st. */
void	number_opts_from_style(struct number_opts *o, const struct style *st);

/*
 * Numbers a tree made by blocks_from_markdown / blocks_from_template, in
 * place, in document order:
 *  - the body starts at the `rencana-mulai-isi` directive (the whole
 *    document when there is none); headings before it (KATA PENGANTAR) are
 *    front matter and are not numbered;
 *  - in the body a level-1 heading is a chapter: its runs become
 *    "BAB I", a line break, then its title; level 2 and 3 are sections and
 *    subsections: "1.1 ", "1.1.1 " before the title;
 *  - every table caption (blocks.c) gets "Tabel 2.1 " before its text, in
 *    bold, numbered within its chapter (a table outside any chapter: its
 *    number in the document, "Tabel 1");
 *  - every figure (an image alone in its paragraph, a `rencana-grafik`
 *    chart) gets "Gambar 2.1 " before its caption, in bold, numbered
 *    within its chapter like tables; with no_charts, chart figures are
 *    removed from the tree first (they print nothing and take no number);
 *  - each `rencana-daftar-bab` directive is replaced by a bullet list of the
 *    chapters, "BAB I Pendahuluan", one item each;
 *  - after a `rencana-mulai-lampiran` directive a level-1 heading is an
 *    appendix, "LAMPIRAN I", a line break, then its title.  An appendix is
 *    a chapter-level unit: its sections, subsections and captions are
 *    numbered within it, with its roman number as their prefix ("I.1",
 *    "Tabel I.1"), as a chapter's are with its number ("2.1", "Tabel 2.1").
 * Each numbered block gets counter, number, label and nlabel (blocks.h).
 * Nothing is reported today; dl is for later counters.  Linear in the tree.
 */
void	number_run(struct block *doc, const struct number_opts *,
	    struct diag_list *dl);

/*
 * The label of counter value n (from 1) below the values of the counters
 * it lies within (within[0] the chapter, within[1] the section; 0 where
 * there is none), as new UTF-8 text the caller frees: "BAB IV", "2.3",
 * "C.", "2.3.1", "Tabel 2.1", "Gambar 2.1".
 */
char	*number_label(enum blk_counter, const struct number_opts *,
	    const int *within, int n);
/*
 * The same, with the prefix of the chapter-level unit as text: `unit` is
 * "2" in BAB II, "I" in LAMPIRAN I, NULL outside both (within[0] is then
 * ignored); within[1] is the section.  Every counter counted within a
 * chapter takes its prefix from here, so it holds in appendices too.
 */
char	*number_label_in(enum blk_counter, const struct number_opts *,
	    const char *unit, const int *within, int n);

/* 1..3999 -> "I".."MMMCMXCIX"; other values in decimals.  New string. */
char	*number_roman(long n);

#endif
