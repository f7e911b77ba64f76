#!/usr/bin/env bash
# notif-bench.sh - the notifications part of ./run-benchmarks: notifications received per second by our TrapReceiver
# and by SNMP4J 3.8.2's receiver (Snmp with a CommandResponder), each in its own JVM with a handler that only counts,
# on loopback; prints a Markdown fragment and writes OUT/report.md and OUT/results.tsv (key, median, min, max).
#   Load (dev.puresnmp.bench.notification.NotifBench, one JVM per round, which starts the receivers): v2c traps and
#   v3 authPriv traps (HMAC-SHA-256 + AES-128) offered at a fixed rate from 1 and from 100 sockets, the rate
#   doubling from 10,000/s while nothing is lost, then bisected: the highest rate without loss, the rate where the
#   kernel's buffer at the receiver's socket overflows (/proc/net/udp drops), the rate delivered at saturation, the
#   receiver's CPU per 1,000 notifications (its whole process, /proc/PID/task/*/schedstat), loss that is not the
#   kernel's; and v2c informs, a window of 16 outstanding per socket: acknowledged informs/s, retransmissions.
#
#   bench/notif-bench.sh              full run (~2.5 min): 2 rounds, 0.3 s steps, 2 bisections, warm-up 1.5 s, informs 2 s
#   QUICK=1 bench/notif-bench.sh      smoke run (~25 s): 1 round, 0.15 s steps, 1 bisection, warm-up 0.3 s; its figures are not for reporting
# Env, as every part of ./run-benchmarks: QUICK=1, OUT (work directory, default bench/target/notif), NO_BUILD=1 (skip
#   the Maven build), PORT_BASE (default 15150: the receiver's port on 127.0.0.1). Own: ROUNDS, STEP_S, KINDS
#   (e.g. v3-trap,v2c-inform).
# Rounds alternate which receiver goes first (and NotifBench reverses the order on every other kind). The receivers
# are children of the NotifBench JVM, which stops them (quit on their stdin, else by their process handle); every
# JVM here ends by itself (timeout 300 on each round).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$ROOT/bench/target/notif}
PORT_BASE=${PORT_BASE:-15150}
JAR=$ROOT/bench/target/benchmarks.jar
WINDOW=16
if [[ ${QUICK:-0} == 1 ]]; then
  MODE=quick ROUNDS=${ROUNDS:-1} STEP_S=${STEP_S:-0.15} WARMUP_S=0.3 BISECTIONS=1 INFORM_S=0.3
else
  MODE=full ROUNDS=${ROUNDS:-2} STEP_S=${STEP_S:-0.3} WARMUP_S=1.5 BISECTIONS=2 INFORM_S=2
fi
KINDS=${KINDS:-v2c-trap,v3-trap,v2c-inform}
for t in java mvn; do
  command -v "$t" >/dev/null || { echo "notif-bench.sh: $t not found" >&2; exit 1; }
done
mkdir -p "$OUT"
RESULTS=$OUT/results.txt
: > "$RESULTS"

if [[ ${NO_BUILD:-0} != 1 ]]; then
  echo "== building (mvn package -pl bench -am)" >&2
  (cd "$ROOT" && mvn -q -B -DskipTests package -pl bench -am) >&2
fi

echo "note mode $MODE: $ROUNDS round(s), trap steps of $STEP_S s, $BISECTIONS bisection(s), warm-up $WARMUP_S s per receiver, informs $INFORM_S s, $WINDOW outstanding per socket; load average at start $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS"
for ((round = 1; round <= ROUNDS; round++)); do
  echo "round $round" >> "$RESULTS"
  order=ours,ours-direct,snmp4j
  ((round % 2 == 0)) && order=snmp4j,ours-direct,ours
  echo "== round $round/$ROUNDS ($order)" >&2
  # traps: steps of STEP_S; informs: windows of INFORM_S (a separate JVM so each kind gets its own durations)
  trap_kinds=$(tr ',' '\n' <<< "$KINDS" | grep -v inform | paste -sd, || true)
  if [[ -n $trap_kinds ]]; then
    timeout 300 java -Xms256m -Xmx256m -cp "$JAR" dev.puresnmp.bench.notification.NotifBench "$round" "$order" "$PORT_BASE" "$STEP_S" "$WARMUP_S" "$BISECTIONS" "$WINDOW" "$trap_kinds" \
      2>> "$OUT/jvm.log" >> "$RESULTS"
  fi
  if [[ $KINDS == *inform* ]]; then
    timeout 300 java -Xms256m -Xmx256m -cp "$JAR" dev.puresnmp.bench.notification.NotifBench "$round" "$order" "$PORT_BASE" "$INFORM_S" "$WARMUP_S" 0 "$WINDOW" v2c-inform \
      2>> "$OUT/jvm.log" >> "$RESULTS"
  fi
done
echo "note load average at end $(cut -d' ' -f1-3 /proc/loadavg) (above 2 on these 2 vCPUs: something else was running)" >> "$RESULTS"
java -cp "$JAR" dev.puresnmp.bench.notification.NotifReport "$RESULTS" "$OUT/results.tsv" | tee "$OUT/report.md"
