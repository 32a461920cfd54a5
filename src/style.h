/*
 * rencana: the typographic style of a template (templates/NAME/gaya.yaml):
 * paper, margins, fonts and sizes, spacing, headings, page numbers.
 * Read by the template stage, used by layout.
 */
#ifndef RENCANA_STYLE_H
#define RENCANA_STYLE_H

#include <stddef.h>

#include "diag.h"

enum style_pagenum {
	PAGENUM_BOTTOM_CENTER,	/* plan/report practice: "3" at the bottom centre */
	PAGENUM_TOP_CENTER,	/* naskah dinas: "- 3 -" at the top centre */
	PAGENUM_BOTTOM_RIGHT,
	PAGENUM_NONE
};

enum style_heading_num {
	HEADNUM_DECIMAL,	/* 1.1 Latar Belakang */
	HEADNUM_LETTER		/* A. Latar Belakang */
};

/* The orientation of a table kind (gaya.yaml `orientasi_tabel`; the
 * lists' order there). */
enum style_orient {
	ORIENT_AUTO,		/* `otomatis`: landscape when portrait is too narrow */
	ORIENT_PORTRAIT,	/* `potret` */
	ORIENT_LANDSCAPE,	/* `lanskap` */
	ORIENT__COUNT
};

struct style {
	double	 paper_w_mm, paper_h_mm;	/* A4 210 x 297 */
	double	 margin_top_mm;			/* 20 */
	double	 margin_bottom_mm;		/* 25 */
	double	 margin_left_mm;		/* 30 */
	double	 margin_right_mm;		/* 20 */
	char	*font[4];			/* file names in fonts/, by enum font_style */
	double	 body_size_pt;			/* 12 */
	double	 line_spacing;			/* 1.5 (multiple of the font size x 1.15) */
	double	 paragraph_space_pt;		/* space after a paragraph */
	double	 first_indent_mm;		/* first-line indent of body paragraphs */
	double	 h1_size_pt, h2_size_pt, h3_size_pt;
	double	 cover_title_size_pt;		/* 20 */
	double	 table_size_pt;			/* text in tables, 10 */
	enum style_pagenum	pagenum;
	enum style_heading_num	headnum;
	int	 hyphenate;			/* 1: Indonesian hyphenation on */
	char	**hyph_exceptions;		/* words with their breaks: "pe-ngem-bang-an" */
	size_t	 nhyph_exceptions;
	double	 hyph_run_max;			/* hyphenated lines in a row, at most (2) */
	char	**foreign;			/* foreign terms set in italics
						 * (`istilah_asing`, UTF-8) */
	size_t	 nforeign;
	char	**names;			/* proper names kept on one line
						 * (from the plan: build.c) */
	size_t	 nnames;
	char	*caption_word;			/* "Tabel" / "Table" */
	char	*chapter_word;			/* "BAB" / "CHAPTER" (the word set's `bab`) */
	char	*appendix_word;			/* "LAMPIRAN" / "APPENDIX" (the word
						 * set's `lampiran`) */
	char	*draft_word;			/* "KONSEP" / "DRAFT" */
	char	*cont_word;			/* a continued table's line: "Lanjutan"
						 * (before the label), or a text
						 * with `{}` where the label goes
						 * ("{} (continued)") */
	char	*figure_word;			/* "Gambar" / "Figure" (the word set's `gambar`) */
	int	 charts;			/* 1: rencana-grafik charts are drawn (gaya.yaml grafik) */
	int	 paraf_box;			/* 1: a draft's paraf box at the bottom right of every page */
	char	**orient_kind[ORIENT__COUNT];	/* table kinds (a template's
						 * `rencana-tabel` `jenis`) per
						 * orientation, UTF-8 */
	size_t	 norient_kind[ORIENT__COUNT];
	/* The plan's wilayah.logo and where it is written: layout reports a
	 * cover logo with this value there (NULL: the plan names none). */
	char	*logo;
	struct srcpos logo_pos;
};

/* Fills the built-in defaults (A4, 3/2/2/2.5 cm, Liberation Sans 12 pt,
 * spacing 1.5, page numbers bottom centre, decimal headings). */
void	style_default(struct style *);
/* Sets the paper by name ("A4", "F4", "letter"); returns 0, or -1 if unknown. */
int	style_set_paper(struct style *, const char *name);
struct diag_list;
/* Reads a template's gaya.yaml over the values already in the style (call
 * style_default first).  Unknown keys (with the nearest valid key
 * suggested), wrong types and values out of range are reported to the list
 * with file:line:col.  Returns 0, or -1 when the file could not be read or
 * had an error. */
int	style_load(const char *path, struct style *, struct diag_list *);
/* The same from text already read; `name` (the file's path) names it in
 * messages, and its folder is the template folder: fonts named with a `/`
 * must lie inside it (confine.c) and are replaced by their real paths. */
int	style_load_buffer(const char *name, const char *text, size_t len,
	    struct style *, struct diag_list *);
/* The orientation gaya.yaml gives tables of `kind` (NULL: a table with
 * none): the kind's own, else that of `semua`, else ORIENT_AUTO. */
enum style_orient style_table_orient(const struct style *, const char *kind);
/* Frees the strings a style owns (not the struct itself). */
void	style_free(struct style *);

#endif
