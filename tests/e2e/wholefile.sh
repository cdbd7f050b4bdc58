#!/bin/sh
# Decisions about a whole file are taken once the whole file is in: a
# special-category word counts when an identifier is anywhere in the same
# file, however large the file and however its pages were shared out
# between the workers (a 1.4 MB text is matched as several pages, handed
# to other workers). Inside a zip the same.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

# make FILE FIRST LAST: about 1.4 MB of plain prose with FIRST as its
# first line and LAST near its end.
make_text() {
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

make_text "$WORK/mail-first.txt" "Contact: j.vandijk@example-hr.nl" "Hij heeft zich ziekgemeld op maandag."
make_text "$WORK/word-first.txt" "Hij heeft zich ziekgemeld op maandag." "Contact: j.vandijk@example-hr.nl"
make_text "$WORK/no-id.txt" "Agenda of the meeting" "Hij heeft zich ziekgemeld op maandag."
check "the test texts are over a page (1 MiB)" test "$(wc -c <"$WORK/mail-first.txt")" -gt 1400000
(cd "$WORK" && zip -q both.zip mail-first.txt word-first.txt)

# health FILE J: the health findings of a scan of FILE with -j J.
health() {
	"$PIISCAN" -q -j "$2" -o "$WORK/out.jsonl" "$1" &&
		grep -c '"rule":"health"' "$WORK/out.jsonl"
}

for j in 1 2 4; do
	check "identifier on line 1, word near the end (1.4 MB), -j $j: health found" \
		test "$(health "$WORK/mail-first.txt" $j)" = 1
	check "word on line 1, identifier near the end (1.4 MB), -j $j: health found" \
		test "$(health "$WORK/word-first.txt" $j)" = 1
	check "the word alone in a 1.4 MB file, -j $j: a word in passing, no finding" \
		test "$(health "$WORK/no-id.txt" $j)" = 0
	check "both layouts inside a zip, -j $j: health found in each" \
		test "$(health "$WORK/both.zip" $j)" = 2
done
finish
