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
 * is updated.  Overflow is treated as exhaustion.  When there is room
 * already (nearly every call: capacities double) it returns without a
 * call; xgrow_more does the growing. */
void	*xgrow_more(void *p, size_t *cap, size_t need, size_t size);

static inline void *
xgrow(void *p, size_t *cap, size_t need, size_t size)
{
	return need <= *cap ? p : xgrow_more(p, cap, need, size);
}

/* xgrow for an array that starts in the caller's buffer `local` (on the
 * stack) of *cap items: the first growth copies its n items into a new
 * allocation, later ones are xgrow's.  The caller frees p only when it is
 * not `local`. */
void	*xgrow_from(void *p, const void *local, size_t *cap, size_t n,
	    size_t need, size_t size);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t n);
/* printf into a new string. */
char	*xasprintf(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

#endif
