/* rencana: unit tests of confinement (confine.c): what a plan or template
 * may open, and --allow-dir's library side (confine_allow_dir). */
#define _XOPEN_SOURCE 700	/* realpath, mkdtemp */

#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "confine.h"
#include "xalloc.h"

/* A tree made once per test:
 *   T/base/in.txt  T/base/sub/x.txt  T/base/dir/  T/base/fifo
 *   T/base/ok  -> sub/x.txt          T/base/out -> ../other/o.txt
 *   T/other/o.txt */
static char *T;

static void
put(const char *rel, const char *text)
{
	char *p = xasprintf("%s/%s", T, rel);
	FILE *f = fopen(p, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	free(p);
}

static void
tree_make(void)
{
	char tmpl[] = "/tmp/rencana-confine.XXXXXX";
	char *p;

	ck_assert_ptr_nonnull(mkdtemp(tmpl));
	T = xstrdup(tmpl);
	p = xasprintf("mkdir -p %s/base/sub %s/base/dir %s/other && "
	    "mkfifo %s/base/fifo && ln -s sub/x.txt %s/base/ok && "
	    "ln -s ../other/o.txt %s/base/out", T, T, T, T, T, T);
	ck_assert_int_eq(system(p), 0);
	free(p);
	put("base/in.txt", "in");
	put("base/sub/x.txt", "x");
	put("other/o.txt", "other");
}

static void
tree_free(void)
{
	char *p = xasprintf("rm -rf %s", T);

	ck_assert_int_eq(system(p), 0);
	free(p);
	free(T);
	confine_allow_clear();
}

static const struct {
	const char	*name;		/* relative to base; "@" is T */
	int		 want;		/* >= 0: opened */
} rows[] = {
	{ "in.txt", 0 },
	{ "sub/x.txt", 0 },
	{ "sub/../in.txt", 0 },
	{ "ok", 0 },			/* a link that stays inside */
	{ "@/base/in.txt", 0 },		/* absolute, inside */
	{ "../other/o.txt", CONFINE_OUTSIDE },
	{ "@/other/o.txt", CONFINE_OUTSIDE },
	{ "out", CONFINE_OUTSIDE },	/* a link that leaves */
	{ "fifo", CONFINE_NOT_FILE },	/* and returns at once */
	{ "dir", CONFINE_NOT_FILE },
	{ "none", CONFINE_ERRNO },
	{ "", CONFINE_ERRNO },
};

static char *
row_name(const char *name)
{
	return name[0] == '@' ? xasprintf("%s%s", T, name + 1) : xstrdup(name);
}

START_TEST(test_open)
{
	char *base, *name, *real = NULL;
	int fd, err;

	tree_make();
	base = xasprintf("%s/base", T);
	name = row_name(rows[_i].name);
	fd = confine_open(base, name, &real, &err);
	if (rows[_i].want >= 0) {
		ck_assert_msg(fd >= 0, "%s: %d", name, fd);
		ck_assert_ptr_nonnull(real);
		ck_assert_msg(strncmp(real, T, strlen(T)) == 0 ||
		    strstr(real, "/base/") != NULL, "%s", real);
		close(fd);
	} else {
		ck_assert_msg(fd == rows[_i].want, "%s: %d", name, fd);
		ck_assert_ptr_null(real);
		if (fd == CONFINE_ERRNO)
			ck_assert_int_eq(err, ENOENT);
	}
	free(real);
	free(name);
	free(base);
	tree_free();
}
END_TEST

START_TEST(test_allow_dir)
{
	char *base, *other, *file;
	int fd, err;

	tree_make();
	base = xasprintf("%s/base", T);
	other = xasprintf("%s/other", T);
	file = xasprintf("%s/base/in.txt", T);
	ck_assert_int_eq(confine_open(base, "out", NULL, &err), CONFINE_OUTSIDE);
	/* a file, or nothing, is not a folder to allow */
	ck_assert_int_eq(confine_allow_dir(file), -1);
	ck_assert_int_eq(errno, ENOTDIR);
	ck_assert_int_eq(confine_allow_dir("/nonexistent/folder"), -1);
	ck_assert_int_eq(confine_allow_dir(other), 0);
	fd = confine_open(base, "out", NULL, &err);
	ck_assert_int_ge(fd, 0);
	close(fd);
	fd = confine_open(base, "../other/o.txt", NULL, &err);
	ck_assert_int_ge(fd, 0);
	close(fd);
	/* still regular files only */
	ck_assert_int_eq(confine_open(base, "fifo", NULL, &err),
	    CONFINE_NOT_FILE);
	confine_allow_clear();
	ck_assert_int_eq(confine_open(base, "out", NULL, &err), CONFINE_OUTSIDE);
	free(file);
	free(other);
	free(base);
	tree_free();
}
END_TEST

START_TEST(test_no_base_and_read)
{
	struct buf b = BUF_INIT;
	char *abs, *fifo;
	int fd, err;

	tree_make();
	abs = xasprintf("%s/other/o.txt", T);
	fifo = xasprintf("%s/base/fifo", T);
	/* no base: any folder, but still a regular file */
	fd = confine_open(NULL, abs, NULL, &err);
	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert_int_eq(confine_open(NULL, fifo, NULL, &err), CONFINE_NOT_FILE);
	ck_assert_int_eq(confine_read(NULL, abs, 64, &b, &err), 0);
	ck_assert_str_eq(buf_str(&b), "other");
	buf_truncate(&b, 0);
	ck_assert_int_eq(confine_read(NULL, abs, 4, &b, &err),
	    CONFINE_TOO_LARGE);
	buf_free(&b);
	free(abs);
	free(fifo);
	tree_free();
}
END_TEST

Suite *
confine_suite(void)
{
	Suite *s = suite_create("confine");
	TCase *tc = tcase_create("open");

	tcase_add_loop_test(tc, test_open, 0, sizeof(rows) / sizeof(rows[0]));
	tcase_add_test(tc, test_allow_dir);
	tcase_add_test(tc, test_no_base_and_read);
	suite_add_tcase(s, tc);
	return s;
}
