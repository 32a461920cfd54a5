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
			    "duplicate key `%s` (first given at line %d)",
			    c->key, v[run]->keypos.line);
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
	if (complex_key) {
		diag_add(ld->dl, D_YAML_KEYTYPE, &pos, NULL,
		    "a key must be a plain string, not a %s",
		    type == PN_MAP ? "map" : "list");
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
	if (p->context != NULL)
		diag_add(ld->dl, D_YAML_SYNTAX, &pos, NULL, "%s %s (line %d)",
		    problem, p->context, (int)p->context_mark.line + 1);
	else
		diag_add(ld->dl, D_YAML_SYNTAX, &pos, NULL, "%s", problem);
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
		free(dl->v[dl->n - 1].msg);
		dl->v[dl->n - 1].msg = xasprintf(
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
