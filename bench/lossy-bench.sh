#!/usr/bin/env bash
# lossy-bench.sh - a bulk walk of snmpd's 10,000-row big table through a lossy link: our command line
# (./puresnmp bulkwalk --adaptive-timeout) against snmpbulkwalk, with the same -t, -r and -Cr, through the
# same link settings; prints a Markdown fragment and writes OUT/report.md and OUT/results.tsv (key, median,
# min, max). The target: ours at least 3x faster.
#
#   bench/lossy-bench.sh            full run (~15 min): 3 rounds, the whole table (40,000 varbinds)
#   QUICK=1 bench/lossy-bench.sh    smoke run (~1 min): 1 round, one column (10,000 varbinds), 5% loss;
#                                   proves it works, its figures are not for reporting
# Env, as every part of ./run-benchmarks: QUICK=1, OUT (work directory, default bench/target/lossy),
#   NO_BUILD=1 (skip the Maven build), PORT_BASE (default 15190: snmpd, the link on +0, +1). Own: ROUNDS,
#   LOSS (chance of loss each way, 0.2), DUP (chance of a duplicate, 0.05), REORDER_MS (extra delay up to, 20),
#   TIMEOUT (-t, 0.5), RETRIES (-r, 8), CR (-Cr, 50), JAR and CLI_JAR (the jars to run).
#
# How it is measured, and why:
#   * The link is core's test support LossyLink (dev.puresnmp.transport.LossyLink) in its own JVM
#     (dev.puresnmp.bench.lossy.LossyRelay), restarted for every walk with the round's seed, so both clients
#     meet the same sequence of decisions (not the same datagrams lost: their datagrams differ in timing).
#     Its counters (received, relayed, dropped, duplicated, each way) go to the report.
#   * Each walk is one process, as the tools are used: ./puresnmp's JVM start (~0.2 s) is in its time.
#   * Both print numeric OIDs (-On); every walk's output is compared with a direct walk of snmpd by
#     snmpbulkwalk (no link): a walk that differs fails the run.
#   * Rounds alternate the order of the clients; the speed-up is taken round by round (snmpbulkwalk's time
#     over ours), then its median and range over the rounds.
# Every lost datagram costs snmpbulkwalk its whole -t; ours waits about a measured round trip instead
# (RFC 6298: SRTT + 4 RTTVAR, doubled per unanswered attempt, at least 20 ms, at most -t).
# Loopback only; snmpd and the link are stopped by PID.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PEERS=$ROOT/peers
OUT=${OUT:-$ROOT/bench/target/lossy}
PORT_BASE=${PORT_BASE:-15190}
P_SNMPD=$PORT_BASE P_LINK=$((PORT_BASE + 1))
JAR=${JAR:-$ROOT/bench/target/benchmarks.jar}    # JAR, CLI_JAR: copies of the jars, to build meanwhile
CLI_JAR=${CLI_JAR:-$ROOT/cli/target/puresnmp.jar}
TABLE=1.3.6.1.4.1.8072.9999.9999.7
TIMEOUT=${TIMEOUT:-0.5} RETRIES=${RETRIES:-8} CR=${CR:-50} DUP=${DUP:-0.05} REORDER_MS=${REORDER_MS:-20}
if [[ ${QUICK:-0} == 1 ]]; then
  MODE=quick ROUNDS=${ROUNDS:-1} LOSS=${LOSS:-0.05} ROOT_OID=$TABLE.1.1
else
  MODE=full ROUNDS=${ROUNDS:-3} LOSS=${LOSS:-0.2} ROOT_OID=$TABLE
fi
for t in java mvn snmpbulkwalk snmpd gcc; do
  command -v "$t" >/dev/null || { echo "lossy-bench.sh: $t not found (apt-get install -y snmp snmpd gcc libsnmp-dev)" >&2; exit 1; }
done
mkdir -p "$OUT" && chmod 755 "$OUT"
rm -rf "$OUT/snmpd" "$OUT/runs"
mkdir -p "$OUT/runs"
RESULTS=$OUT/results.txt
: > "$RESULTS"
LINK_PID=
cleanup() {
  [[ -n $LINK_PID ]] && kill "$LINK_PID" 2>/dev/null || true
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
echo "note mode $MODE: $ROUNDS round(s), $expected varbinds under $ROOT_OID, link: loss $LOSS each way, duplicates $DUP, reordering up to $REORDER_MS ms; -t $TIMEOUT -r $RETRIES -Cr$CR; load average at start $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS"

start_link() {  # SEED COUNTERS_FILE
  java -Xmx128m -cp "$JAR" dev.puresnmp.bench.lossy.LossyRelay $P_SNMPD $P_LINK "$LOSS" "$DUP" "$REORDER_MS" "$1" "$2" > "$OUT/link.out" 2>&1 &
  LINK_PID=$!
  for _ in $(seq 100); do grep -q listening "$OUT/link.out" 2>/dev/null && return; sleep 0.1; done
  echo "lossy-bench.sh: the link did not start: $(cat "$OUT/link.out")" >&2; exit 1
}
stop_link() {
  kill "$LINK_PID"; wait "$LINK_PID" 2>/dev/null || true; LINK_PID=
}
walk() {  # ROUND CLIENT: one timed walk through a fresh link; appends "walk CLIENT ROUND SECONDS"
  local out=$OUT/runs/$2-$1.txt t0 t1
  start_link "$1" "$OUT/runs/$2-$1.link"
  t0=$(date +%s%N)
  if [[ $2 == ours ]]; then "${OURS[@]}" 127.0.0.1:$P_LINK $ROOT_OID > "$out" 2> "$out.err"; else "${NETSNMP[@]}" 127.0.0.1:$P_LINK $ROOT_OID > "$out" 2> "$out.err"; fi
  t1=$(date +%s%N)
  stop_link
  if ! cmp -s "$out" "$OUT/runs/direct.txt"; then
    echo "lossy-bench.sh: $2's walk in round $1 differs from the direct walk ($(wc -l < "$out") lines, $expected expected): $out" >&2; exit 1
  fi
  echo "walk $2 $1 $(( (t1 - t0) / 1000000 ))" >> "$RESULTS"
  echo "link $2 $1 $(paste -sd ';' "$OUT/runs/$2-$1.link" | sed 's/;/; /g')" >> "$RESULTS"
  echo "   round $1 $2: $(( (t1 - t0) / 1000000 )) ms, output identical to the direct walk" >&2
}
for ((round = 1; round <= ROUNDS; round++)); do
  order=(ours snmpbulkwalk)
  ((round % 2 == 0)) && order=(snmpbulkwalk ours)
  echo "== round $round/$ROUNDS (${order[*]})" >&2
  for c in "${order[@]}"; do walk $round "$c"; done
done
echo "note load average at end $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS"

# The report: medians and ranges over rounds, the speed-up round by round.
python3 - "$RESULTS" "$OUT/results.tsv" "$MODE" <<'EOF' | tee "$OUT/report.md"
import statistics, sys
results, tsv, mode = sys.argv[1:4]
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
