#!/usr/bin/env bash
# sim-bench.sh - the simulator part of ./run-benchmarks: puresnmp's simulator against snmpsim and snmpd, same
# data, same machine, one run, rounds interleaving the agents (a different one first each round):
#   1. snmpbulkwalk -Cr50 of the ROWS-row x 4-column big table (peers/bigtable-gen.py; snmpd serves the same
#      table from C, bigtable.c), timed with hyperfine; the three outputs must be identical; each agent's CPU
#      during its walks (from /proc);
#   2. GET throughput with 64 requests outstanding (GetLoad, one socket), with the agent's CPU per request;
#   3. CLI start time: `./puresnmp get` (its JVM flags and class-data archive) against `snmpget`,
#      one GET of sysDescr.0 from snmpd, timed with hyperfine after warm-up runs, beside the JVM alone
#      (`java -version` with the same flags): the floor any Java command has on this machine.
# Ratios are taken round by round (ours ÷ peer in the same round), then their median and range.
# A UDP ping-pong probe (bench/udpbench.c) runs first and last to show the machine's regime.
# Prints a Markdown fragment; writes OUT/report.md and OUT/results.tsv (key, median, min, max).
#
#   bench/sim-bench.sh             full run (~1 min): 10,000 rows, 2 rounds (ROWS=100000: ~2.5 min, snmpsim's walk ~30 s)
#   QUICK=1 bench/sim-bench.sh     smoke run (~25 s): 10,000 rows, 1 round, few runs; proves it works
#
# Env, as every part of ./run-benchmarks: QUICK=1, OUT (work directory, default bench/target/sim), NO_BUILD=1
#   (skip the Maven build), PORT_BASE (default 14150: ours, snmpsim, snmpd, echo probe on +0..+3).
#   Own: ROWS (10000 or 100000), ROUNDS, RUNS (hyperfine walks per round for ours and snmpd; snmpsim: 1),
#   GETS (requests per GET run and round; snmpsim gets GETS/20), CLI_RUNS (hyperfine runs per round).
# Loopback only; every process it starts is stopped by its PID.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PEERS=$ROOT/peers
if [[ ${QUICK:-0} == 1 ]]; then
  MODE=quick ROWS=${ROWS:-10000} ROUNDS=${ROUNDS:-1} RUNS=${RUNS:-2} GETS=${GETS:-20000} CLI_RUNS=${CLI_RUNS:-3} CLI_WARMUP=1
else
  MODE=full ROWS=${ROWS:-10000} ROUNDS=${ROUNDS:-2} RUNS=${RUNS:-3} GETS=${GETS:-100000} CLI_RUNS=${CLI_RUNS:-10} CLI_WARMUP=3
fi
OUT=${OUT:-$ROOT/bench/target/sim}
PORT_BASE=${PORT_BASE:-14150}
P_OURS=$PORT_BASE P_SNMPSIM=$((PORT_BASE + 1)) P_SNMPD=$((PORT_BASE + 2)) P_ECHO=$((PORT_BASE + 3))
TABLE=1.3.6.1.4.1.8072.9999.9999.7
COMMUNITY=bigtable-$ROWS
for t in hyperfine snmpbulkwalk snmpget snmpsimd snmpd gcc java python3; do
  command -v "$t" >/dev/null || { echo "sim-bench.sh: $t not found (apt-get install -y hyperfine snmp snmpd snmpsim gcc)" >&2; exit 1; }
done
[ "$ROWS" = 10000 ] || [ "$ROWS" = 100000 ] || { echo "ROWS must be 10000 or 100000 (the contexts snmpd-start.sh serves)" >&2; exit 2; }

mkdir -p "$OUT" && chmod 755 "$OUT"
rm -rf "$OUT/runs" && mkdir -p "$OUT/runs"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  bash "$PEERS/peer-stop.sh" "$OUT/snmpsim" >/dev/null 2>&1 || true
  bash "$PEERS/peer-stop.sh" "$OUT/snmpd" >/dev/null 2>&1 || true
}
trap cleanup EXIT

if [[ ${NO_BUILD:-0} != 1 ]]; then
  echo "== building (mvn package -pl bench,cli -am)" >&2
  (cd "$ROOT" && mvn -q -B -DskipTests package -pl bench,cli -am) >&2
fi
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
echo "== same output from ours and snmpd (snmpsim: its first timed walk, below)" >&2
$(walk $P_OURS) > "$OUT/ours.txt"; $(walk $P_SNMPD) > "$OUT/snmpd.txt"
cmp "$OUT/ours.txt" "$OUT/snmpd.txt"
VARBINDS=$(wc -l < "$OUT/ours.txt")
rm -f "$OUT/snmpsim.txt"

cpu_ns() { cat /proc/"$1"/task/*/schedstat | awk '{ s += $1 } END { printf "%.0f", s }'; }
load() { java -cp "$ROOT/bench/target/benchmarks.jar" dev.puresnmp.bench.sim.GetLoad 127.0.0.1 "$1" "$COMMUNITY" 1.3.6.1.2.1.1.5.0 "$2" 64 "$3"; }
CLI_OURS="$ROOT/puresnmp get -v2c -c public 127.0.0.1:$P_SNMPD 1.3.6.1.2.1.1.1.0"
CLI_NETSNMP="snmpget -v2c -c public 127.0.0.1:$P_SNMPD 1.3.6.1.2.1.1.1.0"
CLI_JVM="java -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -XX:TieredStopAtLevel=1 -version"
$CLI_OURS > "$OUT/cli-ours.txt"; $CLI_NETSNMP > "$OUT/cli-snmpget.txt"  # both must answer
for ((r = 1; r <= ROUNDS; r++)); do
  agents=(ours snmpd snmpsim)
  ((r % 2 == 0)) && agents=(snmpsim snmpd ours)
  for a in "${agents[@]}"; do
    case $a in ours) p=$P_OURS; pid=$OURS_PID; runs=$RUNS; warm=1; gets=$GETS;;
               snmpd) p=$P_SNMPD; pid=$SNMPD_PID; runs=$RUNS; warm=1; gets=$GETS;;
               snmpsim) p=$P_SNMPSIM; pid=$SNMPSIM_PID; runs=1; warm=0; gets=$((GETS / 20));; esac
    echo "round $r/$ROUNDS: walks of $a ($warm warm-up + $runs)" >&2
    before=$(cpu_ns "$pid")
    # snmpsim takes ~3 s a walk of 10,000 rows, ~30 s of 100,000: its first timed walk is also the one whose output is checked
    output=null; [[ $a == snmpsim && $r == 1 ]] && output=$OUT/snmpsim.txt
    hyperfine -N --style none --warmup $warm --runs "$runs" --export-json "$OUT/runs/walk-$a-$r.json" --output "$output" "$(walk $p)" >&2
    if [[ $output != null ]]; then cmp "$OUT/ours.txt" "$output"; fi
    after=$(cpu_ns "$pid")
    echo "$(( (after - before) / (warm + runs) ))" > "$OUT/runs/walk-cpu-$a-$r.txt"  # ns per walk, warm-up included
    echo "round $r/$ROUNDS: GETs to $a ($gets, 64 outstanding)" >&2
    load "$p" "$gets" "$pid" > "$OUT/runs/get-$a-$r.txt"
  done
  echo "round $r/$ROUNDS: CLI start time ($CLI_WARMUP warm-up + $CLI_RUNS runs each)" >&2
  hyperfine -N --style none --warmup "$CLI_WARMUP" --runs "$CLI_RUNS" --export-json "$OUT/runs/cli-$r.json" --output null \
    -n puresnmp "$CLI_OURS" -n snmpget "$CLI_NETSNMP" -n jvm "$CLI_JVM" >&2
done
PROBE_END=$(probe)

python3 - "$OUT" "$ROUNDS" "$VARBINDS" "$MODE" "$PROBE_START" "$PROBE_END" "$CLI_OURS" "$CLI_NETSNMP" "$ROOT" "$CLI_JVM" <<'EOF' | tee "$OUT/report.md"
import json, statistics, sys
out, rounds, vb, mode, probe_start, probe_end, cli_ours, cli_netsnmp, root, cli_jvm = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), *sys.argv[4:]
agents = ("ours", "snmpd", "snmpsim")
names = {"ours": "puresnmp sim", "snmpd": "snmpd + bigtable.so (C)", "snmpsim": "snmpsim"}
tsv = []
def put(key, v):
    v = [x for x in v if x == x]
    if v:
        tsv.append(f"{key}\t{statistics.median(v):.6g}\t{min(v):.6g}\t{max(v):.6g}")
def rng(v, fmt="{:.2f}"):
    if not v:
        return "—"
    m = fmt.format(statistics.median(v))
    return m if len(v) == 1 else f"{m} ({fmt.format(min(v))}–{fmt.format(max(v))})"
def times(path):
    return json.load(open(path))["results"]
walk = {a: [times(f"{out}/runs/walk-{a}-{r}.json")[0]["times"] for r in range(1, rounds + 1)] for a in agents}
wcpu = {a: [int(open(f"{out}/runs/walk-cpu-{a}-{r}.txt").read()) / 1e6 for r in range(1, rounds + 1)] for a in agents}
def kv(path):
    f = open(path).read().split()
    return {f[i]: float(f[i + 1]) for i in range(0, len(f) - 1, 2)}
get = {a: [kv(f"{out}/runs/get-{a}-{r}.txt") for r in range(1, rounds + 1)] for a in agents}

print(f"### Walk: snmpbulkwalk -Cr50 of {vb:,} varbinds\n")
print(f"Mode {mode}, {rounds} round(s), the agents in a different order each round. Wall time: median (min–max) of every timed run; "
      "ratio: puresnmp's time ÷ the peer's, taken round by round (the medians of that round), median (min–max) over rounds; "
      "agent CPU: the agent process's own CPU time per walk (/proc, warm-up walks included).\n")
print("| agent | runs | wall s | varbinds/s | ours ÷ this agent (time) | agent CPU ms/walk |")
print("|---|---:|---:|---:|---:|---:|")
for a in agents:
    allt = [t for ts in walk[a] for t in ts]
    med = statistics.median(allt)
    ratio = [statistics.median(o) / statistics.median(p) for o, p in zip(walk["ours"], walk[a])]
    put(f"sim.walk.{a}.wall_s", allt)
    put(f"sim.walk.{a}.agent_cpu_ms", wcpu[a])
    if a != "ours":
        put(f"sim.walk.ratio.ours/{a}", ratio)
    print(f"| {names[a]} | {len(allt)} | {med:.3f} ({min(allt):.3f}–{max(allt):.3f}) | {vb / med:,.0f} | {'—' if a == 'ours' else rng(ratio)} | {statistics.median(wcpu[a]):,.0f} |")
print()
print("### GET throughput, 64 outstanding, one client socket (puresnmp UdpTransport)\n")
print("Per round one run per agent; req/s and agent CPU: median (min–max) over rounds; ratio: ours ÷ this agent's req/s, round by round.\n")
print("| agent | requests/round | timeouts | req/s | ours ÷ this agent (req/s) | p50 µs | p99 µs | agent CPU µs/request |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for a in agents:
    g = get[a]
    rps = [x["req_per_s"] for x in g]
    ratio = [o["req_per_s"] / x["req_per_s"] for o, x in zip(get["ours"], g)]
    put(f"sim.get.{a}.rps", rps)
    put(f"sim.get.{a}.agent_us", [x["agent_us_per_req"] for x in g])
    if a != "ours":
        put(f"sim.get.ratio.ours/{a}", ratio)
    print(f"| {names[a]} | {int(g[0]['requests']):,} | {int(sum(x['timeouts'] for x in g))} | {rng(rps, '{:,.0f}')} | {'—' if a == 'ours' else rng(ratio)} | "
          f"{statistics.median([x['p50_us'] for x in g]):,.0f} | {statistics.median([x['p99_us'] for x in g]):,.0f} | {rng([x['agent_us_per_req'] for x in g], '{:.1f}')} |")
print()
print("### CLI start time: one GET of sysDescr.0 from snmpd\n")
cli = {"puresnmp": [], "snmpget": [], "jvm": []}
for r in range(1, rounds + 1):
    for res in times(f"{out}/runs/cli-{r}.json"):
        cli[res["command"]].append([t * 1000 for t in res["times"]])
ratio = [statistics.median(o) / statistics.median(s) for o, s in zip(cli["puresnmp"], cli["snmpget"])]
print("What a user waits for at the shell. Target: ≤ 100 ms. The JVM alone (`java -version`, the same flags and class-data sharing) "
      "is the floor of any Java command here. hyperfine after warm-up runs; ms: median (min–max) of all runs; ratio round by round.\n")
print("| command | runs | ms | ÷ snmpget |")
print("|---|---:|---:|---:|")
jvm_ratio = [statistics.median(o) / statistics.median(s) for o, s in zip(cli["jvm"], cli["snmpget"])]
for c, cmd in (("puresnmp", cli_ours), ("snmpget", cli_netsnmp), ("jvm", cli_jvm)):
    allt = [t for ts in cli[c] for t in ts]
    put(f"cli.{c}.ms", allt)
    shown = rng(ratio) if c == "puresnmp" else rng(jvm_ratio) if c == "jvm" else "1.00"
    print(f"| `{cmd.replace(root + '/', '')}` | {len(allt)} | {rng(allt, '{:.1f}')} | {shown} |")
put("cli.ratio.puresnmp/snmpget", ratio)
print()
print(f"UDP ping-pong probe (1 in flight, C echo): start: {probe_start}; end: {probe_end}")
open(f"{out}/results.tsv", "w").write("\n".join(tsv) + "\n")
EOF
