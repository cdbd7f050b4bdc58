#!/bin/sh
# IBANs as people write them (issue #20): fixtures/national/iban.tsv holds
# an IBAN of every country of the SWIFT IBAN registry (python-stdnum's
# iban.dat), those of the EU, the EEA, the UK and Switzerland in several
# forms (grouped by 4 with spaces, dashes or dots, compact, grouped as
# the bank writes its parts, lower case after a word for an account, after
# "IBAN"), and refused ones (check digits changed, a character more or
# less than the country's length, a BBAN against the registry's
# structure, no registry country, inside a longer code). national.sh
# checks each value with python-stdnum and finds it; here:
#   - every registry country has a found row;
#   - the found rows, each its own paragraph, and their values alone one
#     per line (a list, a column), give exactly one iban finding per
#     IBAN and no other finding (phone, card, national id, ...) within one;
#   - in lower case without a word for an account near (no finding then),
#     nothing is found within them either;
#   - the refused rows give no iban finding, and those of a registry
#     country no other finding within them either (rule iban_shape).
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

if ! $PY -c 'import stdnum' 2>/dev/null; then
	not_ok "python3-stdnum is installed (make deps-test)"
	finish
	exit 0
fi

$PY - "$PIISCAN" fixtures/national/iban.tsv "$WORK" >"$WORK/iban.out" 2>&1 <<'EOF'
import csv, json, os, re, subprocess, sys
import stdnum

piiscan, tsv, work = sys.argv[1:4]
with open(tsv, encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
found = [r for r in rows if r["expect"] == "found"]
refused = [r for r in rows if r["expect"] == "refused"]


def result(ok, name, why=""):
    print(("ok - " if ok else "not ok - ") + name)
    if not ok and why:
        print("    " + str(why)[:3000].replace("\n", "\n    "))


def scan(name, text):
    path = os.path.join(work, name + ".txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    out = os.path.join(work, name + ".jsonl")
    subprocess.run([piiscan, "-q", "-j", "1", "--show-values", "--format", "jsonl", "-o", out, path],
                   check=True)
    got = [json.loads(line) for line in open(out, encoding="utf-8")]
    for g in got:
        g["end"] = g["offset"] + len(g["value"].encode("utf-8"))
    return got


def compact(v):
    return re.sub(r"[^0-9A-Za-z]", "", v).upper()


# Every country of the registry: a found row.
dat = os.path.join(os.path.dirname(stdnum.__file__), "iban.dat")
registry = sorted({line[:2] for line in open(dat, encoding="utf-8") if re.match(r"[A-Z]{2} ", line)})
have = {compact(r["value"])[:2] for r in found}
missing = [cc for cc in registry if cc not in have]
result(not missing, f"every country of the IBAN registry ({len(registry)}, python-stdnum iban.dat) "
       "has a found row", missing)


def one_each(name, text, values):
    """Each value found once as an iban, nothing else within an IBAN."""
    got = scan(name, text)
    ibans = [g for g in got if g["rule"] == "iban"]
    vals = [g["value"] for g in ibans]
    wrong = [v for v in values if vals.count(v) != 1]
    result(not wrong and len(ibans) == len(values),
           f"{name}: each of the {len(values)} IBANs is one iban finding",
           f"{len(ibans)} iban findings; not once: {wrong[:20]}; extra: "
           f"{[v for v in vals if v not in values][:20]}")
    inside = [(g["rule"], g["value"], i["value"]) for g in got if g["rule"] != "iban"
              for i in ibans if g["offset"] < i["end"] and i["offset"] < g["end"]]
    result(not inside, f"{name}: no other finding (phone, card, national id) within an IBAN",
           inside[:20])


# Each row its own paragraph, as check_national.py scans them.
one_each("paragraphs", "\n\n\n".join(r["text"] for r in found) + "\n", [r["value"] for r in found])
# The values alone, one per line (a list, a column of a table); a line's
# IBAN does not run on into the next one's. Lower-case ones need their
# word for an account: with it.
one_each("list", "".join(("IBAN: " if r["value"] != r["value"].upper() else "") + r["value"] + "\n"
                         for r in found), [r["value"] for r in found])
# The EU, the EEA, the UK and Switzerland, grouped by 4, in a running text.
eu = ["DE", "FR", "ES", "IT", "BE", "NL", "GB", "PL", "PT", "AT", "SE", "DK", "FI", "NO", "IE",
      "LU", "CZ", "SK", "HU", "RO", "BG", "HR", "SI", "GR", "EE", "LT", "LV", "CH", "MT", "CY"]
grouped = [r["value"] for r in found
           if re.fullmatch(r"[A-Z]{2}\d\d(?: [A-Z0-9]{4})* [A-Z0-9]{1,4}", r["value"])
           and r["value"][:2] in eu]
result(sorted({v[:2] for v in grouped}) == sorted(eu), "the fixture has a grouped IBAN of each of "
       f"{', '.join(eu)}", sorted(set(eu) - {v[:2] for v in grouped}))
one_each("text", "Payments this month went to " +
         ", ".join(f"{v} ({i + 1:02d}.03.2024, {100 + 7 * i},00 EUR)" for i, v in enumerate(grouped)) +
         ".\n", grouped)

# In lower case with no word for an account near, an IBAN is no finding
# (lower-case letters and digits are everywhere in code: iban_lowercase
# needs the word), and nothing is read in its digits either.
lower = [" ".join(compact(r["value"])[i:i + 4] for i in range(0, len(compact(r["value"])), 4)).lower()
         for r in found]
got = scan("lower", "".join(f"paid to {v} yesterday\n\n\n" for v in lower))
text = open(os.path.join(work, "lower.txt"), encoding="utf-8").read()
spans = [(text.index(v), text.index(v) + len(v)) for v in lower]
inside = [(g["rule"], g["value"]) for g in got for s, e in spans if g["offset"] < e and s < g["end"]]
result(not inside, f"no finding within the {len(lower)} IBANs in lower case without a word for an "
       "account", inside[:20])

# Refused: no iban finding, nor anything else within them.
got = scan("refused", "\n\n\n".join(r["text"] for r in refused) + "\n")
ibans = [(g["rule"], g["value"]) for g in got if g["rule"] == "iban"]
result(not ibans, f"the {len(refused)} refused IBANs give no iban finding", ibans)
# (Those of a registry country: "XX42 6379 5871 0898 9279 75" is no
# IBAN, nor mistyped one, and may hold a phone number.)
text = open(os.path.join(work, "refused.txt"), encoding="utf-8").read().encode("utf-8")
spans = []
for r in refused:
    if compact(r["value"])[:2] not in registry:
        continue
    v = r["value"].encode("utf-8")
    at = text.find(v)
    spans.append((at, at + len(v)))
inside = [(g["rule"], g["value"]) for g in got for s, e in spans if g["offset"] < e and s < g["end"]]
result(not inside, f"no finding within the {len(spans)} refused IBANs of a registry country "
       "(a phone, card or national id in the digits of a mistyped IBAN)", inside)
EOF
while IFS= read -r line; do
	case $line in
	"ok - "*) ok "${line#ok - }" ;;
	"not ok - "*) not_ok "${line#not ok - }" ;;
	*) echo "$line" ;;
	esac
done <"$WORK/iban.out"
check "the IBAN checks ran to their end" grep -q 'refused IBAN' "$WORK/iban.out"
finish
