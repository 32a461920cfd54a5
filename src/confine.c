/*
 * rencana: confinement of the files plans and templates name.  A plan or a
 * template may be hostile (issue 10): a logo `../x.jpg` or `/any/photo.jpg`
 * would be embedded in the PDF, a partial that is a symbolic link to
 * /etc/passwd would be printed in the body, and a logo or font that is a
 * FIFO would block the build for ever.  Every such file is opened here:
 *   1. the name is joined to its base folder (the plan's folder for the
 *      logo, the template folder for partials, gaya.yaml, word sets and
 *      fonts), and realpath() resolves `..` and every symbolic link;
 *   2. that real path must lie inside the base folder's real path, or
 *      inside a folder the user allowed (confine_allow_dir, --allow-dir);
 *   3. the real path is opened with O_NONBLOCK and O_NOFOLLOW, and fstat
 *      must say it is a regular file, so FIFOs and devices never block.
 * What is not covered: a folder swapped for a link between steps 1 and 3
 * by someone writing into the plan's folder while the build runs.
 */
/* realpath() is XSI, beside the POSIX 2008 the Makefile asks for. */
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "confine.h"
#include "diag.h"
#include "xalloc.h"

/* Real paths of the allowed folders; written before any build starts and
 * only read while builds run (confine.h). */
static char	*allow[CONFINE_MAX_ALLOW];
static size_t	 nallow;

int
confine_allow_dir(const char *dir)
{
	struct stat st;
	char *r;

	if (nallow == CONFINE_MAX_ALLOW) {
		errno = E2BIG;
		return -1;
	}
	if ((r = realpath(dir, NULL)) == NULL)
		return -1;
	if (stat(r, &st) != 0 || !S_ISDIR(st.st_mode)) {
		free(r);
		errno = ENOTDIR;
		return -1;
	}
	allow[nallow++] = r;
	return 0;
}

void
confine_allow_clear(void)
{
	while (nallow > 0)
		free(allow[--nallow]);
}

/* True when the real path `real` is `dir` or lies below it. */
static int
inside(const char *real, const char *dir)
{
	size_t n = strlen(dir);

	if (strcmp(dir, "/") == 0)
		return 1;
	return strncmp(real, dir, n) == 0 && (real[n] == '/' || real[n] == '\0');
}

static int
allowed(const char *real, const char *base)
{
	char *rbase;
	size_t i;
	int ok = 0;

	if ((rbase = realpath(base, NULL)) != NULL) {
		ok = inside(real, rbase);
		free(rbase);
	}
	for (i = 0; i < nallow && !ok; i++)
		ok = inside(real, allow[i]);
	return ok;
}

int
confine_open(const char *base, const char *name, char **real, int *err)
{
	char *joined, *r = NULL;
	struct stat st;
	int fd = CONFINE_ERRNO, fl;

	*err = 0;
	if (real != NULL)
		*real = NULL;
	if (name == NULL || *name == '\0') {
		*err = ENOENT;
		return CONFINE_ERRNO;
	}
	joined = name[0] == '/' || base == NULL || *base == '\0' ?
	    xstrdup(name) : xasprintf("%s/%s", base, name);
	/* realpath only looks at the names (lstat, readlink): no blocking. */
	if ((r = realpath(joined, NULL)) == NULL) {
		*err = errno;
		goto out;
	}
	if (base != NULL && !allowed(r, *base != '\0' ? base : ".")) {
		fd = CONFINE_OUTSIDE;
		goto out;
	}
	if ((fd = open(r, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		*err = errno;
		fd = errno == ELOOP ? CONFINE_OUTSIDE : CONFINE_ERRNO;
		goto out;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		fd = CONFINE_NOT_FILE;
		goto out;
	}
	if ((fl = fcntl(fd, F_GETFL)) != -1)
		fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	if (real != NULL) {
		*real = r;
		r = NULL;
	}
out:
	free(r);
	free(joined);
	return fd;
}

int
confine_read(const char *base, const char *name, size_t max, struct buf *out,
    int *err)
{
	size_t before = out->len;
	FILE *f;
	int fd, rc;

	if ((fd = confine_open(base, name, NULL, err)) < 0)
		return fd;
	if ((f = fdopen(fd, "rb")) == NULL) {
		*err = errno;
		close(fd);
		return CONFINE_ERRNO;
	}
	rc = buf_read_stream(out, f, max);
	*err = errno;
	fclose(f);
	if (rc != 0)
		return CONFINE_ERRNO;
	if (out->len - before > max)
		return CONFINE_TOO_LARGE;
	*err = 0;
	return 0;
}

/* The words callers pass as `what` and `where`, marked for the message
 * catalog (the callers are build.c, folder.c, layout.c and
 * layout_figure.c). */
static const char *const confine_words[] __attribute__((unused)) = {
	N_("the template file"), N_("the template folder"),
	N_("the cover logo"), N_("the plan's folder"), N_("the image"),
};

/* The message in English and, when translating, again with the
 * translated format and words. */
static void
add_words(struct diag_list *dl, enum diag_code code, const struct srcpos *pos,
    const char *path, const char *fmt, const char *what, const char *name,
    const char *where, const char *base)
{
	char *tr = NULL;

	if (diag_translating())
		tr = xasprintf(_(fmt), _(what), name, _(where), base);
	diag_add_text(dl, code, pos, path, xasprintf(fmt, what, name, where,
	    base), tr);
}

void
confine_report(struct diag_list *dl, int rc, int err, enum diag_code code,
    const struct srcpos *pos, const char *path, const char *what,
    const char *name, const char *where, const char *base)
{
	/* Every format takes four strings: the unused ones are not printed. */
	switch (rc) {
	case CONFINE_OUTSIDE:
		add_words(dl, D_PATH_OUTSIDE, pos, path,
		    N_("%s `%s` lies outside %s `%s` once links are followed"),
		    what, name, where, base != NULL && *base != '\0' ? base : ".");
		break;
	case CONFINE_NOT_FILE:
		add_words(dl, D_PATH_NOT_FILE, pos, path,
		    N_("%1$s `%2$s` is not a regular file"), what, name, "", "");
		break;
	case CONFINE_TOO_LARGE:
		add_words(dl, code, pos, path, N_("%1$s `%2$s` is too large"),
		    what, name, "", "");
		break;
	default:
		add_words(dl, code, pos, path,
		    N_("cannot read %1$s `%2$s`: %3$s"), what, name,
		    strerror(err), "");
		break;
	}
}
