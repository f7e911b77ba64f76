#!/usr/bin/env bash
# v3-bench.sh - the SNMPv3 part of ./run-benchmarks: round trips of SNMPv3 authPriv (HMAC-SHA-256 + AES-128,
# user usr-sha256-aes) against v2c, puresnmp and SNMP4J 3.8.2, on the same snmpd on loopback; prints a Markdown
# fragment and writes OUT/report.md and OUT/results.tsv (key, median, min, max).
#   A closed loop (dev.puresnmp.bench.client.V3Load): a GET of sysName.0, 1 and 256 requests in flight, each
#   completion sends the next; untimed warm-up until the JIT is quiet (capped), then a timed window: requests/s,
#   client CPU per request (its whole process, schedstat), snmpd's CPU per request (/proc/PID of the snmpd this
#   script started), timeouts (2 s, no retries). Both libraries with a 4 MiB receive buffer.
#
#   bench/v3-bench.sh              full run (~3 min): 2 rounds, warm-up up to 7 s (until the JIT is quiet; SNMPv3 code takes 5-7 s: a shorter one left a round of v3 CPU 1.7x its twin), 2.5 s windows
#   QUICK=1 bench/v3-bench.sh      smoke run (~25 s): 1 round, warm-up up to 1 s, 0.5 s windows; its figures are not for reporting
# Env, as every part of ./run-benchmarks: QUICK=1, OUT (work directory, default bench/target/v3), NO_BUILD=1 (skip
#   the Maven build), PORT_BASE (default 15130: snmpd).
# One JVM per (client, window, round); rounds interleave the four clients, in a different order each round; the
# ratios are taken round by round. Loopback only; snmpd is stopped by PID (peer-stop.sh).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PEERS=$ROOT/peers
OUT=${OUT:-$ROOT/bench/target/v3}
PORT_BASE=${PORT_BASE:-15130}
P_SNMPD=$PORT_BASE
JAR=$ROOT/bench/target/benchmarks.jar
HEAP=(-Xms512m -Xmx512m -XX:+AlwaysPreTouch)  # see client-bench.sh: the first touch of a heap page is slow on this VM
WINDOWS="1 256"
if [[ ${QUICK:-0} == 1 ]]; then
  MODE=quick ROUNDS=1 WARMUP_S=1 WINDOW_S=0.5
  HEAP=(-Xms128m -Xmx512m)
else
  MODE=full ROUNDS=2 WARMUP_S=7 WINDOW_S=2.5
fi
JVM=(java "${HEAP[@]}" -cp "$JAR")
for t in java mvn snmpd snmpget; do
  command -v "$t" >/dev/null || { echo "v3-bench.sh: $t not found (apt-get install -y snmp snmpd)" >&2; exit 1; }
done
mkdir -p "$OUT" && chmod 755 "$OUT"
rm -rf "$OUT/snmpd"
RESULTS=$OUT/results.txt
: > "$RESULTS"
cleanup() { bash "$PEERS/peer-stop.sh" "$OUT/snmpd" >/dev/null 2>&1 || true; }
trap cleanup EXIT

if [[ ${NO_BUILD:-0} != 1 ]]; then
  echo "== building (mvn package -pl bench -am)" >&2
  (cd "$ROOT" && mvn -q -B -DskipTests package -pl bench -am) >&2
fi

echo "note mode $MODE: $ROUNDS round(s), windows of $WINDOW_S s after a warm-up of at most $WARMUP_S s; load average at start $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS"
echo "== snmpd on 127.0.0.1:$P_SNMPD" >&2
BIGTABLE=0 bash "$PEERS/snmpd-start.sh" $P_SNMPD "$OUT/snmpd" >&2
SNMPD_PID=$(cat "$OUT/snmpd/snmpd.pid")
snmpget -v3 -l authPriv -u usr-sha256-aes -a SHA-256 -A authpass123 -x AES -X privpass123 127.0.0.1:$P_SNMPD 1.3.6.1.2.1.1.5.0 >&2

clients=(puresnmp-v2c puresnmp-v3 snmp4j-v2c snmp4j-v3)
for ((round = 1; round <= ROUNDS; round++)); do
  echo "round $round" >> "$RESULTS"
  # a different order each round: rotate by the round, reversed on even rounds
  order=()
  for ((i = 0; i < 4; i++)); do order+=("${clients[$(( (i + round - 1) % 4 ))]}"); done
  if ((round % 2 == 0)); then order=("${order[3]}" "${order[2]}" "${order[1]}" "${order[0]}"); fi
  for w in $WINDOWS; do
    for client in "${order[@]}"; do
      echo "round $round/$ROUNDS: $client, $w in flight" >&2
      timeout 120 "${JVM[@]}" dev.puresnmp.bench.client.V3Load "$client" $P_SNMPD "$w" $WARMUP_S $WINDOW_S "$SNMPD_PID" 2>> "$OUT/jvm.log" >> "$RESULTS"
    done
  done
done
bash "$PEERS/peer-stop.sh" "$OUT/snmpd" >&2
echo "note load average at end $(cut -d' ' -f1-3 /proc/loadavg) (above 2 on these 2 vCPUs: something else was running)" >> "$RESULTS"
java -cp "$JAR" dev.puresnmp.bench.client.V3Report "$RESULTS" "$OUT/results.tsv" | tee "$OUT/report.md"
