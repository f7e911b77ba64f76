#!/usr/bin/env bash
# client-bench.sh - the client part of ./run-benchmarks: puresnmp's client against SNMP4J 3.8.2 and Net-SNMP,
# one run; prints a Markdown fragment and writes OUT/report.md and OUT/results.tsv (key, median, min, max):
#   (a) bulk walks of snmpd's 10,000- and 100,000-row big tables (bigtable.c; 40,000 / 400,000 varbinds) at
#       -Cr10 and -Cr50: puresnmp blocking().bulkwalk, SNMP4J TreeUtils.getSubtree (GETBULK), snmpbulkwalk;
#       wall time and client CPU per walk, every run's varbind count checked, and snmpd's own CPU per walk
#       (from /proc/PID of the snmpd it started, around each timed walk): the ceiling the client cannot pass;
#   (b) 1,000 simulated devices (puresnmp sim in its own JVM, one community each, one port) polled at once,
#       GET of 20 varbinds each, one client socket: time and client CPU per cycle, timeouts.
#
#   bench/client-bench.sh              full run (~3.5 min): 2 rounds, clients interleaved
#   QUICK=1 bench/client-bench.sh      smoke run (~40 s): 1 round, the 10k table only, few runs, small heaps;
#                                      proves it works, its figures are not for reporting
# Env, as every part of ./run-benchmarks: QUICK=1, OUT (work directory, default bench/target/client),
#   NO_BUILD=1 (skip the Maven build), PORT_BASE (default 15110: snmpd, simulator, echo probe on +0..+2).
#
# How each client is measured, and why:
#   * Java clients: one JVM per (client, table, -Cr, round). It first walks untimed until the JIT has gone
#     quiet (its compiler threads idle through ~120,000 varbinds in a row; at most 60 walks of the 10k table,
#     3 of the 100k one; quick: 6; the report lists how many it took), then times 5 (10k) or 2 (100k)
#     walks (quick: 2). A fresh JVM per walk would measure the interpreter and the JIT, not the library;
#     a fixed warm-up count was too short for SNMP4J (its CPU per walk still halving) or too long.
#   * Polls: the same, per client JVM: untimed cycles until the JIT is quiet for 20 cycles in a row (50 to
#     600, quick: 60; it takes ~150-250 here), then 40 timed cycles (10 quick).
#   * CPU of a Java client = the whole process's CPU over the walk (every thread: I/O, completions, GC, JIT),
#     from /proc/self/task/*/schedstat (ns; the MXBean's process CPU time moves in 10 ms steps here).
#   * snmpbulkwalk: a process per walk, as it is used; one untimed run first (page cache); timed with bash's
#     `time` (wall, and user+sys of the child from getrusage, ms resolution); output to a file rather than
#     /dev/null so that each run's lines can be counted (costs it a little sys time).
#   * Rounds alternate the order of the clients; the report takes medians over all timed runs of all rounds,
#     and each ratio round by round (the medians of the two clients' runs in that round), then its median
#     and range over rounds.
#   * A 1 s UDP ping-pong probe (bench/udpbench.c) at start and end shows the machine's regime.
# Loopback only; ports PORT_BASE..+2; snmpd, the simulator and the echo server are stopped by PID.
# Output: OUT/report.md (the tables; also printed), OUT/results.tsv, OUT/results.txt (every measurement).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PEERS=$ROOT/peers
OUT=${OUT:-$ROOT/bench/target/client}
PORT_BASE=${PORT_BASE:-15110}  # snmpd, simulator, echo probe: PORT_BASE, +1, +2
P_SNMPD=$PORT_BASE P_SIM=$((PORT_BASE + 1)) P_ECHO=$((PORT_BASE + 2))
JAR=$ROOT/bench/target/benchmarks.jar
# -XX:+AlwaysPreTouch: on this VM the first touch of a heap page costs ~4 µs (the host backs it then), so a JVM
# runs 2-3x slower until its heap has been used once; pre-touching takes ~2 s at start instead of skewing runs.
HEAP=(-Xms512m -Xmx512m -XX:+AlwaysPreTouch)
DEVICES=1000

if [[ ${QUICK:-0} == 1 ]]; then
  # a smoke run: small heaps without pre-touching (2 s less per JVM), only the 10k table
  MODE=quick ROUNDS=1 TABLES="10000" WARM_10K=6 WARM_100K=2 RUNS_10K=2 RUNS_100K=1 POLL_WARMUP=60 POLL_CYCLES=10
  HEAP=(-Xms128m -Xmx512m)
else
  MODE=full ROUNDS=2 TABLES="10000 100000" WARM_10K=40 WARM_100K=2 RUNS_10K=4 RUNS_100K=2 POLL_WARMUP=200 POLL_CYCLES=30
fi
JVM=(java "${HEAP[@]}" -cp "$JAR")
for t in java mvn snmpbulkwalk snmpd snmpget gcc; do
  command -v "$t" >/dev/null || { echo "client-bench.sh: $t not found (apt-get install -y snmp snmpd gcc libsnmp-dev)" >&2; exit 1; }
done

mkdir -p "$OUT" && chmod 755 "$OUT"
rm -rf "$OUT/snmpd" "$OUT/devices"
RESULTS=$OUT/results.txt
: > "$RESULTS"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  bash "$PEERS/peer-stop.sh" "$OUT/snmpd" >/dev/null 2>&1 || true
}
trap cleanup EXIT

if [[ ${NO_BUILD:-0} != 1 ]]; then
  echo "== building (mvn package -pl bench,cli -am)" >&2
  (cd "$ROOT" && mvn -q -B -DskipTests package -pl bench,cli -am) >&2
fi
gcc -O2 -o "$OUT/udpbench" "$ROOT/bench/udpbench.c"

probe() {  # the machine's regime: 1 datagram in flight for 1 s against a C echo server
  UDPBENCH_IDLE=5 "$OUT/udpbench" echo 127.0.0.1 $P_ECHO & local e=$!
  sleep 0.2
  "$OUT/udpbench" ping 127.0.0.1 $P_ECHO 64 1 1 | tail -n 1
  kill $e 2>/dev/null || true; wait $e 2>/dev/null || true
}
echo "note mode $MODE: $ROUNDS round(s), tables of $TABLES rows; per client and round: walks of 10k rows: up to $WARM_10K warm-up + $RUNS_10K timed, of 100k rows: up to $WARM_100K + $RUNS_100K; polls: up to $POLL_WARMUP warm-up + $POLL_CYCLES timed cycles" >> "$RESULTS"
echo "note probe at start $(probe)" >> "$RESULTS"
echo "note load average at start $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS"

# ---- (a) walks ----
echo "== (a) snmpd with the big tables on 127.0.0.1:$P_SNMPD" >&2
bash "$PEERS/snmpd-start.sh" $P_SNMPD "$OUT/snmpd" >&2
SNMPD_PID=$(cat "$OUT/snmpd/snmpd.pid")
TABLE=1.3.6.1.4.1.8072.9999.9999.7

java_walks() {  # CLIENT ROWS REPS
  local warm=$WARM_10K runs=$RUNS_10K
  [[ $2 == 100000 ]] && warm=$WARM_100K runs=$RUNS_100K
  timeout 600 "${JVM[@]}" dev.puresnmp.bench.client.WalkBench "$1" $P_SNMPD "$2" "$3" "$warm" "$runs" "$SNMPD_PID" >> "$RESULTS"
}
agent_ns() {  # CPU time of snmpd so far, ns, summed over its threads (schedstat: ns, not 10 ms ticks)
  cat /proc/"$SNMPD_PID"/task/*/schedstat | awk '{ s += $1 } END { printf "%.0f", s }'
}
netsnmp_walks() {  # ROWS REPS
  local runs=$RUNS_10K t lines a0 a1
  [[ $1 == 100000 ]] && runs=$RUNS_100K
  local cmd=(snmpbulkwalk -Cr"$2" -v2c -c "bigtable-$1" -On 127.0.0.1:$P_SNMPD $TABLE)
  "${cmd[@]}" > "$OUT/snmpbulkwalk.out"  # untimed first run
  for ((i = 1; i <= runs; i++)); do
    a0=$(agent_ns)
    t=$( { TIMEFORMAT='%3R %3U %3S'; time "${cmd[@]}" > "$OUT/snmpbulkwalk.out" 2> "$OUT/snmpbulkwalk.err"; } 2>&1 )
    a1=$(agent_ns)
    lines=$(wc -l < "$OUT/snmpbulkwalk.out")
    # walk CLIENT ROWS REPS RUN WALL_NS CPU_NS VARBINDS ALLOCATED(-1: not Java) AGENT_CPU_NS (ms -> ns)
    echo "$t" | awk -v r="$1" -v c="$2" -v i="$i" -v n="$lines" -v a="$((a1 - a0))" \
      '{ printf "walk snmpbulkwalk %s %s %d %.0f %.0f %d -1 %s\n", r, c, i, $1 * 1e9, ($2 + $3) * 1e9, n, a }' >> "$RESULTS"
  done
}
for ((round = 1; round <= ROUNDS; round++)); do
  echo "round $round" >> "$RESULTS"
  order=(puresnmp snmp4j snmpbulkwalk)
  ((round % 2 == 0)) && order=(snmpbulkwalk snmp4j puresnmp)
  for rows in $TABLES; do
    for reps in 10 50; do
      for client in "${order[@]}"; do
        echo "round $round/$ROUNDS: $rows rows -Cr$reps, $client" >&2
        if [[ $client == snmpbulkwalk ]]; then netsnmp_walks $rows $reps; else java_walks $client $rows $reps; fi
      done
    done
  done
done
bash "$PEERS/peer-stop.sh" "$OUT/snmpd" >&2

# ---- (b) polling 1,000 devices ----
echo "== (b) $DEVICES simulated devices (puresnmp sim) on 127.0.0.1:$P_SIM" >&2
"${JVM[@]}" dev.puresnmp.bench.client.PollBench generate "$OUT/devices" $DEVICES
java "${HEAP[@]}" -jar "$ROOT/cli/target/puresnmp.jar" sim --data "$OUT/devices" --port $P_SIM --bind 127.0.0.1 > "$OUT/sim.log" 2>&1 &
SIM_PID=$!; PIDS+=("$SIM_PID")
for _ in $(seq 1 100); do
  snmpget -v2c -c device-0999 -t 0.2 -r 0 127.0.0.1:$P_SIM 1.3.6.1.2.1.1.5.0 >/dev/null 2>&1 && break
  kill -0 "$SIM_PID" 2>/dev/null || { cat "$OUT/sim.log" >&2; exit 1; }
  sleep 0.2
done
for ((round = 1; round <= ROUNDS; round++)); do
  echo "round $round" >> "$RESULTS"
  order=(puresnmp snmp4j)
  ((round % 2 == 0)) && order=(snmp4j puresnmp)
  for client in "${order[@]}"; do
    echo "round $round/$ROUNDS: poll $DEVICES devices, $client" >&2
    timeout 300 "${JVM[@]}" dev.puresnmp.bench.client.PollBench "$client" $P_SIM $DEVICES $POLL_WARMUP $POLL_CYCLES "$SIM_PID" >> "$RESULTS"
  done
done
kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true

echo "note probe at end $(probe)" >> "$RESULTS"
echo "note load average at end $(cut -d' ' -f1-3 /proc/loadavg) (above 2 on these 2 vCPUs: something else was running)" >> "$RESULTS"
echo >&2
java -cp "$JAR" dev.puresnmp.bench.client.ClientReport "$RESULTS" "$OUT/results.tsv" | tee "$OUT/report.md"
