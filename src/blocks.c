/*
 * rencana: Markdown -> block tree.  The only file that includes cmark-gfm:
 * cmark-gfm parses CommonMark plus the GFM table extension, and one
 * iterator walk (cmark's ENTER/EXIT events) copies the result into our own
 * tree, converting text to WinAnsi and recognising the rencana dialect:
 * directives (fenced code whose info string is `rencana-NAME`, body lines
 * `key: value`) and table captions (a paragraph whose first inline is
 * strong text beginning with the caption word, directly before a table).
 */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

#include "blocks.h"
#include "buf.h"
#include "diag.h"
#include "winansi.h"
#include "xalloc.h"

/*
 * Limits.
 * BLOCKS_MAX_DEPTH: lists and quotes nested deeper than this are flattened
 *   into the deepest allowed container (and reported): layout indents each
 *   level, so beyond 16 levels the text column would vanish, and every
 *   consumer may then walk the tree with a bounded stack.
 * BLOCKS_MAX_COLS: table columns; 64 columns of the narrowest readable
 *   width already exceed an A4 text column, and column sizing allocates
 *   per column.  Further cells are dropped (and reported).
 */
#define BLOCKS_MAX_DEPTH	16
#define BLOCKS_MAX_COLS		64

static const char *const directive_names[] = {
	"meta", "konsep", "sampul", "daftar-isi", "daftar-tabel",
	"halaman-baru", "mulai-isi", "tanda-tangan"
};

struct conv {
	struct diag_list	*dl;
	const char		*file;		/* owned by dl, or NULL */
	struct block		*cur;		/* the container receiving blocks */
	struct block		*inl;		/* the block receiving inlines, or NULL */
	int			 depth;		/* list/item/quote depth of cur */
	int			 skip;		/* containers flattened below the cap */
	int			 bold, italic;	/* open strong / emph spans */
	int			 col;		/* current table cell index */
	int			 skipcell;	/* inside a cell beyond the cap */
	int			 depth_told, cols_told;
};

static void
report(struct conv *c, enum diag_code code, int line, int col,
    const char *fmt, const char *arg)
{
	struct srcpos pos;

	pos.file = c->file;
	pos.line = line;
	pos.col = col > 0 ? col : 1;
	diag_add(c->dl, code, c->file != NULL ? &pos : NULL, NULL, fmt, arg);
}

static struct block *
block_new(enum blk_type type, int line)
{
	struct block *b = xcalloc(1, sizeof(*b));

	b->type = type;
	b->line = line;
	return b;
}

static void
append_child(struct block *parent, struct block *b)
{
	b->parent = parent;
	b->prev = parent->last;
	if (parent->last != NULL)
		parent->last->next = b;
	else
		parent->first = b;
	parent->last = b;
}

/* Converts UTF-8 to WinAnsi, reporting the first character WinAnsi lacks. */
static char *
to_winansi(struct conv *c, const char *s, size_t n, size_t *outlen,
    int line, int col)
{
	size_t bad;
	char *w = winansi_from_utf8(s, n, outlen, &bad);

	if (bad != (size_t)-1) {
		unsigned long cp;
		char hex[16];

		size_t i;

		utf8_decode(s + bad, n - bad, &cp);
		snprintf(hex, sizeof(hex), "U+%04lX", cp);
		/* the column of the character: count characters before it */
		for (i = 0; i < bad; i++)
			if (((unsigned char)s[i] & 0xC0) != 0x80)
				col++;
		report(c, D_MD_CHARSET, line, col,
		    "character %s cannot be shown in the PDF fonts (not in WinAnsi)",
		    hex);
	}
	return w;
}

/* Appends WinAnsi text to the inline block, merging with the last run
 * when the flags agree. */
static void
add_run(struct block *b, const char *s, size_t n, unsigned flags)
{
	struct run *r;

	if (b->nrun > 0 && b->run[b->nrun - 1].flags == flags &&
	    !(flags & RUN_BREAK)) {
		r = &b->run[b->nrun - 1];
		/* grown by doubling: a paragraph of many lines stays linear */
		r->text = xgrow(r->text, &r->cap, r->len + n + 1, 1);
		memcpy(r->text + r->len, s, n);
		r->len += n;
		r->text[r->len] = '\0';
		return;
	}
	b->run = xgrow(b->run, &b->runcap, b->nrun + 1, sizeof(*b->run));
	r = &b->run[b->nrun++];
	r->text = xstrndup(s, n);
	r->len = n;
	r->cap = n + 1;
	r->flags = flags;
}

static unsigned
cur_flags(const struct conv *c)
{
	return (c->bold > 0 ? RUN_BOLD : 0) | (c->italic > 0 ? RUN_ITALIC : 0);
}

static void
add_text(struct conv *c, cmark_node *n, const char *s, unsigned flags)
{
	size_t wl;
	char *w;

	if (c->inl == NULL || s == NULL)
		return;
	w = to_winansi(c, s, strlen(s), &wl, cmark_node_get_start_line(n),
	    cmark_node_get_start_column(n));
	add_run(c->inl, w, wl, flags);
	free(w);
}

/* ---- directives ---- */

static void
parse_directive(struct conv *c, struct block *d, const char *body)
{
	const char *p = body;
	int line = d->line + 1;
	size_t wl;

	while (*p != '\0') {
		const char *eol = strchr(p, '\n');
		const char *end = eol != NULL ? eol : p + strlen(p);
		const char *colon, *ks, *ke, *vs, *ve;
		struct blk_kv *kv;
		int ok = 1;

		ks = p;
		while (ks < end && (*ks == ' ' || *ks == '\t'))
			ks++;
		if (ks == end)
			goto next;
		colon = memchr(ks, ':', (size_t)(end - ks));
		if (colon == NULL || colon == ks)
			ok = 0;
		ke = colon != NULL ? colon : ks;
		while (ke > ks && (ke[-1] == ' ' || ke[-1] == '\t'))
			ke--;
		for (vs = ks; ok && vs < ke; vs++)
			if (!islower((unsigned char)*vs) && *vs != '_' &&
			    !isdigit((unsigned char)*vs))
				ok = 0;
		if (!ok) {
			char *l = xstrndup(p, (size_t)(end - p));

			report(c, D_MD_DIRECTIVE, line, 1,
			    "directive line `%s` is not `key: value`", l);
			free(l);
			goto next;
		}
		vs = colon + 1;
		while (vs < end && (*vs == ' ' || *vs == '\t'))
			vs++;
		ve = end;
		while (ve > vs && (ve[-1] == ' ' || ve[-1] == '\t' ||
		    ve[-1] == '\r'))
			ve--;
		d->kv = xgrow(d->kv, &d->kvcap, d->nkv + 1, sizeof(*d->kv));
		kv = &d->kv[d->nkv++];
		kv->key = xstrndup(ks, (size_t)(ke - ks));
		kv->value = xstrndup(vs, (size_t)(ve - vs));
		kv->line = line;
		/* values are shown in the PDF: check them here, where the
		 * position is known (the value stays UTF-8) */
		free(to_winansi(c, kv->value, strlen(kv->value), &wl, line,
		    (int)(vs - p) + 1));
next:
		if (eol == NULL)
			break;
		p = eol + 1;
		line++;
	}
}

static struct block *
code_block(struct conv *c, cmark_node *n)
{
	const char *info = cmark_node_get_fence_info(n);
	const char *lit = cmark_node_get_literal(n);
	int line = cmark_node_get_start_line(n);
	struct block *b;
	size_t i, wl, ll;
	char *w;

	if (info != NULL && strncmp(info, "rencana-", 8) == 0) {
		size_t nl = strcspn(info + 8, " \t");

		b = block_new(BLK_DIRECTIVE, line);
		b->name = xstrndup(info + 8, nl);
		for (i = 0; i < sizeof(directive_names) / sizeof(*directive_names); i++)
			if (strcmp(b->name, directive_names[i]) == 0)
				break;
		if (i == sizeof(directive_names) / sizeof(*directive_names))
			report(c, D_MD_DIRECTIVE, line, 1,
			    "unknown directive `rencana-%s`", b->name);
		parse_directive(c, b, lit != NULL ? lit : "");
		return b;
	}
	b = block_new(BLK_CODE, line);
	lit = lit != NULL ? lit : "";
	ll = strlen(lit);
	if (ll > 0 && lit[ll - 1] == '\n')
		ll--;
	w = to_winansi(c, lit, ll, &wl, line, 1);
	add_run(b, w, wl, RUN_CODE);
	free(w);
	return b;
}

/* ---- captions ---- */

static void
mark_caption(struct block *table, const char *word)
{
	struct block *p = table->prev;
	size_t wl;

	if (word == NULL || p == NULL || p->type != BLK_PARAGRAPH ||
	    p->nrun == 0 || !(p->run[0].flags & RUN_BOLD))
		return;
	wl = strlen(word);
	if (p->run[0].len < wl || memcmp(p->run[0].text, word, wl) != 0)
		return;
	p->is_caption = 1;
	table->caption = p;
}

/* ---- the walk ---- */

static int
is_container(cmark_node_type t)
{
	return t == CMARK_NODE_LIST || t == CMARK_NODE_ITEM ||
	    t == CMARK_NODE_BLOCK_QUOTE;
}

static void
enter_node(struct conv *c, cmark_node *n, const char *word)
{
	cmark_node_type t = cmark_node_get_type(n);
	const char *ts = cmark_node_get_type_string(n);
	int line = cmark_node_get_start_line(n);
	struct block *b = NULL;

	(void)word;
	if (is_container(t)) {
		if (c->skip > 0 || c->depth >= BLOCKS_MAX_DEPTH) {
			if (!c->depth_told++)
				report(c, D_MD_DEPTH, line, 1,
				    "lists and quotes nested deeper than %s levels are flattened",
				    "16");
			c->skip++;
			return;
		}
		if (t == CMARK_NODE_LIST) {
			b = block_new(BLK_LIST, line);
			b->ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
			b->start = cmark_node_get_list_start(n);
			b->tight = cmark_node_get_list_tight(n);
		} else if (t == CMARK_NODE_ITEM)
			b = block_new(BLK_ITEM, line);
		else
			b = block_new(BLK_QUOTE, line);
		append_child(c->cur, b);
		c->cur = b;
		c->depth++;
		return;
	}
	switch (t) {
	case CMARK_NODE_PARAGRAPH:
		b = block_new(BLK_PARAGRAPH, line);
		append_child(c->cur, b);
		c->inl = b;
		return;
	case CMARK_NODE_HEADING:
		b = block_new(BLK_HEADING, line);
		b->level = cmark_node_get_heading_level(n);
		append_child(c->cur, b);
		c->inl = b;
		return;
	case CMARK_NODE_CODE_BLOCK:
		append_child(c->cur, code_block(c, n));
		return;
	case CMARK_NODE_THEMATIC_BREAK:
		append_child(c->cur, block_new(BLK_THEMATIC, line));
		return;
	case CMARK_NODE_TEXT:
		add_text(c, n, cmark_node_get_literal(n), cur_flags(c));
		return;
	case CMARK_NODE_CODE:
		add_text(c, n, cmark_node_get_literal(n), cur_flags(c) | RUN_CODE);
		return;
	case CMARK_NODE_SOFTBREAK:
		add_text(c, n, " ", cur_flags(c));
		return;
	case CMARK_NODE_LINEBREAK:
		if (c->inl != NULL)
			add_run(c->inl, "", 0, RUN_BREAK);
		return;
	case CMARK_NODE_EMPH:
		c->italic++;
		return;
	case CMARK_NODE_STRONG:
		c->bold++;
		return;
	default:
		break;
	}
	if (ts == NULL)
		return;
	if (strcmp(ts, "table") == 0) {
		int nc = cmark_gfm_extensions_get_table_columns(n);
		uint8_t *al = cmark_gfm_extensions_get_table_alignments(n);
		int i;

		b = block_new(BLK_TABLE, line);
		if (nc > BLOCKS_MAX_COLS) {
			char num[16];

			snprintf(num, sizeof(num), "%d", nc);
			report(c, D_MD_COLUMNS, line, 1,
			    "table has %s columns; only the first 64 are kept", num);
			nc = BLOCKS_MAX_COLS;
		}
		b->ncols = nc;
		b->align = xcalloc((size_t)(nc > 0 ? nc : 1), sizeof(*b->align));
		for (i = 0; i < nc && al != NULL; i++)
			b->align[i] = al[i] == 'l' ? ALIGN_LEFT :
			    al[i] == 'c' ? ALIGN_CENTER :
			    al[i] == 'r' ? ALIGN_RIGHT : ALIGN_NONE;
		append_child(c->cur, b);
		c->cur = b;
	} else if (strcmp(ts, "table_header") == 0 ||
	    strcmp(ts, "table_row") == 0) {
		b = block_new(BLK_ROW, line);
		b->header = strcmp(ts, "table_header") == 0;
		append_child(c->cur, b);
		c->cur = b;
		c->col = 0;
	} else if (strcmp(ts, "table_cell") == 0) {
		if (c->col++ >= BLOCKS_MAX_COLS) {
			c->skipcell = 1;
			return;
		}
		b = block_new(BLK_CELL, line);
		append_child(c->cur, b);
		c->inl = b;
	}
}

static void
exit_node(struct conv *c, cmark_node *n, const char *word)
{
	cmark_node_type t = cmark_node_get_type(n);
	const char *ts;

	if (is_container(t)) {
		if (c->skip > 0) {
			c->skip--;
			return;
		}
		c->cur = c->cur->parent;
		c->depth--;
		return;
	}
	switch (t) {
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
		c->inl = NULL;
		return;
	case CMARK_NODE_EMPH:
		c->italic--;
		return;
	case CMARK_NODE_STRONG:
		c->bold--;
		return;
	default:
		break;
	}
	ts = cmark_node_get_type_string(n);
	if (ts == NULL)
		return;
	if (strcmp(ts, "table") == 0) {
		mark_caption(c->cur, word);
		c->cur = c->cur->parent;
	} else if (strcmp(ts, "table_header") == 0 ||
	    strcmp(ts, "table_row") == 0)
		c->cur = c->cur->parent;
	else if (strcmp(ts, "table_cell") == 0) {
		if (c->skipcell)
			c->skipcell = 0;
		else
			c->inl = NULL;
	}
}

/* cmark-gfm keeps its extension registry in globals and registers without a
 * lock: do it once, before any thread parses (rencana build -j). */
static pthread_once_t ext_once = PTHREAD_ONCE_INIT;

static void
register_extensions(void)
{
	cmark_gfm_core_extensions_ensure_registered();
}

struct block *
blocks_from_markdown(const char *md, size_t len, const char *file,
    const char *caption_word, struct diag_list *dl)
{
	struct conv c;
	struct block *doc = block_new(BLK_DOCUMENT, 1);
	cmark_parser *parser;
	cmark_syntax_extension *table;
	cmark_node *root, *n;
	cmark_iter *it;
	cmark_event_type ev;

	memset(&c, 0, sizeof(c));
	c.dl = dl;
	c.file = file != NULL ? diag_file(dl, file) : NULL;
	c.cur = doc;
	pthread_once(&ext_once, register_extensions);
	parser = cmark_parser_new(CMARK_OPT_DEFAULT);
	table = cmark_find_syntax_extension("table");
	if (table != NULL)
		cmark_parser_attach_syntax_extension(parser, table);
	cmark_parser_feed(parser, md, len);
	root = cmark_parser_finish(parser);
	it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (n == root || c.skipcell)
			;
		else if (ev == CMARK_EVENT_ENTER)
			enter_node(&c, n, caption_word);
		else
			exit_node(&c, n, caption_word);
		/* a cell beyond the column cap: drop everything inside it */
		if (c.skipcell && ev == CMARK_EVENT_EXIT &&
		    strcmp(cmark_node_get_type_string(n), "table_cell") == 0)
			c.skipcell = 0;
	}
	cmark_iter_free(it);
	cmark_node_free(root);
	cmark_parser_free(parser);
	return doc;
}

static void
block_free_one(struct block *b)
{
	size_t i;

	for (i = 0; i < b->nrun; i++)
		free(b->run[i].text);
	free(b->run);
	free(b->align);
	free(b->name);
	for (i = 0; i < b->nkv; i++) {
		free(b->kv[i].key);
		free(b->kv[i].value);
	}
	free(b->kv);
	free(b);
}

void
blocks_free(struct block *root)
{
	struct block *b = root, *next;

	/* cmark's S_free_nodes: splice children into the sibling chain so
	 * that freeing needs no stack. */
	if (root == NULL)
		return;
	root->next = NULL;
	while (b != NULL) {
		if (b->first != NULL) {
			b->last->next = b->next;
			b->next = b->first;
		}
		next = b->next;
		block_free_one(b);
		b = next;
	}
}

const char *
blocks_kv(const struct block *b, const char *key)
{
	size_t i;

	for (i = 0; i < b->nkv; i++)
		if (strcmp(b->kv[i].key, key) == 0)
			return b->kv[i].value;
	return NULL;
}

int
blocks_check(const struct block *root)
{
	const struct block *b = root;

	/* Iterative pre-order walk. */
	while (b != NULL) {
		const struct block *k;

		for (k = b->first; k != NULL; k = k->next) {
			if (k->parent != b)
				return -1;
			if (k->next == NULL && b->last != k)
				return -1;
			if (k->next != NULL && k->next->prev != k)
				return -1;
		}
		if (b->first != NULL && b->first->prev != NULL)
			return -1;
		if (b->first != NULL)
			b = b->first;
		else {
			while (b != NULL && b != root && b->next == NULL)
				b = b->parent;
			if (b == NULL || b == root)
				break;
			b = b->next;
		}
	}
	return 0;
}

/* The cmark-gfm in use (rencana --version). */
const char *
blocks_lib_version(void)
{
	return cmark_version_string();
}
