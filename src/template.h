/* rencana: Mustache templates: a plan tree (or any YAML data) + a template -> text. */
#ifndef RENCANA_TEMPLATE_H
#define RENCANA_TEMPLATE_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "plan.h"

enum tpl_escape {
	TPL_ESC_HTML,		/* & < > " ' as the Mustache spec says */
	TPL_ESC_MARKDOWN,	/* backslash-escape whatever CommonMark would read as markup */
	TPL_ESC_NONE
};

struct tpl_opts {
	enum tpl_escape	 escape;	/* for {{x}}; {{{x}}} and {{& x}} never escape */
	/* Returns the text of partial `name` (NULL when there is none; the
	 * spec renders a missing partial as empty).  *file receives a name for
	 * messages.  The text must live until tpl_render returns. */
	const char	*(*partial)(void *user, const char *name, size_t *len,
			    const char **file);
	void		*user;
	/* Strict mode (documents): called for a name that resolves to nothing;
	 * returns 1 when the plan could have it (so it is merely absent and
	 * renders empty / falsey), 0 when no plan can have it: an error with
	 * the template's position.  NULL: spec mode, missing names are empty.
	 * `ctx` is the innermost context node, `name` the dotted name. */
	int		(*name_ok)(void *user, const struct pnode *ctx,
			    const char *name);
	/* Strict mode: for a name name_ok refused, a valid name near it to
	 * suggest ("did you mean"), or NULL; the caller frees it.  NULL: no
	 * suggestions. */
	char		*(*name_near)(void *user, const struct pnode *ctx,
			    const char *name);
	/* Called after each value is interpolated (not for template text):
	 * out[off .. off+len) came from value v, escaped unless `raw`.  Lets a
	 * caller tell template text from values (blocks_from_template) and
	 * point at the plan.  NULL: not called. */
	void		(*span)(void *user, size_t off, size_t len,
			    const struct pnode *v, int raw);
	/* Called after each piece of template text is copied: out[off ..
	 * off+len) is the text of `file` starting at line:col.  NULL: not
	 * called. */
	void		(*text_span)(void *user, size_t off, size_t len,
			    const char *file, int line, int col);
	size_t		 max_output;	/* bytes; 0 = the default TPL_MAX_OUTPUT (16 MiB) */
	unsigned long	 max_work;	/* tokens visited + keys compared; 0 = the
					 * default TPL_MAX_WORK (64 Mi); for tests */
};

/*
 * Renders `tpl` (len bytes, from file `file` for messages) with `data` as
 * the root context, appending to out.  Problems (syntax, unknown names in
 * strict mode, limits) go to dl with the template's file, line and column.
 * Returns 0 on success, -1 when an error was reported (out then holds a
 * partial result the caller should discard).
 */
int	tpl_render(const char *file, const char *tpl, size_t len,
	    const struct pnode *data, const struct tpl_opts *, struct buf *out,
	    struct diag_list *dl);

/* Appends s escaped for CommonMark so it reads as literal text. */
void	tpl_escape_markdown(struct buf *, const char *s, size_t len);
/* Appends s escaped for HTML (& < > " '). */
void	tpl_escape_html(struct buf *, const char *s, size_t len);

#endif
