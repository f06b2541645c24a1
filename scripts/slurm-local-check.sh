#!/usr/bin/env bash
# Runs a real one-node Slurm cluster on localhost and checks the shipped job-array scripts end to end:
# a 4-shard sweep through scripts/slurm/sweep.sbatch, the merge through merge.sbatch, and the merged sweep.csv against an
# unsharded local run of the same sweep (must be byte-identical). Needs root and apt (installs slurm-wlm and munge).
# Not part of `dotnet test`. Usage: scripts/slurm-local-check.sh [WORKDIR]   (prints the comparison; exit 0 when identical)
set -euo pipefail
# The daemons started below outlive this script: close every inherited descriptor above stderr first, so that none of
# them keeps a caller's lock or pipe open (a `flock LOCK scripts/slurm-local-check.sh` would otherwise never release).
for fd in $(ls /proc/$$/fd); do
    if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d /tmp/accelsim-slurm.XXXXXX)}
mkdir -p "$work"
models=lenet5,squeezenet1.1
sets="array=4x4,8x8,12x14,16x16 dram_bw=2,4"
shards=4

if ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge >/dev/null
fi

echo "== building AccelSim"
dotnet build "$repo/src/AccelSim.Cli" -c Release --nologo -v quiet >/dev/null
dll="$repo/src/AccelSim.Cli/bin/Release/net10.0/accelsim.dll"
accelsim="dotnet $dll"

echo "== starting munge and a one-node Slurm on $(hostname)"
mkdir -p /etc/munge /var/lib/munge /var/log/munge /run/munge /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
[ -s /etc/munge/munge.key ] || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
chown -R munge:munge /etc/munge /var/lib/munge /var/log/munge /run/munge 2>/dev/null || true
chmod 400 /etc/munge/munge.key
started_munge=0
if ! pgrep -x munged >/dev/null; then
    runuser -u munge -- munged || munged --force
    started_munge=1
fi
node=$(hostname -s)
cpus=$(nproc)
mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 512 ))
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=accelsim-check
SlurmctldHost=$node
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
NodeName=$node CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF
pkill -x slurmctld 2>/dev/null || true
pkill -x slurmd 2>/dev/null || true
sleep 1
slurmctld -i
slurmd
for _ in $(seq 1 30); do sinfo -h -o %T 2>/dev/null | grep -qE 'idle|mixed' && break; sleep 1; done
sinfo

echo "== submitting a $shards-shard sweep through scripts/slurm/sweep.sbatch"
cd "$work"
export ACCELSIM="$accelsim" MODELS="$models" ARCH=eyeriss SETS="$sets" N=$shards OUT="$work/slurm"
mkdir -p "$OUT"
job=$(sbatch --parsable --array=1-$shards --cpus-per-task=1 --export=ALL "$repo/scripts/slurm/sweep.sbatch")
merge=$(sbatch --parsable --dependency=afterok:$job --export=ALL "$repo/scripts/slurm/merge.sbatch")
echo "array job $job, merge job $merge"
for _ in $(seq 1 600); do
    [ -z "$(squeue -h -j "$job,$merge" 2>/dev/null)" ] && break
    sleep 1
done
sacct -j "$job,$merge" --format=JobID,JobName,State,ExitCode 2>/dev/null || scontrol show job "$merge" | grep -E 'JobState|ExitCode' || true

echo "== the same sweep unsharded, locally"
set_args=()
for s in $sets; do set_args+=(--set "$s"); done
$accelsim sweep --model "$models" --arch eyeriss "${set_args[@]}" --out "$work/local" --quiet >/dev/null

echo "== comparing"
ls "$work/slurm"
if cmp "$work/slurm/merged/sweep.csv" "$work/local/sweep.csv"; then
    echo "IDENTICAL: $(($(wc -l < "$work/local/sweep.csv") - 1)) points, merged from $shards Slurm shards = local run (sha256 $(sha256sum < "$work/local/sweep.csv" | cut -c1-16))"
    status=0
else
    echo "DIFFERENT: merged Slurm sweep.csv differs from the local run"
    status=1
fi
scancel "$job" "$merge" 2>/dev/null || true
pkill -x slurmd 2>/dev/null || true
pkill -x slurmctld 2>/dev/null || true
if [ "$started_munge" = 1 ]; then pkill -x munged 2>/dev/null || true; fi
exit $status
