/*
 * rencana: the signature forms of Permendagri 1/2023 (Tata Naskah Dinas di
 * Lingkungan Pemerintah Daerah) Pasal 44, shared by validate.c (which warns
 * about what will not be printed) and compute.c (which prints the block).
 */
#ifndef TND_H
#define TND_H

/* What a signature block prints under the name (tnd_form). */
#define TND_TITLES	0x01	/* the name with its titles (gelar) */
#define TND_NIP		0x02	/* NIP */
#define TND_PANGKAT	0x04	/* pangkat/golongan */

/*
 * The forms the signer's role `peran` (NULL: `pejabat`) prints, the
 * TND_* flags; penetapan is nonzero when the plan is the appendix of a
 * naskah dinas penetapan or pengaturan (dokumen.penetapan), whose signer
 * is named without titles.  *ayat, when not NULL, gets the article that
 * decides the NIP and pangkat ("Pasal 44 ayat (3)"; a static string).
 */
unsigned	tnd_form(const char *peran, int penetapan, const char **ayat);

/* The article that takes the titles away: ayat (1), (4) or (5); NULL when
 * the titles are printed. */
const char	*tnd_titles_ayat(const char *peran, int penetapan);

/* What the article says, for messages: "Permendagri 1/2023 Pasal 44 ayat
 * (4) writes ..."; static. */
const char	*tnd_rule(const char *ayat);

/* The word before the position a role implies ("Pj.", "Pjs.", "Plt.",
 * "Plh."), or NULL; static. */
const char	*tnd_role_prefix(const char *peran);

/* The status_jabatan value a role implies ("pj", "plt", "plh"; "pjs" has
 * none in status_jabatan), or NULL; static. */
const char	*tnd_role_status(const char *peran);

/*
 * The name without its titles: the academic and professional titles before
 * it (Prof., Dr., Drs., Dra., Ir., dr., drg., Ns., apt.) and everything
 * from the first comma (", S.H., M.Si.").  H. and Hj. (haji) and initials
 * stay.  A new string the caller frees.
 */
char		*tnd_strip_titles(const char *name);

#endif
