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

#endif
