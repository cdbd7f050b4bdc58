#!/bin/sh
# Every limit is charged at one door (pii_limits.h), whatever the
# container: archive members, mail attachments, mbox messages, Outlook
# items. Each limit stops the members with one Errors row on the
# container, carrying its stable code (JSONL records and the xlsx).
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

# A mail with four text attachments, each with its own address; one with
# a zip attached (holding a text); an mbox of five messages; a 100 KB
# attachment.
$PY - "$WORK" <<'PYEOF'
import sys, os, io, zipfile
from email.message import EmailMessage
w = sys.argv[1]
def mail(subject, n_text=0, zipped=False, big=False):
    m = EmailMessage()
    m["From"] = "hr@example-corp.nl"; m["To"] = "archive@example-corp.nl"
    m["Subject"] = subject
    m.set_content("See the attachments.")
    for i in range(n_text):
        m.add_attachment(f"Contact: medewerker{i}@example-corp.nl\n".encode(),
                         maintype="text", subtype="plain", filename=f"note{i}.txt")
    if zipped:
        b = io.BytesIO()
        with zipfile.ZipFile(b, "w") as z:
            z.writestr("inner.txt", "Contact: inner@example-corp.nl\n")
        m.add_attachment(b.getvalue(), maintype="application", subtype="zip", filename="pack.zip")
    if big:
        m.add_attachment(("filler line without personal data\n" * 3000 +
                          "Contact: late@example-corp.nl\n").encode(),
                         maintype="text", subtype="plain", filename="big.txt")
    return m
open(os.path.join(w, "four.eml"), "wb").write(bytes(mail("four", n_text=4)))
open(os.path.join(w, "zipped.eml"), "wb").write(bytes(mail("zipped", zipped=True)))
open(os.path.join(w, "big.eml"), "wb").write(bytes(mail("big", big=True)))
with open(os.path.join(w, "five.mbox"), "wb") as f:
    for i in range(5):
        m = EmailMessage()
        m["From"] = "hr@example-corp.nl"; m["To"] = "archive@example-corp.nl"
        m["Subject"] = f"message {i}"
        m.set_content(f"Reply to persoon{i}@example-corp.nl please.\n")
        f.write(b"From hr@example-corp.nl Mon Jan  1 00:00:00 2024\n" + bytes(m) + b"\n")
PYEOF
(cd fixtures/mail && zip -q "$WORK/pst.zip" dossier.pst)

# scan NAME ARGS...: scans with --records into NAME.jsonl and NAME.xlsx.
scan() {
	name=$1
	shift
	"$PIISCAN" -q -j 1 --records -o "$WORK/$name.jsonl" -o "$WORK/$name.xlsx" "$@"
}
# findings NAME: how many finding lines NAME.jsonl has.
findings() {
	grep -vc '"record"' "$WORK/$1.jsonl"
}
# problem NAME PATH-END CODE: NAME.jsonl has a problem record for a path
# ending in PATH-END with code CODE.
problem() {
	grep '"record":"problem"' "$WORK/$1.jsonl" | grep "\"path\":\"[^\"]*$2\"" |
		grep -q "\"code\":\"$3\""
}

# attachments NAME: the attachments of four.eml with a finding.
attachments() {
	grep -v '"record"' "$WORK/$1.jsonl" | grep -o 'four.eml!note[0-9].txt' | sort -u | wc -l
}
scan all "$WORK/four.eml"
check "four attachments, no limit: a finding in each" test "$(attachments all)" -eq 4
scan m2 --max-members 2 "$WORK/four.eml"
check "mail attachments: --max-members 2 reads two of four" test "$(attachments m2)" -eq 2
check "mail attachments: one row on the mail, code limit.members" \
	problem m2 'four.eml' limit.members
check "mail attachments: the row says --max-members" \
	grep -q '"reason":"more than 2 members (--max-members)' "$WORK/m2.jsonl"

scan d1 --max-depth 1 "$WORK/zipped.eml"
check "a zip attached to a mail at --max-depth 1: its members not read" \
	sh -c "! grep -q inner@ '$WORK/d1.jsonl'"
check "... with a row on the zip, code limit.depth" problem d1 'zipped.eml!pack.zip' limit.depth
scan d2 --max-depth 2 "$WORK/zipped.eml"
check "at --max-depth 2 it is read" grep -q 'inner.txt' "$WORK/d2.jsonl"

scan x "$WORK/big.eml" --max-expand 10K
check "mail attachments: --max-expand 10K stops the 100 KB attachment" \
	sh -c "! grep -q 'late@' '$WORK/x.jsonl'"
check "... with a row on the mail, code limit.expand" problem x 'big.eml' limit.expand

scan mb --max-members 3 "$WORK/five.mbox"
check "mbox messages: --max-members 3 reads three of five" \
	test "$(grep -v '"record"' "$WORK/mb.jsonl" | grep -o 'five.mbox!msg-[0-9]*/body' | sort -u | wc -l)" -eq 3
check "mbox messages: a row on the mbox, code limit.members" problem mb 'five.mbox' limit.members

scan pall fixtures/mail/dossier.pst
scan p1 --max-members 1 fixtures/mail/dossier.pst
check "Outlook items: --max-members 1 reads fewer" \
	test "$(findings p1)" -lt "$(findings pall)"
check "Outlook items: one item read, from one location" \
	test "$(grep -v '"record"' "$WORK/p1.jsonl" | sed 's/.*"file":"\([^"]*\)".*/\1/' | sed 's/!\([^/]*\/msg-[0-9]*\).*/!\1/' | sort -u | wc -l)" -eq 1
check "Outlook items: a row on the data file, code limit.members" problem p1 'dossier.pst' limit.members
scan pd --max-depth 1 "$WORK/pst.zip"
check "a PST in a zip at --max-depth 1: its items not read" test "$(findings pd)" -eq 0
check "... with a row on the PST, code limit.depth" problem pd 'pst.zip!dossier.pst' limit.depth

scan a fixtures/hostile/zipbomb.zip
check "archives: the bomb's row has code limit.ratio" problem a 'zipbomb.zip' limit.ratio
check "the workbook's Errors sheet has the code beside the words" $PY - "$WORK/a.xlsx" <<'PYEOF'
import sys, openpyxl
rows = list(openpyxl.load_workbook(sys.argv[1])["Errors"].iter_rows(values_only=True))
head = rows[0]
assert head[:4] == ("File", "Status", "Code", "Reason"), head
assert any(r[2] == "limit.ratio" and "--max-ratio" in r[3] for r in rows[1:]), rows
PYEOF
finish
