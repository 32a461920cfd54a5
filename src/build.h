/* rencana: building a document: plan + template folder -> Markdown (and, through it, PDF). */
#ifndef RENCANA_BUILD_H
#define RENCANA_BUILD_H

#include "buf.h"
#include "diag.h"
#include "plan.h"
#include "style.h"

enum build_to {
	BUILD_MARKDOWN,		/* the expanded template (docs/architecture.md dialect) */
	BUILD_PDF		/* the typeset document */
};

/*
 * Expands the plan's template into Markdown, appended to out.  The template
 * folder is template_dir when not NULL, else dokumen.templat, else the one
 * named by dokumen.jenis, searched in $RENCANA_TEMPLATES, then templates/
 * beside the executable, then ./templates.  The plan should be valid
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
 * The whole build for a target: the bytes of the output file in out.
 * BUILD_MARKDOWN is build_markdown; BUILD_PDF is the place where the PDF
 * path (build_markdown_style, then blocks, layout, pdf) is called.
 */
int	build_document(enum build_to, const struct plan *, const char *template_dir,
	    struct buf *out, struct diag_list *);

/* The folder a build would use (a new string the caller frees), or NULL
 * with a message in dl. */
char	*build_template_dir(const struct plan *, const char *template_dir,
	    struct diag_list *);

#endif
