#!/bin/sh
# rencana: the CI recipes of docs/ci.md work.  Takes three fenced blocks from
# docs/ci.md, each the first block after its marker comment:
#   <!-- ci-steps -->   ```sh     saved as ci/rencana.sh in a user repository
#   <!-- ci-github -->  ```yaml   the GitHub Actions workflow
#   <!-- ci-gitlab -->  ```yaml   the GitLab CI job
# parses both recipes (python3 with PyYAML, Debian's python3-yaml), checks the
# steps' package list against tools/deps.sh, then runs the steps in a
# throwaway user repository: plans/ holds a copy of examples/*.yaml, and
# rencana's source is cloned from this checkout (RENCANA_REPO=$PWD, a local
# path), built, and installed with `make install PREFIX=$tmp/prefix`.  The
# clone holds committed code only: uncommitted changes are not tested here.
# apt-get runs only if a package is missing (the steps ask dpkg-query).
# The rencana under test ($1) is not used: the steps build their own.
# Prints one line per failure and ends with "N passed, N failed".
set -u
. "$(dirname "$0")/lib.sh"
doc=docs/ci.md
root=$(pwd)

ok() { pass=$((pass + 1)); }
bad() {
	echo "FAIL ci-doc: $*"
	fail=$((fail + 1))
}
finish() {
	echo "$pass passed, $fail failed"
	exit 0
}

# The body of the first fenced block after the line <!-- $1 -->.
block() {
	awk -v m="<!-- $1 -->" '
		$0 == m { want = 1; next }
		want == 1 && /^```/ { want = 2; next }
		want == 2 && /^```[ \t]*$/ { exit }
		want == 2 { print }
	' "$doc"
}

block ci-steps >"$tmp/steps.sh"
block ci-github >"$tmp/github.yml"
block ci-gitlab >"$tmp/gitlab.yml"
for f in steps.sh github.yml gitlab.yml; do
	if [ -s "$tmp/$f" ]; then ok; else bad "no block for $f in $doc (marker missing?)"; fi
done
[ -s "$tmp/steps.sh" ] || finish

# ---- the recipes parse, and run the steps the test runs --------------------
py=""
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import yaml' 2>/dev/null; then
		py=$p
		break
	fi
done
if [ -z "$py" ]; then
	bad "recipes not parsed: no python3 with the yaml module (Debian: python3-yaml)"
elif "$py" - "$tmp/github.yml" "$tmp/gitlab.yml" >"$tmp/py.out" 2>&1 <<'EOF'
import sys, yaml
bad = []
def need(cond, what):
    if not cond:
        bad.append(what)
def runs_steps(text):
    return isinstance(text, str) and "sh ci/rencana.sh" in text
gh = yaml.safe_load(open(sys.argv[1]))
gl = yaml.safe_load(open(sys.argv[2]))
need(isinstance(gh, dict), "github: not a map")
need(isinstance(gl, dict), "gitlab: not a map")
if not bad:
    # PyYAML reads the key `on` as the boolean true (YAML 1.1).
    need(("on" in gh) or (True in gh), "github: no `on`")
    jobs = gh.get("jobs") or {}
    need(len(jobs) == 1, "github: not exactly one job")
    for name, job in jobs.items():
        need(job.get("runs-on") == "ubuntu-latest", "github: runs-on is not ubuntu-latest")
        need(job.get("container") == "debian:bookworm", "github: container is not debian:bookworm")
        steps = job.get("steps") or []
        uses = [s.get("uses") for s in steps]
        need("actions/checkout@v4" in uses, "github: no actions/checkout@v4")
        need(any(runs_steps(s.get("run")) for s in steps), "github: no step runs sh ci/rencana.sh")
        up = [s for s in steps if s.get("uses") == "actions/upload-artifact@v4"]
        need(len(up) == 1 and str((up[0].get("with") or {}).get("path", "")).rstrip("/") == "out",
             "github: no actions/upload-artifact@v4 of out/")
        co = [i for i, s in enumerate(steps) if s.get("uses") == "actions/checkout@v4"]
        rn = [i for i, s in enumerate(steps) if runs_steps(s.get("run"))]
        need(not co or not rn or co[0] < rn[0], "github: the steps run before the checkout")
    glj = {k: v for k, v in gl.items() if isinstance(v, dict) and "script" in v}
    need(len(glj) == 1, "gitlab: not exactly one job")
    for name, job in glj.items():
        need(job.get("image") == "debian:bookworm", "gitlab: image is not debian:bookworm")
        need(any(runs_steps(l) for l in job.get("script") or []), "gitlab: script does not run sh ci/rencana.sh")
        paths = ((job.get("artifacts") or {}).get("paths")) or []
        need([str(p).rstrip("/") for p in paths] == ["out"], "gitlab: artifacts.paths is not [out/]")
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
EOF
then
	ok
else
	while IFS= read -r l; do bad "recipe: $l"; done <"$tmp/py.out"
fi

# ---- the steps install every build package of tools/deps.sh ------------------
pkgs_of() { # FILE VAR: the words of VAR="..." (may span lines) in FILE
	awk -v v="$2" '
		index($0, v "=\"") == 1 { on = 1; $0 = substr($0, length(v) + 3) }
		on && (i = index($0, "\"")) { print substr($0, 1, i - 1); exit }
		on { print }
	' "$1" | tr -d '\\' | tr -s '[:space:]' '\n'
}
want=$(pkgs_of tools/deps.sh BUILD)
have=" $(pkgs_of "$tmp/steps.sh" PKGS | tr '\n' ' ') "
miss=""
for p in $want; do
	case $have in *" $p "*) ;; *) miss="$miss $p" ;; esac
done
if [ -z "$want" ] || [ "$have" = "  " ]; then
	bad "no package list found in tools/deps.sh or in the steps (PKGS=\"...\")"
elif [ -n "$miss" ]; then
	bad "the steps' PKGS lack build packages of tools/deps.sh:$miss"
else
	ok
fi

# ---- run the steps in a user repository -----------------------------------------
if ! git rev-parse --git-dir >/dev/null 2>&1; then
	echo "SKIP ci-doc: not a git checkout, so the steps have nothing to clone"
	finish
fi
user=$tmp/user
mkdir -p "$user/plans" "$user/ci"
cp "$tmp/steps.sh" "$user/ci/rencana.sh"
cp examples/*.yaml "$user/plans/"
# Files a plan refers to (sampul.logo, images in Markdown fields),
# relative to the plan.
for y in examples/*.yaml; do
	sed -n -e 's/^[ \t]*logo:[ \t]*["'\'']\{0,1\}\([^"'\'' \t#]*\).*/\1/p' \
	    -e 's/^[ \t]*!\[[^]]*\](\([^) ]*\)).*/\1/p' "$y" |
	while IFS= read -r f; do
		[ -f "examples/$f" ] || continue
		mkdir -p "$user/plans/$(dirname "$f")"
		cp "examples/$f" "$user/plans/$f"
	done
done
nplans=$(set -- examples/*.yaml; echo $#)

# Runs the steps in $user with the given extra environment; output in $tmp/log.
steps() {
	(
		cd "$user" || exit 3
		# Nothing from a calling make (`make asan` passes O=, SAN=, ...) or
		# from the caller's environment reaches the steps.
		unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES GITHUB_ACTIONS \
		    CHECK_FORMAT RENCANA_REPO RENCANA_REF RENCANA_SRC PLANS OUT \
		    RENCANA_TEMPLATES RENCANA_FONTS
		env PREFIX="$tmp/prefix" "$@" sh ci/rencana.sh
	) >"$tmp/log" 2>&1
}
showlog() { tail -n 15 "$tmp/log" | sed 's/^/  | /'; }
# The lines the check step printed: between its header and the next.
checklog() { sed -n '/^ci: rencana check /,/^ci: rencana build /p' "$tmp/log" | sed '1d;/^ci: rencana build /d'; }

# 1. Valid plans, rencana cloned from a local path: exit 0, silent check, one
# PDF and one DOCX per plan, made by the installed program.
steps RENCANA_REPO="$root"
st=$?
if [ "$st" -ne 0 ]; then
	bad "valid plans: the steps exited with $st"
	showlog
	finish
fi
ok
if [ -x "$tmp/prefix/bin/rencana" ]; then ok; else bad "no \$PREFIX/bin/rencana after make install"; fi
if grep -q '^ci: rencana check ' "$tmp/log" && [ -z "$(checklog)" ]; then
	ok
else
	bad "valid plans: the check step printed something (or did not run)"
	checklog | head -10 | sed 's/^/  | /'
fi
if grep -q '^::' "$tmp/log"; then
	bad "valid plans: a workflow command (::...) outside GitHub Actions"
else
	ok
fi
for y in examples/*.yaml; do
	n=$(basename "$y" .yaml)
	if [ "$(head -c 5 "$user/out/$n.pdf" 2>/dev/null)" = "%PDF-" ]; then
		ok
	else
		bad "valid plans: no out/$n.pdf"
	fi
	if [ "$(head -c 4 "$user/out/$n.docx" 2>/dev/null | od -An -tx1 | tr -d ' ')" = 504b0304 ]; then
		ok
	else
		bad "valid plans: no out/$n.docx"
	fi
done
npdf=$(find "$user/out" -type f | wc -l)
if [ "$npdf" -eq $((2 * nplans)) ]; then ok; else bad "valid plans: $npdf files in out/, expected $((2 * nplans))"; fi

# 2. One invalid plan, under GitHub Actions, with rencana/ already there (as a
# submodule would be): the check fails with an annotation, nothing is built.
printf 'format: rencana/1\ndokumen:\n  jenis: rencana-pengembangan\n' >"$user/plans/zz-invalid.yaml"
rm -rf "$user/out"
steps GITHUB_ACTIONS=true
st=$?
if [ "$st" -eq 0 ]; then
	bad "invalid plan: the steps exited with 0"
else
	ok
fi
if grep -q '^::error file=plans/zz-invalid.yaml,line=[0-9]*,col=[0-9]*,title=' "$tmp/log"; then
	ok
else
	bad "invalid plan: no ::error file=plans/zz-invalid.yaml,... annotation"
	showlog
fi
if checklog | grep -v '^::error file=plans/zz-invalid.yaml,' | grep -q .; then
	bad "invalid plan: the check step printed more than the invalid plan's errors"
	checklog | head -10 | sed 's/^/  | /'
else
	ok
fi
if [ -e "$user/out" ] || grep -q '^ci: rencana build ' "$tmp/log"; then
	bad "invalid plan: the build step ran after a failed check"
else
	ok
fi

# 3. The same outside GitHub Actions (GitLab): text diagnostics, no annotations.
steps
st=$?
if [ "$st" -ne 0 ] && grep -q '^plans/zz-invalid.yaml:[0-9]*:[0-9]*: error\[[a-z0-9-]*\]: ' "$tmp/log" &&
    ! grep -q '^::' "$tmp/log"; then
	ok
else
	bad "invalid plan, no GitHub: exit $st, expected text diagnostics and no ::error lines"
	showlog
fi

finish
