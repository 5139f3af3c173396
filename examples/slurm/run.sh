#!/bin/bash
# examples/slurm/run.sh [WARC-LIST] [TASKS]
# Proves the Slurm recipe on this one machine, as root: installs Debian's slurm-wlm and munge if
# they are missing, starts a private one-node cluster (its own munged, slurmctld and slurmd, its
# own ports, sockets and state under a temporary folder, so a system Slurm is not touched),
# runs clean-warcs.sbatch as a job array of TASKS tasks (4) over WARC-LIST, and checks that the
# merged output equals a single-process run over the same list record for record. Every daemon
# it started is stopped on the way out, whatever happens.
#
# Without WARC-LIST it makes one: the ScrapingHub pages packed into 8 WARC files (needs the
# benchmark, see README) plus the WARC fixtures, damaged ones included, so error records are
# compared too. Needs `npm ci` first (the CLI runs from dist/).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tasks=${2:-4}
cpus=$(nproc)
host=$(hostname -s)

[ "$(id -u)" = 0 ] || { echo "run.sh: needs root (it installs packages and starts daemons)" >&2; exit 2; }
[ -f "$root/dist/cli/main.js" ] || { echo "run.sh: run npm ci in $root first" >&2; exit 2; }
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi

work=$(mktemp -d /tmp/clean-article-slurm.XXXXXX)
chmod 755 "$work"
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/logs"
chmod 700 "$work/munge"
conf=$work/slurm.conf
export SLURM_CONF=$conf

keep=0
stop_daemons() {
  for pidfile in "$work/slurmd.pid" "$work/slurmctld.pid" "$work/munge/munged.pid"; do
    [ -s "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$keep" = 0 ]; then rm -rf "$work"; else echo "kept for inspection: $work" >&2; fi
}
trap stop_daemons EXIT
seconds_since() { echo "$(( ($(date +%s%N) - $1) / 1000000 ))" | sed -E 's/(...)$/.\1/; s/^\./0./'; }

# munge: a fresh key and a private socket.
mungekey --create --keyfile="$work/munge/munge.key"
munged --force --socket="$work/munge/munge.socket" --key-file="$work/munge/munge.key" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed"

# Slurm: one node (this machine, every CPU), one partition, no accounting, no cgroups.
cat >"$conf" <<CONF
ClusterName=cleanarticle
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/munge.socket
SlurmctldPort=16917
SlurmdPort=16918
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -c -f "$conf"
slurmd -f "$conf" -N "$host"
for _ in $(seq 120); do
  state=$(sinfo -h -N -o %t 2>/dev/null || true)
  [ "$state" = idle ] && break
  sleep 0.5
done
[ "$state" = idle ] || { echo "run.sh: the node never became idle (state '$state')" >&2; keep=1; exit 1; }
echo "cluster up: $(sinfo -h -o '%P %D node(s) %c CPUs %t') (Slurm $(sinfo -V | cut -d' ' -f2))"

list=${1:-}
if [ -z "$list" ]; then
  list=$work/warcs.txt
  node "$root/dist/tools/pack-warcs.js" "$work/warcs" 8 >"$list"
  find "$root/fixtures/warc" -name '*.warc*' | sort >>"$list"
fi
echo "inputs: $(wc -l <"$list") WARC files, $(cat "$list" | xargs du -cb | tail -1 | cut -f1) bytes"

started=$(date +%s%N)
job=$(sbatch --parsable --array="1-$tasks" --cpus-per-task=1 --chdir="$work" \
  --output="$work/logs/task-%a.log" --export="ALL,CLEAN_ARTICLE=$root/bin/clean-article.js" \
  "$here/clean-warcs.sbatch" "$list" "$work/cluster-out")
# Polled here rather than with sbatch --wait, whose own polling backs off to 10 s and so would be
# counted in the time.
while [ -n "$(squeue -h -j "$job" -o %i 2>/dev/null)" ]; do sleep 0.2; done
cluster_s=$(seconds_since "$started")
echo "job $job: $tasks array tasks on the one node, submit to last task done: ${cluster_s} s"
for log in "$work"/logs/task-*.log; do echo "  $(basename "$log" .log): $(tail -1 "$log")"; done

# The reference run starts in the same folder as the tasks did, since a listed path's output name
# is relative to the working folder.
started=$(date +%s%N)
(cd "$work" && node "$root/bin/clean-article.js" --urls "$list" -j "$cpus" -o "$work/single-out" -q 2>"$work/single.log") || true
single_s=$(seconds_since "$started")
echo "single process, -j $cpus: ${single_s} s; $(tail -1 "$work/single.log")"

# Record for record: every WARC's JSON Lines file byte for byte, and the unreadable inputs'
# error records, which the shards split over errors.K-of-N.jsonl.
outputs() { (cd "$1" && find . -name '*.jsonl' ! -name 'errors*.jsonl' | sort); }
same=0
different=0
while read -r name; do
  if cmp -s "$work/single-out/$name" "$work/cluster-out/$name"; then same=$((same + 1)); else different=$((different + 1)); echo "  differs: $name"; fi
done < <(outputs "$work/single-out")
unmatched=$(comm -3 <(outputs "$work/single-out") <(outputs "$work/cluster-out") | wc -l)
sort_errors() { cat "$@" 2>/dev/null | sort; }
if diff <(sort_errors "$work"/single-out/errors.jsonl) <(sort_errors "$work"/cluster-out/errors.*.jsonl) >/dev/null; then errors=same; else errors=different; fi
records=$(outputs "$work/single-out" | (cd "$work/single-out" && xargs cat) | wc -l)
echo "compared: $same WARC outputs identical, $different different, $unmatched in one output only; error records $errors; $records records in the WARC outputs"
if [ "$different" = 0 ] && [ "$unmatched" = 0 ] && [ "$errors" = same ] && [ "$same" -gt 0 ]; then
  echo "PASS: the job array's merged output equals the single-process run"
else
  echo "FAIL: the outputs differ" >&2
  keep=1
  exit 1
fi
