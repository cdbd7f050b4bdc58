#!/bin/sh
# --dry-run: the walk alone. It lists the files a scan with the same
# options reads (excludes, ignore files, --max-filesize, shards), in the
# order the scan takes them, and opens none of them.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

T="$WORK/tree"
mk() {
	for f in "$@"; do
		mkdir -p "$T/$(dirname "$f")"
		printf 'mail j.devries@ziggo.nl\n' >"$T/$f"
	done
}
mk a.txt b.log c/d.txt c/e/f.txt c/e/g.log h/i.txt 'sp ace.txt' z/y/x/w.txt
printf '*.log\n' >"$T/c/.piiscanignore"
head -c 200000 /dev/zero | tr '\0' 'x' >"$T/big.txt"
ln -s a.txt "$T/link.txt"
mkfifo "$T/fifo"

# read: the paths a scan read (its file records), in the order of their ids
read_files() {
	"$PIISCAN" -q -j 1 --records -o - "$@" | $PY -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
for o in sorted((o for o in rows if o.get("record") == "file" and o.get("status") != "skipped"),
                key=lambda o: o["file_id"]):
    print(o["path"])'
}

same() {
	_name=$1
	shift
	"$PIISCAN" -q --dry-run "$@" >"$WORK/dry" 2>"$WORK/dry.err"
	_rc=$?
	read_files "$@" >"$WORK/read"
	check "--dry-run $_name: exit 0, nothing on stderr" sh -c \
		"test $_rc -eq 0 && ! test -s '$WORK/dry.err'"
	check "--dry-run $_name: the files the scan reads, in its order ($(wc -l <"$WORK/read"))" \
		cmp "$WORK/dry" "$WORK/read"
}

same "of a tree" "$T"
same "with --exclude" --exclude 'z/' --exclude '*.txt' --exclude '!c/**' "$T"
same "with --max-filesize" --max-filesize 100K "$T"
check "--max-filesize: the larger file is not listed" sh -c "! grep -q big.txt '$WORK/dry'"
check ".piiscanignore applied: c/e/g.log not listed" sh -c "! grep -q 'g.log' '$WORK/dry'"
check "a link not followed, a FIFO: not listed" sh -c \
	"! grep -q 'link.txt' '$WORK/dry' && ! grep -q 'fifo' '$WORK/dry'"
same "with --follow-symlinks" --follow-symlinks "$T"
same "of a file and a folder" "$T/a.txt" "$T/c"

# shards: without a key file (nothing is fingerprinted); each file in
# exactly one part, each part the scan's
: >"$WORK/parts"
for k in 1 2 3; do
	"$PIISCAN" -q --dry-run --shard "$k/3" "$T" >>"$WORK/parts"
done
"$PIISCAN" -q --dry-run "$T" | sort >"$WORK/all"
check "--dry-run --shard K/3: the parts together are the whole, each file once" sh -c \
	"sort '$WORK/parts' | cmp - '$WORK/all'"
printf 'k' >"$WORK/key" && head -c 31 /dev/urandom >>"$WORK/key"
"$PIISCAN" -q --dry-run --shard 2/3 "$T" >"$WORK/dry2"
"$PIISCAN" -q -j 1 --shard 2/3 --fingerprint-key-file "$WORK/key" -o "$WORK/s2.jsonl" "$T"
$PY -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
for o in sorted((o for o in rows if o.get("record") == "file"), key=lambda o: o["file_id"]):
    print(o["path"])' "$WORK/s2.jsonl" >"$WORK/read2"
check "--dry-run --shard 2/3: the files shard 2/3 reads" cmp "$WORK/dry2" "$WORK/read2"

# nothing is opened: an unreadable file is listed (the scan would try it,
# and report it); an unreadable folder is said on stderr
if [ "$(id -u)" -ne 0 ]; then
	mkdir -p "$T/closed" && printf 'x\n' >"$T/closed/in.txt" && chmod 000 "$T/closed"
	"$PIISCAN" -q --dry-run "$T" >"$WORK/d3" 2>"$WORK/d3.err"
	check "an unreadable folder is said on stderr, the rest listed" sh -c \
		"grep -q 'closed' '$WORK/d3.err' && grep -q 'a.txt' '$WORK/d3'"
	chmod 755 "$T/closed"
fi
"$PIISCAN" --dry-run "$T" >/dev/null 2>"$WORK/d4.err"
check "without -q: the count on stderr" grep -q 'would be read' "$WORK/d4.err"
mkdir -p "$WORK/empty"
(cd "$WORK/empty" && "$PIISCAN" -q --dry-run "$T" >/dev/null 2>&1)
check "no output file is written (no inventory.xlsx by default)" test -z "$(ls -A "$WORK/empty")"
# Bounded: a folder is listed whole and closed before its subfolders
# are walked, so a tree 300 folders deep is walked, and scanned, with
# 24 descriptors (find -type f needs one per level it is in).
D="$WORK/deep"
mkdir -p "$D"
d=$D
i=0
while [ $i -lt 300 ]; do
	d="$d/d"
	i=$((i + 1))
done
mkdir -p "$d" && printf 'mail j.devries@ziggo.nl\n' >"$d/bottom.txt"
for i in 1 2 3 4 5; do printf 'x\n' >"$D/d/f$i.txt"; done
check "a tree 300 deep is walked with ulimit -n 24 (6 files)" sh -c \
	"ulimit -n 24 && '$PIISCAN' -q --dry-run '$D' | grep -c . | grep -qx 6"
check "and scanned with ulimit -n 64, -j 2 (the finding at the bottom)" sh -c \
	"ulimit -n 64 && '$PIISCAN' -q -j 2 -o - '$D' | grep -q bottom.txt"
check_fails "a missing PATH: a usage error, as for a scan" "$PIISCAN" -q --dry-run "$WORK/nothere"
finish
