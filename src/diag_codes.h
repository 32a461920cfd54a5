/*
 * rencana: every diagnostic code, one line each (an X-macro list).
 * DIAG(NAME, LEVEL, "json-code", "what it means, for docs/diagnostics.md")
 * The enum in diag.h and the table in diag.c are both made from this list,
 * so a code cannot exist without its level and text.  Keep the sections
 * grouped by the stage that emits them; add new codes at the end of a section.
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
DIAG(D_LIMIT_SIZE,	ERROR,	"limit-size",	"the file is larger than 4 MiB")
DIAG(D_LIMIT_DEPTH,	ERROR,	"limit-depth",	"maps and lists are nested deeper than 64 levels")
DIAG(D_LIMIT_NODES,	ERROR,	"limit-nodes",	"the file has more than 100,000 nodes")
DIAG(D_LIMIT_SCALAR,	ERROR,	"limit-scalar",	"one value is longer than 64 KiB")

/* ---- validation (validate.c) ---- */

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

/* ---- template folders, styles, words, build (style.c, build.c) ---- */
DIAG(D_STYLE_KEY,	ERROR,	"style-key",	"an unknown key in a template's gaya.yaml or word set")
DIAG(D_STYLE_VALUE,	ERROR,	"style-value",	"a gaya.yaml value has the wrong type or is out of range")
DIAG(D_WORDS_VALUE,	ERROR,	"words-value",	"a word set (kata-id.yaml, kata-en.yaml) must map names to text")
DIAG(D_TPL_NOTFOUND,	ERROR,	"template-not-found", "the template folder or one of its files cannot be found")
DIAG(D_TPL_CHARSET,	ERROR,	"template-charset", "template text has a character the PDF fonts (WinAnsi) cannot show")

/* ---- typesetting (blocks.c, layout*.c, pdf.c) ---- */
DIAG(D_PDF_FONT,	ERROR,	"pdf-font",	"a font file cannot be found, read or loaded (run `make`, or set RENCANA_FONTS)")
DIAG(D_PDF_IMAGE,	ERROR,	"pdf-image",	"an image is missing, not PNG or JPEG, or cannot be decoded")
DIAG(D_PDF_INTERNAL,	ERROR,	"pdf-internal",	"the PDF library reported an error: a bug in rencana")
DIAG(D_PDF_OVERWRITE_INPUT, ERROR, "pdf-overwrite-input", "the output file is one of the input files")
DIAG(D_MD_DEPTH,	ERROR,	"md-depth",	"Markdown lists and quotes are nested deeper than 16 levels")
DIAG(D_MD_COLUMNS,	ERROR,	"md-columns",	"a table has more than 64 columns")
DIAG(D_MD_CHARSET,	ERROR,	"md-charset",	"a character the PDF fonts cannot show (not in WinAnsi)")
DIAG(D_MD_DIRECTIVE,	WARNING, "md-directive", "a directive is unknown or one of its lines is not `key: value`")
DIAG(D_LAYOUT_IMAGE,	ERROR,	"layout-image",	"an image (the cover logo) cannot be read")
