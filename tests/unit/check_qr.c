/* rencana: tests of qr.c: the modules libqrencode gives for an address. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "qr.h"

/* The 7 x 7 finder pattern with its top-left module at (x, y): a dark
 * ring, a light ring, a dark 3 x 3 centre. */
static int
finder_at(const unsigned char *d, int w, int x, int y)
{
	int i, j;

	for (j = 0; j < 7; j++)
		for (i = 0; i < 7; i++) {
			int ring = i == 0 || i == 6 || j == 0 || j == 6;
			int centre = i >= 2 && i <= 4 && j >= 2 && j <= 4;

			if (d[(y + j) * w + x + i] != (ring || centre))
				return 0;
		}
	return 1;
}

START_TEST(test_qr_address)
{
	const char *url = "https://tte.mataramkota.go.id/v/800.1-123-BKPSDM-2026";
	unsigned char *a, *b;
	int wa, wb;

	ck_assert_int_eq(qr_encode(url, &a, &wa), 0);
	/* 53 bytes at level M: version 4, 33 modules */
	ck_assert_int_eq(wa, 33);
	ck_assert(finder_at(a, wa, 0, 0));
	ck_assert(finder_at(a, wa, wa - 7, 0));
	ck_assert(finder_at(a, wa, 0, wa - 7));
	/* the same text, the same modules */
	ck_assert_int_eq(qr_encode(url, &b, &wb), 0);
	ck_assert_int_eq(wb, wa);
	ck_assert(memcmp(a, b, (size_t)(wa * wa)) == 0);
	free(a);
	free(b);
}
END_TEST

START_TEST(test_qr_limits)
{
	unsigned char *d;
	int w;
	char *big = malloc(4000);

	/* the longest address the plan allows (150) fits version 8: 49 */
	memset(big, 'a', 150);
	big[150] = '\0';
	ck_assert_int_eq(qr_encode(big, &d, &w), 0);
	ck_assert_int_le(w, 49);
	free(d);
	/* nothing, or more than any version holds, is refused */
	ck_assert_int_eq(qr_encode("", &d, &w), -1);
	ck_assert_ptr_null(d);
	memset(big, 'a', 3999);
	big[3999] = '\0';
	ck_assert_int_eq(qr_encode(big, &d, &w), -1);
	ck_assert_ptr_null(d);
	free(big);
}
END_TEST

Suite *
qr_suite(void)
{
	Suite *s = suite_create("qr");
	TCase *tc = tcase_create("qr");

	tcase_add_test(tc, test_qr_address);
	tcase_add_test(tc, test_qr_limits);
	suite_add_tcase(s, tc);
	return s;
}
