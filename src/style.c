/* rencana: template styles: built-in defaults and paper sizes. */
#include <stdlib.h>
#include <string.h>

#include "style.h"
#include "xalloc.h"

void
style_default(struct style *s)
{
	memset(s, 0, sizeof(*s));
	s->paper_w_mm = 210;
	s->paper_h_mm = 297;
	s->margin_top_mm = 20;
	s->margin_bottom_mm = 25;
	s->margin_left_mm = 30;
	s->margin_right_mm = 20;
	s->font[0] = xstrdup("LiberationSans-Regular.ttf");
	s->font[1] = xstrdup("LiberationSans-Bold.ttf");
	s->font[2] = xstrdup("LiberationSans-Italic.ttf");
	s->font[3] = xstrdup("LiberationSans-BoldItalic.ttf");
	s->body_size_pt = 12;
	s->line_spacing = 1.5;
	s->paragraph_space_pt = 6;
	s->first_indent_mm = 10;
	s->h1_size_pt = 14;
	s->h2_size_pt = 12;
	s->h3_size_pt = 12;
	s->cover_title_size_pt = 20;
	s->table_size_pt = 10;
	s->pagenum = PAGENUM_BOTTOM_CENTER;
	s->headnum = HEADNUM_DECIMAL;
	s->hyphenate = 1;
	s->caption_word = xstrdup("Tabel");
	s->draft_word = xstrdup("KONSEP");
}

int
style_set_paper(struct style *s, const char *name)
{
	if (strcmp(name, "A4") == 0) {
		s->paper_w_mm = 210;
		s->paper_h_mm = 297;
	} else if (strcmp(name, "F4") == 0) {
		s->paper_w_mm = 215;
		s->paper_h_mm = 330;
	} else if (strcmp(name, "letter") == 0) {
		s->paper_w_mm = 215.9;
		s->paper_h_mm = 279.4;
	} else
		return -1;
	return 0;
}

void
style_free(struct style *s)
{
	size_t i;

	for (i = 0; i < 4; i++)
		free(s->font[i]);
	for (i = 0; i < s->nhyph_exceptions; i++)
		free(s->hyph_exceptions[i]);
	free(s->hyph_exceptions);
	free(s->caption_word);
	free(s->draft_word);
	memset(s, 0, sizeof(*s));
}
