/*
 * rencana: the one writer of outputs (output.h): standard output, devices
 * in place, and files through a temporary file, fsync and rename, with the
 * folder sync deferred to the end of a batch.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "output.h"
#include "paths.h"
#include "xalloc.h"

/*
 * Limits, each with its reason.
 */
/* Output folders whose sync a batch defers to its end (output_sync_dirs):
 * a batch writes into one folder (-d) or beside each plan; past this many
 * distinct folders each is synced at once, as without deferral. */
#define MAX_DEFERRED_DIRS 64

/* Mode for a new file: 0666 less the umask, read without changing it
 * (umask() is process-wide, and other threads may be creating files). */
static mode_t
new_file_mode(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[128];
	unsigned mask = 022;

	if (f != NULL) {
		while (fgets(line, sizeof(line), f) != NULL)
			if (sscanf(line, "Umask: %o", &mask) == 1)
				break;
		fclose(f);
	}
	return (mode_t)(0666 & ~mask);
}

static void
sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY);

	/* Makes the rename durable; failure only loses durability. */
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/*
 * Deferred folder syncs.  fsync of a folder is a journal commit that
 * concurrent jobs wait for in turn: syncing the output folder after every
 * rename made `build -j 2` barely faster than -j 1.  Each file's data is
 * still synced before its rename (so no output is ever half-written); in a
 * batch only the renames become durable together, at the end.
 */
static pthread_mutex_t dirsync_lock = PTHREAD_MUTEX_INITIALIZER;
static int dirsync_defer;
static char *dirsync_v[MAX_DEFERRED_DIRS];
static size_t dirsync_n;

void
output_defer_dir_sync(void)
{
	dirsync_defer = 1;
}

void
output_sync_dirs(void)
{
	size_t i;

	pthread_mutex_lock(&dirsync_lock);
	for (i = 0; i < dirsync_n; i++) {
		sync_dir(dirsync_v[i]);
		free(dirsync_v[i]);
	}
	dirsync_n = 0;
	pthread_mutex_unlock(&dirsync_lock);
}

/* Syncs the folder of path now, or notes it for output_sync_dirs. */
static void
after_rename(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash == NULL ? xstrdup(".") : slash == path ? xstrdup("/") :
	    xstrndup(path, (size_t)(slash - path));
	size_t i;

	pthread_mutex_lock(&dirsync_lock);
	if (dirsync_defer) {
		for (i = 0; i < dirsync_n; i++)
			if (strcmp(dirsync_v[i], dir) == 0)
				break;
		if (i < dirsync_n || dirsync_n < MAX_DEFERRED_DIRS) {
			if (i == dirsync_n) {
				dirsync_v[dirsync_n++] = dir;
				dir = NULL;
			}
			pthread_mutex_unlock(&dirsync_lock);
			free(dir);
			return;
		}
	}
	pthread_mutex_unlock(&dirsync_lock);
	sync_dir(dir);
	free(dir);
}

/* Standard output, or a device or FIFO opened in place. */
static int
write_in_place(const char *path, const char *what, output_fn fn, void *user,
    struct diag_list *dl)
{
	int out = strcmp(path, "-") == 0, fd, rc;

	fflush(stdout);
	fd = out ? STDOUT_FILENO : open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0) {
		diag_add(dl, D_IO_WRITE, NULL, NULL, "cannot write `%s`: %s",
		    path, strerror(errno));
		return -1;
	}
	if ((rc = fn(fd, user)) == -1) {
		const char *e = strerror(errno), *f;

		/* `what` (pdf.c's "the PDF") is a word of the catalog: the
		 * message is written in English and again translated. */
		if (what != NULL) {
			f = out ? N_("cannot write %1$s to standard output: %2$s") :
			    N_("cannot write %1$s to `%2$s`: %3$s");
			diag_add_text(dl, D_IO_WRITE, NULL, NULL,
			    xasprintf(f, what, out ? e : path, e),
			    diag_translating() ? xasprintf(_(f), _(what),
			    out ? e : path, e) : NULL);
		} else if (out)
			diag_add(dl, D_IO_WRITE, NULL, NULL,
			    "cannot write to standard output: %s", e);
		else
			diag_add(dl, D_IO_WRITE, NULL, NULL, "cannot write `%s`: %s",
			    path, strerror(errno));
	}
	if (!out && close(fd) != 0 && rc == 0) {
		diag_add(dl, D_IO_WRITE, NULL, NULL, "cannot write `%s`: %s",
		    path, strerror(errno));
		rc = -1;
	}
	return rc;
}

int
output_write(const char *path, const char *what, output_fn fn, void *user,
    struct diag_list *dl)
{
	struct stat st;
	char *tmp;
	mode_t mode;
	int fd, rc;

	if (strcmp(path, "-") == 0 || (stat(path, &st) == 0 &&
	    !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)))
		return write_in_place(path, what, fn, user, dl);
	/* Keep the mode of the file being replaced. */
	mode = stat(path, &st) == 0 && S_ISREG(st.st_mode) ?
	    (st.st_mode & 07777) : new_file_mode();
	tmp = paths_temp_beside(path);
	if ((fd = mkstemp(tmp)) < 0) {
		diag_add(dl, D_IO_WRITE, NULL, NULL,
		    "cannot create a temporary file beside `%s`: %s", path,
		    strerror(errno));
		free(tmp);
		return -1;
	}
	rc = fn(fd, user);
	if (rc == 0 && (fchmod(fd, mode) != 0 || fsync(fd) != 0))
		rc = -1;
	if (close(fd) != 0 && rc == 0)
		rc = -1;
	if (rc == 0 && rename(tmp, path) != 0)
		rc = -1;
	if (rc == -1)
		diag_add(dl, D_IO_WRITE, NULL, NULL, "cannot write `%s`: %s",
		    path, strerror(errno));
	if (rc != 0)
		unlink(tmp);
	else
		after_rename(path);
	free(tmp);
	return rc;
}

struct bytes {
	const unsigned char	*p;
	size_t			 n;
};

int
output_put(int fd, const void *data, size_t n)
{
	const unsigned char *p = data;
	ssize_t k;

	while (n > 0) {
		if ((k = write(fd, p, n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

static int
write_bytes(int fd, void *user)
{
	const struct bytes *b = user;

	return output_put(fd, b->p, b->n);
}

int
output_write_buf(const char *path, const char *what, const void *data,
    size_t n, struct diag_list *dl)
{
	struct bytes b;

	b.p = data;
	b.n = n;
	return output_write(path, what, write_bytes, &b, dl);
}

int
output_check_inputs(const char *path, const char *const *inputs, size_t n,
    struct diag_list *dl)
{
	struct stat out, in;
	size_t i;

	if (strcmp(path, "-") == 0 || stat(path, &out) != 0)
		return 0;
	for (i = 0; i < n; i++)
		if (stat(inputs[i], &in) == 0 && in.st_dev == out.st_dev &&
		    in.st_ino == out.st_ino) {
			diag_add(dl, D_PDF_OVERWRITE_INPUT, NULL, NULL,
			    "refusing to write the output over the input file `%s`",
			    inputs[i]);
			return -1;
		}
	return 0;
}
