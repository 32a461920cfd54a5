/*
 * rencana: the signature forms of Permendagri 1/2023 Pasal 44 by the
 * signer's role (docs/tata-naskah.md has the rules and their tests).
 *
 * Pasal 44: (1) the signer of naskah dinas pengaturan and penetapan is
 * named without titles; (2) of penugasan, korespondensi and khusus with
 * titles; (3) officials other than the Kepala Daerah, Wakil Kepala Daerah
 * and Sekretaris Daerah with titles, NIP and pangkat/golongan; (4) a Pj,
 * Pjs, Plt or Plh of the Kepala Daerah and (5) a Pj or Plh of the
 * Sekretaris Daerah without titles, NIP and pangkat/golongan.
 */
#include <stdlib.h>
#include <string.h>

#include "tnd.h"
#include "xalloc.h"

static const struct role {
	const char *peran;
	unsigned form;		/* TND_*, before ayat (1) */
	const char *ayat;	/* the article deciding NIP and pangkat */
	const char *prefix;	/* before the position */
	const char *status;	/* status_jabatan it implies */
} roles[] = {
	{ "kepala-daerah", TND_TITLES, "Pasal 44 ayat (3)", NULL, NULL },
	{ "wakil-kepala-daerah", TND_TITLES, "Pasal 44 ayat (3)", NULL, NULL },
	{ "sekretaris-daerah", TND_TITLES, "Pasal 44 ayat (3)", NULL, NULL },
	{ "pj-kepala-daerah", 0, "Pasal 44 ayat (4)", "Pj.", "pj" },
	{ "pjs-kepala-daerah", 0, "Pasal 44 ayat (4)", "Pjs.", NULL },
	{ "plt-kepala-daerah", 0, "Pasal 44 ayat (4)", "Plt.", "plt" },
	{ "plh-kepala-daerah", 0, "Pasal 44 ayat (4)", "Plh.", "plh" },
	{ "pj-sekretaris-daerah", 0, "Pasal 44 ayat (5)", "Pj.", "pj" },
	{ "plh-sekretaris-daerah", 0, "Pasal 44 ayat (5)", "Plh.", "plh" },
	{ "pejabat", TND_TITLES | TND_NIP | TND_PANGKAT, "Pasal 44 ayat (3)",
	    NULL, NULL },
};

static const struct role *
role_of(const char *peran)
{
	size_t i;

	if (peran == NULL)
		peran = "pejabat";
	for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(peran, roles[i].peran) == 0)
			return &roles[i];
	return &roles[sizeof(roles) / sizeof(roles[0]) - 1];
}

unsigned
tnd_form(const char *peran, int penetapan, const char **ayat)
{
	const struct role *r = role_of(peran);

	if (ayat != NULL)
		*ayat = r->ayat;
	return penetapan ? r->form & ~TND_TITLES : r->form;
}

const char *
tnd_titles_ayat(const char *peran, int penetapan)
{
	const struct role *r = role_of(peran);

	if (r->form & TND_TITLES)
		return penetapan ? "Pasal 44 ayat (1)" : NULL;
	return r->ayat;
}

const char *
tnd_rule(const char *ayat)
{
	if (ayat == NULL)
		return "";
	if (strcmp(ayat, "Pasal 44 ayat (1)") == 0)
		return "Permendagri 1/2023 Pasal 44 ayat (1) writes the signer of a "
		    "naskah dinas penetapan or pengaturan without titles";
	if (strcmp(ayat, "Pasal 44 ayat (4)") == 0)
		return "Permendagri 1/2023 Pasal 44 ayat (4) writes a Pj, Pjs, Plt or "
		    "Plh of the Kepala Daerah without titles, NIP and pangkat/golongan";
	if (strcmp(ayat, "Pasal 44 ayat (5)") == 0)
		return "Permendagri 1/2023 Pasal 44 ayat (5) writes a Pj or Plh of the "
		    "Sekretaris Daerah without titles, NIP and pangkat/golongan";
	return "Permendagri 1/2023 Pasal 44 ayat (3) gives titles, NIP and "
	    "pangkat/golongan to signers other than the Kepala Daerah, Wakil "
	    "Kepala Daerah and Sekretaris Daerah";
}

const char *
tnd_role_prefix(const char *peran)
{
	return role_of(peran)->prefix;
}

const char *
tnd_role_status(const char *peran)
{
	return role_of(peran)->status;
}

char *
tnd_strip_titles(const char *name)
{
	static const char *const before[] = { "Prof.", "Dr.", "Drs.", "Dra.",
	    "Ir.", "dr.", "drg.", "Ns.", "apt." };
	const char *s = name, *e;
	size_t i, n;
	int again = 1;

	while (again) {
		again = 0;
		while (*s == ' ')
			s++;
		for (i = 0; i < sizeof(before) / sizeof(before[0]); i++) {
			n = strlen(before[i]);
			if (strncmp(s, before[i], n) == 0 &&
			    (s[n] == ' ' || s[n] == '\0')) {
				s += n;
				again = 1;
				break;
			}
		}
	}
	e = strchr(s, ',');
	if (e == NULL)
		e = s + strlen(s);
	while (e > s && e[-1] == ' ')
		e--;
	return xstrndup(s, (size_t)(e - s));
}
