/* rencana: building a document: plan + template folder -> Markdown (and, through it, PDF). */
#ifndef RENCANA_BUILD_H
#define RENCANA_BUILD_H

#include "buf.h"
#include "diag.h"
#include "plan.h"
#include "style.h"

/*
 * Expands the plan's template into Markdown, appended to out.  The template
 * folder is template_dir when not NULL, else dokumen.templat, else the one
 * named by dokumen.jenis, searched in $RENCANA_TEMPLATES, then templates/
 * beside the executable, then ./templates (folder_find); files it lacks come
 * from its bases (folder_layers).  The plan should be valid
 * (validate first): this stage trusts types.  Problems go to dl with
 * positions in the plan or the template.  Returns 0, or -1 after an error
 * (out then holds nothing usable).
 */
int	build_markdown(const struct plan *, const char *template_dir,
	    struct buf *out, struct diag_list *);
/*
 * Same, and fills *style (when not NULL) with the template's gaya.yaml,
 * the plan's paper and the word set's caption and draft words: what layout
 * needs to typeset this Markdown.  The caller frees it with style_free.
 */
int	build_markdown_style(const struct plan *, const char *template_dir,
	    struct buf *out, struct style *style, struct diag_list *);
/*
 * The whole PDF build of a valid plan: Markdown and style from the template,
 * blocks, the PDF document opened with the style's fonts (pdf_open: layout
 * measures with their widths), layout, then pdf_write_doc to `path`
 * (through a temporary file renamed only on success; "-" is standard
 * output).  fontdir holds the fonts the style names.  Problems go to dl.
 * Returns PDF_OK (0), PDF_BAD_INPUT (the plan or template is at fault: exit
 * 1) or PDF_FAIL (fonts, output: exit 3).
 */
int	build_pdf(const struct plan *, const char *template_dir,
	    const char *fontdir, const char *path, struct diag_list *);

/*
 * build_pdf without writing anything: every stage runs (template, Markdown,
 * layout, fonts, images, the PDF in memory), so whatever build_pdf would
 * refuse is reported.  `rencana check` runs it on plans without errors.
 */
int	build_check(const struct plan *, const char *template_dir,
	    const char *fontdir, struct diag_list *);

/*
 * The same build up to the layout, then the text dump of the pages
 * (dump_pages, dump.h) appended to out instead of a PDF: the golden tests'
 * view of what pdf_write would draw.  Returns as build_pdf; out is left
 * as it was after an error.
 */
int	build_pages(const struct plan *, const char *template_dir,
	    const char *fontdir, struct buf *out, struct diag_list *);

/*
 * The same build up to the layout, then the Word document (docx.c) of the
 * numbered tree, with the page numbers of the contents taken from the
 * layout, written to `path` as build_pdf writes the PDF (NULL: written
 * nowhere, as build_check).  Returns as build_pdf.
 */
int	build_docx(const struct plan *, const char *template_dir,
	    const char *fontdir, const char *path, struct diag_list *);

/* The folder a build would use (a new string the caller frees), or NULL
 * with a message in dl. */
char	*build_template_dir(const struct plan *, const char *template_dir,
	    struct diag_list *);

#endif
