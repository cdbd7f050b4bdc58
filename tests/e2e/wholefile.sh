#!/bin/sh
# Decisions about a whole file are taken once the whole file is in: a
# special-category word counts when the same record identifies someone,
# also when the record straddles the edge of two pages of a large file,
# matched by different workers (a page is 1 MiB), at every thread count
# and inside a zip. A word far from anyone (another record) is not one.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

# make_text FILE FIRST SECOND: about 1.4 MB of plain prose in which the
# lines FIRST and SECOND follow each other right at the first page's
# edge, FIRST ending before it and SECOND starting after it.
make_text() {
	$PY - "$1" "$2" "$3" <<'PYEOF'
import sys
path, first, second = sys.argv[1:4]
filler = "The quarterly meeting went over the planning of the new office furniture and the coffee machine.\n"
page = 1 << 20
with open(path, "w") as f:
    written = 0
    while written + len(filler) + len(first) + 1 < page - 10:
        f.write(filler)
        written += len(filler)
    f.write("\n" * (page - 10 - written - len(first) - 1))
    f.write(first + "\n")
    f.write("\n" * 10)
    f.write(second + "\n")
    for _ in range(4000):
        f.write(filler)
PYEOF
}

# make_far FILE FIRST LAST: FIRST on line 1, LAST near the end, 1.4 MB on.
make_far() {
	$PY - "$1" "$2" "$3" <<'PYEOF'
import sys
path, first, last = sys.argv[1:4]
filler = "The quarterly meeting went over the planning of the new office furniture and the coffee machine.\n"
with open(path, "w") as f:
    f.write(first + "\n")
    n = 1400 * 1024 // len(filler)
    for i in range(n):
        f.write(filler)
        if i == n - 20:
            f.write(last + "\n")
PYEOF
}

MAIL="Contact: j.vandijk@example-hr.nl"
WORD="Hij heeft zich maandag ziek gemeld bij de leidinggevende."
make_text "$WORK/mail-first.txt" "$MAIL" "$WORD"
make_text "$WORK/word-first.txt" "$WORD" "$MAIL"
make_far "$WORK/far.txt" "$MAIL" "$WORD"
check "the records straddle the first page's edge (1 MiB)" $PY -c "
import sys
t = open('$WORK/mail-first.txt', 'rb').read()
a, b = t.index(b'j.vandijk'), t.index(b'ziek gemeld')
assert a < (1 << 20) < b and len(t) > 1400000, (a, b, len(t))"
(cd "$WORK" && zip -q both.zip mail-first.txt word-first.txt)

# health FILE J: the health findings of a scan of FILE with -j J.
health() {
	"$PIISCAN" -q -j "$2" -o "$WORK/out.jsonl" "$1" &&
		grep -c '"rule":"health"' "$WORK/out.jsonl"
}

for j in 1 2 4; do
	check "identifier before a page's edge, word after it, -j $j: health found" \
		test "$(health "$WORK/mail-first.txt" $j)" = 1
	check "word before a page's edge, identifier after it, -j $j: health found" \
		test "$(health "$WORK/word-first.txt" $j)" = 1
	check "identifier on line 1, the word 1.4 MB on, -j $j: not about anyone there, no finding" \
		test "$(health "$WORK/far.txt" $j)" = 0
	check "both layouts inside a zip, -j $j: health found in each" \
		test "$(health "$WORK/both.zip" $j)" = 2
done
finish
