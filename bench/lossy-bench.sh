#!/usr/bin/env bash
# lossy-bench.sh - a bulk walk of snmpd's 10,000-row big table through a lossy link: our command line
# (./puresnmp bulkwalk --adaptive-timeout) against snmpbulkwalk, with the same -t, -r and -Cr, through the
# same link settings; prints a Markdown fragment and writes OUT/report.md and OUT/results.tsv (key, median,
# min, max). The target: ours at least 3x faster.
#
#   bench/lossy-bench.sh            full run (~2 min): 2 rounds, one column of the table (10,000 varbinds);
#                                   ROOT_OID=1.3.6.1.4.1.8072.9999.9999.7 walks all four columns (~4 min a round)
#   QUICK=1 bench/lossy-bench.sh    smoke run (~1 min): 1 round, one column (10,000 varbinds), 5% loss;
#                                   proves it works, its figures are not for reporting
# Env, as every part of ./run-benchmarks: QUICK=1, OUT (work directory, default bench/target/lossy),
#   NO_BUILD=1 (skip the Maven build), PORT_BASE (default 15190: snmpd, the links on +0, +1, +2). Own: ROUNDS, ROOT_OID,
#   LOSS (chance of loss each way, 0.2), DUP (chance of a duplicate, 0.05), REORDER_MS (extra delay up to, 20),
#   TIMEOUT (-t, 0.5), RETRIES (-r, 8), CR (-Cr, 50), JAR and CLI_JAR (the jars to run).
#
# How it is measured, and why:
#   * The link is core's test support LossyLink (dev.puresnmp.transport.LossyLink) in its own JVM
#     (dev.puresnmp.bench.lossy.LossyRelay). Each client gets a link of its own, started for every round with
#     the round's seed, so both clients meet the same sequence of decisions (not the same datagrams lost: their
#     datagrams differ in timing). Its counters (received, relayed, dropped, duplicated, each way) go to the report.
#   * The two walks of a round run at the same time, each through its own link: a walk through this link waits
#     on its timeouts almost all the time (a few dozen datagrams a second, next to nothing of a vCPU), so the
#     two do not slow each other, and a round takes as long as the slower walk instead of both.
#   * Each walk is one process, as the tools are used: ./puresnmp's JVM start (~0.2 s) is in its time.
#   * Both print numeric OIDs (-On); every walk's output is compared with a direct walk of snmpd by
#     snmpbulkwalk (no link): a walk that differs fails the run.
#   * The speed-up is taken round by round (snmpbulkwalk's time over ours), then its median and range over the
#     rounds.
# Every lost datagram costs snmpbulkwalk its whole -t; ours waits about a measured round trip instead
# (RFC 6298: SRTT + 4 RTTVAR, doubled per unanswered attempt, at least 20 ms, at most -t).
# Loopback only; snmpd and the link are stopped by PID.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PEERS=$ROOT/peers
OUT=${OUT:-$ROOT/bench/target/lossy}
PORT_BASE=${PORT_BASE:-15190}
P_SNMPD=$PORT_BASE P_LINK=$((PORT_BASE + 1)) P_LINK2=$((PORT_BASE + 2))
JAR=${JAR:-$ROOT/bench/target/benchmarks.jar}    # JAR, CLI_JAR: copies of the jars, to build meanwhile
CLI_JAR=${CLI_JAR:-$ROOT/cli/target/puresnmp.jar}
TABLE=1.3.6.1.4.1.8072.9999.9999.7
TIMEOUT=${TIMEOUT:-0.5} RETRIES=${RETRIES:-8} CR=${CR:-50} DUP=${DUP:-0.05} REORDER_MS=${REORDER_MS:-20}
if [[ ${QUICK:-0} == 1 ]]; then
  MODE=quick ROUNDS=${ROUNDS:-1} LOSS=${LOSS:-0.05} ROOT_OID=$TABLE.1.1
else
  MODE=full ROUNDS=${ROUNDS:-2} LOSS=${LOSS:-0.2} ROOT_OID=${ROOT_OID:-$TABLE.1.1}
fi
for t in java mvn snmpbulkwalk snmpd gcc; do
  command -v "$t" >/dev/null || { echo "lossy-bench.sh: $t not found (apt-get install -y snmp snmpd gcc libsnmp-dev)" >&2; exit 1; }
done
mkdir -p "$OUT" && chmod 755 "$OUT"
rm -rf "$OUT/snmpd" "$OUT/runs"
mkdir -p "$OUT/runs"
RESULTS=$OUT/results.txt
: > "$RESULTS"
LINK_PIDS=()
cleanup() {
  for p in "${LINK_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  bash "$PEERS/peer-stop.sh" "$OUT/snmpd" >/dev/null 2>&1 || true
}
trap cleanup EXIT

if [[ ${NO_BUILD:-0} != 1 ]]; then
  echo "== building (mvn package -pl bench,cli -am)" >&2
  (cd "$ROOT" && mvn -q -B -DskipTests package -pl bench,cli -am) >&2
fi

bash "$PEERS/snmpd-start.sh" $P_SNMPD "$OUT/snmpd" >&2
NETSNMP=(snmpbulkwalk -v2c -c bigtable-10000 -On -Cr"$CR" -t "$TIMEOUT" -r "$RETRIES")
OURS=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$CLI_JAR" bulkwalk -v2c -c bigtable-10000 -On -Cr"$CR" -t "$TIMEOUT" -r "$RETRIES" --adaptive-timeout)
"${NETSNMP[@]}" 127.0.0.1:$P_SNMPD $ROOT_OID > "$OUT/runs/direct.txt"
expected=$(wc -l < "$OUT/runs/direct.txt")
echo "note mode $MODE: $ROUNDS round(s), $expected varbinds under $ROOT_OID, link: loss $LOSS each way, duplicates $DUP, reordering up to $REORDER_MS ms; -t $TIMEOUT -r $RETRIES -Cr$CR; the two walks of a round at the same time, each through a link of its own; load average at start $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS"

start_link() {  # PORT SEED COUNTERS_FILE LOG: a link from PORT to snmpd, in the background; its PID in LINK_PIDS
  java -Xmx128m -cp "$JAR" dev.puresnmp.bench.lossy.LossyRelay $P_SNMPD "$1" "$LOSS" "$DUP" "$REORDER_MS" "$2" "$3" > "$4" 2>&1 &
  LINK_PIDS+=($!)
  for _ in $(seq 100); do grep -q listening "$4" 2>/dev/null && return; sleep 0.1; done
  echo "lossy-bench.sh: the link did not start: $(cat "$4")" >&2; exit 1
}
stop_links() {
  for p in "${LINK_PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  LINK_PIDS=()
}
walk() {  # ROUND CLIENT PORT: one timed walk through the link on PORT; writes its milliseconds to runs/CLIENT-ROUND.ms
  local out=$OUT/runs/$2-$1.txt t0 t1
  t0=$(date +%s%N)
  if [[ $2 == ours ]]; then "${OURS[@]}" 127.0.0.1:$3 $ROOT_OID > "$out" 2> "$out.err"; else "${NETSNMP[@]}" 127.0.0.1:$3 $ROOT_OID > "$out" 2> "$out.err"; fi
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 )) > "$OUT/runs/$2-$1.ms"
}
for ((round = 1; round <= ROUNDS; round++)); do
  echo "== round $round/$ROUNDS (ours and snmpbulkwalk at the same time)" >&2
  start_link $P_LINK "$round" "$OUT/runs/ours-$round.link" "$OUT/runs/link-ours-$round.out"
  start_link $P_LINK2 "$round" "$OUT/runs/snmpbulkwalk-$round.link" "$OUT/runs/link-snmpbulkwalk-$round.out"
  walk "$round" ours $P_LINK & w1=$!
  walk "$round" snmpbulkwalk $P_LINK2 & w2=$!
  rc=0; wait $w1 || rc=$?; wait $w2 || rc=$?
  stop_links
  [[ $rc == 0 ]] || { echo "lossy-bench.sh: a walk in round $round failed (exit $rc): $(cat "$OUT"/runs/*-"$round".txt.err)" >&2; exit 1; }
  for c in ours snmpbulkwalk; do
    out=$OUT/runs/$c-$round.txt
    if ! cmp -s "$out" "$OUT/runs/direct.txt"; then
      echo "lossy-bench.sh: $c's walk in round $round differs from the direct walk ($(wc -l < "$out") lines, $expected expected): $out" >&2; exit 1
    fi
    echo "walk $c $round $(cat "$OUT/runs/$c-$round.ms")" >> "$RESULTS"
    echo "link $c $round $(paste -sd ';' "$OUT/runs/$c-$round.link" | sed 's/;/; /g')" >> "$RESULTS"
    echo "   round $round $c: $(cat "$OUT/runs/$c-$round.ms") ms, output identical to the direct walk" >&2
  done
done
echo "note load average at end $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS"

# The report: medians and ranges over rounds, the speed-up round by round.
python3 - "$RESULTS" "$OUT/results.tsv" "$MODE" "$expected" <<'EOF' | tee "$OUT/report.md"
import statistics, sys
results, tsv, mode, varbinds = sys.argv[1:5]
ms, links, notes = {}, {}, []
for line in open(results):
    w = line.split()
    if w[0] == "walk":
        ms.setdefault(w[1], {})[int(w[2])] = int(w[3])
    elif w[0] == "link":
        links[(w[1], int(w[2]))] = line.split(None, 3)[3].strip()
    elif w[0] == "note":
        notes.append(line[5:].strip())
rounds = sorted(ms["ours"])
ratios = [ms["snmpbulkwalk"][r] / ms["ours"][r] for r in rounds]
def row(values):
    return statistics.median(values), min(values), max(values)
with open(tsv, "w") as f:
    for key, values in (("lossy.ours.wall_s", [ms["ours"][r] / 1000 for r in rounds]),
                        ("lossy.snmpbulkwalk.wall_s", [ms["snmpbulkwalk"][r] / 1000 for r in rounds]),
                        ("lossy.ratio.speed.snmpbulkwalk", ratios)):
        f.write("%s\t%.3f\t%.3f\t%.3f\n" % ((key,) + row(values)))
    f.write("lossy.varbinds\t%s\t%s\t%s\n" % (varbinds, varbinds, varbinds))
print("### A bulk walk through a lossy link (bench/lossy-bench.sh)\n")
print("\n".join("- " + n for n in notes) + "\n")
print("| round | ours (--adaptive-timeout) | snmpbulkwalk | snmpbulkwalk / ours |")
print("|---|---|---|---|")
for r, x in zip(rounds, ratios):
    print("| %d | %.1f s | %.1f s | %.2fx |" % (r, ms["ours"][r] / 1000, ms["snmpbulkwalk"][r] / 1000, x))
m, lo, hi = row(ratios)
print("\nSpeed-up, median of the rounds: **%.2fx** (%.2f-%.2f); target ≥ 3x: %s%s.\n" % (m, lo, hi, "met" if m >= 3 else "not met", "" if mode == "full" else " (quick run: not for reporting)"))
print("Every walk's output was identical to the direct walk's. The link's counters per walk:\n")
for (c, r), text in sorted(links.items(), key=lambda kv: (kv[0][1], kv[0][0])):
    print("- round %d, %s: %s" % (r, c, text))
EOF
