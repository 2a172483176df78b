#!/usr/bin/env bash
# `npm run slurm:check` (issue 14, "Scale past one machine"): runs the SLURM array-job recipe of
# docs/dose-explorer.md for real on a throw-away single-node Slurm, and checks that the merged shards are the file
# one machine writes.
#
#   1. starts munged, slurmctld and slurmd from Debian's packages (slurm-wlm, munge) with a private munge key, a
#      minimal slurm.conf for this host and every state, log and socket file under $SLURM_CHECK_DIR;
#   2. submits the sweep as an array job (sbatch --array=1-N --wait), each task running
#      `npm run sim -- sweep ... --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT`, as in the recipe;
#   3. merges the shard files (`npm run sim -- merge`), runs the same sweep on this machine without Slurm and
#      compares the two files byte for byte (`cmp`): a merge writes the identity line with "shard": null, as a
#      whole sweep does, so the files must be identical, the identity line included;
#   4. stops the three daemons (the ones it started, by process id) and deletes $SLURM_CHECK_DIR.
#
# Must run as root (slurmd starts job steps as the submitting user; munged, slurmctld and slurmd run as root here).
# Needs `apt-get install -y slurm-wlm munge`, or pass --install to have this script run it. Safe to run twice: a
# run first stops the daemons a killed earlier run left behind (by the process ids it recorded) and starts afresh.
# Exit code: 0 identical, 1 a mismatch or a failed step (logs kept in $SLURM_CHECK_DIR), 2 cannot run here.
#
# Settings (environment): SLURM_CHECK_DIR (default /tmp/ecmo-slurm-check), SLURM_CHECK_SHARDS (2),
# SLURM_CHECK_HOURS (2), SLURM_CHECK_VARY (3 effluent doses), SLURM_CHECK_PORT (16817: slurmctld; slurmd the next),
# SLURM_CHECK_TIMEOUT (seconds the array job may take, 600), SLURM_CHECK_KEEP=1 to keep the folder after a success.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="${SLURM_CHECK_DIR:-/tmp/ecmo-slurm-check}"
SHARDS="${SLURM_CHECK_SHARDS:-2}"
HOURS="${SLURM_CHECK_HOURS:-2}"
VARY="${SLURM_CHECK_VARY:-prescription.effluentDose=30 mL/kg/h..50 mL/kg/h:10 mL/kg/h}"
SCENARIO="scenarios/ecmo-hvhf-default.json"
CTLD_PORT="${SLURM_CHECK_PORT:-16817}"
SLURMD_PORT=$((CTLD_PORT + 1))
TIMEOUT="${SLURM_CHECK_TIMEOUT:-600}"
NODE="$(hostname -s)"
START=$SECONDS

say() { printf '[slurm:check %3ds] %s\n' "$((SECONDS - START))" "$*"; }
fail() {
  say "FAILED: $*"
  exit 1
}

# --- 0. can it run here? ------------------------------------------------------------------------------------------
if [[ "${1:-}" == "--install" ]]; then
  INSTALL=1
elif [[ -n "${1:-}" ]]; then
  echo "usage: $0 [--install]" >&2
  exit 2
fi
if [[ "$(id -u)" != 0 ]]; then
  say "must run as root (slurmd launches the job steps; the daemons run as root here)"
  exit 2
fi
missing=()
for cmd in munged mungekey munge unmunge slurmctld slurmd sbatch squeue sinfo scontrol scancel; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("$cmd")
done
if ((${#missing[@]})); then
  if [[ -n "${INSTALL:-}" ]]; then
    say "installing Debian's slurm-wlm and munge (missing: ${missing[*]})"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq slurm-wlm munge >/dev/null
  else
    say "missing ${missing[*]}: run 'apt-get update && apt-get install -y slurm-wlm munge', or pass --install"
    exit 2
  fi
fi
say "$(slurmctld -V), $(munged -V 2>&1 | awk '{print $1; exit}'), node $(node -v), host $NODE, $(nproc) CPUs"

# --- stop what a previous run left running, then start afresh -------------------------------------------------------
# Each daemon's process id is recorded in $DIR/pids/<name> when it starts; one is signalled only if that process is
# still the same program (its /proc/<pid>/comm), so a recycled pid is never hit.
stop_daemon() {
  local name="$1" file="$DIR/pids/$1" pid
  [[ -f "$file" ]] || return 0
  pid="$(cat "$file")"
  if [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "$name" ]]; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do
      [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "$name" ]] || break
      sleep 0.2
    done
    if [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "$name" ]]; then kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$file"
}
stop_all() {
  # Job steps outlive slurmd (no cgroups to hold them): cancel this check's tasks first, if the controller is up.
  local ctld
  ctld="$(cat "$DIR/pids/slurmctld" 2>/dev/null || true)"
  if [[ -n "$ctld" && "$(cat "/proc/$ctld/comm" 2>/dev/null)" == slurmctld && -f "$DIR/slurm.conf" ]]; then
    if [[ -n "$(SLURM_CONF="$DIR/slurm.conf" squeue -h --name=dose-sweep-check -o %i 2>/dev/null)" ]]; then
      SLURM_CONF="$DIR/slurm.conf" scancel --name=dose-sweep-check 2>/dev/null || true
      sleep 2
    fi
  fi
  stop_daemon slurmd
  stop_daemon slurmctld
  stop_daemon munged
}

OK=""
cleanup() {
  local rc=$?
  stop_all
  if [[ -n "$OK" && -z "${SLURM_CHECK_KEEP:-}" ]]; then
    rm -rf "$DIR"
    say "daemons stopped, $DIR removed"
  else
    say "daemons stopped; logs and files kept in $DIR"
    if [[ -z "$OK" ]]; then
      for f in "$DIR"/jobs/task-*.out "$DIR"/jobs/sbatch.out "$DIR"/log/*.log; do
        [[ -f "$f" ]] && {
          echo "---- last lines of $f"
          tail -n 15 "$f"
        }
      done
    fi
  fi
  exit "$rc"
}

if [[ -e "$DIR" && ! -f "$DIR/.ecmo-slurm-check" ]]; then
  say "$DIR exists and was not made by this check: not touching it (set SLURM_CHECK_DIR elsewhere)"
  exit 2
fi
if [[ -d "$DIR" ]]; then
  say "a previous run left $DIR: stopping its daemons and removing it"
  stop_all
  rm -rf "$DIR"
fi
trap cleanup EXIT
trap 'exit 1' INT TERM
for port in "$CTLD_PORT" "$SLURMD_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    say "port $port is in use (another Slurm?): set SLURM_CHECK_PORT to a free pair"
    exit 2
  fi
done
install -d -m 700 "$DIR/pids"
touch "$DIR/.ecmo-slurm-check"
install -d -m 755 "$DIR/munge" # the socket lives here (munged wants it searchable); the key file itself is 0600
install -d -m 755 "$DIR/state/ctld" "$DIR/state/slurmd" "$DIR/log" "$DIR/run" "$DIR/results" "$DIR/jobs"

# --- 1. munge, with its own key and socket -------------------------------------------------------------------------
SOCKET="$DIR/munge/munge.socket"
mungekey --create --keyfile="$DIR/munge/munge.key"
munged --foreground --force --key-file="$DIR/munge/munge.key" --socket="$SOCKET" \
  --pid-file="$DIR/munge/munged.pid" --seed-file="$DIR/munge/munged.seed" --log-file="$DIR/log/munged.log" \
  >>"$DIR/log/munged.log" 2>&1 &
echo $! >"$DIR/pids/munged"
for _ in $(seq 50); do
  [[ -S "$SOCKET" ]] && break
  sleep 0.2
done
munge -n -S "$SOCKET" | unmunge -S "$SOCKET" >/dev/null || fail "munged does not answer on $SOCKET"
say "munged up (pid $(cat "$DIR/pids/munged")), a credential round-trips"

# --- 2. a minimal single-node slurm.conf ---------------------------------------------------------------------------
# No cgroups (proctrack/linuxproc, task/none, no accounting gather), so it starts without systemd or a delegated
# cgroup tree; no accounting database; every path under $DIR; ports off Slurm's defaults, so a system Slurm is left
# alone. SlurmdParameters=config_overrides: the node is used as configured (CPUs=nproc), not drained when its
# detected topology differs.
export SLURM_CONF="$DIR/slurm.conf"
cat >"$SLURM_CONF" <<EOF
ClusterName=ecmocheck
SlurmctldHost=$NODE(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SOCKET
StateSaveLocation=$DIR/state/ctld
SlurmdSpoolDir=$DIR/state/slurmd
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmdPidFile=$DIR/run/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
SlurmdParameters=config_overrides
NodeName=$NODE NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=check Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
EOF

# --- 3. slurmctld and slurmd ---------------------------------------------------------------------------------------
slurmctld -D -c -f "$SLURM_CONF" >>"$DIR/log/slurmctld.out" 2>&1 &
echo $! >"$DIR/pids/slurmctld"
for _ in $(seq 100); do
  scontrol ping 2>/dev/null | grep -q 'is UP' && break
  kill -0 "$(cat "$DIR/pids/slurmctld")" 2>/dev/null || fail "slurmctld exited at start (see $DIR/log/slurmctld.log)"
  sleep 0.2
done
scontrol ping | grep -q 'is UP' || fail "slurmctld does not answer scontrol ping"
say "slurmctld up (pid $(cat "$DIR/pids/slurmctld"), port $CTLD_PORT)"
slurmd -D -f "$SLURM_CONF" >>"$DIR/log/slurmd.out" 2>&1 &
echo $! >"$DIR/pids/slurmd"
state=""
for _ in $(seq 150); do
  state="$(sinfo -h -n "$NODE" -o %t 2>/dev/null || true)"
  [[ "$state" == idle ]] && break
  kill -0 "$(cat "$DIR/pids/slurmd")" 2>/dev/null || fail "slurmd exited at start (see $DIR/log/slurmd.log)"
  sleep 0.2
done
[[ "$state" == idle ]] || fail "node $NODE is '$state', not idle, 30 s after slurmd started"
say "slurmd up (pid $(cat "$DIR/pids/slurmd")), node $NODE idle: $(sinfo -h -o '%P %D node, %c CPUs, %t')"

# --- 4. the recipe's array job -------------------------------------------------------------------------------------
cd "$REPO"
node scripts/buildCli.mjs --if-stale --quiet
cat >"$DIR/jobs/sweep.sbatch" <<EOF
#!/bin/bash
#SBATCH --job-name=dose-sweep-check
#SBATCH --array=1-$SHARDS
#SBATCH --cpus-per-task=1
#SBATCH --time=00:10:00
#SBATCH --output=$DIR/jobs/task-%a.out
set -euo pipefail
cd "\$SLURM_SUBMIT_DIR"
echo "job \$SLURM_ARRAY_JOB_ID task \$SLURM_ARRAY_TASK_ID/\$SLURM_ARRAY_TASK_COUNT on \$(hostname -s)"
npm run --silent sim -- sweep $SCENARIO \\
  --vary "$VARY" \\
  --hours $HOURS --workers "\$SLURM_CPUS_PER_TASK" \\
  --shard "\$SLURM_ARRAY_TASK_ID/\$SLURM_ARRAY_TASK_COUNT" \\
  --out "$DIR/results/shard-\$SLURM_ARRAY_TASK_ID.csv" --quiet
EOF
say "submitting: sbatch --wait $DIR/jobs/sweep.sbatch ($SHARDS tasks, --vary \"$VARY\", --hours $HOURS)"
# sbatch --wait returns when every task has ended, with the highest exit code among them.
set +e
timeout "$TIMEOUT" sbatch --parsable --wait --chdir="$REPO" "$DIR/jobs/sweep.sbatch" >"$DIR/jobs/sbatch.out" 2>&1
rc=$?
set -e
JOB="$(grep -o '^[0-9]*' "$DIR/jobs/sbatch.out" | head -n 1)"
((rc != 124)) || fail "array job ${JOB:-?} not finished after $TIMEOUT s: $(squeue -h -o '%i %t %R' | tr '\n' ';')"
((rc == 0)) || fail "array job ${JOB:-?}: a task failed (sbatch --wait exit code $rc); its output is below"
JOBSTATE="$(scontrol -o show job "$JOB" 2>/dev/null | sed -E 's/.*ArrayTaskId=([^ ]*).*JobState=([^ ]*).*ExitCode=([^ ]*).*/task \1 \2 (exit \3)/' | sort | paste -sd';' - || true)"
for k in $(seq "$SHARDS"); do
  [[ -f "$DIR/jobs/task-$k.out" ]] || fail "task $k wrote no output (job states: $JOBSTATE)"
  sed "s/^/    task $k | /" "$DIR/jobs/task-$k.out"
  [[ -s "$DIR/results/shard-$k.csv" ]] || fail "task $k wrote no shard file (job states: $JOBSTATE)"
  id="$(head -n 1 "$DIR/results/shard-$k.csv")"
  [[ "$id" == *"\"shard\":\"$k/$SHARDS\""* ]] || fail "shard-$k.csv's identity line does not say shard $k/$SHARDS: $id"
  say "  shard-$k.csv: identity says shard $k/$SHARDS; run ids $(tail -n +3 "$DIR/results/shard-$k.csv" | cut -d, -f1 | paste -sd' ' -)"
done
say "array job $JOB done: ${JOBSTATE:-finished}"

# --- 5. merge, the same sweep on one machine, compare --------------------------------------------------------------
npm run --silent sim -- merge "$DIR"/results/shard-*.csv --out "$DIR/merged.csv" --quiet
say "merged $SHARDS shards: $DIR/merged.csv"
npm run --silent sim -- sweep "$SCENARIO" --vary "$VARY" --hours "$HOURS" --out "$DIR/single.csv" --quiet
say "same sweep on this machine without Slurm: $DIR/single.csv"
rows() { tail -n +3 "$1" | wc -l; }
for f in merged single; do
  say "  $f.csv: sha256 $(sha256sum "$DIR/$f.csv" | cut -c1-64), $(wc -c <"$DIR/$f.csv") bytes, $(rows "$DIR/$f.csv") runs"
done
if ! grep -q '"shard":null' <(head -n 1 "$DIR/merged.csv"); then fail "merged.csv's identity line is not that of a whole sweep: $(head -n 1 "$DIR/merged.csv")"; fi
if cmp "$DIR/merged.csv" "$DIR/single.csv"; then
  OK=1
  say "IDENTICAL: the merged Slurm shards and the one-machine sweep are the same bytes, identity line included"
else
  diff "$DIR/merged.csv" "$DIR/single.csv" | head -n 20 || true
  fail "MISMATCH: merged Slurm shards differ from the one-machine sweep"
fi
say "done in $((SECONDS - START)) s"
