/*
 * rencana: template folders: finding one by name, the chain of bases a
 * folder overlays (templat.yaml `dasar:`), merging their YAML files, and a
 * stand-alone copy of a folder (`rencana template copy`).
 */
#ifndef RENCANA_FOLDER_H
#define RENCANA_FOLDER_H

#include <stddef.h>

#include "diag.h"

struct buf;
struct pnode;

/* A folder and its bases, at most: a shipped kind has 2 (the kind and
 * templates/dasar), a secretariat's overlay of a kind 3. */
#define FOLDER_MAX_LAYERS	4
/* Folders a template name is looked up in: $RENCANA_TEMPLATES, the
 * installed or checkout folders (PATHS_MAX), ./templates. */
#define FOLDER_MAX_ROOTS	5

/* The main template, and the file naming a folder's base. */
extern const char FOLDER_MAIN[];	/* dokumen.md.mustache */
extern const char FOLDER_TEMPLAT[];	/* templat.yaml */

/* True when dir holds a main template or a templat.yaml. */
int	 folder_is_template(const char *dir);

/* Fills roots with the folders template names are looked up in, in order;
 * returns how many.  The caller frees each. */
size_t	 folder_roots(char *roots[FOLDER_MAX_ROOTS]);

/*
 * The template folder called `name` (no `/`): the first ROOT/name that
 * folder_is_template accepts.  Returns a new string the caller frees, or
 * NULL with *searched (when not NULL) set to the roots searched, joined
 * with ", " (the caller frees it).
 */
char	*folder_find(const char *name, char **searched);

/*
 * The layers of the template folder dir: v[0] is dir, then the base its
 * templat.yaml names (`dasar: NAME`, looked up with folder_find), then that
 * base's base, at most FOLDER_MAX_LAYERS.  A file is looked up from v[0]
 * outwards.  A first folder whose templat.yaml says `hanya_dasar: true` is
 * refused: it is only a base.  Fills v with new strings the caller frees
 * and returns how many; 0 after an error (reported to dl: template-base,
 * path-outside, ...).
 */
size_t	 folder_layers(const char *dir, char *v[FOLDER_MAX_LAYERS],
	    struct diag_list *);

/*
 * Key-level merge of two YAML maps: each member of over replaces the
 * member of base with its key, in base's place; two maps are merged
 * member by member, two lists joined (base's items, then over's); members
 * only over has are appended.  over's members are moved (it is left
 * empty); base owns them.
 */
void	 folder_merge(struct pnode *base, struct pnode *over);

/*
 * Writes a stand-alone copy of the template folder dir and its bases into
 * dest: every file of every layer (the nearest layer's wins), gaya.yaml
 * and kata-*.yaml merged as folder_merge does, no templat.yaml.  dest must
 * not exist or be an empty folder; the copy is written into a temporary
 * folder beside it and renamed into place only when complete.  Returns 0,
 * or -1 with messages in dl (io-write for dest, template-base and others
 * for the template).
 */
int	 folder_copy(const char *dir, const char *dest, struct diag_list *);

/* Appends one line `NAME  FOLDER` per template that can be chosen by name
 * (a base is not), the first of each name in look-up order, sorted. */
void	 folder_list(struct buf *out);

#endif
