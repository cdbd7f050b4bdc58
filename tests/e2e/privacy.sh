#!/bin/sh
# The report must not leak: no value planted in fixtures/ (the golden list)
# appears in any output or on stderr unless --show-values is given, and
# fingerprints cannot be matched across reports without the key. (Mode
# 0600 and formula escaping are checked in cli.sh and walk.sh.)
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

# leaks FILE...: prints and fails on every golden value of 6 characters or
# more found in the files (xlsx cells are read as text).
leaks() {
	$PY - "$@" <<'EOF'
import sys, openpyxl
SPECIAL = {"health", "religion", "ethnic_origin", "political_opinion", "trade_union",
           "sexual_orientation", "genetic_biometric", "criminal_data"}
values = set()
for line in open("tests/golden/fixtures.tsv", encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    cols = line.rstrip("\n").split("\t")
    v = cols[-1]
    # the special categories' words are shown by design (mask: keyword)
    if len(v) >= 6 and cols[2] not in SPECIAL:
        values.add(v)
assert len(values) > 50, "golden list not read"
found = 0
for path in sys.argv[1:]:
    if path.endswith(".xlsx"):
        wb = openpyxl.load_workbook(path)
        texts = [(f"{path}:{ws.title}", c) for ws in wb for row in ws.iter_rows(values_only=True)
                 for c in row if isinstance(c, str)]
    else:
        texts = [(path, open(path, encoding="utf-8", errors="replace").read())]
    for where, text in texts:
        for v in values:
            if v in text:
                print(f"{where}: a value of {len(v)} characters in full")
                found += 1
sys.exit(found != 0)
EOF
}

# Every output and stderr, with progress on and warnings not silenced.
"$PIISCAN" --progress -o "$WORK/all.xlsx" -o "$WORK/all.jsonl" -o "$WORK/all.csv" fixtures \
	2>"$WORK/stderr.txt"
check "masked: no planted value in the xlsx (any sheet), jsonl, csv or stderr" \
	leaks "$WORK/all.xlsx" "$WORK/all.jsonl" "$WORK/all.csv" "$WORK/stderr.txt"
"$PIISCAN" -q --show-values -o "$WORK/shown.jsonl" fixtures/notes
check_fails "the check above can fail: --show-values writes values in full" \
	leaks "$WORK/shown.jsonl"

# Fingerprints: a random key per run unless one is given.
fp() { sed -n 's/.*"rule":"email".*"fingerprint":"\([0-9a-f]*\)".*/\1/p' "$1" | head -1; }
"$PIISCAN" -q -j 1 -o "$WORK/run1.jsonl" fixtures/notes
"$PIISCAN" -q -j 1 -o "$WORK/run2.jsonl" fixtures/notes
check "a fingerprint is there" test -n "$(fp "$WORK/run1.jsonl")"
check "without a key, two runs fingerprint the same value differently" \
	test "$(fp "$WORK/run1.jsonl")" != "$(fp "$WORK/run2.jsonl")"
head -c 32 /dev/urandom >"$WORK/key"
"$PIISCAN" -q --fingerprint-key-file "$WORK/key" -j 1 -o "$WORK/key1.jsonl" fixtures/notes
"$PIISCAN" -q --fingerprint-key-file "$WORK/key" -j 1 -o "$WORK/key2.jsonl" fixtures/notes
check "with --fingerprint-key-file, two runs agree" \
	test "$(fp "$WORK/key1.jsonl")" = "$(fp "$WORK/key2.jsonl")"
check "with --fingerprint-key-file, every fingerprint agrees" \
	sh -c "test \"\$(sed 's/.*fingerprint//' '$WORK/key1.jsonl' | sort)\" = \"\$(sed 's/.*fingerprint//' '$WORK/key2.jsonl' | sort)\""
head -c 8 /dev/urandom >"$WORK/short"
"$PIISCAN" -q --fingerprint-key-file "$WORK/short" -o "$WORK/short.jsonl" fixtures/notes 2>"$WORK/short.err"
check "a key under 16 bytes is refused (exit 2, no report)" \
	sh -c "test $? -eq 2 && grep -q 'at least 16 bytes' '$WORK/short.err' && test ! -e '$WORK/short.jsonl'"
"$PIISCAN" -q --fingerprint-key-file "$WORK/nokey" -o "$WORK/nokey.jsonl" fixtures/notes 2>"$WORK/nokey.err"
check "a missing key file is refused with its name" \
	sh -c "test $? -eq 2 && grep -q 'nokey: No such file' '$WORK/nokey.err'"
finish
