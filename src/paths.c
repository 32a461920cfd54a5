/*
 * rencana: where the program finds its own files.  An installed rencana
 * (`make install`) has them in PREFIX/share/rencana, found relative to the
 * executable first so that a staged (DESTDIR) or moved tree works, then at
 * the compiled-in DATADIR; a checkout has them beside ./rencana.
 */
#include <sys/stat.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"
#include "xalloc.h"

char *
paths_exe_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	char *slash;

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	if ((slash = strrchr(buf, '/')) == NULL)
		return NULL;
	*slash = '\0';
	return xstrdup(buf[0] != '\0' ? buf : "/");
}

int
paths_candidates(const char *rel, const char *checkout_rel, char *v[PATHS_MAX])
{
	char *exe = paths_exe_dir();
	int n = 0;

	if (exe != NULL) {
		v[n++] = xasprintf("%s/../share/rencana/%s", exe, rel);
		v[n++] = xasprintf("%s/%s", exe,
		    checkout_rel != NULL ? checkout_rel : rel);
		free(exe);
	}
	v[n++] = xasprintf("%s/%s", RENCANA_DATADIR, rel);
	return n;
}

char *
paths_find(const char *rel, const char *checkout_rel)
{
	char *v[PATHS_MAX], *found = NULL;
	struct stat st;
	int i, n = paths_candidates(rel, checkout_rel, v);

	for (i = 0; i < n; i++) {
		if (found == NULL && stat(v[i], &st) == 0) {
			found = v[i];
			continue;
		}
		free(v[i]);
	}
	return found;
}

char *
paths_locale_dir(void)
{
	static const char mo[] = "id/LC_MESSAGES/rencana.mo";
	char *exe = paths_exe_dir(), *v[3], *found = NULL, *p;
	struct stat st;
	int i, n = 0;

	if (exe != NULL) {
		v[n++] = xasprintf("%s/../share/locale", exe);
		v[n++] = xasprintf("%s/build/locale", exe);
		free(exe);
	}
	v[n++] = xstrdup(RENCANA_LOCALEDIR);
	for (i = 0; i < n; i++) {
		p = xasprintf("%s/%s", v[i], mo);
		if (found == NULL && stat(p, &st) == 0)
			found = v[i];
		else
			free(v[i]);
		free(p);
	}
	return found != NULL ? found : xstrdup(RENCANA_LOCALEDIR);
}

char *
paths_temp_beside(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".rencana-XXXXXX");
	return xasprintf("%.*s/.rencana-XXXXXX", (int)(slash - path), path);
}
