/*
 * rencana: every diagnostic code, one line each (an X-macro list).
 * DIAG(NAME, LEVEL, "json-code", "what it means, for docs/diagnostics.md")
 * The enum in diag.h and the table in diag.c are both made from this list,
 * so a code cannot exist without its level and text.  Keep the sections
 * grouped by the stage that emits them; add new codes at the end of a section.
 * The summary (the 4th argument) is a message for xgettext (-kDIAG:4 in the
 * Makefile): `rencana explain` prints it translated, so a new or changed one
 * needs `make po-update` and its translation in po/id.po.
 */

/* ---- usage and I/O (main.c) ---- */
DIAG(D_IO_OPEN,		ERROR,	"io-open",	"a file cannot be opened or read")
DIAG(D_IO_WRITE,	ERROR,	"io-write",	"the output file cannot be written")

/* ---- loading YAML (plan.c) ---- */
DIAG(D_YAML_SYNTAX,	ERROR,	"yaml-syntax",	"the file is not well-formed YAML")
DIAG(D_YAML_UTF8,	ERROR,	"yaml-utf8",	"the file is not valid UTF-8")
DIAG(D_YAML_ANCHOR,	ERROR,	"yaml-anchor",	"anchors and aliases are not allowed")
DIAG(D_YAML_TAG,	ERROR,	"yaml-tag",	"tags such as `!!str` are not allowed")
DIAG(D_YAML_MULTIDOC,	ERROR,	"yaml-multidoc", "a plan is one YAML document")
DIAG(D_YAML_DUPKEY,	ERROR,	"yaml-duplicate-key", "a key appears twice in one map")
DIAG(D_YAML_KEYTYPE,	ERROR,	"yaml-key-type", "a map key must be a plain string, not a map or list")
DIAG(D_YAML_EMPTY,	ERROR,	"yaml-empty",	"the file holds no document")
DIAG(D_YAML_QUOTE,	ERROR,	"yaml-unclosed-quote", "a quoted value is not closed on its line")
DIAG(D_YAML_COLON_VALUE, ERROR,	"yaml-colon-in-value", "a value holds `: ` and is not quoted")
DIAG(D_YAML_TAB,	ERROR,	"yaml-tab",	"a tab in the indentation; YAML indents with spaces")
DIAG(D_YAML_INDENT,	ERROR,	"yaml-indent",	"a key is indented to a column where no map has its keys")
DIAG(D_YAML_COLON_SPACE, ERROR,	"yaml-colon-space", "no space after the colon of `key:value`, so it is read as text")
DIAG(D_YAML_LIST_ITEM,	ERROR,	"yaml-list-item", "a list item under a key that already has a value")
DIAG(D_LIMIT_SIZE,	ERROR,	"limit-size",	"the file is larger than 4 MiB")
DIAG(D_LIMIT_DEPTH,	ERROR,	"limit-depth",	"maps and lists are nested deeper than 64 levels")
DIAG(D_LIMIT_NODES,	ERROR,	"limit-nodes",	"the file has more than 100,000 nodes")
DIAG(D_LIMIT_SCALAR,	ERROR,	"limit-scalar",	"one value is longer than 64 KiB")

/* ---- validation (validate.c) ---- */
DIAG(D_VAL_MISSING,	ERROR,	"val-missing",	"a required key is absent")
DIAG(D_VAL_EMPTY,	ERROR,	"val-empty",	"a required key is given without a value")
DIAG(D_VAL_UNKNOWN_KEY,	ERROR,	"val-unknown-key", "a key the format does not have in this map")
DIAG(D_VAL_TYPE,	ERROR,	"val-type",	"a value of the wrong kind: a map, list or text where another is expected")
DIAG(D_VAL_INTEGER,	ERROR,	"val-integer",	"a value that must be a whole number is not")
DIAG(D_VAL_NUMBER,	ERROR,	"val-number",	"a value that must be a number is not (decimal point, no thousands separators)")
DIAG(D_VAL_YEAR,	ERROR,	"val-year",	"a year is not 4 digits")
DIAG(D_VAL_DATE,	ERROR,	"val-date",	"a date is not YYYY-MM-DD or does not exist")
DIAG(D_VAL_BOOL,	ERROR,	"val-bool",	"a yes/no value is not `ya` or `tidak`")
DIAG(D_VAL_ENUM,	ERROR,	"val-enum",	"a value is not one of the allowed words")
DIAG(D_VAL_FORMAT,	ERROR,	"val-format",	"`format` is not `rencana/1`")
DIAG(D_VAL_CODE,	ERROR,	"val-code",	"a goal, strategy or indicator code does not match `^[A-Z]{1,3}[0-9]{1,3}$`")
DIAG(D_VAL_DUP_CODE,	ERROR,	"val-duplicate-code", "a goal, strategy or indicator code is used twice")
DIAG(D_VAL_REF,		ERROR,	"val-reference", "a goal or strategy code that no goal or strategy has")
DIAG(D_VAL_RANGE,	ERROR,	"val-range",	"a number outside its range (jp and peserta > 0, amounts >= 0, % 0..100)")
DIAG(D_VAL_EMPTY_LIST,	ERROR,	"val-empty-list", "a list or map that needs at least one item has none")
DIAG(D_VAL_PERIOD,	ERROR,	"val-period",	"`periode` runs backwards or is longer than 10 years")
DIAG(D_VAL_YEAR_RANGE,	ERROR,	"val-year-range", "a baseline after the period starts, or a target or schedule outside the period")
DIAG(D_VAL_SCHEDULE,	ERROR,	"val-schedule",	"`jadwal` is not YYYY, YYYY-MM, YYYY-Qn or YYYY-Sn")
DIAG(D_VAL_REGION_CODE,	ERROR,	"val-region-code", "`wilayah.kode` is malformed or does not fit `tingkat`")
DIAG(D_VAL_NIP,		ERROR,	"val-nip",	"a NIP is not 18 digits or its dates, sex digit or number are impossible")
DIAG(D_VAL_GOLONGAN,	ERROR,	"val-golongan",	"a golongan is not I/a .. IV/e")
DIAG(D_VAL_CONTACT,	ERROR,	"val-contact",	"an e-mail address, phone number or web address is malformed")
DIAG(D_VAL_NEEDS,	ERROR,	"val-needs",	"a key required by another value is absent (final: nomor, tanggal, penandatangan; an/ub: atas_nama; induk, provinsi)")
DIAG(D_VAL_CHAR,	ERROR,	"val-char",	"a value has a character the template's fonts lack")
DIAG(D_VAL_CONTROL,	ERROR,	"val-control",	"a control character (NUL, ESC, form feed, DEL, ...) in a value")
DIAG(D_VAL_TOTAL,	ERROR,	"val-total",	"a total of jp, peserta, anggaran or a breakdown of pegawai passes 10^15")
DIAG(D_VAL_SUM,		WARNING, "val-sum",	"a breakdown of `pegawai` does not add up to `pegawai.jumlah`")
DIAG(D_VAL_GOAL_UNMEASURED, WARNING, "val-goal-unmeasured", "a goal that no indicator measures")
DIAG(D_VAL_DIRECTION,	WARNING, "val-direction", "a target moves the wrong way for its `arah`")
DIAG(D_VAL_JP,		WARNING, "val-jp",	"planned learning hours are below 20 JP per civil servant a year (PP 17/2020)")
DIAG(D_VAL_PANGKAT,	WARNING, "val-pangkat",	"`pangkat` does not match `golongan`")
DIAG(D_VAL_SIGN_MISSING,	ERROR,	"val-sign-missing", "the signer's role needs a NIP or pangkat/golongan the plan does not give (Permendagri 1/2023 Pasal 44)")
DIAG(D_VAL_SIGN_UNPRINTED, WARNING, "val-sign-unprinted", "a title, NIP, pangkat or golongan the signer's role does not print (Permendagri 1/2023 Pasal 44)")
DIAG(D_VAL_SIGN_ROLE,	ERROR,	"val-sign-role", "`status_jabatan` contradicts the signer's `peran`")
DIAG(D_VAL_PARAF,		ERROR,	"val-paraf",	"more than three officials in `paraf`")
DIAG(D_VAL_PARAF_FINAL,	WARNING, "val-paraf-final", "`paraf` on a final document, which never prints it")
DIAG(D_VAL_TTE_URL,	ERROR,	"val-tte-url",	"`tte_verifikasi` is not a web address or is too long for its QR code")
DIAG(D_VAL_TTE_UNUSED,	WARNING, "val-tte-unused", "`tte` or `tte_verifikasi` that the document does not print (a draft, or `tte` not `ya`)")

/* ---- templates (template.c) ---- */
DIAG(D_TPL_UNCLOSED_TAG,	ERROR,	"tpl-unclosed-tag", "a tag has no closing delimiter")
DIAG(D_TPL_BAD_NAME,	ERROR,	"tpl-bad-name",	"a tag's name is empty or holds spaces")
DIAG(D_TPL_BAD_DELIMITERS, ERROR, "tpl-bad-delimiters", "a set-delimiter tag is not two delimiters of 1 to 16 characters without spaces or `=`")
DIAG(D_TPL_UNCLOSED_SECTION, ERROR, "tpl-unclosed-section", "a section is still open at the end of the template")
DIAG(D_TPL_SECTION_END,	ERROR,	"tpl-section-end", "a section end does not match the open section")
DIAG(D_TPL_UNKNOWN_NAME,	ERROR,	"tpl-unknown-name", "a name that no plan can have (strict mode)")
DIAG(D_TPL_NOT_TEXT,	ERROR,	"tpl-not-text",	"a map or list is interpolated as text (strict mode)")
DIAG(D_TPL_UNKNOWN_PARTIAL, ERROR, "tpl-unknown-partial", "a partial that does not exist (strict mode)")
DIAG(D_TPL_LIMIT_NESTING,	ERROR,	"tpl-limit-nesting", "sections are nested deeper than 32 levels in one template")
DIAG(D_TPL_LIMIT_PARTIALS, ERROR, "tpl-limit-partials", "partials are nested deeper than 16 levels (a recursive partial)")
DIAG(D_TPL_LIMIT_OUTPUT,	ERROR,	"tpl-limit-output", "the expanded text is larger than the output limit (16 MiB)")
DIAG(D_TPL_LIMIT_WORK,	ERROR,	"tpl-limit-work", "expansion takes more than 64 million steps")

/* ---- files named by plans and templates (confine.c) ---- */
DIAG(D_PATH_OUTSIDE,	ERROR,	"path-outside",	"a file named by a plan or template lies outside its folder once links are followed")
DIAG(D_PATH_NOT_FILE,	ERROR,	"path-not-file", "a file named by a plan or template is a folder, FIFO or device, not a regular file")

/* ---- template folders, styles, words, build (style.c, build.c) ---- */
DIAG(D_STYLE_KEY,	ERROR,	"style-key",	"an unknown key in a template's gaya.yaml")
DIAG(D_STYLE_VALUE,	ERROR,	"style-value",	"a gaya.yaml value has the wrong type or is out of range")
DIAG(D_WORDS_VALUE,	ERROR,	"words-value",	"a word set (kata-id.yaml, kata-en.yaml) must map names to text")
DIAG(D_TPL_NOTFOUND,	ERROR,	"template-not-found", "the template folder or one of its files cannot be found")
DIAG(D_TPL_CHARSET,	ERROR,	"template-charset", "template text has a character the PDF fonts (WinAnsi) cannot show")
DIAG(D_TPL_BASE,	ERROR,	"template-base", "a templat.yaml is wrong, names a base that cannot be found or is already in the chain, or the folder is only a base")

/* ---- typesetting (blocks.c, layout*.c, pdf.c) ---- */
DIAG(D_PDF_FONT,	ERROR,	"pdf-font",	"a font file cannot be found, read or loaded (run `make`, or set RENCANA_FONTS)")
DIAG(D_PDF_IMAGE,	ERROR,	"pdf-image",	"an image is missing, not PNG or JPEG, or cannot be decoded")
DIAG(D_PDF_INTERNAL,	ERROR,	"pdf-internal",	"the PDF library reported an error: a bug in rencana")
DIAG(D_PDF_OVERWRITE_INPUT, ERROR, "pdf-overwrite-input", "the output file is one of the input files")
DIAG(D_MD_DEPTH,	ERROR,	"md-depth",	"Markdown lists and quotes are nested deeper than 16 levels")
DIAG(D_MD_COLUMNS,	ERROR,	"md-columns",	"a table has more than 64 columns")
DIAG(D_MD_CHARSET,	ERROR,	"md-charset",	"Markdown text has a character the template's fonts lack")
DIAG(D_MD_DIRECTIVE,	WARNING, "md-directive", "a directive is unknown or one of its lines is not `key: value`")
DIAG(D_MD_LIMIT,	ERROR,	"md-limit",	"the Markdown has a line over 256 KiB, a line with over 256 `|`, or over 20,000 headings")
DIAG(D_MD_FENCE,	ERROR,	"md-fence",	"fenced code opened in a Markdown field is not closed in it")
DIAG(D_MD_HTML,		WARNING, "md-html",	"raw HTML in Markdown is not shown in the PDF")
DIAG(D_MD_FOOTNOTE,	ERROR,	"md-footnote",	"a footnote is cited but not defined in its Markdown field, defined twice, or stands where footnotes cannot")
DIAG(D_MD_FOOTNOTE_UNUSED, WARNING, "md-footnote-unused", "a footnote is defined but never cited in its Markdown field")
DIAG(D_LAYOUT_IMAGE,	ERROR,	"layout-image",	"an image (the cover logo) cannot be read")
DIAG(D_LAYOUT_PAGES,	ERROR,	"layout-pages",	"the document would have more than 5,000 pages")
