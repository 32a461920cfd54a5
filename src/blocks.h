/*
 * rencana: the block tree: Markdown (CommonMark + GFM tables + the rencana
 * dialect of docs/architecture.md) parsed by cmark-gfm and converted into
 * our own tree, so that no other file sees cmark-gfm.
 */
#ifndef RENCANA_BLOCKS_H
#define RENCANA_BLOCKS_H

#include <stddef.h>

#include "diag.h"

enum blk_type {
	BLK_DOCUMENT,
	BLK_PARAGRAPH,
	BLK_HEADING,		/* level 1..6; lines split by RUN_BREAK runs */
	BLK_LIST,		/* ordered, start, tight */
	BLK_ITEM,
	BLK_QUOTE,
	BLK_CODE,		/* one run holding the lines, '\n' between them */
	BLK_THEMATIC,
	BLK_TABLE,		/* ncols, align[], caption */
	BLK_ROW,		/* header */
	BLK_CELL,
	BLK_DIRECTIVE,		/* name, kv[] */
	BLK_FOOTNOTE,		/* a footnote's text: its paragraphs as children;
				 * children of the document, after the rest,
				 * in the order of their definitions */
	BLK_FIGURE		/* name "gambar" (an image: kv `src`) or
				 * "grafik" (a chart: the directive's kv[]);
				 * runs: the caption, set below it */
};

/*
 * What the numbering pass (number.c) counted a block as.  Each is a counter
 * of its own, stepped where the block stands in the tree (docs/templates.md,
 * "Structure and numbering").  Figures, appendices and footnotes are to be
 * further counters here, not special cases.
 */
enum blk_counter {
	CNT_NONE,
	CNT_CHAPTER,		/* level-1 heading in the body: BAB I */
	CNT_SECTION,		/* level 2: 1.1 (or A.) */
	CNT_SUBSECTION,		/* level 3: 1.1.1 (or 1.) */
	CNT_TABLE,		/* a table's caption: Tabel 2.1 */
	CNT_APPENDIX,		/* level-1 heading after rencana-mulai-lampiran:
				 * LAMPIRAN I; a chapter-level unit (what is
				 * counted within a chapter is counted within it) */
	CNT_FOOTNOTE,		/* a footnote, through the whole document, in
				 * the order of first reference: 1, 2, ... */
	CNT_FIGURE,		/* a figure (image or chart): Gambar 2.1 */
	CNT_COUNT
};

enum blk_align {
	ALIGN_NONE,
	ALIGN_LEFT,
	ALIGN_CENTER,
	ALIGN_RIGHT
};

/* Flags of an inline run. */
#define RUN_BOLD	0x01
#define RUN_ITALIC	0x02
#define RUN_CODE	0x04
#define RUN_BREAK	0x08	/* a hard line break; text is empty */
#define RUN_NOTE	0x10	/* a footnote reference: `note` is the footnote,
				 * text its number (number.c), set superscript */

struct block;

struct run {
	char		*text;		/* UTF-8, NUL-terminated (owned) */
	size_t		 len;
	size_t		 cap;		/* bytes allocated for text */
	unsigned	 flags;		/* RUN_* */
	struct block	*note;		/* RUN_NOTE: the BLK_FOOTNOTE it cites
					 * (not owned) */
};

struct blk_kv {
	char		*key;		/* UTF-8, as written (owned) */
	char		*value;		/* UTF-8, trimmed (owned) */
	int		 line;		/* line in the Markdown, 1-based */
};

struct block {
	enum blk_type	 type;
	struct block	*parent, *first, *last, *next, *prev;
	int		 line;		/* first line in the Markdown, 1-based */
	struct run	*run;		/* paragraph, heading, cell, code */
	size_t		 nrun, runcap;
	int		 level;		/* heading */
	int		 ordered;	/* list: 1 numbered */
	int		 start;		/* list: first number */
	int		 tight;		/* list: no space between items */
	int		 ncols;		/* table */
	enum blk_align	*align;		/* table: ncols entries (owned) */
	struct block	*caption;	/* table: its caption paragraph, or NULL (not owned) */
	int		 is_caption;	/* paragraph: the caption of the next table
					 * (its `Table:` marker removed) */
	int		 header;	/* row: the GFM header row */
	char		*name;		/* directive: NAME of `rencana-NAME` (owned) */
	struct blk_kv	*kv;		/* directive: pairs in order (owned) */
	size_t		 nkv, kvcap;
	/* Set by the numbering pass (number.c); CNT_NONE and NULL before. */
	enum blk_counter counter;	/* heading, caption: what was counted */
	int		 number;	/* its value in that counter (1, 2, ...) */
	char		*label;		/* "BAB I", "1.1", "Tabel 2.1": UTF-8 (owned) */
	size_t		 label_len;
	size_t		 nlabel;	/* leading runs holding the label and the
					 * separator after it (a space or a line break);
					 * the title is run[nlabel..nrun) */
	/* figure: where its image or chart was written, for messages about
	 * the file or the data (has_pos 0: no position) */
	struct srcpos	 pos;		/* file owned by the diag_list */
	int		 has_pos;
	char		*field;		/* the plan field, or NULL (owned) */
};

/*
 * Where a span of the Markdown came from: a value that the template
 * interpolated (template.c reports each one, build.c fills these).  Two
 * uses: a directive is recognised only when its whole opening fence line
 * is template text, so no value can make one (docs/templates.md, "Values
 * and structure"); and a message about bytes of a value points at the plan
 * field instead of the generated Markdown.
 */
struct blk_origin {
	size_t		 off;		/* first byte in the Markdown */
	size_t		 len;		/* bytes */
	struct srcpos	 pos;		/* the value's first character in its file;
					 * file NULL: no position (the template's words) */
	const char	*path;		/* field path such as `kesimpulan`, or NULL
					 * (not owned) */
	int		 raw;		/* the bytes are the value's text, unescaped */
	int		 block;		/* a literal block scalar (`|`): line k of the
					 * value is line pos.line + 1 + k of the file */
	int		 indent;	/* block: columns of its indentation */
};

/*
 * Parses len bytes of UTF-8 Markdown into a new block tree the caller frees
 * with blocks_free.  `file` names the text in diagnostics (may be NULL: then
 * messages carry no position).  A paragraph directly above or below a GFM
 * table that begins with `Table:`, `Tabel:` (or lower case) or `:` is the
 * table's caption (pandoc's convention): the marker is removed, and a
 * caption found below its table is moved above it.  Problems (limits,
 * malformed directive lines) are added to dl; the
 * tree is always returned.  Nothing is numbered: that is number.c's pass.
 */
struct block	*blocks_from_markdown(const char *md, size_t len,
		    const char *file, struct diag_list *dl);
/*
 * Same, for Markdown that a template made: orig[0..norig) are the spans of
 * interpolated values, sorted by offset and not overlapping.  A fenced
 * block whose opening line holds a byte of a value is code, whatever its
 * info string; messages about a value's bytes carry its plan position.
 * text[0..ntext) are the spans of template text (pos: the template file,
 * line and column of the span's first byte), sorted and not overlapping:
 * messages about those bytes point into the template.
 * blocks_from_markdown is this with no spans (all text is the author's).
 */
struct block	*blocks_from_template(const char *md, size_t len,
		    const char *file, const struct blk_origin *orig,
		    size_t norig, const struct blk_origin *text, size_t ntext,
		    struct diag_list *dl);
struct metrics;
/* blocks_from_template, also checking that every character of the text is
 * in the four fonts of m (page.h; fonts[] their files, by font_style, for
 * messages): one a font lacks is an error, D_VAL_CHAR in a plan value,
 * D_MD_CHARSET in template text.  blocks_from_template checks no font. */
struct block	*blocks_from_template_fonts(const char *md, size_t len,
		    const char *file, const struct blk_origin *orig,
		    size_t norig, const struct blk_origin *text, size_t ntext,
		    const struct metrics *m, const char *const *fonts,
		    struct diag_list *dl);
/* The block after b in a pre-order walk of doc (document order), or NULL
 * at the end; a table's rows and cells are entered only when `tables`. */
struct block	*blocks_walk_next(const struct block *doc, const struct block *b,
		    int tables);
/* Frees a tree, or a block unlinked from one with its children
 * (iteratively).  NULL does nothing. */
void		 blocks_free(struct block *);
/* Inserts b (unlinked) before `at`, as a child of at's parent. */
void		 blocks_insert_before(struct block *at, struct block *b);
/* Unlinks b from its parent and siblings (b keeps its children). */
void		 blocks_unlink(struct block *b);
/* A new unlinked block of a type (line: its line in the Markdown). */
struct block	*blocks_new(enum blk_type, int line);
/* Appends child (unlinked) as the last child of parent. */
void		 blocks_append(struct block *parent, struct block *child);
/* Appends n bytes of UTF-8 text with flags to an inline block's runs,
 * merged into the last run when the flags agree (RUN_BREAK never merges). */
void		 blocks_add_run(struct block *, const char *s, size_t n,
		    unsigned flags);
/* The value of the first `key` of a directive, or NULL. */
const char	*blocks_kv(const struct block *, const char *key);
/* Checks the links of a tree (parent, sibling and child pointers agree);
 * returns 0 when sound.  For tests. */
int		 blocks_check(const struct block *);

/* The version of cmark-gfm in use. */
const char	*blocks_lib_version(void);

#endif
