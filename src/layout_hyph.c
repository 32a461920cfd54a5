/*
 * rencana: Indonesian hyphenation by rule (PUEBI II.E, KBBI syllables).
 *
 * Algorithm, for one word (all steps linear in its length):
 *
 *  1. Refuse.  A word longer than HYPH_MAX_WORD, a word with any byte that
 *     is not a letter or a hyphen (digits, dots, apostrophes: numbers, codes,
 *     abbreviations such as `S.H.`), a word in capitals (`ASN`, `BKPSDM`) and
 *     a word with a capital after its first letter (`BKPSDMKota`, `McDonald`)
 *     gets no breaks.  A word with only its first letter capital is treated
 *     as its lowercase form, so `Pengembangan` at the start of a sentence
 *     breaks like `pengembangan` (and so does a one-word name like `Mataram`;
 *     an exception entry without hyphens keeps it whole).
 *  2. Parts.  A word with hyphens (`kerja-sama`) is hyphenated part by part;
 *     the breaks after its own hyphens are the line breaker's business.
 *  3. Exceptions.  A part found (case-insensitively) in the exception list,
 *     the built-in one below plus the style's, takes its breaks from there.
 *  4. Morphemes.  KBBI breaks derived words between base and affix
 *     (`pe-la-yan-an`, not `pe-la-ya-nan`), so the part is cut into segments:
 *       - a particle -nya, -lah, -kah, -pun at the end;
 *       - then the suffix -an after a base that ends in one consonant (or ng)
 *         and has at least two syllables (`pelayan|an`, `lingkung|an`, but
 *         `bulan`, `dengan`, `pelanggan` stay whole).  `...Vkan` is -kan
 *         (`dilaku|kan`), except after the noun prefixes pe-/ke-, where it is
 *         -an on a base ending in k (`pendidik|an`, `kebijak|an`);
 *       - combining forms at the end: -krasi, -krat, -kratis, -grafi,
 *         -grafis, -gram (`biro|krasi`, `pro|gram`);
 *       - at the start: trans- before a consonant (`trans|paransi`), infra-,
 *         inter- and antar- before a vowel, ber- and ter- before a vowel when
 *         two syllables follow (`ber|asal`, `ter|akhir`).
 *     A prefix that changed the base (meN-, peN-) is not cut: KBBI splits it
 *     like a basic word (`me-ne-gas-kan`, `pe-ngem-bang-an`).
 *  5. Syllables, in each segment (PUEBI II.E.1):
 *       - two vowels in a row split (`bu-ah`, `sa-at`), except the diphthongs
 *         ai, au, ei, oi (`pan-dai`, `sau-da-ra`), which split when the next
 *         consonant closes the syllable, i.e. the diphthong's second vowel
 *         belongs with it (`ma-in`, `ba-ik`, `la-ut`); in a run of vowels a
 *         diphthong is taken from the left (`pe-ga-wai-an`);
 *       - kh, ng, ny, sy count as one consonant and are never split;
 *       - one consonant between vowels goes right (`ba-pak`, `de-ngan`);
 *       - two split between them (`man-di`, `Ap-ril`, `ang-gar-an`);
 *       - three or more split after the first (`in-stru-men`, `bang-krut`),
 *         except after k, b or p followed by s (`eks-tra`, `teks-til`).
 *  6. Edges.  No break leaves fewer than two letters at either end of a part
 *     (not `i-tu`, not `se-ti-a`), which also keeps the suffix -i from being
 *     split off (`me-la-lui`).
 *
 * The TeX patterns (hyph-id.tex) are not used: their licence is GPL and they
 * break `ma-sya-ra-k-at`, `tran-s-pa-ran-si`, `menegask-an`.  See
 * docs/hyphenation.md.
 */
#include <stdlib.h>
#include <string.h>

#include "layout_hyph.h"
#include "winansi.h"
#include "xalloc.h"

/*
 * Limits.
 *   HYPH_MAX_WORD (layout_hyph.h): longer words get no breaks, so the work
 *   per word is bounded and the buffers below live on the stack.
 *   MIN_EDGE: letters kept at each end of a part (PUEBI; TeX's
 *   lefthyphenmin/righthyphenmin for Indonesian are 2 too).
 */
#define MIN_EDGE	2

struct hyph_exc {
	char		 word[HYPH_MAX_WORD + 1];	/* lowercase letters, NUL-ended */
	size_t		 len;
	unsigned char	 brk[HYPH_MAX_WORD];		/* 1: break before byte i */
	size_t		 order;				/* later entries win */
};

struct hyph {
	struct hyph_exc	*v;		/* sorted by word, no duplicates */
	size_t		 n;
};

/*
 * Words the rules get wrong, with their KBBI breaks.  Kept short: roots that
 * look like prefix + base (`berani` is not ber- + ani), roots that look like
 * base + -an (`kawasan`, `halaman`, `pedoman`, `delapan`: the rules would
 * give `pe-dom-an`), per- before a vowel (the rules leave per- alone:
 * `pe-rang-kat`, `pe-ren-ca-na-an`), and Arabic loans whose ai is two
 * syllables (`ka-i-dah`, `ya-i-tu`).  The -an roots were chosen from
 * knowledge of the KBBI's headwords (each is a root there, written
 * pe.do.man, de.la.pan, ...), not checked against a KBBI file: there is
 * none here (docs/hyphenation.md).
 *
 * Then English loanwords that plans use as they are (`e-learning`,
 * `coaching`, `mindset`): the Indonesian rules split them by their letters
 * (`le-ar-ning`, `co-ac-hing`, `min-dset`), so they take their English
 * breaks (Merriam-Webster's), or none when the word is short (`email`).
 */
static const char *const builtin_exceptions[] = {
	"be-ran-da", "be-ra-ni", "be-ri-ta", "bu-di-man",
	"de-la-pan", "ha-la-man", "ju-ra-gan", "ka-i-dah", "ka-wa-san",
	"pe-do-man", "per-a-lat-an", "per-a-tur-an", "per-o-leh-an",
	"per-u-bah-an", "rem-bu-lan", "se-la-tan", "sem-bi-lan", "se-ni-man",
	"te-ra-pi", "te-ri-ma", "tri-wu-lan", "wa-wa-san", "ya-i-tu",
	/* English loanwords */
	"as-sess-ment", "bench-mark", "coach", "coach-ing", "da-ta-base",
	"dash-board", "elearn-ing", "email", "feed-back", "frame-work",
	"gov-ern-ment", "hard-ware", "in-put", "lead-er-ship", "learn-ing",
	"login", "meet-ing", "men-tor-ing", "mind-set", "off-line",
	"on-board-ing", "on-line", "out-put", "re-skill-ing", "re-view",
	"road-map", "smart-phone", "soft-ware", "stake-hold-er", "team-work",
	"train-ing", "up-date", "up-grade", "up-skill-ing", "web-i-nar",
	"web-site", "work-shop",
};

/* ---- characters ---------------------------------------------------------- */

/* Is WinAnsi byte c a letter?  ASCII, Latin-1 and the WinAnsi extras
 * (Š š Ž ž Œ œ Ÿ). */
static int
is_letter(unsigned char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return 1;
	if (c == 0x8a || c == 0x9a || c == 0x8e || c == 0x9e ||
	    c == 0x8c || c == 0x9c || c == 0x9f)
		return 1;
	return c >= 0xc0 && c != 0xd7 && c != 0xf7;
}

static int
is_upper(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || c == 0x8a || c == 0x8e ||
	    c == 0x8c || c == 0x9f || (c >= 0xc0 && c <= 0xde && c != 0xd7);
}

static unsigned char
to_lower(unsigned char c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7))
		return c + 0x20;
	if (c == 0x8a || c == 0x8e || c == 0x8c)
		return c + 0x10;
	if (c == 0x9f)
		return 0xff;
	return c;
}

/* On lowercase letters: a, e, i, o, u and the accented Latin-1 vowels. */
static int
is_vowel(unsigned char c)
{
	switch (c) {
	case 'a': case 'e': case 'i': case 'o': case 'u':
	case 0x9c: case 0xe6: case 0xf8: case 0xfd: case 0xff:
		return 1;
	default:
		return (c >= 0xe0 && c <= 0xe5) || (c >= 0xe8 && c <= 0xef) ||
		    (c >= 0xf2 && c <= 0xf6) || (c >= 0xf9 && c <= 0xfc);
	}
}

/* Length of the consonant unit at s[i] (before end): 2 for kh, ng, ny, sy. */
static size_t
unit_len(const unsigned char *s, size_t i, size_t end)
{
	if (i + 1 < end && ((s[i] == 'k' && s[i + 1] == 'h') ||
	    (s[i] == 'n' && (s[i + 1] == 'g' || s[i + 1] == 'y')) ||
	    (s[i] == 's' && s[i + 1] == 'y')))
		return 2;
	return 1;
}

static int
is_diphthong(unsigned char a, unsigned char b)
{
	return (a == 'a' && (b == 'i' || b == 'u')) ||
	    ((a == 'e' || a == 'o') && b == 'i');
}

/* Number of syllables (vowel groups, diphthongs counted once) in s[a..b). */
static size_t
syllables(const unsigned char *s, size_t a, size_t b)
{
	size_t i, n = 0;

	for (i = a; i < b; i++)
		if (is_vowel(s[i]) && !(i > a && is_vowel(s[i - 1]) &&
		    is_diphthong(s[i - 1], s[i])))
			n++;
	return n;
}

static int
has_prefix(const unsigned char *s, size_t n, const char *p)
{
	size_t k = strlen(p);

	return n >= k && memcmp(s, p, k) == 0;
}

static int
has_suffix(const unsigned char *s, size_t end, const char *p)
{
	size_t k = strlen(p);

	return end >= k && memcmp(s + end - k, p, k) == 0;
}

/* ---- syllables of one segment -------------------------------------------- */

/* Sets brk[i] for the syllable breaks inside s[a..b) (PUEBI II.E.1). */
static void
syllabify(const unsigned char *s, size_t a, size_t b, unsigned char *brk)
{
	size_t i = a, units[HYPH_MAX_WORD], nu, k, j;
	int joined = 0;		/* s[i-1] and s[i] form a diphthong */

	while (i < b && !is_vowel(s[i]))	/* the first onset */
		i++;
	while (i < b) {
		/* s[i] is a vowel. */
		if (i + 1 < b && is_vowel(s[i + 1])) {
			int keep = 0;

			if (!joined && is_diphthong(s[i], s[i + 1])) {
				j = i + 2;
				keep = 1;
				if (j < b && !is_vowel(s[j])) {
					k = j + unit_len(s, j, b);
					keep = k < b && is_vowel(s[k]);
				}
			}
			if (!keep)
				brk[i + 1] = 1;
			joined = keep;
			i++;
			continue;
		}
		joined = 0;
		/* The consonant units up to the next vowel. */
		nu = 0;
		for (j = i + 1; j < b && !is_vowel(s[j]); j += unit_len(s, j, b))
			units[nu++] = j;
		if (j >= b)
			break;		/* final consonants close the last syllable */
		if (nu == 1)
			brk[units[0]] = 1;
		else if (nu == 2)
			brk[units[1]] = 1;
		else if ((s[units[0]] == 'k' || s[units[0]] == 'b' ||
		    s[units[0]] == 'p') && s[units[1]] == 's')
			brk[units[2]] = 1;
		else
			brk[units[1]] = 1;
		i = j;
	}
}

/* ---- morphemes ----------------------------------------------------------- */

/* Does s[..end) end in a base fit for -an: one final consonant (or ng) after
 * a vowel, not w or y (karyawan is karya + -wan), two syllables or more? */
static int
an_base(const unsigned char *s, size_t end)
{
	size_t c;

	if (end < 3)
		return 0;
	c = end - 1;
	if (is_vowel(s[c]) || strchr("wyjcvqx", s[c]) != NULL)
		return 0;
	if (s[c] == 'g' && s[c - 1] == 'n')
		c--;
	if (c == 0 || !is_vowel(s[c - 1]))
		return 0;
	return syllables(s, 0, end) >= 2;
}

static const char *const end_forms[] = {	/* combining forms at the end */
	"krasi", "kratis", "krat", "grafis", "grafi", "gram"
};

/*
 * Marks the morpheme boundaries of the lowercase part s[0..n) in seg
 * (seg[i] = 1: a segment starts at i).
 */
static void
segment(const unsigned char *s, size_t n, unsigned char *seg)
{
	size_t end = n, i, k;

	/* A particle, so that -an before it is seen (kebutuhan|nya). */
	if ((has_suffix(s, end, "nya") || has_suffix(s, end, "lah") ||
	    has_suffix(s, end, "kah") || has_suffix(s, end, "pun")) &&
	    syllables(s, 0, end - 3) >= 2) {
		seg[end - 3] = 1;
		end -= 3;
	}
	if (has_suffix(s, end, "kan") && end >= 4 && is_vowel(s[end - 4])) {
		/* -kan, or -an on a base in k after pe-/ke- (pendidik|an). */
		if ((has_prefix(s, end, "pe") || has_prefix(s, end, "ke")) &&
		    an_base(s, end - 2)) {
			seg[end - 2] = 1;
			end -= 2;
		}
	} else if (has_suffix(s, end, "an") && an_base(s, end - 2)) {
		seg[end - 2] = 1;
		end -= 2;
	}
	for (i = 0; i < sizeof(end_forms) / sizeof(end_forms[0]); i++) {
		k = strlen(end_forms[i]);
		if (end > k && has_suffix(s, end, end_forms[i]) &&
		    is_vowel(s[end - k - 1])) {
			seg[end - k] = 1;
			break;
		}
	}
	if (has_prefix(s, end, "trans") && end > 6 && !is_vowel(s[5]))
		seg[5] = 1;
	else if (has_prefix(s, end, "infra") && end > 6)
		seg[5] = 1;
	else if ((has_prefix(s, end, "inter") || has_prefix(s, end, "antar")) &&
	    end > 6 && is_vowel(s[5]))
		seg[5] = 1;
	else if ((has_prefix(s, end, "ber") || has_prefix(s, end, "ter")) &&
	    end > 4 && is_vowel(s[3]) && syllables(s, 3, end) >= 2)
		seg[3] = 1;
}

/* Breaks of the lowercase letters s[0..n) by rule. */
static void
by_rule(const unsigned char *s, size_t n, unsigned char *brk)
{
	unsigned char seg[HYPH_MAX_WORD];
	size_t a, b;

	memset(seg, 0, n);
	segment(s, n, seg);
	for (a = 0; a < n; a = b) {
		for (b = a + 1; b < n && !seg[b]; b++)
			continue;
		syllabify(s, a, b, brk);
		if (b < n)
			brk[b] = 1;
	}
}

/* ---- exceptions ---------------------------------------------------------- */

const char *
hyph_exception_error(const char *e)
{
	size_t i, letters = 0;

	for (i = 0; e[i] != '\0'; i++) {
		if (e[i] == '-') {
			if (i == 0 || e[i + 1] == '\0')
				return "a hyphen at the start or the end";
			if (e[i + 1] == '-')
				return "two hyphens in a row";
		} else if (!is_letter((unsigned char)e[i]))
			return "a character that is not a letter or a hyphen";
		else
			letters++;
	}
	if (letters == 0)
		return "no letters";
	if (letters > HYPH_MAX_WORD)
		return "longer than 64 letters";
	return NULL;
}

static int
exc_cmp(const void *pa, const void *pb)
{
	const struct hyph_exc *a = pa, *b = pb;
	int c = strcmp(a->word, b->word);

	if (c != 0)
		return c;
	return a->order < b->order ? -1 : a->order > b->order;
}

struct hyph *
hyph_new(const char *const *exceptions, size_t n)
{
	size_t nb = sizeof(builtin_exceptions) / sizeof(builtin_exceptions[0]);
	size_t i, j, k, o;
	struct hyph *h = xcalloc(1, sizeof(*h));

	h->v = xcalloc(nb + n, sizeof(*h->v));
	for (i = 0; i < nb + n; i++) {
		const char *e = i < nb ? builtin_exceptions[i] :
		    exceptions[i - nb];
		struct hyph_exc *x = &h->v[h->n];

		if (hyph_exception_error(e) != NULL)
			continue;	/* the style loader reports these */
		memset(x, 0, sizeof(*x));
		for (j = 0, k = 0; e[j] != '\0'; j++) {
			if (e[j] == '-')
				x->brk[k] = 1;
			else
				x->word[k++] = (char)to_lower((unsigned char)e[j]);
		}
		x->len = k;
		x->order = i;
		h->n++;
	}
	qsort(h->v, h->n, sizeof(*h->v), exc_cmp);
	/* Keep the last entry of each word: the style's beat the built-ins. */
	for (i = 0, o = 0; i < h->n; i++) {
		if (i + 1 < h->n && strcmp(h->v[i].word, h->v[i + 1].word) == 0)
			continue;
		if (o != i)
			h->v[o] = h->v[i];
		o++;
	}
	h->n = o;
	return h;
}

void
hyph_free(struct hyph *h)
{
	if (h == NULL)
		return;
	free(h->v);
	free(h);
}

static const struct hyph_exc *
exc_find(const struct hyph *h, const unsigned char *s, size_t n)
{
	size_t lo = 0, hi, mid;
	int c;

	if (h == NULL)
		return NULL;
	hi = h->n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strncmp(h->v[mid].word, (const char *)s, n);
		if (c == 0 && h->v[mid].len > n)
			c = 1;
		if (c == 0)
			return &h->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* ---- words --------------------------------------------------------------- */

size_t
hyph_word(const struct hyph *h, const char *word, size_t n,
    unsigned char *brk)
{
	unsigned char s[HYPH_MAX_WORD];
	const struct hyph_exc *x;
	size_t i, a, b, nbrk = 0;

	memset(brk, 0, n);
	if (n > HYPH_MAX_WORD)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)word[i];

		s[i] = '-';
		if (c == '-')
			continue;
		if (!is_letter(c))
			return 0;	/* numbers, codes, abbreviations */
		if (is_upper(c) && i > 0)
			return 0;	/* acronyms, names: ASN, BKPSDMKota */
		s[i] = to_lower(c);
	}
	for (a = 0; a < n; a = b + 1) {
		for (b = a; b < n && word[b] != '-'; b++)
			continue;
		if (b - a < 2 * MIN_EDGE)
			continue;
		if ((x = exc_find(h, s + a, b - a)) != NULL)
			memcpy(brk + a, x->brk, b - a);
		else
			by_rule(s + a, b - a, brk + a);
		/* No break leaves fewer than MIN_EDGE letters at either end. */
		for (i = 0; i < MIN_EDGE; i++)
			brk[a + i] = 0;
		for (i = 1; i < MIN_EDGE; i++)
			brk[b - i] = 0;
	}
	for (i = 0; i < n; i++)
		nbrk += brk[i];
	return nbrk;
}

size_t
hyph_word_utf8(const struct hyph *h, const char *word, size_t n,
    unsigned char *brk)
{
	char w[HYPH_MAX_WORD] = { 0 };
	unsigned char wb[HYPH_MAX_WORD];
	size_t at[HYPH_MAX_WORD];	/* the byte of each WinAnsi character */
	size_t i = 0, k = 0, r;

	memset(brk, 0, n);
	while (i < n) {
		unsigned long cp;
		size_t len = utf8_decode(word + i, n - i, &cp);
		int b = winansi_from_cp(cp);

		if (b < 0 || k == HYPH_MAX_WORD)
			return 0;
		at[k] = i;
		w[k++] = (char)b;
		i += len;
	}
	r = hyph_word(h, w, k, wb);
	for (i = 0; i < k; i++)
		brk[at[i]] = wb[i];
	return r;
}
