/* rencana: growable byte buffer, always NUL-terminated. */
#ifndef RENCANA_BUF_H
#define RENCANA_BUF_H

#include <stddef.h>
#include <stdio.h>

struct buf {
	char	*data;	/* NUL-terminated; NULL until the first write */
	size_t	 len;	/* bytes used, not counting the NUL */
	size_t	 cap;	/* bytes allocated */
};

#define BUF_INIT { NULL, 0, 0 }

/* Room for extra more bytes and the NUL, so a writer can fill
 * data + len directly (then add to len and set the NUL itself). */
void	 buf_reserve(struct buf *, size_t extra);
void	 buf_put(struct buf *, const char *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, int);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_truncate(struct buf *, size_t);
/* Returns the string ("" when empty); it stays owned by the buffer. */
const char *buf_str(const struct buf *);
/* Hands the string to the caller, who frees it; the buffer is reset. */
char	*buf_detach(struct buf *);
void	 buf_free(struct buf *);
/* Appends the bytes of file `path`, reading at most max + 1 of them so the
 * caller can tell a file larger than max without reading all of it.
 * Returns 0, or -1 with errno set when the file cannot be opened or read. */
int	 buf_read_file(struct buf *, const char *path, size_t max);
/* The same from an open stream (standard input); the stream stays open. */
int	 buf_read_stream(struct buf *, FILE *, size_t max);

/* Appends n (1..3999) in roman numerals, "xiv" or with upper "XIV": the
 * one formatter of chapter numbers and front-matter pages.  Appends
 * nothing for other n. */
void	 buf_put_roman(struct buf *, long n, int upper);

#endif
