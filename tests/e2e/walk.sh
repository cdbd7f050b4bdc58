#!/bin/sh
# Walking real trees: special files, links, loops, unreadable files, odd
# names, excludes, size limits, page edges in a large file.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2
T="$WORK/tree"
mkdir -p "$T/sub/deeper"
printf 'mail j.devries@ziggo.nl\n' >"$T/sub/deeper/a.txt"
printf 'BSN 111222333\n' >"$T/b.txt"

mkfifo "$T/queue.fifo"
$PY -c "import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])" "$T/app.sock"
ln -s sub/deeper/a.txt "$T/link-to-a.txt"
ln -s ../.. "$T/sub/deeper/loop"
ln -s /nonexistent/file "$T/dangling"
# names a spreadsheet or a terminal could trip over
printf 'mail p.bakker@xs4all.nl\n' >"$T/$(printf 'caf\351-latin1.txt')"
printf 'mail a.smit@hotmail.com\n' >"$T/$(printf 'two\nlines.txt')"
printf 'mail m.visser@outlook.com\n' >"$T/=HYPERLINK(1).txt"

# timeout: a FIFO that were opened would block forever
timeout 60 "$PIISCAN" -q -j 2 -o "$WORK/w.xlsx" -o "$WORK/w.jsonl" -o "$WORK/w.csv" "$T"
rc=$?
check "scan of a tree with a FIFO and a socket finishes" test $rc -eq 0
check "FIFO is reported as skipped" $PY tests/e2e/check_xlsx.py error "$WORK/w.xlsx" queue.fifo skipped FIFO
check "socket is reported as skipped" $PY tests/e2e/check_xlsx.py error "$WORK/w.xlsx" app.sock skipped socket
# Links not followed are counted in the Summary, not listed: a tree such
# as /etc holds hundreds. Here: link-to-a.txt, sub/deeper/loop, dangling.
check "symbolic links not followed: counted in the Summary (3)" \
	test "$(summary "$WORK/w.xlsx" "Symbolic links not followed")" = 3
check_fails "symbolic links not followed: no Errors row" \
	$PY tests/e2e/check_xlsx.py error "$WORK/w.xlsx" link-to-a.txt skipped "not followed"
check "symbolic links not followed: not files not read (those are the FIFO and the socket)" \
	test "$(summary "$WORK/w.xlsx" "Files not read (Errors sheet)")" = 2
check "symbolic links not followed: the count is in the --records summary record" sh -c \
	"'$PIISCAN' -q --records -o - '$T' | tail -n 1 | grep -q '\"symlinks_not_followed\":3,'"
"$PIISCAN" -q --list-symlinks -o "$WORK/ls.xlsx" "$T"
check "--list-symlinks: each link not followed is an Errors row" sh -c \
	"$PY tests/e2e/check_xlsx.py error '$WORK/ls.xlsx' link-to-a.txt skipped 'not followed' &&
	 $PY tests/e2e/check_xlsx.py error '$WORK/ls.xlsx' sub/deeper/loop skipped 'not followed' &&
	 $PY tests/e2e/check_xlsx.py error '$WORK/ls.xlsx' dangling skipped 'not followed'"
check "--list-symlinks: and still counted in the Summary" \
	test "$(summary "$WORK/ls.xlsx" "Symbolic links not followed")" = 3
printf 'paths: ["%s"]\nlist-symlinks: true\n' "$T" >"$WORK/ls.yaml"
"$PIISCAN" -q --config "$WORK/ls.yaml" -o "$WORK/lsc.xlsx"
check "list-symlinks: true in a configuration file lists them" \
	$PY tests/e2e/check_xlsx.py error "$WORK/lsc.xlsx" link-to-a.txt skipped "not followed"
# --state keeps no record of links: a run that carries every file over
# walks and counts them again.
"$PIISCAN" -q --state "$WORK/w.db" -o "$WORK/st1.xlsx" "$T"
"$PIISCAN" -q --state "$WORK/w.db" -o "$WORK/st2.xlsx" "$T"
check "--state: the second run (its files carried over) counts the links too" sh -c \
	'test "$1" -gt 0 && test "$2 $3" = "3 3"' - \
	"$(summary "$WORK/st2.xlsx" "Files carried over (unchanged)")" \
	"$(summary "$WORK/st1.xlsx" "Symbolic links not followed")" \
	"$(summary "$WORK/st2.xlsx" "Symbolic links not followed")"
check "files are found in subfolders" grep -q 'sub/deeper/a.txt' "$WORK/w.jsonl"
check "odd file names keep the workbook readable" $PY tests/e2e/check_xlsx.py cells "$WORK/w.xlsx"
check "an invalid UTF-8 name is escaped in JSON" grep -qF 'caf\\xE9-latin1.txt' "$WORK/w.jsonl"
check "a newline in a name is escaped" grep -qF 'two\nlines.txt' "$WORK/w.jsonl"
check "jsonl stays valid JSON" $PY tests/e2e/jsonl2tsv.py "$WORK/w.jsonl"
(cd "$T" && "$PIISCAN" -q -o "$WORK/eq.csv" '=HYPERLINK(1).txt')
check "csv cells that start with = are neutralised" grep -q "^'=HYPERLINK" "$WORK/eq.csv"

timeout 60 "$PIISCAN" -q --follow-symlinks -o "$WORK/f.xlsx" -o "$WORK/f.jsonl" "$T"
check "--follow-symlinks: a link loop ends the scan normally" test $? -eq 0
check "--follow-symlinks: the loop is reported" \
	$PY tests/e2e/check_xlsx.py error "$WORK/f.xlsx" deeper/loop skipped "loop"
check "--follow-symlinks: a dangling link is reported" \
	$PY tests/e2e/check_xlsx.py error "$WORK/f.xlsx" dangling failed "broken symbolic link"
check "--follow-symlinks: linked files are scanned" grep -q 'link-to-a.txt' "$WORK/f.jsonl"
check "--follow-symlinks: no link is counted as not followed" \
	test "$(summary "$WORK/f.xlsx" "Symbolic links not followed")" = 0

# Device nodes are never opened; --one-file-system stays on /dev's file
# system (where /dev holds a mount point, as /dev/pts usually is).
timeout 120 "$PIISCAN" -q --one-file-system -o "$WORK/dev.xlsx" /dev
check "a scan of /dev finishes" test $? -eq 0
check "a device node is reported as skipped" \
	$PY tests/e2e/check_xlsx.py error "$WORK/dev.xlsx" /dev/null skipped "character device"
if [ -d /dev/pts ] && [ "$(stat -c %d /dev)" != "$(stat -c %d /dev/pts)" ]; then
	check "--one-file-system does not enter another file system" \
		$PY tests/e2e/check_xlsx.py error "$WORK/dev.xlsx" /dev/pts skipped "another file system"
else
	echo "skip - --one-file-system: /dev/pts is not a mount point here"
fi

# --exclude and --max-filesize
"$PIISCAN" -q --exclude 'deeper' --exclude '*.fifo' -o "$WORK/e.jsonl" -o "$WORK/e.xlsx" "$T"
check_fails "--exclude prunes a folder" grep -q 'deeper/a.txt' "$WORK/e.jsonl"
check "--exclude leaves the rest" grep -q '"rule":"nl_bsn"' "$WORK/e.jsonl"
head -c 2000 /dev/zero | tr '\0' 'x' >"$T/big.txt"
"$PIISCAN" -q --max-filesize 1K -o "$WORK/s.xlsx" "$T"
check "--max-filesize skips larger files with a row" \
	$PY tests/e2e/check_xlsx.py error "$WORK/s.xlsx" big.txt skipped "larger than --max-filesize"

# Unreadable file and folder. Root reads anything, so as root the scan
# runs as "nobody".
mkdir -p "$WORK/perm/closed"
printf 'BSN 111222333\n' >"$WORK/perm/secret.txt"
printf 'mail j.devries@ziggo.nl\n' >"$WORK/perm/open.txt"
chmod 000 "$WORK/perm/secret.txt" "$WORK/perm/closed"
as_nobody "$WORK/perm"
$as_user "$bin" -q -o "$WORK/p.xlsx" -o "$WORK/p.jsonl" "$WORK/perm"
check "unreadable files do not stop the scan" grep -q 'open.txt' "$WORK/p.jsonl"
check "an unreadable file is an error row" \
	$PY tests/e2e/check_xlsx.py error "$WORK/p.xlsx" secret.txt failed "Permission denied"
check "an unreadable folder is an error row" \
	$PY tests/e2e/check_xlsx.py error "$WORK/p.xlsx" closed failed "Permission denied"
chmod 755 "$WORK/perm/closed"

# Our own outputs in the scanned tree are not scanned.
O="$WORK/own"
mkdir -p "$O"
printf 'BSN 111222333\n' >"$O/data.txt"
(cd "$O" && "$PIISCAN" -q --show-values -o out.jsonl . && "$PIISCAN" -q --show-values -o out.jsonl .)
check "the previous report in the tree is not scanned" test "$(wc -l <"$O/out.jsonl")" -eq 1

# Page edges: values planted across every 1 MiB page boundary of a 5 MB
# file are each found once, with the right line.
$PY - "$WORK/big.log" >"$WORK/big.want" <<'PYEOF'
import sys
page = 1 << 20
with open(sys.argv[1], "w") as f:
    pos, line = 0, 1
    filler = "lorem ipsum dolor sit amet, consectetur adipiscing elit " * 2 + "\n"
    for k in range(1, 6):
        while pos + len(filler) < k * page - 10:
            f.write(filler); pos += len(filler); line += 1
        pad = k * page - 10 - pos
        f.write("x" * pad + " ")  # the address starts 9 bytes before the edge
        pos += pad + 1
        v = "edge%d.person@example-mail.nl" % k
        f.write(v + "\n"); pos += len(v) + 1
        print("%s\t%d" % (v, line))
        line += 1
PYEOF
"$PIISCAN" -q --show-values -o "$WORK/big.jsonl" "$WORK/big.log"
check "five values across page edges, five findings" test "$(grep -c edge "$WORK/big.jsonl")" -eq 5
$PY -c '
import json, sys
for l in open(sys.argv[1]):
    o = json.loads(l)
    print("%s\t%d" % (o["value"], o["line"]))' "$WORK/big.jsonl" | sort >"$WORK/big.got"
sort "$WORK/big.want" >"$WORK/big.want.sorted"
check "each edge value once, on its line" diff "$WORK/big.want.sorted" "$WORK/big.got"

# Overlapping paths: a folder given twice (another spelling, a link to it)
# or a folder inside another one given is scanned once, said once.
S="$WORK/ov/share"
mkdir -p "$WORK/ov" && cp -r fixtures/share "$S" && ln -s share "$WORK/ov/share-link"
"$PIISCAN" -q -j 2 -o "$WORK/ov1.jsonl" "$S"
n1=$(wc -l <"$WORK/ov1.jsonl")
"$PIISCAN" -j 2 -o "$WORK/ov2.jsonl" "$S" "$S/" "$WORK/ov/share-link" "$S/hr" \
	"$S/hr/ziekmelding-jansen.txt" 2>"$WORK/ov2.err"
check "overlapping paths: every finding once ($n1)" test "$(wc -l <"$WORK/ov2.jsonl")" -eq "$n1"
check "overlapping paths: one line each on stderr, naming both" sh -c "
	test \$(grep -c 'scanning its files once' '$WORK/ov2.err') -eq 4 &&
	grep -q \"'$S/' is the same as '$S'\" '$WORK/ov2.err' &&
	grep -q \"'$S/hr' is inside '$S'\" '$WORK/ov2.err'"
check "overlapping paths: the summary counts each file once" \
	grep -q '^piiscan: 7 files ' "$WORK/ov2.err"
# a folder inside an excluded one is still scanned when given
"$PIISCAN" -q -j 2 --exclude hr -o "$WORK/ov3.jsonl" "$S" "$S/hr" 2>"$WORK/ov3.err"
check "a path inside an --exclude'd folder is scanned, not dropped" sh -c \
	"grep -q 'ziekmelding-jansen' '$WORK/ov3.jsonl' && ! grep -q 'once' '$WORK/ov3.err'"
finish
