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
mkdir "$WORK/k8s"
pids=""
for index in 0 1 2 3; do
	JOB_COMPLETION_INDEX=$index SHARDS=4 OUT_DIR="$WORK/k8s" contrib/piiscan-shard.sh 2>"$WORK/k8s-$index.log" &
	pids="$pids $!"
done
rc=0
for p in $pids; do wait $p || rc=1; done
check "kubernetes: 4 pods (JOB_COMPLETION_INDEX 0-3) each wrote their part" \
	sh -c "test $rc -eq 0 && test \$(ls '$WORK/k8s' | grep -c '^part-[1-4]-of-4.jsonl\$') -eq 4"
check "kubernetes: the pods log JSON lines" \
	$PY -c "import json,sys; [json.loads(l) for l in open(sys.argv[1])]" "$WORK/k8s-0.log"
SHARDS=4 OUT_DIR="$WORK/k8s" INVENTORY="$WORK/k8s.xlsx" contrib/piiscan-merge.sh 2>/dev/null
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
finish
