# piiscan - see README.md. `make demo` builds and scans fixtures/,
# `make test` runs every test; both install missing Debian packages when
# run as root (scripts/deps.sh). `make V=1` shows the whole compiler lines.

PREFIX  ?= /usr/local
DESTDIR ?=
DATADIR  = $(PREFIX)/share/piiscan
MANDIR  ?= $(PREFIX)/share/man
BASH_COMPDIR ?= $(PREFIX)/share/bash-completion/completions
# zsh reads /usr/share/zsh/vendor-completions (a package's) and
# /usr/local/share/zsh/site-functions (the admin's), not the other two.
ZSH_COMPDIR ?= $(PREFIX)/share/zsh/$(if $(filter /usr,$(PREFIX)),vendor-completions,site-functions)
BUILD   ?= build
CC      ?= cc
PKGS     = libpcre2-8 libmagic libarchive xlsxwriter yaml-0.1 libcrypto libxml-2.0 sqlite3 yajl

# Optional libraries: each one's extractor is built when pkg-config finds
# it, or as asked (make HAVE_LIBPFF=0: no Outlook data files). `piiscan
# --version` lists what a build reads and what it was built without.
have = $(if $(shell pkg-config --exists $(1) 2>/dev/null && echo y),1,0)
HAVE_GMIME  ?= $(call have,gmime-3.0)
HAVE_LIBPFF ?= $(call have,libpff)
HAVE_LIBGSF ?= $(call have,libgsf-1)
# Without libexif, src/imagemeta.c reads the XMP of images only.
HAVE_LIBEXIF ?= $(call have,libexif)
# Without Vectorscan, rules that have no prefilter of their own run PCRE2
# over all their text (src/match_hs.c); the findings are the same.
HAVE_VECTORSCAN ?= $(call have,libhs)
# Sources besides mounted files (src/source/): live PostgreSQL (libpq),
# MariaDB and MySQL (libmariadb), Windows shares (libsmbclient: loaded
# with dlopen at the first smb:// path, as its hundred Samba libraries
# would slow every start; only its header is needed to build).
HAVE_LIBPQ ?= $(call have,libpq)
HAVE_MARIADB ?= $(call have,libmariadb)
HAVE_SMBCLIENT ?= $(call have,smbclient)
# minizip's header: the workbook is zipped at zlib's fastest level
# (src/report/xlsx.c); without it, at libxlsxwriter's default level.
HAVE_MINIZIP ?= $(call have,minizip)
PKGS    += $(if $(filter 1,$(HAVE_GMIME)),gmime-3.0) $(if $(filter 1,$(HAVE_LIBPFF)),libpff) \
	   $(if $(filter 1,$(HAVE_LIBGSF)),libgsf-1) $(if $(filter 1,$(HAVE_LIBEXIF)),libexif) \
	   $(if $(filter 1,$(HAVE_VECTORSCAN)),libhs) $(if $(filter 1,$(HAVE_LIBPQ)),libpq) \
	   $(if $(filter 1,$(HAVE_MARIADB)),libmariadb) $(if $(filter 1,$(HAVE_MINIZIP)),minizip)
# OCR: tesseract and leptonica are loaded with dlopen at the first image
# (src/ocr_engine.c), so only their headers are needed to build; they are
# included as <leptonica/...>, not through leptonica's -I, whose list.h
# and queue.h would shadow others.
HAVE_TESSERACT ?= $(if $(shell pkg-config --exists tesseract lept 2>/dev/null && echo y),1,0)
# HEIC photos (an iPhone's): libheif, loaded with them the same way.
HAVE_LIBHEIF ?= $(call have,libheif)
LEFT_OUT = $(if $(filter 1,$(HAVE_GMIME)),,src/extract/mail.c tests/fuzz/fuzz_mime.c) \
	   $(if $(filter 1,$(HAVE_LIBPFF)),,src/extract/pst.c tests/fuzz/fuzz_pst.c) \
	   $(if $(filter 1,$(HAVE_LIBGSF)),,$(wildcard src/extract/cfb*.c tests/fuzz/fuzz_cfb*.c \
	   tests/unit/test_cfb*.c)) \
	   $(if $(filter 1,$(HAVE_LIBPQ)),,src/source/postgres.c) \
	   $(if $(filter 1,$(HAVE_MARIADB)),,src/source/mysql.c) \
	   $(if $(filter 1,$(HAVE_SMBCLIENT)),,src/source/smb.c) \
	   $(if $(filter 1,$(HAVE_MINIZIP)),,tests/unit/test_zip_deflate.c)

# Sanitizer flags for check-asan; empty in a normal build.
SAN     ?=
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
# Warnings are errors in the test and CI builds (make test, CI=true), not
# in a user's or a distribution's build, where a newer compiler's new
# warning must not stop the build.
WARN     = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter
ifeq ($(CI),true)
WERROR  ?= -Werror
endif
# CPPFLAGS and LDFLAGS from the environment or the command line (a
# distribution's hardening flags) are kept; ours are added. PII_DATADIR is
# where make install puts the rule packs, for the installed binary to find
# them (src/rules_load.c); a new PREFIX rebuilds (build/.flags).
override CPPFLAGS += -std=c11 -D_GNU_SOURCE -Iinclude -Isrc $(shell pkg-config --cflags $(PKGS) 2>/dev/null) \
	-DHAVE_GMIME=$(HAVE_GMIME) -DHAVE_LIBPFF=$(HAVE_LIBPFF) -DHAVE_LIBGSF=$(HAVE_LIBGSF) \
	-DHAVE_LIBEXIF=$(HAVE_LIBEXIF) -DHAVE_VECTORSCAN=$(HAVE_VECTORSCAN) \
	-DHAVE_TESSERACT=$(HAVE_TESSERACT) -DHAVE_LIBHEIF=$(HAVE_LIBHEIF) \
	-DHAVE_LIBPQ=$(HAVE_LIBPQ) -DHAVE_MARIADB=$(HAVE_MARIADB) -DHAVE_SMBCLIENT=$(HAVE_SMBCLIENT) \
	-DHAVE_MINIZIP=$(HAVE_MINIZIP) \
	$(if $(filter 1,$(HAVE_SMBCLIENT)),$(shell pkg-config --cflags smbclient 2>/dev/null)) \
	-DPII_DATADIR=\"$(PREFIX)/share/piiscan\"
LDLIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm
ALL_CFLAGS = $(CPPFLAGS) $(CFLAGS) $(WARN) $(WERROR) $(SAN)
DEPFLAGS = -MMD -MP

# Short "CC file" lines unless V=1.
ifeq ($(V),1)
Q =
SAY = @true
else
Q = @
SAY = @printf '  %-7s %s\n'
endif

LIB_SRC  = $(filter-out src/main.c $(LEFT_OUT),$(wildcard src/*.c src/*/*.c))
LIB_OBJ  = $(LIB_SRC:%.c=$(BUILD)/%.o)
TEST_SRC = $(filter-out $(LEFT_OUT),$(wildcard tests/unit/*.c))
TEST_OBJ = $(TEST_SRC:%.c=$(BUILD)/%.o)
DEPS     = $(wildcard $(BUILD)/src/*.d $(BUILD)/src/*/*.d $(BUILD)/tests/unit/*.d)

BIN      = $(BUILD)/piiscan
UNIT     = $(BUILD)/unit_tests

# Fuzz targets (tests/fuzz/fuzz_*.c): run by `make fuzz` with libFuzzer,
# their corpora replayed under ASan and UBSan by `make test`.
FUZZ_TARGETS = $(patsubst tests/fuzz/fuzz_%.c,%,$(filter-out $(LEFT_OUT),$(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_SECONDS ?= 60
FUZZ_FLAGS   = -Itests/fuzz -DFUZZ_RULES_DIR='"$(CURDIR)/rules"'
ASAN_SAN     = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

.PHONY: all deps deps-test deps-bench deps-fuzz demo test test-run check-asan check-tsan \
	check-pkgs fuzz fuzz-run fuzz-merge fuzz-replay asan-replay novs install uninstall deb clean \
	bench accuracy

all: $(BIN)

deps:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

deps-bench:
	@scripts/deps.sh bench

deps-fuzz:
	@scripts/deps.sh fuzz

# A missing library is named, with the package to install, before the
# compiler fails on a missing header.
PKG_MISSING = $(shell for p in $(PKGS); do pkg-config --exists $$p 2>/dev/null || printf '%s ' $$p; done)
check-pkgs:
	@if [ -n "$(PKG_MISSING)" ]; then \
		echo "Makefile: pkg-config cannot find: $(PKG_MISSING)" >&2; \
		echo "Makefile: run 'make deps' as root, or install what scripts/deps.sh lists" >&2; \
		exit 1; fi

# Objects are rebuilt when the flags change (make test adds -Werror).
$(BUILD)/.flags: FORCE
	@mkdir -p $(BUILD)
	@echo '$(ALL_CFLAGS)' | cmp -s - $@ || echo '$(ALL_CFLAGS)' >$@

FORCE:

$(BUILD)/%.o: %.c $(BUILD)/.flags | check-pkgs
	@mkdir -p $(dir $@)
	$(SAY) CC $<
	$(Q)$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(BUILD)/libpiiscan.a: $(LIB_OBJ)
	$(SAY) AR $@
	$(Q)rm -f $@ && $(AR) rcs $@ $^

$(BIN): $(BUILD)/src/main.o $(BUILD)/libpiiscan.a
	$(SAY) LD $@
	$(Q)$(CC) $(CFLAGS) $(SAN) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# The unit test suites are found, not listed by hand: every
# tests/unit/test_NAME.c defines test_NAME() (libarchive's list.h).
UNIT_SUITES = $(patsubst tests/unit/test_%.c,%,$(filter-out tests/unit/test_main.c $(LEFT_OUT),$(wildcard tests/unit/test_*.c)))
$(BUILD)/tests/unit/list.h: FORCE
	@mkdir -p $(dir $@)
	@printf 'SUITE(%s)\n' $(UNIT_SUITES) | cmp -s - $@ || printf 'SUITE(%s)\n' $(UNIT_SUITES) >$@

$(BUILD)/tests/unit/test_main.o: $(BUILD)/tests/unit/list.h
$(BUILD)/tests/unit/%.o: override CPPFLAGS += -I$(BUILD)/tests/unit -Itests/unit

$(UNIT): $(TEST_OBJ) $(BUILD)/libpiiscan.a
	$(SAY) LD $@
	$(Q)$(CC) $(CFLAGS) $(SAN) $(LDFLAGS) -o $@ $^ $(LDLIBS)

-include $(DEPS)

# The main job: scan the shipped fixtures into inventory.xlsx.
demo: deps
	@$(MAKE) --no-print-directory all
	$(BIN) -o inventory.xlsx fixtures/
	@echo "demo: wrote inventory.xlsx. The files read in part or not read are the broken ones of"
	@echo "demo: fixtures/hostile/, legacy/hostile/ and images/hostile/, on purpose, and a"
	@echo "demo: pg_dump archive (fixtures/dumps/hr.dump); the Errors sheet says why each."
	@echo "demo: scan your own with ./build/piiscan -o share.xlsx /path (or: make install)"

# Every test; the last line printed is "N passed, N failed".
# One suite alone: make test SUITES="golden unit:match".
test: deps-test
	@$(MAKE) --no-print-directory WERROR=-Werror test-run

test-run: $(BIN) $(UNIT) $(BUILD)/failmalloc.so asan-replay novs
	@BUILD=$(BUILD) sh tests/run.sh $(SUITES)

# Makes piiscan's own allocations fail (LD_PRELOAD), for tests/e2e/oom.sh;
# built without sanitizers, which keep malloc to themselves.
$(BUILD)/failmalloc.so: tests/fault/failmalloc.c
	@mkdir -p $(dir $@)
	$(SAY) CC $@
	$(Q)$(CC) -std=c11 $(OPT) -Wall -Wextra -Werror -shared -fPIC -o $@ $<

# The fuzz corpora are replayed by a build with ASan and UBSan, whatever
# the build under test (tests/e2e/fuzz.sh runs them).
asan-replay:
	@$(MAKE) --no-print-directory BUILD=build-asan OPT=-O1 SAN="$(ASAN_SAN)" WERROR=-Werror fuzz-replay

# A build without Vectorscan, plain, beside the one under test: the
# prefilter suite (tests/e2e/prefilter.sh) compares their findings.
novs:
ifeq ($(HAVE_VECTORSCAN),1)
	@$(MAKE) --no-print-directory BUILD=build-novs HAVE_VECTORSCAN=0 OPT=-O2 SAN= WERROR=-Werror \
		build-novs/piiscan build-novs/unit_tests
endif

fuzz-replay: $(addprefix $(BUILD)/fuzz/replay_,$(FUZZ_TARGETS))

$(BUILD)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/harness.c tests/fuzz/replay.c \
		tests/fuzz/harness.h $(BUILD)/libpiiscan.a
	@mkdir -p $(dir $@)
	$(SAY) CC $@
	$(Q)$(CC) $(ALL_CFLAGS) $(FUZZ_FLAGS) $(LDFLAGS) -o $@ tests/fuzz/fuzz_$*.c tests/fuzz/harness.c \
		tests/fuzz/replay.c $(BUILD)/libpiiscan.a $(LDLIBS)

# libFuzzer (clang): every target for FUZZ_SECONDS, from its corpus in
# tests/fuzz/corpus/; new inputs and crashes go to build-fuzz/fuzz/.
fuzz: deps-fuzz
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang OPT=-O1 \
		SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" fuzz-run

fuzz-run: $(addprefix $(BUILD)/fuzz/fuzz_,$(FUZZ_TARGETS))
	@sh tests/fuzz/run.sh $(BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# After `make fuzz`: adds the inputs it found that reach new code to the
# corpora in tests/fuzz/corpus/ (then commit them), so that `make test`
# replays them too.
fuzz-merge:
	@for t in $(FUZZ_TARGETS); do \
		build-fuzz/fuzz/fuzz_$$t -merge=1 -detect_leaks=0 tests/fuzz/corpus/$$t \
			build-fuzz/fuzz/new/$$t >build-fuzz/fuzz/$$t.merge.log 2>&1 || exit 1; \
		echo "$$t: $$(ls tests/fuzz/corpus/$$t | wc -l) inputs"; \
	done

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/harness.c tests/fuzz/harness.h \
		$(BUILD)/libpiiscan.a
	@mkdir -p $(dir $@)
	$(SAY) CC $@
	$(Q)$(CC) $(ALL_CFLAGS) $(FUZZ_FLAGS) $(LDFLAGS) -fsanitize=fuzzer -o $@ tests/fuzz/fuzz_$*.c \
		tests/fuzz/harness.c $(BUILD)/libpiiscan.a $(LDLIBS)

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
check-asan: deps-test
	@$(MAKE) --no-print-directory BUILD=build-asan OPT=-O1 SAN="$(ASAN_SAN)" WERROR=-Werror test-run

# The whole suite under ThreadSanitizer: the workers, the scheduler that
# shares pages, the collector and the progress thread. Reports go to
# build-tsan/tsan.*: any of them fails the target.
check-tsan: deps-test
	@rm -f build-tsan/tsan.*
	@G_SLICE=always-malloc \
	TSAN_OPTIONS="halt_on_error=1 log_path=$(CURDIR)/build-tsan/tsan suppressions=$(CURDIR)/tests/tsan.supp" \
		$(MAKE) --no-print-directory BUILD=build-tsan OPT=-O1 WERROR=-Werror \
		SAN="-fsanitize=thread -fno-omit-frame-pointer" test-run
	@if ls build-tsan/tsan.* >/dev/null 2>&1; then \
		echo "ThreadSanitizer reports:"; cat build-tsan/tsan.*; exit 1; fi

$(BUILD)/bench/gencorpus: bench/gencorpus.c
	@mkdir -p $(dir $@)
	$(SAY) CC $@
	$(Q)$(CC) -std=c11 -D_GNU_SOURCE $(CFLAGS) $(WARN) $(LDFLAGS) -o $@ $< $(shell pkg-config --libs libarchive)

# The raw Vectorscan reference of the dense-text workload (bench/run.py).
$(BUILD)/bench/hsbench: bench/hsbench.c
	@mkdir -p $(dir $@)
	$(SAY) CC $@
	$(Q)$(CC) -std=c11 -D_GNU_SOURCE $(CFLAGS) $(WARN) $(shell pkg-config --cflags libhs) $(LDFLAGS) \
		-o $@ $< $(shell pkg-config --libs libhs)

# Speed and memory against ripgrep on a generated corpus (bench/run.py).
# Never part of `make test`. Sizes: BENCH_SIZE, BENCH_BIG, BENCH_SMALL,
# BENCH_FILES, BENCH_TEXT_SIZE; runs per command: BENCH_REPEAT;
# BENCH_ONLY=text: the dense and sparse text alone.
bench: deps-bench
	@$(MAKE) --no-print-directory all $(BUILD)/bench/gencorpus \
		$(if $(filter 1,$(HAVE_VECTORSCAN)),$(BUILD)/bench/hsbench)
	@BUILD=$(BUILD) /usr/bin/python3 bench/run.py

# Precision and recall per kind on a generated, labelled evaluation set
# (tests/accuracy/: generate.py writes it into $(BUILD)/accuracy/set, score.py
# runs piiscan on it and prints the table). Never part of `make test`; fails
# while a kind is below its floor in tests/accuracy/floors.tsv.
accuracy: deps
	@$(MAKE) --no-print-directory all
	@rm -rf $(BUILD)/accuracy/set
	@/usr/bin/python3 tests/accuracy/generate.py $(BUILD)/accuracy/set
	@/usr/bin/python3 tests/accuracy/score.py --piiscan $(BIN) $(BUILD)/accuracy/set

# What make install puts under $(DATADIR), as in the source tree (make
# uninstall removes the same list): rule packs, name lists, contrib.
RULE_FILES    = $(wildcard rules/*.yaml) $(wildcard rules/names/*.txt) rules/names/README.md
CONTRIB_EXEC  = contrib/piiscan-shard.sh contrib/piiscan-merge.sh $(wildcard contrib/slurm/* contrib/parallel/*)
CONTRIB_FILES = contrib/piiscan.yaml contrib/piiscan.cron $(wildcard contrib/systemd/* contrib/kubernetes/*)
# the JSON Schemas of the outputs, for whoever checks what piiscan wrote
SCHEMA_FILES  = $(wildcard schema/*.json) schema/README.md
DATA_DIRS     = rules/names rules contrib/systemd contrib/kubernetes contrib/slurm contrib/parallel contrib \
		schema
# examples that name where piiscan is installed (/usr/local/...)
CONTRIB_LOCAL = contrib/piiscan.cron contrib/systemd/piiscan.service contrib/parallel/piiscan-parallel.sh
COMPLETIONS   = $(BUILD)/completion/piiscan.bash $(BUILD)/completion/_piiscan

# The shell completions come from the built binary's table of options.
$(BUILD)/completion/piiscan.bash: $(BIN)
	@mkdir -p $(dir $@)
	$(Q)$(BIN) --completion bash >$@.tmp && mv $@.tmp $@

$(BUILD)/completion/_piiscan: $(BIN)
	@mkdir -p $(dir $@)
	$(Q)$(BIN) --completion zsh >$@.tmp && mv $@.tmp $@

install: $(BIN) $(COMPLETIONS)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASH_COMPDIR) \
		$(DESTDIR)$(ZSH_COMPDIR) $(addprefix $(DESTDIR)$(DATADIR)/,$(DATA_DIRS))
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/piiscan
	install -m 644 man/piiscan.1 $(DESTDIR)$(MANDIR)/man1/piiscan.1
	install -m 644 $(BUILD)/completion/piiscan.bash $(DESTDIR)$(BASH_COMPDIR)/piiscan
	install -m 644 $(BUILD)/completion/_piiscan $(DESTDIR)$(ZSH_COMPDIR)/_piiscan
	for f in $(RULE_FILES) $(CONTRIB_FILES) $(SCHEMA_FILES); do \
		install -m 644 $$f $(DESTDIR)$(DATADIR)/$$f || exit; done
	for f in $(CONTRIB_EXEC); do install -m 755 $$f $(DESTDIR)$(DATADIR)/$$f || exit; done
	sed -i 's|/usr/local/|$(PREFIX)/|g' $(addprefix $(DESTDIR)$(DATADIR)/,$(CONTRIB_LOCAL))

# Removes what make install put there (same DESTDIR and PREFIX); folders
# of $(DATADIR) only when nothing else is left in them.
uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/piiscan $(DESTDIR)$(MANDIR)/man1/piiscan.1 \
		$(DESTDIR)$(BASH_COMPDIR)/piiscan $(DESTDIR)$(ZSH_COMPDIR)/_piiscan
	rm -f $(addprefix $(DESTDIR)$(DATADIR)/,$(RULE_FILES) $(CONTRIB_FILES) $(CONTRIB_EXEC) \
		$(SCHEMA_FILES))
	for d in $(addprefix $(DESTDIR)$(DATADIR)/,$(DATA_DIRS)) $(DESTDIR)$(DATADIR); do \
		[ ! -d $$d ] || rmdir --ignore-fail-on-non-empty $$d || exit; done

# A Debian package of the install tree: $(BUILD)/piiscan_VERSION-1_ARCH.deb
# (scripts/make-deb.sh). MAINTAINER="Name <mail>" names who built it.
deb: $(BIN) $(COMPLETIONS)
	@rm -rf $(BUILD)/deb
	@$(MAKE) --no-print-directory -o $(BIN) install DESTDIR=$(abspath $(BUILD))/deb/debian/piiscan PREFIX=/usr >/dev/null
	@HAVE_TESSERACT=$(HAVE_TESSERACT) HAVE_LIBHEIF=$(HAVE_LIBHEIF) HAVE_SMBCLIENT=$(HAVE_SMBCLIENT) sh scripts/make-deb.sh $(BUILD)

clean:
	rm -rf build build-asan build-tsan build-fuzz build-novs
