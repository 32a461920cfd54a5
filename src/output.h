/*
 * rencana: writing an output (PDF, Markdown, page dump, `expand`) to its
 * path as one whole: through a temporary file beside it, synced and renamed
 * only when complete, so an earlier file is never left half-written.
 */
#ifndef RENCANA_OUTPUT_H
#define RENCANA_OUTPUT_H

#include <stddef.h>

struct diag_list;

/* Writes an output's bytes to the descriptor fd.  Returns 0; -1 with errno
 * set when a write failed (output_write reports it); any other value when
 * the producer itself failed and reports that itself (output_write says
 * nothing more and returns that value). */
typedef int (*output_fn)(int fd, void *user);

/*
 * Writes what fn produces to `path`: "-" is standard output; a path that
 * exists and is neither a regular file nor a folder (/dev/null, a FIFO) is
 * written in place, since a rename would replace the device itself; any
 * other path is written to a temporary file beside it (paths.c), synced,
 * given the mode of the file it replaces (or 0666 less the umask) and
 * renamed over it, then its folder is synced (now, or at output_sync_dirs
 * in a batch).  On failure the temporary file is removed and an existing
 * `path` stays as it was.  `what` names the bytes in messages ("the PDF"),
 * or NULL.  Returns 0; -1 after a D_IO_WRITE diagnostic; or fn's own
 * failure value.  Thread-safe.
 */
int	 output_write(const char *path, const char *what, output_fn fn,
	    void *user, struct diag_list *dl);
/* output_write of the n bytes at data. */
int	 output_write_buf(const char *path, const char *what, const void *data,
	    size_t n, struct diag_list *dl);

/* Writes all n bytes to fd, again after EINTR: a helper for output_fn
 * callbacks.  Returns 0, or -1 with errno set. */
int	 output_put(int fd, const void *data, size_t n);

/* In a batch: from now on output_write leaves the sync of the output folder
 * (which makes the rename durable) to output_sync_dirs, called once at the
 * end; each file's data is still synced before its rename.  Call both from
 * one thread, before and after the jobs. */
void	 output_defer_dir_sync(void);
void	 output_sync_dirs(void);

/* Refuses an output path that names one of the n input files (same device
 * and inode, so links and other spellings are caught).  Returns 0, or -1
 * with a D_PDF_OVERWRITE_INPUT diagnostic.  "-" and files that do not exist
 * yet are always fine. */
int	 output_check_inputs(const char *path, const char *const *inputs,
	    size_t n, struct diag_list *dl);

#endif
