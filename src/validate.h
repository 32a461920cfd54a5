/* rencana: validation of a plan tree against rencana/1. */
#ifndef RENCANA_VALIDATE_H
#define RENCANA_VALIDATE_H

#include <stddef.h>

#include "diag.h"

struct plan;
struct pnode;
struct schema_field;
struct diag_list;

/*
 * Checks every rule of rencana/1 (docs/format.md) on a loaded plan whose
 * root is not NULL: keys, types, values, cross-references, and the
 * warnings.  Every problem goes to `dl` with its field path and position.
 * Returns the number of errors added (warnings not counted).
 */
int		 validate_plan(const struct plan *, struct diag_list *dl);

/*
 * Checks that the template's fonts have every character of the plan's
 * values: m's four fonts (page.h; fonts[] their files, by font_style,
 * named in messages: a value may be set in any of them).  A character one
 * lacks is a D_VAL_CHAR error at its line and column (an escape at its
 * backslash).  Run once the template's style is known (build.c), after
 * validate_plan.  Returns the number of errors added.
 */
struct metrics;
int		 validate_chars(const struct plan *, const struct metrics *m,
		    const char *const *fonts, struct diag_list *dl);

/*
 * Checks a tree against schema tables other than the plan's (gaya.yaml,
 * style.c) the way validate_plan checks a plan: unknown keys with "did you
 * mean", types, enums, number ranges, positions; not the plan's checks
 * across fields nor its character check.  Unknown keys are reported with
 * key_code, every other problem with value_code.  Returns the number of
 * errors added.
 */
int		 validate_tree(const struct pnode *root, const struct schema_field *f,
		    enum diag_code key_code, enum diag_code value_code,
		    struct diag_list *dl);

/*
 * "Did you mean": the one rule for plan keys and values, style keys and
 * template names.  Feed every candidate to validate_suggest_try; the result
 * is the nearest by validate_edit_distance if it is at most 2 or a third of
 * the typed length, else NULL.  A candidate that is the typed word plus a
 * suffix after `_` (`ukuran` for `ukuran_pt`) counts as distance 1.
 */
struct validate_suggest {
	const char	*typed;
	const char	*best;		/* NULL: none yet */
	size_t		 dist;
};
void		 validate_suggest_init(struct validate_suggest *, const char *typed);
void		 validate_suggest_try(struct validate_suggest *, const char *candidate);
const char	*validate_suggest_result(const struct validate_suggest *);

/* ---- helpers, exported for the unit tests ---- */

/* Edit distance (insert, delete, substitute, swap two neighbours) between
 * two keys; strings longer than 64 bytes count as far apart (65). */
size_t		 validate_edit_distance(const char *a, const char *b);

/* What a number field's text is. */
enum validate_num {
	VALIDATE_NUM_INT,	/* -?[0-9]+ */
	VALIDATE_NUM_DECIMAL,	/* -?[0-9]+\.[0-9]+ */
	VALIDATE_NUM_COMMA,	/* 72,5: a decimal comma */
	VALIDATE_NUM_THOUSANDS,	/* 1.250.000 (or 1.250.000,5): thousands separators */
	VALIDATE_NUM_BAD	/* anything else */
};
/* Classifies s and, for INT and DECIMAL, stores its value in *v. */
enum validate_num validate_number(const char *s, double *v);

/* Problems of a NIP, as bits (0: a valid NIP). */
#define VALIDATE_NIP_SHAPE	0x01	/* not 18 digits (spaces allowed) */
#define VALIDATE_NIP_BIRTH	0x02	/* digits 1-8 not a real date */
#define VALIDATE_NIP_TMT	0x04	/* digits 9-14 not a real year and month */
#define VALIDATE_NIP_YOUNG	0x08	/* appointed before the age of 18 */
#define VALIDATE_NIP_LATE	0x10	/* appointed after the document date */
#define VALIDATE_NIP_SEX	0x20	/* digit 15 not 1 or 2 */
#define VALIDATE_NIP_SERIAL	0x40	/* digits 16-18 are 000 */
/* Checks a NIP against the document's year and month (docy 0: no date). */
unsigned	 validate_nip(const char *s, int docy, int docm);

/* Problems of a region code for a `tingkat`. */
enum validate_region {
	VALIDATE_REGION_OK,
	VALIDATE_REGION_SHAPE,	/* not PP, PP.KK, PP.KK.CC or PP.KK.CC.DDDD */
	VALIDATE_REGION_DEPTH,	/* parts do not fit tingkat */
	VALIDATE_REGION_KAB,	/* kabupaten with KK >= 70 */
	VALIDATE_REGION_KOTA,	/* kota with KK < 71 */
	VALIDATE_REGION_KEL,	/* kelurahan whose DDDD does not start with 1 */
	VALIDATE_REGION_DESA	/* desa whose DDDD does not start with 2 */
};
/* tingkat NULL or unknown: only the shape is checked. */
enum validate_region validate_region_code(const char *code, const char *tingkat);

/* True when y-m-d is a day that exists. */
int		 validate_date_exists(int y, int m, int d);

/* The version of PCRE2 in use. */
const char	*validate_lib_version(void);

#endif
