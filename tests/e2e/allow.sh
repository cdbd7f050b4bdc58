#!/bin/sh
# Allowlists (#18): allow: entries in a rule pack and in the configuration
# file let known values (by pattern or keyed fingerprint) and places go,
# and override: true replaces a shipped rule. What is let go is compared
# with a run without them, finding by finding (the values shown, in a test
# tree of made-up data), and counted per entry; the state, shards and
# merge carry the counts.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

T="$WORK/tree"
mkdir -p "$T/docs" "$T/logs"
# made-up values: the company's switchboard and account, a no-reply
# address, two people's addresses, a customer's account (valid checksums)
cat >"$T/docs/contact.txt" <<'EOF'
Bakkerij De Vries B.V., Dorpsstraat 1
Telefoon: +31 20 794 5600
Afmelden: niet antwoorden aan noreply@bakkerij-devries.nl
Contact: e-mail jan.jansen@bakkerij-devries.nl
Of e-mail piet.pietersen@bakkerij-devries.nl
IBAN: NL39RABO0300065264
Klant IBAN: NL41INGB0007391846
IP address of the office: 145.53.12.9
EOF
cat >"$T/logs/access.log" <<'EOF'
2024-01-02 10:00:01 client IP address 82.94.123.77 GET /index.html
2024-01-02 10:00:02 mail sent to e-mail klaas.kok@bakkerij-devries.nl
EOF
$PY - "$T/logs/old.zip" <<'EOF'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("old/access.log", "2023-12-31 23:59:59 client IP address 82.94.123.79 GET /\n")
EOF

# the packs' entries come first: a pack of allow: entries alone
mkdir "$WORK/ours"
cat >"$WORK/ours/ours.yaml" <<'EOF'
pack: ours
description: what we know is ours
allow:
  - path: logs/
    rules: ipv4
    reason: our own web server's logs
EOF
cat >"$WORK/allow.yaml" <<'EOF'
packs: [core, nl]
allow:
  - value: '\+31 20 794 5600'
    reason: our switchboard
  - value: 'noreply@.*'
  - value: NL39RABO0300065264
    rules: [iban]
    reason: our own account
  - value: NL41INGB0007391846
    rules: email
EOF

# run NAME ARGS...: a scan of the tree, values shown, into NAME.json and
# NAME.jsonl
run() {
	_n=$1
	shift
	"$PIISCAN" -q -j 2 --show-values -o "$WORK/$_n.json" -o "$WORK/$_n.jsonl" "$@" "$T" \
		2>"$WORK/$_n.err"
}

run plain --packs core,nl
run allowed --config "$WORK/allow.yaml" --rules "$WORK/ours" -o "$WORK/allowed.xlsx"
check "allow: exactly the values and places listed are gone, every other finding stays" \
	$PY - "$WORK/plain.jsonl" "$WORK/allowed.jsonl" <<'EOF'
import collections, json, sys
read = lambda p: collections.Counter((o["file"].split("/tree/")[1], o["rule"], o["value"])
                                     for o in map(json.loads, open(p)))
plain, allowed = read(sys.argv[1]), read(sys.argv[2])
gone = {("docs/contact.txt", "phone", "+31 20 794 5600"),
        ("docs/contact.txt", "email_role", "noreply@bakkerij-devries.nl"),
        ("docs/contact.txt", "iban", "NL39RABO0300065264"),
        ("logs/access.log", "ipv4", "82.94.123.77"),
        ("logs/old.zip!old/access.log", "ipv4", "82.94.123.79")}
# found without the entries, so that their going means something
assert all(plain[g] == 1 for g in gone), [g for g in gone if not plain[g]]
assert allowed == plain - collections.Counter(gone), (plain - allowed, allowed - plain)
# what other rules find in the same places stays: the e-mail in logs/,
# the IBAN an entry about e-mail addresses names, the address elsewhere
for kept in [("logs/access.log", "email", "klaas.kok@bakkerij-devries.nl"),
             ("docs/contact.txt", "iban", "NL41INGB0007391846"),
             ("docs/contact.txt", "ipv4", "145.53.12.9"),
             ("docs/contact.txt", "email", "jan.jansen@bakkerij-devries.nl")]:
    assert allowed[kept] == 1, kept
EOF
check "allow: counted in total and per entry, in order (the packs', then the configuration's)" \
	$PY - "$WORK/allowed.json" "$WORK/plain.json" <<'EOF'
import json, sys
s, p = json.load(open(sys.argv[1]))["summary"], json.load(open(sys.argv[2]))["summary"]
assert s["findings_allowed"] == 5 and p["findings_allowed"] == 0 and p["allow"] == [], s
got = [(a["source"], a["reason"], a["conditions"], a["rules"], a["findings"]) for a in s["allow"]]
assert got == [("ours.yaml:4", "our own web server's logs", ["path"], ["ipv4"], 2),
               ("allow.yaml:3", "our switchboard", ["value"], [], 1),
               ("allow.yaml:5", None, ["value"], [], 1),
               ("allow.yaml:6", "our own account", ["value"], ["iban"], 1),
               ("allow.yaml:9", None, ["value"], ["email"], 0)], got
# counted nowhere else: the findings counted are fewer by those that count
assert p["findings"] - s["findings"] == 4, (p["findings"], s["findings"])  # noreply@ is low
EOF
check "allow: the JSON document with them validates against its schema" $PY - "$WORK/allowed.json" <<'EOF'
import json, sys, jsonschema
schema = json.load(open("schema/piiscan.schema.json"))
errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[1]))))
assert not errors, [(list(e.path), e.message) for e in errors[:5]]
EOF
check "allow: the Summary sheet says how many, and by which entry" $PY - "$WORK/allowed.xlsx" <<'EOF'
import openpyxl, sys
kv = {r[0]: r[1] for r in openpyxl.load_workbook(sys.argv[1])["Summary"].iter_rows(values_only=True) if r[0]}
assert kv["Findings allowed (allow: entries; not counted, not listed)"] == 5, kv
assert kv["  allowed by ours.yaml:4: our own web server's logs"] == 2, kv
assert kv["  allowed by allow.yaml:9"] == 0, kv
EOF
"$PIISCAN" -q --lang nl --config "$WORK/allow.yaml" --rules "$WORK/ours" -o "$WORK/nl.xlsx" "$T"
check "allow: the Summary's words in Dutch too" $PY - "$WORK/nl.xlsx" <<'EOF'
import openpyxl, sys
kv = {r[0]: r[1] for r in openpyxl.load_workbook(sys.argv[1])["Samenvatting"].iter_rows(values_only=True) if r[0]}
assert kv["Toegestane vondsten (allow:-regels; niet geteld, niet vermeld)"] == 5, kv
assert kv["  toegestaan door allow.yaml:3: our switchboard"] == 1, kv
EOF
"$PIISCAN" -q --config "$WORK/allow.yaml" --rules "$WORK/ours" -o "$WORK/masked.json" \
	-o "$WORK/masked.jsonl" "$T" 2>"$WORK/masked.err"
check "allow: no value nor pattern of an entry in the outputs or on stderr" \
	sh -c "! grep -l -e '794 5600' -e 'noreply@bakkerij' -e 'RABO' -e '82\\.94' '$WORK/masked.json' \
		'$WORK/masked.jsonl' '$WORK/masked.err'"

# the examples of the documentation are accepted and do what they say
sed -n '/^# allow:/,/^$/s/^# \{0,1\}//p' contrib/piiscan.yaml >"$WORK/contrib-allow.yaml"
"$PIISCAN" -q --config "$WORK/contrib-allow.yaml" -o "$WORK/contrib.json" "$T"
check "contrib/piiscan.yaml: its allow: example, taken out of its comments, lets 4 findings go" \
	$PY -c 'import json, sys; assert json.load(open(sys.argv[1]))["summary"]["findings_allowed"] == 4' \
	"$WORK/contrib.json"
mkdir "$WORK/readme"
$PY -c '
import re, sys
rules = open("README.md").read().split("**Allowlists.**")[1]
print(re.search(r"```yaml\n(.*?)```", rules, re.S).group(1), end="")' >"$WORK/readme/acme.yaml"
"$PIISCAN" -q --rules "$WORK/readme" -o "$WORK/readme.json" "$T" 2>"$WORK/readme.err"
check "README: its allow: example is a pack that lets the switchboard, noreply@ and logs/ go" \
	$PY -c 'import json, sys; assert json.load(open(sys.argv[1]))["summary"]["findings_allowed"] == 4' \
	"$WORK/readme.json"

# a value by its keyed fingerprint, as the reports show it
head -c 32 /dev/urandom >"$WORK/key"
run fp1 --packs core,nl --fingerprint-key-file "$WORK/key"
fp=$($PY -c '
import json, sys
print(next(o["fingerprint"] for o in map(json.loads, open(sys.argv[1]))
           if o["value"] == "jan.jansen@bakkerij-devries.nl"))' "$WORK/fp1.jsonl")
printf 'allow:\n  - fingerprint: %s\n    reason: the owner\n' "$fp" >"$WORK/fp.yaml"
run fp2 --packs core,nl --config "$WORK/fp.yaml" --fingerprint-key-file "$WORK/key"
check "allow: a fingerprint: lets that value go, and only that one" \
	$PY - "$WORK/fp1.jsonl" "$WORK/fp2.jsonl" "$WORK/fp2.json" <<'EOF'
import collections, json, sys
read = lambda p: collections.Counter((o["rule"], o["value"]) for o in map(json.loads, open(p)))
a, b = read(sys.argv[1]), read(sys.argv[2])
assert a - b == collections.Counter({("email", "jan.jansen@bakkerij-devries.nl"): 1}), a - b
assert not b - a and b[("email", "piet.pietersen@bakkerij-devries.nl")] == 1
assert json.load(open(sys.argv[3]))["summary"]["findings_allowed"] == 1
EOF
run fp3 --packs core,nl --config "$WORK/fp.yaml"
check "allow: a fingerprint: without --fingerprint-key-file: said once, matches nothing" \
	sh -c "test \$(grep -c 'allow: fingerprint: matches nothing without --fingerprint-key-file' \
		'$WORK/fp3.err') -eq 1 && grep -q jan.jansen '$WORK/fp3.jsonl'"

# mistakes are usage errors that say where
# expect_error NAME PATTERN ARGS...: exit 2, PATTERN on stderr
expect_error() {
	_name=$1 _pattern=$2
	shift 2
	"$PIISCAN" -q -o "$WORK/e.json" "$@" "$T" >/dev/null 2>"$WORK/e.err"
	_rc=$?
	if [ $_rc -eq 2 ] && grep -q -- "$_pattern" "$WORK/e.err"; then
		ok "$_name"
	else
		not_ok "$_name" "exit $_rc, stderr: $(cat "$WORK/e.err")"
	fi
}
printf 'threads: 2\nallow:\n  - value: ok\n  - value: "(+31"\n' >"$WORK/badre.yaml"
expect_error "allow: a pattern that does not compile: exit 2, file:line" \
	"badre.yaml:4: allow: value: pattern error" --config "$WORK/badre.yaml"
mkdir "$WORK/badrule"
printf 'pack: x\nallow:\n  - path: logs/\n    rules: [ipv4, ipv5]\n' >"$WORK/badrule/x.yaml"
expect_error "allow: a rule name no rule has: exit 2, file:line" \
	"x.yaml:4: allow: 'ipv5' is no rule id, report name, category or pack loaded" \
	--rules "$WORK/badrule"
printf 'allow:\n  - value: x\n    rule: email\n' >"$WORK/badkey.yaml"
expect_error "allow: an unknown key: exit 2, file:line" \
	"badkey.yaml:3: unknown allow: key 'rule'" --config "$WORK/badkey.yaml"
printf 'allow:\n  - fingerprint: 12345\n' >"$WORK/badfp.yaml"
expect_error "allow: a fingerprint that is not 16 hex digits: exit 2, file:line" \
	"badfp.yaml:2: allow: fingerprint: must be 16 hex digits" --config "$WORK/badfp.yaml"
check "allow: an entry about a rule --disable switches off is no error" \
	"$PIISCAN" -q --config "$WORK/allow.yaml" --disable iban -o "$WORK/d.json" "$T"

# --state: another allowlist is other settings, so every file is read
# again; the same carries the files, their counts with them
for i in 1 2; do
	"$PIISCAN" -q --config "$WORK/allow.yaml" --rules "$WORK/ours" --state "$WORK/st.db" \
		-o "$WORK/st$i.json" "$T"
done
sed '/our switchboard/d; /794 5600/d' "$WORK/allow.yaml" >"$WORK/allow2.yaml"
"$PIISCAN" -q --config "$WORK/allow2.yaml" --rules "$WORK/ours" --state "$WORK/st.db" \
	-o "$WORK/st3.json" "$T"
check "allow: --state carries the counts over; another allowlist reads every file again" \
	$PY - "$WORK/st1.json" "$WORK/st2.json" "$WORK/st3.json" <<'EOF'
import json, sys
s1, s2, s3 = (json.load(open(p))["summary"] for p in sys.argv[1:])
n = s1["files_seen"]
assert s1["files_carried_over"] == 0 and s2["files_carried_over"] == n, (s1, s2)
per = lambda s: [a["findings"] for a in s["allow"]]
assert s2["findings_allowed"] == s1["findings_allowed"] == 5 and per(s2) == per(s1), (s1, s2)
assert s3["files_carried_over"] == 0 and s3["files_read_this_run"] == n, s3
assert s3["findings_allowed"] == 4 and per(s3) == [2, 1, 1, 0], s3
assert s3["findings"] == s1["findings"] + 1, (s1["findings"], s3["findings"])
EOF

# shards and merge: the counts add up; a merge without the same entries
# is refused
for k in 1 2; do
	"$PIISCAN" -q --config "$WORK/allow.yaml" --rules "$WORK/ours" --shard $k/2 \
		--fingerprint-key-file "$WORK/key" -o "$WORK/part$k.jsonl" "$T"
done
"$PIISCAN" merge -q --config "$WORK/allow.yaml" --rules "$WORK/ours" -o "$WORK/merged.json" \
	"$WORK/part1.jsonl" "$WORK/part2.jsonl"
check "allow: merged shards count what each let go, per entry" $PY - "$WORK/merged.json" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
assert s["findings_allowed"] == 5 and [a["findings"] for a in s["allow"]] == [2, 1, 1, 1, 0], s
EOF
check_fails "allow: merge refuses parts made with other allow: entries" \
	"$PIISCAN" merge -q --config "$WORK/allow2.yaml" --rules "$WORK/ours" -o "$WORK/m2.json" \
	"$WORK/part1.jsonl" "$WORK/part2.jsonl"

# override: true replaces a shipped rule, in its place
mkdir "$WORK/ovr"
cat >"$WORK/ovr/ovr.yaml" <<'EOF'
pack: ovr
rules:
  - id: ipv4
    override: true
    name: IPv4 address of our offices
    category: online_id
    pattern: '\b145\.53\.\d{1,3}\.\d{1,3}\b'
    validate: ipv4
    mask: ipv4
EOF
run ovr --packs core,nl --rules "$WORK/ovr"
check "override: true: the shipped rule's pattern replaced changes the findings" \
	$PY - "$WORK/plain.jsonl" "$WORK/ovr.jsonl" "$WORK/ovr.json" <<'EOF'
import json, sys
ips = lambda p: sorted(o["value"] for o in map(json.loads, open(p)) if o["rule"] == "ipv4")
assert ips(sys.argv[1]) == ["145.53.12.9", "82.94.123.77", "82.94.123.79"], ips(sys.argv[1])
assert ips(sys.argv[2]) == ["145.53.12.9"], ips(sys.argv[2])
rules = json.load(open(sys.argv[3]))["rules"]
ids = [r["id"] for r in rules]
r = rules[ids.index("ipv4")]
assert (r["pack"], r["source"], r["name"]) == ("ovr", "ovr.yaml:3", "IPv4 address of our offices"), r
assert ids.count("ipv4") == 1 and ids.index("ipv4") < ids.index("ipv4_private"), ids
EOF
sed '/override: true/d' "$WORK/ovr/ovr.yaml" >"$WORK/ovr/ovr.yaml.new" &&
	mv "$WORK/ovr/ovr.yaml.new" "$WORK/ovr/ovr.yaml"
expect_error "override: a rule id defined before, without override: true, is refused" \
	"ovr.yaml:3: rule id 'ipv4' is already defined at .*core.yaml:[0-9]* (override: true replaces it)" \
	--rules "$WORK/ovr"
sed 's/id: ipv4/id: ipv44/; s/^    name:/    override: true\n    name:/' "$WORK/ovr/ovr.yaml" \
	>"$WORK/ovr/ovr.yaml.new" && mv "$WORK/ovr/ovr.yaml.new" "$WORK/ovr/ovr.yaml"
expect_error "override: true on an id not defined before is refused" \
	"ovr.yaml:3: rule 'ipv44' has override: true, but no rule of that id is loaded before it: nothing to override" \
	--rules "$WORK/ovr"
finish
