#!/usr/bin/python3
"""Scores piiscan on the labelled evaluation set (see README.md here).

    score.py [--piiscan PATH] [--jsonl FILE] [--floors FILE | --no-floors]
             [--verbose] [-n N] SET

Runs PATH (default $PIISCAN, else build/piiscan) with
`-q -j 2 --show-values -o TMP.jsonl SET` (or reads the findings of an earlier
run from --jsonl), matches the findings with SET/labels.tsv and prints per
kind true positives, false positives, false negatives, precision and recall,
for the findings of confidence high+medium (the view the floors apply to),
high, medium, low, and any. --verbose lists, per kind, the first N false
positives (with the decoy class they hit) and false negatives.

Exit status: 0 when every kind meets its floor in floors.tsv (kind, minimum
precision, minimum recall; the high+medium view), 1 when one does not (it
is named), 2 on an error. --no-floors only reports.

How findings are matched to labels
----------------------------------
Units. A label is one planted value in one location (labels.tsv lists each
value once per location); a finding is one distinct (location, kind,
normalised value): the same value found twice in a file counts once, with
every confidence it was found at. Precision is TP / (TP + FP) and recall
TP / (TP + FN), where TP counts labels found, FN labels not found and FP
findings that match no label.

Location. The file as piiscan writes it, relative to SET; the parts of a
message ("x.eml!headers", "x.eml!body", "x.eml!body.html") are the message
"x.eml"; its attachments and archive members stay members ("x.eml!a.csv").

Kind. Only the same kind matches: a BSN-valid number reported as a phone is
a false positive of phone even where it is labelled nl_bsn.

Value. Label and finding are compared after normalising both by kind:
  email        lower case, percent-decoding (%40), "mailto:" and <> removed,
               the spelled-out forms undone: "jan (at) example (dot) nl",
               "jan[at]example.nl", "jan at example dot nl" and "apenstaartje
               / punt" are jan@example.nl
  phone        the digits only ("+31 (0)6 1234-5678" is 310612345678)
  iban         letters and digits, upper case
  credit_card, nl_bsn   the digits only
  nl_postcode  letters and digits, upper case
  ipv4         as written; ipv6 in its canonical compressed form
  date_of_birth, person_name and the special categories
               Unicode NFC, lower case, runs of white space as one space;
               for person_name also without the titles before it (Mr, Ms.,
               Herr, Frau, Monsieur, Mme, dhr., mevrouw, ...): "Ms Harrison"
               is the name "Harrison"
and must then be equal, with two exceptions, where one value inside the other
may count:
  person_name  a finding that is a run of whole words of the label ("De
               Vries" or "Vries" for the label "Jan de Vries", "Bakker" for
               "Bakker, Pieter") that holds at least one word that is neither
               a particle (van, de, ...) nor an initial: the location does hold
               that person's name. The other way round does not count: a
               finding longer than its label ("Anouk Smit Kerkstraat") took
               words that are not a name, and is a false positive.
  special categories  a label is the phrase that says it ("is sinds 4 maart
               ziek gemeld"), a finding the word or words the rule matched
               ("ziek gemeld"): a finding that is a run of whole words of the
               label, or that holds the label, matches it. Two keywords in one
               phrase are one true positive and no false positive.
Nowhere else: for the number kinds a value inside another is a different
value, not a partial success. A finding "06-12345678" is not the label
"+31 6 12345678" (digits 0612345678 against 31612345678) nor the reverse:
piiscan reports the text it matched, so a different text comes from a
different place or from a match that lost or gained characters (a country
code dropped, a neighbouring number glued on); matching digit runs by
containment would count such broken matches as found and hide them. The same
number written twice in one file in two forms is labelled twice.

First every exact match is made; then the partial matches, each finding
crediting at most one label that no exact match found (the shortest that
holds it); a partial finding next to an exact match of the same label is
neither a false positive nor a second true positive.

False positives are put in classes for the report: the class of the decoy
(decoys.tsv) whose value matches (as above, in either direction), "labelled
as KIND" when the value is a label of another kind there, else "unlisted".
"""
import argparse
import collections
import ipaddress
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))


def die(msg):
    print(f"score.py: {msg}", file=sys.stderr)
    sys.exit(2)


ROOT = os.path.dirname(os.path.dirname(HERE))

sys.path.insert(0, HERE)
from national import NATIONAL_KINDS  # noqa: E402

SPECIAL = {"health", "religion", "ethnic_origin", "political_opinion", "trade_union",
           "sexual_orientation", "genetic_biometric", "criminal_data"}
KINDS = (
    "email", "phone", "iban", "credit_card", "date_of_birth", "person_name",
    "nl_bsn", "nl_postcode", "ipv4", "ipv6", "health", "religion",
    "ethnic_origin", "political_opinion", "trade_union", "sexual_orientation",
    "genetic_biometric", "criminal_data",
) + NATIONAL_KINDS
VIEWS = (("high+medium", {"high", "medium"}), ("high", {"high"}), ("medium", {"medium"}),
         ("low", {"low"}), ("any", {"high", "medium", "low"}))
PARTICLES = {"van", "de", "der", "den", "het", "ter", "ten", "te", "'t", "von", "zu", "le", "la", "du",
             "da", "dos", "del", "el", "al", "di"}
MAIL_PARTS = ("headers", "body", "body.html")
# Titles before a name are not part of it ("Ms Harrison" is the name
# Harrison): taken off labels and findings alike. Not the French "M.", which
# is also an initial ("M. de Haan").
HONORIFIC = re.compile(r"^(?:(?:mr|mrs|ms|miss|dr|prof|herr|frau|monsieur|madame|mademoiselle|mme|mlle|"
                       r"dhr|mevr|de heer|heer|mevrouw|meneer|drs|ir|mr\. drs)\.?\s+)+")


# ---- normalisation ---------------------------------------------------------

def norm_email(v):
    s = urllib.parse.unquote(v).strip().lower()
    s = re.sub(r"^mailto:", "", s).strip("<>")
    s = re.sub(r"\s*[(\[{]\s*(?:at|@)\s*[)\]}]\s*", "@", s)
    s = re.sub(r"\s+(?:at|apenstaartje)\s+", "@", s)
    s = re.sub(r"\s*[(\[{]\s*(?:dot|punt)\s*[)\]}]\s*", ".", s)
    s = re.sub(r"\s+(?:dot|punt)\s+", ".", s)
    return s


def norm_ipv6(v):
    s = v.strip().strip("[]").split("%")[0]
    try:
        return ipaddress.IPv6Address(s).compressed
    except ValueError:
        return s.lower()


def norm(kind, v):
    v = unicodedata.normalize("NFC", v)
    if kind == "email":
        return norm_email(v)
    if kind in ("phone", "credit_card", "nl_bsn"):
        return re.sub(r"\D", "", v)
    if kind in ("iban", "nl_postcode") or kind in NATIONAL_KINDS:
        return re.sub(r"[^0-9A-Za-z]", "", v).upper()
    if kind == "ipv4":
        return v.strip()
    if kind == "ipv6":
        return norm_ipv6(v)
    v = re.sub(r"\s+", " ", v).strip().casefold()
    if kind == "person_name":
        v = HONORIFIC.sub("", v)
    return v


def inside(small, big):
    """small is a run of whole words of big (both normalised)."""
    if not small or len(small) > len(big):
        return False
    return re.search(r"(?<![\w'])" + re.escape(small) + r"(?![\w'])", big) is not None


def name_word(w):
    w = w.strip(",.")
    return w and w not in PARTICLES and not re.fullmatch(r"\w\.?", w)


def partial(kind, finding, label):
    """Whether finding (normalised) may stand for label (normalised) though
    they differ: see the module's comment."""
    if kind == "person_name":
        return inside(finding, label) and any(name_word(w) for w in finding.split())
    if kind in SPECIAL:
        return inside(finding, label) or inside(label, finding)
    return False


# ---- reading ---------------------------------------------------------------

def read_tsv(path, ncols):
    rows = []
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < ncols:
                die(f"{path}:{n}: expected {ncols} columns")
            rows.append(cols[:ncols])
    return rows


def location(file, root):
    for prefix in (root.rstrip("/") + "/", "./"):
        if file.startswith(prefix):
            file = file[len(prefix):]
            break
    parts = file.split("!")
    while len(parts) > 1 and parts[-1] in MAIL_PARTS:
        parts.pop()
    return "!".join(parts)


def run_piiscan(piiscan, setdir, out):
    argv = [piiscan, "-q", "-j", "2", "--show-values", "-o", out, setdir]
    start = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    secs = time.perf_counter() - start
    if proc.returncode != 0:
        die(f"{' '.join(argv)} exited {proc.returncode}: {proc.stderr.strip()}")
    return secs


def read_findings(path, root):
    """{(location, kind): {normalised value: [raw value, set of confidences]}}"""
    found = collections.defaultdict(dict)
    n = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            if "rule" not in rec or "value" not in rec:
                continue  # --records lines: files, errors, summary
            n += 1
            kind = rec["rule"]
            key = (location(rec["file"], root), kind)
            nv = norm(kind, rec["value"])
            slot = found[key].setdefault(nv, [rec["value"], set()])
            slot[1].add(rec.get("confidence", "low"))
    return found, n


# ---- matching ---------------------------------------------------------------

class Tally:
    def __init__(self):
        self.tp = self.fp = self.fn = self.partial = 0
        self.fps, self.fns = [], []  # (location, value, confidences)

    def add(self, other):
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.partial += other.partial

    @property
    def precision(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def match(labels, findings, confs):
    """labels: {key: {norm: (raw, lang)}}; findings as read_findings gives
    them. Returns {kind: Tally} and the per-language tallies."""
    tallies = {k: Tally() for k in KINDS}
    by_lang = collections.defaultdict(Tally)
    for key in sorted(set(labels) | set(findings)):
        loc, kind = key
        if kind not in tallies:
            tallies[kind] = Tally()
        t = tallies[kind]
        L = labels.get(key, {})
        F = {nv: f for nv, f in findings.get(key, {}).items() if f[1] & confs}
        exact = set(L) & set(F)
        found = set(exact)
        matched_findings = set(exact)
        for nv in sorted(set(F) - exact, key=len):
            cands = sorted((l for l in L if partial(kind, nv, l)), key=len)
            if not cands:
                continue
            matched_findings.add(nv)
            fresh = [l for l in cands if l not in found]
            if fresh:
                found.add(fresh[0])
                t.partial += 1
        t.tp += len(found)
        t.fn += len(L) - len(found)
        for nv in sorted(set(F) - matched_findings):
            t.fp += 1
            t.fps.append((loc, F[nv][0], F[nv][1], nv))
        for nv in sorted(set(L) - found):
            t.fns.append((loc, L[nv][0], L[nv][1], nv))
        for nv, (raw, lang) in L.items():
            lt = by_lang[(kind, lang)]
            if nv in found:
                lt.tp += 1
            else:
                lt.fn += 1
    return tallies, by_lang


def classify(fp, kind, decoys, labels):
    """Why a false positive is one, for the report: the class of the decoy
    it hit (equal or one inside the other, normalised as the finding's
    kind), "in a KIND label" when it is (part of) a value labelled as
    another kind, "piece of a label" (a match that lost characters) or "a
    label and more" (one that took characters that are not part of it) of
    its own kind, else "unlisted"."""
    loc, raw, confs, nv = fp
    if not nv:
        return "unlisted"
    digits = kind in ("phone", "credit_card", "nl_bsn", "iban", "nl_postcode")

    def near(a, b):
        if not a or a == b:
            return bool(a)
        if kind == "ipv4":
            return False
        return (a in b or b in a) if digits else (inside(a, b) or inside(b, a))
    for dkind, dval, cls in decoys.get(loc, ()):
        if near(norm(kind, dval), nv):
            return cls
    for other in (kind,) + KINDS:
        for ln, (lraw, _) in labels.get((loc, other), {}).items():
            ln = norm(kind, lraw)
            if near(ln, nv):
                if other != kind:
                    return f"in a {other} label"
                return "piece of a label" if nv in ln else "a label and more"
    return "unlisted"


# ---- report -----------------------------------------------------------------

def fmt(x):
    return "    -" if x is None else f"{x:5.3f}"


def table(title, tallies, floors=None):
    lines = [title, f"{'kind':<19} {'TP':>6} {'FP':>6} {'FN':>6}  {'prec':>5}  {'recall':>6}" +
             ("   floor P/R   " if floors is not None else "")]
    total = Tally()
    failed = []
    for kind in KINDS:
        t = tallies.get(kind)
        if t is None or t.tp + t.fp + t.fn == 0:
            continue
        total.add(t)
        row = f"{kind:<19} {t.tp:6d} {t.fp:6d} {t.fn:6d}  {fmt(t.precision)}  {fmt(t.recall):>6}"
        if floors is not None and kind in floors:
            fp_, fr_ = floors[kind]
            bad = []
            if t.precision is not None and t.precision < fp_:
                bad.append(f"precision {t.precision:.3f} < {fp_:.3f}")
            if (t.recall or 0.0) < fr_:
                bad.append(f"recall {t.recall or 0.0:.3f} < {fr_:.3f}")
            row += f"  {fp_:.3f}/{fr_:.3f} " + ("FAIL" if bad else "ok")
            if bad:
                failed.append(f"{kind}: " + ", ".join(bad))
        lines.append(row)
    lines.append(f"{'all kinds':<19} {total.tp:6d} {total.fp:6d} {total.fn:6d}  {fmt(total.precision)}  {fmt(total.recall):>6}")
    return lines, failed


def main():
    ap = argparse.ArgumentParser(description="Precision and recall of piiscan per kind on the labelled set.")
    ap.add_argument("set", help="the evaluation set written by generate.py")
    ap.add_argument("--piiscan", default=os.environ.get("PIISCAN") or os.path.join(ROOT, "build", "piiscan"),
                    help="the piiscan to run (default $PIISCAN, else build/piiscan)")
    ap.add_argument("--jsonl", help="score the findings of an earlier run (piiscan -o FILE.jsonl --show-values SET)")
    ap.add_argument("--floors", default=os.path.join(HERE, "floors.tsv"),
                    help="kind, minimum precision, minimum recall (default: floors.tsv beside score.py)")
    ap.add_argument("--no-floors", action="store_true", help="report only; exit 0 whatever the figures")
    ap.add_argument("-v", "--verbose", action="store_true", help="list false positives and negatives per kind")
    ap.add_argument("-n", type=int, default=15, help="how many of each to list with --verbose (default 15)")
    args = ap.parse_args()

    setdir = os.path.normpath(args.set)
    label_rows = read_tsv(os.path.join(setdir, "labels.tsv"), 4)
    if not label_rows:
        die(f"no labels in {setdir}/labels.tsv (run generate.py first)")
    decoy_rows = read_tsv(os.path.join(setdir, "decoys.tsv"), 4)
    labels = collections.defaultdict(dict)
    for file, kind, value, lang in label_rows:
        if kind not in KINDS:
            die(f"unknown kind {kind!r} in labels.tsv")
        labels[(file, kind)].setdefault(norm(kind, value), (value, lang))
    decoys = collections.defaultdict(list)
    for file, kind, value, cls in decoy_rows:
        decoys[file].append((kind, value, cls))

    secs = None
    if args.jsonl:
        jsonl = args.jsonl
        findings, n_findings = read_findings(jsonl, args.set)
    else:
        if not os.access(args.piiscan, os.X_OK):
            die(f"{args.piiscan} is not executable (make, or --piiscan PATH)")
        with tempfile.TemporaryDirectory(prefix="piiscan-accuracy-") as tmp:
            jsonl = os.path.join(tmp, "findings.jsonl")
            secs = run_piiscan(args.piiscan, args.set, jsonl)
            findings, n_findings = read_findings(jsonl, args.set)
    # findings under the set's own lists are none of our business
    findings = {k: v for k, v in findings.items() if k[0] not in ("labels.tsv", "decoys.tsv")}

    floors = None
    if not args.no_floors:
        floors = {}
        for kind, p, r in read_tsv(args.floors, 3):
            floors[kind] = (float(p), float(r))

    n_files = sum(len(fs) for _, _, fs in os.walk(setdir)) - 2
    print(f"piiscan accuracy on {setdir}: {n_files} files, {len(label_rows)} labels, {len(decoy_rows)} decoys; "
          f"{n_findings} findings" + (f" (scan {secs:.1f} s)" if secs is not None else ""))
    print()
    results = {}
    failed = []
    for name, confs in VIEWS:
        tallies, by_lang = match(labels, findings, confs)
        results[name] = (tallies, by_lang)
        lines, bad = table(f"== findings of confidence {name}" + (" (the floors apply)" if name == "high+medium" else ""),
                           tallies, floors if name == "high+medium" else None)
        if name == "high+medium":
            failed = bad
        print("\n".join(lines))
        print()

    tallies, by_lang = results["high+medium"]
    print("== recall by language (high+medium)")
    langs = sorted({lang for (_, lang) in by_lang})
    print(f"{'kind':<19} " + " ".join(f"{l + ' (labels)':>12}" for l in langs))
    for kind in KINDS:
        cells = []
        for lang in langs:
            t = by_lang.get((kind, lang))
            cells.append(f"{fmt(t.recall)} {t.tp + t.fn:>5}" if t and t.tp + t.fn else f"{'':>12}")
        if any(c.strip() for c in cells):
            print(f"{kind:<19} " + " ".join(f"{c:>12}" for c in cells))
    print()

    print("== false positives by class (high+medium), most first")
    classes = collections.Counter()
    for kind in KINDS:
        for fp in tallies[kind].fps:
            classes[(kind, classify(fp, kind, decoys, labels))] += 1
    for (kind, cls), n in classes.most_common(25):
        print(f"{n:6d}  {kind:<19} {cls}")
    print()

    if args.verbose:
        for kind in KINDS:
            t = tallies[kind]
            if not t.fps and not t.fns:
                continue
            print(f"== {kind}: {len(t.fps)} false positives, {len(t.fns)} false negatives, "
                  f"{t.partial} labels found by part of their words (high+medium)")
            for fp in t.fps[:args.n]:
                print(f"  FP  {fp[0]}  {fp[1]!r}  [{'/'.join(sorted(fp[2]))}; {classify(fp, kind, decoys, labels)}]")
            for loc, raw, lang, _ in t.fns[:args.n]:
                print(f"  FN  {loc}  {raw!r}  [{lang}]")
            print()

    if failed:
        print("Below the floors (floors.tsv):")
        for f in failed:
            print(f"  {f}")
        return 1
    if floors is not None:
        print("Every kind meets its floor.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
