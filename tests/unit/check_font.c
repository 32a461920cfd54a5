/*
 * rencana: unit tests of font.c (HarfBuzz faces and subsets) and
 * pdfpack.c's refusals.
 */
#include <check.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "font.h"
#include "pdfpack.h"
#include "xalloc.h"

#define REGULAR	"fonts/LiberationSans-Regular.ttf"
#define BOLD	"fonts/LiberationSans-Bold.ttf"

static const struct font_face *
face(const char *path)
{
	int fd = open(path, O_RDONLY);
	const struct font_face *f;

	ck_assert_int_ge(fd, 0);
	f = font_face_get(path, fd);
	close(fd);
	ck_assert_ptr_nonnull(f);
	return f;
}

static void *
get_regular(void *arg)
{
	*(const struct font_face **)arg = face(REGULAR);
	return NULL;
}

/* One face per file per process, whichever thread asks (issue 17). */
START_TEST(test_face_shared)
{
	const struct font_face *a, *b = NULL, *c;
	pthread_t t;

	a = face(REGULAR);
	ck_assert_int_eq(pthread_create(&t, NULL, get_regular, &b), 0);
	ck_assert_int_eq(pthread_join(t, NULL), 0);
	ck_assert_ptr_eq(a, b);
	c = face(BOLD);
	ck_assert_ptr_ne(a, c);
	ck_assert_uint_gt(font_glyph(a, 'a'), 0);
	ck_assert_uint_eq(font_glyph(a, 0x10FFFF), 0);
	/* Arial-compatible widths, 1/1000 em truncated */
	ck_assert_uint_eq(font_advance(a, font_glyph(a, 'a')), 556);
	ck_assert_uint_eq(font_advance(c, font_glyph(c, 'm')), 889);
}
END_TEST

/* A subset keeps the glyph ids and the used glyphs' advances, drops the
 * cmap, and is far smaller than the font; the same input gives the same
 * bytes. */
START_TEST(test_subset)
{
	const struct font_face *f = face(REGULAR), *s;
	unsigned n = font_glyph_count(f), ga = font_glyph(f, 'a');
	unsigned char *used = xcalloc(n / 8 + 1, 1);
	struct buf a = BUF_INIT, b = BUF_INIT;
	char path[] = "/tmp/rencana-subset-XXXXXX";
	int fd;

	used[ga / 8] |= (unsigned char)(1u << (ga % 8));
	ck_assert_int_eq(font_subset(f, used, &a), 0);
	ck_assert_int_eq(font_subset(f, used, &b), 0);
	ck_assert_uint_eq(a.len, b.len);
	ck_assert_int_eq(memcmp(a.data, b.data, a.len), 0);
	ck_assert_uint_lt(a.len, 8000);
	ck_assert_int_ge(fd = mkstemp(path), 0);
	ck_assert_int_eq(write(fd, a.data, a.len), (ssize_t)a.len);
	s = font_face_get(path, fd);
	close(fd);
	unlink(path);
	ck_assert_ptr_nonnull(s);
	ck_assert_uint_ge(font_glyph_count(s), ga + 1);
	ck_assert_uint_eq(font_advance(s, ga), 556);
	ck_assert_uint_eq(font_glyph(s, 'a'), 0);	/* no cmap */
	buf_free(&a);
	buf_free(&b);
	free(used);
}
END_TEST

/* Input not laid out as libharu writes it is refused, out unchanged. */
START_TEST(test_pack_refuses)
{
	static const char *const bad[] = {
		"not a pdf at all, not even close to one",
		"%PDF-1.3\n1 0 obj\n<<>>\nendobj\nstartxref\n9\n%%EOF\n",
		"%PDF-1.3\n1 0 obj\n<< >>\nendobj\nxref\n0 2\n"
		    "0000000000 65535 f\r\n0000000009 00000 n\r\n"
		    "trailer\n<< /Size 2 /ID [<00> <00>] /Root 1 0 R >>\n"
		    "startxref\n30\n%%EOF\n",
		"%PDF-1.3\n1 0 obj\n<< >>\nendobj\nxref\n0 2\n"
		    "0000000000 65535 f\r\n0000000099 00000 n\r\n"
		    "trailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n30\n%%EOF\n",
	};
	struct buf out = BUF_INIT;
	size_t i;

	buf_puts(&out, "kept");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ck_assert_int_eq(pdfpack(bad[i], strlen(bad[i]), &out), -1);
		ck_assert_str_eq(buf_str(&out), "kept");
	}
	/* the same file without the /ID is packed */
	{
		const char *good = "%PDF-1.3\n1 0 obj\n<< >>\nendobj\nxref\n0 2\n"
		    "0000000000 65535 f\r\n0000000009 00000 n\r\n"
		    "trailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n30\n%%EOF\n";

		buf_truncate(&out, 0);
		ck_assert_int_eq(pdfpack(good, strlen(good), &out), 0);
		ck_assert_int_eq(memcmp(out.data, "%PDF-1.5\n", 9), 0);
	}
	buf_free(&out);
}
END_TEST

Suite *
font_suite(void)
{
	Suite *s = suite_create("font");
	TCase *tc = tcase_create("font");

	tcase_add_test(tc, test_face_shared);
	tcase_add_test(tc, test_subset);
	tcase_add_test(tc, test_pack_refuses);
	suite_add_tcase(s, tc);
	return s;
}
