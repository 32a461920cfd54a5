/* rencana: the plan tree: YAML read into maps, lists and strings with positions. */
#ifndef RENCANA_PLAN_H
#define RENCANA_PLAN_H

#include <stddef.h>

#include "diag.h"

/*
 * Limits of the loader, each with its reason.  They bound the work of every
 * later stage, which is linear in the size of the tree.
 */
#define PLAN_MAX_BYTES	(4u * 1024 * 1024) /* a real plan is < 100 KiB; 40x headroom */
#define PLAN_MAX_DEPTH	64		/* the format nests 6 deep; stops stack-hungry trees */
#define PLAN_MAX_NODES	100000		/* ~100x a large plan; bounds memory to a few MiB */
#define PLAN_MAX_SCALAR	(64u * 1024)	/* a chapter of prose is < 20 KiB */

enum pn_type {
	PN_MAP,
	PN_SEQ,
	PN_STR
};

enum pn_style {
	PN_PLAIN,	/* unquoted scalar (or a map/list) */
	PN_QUOTED,	/* 'single' or "double" quoted */
	PN_BLOCK	/* | literal or > folded */
};

struct pnode {
	enum pn_type	 type;
	enum pn_style	 style;
	struct srcpos	 pos;		/* first character of the value */
	struct srcpos	 keypos;	/* first character of the key (map members) */
	char		*key;		/* map member: its key; else NULL */
	char		*str;		/* PN_STR: the text as typed, NUL-terminated */
	size_t		 len;		/* PN_STR: bytes in str */
	size_t		 index;		/* place among its siblings, from 0 */
	int		 generated;	/* made by the program, not read from the file */
	struct pnode	*parent;
	struct pnode	*first;		/* children of a map or list, in file order */
	struct pnode	*last;
	struct pnode	*next;
	size_t		 nchild;
};

struct plan {
	struct pnode	*root;		/* NULL when the file could not be parsed */
	const char	*file;		/* owned by the diag list given to plan_load */
	char		*dir;		/* directory of the file ("." if none), for relative paths */
	size_t		 nnodes;
};

/*
 * Reads a YAML file into a plan tree.  Every problem goes to `dl`.  Returns a
 * plan the caller frees with plan_free, or NULL when the file could not be
 * read (D_IO_OPEN).  plan->root is NULL after a syntax error or a limit that
 * stops loading; after other errors (an alias, a tag, a duplicate key) the
 * tree is complete apart from the refused part, so validation can go on.
 */
struct plan	*plan_load_file(const char *path, struct diag_list *dl);
/* Same, from memory; `name` is used in messages. */
struct plan	*plan_load_buffer(const char *name, const char *data, size_t len,
		    struct diag_list *dl);
void		 plan_free(struct plan *);

/* Map lookup: the member with this key, or NULL (also when map is not a map). */
struct pnode	*pnode_get(const struct pnode *map, const char *key);
/* The string value of a member, or NULL when absent or not a string. */
const char	*pnode_str(const struct pnode *map, const char *key);
/* pnode_str, but NULL also for a null or blank value: an optional field
 * left empty is absent (docs/format.md). */
const char	*pnode_text(const struct pnode *map, const char *key);
/* The field path of a node, e.g. `monitoring.indikator[2].target.2031`;
 * the caller frees it. */
char		*pnode_path(const struct pnode *);
/* True for a plain scalar that YAML would read as null: empty, `~`, `null`. */
int		 pnode_is_null(const struct pnode *);

/* Building trees (for computed fields and tests).  New nodes are flagged
 * `generated` and take `pos` (may be NULL) as their position. */
struct pnode	*pnode_new(enum pn_type, const struct srcpos *pos);
struct pnode	*pnode_new_str(const char *s, size_t len, const struct srcpos *pos);
/* Appends child to a list, or to a map under `key` (copied; NULL for lists). */
void		 pnode_append(struct pnode *parent, const char *key, struct pnode *child);
/* Frees a node and everything below it (iteratively; any depth). */
void		 pnode_free(struct pnode *);

/* Checks a buffer for valid UTF-8; returns the byte offset of the first bad
 * sequence, or (size_t)-1 when the whole buffer is valid. */
size_t		 plan_utf8_check(const char *s, size_t len);
/* Converts a byte offset into a 1-based line and character column. */
void		 plan_offset_pos(const char *s, size_t len, size_t off, int *line, int *col);

/* The version of libyaml in use. */
const char	*plan_lib_version(void);

#endif
