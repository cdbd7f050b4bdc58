# piiscan - see README.md. `make demo` builds and scans fixtures/,
# `make test` runs every test; both install missing Debian packages when
# run as root (scripts/deps.sh).

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
CC      ?= cc
PKGS     = libpcre2-8 libmagic libarchive xlsxwriter yaml-0.1 libcrypto libxml-2.0 gmime-3.0 libpff sqlite3 yajl

# Sanitizer flags for check-asan; empty in a normal build.
SAN     ?=
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
WARN     = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CPPFLAGS = -std=c11 -D_GNU_SOURCE -Iinclude $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lpthread -lm
ALL_CFLAGS = $(CPPFLAGS) $(CFLAGS) $(WARN) $(SAN)

LIB_SRC  = $(filter-out src/main.c,$(wildcard src/*.c)) $(wildcard src/extract/*.c)
LIB_OBJ  = $(LIB_SRC:%.c=$(BUILD)/%.o)
TEST_SRC = $(wildcard tests/unit/*.c)
TEST_OBJ = $(TEST_SRC:%.c=$(BUILD)/%.o)
HEADERS  = $(wildcard include/*.h)

BIN      = $(BUILD)/piiscan
UNIT     = $(BUILD)/unit_tests

.PHONY: all deps deps-test deps-bench demo test test-run check-asan check-tsan install clean bench

all: $(BIN)

deps:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

deps-bench:
	@scripts/deps.sh bench

$(BUILD)/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libpiiscan.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

$(BIN): $(BUILD)/src/main.o $(BUILD)/libpiiscan.a
	$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(LDLIBS)

$(UNIT): $(TEST_OBJ) $(BUILD)/libpiiscan.a
	$(CC) $(CFLAGS) $(SAN) -o $@ $^ $(LDLIBS)

# The main job: scan the shipped fixtures into inventory.xlsx.
demo: deps
	@$(MAKE) --no-print-directory all
	$(BIN) -o inventory.xlsx fixtures/

# Every test; the last line printed is "N passed, N failed".
test: deps-test
	@$(MAKE) --no-print-directory test-run

test-run: $(BIN) $(UNIT)
	@BUILD=$(BUILD) sh tests/run.sh

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
check-asan: deps-test
	@$(MAKE) --no-print-directory BUILD=build-asan OPT=-O1 \
		SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
		test-run

# The whole suite under ThreadSanitizer: the workers, the scheduler that
# shares pages, the collector and the progress thread. Reports go to
# build-tsan/tsan.*: any of them fails the target.
check-tsan: deps-test
	@rm -f build-tsan/tsan.*
	@TSAN_OPTIONS="halt_on_error=1 log_path=$(CURDIR)/build-tsan/tsan suppressions=$(CURDIR)/tests/tsan.supp" \
		$(MAKE) --no-print-directory BUILD=build-tsan OPT=-O1 \
		SAN="-fsanitize=thread -fno-omit-frame-pointer" test-run
	@if ls build-tsan/tsan.* >/dev/null 2>&1; then \
		echo "ThreadSanitizer reports:"; cat build-tsan/tsan.*; exit 1; fi

$(BUILD)/bench/gencorpus: bench/gencorpus.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE $(CFLAGS) $(WARN) -o $@ $< $(shell pkg-config --libs libarchive)

# Speed and memory against ripgrep on a generated corpus (bench/run.py).
# Never part of `make test`. Sizes: BENCH_SIZE, BENCH_BIG, BENCH_SMALL,
# BENCH_FILES; runs per command: BENCH_REPEAT.
bench: deps-bench
	@$(MAKE) --no-print-directory all $(BUILD)/bench/gencorpus
	@BUILD=$(BUILD) /usr/bin/python3 bench/run.py

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/piiscan/rules \
		$(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/piiscan
	install -m 644 rules/*.yaml $(DESTDIR)$(PREFIX)/share/piiscan/rules/
	install -m 644 man/piiscan.1 $(DESTDIR)$(PREFIX)/share/man/man1/piiscan.1

clean:
	rm -rf build build-asan build-tsan
