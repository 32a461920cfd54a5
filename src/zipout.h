/*
 * rencana: a ZIP archive built in memory (the DOCX container), through
 * libzip: the only file that includes zip.h.
 */
#ifndef RENCANA_ZIPOUT_H
#define RENCANA_ZIPOUT_H

#include <stddef.h>

#include "buf.h"

struct zipout;

/*
 * A new empty archive whose entries all carry the time `epoch` (seconds
 * since 1970, UTC; written as an MS-DOS date and time in UTC, so the bytes
 * do not depend on the time zone; before 1980 is written as 1980-01-01).
 * Returns NULL (and sets *why to a static message) when libzip fails.
 */
struct zipout	*zipout_new(long long epoch, const char **why);
/* Adds an entry `name` holding n bytes of data (copied), deflated.  Entries
 * are written in the order they are added.  Returns 0, or -1 with *why. */
int		 zipout_add(struct zipout *, const char *name, const void *data,
		    size_t n, const char **why);
/* Closes the archive and appends its bytes to out; frees z in every case.
 * Returns 0, or -1 with *why (out unchanged). */
int		 zipout_finish(struct zipout *z, struct buf *out, const char **why);
/* Frees an archive without writing it. NULL does nothing. */
void		 zipout_free(struct zipout *);
/*
 * Reads back the entry `name` of the archive zip[0..n) into out (appended);
 * *index is set to its place in the archive (from 0).  Returns 0, or -1
 * when the archive cannot be read or has no such entry.  For tests.
 */
int		 zipout_entry(const void *zip, size_t n, const char *name,
		    struct buf *out, long *index);
/* The version of libzip in use. */
const char	*zipout_lib_version(void);

#endif
