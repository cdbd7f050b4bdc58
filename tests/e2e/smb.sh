#!/bin/sh
# Windows shares without mounting (smb://, libsmbclient): a real Samba
# serves a read-only share over a copy of some fixture folders, and the
# scan of smb://127.0.0.1:PORT/data gives the inventory of the same
# folder scanned locally.
#
# The server: Debian's smbd, started by this suite as root (it switches to
# the test user for each connection) with a generated smb.conf whose
# private, lock, state, cache, pid and ncalrpc folders and passdb are all
# in $WORK, listening on 127.0.0.1 only on a high port (smb ports, bind
# interfaces only), SMB2 and later, signing mandatory. A test user is made
# with useradd (smbd maps logons to Unix users; root would read every
# file, chmod 000 included) and its Samba password set with smbpasswd -a
# -s in that passdb; the user is removed and smbd (its process group) is
# stopped on exit, whatever failed.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

# a free port from 44500 on: smbd binds with SO_REUSEPORT and would
# share a port in use without a word
PORT=${PIISCAN_SMB_PORT:-44500}
while ss -ltn 2>/dev/null | grep -q ":$PORT "; do PORT=$((PORT + 1)); done
# The standard port as well when it is free: libsmbclient asks for a
# file's owner by name (LSA) on 445 whatever port the URL names.
PORTS=$PORT
ss -ltn 2>/dev/null | grep -q ":445 " || PORTS="445 $PORT"
SMBUSER=piiscansmb$$
PASSWORD="Smb-Pa55-$$-kq7"
URL="smb://127.0.0.1:$PORT/data"
SHARE="$WORK/share"
smbd_pid=""
lock_pid=""
made_user=""

stop_all() {
	[ -n "$lock_pid" ] && kill "$lock_pid" 2>/dev/null
	if [ -n "$smbd_pid" ]; then
		kill -TERM "-$smbd_pid" 2>/dev/null
		_i=0
		while [ $_i -lt 50 ] && kill -0 "$smbd_pid" 2>/dev/null; do
			sleep 0.1
			_i=$((_i + 1))
		done
		kill -KILL "-$smbd_pid" 2>/dev/null
	fi
	# smbd starts samba-dcerpcd and its rpcd_* helpers on demand, in a
	# process group of their own: they are stopped by their config file
	command -v pkill >/dev/null && pkill -KILL -f -- "$WORK/smb.conf" 2>/dev/null
	[ -n "$made_user" ] && userdel "$SMBUSER" 2>/dev/null
	rm -rf "$WORK"
}
trap stop_all EXIT
trap 'exit 1' INT TERM

if [ "$(id -u)" -ne 0 ] || ! command -v smbd >/dev/null || ! command -v smbpasswd >/dev/null; then
	not_ok "smb server did not start: this suite runs as root with smbd and smbpasswd (samba)"
	finish
	exit 1
fi

# The share: documents, exports, dumps and archives (a zip among them),
# and a name with a space, a percent sign and a hash.
mkdir -p "$SHARE" "$WORK/smb/private" "$WORK/smb/lock" "$WORK/smb/state" \
	"$WORK/smb/cache" "$WORK/smb/pid" "$WORK/smb/ncalrpc" "$WORK/smb/log"
cp -r fixtures/documents fixtures/exports fixtures/dumps fixtures/containers "$SHARE/"
mkdir -p "$SHARE/odd names"
printf 'Contact: j.devries@ziggo.nl, IBAN NL91ABNA0417164300\n' >"$SHARE/odd names/50% of #3.txt"
chmod -R a+rX "$SHARE"
chmod 700 "$WORK/smb/private"
cat >"$WORK/smb.conf" <<EOF
[global]
	netbios name = PIISCANTEST
	workgroup = WORKGROUP
	server role = standalone server
	smb ports = $PORTS
	interfaces = lo
	bind interfaces only = yes
	server min protocol = SMB2
	server signing = mandatory
	private dir = $WORK/smb/private
	lock directory = $WORK/smb/lock
	state directory = $WORK/smb/state
	cache directory = $WORK/smb/cache
	pid directory = $WORK/smb/pid
	ncalrpc dir = $WORK/smb/ncalrpc
	log file = $WORK/smb/log/log.%m
	passdb backend = tdbsam:$WORK/smb/private/passdb.tdb
	load printers = no
	printcap name = /dev/null
	disable spoolss = yes
	map to guest = never
	kernel oplocks = no
[data]
	path = $SHARE
	read only = yes
	guest ok = no
EOF
useradd -M -N -s /usr/sbin/nologin "$SMBUSER" && made_user=1
printf '%s\n%s\n' "$PASSWORD" "$PASSWORD" | smbpasswd -c "$WORK/smb.conf" -a -s "$SMBUSER" \
	>"$WORK/smbpasswd.log" 2>&1
# its own process group (no --no-process-group): stopped whole on exit
smbd --foreground --debug-stdout -s "$WORK/smb.conf" >"$WORK/smbd.log" 2>&1 &
smbd_pid=$!
up=""
for _i in $(seq 1 100); do
	if ! kill -0 "$smbd_pid" 2>/dev/null; then break; fi
	if ss -ltn 2>/dev/null | grep -q "127.0.0.1:$PORT "; then
		up=1
		break
	fi
	sleep 0.1
done
if [ -z "$made_user" ] || [ -z "$up" ]; then
	not_ok "smb server did not start" "$(cat "$WORK/smbpasswd.log" "$WORK/smbd.log" 2>/dev/null | tail -n 30)"
	finish
	exit 1
fi

# Under ASan (make check-asan): libsmbclient loses a few talloc blocks of
# its own (one per thread that used it); piiscan itself uses no talloc,
# so leaks through libtalloc are libsmbclient's and only those are let be.
printf 'leak:libtalloc.so\n' >"$WORK/lsan.supp"
LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$WORK/lsan.supp:print_suppressions=0"
export LSAN_OPTIONS

AUTH="$WORK/smb-auth"
printf 'username=%s\npassword=%s\ndomain=WORKGROUP\n' "$SMBUSER" "$PASSWORD" >"$AUTH"
chmod 600 "$AUTH"
head -c 32 /dev/urandom >"$WORK/key"
scan() { # scan NAME ARGS...: piiscan into $WORK/NAME.{json,jsonl,xlsx}, stderr kept
	n=$1
	shift
	"$PIISCAN" -q -j 2 --records --fingerprint-key-file "$WORK/key" -o "$WORK/$n.json" \
		-o "$WORK/$n.jsonl" -o "$WORK/$n.xlsx" "$@" 2>"$WORK/$n.err"
}

# 1. The share and the same folder locally.
scan smb --smb-auth-file "$AUTH" "$URL"
rc=$?
check "scan of the share: exit 0 or 1 (findings), nothing on stderr" \
	sh -c "test $rc -le 1 && test ! -s '$WORK/smb.err' || { cat '$WORK/smb.err'; exit 1; }"
scan local "$SHARE"
check "the share's inventory = the local folder's (rows, counts, rules, tables, columns, Errors)" \
	$PY - "$WORK" "$URL" "$SHARE" <<'EOF'
import json, sys
w, url, local = sys.argv[1:]
def load(name, prefix):
    d = json.load(open(f"{w}/{name}.json"))
    def norm(v):
        if isinstance(v, str) and v.startswith(prefix):
            return "ROOT" + v[len(prefix):]
        if isinstance(v, dict):
            # owner: a SID or nothing on the share, a Unix user locally;
            # row_key: a hash of the path
            return {k: norm(x) for k, x in v.items() if k not in ("owner", "row_key")}
        if isinstance(v, list):
            return [norm(x) for x in v]
        return v
    inv = sorted(json.dumps(norm(r), sort_keys=True) for r in d["inventory"])
    err = sorted(json.dumps(norm(r), sort_keys=True) for r in d["errors"])
    return inv, err, d
si, se, sd = load("smb", url)
li, le, ld = load("local", local)
assert len(li) > 100, f"only {len(li)} rows: not a real comparison"
assert si == li, sorted(set(si) ^ set(li))[:4]
assert se == le, (se, le)
assert all(r["file"].startswith(url + "/") for r in sd["inventory"]), "paths"
assert any("50% of #3.txt" in r["file"] for r in sd["inventory"]), "odd name"
assert any(".zip!" in r["file"] for r in sd["inventory"]), "zip members"
EOF
check "the share's files = the folder's files (records, sizes, types)" $PY - "$WORK" "$URL" "$SHARE" <<'EOF'
import json, sys
w, url, local = sys.argv[1:]
def files(name, prefix):
    out = {}
    for l in open(f"{w}/{name}.jsonl"):
        r = json.loads(l)
        if r.get("record") == "file":
            out[r["path"].replace(prefix, "ROOT", 1)] = (r.get("size"), r.get("type"), r.get("status"))
    return out
s, l = files("smb", url), files("local", local)
assert len(l) > 30, len(l)
assert s == l, (set(s.items()) ^ set(l.items()))
EOF
check "the owner of a file on the share is no local user (empty when Samba has no LSA)" \
	$PY -c "import json,sys; d=json.load(open(sys.argv[1])); assert all(r['owner'] != 'root' for r in d['inventory'])" "$WORK/smb.json"
# On the standard port the owner is the Windows owner by name, as
# smbcacls (Samba's own client) reads it from the file's security
# descriptor.
if [ "$PORTS" != "$PORT" ] && command -v smbcacls >/dev/null; then
	OWNED="odd names/50% of #3.txt"
	chown "$SMBUSER" "$SHARE/$OWNED"
	want=$(smbcacls -s "$WORK/smb.conf" -A "$AUTH" //127.0.0.1/data "$OWNED" 2>/dev/null |
		sed -n 's/^OWNER://p')
	scan owner --smb-auth-file "$AUTH" "smb://127.0.0.1/data/odd names"
	check "on port 445: the owner by name ($want), as smbcacls reads it" $PY -c "
import json, sys
d = json.load(open(sys.argv[1]))
owners = {r['owner'] for r in d['inventory']}
sys.exit(None if sys.argv[2] and owners == {sys.argv[2]} else (owners, sys.argv[2]))" \
		"$WORK/owner.json" "$want"
	chown root "$SHARE/$OWNED"
else
	echo "skip - the owner by name: port 445 is taken on this machine (libsmbclient asks there)"
fi

# 2. A file the user may not read, and a file locked by another user.
chmod 000 "$SHARE/exports/medewerkers.tsv"
cat >"$WORK/lock.c" <<'EOF'
/* Opens a file of the share denying everyone else (as Outlook holds a
 * PST), says "locked", and keeps it until killed. */
#include <fcntl.h>
#include <libsmbclient.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
static void auth(SMBCCTX *c, const char *srv, const char *shr, char *wg, int wgl, char *un,
		 int unl, char *pw, int pwl)
{
	snprintf(un, unl, "%s", getenv("LOCK_USER"));
	snprintf(pw, pwl, "%s", getenv("LOCK_PASSWORD"));
}
int main(int argc, char **argv)
{
	SMBCCTX *c = smbc_new_context();
	smbc_setFunctionAuthDataWithContext(c, auth);
	smbc_setOptionOpenShareMode(c, SMBC_SHAREMODE_DENY_ALL);
	if (!smbc_init_context(c) || !smbc_getFunctionOpen(c)(c, argv[1], O_RDONLY, 0)) {
		perror(argv[1]);
		return 1;
	}
	printf("locked\n");
	fflush(stdout);
	for (;;)
		pause();
}
EOF
if cc -o "$WORK/lock" "$WORK/lock.c" $(pkg-config --cflags --libs smbclient) 2>"$WORK/lock.cc"; then
	LOCK_USER=$SMBUSER LOCK_PASSWORD=$PASSWORD "$WORK/lock" "$URL/exports/profiel.json" \
		>"$WORK/lock.out" 2>&1 &
	lock_pid=$!
	for _i in $(seq 1 100); do grep -q locked "$WORK/lock.out" && break; sleep 0.1; done
fi
check "a second client holds exports/profiel.json with a deny-all open" grep -q locked "$WORK/lock.out"
scan denied --smb-auth-file "$AUTH" "$URL/exports"
check "a file the user may not read: its Errors row says Permission denied" $PY - "$WORK" "$URL" <<'EOF'
import json, sys
w, url = sys.argv[1:]
e = {r["path"]: r for r in json.load(open(f"{w}/denied.json"))["errors"]}
r = e[url + "/exports/medewerkers.tsv"]
assert r["code"] == "open_failed" and "Permission denied" in r["reason"], r
EOF
check "a file open elsewhere with a deny mode: 'locked by another user'" $PY - "$WORK" "$URL" <<'EOF'
import json, sys
w, url = sys.argv[1:]
e = {r["path"]: r for r in json.load(open(f"{w}/denied.json"))["errors"]}
r = e[url + "/exports/profiel.json"]
assert r["code"] == "open_failed" and r["reason"] == "locked by another user (open in another program?)", r
EOF
kill "$lock_pid" 2>/dev/null
lock_pid=""
chmod 644 "$SHARE/exports/medewerkers.tsv"

# 3. Credentials: never shown; never in a URL.
check "the password appears in no output, stderr or state" sh -c \
	"! grep -rlF -- '$PASSWORD' '$WORK'/*.json '$WORK'/*.jsonl '$WORK'/*.xlsx '$WORK'/*.err"
"$PIISCAN" -q -o "$WORK/pw.json" "smb://$SMBUSER:$PASSWORD@127.0.0.1:$PORT/data" 2>"$WORK/pw.err"
rc=$?
check "a password in the URL is refused (exit 2), and not repeated" sh -c \
	"test $rc -eq 2 && grep -q 'smb-auth-file' '$WORK/pw.err' && ! grep -qF -- '$PASSWORD' '$WORK/pw.err' && test ! -e '$WORK/pw.json'"
chmod 644 "$AUTH"
"$PIISCAN" -q -o "$WORK/open.json" --smb-auth-file "$AUTH" "$URL" 2>"$WORK/open.err"
rc=$?
chmod 600 "$AUTH"
check "an auth file others may read is refused (exit 2)" sh -c \
	"test $rc -eq 2 && grep -q 'chmod 600' '$WORK/open.err'"
printf 'username=%s\npassword=wrong\n' "$SMBUSER" >"$WORK/bad-auth"
chmod 600 "$WORK/bad-auth"
"$PIISCAN" -q -o "$WORK/bad.json" --smb-auth-file "$WORK/bad-auth" "$URL" 2>"$WORK/bad.err"
rc=$?
check "a wrong password fails before the scan (exit 2, logon refused)" sh -c \
	"test $rc -eq 2 && grep -q 'logon refused' '$WORK/bad.err' && test ! -e '$WORK/bad.json' || { cat '$WORK/bad.err'; exit 1; }"
scan user --smb-auth-file "$AUTH" "smb://$SMBUSER@127.0.0.1:$PORT/data/exports"
check "a user in the URL is not in the job paths" $PY - "$WORK" "$URL" <<'EOF'
import json, sys
w, url = sys.argv[1:]
paths = [json.loads(l).get("path") or json.loads(l).get("file") for l in open(f"{w}/user.jsonl")]
d = json.load(open(f"{w}/user.json"))
paths += [r["file"] for r in d["inventory"]] + [r["path"] for r in d["errors"]]
paths = [p for p in paths if p]
assert len(paths) > 10 and all(p.startswith(url + "/exports/") for p in paths), paths
EOF

# --exclude on the share as locally; the .piiscanignore of a folder too.
printf '*.sql\n' >"$SHARE/dumps/.piiscanignore"
chmod 644 "$SHARE/dumps/.piiscanignore"
scan exsmb --smb-auth-file "$AUTH" --exclude 'containers/' --exclude '*.pdf' "$URL"
scan exlocal --exclude 'containers/' --exclude '*.pdf' "$SHARE"
check "--exclude and .piiscanignore: the same files left out on the share as locally" \
	$PY - "$WORK" "$URL" "$SHARE" <<'EOF'
import json, sys
w, url, local = sys.argv[1:]
def files(name, prefix):
    return sorted(json.loads(l)["path"].replace(prefix, "ROOT", 1)
                  for l in open(f"{w}/{name}.jsonl") if '"record":"file"' in l)
s, l = files("exsmb", url), files("exlocal", local)
assert s == l, (set(s) ^ set(l))
assert not any("/containers/" in p or p.endswith(".pdf") or p.endswith(".sql") for p in s), s
assert any(p.endswith(".dump") for p in s) and len(s) > 15, s
EOF
rm -f "$SHARE/dumps/.piiscanignore"

# --shard 1/2 and 2/2 together give the single run; each shard holds
# the files the same shard of the local folder holds.
scan single --smb-auth-file "$AUTH" "$URL"
for k in 1 2; do
	scan part$k --shard $k/2 --smb-auth-file "$AUTH" "$URL"
	scan localpart$k --shard $k/2 "$SHARE"
done
"$PIISCAN" merge -q "$WORK/part1.jsonl" "$WORK/part2.jsonl" -o "$WORK/merged.xlsx"
check "shards 1/2 + 2/2 merged = the single run, every sheet" \
	$PY tests/e2e/same_xlsx.py "$WORK/merged.xlsx" "$WORK/single.xlsx" \
	"Started (UTC)" "Finished (UTC)" "Duration (seconds)" "Command line" \
	"OCR time (seconds, all threads)"
check "a file of the share is in the shard its local copy is in" $PY - "$WORK" "$URL" "$SHARE" <<'EOF'
import json, sys
w, url, local = sys.argv[1:]
def files(name, prefix):
    return sorted(json.loads(l)["path"].replace(prefix, "ROOT", 1)
                  for l in open(f"{w}/{name}.jsonl") if '"record":"file"' in l)
for k in (1, 2):
    s, l = files(f"part{k}", url), files(f"localpart{k}", local)
    assert s == l and s, (k, set(s) ^ set(l))
EOF

# --state: the second run reads nothing again; the state keeps no secret.
"$PIISCAN" -q --state "$WORK/state.db" --smb-auth-file "$AUTH" -o "$WORK/st1.json" "$URL" 2>/dev/null
"$PIISCAN" -q --state "$WORK/state.db" --smb-auth-file "$AUTH" -o "$WORK/st2.json" "$URL" 2>/dev/null
check "--state: an unchanged share is carried over whole, with the same inventory" \
	$PY - "$WORK" <<'EOF'
import json, sys
w = sys.argv[1]
a, b = (json.load(open(f"{w}/st{k}.json")) for k in (1, 2))
sb = b["summary"]
assert sb["files_carried_over"] == sb["files_seen"] > 30, sb
strip = lambda d: sorted(json.dumps(r, sort_keys=True) for r in d["inventory"])
assert strip(a) == strip(b)
EOF
check "the state file holds no password" sh -c "! grep -qF -- '$PASSWORD' '$WORK/state.db'"

# 4. smbd is stopped by the EXIT trap (checked by the next run's start).
finish
