/*
 * rencana: building a document.  Finds the template folder, reads its
 * style (gaya.yaml) and word set (kata-LANG.yaml), computes the context
 * (compute.c) and expands the main template dokumen.md.mustache with its
 * partials in strict mode: a name no plan can have is an error with the
 * template's position.  Template text must be printable in WinAnsi, the
 * PDF text encoding, and is checked as it is read.
 *
 * A template folder (docs/templates.md):
 *   dokumen.md.mustache   the main template
 *   NAME.mustache         partials, {{> NAME}}
 *   gaya.yaml             the style (style.c)
 *   kata-id.yaml, kata-en.yaml   the template's own words, by dokumen.bahasa
 *   templat.yaml          `dasar: NAME`: the base it overlays (folder.c)
 * A file missing from the folder is looked up in its base (the layers of
 * folder_layers); gaya.yaml is read base first, and the word sets are
 * merged key by key, so a folder holds only what differs.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "blocks.h"
#include "build.h"
#include "compute.h"
#include "confine.h"
#include "docx.h"
#include "dump.h"
#include "folder.h"
#include "layout.h"
#include "number.h"
#include "output.h"
#include "page.h"
#include "paths.h"
#include "pdf.h"
#include "plan.h"
#include "schema.h"
#include "template.h"
#include "validate.h"
#include "winansi.h"
#include "words.h"
#include "xalloc.h"

/*
 * Limits, each with its reason.
 */
#define BUILD_MAX_TEMPLATE	(1024u * 1024)	/* a template file is < 20 KiB */
#define BUILD_MAX_PARTIALS	256		/* a template has about 15 */
#define BUILD_MAX_NAME		64		/* partial names are short words */

/* Files values point into: the plan and one word set per layer. */
#define NLINES		(1 + FOLDER_MAX_LAYERS)

struct partial {
	char		*name;
	const char	*file;		/* owned by the diag list */
	char		*text;		/* NULL: not found */
	size_t		 len;
	int		 refused;	/* confine_read refused it (reported) */
};

/* The values a template interpolated, for blocks_from_template. */
struct origins {
	struct blk_origin *v;
	size_t		 n, cap;
	char		**paths;	/* v[i].path, owned here */
	struct blk_origin *text;	/* spans of template text */
	size_t		 ntext, textcap;
};

/* Line starts of a file that values point into (block scalar columns). */
struct src_lines {
	const char	*file;		/* owned by the diag list */
	const char	*text;
	size_t		 len;
	size_t		*start;
	size_t		 n, cap;
};

struct folder {
	struct origins	*orig;		/* NULL: spans are not wanted */
	struct src_lines lines[NLINES];	/* values come from the plan and the words */
	char		*dir[FOLDER_MAX_LAYERS];	/* the folder, then its bases */
	size_t		 ndir;
	struct partial	*v;
	size_t		 n, cap;
	struct diag_list *dl;
	const struct pnode *kata;
	int		 bad;		/* a file had an error */
};

/* ---- reading template files ---------------------------------------------- */

/* Reads a file of layer k of the template (at most BUILD_MAX_TEMPLATE
 * bytes) through confine_read: it must be a regular file inside that
 * folder once links are followed.  NULL if absent (the caller decides
 * whether that is an error) or refused (reported here, at the file, and
 * fo->bad and *refused, when not NULL, set). */
static char *
read_tfile(struct folder *fo, size_t k, const char *filename, size_t *len,
    int *refused)
{
	struct buf b = BUF_INIT;
	char *path;
	int rc, err;

	rc = confine_read(fo->dir[k], filename, BUILD_MAX_TEMPLATE, &b, &err);
	if (rc == 0) {
		*len = b.len;
		return buf_detach(&b);
	}
	buf_free(&b);
	if (rc == CONFINE_ERRNO && err == ENOENT)
		return NULL;
	path = xasprintf("%s/%s", fo->dir[k], filename);
	if (rc == CONFINE_TOO_LARGE)
		diag_add(fo->dl, D_TPL_NOTFOUND, NULL, NULL,
		    "template file `%s` is larger than %u bytes", path,
		    BUILD_MAX_TEMPLATE);
	else {
		struct srcpos at = { diag_file(fo->dl, path), 0, 0 };

		confine_report(fo->dl, rc, err, D_TPL_NOTFOUND, &at, NULL,
		    "the template file", filename, "the template folder",
		    fo->dir[k]);
	}
	fo->bad = 1;
	if (refused != NULL)
		*refused = 1;
	free(path);
	return NULL;
}

/* Registers the text for messages and checks it is UTF-8 that WinAnsi can
 * show (the PDF fonts have no other characters).  Returns 0 or -1. */
static int
check_text(const char *file, const char *text, size_t len, struct diag_list *dl)
{
	size_t bad = plan_utf8_check(text, len), i = 0;
	struct srcpos p = { file, 0, 0 };
	int rc = 0;

	if (bad != (size_t)-1) {
		plan_offset_pos(text, len, bad, &p.line, &p.col);
		diag_add(dl, D_TPL_CHARSET, &p, NULL,
		    "invalid UTF-8 byte 0x%02X", (unsigned char)text[bad]);
		return -1;
	}
	while (i < len) {
		unsigned long cp;
		size_t n = utf8_decode(text + i, len - i, &cp);

		if (winansi_from_cp(cp) < 0 || (cp < 0x20 && cp != '\n' &&
		    cp != '\r' && cp != '\t')) {
			plan_offset_pos(text, len, i, &p.line, &p.col);
			diag_add(dl, D_TPL_CHARSET, &p, NULL,
			    "character U+%04lX cannot be printed with the PDF fonts",
			    cp);
			rc = -1;
		}
		i += n;
	}
	return rc;
}

/* A word is template text too: WinAnsi only (reported at the value). */
static void
check_word(const struct pnode *m, struct diag_list *dl)
{
	size_t i = 0;

	while (i < m->len) {
		unsigned long cp;
		size_t n = utf8_decode(m->str + i, m->len - i, &cp);

		if (winansi_from_cp(cp) < 0) {
			diag_add(dl, D_TPL_CHARSET, &m->pos, m->key,
			    "character U+%04lX cannot be printed with the PDF fonts",
			    cp);
			return;
		}
		i += n;
	}
}

/* Loads a template file from the nearest layer that has it (a refused
 * file ends the search); NULL when there are too many. */
static struct partial *
load_part(struct folder *fo, const char *name, const char *filename)
{
	struct partial *p;
	char *path;
	size_t i, k;

	for (i = 0; i < fo->n; i++)
		if (strcmp(fo->v[i].name, name) == 0)
			return &fo->v[i];
	if (fo->n >= BUILD_MAX_PARTIALS)
		return NULL;
	fo->v = xgrow(fo->v, &fo->cap, fo->n + 1, sizeof(*fo->v));
	p = &fo->v[fo->n++];
	memset(p, 0, sizeof(*p));
	p->name = xstrdup(name);
	for (k = 0; k < fo->ndir && p->text == NULL && !p->refused; k++)
		p->text = read_tfile(fo, k, filename, &p->len, &p->refused);
	/* Messages name the file where it was found, else the folder's own. */
	path = xasprintf("%s/%s", fo->dir[p->text || p->refused ? k - 1 : 0],
	    filename);
	if (p->text != NULL) {
		p->file = diag_source_add(fo->dl, path, p->text, p->len);
		if (check_text(p->file, p->text, p->len, fo->dl) != 0)
			fo->bad = 1;
	} else
		p->file = diag_file(fo->dl, path);
	free(path);
	return p;
}

static const char *
get_partial(void *user, const char *name, size_t *len, const char **file)
{
	struct folder *fo = user;
	struct partial *p;
	char *fn;
	size_t i;

	/* A partial is a file of this folder: no paths. */
	for (i = 0; name[i] != '\0'; i++)
		if (!(name[i] == '-' || name[i] == '_' ||
		    (name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= 'A' && name[i] <= 'Z') ||
		    (name[i] >= '0' && name[i] <= '9')))
			return NULL;
	if (i == 0 || i > BUILD_MAX_NAME)
		return NULL;
	fn = xasprintf("%s.mustache", name);
	p = load_part(fo, name, fn);
	free(fn);
	/* A refused partial is already reported: it expands to nothing, so the
	 * engine does not also call it missing. */
	if (p != NULL && p->refused) {
		*len = 0;
		*file = p->file;
		return "";
	}
	/* The engine reports a missing partial at its tag (strict mode). */
	if (p == NULL || p->text == NULL)
		return NULL;
	*len = p->len;
	*file = p->file;
	return p->text;
}

/* ---- where values came from ------------------------------------------------ */

/* The start of line `line` (1-based) of file `file`, or NULL when the
 * file's text is unknown.  The index is built once per file. */
static const char *
src_line(struct folder *fo, const char *file, int line, const char **end)
{
	struct src_lines *sl = NULL;
	size_t i;

	for (i = 0; i < NLINES && sl == NULL; i++)
		if (fo->lines[i].file == file || fo->lines[i].file == NULL)
			sl = &fo->lines[i];
	if (sl == NULL)
		return NULL;	/* more files than the plan and its words */
	if (sl->file != file) {
		sl->file = file;
		sl->text = NULL;
		sl->n = 0;
		for (i = 0; i < fo->dl->nsrc; i++)
			if (fo->dl->src[i].file == file ||
			    strcmp(fo->dl->src[i].file, file) == 0) {
				sl->text = fo->dl->src[i].text;
				sl->len = fo->dl->src[i].len;
			}
		for (i = 0; sl->text != NULL && i <= sl->len; i++)
			if (i == 0 || sl->text[i - 1] == '\n') {
				sl->start = xgrow(sl->start, &sl->cap, sl->n + 1,
				    sizeof(*sl->start));
				sl->start[sl->n++] = i;
			}
	}
	if (sl->text == NULL || line < 1 || (size_t)line > sl->n)
		return NULL;
	*end = (size_t)line < sl->n ? sl->text + sl->start[line] : sl->text + sl->len;
	return sl->text + sl->start[line - 1];
}

/* Columns before a value's text: a literal block scalar's indentation
 * (*block set), or what precedes a one-line scalar, quote included. */
static int
value_indent(struct folder *fo, const struct pnode *v, int *block)
{
	const char *l, *e, *p;
	int col = 1, line;

	*block = 0;
	if (v->pos.file == NULL || (l = src_line(fo, v->pos.file, v->pos.line,
	    &e)) == NULL)
		return v->pos.col - 1;
	for (p = l; p < e && col < v->pos.col; p++)
		if (((unsigned char)*p & 0xC0) != 0x80)
			col++;
	if (p < e && (*p == '"' || *p == '\''))
		return v->pos.col;
	if (p == e || *p != '|')
		return v->pos.col - 1;
	/* `|`: the first line with text sets the indentation */
	for (line = v->pos.line + 1; (l = src_line(fo, v->pos.file, line, &e)) != NULL;
	    line++) {
		for (p = l; p < e && *p == ' '; p++)
			;
		if (p < e && *p != '\n' && *p != '\r') {
			*block = 1;
			return (int)(p - l);
		}
	}
	return v->pos.col - 1;
}

static void
on_span(void *user, size_t off, size_t len, const struct pnode *v, int raw)
{
	struct folder *fo = user;
	struct origins *o = fo->orig;
	struct blk_origin *e;
	char *path;

	if (o == NULL)
		return;
	if (o->n == o->cap) {
		/* paths grows with v, only when v does (each realloc may copy). */
		o->v = xgrow(o->v, &o->cap, o->n + 1, sizeof(*o->v));
		o->paths = xrealloc(o->paths, o->cap * sizeof(*o->paths));
	}
	e = &o->v[o->n];
	memset(e, 0, sizeof(*e));
	e->off = off;
	e->len = len;
	e->raw = raw;
	e->pos = v->pos;
	path = v->generated ? NULL : pnode_path(v);
	if (path != NULL && *path == '\0') {
		free(path);
		path = NULL;
	}
	o->paths[o->n] = path;
	e->path = path;
	e->indent = value_indent(fo, v, &e->block);
	o->n++;
}

/* Template text: messages about it point into the template file. */
static void
on_text_span(void *user, size_t off, size_t len, const char *file, int line,
    int col)
{
	struct folder *fo = user;
	struct origins *o = fo->orig;
	struct blk_origin *e;

	if (o == NULL)
		return;
	o->text = xgrow(o->text, &o->textcap, o->ntext + 1, sizeof(*o->text));
	e = &o->text[o->ntext++];
	memset(e, 0, sizeof(*e));
	e->off = off;
	e->len = len;
	e->raw = 1;
	e->pos.file = file;
	e->pos.line = line;
	e->pos.col = col;
}

static void
origins_free(struct origins *o)
{
	size_t i;

	for (i = 0; i < o->n; i++)
		free(o->paths[i]);
	free(o->paths);
	free(o->v);
	free(o->text);
}

static void
folder_free(struct folder *fo)
{
	size_t i;

	for (i = 0; i < NLINES; i++)
		free(fo->lines[i].start);
	for (i = 0; i < fo->n; i++) {
		free(fo->v[i].name);
		free(fo->v[i].text);
	}
	free(fo->v);
	for (i = 0; i < fo->ndir; i++)
		free(fo->dir[i]);
}

/* ---- finding the folder ----------------------------------------------------- */

char *
build_template_dir(const struct plan *pl, const char *explicit_dir,
    struct diag_list *dl)
{
	const struct pnode *dok = pnode_get(pl->root, "dokumen");
	const char *templat = pnode_text(dok, "templat");
	const char *name = templat ? templat : pnode_text(dok, "jenis");
	const struct pnode *at = pnode_get(dok, templat ? "templat" : "jenis");
	char *found, *searched = NULL;

	if (explicit_dir != NULL) {
		if (folder_is_template(explicit_dir))
			return xstrdup(explicit_dir);
		diag_add(dl, D_TPL_NOTFOUND, NULL, NULL,
		    "`%s` is not a template folder: it has no `%s` or `%s`",
		    explicit_dir, FOLDER_MAIN, FOLDER_TEMPLAT);
		return NULL;
	}
	if (name == NULL) {
		diag_add(dl, D_TPL_NOTFOUND, dok ? &dok->pos : NULL, "dokumen",
		    "no `dokumen.jenis` or `dokumen.templat` to choose a template");
		return NULL;
	}
	/* A path (it has a slash) is relative to the plan's folder, and like
	 * every file a plan names it must stay inside that folder (or one
	 * given with --allow-dir) once links are followed. */
	if (strchr(name, '/') != NULL || strcmp(name, ".") == 0 ||
	    strcmp(name, "..") == 0) {
		char *p = name[0] == '/' ? xstrdup(name) :
		    xasprintf("%s/%s", pl->dir, name);
		char *main_file = xasprintf("%s/%s", name, FOLDER_MAIN);
		int err = 0, fd = confine_open(pl->dir, main_file, NULL, &err);

		/* An overlay has no main template: its templat.yaml then. */
		free(main_file);
		if (fd == CONFINE_ERRNO && err == ENOENT) {
			main_file = xasprintf("%s/%s", name, FOLDER_TEMPLAT);
			fd = confine_open(pl->dir, main_file, NULL, &err);
			free(main_file);
		}
		if (fd >= 0)
			close(fd);
		if (fd == CONFINE_OUTSIDE) {
			diag_add(dl, D_PATH_OUTSIDE, at ? &at->pos : NULL,
			    "dokumen.templat", "the template folder `%s` lies "
			    "outside the plan's folder `%s` once links are "
			    "followed (use --allow-dir, or --template)", name,
			    pl->dir);
			free(p);
			return NULL;
		}
		if (fd >= 0 && folder_is_template(p))
			return p;
		diag_add(dl, D_TPL_NOTFOUND, at ? &at->pos : NULL, "dokumen.templat",
		    "`%s` is not a template folder: it has no `%s` or `%s`", p,
		    FOLDER_MAIN, FOLDER_TEMPLAT);
		free(p);
		return NULL;
	}
	/* Template names: $RENCANA_TEMPLATES, the installed or checkout
	 * folders (paths.c), then ./templates (folder.c). */
	if ((found = folder_find(name, &searched)) == NULL)
		diag_add(dl, D_TPL_NOTFOUND, at ? &at->pos : NULL,
		    templat ? "dokumen.templat" : "dokumen.jenis",
		    "no template `%s` in %s (set RENCANA_TEMPLATES or use "
		    "--template DIR)", name, searched);
	free(searched);
	return found;
}

/* ---- the word set ------------------------------------------------------------ */

/* Layer k's word set `name`: NULL when absent, refused or not a map
 * (reported); *found set when the file is there. */
static struct plan *
load_words_layer(struct folder *fo, size_t k, const char *name, int *found)
{
	char *path = xasprintf("%s/%s", fo->dir[k], name), *text;
	struct plan *w = NULL;
	const struct pnode *m;
	size_t len;
	int refused = 0;

	if ((text = read_tfile(fo, k, name, &len, &refused)) == NULL) {
		*found |= refused;
		goto out;
	}
	*found = 1;
	w = plan_load_buffer(path, text, len, fo->dl);
	free(text);
	if (w == NULL || w->root == NULL)
		goto bad;
	if (w->root->type != PN_MAP) {
		diag_add(fo->dl, D_WORDS_VALUE, &w->root->pos, NULL,
		    "a word set is a map of names to text");
		goto bad;
	}
	for (m = w->root->first; m != NULL; m = m->next) {
		if (m->type != PN_STR) {
			diag_add(fo->dl, D_WORDS_VALUE, &m->pos, m->key,
			    "expected text, not a map or list");
			continue;
		}
		check_word(m, fo->dl);
	}
	goto out;
bad:
	plan_free(w);
	w = NULL;
	fo->bad = 1;
out:
	free(path);
	return w;
}

/* The word set for lang: each layer's kata-LANG.yaml, base first, merged
 * key by key (folder_merge).  NULL after an error (reported). */
static struct plan *
load_words(struct folder *fo, const char *lang)
{
	char *name = xasprintf("kata-%s.yaml", lang);
	struct plan *w = NULL, *over;
	size_t k = fo->ndir;
	int found = 0;

	while (k-- > 0) {
		if ((over = load_words_layer(fo, k, name, &found)) == NULL)
			continue;
		if (w == NULL)
			w = over;
		else {
			folder_merge(w->root, over->root);
			plan_free(over);
		}
	}
	if (!found)
		diag_add(fo->dl, D_TPL_NOTFOUND, NULL, NULL,
		    "the template has no word set for language `%s`: "
		    "no `%s/%s`", lang, fo->dir[0], name);
	free(name);
	return w;
}

/* ---- strict names --------------------------------------------------------------- */

/* A key of a DICT field (`target`: years): its pattern is ^[0-9]{4}$. */
static int
dict_key_ok(const struct schema_field *f, const char *key)
{
	if (strcmp(schema_dict_key_pattern(f), "^[0-9]{4}$") != 0)
		return 0;	/* a new pattern needs code here */
	return strlen(key) == 4 && strspn(key, "0123456789") == 4;
}

/*
 * True when a plan of the format can have `name` in the map at `path` (the
 * context path, list indices dropped): the validator's tables decide, so a
 * template is held to exactly the format that `rencana check` accepts.
 * The walk is as deep as the path, which the plan tree bounds.
 */
static int
plan_can_have(const char *path, const char *name)
{
	const struct schema_field *f = schema_root();
	char *p = xstrdup(path), *seg, *save = NULL;
	int ok = 0;

	for (seg = strtok_r(p, ".", &save); seg != NULL && f != NULL;
	    seg = strtok_r(NULL, ".", &save)) {
		if (f->type != SCHEMA_MAP)
			f = NULL;
		else if ((f = schema_child(f, seg)) != NULL &&
		    f->type == SCHEMA_LIST)
			f = schema_child(f, NULL);	/* the path drops the index */
	}
	if (f != NULL && f->type == SCHEMA_MAP)
		ok = schema_child(f, name) != NULL;
	else if (f != NULL && f->type == SCHEMA_DICT)
		ok = dict_key_ok(f, name);
	free(p);
	return ok;
}

/* The context path of a node: keys from the root, list indices dropped. */
static char *
ctx_path(const struct pnode *n)
{
	const struct pnode *p;
	struct buf b = BUF_INIT;
	const struct pnode *chain[PLAN_MAX_DEPTH + 8];
	size_t depth = 0;

	for (p = n; p != NULL && p->parent != NULL &&
	    depth < sizeof(chain) / sizeof(chain[0]); p = p->parent)
		if (p->parent->type == PN_MAP)
			chain[depth++] = p;
	while (depth > 0) {
		p = chain[--depth];
		if (b.len > 0)
			buf_putc(&b, '.');
		buf_puts(&b, p->key ? p->key : "?");
	}
	if (b.data == NULL)
		return xstrdup("");
	return buf_detach(&b);
}

/* One name segment at a path: in the tree, computed, a plan field, or a word. */
static int
seg_ok(const struct folder *fo, const char *path, const char *seg)
{
	if (compute_name_known(path, seg) || plan_can_have(path, seg))
		return 1;
	if (strcmp(path, "kata") == 0)
		return pnode_get(fo->kata, seg) != NULL;
	return 0;
}

static int
name_ok(void *user, const struct pnode *ctx, const char *name)
{
	const struct folder *fo = user;
	const struct pnode *n;
	char *first;
	size_t flen = strcspn(name, ".");
	int ok = 0;

	if (strcmp(name, ".") == 0)
		return 1;
	first = xstrndup(name, flen);
	/*
	 * The first segment may come from any enclosing context.  The tree's
	 * ancestors of ctx stand in for the context stack (the engine gives
	 * only the innermost): a superset, so this never refuses a name the
	 * stack could resolve.
	 */
	for (n = ctx; n != NULL && !ok; n = n->parent) {
		char *path, *rest, *seg, *save = NULL;

		if (n->type != PN_MAP)
			continue;
		path = ctx_path(n);
		if (pnode_get(n, first) == NULL && !seg_ok(fo, path, first)) {
			free(path);
			continue;
		}
		/* The rest descends from there. */
		ok = 1;
		rest = xstrdup(name);
		for (seg = strtok_r(rest, ".", &save); seg != NULL;
		    seg = strtok_r(NULL, ".", &save)) {
			char *np;

			if (seg != rest && !seg_ok(fo, path, seg)) {
				ok = 0;
				break;
			}
			np = *path ? xasprintf("%s.%s", path, seg) : xstrdup(seg);
			free(path);
			path = np;
		}
		free(rest);
		free(path);
		/* Not from here: a farther context may still have it. */
	}
	free(first);
	return ok;
}

/* Offers sg every name valid in the map at `path`: the keys the tree has
 * there (node, which may be NULL), the format's fields there, and at
 * `kata` the words. */
static void
offer_names(const struct folder *fo, struct validate_suggest *sg,
    const struct pnode *node, const char *path)
{
	const struct schema_field *f = schema_find(path), *c;
	const struct pnode *m;

	for (m = node != NULL && node->type == PN_MAP ? node->first : NULL;
	    m != NULL; m = m->next)
		validate_suggest_try(sg, m->key);
	while (f != NULL && f->type == SCHEMA_LIST)
		f = f->children;
	for (c = f != NULL && f->type == SCHEMA_MAP ? f->children : NULL;
	    c != NULL && c->key != NULL; c++)
		validate_suggest_try(sg, c->key);
	if (strcmp(path, "kata") == 0 && fo->kata != NULL)
		for (m = fo->kata->first; m != NULL; m = m->next)
			validate_suggest_try(sg, m->key);
}

/*
 * A name near one that name_ok refused: the first segment that is valid
 * nowhere is replaced by the nearest name valid there (validate.c's rule),
 * keeping the segments before and after it.  NULL when none is near.
 */
static char *
name_near(void *user, const struct pnode *ctx, const char *name)
{
	const struct folder *fo = user;
	struct validate_suggest sg;
	const struct pnode *n, *cur = NULL;
	size_t flen = strcspn(name, ".");
	char *first = xstrndup(name, flen), *path = NULL, *res = NULL;
	const char *seg = name, *near;
	size_t slen = flen;

	/* The context where the first segment is valid, as name_ok looks. */
	for (n = ctx; n != NULL && path == NULL; n = n->parent) {
		char *p;

		if (n->type != PN_MAP)
			continue;
		p = ctx_path(n);
		if (pnode_get(n, first) != NULL || seg_ok(fo, p, first)) {
			path = p;
			cur = n;
		} else
			free(p);
	}
	validate_suggest_init(&sg, first);
	if (path == NULL) {
		/* Valid nowhere: any context's names. */
		for (n = ctx; n != NULL; n = n->parent)
			if (n->type == PN_MAP) {
				char *p = ctx_path(n);

				offer_names(fo, &sg, n, p);
				free(p);
			}
	} else {
		/* Descend to the first segment not valid where it stands. */
		for (;;) {
			char *s = xstrndup(seg, slen), *np;
			int ok = seg == name ? 1 : seg_ok(fo, path, s);

			if (!ok) {
				free(first);
				first = s;
				validate_suggest_init(&sg, first);
				offer_names(fo, &sg, cur, path);
				break;
			}
			cur = cur != NULL ? pnode_get(cur, s) : NULL;
			np = *path ? xasprintf("%s.%s", path, s) : xstrdup(s);
			free(path);
			path = np;
			free(s);
			if (seg[slen] == '\0')
				break;
			seg += slen + 1;
			slen = strcspn(seg, ".");
		}
	}
	if ((near = validate_suggest_result(&sg)) != NULL &&
	    strcmp(near, first) != 0)
		res = xasprintf("%.*s%s%s", (int)(seg - name), name, near,
		    seg + slen);
	free(first);
	free(path);
	return res;
}

/* ---- the build --------------------------------------------------------------------- */

/* build_markdown_style, and the spans of values in the output when orig
 * is not NULL (the caller frees them with origins_free). */
static int
build_markdown_origins(const struct plan *pl, const char *template_dir,
    struct buf *out, struct style *style_out, struct origins *orig,
    struct diag_list *dl)
{
	struct folder fo;
	struct style st;
	struct plan *words = NULL;
	struct pnode *ctx = NULL;
	struct partial *main_part;
	struct tpl_opts opts;
	const struct pnode *dok, *logo;
	const char *lang, *paper, *w;
	char *top, *text;
	size_t len, k;
	size_t before = dl->nerror;
	int rc = -1;

	memset(&fo, 0, sizeof(fo));
	fo.orig = orig;
	style_default(&st);
	if (pl == NULL || pl->root == NULL || pl->root->type != PN_MAP)
		goto out;
	dok = pnode_get(pl->root, "dokumen");
	lang = pnode_text(dok, "bahasa") ? pnode_text(dok, "bahasa") : "id";
	if ((top = build_template_dir(pl, template_dir, dl)) == NULL)
		goto out;
	fo.ndir = folder_layers(top, fo.dir, dl);
	free(top);
	if (fo.ndir == 0)
		goto out;
	fo.dl = dl;

	/* gaya.yaml over gaya.yaml, base first: a folder's keys win. */
	for (k = fo.ndir; k-- > 0;)
		if ((text = read_tfile(&fo, k, "gaya.yaml", &len, NULL)) != NULL) {
			char *gaya = xasprintf("%s/gaya.yaml", fo.dir[k]);

			style_load_buffer(gaya, text, len, &st, dl);
			free(gaya);
			free(text);
		}
	if ((paper = pnode_text(dok, "kertas")) != NULL)
		style_set_paper(&st, paper);
	if ((logo = pnode_get(pnode_get(pl->root, "wilayah"), "logo")) != NULL &&
	    pnode_text(pnode_get(pl->root, "wilayah"), "logo") != NULL) {
		st.logo = xstrdup(logo->str);
		st.logo_pos = logo->pos;
	}
	if ((words = load_words(&fo, lang)) == NULL || words->root == NULL)
		goto out;
	fo.kata = words->root;
	if ((w = pnode_str(words->root, "tabel")) != NULL) {
		free(st.caption_word);
		st.caption_word = xstrdup(w);
	}
	if ((w = pnode_str(words->root, "gambar")) != NULL) {
		free(st.figure_word);
		st.figure_word = xstrdup(w);
	}
	if ((w = pnode_str(words->root, "bab")) != NULL) {
		free(st.chapter_word);
		st.chapter_word = xstrdup(w);
	}
	if ((w = pnode_str(words->root, "lampiran")) != NULL) {
		free(st.appendix_word);
		st.appendix_word = xstrdup(w);
	}
	if ((w = pnode_str(words->root, "konsep")) != NULL) {
		free(st.draft_word);
		st.draft_word = xstrdup(w);
	}
	if ((w = pnode_str(words->root, "lanjutan_tabel")) != NULL) {
		free(st.cont_word);
		st.cont_word = xstrdup(w);
	}
	main_part = load_part(&fo, "\001main", FOLDER_MAIN);
	if (main_part != NULL && main_part->text == NULL && !main_part->refused)
		diag_add(dl, D_TPL_NOTFOUND, NULL, NULL, "`%s` and its bases have "
		    "no `%s`", fo.dir[0], FOLDER_MAIN);
	if (main_part == NULL || main_part->text == NULL || fo.bad ||
	    dl->nerror > before)
		goto out;

	ctx = compute_context(pl, &st, lang, dl);
	if (ctx == NULL)
		goto out;
	compute_add_words(ctx, words->root);
	fo.kata = pnode_get(ctx, "kata");
	compute_names(ctx, &st.names, &st.nnames);
	/* foreign terms are foreign to Indonesian text only */
	if (strcmp(lang, "id") != 0) {
		for (k = 0; k < st.nforeign; k++)
			free(st.foreign[k]);
		st.nforeign = 0;
	}

	memset(&opts, 0, sizeof(opts));
	opts.escape = TPL_ESC_MARKDOWN;
	opts.partial = get_partial;
	opts.user = &fo;
	opts.name_ok = name_ok;
	opts.name_near = name_near;
	opts.span = on_span;
	opts.text_span = on_text_span;
	if (tpl_render(main_part->file, main_part->text, main_part->len, ctx,
	    &opts, out, dl) != 0 || fo.bad || dl->nerror > before)
		goto out;
	rc = 0;
out:
	if (rc != 0)
		buf_truncate(out, 0);
	if (style_out != NULL && rc == 0)
		*style_out = st;
	else
		style_free(&st);
	pnode_free(ctx);
	plan_free(words);
	folder_free(&fo);
	return rc;
}

int
build_markdown_style(const struct plan *pl, const char *template_dir,
    struct buf *out, struct style *style_out, struct diag_list *dl)
{
	return build_markdown_origins(pl, template_dir, out, style_out, NULL, dl);
}

int
build_markdown(const struct plan *pl, const char *template_dir,
    struct buf *out, struct diag_list *dl)
{
	return build_markdown_style(pl, template_dir, out, NULL, dl);
}

/* The date for the PDF's metadata: SOURCE_DATE_EPOCH when set (reproducible
 * builds), else what layout took from the plan's date; never the clock. */
static void
set_pdf_date(struct doc_pages *pages)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (e == NULL || *e == '\0')
		return;
	errno = 0;
	v = strtoll(e, &end, 10);
	if (errno == 0 && *end == '\0' && v >= 0)
		pages->meta.date = v;
}

/* What build_layout hands on besides the pages, for the Word writer:
 * the numbered block tree and the metrics layout measured with. */
struct layout_keep {
	struct block	*doc;
	struct metrics	*m;
};

/* Template, blocks and layout: the pages a build writes, with the style
 * (*have_style set when st must be freed) and, when pdp is not NULL, the
 * PDF document opened with the style's fonts, whose widths layout measured
 * with (*pdp; else only the metrics are read).  When keep is not NULL the
 * tree and the metrics are left there (the caller frees them) on success.
 * NULL after an error. */
static struct doc_pages *
build_layout(const struct plan *pl, const char *template_dir,
    const char *fontdir, struct style *st, int *have_style, int *rc,
    struct pdf_doc **pdp, struct layout_keep *keep, struct diag_list *dl)
{
	struct buf md = BUF_INIT;
	struct origins orig;
	struct metrics *m = NULL;
	struct block *doc = NULL;
	struct doc_pages *pages = NULL;
	struct pdf_doc *pd = NULL;
	struct number_opts no;
	struct words_opts wo;

	*have_style = 0;
	*rc = PDF_FAIL;
	memset(&orig, 0, sizeof(orig));
	if (build_markdown_origins(pl, template_dir, &md, st, &orig, dl) != 0)
		goto out;
	*have_style = 1;
	/* the fonts first: the text's characters must be in them */
	m = xcalloc(1, sizeof(*m));
	if (pdp != NULL) {
		if ((pd = pdf_open((const char *const *)st->font, fontdir, m,
		    dl)) == NULL)
			goto out;
	} else if (pdf_metrics(st, fontdir, m, dl) != PDF_OK)
		goto out;
	if (validate_chars(pl, m, (const char *const *)st->font, dl) > 0) {
		*rc = PDF_BAD_INPUT;
		goto out;
	}
	doc = blocks_from_template_fonts(buf_str(&md), md.len, NULL, orig.v,
	    orig.n, orig.text, orig.ntext, m, (const char *const *)st->font, dl);
	if (dl->nerror > 0) {
		*rc = PDF_BAD_INPUT;
		goto out;
	}
	number_opts_from_style(&no, st);
	number_run(doc, &no, dl);
	if (dl->nerror > 0) {
		*rc = PDF_BAD_INPUT;
		goto out;
	}
	memset(&wo, 0, sizeof(wo));
	wo.foreign = (const char *const *)st->foreign;
	wo.nforeign = st->nforeign;
	wo.names = (const char *const *)st->names;
	wo.nnames = st->nnames;
	words_run(doc, &wo);
	pages = layout_run(doc, st, m, pl->dir, dl);
	if (dl->nerror > 0) {
		*rc = PDF_BAD_INPUT;
		doc_pages_free(pages);
		pages = NULL;
		goto out;
	}
	set_pdf_date(pages);
	*rc = PDF_OK;
	if (pdp != NULL) {
		*pdp = pd;
		pd = NULL;
	}
	if (keep != NULL) {
		keep->doc = doc;
		keep->m = m;
		doc = NULL;
		m = NULL;
	}
out:
	origins_free(&orig);
	pdf_close(pd);
	blocks_free(doc);
	free(m);
	buf_free(&md);
	return pages;
}

int
build_pdf(const struct plan *pl, const char *template_dir, const char *fontdir,
    const char *path, struct diag_list *dl)
{
	struct style st;
	struct doc_pages *pages;
	struct pdf_doc *pd = NULL;
	int rc, have_style;

	pages = build_layout(pl, template_dir, fontdir, &st, &have_style, &rc,
	    &pd, NULL, dl);
	if (pages != NULL)
		rc = pdf_write_doc_clearing(pd, pages, path, dl);
	doc_pages_free(pages);
	if (have_style)
		style_free(&st);
	return rc;
}

int
build_check(const struct plan *pl, const char *template_dir,
    const char *fontdir, struct diag_list *dl)
{
	return build_pdf(pl, template_dir, fontdir, NULL, dl);
}

int
build_pages(const struct plan *pl, const char *template_dir,
    const char *fontdir, struct buf *out, struct diag_list *dl)
{
	struct style st;
	struct doc_pages *pages;
	char *text = NULL;
	size_t len = 0;
	FILE *f;
	int rc, have_style;

	pages = build_layout(pl, template_dir, fontdir, &st, &have_style, &rc,
	    NULL, NULL, dl);
	if (pages != NULL) {
		/* dump_pages writes to a stream; a memory stream keeps the
		 * output all-or-nothing like the PDF's. */
		if ((f = open_memstream(&text, &len)) == NULL) {
			diag_add(dl, D_IO_WRITE, NULL, NULL,
			    "cannot open a memory stream: %s", strerror(errno));
			rc = PDF_FAIL;
		} else {
			dump_pages(f, pages);
			if (fclose(f) != 0) {
				diag_add(dl, D_IO_WRITE, NULL, NULL,
				    "cannot write the page dump: %s",
				    strerror(errno));
				rc = PDF_FAIL;
			} else
				buf_put(out, text, len);
			free(text);
		}
	}
	doc_pages_free(pages);
	if (have_style)
		style_free(&st);
	return rc;
}

int
build_docx(const struct plan *pl, const char *template_dir,
    const char *fontdir, const char *path, struct diag_list *dl)
{
	struct style st;
	struct doc_pages *pages;
	struct layout_keep keep = { NULL, NULL };
	struct buf out = BUF_INIT;
	int rc, have_style;

	pages = build_layout(pl, template_dir, fontdir, &st, &have_style, &rc,
	    NULL, &keep, dl);
	if (pages != NULL) {
		rc = docx_write(keep.doc, &st, keep.m, pages, &out, dl);
		if (rc == PDF_OK && path != NULL && output_write_buf(path,
		    "the Word document", out.data, out.len, dl) != 0)
			rc = PDF_FAIL;
	}
	blocks_free(keep.doc);
	free(keep.m);
	buf_free(&out);
	doc_pages_free(pages);
	if (have_style)
		style_free(&st);
	return rc;
}
