#!/usr/bin/env bash
# codec-bench.sh - the codec part of ./run-benchmarks: puresnmp against SNMP4J 3.8.2 on the messages of
# bench/src/main/resources/fixtures, decode and encode, with -prof gc; prints a Markdown fragment (ops/s,
# bytes/op from gc.alloc.rate.norm, the ratios puresnmp/SNMP4J paired by round, the targets' check) and
# writes OUT/report.md and OUT/results.tsv (key, median, min, max). Run from anywhere:
#
#   bench/codec-bench.sh            full run: 2 rounds, the 2 response messages (the targets' rows), 4 x 1 s warmup,
#                                   3 x 1 s measurement (~2.3 min); MESSAGES adds the requests
#   QUICK=1 bench/codec-bench.sh    smoke run: 1 round, the 2 response messages, 1 x 1 s warmup, 1 x 1 s
#                                   measurement (~30 s); proves it works, its figures are not for reporting
#
# Env, as every part of ./run-benchmarks: QUICK=1, OUT (default bench/target/codec), NO_BUILD=1 (skip the
# Maven build); no ports. Own: ROUNDS, WARMUPS, ITERATIONS, MESSAGES (space-separated). Arguments go to JMH.
#
# Why rounds of single-benchmark JMH runs rather than one `java -jar benchmarks.jar CodecBenchmark`:
# this machine's speed drifts by up to 2x within minutes (neighbours), and one JMH run measures all of
# our benchmarks before SNMP4J's, minutes apart. Here each of our benchmarks runs right next to its
# SNMP4J twin (one fork each, who goes first alternating by round), each round gives a ratio, and the
# report takes the median. Every benchmark gets one fork per round: 2 forks in a full run. The warmup
# is 4 s, with 3 s measured after it, because C2 needs 4-7 s to settle here when the machine is busy; CpuTimeProfiler's per-CPU-second ratio
# shows where a neighbour disturbed a round. CpuTimeProfiler adds ops per
# second of CPU time, which a busy neighbour does not distort; the report shows that ratio too, and the
# highest load average seen (above 2 on these 2 vCPUs, someone else was running).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ${QUICK:-0} == 1 ]]; then
  rounds=${ROUNDS:-1} warmups=${WARMUPS:-1} iterations=${ITERATIONS:-1}
  messages=${MESSAGES:-v2c-get-response-10 v2c-getbulk-response-50}
else
  rounds=${ROUNDS:-2} warmups=${WARMUPS:-4} iterations=${ITERATIONS:-3}
  messages=${MESSAGES:-v2c-get-response-10 v2c-getbulk-response-50}
fi
jmh_args=("$@")

if [[ ${NO_BUILD:-0} != 1 ]]; then
  echo "== building (mvn package -pl bench,cli -am)" >&2
  mvn -q -B -DskipTests package -pl bench,cli -am >&2
fi
jar=bench/target/benchmarks.jar
OUT=${OUT:-bench/target/codec}
out=$OUT/jmh
rm -rf "$out" && mkdir -p "$out"
max_load=0

# Fail in seconds, not after the run, if either codec no longer reproduces the fixtures.
java -cp "$jar" dev.puresnmp.bench.CodecBenchmark > "$OUT/fixtures.txt"

for ((r = 1; r <= rounds; r++)); do
  for m in $messages; do
    for op in decode encode; do
      libs=(Puresnmp Snmp4j)
      if ((r % 2 == 0)); then libs=(Snmp4j Puresnmp); fi
      for lib in "${libs[@]}"; do
        run="r$r-$m-$op$lib"
        echo "round $r/$rounds: $op $m, $lib" >&2
        # -foe: a failed @Setup check (encoders must reproduce the fixture) fails the script
        java -jar "$jar" "CodecBenchmark\.$op$lib\$" -p message="$m" \
          -f 1 -wi "$warmups" -w 1s -i "$iterations" -r 1s -foe true \
          -prof gc -prof dev.puresnmp.bench.CpuTimeProfiler \
          -rf json -rff "$out/$run.json" "${jmh_args[@]}" >"$out/$run.log" 2>&1 ||
          { tail -40 "$out/$run.log" >&2; exit 1; }
        load=$(cut -d' ' -f1 /proc/loadavg)
        max_load=$(awk -v a="$load" -v b="$max_load" 'BEGIN { print (a > b ? a : b) }')
      done
    done
  done
done

{
  echo "### Codec: decode and encode, puresnmp against SNMP4J 3.8.2"
  echo
  echo "Fixtures (both encoders must reproduce each byte for byte, both decoders agree):"
  echo
  echo '```'
  cat "$OUT/fixtures.txt"
  echo '```'
  echo
  java -Dcodec.maxLoad="$max_load" -Dcodec.results="$OUT/results.tsv" -cp "$jar" dev.puresnmp.bench.CodecReport "$out"
} | tee "$OUT/report.md"
