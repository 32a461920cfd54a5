/*
 * rencana: text dumps of block trees and pages, for golden tests and
 * debugging.  Positions are rounded to 0.1 pt so that dumps compare across
 * machines; text is printed as UTF-8; the order is the order of the data.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "dump.h"
#include "layout.h"
#include "page.h"
#include "winansi.h"
#include "xalloc.h"

static const char *const font_name[FONT__COUNT] = { "R", "B", "I", "BI" };

/* Prints a number rounded to 0.1 (never "-0.0"). */
static void
num(FILE *f, double v)
{
	double r = round(v * 10) / 10;

	if (r == 0)
		r = 0;
	fprintf(f, " %.1f", r);
}

static void
text(FILE *f, const char *s, size_t n)
{
	fprintf(f, " |%.*s|", (int)n, s);
}

/* The page's line and table records (the quality measures). */
static void
dump_lines(FILE *f, const struct page *pg)
{
	size_t j;

	for (j = 0; j < pg->nline; j++) {
		const struct page_line *l = &pg->line[j];

		fprintf(f, "  line %c", l->kind);
		num(f, l->x);
		num(f, l->y);
		fprintf(f, " w");
		num(f, l->w);
		fprintf(f, " of");
		num(f, l->measure);
		fprintf(f, " nat");
		num(f, l->natural);
		fprintf(f, " sp %d r %.2f%s%s%s%s%s\n", l->nspace, l->ratio,
		    l->flags & PL_JUSTIFY ? " just" : "",
		    l->flags & PL_FIRST ? " first" : "",
		    l->flags & PL_LAST ? " last" : "",
		    l->flags & PL_HYPHEN ? " hy" : "",
		    l->flags & PL_RAGGED ? " ragged" : "");
	}
	for (j = 0; j < pg->ntab; j++) {
		const struct page_table *t = &pg->tab[j];

		fprintf(f, "  table %d rows %d %d of %d%s%s\n", t->id, t->first,
		    t->end, t->nrow, t->total ? " total" : "",
		    t->short_table ? " short" : "");
	}
}

void
dump_pages(FILE *f, const struct doc_pages *d)
{
	size_t i, j;

	fprintf(f, "paper");
	num(f, d->width_pt);
	num(f, d->height_pt);
	fprintf(f, " pages %zu body_start %zu\n", d->npage, d->body_start);
	for (i = 0; i < d->npage; i++) {
		char lab[32];

		layout_page_label(d, i, lab, sizeof(lab));
		fprintf(f, "page %zu label %s", i + 1, lab);
		if (d->page[i].width_pt != d->width_pt ||
		    d->page[i].height_pt != d->height_pt) {
			/* only a page not of the paper's size says its own */
			fprintf(f, " size");
			num(f, d->page[i].width_pt);
			num(f, d->page[i].height_pt);
		}
		fputc('\n', f);
		for (j = 0; j < d->page[i].nbox; j++) {
			const struct box *b = &d->page[i].box[j];

			switch (b->type) {
			case BOX_TEXT:
				fprintf(f, "  text");
				num(f, b->x);
				num(f, b->y);
				fprintf(f, " %s", font_name[b->font]);
				num(f, b->size_pt);
				if (b->word_space_pt != 0) {
					fprintf(f, " ws");
					num(f, b->word_space_pt);
				}
				if (b->char_space_pt != 0) {
					fprintf(f, " cs");
					num(f, b->char_space_pt);
				}
				if (b->gray != 0 || b->alpha != 1 ||
				    b->angle_deg != 0) {
					fprintf(f, " gray");
					num(f, b->gray);
					fprintf(f, " alpha");
					num(f, b->alpha);
					fprintf(f, " angle");
					num(f, b->angle_deg);
				}
				if (b->outline)
					fprintf(f, " outline");
				text(f, b->text, b->len);
				break;
			case BOX_RULE:
				fprintf(f, "  rule");
				num(f, b->x);
				num(f, b->y);
				num(f, b->w);
				num(f, b->h);
				fprintf(f, " lw");
				num(f, b->line_pt);
				break;
			case BOX_RECT:
				fprintf(f, "  rect");
				num(f, b->x);
				num(f, b->y);
				num(f, b->w);
				num(f, b->h);
				fprintf(f, " gray");
				num(f, b->gray);
				break;
			case BOX_IMAGE:
				fprintf(f, "  image");
				num(f, b->x);
				num(f, b->y);
				num(f, b->w);
				num(f, b->h);
				fprintf(f, " %s", b->path);
				break;
			case BOX_LINK:
				fprintf(f, "  link");
				num(f, b->x);
				num(f, b->y);
				num(f, b->w);
				num(f, b->h);
				fprintf(f, " -> page %zu y", b->dest_page + 1);
				num(f, b->dest_y);
				break;
			}
			fputc('\n', f);
		}
		dump_lines(f, &d->page[i]);
	}
	for (i = 0; i < d->noutline; i++) {
		fprintf(f, "outline %d page %zu y", d->outline[i].level,
		    d->outline[i].page + 1);
		num(f, d->outline[i].y);
		fprintf(f, " |%s|\n", d->outline[i].title);
	}
	if (d->meta.title)
		fprintf(f, "meta title |%s|\n", d->meta.title);
	if (d->meta.author)
		fprintf(f, "meta author |%s|\n", d->meta.author);
	if (d->meta.subject)
		fprintf(f, "meta subject |%s|\n", d->meta.subject);
	if (d->meta.keywords)
		fprintf(f, "meta keywords |%s|\n", d->meta.keywords);
	if (d->meta.lang)
		fprintf(f, "meta lang %s\n", d->meta.lang);
	if (d->meta.date >= 0)
		fprintf(f, "meta date %lld\n", d->meta.date);
}

static const char *const blk_name[] = {
	"document", "paragraph", "heading", "list", "item", "quote", "code",
	"thematic", "table", "row", "cell", "directive", "footnote", "figure"
};

static void
block_line(FILE *f, const struct block *b, int depth)
{
	size_t i;

	fprintf(f, "%*s%s line %d", 2 * depth, "", blk_name[b->type], b->line);
	switch (b->type) {
	case BLK_HEADING:
		fprintf(f, " level %d", b->level);
		break;
	case BLK_LIST:
		fprintf(f, " %s start %d %s", b->ordered ? "ordered" : "bullet",
		    b->start, b->tight ? "tight" : "loose");
		break;
	case BLK_TABLE:
		fprintf(f, " cols %d align ", b->ncols);
		for (i = 0; i < (size_t)b->ncols; i++)
			fputc("-lcr"[b->align[i]], f);
		if (b->caption != NULL)
			fprintf(f, " caption line %d", b->caption->line);
		break;
	case BLK_ROW:
		if (b->header)
			fprintf(f, " header");
		break;
	case BLK_PARAGRAPH:
		if (b->is_caption)
			fprintf(f, " caption");
		break;
	case BLK_DIRECTIVE:
	case BLK_FIGURE:
		fprintf(f, " %s", b->name);
		break;
	case BLK_FOOTNOTE:
		fprintf(f, " number %d", b->number);
		break;
	default:
		break;
	}
	fputc('\n', f);
	for (i = 0; i < b->nrun; i++) {
		const struct run *r = &b->run[i];

		fprintf(f, "%*s", 2 * depth + 2, "");
		if (r->flags & RUN_BREAK) {
			fprintf(f, "break\n");
			continue;
		}
		fprintf(f, "run%s%s%s%s", r->flags & RUN_BOLD ? " bold" : "",
		    r->flags & RUN_ITALIC ? " italic" : "",
		    r->flags & RUN_CODE ? " code" : "",
		    r->flags & RUN_NOTE ? " note" : "");
		text(f, r->text, r->len);
		fputc('\n', f);
	}
	for (i = 0; i < b->nkv; i++)
		fprintf(f, "%*s%s = |%s|\n", 2 * depth + 2, "", b->kv[i].key,
		    b->kv[i].value);
}

void
dump_blocks(FILE *f, const struct block *root)
{
	const struct block *b = root;
	int depth = 0;

	while (b != NULL) {
		block_line(f, b, depth);
		if (b->first != NULL) {
			b = b->first;
			depth++;
			continue;
		}
		while (b != root && b->next == NULL) {
			b = b->parent;
			depth--;
		}
		if (b == root)
			break;
		b = b->next;
	}
}
