#!/bin/sh
# The examples in contrib/ for running shards on engines people already
# operate, run here the way those engines run them: the Kubernetes
# Indexed Job's pods (JOB_COMPLETION_INDEX), a Slurm job array
# (SLURM_ARRAY_TASK_ID), GNU parallel (on this machine, when installed).
# Each gives the inventory of one run over the whole tree.
. "$(dirname "$0")/lib.inc"
cd "$ROOT" || exit 2

head -c 32 /dev/urandom >"$WORK/key"
export KEY_FILE="$WORK/key" SCAN_PATH=fixtures/ PIISCAN="$PIISCAN"
"$PIISCAN" -q --fingerprint-key-file "$KEY_FILE" -o "$WORK/single.xlsx" fixtures/
same() { $PY tests/e2e/same_xlsx.py "$1" "$WORK/single.xlsx" "Started (UTC)" \
	"Finished (UTC)" "Duration (seconds)" "Command line" "OCR time (seconds, all threads)"; }

# Kubernetes: the manifests, then their pods' command with each index.
check "kubernetes: an Indexed Job whose completions, parallelism and SHARDS agree" \
	$PY - contrib/kubernetes/piiscan-shards.yaml contrib/kubernetes/piiscan-merge.yaml <<'EOF'
import os, sys, yaml
job = yaml.safe_load(open(sys.argv[1]))
spec = job["spec"]
assert job["kind"] == "Job" and spec["completionMode"] == "Indexed", job
pod = spec["template"]["spec"]
c = pod["containers"][0]
env = {e["name"]: e["value"] for e in c["env"]}
assert spec["completions"] == spec["parallelism"] == int(env["SHARDS"]), (spec, env)
assert pod["securityContext"]["runAsNonRoot"] is True
assert c["command"][0].endswith("/contrib/piiscan-shard.sh")
assert os.path.exists("contrib/" + os.path.basename(c["command"][0]))
assert {m["mountPath"]: m.get("readOnly", False) for m in c["volumeMounts"]}["/share"] is True
merge = yaml.safe_load(open(sys.argv[2]))
mc = merge["spec"]["template"]["spec"]["containers"][0]
assert mc["command"][0].endswith("/contrib/piiscan-merge.sh")
assert {e["name"]: e["value"] for e in mc["env"]}["SHARDS"] == env["SHARDS"]
EOF
# The pods as the Job runs them: completions of them, indexes 0 to
# completions-1 (Kubernetes sets JOB_COMPLETION_INDEX), SHARDS from the
# manifest. Debian has no Kubernetes schema validator (kubeconform,
# kubeval): the fields are checked above, the shard arithmetic here.
completions=$($PY -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))["spec"]["completions"])' \
	contrib/kubernetes/piiscan-shards.yaml)
shards=$($PY -c 'import sys, yaml
c = yaml.safe_load(open(sys.argv[1]))["spec"]["template"]["spec"]["containers"][0]
print({e["name"]: e["value"] for e in c["env"]}["SHARDS"])' contrib/kubernetes/piiscan-shards.yaml)
mkdir "$WORK/k8s"
pids=""
index=0
while [ "$index" -lt "$completions" ]; do
	JOB_COMPLETION_INDEX=$index SHARDS=$shards OUT_DIR="$WORK/k8s" contrib/piiscan-shard.sh 2>"$WORK/k8s-$index.log" &
	pids="$pids $!"
	index=$((index + 1))
done
rc=0
for p in $pids; do wait $p || rc=1; done
check "kubernetes: $completions pods (JOB_COMPLETION_INDEX 0-$((completions - 1))): index I scans shard I+1 of $shards" \
	$PY - "$WORK/k8s" "$completions" "$shards" "$rc" <<'EOF'
import json, os, sys
out, completions, shards, rc = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
assert rc == 0, "a pod failed"
assert completions == shards > 1, (completions, shards)
want = {f"part-{i + 1}-of-{shards}.jsonl" for i in range(completions)}
assert set(os.listdir(out)) == want, sorted(os.listdir(out))
for i in range(completions):
    summ = [r for r in map(json.loads, open(f"{out}/part-{i + 1}-of-{shards}.jsonl"))
            if r.get("record") == "summary"]
    assert [r["shard"] for r in summ] == [f"{i + 1}/{shards}"], (i, summ)
EOF
check "kubernetes: the pods log JSON lines" \
	$PY -c "import json,sys; [json.loads(l) for l in open(sys.argv[1])]" "$WORK/k8s-0.log"
SHARDS=$shards OUT_DIR="$WORK/k8s" INVENTORY="$WORK/k8s.xlsx" contrib/piiscan-merge.sh 2>/dev/null
check "kubernetes: the merge Job's inventory is the one of a single run" same "$WORK/k8s.xlsx"
rm "$WORK/k8s/part-3-of-4.jsonl"
SHARDS=4 OUT_DIR="$WORK/k8s" INVENTORY="$WORK/k8s2.xlsx" contrib/piiscan-merge.sh 2>"$WORK/k8s-missing.err"
check "kubernetes: the merge stops when a part is missing, and says which" \
	sh -c "test $? -eq 2 && grep -q 'part-3-of-4.jsonl is missing' '$WORK/k8s-missing.err' && test ! -e '$WORK/k8s2.xlsx'"

# Slurm: the array's tasks, then the merge job (submitted from $ROOT).
array=$(sed -n 's/^#SBATCH --array=1-\([0-9]*\)$/\1/p' contrib/slurm/piiscan.sbatch)
check "slurm: the array (1-$array) matches the script's default SHARDS" \
	grep -q "SHARDS=\${SHARDS:-$array}" contrib/slurm/piiscan.sbatch
mkdir "$WORK/slurm"
for task in $(seq 1 "$array"); do
	SLURM_ARRAY_TASK_ID=$task SLURM_SUBMIT_DIR="$ROOT" SLURM_CPUS_PER_TASK=1 OUT_DIR="$WORK/slurm" \
		sh contrib/slurm/piiscan.sbatch 2>/dev/null
done
OUT_DIR="$WORK/slurm" SLURM_SUBMIT_DIR="$ROOT" INVENTORY="$WORK/slurm.xlsx" \
	sh contrib/slurm/piiscan-merge.sbatch 2>/dev/null
check "slurm: the array's tasks and the merge job give the single run's inventory" same "$WORK/slurm.xlsx"

# GNU parallel, on this machine (":") for the hosts.
if command -v parallel >/dev/null 2>&1; then
	mkdir "$WORK/par"
	SHARDS=3 OUT_DIR="$WORK/par" PIISCAN_CONTRIB="$ROOT/contrib" INVENTORY="$WORK/par.xlsx" \
		contrib/parallel/piiscan-parallel.sh : >/dev/null 2>&1
	check "GNU parallel: 3 shards and the merge give the single run's inventory" same "$WORK/par.xlsx"
else
	echo "# skipped: GNU parallel is not installed (apt-get install parallel)"
fi
# The cron job: the README's set-up lines (as root) make every folder the
# cron line and the example configuration use, for the cron line's user.
check "cron: the README's set-up makes the log, settings and output folders, the user's" \
	$PY - README.md contrib/piiscan.cron contrib/piiscan.yaml <<'EOF'
import os, re, shlex, sys, yaml
readme, cron, conf = (open(f).read() for f in sys.argv[1:])
section = readme.split("\n## Scheduled scans\n")[1].split("\n## ")[0]
lines = [l.split("#")[0].strip() for b in re.findall(r"```sh\n(.*?)```", section, re.S)
         for l in b.splitlines()]
job = [l for l in cron.splitlines() if l and not l.startswith("#")]
assert len(job) == 1, job
f = job[0].split()
user, command = f[5], f[6:]
log = re.search(r"2>>(\S+)", job[0]).group(1)
config = command[command.index("--config") + 1]
useradd = [shlex.split(l) for l in lines if l.startswith("useradd ")]
assert useradd and useradd[0][-1] == user and "--user-group" in useradd[0], useradd
made = {}  # folder: (owner, group, mode) from install -d
for l in lines:
    w = shlex.split(l)
    if w[:2] != ["install", "-d"]:
        continue
    opt, dirs, i = {}, [], 2
    while i < len(w):
        if w[i] in ("-o", "-g", "-m"):
            opt[w[i]] = w[i + 1]
            i += 2
        else:
            dirs.append(w[i])
            i += 1
    for d in dirs:
        made[d] = (opt.get("-o", "root"), opt.get("-g", "root"), int(opt.get("-m", "755"), 8))
def may(d, bits):  # may the cron user (its group: its own) do bits (r 4, w 2, x 1) in d?
    assert d in made, f"{d} is not made by the README's set-up"
    owner, group, mode = made[d]
    have = mode >> 6 if owner == user else mode >> 3 if group == user else mode
    assert have & bits == bits, f"{user} may not {bits:o} in {d} ({owner}:{group} {mode:o})"
may(os.path.dirname(log), 2 | 1)
may(os.path.dirname(config), 4 | 1)
settings = yaml.safe_load(conf)
for out in settings["output"] + [settings.get("state", settings["output"][0])]:
    may(os.path.dirname(out), 2 | 1)
key = settings["fingerprint-key-file"]
may(os.path.dirname(key), 1)
assert any(re.search(r"head -c 32 /dev/urandom *>" + re.escape(key), l) for l in lines), "no key"
assert any(l.startswith("cp contrib/piiscan.yaml " + os.path.dirname(config)) for l in lines)
assert "cp contrib/piiscan.cron /etc/cron.d/piiscan" in lines, "the cron file is not installed"
EOF

# The container writes into its working folder, a volume the unprivileged
# user may write (made before VOLUME, which keeps no later change), and
# the docker run line of the Dockerfile and the README mounts it.
check "Dockerfile: the working folder is a volume the user writes; docker run mounts it" \
	$PY - contrib/kubernetes/Dockerfile README.md <<'EOF'
import json, re, shlex, sys
text, readme = open(sys.argv[1]).read(), open(sys.argv[2]).read()
steps = [l.split(None, 1) for l in re.sub(r"\\\n", " ", text).splitlines()
         if l.strip() and not l.startswith("#")]
at = {}  # instruction: its last index before ENTRYPOINT
for i, (ins, arg) in enumerate(steps):
    if ins == "ENTRYPOINT":
        entry = json.loads(arg)
        break
    at[ins] = i
workdir, uid = steps[at["WORKDIR"]][1].strip(), steps[at["USER"]][1].strip()
vol = steps[at["VOLUME"]][1].strip()
assert workdir in (json.loads(vol) if vol.startswith("[") else vol.split()), (workdir, vol)
assert "-o" not in entry and "--output" not in entry, entry  # outputs land in WORKDIR
run = " ".join(a for i, (ins, a) in enumerate(steps) if ins == "RUN" and i < at["VOLUME"])
name = re.search(r"useradd -u %s\b[^&;]* (\w+)(?: *&&| *$)" % uid, run)
assert name, f"no user {uid} made"
assert re.search(r"install -d -o (%s|%s) [^&;]*%s\b" % (name.group(1), uid, re.escape(workdir)),
                 run), f"{workdir} is not made for {name.group(1)} before VOLUME"
line = re.search(r"^#\s+(docker run .*)$", text, re.M).group(1)
words = shlex.split(line)
assert [v for o, v in zip(words, words[1:]) if o == "-v" and v.split(":")[1] == workdir], line
assert line in readme, "the README has not the Dockerfile's docker run line"
EOF
finish
