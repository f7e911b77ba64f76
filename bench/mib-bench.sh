#!/usr/bin/env bash
# mib-bench.sh - the MIB part of ./run-benchmarks: what MIBs cost, against Net-SNMP 5.9 on the same modules and
# the same snmpd; prints a Markdown fragment and writes OUT/report.md and OUT/results.tsv (key, median, min, max).
#   1. the built-in set: the first Mib.builtIn() in fresh JVMs (BuiltInMibLoadTime: the call alone, in a JVM
#      that has run nothing, and after one lambda), and JMH's single shot (BuiltInMibBenchmark.firstBuiltIn: a
#      fresh fork each, after JMH's own code ran);
#   2. parsing every test MIB: the standard modules of the npm package net-snmp (fetch-standard-mibs.sh, npm pack)
#      and /usr/share/snmp/mibs, every file loaded, leniently (MibParseTime: the first load in a fresh JVM and
#      then warm loads); beside it, with hyperfine, `puresnmp translate -M DIRS -m ALL -On .1` (the JVM's start
#      included) against `snmptranslate -M DIRS -m ALL -On .1`;
#   3. lookups (JMH, MibBenchmark over a recorded walk of snmpd, ~7,600 varbinds): OID->name and name->OID per s;
#   4. printing a walk with names against numeric output: formatting alone (JMH: mib.format against
#      NetSnmpFormat.format over the recording), and the whole walk+print (MibWalkPrint: our client bulk-walks
#      snmpd's whole tree at -Cr10 and prints each varbind to /dev/null, with names and numerically, in adjacent
#      pairs, the order alternating; snmpd's CPU per walk from /proc); beside it snmpbulkwalk -Cr10 with
#      `-m ALL` against `-m ALL -On` and `-m '' -On` (no MIBs) against the same snmpd (hyperfine): what
#      Net-SNMP itself loses with names. One names walk of each is compared name by name.
#
#   bench/mib-bench.sh           full run (~2 min): 11 JVMs for the built-in set, 3 parse JVMs, 2 rounds of JMH
#                                (2 x 1 s warm-up, 2 x 1 s measured), 2 walk JVMs of 20 warm-up + 10 timed pairs
#   QUICK=1 bench/mib-bench.sh   smoke run (~40 s): 5 JVMs, 2 parse JVMs, 1 round of 1 + 1 s, 1 walk JVM of 3 + 3
#                                pairs; proves it works, its figures are not for reporting
# Env, as every part of ./run-benchmarks: QUICK=1, OUT (work directory, default bench/target/mib), NO_BUILD=1
#   (skip the Maven build), PORT_BASE (default 15170: snmpd on 127.0.0.1, without the big table). Needs npm
#   (the standard modules are fetched once into OUT/std-mibs), snmptranslate, snmpbulkwalk, snmpd, hyperfine.
# Loopback only; snmpd is stopped by PID (peer-stop.sh); every JVM here ends by itself.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PEERS=$ROOT/peers
OUT=${OUT:-$ROOT/bench/target/mib}
PORT_BASE=${PORT_BASE:-15170}
P_SNMPD=$PORT_BASE
JAR=$ROOT/bench/target/benchmarks.jar
CLI=$ROOT/cli/target/puresnmp.jar
if [[ ${QUICK:-0} == 1 ]]; then
  MODE=quick LOAD_JVMS=5 SINGLE_FORKS=3 PARSE_JVMS=2 PARSE_WARM=5 TRANSLATE_RUNS=3 ROUNDS=1 JMH_WI=1 JMH_I=1
  WALK_WARM=3 WALK_RUNS=3 NETSNMP_RUNS=3
else
  MODE=full LOAD_JVMS=11 SINGLE_FORKS=6 PARSE_JVMS=3 PARSE_WARM=20 TRANSLATE_RUNS=10 ROUNDS=2 JMH_WI=2 JMH_I=2
  WALK_WARM=20 WALK_RUNS=10 NETSNMP_RUNS=10
fi
for t in java mvn npm snmptranslate snmpbulkwalk snmpd hyperfine python3; do
  command -v "$t" >/dev/null || { echo "mib-bench.sh: $t not found (apt-get install -y snmp snmpd hyperfine npm)" >&2; exit 1; }
done
mkdir -p "$OUT" && chmod 755 "$OUT"
rm -rf "$OUT/snmpd" "$OUT/runs" && mkdir -p "$OUT/runs"
cleanup() { bash "$PEERS/peer-stop.sh" "$OUT/snmpd" >/dev/null 2>&1 || true; }
trap cleanup EXIT

if [[ ${NO_BUILD:-0} != 1 ]]; then
  echo "== building (mvn package -pl bench,cli -am)" >&2
  (cd "$ROOT" && mvn -q -B -DskipTests package -pl bench,cli -am) >&2
fi
echo "== the test MIBs: the standard modules (npm pack net-snmp, once) and /usr/share/snmp/mibs" >&2
sh "$ROOT/core/src/test/resources/dev/puresnmp/mib/fetch-standard-mibs.sh" "$OUT/std-mibs" >&2
DIRS=$OUT/std-mibs/package/lib/mibs:/usr/share/snmp/mibs
export SNMPCONFPATH=/nonexistent  # no snmp.conf chooses modules or options for the Net-SNMP tools (ours reads none)
echo "note mode $MODE; load average at start $(cut -d' ' -f1-3 /proc/loadavg)" > "$OUT/runs/notes.txt"

echo "== 1. the built-in set: $LOAD_JVMS fresh JVMs, twice; JMH single shot, $SINGLE_FORKS forks" >&2
java -cp "$JAR" dev.puresnmp.bench.mib.BuiltInMibLoadTime --runs "$LOAD_JVMS" > "$OUT/runs/builtin.txt"
java -cp "$JAR" dev.puresnmp.bench.mib.BuiltInMibLoadTime --runs "$LOAD_JVMS" --after-lambda > "$OUT/runs/builtin-after-lambda.txt"
java -jar "$JAR" 'BuiltInMibBenchmark\.firstBuiltIn$' -f "$SINGLE_FORKS" -foe true -rf json -rff "$OUT/runs/builtin-jmh.json" > "$OUT/runs/builtin-jmh.log" 2>&1 ||
  { tail -20 "$OUT/runs/builtin-jmh.log" >&2; exit 1; }

echo "== 2. parsing every test MIB: $PARSE_JVMS JVMs of 1 + $PARSE_WARM loads; translate against snmptranslate" >&2
for ((i = 1; i <= PARSE_JVMS; i++)); do
  java -cp "$JAR" dev.puresnmp.bench.mib.MibParseTime "$DIRS" "$PARSE_WARM" > "$OUT/runs/parse-$i.txt"
done
# both must print the same (standard output: snmptranslate warns on standard error of imports it cannot find, ours not)
java -jar "$CLI" translate -M "$DIRS" -m ALL -On .1 > "$OUT/runs/translate-ours.txt" 2>/dev/null
snmptranslate -M "$DIRS" -m ALL -On .1 > "$OUT/runs/translate-snmptranslate.txt" 2>/dev/null
cmp "$OUT/runs/translate-ours.txt" "$OUT/runs/translate-snmptranslate.txt" >&2
hyperfine -N --style none --warmup 1 --runs "$TRANSLATE_RUNS" --export-json "$OUT/runs/translate.json" --output null \
  -n puresnmp "java -jar $CLI translate -M $DIRS -m ALL -On .1" -n snmptranslate "snmptranslate -M $DIRS -m ALL -On .1" >&2

echo "== snmpd on 127.0.0.1:$P_SNMPD; a walk recorded" >&2
BIGTABLE=0 bash "$PEERS/snmpd-start.sh" $P_SNMPD "$OUT/snmpd" >&2
SNMPD_PID=$(cat "$OUT/snmpd/snmpd.pid")
java -cp "$JAR" dev.puresnmp.bench.mib.MibWalkPrint record $P_SNMPD "$OUT/walk.bin" >&2

echo "== 3, 4. JMH over the recording: $ROUNDS round(s), $JMH_WI + $JMH_I s per benchmark" >&2
for ((r = 1; r <= ROUNDS; r++)); do
  order=(formatNames formatNumeric nameOfOid oidOfName)
  ((r % 2 == 0)) && order=(formatNumeric formatNames oidOfName nameOfOid)
  for b in "${order[@]}"; do
    echo "round $r/$ROUNDS: $b" >&2
    java -jar "$JAR" "\\.MibBenchmark\\.$b\$" -p recording="$OUT/walk.bin" -p mibs="$DIRS" -f 1 -wi $JMH_WI -w 1s -i $JMH_I -r 1s -foe true \
      -rf json -rff "$OUT/runs/jmh-$b-$r.json" > "$OUT/runs/jmh-$b-$r.log" 2>&1 || { tail -20 "$OUT/runs/jmh-$b-$r.log" >&2; exit 1; }
  done
done

echo "== 4. walk+print of snmpd: $ROUNDS JVM(s) of $WALK_WARM + $WALK_RUNS pairs; snmpbulkwalk, $NETSNMP_RUNS runs each" >&2
WALK="snmpbulkwalk -v2c -c public -Cr10 -t 5 -r 1"
java -cp "$JAR" dev.puresnmp.bench.mib.MibWalkPrint run $P_SNMPD "$DIRS" 0 1 "$OUT/runs/walk-ours.txt" >&2
$WALK -M "$DIRS" -m ALL 127.0.0.1:$P_SNMPD .1 > "$OUT/runs/walk-snmpbulkwalk.txt"
for ((r = 1; r <= ROUNDS; r++)); do
  echo "round $r/$ROUNDS: ours" >&2
  timeout 300 java -Xms256m -Xmx256m -cp "$JAR" dev.puresnmp.bench.mib.MibWalkPrint run $P_SNMPD "$DIRS" $WALK_WARM $WALK_RUNS /dev/null "$SNMPD_PID" \
    > "$OUT/runs/walk-$r.txt" 2>> "$OUT/jvm.log"
  echo "round $r/$ROUNDS: snmpbulkwalk" >&2
  hyperfine -N --style none --warmup 1 --runs "$NETSNMP_RUNS" --export-json "$OUT/runs/netsnmp-$r.json" --output null \
    -n names "$WALK -M $DIRS -m ALL 127.0.0.1:$P_SNMPD .1" -n numeric "$WALK -M $DIRS -m ALL -On 127.0.0.1:$P_SNMPD .1" \
    -n no-mibs "$WALK -m '' -On 127.0.0.1:$P_SNMPD .1" >&2
done
bash "$PEERS/peer-stop.sh" "$OUT/snmpd" >&2
echo "note load average at end $(cut -d' ' -f1-3 /proc/loadavg) (above 2 on these 2 vCPUs: something else was running)" >> "$OUT/runs/notes.txt"

python3 - "$OUT" "$ROUNDS" "$MODE" "$DIRS" <<'EOF' | tee "$OUT/report.md"
import glob, json, re, statistics, sys
out, rounds, mode, dirs = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
runs = f"{out}/runs"
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
med = statistics.median

# 1. the built-in set
def loads(path):
    return [float(l.split()[0]) for l in open(path) if " ms to Mib.builtIn()" in l]
first, after = loads(f"{runs}/builtin.txt"), loads(f"{runs}/builtin-after-lambda.txt")
single = [x for fork in json.load(open(f"{runs}/builtin-jmh.json"))[0]["primaryMetric"]["rawData"] for x in fork]
objects = re.search(r"\((\d+) objects\)", open(f"{runs}/builtin.txt").read()).group(1)
put("mib.builtin.first_ms", first)
put("mib.builtin.after_lambda_ms", after)
put("mib.builtin.jmh_single_shot_ms", single)
print(f"### The built-in MIB set: the first `Mib.builtIn()` ({int(objects):,} objects)\n")
print(f"Mode {mode}. Each figure is one fresh JVM's first call (the call alone, not the JVM's start); median (min–max) over the JVMs. "
      "Target: ≤ 20 ms in a fresh JVM.\n")
print("| how | JVMs | ms |")
print("|---|---:|---:|")
print(f"| fresh JVM, nothing run before (`BuiltInMibLoadTime`) | {len(first)} | {rng(first)} |")
print(f"| fresh JVM after one lambda (the JVM's lambda bootstrap not counted) | {len(after)} | {rng(after)} |")
print(f"| JMH single shot, a fork each (`BuiltInMibBenchmark.firstBuiltIn`, after JMH's own code ran) | {len(single)} | {rng(single)} |")
print()

# 2. parsing every test MIB
parse = [open(f).read().split("\n") for f in sorted(glob.glob(f"{runs}/parse-*.txt"))]
pfirst = [float(p[0].split()[1]) for p in parse]
files, modules, objs, problems = parse[0][0].split()[2:6]
pwarm = [med([float(l.split()[2]) for l in p if l.startswith("warm ")]) for p in parse]
put("mib.parse.files", [int(files)])
put("mib.parse.objects", [int(objs)])
put("mib.parse.first_ms", pfirst)
put("mib.parse.warm_ms", pwarm)
tr = {r["command"]: [t * 1000 for t in r["times"]] for r in json.load(open(f"{runs}/translate.json"))["results"]}
put("mib.parse.translate.puresnmp_ms", tr["puresnmp"])
put("mib.parse.translate.snmptranslate_ms", tr["snmptranslate"])
put("mib.parse.ratio.translate.puresnmp/snmptranslate", [med(tr["puresnmp"]) / med(tr["snmptranslate"])])
put("mib.parse.ratio.warm/snmptranslate", [w / med(tr["snmptranslate"]) for w in pwarm])
print(f"### Parsing every test MIB: {files} files, {modules} modules, {int(objs):,} objects\n")
print(f"The standard modules of the npm package net-snmp and /usr/share/snmp/mibs (`-M {dirs.replace(out + '/', 'OUT/')}`), "
      f"every file loaded, leniently ({problems} problems reported: imports that no file on the path holds). "
      "Ours in process (`MibParseTime`: the first load in a fresh JVM, then the median of its warm loads; median (min–max) over JVMs); "
      "whole commands with hyperfine (both print the same, checked): `puresnmp translate` pays the JVM's start, "
      "snmptranslate is C. A row to watch, not a target.\n")
print("| what | runs | ms |")
print("|---|---:|---:|")
print(f"| our parser, first load in a fresh JVM | {len(pfirst)} | {rng(pfirst, '{:.1f}')} |")
print(f"| our parser, warm (median per JVM) | {len(pwarm)} | {rng(pwarm, '{:.1f}')} |")
print(f"| `puresnmp translate -m ALL -On .1` (JVM start included) | {len(tr['puresnmp'])} | {rng(tr['puresnmp'], '{:.1f}')} |")
print(f"| `snmptranslate -m ALL -On .1` | {len(tr['snmptranslate'])} | {rng(tr['snmptranslate'], '{:.1f}')} |")
print()

# 3, 4. JMH over the recording
def jmh(b):
    return [json.load(open(f))[0]["primaryMetric"]["score"] for f in sorted(glob.glob(f"{runs}/jmh-{b}-*.json"))]
log = open(sorted(glob.glob(f"{runs}/jmh-oidOfName-*.log"))[0]).read()
n_vb, n_names = map(int, re.search(r"setup: (\d+) varbinds, (\d+) names", log).groups())
fn, fnum = jmh("formatNames"), jmh("formatNumeric")
name_rate, oid_rate = [x * n_names for x in jmh("nameOfOid")], [x * n_names for x in jmh("oidOfName")]
fn_rate, fnum_rate = [x * n_vb for x in fn], [x * n_vb for x in fnum]
fratio = [a / b for a, b in zip(fn, fnum)]
put("mib.lookup.name_per_s", name_rate)
put("mib.lookup.oid_per_s", oid_rate)
put("mib.format.names_per_s", fn_rate)
put("mib.format.numeric_per_s", fnum_rate)
put("mib.format.ratio.names/numeric", fratio)
print(f"### Lookups and formatting alone (JMH over a recorded walk of snmpd: {n_vb:,} varbinds)\n")
print(f"{rounds} round(s), one fork per benchmark and round, the pairs adjacent, the order alternating; per second: ops/s × the list "
      f"({n_vb:,} varbinds; {n_names:,} names that read back to their OID); the ratio round by round. The MIBs: every test MIB, as above.\n")
print("| what | per second | µs each | names ÷ numeric (speed) |")
print("|---|---:|---:|---:|")
print(f"| OID → name, `mib.name(oid)` | {rng(name_rate, '{:,.0f}')} | {1e6 / med(name_rate):.2f} | |")
print(f"| name → OID, `mib.oid(name)` | {rng(oid_rate, '{:,.0f}')} | {1e6 / med(oid_rate):.2f} | |")
print(f"| varbind printed with names, `mib.format(vb)` | {rng(fn_rate, '{:,.0f}')} | {1e6 / med(fn_rate):.2f} | {rng(fratio)} |")
print(f"| varbind printed numerically, `NetSnmpFormat.format(vb)` | {rng(fnum_rate, '{:,.0f}')} | {1e6 / med(fnum_rate):.2f} | |")
print()

# 4. walk+print
walks = {"names": [], "numeric": []}
pairs, cpu, agent, count = [], {"names": [], "numeric": []}, [], set()
for r in range(1, rounds + 1):
    by_run = {}
    for l in open(f"{runs}/walk-{r}.txt"):
        _, kind, run, wall, c, n, a = l.split()
        by_run.setdefault(run, {})[kind] = float(wall) / 1e6
        walks[kind].append(float(wall) / 1e6)
        cpu[kind].append(float(c) / 1e6)
        count.add(int(n))
        if int(a) >= 0:
            agent.append(float(a) / 1e6)
    pairs += [p["numeric"] / p["names"] for p in by_run.values()]
put("mib.walk.names_ms", walks["names"])
put("mib.walk.numeric_ms", walks["numeric"])
put("mib.walk.names_cpu_ms", cpu["names"])
put("mib.walk.numeric_cpu_ms", cpu["numeric"])
put("mib.walk.agent_ms", agent)
put("mib.walk.varbinds", list(count))
put("mib.walk.ratio.names/numeric", pairs)
ns = {"names": [], "numeric": [], "no-mibs": []}
for r in range(1, rounds + 1):
    for res in json.load(open(f"{runs}/netsnmp-{r}.json"))["results"]:
        ns[res["command"]].append([t * 1000 for t in res["times"]])
nsratio = [med(b) / med(a) for a, b in zip(ns["names"], ns["numeric"])]
flat = {k: [t for ts in v for t in ts] for k, v in ns.items()}
for k in ns:
    put(f"mib.netsnmp.{k.replace('-', '_')}_ms", flat[k])
put("mib.netsnmp.ratio.names/numeric", nsratio)
put("mib.netsnmp.ratio.names/no_mibs", [med(b) / med(a) for a, b in zip(ns["names"], ns["no-mibs"])])
def named(path):
    return [l.split(" = ")[0] for l in open(path, errors="replace") if " = " in l]
ours_l, theirs_l = named(f"{runs}/walk-ours.txt"), named(f"{runs}/walk-snmpbulkwalk.txt")
second = [x for x in ours_l if not x.startswith(".")]  # the file holds a numeric walk (".1.3…") and a names walk
differ = [(a, b) for a, b in zip(second, theirs_l) if a != b]
put("mib.walk.names_differing", [len(differ)])
mods = {}
for a, b in differ:
    key = f"{a.split('::')[0]} where snmpbulkwalk says {b.split('::')[0]}"
    mods[key] = mods.get(key, 0) + 1
print(f"### A walk of snmpd printed with names against numeric output\n")
print(f"Our client bulk-walks snmpd's whole tree (`.1`, -Cr10, {'/'.join(f'{c:,}' for c in sorted(count))} varbinds) and prints each varbind to /dev/null as it arrives, "
      "with `mib.format` (every test MIB) or `NetSnmpFormat.format` (as `-On`), in adjacent pairs, the order alternating, after warm-up walks; "
      "wall and CPU per walk: median (min–max) of every timed walk; the ratio: numeric walk time ÷ names walk time (names' speed "
      "as a share of numeric's), pair by pair. Target: ≥ 0.9. Beside it snmpbulkwalk -Cr10 against the same snmpd, the same MIBs (hyperfine; "
      "the ratio round by round).\n")
print("| client | output | walks | wall ms | client CPU ms | names ÷ numeric (speed) |")
print("|---|---|---:|---:|---:|---:|")
print(f"| puresnmp | names | {len(walks['names'])} | {rng(walks['names'], '{:.1f}')} | {rng(cpu['names'], '{:.1f}')} | {rng(pairs)} |")
print(f"| puresnmp | numeric | {len(walks['numeric'])} | {rng(walks['numeric'], '{:.1f}')} | {rng(cpu['numeric'], '{:.1f}')} | |")
print(f"| snmpbulkwalk `-m ALL` | names | {len(flat['names'])} | {rng(flat['names'], '{:.1f}')} | | {rng(nsratio)} |")
print(f"| snmpbulkwalk `-m ALL -On` | numeric | {len(flat['numeric'])} | {rng(flat['numeric'], '{:.1f}')} | | |")
print(f"| snmpbulkwalk `-m '' -On` | numeric, no MIBs read | {len(flat['no-mibs'])} | {rng(flat['no-mibs'], '{:.1f}')} | | |")
print()
print(f"snmpd spent {rng(agent, '{:.1f}')} ms of CPU per walk of ours. Formatting alone with names costs "
      f"{1e6 / med(fn_rate) - 1e6 / med(fnum_rate):.2f} µs more per varbind than numeric output (JMH above), "
      f"{(1 / med(fn_rate) - 1 / med(fnum_rate)) * max(count) * 1e3:.1f} ms per walk of {max(count):,} varbinds.")
print(f"Names compared with snmpbulkwalk `-m ALL`'s, line by line: {len(differ)} of {len(theirs_l):,} differ"
      + (": " + "; ".join(f"{n} {k}" for k, n in sorted(mods.items(), key=lambda x: -x[1])) if mods else "") + ".\n")
print("; ".join(l.strip().removeprefix("note ") for l in open(f"{runs}/notes.txt")) + ".")
open(f"{out}/results.tsv", "w").write("\n".join(tsv) + "\n")
EOF
