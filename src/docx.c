/*
 * rencana: the Word back end (issue 15): the numbered block tree written as
 * WordprocessingML (ECMA-376, transitional), with libxml2's text writer:
 * the only file that includes libxml/.  The parts go into a ZIP through
 * zipout.c, in a fixed order.
 *
 * The document is a walk over the block tree with one function per block
 * type (dx_blocks dispatches; a new type of block gets its own function
 * there) and one per directive (dx_directive).  What the PDF decides from
 * its layout is taken from it, not guessed again: the page of every entry
 * of the contents and of the list of tables (struct doc_pages: the outline,
 * the table pieces, the page labels), the cover's gap above the agency, the
 * cover logo's size, and each table's column widths, text size, number
 * columns and decimals (layout_tables_fit).  docs/docx.md says what carries
 * over to Word and what does not.
 *
 * Text in the tree is WinAnsi (winansi.c turns it back into UTF-8); values
 * of directives are UTF-8.  Both pass through put_chars, which writes only
 * characters XML 1.0 allows (a tab becomes w:tab, a line feed w:br, other
 * control characters are dropped) and lets the writer escape the rest, so
 * no text of a plan can make or break markup.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlversion.h>
#include <dlfcn.h>
#include <pthread.h>

#include "blocks.h"
#include "confine.h"
#include "diag.h"
#include "docx.h"
#include "image.h"
#include "layout.h"
#include "layout_hyph.h"
#include "layout_tte.h"
#include "page.h"
#include "pdf.h"
#include "qr.h"
#include "style.h"
#include "winansi.h"
#include "xalloc.h"
#include "zipout.h"

/*
 * libxml2 is loaded (dlopen) by docx_init, not when the program starts:
 * only `--to docx` needs it, and loading it with ICU, which it pulls in,
 * cost every PDF build about a millisecond of start-up
 * (docs/performance.md).  DOCX_XML_SONAME is the library the headers
 * belong to (Debian's libxml2 for libxml2-dev).
 */
#ifndef DOCX_XML_SONAME
#define DOCX_XML_SONAME	"libxml2.so.2"
#endif
#define XML_FUNCS(F) F(xmlInitParser) F(xmlBufferCreate) F(xmlBufferFree) \
	F(xmlBufferLength) F(xmlBufferContent) F(xmlNewTextWriterMemory) \
	F(xmlFreeTextWriter) F(xmlTextWriterStartDocument) \
	F(xmlTextWriterEndDocument) F(xmlTextWriterStartElement) \
	F(xmlTextWriterEndElement) F(xmlTextWriterWriteAttribute) \
	F(xmlTextWriterWriteString) F(xmlTextWriterWriteRaw)
#define F(name) static __typeof__(name) *p_##name;
XML_FUNCS(F)
#undef F
static pthread_once_t	 xml_once = PTHREAD_ONCE_INIT;
static int		 xml_loaded;

static void
xml_load(void)
{
	void *h = dlopen(DOCX_XML_SONAME, RTLD_NOW | RTLD_LOCAL), *sym;

	if (h == NULL)
		return;
#define F(name) if ((sym = dlsym(h, #name)) == NULL) return; \
	memcpy(&p_##name, &sym, sizeof(sym));
	XML_FUNCS(F)
#undef F
	p_xmlInitParser();
	xml_loaded = 1;
}

#define xmlBufferCreate			p_xmlBufferCreate
#define xmlBufferFree			p_xmlBufferFree
#define xmlBufferLength			p_xmlBufferLength
#define xmlBufferContent		p_xmlBufferContent
#define xmlNewTextWriterMemory		p_xmlNewTextWriterMemory
#define xmlFreeTextWriter		p_xmlFreeTextWriter
#define xmlTextWriterStartDocument	p_xmlTextWriterStartDocument
#define xmlTextWriterEndDocument	p_xmlTextWriterEndDocument
#define xmlTextWriterStartElement	p_xmlTextWriterStartElement
#define xmlTextWriterEndElement		p_xmlTextWriterEndElement
#define xmlTextWriterWriteAttribute	p_xmlTextWriterWriteAttribute
#define xmlTextWriterWriteString	p_xmlTextWriterWriteString
#define xmlTextWriterWriteRaw		p_xmlTextWriterWriteRaw

/*
 * Limits: none of its own.  Each block is written once, the contents'
 * entries are collected in one walk and matched to the layout's outline in
 * order, and each table's first page is found in one pass over the pages:
 * linear in the tree and the pages.  Images are read whole (IMAGE_MAX_BYTES).
 */

#define TW_PER_PT	20.0		/* twentieths of a point (twips) */
#define TW_PER_MM	(1440.0 / 25.4)
#define EMU_PER_PT	12700.0		/* DrawingML's English metric units */
#define LIST_INDENT_MM	7.5		/* as layout.c: per list level */
#define QUOTE_INDENT_MM	10.0		/* as layout.c */
#define TOC_INDENT_MM	10.0		/* as layout_toc.c: per level below 1 */
#define TOC_HANG_MM	10.0		/* a section's number hangs this far */
#define PARAF_PT	9.0		/* as layout.c: the paraf table */
#define PARAF_NO_MM	9.0
#define PARAF_BOX_MM	20.0
#define CHART_COL_MM	30.0		/* the widest value column of a chart's
					 * table: numbers, not prose */
#define CHART_MIN_MM	12.0		/* and the narrowest, while the labels'
					 * column keeps a fifth of the width */
#define SIG_BLANK	4		/* empty lines for the signature */
#define TTE_FOOT_PT	7.0		/* as layout_tte.c: the footer's type */
#define MARK_W_PT	460.0		/* the draft mark's box, rotated 315 */
#define MARK_H_PT	115.0

static const char NS_W[] =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
static const char NS_R[] =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
static const char NS_WP[] =
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
static const char NS_A[] =
    "http://schemas.openxmlformats.org/drawingml/2006/main";
static const char NS_PIC[] =
    "http://schemas.openxmlformats.org/drawingml/2006/picture";
static const char NS_REL[] =
    "http://schemas.openxmlformats.org/package/2006/relationships";

/* One entry of the contents or of the list of tables. */
struct dx_entry {
	char		*text;		/* WinAnsi: label and title */
	size_t		 len, pre;	/* pre: bytes of the label that hangs */
	int		 level;		/* 1 or 2 */
	char		 page[32];	/* its page label, "" when unknown */
};

struct dx_list {
	struct dx_entry	*e;
	size_t		 n, cap;
};

/* A list (BLK_LIST) as numbering.xml numbers it. */
struct dx_num {
	int		 ordered, start, depth;
};

/* An image part of word/media. */
struct dx_media {
	char		*name;		/* "image1.png" */
	struct buf	 data;
};

/* Sections: the cover, the front matter, the body's first section; a
 * further portrait section of the body (its numbers go on) and a
 * landscape one (the tables the PDF sets on landscape pages). */
enum dx_sect { SECT_COVER, SECT_FRONT, SECT_BODY, SECT_MORE, SECT_LAND };

/* The three lists: their bookmarks are _TocR1.., _TocT1.., _TocG1.. */
enum dx_which { LIST_TABLES, LIST_TOC, LIST_FIGURES };

struct dx {
	const struct style	*st;
	const struct metrics	*m;
	const struct doc_pages	*pg;
	struct diag_list	*dl;
	xmlTextWriterPtr	 w;	/* the part being written */
	int			 err;	/* a writer call failed */
	int			 bad_input;	/* an image of the plan is unreadable */
	struct layout_tables	*lt;
	struct dx_list		 toc, tables, figures;
	size_t			 nmark[3];	/* bookmarks written, by list
						 * (enum dx_which) */
	size_t			*fig_page;	/* figure id - 1: its page, or -1 */
	const struct page_fig	**fig;		/* figure id - 1: as the PDF drew it */
	size_t			 nfig;		/* figures the layout placed */
	size_t			 fig_next;	/* figures written */
	unsigned char		*noted;		/* footnote number: its reference
						 * was written (the first is a
						 * w:footnoteReference) */
	int			 nnote;		/* the highest footnote number */
	const struct block	*appendix;	/* the rencana-mulai-lampiran
						 * directive, once passed */
	unsigned char		*tab_land;	/* table id - 1: the PDF sets it on
						 * landscape pages */
	size_t			 ntab, tab_next;	/* tables; tables written */
	int			 in_body;	/* after rencana-mulai-isi */
	int			 body_more;	/* a body section was closed */
	int			 land;		/* in a landscape section */
	const struct block	*tte;		/* the rencana-tte directive (a
						 * signed final document), or NULL */
	int			 page_break;	/* the next paragraph starts a page */
	int			 fresh;		/* nothing written since a section
						 * break (or the start) */
	int			 sections;	/* sections closed */
	int			 have_cover;
	int			 depth;		/* list nesting */
	int			 quote;		/* quote nesting */
	int			 item_first;	/* the next paragraph carries the marker */
	int			 item_num;	/* its w:num (1-based), 0 none */
	int			 tight;		/* in a tight list */
	struct hyph		*hy;		/* the style's hyphenation, or NULL */
	int			 soft;		/* soft hyphens in long words (body
						 * text and body cells) */
	int			 untie;		/* no-break spaces as spaces (justified
						 * text: Word does not hyphenate
						 * Indonesian, so a tied name would
						 * leave wide gaps) */
	struct dx_num		*num;
	size_t			 nnum, numcap;
	struct dx_media		*media;
	size_t			 nmedia, mediacap;
	int			 draw_id;	/* wp:docPr ids */
	char			*mark, *kepala;	/* the draft's, UTF-8, or NULL */
	double			 tw;		/* text width, pt */
};

/* ---- the writer, with one error flag ---- */

static void
ck(struct dx *d, int rc)
{
	if (rc < 0)
		d->err = 1;
}

static void
x_start(struct dx *d, const char *name)
{
	ck(d, xmlTextWriterStartElement(d->w, BAD_CAST name));
}

static void
x_end(struct dx *d)
{
	ck(d, xmlTextWriterEndElement(d->w));
}

static void
x_attr(struct dx *d, const char *name, const char *value)
{
	ck(d, xmlTextWriterWriteAttribute(d->w, BAD_CAST name, BAD_CAST value));
}

static void
x_attri(struct dx *d, const char *name, long v)
{
	char s[32];

	snprintf(s, sizeof(s), "%ld", v);
	x_attr(d, name, s);
}

/* <name w:val="value"/>, or <name/> when value is NULL. */
static void
x_val(struct dx *d, const char *name, const char *value)
{
	x_start(d, name);
	if (value != NULL)
		x_attr(d, "w:val", value);
	x_end(d);
}

static void
x_vali(struct dx *d, const char *name, long v)
{
	char s[32];

	snprintf(s, sizeof(s), "%ld", v);
	x_val(d, name, s);
}

/* An element holding only text (the part's own words, escaped). */
static void
x_elem_text(struct dx *d, const char *name, const char *text)
{
	x_start(d, name);
	ck(d, xmlTextWriterWriteString(d->w, BAD_CAST text));
	x_end(d);
}

static long
tw(double pt)
{
	return lround(pt * TW_PER_PT);
}

static long
tw_mm(double mm)
{
	return lround(mm * TW_PER_MM);
}

/* Starts a part: a new writer into a memory buffer (returned). */
static xmlBufferPtr
part_begin(struct dx *d)
{
	xmlBufferPtr b = xmlBufferCreate();

	if (b == NULL || (d->w = xmlNewTextWriterMemory(b, 0)) == NULL) {
		d->err = 1;
		d->w = NULL;
		if (b != NULL)
			xmlBufferFree(b);
		return NULL;
	}
	ck(d, xmlTextWriterStartDocument(d->w, NULL, "UTF-8", "yes"));
	return b;
}

/* Ends the part begun with b; its bytes go to out. */
static void
part_end(struct dx *d, xmlBufferPtr b, struct buf *out)
{
	if (b == NULL)
		return;
	ck(d, xmlTextWriterEndDocument(d->w));
	xmlFreeTextWriter(d->w);
	d->w = NULL;
	buf_put(out, (const char *)xmlBufferContent(b),
	    (size_t)xmlBufferLength(b));
	xmlBufferFree(b);
}

/* ---- text ---- */

/* The characters XML 1.0 allows, less the other C0 and C1 controls. */
static int
xml_char(unsigned long cp)
{
	return (cp >= 0x20 && cp < 0x7f) || (cp >= 0xa0 && cp <= 0xd7ff) ||
	    (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/* A copy of n bytes of UTF-8 with only xml_char characters (a tab or a
 * line feed becomes a space; a malformed sequence is dropped). */
static char *
clean_utf8(const char *u, size_t n)
{
	struct buf t = BUF_INIT;
	size_t i = 0, k;
	unsigned long cp;

	while (i < n) {
		k = utf8_decode(u + i, n - i, &cp);
		if (cp == '\t' || cp == '\n')
			buf_putc(&t, ' ');
		else if (cp == 0xFFFD && (k != 3 || memcmp(u + i, "\xef\xbf\xbd", 3)))
			;			/* a malformed sequence: dropped */
		else if (xml_char(cp))
			buf_put(&t, u + i, k);
		i += k;
	}
	if (t.data == NULL)
		buf_puts(&t, "");
	return buf_detach(&t);
}

/* Writes n bytes of UTF-8 inside a w:r as w:t pieces, a tab as w:tab, a
 * line feed as w:br and a soft hyphen as w:softHyphen; other characters XML
 * does not allow are dropped. */
static void
put_chars(struct dx *d, const char *u, size_t n)
{
	size_t i = 0, j, k;
	unsigned long cp = 0;

	while (i < n) {
		/* the piece up to the next tab, line feed or soft hyphen */
		for (j = i; j < n && u[j] != '\t' && u[j] != '\n' &&
		    !((unsigned char)u[j] == 0xc2 && j + 1 < n &&
		    (unsigned char)u[j + 1] == 0xad); j++)
			;
		if (j > i) {
			char *c = clean_utf8(u + i, j - i);

			if (*c != '\0') {
				x_start(d, "w:t");
				x_attr(d, "xml:space", "preserve");
				ck(d, xmlTextWriterWriteString(d->w, BAD_CAST c));
				x_end(d);
			}
			free(c);
		}
		if (j < n) {
			k = utf8_decode(u + j, n - j, &cp);
			x_val(d, cp == '\t' ? "w:tab" : cp == '\n' ? "w:br" :
			    "w:softHyphen", NULL);
			j += k;
		}
		i = j;
	}
}

/* Run properties: bold, italic, code (monospace), a size (0: the style's),
 * underline. */
#define TX_BOLD		RUN_BOLD
#define TX_ITALIC	RUN_ITALIC
#define TX_CODE		RUN_CODE
#define TX_UNDERLINE	0x100
#define TX_HIDDEN	0x200	/* w:vanish: in the outline, not printed */

static void
run_props(struct dx *d, unsigned flags, double size_pt)
{
	if (!(flags & (TX_BOLD | TX_ITALIC | TX_CODE | TX_UNDERLINE |
	    TX_HIDDEN)) &&
	    size_pt <= 0)
		return;
	x_start(d, "w:rPr");
	if (flags & TX_CODE)
		x_val(d, "w:rStyle", "KodeInline");
	if (flags & TX_BOLD)
		x_val(d, "w:b", NULL);
	if (flags & TX_ITALIC)
		x_val(d, "w:i", NULL);
	if (flags & TX_HIDDEN)
		x_val(d, "w:vanish", NULL);
	if (size_pt > 0) {
		x_vali(d, "w:sz", lround(size_pt * 2));
		x_vali(d, "w:szCs", lround(size_pt * 2));
	}
	if (flags & TX_UNDERLINE)
		x_val(d, "w:u", "single");
	x_end(d);
}

/* One w:r of UTF-8 text. */
static void
run_utf8(struct dx *d, const char *u, size_t n, unsigned flags, double size_pt)
{
	x_start(d, "w:r");
	run_props(d, flags, size_pt);
	put_chars(d, u, n);
	x_end(d);
}

/* The no-break spaces of UTF-8 text made ordinary spaces, in place (the
 * string only shortens: U+00A0 is two bytes). */
static void
untie(char *t)
{
	char *w = t;

	for (; *t != '\0'; t++) {
		if ((unsigned char)t[0] == 0xc2 && (unsigned char)t[1] == 0xa0) {
			*w++ = ' ';
			t++;
		} else
			*w++ = *t;
	}
	*w = '\0';
}

/* Bytes of the letter (or hyphen) of UTF-8 at s[j], 0 when it is none. */
static size_t
word_char(const char *s, size_t j, size_t n)
{
	unsigned char c = (unsigned char)s[j];
	unsigned long cp;
	size_t k;

	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')
		return 1;
	if (c < 0x80)
		return 0;
	k = utf8_decode(s + j, n - j, &cp);
	return unicode_is_letter(cp) ? k : 0;
}

/*
 * s[0..n) (UTF-8) with a soft hyphen (U+00AD) at each place the PDF's
 * Indonesian hyphenation may break a word of HYPH_MIN_WORD letters or
 * more: Word and LibreOffice have no Indonesian hyphenation of their own,
 * and justified lines without it open wide gaps.  In *out.
 */
#define HYPH_MIN_WORD	8	/* as layout_table.c's TABLE_HYPH_MIN */

static void
soft_hyphens(const struct dx *d, const char *s, size_t n, struct buf *out)
{
	unsigned char brk[HYPH_MAX_WORD];
	size_t i = 0, j, k, w;

	while (i < n) {
		for (j = i; j < n && (w = word_char(s, j, n)) > 0; j += w)
			;
		if (utf8_count(s + i, j - i) >= HYPH_MIN_WORD &&
		    j - i <= HYPH_MAX_WORD &&
		    hyph_word_utf8(d->hy, s + i, j - i, brk) > 0) {
			for (k = i; k < j; k++) {
				if (brk[k - i])
					buf_puts(out, "\xc2\xad");
				buf_putc(out, s[k]);
			}
		} else
			buf_put(out, s + i, j - i);
		if (j < n)
			buf_putc(out, s[j++]);
		i = j;
	}
}

/* One w:r of a run's UTF-8 text (put_chars drops what XML cannot hold).
 * With d->soft and the style's hyphenation on, long words get soft
 * hyphens; with d->untie ties become spaces. */
static void
run_text(struct dx *d, const char *s, size_t n, unsigned flags,
    double size_pt)
{
	struct buf h = BUF_INIT;
	size_t i, k;
	char *t;

	if (d->soft && d->hy != NULL)
		soft_hyphens(d, s, n, &h);
	else
		buf_put(&h, s, n);
	t = xstrndup(h.data != NULL ? h.data : "", h.len);
	for (i = k = 0; i < h.len; i++)		/* a NUL dropped, not the rest */
		if (h.data[i] != '\0')
			t[k++] = h.data[i];
	t[k] = '\0';
	if (d->untie)
		untie(t);
	run_utf8(d, t, strlen(t), flags, size_pt);
	free(t);
	buf_free(&h);
}

/* One w:r of a directive's UTF-8 value, through WinAnsi as the PDF sets
 * it; upper: in capitals as layout sets them (accented letters too). */
static void
run_caps(struct dx *d, const char *u, int upper, unsigned flags,
    double size_pt)
{
	size_t n = strlen(u);
	char *w = xstrdup(u);

	if (upper)
		layout_upper_utf8(w, n);
	run_text(d, w, n, flags, size_pt);
	free(w);
}

/*
 * A footnote reference: the first to each footnote a w:footnoteReference
 * (its footnote's w:id is its number, so Word numbers it as the PDF: in the
 * order of first reference); a later one to the same footnote, which the
 * PDF prints with the same number, that number raised as text (one Word
 * footnote has one reference).
 */
static void
note_ref(struct dx *d, const struct run *r, double size_pt)
{
	const struct block *f = r->note;
	int n = f != NULL && f->counter == CNT_FOOTNOTE ? f->number : 0;

	x_start(d, "w:r");
	x_start(d, "w:rPr");
	x_val(d, "w:rStyle", "RefCatatanKaki");
	if (size_pt > 0) {
		x_vali(d, "w:sz", lround(size_pt * 2));
		x_vali(d, "w:szCs", lround(size_pt * 2));
	}
	x_end(d);
	if (n <= 0 || n > d->nnote || d->noted[n])
		x_elem_text(d, "w:t", r->text);	/* its number: digits */
	else {
		d->noted[n] = 1;
		x_start(d, "w:footnoteReference");
		x_attri(d, "w:id", n);
		x_end(d);
	}
	x_end(d);
}

/* The runs of an inline block (a hard break as w:br); upper: in capitals
 * (chapter headings, as the PDF sets them). */
static void
put_runs(struct dx *d, const struct run *r, size_t n, int upper,
    unsigned flags_or, double size_pt)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (r[i].flags & RUN_BREAK) {
			x_start(d, "w:r");
			x_val(d, "w:br", NULL);
			x_end(d);
		} else if (r[i].flags & RUN_NOTE)
			note_ref(d, &r[i], size_pt);
		else if (upper) {
			char *t = xstrndup(r[i].text, r[i].len);

			layout_upper_utf8(t, r[i].len);
			run_text(d, t, r[i].len, r[i].flags | flags_or,
			    size_pt);
			free(t);
		} else
			run_text(d, r[i].text, r[i].len,
			    r[i].flags | flags_or, size_pt);
	}
}

/* ---- paragraphs ---- */

/* Paragraph properties (for a paragraph: beyond its style). */
struct pp {
	const char	*style;		/* NULL: Normal */
	const char	*jc;		/* NULL: the style's */
	int		 num;		/* w:num id, 0 none */
	int		 ilvl;
	long		 ind_left;	/* twips, -1 the style's */
	long		 ind_right;	/* twips, -1 the style's */
	long		 first;		/* twips first-line indent, -1 the style's */
	long		 hanging;	/* twips, 0 none */
	long		 before;	/* twips space before, -1 the style's */
	long		 after;		/* twips space after, -1 the style's */
	long		 line;		/* 240ths of a line, 0 the style's */
	int		 keep_next, keep_lines;
	int		 outline;	/* outline level 0..8, -1 none */
	int		 rule_below;	/* a line under the paragraph */
	long		 tab_right;	/* a right tab with dots there, 0 none */
};

static void
pp_init(struct pp *p, const char *style)
{
	memset(p, 0, sizeof(*p));
	p->style = style;
	p->ind_left = p->ind_right = p->first = p->before = p->after = -1;
	p->outline = -1;
}

static void
p_spacing(struct dx *d, const struct pp *p)
{
	if (p->before < 0 && p->after < 0 && p->line == 0)
		return;
	x_start(d, "w:spacing");
	if (p->before >= 0)
		x_attri(d, "w:before", p->before);
	if (p->after >= 0)
		x_attri(d, "w:after", p->after);
	if (p->line > 0) {
		x_attri(d, "w:line", p->line);
		x_attr(d, "w:lineRule", "auto");
	}
	x_end(d);
}

static void
p_ind(struct dx *d, const struct pp *p)
{
	if (p->ind_left < 0 && p->ind_right < 0 && p->first < 0 &&
	    p->hanging <= 0)
		return;
	x_start(d, "w:ind");
	if (p->ind_left >= 0)
		x_attri(d, "w:left", p->ind_left);
	if (p->ind_right >= 0)
		x_attri(d, "w:right", p->ind_right);
	if (p->hanging > 0)
		x_attri(d, "w:hanging", p->hanging);
	else if (p->first >= 0)
		x_attri(d, "w:firstLine", p->first);
	x_end(d);
}

/* The children of a w:pPr in the schema's order (pStyle and the page
 * break are the caller's). */
static void
p_props(struct dx *d, const struct pp *p, int page_break)
{
	if (p->keep_next)
		x_val(d, "w:keepNext", NULL);
	if (p->keep_lines)
		x_val(d, "w:keepLines", NULL);
	if (page_break)
		x_val(d, "w:pageBreakBefore", NULL);
	if (p->num > 0) {
		x_start(d, "w:numPr");
		x_vali(d, "w:ilvl", p->ilvl);
		x_vali(d, "w:numId", p->num);
		x_end(d);
	}
	if (p->rule_below) {
		x_start(d, "w:pBdr");
		x_start(d, "w:bottom");
		x_attr(d, "w:val", "single");
		x_attr(d, "w:sz", "4");
		x_attr(d, "w:space", "1");
		x_attr(d, "w:color", "auto");
		x_end(d);
		x_end(d);
	}
	if (p->tab_right > 0) {
		x_start(d, "w:tabs");
		x_start(d, "w:tab");
		x_attr(d, "w:val", "right");
		x_attr(d, "w:leader", "dot");
		x_attri(d, "w:pos", p->tab_right);
		x_end(d);
		x_end(d);
	}
	p_spacing(d, p);
	p_ind(d, p);
	if (p->jc != NULL)
		x_val(d, "w:jc", p->jc);
	if (p->outline >= 0)
		x_vali(d, "w:outlineLvl", p->outline);
}

/* Opens a w:p with its properties. */
static void
p_open(struct dx *d, const struct pp *p)
{
	x_start(d, "w:p");
	x_start(d, "w:pPr");
	if (p->style != NULL)
		x_val(d, "w:pStyle", p->style);
	p_props(d, p, d->page_break && !d->fresh);
	d->page_break = 0;
	d->fresh = 0;
	x_end(d);
}

/* A whole paragraph of one UTF-8 text (the directives' values). */
static void
p_utf8(struct dx *d, const struct pp *p, const char *u, unsigned flags,
    double size_pt)
{
	p_open(d, p);
	if (u != NULL)
		run_utf8(d, u, strlen(u), flags, size_pt);
	x_end(d);
}

/* The indentation of body text at the current list and quote depth. */
static long
body_left(const struct dx *d)
{
	return tw_mm(LIST_INDENT_MM * d->depth + QUOTE_INDENT_MM * d->quote);
}

/* ---- the contents (collected before writing: the field comes first) ---- */

static void
entry_add(struct dx_list *l, const struct block *b, int level, int upper,
    size_t pre)
{
	struct dx_entry *e;
	struct buf t = BUF_INIT;
	size_t i;

	for (i = 0; b != NULL && i < b->nrun; i++)
		if (b->run[i].flags & RUN_BREAK)
			buf_putc(&t, ' ');
		else
			buf_put(&t, b->run[i].text, b->run[i].len);
	l->e = xgrow(l->e, &l->cap, l->n + 1, sizeof(*l->e));
	e = &l->e[l->n++];
	memset(e, 0, sizeof(*e));
	e->len = t.len;
	e->text = t.data != NULL ? buf_detach(&t) : xstrdup("");
	if (upper)
		layout_upper_utf8(e->text, e->len);
	e->level = level;
	e->pre = pre < e->len ? pre : 0;
}

/* A directive's title as an entry (DAFTAR ISI, DAFTAR TABEL). */
static void
entry_title(struct dx_list *l, const char *utf8)
{
	struct block *b = blocks_new(BLK_PARAGRAPH, 0);

	blocks_add_run(b, utf8, strlen(utf8), 0);
	entry_add(l, b, 1, 1, 0);
	blocks_free(b);
}

static const char *
list_title(const struct block *b)
{
	const char *t = blocks_kv(b, "judul");

	if (t != NULL)
		return t;
	return strcmp(b->name, "daftar-isi") == 0 ? "DAFTAR ISI" :
	    strcmp(b->name, "daftar-tabel") == 0 ? "DAFTAR TABEL" :
	    "DAFTAR GAMBAR";
}

/* A list the document prints: the list of figures only when there are
 * figures (as layout_toc.c; nfig: the figures the layout placed). */
static int
is_list_directive(const struct dx *d, const struct block *b)
{
	return b->type == BLK_DIRECTIVE && (strcmp(b->name, "daftar-isi") == 0 ||
	    strcmp(b->name, "daftar-tabel") == 0 ||
	    (strcmp(b->name, "daftar-gambar") == 0 && d->nfig > 0));
}

/*
 * Sets e's page from its entry in the layout's outline: the next one from
 * *out with e's level and title (capitals and spaces as layout writes
 * them), within OUTLINE_AHEAD entries.  Outline entries the contents lack
 * (a list of figures or an appendix that a later block type adds) are
 * passed over, so they do not shift the pages of the entries after them;
 * an entry not found keeps an empty page.
 */
#define OUTLINE_AHEAD	16

static void
outline_page(const struct doc_pages *pg, struct dx_entry *e, size_t *out)
{
	char *u = xstrndup(e->text, e->len);
	size_t k;

	untie(u);
	for (k = *out; k < pg->noutline && k < *out + OUTLINE_AHEAD; k++)
		if (pg->outline[k].level == e->level &&
		    strcmp(pg->outline[k].title, u) == 0) {
			layout_page_label(pg, pg->outline[k].page, e->page,
			    sizeof(e->page));
			*out = k + 1;
			break;
		}
	free(u);
}

/* Each figure's page and its record in the layout (struct page_fig), by
 * its id: one pass over the pages. */
static void
fig_map(struct dx *d)
{
	const struct doc_pages *pg = d->pg;
	size_t i, k, j;

	for (i = 0; i < pg->npage; i++)
		for (k = 0; k < pg->page[i].nfig; k++) {
			const struct page_fig *f = &pg->page[i].fig[k];
			size_t id = (size_t)f->id;

			if (id == 0)
				continue;
			if (id > d->nfig) {
				d->fig_page = xrealloc(d->fig_page,
				    id * sizeof(*d->fig_page));
				d->fig = xrealloc(d->fig, id * sizeof(*d->fig));
				for (j = d->nfig; j < id; j++) {
					d->fig_page[j] = (size_t)-1;
					d->fig[j] = NULL;
				}
				d->nfig = id;
			}
			d->fig_page[id - 1] = i;
			d->fig[id - 1] = f;
		}
}

/*
 * The entries in document order, as layout_toc.c collects them, with their
 * pages: the layout's outline holds the same entries in the same order
 * (chapters and sections, and the lists' own titles), each with its page
 * (outline_page); a caption's page is the first page of its table.
 */
static void
collect(struct dx *d, const struct block *doc)
{
	const struct block *b = doc;
	const struct doc_pages *pg = d->pg;
	size_t *first = NULL, ntabid = 0, i, k, out = 0;
	int tid = 0;

	fig_map(d);
	for (i = 0; i < pg->npage; i++)
		for (k = 0; k < pg->page[i].ntab; k++) {
			size_t id = (size_t)pg->page[i].tab[k].id;

			if (id == 0)
				continue;
			if (id > ntabid) {
				first = xrealloc(first, id * sizeof(*first));
				while (ntabid < id)
					first[ntabid++] = (size_t)-1;
			}
			if (first[id - 1] == (size_t)-1)
				first[id - 1] = i;
		}
	d->ntab = ntabid;
	d->tab_land = xcalloc(ntabid + 1, 1);
	for (i = 0; i < ntabid; i++)
		d->tab_land[i] = first[i] != (size_t)-1 &&
		    pg->page[first[i]].width_pt > pg->page[first[i]].height_pt;
	while (b != NULL) {
		struct dx_entry *e = NULL;

		if (b->type == BLK_HEADING && b->level <= 2) {
			entry_add(&d->toc, b, b->level, b->level == 1,
			    b->level == 1 ? 0 : b->label_len);
			e = &d->toc.e[d->toc.n - 1];
		} else if (is_list_directive(d, b)) {
			entry_title(&d->toc, list_title(b));
			e = &d->toc.e[d->toc.n - 1];
		} else if (b->type == BLK_TABLE)
			tid++;
		else if (b->type == BLK_FIGURE) {
			size_t id = d->figures.n;

			entry_add(&d->figures, b, 1, 0, b->label_len);
			if (id < d->nfig && d->fig_page[id] != (size_t)-1)
				layout_page_label(pg, d->fig_page[id],
				    d->figures.e[id].page, 32);
		} else if (b->type == BLK_PARAGRAPH && b->is_caption) {
			/* the caption stands above its table, the next one */
			entry_add(&d->tables, b, 1, 0, b->label_len);
			if ((size_t)tid < ntabid && first[tid] != (size_t)-1)
				layout_page_label(pg, first[tid],
				    d->tables.e[d->tables.n - 1].page, 32);
		}
		if (e != NULL)
			outline_page(pg, e, &out);
		b = blocks_walk_next(doc, b, 0);
	}
	free(first);
}

static void
list_free(struct dx_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->e[i].text);
	free(l->e);
}

/* ---- field codes ---- */

static void
fld_char(struct dx *d, const char *type)
{
	x_start(d, "w:r");
	x_start(d, "w:fldChar");
	x_attr(d, "w:fldCharType", type);
	x_end(d);
	x_end(d);
}

static void
fld_instr(struct dx *d, const char *code)
{
	x_start(d, "w:r");
	x_start(d, "w:instrText");
	x_attr(d, "xml:space", "preserve");
	ck(d, xmlTextWriterWriteString(d->w, BAD_CAST code));
	x_end(d);
	x_end(d);
}

/* The bookmark of entry i of the contents (toc) or of the list of tables:
 * hidden from Word's bookmark list by its leading underscore, as Word's
 * own _Toc bookmarks. */
static void
bookmark_name(char *out, size_t n, enum dx_which which, size_t i)
{
	snprintf(out, n, "_Toc%c%zu", "TRG"[which], i + 1);
}

static const struct dx_list *
which_list(const struct dx *d, enum dx_which which)
{
	return which == LIST_TOC ? &d->toc : which == LIST_TABLES ? &d->tables :
	    &d->figures;
}

/* A bookmark around nothing at the start of the paragraph being written:
 * the target of its entry's link and PAGEREF. */
static void
bookmark(struct dx *d, enum dx_which which)
{
	size_t *k = &d->nmark[which];
	long id = (long)*k + 1 + (which == LIST_TOC ? 0 :
	    which == LIST_TABLES ? 1000000 : 2000000);
	char name[32];

	if (*k >= which_list(d, which)->n)
		return;
	bookmark_name(name, sizeof(name), which, (*k)++);
	x_start(d, "w:bookmarkStart");
	x_attri(d, "w:id", id);
	x_attr(d, "w:name", name);
	x_end(d);
	x_start(d, "w:bookmarkEnd");
	x_attri(d, "w:id", id);
	x_end(d);
}

/*
 * A list (contents or tables) as a Word TOC field with its entries filled
 * in: Word's "Update field" rebuilds it from the headings (\o) or from the
 * captions' paragraph style (\t), keeping the same look.
 */
static void
dx_toc_field(struct dx *d, enum dx_which which, const char *code)
{
	const struct dx_list *l = which_list(d, which);
	int is_toc = which == LIST_TOC;
	size_t i;
	long right = tw(d->tw);
	char name[32], ref[64];

	for (i = 0; i < l->n; i++) {
		const struct dx_entry *e = &l->e[i];
		struct pp p;
		size_t skip = e->pre > 0 ? e->pre + 1 : 0;

		pp_init(&p, which == LIST_FIGURES ? "DaftarGambar" :
		    !is_toc ? "DaftarTabel" : e->level == 1 ? "TOC1" :
		    "TOC2");
		p.tab_right = right;
		p_open(d, &p);
		if (i == 0) {
			fld_char(d, "begin");
			fld_instr(d, code);
			fld_char(d, "separate");
		}
		bookmark_name(name, sizeof(name), which, i);
		x_start(d, "w:hyperlink");
		x_attr(d, "w:anchor", name);
		x_attr(d, "w:history", "1");
		if (skip > 0) {
			run_text(d, e->text, e->pre, 0, 0);
			run_utf8(d, "\t", 1, 0, 0);
		}
		run_text(d, e->text + skip, e->len - skip,
		    is_toc && e->level == 1 ? TX_BOLD : 0, 0);
		run_utf8(d, "\t", 1, 0, 0);
		/* the page as Word's own contents write it: a PAGEREF field
		 * to the heading's bookmark, its value the PDF's page */
		snprintf(ref, sizeof(ref), " PAGEREF %s \\h ", name);
		fld_char(d, "begin");
		fld_instr(d, ref);
		fld_char(d, "separate");
		run_utf8(d, e->page, strlen(e->page), 0, 0);
		fld_char(d, "end");
		x_end(d);	/* w:hyperlink */
		if (i + 1 == l->n)
			fld_char(d, "end");
		x_end(d);
	}
}

/* A list's title (a chapter-like heading) and its field. */
static void
dx_list_directive(struct dx *d, const struct block *b)
{
	enum dx_which which = strcmp(b->name, "daftar-isi") == 0 ? LIST_TOC :
	    strcmp(b->name, "daftar-tabel") == 0 ? LIST_TABLES : LIST_FIGURES;
	struct pp p;

	pp_init(&p, "Heading1");
	d->page_break = 1;
	p_open(d, &p);
	bookmark(d, LIST_TOC);
	run_caps(d, list_title(b), 1, 0, 0);
	x_end(d);
	if (which_list(d, which)->n > 0)
		dx_toc_field(d, which, which == LIST_TOC ?
		    " TOC \\o \"1-2\" \\h \\z \\u " : which == LIST_TABLES ?
		    " TOC \\h \\z \\t \"Caption,1\" " :
		    " TOC \\h \\z \\t \"Keterangan Gambar,1\" ");
	d->page_break = 1;
}

/* ---- sections ---- */

/* The text width, pt, of a portrait or landscape page (lay_orient). */
static double
body_width(const struct style *st, int land)
{
	return (land ? st->paper_h_mm - st->margin_bottom_mm -
	    st->margin_top_mm : st->paper_w_mm - st->margin_left_mm -
	    st->margin_right_mm) * 72.0 / 25.4;
}

static void
sect_props(struct dx *d, enum dx_sect kind)
{
	const struct style *st = d->st;
	int top = st->pagenum == PAGENUM_TOP_CENTER;
	int bottom = st->pagenum == PAGENUM_BOTTOM_CENTER ||
	    st->pagenum == PAGENUM_BOTTOM_RIGHT;

	int land = kind == SECT_LAND;
	/* a landscape page is the paper turned, each edge keeping its
	 * margin (layout_page.c's lay_orient): top = left, right = top,
	 * bottom = right, left = bottom */
	double mt = land ? st->margin_left_mm : st->margin_top_mm;
	double mr = land ? st->margin_top_mm : st->margin_right_mm;
	double mb = land ? st->margin_right_mm : st->margin_bottom_mm;
	double ml = land ? st->margin_bottom_mm : st->margin_left_mm;

	x_start(d, "w:sectPr");
	x_start(d, "w:headerReference");
	x_attr(d, "w:type", "default");
	x_attr(d, "r:id", kind != SECT_COVER && top ? "rIdHeader2" : "rIdHeader1");
	x_end(d);
	if (kind == SECT_BODY && top) {
		/* naskah dinas: no number on the body's first page */
		x_start(d, "w:headerReference");
		x_attr(d, "w:type", "first");
		x_attr(d, "r:id", "rIdHeader1");
		x_end(d);
	}
	if ((bottom && kind != SECT_COVER) || d->tte != NULL) {
		/* footer2: a signed document's lines without a number */
		x_start(d, "w:footerReference");
		x_attr(d, "w:type", "default");
		x_attr(d, "r:id", bottom && kind != SECT_COVER ? "rIdFooter1" :
		    "rIdFooter2");
		x_end(d);
	}
	if (kind == SECT_BODY && top && d->tte != NULL) {
		x_start(d, "w:footerReference");
		x_attr(d, "w:type", "first");
		x_attr(d, "r:id", "rIdFooter2");
		x_end(d);
	}
	x_val(d, "w:type", "nextPage");
	x_start(d, "w:pgSz");
	x_attri(d, "w:w", tw_mm(land ? st->paper_h_mm : st->paper_w_mm));
	x_attri(d, "w:h", tw_mm(land ? st->paper_w_mm : st->paper_h_mm));
	if (land)
		x_attr(d, "w:orient", "landscape");
	x_end(d);
	x_start(d, "w:pgMar");
	x_attri(d, "w:top", tw_mm(mt));
	x_attri(d, "w:right", tw_mm(mr));
	x_attri(d, "w:bottom", tw_mm(mb));
	x_attri(d, "w:left", tw_mm(ml));
	x_attri(d, "w:header", tw_mm(mt / 2));
	x_attri(d, "w:footer", tw_mm(mb / 4));
	x_attr(d, "w:gutter", "0");
	x_end(d);
	if (kind != SECT_COVER) {
		x_start(d, "w:pgNumType");
		x_attr(d, "w:fmt", kind == SECT_FRONT ? "lowerRoman" : "decimal");
		/* further sections go on; a landscape one that opens the body
		 * (nothing closed before it there) starts it at 1 */
		if (kind == SECT_FRONT || kind == SECT_BODY ||
		    (land && !d->body_more))
			x_attri(d, "w:start", kind == SECT_FRONT ?
			    1 + d->have_cover : 1);
		x_end(d);
	}
	if (kind == SECT_BODY && top)
		x_val(d, "w:titlePg", NULL);
	x_end(d);
}

/* Ends a section here: an empty paragraph, as small as Word allows, that
 * carries the section's properties. */
static void
sect_break(struct dx *d, enum dx_sect kind)
{
	x_start(d, "w:p");
	x_start(d, "w:pPr");
	x_start(d, "w:spacing");
	x_attr(d, "w:before", "0");
	x_attr(d, "w:after", "0");
	x_attr(d, "w:line", "240");
	x_attr(d, "w:lineRule", "auto");
	x_end(d);
	x_start(d, "w:rPr");
	x_vali(d, "w:sz", 2);
	x_end(d);
	sect_props(d, kind);
	x_end(d);
	x_end(d);
	d->sections++;
	d->page_break = 0;
	d->fresh = 1;
}

/* ---- images ---- */

/* Adds an image part of word/media (its data taken over); returns its
 * number (1-based). */
static size_t
media_put(struct dx *d, const char *ext, struct buf *data)
{
	struct dx_media *me;

	d->media = xgrow(d->media, &d->mediacap, d->nmedia + 1,
	    sizeof(*d->media));
	me = &d->media[d->nmedia++];
	me->name = xasprintf("image%zu.%s", d->nmedia, ext);
	me->data = *data;
	memset(data, 0, sizeof(*data));
	return d->nmedia;
}

/* Reads an image for word/media; returns its part name's number (1-based),
 * or 0 after a message (the file is the plan's: bad input). */
static size_t
media_add(struct dx *d, const char *path)
{
	struct buf data = BUF_INIT;
	const char *ext = strrchr(path, '.');
	int err, rc, png;

	png = ext != NULL && strcmp(ext, ".png") == 0;
	rc = confine_read(NULL, path, IMAGE_MAX_BYTES, &data, &err);
	if (rc != 0) {
		confine_report(d->dl, rc, err, D_LAYOUT_IMAGE, NULL, NULL,
		    "the image", path, "", NULL);
		buf_free(&data);
		d->bad_input = 1;
		return 0;
	}
	return media_put(d, png ? "png" : "jpeg", &data);
}

static void dx_drawing(struct dx *, size_t k, double w_pt, double h_pt);

/* An inline picture w x h pt (a run of its own) from the image file. */
static void
dx_picture(struct dx *d, const char *path, double w_pt, double h_pt)
{
	size_t k = media_add(d, path);

	if (k != 0)
		dx_drawing(d, k, w_pt, h_pt);
}

/*
 * The QR code of the verification address as a picture: a 1-bit BMP
 * (no compression, so no library), QR_PX pixels a module, with the
 * 4-module quiet zone; returns its media number, 0 when url makes no code.
 */
#define QR_PX		8
#define QR_QUIET	4

static void
le(struct buf *b, unsigned long v, int n)
{
	while (n-- > 0) {
		buf_putc(b, (char)(v & 0xff));
		v >>= 8;
	}
}

static size_t
qr_bmp(struct dx *d, const char *url, int *modules)
{
	unsigned char *dark, row[1024];
	struct buf b = BUF_INIT;
	int w, side, x, y, k, stride;

	if (qr_encode(url, &dark, &w) != 0)
		return 0;
	*modules = w;
	side = (w + 2 * QR_QUIET) * QR_PX;	/* at most 185 modules: 1512 px */
	stride = (side + 31) / 32 * 4;
	buf_put(&b, "BM", 2);
	le(&b, 62 + (unsigned long)stride * (unsigned long)side, 4);
	le(&b, 0, 4);
	le(&b, 62, 4);			/* the pixels' offset */
	le(&b, 40, 4);			/* BITMAPINFOHEADER */
	le(&b, (unsigned long)side, 4);
	le(&b, (unsigned long)side, 4);	/* rows bottom-up */
	le(&b, 1, 2);
	le(&b, 1, 2);			/* bits a pixel */
	le(&b, 0, 4);			/* BI_RGB */
	le(&b, (unsigned long)stride * (unsigned long)side, 4);
	le(&b, 3780, 4);		/* 96 dpi */
	le(&b, 3780, 4);
	le(&b, 2, 4);
	le(&b, 0, 4);
	le(&b, 0x000000, 4);		/* colour 0: black */
	le(&b, 0xffffff, 4);		/* colour 1: white */
	for (y = side - 1; y >= 0; y--) {
		int my = y / QR_PX - QR_QUIET;

		memset(row, 0, sizeof(row));
		for (x = 0; x < side; x++) {
			int mx = x / QR_PX - QR_QUIET;
			int on = mx >= 0 && my >= 0 && mx < w && my < w &&
			    dark[my * w + mx];

			if (!on)
				row[x / 8] |= (unsigned char)(0x80 >> (x % 8));
		}
		for (k = 0; k < stride; k++)
			buf_putc(&b, (char)row[k]);
	}
	free(dark);
	return media_put(d, "bmp", &b);
}

/* An inline picture w x h pt (a run of its own) of media k. */
static void
dx_drawing(struct dx *d, size_t k, double w_pt, double h_pt)
{
	char rid[32], name[32];
	long cx = lround(w_pt * EMU_PER_PT), cy = lround(h_pt * EMU_PER_PT);

	snprintf(rid, sizeof(rid), "rIdImage%zu", k);
	snprintf(name, sizeof(name), "Gambar %zu", k);
	d->draw_id++;
	x_start(d, "w:r");
	x_start(d, "w:drawing");
	x_start(d, "wp:inline");
	x_start(d, "wp:extent");
	x_attri(d, "cx", cx);
	x_attri(d, "cy", cy);
	x_end(d);
	x_start(d, "wp:docPr");
	x_attri(d, "id", d->draw_id);
	x_attr(d, "name", name);
	x_end(d);
	x_start(d, "a:graphic");
	x_attr(d, "xmlns:a", NS_A);
	x_start(d, "a:graphicData");
	x_attr(d, "uri", NS_PIC);
	x_start(d, "pic:pic");
	x_attr(d, "xmlns:pic", NS_PIC);
	x_start(d, "pic:nvPicPr");
	x_start(d, "pic:cNvPr");
	x_attri(d, "id", d->draw_id);
	x_attr(d, "name", d->media[k - 1].name);
	x_end(d);
	x_val(d, "pic:cNvPicPr", NULL);
	x_end(d);
	x_start(d, "pic:blipFill");
	x_start(d, "a:blip");
	x_attr(d, "r:embed", rid);
	x_end(d);
	x_start(d, "a:stretch");
	x_val(d, "a:fillRect", NULL);
	x_end(d);
	x_end(d);
	x_start(d, "pic:spPr");
	x_start(d, "a:xfrm");
	x_start(d, "a:off");
	x_attr(d, "x", "0");
	x_attr(d, "y", "0");
	x_end(d);
	x_start(d, "a:ext");
	x_attri(d, "cx", cx);
	x_attri(d, "cy", cy);
	x_end(d);
	x_end(d);
	x_start(d, "a:prstGeom");
	x_attr(d, "prst", "rect");
	x_val(d, "a:avLst", NULL);
	x_end(d);
	x_end(d);
	x_end(d);	/* pic:pic */
	x_end(d);
	x_end(d);
	x_end(d);	/* wp:inline */
	x_end(d);
	x_end(d);
}

/* ---- directives ---- */

/* The gap above the agency at the foot of the cover, pt: the widest gap
 * between two text lines of the cover page in the PDF, less a line. */
static double
cover_gap(const struct dx *d, size_t page)
{
	const struct page *pg;
	double prev = -1, gap = 0;
	size_t i;

	if (page >= d->pg->npage)
		return 0;
	pg = &d->pg->page[page];
	for (i = 0; i < pg->nbox; i++) {
		const struct box *b = &pg->box[i];

		if (b->type != BOX_TEXT || b->angle_deg != 0 || b->alpha < 1)
			continue;
		if (prev >= 0 && prev - b->y > gap)
			gap = prev - b->y;
		prev = b->y;
	}
	return gap > 3 * d->st->body_size_pt ? gap - 2 * d->st->body_size_pt : 0;
}

static void
cover_line(struct dx *d, const char *u, double size, int bold, int upper,
    double after, double before)
{
	struct pp p;

	if (u == NULL || *u == '\0')
		return;
	pp_init(&p, "Sampul");
	p.after = tw(after);
	if (before > 0)
		p.before = tw(before);
	p_open(d, &p);
	run_caps(d, u, upper, bold ? TX_BOLD : 0, size);
	x_end(d);
}

static void
dx_cover(struct dx *d, const struct block *b)
{
	const struct style *st = d->st;
	double sz = st->cover_title_size_pt, big = 14, body = st->body_size_pt;
	const struct page *pg = d->pg->npage > 0 ? &d->pg->page[0] : NULL;
	size_t i;

	/* the logo as layout placed it on the first page */
	for (i = 0; pg != NULL && i < pg->nbox; i++)
		if (pg->box[i].type == BOX_IMAGE) {
			struct pp p;

			pp_init(&p, "Sampul");
			p.after = tw(36);
			p_open(d, &p);
			dx_picture(d, pg->box[i].path, pg->box[i].w, pg->box[i].h);
			x_end(d);
			break;
		}
	cover_line(d, blocks_kv(b, "judul"), sz, 1, 1, 18, 0);
	cover_line(d, blocks_kv(b, "subjudul"), big, 1, 0, 36, 0);
	cover_line(d, blocks_kv(b, "nomor"), body, 0, 0, 18, 0);
	cover_line(d, blocks_kv(b, "konsep_nomor"), body, 0, 0, 0, 0);
	cover_line(d, blocks_kv(b, "konsep_tanggal"), body, 0, 0, 18, 0);
	cover_line(d, blocks_kv(b, "pemerintah"), big, 1, 1, 6, 0);
	cover_line(d, blocks_kv(b, "periode"), big, 1, 1, 18, 0);
	if (d->mark != NULL && blocks_kv(b, "versi") != NULL) {
		char *v = xasprintf("Versi %s", blocks_kv(b, "versi"));

		cover_line(d, v, body, 0, 0, 0, 0);
		free(v);
	}
	cover_line(d, blocks_kv(b, "instansi"), big, 1, 1, 0, cover_gap(d, 0));
	cover_line(d, blocks_kv(b, "tahun"), big, 1, 1, 0, 0);
	d->have_cover = 1;
	sect_break(d, SECT_COVER);
}

/* A table without borders (the signature) or with (the paraf table):
 * columns of widths w (twips). */
static void
tbl_open(struct dx *d, const long *w, int n, int borders, const char *jc)
{
	long sum = 0;
	int i;

	for (i = 0; i < n; i++)
		sum += w[i];
	x_start(d, "w:tbl");
	x_start(d, "w:tblPr");
	x_val(d, "w:tblStyle", borders ? "TabelRencana" : "TabelPolos");
	x_start(d, "w:tblW");
	x_attri(d, "w:w", sum);
	x_attr(d, "w:type", "dxa");
	x_end(d);
	if (jc != NULL)
		x_val(d, "w:jc", jc);
	x_start(d, "w:tblLayout");
	x_attr(d, "w:type", "fixed");
	x_end(d);
	x_start(d, "w:tblLook");
	x_attr(d, "w:val", "0020");
	x_attr(d, "w:firstRow", "1");
	x_attr(d, "w:lastRow", "0");
	x_attr(d, "w:firstColumn", "0");
	x_attr(d, "w:lastColumn", "0");
	x_attr(d, "w:noHBand", "1");
	x_attr(d, "w:noVBand", "1");
	x_end(d);
	x_end(d);
	x_start(d, "w:tblGrid");
	for (i = 0; i < n; i++) {
		x_start(d, "w:gridCol");
		x_attri(d, "w:w", w[i]);
		x_end(d);
	}
	x_end(d);
}

/* Opens a row; header: repeated on every page (w:tblHeader). */
static void
tr_open(struct dx *d, int header)
{
	x_start(d, "w:tr");
	x_start(d, "w:trPr");
	x_val(d, "w:cantSplit", NULL);
	if (header)
		x_val(d, "w:tblHeader", NULL);
	x_end(d);
}

/* Opens a cell w twips wide; valign "center", "bottom" or NULL (top). */
static void
tc_open(struct dx *d, long w, const char *valign)
{
	x_start(d, "w:tc");
	x_start(d, "w:tcPr");
	x_start(d, "w:tcW");
	x_attri(d, "w:w", w);
	x_attr(d, "w:type", "dxa");
	x_end(d);
	if (valign != NULL)
		x_val(d, "w:vAlign", valign);
	x_end(d);
}

/* One cell of the paraf table: lines of UTF-8 (n bytes each), the first
 * bold when asked. */
static void
paraf_cell(struct dx *d, long w, const char *a, size_t na, const char *b,
    size_t nb, int bold_b, const char *jc)
{
	struct pp p;

	tc_open(d, w, NULL);
	pp_init(&p, "IsiTabel");
	p.jc = jc;
	p_open(d, &p);
	run_utf8(d, a, na, bold_b && b == NULL ? TX_BOLD : 0, PARAF_PT);
	if (b != NULL) {
		x_start(d, "w:r");
		x_val(d, "w:br", NULL);
		x_end(d);
		run_utf8(d, b, nb, bold_b ? TX_BOLD : 0, PARAF_PT);
	}
	x_end(d);
	x_end(d);
}

/* A draft's paraf table: No. | Jabatan (and the name) | Paraf. */
static void
dx_paraf(struct dx *d, const struct block *b, long width)
{
	long w[3];
	size_t i;

	w[0] = tw_mm(PARAF_NO_MM);
	w[2] = tw_mm(PARAF_BOX_MM);
	w[1] = width - w[0] - w[2];
	tbl_open(d, w, 3, 1, NULL);
	tr_open(d, 1);
	paraf_cell(d, w[0], "No.", 3, NULL, 0, 1, "center");
	paraf_cell(d, w[1], "Jabatan", 7, NULL, 0, 1, "center");
	paraf_cell(d, w[2], "Paraf", 5, NULL, 0, 1, "center");
	x_end(d);
	for (i = 0; i < b->nkv; i++) {
		const char *v = b->kv[i].value, *a, *z;

		if (strcmp(b->kv[i].key, "paraf") != 0 ||
		    (a = strchr(v, '|')) == NULL || (z = strchr(a + 1, '|')) == NULL)
			continue;
		tr_open(d, 0);
		paraf_cell(d, w[0], v, (size_t)(a - v), NULL, 0, 0, "center");
		paraf_cell(d, w[1], a + 1, (size_t)(z - a - 1), z + 1,
		    strlen(z + 1), 1, NULL);
		paraf_cell(d, w[2], "", 0, NULL, 0, 0, NULL);
		x_end(d);
	}
	x_end(d);
}

/* The width of the signature's column, as layout.c: half the text width,
 * widened (up to all of it) so that the place and date, the name, the rank
 * and the NIP stay on one line each. */
static double
sig_width(const struct dx *d, const struct block *b)
{
	double colw = d->tw / 2, w;
	size_t i;

	for (i = 0; i < b->nkv; i++) {
		const char *key = b->kv[i].key;
		char *v;

		if (strcmp(key, "jabatan") == 0 || (strcmp(key, "nama") != 0 &&
		    strcmp(key, "pangkat") != 0 && strcmp(key, "nip") != 0 &&
		    strcmp(key, "tempat_tanggal") != 0))
			continue;
		v = strcmp(key, "nip") == 0 ? xasprintf("NIP %s", b->kv[i].value) :
		    xstrdup(b->kv[i].value);
		w = metrics_width(d->m, strcmp(key, "nama") == 0 ? FONT_BOLD :
		    FONT_REGULAR, v, strlen(v), d->st->body_size_pt) + 6;
		if (w > colw)
			colw = w < d->tw ? w : d->tw;
		free(v);
	}
	return colw;
}

/* The signature block: a table without borders, the lines centred in its
 * right column; a draft's paraf table in the left one. */
/* The QR code of url, its modules TTE_QR_MM wide as in the PDF, the
 * quiet zone around them. */
static void
dx_qr(struct dx *d, const char *url)
{
	int w = 0;
	size_t k = qr_bmp(d, url, &w);
	double side;

	if (k == 0)
		return;		/* validate.c refused it: not reached */
	side = TTE_QR_MM * 72.0 / 25.4 * (double)(w + 2 * QR_QUIET) / w;
	dx_drawing(d, k, side, side);
}

static void
dx_signature(struct dx *d, const struct block *b)
{
	long w[2];
	size_t i;
	int k, beside;
	struct pp p;

	w[1] = tw(sig_width(d, b));
	w[0] = tw(d->tw) - w[1];
	pp_init(&p, "IsiTabel");
	p_open(d, &p);
	x_end(d);
	tbl_open(d, w, 2, 0, NULL);
	tr_open(d, 0);
	beside = w[0] - tw(12) >= tw_mm(60);
	/* the paraf table's foot level with the NIP's, as the PDF; the
	 * verification QR code beside the stamp area */
	tc_open(d, w[0], blocks_kv(b, "verifikasi") != NULL ? "center" :
	    "bottom");
	if (blocks_kv(b, "paraf") != NULL && beside)
		dx_paraf(d, b, w[0] - tw(12));
	pp_init(&p, "IsiTabel");
	if (blocks_kv(b, "verifikasi") != NULL) {
		p.jc = "right";
		p.ind_right = tw_mm(TTE_QR_GAP_MM);
	}
	p_open(d, &p);
	if (blocks_kv(b, "verifikasi") != NULL)
		dx_qr(d, blocks_kv(b, "verifikasi"));
	x_end(d);
	x_end(d);
	tc_open(d, w[1], NULL);
	pp_init(&p, "TandaTangan");
	for (i = 0; i < b->nkv; i++)
		if (strcmp(b->kv[i].key, "tempat_tanggal") == 0 ||
		    strcmp(b->kv[i].key, "jabatan") == 0)
			p_utf8(d, &p, b->kv[i].value, 0, 0);
	for (k = 0; k < SIG_BLANK; k++)
		p_utf8(d, &p, NULL, 0, 0);
	for (i = 0; i < b->nkv; i++) {
		const char *key = b->kv[i].key;

		if (strcmp(key, "nama") == 0)
			p_utf8(d, &p, b->kv[i].value, TX_BOLD | TX_UNDERLINE, 0);
		else if (strcmp(key, "pangkat") == 0)
			p_utf8(d, &p, b->kv[i].value, 0, 0);
		else if (strcmp(key, "nip") == 0) {
			char *v = xasprintf("NIP %s", b->kv[i].value);

			p_utf8(d, &p, v, 0, 0);
			free(v);
		}
	}
	x_end(d);
	x_end(d);	/* w:tr */
	x_end(d);	/* w:tbl */
	/* a paraf table too wide for the left goes under it */
	if (blocks_kv(b, "paraf") != NULL && !beside) {
		pp_init(&p, "IsiTabel");
		p_open(d, &p);
		x_end(d);
		dx_paraf(d, b, tw(d->tw / 2));
	}
}

static void
dx_directive(struct dx *d, const struct block *b)
{
	const char *n = b->name;

	if (strcmp(n, "sampul") == 0)
		dx_cover(d, b);
	else if (strcmp(n, "halaman-baru") == 0)
		d->page_break = 1;
	else if (strcmp(n, "mulai-isi") == 0) {
		if (!d->fresh)
			sect_break(d, SECT_FRONT);
		d->in_body = 1;
	} else if (is_list_directive(d, b))
		dx_list_directive(d, b);
	else if (strcmp(n, "tanda-tangan") == 0)
		dx_signature(d, b);
	else if (strcmp(n, "mulai-lampiran") == 0)
		d->appendix = b;
	/* meta and konsep were read before the body (docx_write) */
}

/* ---- blocks ---- */

static void dx_blocks(struct dx *, const struct block *parent);
static void dx_block(struct dx *, const struct block *);

static void
dx_paragraph(struct dx *d, const struct block *b)
{
	struct pp p;

	pp_init(&p, d->depth > 0 ? "DaftarButir" : d->quote > 0 ? "Kutipan" :
	    b->is_caption ? "Caption" : NULL);
	if (b->is_caption)
		p.keep_next = 1;
	else if (d->depth > 0 || d->quote > 0) {
		p.ind_left = body_left(d);
		if (d->depth > 0 && d->item_first && d->item_num > 0) {
			p.num = d->item_num;
			p.ilvl = d->depth - 1;
			p.hanging = tw_mm(LIST_INDENT_MM);
		}
		if (d->tight)
			p.after = 0;
	}
	d->item_first = 0;
	p_open(d, &p);
	if (b->is_caption)
		bookmark(d, LIST_TABLES);
	d->untie = d->soft = !b->is_caption;
	put_runs(d, b->run, b->nrun, 0, 0, 0);
	d->untie = d->soft = 0;
	x_end(d);
}

/*
 * The head of an appendix of a penetapan, as layout.c's lay_appendix_head:
 * at the top right, in a column from the middle of the text width,
 * left-aligned, its label ("LAMPIRAN I") and each `baris` of the
 * rencana-mulai-lampiran directive.  Returns 0 (nothing written) when the
 * directive has no `baris`: the heading then carries the label itself.
 */
static int
dx_appendix_head(struct dx *d, const struct block *b)
{
	const struct block *a = d->appendix;
	struct pp p;
	size_t i;

	if (b->counter != CNT_APPENDIX || a == NULL || b->label == NULL ||
	    blocks_kv(a, "baris") == NULL)
		return 0;
	pp_init(&p, "KepalaLampiran");
	p.ind_left = tw(d->tw / 2);
	p_open(d, &p);
	run_text(d, b->label, b->label_len, 0, 0);
	for (i = 0; i < a->nkv; i++)
		if (strcmp(a->kv[i].key, "baris") == 0) {
			x_start(d, "w:r");
			x_val(d, "w:br", NULL);
			x_end(d);
			run_caps(d, a->kv[i].value, 0, 0, 0);
		}
	x_end(d);
	return 1;
}

static void
dx_heading(struct dx *d, const struct block *b)
{
	struct pp p;
	static const char *const style[3] = { "Heading1", "Heading2", "Heading3" };
	int level = b->level > 3 ? 3 : b->level < 1 ? 1 : b->level, head = 0;

	pp_init(&p, style[level - 1]);
	/* a chapter starts a page, unless a section break just did */
	if (level == 1) {
		d->page_break = !d->fresh;
		head = dx_appendix_head(d, b);
	}
	p_open(d, &p);
	if (b->level <= 2)
		bookmark(d, LIST_TOC);
	/* under an appendix head the heading shows its title alone: the
	 * label is hidden text, kept for the outline and Word's contents */
	if (head) {
		run_text(d, b->label, b->label_len, TX_HIDDEN, 0);
		run_utf8(d, " ", 1, TX_HIDDEN, 0);
	}
	put_runs(d, b->run + (head ? b->nlabel : 0), b->nrun - (head ?
	    b->nlabel : 0), level == 1, 0, 0);
	x_end(d);
}

static void
dx_list(struct dx *d, const struct block *b)
{
	const struct block *it;
	int save_num = d->item_num, save_tight = d->tight, id;

	d->num = xgrow(d->num, &d->numcap, d->nnum + 1, sizeof(*d->num));
	d->num[d->nnum].ordered = b->ordered;
	d->num[d->nnum].start = b->start;
	d->num[d->nnum].depth = d->depth;
	id = (int)++d->nnum;
	d->depth++;
	d->tight = b->tight;
	for (it = b->first; it != NULL; it = it->next) {
		d->item_num = id;
		d->item_first = 1;
		dx_blocks(d, it);
	}
	d->depth--;
	d->item_num = save_num;
	d->tight = save_tight;
	d->item_first = 0;
}

static void
dx_quote(struct dx *d, const struct block *b)
{
	d->quote++;
	dx_blocks(d, b);
	d->quote--;
}

static void
dx_code(struct dx *d, const struct block *b)
{
	struct pp p;

	pp_init(&p, "Kode");
	if (d->depth > 0 || d->quote > 0)
		p.ind_left = body_left(d);
	d->item_first = 0;
	p_open(d, &p);
	put_runs(d, b->run, b->nrun, 0, 0, 0);
	x_end(d);
}

static void
dx_thematic(struct dx *d, const struct block *b)
{
	struct pp p;

	(void)b;
	pp_init(&p, "Garis");
	p_open(d, &p);
	x_end(d);
}

/* A body cell's alignment, as layout_table.c's cell_align. */
static const char *
cell_jc(const struct block *t, int col, const unsigned char *num)
{
	switch (t->align[col]) {
	case ALIGN_RIGHT:
		return "right";
	case ALIGN_CENTER:
		return "center";
	case ALIGN_LEFT:
		return "left";
	default:
		return num[col] ? "right" : "left";
	}
}

static void
dx_table_row(struct dx *d, const struct block *t, const struct block *row,
    const long *lw, const unsigned char *num, const unsigned char *dec,
    double size, int keep)
{
	const struct block *cell = row->first;
	struct pp p;
	int c;

	tr_open(d, row->header);
	for (c = 0; c < t->ncols; c++) {
		tc_open(d, lw[c], row->header ? "center" : NULL);
		pp_init(&p, "IsiTabel");
		p.jc = row->header ? "center" : cell_jc(t, c, num);
		p.keep_next = keep;
		p_open(d, &p);
		if (cell != NULL && row->header)
			put_runs(d, cell->run, cell->nrun, 0, TX_BOLD, size);
		else if (cell != NULL) {
			struct run tmp;
			const struct run *r = layout_tables_cell(cell,
			    c < 64 ? dec[c] : 0, &tmp);

			d->soft = 1;	/* as the PDF: words of 8 letters */
			put_runs(d, r, cell->nrun, 0, 0, size);
			d->soft = 0;
			if (r == &tmp)
				free(tmp.text);
		}
		x_end(d);
		x_end(d);
		if (cell != NULL)
			cell = cell->next;
	}
	x_end(d);
}

/* A GFM table with the PDF's widths, text size and number columns; the
 * header row repeats on each page.  Its caption is the paragraph above. */
static void
dx_table(struct dx *d, const struct block *b)
{
	double width = d->tw - body_left(d) / TW_PER_PT, size;
	double *w = xcalloc((size_t)b->ncols + 1, sizeof(double));
	long *lw = xcalloc((size_t)b->ncols + 1, sizeof(long));
	unsigned char num[64], dec[64];
	const struct block *row;
	int c, nbody = 0, bi = 0;

	d->tab_next++;
	memset(num, 0, sizeof(num));
	memset(dec, 0, sizeof(dec));
	size = layout_tables_fit(d->lt, b, width, w, num, dec);
	for (c = 0; c < b->ncols; c++)
		lw[c] = tw(w[c]);
	d->item_first = 0;
	tbl_open(d, lw, b->ncols, 1, "center");
	for (row = b->first; row != NULL; row = row->next)
		nbody += !row->header;
	/* as layout_table.c's TABLE_SPLIT_MIN: at least two body rows on
	 * each side of a page break (a row kept with the next one) */
	for (row = b->first; row != NULL; row = row->next) {
		dx_table_row(d, b, row, lw, num, dec, size, row->header ||
		    bi == 0 || bi + 2 == nbody);
		bi += !row->header;
	}
	x_end(d);
	/* Word joins two tables in a row into one */
	if (b->next != NULL && b->next->type == BLK_TABLE) {
		struct pp p;

		pp_init(&p, "IsiTabel");
		p_open(d, &p);
		x_end(d);
	}
	free(w);
	free(lw);
}

/* A chart as its data table (docs/docx.md): the series across, a row per
 * `nilai` line, in the table's text size, numbers at the right. */
static void
dx_chart_table(struct dx *d, const struct block *b)
{
	char **c;
	size_t nr, nc, r, k;
	long *lw, width = tw(d->tw) - body_left(d), first;
	struct pp p;

	if (!layout_chart_cells(b, &c, &nr, &nc))
		return;
	lw = xcalloc(nc, sizeof(*lw));
	first = nc > 1 ? width * 2 / 5 : width;
	/* many series (the years of a trajectory): narrower labels, so that
	 * each value column holds a year on one line */
	if (nc > 1 && (width - first) / (long)(nc - 1) < tw_mm(CHART_MIN_MM))
		first = width - tw_mm(CHART_MIN_MM) * (long)(nc - 1);
	if (first < width / 5)
		first = width / 5;
	lw[0] = first;
	for (k = 1; k < nc; k++) {
		lw[k] = (width - first) / (long)(nc - 1);
		if (lw[k] > tw_mm(CHART_COL_MM))
			lw[k] = tw_mm(CHART_COL_MM);
	}
	tbl_open(d, lw, (int)nc, 1, "center");
	for (r = 0; r < nr; r++) {
		tr_open(d, r == 0);
		for (k = 0; k < nc; k++) {
			const char *t = c[r * nc + k];

			tc_open(d, lw[k], r == 0 ? "center" : NULL);
			pp_init(&p, "IsiTabel");
			p.jc = r == 0 ? "center" : k == 0 ? "left" : "right";
			p.keep_next = 1;	/* with the caption below */
			p_open(d, &p);
			run_text(d, t, strlen(t), r == 0 ? TX_BOLD : 0, 0);
			x_end(d);
			x_end(d);
			free(c[r * nc + k]);
		}
		x_end(d);
	}
	x_end(d);
	free(c);
	free(lw);
}

/* A figure: the image as the PDF drew it (its size), or a chart as its
 * data table, in a centred paragraph kept with its caption below. */
static void
dx_figure(struct dx *d, const struct block *b)
{
	size_t id = d->fig_next++;
	const struct page_fig *f = id < d->nfig ? d->fig[id] : NULL;
	struct pp p;

	d->item_first = 0;
	if (strcmp(b->name, "grafik") == 0) {
		/* set off from what is above (Word would join a table
		 * there to this one) */
		pp_init(&p, "Gambar");
		p_open(d, &p);
		x_end(d);
		dx_chart_table(d, b);
	}
	else if (f != NULL && f->box != (size_t)-1) {
		const struct page *pg = &d->pg->page[d->fig_page[id]];

		pp_init(&p, "Gambar");
		p_open(d, &p);
		if (f->box < pg->nbox && pg->box[f->box].type == BOX_IMAGE)
			dx_picture(d, pg->box[f->box].path, f->w, f->h);
		x_end(d);
	}
	pp_init(&p, "KeteranganGambar");
	p_open(d, &p);
	bookmark(d, LIST_FIGURES);
	put_runs(d, b->run, b->nrun, 0, 0, 0);
	x_end(d);
}

/*
 * One function per type of block.  Figures, footnotes and appendices
 * (issue 12) are to be further cases here, each with a function of its
 * own: a figure (or chart) as dx_picture in a centred paragraph with its
 * caption below (a chart, until it is a native DrawingML chart, as its data
 * table); a footnote as a w:footnoteReference run and an entry of a
 * word/footnotes.xml part.
 */
static void
dx_block(struct dx *d, const struct block *b)
{
	switch (b->type) {
	case BLK_PARAGRAPH:
		dx_paragraph(d, b);
		break;
	case BLK_HEADING:
		dx_heading(d, b);
		break;
	case BLK_LIST:
		dx_list(d, b);
		break;
	case BLK_ITEM:
	case BLK_DOCUMENT:
		dx_blocks(d, b);
		break;
	case BLK_QUOTE:
		dx_quote(d, b);
		break;
	case BLK_CODE:
		dx_code(d, b);
		break;
	case BLK_THEMATIC:
		dx_thematic(d, b);
		break;
	case BLK_TABLE:
		dx_table(d, b);
		break;
	case BLK_DIRECTIVE:
		dx_directive(d, b);
		break;
	case BLK_ROW:
	case BLK_CELL:
	case BLK_FIGURE:
		dx_figure(d, b);
		break;
	case BLK_FOOTNOTE:	/* in footnotes.xml (part_footnotes) */
		break;
	}
}

/*
 * Does a landscape table start at b?  As layout.c, the headings directly
 * above the table, its kind directive (`rencana-tabel`) and its caption go
 * with it onto its landscape pages.
 */
static int
lands_at(const struct dx *d, const struct block *b)
{
	for (; b != NULL; b = b->next)
		if (b->type == BLK_TABLE)
			return d->tab_next < d->ntab && d->tab_land[d->tab_next];
		else if (!(b->type == BLK_HEADING || (b->type == BLK_PARAGRAPH &&
		    b->is_caption) || (b->type == BLK_DIRECTIVE &&
		    strcmp(b->name, "tabel") == 0)))
			return 0;
	return 0;
}

/* The blocks of parent; a landscape table (with what goes with it) in a
 * section of its own, in the body. */
static void
dx_blocks(struct dx *d, const struct block *parent)
{
	const struct block *b;

	for (b = parent->first; b != NULL; b = b->next) {
		if (d->in_body && !d->land && lands_at(d, b)) {
			if (!d->fresh) {
				sect_break(d, d->body_more ? SECT_MORE :
				    SECT_BODY);
				d->body_more = 1;
			}
			d->land = 1;
			d->tw = body_width(d->st, 1);
		}
		dx_block(d, b);
		if (d->land && b->type == BLK_TABLE && !lands_at(d, b->next)) {
			sect_break(d, SECT_LAND);
			d->body_more = 1;
			d->land = 0;
			d->tw = body_width(d->st, 0);
		}
	}
}

/* ---- styles.xml ---- */

/* The family name of a font file: "LiberationSans-Bold.ttf" is
 * "Liberation Sans" (a space before each capital that follows a small
 * letter, up to the first '-' or '.'). */
static char *
font_family(const char *file)
{
	const char *b = strrchr(file, '/');
	struct buf f = BUF_INIT;
	size_t i;

	b = b != NULL ? b + 1 : file;
	for (i = 0; b[i] != '\0' && b[i] != '-' && b[i] != '.'; i++) {
		if (i > 0 && b[i] >= 'A' && b[i] <= 'Z' && b[i - 1] >= 'a' &&
		    b[i - 1] <= 'z')
			buf_putc(&f, ' ');
		buf_putc(&f, b[i]);
	}
	if (f.len == 0)
		buf_puts(&f, "Liberation Sans");
	return buf_detach(&f);
}

static void
fonts(struct dx *d, const char *family)
{
	x_start(d, "w:rFonts");
	x_attr(d, "w:ascii", family);
	x_attr(d, "w:hAnsi", family);
	x_attr(d, "w:cs", family);
	x_attr(d, "w:eastAsia", family);
	x_end(d);
}

/* A style element; type "paragraph", "character" or "table". */
static void
style_open(struct dx *d, const char *type, const char *id, const char *name,
    const char *based)
{
	x_start(d, "w:style");
	x_attr(d, "w:type", type);
	if (strcmp(id, "Normal") == 0)
		x_attr(d, "w:default", "1");
	x_attr(d, "w:styleId", id);
	x_val(d, "w:name", name);
	if (based != NULL)
		x_val(d, "w:basedOn", based);
	if (strcmp(type, "paragraph") == 0 && strncmp(id, "Heading", 7) == 0)
		x_val(d, "w:next", "Normal");
	x_val(d, "w:qFormat", NULL);
}

/* A paragraph style: properties p, bold, size (0: inherited). */
static void
pstyle(struct dx *d, const char *id, const char *name, const struct pp *p,
    int bold, double size, const char *font)
{
	style_open(d, "paragraph", id, name, "Normal");
	x_start(d, "w:pPr");
	p_props(d, p, 0);
	x_end(d);
	if (bold || size > 0 || font != NULL) {
		x_start(d, "w:rPr");
		if (font != NULL)
			fonts(d, font);
		if (bold)
			x_val(d, "w:b", NULL);
		if (size > 0) {
			x_vali(d, "w:sz", lround(size * 2));
			x_vali(d, "w:szCs", lround(size * 2));
		}
		x_end(d);
	}
	x_end(d);
}

/* Borders of a table style: single half-point lines, or none. */
static void
table_style(struct dx *d, const char *id, const char *name, int borders)
{
	static const char *const side[] = { "w:top", "w:left", "w:bottom",
	    "w:right", "w:insideH", "w:insideV" };
	size_t i;

	style_open(d, "table", id, name, NULL);
	x_start(d, "w:tblPr");
	x_start(d, "w:tblBorders");
	for (i = 0; i < sizeof(side) / sizeof(side[0]); i++) {
		x_start(d, side[i]);
		x_attr(d, "w:val", borders ? "single" : "nil");
		if (borders) {
			x_attr(d, "w:sz", "4");
			x_attr(d, "w:space", "0");
			x_attr(d, "w:color", "auto");
		}
		x_end(d);
	}
	x_end(d);
	/* layout_table.c's CELL_PAD (3 pt) above and below; 2.5 pt at the
	 * sides, since Word and LibreOffice take the half-point rules out of
	 * the cell: the PDF's widths then hold the same words on a line */
	x_start(d, "w:tblCellMar");
	for (i = 0; i < 4; i++) {
		x_start(d, side[i]);
		x_attr(d, "w:w", !borders ? "0" : i % 2 == 0 ? "60" : "50");
		x_attr(d, "w:type", "dxa");
		x_end(d);
	}
	x_end(d);
	x_end(d);
	x_end(d);
}

/* The defaults and Normal: the template's font, size, spacing, indent. */
static void
styles_base(struct dx *d, const char *family, const char *lang)
{
	const struct style *st = d->st;
	struct pp p;

	x_start(d, "w:docDefaults");
	x_start(d, "w:rPrDefault");
	x_start(d, "w:rPr");
	fonts(d, family);
	x_vali(d, "w:sz", lround(st->body_size_pt * 2));
	x_vali(d, "w:szCs", lround(st->body_size_pt * 2));
	x_start(d, "w:lang");
	x_attr(d, "w:val", lang);
	x_attr(d, "w:eastAsia", lang);
	x_attr(d, "w:bidi", "ar-SA");
	x_end(d);
	x_end(d);
	x_end(d);
	x_start(d, "w:pPrDefault");
	x_start(d, "w:pPr");
	pp_init(&p, NULL);
	p.after = 0;
	p.line = 240;
	p_spacing(d, &p);
	x_end(d);
	x_end(d);
	x_end(d);

	style_open(d, "paragraph", "Normal", "Normal", NULL);
	pp_init(&p, NULL);
	p.after = tw(st->paragraph_space_pt);
	p.line = lround(240 * st->line_spacing);
	p.first = tw_mm(st->first_indent_mm);
	p.jc = "both";
	x_start(d, "w:pPr");
	x_val(d, "w:widowControl", NULL);
	p_props(d, &p, 0);
	x_end(d);
	x_end(d);
}

/* The headings: chapters centred (BAB I over the title), sections and
 * subsections at the left, each kept with what follows. */
static void
styles_headings(struct dx *d)
{
	const struct style *st = d->st;
	double lh = st->body_size_pt * 1.15 * st->line_spacing;
	const double size[3] = { st->h1_size_pt, st->h2_size_pt, st->h3_size_pt };
	static const char *const id[3] = { "Heading1", "Heading2", "Heading3" };
	static const char *const name[3] = { "heading 1", "heading 2",
	    "heading 3" };
	struct pp p;
	int k;

	for (k = 0; k < 3; k++) {
		pp_init(&p, NULL);
		p.keep_next = p.keep_lines = 1;
		p.before = k == 0 ? 0 : tw(lh / 2);
		p.after = k == 0 ? tw(lh) : tw(st->paragraph_space_pt);
		if (k == 0)
			p.line = 240;
		p.first = 0;
		p.jc = k == 0 ? "center" : "left";
		p.outline = k;
		pstyle(d, id[k], name[k], &p, 1, size[k], NULL);
	}
}

/* Captions, the lists' entries, the cover, cells, quotes, code, rules,
 * headers and footers. */
static void
styles_other(struct dx *d)
{
	const struct style *st = d->st;
	double lh = st->body_size_pt * 1.15 * st->line_spacing;
	struct pp p;
	int k;

	pp_init(&p, NULL);
	p.keep_next = 1;
	p.before = tw(lh / 2);
	p.after = tw(4);
	p.line = 240;
	p.first = 0;
	p.jc = "center";
	pstyle(d, "Caption", "caption", &p, 0, 0, NULL);
	/* a figure: the picture kept with its caption, which stands below */
	p.before = tw(lh / 2);
	p.after = tw(6);	/* as layout_figure.c's FIG_CAPTION_GAP */
	pstyle(d, "Gambar", "Gambar", &p, 0, 0, NULL);
	p.keep_next = 0;
	p.before = 0;
	p.after = tw(st->paragraph_space_pt);
	pstyle(d, "KeteranganGambar", "Keterangan Gambar", &p, 0, 0, NULL);
	for (k = 0; k < 2; k++) {
		pp_init(&p, NULL);
		p.after = 0;
		p.first = 0;
		p.jc = "left";
		p.ind_left = tw_mm(k * (TOC_INDENT_MM + TOC_HANG_MM));
		p.hanging = k > 0 ? tw_mm(TOC_HANG_MM) : 0;
		pstyle(d, k == 0 ? "TOC1" : "TOC2", k == 0 ? "toc 1" : "toc 2",
		    &p, 0, 0, NULL);
	}
	p.ind_left = p.hanging = tw_mm(TOC_HANG_MM * 2.2);
	pstyle(d, "DaftarTabel", "table of figures", &p, 0, 0, NULL);
	/* "Gambar 2.1" is longer than "Tabel 2.1" */
	p.ind_left = p.hanging = tw_mm(TOC_HANG_MM * 2.8);
	pstyle(d, "DaftarGambar", "Daftar Gambar", &p, 0, 0, NULL);
	pp_init(&p, NULL);
	p.after = 0;
	p.line = 240;
	p.first = 0;
	p.jc = "center";
	pstyle(d, "Sampul", "Sampul", &p, 0, 0, NULL);
	pp_init(&p, NULL);
	p.after = 0;
	p.first = 0;
	p.jc = "center";
	pstyle(d, "TandaTangan", "Tanda Tangan", &p, 0, 0, NULL);
	/* an appendix's head: single lines, a line's space below */
	p.jc = "left";
	p.line = 240;
	p.after = tw(lh);
	pstyle(d, "KepalaLampiran", "Kepala Lampiran", &p, 0, 0, NULL);
	pp_init(&p, NULL);
	p.after = 0;
	p.before = 0;
	p.line = 240;
	p.first = 0;
	p.jc = "left";
	pstyle(d, "IsiTabel", "Isi Tabel", &p, 0, st->table_size_pt, NULL);
	pstyle(d, "Header", "header", &p, 0, 0, NULL);
	pstyle(d, "Footer", "footer", &p, 0, 0, NULL);
	p.after = tw(st->paragraph_space_pt);
	pstyle(d, "Kode", "Kode", &p, 0, st->body_size_pt - 2,
	    "Liberation Mono");
	pp_init(&p, NULL);
	p.first = 0;
	pstyle(d, "DaftarButir", "List Paragraph", &p, 0, 0, NULL);
	p.ind_left = p.ind_right = tw_mm(QUOTE_INDENT_MM);
	pstyle(d, "Kutipan", "Quote", &p, 0, 0, NULL);
	pp_init(&p, NULL);
	p.first = 0;
	p.rule_below = 1;
	p.line = 240;
	pstyle(d, "Garis", "Garis", &p, 0, 0, NULL);
	/* footnotes: the PDF's FN_PT (layout_page.c), single spaced */
	pp_init(&p, NULL);
	p.after = 0;
	p.line = 240;
	p.first = 0;
	p.jc = "both";
	pstyle(d, "TeksCatatanKaki", "footnote text", &p, 0, 10, NULL);
	style_open(d, "character", "RefCatatanKaki", "footnote reference",
	    NULL);
	x_start(d, "w:rPr");
	x_val(d, "w:vertAlign", "superscript");
	x_end(d);
	x_end(d);
	style_open(d, "character", "KodeInline", "Kode Inline", NULL);
	x_start(d, "w:rPr");
	fonts(d, "Liberation Mono");
	x_end(d);
	x_end(d);
	table_style(d, "TabelRencana", "Tabel Rencana", 1);
	table_style(d, "TabelPolos", "Tabel Polos", 0);
}

static void
part_styles(struct dx *d, const char *lang)
{
	char *family = font_family(d->st->font[FONT_REGULAR] != NULL ?
	    d->st->font[FONT_REGULAR] : "");

	x_start(d, "w:styles");
	x_attr(d, "xmlns:w", NS_W);
	styles_base(d, family, lang);
	styles_headings(d);
	styles_other(d);
	x_end(d);
	free(family);
}

/* ---- numbering.xml: bullets and numbers as layout.c sets them ---- */

/* Level k of an abstract numbering: bullets alternate "•" and "-";
 * numbers go 1., a., 1., i., 1., a., ... (layout.c's lay_list). */
static void
num_level(struct dx *d, int ordered, int k)
{
	static const char *const fmt[4] = { "decimal", "lowerLetter",
	    "decimal", "lowerRoman" };
	char text[16];

	x_start(d, "w:lvl");
	x_attri(d, "w:ilvl", k);
	x_vali(d, "w:start", 1);
	x_val(d, "w:numFmt", ordered ? fmt[k % 4] : "bullet");
	snprintf(text, sizeof(text), "%%%d.", k % 9 + 1);
	x_val(d, "w:lvlText", ordered ? text : k % 2 == 0 ? "\xe2\x80\xa2" : "-");
	x_val(d, "w:lvlJc", "left");
	x_start(d, "w:pPr");
	x_start(d, "w:ind");
	x_attri(d, "w:left", tw_mm(LIST_INDENT_MM * (k + 1)));
	x_attri(d, "w:hanging", tw_mm(LIST_INDENT_MM));
	x_end(d);
	x_end(d);
	x_end(d);
}

static void
part_numbering(struct dx *d)
{
	size_t i;
	int a, k;

	x_start(d, "w:numbering");
	x_attr(d, "xmlns:w", NS_W);
	for (a = 0; a < 2; a++) {
		x_start(d, "w:abstractNum");
		x_attri(d, "w:abstractNumId", a);
		x_val(d, "w:multiLevelType", "multilevel");
		for (k = 0; k < 9; k++)
			num_level(d, a, k);
		x_end(d);
	}
	for (i = 0; i < d->nnum; i++) {
		x_start(d, "w:num");
		x_attri(d, "w:numId", (long)i + 1);
		x_vali(d, "w:abstractNumId", d->num[i].ordered);
		if (d->num[i].ordered) {
			x_start(d, "w:lvlOverride");
			x_attri(d, "w:ilvl", d->num[i].depth);
			x_vali(d, "w:startOverride", d->num[i].start);
			x_end(d);
		}
		x_end(d);
	}
	x_end(d);
}

/* ---- headers and footers ---- */

/* The draft mark: Word's own watermark, a VML text path behind the text.
 * The shape type is Word's fixed definition of a text-path shape (136). */
static void
watermark(struct dx *d)
{
	static const char shapetype[] =
	    "<v:shapetype id=\"_x0000_t136\" coordsize=\"21600,21600\" "
	    "o:spt=\"136\" adj=\"10800\" path=\"m@7,l@8,m@5,21600l@6,21600e\">"
	    "<v:formulas><v:f eqn=\"sum #0 0 10800\"/><v:f eqn=\"prod #0 2 1\"/>"
	    "<v:f eqn=\"sum 21600 0 @1\"/><v:f eqn=\"sum 0 0 @2\"/>"
	    "<v:f eqn=\"sum 21600 0 @3\"/><v:f eqn=\"if @0 @3 0\"/>"
	    "<v:f eqn=\"if @0 21600 @1\"/><v:f eqn=\"if @0 0 @2\"/>"
	    "<v:f eqn=\"if @0 @4 21600\"/><v:f eqn=\"mid @5 @6\"/>"
	    "<v:f eqn=\"mid @8 @5\"/><v:f eqn=\"mid @7 @8\"/>"
	    "<v:f eqn=\"mid @6 @7\"/><v:f eqn=\"sum @6 0 @5\"/></v:formulas>"
	    "<v:path textpathok=\"t\" o:connecttype=\"custom\" "
	    "o:connectlocs=\"@9,0;@10,10800;@11,21600;@12,10800\" "
	    "o:connectangles=\"270,180,90,0\"/>"
	    "<v:textpath on=\"t\" fitshape=\"t\"/>"
	    "<o:lock v:ext=\"edit\" text=\"t\" shapetype=\"t\"/></v:shapetype>";
	char style[320], *family;

	family = font_family(d->st->font[FONT_BOLD] != NULL ?
	    d->st->font[FONT_BOLD] : "");
	snprintf(style, sizeof(style), "position:absolute;margin-left:0;"
	    "margin-top:0;width:%.0fpt;height:%.0fpt;rotation:315;"
	    "z-index:-251657216;mso-position-horizontal:center;"
	    "mso-position-horizontal-relative:margin;"
	    "mso-position-vertical:center;mso-position-vertical-relative:margin",
	    MARK_W_PT, MARK_H_PT);
	x_start(d, "w:r");
	x_start(d, "w:pict");
	ck(d, xmlTextWriterWriteRaw(d->w, BAD_CAST shapetype));
	x_start(d, "v:shape");
	x_attr(d, "id", "PowerPlusWaterMarkObject1");
	x_attr(d, "o:spid", "_x0000_s2049");
	x_attr(d, "type", "#_x0000_t136");
	x_attr(d, "style", style);
	x_attr(d, "o:allowincell", "f");
	x_attr(d, "fillcolor", "silver");
	x_attr(d, "stroked", "f");
	x_start(d, "v:fill");
	x_attr(d, "opacity", ".5");
	x_end(d);
	x_start(d, "v:textpath");
	snprintf(style, sizeof(style), "font-family:\"%s\";font-size:1pt;"
	    "font-weight:bold", family);
	x_attr(d, "style", style);
	{
		char *c = clean_utf8(d->mark, strlen(d->mark));

		x_attr(d, "string", *c != '\0' ? c : "KONSEP");
		free(c);
	}
	x_end(d);
	x_start(d, "w10:wrap");
	x_attr(d, "anchorx", "margin");
	x_attr(d, "anchory", "margin");
	x_end(d);
	x_end(d);	/* v:shape */
	x_end(d);
	x_end(d);
	free(family);
}

/* A PAGE field, in "- n -" when dashes. */
static void
page_field(struct dx *d, int dashes)
{
	if (dashes)
		run_utf8(d, "- ", 2, 0, 0);
	fld_char(d, "begin");
	fld_instr(d, " PAGE ");
	fld_char(d, "separate");
	run_utf8(d, "1", 1, 0, 0);
	fld_char(d, "end");
	if (dashes)
		run_utf8(d, " -", 2, 0, 0);
}

static void
hf_open(struct dx *d, const char *el)
{
	x_start(d, el);
	x_attr(d, "xmlns:w", NS_W);
	x_attr(d, "xmlns:r", NS_R);
	x_attr(d, "xmlns:v", "urn:schemas-microsoft-com:vml");
	x_attr(d, "xmlns:o", "urn:schemas-microsoft-com:office:office");
	x_attr(d, "xmlns:w10", "urn:schemas-microsoft-com:office:word");
}

/* A header: the draft's words (kepala) and mark, and with `numbered` the
 * page number at the top centre (naskah dinas). */
static void
part_header(struct dx *d, int numbered)
{
	struct pp p;

	hf_open(d, "w:hdr");
	pp_init(&p, "Header");
	p_open(d, &p);
	if (d->kepala != NULL)
		run_utf8(d, d->kepala, strlen(d->kepala), TX_ITALIC, 8);
	if (d->mark != NULL)
		watermark(d);
	x_end(d);
	if (numbered) {
		p.jc = "center";
		p_open(d, &p);
		page_field(d, 1);
		x_end(d);
	}
	x_end(d);
}

static void
part_footer(struct dx *d, int numbered)
{
	struct pp p;
	size_t i;

	hf_open(d, "w:ftr");
	/* a signed document's footer (layout_tte.c): its lines centred in
	 * small type, above the page number */
	for (i = 0; d->tte != NULL && i < d->tte->nkv; i++)
		if (strcmp(d->tte->kv[i].key, "baris") == 0) {
			pp_init(&p, "Footer");
			p.jc = "center";
			p_utf8(d, &p, d->tte->kv[i].value, 0, TTE_FOOT_PT);
		}
	if (numbered) {
		pp_init(&p, "Footer");
		p.jc = d->st->pagenum == PAGENUM_BOTTOM_RIGHT ? "right" :
		    "center";
		p_open(d, &p);
		page_field(d, 0);
		x_end(d);
	}
	x_end(d);
}

/* ---- the package's other parts ---- */

static void
part_settings(struct dx *d, const char *lang)
{
	x_start(d, "w:settings");
	x_attr(d, "xmlns:w", NS_W);
	x_vali(d, "w:defaultTabStop", tw_mm(12.5));
	x_val(d, "w:characterSpacingControl", "doNotCompress");
	if (d->nnote > 0) {
		/* the separators (footnotes.xml), as Word lists them */
		x_start(d, "w:footnotePr");
		x_start(d, "w:footnote");
		x_attr(d, "w:id", "-1");
		x_end(d);
		x_start(d, "w:footnote");
		x_attr(d, "w:id", "0");
		x_end(d);
		x_end(d);
	}
	x_start(d, "w:compat");
	/* a line ended by a hard break is not stretched (the PDF's too) */
	x_val(d, "w:doNotExpandShiftReturn", NULL);
	x_start(d, "w:compatSetting");
	x_attr(d, "w:name", "compatibilityMode");
	x_attr(d, "w:uri", "http://schemas.microsoft.com/office/word");
	x_attr(d, "w:val", "15");
	x_end(d);
	x_end(d);
	/* after w:compat: the schema's order (Word refuses others) */
	x_start(d, "w:themeFontLang");
	x_attr(d, "w:val", lang);
	x_end(d);
	x_end(d);
}

static void
part_core(struct dx *d)
{
	const struct doc_meta *m = &d->pg->meta;
	char date[32];
	const char *const fields[4][2] = { { "dc:title", m->title },
	    { "dc:subject", m->subject }, { "dc:creator", m->author },
	    { "cp:keywords", m->keywords } };
	size_t i;

	x_start(d, "cp:coreProperties");
	x_attr(d, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/"
	    "metadata/core-properties");
	x_attr(d, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	x_attr(d, "xmlns:dcterms", "http://purl.org/dc/terms/");
	x_attr(d, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	for (i = 0; i < 4; i++)
		if (fields[i][1] != NULL) {
			char *c = clean_utf8(fields[i][1],
			    strlen(fields[i][1]));

			x_elem_text(d, fields[i][0], c);
			free(c);
		}
	x_elem_text(d, "dc:language", m->lang != NULL ? m->lang : "id-ID");
	if (m->date >= 0) {
		time_t t = (time_t)m->date;
		struct tm tm;

		gmtime_r(&t, &tm);
		strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%SZ", &tm);
		x_start(d, "dcterms:created");
		x_attr(d, "xsi:type", "dcterms:W3CDTF");
		ck(d, xmlTextWriterWriteString(d->w, BAD_CAST date));
		x_end(d);
		x_start(d, "dcterms:modified");
		x_attr(d, "xsi:type", "dcterms:W3CDTF");
		ck(d, xmlTextWriterWriteString(d->w, BAD_CAST date));
		x_end(d);
	}
	x_end(d);
}

static void
part_app(struct dx *d)
{
	x_start(d, "Properties");
	x_attr(d, "xmlns", "http://schemas.openxmlformats.org/officeDocument/"
	    "2006/extended-properties");
	x_elem_text(d, "Application", "rencana");
	x_end(d);
}

static void
ct_override(struct dx *d, const char *part, const char *type)
{
	x_start(d, "Override");
	x_attr(d, "PartName", part);
	x_attr(d, "ContentType", type);
	x_end(d);
}

#define CT_WML	"application/vnd.openxmlformats-officedocument.wordprocessingml."

static void
part_content_types(struct dx *d, int header2, int footer)
{
	x_start(d, "Types");
	x_attr(d, "xmlns", "http://schemas.openxmlformats.org/package/2006/"
	    "content-types");
	x_start(d, "Default");
	x_attr(d, "Extension", "rels");
	x_attr(d, "ContentType", "application/vnd.openxmlformats-package."
	    "relationships+xml");
	x_end(d);
	x_start(d, "Default");
	x_attr(d, "Extension", "xml");
	x_attr(d, "ContentType", "application/xml");
	x_end(d);
	x_start(d, "Default");
	x_attr(d, "Extension", "png");
	x_attr(d, "ContentType", "image/png");
	x_end(d);
	x_start(d, "Default");
	x_attr(d, "Extension", "jpeg");
	x_attr(d, "ContentType", "image/jpeg");
	x_end(d);
	x_start(d, "Default");
	x_attr(d, "Extension", "bmp");
	x_attr(d, "ContentType", "image/bmp");
	x_end(d);
	ct_override(d, "/word/document.xml", CT_WML "document.main+xml");
	ct_override(d, "/word/styles.xml", CT_WML "styles+xml");
	ct_override(d, "/word/settings.xml", CT_WML "settings+xml");
	ct_override(d, "/word/numbering.xml", CT_WML "numbering+xml");
	ct_override(d, "/word/header1.xml", CT_WML "header+xml");
	if (header2)
		ct_override(d, "/word/header2.xml", CT_WML "header+xml");
	if (footer)
		ct_override(d, "/word/footer1.xml", CT_WML "footer+xml");
	if (d->tte != NULL)
		ct_override(d, "/word/footer2.xml", CT_WML "footer+xml");
	if (d->nnote > 0)
		ct_override(d, "/word/footnotes.xml", CT_WML "footnotes+xml");
	ct_override(d, "/docProps/core.xml", "application/vnd.openxmlformats-"
	    "package.core-properties+xml");
	ct_override(d, "/docProps/app.xml", "application/vnd.openxmlformats-"
	    "officedocument.extended-properties+xml");
	x_end(d);
}

static void
rel(struct dx *d, const char *id, const char *type, const char *target)
{
	x_start(d, "Relationship");
	x_attr(d, "Id", id);
	x_attr(d, "Type", type);
	x_attr(d, "Target", target);
	x_end(d);
}

#define RT_OD	"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static void
part_package_rels(struct dx *d)
{
	x_start(d, "Relationships");
	x_attr(d, "xmlns", NS_REL);
	rel(d, "rId1", RT_OD "officeDocument", "word/document.xml");
	rel(d, "rId2", "http://schemas.openxmlformats.org/package/2006/"
	    "relationships/metadata/core-properties", "docProps/core.xml");
	rel(d, "rId3", RT_OD "extended-properties", "docProps/app.xml");
	x_end(d);
}

static void
part_document_rels(struct dx *d, int header2, int footer)
{
	size_t i;

	x_start(d, "Relationships");
	x_attr(d, "xmlns", NS_REL);
	rel(d, "rIdStyles", RT_OD "styles", "styles.xml");
	rel(d, "rIdSettings", RT_OD "settings", "settings.xml");
	rel(d, "rIdNumbering", RT_OD "numbering", "numbering.xml");
	rel(d, "rIdHeader1", RT_OD "header", "header1.xml");
	if (header2)
		rel(d, "rIdHeader2", RT_OD "header", "header2.xml");
	if (footer)
		rel(d, "rIdFooter1", RT_OD "footer", "footer1.xml");
	if (d->tte != NULL)
		rel(d, "rIdFooter2", RT_OD "footer", "footer2.xml");
	if (d->nnote > 0)
		rel(d, "rIdFootnotes", RT_OD "footnotes", "footnotes.xml");
	for (i = 0; i < d->nmedia; i++) {
		char id[32], target[64];

		snprintf(id, sizeof(id), "rIdImage%zu", i + 1);
		snprintf(target, sizeof(target), "media/%s", d->media[i].name);
		rel(d, id, RT_OD "image", target);
	}
	x_end(d);
}

static void
part_document(struct dx *d, const struct block *doc)
{
	x_start(d, "w:document");
	x_attr(d, "xmlns:w", NS_W);
	x_attr(d, "xmlns:r", NS_R);
	x_attr(d, "xmlns:wp", NS_WP);
	x_start(d, "w:body");
	d->fresh = 1;
	dx_blocks(d, doc);
	sect_props(d, d->body_more ? SECT_MORE : SECT_BODY);
	x_end(d);
	x_end(d);
}

/* ---- footnotes.xml ---- */

/* A separator footnote (the line above the footnotes, and its form when
 * a footnote goes on to the next page). */
static void
note_separator(struct dx *d, int id, const char *type, const char *el)
{
	x_start(d, "w:footnote");
	x_attr(d, "w:type", type);
	x_attri(d, "w:id", id);
	x_start(d, "w:p");
	x_start(d, "w:pPr");
	x_start(d, "w:spacing");
	x_attr(d, "w:after", "0");
	x_attr(d, "w:line", "240");
	x_attr(d, "w:lineRule", "auto");
	x_end(d);
	x_end(d);
	x_start(d, "w:r");
	x_val(d, el, NULL);
	x_end(d);
	x_end(d);
	x_end(d);
}

/* The highest footnote number in the tree (0: none); the footnotes are
 * children of the document. */
static int
count_notes(const struct block *doc)
{
	const struct block *b;
	int n = 0;

	for (b = doc->first; b != NULL; b = b->next)
		if (b->type == BLK_FOOTNOTE && b->counter == CNT_FOOTNOTE &&
		    b->number > n)
			n = b->number;
	return n;
}

/* A footnote's number at the start of its text, and a space. */
static void
note_mark(struct dx *d)
{
	x_start(d, "w:r");
	x_start(d, "w:rPr");
	x_val(d, "w:rStyle", "RefCatatanKaki");
	x_end(d);
	x_val(d, "w:footnoteRef", NULL);
	x_end(d);
	run_utf8(d, " ", 1, 0, 0);
}

/* Each numbered footnote as a w:footnote whose id is its number: its
 * paragraphs in the style "footnote text", the number (w:footnoteRef)
 * before the first; other blocks in it as in the body. */
static void
part_footnotes(struct dx *d, const struct block *doc)
{
	const struct block *b, *c;
	struct pp p;

	x_start(d, "w:footnotes");
	x_attr(d, "xmlns:w", NS_W);
	x_attr(d, "xmlns:r", NS_R);
	note_separator(d, -1, "separator", "w:separator");
	note_separator(d, 0, "continuationSeparator",
	    "w:continuationSeparator");
	for (b = doc->first; b != NULL; b = b->next) {
		if (b->type != BLK_FOOTNOTE || b->counter != CNT_FOOTNOTE)
			continue;
		x_start(d, "w:footnote");
		x_attri(d, "w:id", b->number);
		for (c = b->first; c != NULL; c = c->next) {
			if (c->type != BLK_PARAGRAPH) {
				dx_block(d, c);
				continue;
			}
			pp_init(&p, "TeksCatatanKaki");
			p_open(d, &p);
			if (c == b->first)
				note_mark(d);
			put_runs(d, c->run, c->nrun, 0, 0, 0);
			x_end(d);
		}
		if (b->first == NULL || b->first->type != BLK_PARAGRAPH) {
			/* the number on a paragraph of its own */
			pp_init(&p, "TeksCatatanKaki");
			p_open(d, &p);
			note_mark(d);
			x_end(d);
		}
		x_end(d);
	}
	x_end(d);
}

/* ---- the whole ---- */

/* The draft's mark and header words, from a rencana-konsep at top level;
 * a signed document's rencana-tte. */
static void
find_draft(struct dx *d, const struct block *doc)
{
	const struct block *b;

	for (b = doc->first; b != NULL; b = b->next) {
		const char *t;

		if (b->type == BLK_DIRECTIVE && strcmp(b->name, "tte") == 0)
			d->tte = b;
		if (b->type != BLK_DIRECTIVE || strcmp(b->name, "konsep") != 0)
			continue;
		t = blocks_kv(b, "teks");
		if (t == NULL)
			t = d->st->draft_word != NULL ? d->st->draft_word : "KONSEP";
		free(d->mark);
		free(d->kepala);
		d->mark = xstrdup(t);
		d->kepala = blocks_kv(b, "kepala") != NULL ?
		    xstrdup(blocks_kv(b, "kepala")) : NULL;
	}
}

/* The hyphenator with the style's exceptions (UTF-8 there, WinAnsi
 * here), as layout.c makes it. */
static struct hyph *
new_hyph(const struct style *st)
{
	char **exc = xcalloc(st->nhyph_exceptions + 1, sizeof(*exc));
	struct hyph *hy;
	size_t i, n;

	for (i = 0; i < st->nhyph_exceptions; i++)
		exc[i] = winansi_from_utf8(st->hyph_exceptions[i],
		    strlen(st->hyph_exceptions[i]), &n, NULL);
	hy = hyph_new((const char *const *)exc, st->nhyph_exceptions);
	for (i = 0; i < st->nhyph_exceptions; i++)
		free(exc[i]);
	free(exc);
	return hy;
}

enum { P_CT, P_RELS, P_CORE, P_APP, P_DOC, P_STYLES, P_SETTINGS, P_NUM,
	P_H1, P_H2, P_F1, P_F2, P_FOOT, P_DOCRELS, P__N };

static const char *const part_name[P__N] = { "[Content_Types].xml",
    "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
    "word/document.xml", "word/styles.xml", "word/settings.xml",
    "word/numbering.xml", "word/header1.xml", "word/header2.xml",
    "word/footer1.xml", "word/footer2.xml", "word/footnotes.xml", "word/_rels/document.xml.rels" };

/* Every part, the document first (it finds the lists and images the
 * others name). */
static void
make_parts(struct dx *d, const struct block *doc, struct buf *part)
{
	const char *lang = d->pg->meta.lang != NULL ? d->pg->meta.lang : "id-ID";
	int h2 = d->st->pagenum == PAGENUM_TOP_CENTER;
	int f1 = d->st->pagenum == PAGENUM_BOTTOM_CENTER ||
	    d->st->pagenum == PAGENUM_BOTTOM_RIGHT;
	xmlBufferPtr b;

	b = part_begin(d);
	part_document(d, doc);
	part_end(d, b, &part[P_DOC]);
	b = part_begin(d);
	part_content_types(d, h2, f1);
	part_end(d, b, &part[P_CT]);
	b = part_begin(d);
	part_package_rels(d);
	part_end(d, b, &part[P_RELS]);
	b = part_begin(d);
	part_core(d);
	part_end(d, b, &part[P_CORE]);
	b = part_begin(d);
	part_app(d);
	part_end(d, b, &part[P_APP]);
	b = part_begin(d);
	part_styles(d, lang);
	part_end(d, b, &part[P_STYLES]);
	b = part_begin(d);
	part_settings(d, lang);
	part_end(d, b, &part[P_SETTINGS]);
	b = part_begin(d);
	part_numbering(d);
	part_end(d, b, &part[P_NUM]);
	b = part_begin(d);
	part_header(d, 0);
	part_end(d, b, &part[P_H1]);
	if (h2) {
		b = part_begin(d);
		part_header(d, 1);
		part_end(d, b, &part[P_H2]);
	}
	if (f1) {
		b = part_begin(d);
		part_footer(d, 1);
		part_end(d, b, &part[P_F1]);
	}
	if (d->tte != NULL) {
		b = part_begin(d);
		part_footer(d, 0);
		part_end(d, b, &part[P_F2]);
	}
	if (d->nnote > 0) {
		b = part_begin(d);
		part_footnotes(d, doc);
		part_end(d, b, &part[P_FOOT]);
	}
	b = part_begin(d);
	part_document_rels(d, h2, f1);
	part_end(d, b, &part[P_DOCRELS]);
}

/* The parts into the archive in their fixed order, the images before the
 * document's relationships. */
static int
zip_parts(struct dx *d, struct buf *part, struct buf *out)
{
	struct zipout *z;
	const char *why = NULL;
	size_t i;
	int k;

	if ((z = zipout_new(d->pg->meta.date >= 0 ? d->pg->meta.date : 0,
	    &why)) == NULL)
		goto fail;
	for (k = 0; k < P__N; k++) {
		if (k == P_DOCRELS)
			for (i = 0; i < d->nmedia; i++) {
				char *name = xasprintf("word/media/%s",
				    d->media[i].name);
				int rc = zipout_add(z, name, d->media[i].data.data,
				    d->media[i].data.len, &why);

				free(name);
				if (rc != 0)
					goto fail;
			}
		if (part[k].len > 0 && zipout_add(z, part_name[k], part[k].data,
		    part[k].len, &why) != 0)
			goto fail;
	}
	if (zipout_finish(z, out, &why) == 0)
		return 0;
	z = NULL;
fail:
	zipout_free(z);
	diag_add(d->dl, D_IO_WRITE, NULL, NULL,
	    "cannot make the Word document: %s", why);
	return -1;
}

int
docx_write(const struct block *doc, const struct style *st,
    const struct metrics *m, const struct doc_pages *pages, struct buf *out,
    struct diag_list *dl)
{
	struct dx d;
	struct buf part[P__N];
	size_t i;
	int k, rc = PDF_OK;

	docx_init();
	if (!xml_loaded) {
		diag_add(dl, D_IO_WRITE, NULL, NULL, "cannot make the Word "
		    "document: libxml2 (%s, Debian package libxml2) cannot be "
		    "loaded", DOCX_XML_SONAME);
		return PDF_FAIL;
	}
	memset(&d, 0, sizeof(d));
	memset(part, 0, sizeof(part));
	d.st = st;
	d.m = m;
	d.pg = pages;
	d.dl = dl;
	d.tw = body_width(st, 0);
	d.lt = layout_tables_new(st, m);
	d.hy = st->hyphenate ? new_hyph(st) : NULL;
	find_draft(&d, doc);
	d.nnote = count_notes(doc);
	d.noted = xcalloc((size_t)d.nnote + 1, 1);
	collect(&d, doc);
	make_parts(&d, doc, part);
	if (d.bad_input)
		rc = PDF_BAD_INPUT;
	else if (d.err) {
		diag_add(dl, D_IO_WRITE, NULL, NULL, "cannot make the Word "
		    "document: libxml2 could not write a part");
		rc = PDF_FAIL;
	} else if (zip_parts(&d, part, out) != 0)
		rc = PDF_FAIL;
	for (k = 0; k < P__N; k++)
		buf_free(&part[k]);
	for (i = 0; i < d.nmedia; i++) {
		free(d.media[i].name);
		buf_free(&d.media[i].data);
	}
	free(d.media);
	free(d.num);
	free(d.mark);
	free(d.kepala);
	list_free(&d.toc);
	list_free(&d.tables);
	list_free(&d.figures);
	free(d.fig_page);
	free(d.noted);
	free(d.tab_land);
	free(d.fig);
	layout_tables_free(d.lt);
	hyph_free(d.hy);
	return rc;
}

void
docx_init(void)
{
	pthread_once(&xml_once, xml_load);
}

const char *
docx_lib_version(void)
{
	return LIBXML_DOTTED_VERSION;
}
