# rencana: plain Makefile.  `make` builds ./rencana, `make check` runs every
# test, `make run` renders the examples into out/.  See README.md.

O		 = build
BIN		 = rencana
# The version lives in the file VERSION alone (CHANGELOG.md has a heading for it).
VERSION		:= $(shell cat VERSION 2>/dev/null)
ifeq ($(VERSION),)
$(error the file VERSION is missing or empty)
endif

WARN		 = -Wall -Wextra -Werror -Wmissing-prototypes \
		   -Wstrict-prototypes -Wwrite-strings -Wno-unused-parameter
OPT		 = -O2 -g
SAN		 =
# Where `make install` puts things (GNU names; DESTDIR stages them).  The
# program looks for its templates in DATADIR/rencana, and for its message
# catalogs in LOCALEDIR, when they are not found relative to itself, so both
# are compiled in.
PREFIX		 = /usr/local
BINDIR		 = $(PREFIX)/bin
DATADIR		 = $(PREFIX)/share
MANDIR		 = $(DATADIR)/man
LOCALEDIR	 = $(DATADIR)/locale
DESTDIR		 =
CFLAGS		 = -std=c11 $(OPT) $(WARN) $(SAN) -D_POSIX_C_SOURCE=200809L \
		   -DRENCANA_VERSION='"$(VERSION)"' \
		   -DRENCANA_DATADIR='"$(DATADIR)/rencana"' \
		   -DRENCANA_LOCALEDIR='"$(LOCALEDIR)"' -MMD -MP
# Recursively expanded on purpose: pkg-config is asked when a recipe runs,
# after `deps` has installed it on a fresh machine.
PKGS		 = yaml-0.1 libpcre2-8 libcmark-gfm libpng libqrencode harfbuzz-subset \
		   libdeflate
# The Word output's libraries: their headers only; docx.c and zipout.c load
# them with dlopen when a DOCX is made (docs/performance.md: start-up).
PKGS_DL		 = libzip libxml-2.0
PKG_CFLAGS	 = $(shell pkg-config --cflags $(PKGS) $(PKGS_DL) 2>/dev/null)
PKG_LIBS	 = $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lyaml -lpcre2-8 -lcmark-gfm -lpng16 -lqrencode -lharfbuzz-subset -lharfbuzz -ldeflate) \
		   -lcmark-gfm-extensions -lhpdf -lpthread -lm
CHECK_CFLAGS	 = $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS	 = $(shell pkg-config --libs check 2>/dev/null || echo -lcheck -lsubunit -lrt -lm -lpthread)

SRCS		 = $(filter-out src/main.c,$(sort $(wildcard src/*.c)))
OBJS		 = $(SRCS:src/%.c=$(O)/%.o)
LIB		 = $(O)/librencana.a
TEST_SRCS	 = $(sort $(wildcard tests/unit/check_*.c))
TEST_OBJS	 = $(TEST_SRCS:tests/unit/%.c=$(O)/tests/%.o)
TEST_BIN	 = $(O)/check_all

.PHONY: all locale po-update deps deps-test deps-quiet deps-test-quiet install uninstall FORCE check unit golden run asan valgrind clean fuzz fuzz-replay \
	fonts bench-floor fuzz-bin bench

all: $(BIN) fonts

# ---- message catalogs (issue 14): po/, gettext ----
# Every text the program shows is written in English in src/ and marked for
# xgettext by the functions that print it (the keywords below: each name and
# the argument holding the text).  po/rencana.pot is committed and must
# match the sources: the build fails when it is stale, and `make po-update`
# regenerates it and merges it into po/id.po (then translate the new entries:
# a test fails on any untranslated or fuzzy one).  The template has file
# names but no line numbers, so that editing code does not make it stale.
# src/diag_codes.h holds the summary of every code (the 4th argument of
# DIAG), which `rencana explain` prints translated.
POT_SRCS	 = $(sort $(wildcard src/*.c)) src/diag_codes.h
XGETTEXT_KEYWORDS = -k_ -kN_ -kdiag_trn:1,2 -kdiag_add:5 -kdiag_addl:6 \
		   -kdiag_help:2 -kdiag_reword:3 -kusage_error:1 -kerrorf:1 \
		   -knotef:1 -kreport:5 -kreport_absent:6 -kreport_off:4 -kchart_bad:4 \
		   -ktpl_error:6 -krender_error:5 -koutput_write:2 -kDIAG:4
XGETTEXT_FLAGS	 = --language=C --from-code=UTF-8 --package-name=rencana \
		   --msgid-bugs-address='the rencana issue tracker' --add-comments=TRANSLATORS: \
		   --add-location=file --sort-output $(XGETTEXT_KEYWORDS)
LINGUAS		 = id
# Catalogs go to build/locale whatever O is: the program finds them as
# build/locale beside itself (src/paths.c, paths_locale_dir).
MO		 = $(LINGUAS:%=build/locale/%/LC_MESSAGES/rencana.mo)

# The template as the sources make it now, without the creation date.
$(O)/rencana.pot: $(POT_SRCS) | deps-quiet
	@mkdir -p $(@D)
	xgettext $(XGETTEXT_FLAGS) -o $@.tmp $(POT_SRCS)
	sed '/^"POT-Creation-Date:/d' $@.tmp > $@ && rm -f $@.tmp

$(O)/pot-fresh: $(O)/rencana.pot po/rencana.pot
	@if ! cmp -s $(O)/rencana.pot po/rencana.pot; then \
	    echo "po/rencana.pot is stale: the messages in src/ changed." >&2; \
	    echo "Run \`make po-update\`, translate the new entries of po/id.po" >&2; \
	    echo "(msgfmt --statistics po/id.po counts them), and commit both." >&2; \
	    diff -u po/rencana.pot $(O)/rencana.pot | grep '^[-+]msgid' | head -n 10 >&2; \
	    exit 1; \
	fi
	@touch $@

po-update: $(O)/rencana.pot
	cp $(O)/rencana.pot po/rencana.pot
	for l in $(LINGUAS); do \
	    msgmerge --quiet --update --backup=none --add-location=file \
	        --sort-output po/$$l.po po/rencana.pot || exit 1; \
	done

build/locale/%/LC_MESSAGES/rencana.mo: po/%.po $(O)/pot-fresh | deps-quiet
	@mkdir -p $(@D)
	msgfmt --check -o $@.tmp $< && mv $@.tmp $@

locale: $(MO)

# The PDF fonts: Liberation Sans (metric-compatible with Arial) from Debian's
# fonts-liberation2, copied at build time (fonts/*.ttf is git-ignored).
FONT_SRC	 = /usr/share/fonts/truetype/liberation2
FONT_DOC	 = /usr/share/doc/fonts-liberation2/copyright
FONTS		 = fonts/LiberationSans-Regular.ttf fonts/LiberationSans-Bold.ttf \
		   fonts/LiberationSans-Italic.ttf fonts/LiberationSans-BoldItalic.ttf

fonts: $(FONTS) fonts/LICENSE-liberation

fonts/%.ttf: | deps-quiet
	@mkdir -p fonts
	cp $(FONT_SRC)/$*.ttf $@

fonts/LICENSE-liberation: | deps-quiet
	@mkdir -p fonts
	if [ -f $(FONT_DOC) ]; then cp $(FONT_DOC) $@; fi

# The speed floor for issue 5: libharu alone drawing the pages of a rencana
# page dump (`--to pages`), same fonts, no layout.  Not part of `make check`.
bench-floor: $(O)/bench-floor fonts

$(O)/bench-floor: bench/floor.c | deps-quiet
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ bench/floor.c -lhpdf -lm

$(O)/bench-measure: bench/measure.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -D_DEFAULT_SOURCE -o $@ bench/measure.c

# Speed against the floor (docs/performance.md); never part of `make check`.
bench: $(BIN) $(O)/bench-floor $(O)/bench-measure fonts
	sh bench/run.sh ./$(BIN) $(O)/bench-floor $(O)/bench-measure $(BENCH_RUNS)

BENCH_RUNS	 = 5

# Packages: `deps` what building and running need, `deps-test` that and the
# test tools (Check, valgrind, qpdf, poppler-utils, cmark-gfm, time, ...).
deps:
	sh tools/deps.sh

deps-test:
	sh tools/deps.sh --test

deps-quiet:
	@sh tools/deps.sh --quiet

deps-test-quiet:
	@sh tools/deps.sh --test --quiet

# The compiler command line, kept in a file that changes only when the
# command does: every object depends on it, so changing a flag (a -D, OPT,
# SAN, PREFIX) rebuilds what it affects instead of mixing old and new objects.
$(O)/cflags: FORCE | deps-quiet
	$(shell mkdir -p $(@D))$(file >$@.new,$(CC) $(CFLAGS) $(PKG_CFLAGS))
	@if cmp -s $@.new $@; then rm -f $@.new; else mv $@.new $@; fi

FORCE:

$(O)/%.o: src/%.c $(O)/cflags | deps-quiet
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -Isrc -I$(O) -c $< -o $@

# `rencana explain CODE`: each code's section of docs/diagnostics.md as a C
# table, so the explanations are written in one place, the document; the
# Indonesian ones (`--lang id`) are those of docs/diagnostics.id.md.
$(O)/diag_explain.inc: docs/diagnostics.md docs/diagnostics.id.md tools/diag-explain.awk
	@mkdir -p $(@D)
	awk -f tools/diag-explain.awk docs/diagnostics.md docs/diagnostics.id.md > $@.tmp && mv $@.tmp $@

$(O)/diag.o: $(O)/diag_explain.inc

# The objects that use RENCANA_VERSION are rebuilt when VERSION changes.
$(O)/main.o $(O)/pdf.o $(O)/tests/check_pdf.o: VERSION

$(LIB): $(OBJS)
	rm -f $@
	ar rcs $@ $(OBJS)

$(BIN): $(O)/main.o $(LIB) | $(MO)
	$(CC) $(CFLAGS) -o $@ $(O)/main.o $(LIB) $(PKG_LIBS) $(SAN)

# The unit test runner: every `NAME_suite(void)` defined in tests/unit/check_*.c
# is found by grep, so there is no list to keep.
$(O)/tests/suites.inc: $(TEST_SRCS) | deps-test-quiet
	@mkdir -p $(@D)
	grep -ho '^[a-z0-9_]*_suite(void)' $(TEST_SRCS) | sed 's/_suite(void)//' | \
	    sed 's/.*/SUITE(&)/' > $@.tmp && mv $@.tmp $@

$(O)/tests/%.o: tests/unit/%.c $(O)/tests/suites.inc $(O)/cflags | deps-test-quiet
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Wno-missing-prototypes $(PKG_CFLAGS) $(CHECK_CFLAGS) -Isrc -I$(O)/tests \
	    -DMUSTACHE_SPEC_DIR='"$(MUSTACHE_SPEC)"' -c $< -o $@

$(TEST_BIN): $(TEST_OBJS) $(LIB)
	$(CC) $(CFLAGS) -o $@ $(TEST_OBJS) $(LIB) $(PKG_LIBS) $(CHECK_LIBS) $(SAN)

# The Mustache spec tests, vendored (tests/mustache-spec/README.md).
MUSTACHE_SPEC	 = $(CURDIR)/tests/mustache-spec

unit: $(TEST_BIN) fonts
	$(TEST_BIN)

golden: $(BIN) | deps-test-quiet
	sh tests/golden/run.sh ./$(BIN)

check: $(BIN) $(TEST_BIN) fuzz-replay fonts | deps-test-quiet
	$(TEST_BIN)
	sh tests/golden/run.sh ./$(BIN)

# The program, the templates, the JSON Schema, the message catalogs (into
# LOCALEDIR) and the manual page.  The PDF fonts are Debian's
# (fonts-liberation2), read from the system folder.
TEMPLATE_FILES	 = $(sort $(wildcard templates/*/*))

install: $(BIN)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/rencana \
	    $(DESTDIR)$(MANDIR)/man1
	cp $(BIN) $(DESTDIR)$(BINDIR)/rencana
	chmod 755 $(DESTDIR)$(BINDIR)/rencana
	for f in $(TEMPLATE_FILES); do \
	    mkdir -p $(DESTDIR)$(DATADIR)/rencana/$$(dirname $$f) && \
	    cp $$f $(DESTDIR)$(DATADIR)/rencana/$$f && \
	    chmod 644 $(DESTDIR)$(DATADIR)/rencana/$$f || exit 1; \
	done
	for l in $(LINGUAS); do \
	    mkdir -p $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	    cp build/locale/$$l/LC_MESSAGES/rencana.mo \
	        $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/rencana.mo && \
	    chmod 644 $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/rencana.mo || exit 1; \
	done
	cp docs/rencana.schema.json $(DESTDIR)$(DATADIR)/rencana/rencana.schema.json
	cp docs/rencana.1 $(DESTDIR)$(MANDIR)/man1/rencana.1
	chmod 644 $(DESTDIR)$(DATADIR)/rencana/rencana.schema.json \
	    $(DESTDIR)$(MANDIR)/man1/rencana.1

# Removes what install wrote (the folders it made stay, as with most tools).
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/rencana $(DESTDIR)$(MANDIR)/man1/rencana.1
	rm -rf $(DESTDIR)$(DATADIR)/rencana
	for l in $(LINGUAS); do \
	    rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/rencana.mo; \
	done

# ASan+UBSan build of everything, in its own folder, then the whole suite.
# The program finds its templates and schema beside itself in a
# checkout; the ASan program in build/asan gets links to them (its fonts
# are Debian's, the same files).
asan:
	mkdir -p build/asan
	for d in templates docs; do ln -sfn ../../$$d build/asan/$$d; done
	mkdir -p build/asan/build
	ln -sfn ../../locale build/asan/build/locale
	$(MAKE) O=build/asan BIN=build/asan/rencana OPT='-O1 -g' \
	    SAN='-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' \
	    check

# Valgrind over the unit tests and every golden input.
valgrind: $(BIN) $(TEST_BIN) fonts | deps-test-quiet
	CK_FORK=no valgrind -q --error-exitcode=99 --leak-check=full \
	    --errors-for-leak-kinds=definite $(TEST_BIN)
	VALGRIND=1 sh tests/golden/run.sh ./$(BIN)

clean:
	rm -rf build $(BIN) out
	rm -f $(FONTS) fonts/LICENSE-liberation

-include $(OBJS:.o=.d) $(O)/main.d $(TEST_OBJS:.o=.d)

# The main job on the bundled examples: every plan rendered to out/NAME.pdf.
run: $(BIN) fonts
	@mkdir -p out
	./$(BIN) build -d out examples/*.yaml
	./$(BIN) build --to docx -d out examples/*.yaml

# ---- fuzzing (issue 5) ----
# Each tests/fuzz/fuzz_NAME.c is a libFuzzer harness.  `make check` replays
# the committed corpus, past crashes (tests/fuzz/regress/NAME/) and the
# examples and golden inputs through each harness in the ordinary build;
# `make fuzz` runs each harness under libFuzzer for FUZZ_SECONDS.
FUZZ_HARNESSES	 = $(patsubst tests/fuzz/fuzz_%.c,%,$(sort $(wildcard tests/fuzz/fuzz_*.c)))
REPLAYS		 = $(FUZZ_HARNESSES:%=$(O)/replay-%)
FUZZ_SECONDS	 = 60

$(O)/replay-%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(LIB) $(O)/cflags
	$(CC) $(CFLAGS) -Wno-missing-prototypes $(PKG_CFLAGS) -Isrc -o $@ \
	    tests/fuzz/fuzz_$*.c tests/fuzz/replay.c $(LIB) $(PKG_LIBS) $(SAN)

fuzz-replay: $(REPLAYS)
	@for h in $(FUZZ_HARNESSES); do \
	    find tests/fuzz/corpus/$$h tests/fuzz/regress/$$h examples tests/golden \
	        -type f \( -name '*.yaml' -o -path "*/fuzz/*" \) ! -name '.*' 2>/dev/null | \
	        LC_ALL=C sort | xargs $(O)/replay-$$h || exit 1; \
	done

fuzz: fuzz-bin
	@for h in $(FUZZ_HARNESSES); do \
	    mkdir -p build/fuzz/corpus-$$h; \
	    cp examples/*.yaml tests/golden/check/*.yaml build/fuzz/corpus-$$h/ 2>/dev/null; \
	    build/fuzz/fuzz-$$h -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	        -dict=tests/fuzz/plan.dict -artifact_prefix=build/fuzz/$$h- \
	        build/fuzz/corpus-$$h \
	        $$(test -d tests/fuzz/corpus/$$h && echo tests/fuzz/corpus/$$h) || \
	        exit 1; \
	done

# The libFuzzer binaries alone (build/fuzz/fuzz-NAME), to run by hand.
fuzz-bin:
	$(MAKE) O=build/fuzz CC=clang OPT='-O1 -g' \
	    SAN='-fsanitize=fuzzer-no-link,address,undefined' build/fuzz/librencana.a
	@for h in $(FUZZ_HARNESSES); do \
	    clang -O1 -g -fsanitize=fuzzer,address,undefined -Isrc \
	        -o build/fuzz/fuzz-$$h tests/fuzz/fuzz_$$h.c build/fuzz/librencana.a \
	        $(PKG_LIBS) || exit 1; \
	done
