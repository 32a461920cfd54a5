/*
 * rencana: Markdown -> block tree.  The only file that includes cmark-gfm:
 * cmark-gfm parses CommonMark plus the GFM table extension, and one
 * iterator walk (cmark's ENTER/EXIT events) copies the result into our own
 * tree (text stays UTF-8) and recognising the rencana dialect:
 * directives (fenced code whose info string is `rencana-NAME`, body lines
 * `key: value`) and table captions (a paragraph directly above or below
 * a table beginning with `Table:`, `Tabel:` or `:`, pandoc's convention).
 * Numbers are not this file's business: number.c adds them to the tree.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

#include "blocks.h"
#include "buf.h"
#include "diag.h"
#include "page.h"
#include "winansi.h"
#include "xalloc.h"

/*
 * Limits, each with its reason.
 *
 * Checked after parsing:
 * BLOCKS_MAX_DEPTH: lists and quotes nested deeper than this are flattened
 *   into the deepest allowed container (and reported): layout indents each
 *   level, so beyond 16 levels the text column would vanish, and every
 *   consumer may then walk the tree with a bounded stack.
 * BLOCKS_MAX_COLS: table columns; 64 columns of the narrowest readable
 *   width already exceed an A4 text column, and column sizing allocates
 *   per column.  Further cells are dropped (and reported).
 *
 * Checked before parsing, by one linear scan (prescan): cmark-gfm 0.29
 * takes more than linear time or memory past each of these, so a text over
 * one is refused without being parsed (issue 10).
 * BLOCKS_MAX_LINE: bytes in one line.  A value is at most 64 KiB
 *   (PLAN_MAX_SCALAR) and escaping at most doubles it; a template line
 *   holds a few values.  cmark-gfm re-reads a paragraph's lines at every
 *   line when looking for a table header.
 * BLOCKS_MAX_PIPES: `|` in one line, escaped or not.  cmark-gfm's table
 *   extension rescans a row for each of its cells, quadratic in the pipes
 *   of a row (one line of 64,000 took 7 s); 64 columns need 65.
 * BLOCKS_MAX_NEST: block quote and list markers opening one line.  Each
 *   is a container cmark-gfm checks again at every later line and inline
 *   (24,000 `>` and then emphasis took 16 s); the tree keeps 16 levels.
 * BLOCKS_MAX_HEADINGS: headings (ATX and setext) in a document.  Each is
 *   a contents line and a PDF bookmark, and level-1 headings a page: a
 *   4 MiB plan of `## h` made 30,619 pages in 2.9 GB.  A 300-page plan has
 *   about 300 headings.
 * BLOCKS_MAX_MARKUP: characters that open an inline node (`*` `_` `` ` ``
 *   `[` `]` `<` `&` `\` `~`; a backslash escape of a plain field is one).
 *   cmark-gfm keeps a node and a delimiter for each until the whole text
 *   is parsed, about 400 bytes apiece: 4 MiB of `*a` took 990 MB.  The
 *   shipped documents have 1.5 to 4 per cent of them, a 4 MiB one at most
 *   170,000.
 */
#define BLOCKS_MAX_DEPTH	16
#define BLOCKS_MAX_COLS		64
#define BLOCKS_MAX_LINE		(256u * 1024)
#define BLOCKS_MAX_PIPES	256
#define BLOCKS_MAX_NEST		BLOCKS_MAX_DEPTH
#define BLOCKS_MAX_HEADINGS	20000
#define BLOCKS_MAX_MARKUP	(256u * 1024)
/*
 * BLOCKS_MAX_NOTES: footnote references in a document.  Each reference is
 * marked in the text cmark-gfm reads by its index in three bytes (24
 * values each: 13,824); a plan document cites tens of sources.
 */
#define BLOCKS_MAX_NOTES	10000

static const char *const directive_names[] = {
	"meta", "konsep", "sampul", "daftar-isi", "daftar-tabel",
	"halaman-baru", "mulai-isi", "tanda-tangan", "daftar-bab",
	"tabel", "mulai-lampiran", "tte", "daftar-gambar", "grafik"
};

/*
 * Footnotes (GFM `[^label]` and `[^label]: text`), scoped per Markdown
 * field: each value a template interpolated raw is a document of its own,
 * and all template text one more.  Found before cmark-gfm parses (notes_scan):
 * a definition's lines are blanked (spaces, line ends kept) and parsed on
 * their own; a reference is overwritten, byte for byte, by a mark (NOTE_MARK,
 * its index in three bytes, NOTE_FILL up to its length), so every other
 * byte keeps its offset, line and column.  The walk turns a mark in text
 * into a RUN_NOTE run and puts the original bytes back in code.
 */
#define NOTE_MARK	'\x1e'
#define NOTE_FILL	'\x1f'
#define NOTE_DIGITS	24	/* values of one index byte (note_digit) */

struct note_def {
	int		 scope;		/* 0 template text, k + 1 value span k */
	size_t		 off;		/* its `[` */
	const char	*label;		/* in the Markdown */
	size_t		 llen;
	size_t		 coff, cend;	/* its text: Markdown bytes [coff, cend) */
	struct block	*b;		/* its BLK_FOOTNOTE; NULL: a duplicate */
	int		 used;
};

struct note_ref {
	int		 scope;
	size_t		 off, len;	/* `[^label]` */
	const char	*label;
	size_t		 llen;
};

struct conv {
	struct diag_list	*dl;
	const struct metrics	*m;		/* the fonts text must be in, or NULL */
	const char *const	*fonts;		/* their files, by font_style */
	const char		*file;		/* owned by dl, or NULL */
	const char		*md;		/* the Markdown */
	size_t			 len;
	size_t			*lines;		/* byte offset of each line's start */
	size_t			 nlines;
	const struct blk_origin	*orig;		/* values in it, by offset */
	size_t			 norig;
	const struct blk_origin	*text;		/* template text in it, by offset */
	size_t			 ntext;
	unsigned char		*html_told;	/* per origin: raw HTML reported */
	int			 html_tpl_told;	/* raw HTML in template text reported */
	struct block		*cur;		/* the container receiving blocks */
	struct block		*inl;		/* the block receiving inlines, or NULL */
	int			 depth;		/* list/item/quote depth of cur */
	int			 skip;		/* containers flattened below the cap */
	int			 bold, italic;	/* open strong / emph spans */
	int			 col;		/* current table cell index */
	int			 skipcell;	/* inside a cell beyond the cap */
	int			 depth_told, cols_told;
	int			 notes;		/* footnotes recognised */
	char			*work;		/* the text cmark-gfm reads, marked
						 * (NULL: md itself) */
	struct note_def		*def;		/* definitions, in order */
	size_t			 ndef, defcap;
	struct note_def		**sorted;	/* by scope and label */
	struct note_ref		*ref;		/* references, in order */
	size_t			 nref, refcap;
};

/* ---- positions ---- */

/* The index of the line holding byte off (lines[] is sorted). */
static size_t
line_of(const struct conv *c, size_t off)
{
	size_t lo = 0, hi = c->nlines;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The byte offset of cmark's 1-based line and byte column. */
static size_t
md_offset(const struct conv *c, int line, int col)
{
	size_t off;

	if (c->nlines == 0 || line < 1)
		return 0;
	if ((size_t)line > c->nlines)
		return c->len;
	off = c->lines[line - 1] + (size_t)(col > 0 ? col - 1 : 0);
	return off < c->len ? off : c->len;
}

/* The end of the line holding off (its line break, or the end). */
static size_t
line_end(const struct conv *c, size_t off)
{
	size_t l = line_of(c, off) + 1;
	size_t e = l < c->nlines ? c->lines[l] : c->len;

	while (e > off && (c->md[e - 1] == '\n' || c->md[e - 1] == '\r'))
		e--;
	return e;
}

/* Characters (not bytes) in md[from..to). */
static int
chars(const struct conv *c, size_t from, size_t to)
{
	int n = 0;

	for (; from < to; from++)
		if (((unsigned char)c->md[from] & 0xC0) != 0x80)
			n++;
	return n;
}

/* The first span of v[0..n) ending after off, or NULL. */
static const struct blk_origin *
span_after(const struct blk_origin *v, size_t n, size_t off)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid].off + v[mid].len <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n ? &v[lo] : NULL;
}

/* The first value span ending after off, or NULL. */
static const struct blk_origin *
origin_after(const struct conv *c, size_t off)
{
	return span_after(c->orig, c->norig, off);
}

/* The value span holding byte off, or NULL (template text). */
static const struct blk_origin *
origin_at(const struct conv *c, size_t off)
{
	const struct blk_origin *o = origin_after(c, off);

	return o != NULL && o->off <= off ? o : NULL;
}

/*
 * Where byte off of the Markdown is, for a message: inside a value, in the
 * plan (exactly for a raw value on one line or in a literal block scalar,
 * else at the value's start); else in the Markdown file, when it has a name.
 * Returns the field path or NULL; *has_pos says whether pos was set.
 */
static const char *
where(const struct conv *c, size_t off, struct srcpos *pos, int *has_pos)
{
	const struct blk_origin *o = origin_at(c, off);
	size_t l;

	*has_pos = 0;
	if (o != NULL && o->pos.file != NULL) {
		size_t lo = line_of(c, o->off), k;

		*pos = o->pos;
		*has_pos = 1;
		l = line_of(c, off);
		k = l - lo;
		if (o->raw && (o->block || k == 0)) {
			size_t from = c->lines[l] > o->off ? c->lines[l] : o->off;

			pos->line = o->pos.line + (o->block ? 1 + (int)k : 0);
			pos->col = o->indent + chars(c, from, off) + 1;
		}
		return o->path;
	}
	if (o != NULL)
		return NULL;
	/* Template text: its file, line and column (an indented partial's
	 * later lines: the column in the Markdown). */
	if ((o = span_after(c->text, c->ntext, off)) != NULL && o->off <= off &&
	    o->pos.file != NULL) {
		size_t lo = line_of(c, o->off);

		l = line_of(c, off);
		*pos = o->pos;
		pos->line = o->pos.line + (int)(l - lo);
		pos->col = l == lo ? o->pos.col + chars(c, o->off, off) :
		    chars(c, c->lines[l], off) + 1;
		*has_pos = 1;
		return NULL;
	}
	if (c->file == NULL)
		return NULL;
	l = line_of(c, off);
	pos->file = c->file;
	pos->line = (int)l + 1;
	pos->col = chars(c, c->lines[l], off) + 1;
	*has_pos = 1;
	return NULL;
}

static void
report_off(struct conv *c, enum diag_code code, size_t off, const char *fmt,
    const char *arg)
{
	struct srcpos pos;
	int has;
	const char *path = where(c, off, &pos, &has);

	diag_add(c->dl, code, has ? &pos : NULL, path, fmt, arg);
}

/* A message at cmark's line and column (column 0: the line's start). */
static void
report(struct conv *c, enum diag_code code, int line, int col,
    const char *fmt, const char *arg)
{
	report_off(c, code, md_offset(c, line, col > 0 ? col : 1), fmt, arg);
}

struct block *
blocks_new(enum blk_type type, int line)
{
	struct block *b = xcalloc(1, sizeof(*b));

	b->type = type;
	b->line = line;
	return b;
}

void
blocks_append(struct block *parent, struct block *b)
{
	b->parent = parent;
	b->prev = parent->last;
	if (parent->last != NULL)
		parent->last->next = b;
	else
		parent->first = b;
	parent->last = b;
}

/* The file name of a font (a template's own font is a path). */
static const char *
font_base(const char *path)
{
	const char *sl = strrchr(path, '/');

	return sl != NULL ? sl + 1 : path;
}

/* Reports the first character of n bytes of UTF-8 that one of the fonts
 * lacks (a text may be set in any of the four: headings are bold, terms
 * italic), naming the font; WinAnsi's characters every font has.  A plan
 * value's characters are left to validate_chars, which reports them at
 * their place in the plan.  The text stays as it is.  No fonts given:
 * nothing is checked. */
static void
check_chars(struct conv *c, const char *s, size_t n, int line, int col)
{
	size_t i, k;
	unsigned long cp;
	int f, has;
	struct srcpos pos;
	char hex[16], ch[5];

	if (c->m == NULL)
		return;
	for (i = 0; i < n; i += k) {
		k = 1;
		if ((unsigned char)s[i] < 0x80)
			continue;
		k = utf8_decode(s + i, n - i, &cp);
		if (winansi_from_cp(cp) >= 0)
			continue;
		for (f = 0; f < FONT__COUNT && metrics_has(c->m,
		    (enum font_style)f, cp); f++)
			;
		/* the byte column of the character (where() counts
		 * characters) */
		if (f == FONT__COUNT || where(c, md_offset(c, line, (col > 0 ?
		    col : 1) + (int)i), &pos, &has) != NULL)
			continue;
		snprintf(hex, sizeof(hex), "U+%04lX", cp);
		memcpy(ch, s + i, k);
		ch[k] = '\0';
		diag_add(c->dl, D_MD_CHARSET, has ? &pos : NULL, NULL,
		    "character `%s` (%s) is not in the template's font `%s`: "
		    "the PDF cannot show it", ch, hex, font_base(c->fonts[f]));
		return;
	}
}

/* Appends UTF-8 text to the inline block, merging with the last run
 * when the flags agree. */
void
blocks_add_run(struct block *b, const char *s, size_t n, unsigned flags)
{
	struct run *r;

	if (b->nrun > 0 && b->run[b->nrun - 1].flags == flags &&
	    !(flags & (RUN_BREAK | RUN_NOTE))) {
		r = &b->run[b->nrun - 1];
		/* grown by doubling: a paragraph of many lines stays linear */
		r->text = xgrow(r->text, &r->cap, r->len + n + 1, 1);
		memcpy(r->text + r->len, s, n);
		r->len += n;
		r->text[r->len] = '\0';
		return;
	}
	/* most blocks (table cells, short paragraphs) have one run: the
	 * first is allocated alone, not xgrow's 8 (0.75 MB of a 100-page
	 * plan with a 300-row table) */
	if (b->runcap == 0) {
		b->run = xmalloc(sizeof(*b->run));
		b->runcap = 1;
	} else
		b->run = xgrow(b->run, &b->runcap, b->nrun + 1,
		    sizeof(*b->run));
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

static void	note_cite(struct conv *, size_t k, unsigned flags);
static char	*note_unmark(const struct conv *, const char *s);

/* The reference index of the mark at m (notes_scan) in *k ((size_t)-1
 * when cut short); returns the byte after the mark. */
static const char *
note_decode(const char *m, size_t *k)
{
	int i;

	*k = 0;
	for (i = 1; i <= 3 && m[i] != '\0'; i++)
		*k = *k * NOTE_DIGITS + (size_t)(m[i] < 0x0e ? m[i] - 1 :
		    m[i] - 0x0e + 8);
	if (i <= 3)
		*k = (size_t)-1;
	for (m += i; *m == NOTE_FILL; m++)
		;
	return m;
}

static void
add_plain(struct conv *c, cmark_node *n, const char *s, size_t len,
    unsigned flags)
{
	if (len == 0)
		return;
	check_chars(c, s, len, cmark_node_get_start_line(n),
	    cmark_node_get_start_column(n));
	blocks_add_run(c->inl, s, len, flags);
}

/* Text of a node: a footnote mark (notes_scan) in it is a reference. */
static void
add_text(struct conv *c, cmark_node *n, const char *s, unsigned flags)
{
	const char *m;

	if (c->inl == NULL || s == NULL)
		return;
	if (c->work == NULL || (flags & RUN_CODE)) {
		char *u = c->work != NULL ? note_unmark(c, s) : NULL;

		add_plain(c, n, u != NULL ? u : s, strlen(u != NULL ? u : s),
		    flags);
		free(u);
		return;
	}
	while ((m = strchr(s, NOTE_MARK)) != NULL) {
		size_t k;

		add_plain(c, n, s, (size_t)(m - s), flags);
		s = note_decode(m, &k);
		if (k < c->nref)
			note_cite(c, k, flags);
	}
	add_plain(c, n, s, strlen(s), flags);
}

/* ---- directives ---- */

static void
parse_directive(struct conv *c, struct block *d, const char *body)
{
	const char *p = body;
	int line = d->line + 1;

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
		check_chars(c, kv->value, strlen(kv->value), line,
		    (int)(vs - p) + 1);
next:
		if (eol == NULL)
			break;
		p = eol + 1;
		line++;
	}
}

/*
 * True when the opening line of fenced block n, from where the block starts
 * to the line's end, is all template text: only then is it a directive.  A
 * value's bytes there (a fence in a Markdown field, or a value giving the
 * info string) make it code.  Without spans everything is the author's.
 */
static int
fence_from_template(const struct conv *c, cmark_node *n)
{
	size_t off = md_offset(c, cmark_node_get_start_line(n),
	    cmark_node_get_start_column(n));
	const struct blk_origin *o = origin_after(c, off);

	return o == NULL || o->off >= line_end(c, off);
}

/*
 * A fenced block opened inside a value must close inside it: else it runs
 * on over the template's text after the field (its headings, directives)
 * and turns them into code.
 */
static void
check_fence_end(struct conv *c, cmark_node *n)
{
	size_t off = md_offset(c, cmark_node_get_start_line(n),
	    cmark_node_get_start_column(n));
	const struct blk_origin *o = origin_at(c, off);
	int end = cmark_node_get_end_line(n);

	int flen, foff;
	char fch;

	if (o == NULL || cmark_node_get_fenced(n, &flen, &foff, &fch) == 0)
		return;
	if ((size_t)end > line_of(c, o->off + (o->len ? o->len - 1 : 0)) + 1)
		report_off(c, D_MD_FENCE, off,
		    "fenced code is not closed before the field ends%s: it would "
		    "take in the text that follows", "");
}

/*
 * A `rencana-grafik` directive is a figure (layout_chart.c draws it): its
 * caption is the `judul` line, numbered like an image's; it keeps the
 * template position of its fence for messages about its data.
 */
static void
chart_figure(struct conv *c, cmark_node *n, struct block *b)
{
	const char *t = blocks_kv(b, "judul");
	size_t off = md_offset(c, cmark_node_get_start_line(n),
	    cmark_node_get_start_column(n));
	const char *path;

	b->type = BLK_FIGURE;
	if (t != NULL && *t != '\0')
		blocks_add_run(b, t, strlen(t), 0);	/* UTF-8, as every run */
	path = where(c, off, &b->pos, &b->has_pos);
	b->field = path != NULL ? xstrdup(path) : NULL;
}

static struct block *
code_block(struct conv *c, cmark_node *n)
{
	const char *info = cmark_node_get_fence_info(n);
	const char *lit = cmark_node_get_literal(n);
	int line = cmark_node_get_start_line(n);
	struct block *b;
	size_t i, ll;

	char *unmarked = c->work != NULL && lit != NULL ? note_unmark(c, lit) :
	    NULL;

	if (unmarked != NULL)
		lit = unmarked;
	if (info != NULL && strncmp(info, "rencana-", 8) == 0 &&
	    fence_from_template(c, n)) {
		size_t nl = strcspn(info + 8, " \t");

		b = blocks_new(BLK_DIRECTIVE, line);
		b->name = xstrndup(info + 8, nl);
		for (i = 0; i < sizeof(directive_names) / sizeof(*directive_names); i++)
			if (strcmp(b->name, directive_names[i]) == 0)
				break;
		if (i == sizeof(directive_names) / sizeof(*directive_names))
			report(c, D_MD_DIRECTIVE, line, 1,
			    "unknown directive `rencana-%s`", b->name);
		parse_directive(c, b, lit != NULL ? lit : "");
		free(unmarked);
		if (strcmp(b->name, "grafik") == 0)
			chart_figure(c, n, b);
		return b;
	}
	b = blocks_new(BLK_CODE, line);
	lit = lit != NULL ? lit : "";
	ll = strlen(lit);
	if (ll > 0 && lit[ll - 1] == '\n')
		ll--;
	check_chars(c, lit, ll, line, 1);
	blocks_add_run(b, lit, ll, RUN_CODE);
	free(unmarked);
	return b;
}

/* ---- captions ---- */

/*
 * The length of a caption marker opening paragraph p, with the blanks after
 * it: `Table:`, `table:`, `Tabel:`, `tabel:` or `:` (pandoc's `Table:` and
 * `:`, and the Indonesian word), followed by a blank or the end of the
 * first run; 0 when p is not a caption.
 */
static size_t
caption_marker(const struct block *p)
{
	static const char *const mark[] = { "Table:", "table:", "Tabel:",
	    "tabel:", ":" };
	const struct run *r;
	size_t i, n;

	if (p == NULL || p->type != BLK_PARAGRAPH || p->is_caption ||
	    p->nrun == 0)
		return 0;
	r = &p->run[0];
	if (r->flags & (RUN_CODE | RUN_BREAK))
		return 0;
	for (i = 0; i < sizeof(mark) / sizeof(*mark); i++) {
		n = strlen(mark[i]);
		if (r->len < n || memcmp(r->text, mark[i], n) != 0)
			continue;
		if (n < r->len && r->text[n] != ' ' && r->text[n] != '\t')
			continue;
		while (n < r->len && (r->text[n] == ' ' || r->text[n] == '\t'))
			n++;
		return n;
	}
	return 0;
}

/* Makes p the caption of table t: the marker goes, p stands above t. */
static void
attach_caption(struct block *t, struct block *p, size_t mark)
{
	struct run *r = &p->run[0];

	memmove(r->text, r->text + mark, r->len - mark + 1);
	r->len -= mark;
	if (r->len == 0) {
		free(r->text);
		memmove(p->run, p->run + 1, (p->nrun - 1) * sizeof(*p->run));
		p->nrun--;
	}
	p->is_caption = 1;
	t->caption = p;
	if (t->next == p) {
		blocks_unlink(p);
		blocks_insert_before(t, p);
	}
}

struct block *
blocks_walk_next(const struct block *doc, const struct block *b, int tables)
{
	if (b->first != NULL && (tables || b->type != BLK_TABLE))
		return b->first;
	while (b != NULL && b != doc && b->next == NULL)
		b = b->parent;
	return b == NULL || b == doc ? NULL : b->next;
}

/*
 * Every table takes the caption paragraph directly above it, else the one
 * directly below it, unless that one stands directly above another table
 * (a caption between two tables belongs to the second).
 */
static void
find_captions(struct block *doc)
{
	struct block *b = doc;
	size_t m;

	while (b != NULL) {
		if (b->type == BLK_TABLE) {
			if ((m = caption_marker(b->prev)) > 0)
				attach_caption(b, b->prev, m);
			else if ((m = caption_marker(b->next)) > 0 &&
			    (b->next->next == NULL ||
			    b->next->next->type != BLK_TABLE))
				attach_caption(b, b->next, m);
		}
		b = blocks_walk_next(doc, b, 0);
	}
}

/*
 * A `rencana-tabel` gives the kind of the table directly after it (or
 * after its caption), which gaya.yaml's `orientasi_tabel` reads: one
 * anywhere else, or without `jenis`, would set nothing.
 */
static void
check_table_kinds(struct conv *c, struct block *doc)
{
	struct block *b;

	for (b = doc; b != NULL; b = blocks_walk_next(doc, b, 0)) {
		const struct block *n = b->next;

		if (b->type != BLK_DIRECTIVE || strcmp(b->name, "tabel") != 0)
			continue;
		if (n != NULL && n->is_caption)
			n = n->next;
		if (n == NULL || n->type != BLK_TABLE)
			report(c, D_MD_DIRECTIVE, b->line, 1, "`rencana-%s` must "
			    "stand directly before a table or its caption",
			    b->name);
		else if (blocks_kv(b, "jenis") == NULL)
			report(c, D_MD_DIRECTIVE, b->line, 1,
			    "`rencana-%s` needs a line `jenis: KIND`", b->name);
	}
}

/* ---- footnotes ---- */

/* The scope of byte off: the raw value span holding it (k + 1), or 0. */
static int
note_scope(const struct conv *c, size_t off)
{
	const struct blk_origin *o = origin_at(c, off);

	return o != NULL && o->raw ? (int)(o - c->orig) + 1 : 0;
}

/* A footnote message at byte off naming a label. */
static void
note_report(struct conv *c, enum diag_code code, size_t off, const char *fmt,
    const char *label, size_t llen)
{
	struct srcpos pos;
	int has;
	const char *path = where(c, off, &pos, &has);
	char *l = xstrndup(label, llen);

	diag_add(c->dl, code, has ? &pos : NULL, path, fmt, l, l);
	free(l);
}

/* Is md[i] escaped by an odd number of backslashes before it? */
static int
escaped(const char *md, size_t from, size_t i)
{
	size_t k = 0;

	while (i > from + k && md[i - k - 1] == '\\')
		k++;
	return k % 2 == 1;
}

/* The length of a label `[^label]` at p (up to e): 0 when there is none. */
static size_t
note_label(const char *p, const char *e)
{
	const char *q;

	if (e - p < 4 || p[0] != '[' || p[1] != '^')
		return 0;
	for (q = p + 2; q < e && *q != ']' && *q != ' ' && *q != '\t' &&
	    *q != NOTE_MARK && *q != NOTE_FILL; q++)
		;
	return q < e && *q == ']' && q > p + 2 ? (size_t)(q - p - 2) : 0;
}

static size_t
line_start_of(const struct conv *c, size_t l)
{
	return l < c->nlines ? c->lines[l] : c->len;
}

/* The first byte of line l after up to 3 spaces, and its end (no line break). */
static const char *
line_body(const struct conv *c, size_t l, const char **end)
{
	const char *p = c->md + line_start_of(c, l);
	const char *e = c->md + line_start_of(c, l + 1);
	int k;

	while (e > p && (e[-1] == '\n' || e[-1] == '\r'))
		e--;
	for (k = 0; k < 3 && p < e && *p == ' '; k++)
		p++;
	*end = e;
	return p;
}

static int
is_blank_line(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t'))
		p++;
	return p == e;
}

/* A fence line (``` or ~~~, 3 or more): its character and length. */
static size_t
fence_len(const char *p, const char *e, char *ch)
{
	const char *q = p;

	if (p == e || (*p != '`' && *p != '~'))
		return 0;
	while (q < e && *q == *p)
		q++;
	*ch = *p;
	return q - p >= 3 ? (size_t)(q - p) : 0;
}

/* Does the line p..e open a block that ends a footnote's paragraph? */
static int
starts_block(const char *p, const char *e)
{
	const char *q = p;
	char ch;

	if (p == e)
		return 0;
	if (*p == '#' || *p == '>' || *p == '|' || fence_len(p, e, &ch) > 0 ||
	    note_label(p, e) > 0)
		return 1;
	if ((*p == '-' || *p == '*' || *p == '+') && (p + 1 == e || p[1] == ' '))
		return 1;
	while (q < e && *q >= '0' && *q <= '9')
		q++;
	return q > p && q < e && (*q == '.' || *q == ')');
}

/*
 * A definition `[^label]: text` opening line l at p: its text runs on over
 * the lines after it (a paragraph's lazy lines; after a blank line, lines
 * indented 4 spaces) within the same scope.  Records it, blanks it in
 * c->work and returns the line after it.
 */
static size_t
note_define(struct conv *c, size_t l, const char *p, size_t llen)
{
	struct note_def *d;
	const char *e, *q;
	size_t m = l + 1, last = l;
	int scope = note_scope(c, (size_t)(p - c->md));

	while (m < c->nlines) {
		const char *b = line_body(c, m, &e);
		size_t k = m;

		if (is_blank_line(b, e)) {
			/* blank lines, then an indented line: more text */
			while (k < c->nlines && (b = line_body(c, k, &e),
			    is_blank_line(b, e)))
				k++;
			if (k == c->nlines || strncmp(c->md + line_start_of(c, k),
			    "    ", 4) != 0)
				break;
		} else if (starts_block(b, e))
			break;
		if (note_scope(c, line_start_of(c, k)) != scope)
			break;
		last = m = k;
		m++;
	}
	c->def = xgrow(c->def, &c->defcap, c->ndef + 1, sizeof(*c->def));
	d = &c->def[c->ndef++];
	memset(d, 0, sizeof(*d));
	d->scope = scope;
	d->off = (size_t)(p - c->md);
	d->label = p + 2;
	d->llen = llen;
	for (q = p + llen + 4; q < c->md + c->len && (*q == ' ' || *q == '\t'); q++)
		;
	d->coff = (size_t)(q - c->md);
	line_body(c, last, &e);
	d->cend = (size_t)(e - c->md) > d->coff ? (size_t)(e - c->md) : d->coff;
	for (q = p; q < e; q++)
		if (*q != '\n' && *q != '\r')
			c->work[q - c->md] = ' ';
	/* a footnote cannot cite another */
	for (q = c->md + d->coff; q < e; q++)
		if (note_label(q, e) > 0 && !escaped(c->md, d->coff, (size_t)(q - c->md))) {
			note_report(c, D_MD_FOOTNOTE, (size_t)(q - c->md),
			    N_("the footnote `[^%s]` cites another footnote; a "
			    "footnote's text cannot cite one"), d->label,
			    d->llen);
			break;
		}
	return m;
}

/* Marks the references of line [p, e) in c->work (notes_scan). */
static void
note_marks(struct conv *c, const char *from, const char *e)
{
	const char *p;
	size_t n, len, k;
	char *w;

	for (p = from; p < e; p++) {
		if ((n = note_label(p, e)) == 0 ||
		    escaped(c->md, (size_t)(from - c->md), (size_t)(p - c->md)))
			continue;
		if (c->nref == BLOCKS_MAX_NOTES) {
			report_off(c, D_MD_LIMIT, (size_t)(p - c->md),
			    "more than 10000 footnote references%s", "");
			c->nref++;
		}
		if (c->nref > BLOCKS_MAX_NOTES)
			return;
		c->ref = xgrow(c->ref, &c->refcap, c->nref + 1, sizeof(*c->ref));
		c->ref[c->nref].scope = note_scope(c, (size_t)(p - c->md));
		c->ref[c->nref].off = (size_t)(p - c->md);
		c->ref[c->nref].len = len = n + 3;
		c->ref[c->nref].label = p + 2;
		c->ref[c->nref].llen = n;
		/* the mark: its index in three bytes, then filler */
		w = c->work + (p - c->md);
		w[0] = NOTE_MARK;
		for (k = 0; k < 3; k++) {
			size_t d = c->nref / (k == 0 ? NOTE_DIGITS * NOTE_DIGITS :
			    k == 1 ? NOTE_DIGITS : 1) % NOTE_DIGITS;

			w[1 + k] = (char)(d < 8 ? d + 1 : d - 8 + 0x0e);
		}
		memset(w + 4, NOTE_FILL, len - 4);
		c->nref++;
		p += len - 1;
	}
}

static int
note_cmp(const void *a, const void *b)
{
	const struct note_def *x = *(const struct note_def *const *)a;
	const struct note_def *y = *(const struct note_def *const *)b;
	size_t i;

	if (x->scope != y->scope)
		return x->scope < y->scope ? -1 : 1;
	for (i = 0; i < x->llen && i < y->llen; i++) {
		int p = tolower((unsigned char)x->label[i]);
		int q = tolower((unsigned char)y->label[i]);

		if (p != q)
			return p < q ? -1 : 1;
	}
	if (x->llen != y->llen)
		return x->llen < y->llen ? -1 : 1;
	return x->off < y->off ? -1 : x->off > y->off;
}

/*
 * Finds the footnotes of the Markdown before cmark-gfm parses it: fenced
 * code is skipped; definitions open a line (after up to 3 spaces).  Sorts
 * the definitions, reporting a second one of a label in a scope.
 */
static void
notes_scan(struct conv *c)
{
	size_t l = 0, i;
	size_t fence = 0;
	char fch = 0, ch;

	for (i = 0; i + 1 < c->len && (c->md[i] != '[' || c->md[i + 1] != '^');
	    i++)
		;
	if (i + 1 >= c->len)
		return;
	c->work = xmalloc(c->len + 1);
	memcpy(c->work, c->md, c->len);
	c->work[c->len] = '\0';
	while (l < c->nlines) {
		const char *e, *p = line_body(c, l, &e);
		size_t f = fence_len(p, e, &ch), n;

		if (fence > 0) {
			if (f >= fence && ch == fch && is_blank_line(p + f, e))
				fence = 0;
			l++;
			continue;
		}
		if (f > 0 && (ch != '`' || memchr(p + f, '`', (size_t)(e - p) - f) == NULL)) {
			fence = f;
			fch = ch;
			l++;
			continue;
		}
		if ((n = note_label(p, e)) > 0 && p + n + 3 < e && p[n + 3] == ':') {
			l = note_define(c, l, p, n);
			continue;
		}
		note_marks(c, c->md + line_start_of(c, l), e);
		l++;
	}
	c->sorted = xcalloc(c->ndef + 1, sizeof(*c->sorted));
	for (i = 0; i < c->ndef; i++)
		c->sorted[i] = &c->def[i];
	qsort(c->sorted, c->ndef, sizeof(*c->sorted), note_cmp);
	for (i = 0; i < c->ndef; i++) {
		if (i > 0 && c->sorted[i - 1]->scope == c->sorted[i]->scope &&
		    c->sorted[i - 1]->llen == c->sorted[i]->llen &&
		    strncasecmp(c->sorted[i - 1]->label, c->sorted[i]->label,
		    c->sorted[i]->llen) == 0) {
			note_report(c, D_MD_FOOTNOTE, c->sorted[i]->off,
			    N_("the footnote `[^%s]` is defined twice in this "
			    "Markdown field; give each footnote its own label"),
			    c->sorted[i]->label, c->sorted[i]->llen);
			continue;
		}
		c->sorted[i]->b = blocks_new(BLK_FOOTNOTE,
		    (int)line_of(c, c->sorted[i]->off) + 1);
	}
}

/* The first definition of reference r's label in its scope, or NULL. */
static struct note_def *
note_find(const struct conv *c, const struct note_ref *r)
{
	struct note_def key, *kp = &key;
	size_t lo = 0, hi = c->ndef;

	memset(&key, 0, sizeof(key));
	key.scope = r->scope;
	key.label = r->label;
	key.llen = r->llen;
	key.off = 0;		/* before every definition of the label */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (note_cmp(&c->sorted[mid], &kp) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < c->ndef && c->sorted[lo]->scope == r->scope &&
	    c->sorted[lo]->llen == r->llen &&
	    strncasecmp(c->sorted[lo]->label, r->label, r->llen) == 0)
		return c->sorted[lo];
	return NULL;
}

/* Reference k met in text: a RUN_NOTE run, when it stands in a paragraph
 * and its field defines it. */
static void
note_cite(struct conv *c, size_t k, unsigned flags)
{
	const struct note_ref *r = &c->ref[k];
	struct note_def *d;

	if (c->inl->type != BLK_PARAGRAPH) {
		note_report(c, D_MD_FOOTNOTE, r->off, c->inl->type == BLK_CELL ?
		    N_("the footnote `[^%s]` stands in a table cell: footnotes are "
		    "not set in tables; cite it in the text before the table") :
		    N_("the footnote `[^%s]` stands in a heading: cite it in the "
		    "text under the heading"), r->label, r->llen);
		return;
	}
	if ((d = note_find(c, r)) == NULL) {
		note_report(c, D_MD_FOOTNOTE, r->off,
		    N_("the footnote `[^%s]` is not defined in this Markdown "
		    "field: write its text in the same field, `[^%s]: ...`"),
		    r->label, r->llen);
		return;
	}
	d->used = 1;
	blocks_add_run(c->inl, r->label, r->llen, flags | RUN_NOTE);
	c->inl->run[c->inl->nrun - 1].note = d->b;
}

/* s with every mark turned back into its reference's bytes (new string). */
static char *
note_unmark(const struct conv *c, const char *s)
{
	struct buf b = BUF_INIT;
	const char *m;

	while ((m = strchr(s, NOTE_MARK)) != NULL) {
		size_t k;

		buf_put(&b, s, (size_t)(m - s));
		s = note_decode(m, &k);
		if (k < c->nref && k < BLOCKS_MAX_NOTES)
			buf_put(&b, c->md + c->ref[k].off, c->ref[k].len);
	}
	buf_puts(&b, s);
	return buf_detach(&b);
}

static struct block *parse_md(const char *md, size_t len, const char *file,
    const struct blk_origin *orig, size_t norig, const struct blk_origin *text,
    size_t ntext, int notes, const struct metrics *m,
    const char *const *fonts, struct diag_list *dl);

/*
 * Definition d's text as a document of its own (continuation lines lose
 * up to 4 spaces of indentation), messages pointing at the definition:
 * its paragraphs become d's BLK_FOOTNOTE's children.
 */
static void
note_body(struct conv *c, struct note_def *d)
{
	struct buf t = BUF_INIT;
	struct blk_origin o;
	struct block *sub, *k;
	size_t i = d->coff;
	int has, other = 0;

	while (i < d->cend) {
		size_t e = i, n = 0;

		while (e < d->cend && c->md[e] != '\n')
			e++;
		if (i > d->coff)
			while (n < 4 && i + n < e && c->md[i + n] == ' ')
				n++;
		buf_put(&t, c->md + i + n, e - i - n);
		buf_putc(&t, '\n');
		i = e + 1;
	}
	memset(&o, 0, sizeof(o));
	o.len = t.len;
	o.path = where(c, d->coff, &o.pos, &has);
	if (!has)
		o.pos.file = NULL;
	sub = parse_md(t.data != NULL ? t.data : "", t.len, NULL, &o,
	    has ? 1 : 0, NULL, 0, 0, c->m, c->fonts, c->dl);
	while ((k = sub->first) != NULL) {
		blocks_unlink(k);
		if (k->type == BLK_PARAGRAPH)
			blocks_append(d->b, k);
		else {
			other = 1;
			blocks_free(k);
		}
	}
	if (other)
		note_report(c, D_MD_FOOTNOTE, d->off,
		    N_("the footnote `[^%s]` holds a list, table, heading or code: "
		    "a footnote is text in paragraphs"), d->label, d->llen);
	blocks_free(sub);
	buf_free(&t);
}

/*
 * After the walk: each cited definition's text parsed and its footnote
 * put at the end of the document, in the order of the definitions; an
 * uncited one reported (and dropped); a reference in a table caption
 * refused (its number would stand in the list of tables).
 */
static void
notes_finish(struct conv *c, struct block *doc)
{
	struct block *b;
	size_t i, k;

	for (b = doc; b != NULL; b = blocks_walk_next(doc, b, 0))
		for (k = 0; b->is_caption && k < b->nrun; k++)
			if (b->run[k].flags & RUN_NOTE) {
				report(c, D_MD_FOOTNOTE, b->line, 1,
				    N_("a footnote stands in a table caption: "
				    "cite it in the text before the table%s"), "");
				break;
			}
	for (i = 0; i < c->ndef; i++) {
		struct note_def *d = &c->def[i];

		if (d->b == NULL)
			continue;
		if (!d->used) {
			note_report(c, D_MD_FOOTNOTE_UNUSED, d->off,
			    N_("the footnote `[^%s]` is never cited in its Markdown "
			    "field, so it is not printed; cite it as `[^%s]` or "
			    "remove it"), d->label, d->llen);
			blocks_free(d->b);
			d->b = NULL;
			continue;
		}
		note_body(c, d);
		blocks_append(doc, d->b);
	}
}

static void
notes_free(struct conv *c)
{
	free(c->work);
	free(c->def);
	free(c->sorted);
	free(c->ref);
}

/* ---- the walk ---- */

/* Raw HTML is not typeset: said once per value (and once for the rest). */
static void
html(struct conv *c, cmark_node *n)
{
	size_t off = md_offset(c, cmark_node_get_start_line(n),
	    cmark_node_get_start_column(n));
	const struct blk_origin *o = origin_at(c, off);

	if (o != NULL) {
		if (c->html_told[o - c->orig]++)
			return;
	} else if (c->html_tpl_told++)
		return;
	report_off(c, D_MD_HTML, off,
	    "raw HTML is not shown in the PDF%s; write the text without tags", "");
}

/* Appends key: value (UTF-8, copied) to a block's pairs. */
static void
kv_add(struct block *b, const char *key, const char *value, int line)
{
	struct blk_kv *kv;

	b->kv = xgrow(b->kv, &b->kvcap, b->nkv + 1, sizeof(*b->kv));
	kv = &b->kv[b->nkv++];
	kv->key = xstrdup(key);
	kv->value = xstrdup(value);
	kv->line = line;
}

/*
 * An image: alone in its paragraph (nothing else in it, the paragraph not
 * in a table cell or a heading) it makes that paragraph a figure, whose
 * caption is the image's text; anywhere else it is an error, since the
 * PDF has no inline images and printing its text instead would hide the
 * mistake.  The figure keeps where it was written (plan field or
 * template), for layout's messages about the file.
 */
static void
image(struct conv *c, cmark_node *n)
{
	cmark_node *par = cmark_node_parent(n);
	size_t off = md_offset(c, cmark_node_get_start_line(n),
	    cmark_node_get_start_column(n));
	const char *url = cmark_node_get_url(n), *path;
	struct block *b = c->inl;

	if (b == NULL || b->type != BLK_PARAGRAPH || b->nrun > 0 ||
	    par == NULL || cmark_node_get_type(par) != CMARK_NODE_PARAGRAPH ||
	    cmark_node_first_child(par) != n || cmark_node_last_child(par) != n) {
		report_off(c, D_MD_IMAGE, off, "an image must stand alone in its "
		    "paragraph%s (a figure with its caption); the text around it "
		    "goes into paragraphs of its own", "");
		return;
	}
	b->type = BLK_FIGURE;
	b->name = xstrdup("gambar");
	kv_add(b, "src", url != NULL ? url : "", b->line);
	path = where(c, off, &b->pos, &b->has_pos);
	b->field = path != NULL ? xstrdup(path) : NULL;
}

static int
is_container(cmark_node_type t)
{
	return t == CMARK_NODE_LIST || t == CMARK_NODE_ITEM ||
	    t == CMARK_NODE_BLOCK_QUOTE;
}

static void
enter_node(struct conv *c, cmark_node *n)
{
	cmark_node_type t = cmark_node_get_type(n);
	const char *ts = cmark_node_get_type_string(n);
	int line = cmark_node_get_start_line(n);
	struct block *b = NULL;

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
			b = blocks_new(BLK_LIST, line);
			b->ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
			b->start = cmark_node_get_list_start(n);
			b->tight = cmark_node_get_list_tight(n);
		} else if (t == CMARK_NODE_ITEM)
			b = blocks_new(BLK_ITEM, line);
		else
			b = blocks_new(BLK_QUOTE, line);
		blocks_append(c->cur, b);
		c->cur = b;
		c->depth++;
		return;
	}
	switch (t) {
	case CMARK_NODE_PARAGRAPH:
		b = blocks_new(BLK_PARAGRAPH, line);
		blocks_append(c->cur, b);
		c->inl = b;
		return;
	case CMARK_NODE_HEADING:
		b = blocks_new(BLK_HEADING, line);
		b->level = cmark_node_get_heading_level(n);
		blocks_append(c->cur, b);
		c->inl = b;
		return;
	case CMARK_NODE_CODE_BLOCK:
		check_fence_end(c, n);
		blocks_append(c->cur, code_block(c, n));
		return;
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_HTML_INLINE:
		html(c, n);
		return;
	case CMARK_NODE_THEMATIC_BREAK:
		blocks_append(c->cur, blocks_new(BLK_THEMATIC, line));
		return;
	case CMARK_NODE_IMAGE:
		image(c, n);
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
			blocks_add_run(c->inl, "", 0, RUN_BREAK);
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

		b = blocks_new(BLK_TABLE, line);
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
		blocks_append(c->cur, b);
		c->cur = b;
	} else if (strcmp(ts, "table_header") == 0 ||
	    strcmp(ts, "table_row") == 0) {
		b = blocks_new(BLK_ROW, line);
		b->header = strcmp(ts, "table_header") == 0;
		blocks_append(c->cur, b);
		c->cur = b;
		c->col = 0;
	} else if (strcmp(ts, "table_cell") == 0) {
		if (c->col++ >= BLOCKS_MAX_COLS) {
			c->skipcell = 1;
			return;
		}
		b = blocks_new(BLK_CELL, line);
		blocks_append(c->cur, b);
		c->inl = b;
	}
}

static void
exit_node(struct conv *c, cmark_node *n)
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

/* ---- limits before parsing ---- */

/* Block quote and list markers opening the line at p (up to e). */
static int
line_nesting(const char *p, const char *e, const char **after)
{
	int n = 0;

	for (;;) {
		const char *q;

		while (p < e && (*p == ' ' || *p == '\t'))
			p++;
		if (p < e && *p == '>') {
			p++;
			n++;
			continue;
		}
		if (p < e && (*p == '-' || *p == '+' || *p == '*') &&
		    (p + 1 == e || p[1] == ' ' || p[1] == '\t')) {
			p++;
			n++;
			continue;
		}
		for (q = p; q < e && q - p < 9 && *q >= '0' && *q <= '9'; q++)
			;
		if (q > p && q < e && (*q == '.' || *q == ')') &&
		    (q + 1 == e || q[1] == ' ' || q[1] == '\t')) {
			p = q + 1;
			n++;
			continue;
		}
		break;
	}
	*after = p;
	return n;
}

/* A heading line: ATX `#`..`######`, or a setext underline under text. */
static int
is_heading(const char *p, const char *e, int under_text)
{
	const char *q = p;
	char u;

	if (p < e && *p == '#') {
		while (q < e && *q == '#')
			q++;
		return q - p <= 6 && (q == e || *q == ' ' || *q == '\t');
	}
	if (!under_text || p == e || (*p != '=' && *p != '-'))
		return 0;
	for (u = *p; q < e && *q == u; q++)
		;
	while (q < e && (*q == ' ' || *q == '\t'))
		q++;
	return q == e;
}

/*
 * One pass over the Markdown: the line table (for positions) and the limits
 * cmark-gfm needs.  Each limit is reported once, at the first line over
 * it.  Returns the number of limits exceeded.
 */
static int
prescan(struct conv *c)
{
	const char *md = c->md, *p = md, *end = md + c->len;
	size_t cap = 0, headings = 0, markup = 0;
	int bad = 0, told_line = 0, told_pipes = 0, told_nest = 0, told_head = 0;
	int told_markup = 0;
	int prev_text = 0;
	char num[32];

	for (;;) {
		const char *e = p, *after;
		size_t pipes = 0;
		int nest;

		while (e < end && *e != '\n' && *e != '\r') {
			pipes += *e == '|';
			if (*e != '\0' && strchr("*_`[]<&\\~", *e) != NULL &&
			    ++markup == BLOCKS_MAX_MARKUP + 1 && !told_markup++) {
				report_off(c, D_MD_LIMIT, (size_t)(e - md),
				    "more than 262144 markup characters (`*` `_` `[` `\\` ...)%s",
				    "");
				bad++;
			}
			e++;
		}
		c->lines = xgrow(c->lines, &cap, c->nlines + 1, sizeof(*c->lines));
		c->lines[c->nlines++] = (size_t)(p - md);
		if ((size_t)(e - p) > BLOCKS_MAX_LINE && !told_line++) {
			snprintf(num, sizeof(num), "%zu", (size_t)(e - p));
			report_off(c, D_MD_LIMIT, (size_t)(p - md) + BLOCKS_MAX_LINE,
			    "a line of %s bytes: the limit is 262144", num);
			bad++;
		}
		if (pipes > BLOCKS_MAX_PIPES && !told_pipes++) {
			const char *q = p;
			size_t k = 0;

			while (k <= BLOCKS_MAX_PIPES)
				k += *q++ == '|';
			snprintf(num, sizeof(num), "%zu", pipes);
			report_off(c, D_MD_LIMIT, (size_t)(q - 1 - md),
			    "a line holds %s `|`: the limit is 256 (64 table columns)",
			    num);
			bad++;
		}
		nest = line_nesting(p, e, &after);
		if (nest > BLOCKS_MAX_NEST && !told_nest++) {
			snprintf(num, sizeof(num), "%d", nest);
			report_off(c, D_MD_DEPTH, (size_t)(p - md),
			    "lists and quotes nested deeper than 16 levels (%s on one line)",
			    num);
			bad++;
		}
		if (is_heading(after, e, prev_text) &&
		    ++headings > BLOCKS_MAX_HEADINGS && !told_head++) {
			report_off(c, D_MD_LIMIT, (size_t)(after - md),
			    "more than 20000 headings%s", "");
			bad++;
		}
		prev_text = after < e && nest == 0;
		if (e < end && *e == '\r' && e + 1 < end && e[1] == '\n')
			e++;
		if (e >= end)
			break;
		p = e + 1;
	}
	return bad;
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
blocks_from_template(const char *md, size_t len, const char *file,
    const struct blk_origin *orig, size_t norig, const struct blk_origin *text,
    size_t ntext, struct diag_list *dl)
{
	return parse_md(md, len, file, orig, norig, text, ntext, 1, NULL, NULL,
	    dl);
}

struct block *
blocks_from_template_fonts(const char *md, size_t len, const char *file,
    const struct blk_origin *orig, size_t norig, const struct blk_origin *text,
    size_t ntext, const struct metrics *m, const char *const *fonts,
    struct diag_list *dl)
{
	return parse_md(md, len, file, orig, norig, text, ntext, 1, m, fonts,
	    dl);
}

/* blocks_from_template; footnotes only when `notes` (a footnote's own text
 * is parsed without). */
static struct block *
parse_md(const char *md, size_t len, const char *file,
    const struct blk_origin *orig, size_t norig, const struct blk_origin *text,
    size_t ntext, int notes, const struct metrics *m,
    const char *const *fonts, struct diag_list *dl)
{
	struct conv c;
	struct block *doc = blocks_new(BLK_DOCUMENT, 1);
	cmark_parser *parser;
	cmark_syntax_extension *table;
	cmark_node *root, *n;
	cmark_iter *it;
	cmark_event_type ev;

	memset(&c, 0, sizeof(c));
	c.dl = dl;
	c.m = fonts != NULL ? m : NULL;
	c.fonts = fonts;
	c.file = file != NULL ? diag_file(dl, file) : NULL;
	c.cur = doc;
	c.md = md;
	c.len = len;
	c.orig = orig;
	c.norig = norig;
	c.text = text;
	c.ntext = ntext;
	c.html_told = xcalloc(norig + 1, 1);
	c.notes = notes;
	if (prescan(&c) > 0)
		goto done;
	if (notes)
		notes_scan(&c);
	pthread_once(&ext_once, register_extensions);
	parser = cmark_parser_new(CMARK_OPT_DEFAULT);
	table = cmark_find_syntax_extension("table");
	if (table != NULL)
		cmark_parser_attach_syntax_extension(parser, table);
	cmark_parser_feed(parser, c.work != NULL ? c.work : md, len);
	root = cmark_parser_finish(parser);
	it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (n == root || c.skipcell)
			;
		else if (ev == CMARK_EVENT_ENTER)
			enter_node(&c, n);
		else
			exit_node(&c, n);
		/* a cell beyond the column cap: drop everything inside it */
		if (c.skipcell && ev == CMARK_EVENT_EXIT &&
		    strcmp(cmark_node_get_type_string(n), "table_cell") == 0)
			c.skipcell = 0;
	}
	cmark_iter_free(it);
	cmark_node_free(root);
	cmark_parser_free(parser);
	find_captions(doc);
	check_table_kinds(&c, doc);
	if (c.work != NULL)
		notes_finish(&c, doc);
done:
	notes_free(&c);
	free(c.lines);
	free(c.html_told);
	return doc;
}

struct block *
blocks_from_markdown(const char *md, size_t len, const char *file,
    struct diag_list *dl)
{
	return blocks_from_template(md, len, file, NULL, 0, NULL, 0, dl);
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
	free(b->label);
	free(b->field);
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

void
blocks_unlink(struct block *b)
{
	if (b->prev != NULL)
		b->prev->next = b->next;
	else if (b->parent != NULL)
		b->parent->first = b->next;
	if (b->next != NULL)
		b->next->prev = b->prev;
	else if (b->parent != NULL)
		b->parent->last = b->prev;
	b->parent = b->prev = b->next = NULL;
}

void
blocks_insert_before(struct block *at, struct block *b)
{
	b->parent = at->parent;
	b->next = at;
	b->prev = at->prev;
	if (at->prev != NULL)
		at->prev->next = b;
	else if (at->parent != NULL)
		at->parent->first = b;
	at->prev = b;
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
