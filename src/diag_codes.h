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

/* ---- typesetting (blocks.c, layout*.c, pdf.c) ---- */
DIAG(D_MD_DEPTH,	ERROR,	"md-depth",	"Markdown lists and quotes are nested deeper than 16 levels")
DIAG(D_MD_COLUMNS,	ERROR,	"md-columns",	"a table has more than 64 columns")
DIAG(D_MD_CHARSET,	ERROR,	"md-charset",	"a character the PDF fonts cannot show (not in WinAnsi)")
DIAG(D_MD_DIRECTIVE,	WARNING, "md-directive", "a directive is unknown or one of its lines is not `key: value`")
DIAG(D_LAYOUT_IMAGE,	ERROR,	"layout-image",	"an image (the cover logo) cannot be read")
