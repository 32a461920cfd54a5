/*
 * rencana: the numbering pass.  Walks the block tree once in document
 * order and steps a counter at each heading or table caption it meets, as
 * TeX steps \thechapter where a chapter is set: the numbers follow the
 * order the template wrote, never an order fixed in advance.  The labels
 * are written into the tree (the heading's or caption's first runs, and
 * block.label), so layout, the contents, the list of tables, the PDF
 * bookmarks and any later writer read them from the one numbered tree.
 *
 * Counters are a table (defs[] below): each names the counter it is
 * counted within, which resets it.  A figure (Gambar 2.1) is one more row
 * within the chapter, like a table.  Appendices (LAMPIRAN I) are a counter
 * of their own that takes the chapter's place (`as`): stepping one resets
 * what a chapter step resets, and its roman number is the prefix (`unit`)
 * of what is counted within it, "Tabel I.1", "Gambar I.1".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "buf.h"
#include "number.h"
#include "style.h"
#include "winansi.h"
#include "xalloc.h"

/*
 * Limits: none of its own.  blocks.c caps headings at 20,000, so a counter
 * stays far from INT_MAX; chapters past 3999 (no roman numeral) are
 * labelled in decimals.  Work is one walk plus, for each `rencana-daftar-bab`,
 * one list item per chapter.
 */
#define LETTER_MAX	26	/* A. .. Z.; further sections in decimals */

static const struct counter_def {
	enum blk_counter within;	/* reset when this counter steps */
	enum blk_counter as;		/* steps as this one does (resets
					 * what it resets), or CNT_NONE */
} defs[CNT_COUNT] = {
	[CNT_NONE] = { CNT_NONE },
	[CNT_CHAPTER] = { CNT_NONE },
	[CNT_SECTION] = { CNT_CHAPTER },
	[CNT_SUBSECTION] = { CNT_SECTION },
	[CNT_TABLE] = { CNT_CHAPTER },
	[CNT_APPENDIX] = { CNT_NONE, CNT_CHAPTER },
	[CNT_FOOTNOTE] = { CNT_NONE },
	[CNT_FIGURE] = { CNT_CHAPTER },
};

struct numbering {
	const struct number_opts *o;
	int		 value[CNT_COUNT];
	int		 in_body;
	int		 in_appendix;		/* after rencana-mulai-lampiran */
	char		*unit;			/* prefix of the chapter-level unit
						 * ("2", "I"), or NULL before one */
	struct block	**chapter;		/* chapters, in order */
	size_t		 nchapter, chaptercap;
	struct block	**list;			/* rencana-daftar-bab directives */
	size_t		 nlist, listcap;
};

char *
number_roman(long n)
{
	struct buf b = BUF_INIT;

	buf_put_roman(&b, n, 1);
	if (b.len == 0)
		return xasprintf("%ld", n);	/* n outside 1..3999 */
	return buf_detach(&b);
}

char *
number_label(enum blk_counter k, const struct number_opts *o,
    const int *within, int n)
{
	char unit[24], *s;

	snprintf(unit, sizeof(unit), "%d", within[0]);
	s = number_label_in(k, o, within[0] != 0 ? unit : NULL, within, n);
	return s;
}

/* "WORD IV": a chapter-level unit's label. */
static char *
roman_label(const char *word, int n)
{
	char *r = number_roman(n), *s = xasprintf("%s %s", word, r);

	free(r);
	return s;
}

char *
number_label_in(enum blk_counter k, const struct number_opts *o,
    const char *unit, const int *within, int n)
{
	const char *cw = o != NULL && o->chapter_word != NULL ?
	    o->chapter_word : "BAB";
	const char *tw = o != NULL && o->table_word != NULL ?
	    o->table_word : "Tabel";
	const char *aw = o != NULL && o->appendix_word != NULL ?
	    o->appendix_word : "LAMPIRAN";
	const char *fw = o != NULL && o->figure_word != NULL ?
	    o->figure_word : "Gambar";
	int letter = o != NULL && o->letter_sections;

	switch (k) {
	case CNT_CHAPTER:
		return roman_label(cw, n);
	case CNT_APPENDIX:
		return roman_label(aw, n);
	case CNT_SECTION:
		if (letter && n <= LETTER_MAX)
			return xasprintf("%c.", 'A' + n - 1);
		if (unit == NULL)
			return xasprintf("%d", n);
		return xasprintf("%s.%d", unit, n);
	case CNT_SUBSECTION:
		if (letter)
			return xasprintf("%d.", n);
		if (unit == NULL && within[1] == 0)
			return xasprintf("%d", n);
		if (unit == NULL)
			return xasprintf("%d.%d", within[1], n);
		return xasprintf("%s.%d.%d", unit, within[1], n);
	case CNT_TABLE:
	case CNT_FIGURE:
		if (k == CNT_FIGURE)
			tw = fw;
		if (unit == NULL)
			return xasprintf("%s %d", tw, n);
		return xasprintf("%s %s.%d", tw, unit, n);
	default:
		return xasprintf("%d", n);
	}
}

/* True when counter j is counted within k (directly or further out). */
static int
is_within(enum blk_counter j, enum blk_counter k)
{
	while (j != CNT_NONE && defs[j].within != CNT_NONE) {
		j = defs[j].within;
		if (j == k)
			return 1;
	}
	return 0;
}

static int
step(struct numbering *nb, enum blk_counter k)
{
	enum blk_counter r = defs[k].as != CNT_NONE ? defs[k].as : k;
	int j;

	nb->value[k]++;
	for (j = 1; j < CNT_COUNT; j++)
		if (is_within((enum blk_counter)j, r))
			nb->value[j] = 0;
	return nb->value[k];
}

/* A chapter-level unit stepped to n: its prefix for what it holds, "2"
 * for BAB II, "II" for LAMPIRAN II. */
static void
set_unit(struct numbering *nb, enum blk_counter k, int n)
{
	free(nb->unit);
	nb->unit = k == CNT_APPENDIX ? number_roman(n) : xasprintf("%d", n);
}

/* Puts `label` and a separator (a line break, or a space) before the runs
 * of b; an empty title gets no separator. */
static void
prepend_label(struct block *b, const char *label_utf8, unsigned flags,
    int line_break)
{
	size_t wl = strlen(label_utf8), add = b->nrun > 0 ? 2 : 1, i;
	char *w = xstrdup(label_utf8);
	struct run *r = xcalloc(b->nrun + add, sizeof(*r));

	r[0].text = xstrndup(w, wl);
	r[0].len = wl;
	r[0].cap = wl + 1;
	r[0].flags = flags;
	if (add == 2) {
		r[1].text = xstrdup(line_break ? "" : " ");
		r[1].len = line_break ? 0 : 1;
		r[1].cap = r[1].len + 1;
		r[1].flags = line_break ? RUN_BREAK : 0;
	}
	for (i = 0; i < b->nrun; i++)
		r[add + i] = b->run[i];
	free(b->run);
	b->run = r;
	b->nrun += add;
	b->runcap = b->nrun;
	b->nlabel = add;
	b->label = w;
	b->label_len = wl;
}

static void
count(struct numbering *nb, struct block *b, enum blk_counter k)
{
	int within[2], n;
	char *label;

	n = step(nb, k);
	if (k == CNT_CHAPTER || k == CNT_APPENDIX)
		set_unit(nb, k, n);
	within[0] = nb->value[CNT_CHAPTER];
	within[1] = nb->value[CNT_SECTION];
	label = number_label_in(k, nb->o, nb->unit, within, n);
	b->counter = k;
	b->number = n;
	prepend_label(b, label, k == CNT_TABLE || k == CNT_FIGURE ? RUN_BOLD : 0,
	    k == CNT_CHAPTER || k == CNT_APPENDIX);
	free(label);
	if (k == CNT_CHAPTER) {
		nb->chapter = xgrow(nb->chapter, &nb->chaptercap,
		    nb->nchapter + 1, sizeof(*nb->chapter));
		nb->chapter[nb->nchapter++] = b;
	}
}

static int
is_directive(const struct block *b, const char *name)
{
	return b->type == BLK_DIRECTIVE && strcmp(b->name, name) == 0;
}

/*
 * The footnote references of b's runs: a footnote is numbered where it is
 * first cited (CNT_FOOTNOTE, through the whole document), and each
 * reference's text becomes its number, with a comma when another
 * reference follows it directly ("1,2").
 */
static void
count_notes(struct numbering *nb, struct block *b)
{
	size_t k;

	for (k = 0; k < b->nrun; k++) {
		struct run *r = &b->run[k];
		struct block *fn = r->note;
		int comma;

		if (!(r->flags & RUN_NOTE) || fn == NULL)
			continue;
		if (fn->counter != CNT_FOOTNOTE) {
			fn->counter = CNT_FOOTNOTE;
			fn->number = step(nb, CNT_FOOTNOTE);
			free(fn->label);
			fn->label = xasprintf("%d", fn->number);
			fn->label_len = strlen(fn->label);
		}
		comma = k + 1 < b->nrun && (b->run[k + 1].flags & RUN_NOTE);
		free(r->text);
		r->text = xasprintf("%s%s", fn->label, comma ? "," : "");
		r->len = strlen(r->text);
		r->cap = r->len + 1;
	}
}

static void
visit(struct numbering *nb, struct block *b)
{
	if (b->nrun > 0 && b->type == BLK_PARAGRAPH)
		count_notes(nb, b);
	if (b->type == BLK_HEADING && nb->in_body && b->level <= 3)
		count(nb, b, b->level == 1 ? (nb->in_appendix ? CNT_APPENDIX :
		    CNT_CHAPTER) : b->level == 2 ? CNT_SECTION : CNT_SUBSECTION);
	else if (b->type == BLK_PARAGRAPH && b->is_caption)
		count(nb, b, CNT_TABLE);
	else if (b->type == BLK_FIGURE)
		count(nb, b, CNT_FIGURE);
	else if (is_directive(b, "mulai-isi"))
		nb->in_body = 1;
	else if (is_directive(b, "mulai-lampiran"))
		nb->in_body = nb->in_appendix = 1;
	else if (is_directive(b, "daftar-bab")) {
		nb->list = xgrow(nb->list, &nb->listcap, nb->nlist + 1,
		    sizeof(*nb->list));
		nb->list[nb->nlist++] = b;
	}
}

/* A tight bullet list of the chapters, "BAB I Pendahuluan", for the
 * directive d, which it replaces. */
static void
chapter_list(struct numbering *nb, struct block *d)
{
	struct block *l = blocks_new(BLK_LIST, d->line);
	size_t i, k;

	l->tight = 1;
	for (i = 0; i < nb->nchapter; i++) {
		const struct block *h = nb->chapter[i];
		struct block *it = blocks_new(BLK_ITEM, d->line);
		struct block *p = blocks_new(BLK_PARAGRAPH, d->line);

		blocks_append(l, it);
		blocks_append(it, p);
		blocks_add_run(p, h->label, h->label_len, 0);
		for (k = h->nlabel; k < h->nrun; k++) {
			const struct run *r = &h->run[k];

			if (k == h->nlabel)
				blocks_add_run(p, " ", 1, 0);
			if (r->flags & RUN_BREAK)
				blocks_add_run(p, " ", 1, 0);
			else
				blocks_add_run(p, r->text, r->len, r->flags);
		}
	}
	blocks_insert_before(d, l);
	blocks_unlink(d);
	blocks_free(d);
}

void
number_opts_from_style(struct number_opts *o, const struct style *st)
{
	memset(o, 0, sizeof(*o));
	o->chapter_word = st->chapter_word;
	o->table_word = st->caption_word;
	o->letter_sections = st->headnum == HEADNUM_LETTER;
	o->appendix_word = st->appendix_word;
	o->figure_word = st->figure_word;
	o->no_charts = !st->charts;
}

/* Removes the chart figures of the tree (gaya.yaml grafik: false). */
static void
drop_charts(struct block *doc)
{
	struct block *b = doc, *next;

	while (b != NULL) {
		next = blocks_walk_next(doc, b, 0);
		if (b->type == BLK_FIGURE && strcmp(b->name, "grafik") == 0) {
			/* b has no children: the walk goes on at its sibling */
			blocks_unlink(b);
			blocks_free(b);
		}
		b = next;
	}
}

void
number_run(struct block *doc, const struct number_opts *o,
    struct diag_list *dl)
{
	struct numbering nb;
	struct block *b;
	size_t i;

	(void)dl;
	if (doc == NULL)
		return;
	if (o != NULL && o->no_charts)
		drop_charts(doc);
	memset(&nb, 0, sizeof(nb));
	nb.o = o;
	/* without a `rencana-mulai-isi` the whole document is the body */
	nb.in_body = 1;
	for (b = doc; b != NULL; b = blocks_walk_next(doc, b, 0))
		if (is_directive(b, "mulai-isi"))
			nb.in_body = 0;
	for (b = doc; b != NULL; b = blocks_walk_next(doc, b, 0))
		visit(&nb, b);
	for (i = 0; i < nb.nlist; i++)
		chapter_list(&nb, nb.list[i]);
	free(nb.chapter);
	free(nb.list);
	free(nb.unit);
}
