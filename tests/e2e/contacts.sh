#!/bin/sh
# Contacts and calendars: vCard (.vcf 2.1, 3.0, 4.0) and iCalendar (.ics)
# as tables, a card or an event a row, a property a column. The values
# planted in fixtures/contacts/ are found with their rule, row and column
# (listed here as planted, not taken from piiscan's output); a birthday
# without a year is no date of birth; a UID is no e-mail address; the
# same files inside a zip and attached to a mail are read alike.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2
C=fixtures/contacts

# expect JSONL FILE_SUFFIX VALUES: every planted "rule<TAB>value<TAB>row<TAB>
# column" line of VALUES has a finding in a file ending so (a check each).
expect() {
	$PY - "$@" <<'EOF'
import json, sys
jsonl, suffix, values = sys.argv[1:4]
found = [json.loads(l) for l in open(jsonl)]
for want in values.strip().split("\n"):
    rule, value, row, column = want.split("\t")
    hit = any(f["file"].endswith(suffix) and f["rule"] == rule and f["value"] == value
              and f.get("row") == int(row) and f.get("column") == column for f in found)
    print(("ok - " if hit else "not ok - ") + f"{suffix}: {rule} {value!r} in row {row}, column {column}")
EOF
}

# tally OUTPUT: adds the ok / not ok lines of OUTPUT to the counts.
tally() {
	printf '%s\n' "$1"
	T_PASS=$((T_PASS + $(printf '%s\n' "$1" | grep -c '^ok')))
	T_FAIL=$((T_FAIL + $(printf '%s\n' "$1" | grep -c '^not ok')))
}

VCARD_VALUES="person_name	Jan Willem de Vries	1	FN
person_name	Jan Willem de Vries	1	N
email	jan.devries@ziggo.nl	1	EMAIL
phone	06-48213975	1	TEL
nl_postcode	3511 AB	1	ADR
date_of_birth	1985-03-14	1	BDAY
nl_bsn	628194821	1	NOTE
person_name	Sören Müller	2	FN
phone	030-2345678	2	TEL
nl_postcode	3521 AG	2	ADR
phone	06-19283746	2	NOTE
email	s.muller@kpnmail.nl	2	EMAIL
person_name	Fatima El Amrani	3	FN
phone	+31629384756	3	TEL
email	f.elamrani@gmail.com	3	EMAIL
person_name	Pieter Bakker	4	FN
phone	+31 20 6243871	4	TEL
date_of_birth	19790521	4	BDAY
email	p.bakker@xs4all.nl	4	EMAIL
nl_bsn	252760189	4	NOTE"

ICAL_VALUES="nl_postcode	3511 AB	1	LOCATION
phone	06-48213975	1	DESCRIPTION
person_name	Anna Visser	1	ORGANIZER
email	a.visser@hr-bureau.nl	1	ORGANIZER
person_name	Jan de Vries	1	ATTENDEE
email	jan.devries@ziggo.nl	1	ATTENDEE
person_name	Sanne Jansen	1	ATTENDEE
email	sanne.jansen@kpnmail.nl	1	ATTENDEE
email	p.bakker@xs4all.nl	1	ATTENDEE
iban	NL75RABO0318245617	2	DESCRIPTION
nl_bsn	111222333	2	DESCRIPTION"

"$PIISCAN" -q -o "$WORK/c.jsonl" -o "$WORK/c.csv" --show-values "$C"
check "scan of fixtures/contacts exits 0" test $? -eq 0
tally "$(expect "$WORK/c.jsonl" adresboek.vcf "$VCARD_VALUES")"
tally "$(expect "$WORK/c.jsonl" agenda.ics "$ICAL_VALUES")"

# no_finding JSONL PYTHON-CONDITION: no finding f makes it true.
no_finding() {
	$PY -c "
import json, sys
bad = [f for f in map(json.loads, open(sys.argv[1])) if $2]
sys.exit('unexpected: ' + repr(bad) if bad else 0)" "$1"
}
check "a birthday without a year (--0215) is no date of birth" \
	no_finding "$WORK/c.jsonl" "f['rule'] == 'date_of_birth' and f.get('row') == 3"
check "the card's UID is no e-mail address" \
	no_finding "$WORK/c.jsonl" "'vermeulen' in f['value']"
check "the event's UID is no e-mail address" \
	no_finding "$WORK/c.jsonl" "'dekker' in f['value'] or '20240312' in f['value']"
check "the photo's base64 gives nothing" \
	no_finding "$WORK/c.jsonl" "f['file'].endswith('.vcf') and f.get('column') == 'PHOTO'"
check "time zones give nothing" \
	no_finding "$WORK/c.jsonl" "f.get('column') in ('TZID', 'TZNAME', 'DTSTART')"
check "every finding of the two files is in a row of its table" \
	no_finding "$WORK/c.jsonl" "f.get('table') not in ('cards', 'events') or not f.get('row')"
check "inventory: 4 cards, an e-mail address in each" \
	grep -q "^$C/adresboek.vcf,cards,EMAIL,,,email,contact,high,4,4,4,4," "$WORK/c.csv"
check "inventory: 2 events, attendees' addresses in 1" \
	grep -q "^$C/agenda.ics,events,ATTENDEE,,,email,contact,high,3,3,2,1," "$WORK/c.csv"
check "no errors row for the fixtures" \
	no_finding "$WORK/c.jsonl" "f.get('code')"

# A birthday calendar: the yearly birthdays' start dates are dates of
# birth (column BDAY), the yearly meeting's is not.
check "birthday calendar: the two birthdays as dates of birth" $PY -c "
import json, sys
got = {(f['value'], f.get('row'), f.get('column')) for f in map(json.loads, open(sys.argv[1]))
       if f['file'].endswith('verjaardagen.ics') and f['rule'] == 'date_of_birth'}
want = {('1987-07-04', 1, 'BDAY'), ('1962-11-19', 2, 'BDAY')}
sys.exit(0 if got == want else 'got %r' % got)" "$WORK/c.jsonl"

# The same files in a zip and attached to a mail: members go through
# detection, so they are read as vCard and iCalendar there too.
$PY - "$C" "$WORK" <<'EOF'
import sys, zipfile
from email.message import EmailMessage
src, work = sys.argv[1:3]
vcf = open(src + "/adresboek.vcf", "rb").read()
ics = open(src + "/agenda.ics", "rb").read()
with zipfile.ZipFile(work + "/export.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("telefoon/contacten.vcf", vcf)
    z.writestr("agenda.ics", ics)
m = EmailMessage()
m["From"] = "hr@hr-bureau.nl"
m["To"] = "archief@hr-bureau.nl"
m["Subject"] = "adresboek"
m.set_content("Zie bijlage.")
m.add_attachment(vcf, maintype="text", subtype="x-vcard", filename="adresboek.vcf")
with open(work + "/mail.eml", "wb") as f:
    f.write(bytes(m))
EOF
"$PIISCAN" -q -o "$WORK/m.jsonl" --show-values "$WORK/export.zip" "$WORK/mail.eml"
check "zip and mail: exit 0" test $? -eq 0
tally "$(expect "$WORK/m.jsonl" 'export.zip!telefoon/contacten.vcf' "$VCARD_VALUES")"
tally "$(expect "$WORK/m.jsonl" 'export.zip!agenda.ics' "$ICAL_VALUES")"
tally "$(expect "$WORK/m.jsonl" 'adresboek.vcf' "$VCARD_VALUES")"
check "mail: the attachment is read as a vCard" $PY -c "
import json, sys
sys.exit(not any('mail.eml!' in f['file'] and f['file'].endswith('adresboek.vcf') and f.get('table') == 'cards'
                 for f in map(json.loads, open(sys.argv[1]))))" "$WORK/m.jsonl"
check "zip and mail: no date of birth from --0215, no UID as e-mail" \
	no_finding "$WORK/m.jsonl" "(f['rule'] == 'date_of_birth' and f.get('row') == 3 and f.get('table') == 'cards') or 'vermeulen' in f['value'] or 'dekker' in f['value']"

finish
