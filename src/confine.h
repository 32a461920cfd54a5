/*
 * rencana: opening the files plans and templates name (the cover logo,
 * partials, gaya.yaml, word sets, template fonts), each confined to its
 * folder, regular files only, never blocking.
 */
#ifndef RENCANA_CONFINE_H
#define RENCANA_CONFINE_H

#include <stddef.h>

#include "diag.h"

struct buf;

/* Folders confine_allow_dir accepts at most: a command line names a few. */
#define CONFINE_MAX_ALLOW	16

/* Failures of confine_open and confine_read (an open descriptor is >= 0). */
enum confine_result {
	CONFINE_ERRNO = -1,	/* missing or unreadable: *err holds errno */
	CONFINE_OUTSIDE = -2,	/* the real path leaves the folder */
	CONFINE_NOT_FILE = -3,	/* a folder, FIFO, device or socket */
	CONFINE_TOO_LARGE = -4	/* confine_read: more than max bytes */
};

/*
 * Adds a folder that every later confine_open accepts besides its base
 * folder (the command line's --allow-dir).  Process-wide: call from one
 * thread before any build starts, like output_defer_dir_sync.  Returns 0, or
 * -1 with errno set (the folder does not exist, is not a folder: ENOTDIR, or
 * CONFINE_MAX_ALLOW are already given: E2BIG).
 */
int	confine_allow_dir(const char *dir);
/* Forgets every allowed folder (for tests). */
void	confine_allow_clear(void);

/*
 * Opens `name` for reading.  A relative name is taken relative to base
 * (an absolute one as it is), and its real path (realpath: `..` and every
 * symbolic link resolved) must lie inside base's real path or inside an
 * allowed folder; base NULL skips that check (a path the program chose, or
 * one already confined).  Only a regular file is accepted: it is opened
 * with O_NONBLOCK and checked with fstat, so a FIFO or device never blocks
 * the build; the descriptor is then made blocking again.  Returns the
 * descriptor (the caller closes it), or an enum confine_result with *err
 * set to errno for CONFINE_ERRNO.  *real, when real is not NULL and the file
 * opened, receives its real path (the caller frees it).
 */
int	confine_open(const char *base, const char *name, char **real, int *err);

/* confine_open, then the whole file appended to out (at most max bytes,
 * else CONFINE_TOO_LARGE).  Returns 0 or an enum confine_result. */
int	confine_read(const char *base, const char *name, size_t max,
	    struct buf *out, int *err);

/*
 * Reports a confine_open or confine_read failure as a diagnostic at pos
 * (NULL: none) for field `path` (NULL: none): CONFINE_OUTSIDE as
 * D_PATH_OUTSIDE, CONFINE_NOT_FILE as D_PATH_NOT_FILE, the others with
 * `code`.  `what` says what the file is ("the cover logo"), `where` what
 * base is ("the plan's folder").  Messages name `name` as written.
 */
void	confine_report(struct diag_list *, int rc, int err, enum diag_code,
	    const struct srcpos *pos, const char *path, const char *what,
	    const char *name, const char *where, const char *base);

#endif
