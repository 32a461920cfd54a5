/* rencana: the plan format rencana/1 as static tables of fields. */
#ifndef RENCANA_SCHEMA_H
#define RENCANA_SCHEMA_H

#include <stddef.h>

struct buf;

/*
 * The type of a field decides how its YAML text is read: the format, not
 * YAML 1.1 resolution, says that `kode: 52.71` is a string.
 */
enum schema_type {
	SCHEMA_MAP,		/* fixed keys: `children`, ended by a NULL key */
	SCHEMA_DICT,		/* free keys (`target`: year -> number); `children` is the value */
	SCHEMA_LIST,		/* `children` is the item */
	SCHEMA_STRING,		/* plain text, one scalar */
	SCHEMA_MARKDOWN,	/* CommonMark + GFM tables */
	SCHEMA_ENUM,		/* one of `values` */
	SCHEMA_BOOL,		/* `ya` / `tidak` (also `true` / `false`) */
	SCHEMA_INT,		/* -?[0-9]+ */
	SCHEMA_NUMBER,		/* -?[0-9]+(\.[0-9]+)? */
	SCHEMA_YEAR,		/* 4 digits */
	SCHEMA_DATE,		/* YYYY-MM-DD, a real day */
	SCHEMA_CODE,		/* ^[A-Z]{1,3}[0-9]{1,3}$: goal, strategy, indicator codes */
	SCHEMA_PATH,		/* a file path relative to the plan */
	SCHEMA__COUNT
};

/* Flags of a field. */
#define SCHEMA_REQUIRED	0x01	/* the key must be present with a value */
#define SCHEMA_NONEMPTY	0x02	/* a list or dict with at least one item */

/*
 * Checks beyond the type, each a handler in validate.c keyed by this id
 * (like mandoc's post_ functions).  SCHEMA_CHECK_NONE for most fields.
 */
enum schema_check {
	SCHEMA_CHECK_NONE,
	SCHEMA_CHECK_FORMAT,		/* format: `rencana/1` */
	SCHEMA_CHECK_REGION_CODE,	/* wilayah.kode vs tingkat */
	SCHEMA_CHECK_NIP,		/* penandatangan.nip */
	SCHEMA_CHECK_GOLONGAN,		/* I/a .. IV/e */
	SCHEMA_CHECK_EMAIL,
	SCHEMA_CHECK_PHONE,
	SCHEMA_CHECK_URL,
	SCHEMA_CHECK_SCHEDULE,		/* YYYY, YYYY-MM, YYYY-Qn, YYYY-Sn in the period */
	SCHEMA_CHECK_POSITIVE,		/* integer > 0 */
	SCHEMA_CHECK_NONNEG,		/* integer >= 0 */
	SCHEMA_CHECK_GOAL_REF,		/* a goal code that exists */
	SCHEMA_CHECK_STRATEGY_REF,	/* a strategy code that exists */
	SCHEMA_CHECK_TARGET_YEAR,	/* a year inside the period (dict keys) */
	SCHEMA_CHECK_ROOT,		/* final needs nomor, penandatangan; JP; unmeasured goals */
	SCHEMA_CHECK_PERIOD,		/* mulai <= selesai, at most 10 years */
	SCHEMA_CHECK_WILAYAH,		/* induk, provinsi by tingkat */
	SCHEMA_CHECK_PEGAWAI,		/* breakdowns add up to jumlah */
	SCHEMA_CHECK_KOMPETENSI,	/* % values 0..100 */
	SCHEMA_CHECK_INDIKATOR,		/* baseline year, %, direction */
	SCHEMA_CHECK_SIGNER,		/* an/ub need atas_nama; pangkat vs golongan; Pasal 44 forms */
	SCHEMA_CHECK_PARAF,		/* at most three paraf, only on a konsep */
	SCHEMA_CHECK_TTE_URL,		/* dokumen.tte_verifikasi: a web address a QR code holds */
	SCHEMA_CHECK__COUNT
};

/*
 * The patterns of text fields (PCRE2 and ECMA-262 alike: validate.c
 * compiles them, the JSON Schema carries them), indexed for schema_pattern().
 */
enum schema_pat {
	SCHEMA_PAT_CODE,
	SCHEMA_PAT_REGION,
	SCHEMA_PAT_NIP,		/* once the spaces are removed */
	SCHEMA_PAT_GOLONGAN,
	SCHEMA_PAT_EMAIL,
	SCHEMA_PAT_PHONE,
	SCHEMA_PAT_URL,
	SCHEMA_PAT_SCHEDULE,
	SCHEMA_PAT_DATE,	/* the shape; the day is checked apart */
	SCHEMA_PAT__COUNT
};

/* Beyond this a count or rupiah amount is a typo; doubles stay exact. */
#define SCHEMA_MAX_INT	1e15

/* Bytes of dokumen.tte_verifikasi: a QR code of version 8 at error
 * correction level M holds 152 bytes in 49 x 49 modules, each 0.45 mm in
 * the 22 mm the signature block gives it (layout_tte.c): larger versions
 * make modules too small for a phone to read from a printout. */
#define SCHEMA_TTE_URL_MAX	150

/* One value of an enum and the words documents print for it. */
struct schema_value {
	const char	*value;		/* as the plan writes it; NULL ends a list */
	const char	*word_id;	/* printed in Indonesian, or NULL: never printed */
	const char	*word_en;	/* printed in English, or NULL: word_id */
};

struct schema_field {
	const char		*key;		/* NULL: ends a table; the item of a list or dict */
	enum schema_type	 type;
	unsigned		 flags;		/* SCHEMA_REQUIRED, SCHEMA_NONEMPTY */
	enum schema_check	 check;
	const struct schema_value *values;	/* SCHEMA_ENUM: ended by a NULL value */
	const char		*dflt;		/* default value as text, or NULL */
	const char		*desc;		/* what it means, in Indonesian */
	const char		*example;	/* an example value, or NULL */
	const struct schema_field *children;	/* MAP: fields; LIST, DICT: the item */
	double			 min, max;	/* NUMBER: the range when min < max */
	size_t			 off;		/* where a loader stores the value in its
						   struct (style.c), 0: nowhere */
};

/* The top-level map of a plan.  Static; never freed. */
const struct schema_field *schema_root(void);
/* The field under `f` for `key`: for a MAP the member with that key (NULL
 * when unknown), for a LIST its item, for a DICT its value type (key is
 * ignored for both); NULL for scalars. */
const struct schema_field *schema_child(const struct schema_field *f,
	    const char *key);
/* The field at a dotted path from the root ("wilayah.tingkat"; a list's or
 * dict's item is passed through: "strategi.daftar.kegiatan.bentuk"), or
 * NULL. */
const struct schema_field *schema_find(const char *path);
/* The word printed for `value` of the enum at `path` in language `lang`
 * ("en", else Indonesian): "kota" -> "Kota".  NULL when value is NULL; the
 * value itself when it is not one of the enum's or has no word.  Static. */
const char	*schema_word(const char *path, const char *value, const char *lang);
/* The regular expression of a pattern, anchored with ^ and $. */
const char	*schema_pattern(enum schema_pat);
/* The name of a type as the docs print it: "map", "list of", "string"... */
const char	*schema_type_name(enum schema_type);
/* The key pattern of a DICT field's keys (a year), as a regular expression. */
const char	*schema_dict_key_pattern(const struct schema_field *f);
/* Appends the JSON Schema (draft-07) of rencana/1 to `out`. */
void		 schema_json(struct buf *out);
/* Appends a Markdown table of every field (path, type, required, default,
 * meaning, example) to `out`: the reference part of docs/format.md. */
void		 schema_markdown(struct buf *out);

#endif
