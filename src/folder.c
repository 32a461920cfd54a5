/*
 * rencana: template folders (docs/templates.md, "Base and overlays").  A
 * template folder holds a main template or a templat.yaml; templat.yaml
 * may name a base, `dasar: NAME`, looked up by name like a document kind,
 * so the base always lies in one of the template roots.  build.c looks a
 * file up in the folder, then in its base, and so on (the layers); it
 * reads gaya.yaml of every layer, base first, and merges the word sets
 * key by key (folder_merge).  folder_copy writes the layers out as one
 * folder with no base, for a secretariat to edit.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "confine.h"
#include "folder.h"
#include "paths.h"
#include "plan.h"
#include "schema.h"
#include "style.h"
#include "validate.h"
#include "xalloc.h"

/*
 * Limits, each with its reason.
 */
#define FOLDER_MAX_NAME		64		/* kind names are two or three words */
#define FOLDER_MAX_FILES	1024		/* a template has about 20 files */
#define FOLDER_MAX_DEPTH	4		/* subfolders (fonts: huruf/) */
#define FOLDER_MAX_FILE		(64u * 1024 * 1024)	/* a font is < 20 MiB */

const char FOLDER_MAIN[] = "dokumen.md.mustache";
const char FOLDER_TEMPLAT[] = "templat.yaml";

/* ---- finding folders ------------------------------------------------------- */

int
folder_is_template(const char *dir)
{
	char *m = xasprintf("%s/%s", dir, FOLDER_MAIN);
	char *t = xasprintf("%s/%s", dir, FOLDER_TEMPLAT);
	int ok = access(m, R_OK) == 0 || access(t, R_OK) == 0;

	free(m);
	free(t);
	return ok;
}

size_t
folder_roots(char *roots[FOLDER_MAX_ROOTS])
{
	const char *env = getenv("RENCANA_TEMPLATES");
	size_t n = 0;

	if (env != NULL && *env != '\0')
		roots[n++] = xstrdup(env);
	n += (size_t)paths_candidates("templates", NULL, roots + n);
	roots[n++] = xstrdup("templates");
	return n;
}

char *
folder_find(const char *name, char **searched)
{
	char *roots[FOLDER_MAX_ROOTS], *found = NULL;
	struct buf where = BUF_INIT;
	size_t i, n = folder_roots(roots);

	for (i = 0; i < n; i++) {
		char *p = xasprintf("%s/%s", roots[i], name);

		buf_printf(&where, "%s%s", i ? ", " : "", roots[i]);
		if (found == NULL && folder_is_template(p))
			found = p;
		else
			free(p);
	}
	for (i = 0; i < n; i++)
		free(roots[i]);
	if (searched != NULL && found == NULL)
		*searched = buf_detach(&where);
	buf_free(&where);
	return found;
}

/* A base is named by a plain name: it is looked up in the roots only. */
static int
plain_name(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");

	return n > 0 && n <= FOLDER_MAX_NAME && s[n] == '\0';
}

static int
same_folder(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* ---- templat.yaml -------------------------------------------------------------- */

#define KEY(k, t, desc) \
	{ k, SCHEMA_##t, 0, SCHEMA_CHECK_NONE, NULL, NULL, desc, NULL, NULL, 0, 0, 0 }
static const struct schema_field k_templat[] = {
	KEY("dasar", STRING, "templat dasar yang ditimpa folder ini"),
	KEY("hanya_dasar", BOOL, "folder ini hanya dasar, bukan jenis dokumen"),
	KEY(NULL, STRING, NULL)
};
static const struct schema_field k_templat_root = {
	NULL, SCHEMA_MAP, 0, SCHEMA_CHECK_NONE, NULL, NULL,
	"berkas templat (templat.yaml)", NULL, k_templat, 0, 0, 0
};
#undef KEY

/* Reads dir's templat.yaml (if any) into a checked tree; NULL when it is
 * absent (*bad stays 0) or wrong (*bad set, reported). */
static struct plan *
templat_load(const char *dir, struct diag_list *dl, int *bad)
{
	struct buf b = BUF_INIT;
	struct plan *t = NULL;
	char *path = xasprintf("%s/%s", dir, FOLDER_TEMPLAT);
	size_t before = dl->nerror;
	int rc, err;

	*bad = 0;
	rc = confine_read(dir, FOLDER_TEMPLAT, PLAN_MAX_BYTES, &b, &err);
	if (rc == CONFINE_ERRNO && err == ENOENT)
		goto out;
	if (rc != 0) {
		struct srcpos at = { diag_file(dl, path), 0, 0 };

		confine_report(dl, rc, err, D_TPL_BASE, &at, NULL,
		    "the template file", FOLDER_TEMPLAT, "the template folder",
		    dir);
		*bad = 1;
		goto out;
	}
	t = plan_load_buffer(path, buf_str(&b), b.len, dl);
	if (t != NULL && t->root != NULL)
		validate_tree(t->root, &k_templat_root, D_TPL_BASE, D_TPL_BASE, dl);
	if (t == NULL || t->root == NULL || dl->nerror > before) {
		plan_free(t);
		t = NULL;
		*bad = 1;
	}
out:
	buf_free(&b);
	free(path);
	return t;
}

static int
is_true(const struct pnode *v)
{
	return v != NULL && v->type == PN_STR && (strcmp(v->str, "true") == 0 ||
	    strcmp(v->str, "ya") == 0);
}

/* The base v[k]'s templat.yaml names, appended to v.  Returns 0 or -1. */
static int
add_base(char **v, size_t *n, size_t k, struct diag_list *dl)
{
	const struct pnode *dasar, *only;
	struct plan *t;
	char *base = NULL, *searched = NULL;
	size_t j;
	int bad, rc = -1;

	if ((t = templat_load(v[k], dl, &bad)) == NULL)
		return bad ? -1 : 0;
	only = pnode_get(t->root, "hanya_dasar");
	dasar = pnode_get(t->root, "dasar");
	if (k == 0 && is_true(only)) {
		diag_add(dl, D_TPL_BASE, &only->pos, "hanya_dasar",
		    "`%s` is only a base for other templates, not a document "
		    "template: choose a template that names it (`rencana "
		    "template list`), or start one with `rencana template copy`",
		    v[k]);
		goto out;
	}
	if (dasar == NULL || pnode_is_null(dasar)) {
		rc = 0;
		goto out;
	}
	if (!plain_name(dasar->str)) {
		diag_add(dl, D_TPL_BASE, &dasar->pos, "dasar", "a base is a "
		    "template name (letters, digits, `-`, `_`), looked up like "
		    "`dokumen.templat`, not a path");
		goto out;
	}
	if ((base = folder_find(dasar->str, &searched)) == NULL) {
		diag_add(dl, D_TPL_BASE, &dasar->pos, "dasar",
		    "no base template `%s` in %s", dasar->str, searched);
		goto out;
	}
	for (j = 0; j < *n; j++)
		if (same_folder(v[j], base)) {
			diag_add(dl, D_TPL_BASE, &dasar->pos, "dasar",
			    "`%s` is already in the chain of bases: a template "
			    "cannot be its own base", base);
			goto out;
		}
	if (*n == FOLDER_MAX_LAYERS) {
		diag_add(dl, D_TPL_BASE, &dasar->pos, "dasar",
		    "more than %d folders in the chain of bases",
		    FOLDER_MAX_LAYERS);
		goto out;
	}
	v[(*n)++] = base;
	base = NULL;
	rc = 0;
out:
	free(base);
	free(searched);
	plan_free(t);
	return rc;
}

size_t
folder_layers(const char *dir, char *v[FOLDER_MAX_LAYERS], struct diag_list *dl)
{
	size_t n = 1, k;

	v[0] = xstrdup(dir);
	for (k = 0; k < n; k++)
		if (add_base(v, &n, k, dl) != 0) {
			for (k = 0; k < n; k++)
				free(v[k]);
			return 0;
		}
	return n;
}

/* ---- merging ------------------------------------------------------------------- */

void
folder_merge(struct pnode *base, struct pnode *over)
{
	struct pnode *m, *next, *b, *prev;

	for (m = over->first; m != NULL; m = next) {
		next = m->next;
		m->next = NULL;
		for (prev = NULL, b = base->first; b != NULL &&
		    strcmp(b->key, m->key) != 0; prev = b, b = b->next)
			continue;
		if (b != NULL && b->type == m->type && m->type == PN_MAP) {
			folder_merge(b, m);
			pnode_free(m);
		} else if (b != NULL && b->type == m->type && m->type == PN_SEQ) {
			struct pnode *it, *inext;

			for (it = m->first; it != NULL; it = inext) {
				inext = it->next;
				pnode_append(b, NULL, it);
			}
			m->first = m->last = NULL;
			pnode_free(m);
		} else if (b != NULL) {
			/* In b's place. */
			m->parent = base;
			m->index = b->index;
			m->next = b->next;
			if (prev != NULL)
				prev->next = m;
			else
				base->first = m;
			if (base->last == b)
				base->last = m;
			b->next = NULL;
			pnode_free(b);
		} else
			pnode_append(base, NULL, m);
	}
	over->first = over->last = NULL;
	over->nchild = 0;
}

/* ---- writing YAML ------------------------------------------------------------------ */

/* A plain scalar that reads back as itself on one line of a block map. */
static int
plain_ok(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || strchr("-?:,[]{}#&*!|>'\"%@`", s[0]) != NULL ||
	    s[0] == ' ' || s[len - 1] == ' ' || s[len - 1] == ':')
		return 0;
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f ||
		    (s[i] == ':' && s[i + 1] == ' ') ||
		    (s[i] == '#' && i > 0 && s[i - 1] == ' '))
			return 0;
	return 1;
}

/* A scalar's text: plain when it was plain and reads back as itself, else
 * double-quoted. */
static void
put_text(struct buf *b, const char *s, size_t len, int plain)
{
	size_t i;

	if (plain && plain_ok(s, len)) {
		buf_put(b, s, len);
		return;
	}
	buf_putc(b, '"');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c == '\n')
			buf_puts(b, "\\n");
		else if (c == '\t')
			buf_puts(b, "\\t");
		else if (c < 0x20 || c == 0x7f)
			buf_printf(b, "\\x%02X", c);
		else
			buf_putc(b, c);
	}
	buf_putc(b, '"');
}

/* " value" after a key or dash; nothing for a plain null (it stays one). */
static void
put_scalar(struct buf *b, const struct pnode *v)
{
	if (v->style == PN_PLAIN && v->len == 0)
		return;
	buf_putc(b, ' ');
	put_text(b, v->str, v->len, v->style == PN_PLAIN);
}

/*
 * A map in block style, members indented by `indent` spaces: what gaya.yaml
 * and the word sets hold (maps, lists of text, text), checked before.
 */
static void
put_map(struct buf *b, const struct pnode *map, int indent)
{
	const struct pnode *m, *it;

	for (m = map->first; m != NULL; m = m->next) {
		buf_printf(b, "%*s", indent, "");
		put_text(b, m->key, strlen(m->key), 1);
		buf_putc(b, ':');
		if (m->type == PN_MAP) {
			buf_puts(b, m->first ? "\n" : " {}\n");
			put_map(b, m, indent + 2);
		} else if (m->type == PN_SEQ) {
			buf_puts(b, m->first ? "\n" : " []\n");
			for (it = m->first; it != NULL; it = it->next) {
				buf_printf(b, "%*s-", indent + 2, "");
				put_scalar(b, it);
				buf_putc(b, '\n');
			}
		} else {
			put_scalar(b, m);
			buf_putc(b, '\n');
		}
	}
}

/* ---- a stand-alone copy ---------------------------------------------------------- */

struct copy {
	char		*layer[FOLDER_MAX_LAYERS];
	size_t		 nlayer;
	char		**rel;		/* files, relative to a layer, sorted */
	size_t		 nrel, cap;
	struct diag_list *dl;
};

/* gaya.yaml and the word sets are merged; the other files are whole. */
static int
merged_file(const char *rel)
{
	size_t n = strlen(rel);

	return strcmp(rel, "gaya.yaml") == 0 || (strncmp(rel, "kata-", 5) == 0 &&
	    n > 10 && strcmp(rel + n - 5, ".yaml") == 0 &&
	    strchr(rel, '/') == NULL);
}

/* Adds the files under layer dir's folder rel ("" at the top). */
static int
collect(struct copy *c, const char *dir, const char *rel, int depth)
{
	char *path = *rel ? xasprintf("%s/%s", dir, rel) : xstrdup(dir);
	DIR *d = opendir(path);
	struct dirent *e;
	size_t i;
	int rc = 0;

	if (d == NULL) {
		diag_add(c->dl, D_IO_OPEN, NULL, NULL, "cannot read folder `%s`: %s",
		    path, strerror(errno));
		free(path);
		return -1;
	}
	while (rc == 0 && (e = readdir(d)) != NULL) {
		char *r, *full;
		struct stat st;

		if (e->d_name[0] == '.' || (depth == 0 &&
		    strcmp(e->d_name, FOLDER_TEMPLAT) == 0))
			continue;
		r = *rel ? xasprintf("%s/%s", rel, e->d_name) : xstrdup(e->d_name);
		full = xasprintf("%s/%s", dir, r);
		if (stat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (depth + 1 >= FOLDER_MAX_DEPTH) {
				diag_add(c->dl, D_TPL_NOTFOUND, NULL, NULL,
				    "`%s`: template folders nest at most %d deep",
				    full, FOLDER_MAX_DEPTH);
				rc = -1;
			} else
				rc = collect(c, dir, r, depth + 1);
			free(r);
		} else {
			for (i = 0; i < c->nrel && strcmp(c->rel[i], r) != 0; i++)
				continue;
			if (i < c->nrel)
				free(r);
			else if (c->nrel == FOLDER_MAX_FILES) {
				diag_add(c->dl, D_TPL_NOTFOUND, NULL, NULL,
				    "`%s`: more than %d files in the template",
				    full, FOLDER_MAX_FILES);
				free(r);
				rc = -1;
			} else {
				c->rel = xgrow(c->rel, &c->cap, c->nrel + 1,
				    sizeof(*c->rel));
				c->rel[c->nrel++] = r;
			}
		}
		free(full);
	}
	closedir(d);
	free(path);
	return rc;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads layer k's file rel into b: 1 read, 0 absent, -1 refused (reported). */
static int
read_layer(struct copy *c, size_t k, const char *rel, size_t max, struct buf *b)
{
	int rc, err;

	buf_truncate(b, 0);
	rc = confine_read(c->layer[k], rel, max, b, &err);
	if (rc == 0)
		return 1;
	if (rc == CONFINE_ERRNO && err == ENOENT)
		return 0;
	confine_report(c->dl, rc, err, D_TPL_NOTFOUND, NULL, NULL,
	    "the template file", rel, "the template folder", c->layer[k]);
	return -1;
}

/* Checks one layer's gaya.yaml or word set as build reads it.  Returns 0. */
static int
check_layer_file(struct copy *c, const char *rel, const char *path,
    const struct buf *b, const struct plan *p)
{
	struct style st;
	const struct pnode *m;
	size_t before = c->dl->nerror;

	if (strcmp(rel, "gaya.yaml") == 0) {
		style_default(&st);
		style_load_buffer(path, buf_str(b), b->len, &st, c->dl);
		style_free(&st);
	} else if (p->root->type != PN_MAP)
		diag_add(c->dl, D_WORDS_VALUE, &p->root->pos, NULL,
		    "a word set is a map of names to text");
	else
		for (m = p->root->first; m != NULL; m = m->next)
			if (m->type != PN_STR)
				diag_add(c->dl, D_WORDS_VALUE, &m->pos, m->key,
				    "expected text, not a map or list");
	return c->dl->nerror > before ? -1 : 0;
}

/* The merged text of gaya.yaml or a word set: the file itself when one
 * layer has it, else the merged tree under the deepest file's opening
 * comment.  Returns 0 or -1 (reported). */
static int
merge_file(struct copy *c, const char *rel, struct buf *out)
{
	struct buf b = BUF_INIT;
	struct plan *acc = NULL, *p;
	size_t k = c->nlayer, nfound = 0, i;
	int rc = 0, got;

	while (rc == 0 && k-- > 0) {
		char *path;

		if ((got = read_layer(c, k, rel, PLAN_MAX_BYTES, &b)) <= 0) {
			rc = got;
			continue;
		}
		if (nfound++ == 0) {
			/* verbatim, and its opening comment for a merge */
			buf_put(out, buf_str(&b), b.len);
		}
		path = xasprintf("%s/%s", c->layer[k], rel);
		p = plan_load_buffer(path, buf_str(&b), b.len, c->dl);
		if (p == NULL || p->root == NULL ||
		    check_layer_file(c, rel, path, &b, p) != 0)
			rc = -1;
		else if (acc == NULL) {
			acc = p;
			p = NULL;
		} else
			folder_merge(acc->root, p->root);
		plan_free(p);
		free(path);
	}
	if (rc == 0 && nfound > 1) {
		for (i = 0; i < out->len && out->data[i] == '#'; i++)
			while (i < out->len && out->data[i] != '\n')
				i++;
		buf_truncate(out, i);
		put_map(out, acc->root, 0);
	}
	plan_free(acc);
	buf_free(&b);
	return rc;
}

/* Writes rel into folder tmp, making its subfolders.  Returns 0 or -1. */
static int
write_file(struct copy *c, const char *tmp, const char *rel, const struct buf *b)
{
	char *path = xasprintf("%s/%s", tmp, rel), *s;
	FILE *f;
	int rc = 0;

	for (s = strchr(path + strlen(tmp) + 1, '/'); s != NULL;
	    s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(path, 0777) != 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	if (rc != 0 || (f = fopen(path, "wb")) == NULL ||
	    (fwrite(b->data, 1, b->len, f) != b->len) + (fclose(f) != 0) > 0) {
		diag_add(c->dl, D_IO_WRITE, NULL, NULL, "cannot write `%s`: %s",
		    path, strerror(errno));
		rc = -1;
	}
	free(path);
	return rc;
}

/* Removes the temporary folder folder_copy made (only what it wrote). */
static void
remove_tree(const char *path, int depth)
{
	DIR *d;
	struct dirent *e;

	if (depth <= FOLDER_MAX_DEPTH && (d = opendir(path)) != NULL) {
		while ((e = readdir(d)) != NULL) {
			char *p;

			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			p = xasprintf("%s/%s", path, e->d_name);
			if (unlink(p) != 0)
				remove_tree(p, depth + 1);
			free(p);
		}
		closedir(d);
	}
	rmdir(path);
}

/* 1 when dest may receive the copy (absent, or an empty folder). */
static int
dest_ok(const char *dest, struct diag_list *dl)
{
	struct stat st;
	DIR *d;
	struct dirent *e;
	int empty = 1;

	if (stat(dest, &st) != 0) {
		if (errno == ENOENT)
			return 1;
		diag_add(dl, D_IO_WRITE, NULL, NULL, "cannot use `%s`: %s", dest,
		    strerror(errno));
		return 0;
	}
	if (!S_ISDIR(st.st_mode) || (d = opendir(dest)) == NULL) {
		diag_add(dl, D_IO_WRITE, NULL, NULL, "`%s` exists and is not a "
		    "folder that can be read", dest);
		return 0;
	}
	while (empty && (e = readdir(d)) != NULL)
		empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
	closedir(d);
	if (!empty)
		diag_add(dl, D_IO_WRITE, NULL, NULL, "`%s` is not empty: copy "
		    "into a new or an empty folder", dest);
	return empty;
}

int
folder_copy(const char *dir, const char *dest, struct diag_list *dl)
{
	static const char *const main_name = FOLDER_MAIN;
	struct copy c;
	struct buf b = BUF_INIT;
	char *d = xstrdup(dest), *tmp = NULL;
	size_t k, i, len = strlen(d);
	mode_t mask;
	int rc = -1, got;

	memset(&c, 0, sizeof(c));
	c.dl = dl;
	while (len > 1 && d[len - 1] == '/')
		d[--len] = '\0';
	if (!dest_ok(d, dl) || (c.nlayer = folder_layers(dir, c.layer, dl)) == 0)
		goto out;
	for (k = 0; k < c.nlayer; k++)
		if (collect(&c, c.layer[k], "", 0) != 0)
			goto out;
	if (c.nrel > 0)
		qsort(c.rel, c.nrel, sizeof(*c.rel), cmp_str);
	if (c.nrel == 0 || bsearch(&main_name, c.rel, c.nrel, sizeof(*c.rel), cmp_str) == NULL) {
		diag_add(dl, D_TPL_NOTFOUND, NULL, NULL, "`%s` and its bases have "
		    "no `%s`", dir, FOLDER_MAIN);
		goto out;
	}
	tmp = paths_temp_beside(d);
	if (mkdtemp(tmp) == NULL) {
		diag_add(dl, D_IO_WRITE, NULL, NULL, "cannot make a folder beside "
		    "`%s`: %s", d, strerror(errno));
		free(tmp);
		tmp = NULL;
		goto out;
	}
	for (i = 0; i < c.nrel; i++) {
		buf_truncate(&b, 0);
		if (merged_file(c.rel[i]))
			got = merge_file(&c, c.rel[i], &b) == 0 ? 1 : -1;
		else
			for (k = 0, got = 0; k < c.nlayer && got == 0; k++)
				got = read_layer(&c, k, c.rel[i], FOLDER_MAX_FILE, &b);
		if (got != 1 || write_file(&c, tmp, c.rel[i], &b) != 0)
			goto out;
	}
	mask = umask(0);
	umask(mask);
	if (chmod(tmp, 0777 & ~mask) != 0 || rename(tmp, d) != 0) {
		diag_add(dl, D_IO_WRITE, NULL, NULL, "cannot make `%s`: %s", d,
		    strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (rc != 0 && tmp != NULL)
		remove_tree(tmp, 0);
	for (k = 0; k < c.nlayer; k++)
		free(c.layer[k]);
	for (i = 0; i < c.nrel; i++)
		free(c.rel[i]);
	free(c.rel);
	free(tmp);
	free(d);
	buf_free(&b);
	return rc;
}

/* ---- the list of templates ------------------------------------------------------- */

struct listed {
	char	*name, *path;
};

static int
cmp_listed(const void *a, const void *b)
{
	return strcmp(((const struct listed *)a)->name,
	    ((const struct listed *)b)->name);
}

/* 1 when dir is a template that can be chosen (not only a base). */
static int
choosable(const char *dir)
{
	struct diag_list scratch;
	struct plan *t;
	int bad, only;

	if (!folder_is_template(dir))
		return 0;
	diag_init(&scratch);
	t = templat_load(dir, &scratch, &bad);
	only = t != NULL && is_true(pnode_get(t->root, "hanya_dasar"));
	plan_free(t);
	diag_free(&scratch);
	return !only;
}

void
folder_list(struct buf *out)
{
	char *roots[FOLDER_MAX_ROOTS];
	struct listed *v = NULL;
	size_t nroot = folder_roots(roots), n = 0, cap = 0, i, j;

	for (i = 0; i < nroot; i++) {
		DIR *d = opendir(roots[i]);
		struct dirent *e;

		while (d != NULL && (e = readdir(d)) != NULL && n < FOLDER_MAX_FILES) {
			char *p;

			if (e->d_name[0] == '.')
				continue;
			for (j = 0; j < n && strcmp(v[j].name, e->d_name) != 0; j++)
				continue;
			if (j < n)
				continue;
			p = xasprintf("%s/%s", roots[i], e->d_name);
			if (!choosable(p)) {
				free(p);
				continue;
			}
			v = xgrow(v, &cap, n + 1, sizeof(*v));
			v[n].name = xstrdup(e->d_name);
			v[n++].path = p;
		}
		if (d != NULL)
			closedir(d);
	}
	if (n > 0)
		qsort(v, n, sizeof(*v), cmp_listed);
	for (i = 0; i < n; i++) {
		buf_printf(out, "%s  %s\n", v[i].name, v[i].path);
		free(v[i].name);
		free(v[i].path);
	}
	for (i = 0; i < nroot; i++)
		free(roots[i]);
	free(v);
}
