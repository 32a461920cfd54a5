/*
 * rencana: Mustache templates: a plan tree (or any YAML data) and a template
 * -> text.  Implements the required modules of the Mustache spec (comments,
 * delimiters, interpolation, inverted, partials, sections); no lambdas,
 * inheritance or dynamic names.
 *
 * Two passes, each linear in its input:
 *
 *  1. parse: one scan of a template into a token list.  Standalone lines
 *     (a section, inverted, end, partial, comment or set-delimiter tag alone
 *     on its line) are removed here, so rendering never looks back at the
 *     text.  Sections know the index of their end token.  Every token keeps
 *     the line and column of its first byte for messages.  Partials are
 *     parsed the first time they are used and kept.
 *  2. render: a walk over the tokens with a stack of contexts.  A name is
 *     split at `.`; its first part is looked up from the innermost context
 *     outwards, the others inside the value found.
 *
 * Indentation of a standalone partial is applied while rendering: the
 * partial's own text gets the indentation at the start of each of its lines
 * (as if the partial's source had been indented), values do not.
 *
 * Truthiness: missing, a plain `false`, a null (plain empty, `~`, `null`),
 * an empty string and an empty list are falsey; everything else is truthy.
 * A list section repeats once per item, any other truthy section pushes its
 * value once.  Scalars keep their text: quoted "false" is a truthy string.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "plan.h"
#include "template.h"
#include "xalloc.h"

/*
 * Limits, each with its reason.  Every one is reported as a diagnostic at
 * the tag where it was reached; none can crash or hang.
 */
#define TPL_MAX_NESTING	32	/* sections in sections in one template: documents
				 * nest 4-5 deep; bounds the render recursion */
#define TPL_MAX_PARTIALS 16	/* partials in partials: documents use 2-3; stops
				 * a recursive partial and bounds the recursion */
#define TPL_MAX_OUTPUT	(16u * 1024 * 1024) /* bytes; a 300-page document is
				 * < 2 MiB of Markdown, so nested loops cannot
				 * make a template or plan explode */
#define TPL_MAX_WORK	(64ul * 1024 * 1024) /* tokens visited plus keys
				 * compared: nested loops that print nothing
				 * still end (about a second of work) */
#define TPL_MAX_DELIM	16	/* bytes per custom delimiter: keeps the tag
				 * search linear (a delimiter is compared at
				 * every byte) */

enum tk_type {
	TK_TEXT,		/* literal text */
	TK_VAR,			/* {{x}}: escaped */
	TK_RAW,			/* {{{x}}}, {{& x}}: verbatim */
	TK_SECTION,		/* {{#x}} */
	TK_INVERTED,		/* {{^x}} */
	TK_CLOSE,		/* {{/x}} */
	TK_PARTIAL		/* {{> x}} */
};

struct tok {
	enum tk_type	 type;
	size_t		 off;		/* TEXT: first byte; tags: first byte of the name */
	size_t		 len;		/* bytes of the text or name */
	size_t		 end;		/* SECTION, INVERTED: index of its TK_CLOSE */
	size_t		 ind_off;	/* standalone PARTIAL: its indentation */
	size_t		 ind_len;
	size_t		 part;		/* PARTIAL: index in render.parts + 1; 0 = not looked up */
	int		 standalone;	/* the tag's line was removed */
	int		 line, col;	/* first byte (of a tag: its opening delimiter) */
	int		 reported;	/* a message was given for this tag; give it once */
};

struct tmpl {
	char		*name;		/* partial: its name; NULL for the template */
	const char	*file;		/* for messages, owned by the diag list */
	const char	*text;		/* NULL: a partial that does not exist */
	size_t		 len;
	struct tok	*tok;
	size_t		 ntok, cap;
	int		 ok;		/* parsed without errors */
	int		 shown;		/* text registered with the diag list */
};

struct render {
	const struct tpl_opts	*o;
	struct diag_list	*dl;
	struct buf		*out;
	size_t			 start;		/* out->len when rendering began */
	size_t			 max_out;	/* bytes */
	unsigned long		 max_work;
	struct tmpl		*parts;		/* [0] the template, then partials */
	size_t			 nparts, partcap;
	const struct pnode	**ctx;		/* context stack, innermost last */
	size_t			 nctx, ctxcap;
	struct buf		 scratch;	/* an escaped value */
	struct buf		 indent;	/* indentations of standalone partials */
	size_t			 ind_base;	/* current indentation: indent[ind_base..] */
	int			 bol;		/* at the start of a line of partial text */
	int			 pdepth;	/* partials being rendered */
	unsigned long		 work;
	size_t			 cur_t, cur_i;	/* token being rendered, for messages */
	int			 stop;		/* a limit or syntax error: unwind */
	size_t			 nerr;
};

#define TOK(r, t, i)	(&(r)->parts[(t)].tok[(i)])

/* ---- messages ------------------------------------------------------------ */

static void
tpl_error(struct diag_list *dl, struct tmpl *t, int line, int col,
    enum diag_code code, const char *fmt, const char *a, const char *b)
{
	struct srcpos p;

	if (!t->shown && t->text != NULL) {
		diag_source_add(dl, t->file, t->text, t->len);
		t->shown = 1;
	}
	p.file = t->file;
	p.line = line;
	p.col = col;
	diag_add(dl, code, &p, NULL, fmt, a, b ? b : "");
}

/* An error at token i of template t: counts it for the return value. */
static void
render_error(struct render *r, size_t t, size_t i, enum diag_code code,
    const char *fmt, const char *a, const char *b)
{
	struct tok *k = TOK(r, t, i);

	tpl_error(r->dl, &r->parts[t], k->line, k->col, code, fmt, a, b);
	r->nerr++;
}

/* ---- parsing ------------------------------------------------------------- */

struct scan {
	struct tmpl	*t;
	size_t		 at;		/* bytes before this have been counted */
	int		 line, col;	/* of byte `at` */
	size_t		 line_start;	/* first byte of the line holding `at` */
	int		 blank;		/* line_start..at holds only spaces and tabs */
};

/* Moves the position forward to off; every byte is counted once. */
static void
scan_to(struct scan *s, size_t off)
{
	const char *p = s->t->text;

	for (; s->at < off; s->at++) {
		unsigned char c = (unsigned char)p[s->at];

		if (c == '\n') {
			s->line++;
			s->col = 1;
			s->line_start = s->at + 1;
			s->blank = 1;
		} else {
			if ((c & 0xC0) != 0x80)
				s->col++;
			if (c != ' ' && c != '\t')
				s->blank = 0;
		}
	}
}

/* First occurrence of pat[0..plen) in s[from..len), or (size_t)-1. */
static size_t
find(const char *s, size_t from, size_t len, const char *pat, size_t plen)
{
	size_t i;

	if (plen == 0 || len < plen)
		return (size_t)-1;
	for (i = from; i + plen <= len; i++) {
		const char *q = memchr(s + i, pat[0], len - plen + 1 - i);

		if (q == NULL)
			return (size_t)-1;
		i = (size_t)(q - s);
		if (memcmp(s + i, pat, plen) == 0)
			return i;
	}
	return (size_t)-1;
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static struct tok *
add_tok(struct tmpl *t, enum tk_type type, size_t off, size_t len, int line,
    int col)
{
	struct tok *k;

	t->tok = xgrow(t->tok, &t->cap, t->ntok + 1, sizeof(*t->tok));
	k = &t->tok[t->ntok++];
	memset(k, 0, sizeof(*k));
	k->type = type;
	k->off = off;
	k->len = len;
	k->line = line;
	k->col = col;
	return k;
}

/* A name: non-empty, no white space. */
static int
good_name(const char *s, size_t len)
{
	size_t i;

	if (len == 0)
		return 0;
	for (i = 0; i < len; i++)
		if (is_space((unsigned char)s[i]))
			return 0;
	return 1;
}

/* Reads "OPEN CLOSE" of a set-delimiter tag; 0 on success. */
static int
set_delims(const char *s, size_t len, char *otag, size_t *olen, char *ctag,
    size_t *clen)
{
	size_t a = 0, b, c, d, i;

	while (a < len && is_space((unsigned char)s[a]))
		a++;
	b = a;
	while (b < len && !is_space((unsigned char)s[b]))
		b++;
	c = b;
	while (c < len && is_space((unsigned char)s[c]))
		c++;
	d = c;
	while (d < len && !is_space((unsigned char)s[d]))
		d++;
	for (i = d; i < len; i++)
		if (!is_space((unsigned char)s[i]))
			return -1;
	if (b == a || d == c || b - a > TPL_MAX_DELIM || d - c > TPL_MAX_DELIM)
		return -1;
	if (memchr(s + a, '=', b - a) != NULL || memchr(s + c, '=', d - c) != NULL)
		return -1;
	memcpy(otag, s + a, b - a);
	*olen = b - a;
	memcpy(ctag, s + c, d - c);
	*clen = d - c;
	return 0;
}

/* Shows a delimiter in a message (NUL-terminated copy). */
static void
delim_str(char *dst, const char *d, size_t len, const char *extra)
{
	memcpy(dst, d, len);
	strcpy(dst + len, extra);
}

/* The parser's state: the delimiters in force, the open sections, and
 * where the pending text began. */
struct tparse {
	struct tmpl	*t;
	struct diag_list *dl;
	const char	*s;
	size_t		 n;
	char		 otag[TPL_MAX_DELIM + 1], ctag[TPL_MAX_DELIM + 2];
	size_t		 olen, clen;
	size_t		*open, nopen, opencap;	/* token indices of open sections */
	size_t		 text_from;
	int		 text_line, text_col;
	struct scan	 sc;
};

/* One tag as read: where it starts (ts), its content (name, nlen), where
 * its closing sequence starts (ce), and where the text after it resumes
 * (next: past the line end of a standalone tag). */
struct ttag {
	size_t		 ts, p, ce, next, name, nlen;
	int		 sigil, line, col, standalone;
};

/* Copies at most max bytes of a name for a message. */
static void
tp_name(char *out, const char *p, size_t len, size_t max)
{
	size_t m = len < max ? len : max;

	memcpy(out, p, m);
	out[m] = '\0';
}

/* Reads the tag opening at ts: sigil, closing sequence, trimmed name,
 * standalone.  Returns 0, or -1 after reporting an unclosed tag. */
static int
tp_read_tag(struct tparse *P, size_t ts, struct ttag *g)
{
	const char *s = P->s;
	size_t n = P->n, close_len = 0, te, k;
	char want[TPL_MAX_DELIM + 2], shown_o[TPL_MAX_DELIM + 2];

	memset(g, 0, sizeof(*g));
	g->ts = ts;
	scan_to(&P->sc, ts);
	g->line = P->sc.line;
	g->col = P->sc.col;
	g->p = ts + P->olen;
	g->sigil = g->p < n ? (unsigned char)s[g->p] : 0;
	if (g->sigil != 0 && strchr("#^/>!={&", g->sigil) != NULL)
		g->p++;
	else
		g->sigil = 0;
	/* The closing sequence: `}` or `=` before the delimiter for triple
	 * mustaches and set-delimiter tags. */
	if (g->sigil == '{' || g->sigil == '=')
		want[close_len++] = (char)(g->sigil == '{' ? '}' : '=');
	memcpy(want + close_len, P->ctag, P->clen);
	close_len += P->clen;
	if ((g->ce = find(s, g->p, n, want, close_len)) == (size_t)-1) {
		want[close_len] = '\0';
		delim_str(shown_o, P->otag, P->olen, g->sigil == '{' ? "{" :
		    g->sigil == '=' ? "=" : "");
		tpl_error(P->dl, P->t, g->line, g->col, D_TPL_UNCLOSED_TAG,
		    "tag `%s` is not closed by `%s`", shown_o, want);
		return -1;
	}
	te = g->ce + close_len;
	/* Trim the content. */
	g->name = g->p;
	g->nlen = g->ce - g->p;
	while (g->nlen > 0 && is_space((unsigned char)s[g->name])) {
		g->name++;
		g->nlen--;
	}
	while (g->nlen > 0 && is_space((unsigned char)s[g->name + g->nlen - 1]))
		g->nlen--;
	/* Standalone: only white space before the tag on its line and after
	 * it up to the line end (or the end of the text). */
	g->next = te;
	if (g->sigil != 0 && g->sigil != '{' && g->sigil != '&' && P->sc.blank) {
		k = te;
		while (k < n && (s[k] == ' ' || s[k] == '\t'))
			k++;
		if (k == n || s[k] == '\n') {
			g->standalone = 1;
			g->next = k < n ? k + 1 : n;
		} else if (s[k] == '\r' && k + 1 < n && s[k + 1] == '\n') {
			g->standalone = 1;
			g->next = k + 2;
		}
	}
	return 0;
}

/* {{/name}}: closes the innermost section, which must have that name. */
static int
tp_close(struct tparse *P, const struct ttag *g)
{
	struct tmpl *t = P->t;
	struct tok *o;
	char nm[64], on[64];

	tp_name(nm, P->s + g->name, g->nlen, 60);
	if (P->nopen == 0) {
		tpl_error(P->dl, t, g->line, g->col, D_TPL_SECTION_END,
		    "end of section `%s` that is not open%s", nm, NULL);
		return -1;
	}
	o = &t->tok[P->open[P->nopen - 1]];
	if (o->len != g->nlen || memcmp(P->s + o->off, P->s + g->name, g->nlen) != 0) {
		tp_name(on, P->s + o->off, o->len, 60);
		tpl_error(P->dl, t, g->line, g->col, D_TPL_SECTION_END,
		    "end of section `%s` while section `%s` is open", nm, on);
		return -1;
	}
	o->end = t->ntok;
	P->nopen--;
	add_tok(t, TK_CLOSE, g->name, g->nlen, g->line, g->col)->standalone =
	    g->standalone;
	return 0;
}

/* The token of one tag (after the text before it).  Returns 0, or -1
 * after reporting a syntax error. */
static int
tp_tag(struct tparse *P, const struct ttag *g)
{
	struct tmpl *t = P->t;
	struct tok *k;
	char buf[64];

	if (g->sigil != '!' && g->sigil != '=' && !good_name(P->s + g->name, g->nlen)) {
		tp_name(buf, P->s + g->name, g->nlen, 40);
		tpl_error(P->dl, t, g->line, g->col, D_TPL_BAD_NAME, g->nlen == 0 ?
		    N_("tag has no name%s") :
		    N_("`%s` is not a name: it holds white space"),
		    g->nlen == 0 ? "" : buf, NULL);
		return -1;
	}
	switch (g->sigil) {
	case '!':
		return 0;
	case '=':
		if (g->p < g->ce && set_delims(P->s + g->p, g->ce - g->p, P->otag,
		    &P->olen, P->ctag, &P->clen) == 0)
			return 0;
		tpl_error(P->dl, t, g->line, g->col, D_TPL_BAD_DELIMITERS,
		    "set-delimiter tag needs two delimiters of 1 to 16 "
		    "characters without spaces or `=`%s", "", NULL);
		return -1;
	case '/':
		return tp_close(P, g);
	case '#':
	case '^':
		if (P->nopen >= TPL_MAX_NESTING) {
			tpl_error(P->dl, t, g->line, g->col, D_TPL_LIMIT_NESTING,
			    "sections are nested deeper than %s levels%s", "32", NULL);
			return -1;
		}
		P->open = xgrow(P->open, &P->opencap, P->nopen + 1, sizeof(*P->open));
		P->open[P->nopen++] = t->ntok;
		add_tok(t, g->sigil == '#' ? TK_SECTION : TK_INVERTED, g->name,
		    g->nlen, g->line, g->col)->standalone = g->standalone;
		return 0;
	case '>':
		k = add_tok(t, TK_PARTIAL, g->name, g->nlen, g->line, g->col);
		k->standalone = g->standalone;
		if (g->standalone) {
			k->ind_off = P->sc.line_start;
			k->ind_len = g->ts - P->sc.line_start;
		}
		return 0;
	default:
		add_tok(t, g->sigil == 0 ? TK_VAR : TK_RAW, g->name, g->nlen,
		    g->line, g->col);
		return 0;
	}
}

/*
 * Parses t->text into tokens.  Reports the first syntax error (the rest of
 * the text cannot be read reliably after it) and leaves t->ok 0.
 */
static void
tmpl_parse(struct tmpl *t, struct diag_list *dl)
{
	struct tparse P;
	struct ttag g;
	struct tok *o;
	char nm[64];
	size_t ts, tend;

	memset(&P, 0, sizeof(P));
	P.t = t;
	P.dl = dl;
	P.s = t->text;
	P.n = t->len;
	strcpy(P.otag, "{{");
	strcpy(P.ctag, "}}");
	P.olen = P.clen = 2;
	P.text_line = P.text_col = 1;
	P.sc.t = t;
	P.sc.line = P.sc.col = 1;
	P.sc.blank = 1;
	t->ok = 0;
	while ((ts = find(P.s, P.text_from, P.n, P.otag, P.olen)) != (size_t)-1) {
		if (tp_read_tag(&P, ts, &g) != 0)
			goto done;
		/* The text before the tag (without a standalone tag's
		 * indentation). */
		tend = g.standalone ? P.sc.line_start : ts;
		if (tend > P.text_from)
			add_tok(t, TK_TEXT, P.text_from, tend - P.text_from,
			    P.text_line, P.text_col);
		if (tp_tag(&P, &g) != 0)
			goto done;
		P.text_from = g.next;
		scan_to(&P.sc, P.text_from);
		P.text_line = P.sc.line;
		P.text_col = P.sc.col;
	}
	if (P.n > P.text_from)
		add_tok(t, TK_TEXT, P.text_from, P.n - P.text_from, P.text_line,
		    P.text_col);
	if (P.nopen > 0) {
		o = &t->tok[P.open[P.nopen - 1]];
		tp_name(nm, P.s + o->off, o->len, 60);
		tpl_error(dl, t, o->line, o->col, D_TPL_UNCLOSED_SECTION,
		    "section `%s` is not closed%s", nm, NULL);
		goto done;
	}
	t->ok = 1;
done:
	free(P.open);
}

/* ---- escaping ------------------------------------------------------------ */

/*
 * ASCII punctuation that CommonMark or GFM can read as markup somewhere:
 * inline (emphasis, code, links, images, autolinks, raw HTML, entities,
 * strikethrough, hard breaks), block starts (headings, quotes, lists and
 * `1.` / `1)` markers, fences, thematic breaks, setext underlines, tables),
 * GFM autolinks (`:` of `http:`, `@` of e-mail) and smart punctuation
 * (quotes, `--`, `...`).  A backslash escape is literal in every one of
 * those places, including a GFM table cell (`\|`).
 */
static const char md_meta[] = "\\`*_{}[]()#+-.!|<>~&=:@\"'";

/* White space that CommonMark strips at the ends of a paragraph or a table
 * cell (cmark's isspace: also VT and FF). */
static int
md_edge_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	    c == '\f';
}

void
tpl_escape_markdown(struct buf *b, const char *s, size_t len)
{
	size_t i, lead, trail;

	/* Leading and trailing white space would be stripped (or make an
	 * indented code block, or a hard line break): write it as character
	 * references, which are always literal.  A line end there is a space,
	 * as everywhere in a field. */
	for (lead = 0; lead < len && md_edge_space((unsigned char)s[lead]); lead++)
		;
	for (trail = len; trail > lead && md_edge_space((unsigned char)s[trail - 1]);
	    trail--)
		;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\r' && i + 1 < len && s[i + 1] == '\n')
			continue;	/* CR LF is one line end */
		if (i < lead || i >= trail) {
			buf_printf(b, "&#%d;", c == '\n' || c == '\r' ? ' ' : c);
			continue;
		}
		if (c == '\n' || c == '\r')
			/* A line end could start any block: a field is one line. */
			buf_putc(b, ' ');
		else if (c == '\0')
			;	/* CommonMark would make it U+FFFD */
		else if (strchr(md_meta, c) != NULL) {
			buf_putc(b, '\\');
			buf_putc(b, c);
		} else
			buf_putc(b, c);
	}
}

void
tpl_escape_html(struct buf *b, const char *s, size_t len)
{
	size_t i, from = 0;

	for (i = 0; i < len; i++) {
		const char *e;

		switch (s[i]) {
		case '&': e = "&amp;"; break;
		case '<': e = "&lt;"; break;
		case '>': e = "&gt;"; break;
		case '"': e = "&quot;"; break;
		case '\'': e = "&#39;"; break;
		default: continue;
		}
		buf_put(b, s + from, i - from);
		buf_puts(b, e);
		from = i + 1;
	}
	buf_put(b, s + from, len - from);
}

/* ---- rendering ----------------------------------------------------------- */

/* Appends to the output within the output limit. */
static void
out_put(struct render *r, const char *s, size_t n)
{
	char lim[32];

	if (r->stop)
		return;
	if (r->out->len - r->start + n > r->max_out) {
		snprintf(lim, sizeof(lim), "%zu", r->max_out);
		render_error(r, r->cur_t, r->cur_i, D_TPL_LIMIT_OUTPUT,
		    "the expanded text would exceed %s bytes%s", lim, NULL);
		r->stop = 1;
		return;
	}
	buf_put(r->out, s, n);
}

/* Template text: inside an indented partial, each line gets the indentation. */
static void
put_text(struct render *r, const char *s, size_t n)
{
	size_t j = 0, ilen = r->indent.len - r->ind_base;

	if (ilen == 0) {
		out_put(r, s, n);
		return;
	}
	while (j < n && !r->stop) {
		const char *nl;
		size_t k;

		if (r->bol && s[j] != '\n' &&
		    !(s[j] == '\r' && j + 1 < n && s[j + 1] == '\n'))
			out_put(r, r->indent.data + r->ind_base, ilen);
		r->bol = 0;
		nl = memchr(s + j, '\n', n - j);
		k = nl ? (size_t)(nl - s) + 1 : n;
		out_put(r, s + j, k - j);
		if (nl)
			r->bol = 1;
		j = k;
	}
}

/* A tag at the start of a line of an indented partial: the indentation
 * comes first, as it would in an indented copy of the partial's text. */
static void
tag_indent(struct render *r)
{
	if (r->bol && r->indent.len > r->ind_base)
		out_put(r, r->indent.data + r->ind_base, r->indent.len - r->ind_base);
	r->bol = 0;
}

/* The member `name` of a map, or item `name` (digits) of a list. */
static const struct pnode *
member(struct render *r, const struct pnode *n, const char *name, size_t len)
{
	const struct pnode *c;
	size_t i, idx = 0;

	if (n == NULL)
		return NULL;
	if (n->type == PN_MAP) {
		for (c = n->first; c != NULL; c = c->next) {
			r->work++;
			if (c->key != NULL && strncmp(c->key, name, len) == 0 &&
			    c->key[len] == '\0')
				return c;
		}
		return NULL;
	}
	if (n->type != PN_SEQ || len == 0 || len > 9)
		return NULL;
	for (i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return NULL;
		idx = idx * 10 + (size_t)(name[i] - '0');
	}
	for (c = n->first; c != NULL && idx > 0; c = c->next, idx--)
		r->work++;
	return c;
}

/* Resolves a (dotted) name against the context stack, or NULL. */
static const struct pnode *
lookup(struct render *r, const char *name, size_t len)
{
	const struct pnode *v = NULL;
	size_t i, part;

	if (len == 1 && name[0] == '.')
		return r->nctx ? r->ctx[r->nctx - 1] : NULL;
	for (part = 0; part < len && name[part] != '.'; part++)
		;
	for (i = r->nctx; i-- > 0;)
		if ((v = member(r, r->ctx[i], name, part)) != NULL)
			break;
	while (v != NULL && part < len) {
		size_t from = part + 1;

		for (part = from; part < len && name[part] != '.'; part++)
			;
		v = member(r, v, name + from, part - from);
	}
	return v;
}

static int
falsey(const struct pnode *v)
{
	if (v == NULL)
		return 1;
	if (v->type == PN_SEQ)
		return v->nchild == 0;
	if (v->type == PN_MAP)
		return 0;
	if (v->len == 0 || pnode_is_null(v))
		return 1;
	return v->style == PN_PLAIN && (strcmp(v->str, "false") == 0 ||
	    strcmp(v->str, "False") == 0 || strcmp(v->str, "FALSE") == 0);
}

/* A name that resolved to nothing: empty in spec mode; in strict mode an
 * error unless the plan could have it. */
static void
missing(struct render *r, size_t t, size_t i)
{
	struct tok *k = TOK(r, t, i);
	const struct pnode *ctx;
	char *name, *near = NULL;

	if (r->o->name_ok == NULL || k->reported)
		return;
	name = xstrndup(r->parts[t].text + k->off, k->len);
	r->work++;
	ctx = r->nctx ? r->ctx[r->nctx - 1] : NULL;
	if (!r->o->name_ok(r->o->user, ctx, name)) {
		k->reported = 1;
		if (r->o->name_near != NULL)
			near = r->o->name_near(r->o->user, ctx, name);
		render_error(r, t, i, D_TPL_UNKNOWN_NAME, near != NULL ?
		    N_("unknown name `%s`; did you mean `%s`?") :
		    N_("unknown name `%s`"), name, near);
	}
	free(near);
	free(name);
}

static void
interpolate(struct render *r, size_t t, size_t i)
{
	struct tok *k = TOK(r, t, i);
	const struct pnode *v;
	size_t from;
	int raw;

	tag_indent(r);
	v = lookup(r, r->parts[t].text + k->off, k->len);
	if (v == NULL) {
		missing(r, t, i);
		return;
	}
	if (v->type != PN_STR) {
		if (r->o->name_ok != NULL && !k->reported) {
			char *name = xstrndup(r->parts[t].text + k->off, k->len);

			k->reported = 1;
			render_error(r, t, i, D_TPL_NOT_TEXT, v->type == PN_MAP ?
			    N_("`%s` is a map, not text") :
			    N_("`%s` is a list, not text"), name, NULL);
			free(name);
		}
		return;
	}
	if (pnode_is_null(v) || r->stop)
		return;
	from = r->out->len;
	raw = k->type == TK_RAW || r->o->escape == TPL_ESC_NONE;
	if (raw)
		out_put(r, v->str, v->len);
	else {
		/* Escape aside, so the limit is checked before the output
		 * grows. */
		buf_truncate(&r->scratch, 0);
		if (r->o->escape == TPL_ESC_MARKDOWN)
			tpl_escape_markdown(&r->scratch, v->str, v->len);
		else
			tpl_escape_html(&r->scratch, v->str, v->len);
		out_put(r, r->scratch.data, r->scratch.len);
	}
	if (r->o->span != NULL && !r->stop && r->out->len > from)
		r->o->span(r->o->user, from, r->out->len - from, v, raw);
}

static void
push(struct render *r, const struct pnode *v)
{
	r->ctx = xgrow(r->ctx, &r->ctxcap, r->nctx + 1, sizeof(*r->ctx));
	r->ctx[r->nctx++] = v;
}

static void render_range(struct render *, size_t, size_t, size_t);

/* The parsed partial of token i, or (size_t)-1 when there is none. */
static size_t
find_partial(struct render *r, size_t t, size_t i)
{
	struct tok *k = TOK(r, t, i);
	const char *name = r->parts[t].text + k->off;
	size_t j, nlen = k->len;
	struct tmpl *p;
	const char *file = NULL;

	if (k->part != 0)
		return k->part - 1;
	for (j = 1; j < r->nparts; j++) {
		r->work++;
		if (strncmp(r->parts[j].name, name, nlen) == 0 &&
		    r->parts[j].name[nlen] == '\0')
			break;
	}
	if (j == r->nparts) {
		r->parts = xgrow(r->parts, &r->partcap, r->nparts + 1,
		    sizeof(*r->parts));
		p = &r->parts[r->nparts++];
		memset(p, 0, sizeof(*p));
		p->name = xstrndup(name, nlen);
		if (r->o->partial != NULL)
			p->text = r->o->partial(r->o->user, p->name, &p->len, &file);
		p->file = diag_file(r->dl, file != NULL ? file : p->name);
		if (p->text != NULL) {
			size_t before = r->dl->nerror;

			tmpl_parse(p, r->dl);
			r->nerr += r->dl->nerror - before;
		}
	}
	TOK(r, t, i)->part = j + 1;
	return j;
}

static void
render_partial(struct render *r, size_t t, size_t i)
{
	size_t j, saved_len = r->indent.len, saved_base = r->ind_base;
	int standalone = TOK(r, t, i)->standalone;

	if (!standalone)
		tag_indent(r);
	j = find_partial(r, t, i);
	if (r->parts[j].text == NULL) {
		if (r->o->name_ok != NULL && !TOK(r, t, i)->reported) {
			TOK(r, t, i)->reported = 1;
			render_error(r, t, i, D_TPL_UNKNOWN_PARTIAL,
			    "no partial `%s`%s", r->parts[j].name, NULL);
		}
		return;
	}
	if (!r->parts[j].ok) {
		r->stop = 1;	/* its syntax error is reported */
		return;
	}
	if (r->pdepth >= TPL_MAX_PARTIALS) {
		render_error(r, t, i, D_TPL_LIMIT_PARTIALS,
		    "partials are nested deeper than 16 levels (is `%s` "
		    "recursive?)%s", r->parts[j].name, NULL);
		r->stop = 1;
		return;
	}
	if (standalone) {
		buf_put(&r->indent, r->parts[t].text + TOK(r, t, i)->ind_off,
		    TOK(r, t, i)->ind_len);
		r->bol = 1;
	} else
		r->ind_base = r->indent.len;
	r->pdepth++;
	render_range(r, j, 0, r->parts[j].ntok);
	r->pdepth--;
	buf_truncate(&r->indent, saved_len);
	r->ind_base = saved_base;
	r->bol = standalone;
}

/* Renders tokens [from, to) of template t. */
static void
render_range(struct render *r, size_t t, size_t from, size_t to)
{
	size_t i = from;

	while (i < to && !r->stop) {
		struct tok *k = TOK(r, t, i);
		const struct pnode *v;
		size_t end, c;

		r->cur_t = t;
		r->cur_i = i;
		if (++r->work > r->max_work) {
			char lim[32];

			snprintf(lim, sizeof(lim), "%lu", r->max_work);
			render_error(r, t, i, D_TPL_LIMIT_WORK,
			    "expansion takes more than %s steps (nested loops?)%s",
			    lim, NULL);
			r->stop = 1;
			return;
		}
		switch (k->type) {
		case TK_TEXT: {
			size_t from = r->out->len;

			put_text(r, r->parts[t].text + k->off, k->len);
			if (r->o->text_span != NULL && !r->stop &&
			    r->out->len > from)
				r->o->text_span(r->o->user, from,
				    r->out->len - from, r->parts[t].file,
				    k->line, k->col);
			break;
		}
		case TK_VAR:
		case TK_RAW:
			interpolate(r, t, i);
			break;
		case TK_CLOSE:
			if (!k->standalone)
				tag_indent(r);
			break;
		case TK_PARTIAL:
			render_partial(r, t, i);
			break;
		case TK_SECTION:
		case TK_INVERTED:
			if (!k->standalone)
				tag_indent(r);
			end = k->end;
			v = lookup(r, r->parts[t].text + k->off, k->len);
			if (v == NULL)
				missing(r, t, i);
			/* The body includes the end tag, whose line
			 * may need indentation on each pass. */
			if (TOK(r, t, i)->type == TK_INVERTED) {
				if (falsey(v))
					render_range(r, t, i + 1, end + 1);
			} else if (!falsey(v) && v->type == PN_SEQ) {
				const struct pnode *item = v->first;

				for (c = 0; item != NULL && !r->stop; c++) {
					push(r, item);
					render_range(r, t, i + 1, end + 1);
					r->nctx--;
					item = item->next;
				}
			} else if (!falsey(v)) {
				push(r, v);
				render_range(r, t, i + 1, end + 1);
				r->nctx--;
			}
			i = end + 1;
			continue;
		}
		i++;
	}
}

int
tpl_render(const char *file, const char *tpl, size_t len,
    const struct pnode *data, const struct tpl_opts *o, struct buf *out,
    struct diag_list *dl)
{
	struct render r;
	struct tmpl *t;
	size_t i;
	int rc;

	memset(&r, 0, sizeof(r));
	r.o = o;
	r.dl = dl;
	r.out = out;
	r.start = out->len;
	r.max_out = o->max_output ? o->max_output : TPL_MAX_OUTPUT;
	r.max_work = o->max_work ? o->max_work : TPL_MAX_WORK;
	r.parts = xgrow(NULL, &r.partcap, 4, sizeof(*r.parts));
	r.nparts = 1;
	t = &r.parts[0];
	memset(t, 0, sizeof(*t));
	t->file = diag_file(dl, file != NULL ? file : "template");
	t->text = tpl;
	t->len = len;
	tmpl_parse(t, dl);
	if (!t->ok) {
		r.nerr++;
		goto done;
	}
	if (data != NULL)
		push(&r, data);
	render_range(&r, 0, 0, t->ntok);
done:
	rc = r.nerr > 0 ? -1 : 0;
	for (i = 0; i < r.nparts; i++) {
		free(r.parts[i].name);
		free(r.parts[i].tok);
	}
	free(r.parts);
	free(r.ctx);
	buf_free(&r.indent);
	buf_free(&r.scratch);
	/* A buffer that was never written stays NULL-data; give callers a
	 * string either way. */
	if (out->data == NULL)
		buf_put(out, "", 0);
	return rc;
}
