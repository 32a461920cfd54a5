#!/usr/bin/python3
# rencana: judges YAML plans against the JSON Schema the way an editor does.
#   editor-schema.py SCHEMA.json FILE.yaml...
# Prints one line per file, "FILE<TAB>VERDICT<TAB>DETAIL", VERDICT being
#   valid   the schema accepts every document of the file
#   schema  the schema rejects a document (DETAIL: the first error's path and message)
#   yaml    the YAML itself is refused before any schema applies: a syntax error,
#           invalid UTF-8, a duplicate key, a key that is not a scalar
# The file is read as yaml-language-server reads it (YAML 1.2 core schema):
# `2026-01-15` and `ya` stay strings, `2026` is an integer, `52.71` a float,
# `true` a boolean, an empty value is null, `010` is 10; every document of a
# multi-document file is checked; an empty file has no document, so nothing to
# reject.  PyYAML alone would read YAML 1.1 (dates, `yes`/`no`, octal `010`).
# Exit status 0 after judging every file, 2 on a usage error or missing modules.
import json
import re
import sys

try:
    import jsonschema
    import yaml
except ImportError as e:
    sys.stderr.write("editor-schema.py: %s (Debian: apt-get install python3-jsonschema "
                     "python3-yaml)\n" % e)
    sys.exit(2)


class Core12Loader(yaml.SafeLoader):
    """SafeLoader with the implicit types of the YAML 1.2 core schema."""


Core12Loader.yaml_implicit_resolvers = {}
for tag, regexp, first in [
        ("null", r"^(?:~|null|Null|NULL|)$", "~nN"),
        ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
        ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
        ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                  r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+.0123456789")]:
    Core12Loader.add_implicit_resolver("tag:yaml.org,2002:" + tag, re.compile(regexp),
                                       list(first))
# The empty plain scalar has no first character.
Core12Loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^$"), [""])


def construct_int(loader, node):
    s = loader.construct_scalar(node)
    if s.startswith("0o"):
        return int(s[2:], 8)
    if s.startswith("0x"):
        return int(s[2:], 16)
    return int(s, 10)


def construct_float(loader, node):
    s = loader.construct_scalar(node).lower()
    if s.endswith(".inf"):
        return float("-inf") if s.startswith("-") else float("inf")
    if s == ".nan":
        return float("nan")
    return float(s)


def construct_mapping(loader, node):
    """Keys as the text typed (JSON keys are strings); a repeated key is refused,
    as yaml-language-server refuses it ("Map keys must be unique")."""
    loader.flatten_mapping(node)
    out = {}
    for k, v in node.value:
        if not isinstance(k, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(
                None, None, "a key that is not a scalar", k.start_mark)
        key = k.value
        if key in out:
            raise yaml.constructor.ConstructorError(
                None, None, "duplicate key `%s`" % key, k.start_mark)
        out[key] = loader.construct_object(v, deep=True)
    return out


Core12Loader.add_constructor("tag:yaml.org,2002:int", construct_int)
Core12Loader.add_constructor("tag:yaml.org,2002:float", construct_float)
Core12Loader.add_constructor("tag:yaml.org,2002:map", construct_mapping)


def judge(validator, path):
    try:
        with open(path, "rb") as f:
            docs = list(yaml.load_all(f, Loader=Core12Loader))
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        return "yaml", " ".join(str(e).split())
    for doc in docs:
        err = jsonschema.exceptions.best_match(validator.iter_errors(doc))
        if err is not None:
            where = ".".join(str(p) for p in err.absolute_path) or "(root)"
            return "schema", "%s: %s" % (where, " ".join(err.message.split())[:160])
    return "valid", ""


def main(argv):
    if len(argv) < 2:
        sys.stderr.write("usage: editor-schema.py SCHEMA.json FILE.yaml...\n")
        return 2
    with open(argv[0], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    for path in argv[1:]:
        verdict, detail = judge(validator, path)
        print("%s\t%s\t%s" % (path, verdict, detail))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
