/* rencana: allocation that never returns NULL (prints and exits on failure). */
#ifndef RENCANA_XALLOC_H
#define RENCANA_XALLOC_H

#include <stddef.h>

/* Each returns memory the caller frees with free(); on exhaustion they print
 * "rencana: error: out of memory" and exit with status 3. */
void	*xmalloc(size_t n);
void	*xcalloc(size_t n, size_t size);
void	*xrealloc(void *p, size_t n);
/* Grow an array of `size`-byte items so that it holds at least `need`; *cap
 * is updated.  Overflow is treated as exhaustion. */
void	*xgrow(void *p, size_t *cap, size_t need, size_t size);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t n);
/* printf into a new string. */
char	*xasprintf(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

#endif
