/*
 * rencana: YAML -> plan tree.  The only file that includes yaml.h.
 *
 * libyaml's event parser drives a stack of open maps and lists.  Every
 * scalar is kept as the text typed (the format decides types, not YAML 1.1
 * resolution), with its style, so that later stages can tell `false` from
 * `"false"` where that matters (the Mustache spec tests).
 *
 * Refused here, each with a position: invalid UTF-8 (checked before libyaml,
 * whose reader gives only a byte offset), anchors and aliases (an anchor is
 * registered before its items, so `&a [*a]` contains itself), tags, more than
 * one document, duplicate keys (libyaml does not look), keys that are maps or
 * lists, and the limits in plan.h.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "buf.h"
#include "diag.h"
#include "plan.h"
#include "xalloc.h"

/* ---- UTF-8 and positions ------------------------------------------------ */

size_t
plan_utf8_check(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t n, k;
		unsigned long cp;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3;
			cp = c & 0x07;
		} else
			return i;
		for (k = 1; k <= n; k++) {
			if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += n + 1;
	}
	return (size_t)-1;
}

void
plan_offset_pos(const char *s, size_t len, size_t off, int *line, int *col)
{
	size_t i = 0;
	int l = 1, c = 1;

	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (; i < off && i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == '\n') {
			l++;
			c = 1;
		} else if (ch == '\r') {
			if (i + 1 < len && s[i + 1] == '\n')
				continue;
			l++;
			c = 1;
		} else if ((ch & 0xC0) != 0x80)
			c++;
	}
	*line = l;
	*col = c;
}

/* ---- nodes -------------------------------------------------------------- */

struct pnode *
pnode_new(enum pn_type type, const struct srcpos *pos)
{
	struct pnode *n = xcalloc(1, sizeof(*n));

	n->type = type;
	n->generated = 1;
	if (pos) {
		n->pos = *pos;
		n->keypos = *pos;
	}
	return n;
}

struct pnode *
pnode_new_str(const char *s, size_t len, const struct srcpos *pos)
{
	struct pnode *n = pnode_new(PN_STR, pos);

	n->str = xstrndup(s, len);
	n->len = len;
	return n;
}

void
pnode_append(struct pnode *parent, const char *key, struct pnode *child)
{
	if (key != NULL) {
		free(child->key);
		child->key = xstrdup(key);
	}
	child->parent = parent;
	child->next = NULL;
	child->index = parent->nchild++;
	if (parent->last)
		parent->last->next = child;
	else
		parent->first = child;
	parent->last = child;
}

void
pnode_free(struct pnode *n)
{
	struct pnode *tail;

	if (n == NULL)
		return;
	/* Splice children into the sibling chain so the walk is iterative. */
	n->next = NULL;
	tail = n;
	while (n != NULL) {
		struct pnode *next;

		if (n->first != NULL) {
			while (tail->next != NULL)
				tail = tail->next;
			tail->next = n->first;
			n->first = n->last = NULL;
		}
		next = n->next;
		free(n->key);
		free(n->str);
		free(n);
		if (tail == n)
			tail = next;
		n = next;
	}
}

struct pnode *
pnode_get(const struct pnode *map, const char *key)
{
	struct pnode *c;

	if (map == NULL || map->type != PN_MAP)
		return NULL;
	for (c = map->first; c != NULL; c = c->next)
		if (c->key != NULL && strcmp(c->key, key) == 0)
			return c;
	return NULL;
}

const char *
pnode_str(const struct pnode *map, const char *key)
{
	const struct pnode *n = pnode_get(map, key);

	return n != NULL && n->type == PN_STR ? n->str : NULL;
}

const char *
pnode_text(const struct pnode *map, const char *key)
{
	const struct pnode *n = pnode_get(map, key);
	const char *p;

	if (n == NULL || n->type != PN_STR || pnode_is_null(n))
		return NULL;
	for (p = n->str; *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'; p++)
		continue;
	return *p != '\0' ? n->str : NULL;
}

int
pnode_is_null(const struct pnode *n)
{
	return n != NULL && n->type == PN_STR && n->style == PN_PLAIN &&
	    (n->len == 0 || strcmp(n->str, "~") == 0 ||
	     strcmp(n->str, "null") == 0 || strcmp(n->str, "Null") == 0 ||
	     strcmp(n->str, "NULL") == 0);
}

char *
pnode_path(const struct pnode *n)
{
	const struct pnode *p;
	struct buf b = BUF_INIT;
	size_t depth = 0, i;
	const struct pnode **chain;

	for (p = n; p != NULL && p->parent != NULL; p = p->parent)
		depth++;
	chain = xcalloc(depth ? depth : 1, sizeof(*chain));
	i = depth;
	for (p = n; p != NULL && p->parent != NULL; p = p->parent)
		chain[--i] = p;
	for (i = 0; i < depth; i++) {
		p = chain[i];
		if (p->parent->type == PN_SEQ)
			buf_printf(&b, "[%zu]", p->index);
		else {
			if (b.len > 0)
				buf_putc(&b, '.');
			buf_puts(&b, p->key ? p->key : "?");
		}
	}
	free(chain);
	return buf_detach(&b);
}

/* ---- loading ------------------------------------------------------------ */

struct frame {
	struct pnode	*node;		/* the open map or list */
	char		*key;		/* map: the key waiting for its value */
	struct srcpos	 keypos;
	int		 have_key;	/* map: a key has been read */
	int		 bad_key;	/* map: the key was refused; drop the value */
	int		 discard;	/* this node is a refused key: drop it at the end */
	int		 block;		/* map: block style (keys at one column) */
};

struct loader {
	struct diag_list *dl;
	const char	*file;		/* owned by dl */
	yaml_parser_t	 parser;
	struct frame	*stack;
	size_t		 depth, cap;
	size_t		 nodes;
	struct pnode	*root;
	int		 stop;		/* a fatal problem: no tree */
	const char	*src;		/* the text libyaml reads (after a BOM) */
	size_t		 srclen;
};

static struct srcpos
mark_pos(const struct loader *ld, yaml_mark_t m)
{
	struct srcpos p;

	p.file = ld->file;
	p.line = (int)m.line + 1;
	p.col = (int)m.column + 1;
	return p;
}

static int
key_cmp(const void *a, const void *b)
{
	const struct pnode *x = *(const struct pnode *const *)a;
	const struct pnode *y = *(const struct pnode *const *)b;
	int c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Reports every key that repeats an earlier one in the same map and drops
 * the repeats, keeping the first.  Sorting keeps this n log n. */
static void
check_dup_keys(struct loader *ld, struct pnode *map)
{
	struct pnode **v, *c, **pp;
	size_t i, n = 0, run = 0;
	int any = 0;

	if (map->nchild < 2)
		return;
	v = xcalloc(map->nchild, sizeof(*v));
	for (c = map->first; c != NULL; c = c->next)
		v[n++] = c;
	qsort(v, n, sizeof(*v), key_cmp);
	for (i = 1; i < n; i++) {
		if (strcmp(v[i]->key, v[run]->key) != 0) {
			run = i;
			continue;
		}
		/* v[run] is the first of the keys equal to this one. */
		c = v[i];
		{
			char *path = pnode_path(c);

			diag_add(ld->dl, D_YAML_DUPKEY, &c->keypos, path,
			    "duplicate key `%s`", c->key);
			diag_help(ld->dl, "`%s` is first given at line %d, and "
			    "that value is kept; remove one of the two or merge "
			    "them", c->key, v[run]->keypos.line);
			free(path);
		}
		c->generated = 2;	/* mark for removal below */
		any = 1;
	}
	free(v);
	if (!any)
		return;
	/* Unlink the marked repeats and renumber. */
	pp = &map->first;
	map->last = NULL;
	map->nchild = 0;
	while ((c = *pp) != NULL) {
		if (c->generated == 2) {
			*pp = c->next;
			c->next = NULL;
			c->parent = NULL;
			pnode_free(c);
			continue;
		}
		c->index = map->nchild++;
		map->last = c;
		pp = &c->next;
	}
}

static const char *
event_anchor(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return (const char *)ev->data.scalar.anchor;
	case YAML_SEQUENCE_START_EVENT:
		return (const char *)ev->data.sequence_start.anchor;
	case YAML_MAPPING_START_EVENT:
		return (const char *)ev->data.mapping_start.anchor;
	default:
		return NULL;
	}
}

static const char *
event_tag(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return (const char *)ev->data.scalar.tag;
	case YAML_SEQUENCE_START_EVENT:
		return (const char *)ev->data.sequence_start.tag;
	case YAML_MAPPING_START_EVENT:
		return (const char *)ev->data.mapping_start.tag;
	default:
		return NULL;
	}
}

/* Places a finished node into the open parent (or makes it the root). */
static void
attach(struct loader *ld, struct pnode *n)
{
	struct frame *f;

	if (ld->depth == 0) {
		ld->root = n;
		return;
	}
	f = &ld->stack[ld->depth - 1];
	if (f->node->type == PN_SEQ) {
		pnode_append(f->node, NULL, n);
		return;
	}
	/* A map: n is either a key or a value. */
	if (!f->have_key) {
		/* Keys arrive as scalars in on_scalar; only a refused complex
		 * key (a map or list) gets here. */
		pnode_free(n);
		f->have_key = 1;
		f->bad_key = 1;
		return;
	}
	if (f->bad_key)
		pnode_free(n);
	else {
		n->keypos = f->keypos;
		pnode_append(f->node, NULL, n);
		n->key = f->key;
		f->key = NULL;
	}
	f->have_key = 0;
	f->bad_key = 0;
}

static void
on_scalar(struct loader *ld, const yaml_event_t *ev)
{
	struct srcpos pos = mark_pos(ld, ev->start_mark);
	const char *v = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	struct pnode *n;
	struct frame *f = ld->depth ? &ld->stack[ld->depth - 1] : NULL;

	if (len > PLAN_MAX_SCALAR) {
		diag_add(ld->dl, D_LIMIT_SCALAR, &pos, NULL,
		    "value is %zu bytes long; the limit is %u bytes (64 KiB)",
		    len, PLAN_MAX_SCALAR);
		len = 0;
		v = "";
	}
	if (f != NULL && f->node->type == PN_MAP && !f->have_key) {
		f->key = xstrndup(v, len);
		f->keypos = pos;
		f->have_key = 1;
		f->bad_key = 0;
		return;
	}
	n = pnode_new_str(v, len, &pos);
	n->generated = 0;
	switch (ev->data.scalar.style) {
	case YAML_SINGLE_QUOTED_SCALAR_STYLE:
	case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
		n->style = PN_QUOTED;
		break;
	case YAML_LITERAL_SCALAR_STYLE:
	case YAML_FOLDED_SCALAR_STYLE:
		n->style = PN_BLOCK;
		break;
	default:
		n->style = PN_PLAIN;
	}
	attach(ld, n);
}

static void
on_start(struct loader *ld, const yaml_event_t *ev, enum pn_type type)
{
	struct srcpos pos = mark_pos(ld, ev->start_mark);
	struct pnode *n = pnode_new(type, &pos);
	const struct frame *parent = ld->depth ? &ld->stack[ld->depth - 1] : NULL;
	int complex_key = parent != NULL && parent->node->type == PN_MAP &&
	    !parent->have_key;
	struct frame *f;

	n->generated = 0;
	/* xgrow may move the stack: `parent` is not used after this. */
	ld->stack = xgrow(ld->stack, &ld->cap, ld->depth + 1, sizeof(*ld->stack));
	f = &ld->stack[ld->depth++];
	memset(f, 0, sizeof(*f));
	f->node = n;
	f->block = type == PN_MAP &&
	    ev->data.mapping_start.style == YAML_BLOCK_MAPPING_STYLE;
	if (complex_key) {
		diag_add(ld->dl, D_YAML_KEYTYPE, &pos, NULL, type == PN_MAP ?
		    N_("a key must be a plain string, not a map") :
		    N_("a key must be a plain string, not a list"));
		f->discard = 1;
	}
}

static void
on_end(struct loader *ld)
{
	struct frame *f = &ld->stack[--ld->depth];
	struct pnode *n = f->node;

	free(f->key);
	/* A discarded complex key still goes through attach, which turns it
	 * into a refused key so its value is dropped too. */
	attach(ld, n);
}

/* ---- syntax errors a person understands (issue 14) ----------------------
 *
 * libyaml names the rule it was applying where it gave up ("did not find
 * expected key while parsing a block mapping"), which is often lines after
 * the mistake.  The common mistakes are recognised here from the source
 * text and the loader's stack of open maps, each reported with its own code
 * where it was made, and a `help:` line; anything else keeps libyaml's
 * words.  This runs once per file, after the parse stopped: each search
 * below is linear in the text.
 */

#define SYN_MAX_SHOWN	80	/* a fix longer than this is described, not shown */

struct srcline {
	const char	*s;
	size_t		 len;		/* without the line break */
};

/* Line `line` (1-based) of the text libyaml read; 0 when there is none.
 * A cursor remembers the line found last, so that reading lines in order
 * is linear in the text (cur may be NULL for a single look-up). */
struct linecur {
	const char	*p;		/* start of line `line`, or NULL */
	int		 line;
};

static int
src_line_at(const struct loader *ld, struct linecur *cur, int line,
    struct srcline *out)
{
	const char *p = ld->src, *end = ld->src + ld->srclen, *e;
	int l = 1;

	if (p == NULL || line < 1)
		return 0;
	if (cur->p != NULL && cur->line <= line) {
		p = cur->p;
		l = cur->line;
	}
	for (; l < line; l++) {
		if ((e = memchr(p, '\n', (size_t)(end - p))) == NULL)
			return 0;
		p = e + 1;
	}
	cur->p = p;
	cur->line = line;
	if ((e = memchr(p, '\n', (size_t)(end - p))) == NULL)
		e = end;
	if (e > p && e[-1] == '\r')
		e--;
	out->s = p;
	out->len = (size_t)(e - p);
	return 1;
}

static int
src_line(const struct loader *ld, int line, struct srcline *out)
{
	struct linecur cur = { NULL, 0 };

	return src_line_at(ld, &cur, line, out);
}

/* Byte offset of 1-based character column col in a line (len when past). */
static size_t
col_off(const struct srcline *ln, int col)
{
	size_t i;
	int c = 1;

	for (i = 0; i < ln->len; i++)
		if (((unsigned char)ln->s[i] & 0xC0) != 0x80 && c++ == col)
			return i;
	return ln->len;
}

/* 1-based character column of byte offset off in a line. */
static int
off_col(const struct srcline *ln, size_t off)
{
	size_t i;
	int c = 1;

	for (i = 0; i < off && i < ln->len; i++)
		if (((unsigned char)ln->s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

/* Offset of the first character that is not a space or tab. */
static size_t
indent_of(const struct srcline *ln)
{
	size_t i = 0;

	while (i < ln->len && (ln->s[i] == ' ' || ln->s[i] == '\t'))
		i++;
	return i;
}

/* The end of a quoted scalar opened at s[from - 1] with quote q: the offset
 * of the closing quote on this line, or len when it is not closed here. */
static size_t
quote_end(const char *s, size_t len, size_t from, char q)
{
	size_t j;

	for (j = from; j < len; j++) {
		if (q == '"' && s[j] == '\\')
			j++;
		else if (q == '\'' && s[j] == '\'' && j + 1 < len && s[j + 1] == '\'')
			j++;
		else if (s[j] == q)
			return j;
	}
	return len;
}

/*
 * Finds the quote of a quoted value that runs over the end of its line and
 * up to the error at (eline, ecol): still open there, or closed on that
 * line.  A quote opens a value where a token starts: at the start of the
 * content or after white space that follows `:`, `-`, `[`, `{`, `,` or `?`.
 * Returns 1 with its position and quote character.
 */
static int
find_open_quote(const struct loader *ld, int eline, int ecol, struct srcpos *at,
    char *qc)
{
	struct linecur cur = { NULL, 0 };
	struct srcline ln;
	size_t i, j, eoff;
	int l, inq = 0, ql = 0, qcol = 0;
	char q = 0, prev;

	for (l = 1; l <= eline && src_line_at(ld, &cur, l, &ln); l++) {
		eoff = l == eline ? col_off(&ln, ecol) : ln.len;
		i = 0;
		if (inq) {
			j = quote_end(ln.s, ln.len, 0, q);
			if (j >= eoff)
				continue;
			if (l == eline)
				break;	/* closed on the error line */
			inq = 0;
			i = j + 1;
		}
		prev = 0;
		for (; i < eoff; i++) {
			char c = ln.s[i];
			int start = i == 0 || ln.s[i - 1] == ' ' || ln.s[i - 1] == '\t';

			if (c == '#' && start)
				break;
			if ((c == '"' || c == '\'') && start &&
			    (prev == 0 || strchr(":-[{,?", prev) != NULL)) {
				j = quote_end(ln.s, ln.len, i + 1, c);
				if (j < ln.len) {
					i = j;
					prev = c;
					continue;
				}
				inq = 1;
				q = c;
				ql = l;
				qcol = off_col(&ln, i);
				break;
			}
			if (c != ' ' && c != '\t')
				prev = c;
		}
	}
	if (!inq || ql == eline)
		return 0;
	at->file = ld->file;
	at->line = ql;
	at->col = qcol;
	*qc = q;
	return 1;
}

/* A value as a quoted YAML scalar: double quotes, or single quotes when it
 * holds a double quote.  The caller frees it. */
static char *
quoted(const char *v, size_t n)
{
	struct buf b = BUF_INIT;
	size_t i;
	char q = memchr(v, '"', n) != NULL ? '\'' : '"';

	buf_putc(&b, q);
	for (i = 0; i < n; i++) {
		if (v[i] == q)
			buf_putc(&b, q);	/* '' inside single quotes */
		buf_putc(&b, v[i]);
	}
	buf_putc(&b, q);
	return buf_detach(&b);
}

static int
syn_quote(struct loader *ld, int eline, int ecol)
{
	yaml_parser_t *p = &ld->parser;
	struct srcpos at;
	struct srcline ln;
	size_t i, end;
	char q;

	/* libyaml knows where a quoted value that reaches the end of the file
	 * starts; else look for one that ran over its line. */
	if (p->context != NULL && strstr(p->context, "quoted scalar") != NULL &&
	    p->problem != NULL && strstr(p->problem, "unexpected end") != NULL) {
		at = mark_pos(ld, p->context_mark);
		if (!src_line(ld, at.line, &ln))
			return 0;
		if (col_off(&ln, at.col) >= ln.len)
			return 0;
		q = ln.s[col_off(&ln, at.col)];
		if (quote_end(ln.s, ln.len, col_off(&ln, at.col) + 1, q) < ln.len)
			return 0;	/* closed on its line: another problem */
	} else if (!find_open_quote(ld, eline, ecol, &at, &q) ||
	    !src_line(ld, at.line, &ln))
		return 0;
	if (p->problem != NULL && strstr(p->problem, "end of stream") != NULL)
		diag_add(ld->dl, D_YAML_QUOTE, &at, NULL, q == '"' ?
		    N_("this double quote is not closed on its line, so the "
		    "value runs to the end of the file") :
		    N_("this single quote is not closed on its line, so the "
		    "value runs to the end of the file"));
	else
		diag_add(ld->dl, D_YAML_QUOTE, &at, NULL, q == '"' ?
		    N_("this double quote is not closed on its line, so the "
		    "value runs on to line %d") :
		    N_("this single quote is not closed on its line, so the "
		    "value runs on to line %d"), eline);
	/* The line as it would be with the quote closed. */
	i = indent_of(&ln);
	end = ln.len;
	while (end > i && (ln.s[end - 1] == ' ' || ln.s[end - 1] == '\t'))
		end--;
	if (end - i < SYN_MAX_SHOWN)
		diag_help(ld->dl, "close the quote at the end of the value: %.*s%c",
		    (int)(end - i), ln.s + i, q);
	else
		diag_help(ld->dl, "close the quote with %c at the end of the value", q);
	return 1;
}

static int
syn_tab(struct loader *ld, int eline, int ecol)
{
	struct srcline ln;
	struct srcpos at;
	size_t i, ind;

	if (!src_line(ld, eline, &ln))
		return 0;
	ind = indent_of(&ln);
	for (i = 0; i < ind && ln.s[i] != '\t'; i++)
		continue;
	if (i == ind && (col_off(&ln, ecol) >= ln.len ||
	    ln.s[col_off(&ln, ecol)] != '\t'))
		return 0;
	if (i == ind)
		i = col_off(&ln, ecol);
	at.file = ld->file;
	at.line = eline;
	at.col = off_col(&ln, i);
	diag_add(ld->dl, D_YAML_TAB, &at, NULL,
	    "a tab in the indentation; YAML indents with spaces only");
	diag_help(ld->dl, "replace the tab with spaces, as many as the lines "
	    "around it use for this level");
	return 1;
}

/* The English text, or its translation when tr is set: the hints below
 * are put together from pieces, once in English and once translated. */
static const char *
tr_if(int tr, const char *s)
{
	return tr ? _(s) : s;
}

/* How to name the map of frame k: "`dokumen`", "an item of `daftar`", or
 * "the top level" (NULL: the top level); translated when tr is set.  The
 * caller frees it. */
static char *
map_name(const struct loader *ld, size_t k, int tr)
{
	const struct frame *up = k > 0 ? &ld->stack[k - 1] : NULL;

	if (up == NULL)
		return NULL;
	if (up->node->type == PN_MAP)
		return xasprintf("`%s`", up->key != NULL ? up->key : "?");
	if (k > 1 && ld->stack[k - 2].node->type == PN_MAP &&
	    ld->stack[k - 2].key != NULL)
		return xasprintf(tr_if(tr, N_("an item of `%s`")),
		    ld->stack[k - 2].key);
	return xstrdup(tr_if(tr, N_("a list item")));
}

/* `key:value` with no space: the colon's offset in the content of a line,
 * or len.  A colon before `//` (a web address) does not count. */
static size_t
colon_no_space(const struct srcline *ln, size_t from)
{
	size_t i;

	if (from + 2 <= ln->len && ln->s[from] == '-' && ln->s[from + 1] == ' ')
		from += 2;
	for (i = from; i < ln->len; i++) {
		char c = ln->s[i];

		if (c == ' ' || c == '\t' || c == '#' || c == '"' || c == '\'')
			return ln->len;
		if (c == ':' && i > from && i + 1 < ln->len &&
		    ln->s[i + 1] != ' ' && ln->s[i + 1] != '\t' &&
		    !(i + 2 < ln->len && ln->s[i + 1] == '/' && ln->s[i + 2] == '/'))
			return i;
	}
	return ln->len;
}

/* "mapping values are not allowed in this context": a `: ` where a value
 * was being read.  On the key's own line it is inside the value; on a later
 * line the value ran on (a key indented too far, or `key:value` above). */
/* `key:value` at ln.s[i..], its colon at k (no space after it): the
 * message at the colon of line `line`, and the fix. */
static void
say_colon_space(struct loader *ld, const struct srcline *ln, int line,
    size_t i, size_t k)
{
	struct srcpos at;
	size_t e;

	for (e = k; e < ln->len && ln->s[e] != ' ' && ln->s[e] != '\t'; e++)
		continue;
	at.file = ld->file;
	at.line = line;
	at.col = off_col(ln, k);
	diag_add(ld->dl, D_YAML_COLON_SPACE, &at, NULL,
	    "no space after the colon of `%.*s`, so YAML reads it as text, "
	    "not as a key and its value", (int)(e - i), ln->s + i);
	diag_help(ld->dl, "put a space after the colon: %.*s %.*s",
	    (int)(k + 1 - i), ln->s + i, (int)(e - k - 1), ln->s + k + 1);
}

/* Line `line` is `key:value` (or `- key:value`) with no space after the
 * colon: said so, with the fix.  Returns 1 when it was. */
static int
syn_colon_space(struct loader *ld, int line)
{
	struct srcline ln;
	size_t i, k;

	if (!src_line(ld, line, &ln))
		return 0;
	i = indent_of(&ln);
	if (i < ln.len && ln.s[i] == '-')
		for (i++; i < ln.len && ln.s[i] == ' '; i++)
			continue;
	if ((k = colon_no_space(&ln, i)) == ln.len)
		return 0;
	say_colon_space(ld, &ln, line, i, k);
	return 1;
}

static int
syn_colon(struct loader *ld, int eline, int ecol)
{
	const struct frame *f = ld->depth ? &ld->stack[ld->depth - 1] : NULL;
	const struct pnode *m;
	struct linecur cur = { NULL, 0 };
	struct srcline ln, kl;
	struct srcpos at;
	size_t i, k, v, e;
	char *fix, *name, *hint[2] = { NULL, NULL };
	int l, tr;

	/* The value read last, which ran into the colon. */
	if (f == NULL || f->node->type != PN_MAP || f->have_key ||
	    (m = f->node->last) == NULL || m->type != PN_STR ||
	    m->style != PN_PLAIN || m->key == NULL ||
	    !src_line(ld, m->keypos.line, &kl))
		return 0;
	at.file = ld->file;
	if (m->keypos.line == eline) {
		/* key: value: more */
		k = col_off(&kl, m->keypos.col);
		for (i = k; i < kl.len && kl.s[i] != ':'; i++)
			continue;
		for (v = i + 1; v < kl.len && kl.s[v] == ' '; v++)
			continue;
		for (e = v; e < kl.len && !(kl.s[e] == '#' && kl.s[e - 1] == ' '); e++)
			continue;
		while (e > v && (kl.s[e - 1] == ' ' || kl.s[e - 1] == '\t'))
			e--;
		at.line = eline;
		at.col = ecol;
		diag_add(ld->dl, D_YAML_COLON_VALUE, &at, NULL,
		    "the value of `%s` holds `: `, which YAML reads as the start "
		    "of another key", m->key);
		fix = quoted(kl.s + v, e - v);
		if (e - k < SYN_MAX_SHOWN)
			diag_help(ld->dl, "put the value in quotes: %.*s: %s",
			    (int)(i - k), kl.s + k, fix);
		else
			diag_help(ld->dl, "put the value of `%s` in quotes", m->key);
		free(fix);
		return 1;
	}
	/* The value ran on from an earlier line: `nama:Mataram` above? */
	for (l = m->pos.line; l < eline; l++) {
		if (!src_line_at(ld, &cur, l, &ln))
			break;
		i = l == m->pos.line ? col_off(&ln, m->pos.col) : indent_of(&ln);
		if ((k = colon_no_space(&ln, i)) == ln.len)
			continue;
		say_colon_space(ld, &ln, l, i, k);
		return 1;
	}
	/* A key indented under a key that has a value on its line. */
	i = col_off(&kl, m->keypos.col);
	while (i < kl.len && kl.s[i] != ':')
		i++;
	for (v = i + 1; v < kl.len && kl.s[v] == ' '; v++)
		continue;
	if (m->pos.line != m->keypos.line || !src_line(ld, eline, &ln))
		return 0;
	k = indent_of(&ln);
	e = col_off(&ln, ecol);
	at.line = eline;
	at.col = off_col(&ln, k);
	diag_add(ld->dl, D_YAML_INDENT, &at, NULL,
	    "`%.*s` is indented more than `%s` above it, so YAML reads it as more "
	    "of the value of `%s`", (int)(e > k ? e - k : 0), ln.s + k, m->key,
	    m->key);
	/* The hint names a map, a piece of text: written in each language. */
	for (tr = 0; tr <= diag_translating(); tr++) {
		name = map_name(ld, ld->depth - 1, tr);
		hint[tr] = xasprintf(name != NULL ?
		    tr_if(tr, N_("indent `%.*s` to column %d, like `%s`, to make "
		    "it a key of %s")) : tr_if(tr, N_("indent `%.*s` to column "
		    "%d, like `%s`, to make it a key of the top level")),
		    (int)(e > k ? e - k : 0), ln.s + k, m->keypos.col, m->key,
		    name != NULL ? name : "");
		free(name);
	}
	diag_help_text(ld->dl, hint[0], hint[1]);
	return 1;
}

/* The block maps a key at the error line could belong to: the open ones
 * on the stack and, below the innermost, the last values that are block
 * maps (closed before the error), innermost first. */
#define SYN_MAX_MAPS	3

struct syn_map {
	int	 col;		/* where its keys are */
	char	*name;		/* "`dokumen`", or NULL: the top level */
	char	*name_tr;	/* name translated (when translating) */
};

static size_t
syn_maps(const struct loader *ld, struct syn_map *out)
{
	struct syn_map all[PLAN_MAX_DEPTH + 1];
	const struct pnode *n;
	struct srcline ln;
	size_t i, k, nall = 0, nout = 0;

	for (k = 0; k < ld->depth; k++)
		if (ld->stack[k].block) {
			all[nall].col = ld->stack[k].node->pos.col;
			all[nall].name = map_name(ld, k, 0);
			all[nall].name_tr = diag_translating() ?
			    map_name(ld, k, 1) : NULL;
			nall++;
		}
	n = ld->depth ? ld->stack[ld->depth - 1].node->last : NULL;
	while (n != NULL && n->type == PN_MAP && nall < PLAN_MAX_DEPTH &&
	    src_line(ld, n->pos.line, &ln) && col_off(&ln, n->pos.col) < ln.len &&
	    ln.s[col_off(&ln, n->pos.col)] != '{') {
		all[nall].col = n->pos.col;
		if (n->key != NULL) {
			all[nall].name = xasprintf("`%s`", n->key);
			all[nall].name_tr = diag_translating() ?
			    xstrdup(all[nall].name) : NULL;
		} else {
			/* A map that is a list item: named by the list's key. */
			const char *lk = ld->depth > 1 &&
			    ld->stack[ld->depth - 2].node->type == PN_MAP ?
			    ld->stack[ld->depth - 2].key : NULL;

			all[nall].name = lk != NULL ?
			    xasprintf(N_("an item of `%s`"), lk) :
			    xstrdup(N_("a list item"));
			all[nall].name_tr = !diag_translating() ? NULL :
			    lk != NULL ? xasprintf(_("an item of `%s`"), lk) :
			    xstrdup(_("a list item"));
		}
		nall++;
		n = n->last;
	}
	/* Innermost first, one per column. */
	for (k = nall; k-- > 0; ) {
		for (i = 0; i < nout && out[i].col != all[k].col; i++)
			continue;
		if (i == nout && nout < SYN_MAX_MAPS)
			out[nout++] = all[k];
		else {
			free(all[k].name);
			free(all[k].name_tr);
		}
	}
	return nout;
}

/* "did not find expected key": something at a column where no key of an
 * open map is, or a list item among keys. */
static int
syn_key(struct loader *ld, int eline, int ecol)
{
	const struct frame *f = ld->depth ? &ld->stack[ld->depth - 1] : NULL;
	const struct pnode *last;
	struct syn_map maps[SYN_MAX_MAPS];
	struct srcline ln;
	struct srcpos at;
	char *hint[2] = { NULL, NULL };
	size_t i, k, e, n;
	int tr;

	if (!src_line(ld, eline, &ln))
		return 0;
	k = col_off(&ln, ecol);
	at.file = ld->file;
	at.line = eline;
	at.col = ecol;
	if (k < ln.len && ln.s[k] == '-' && (k + 1 == ln.len || ln.s[k + 1] == ' ')) {
		last = f != NULL && f->node->type == PN_MAP ? f->node->last : NULL;
		if (last == NULL || last->type != PN_STR || last->key == NULL)
			return 0;
		diag_add(ld->dl, D_YAML_LIST_ITEM, &at, NULL,
		    "a list item here, but `%s` above already has the value `%s`",
		    last->key, last->str);
		diag_help(ld->dl, "to make `%s` a list, remove `%s` and put the "
		    "items on the lines under `%s:`, each starting with `- `",
		    last->key, last->str, last->key);
		return 1;
	}
	if (k >= ln.len || k != indent_of(&ln) || (n = syn_maps(ld, maps)) == 0)
		return 0;
	for (e = k; e < ln.len && ln.s[e] != ':' && ln.s[e] != ' '; e++)
		continue;
	diag_add(ld->dl, D_YAML_INDENT, &at, NULL,
	    "`%.*s` is at column %d, where no map above has its keys",
	    (int)(e - k), ln.s + k, ecol);
	/* "indent it to column 3 for a key of `x`, or to column 1 for a
	 * top-level key", put together in English and, when translating,
	 * again from translated pieces. */
	for (tr = 0; tr <= diag_translating(); tr++) {
		char *list = NULL, *item, *joined;

		for (i = 0; i < n; i++) {
			const char *name = tr ? maps[i].name_tr : maps[i].name;

			item = name == NULL ? xasprintf(tr_if(tr,
			    N_("column %d for a top-level key")), maps[i].col) :
			    xasprintf(tr_if(tr, N_("column %d for a key of %s")),
			    maps[i].col, name);
			if (list == NULL)
				joined = xstrdup(item);
			else
				joined = xasprintf(i + 1 == n ?
				    tr_if(tr, N_("%s, or to %s")) :
				    tr_if(tr, N_("%s, to %s")), list, item);
			free(item);
			free(list);
			list = joined;
		}
		hint[tr] = xasprintf(tr_if(tr, N_("indent it to %s")), list);
		free(list);
	}
	for (i = 0; i < n; i++) {
		free(maps[i].name);
		free(maps[i].name_tr);
	}
	diag_help_text(ld->dl, hint[0], hint[1]);
	return 1;
}

static void
loader_fail_yaml(struct loader *ld)
{
	yaml_parser_t *p = &ld->parser;
	struct srcpos pos;
	const char *problem = p->problem ? p->problem : "syntax error";

	pos.file = ld->file;
	if (p->error == YAML_READER_ERROR) {
		pos.line = 1;
		pos.col = 1;
		diag_add(ld->dl, D_YAML_SYNTAX, &pos, NULL,
		    "%s at byte %zu", problem, p->problem_offset);
		return;
	}
	pos = mark_pos(ld, p->problem_mark);
	if (syn_quote(ld, pos.line, pos.col) || syn_tab(ld, pos.line, pos.col))
		return;
	if (strstr(problem, "mapping values are not allowed") != NULL &&
	    syn_colon(ld, pos.line, pos.col))
		return;
	if (strstr(problem, "did not find expected") != NULL &&
	    p->context != NULL && strstr(p->context, "block") != NULL &&
	    syn_key(ld, pos.line, pos.col))
		return;
	/* `tingkat:kecamatan` among keys: the scanner took it for a key
	 * and found no `: ` after it. */
	if (strstr(problem, "could not find expected ':'") != NULL &&
	    p->context != NULL && strstr(p->context, "simple key") != NULL &&
	    syn_colon_space(ld, (int)p->context_mark.line + 1))
		return;
	if (p->context != NULL)
		diag_add(ld->dl, D_YAML_SYNTAX, &pos, NULL, "%s %s (line %d)",
		    problem, p->context, (int)p->context_mark.line + 1);
	else
		diag_add(ld->dl, D_YAML_SYNTAX, &pos, NULL, "%s", problem);
	if (strstr(problem, "unknown escape") != NULL)
		diag_help(ld->dl, "in double quotes a backslash starts an escape: "
		    "write \\\\ for a backslash, or use single quotes");
}

/* Checks every map for repeated keys once the tree is whole, so that each
 * message carries the full path (the parents are attached by then).  The
 * walk follows parent links: no recursion, any depth. */
static void
check_all_dup_keys(struct loader *ld, struct pnode *root)
{
	struct pnode *n = root;

	while (n != NULL) {
		if (n->type == PN_MAP)
			check_dup_keys(ld, n);
		if (n->first != NULL) {
			n = n->first;
			continue;
		}
		while (n != NULL && n->next == NULL)
			n = n->parent;
		if (n != NULL)
			n = n->next;
	}
}

static void
plan_parse(struct loader *ld, struct plan *pl, const char *data, size_t len)
{
	yaml_event_t ev;
	int ndocs = 0, done = 0;

	/* libyaml skips a byte order mark only when it detects the encoding
	 * itself; we name the encoding, so drop the mark here. */
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	ld->src = data;
	ld->srclen = len;
	yaml_parser_initialize(&ld->parser);
	yaml_parser_set_input_string(&ld->parser, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&ld->parser, YAML_UTF8_ENCODING);
	while (!done && !ld->stop) {
		struct srcpos pos;
		const char *s;

		if (!yaml_parser_parse(&ld->parser, &ev)) {
			loader_fail_yaml(ld);
			ld->stop = 1;
			break;
		}
		pos = mark_pos(ld, ev.start_mark);
		if ((s = event_anchor(&ev)) != NULL)
			diag_add(ld->dl, D_YAML_ANCHOR, &pos, NULL,
			    "anchor `&%s` is not allowed; write the value out", s);
		if ((s = event_tag(&ev)) != NULL)
			diag_add(ld->dl, D_YAML_TAG, &pos, NULL,
			    "tag `%s` is not allowed; types come from the format", s);
		if (ev.type == YAML_SCALAR_EVENT || ev.type == YAML_SEQUENCE_START_EVENT ||
		    ev.type == YAML_MAPPING_START_EVENT || ev.type == YAML_ALIAS_EVENT) {
			if (++ld->nodes > PLAN_MAX_NODES) {
				diag_add(ld->dl, D_LIMIT_NODES, &pos, NULL,
				    "more than %u values in one file", PLAN_MAX_NODES);
				ld->stop = 1;
			}
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++ndocs > 1) {
				diag_add(ld->dl, D_YAML_MULTIDOC, &pos, NULL,
				    "a second document starts here; a plan is one document");
				ld->stop = 1;
			}
			break;
		case YAML_ALIAS_EVENT:
			diag_add(ld->dl, D_YAML_ANCHOR, &pos, NULL,
			    "alias `*%s` is not allowed; write the value out",
			    (const char *)ev.data.alias.anchor);
			{
				/* Stands in as an empty value so the tree stays whole. */
				struct pnode *n = pnode_new_str("", 0, &pos);

				n->generated = 0;
				if (!ld->stop)
					attach(ld, n);
			}
			break;
		case YAML_SCALAR_EVENT:
			if (!ld->stop)
				on_scalar(ld, &ev);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (ld->stop)
				break;
			if (ld->depth >= PLAN_MAX_DEPTH) {
				diag_add(ld->dl, D_LIMIT_DEPTH, &pos, NULL,
				    "nested more than %d levels deep", PLAN_MAX_DEPTH);
				ld->stop = 1;
				break;
			}
			on_start(ld, &ev, ev.type == YAML_MAPPING_START_EVENT ?
			    PN_MAP : PN_SEQ);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			on_end(ld);
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&ld->parser);
	if (ld->stop) {
		while (ld->depth > 0) {
			struct frame *f = &ld->stack[--ld->depth];

			free(f->key);
			if (ld->depth == 0)
				pnode_free(f->node);
			else
				pnode_free(f->node);
		}
		pnode_free(ld->root);
		ld->root = NULL;
	} else if (ndocs == 0) {
		struct srcpos p0 = { ld->file, 1, 1 };

		diag_add(ld->dl, D_YAML_EMPTY, &p0, NULL, "the file is empty");
	}
	free(ld->stack);
	check_all_dup_keys(ld, ld->root);
	pl->root = ld->root;
	pl->nnodes = ld->nodes;
}

static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

struct plan *
plan_load_buffer(const char *name, const char *data, size_t len,
    struct diag_list *dl)
{
	struct plan *pl = xcalloc(1, sizeof(*pl));
	struct loader ld;
	size_t bad, shown = len > PLAN_MAX_BYTES ? PLAN_MAX_BYTES : len;

	pl->file = diag_source_add(dl, name, data, shown);
	pl->dir = dir_of(name);
	if (len > PLAN_MAX_BYTES) {
		struct srcpos p = { pl->file, 0, 0 };

		plan_offset_pos(data, len, PLAN_MAX_BYTES, &p.line, &p.col);
		diag_add(dl, D_LIMIT_SIZE, &p, NULL,
		    "the file is %zu bytes; the limit is %u bytes (4 MiB)",
		    len, PLAN_MAX_BYTES);
		return pl;
	}
	if ((bad = plan_utf8_check(data, len)) != (size_t)-1) {
		struct srcpos p = { pl->file, 0, 0 };

		plan_offset_pos(data, len, bad, &p.line, &p.col);
		diag_add(dl, D_YAML_UTF8, &p, NULL,
		    "invalid UTF-8 byte 0x%02X at byte %zu",
		    (unsigned char)data[bad], bad);
		return pl;
	}
	memset(&ld, 0, sizeof(ld));
	ld.dl = dl;
	ld.file = pl->file;
	plan_parse(&ld, pl, data, len);
	return pl;
}

struct plan *
plan_load_file(const char *path, struct diag_list *dl)
{
	struct buf b = BUF_INIT;
	struct plan *pl;
	struct stat st;

	/* Reads one byte past the limit: enough to know it is too large,
	 * without reading a 100 MB file whole. */
	if (buf_read_file(&b, path, PLAN_MAX_BYTES) != 0) {
		diag_add(dl, D_IO_OPEN, NULL, NULL, "cannot open `%s`: %s",
		    path, strerror(errno));
		buf_free(&b);
		return NULL;
	}
	pl = plan_load_buffer(path, buf_str(&b), b.len, dl);
	/* plan_load_buffer reported the size it saw; the file may hold more.
	 * Give the real size where the system knows it. */
	if (b.len > PLAN_MAX_BYTES && stat(path, &st) == 0 &&
	    (size_t)st.st_size > b.len && dl->n > 0 &&
	    dl->v[dl->n - 1].code == D_LIMIT_SIZE) {
		diag_reword(dl, dl->n - 1,
		    "the file is %lld bytes; the limit is %u bytes (4 MiB)",
		    (long long)st.st_size, PLAN_MAX_BYTES);
	}
	buf_free(&b);
	return pl;
}

void
plan_free(struct plan *pl)
{
	if (pl == NULL)
		return;
	pnode_free(pl->root);
	free(pl->dir);
	free(pl);
}

/* The libyaml in use (rencana --version). */
const char *
plan_lib_version(void)
{
	return yaml_get_version_string();
}
