#!/bin/sh
# Vectorscan changes where PCRE2 looks, never what is found: the build
# under test (with Vectorscan) and build-novs (make novs: the same code
# without it) find exactly the same, finding by finding, on the fixtures
# and on the benchmark's generated text (dense and sparse), with the
# shipped rules and with the shipped rules stripped of their prefilters
# (which then run through Vectorscan). The matcher's unit tests pass in
# the build without it too.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

NOVS="$ROOT/build-novs/piiscan"
if ! "$PIISCAN" --version | grep -q '^Prefilter: .*Vectorscan [0-9]'; then
	check "built without Vectorscan: --version says so" \
		sh -c "'$PIISCAN' --version | grep -q '^Prefilter: .*built without Vectorscan'"
	finish
	exit 0
fi
if [ ! -x "$NOVS" ]; then
	not_ok "build-novs/piiscan is built (make novs)"
	finish
	exit 0
fi
check "--version names Vectorscan, and build-novs says it has none" \
	sh -c "'$NOVS' --version | grep -q '^Prefilter: .*built without Vectorscan'"
check "the matcher's unit tests pass without Vectorscan" \
	sh -c "'$ROOT/build-novs/unit_tests' '$ROOT/rules' match match_widen | tail -n 1 | grep -q ' 0 failed$'"

# The shipped rules that have a prefilter, as a pack that overrides each
# without it: they then run on whole pages, where Vectorscan is theirs.
$PY - "$WORK/noprefilter.yaml" <<'EOF'
import glob, sys, yaml
rules = []
for f in sorted(glob.glob("rules/*.yaml")):
    for r in yaml.safe_load(open(f)).get("rules", []):
        if "prefilter" in r and not r.get("require_context"):
            r = {k: v for k, v in r.items() if k not in ("prefilter", "examples")}
            r["override"] = True
            rules.append(r)
yaml.safe_dump({"pack": "noprefilter", "rules": rules}, open(sys.argv[1], "w"),
               allow_unicode=True, sort_keys=False)
EOF

# The benchmark's text, dense (a value in one line in 25) and sparse.
cc -std=c11 -D_GNU_SOURCE -O2 -o "$WORK/gencorpus" bench/gencorpus.c \
	$(pkg-config --libs libarchive) || not_ok "bench/gencorpus.c builds"
mkdir -p "$WORK/corpus"
"$WORK/gencorpus" file "$WORK/corpus/dense.txt" 16M
"$WORK/gencorpus" sparse "$WORK/corpus/sparse.txt" 16M

head -c 32 /dev/zero >"$WORK/key"
# same NAME ARGS...: both builds, JSONL sorted, the same lines
same() {
	name=$1
	shift
	"$PIISCAN" -q -j 2 --show-values --fingerprint-key-file "$WORK/key" -o "$WORK/hs.jsonl" "$@"
	"$NOVS" -q -j 2 --show-values --fingerprint-key-file "$WORK/key" -o "$WORK/novs.jsonl" "$@"
	sort "$WORK/hs.jsonl" >"$WORK/hs.sorted"
	sort "$WORK/novs.jsonl" >"$WORK/novs.sorted"
	n=$(wc -l <"$WORK/hs.sorted")
	if [ "$n" -gt 0 ] && d=$(diff "$WORK/novs.sorted" "$WORK/hs.sorted" | head -20) && [ -z "$d" ]; then
		ok "$name: the same $n findings with and without Vectorscan"
	else
		not_ok "$name: the same findings with and without Vectorscan ($n)" "$d"
	fi
}

G="--exclude images"
same "fixtures" $G fixtures/
same "fixtures, rules without their prefilters" $G --rules "$WORK/noprefilter.yaml" fixtures/
same "generated text" "$WORK/corpus"
same "generated text, rules without their prefilters" --rules "$WORK/noprefilter.yaml" "$WORK/corpus"
# and against the rules with their prefilters: the findings of the
# shipped rules on the generated text are the same either way
"$PIISCAN" -q -j 2 --show-values --fingerprint-key-file "$WORK/key" -o "$WORK/with.jsonl" "$WORK/corpus"
sort "$WORK/with.jsonl" >"$WORK/with.sorted"
check "generated text: the prefilters find what the rules find on whole pages" \
	cmp -s "$WORK/with.sorted" "$WORK/hs.sorted"
finish
