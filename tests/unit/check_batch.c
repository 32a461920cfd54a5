/* rencana: unit tests of the job queue (batch.c). */
#include <check.h>
#include <stdio.h>

#include "batch.h"

struct squares {
	long	 out[1000];
};

static void
square(void *ctx, size_t i)
{
	struct squares *s = ctx;
	volatile long spin = 0;
	size_t k;

	for (k = 0; k < (i % 7) * 1000; k++)
		spin += (long)k;	/* uneven job lengths */
	s->out[i] = (long)(i * i);
}

START_TEST(test_every_job_once_in_its_slot)
{
	static struct squares s;
	size_t i, n;
	int jobs = _i + 1;

	for (i = 0; i < 1000; i++)
		s.out[i] = -1;
	n = batch_run(1000, jobs, square, &s, 0, NULL);
	ck_assert_uint_eq(n, 1000);
	for (i = 0; i < 1000; i++)
		ck_assert_int_eq(s.out[i], (long)(i * i));
}
END_TEST

START_TEST(test_empty)
{
	ck_assert_uint_eq(batch_run(0, 4, square, NULL, 0, NULL), 0);
}
END_TEST

/* The memory budget: ordinary plans keep -j, plans of the 4 MiB limit run
 * two at a time, and one job always runs. */
START_TEST(test_jobs_for_memory)
{
	ck_assert_int_eq(batch_jobs_for_memory(8, 30000), 8);
	ck_assert_int_eq(batch_jobs_for_memory(64, 30000), 53);
	ck_assert_int_eq(batch_jobs_for_memory(8, 4u << 20), 2);
	ck_assert_int_eq(batch_jobs_for_memory(1, 4u << 20), 1);
	ck_assert_int_eq(batch_jobs_for_memory(4, (size_t)1 << 40), 1);
}
END_TEST

Suite *
batch_suite(void)
{
	Suite *s = suite_create("batch");
	TCase *tc = tcase_create("run");

	tcase_add_loop_test(tc, test_every_job_once_in_its_slot, 0, 4);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_jobs_for_memory);
	suite_add_tcase(s, tc);
	return s;
}
