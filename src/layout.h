/*
 * rencana: layout: block tree -> pages of positioned boxes (page.h).
 * Measures text through struct metrics; never calls libharu.
 */
#ifndef RENCANA_LAYOUT_H
#define RENCANA_LAYOUT_H

struct block;
struct style;
struct metrics;
struct diag_list;
struct doc_pages;

/*
 * Lays out a block tree (blocks_from_markdown) with a style and font
 * metrics.  basedir is the folder relative paths (the cover logo) are
 * resolved against (NULL: the current directory).  Problems (a missing logo)
 * are added to dl.  Returns new pages the caller frees with doc_pages_free;
 * never NULL.  Deterministic and linear in the size of the tree.
 */
struct doc_pages *layout_run(const struct block *doc, const struct style *,
		    const struct metrics *, const char *basedir,
		    struct diag_list *dl);

/* The printed label of page i ("iii", "3"): roman before body_start,
 * arabic from it.  Writes at most n bytes (NUL included) to out. */
void		 layout_page_label(const struct doc_pages *, size_t i,
		    char *out, size_t n);

/*
 * The decisions layout takes for a GFM table, for another back end
 * (docx.c) to follow: a context over a style and metrics, in which
 * layout_tables_fit gives table t (tables in document order) laid out
 * `width` pt wide its column widths w[ncols] (pt), which columns hold
 * numbers num[] and their decimals dec[] (64 entries each: blocks.c caps
 * columns at 64), and returns its text size in pt.  Tables of one kind
 * share widths as in the PDF.  layout_tables_cell gives the runs a body
 * cell is set with in a number column with dec decimals ("63" beside
 * "57,9" becomes "63,0"): cell->run, or *tmp whose text the caller frees
 * when the result is tmp.
 */
struct layout_tables;
struct run;
struct block;
struct layout_tables *layout_tables_new(const struct style *,
		    const struct metrics *);
double		 layout_tables_fit(struct layout_tables *, const struct block *t,
		    double width, double *w, unsigned char *num,
		    unsigned char *dec);
const struct run *layout_tables_cell(const struct block *cell, int dec,
		    struct run *tmp);
void		 layout_tables_free(struct layout_tables *);
/*
 * A chart's data (figure b, `rencana-grafik`) as a grid of WinAnsi strings,
 * for a back end that sets it as a table: row 0 holds the unit (or "") and
 * the series (one unnamed series: "" and the unit), each further row a `nilai` line's label and its values as the
 * chart prints them (1.234; 12,5; `-` for none).  *cells holds *nrow times
 * *ncol strings, row by row; the caller frees each and the array.  Returns
 * 0 (and no cells) when the data make no chart (layout reports why).
 */
int		 layout_chart_cells(const struct block *b, char ***cells,
		    size_t *nrow, size_t *ncol);
/* n bytes of UTF-8 in capitals, in place, as layout sets chapter headings
 * (a letter whose capital has another length in UTF-8 stays as it is). */
void		 layout_upper_utf8(char *s, size_t n);

#endif
