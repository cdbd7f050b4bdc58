#!/bin/sh
# Beyond one machine: 4 shards of fixtures/ as separate processes side by
# side, merged, give the inventory of one run over the whole tree; merge
# refuses parts that do not belong together.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

head -c 32 /dev/urandom >"$WORK/key"
pids=""
for k in 1 2 3 4; do
	"$PIISCAN" -q -j 1 --shard $k/4 --fingerprint-key-file "$WORK/key" \
		-o "$WORK/part$k.jsonl" fixtures/ &
	pids="$pids $!"
done
ok_all=0
for p in $pids; do wait $p || ok_all=1; done
check "4 shards ran side by side, each exit 0" test $ok_all -eq 0
"$PIISCAN" -q --fingerprint-key-file "$WORK/key" --records -o "$WORK/single.xlsx" \
	-o "$WORK/single.csv" -o "$WORK/single.jsonl" fixtures/
"$PIISCAN" merge -q "$WORK/part1.jsonl" "$WORK/part2.jsonl" "$WORK/part3.jsonl" \
	"$WORK/part4.jsonl" -o "$WORK/merged.xlsx" -o "$WORK/merged.csv"
check "merge: exit 0" test $? -eq 0

check "the shards split the files: each file in exactly one part, none lost" $PY - "$WORK" <<'EOF'
import json, sys, collections
w = sys.argv[1]
def files(path):
    return [json.loads(l)["path"] for l in open(path) if '"record":"file"' in l]
seen = collections.Counter()
sizes = []
for k in range(1, 5):
    f = files(f"{w}/part{k}.jsonl")
    sizes.append(len(f))
    seen.update(f)
single = collections.Counter(files(f"{w}/single.jsonl"))
assert seen == single, (seen - single, single - seen)
assert all(seen[p] == 1 for p in seen), [p for p in seen if seen[p] > 1]
assert min(sizes) > 0, sizes  # every shard got some of the 70-odd files
EOF
check "merged inventory = one run's: every sheet, every cell (but times and command line)" \
	$PY tests/e2e/same_xlsx.py "$WORK/merged.xlsx" "$WORK/single.xlsx" \
	"Started (UTC)" "Finished (UTC)" "Duration (seconds)" "Command line" \
	"OCR time (seconds, all threads)"
check "the merged summary shows the merge command" \
	$PY -c "import openpyxl,sys; s={r[0]:r[1] for r in openpyxl.load_workbook(sys.argv[1])['Summary'].iter_rows(values_only=True) if r[0]}; sys.exit(not s['Command line'].startswith('$PIISCAN merge '))" "$WORK/merged.xlsx"
check "merged CSV = one run's CSV, byte for byte" cmp "$WORK/merged.csv" "$WORK/single.csv"

# What merge refuses, each with its reason.
refuse() { # NAME PATTERN ARGS...: merge fails (exit 2) with PATTERN on stderr
	name=$1 pattern=$2
	shift 2
	"$PIISCAN" merge "$@" -o "$WORK/refused.xlsx" 2>"$WORK/refused.err"
	rc=$?
	check "merge refuses $name" sh -c "test $rc -eq 2 && grep -q \"$pattern\" '$WORK/refused.err' && test ! -e '$WORK/refused.xlsx'"
}
refuse "a missing shard" "shard 3/4 is missing" "$WORK/part1.jsonl" "$WORK/part2.jsonl" "$WORK/part4.jsonl"
refuse "a shard given twice" "shard 2/4 is given twice" "$WORK/part1.jsonl" "$WORK/part2.jsonl" \
	"$WORK/part2.jsonl" "$WORK/part3.jsonl" "$WORK/part4.jsonl"
head -c 32 /dev/urandom >"$WORK/key2"
"$PIISCAN" -q --shard 4/4 --fingerprint-key-file "$WORK/key2" -o "$WORK/other-key.jsonl" fixtures/
refuse "parts with another fingerprint key" "different fingerprint keys" "$WORK/part1.jsonl" \
	"$WORK/part2.jsonl" "$WORK/part3.jsonl" "$WORK/other-key.jsonl"
"$PIISCAN" -q --shard 4/4 --packs core --fingerprint-key-file "$WORK/key" -o "$WORK/core.jsonl" fixtures/
refuse "parts made with other rules" "other rules" "$WORK/part1.jsonl" "$WORK/part2.jsonl" \
	"$WORK/part3.jsonl" "$WORK/core.jsonl"
head -n 5 "$WORK/part1.jsonl" >"$WORK/cut.jsonl"
refuse "a part cut short (no summary record)" "no summary record" "$WORK/cut.jsonl" \
	"$WORK/part2.jsonl" "$WORK/part3.jsonl" "$WORK/part4.jsonl"
refuse "a file that is not records" "not a JSON object" tests/golden/fixtures.tsv
refuse "--shard" "merge takes no --shard" --shard 1/2 "$WORK/part1.jsonl"

# Links not followed are counted by each shard (its own links only) and
# summed by merge.
mkdir -p "$WORK/links"
printf 'mail j.devries@ziggo.nl\n' >"$WORK/links/a.txt"
for i in 1 2 3 4 5 6 7 8; do ln -s a.txt "$WORK/links/link$i"; done
for k in 1 2; do
	"$PIISCAN" -q --shard $k/2 --fingerprint-key-file "$WORK/key" -o "$WORK/links$k.jsonl" "$WORK/links"
done
"$PIISCAN" merge -q "$WORK/links1.jsonl" "$WORK/links2.jsonl" -o "$WORK/links.xlsx"
check "merge sums the shards' symbolic links not followed (8, each counted once)" sh -c \
	'test "$1" -gt 0 && test "$2" -gt 0 && test "$3" = 8' - \
	"$(sed -n 's/.*"record":"summary".*"symlinks_not_followed":\([0-9]*\).*/\1/p' "$WORK/links1.jsonl")" \
	"$(sed -n 's/.*"record":"summary".*"symlinks_not_followed":\([0-9]*\).*/\1/p' "$WORK/links2.jsonl")" \
	"$(summary "$WORK/links.xlsx" "Symbolic links not followed")"

# merge's own messages: no parts, and its help.
for args in "" "-o $WORK/none.xlsx"; do
	# shellcheck disable=SC2086
	"$PIISCAN" merge $args >"$WORK/noparts.out" 2>"$WORK/noparts.err"
	check "merge ${args:+-o OUT }without parts: exit 2, one line that says so and how" sh -c \
		"test $? -eq 2 && test \$(wc -l <'$WORK/noparts.err') -eq 1 &&
		 grep -q 'merge: no parts given; usage: piiscan merge PART.jsonl' '$WORK/noparts.err' &&
		 test ! -s '$WORK/noparts.out' && test ! -e '$WORK/none.xlsx'"
done
for h in --help -h; do
	"$PIISCAN" merge $h >"$WORK/mhelp.out" 2>"$WORK/mhelp.err"
	check "merge $h: exit 0, merge's own help (parts, -o) on stdout" sh -c \
		"test $? -eq 0 && test ! -s '$WORK/mhelp.err' &&
		 head -n 1 '$WORK/mhelp.out' | grep -q '^Usage: piiscan merge .*PART.jsonl' &&
		 grep -q -- '-o, --output FILE' '$WORK/mhelp.out' && grep -q -- '--shard K/N' '$WORK/mhelp.out' &&
		 ! grep -q -- '--follow-symlinks' '$WORK/mhelp.out'"
done

check_fails "--shard needs --fingerprint-key-file" "$PIISCAN" -q --shard 1/2 -o "$WORK/x.jsonl" fixtures/notes
check_fails "--shard needs a JSONL output" "$PIISCAN" -q --shard 1/2 --fingerprint-key-file "$WORK/key" -o "$WORK/x.xlsx" fixtures/notes
check_fails "--shard 3/2 is refused" "$PIISCAN" -q --shard 3/2 --fingerprint-key-file "$WORK/key" -o "$WORK/x.jsonl" fixtures/notes
check_fails "--shard 0/2 is refused" "$PIISCAN" -q --shard 0/2 --fingerprint-key-file "$WORK/key" -o "$WORK/x.jsonl" fixtures/notes

# The split follows the path below the root, not where the share is mounted.
mkdir -p "$WORK/mnt1" "$WORK/mnt2"
cp -r fixtures/notes "$WORK/mnt1/share" && cp -r fixtures/notes "$WORK/mnt2/share"
"$PIISCAN" -q --shard 1/2 --fingerprint-key-file "$WORK/key" -o "$WORK/m1.jsonl" "$WORK/mnt1/share"
"$PIISCAN" -q --shard 1/2 --fingerprint-key-file "$WORK/key" -o "$WORK/m2.jsonl" "$WORK/mnt2/share"
check "the same shard of a share mounted in two places holds the same files" \
	test "$(sed -n 's/.*"record":"file".*"path":"[^"]*share\/\([^"]*\)".*/\1/p' "$WORK/m1.jsonl" | sort)" = \
	"$(sed -n 's/.*"record":"file".*"path":"[^"]*share\/\([^"]*\)".*/\1/p' "$WORK/m2.jsonl" | sort)"
finish
