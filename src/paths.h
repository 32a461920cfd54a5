/* rencana: where the program finds its own files (templates, schema,
 * fonts) in a checkout and after `make install`. */
#ifndef RENCANA_PATHS_H
#define RENCANA_PATHS_H

/* DATADIR/rencana as compiled in by the Makefile (`make install`). */
#ifndef RENCANA_DATADIR
#define RENCANA_DATADIR "/usr/local/share/rencana"
#endif

/* The folder holding the running executable, or NULL.  Caller frees. */
char	*paths_exe_dir(void);

/*
 * The places the program's own file or folder `rel` (a path such as
 * "templates" or "rencana.schema.json") may be, in order:
 *   EXE/../share/rencana/REL   an installed tree, wherever it was moved
 *   EXE/CHECKOUT_REL           a checkout, the program at its top
 *   DATADIR/REL                the compiled-in installation folder
 * checkout_rel is REL's path inside the repository (NULL: same as REL).
 * Fills v (room for PATHS_MAX) and returns how many; caller frees each.
 */
#define PATHS_MAX	3
int	 paths_candidates(const char *rel, const char *checkout_rel,
	    char *v[PATHS_MAX]);

/* The first candidate that exists (file or folder), or NULL.  Caller frees. */
char	*paths_find(const char *rel, const char *checkout_rel);

/* DATADIR/locale, where `make install` puts the message catalogs. */
#ifndef RENCANA_LOCALEDIR
#define RENCANA_LOCALEDIR "/usr/local/share/locale"
#endif

/* The folder of the message catalogs (LOCALE/id/LC_MESSAGES/rencana.mo):
 * the first that has one of EXE/../share/locale (installed), EXE/build/locale
 * (a checkout) and RENCANA_LOCALEDIR, else RENCANA_LOCALEDIR.  Caller frees. */
char	*paths_locale_dir(void);

/* The mkstemp(3) template of a temporary file in the folder of `path`, for
 * writing an output and renaming it into place: short, so that it fits
 * beside any output name up to NAME_MAX.  Caller frees. */
char	*paths_temp_beside(const char *path);

#endif
