/* rencana: diagnostics: codes, collection, sorting and printing. */
#ifndef RENCANA_DIAG_H
#define RENCANA_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

enum diag_level {
	DIAG_WARNING,
	DIAG_ERROR
};

enum diag_code {
#define DIAG(name, level, id, text) name,
#include "diag_codes.h"
#undef DIAG
	D__COUNT
};

/* A position in a user's file: 1-based line and column (column counted in
 * characters, not bytes).  `file` points at a string owned by whoever
 * registered the file (diag_source_add copies it). */
struct srcpos {
	const char	*file;
	int		 line;
	int		 col;
};

struct diag {
	const char	*file;		/* owned by the list */
	int		 line;		/* 0 when the message has no position */
	int		 col;
	enum diag_level	 level;
	enum diag_code	 code;
	char		*path;		/* field path such as `tujuan.daftar[0].kode`, or NULL */
	char		*msg;		/* lower case, no final period; English */
	char		*help;		/* how to fix it (diag_help), or NULL; English */
	char		*msg_tr;	/* msg in the chosen language, or NULL (English) */
	char		*help_tr;	/* help in the chosen language, or NULL */
	size_t		 seq;		/* emission order, for a stable sort */
};

struct diag_source {
	char		*file;		/* name as given on the command line */
	char		*text;		/* bytes of the file, NUL-terminated */
	size_t		 len;
	size_t		 hint_off;	/* printing: start of line hint_line, so that */
	int		 hint_line;	/* sorted messages find their lines in one pass */
};

struct diag_list {
	struct diag		*v;
	size_t			 n, cap;
	struct diag_source	*src;
	size_t			 nsrc, srccap;
	size_t			 nerror;	/* errors added so far */
	size_t			 nwarning;
};

enum diag_format {
	DIAG_FMT_TEXT,		/* file:line:col: error: path: message, source line, caret */
	DIAG_FMT_JSON,		/* one JSON array */
	DIAG_FMT_GITHUB		/* ::error file=...,line=...,col=...::message */
};

/*
 * Translation (issue 14 part 1).  Messages are written in English in the
 * source; diag_add, diag_addl, diag_help and diag_reword look their format
 * up in the message catalog (gettext domain "rencana") and keep both the
 * English text (JSON "message") and the translation (printed text, JSON
 * "pesan").  The catalog is found and the language chosen by main.c, which
 * calls diag_set_translate(1) when the language is not English.  _() marks
 * and translates any other string shown to the user, N_() only marks one
 * for xgettext (po/POTFILES, the Makefile's XGETTEXT_KEYWORDS).
 */
#define DIAG_DOMAIN	"rencana"
#define N_(s)		s
#define _(s)		diag_tr(s)
/* Turns translation on (1) or off (0, the default: English). */
void		 diag_set_translate(int);
int		 diag_translating(void);
/* The translation of msgid in the chosen language, or msgid itself. */
const char	*diag_tr(const char *msgid)
		    __attribute__((format_arg(1)));
/* The singular or plural form for n, translated (ngettext). */
const char	*diag_trn(const char *msgid, const char *plural, unsigned long n)
		    __attribute__((format_arg(1))) __attribute__((format_arg(2)));

/* Table access: the level, JSON code and description of a code. */
enum diag_level	 diag_code_level(enum diag_code);
const char	*diag_code_id(enum diag_code);
const char	*diag_code_text(enum diag_code);
/* The code whose JSON id is `id` ("val-nip"), or D__COUNT when none is. */
enum diag_code	 diag_code_find(const char *id);
/* The long explanation of a code (its section of docs/diagnostics.md:
 * what it means, examples of the message, the mistake and the fix), or
 * NULL when the document has none.  Static text. */
const char	*diag_code_explain(enum diag_code);

void	 diag_init(struct diag_list *);
void	 diag_free(struct diag_list *);

/* Registers a file's text so that printing can show the offending line; the
 * returned name is owned by the list and lives until diag_free, so srcpos
 * values may point at it.  The text is copied. */
const char *diag_source_add(struct diag_list *, const char *file,
	    const char *text, size_t len);
/* Returns the owned copy of a file name (registering a name without text). */
const char *diag_file(struct diag_list *, const char *file);

/* Adds a message with the code's own level.  pos may be NULL (no position);
 * path may be NULL.  The message is printf-formatted. */
void	 diag_add(struct diag_list *, enum diag_code, const struct srcpos *pos,
	    const char *path, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));
/* Same, with the arguments as a va_list (for functions that pass their
 * own format on: validate.c's report). */
void	 diag_vadd(struct diag_list *, enum diag_code, const struct srcpos *pos,
	    const char *path, const char *fmt, va_list ap)
	    __attribute__((format(printf, 5, 0)));
/* Same, with an explicit level (for codes that can be either). */
void	 diag_addl(struct diag_list *, enum diag_level, enum diag_code,
	    const struct srcpos *pos, const char *path, const char *fmt, ...)
	    __attribute__((format(printf, 6, 7)));

/* Attaches a hint to the message added last: how to fix it, printed as a
 * `help:` line in text, a "help" field in JSON, appended in GitHub format.
 * printf-formatted; replaces an earlier hint.  Does nothing on an empty list. */
void	 diag_help(struct diag_list *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* Adds a message already written out: en in English, tr its translation or
 * NULL.  Takes both strings (frees them).  For messages put together from
 * pieces that are each translated (confine_report's "the template file"). */
void	 diag_add_text(struct diag_list *, enum diag_code,
	    const struct srcpos *pos, const char *path, char *en, char *tr);

/* Attaches a hint already written out: en in English, tr its translation
 * or NULL.  Takes both strings (frees them).  For hints put together from
 * pieces, each piece translated. */
void	 diag_help_text(struct diag_list *, char *en, char *tr);

/* Replaces the message of diagnostic i (an index into dl->v) with a new
 * printf-formatted text, translated as for diag_add. */
void	 diag_reword(struct diag_list *, size_t i, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

/* Removes the warnings (rencana -q); errors stay in their order. */
void	 diag_drop_warnings(struct diag_list *);
/* Sorts stably by file, line, column, emission order. */
void	 diag_sort(struct diag_list *);
/* Prints every message (sorted first).  colour: use ANSI colour (TEXT only). */
void	 diag_print(struct diag_list *, FILE *, enum diag_format, int colour);
/* Writes s as a JSON string literal (with quotes). */
void	 diag_json_string(FILE *, const char *s);

#endif
