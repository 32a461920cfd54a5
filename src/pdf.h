/*
 * rencana: pages of boxes -> PDF through libharu, and the font metrics layout
 * measures with.  pdf.c is the only file that includes hpdf.h.
 */
#ifndef RENCANA_PDF_H
#define RENCANA_PDF_H

#include <stddef.h>

struct diag_list;
struct doc_pages;
struct metrics;
struct style;

/* Results of pdf_metrics, pdf_write and pdf_write_doc. */
enum pdf_result {
	PDF_OK = 0,
	PDF_FAIL = -1,		/* fonts, output file or libharu: exit status 3 */
	PDF_BAD_INPUT = -2	/* an image named by the plan is missing or corrupt: exit 1 */
};

/* The folder the fonts are read from when the user names none:
 * $RENCANA_FONTS if set and not empty, else `fonts/` beside the executable
 * (/proc/self/exe) if that folder exists, else Debian's
 * /usr/share/fonts/truetype/liberation2.  Returns a new string the caller
 * frees. */
char	*pdf_default_fontdir(void);

/* A libharu document with the style's four fonts loaded, to be written by
 * pdf_write_doc (or dropped by pdf_close). */
struct pdf_doc;

/* Opens a document and loads the four font files font[0..3] (FONT_REGULAR,
 * FONT_BOLD, FONT_ITALIC, FONT_BOLDITALIC) from fontdir, always all four in
 * that order, and fills m with their 256 WinAnsi advance widths (1/1000
 * em, the integers written into /W: read from the same faces that are
 * embedded), the faces for any other character, and the regular font's
 * ascent and descent.  Returns the document, or NULL with a D_PDF_FONT (or
 * D_PDF_INTERNAL) diagnostic in dl. */
struct pdf_doc *pdf_open(const char *const *font, const char *fontdir,
	    struct metrics *m, struct diag_list *dl);
void	 pdf_close(struct pdf_doc *);

/* The metrics alone (the fonts named by style->font[] in fontdir), for
 * outputs that are not PDFs; the same widths as pdf_open.  Returns PDF_OK,
 * or PDF_FAIL with a D_PDF_FONT diagnostic in dl. */
int	 pdf_metrics(const struct style *, const char *fontdir,
	    struct metrics *m, struct diag_list *dl);

/* Writes the pages as a PDF to `path` ("-" is standard output), with the
 * document's fonts (embedded and subset, Type 0; a font no page uses is left
 * out), and frees the document whatever happens.  The file is written by
 * output_write (output.h): through a temporary file beside `path`, synced,
 * and renamed over `path` only when complete; on failure an existing `path`
 * is left as it was.  The bytes depend only on the arguments (no
 * clock): meta.date gives the dates, -1 omits them.  Thread-safe (one
 * libharu document per call).  Returns PDF_OK, or PDF_FAIL / PDF_BAD_INPUT
 * with diagnostics in dl.  Does not check that `path` is not an input: call
 * output_check_inputs (output.h) first.  path NULL does everything but write: the whole
 * document is made in memory and dropped (`rencana check`). */
int	 pdf_write_doc(struct pdf_doc *, const struct doc_pages *,
	    const char *path, struct diag_list *dl);
/* The same, clearing each page (page_clear) as soon as it is drawn, for a
 * caller that drops the pages after: their boxes and the PDF's objects
 * are then never all held at once (1.6 MB less at the end of a 100-page
 * build, the peak of its memory). */
int	 pdf_write_doc_clearing(struct pdf_doc *, struct doc_pages *,
	    const char *path, struct diag_list *dl);

/* pdf_open with style->font[], then pdf_write_doc. */
int	 pdf_write(const struct doc_pages *, const struct style *,
	    const char *fontdir, const char *path, struct diag_list *dl);

/* The versions of libharu and libpng in use. */
const char	*pdf_lib_version(void);
const char	*pdf_png_version(void);

#endif
