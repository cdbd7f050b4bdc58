#!/bin/sh
# Packaging: the shell completions written from the table of options,
# make install and make uninstall, and make deb's Debian package, checked
# with lintian and run from where it was unpacked (never installed here).
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

options=$("$PIISCAN" --help | grep -o -- '--[a-z][a-z-]*' | sort -u)

# ---- bash completion ------------------------------------------------------
"$PIISCAN" --completion bash >"$WORK/piiscan.bash"
# completes NAME EXPECTED WORD...: what bash offers for the last WORD of
# "piiscan WORD...", sorted, is EXPECTED (space separated).
completes() {
	name=$1 want=$2
	shift 2
	got=$(cd fixtures && bash -c '. "$0"; COMP_WORDS=(piiscan "$@"); COMP_CWORD=$#; _piiscan
		printf "%s\n" "${COMPREPLY[@]}"' "$WORK/piiscan.bash" "$@" 2>&1 | LC_ALL=C sort | xargs)
	if [ "$got" = "$want" ]; then ok "$name"; else not_ok "$name" "got: '$got', want: '$want'"; fi
}
completes "bash: --ocr <TAB> offers auto, all, off" "all auto off" --ocr ""
completes "bash: --ocr=a<TAB> (split at '=' as bash does) offers all, auto" "all auto" --ocr = a
completes "bash: --min-c<TAB> completes to --min-confidence" "--min-confidence" --min-c
completes "bash: --min-confidence <TAB> offers high, medium, low" "high low medium" --min-confidence ""
completes "bash: --log-format <TAB> offers plain, json" "json plain" --log-format ""
completes "bash: --format <TAB> offers the writers' formats" "csv json jsonl sarif text txt xlsx" --format ""
completes "bash: --color <TAB> offers auto, always, never" "always auto never" --color ""
completes "bash: -o docu<TAB> completes a file name" "documents" -o docu
completes "bash: --config=docu<TAB> completes a file name" "documents" --config = docu
completes "bash: --threads <TAB> offers nothing" "" --threads ""
completes "bash: the first word offers merge" "merge" me
completes "bash: the first word offers review" "review" rev
completes "bash: a path after merge is a file name" "documents" merge docu
completes "bash: --quiet is a flag: a path follows" "documents" --quiet docu
missing=""
for o in $options; do
	grep -q -- " $o[ ']" "$WORK/piiscan.bash" || missing="$missing $o"
done
check "bash: every long option of piiscan --help is offered" test -n "$options" -a -z "$missing"
[ -z "$missing" ] || echo "#   missing:$missing"

# The words offered are the parser's: each is accepted, and its message
# for a wrong word lists the same ones.
awk 'prev ~ /^\t-.*\)$/ && /_piiscan_words/ {
	opt = prev; sub(/\)$/, "", opt); sub(/.*[|\t]/, "", opt)
	w = $0; sub(/^[^'\'']*'\''/, "", w); sub(/'\''.*/, "", w); print opt, w } {prev = $0}' \
	"$WORK/piiscan.bash" >"$WORK/words"
check "bash: 6 options complete fixed words (--format, --color, --min-confidence, --ocr, --log-format, --lang)" \
	test "$(wc -l <"$WORK/words")" -eq 6
while read -r opt words; do
	bad=""
	for w in $words; do
		# (--export-patterns: parses all, scans nothing; --list-rules takes
		# only the --format words of its own)
		"$PIISCAN" "$opt" "$w" --export-patterns >/dev/null 2>&1 || bad="$bad $w"
	done
	said=$("$PIISCAN" "$opt" no-such-word 2>&1 | sed -n "s/.* is n[a-z]* \(of \)\{0,1\}//p" |
		sed 's/, / /g; s/ or / /g' | tr ' ' '\n' | LC_ALL=C sort | xargs)
	sorted=$(echo "$words" | tr ' ' '\n' | LC_ALL=C sort | xargs)
	check "bash: $opt offers what the parser takes ($sorted)" test -z "$bad" -a "$said" = "$sorted"
done <"$WORK/words"

# ---- zsh completion -------------------------------------------------------
"$PIISCAN" --completion zsh >"$WORK/_piiscan"
if command -v zsh >/dev/null 2>&1; then
	check "zsh: the script parses (zsh -n)" zsh -n "$WORK/_piiscan"
	missing=""
	for o in $options; do
		grep -q -- "'\*$o[=']" "$WORK/_piiscan" || missing="$missing $o"
	done
	check "zsh: every long option of piiscan --help is completed" test -z "$missing"
	# An interactive zsh in a pseudo-terminal: compinit, then TAB.
	mkdir "$WORK/zfunc" && cp "$WORK/_piiscan" "$WORK/zfunc/"
	cat >"$WORK/tab.zsh" <<'EOF'
zmodload zsh/zpty
zpty z 'zsh -f -i'
zpty -w z "PS1='> '; fpath=($1 \$fpath); autoload -Uz compinit; compinit -u -D; cd $2"
zpty -w -n z "piiscan $3"$'\t'
zpty -r z out "$4"
print -r -- "$out"
zpty -d z
EOF
	# tab WORDS PATTERN: the screen once it shows PATTERN (escapes removed)
	tab() {
		timeout 20 zsh -f "$WORK/tab.zsh" "$WORK/zfunc" "$ROOT/fixtures" "$1" "$2" 2>&1 |
			sed 's/\x1b\[[0-9;?]*[A-Za-z]//g' | tr -d '\r'
	}
	tab '--ocr ' '*off*' >"$WORK/zsh-ocr"
	check "zsh: --ocr <TAB> lists all, auto, off" grep -qx 'all  *auto  *off *' "$WORK/zsh-ocr"
	tab '--min-c' '*--min-confidence*' >"$WORK/zsh-min"
	check "zsh: --min-c<TAB> completes to --min-confidence" \
		grep -q 'piiscan --min-confidence' "$WORK/zsh-min"
else
	echo "# skipped: zsh is not installed (apt-get install zsh)"
fi

# ---- make install, make uninstall -----------------------------------------
# make with the binary under test as it is (-o: never rebuilt with other
# flags than the suite's), whatever make runs this suite.
mk() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s --no-print-directory -o "$BUILD/piiscan" \
		BUILD="$BUILD" "$@"
}
# -o makes the binary look old: the completions are made from it afresh.
rm -rf "$BUILD/completion"
inst=$WORK/inst
mk install DESTDIR="$inst" >"$WORK/install.log" 2>&1
p=$inst/usr/local
missing=""
for f in bin/piiscan share/man/man1/piiscan.1 share/bash-completion/completions/piiscan \
	share/zsh/site-functions/_piiscan share/piiscan/rules/names/given-nl.txt \
	share/piiscan/contrib/piiscan.cron share/piiscan/contrib/systemd/piiscan.service \
	share/piiscan/contrib/kubernetes/Dockerfile share/piiscan/schema/piiscan.schema.json \
	share/piiscan/schema/piiscan-finding.schema.json \
	$(ls rules/*.yaml | sed 's|^|share/piiscan/|'); do
	[ -f "$p/$f" ] || missing="$missing $f"
done
check "make install: binary, man page, completions, rule packs, name lists, contrib, schemas" \
	test -z "$missing" -a -x "$p/bin/piiscan"
[ -z "$missing" ] || sed 's/^/#   /' "$WORK/install.log"
check "make install: the completions are the binary's" \
	sh -c "'$PIISCAN' --completion bash | cmp -s - '$p/share/bash-completion/completions/piiscan' &&
		'$PIISCAN' --completion zsh | cmp -s - '$p/share/zsh/site-functions/_piiscan'"
# A pack of the user's own in the shipped folder is theirs: it stays.
echo "pack: ours" >"$p/share/piiscan/rules/ours.yaml"
mk uninstall DESTDIR="$inst" >/dev/null 2>&1
left=$(cd "$inst" && find . -type f)
check "make uninstall: removes every file it installed, keeps one of the user's" \
	test "$left" = "./usr/local/share/piiscan/rules/ours.yaml"
echo "$left" | grep -v '/ours.yaml$' | sed 's/^/#   left: /'
rm "$p/share/piiscan/rules/ours.yaml"
mk uninstall DESTDIR="$inst" >/dev/null 2>&1
check "make uninstall: then nothing of piiscan is left (files or folders)" \
	test -z "$(find "$inst" -type f -o -name '*piiscan*')"

# ---- make deb -------------------------------------------------------------
if ! command -v dpkg-shlibdeps >/dev/null 2>&1; then
	echo "# skipped: make deb needs dpkg-dev (apt-get install dpkg-dev)"
	finish
	exit 0
fi
version=$(sed -n 's/^#define PII_VERSION "\(.*\)"$/\1/p' include/pii_version.h)
arch=$(dpkg --print-architecture)
deb=$BUILD/piiscan_$version-1_$arch.deb
rm -f "$deb"
mk deb >"$WORK/deb.log" 2>&1
check "make deb: wrote $deb" test -s "$deb"
[ -s "$deb" ] || sed 's/^/#   /' "$WORK/deb.log"
if command -v lintian >/dev/null 2>&1; then
	lintian --allow-root --fail-on error,warning -I "$deb" >"$WORK/lintian.log" 2>&1
	rc=$?
	check "lintian: no error or warning (overrides: usr/share/lintian/overrides/piiscan)" test $rc -eq 0
	sed 's/^/#   lintian: /' "$WORK/lintian.log"
else
	echo "# skipped: lintian is not installed (apt-get install lintian)"
fi
field() { dpkg-deb -f "$deb" "$1"; }
check "control: Package, Version from pii_version.h, Architecture, Maintainer, Section, Description" \
	test "$(field Package) $(field Version) $(field Architecture) $(field Section)" = \
	"piiscan $version-1 $arch utils" -a -n "$(field Maintainer)" -a -n "$(field Description)"
dpkg-deb -c "$deb" | awk '{print $6}' >"$WORK/contents"
missing=""
for f in ./usr/bin/piiscan ./usr/share/man/man1/piiscan.1.gz \
	./usr/share/bash-completion/completions/piiscan ./usr/share/zsh/vendor-completions/_piiscan \
	./usr/share/doc/piiscan/copyright ./usr/share/doc/piiscan/changelog.Debian.gz \
	./usr/share/piiscan/rules/core.yaml ./usr/share/piiscan/rules/names/given-nl.txt \
	./usr/share/piiscan/contrib/piiscan.cron; do
	grep -qx -- "$f" "$WORK/contents" || missing="$missing $f"
done
check "contents: binary, gzipped man page, completions, copyright, changelog, rules, contrib" \
	test -z "$missing"
[ -z "$missing" ] || echo "#   missing:$missing"

x=$WORK/x
dpkg-deb -x "$deb" "$x"
# Depends names the package of every library the binary links (NEEDED).
missing=""
for so in $(objdump -p "$x/usr/bin/piiscan" | awk '$1 == "NEEDED" {print $2}'); do
	lib=$(ldd "$x/usr/bin/piiscan" | awk -v so="$so" '$1 == so {print $3}')
	pkg=$({ dpkg -S "$lib" || dpkg -S "/usr$lib"; } 2>/dev/null | head -n 1 | cut -d: -f1)
	field Depends | tr ',' '\n' | sed 's/^ *//; s/ .*//' | grep -qx -- "$pkg" || missing="$missing $so($pkg)"
done
check "control: Depends names the package of every library the binary links" test -z "$missing"
[ -z "$missing" ] || echo "#   missing:$missing"
check "the packaged examples name /usr/bin/piiscan" \
	sh -c "grep -qx 'ExecStart=/usr/bin/piiscan --config /etc/piiscan/piiscan.yaml' \
		'$x/usr/share/piiscan/contrib/systemd/piiscan.service' &&
		grep -q ' piiscan /usr/bin/piiscan --config' '$x/usr/share/piiscan/contrib/piiscan.cron'"
env -u PIISCAN_RULES_DIR "$x/usr/bin/piiscan" -q -o "$WORK/deb.xlsx" fixtures/documents \
	>"$WORK/run.log" 2>&1
rc=$?
found=$(summary "$WORK/deb.xlsx" Findings 2>/dev/null)
check "the unpacked usr/bin/piiscan scans fixtures/documents with its packs ($found findings)" \
	test $rc -eq 0 -a "${found:-0}" -gt 0
[ $rc -eq 0 ] || sed 's/^/#   /' "$WORK/run.log"
# ... its packs, ../share/piiscan/rules, not the source tree's
rm -r "$x/usr/share/piiscan/rules"
env -u PIISCAN_RULES_DIR "$x/usr/bin/piiscan" -q -o "$WORK/none.xlsx" fixtures/documents \
	>"$WORK/none.log" 2>&1
rc=$?
check "without its share/piiscan/rules it finds no packs" \
	sh -c "test $rc -eq 2 && grep -q 'cannot find the shipped rule packs' '$WORK/none.log'"
finish
