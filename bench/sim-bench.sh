#!/usr/bin/env bash
# sim-bench.sh [ROWS] - puresnmp's simulator against snmpsim and snmpd, same data, same machine, one run:
#   1. snmpbulkwalk -Cr50 of the ROWS-row x 4-column big table (peers/bigtable-gen.py; snmpd
#      serves the same table from C, bigtable.c), timed with hyperfine; the three outputs must be identical;
#   2. GET throughput with 64 requests outstanding (GetLoad, one socket), with the agent's CPU per request.
# A UDP ping-pong probe (bench/udpbench.c) runs first and last to show the machine's regime.
# Loopback only; ports 14150-14153; every process is stopped by its PID. Prints a Markdown table.
# Env: RUNS (hyperfine runs for ours and snmpd, default 5), SIM_RUNS (snmpsim, default 2),
#      GETS (requests per GET run, default 200000; snmpsim gets GETS/20), OUT (work dir, default /tmp/puresnmp-sim-bench).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PEERS=$ROOT/peers
ROWS=${1:-100000}
RUNS=${RUNS:-5}
SIM_RUNS=${SIM_RUNS:-2}
GETS=${GETS:-200000}
OUT=${OUT:-/tmp/puresnmp-sim-bench}
P_OURS=14150 P_SNMPSIM=14151 P_SNMPD=14152 P_ECHO=14153
TABLE=1.3.6.1.4.1.8072.9999.9999.7
COMMUNITY=bigtable-$ROWS
for t in hyperfine snmpbulkwalk snmpsimd snmpd gcc java; do
  command -v "$t" >/dev/null || { echo "sim-bench.sh: $t not found (apt-get install -y hyperfine snmp snmpd snmpsim gcc)" >&2; exit 1; }
done
[ "$ROWS" = 10000 ] || [ "$ROWS" = 100000 ] || { echo "ROWS must be 10000 or 100000 (the contexts snmpd-start.sh serves)" >&2; exit 2; }

mkdir -p "$OUT" && chmod 755 "$OUT"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  bash "$PEERS/peer-stop.sh" "$OUT/snmpsim" >/dev/null 2>&1 || true
  bash "$PEERS/peer-stop.sh" "$OUT/snmpd" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== building (mvn package)" >&2
(cd "$ROOT" && mvn -q -B -DskipTests package -pl cli,bench -am) >&2
gcc -O2 -o "$OUT/udpbench" "$ROOT/bench/udpbench.c"

echo "== data: $COMMUNITY" >&2
mkdir -p "$OUT/snmpsim" && chmod 755 "$OUT/snmpsim"
[ -s "$OUT/snmpsim/$COMMUNITY.snmprec" ] || python3 "$PEERS/bigtable-gen.py" "$ROWS" "$OUT/snmpsim/$COMMUNITY.snmprec" >/dev/null
chmod 644 "$OUT/snmpsim/$COMMUNITY.snmprec"

probe() {  # the regime: 1 datagram in flight for 1 s against a C echo server
  UDPBENCH_IDLE=5 "$OUT/udpbench" echo 127.0.0.1 $P_ECHO & local e=$!
  sleep 0.2
  "$OUT/udpbench" ping 127.0.0.1 $P_ECHO 64 1 1 | tail -n 1
  kill $e 2>/dev/null || true; wait $e 2>/dev/null || true
}
PROBE_START=$(probe)

echo "== starting the three agents" >&2
java -Xms512m -jar "$ROOT/cli/target/puresnmp.jar" sim \
  --data "$OUT/snmpsim/$COMMUNITY.snmprec" --port $P_OURS --bind 127.0.0.1 > "$OUT/ours.log" 2>&1 &
OURS_PID=$!; PIDS+=("$OURS_PID")
BIGTABLE_ROWS=$ROWS bash "$PEERS/snmpd-start.sh" $P_SNMPD "$OUT/snmpd" >&2
bash "$PEERS/snmpsim-start.sh" $P_SNMPSIM "$OUT/snmpsim" >&2
for _ in $(seq 1 100); do
  snmpget -v2c -c "$COMMUNITY" -t 0.2 -r 0 127.0.0.1:$P_OURS 1.3.6.1.2.1.1.5.0 >/dev/null 2>&1 && break
  sleep 0.2
done
SNMPD_PID=$(cat "$OUT/snmpd/snmpd.pid"); SNMPSIM_PID=$(cat "$OUT/snmpsim/snmpsimd.pid")

walk() { echo "snmpbulkwalk -v2c -c $COMMUNITY -On -Cr50 -t 5 -r 1 127.0.0.1:$1 $TABLE"; }
echo "== same output from all three" >&2
$(walk $P_OURS) > "$OUT/ours.txt"; $(walk $P_SNMPD) > "$OUT/snmpd.txt"; $(walk $P_SNMPSIM) > "$OUT/snmpsim.txt"
cmp "$OUT/ours.txt" "$OUT/snmpd.txt" && cmp "$OUT/ours.txt" "$OUT/snmpsim.txt"
VARBINDS=$(wc -l < "$OUT/ours.txt")

echo "== walks (hyperfine)" >&2
cputime() { awk '{print $14 + $15}' "/proc/$1/stat"; }
declare -A CPU
for a in ours snmpd snmpsim; do
  case $a in ours) p=$P_OURS; pid=$OURS_PID; runs=$RUNS; warm=3;; snmpd) p=$P_SNMPD; pid=$SNMPD_PID; runs=$RUNS; warm=1;;
             snmpsim) p=$P_SNMPSIM; pid=$SNMPSIM_PID; runs=$SIM_RUNS; warm=0;; esac
  before=$(cputime "$pid")
  hyperfine -N --style none --warmup $warm --runs "$runs" --export-json "$OUT/walk-$a.json" --output null "$(walk $p)" >&2
  after=$(cputime "$pid")
  CPU[$a]=$(( (after - before) ))   # ticks over warm-up + runs
done
stat() { python3 -c "import json,statistics,sys; t=json.load(open(sys.argv[1]))['results'][0]['times']; print('%.3f %.3f' % (statistics.median(t), min(t)))" "$1"; }
read -r OURS_MED OURS_MIN < <(stat "$OUT/walk-ours.json")
read -r SNMPD_MED SNMPD_MIN < <(stat "$OUT/walk-snmpd.json")
read -r SIM_MED SIM_MIN < <(stat "$OUT/walk-snmpsim.json")

echo "== GETs, 64 outstanding" >&2
load() { java -cp "$ROOT/bench/target/benchmarks.jar" dev.puresnmp.bench.sim.GetLoad 127.0.0.1 "$1" "$COMMUNITY" 1.3.6.1.2.1.1.5.0 "$2" 64 "$3"; }
G_OURS=$(load $P_OURS "$GETS" "$OURS_PID")
G_SNMPD=$(load $P_SNMPD "$GETS" "$SNMPD_PID")
G_SIM=$(load $P_SNMPSIM $((GETS / 20)) "$SNMPSIM_PID")
PROBE_END=$(probe)
field() { echo "$1" | tr ' ' '\n' | awk -v k="$2" 'f {print; exit} $0 == k {f = 1}'; }

python3 - "$VARBINDS" "$OURS_MED" "$OURS_MIN" "$SNMPD_MED" "$SNMPD_MIN" "$SIM_MED" "$SIM_MIN" <<'EOF'
import sys
vb = int(sys.argv[1]); o, om, d, dm, s, sm = map(float, sys.argv[2:8])
print(f"### Walk: snmpbulkwalk -Cr50 of {vb:,} varbinds (median of runs; min in brackets)\n")
print("| agent | wall s | varbinds/s | vs snmpsim | vs snmpd (time) |")
print("|---|---:|---:|---:|---:|")
for name, med, mn in (("puresnmp sim", o, om), ("snmpd + bigtable.so (C)", d, dm), ("snmpsim", s, sm)):
    print(f"| {name} | {med:.3f} ({mn:.3f}) | {vb/med:,.0f} | {s/med:.1f}x faster | {med/d:.2f}x |")
EOF
echo
echo "### GET throughput, 64 outstanding, one client socket (puresnmp UdpTransport)"
echo
echo "| agent | requests | timeouts | req/s | p50 µs | p99 µs | agent CPU µs/request |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for row in "puresnmp sim|$G_OURS" "snmpd|$G_SNMPD" "snmpsim|$G_SIM"; do
  n=${row%%|*}; g=${row#*|}
  echo "| $n | $(field "$g" requests) | $(field "$g" timeouts) | $(field "$g" req_per_s) | $(field "$g" p50_us) | $(field "$g" p99_us) | $(field "$g" agent_us_per_req) |"
done
echo
echo "Agent CPU during the walks (all runs incl. warm-up, clock ticks of 10 ms): ours ${CPU[ours]}, snmpd ${CPU[snmpd]}, snmpsim ${CPU[snmpsim]}."
echo "UDP ping-pong probe (1 in flight, C echo): start: $PROBE_START; end: $PROBE_END"
