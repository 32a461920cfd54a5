/* rencana: tests of glyph.c: outlines read from the shipped TrueType font. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glyph.h"

static unsigned char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *d;
	long n;

	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	d = malloc((size_t)n);
	ck_assert_uint_eq(fread(d, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return d;
}

START_TEST(test_outlines)
{
	size_t len, i;
	unsigned char *d = slurp("fonts/LiberationSans-Bold.ttf", &len);
	struct glyph_font *g = glyph_font_new(d, len);
	struct glyph_outline o;

	ck_assert_ptr_nonnull(g);
	ck_assert_int_eq((int)glyph_units_per_em(g), 2048);
	memset(&o, 0, sizeof(o));
	/* O: two contours; K, E: one; a space: none, with an advance */
	ck_assert_int_eq(glyph_get(g, 'O', &o), 0);
	ck_assert_uint_eq(o.nend, 2);
	ck_assert(o.advance > 1000);
	for (i = 0; i < o.n; i++)
		ck_assert(o.x[i] > -100 && o.x[i] < 2048 && o.y[i] > -100 &&
		    o.y[i] < 1600);
	ck_assert_int_eq(glyph_get(g, 'K', &o), 0);
	ck_assert_uint_eq(o.nend, 1);
	ck_assert_int_eq(glyph_get(g, ' ', &o), 0);
	ck_assert_uint_eq(o.nend, 0);
	ck_assert(o.advance > 0);
	/* a composite glyph (E with acute) has the E's contour and more */
	ck_assert_int_eq(glyph_get(g, 0xC9, &o), 0);
	ck_assert_uint_ge(o.nend, 2);
	/* no glyph */
	ck_assert_int_eq(glyph_get(g, 0x4E00, &o), -1);
	glyph_outline_free(&o);
	glyph_font_free(g);
	/* not a TrueType font; every truncation of a real one is refused or
	 * read within bounds */
	ck_assert_ptr_null(glyph_font_new((const unsigned char *)"OTTO", 4));
	for (i = 0; i < 4096; i += 7) {
		struct glyph_font *t = glyph_font_new(d, i);

		if (t != NULL) {
			glyph_get(t, 'O', &o);
			glyph_outline_free(&o);
		}
		glyph_font_free(t);
	}
	free(d);
}
END_TEST

Suite *
glyph_suite(void)
{
	Suite *s = suite_create("glyph");
	TCase *tc = tcase_create("glyph");

	tcase_add_test(tc, test_outlines);
	suite_add_tcase(s, tc);
	return s;
}
