/* rencana: computed fields: the plan tree plus what templates print but the planner does not type. */
#ifndef RENCANA_COMPUTE_H
#define RENCANA_COMPUTE_H

#include <stddef.h>

#include "diag.h"
#include "plan.h"
#include "style.h"

/*
 * Returns a NEW tree holding a copy of the plan's data plus computed nodes
 * (flagged `generated`, positioned at the field they come from): long
 * dates, formatted numbers and rupiah, region names, chapter titles,
 * totals, row numbers and first/last flags (no numbers of chapters,
 * sections or tables: number.c gives those on the block tree).  Every
 * name is listed in docs/templates.md, "Computed fields".  lang is "id" or
 * "en" (month names and the words of enum values; numbers stay Indonesian).  The caller frees it with pnode_free.
 * Returns NULL when the plan has no tree.
 */
struct pnode	*compute_context(const struct plan *, const struct style *,
		    const char *lang, struct diag_list *);
/*
 * Adds the template's word set (`kata`, a map of strings) to a context made
 * by compute_context, as `kata`, and gives every chapter (`bab.<key>`)
 * without a title of the plan's its word (`bab_<key>`), and `judul_kapital`.
 * `kata` is copied.
 */
void		 compute_add_words(struct pnode *ctx, const struct pnode *kata);
/*
 * The proper names of a context made by compute_context, for the no-break
 * ties of words.c: the region's full name, its parent region, province,
 * government and agency, and the signer's name (UTF-8, each once).  Stores
 * a NEW array of new strings in *v and its length in *n; the caller frees
 * each string and the array.
 */
void		 compute_names(const struct pnode *ctx, char ***v, size_t *n);
/*
 * True when `name` (one segment) is a computed field that can appear in a
 * map at `path`, the context path with list indices removed, e.g.
 * "strategi.daftar" or "" for the root.
 */
int		 compute_name_known(const char *path, const char *name);

/* ---- formatters (each returns a new string the caller frees, or NULL
 * when the input is not of the expected form) ---- */

/* "2026-11-22" -> "22 November 2026" (en: the same with English months). */
char	*compute_date_long(const char *ymd, const char *lang);
/*
 * Numbers, rupiah and percentages are written the Indonesian way in every
 * language: the document stays an Indonesian official document (an English
 * one is a translation), and Indonesian separators are its legal form.
 */
/* A decimal number as typed ("1234.5", "-3", "72.50") -> "1.234,5"; the
 * decimals typed are kept. */
char	*compute_number(const char *typed);
/* A whole number of rupiah ("1250000000") -> "Rp1.250.000.000,00". */
char	*compute_rupiah(const char *typed);
/* 18 digits, spaces allowed -> "19700101 199503 1 001". */
char	*compute_nip(const char *nip);
/* tingkat + nama -> "Kota Mataram", "Kecamatan Alak", "Provinsi Banten". */
char	*compute_region(const char *tingkat, const char *nama);
/* UTF-8 to capitals (ASCII and Latin-1 letters). */
char	*compute_upper(const char *s);
/* part/whole as a percentage with one decimal: "45,2%". */
char	*compute_percent(long long part, long long whole);

#endif
