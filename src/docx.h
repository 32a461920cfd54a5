/*
 * rencana: the Word (DOCX, WordprocessingML) back end: the numbered block
 * tree written as a document a secretariat can keep editing, with the page
 * numbers of its contents taken from the PDF's layout.  docx.c is the only
 * user of libxml2's writer; the container comes from zipout.c.
 */
#ifndef RENCANA_DOCX_H
#define RENCANA_DOCX_H

#include "buf.h"

struct block;
struct style;
struct metrics;
struct doc_pages;
struct diag_list;

/*
 * Appends the DOCX (a ZIP archive) of the numbered, laid-out tree doc to
 * out: st and m are what layout used, pages what it made of doc (page
 * numbers of the headings and tables, page labels, the cover logo, the
 * document's properties and date).  Deterministic: the same input gives the
 * same bytes.  Returns PDF_OK (0), PDF_BAD_INPUT (an image named by the
 * plan cannot be read) or PDF_FAIL (libxml2 or libzip failed), each after
 * a message in dl; out is left as it was on failure.
 */
int		 docx_write(const struct block *doc, const struct style *st,
		    const struct metrics *m, const struct doc_pages *pages,
		    struct buf *out, struct diag_list *dl);

/* Loads and initialises libxml2 once (docx_write does too; call it from
 * one thread before builds run on several: libxml2 asks for its
 * initialisation before threads use the library). */
void		 docx_init(void);
/* The version of libxml2 in use. */
const char	*docx_lib_version(void);

#endif
