#!/bin/sh
# Ignore files (#18): .piiscanignore in the scanned folders, --ignore-file,
# --exclude with the same gitignore syntax, --ignore-case-paths, and the
# warning for a pattern that matched nothing. The files piiscan reads are
# compared with what git leaves unignored when the same patterns are its
# .gitignore files.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

# files: the paths piiscan read, one a line, below root $1, sorted
# (the --records file records; the rest of the arguments are piiscan's).
files() {
	_root=$1
	shift
	"$PIISCAN" -q -j 2 --records -o - "$@" "$_root" | $PY -c '
import json, sys
root = sys.argv[1].rstrip("/") + "/"
for l in sys.stdin:
    o = json.loads(l)
    if o.get("record") == "file":
        print(o["path"][len(root):] if o["path"].startswith(root) else o["path"])' "$_root" | sort
}

T="$WORK/tree"
mk() {
	for f in "$@"; do
		mkdir -p "$T/$(dirname "$f")"
		printf 'x\n' >"$T/$f"
	done
}
mk a.log keep.log .hidden.log x/b.log x/keep.log \
	build/out.txt src/build/o.txt other/build \
	top.txt x/top.txt doc/frotz/f.txt x/doc/frotz/f.txt \
	a/deep.txt a/b/deep.txt a/b/c/deep.txt b/deep.txt \
	secret1.txt secretx.txt ax.txt bx.txt cx.txt q1.txt q12.txt \
	'#hash.txt' 'x/#hash.txt' '!bang.txt' trail.txt 'space ' space \
	logs/important.txt logs/other.txt y.tmp m/gen/g.txt gen/h.txt \
	vendor/lib.c vendor/keep.me vendor/sub/x.c \
	sub/s.log sub/local.txt sub/deeper/local.txt sub/t.csv t.csv \
	sub/deeper/d.log sub/deeper/z.txt kept.txt
# the root's patterns: every rule of the syntax, trailing spaces and all
cat >"$T/.piiscanignore" <<'PAT'
# comments and blank lines are skipped

*.log
!keep.log
build/
/top.txt
doc/frotz
a/**/deep.txt
secret[0-9].txt
[ab]x.txt
q?.txt
\#hash.txt
\!bang.txt
trail.txt   
space\ 
logs/
!logs/important.txt
*.tmp
**/gen
vendor/**
!vendor/keep.me
PAT
# nested: a deeper file overrides, its '/' anchors to its own folder
printf '!*.log\n/local.txt\n*.csv\n' >"$T/sub/.piiscanignore"
printf 'd.log\nz.txt\n' >"$T/sub/deeper/.piiscanignore"

files "$T" >"$WORK/got"
check "the scan reads the files not ignored" grep -qx 'kept.txt' "$WORK/got"
check "a name pattern skips at any depth (*.log)" sh -c "! grep -qx 'x/b.log' '$WORK/got'"
check "'!' re-includes (keep.log at any depth)" sh -c \
	"grep -qx 'keep.log' '$WORK/got' && grep -qx 'x/keep.log' '$WORK/got'"
check "a file under a skipped folder cannot be re-included (logs/important.txt)" sh -c \
	"! grep -q '^logs/' '$WORK/got'"
check "dir/ skips folders only (other/build is a file)" sh -c \
	"grep -qx 'other/build' '$WORK/got' && ! grep -q 'build/' '$WORK/got'"
check "a leading '/' anchors (/top.txt)" sh -c \
	"! grep -qx 'top.txt' '$WORK/got' && grep -qx 'x/top.txt' '$WORK/got'"
check "a nested .piiscanignore: '!' over the root's, '/' anchored to its folder" sh -c \
	"grep -qx 'sub/s.log' '$WORK/got' && ! grep -qx 'sub/local.txt' '$WORK/got' &&
	 grep -qx 'sub/deeper/local.txt' '$WORK/got' && ! grep -qx 'sub/t.csv' '$WORK/got' &&
	 grep -qx 't.csv' '$WORK/got' && ! grep -q 'sub/deeper/[dz]' '$WORK/got'"

"$PIISCAN" -q --records -o "$WORK/given.jsonl" "$T" "$T/logs" 2>"$WORK/given.err"
check "a path given inside a folder a .piiscanignore skips is scanned, not dropped" sh -c \
	"grep -q 'logs/other.txt' '$WORK/given.jsonl' && ! grep -q 'once' '$WORK/given.err'"

# The same patterns as .gitignore files in a copy that is a git work
# tree: git leaves exactly the files piiscan read.
if command -v git >/dev/null; then
	G="$WORK/git"
	cp -r "$T" "$G"
	find "$G" -name .piiscanignore | while read -r f; do mv "$f" "${f%.piiscanignore}.gitignore"; done
	(cd "$G" && git init -q && HOME="$WORK" git -c core.excludesFile=/dev/null \
		ls-files -z --others --exclude-standard) | tr '\0' '\n' |
		sed 's|^\.gitignore$|.piiscanignore|; s|/\.gitignore$|/.piiscanignore|' | sort >"$WORK/want"
	check "the same files as git ls-files --others --exclude-standard ($(wc -l <"$WORK/want") files)" \
		diff "$WORK/want" "$WORK/got"
	# and git check-ignore agrees on every file piiscan did not read
	find "$T" -type f | sed "s|^$T/||" | sort >"$WORK/all"
	comm -23 "$WORK/all" "$WORK/got" | sed 's|\.piiscanignore$|.gitignore|' >"$WORK/skipped"
	check "git check-ignore ignores every file piiscan skipped ($(wc -l <"$WORK/skipped"))" sh -c \
		"cd '$G' && HOME='$WORK' git -c core.excludesFile=/dev/null check-ignore --stdin \
		 <'$WORK/skipped' | sort | diff '$WORK/skipped' -"
else
	echo "skip - git is not installed: no comparison with git"
fi

# --ignore-file: the same patterns from a file, anchored to each PATH;
# here with no .piiscanignore in the tree.
I="$WORK/plain"
cp -r "$T" "$I"
find "$I" -name .piiscanignore -delete
cp "$T/.piiscanignore" "$WORK/patterns.txt"
files "$I" --ignore-file "$WORK/patterns.txt" >"$WORK/if"
grep -v '^sub/' "$WORK/got" | grep -v 'piiscanignore' >"$WORK/if.want"
grep -v '^sub/' "$WORK/if" >"$WORK/if.got"
check "--ignore-file: its patterns apply as the root's .piiscanignore" diff "$WORK/if.want" "$WORK/if.got"
"$PIISCAN" -q --records -o - --ignore-file "$WORK/patterns.txt" "$I/x" "$I/doc" >"$WORK/if2"
check "--ignore-file: anchored to each PATH (x/top.txt is /top.txt below the PATH x)" sh -c \
	"! grep -q 'x/top.txt' '$WORK/if2' && grep -q 'x/keep.log' '$WORK/if2' &&
	 grep -q 'doc/frotz/f.txt' '$WORK/if2'"
printf 'paths: ["%s"]\nignore-file: ["%s"]\n' "$I" "$WORK/patterns.txt" >"$WORK/if.yaml"
"$PIISCAN" -q --records -o "$WORK/cfg.jsonl" --config "$WORK/if.yaml"
check "ignore-file: in the configuration file" sh -c \
	"grep -q 'kept.txt' '$WORK/cfg.jsonl' && ! grep -q 'secret1.txt' '$WORK/cfg.jsonl'"
check_fails "--ignore-file: a file that cannot be read is a usage error" \
	"$PIISCAN" -q -o "$WORK/x.jsonl" --ignore-file "$WORK/nonexistent" "$I"
"$PIISCAN" -q -o "$WORK/x.jsonl" --ignore-file "$WORK/nonexistent" "$I" 2>/dev/null
check "--ignore-file: ... exit status 2" test $? -eq 2

# --exclude: the same syntax, relative to each PATH
files "$I" --exclude '/top.txt' --exclude 'a/**/deep.txt' --exclude 'build/' \
	--exclude '*.log' --exclude '!keep.log' >"$WORK/ex"
check "--exclude: anchored, **, dir/ and '!' as in an ignore file" sh -c \
	"! grep -qx 'top.txt' '$WORK/ex' && grep -qx 'x/top.txt' '$WORK/ex' &&
	 ! grep -q '^a/.*deep.txt' '$WORK/ex' && grep -qx 'b/deep.txt' '$WORK/ex' &&
	 ! grep -q '^build/' '$WORK/ex' && grep -qx 'other/build' '$WORK/ex' &&
	 grep -qx 'x/keep.log' '$WORK/ex' && ! grep -qx 'x/b.log' '$WORK/ex'"
check "--exclude: a deeper .piiscanignore cannot bring back what --exclude skips" sh -c \
	"'$PIISCAN' -q --records -o - --exclude 's.log' '$T' | grep -q '\"record\":\"file\"' &&
	 ! '$PIISCAN' -q --records -o - --exclude 's.log' '$T' | grep -q 'sub/s.log'"
check_fails "--exclude: a comment is no pattern (usage error)" \
	"$PIISCAN" -q -o "$WORK/x.jsonl" --exclude '#hash.txt' "$I"
check "--exclude: an escaped # is a name" sh -c \
	"'$PIISCAN' -q --records -o - --exclude '\\#hash.txt' '$I' | grep -q 'kept.txt' &&
	 ! '$PIISCAN' -q --records -o - --exclude '\\#hash.txt' '$I' | grep -q 'hash.txt'"

# --ignore-case-paths (Windows shares)
C="$WORK/case"
mkdir -p "$C/Share/HR" "$C/Share/IT"
printf 'x\n' >"$C/Share/HR/list.TXT"
printf 'x\n' >"$C/Share/IT/Scan.PDF"
printf 'x\n' >"$C/Share/IT/notes.txt"
files "$C" --exclude 'share/hr/' --exclude '*.pdf' >"$WORK/cs"
check "without --ignore-case-paths, case counts" test "$(wc -l <"$WORK/cs")" -eq 3
files "$C" --ignore-case-paths --exclude 'share/hr/' --exclude '*.pdf' >"$WORK/ci"
check "--ignore-case-paths: share/hr/ and *.pdf match Share/HR and Scan.PDF" \
	test "$(cat "$WORK/ci")" = "Share/IT/notes.txt"
printf 'x\n' >"$C/Share/.piiscanignore"
printf 'NOTES.TXT\n' >"$C/Share/.piiscanignore"
files "$C" --ignore-case-paths >"$WORK/ci2"
check "--ignore-case-paths: in .piiscanignore files too" sh -c "! grep -q notes '$WORK/ci2'"
printf 'paths: ["%s"]\nignore-case-paths: true\nexclude: ["*.pdf"]\n' "$C" >"$WORK/ci.yaml"
"$PIISCAN" -q --records -o "$WORK/ci.jsonl" --config "$WORK/ci.yaml"
check "ignore-case-paths: true in the configuration file" sh -c \
	"grep -q 'list.TXT' '$WORK/ci.jsonl' && ! grep -q 'Scan.PDF' '$WORK/ci.jsonl'"

# A pattern that matched nothing is said once, after the walk.
"$PIISCAN" -q -j 2 -o "$WORK/w.jsonl" --exclude 'Share/HR' --exclude 'IT/' --exclude 'hr/' \
	--ignore-file "$WORK/patterns.txt" "$C/Share" 2>"$WORK/w.err"
check "a never-matching --exclude is warned about once ('Share/HR' below the root Share)" \
	test "$(grep -c "^piiscan: --exclude 'Share/HR' matched nothing under the scanned paths\$" "$WORK/w.err")" -eq 1
check "... and one for 'hr/' (case counts), none for 'IT/', which matched" sh -c \
	"grep -q \"'hr/' matched nothing\" '$WORK/w.err' && ! grep -q \"'IT/'\" '$WORK/w.err'"
check "a never-matching --ignore-file pattern is warned about with its file and line" \
	grep -q "^piiscan: --ignore-file $WORK/patterns.txt:3: '\*\.log' matched nothing" "$WORK/w.err"
check "a pattern overridden by a later one is not called unmatched" sh -c \
	"'$PIISCAN' -q -o '$WORK/w2.jsonl' --exclude 'notes.txt' --exclude '*.txt' '$C' 2>&1 | \
	 grep -c matched | grep -qx 0"
check "no warning when every pattern matched" sh -c \
	"test -z \"\$('$PIISCAN' -q -o '$WORK/w3.jsonl' --exclude '*.PDF' '$C' 2>&1)\""
finish
