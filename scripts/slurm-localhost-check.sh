#!/bin/bash
# Runs the shipped job-array script (scripts/sweep.sbatch) under a real one-node Slurm on localhost: 4 shards, merged,
# then compares sweep.csv byte for byte with a local unsharded run. Needs root (starts munged, slurmctld, slurmd) and
# apt (installs slurm-wlm and munge if missing). Not part of `dotnet test`. Usage: sudo scripts/slurm-localhost-check.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/accelsim-slurm.XXXXXX)
command -v slurmctld >/dev/null && command -v munged >/dev/null || { apt-get update -q && apt-get install -y -q slurm-wlm munge; }

# The CLI, built once, as a plain command the job can run.
flock /tmp/accelsim-build.lock dotnet build "$repo/src/AccelSim.Cli" -c Release --nologo -v quiet -o "$work/bin" >/dev/null
printf '#!/bin/sh\nexec dotnet %s/bin/accelsim.dll "$@"\n' "$work" > "$work/accelsim"; chmod +x "$work/accelsim"

# munge: a key and a daemon.
mkdir -p /etc/munge /var/log/munge /run/munge /var/lib/munge
[ -s /etc/munge/munge.key ] || dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
chown -R munge:munge /etc/munge /var/log/munge /run/munge /var/lib/munge; chmod 400 /etc/munge/munge.key
started=()
stop() { for pidfile in "${started[@]}"; do [ -s "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true; done; }
trap stop EXIT
if ! pgrep -x munged >/dev/null; then runuser -u munge -- /usr/sbin/munged; started+=(/run/munge/munged.pid); fi

# One node: this host, all its cores, no cgroups.
host=$(hostname -s); cpus=$(nproc); mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512 ))
mkdir -p /etc/slurm /var/spool/accelsim-slurmctld /var/spool/accelsim-slurmd /var/log/slurm
[ -f /etc/slurm/slurm.conf ] && cp /etc/slurm/slurm.conf /etc/slurm/slurm.conf.before-accelsim
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=accelsim
SlurmctldHost=$host
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmUser=root
StateSaveLocation=/var/spool/accelsim-slurmctld
SlurmdSpoolDir=/var/spool/accelsim-slurmd
SlurmctldPidFile=/run/accelsim-slurmctld.pid
SlurmdPidFile=/run/accelsim-slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ReturnToService=2
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
/usr/sbin/slurmctld; started+=(/run/accelsim-slurmctld.pid)
/usr/sbin/slurmd; started+=(/run/accelsim-slurmd.pid)
for _ in $(seq 30); do sinfo -h -o %T 2>/dev/null | grep -q idle && break; sleep 1; done
sinfo

# The sweep: 4 shards through the shipped job-array script, then merged; and the same sweep locally.
models=lenet5,squeezenet1.1; sets="array=4x4,8x8,12x14 dram_bw=2,4"
cd "$work"; mkdir -p logs
# Values go through the environment (--export=ALL): sbatch's --export=NAME=VALUE list would split them at commas.
job=$(ACCELSIM="$work/accelsim" MODELS=$models ARCH=eyeriss SETS="$sets" \
  sbatch --parsable --array=1-4 --cpus-per-task=1 --export=ALL "$repo/scripts/sweep.sbatch")
echo "submitted job array $job"
while squeue -h -j "$job" 2>/dev/null | grep -q .; do sleep 2; done
sacct -j "$job" -n -o JobID,State,ExitCode 2>/dev/null || true
for k in 1 2 3 4; do echo "shard $k: $(($(wc -l < shard-$k/sweep.csv) - 1)) rows"; done
"$work/accelsim" merge merged shard-1 shard-2 shard-3 shard-4
set_args=(); for s in $sets; do set_args+=(--set "$s"); done
"$work/accelsim" sweep --model $models --arch eyeriss "${set_args[@]}" --out local >/dev/null
if cmp merged/sweep.csv local/sweep.csv; then
  echo "merged sweep.csv is byte-identical to the local run ($(($(wc -l < local/sweep.csv) - 1)) points, sha256 $(sha256sum < local/sweep.csv | cut -c1-16))"
else
  echo "merged sweep.csv differs from the local run"; exit 1
fi
